"""The anniversary broadcast against the local Bot API stand-in (`python -m bot bench --broadcast N`).

N chats (private chats and groups, Vietnamese and English) are subscribed in a temporary SQLite
database; the stand-in answers some of them once with 429 RetryAfter (retry_after=1), as Telegram
does under load. The real python-telegram-bot `Bot`, built by the composition root's
`base_builder` with an `AIORateLimiter` at Telegram's limits (30 messages/s overall, 20/min per
group), delivers through `bot.anniversaries.broadcast.broadcast` and the Telegram send adapter, paced as the
daily job paces it (`BROADCAST_RATE`: the limiter's token bucket alone lets ~60 requests through
in the first second of a burst). Printed: the
elapsed time, the peak number of sendMessage requests the stand-in received in any one second,
and how many chats got the post (every one, exactly once, or the run says so).

The fact base is the real one (KNOWLEDGE_DIR) when it loads, on the first day from 18 July 2027
on that has an anniversary; otherwise a one-event base built here, so the benchmark always runs.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any, Final

from pydantic import SecretStr
from telegram.ext import AIORateLimiter

from bot.anniversaries.broadcast import broadcast
from bot.anniversaries.dates import anniversaries_on
from bot.app.settings import Settings, load_settings
from bot.kb.facts import Event, EventKind
from bot.kb.knowledge import Knowledge
from bot.kb.loader import load_knowledge
from bot.storage.repository import Storage
from bot.telegram.anniversary_jobs import BROADCAST_RATE, telegram_sender
from bot.telegram.app import base_builder
from tests.support.fake_bot_api import FakeBotAPI

TOKEN: Final = "100003:BENCH-broadcast-bot"
FIRST_USER: Final = 3_000_000
FIRST_GROUP: Final = -1_003_000_000_000
RETRY_AFTER_EVERY: Final = 67  # ~1.5 % of the chats get one 429 first
PREFERRED_DAY: Final = dt.date(2027, 7, 18)


def _fallback_knowledge() -> Knowledge:
    event = Event(
        id="bench-anniversary",
        event_kind=EventKind.SIGNING,
        date="1977-07-18",  # type: ignore[arg-type]  # pydantic parses the FuzzyDate
        title_vi="Sự kiện mẫu cho benchmark",
        title_en="Benchmark sample event",
        summary_vi="Một sự kiện mẫu để đo thời gian gửi tin kỷ niệm.",
        summary_en="A sample event to time the anniversary broadcast.",
        source="bench.txt",
        quotes=["sample"],
    )
    return Knowledge.build([event], version="bench")


def _knowledge_and_day(settings: Settings) -> tuple[Knowledge, dt.date, str]:
    result = load_knowledge(settings.knowledge_dir, settings.seeds_dir)
    if result.knowledge is not None:
        for offset in range(366):
            day = PREFERRED_DAY + dt.timedelta(days=offset)
            if anniversaries_on(day, result.knowledge):
                return result.knowledge, day, f"real base, {len(result.knowledge.facts)} facts"
    return _fallback_knowledge(), PREFERRED_DAY, "built-in one-event base (the real base did not load)"


def _chat_ids(chats: int) -> list[int]:
    # Two chats in five are groups: the per-group limiter then has work to do too.
    return [FIRST_GROUP - i if i % 5 in (1, 3) else FIRST_USER + i for i in range(chats)]


async def _run(settings: Settings, chats: int, database: Path) -> dict[str, Any]:
    knowledge, day, base = _knowledge_and_day(settings)
    ids = _chat_ids(chats)
    storage = Storage.open(f"sqlite:///{database}")
    try:
        for index, chat_id in enumerate(ids):
            storage.subscribe(
                chat_id, "group" if chat_id < 0 else "private", language="en" if index % 3 == 0 else "vi"
            )
        with FakeBotAPI(long_poll_cap=0.2) as api:
            throttled = ids[::RETRY_AFTER_EVERY]
            for chat_id in throttled:
                api.fail_next("sendMessage", chat_id=chat_id, error="retry_after", retry_after=1)
            bench_settings = settings.model_copy(
                update={
                    "telegram_api_base_url": api.base_url,
                    "telegram_bot_token": SecretStr(TOKEN),
                }
            )
            # max_retries=0: a 429 reaches the broadcast, which waits it out and retries itself.
            limiter = AIORateLimiter(max_retries=0)
            app = base_builder(bench_settings, rate_limiter=limiter).build()
            async with app:
                start = time.monotonic()
                report = await broadcast(
                    day, knowledge, storage, telegram_sender(app.bot), rate=BROADCAST_RATE
                )
                elapsed = time.monotonic() - start
            delivered = Counter(call.params.get("chat_id") for call in api.calls("sendMessage") if call.ok)
            return {
                "chats": chats,
                "day": day.isoformat(),
                "base": base,
                "anniversaries": len(report.anniversaries),
                "elapsed_s": round(elapsed, 2),
                "peak_per_s": api.peak_rate("sendMessage"),
                "delivered": sum(1 for chat_id in ids if delivered[chat_id] >= 1),
                "duplicates": sum(1 for count in delivered.values() if count > 1),
                "retry_after_injected": len(throttled),
                "retried": report.retried,
                "report": report.counts(),
            }
    finally:
        storage.close()


def run_broadcast_benchmark(
    chats: int = 1000, *, settings: Settings | None = None, quiet: bool = False
) -> dict[str, Any]:
    """Run the benchmark, print the figures (unless `quiet`) and return them."""
    settings = settings or load_settings()
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("bot.anniversaries.broadcast").setLevel(logging.WARNING)
    # With max_retries=0 the limiter logs every 429 with a traceback; the broadcast handles them.
    logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.CRITICAL)
    with tempfile.TemporaryDirectory() as tmp:
        figures = asyncio.run(_run(settings, chats, Path(tmp) / "broadcast.sqlite3"))
    if not quiet:
        print(
            f"anniversary broadcast to {chats} chats on {figures['day']} ({figures['anniversaries']} "
            f"anniversaries; {figures['base']}); local Bot API stand-in, AIORateLimiter 30/s, paced at "
            f"{BROADCAST_RATE:g}/s, "
            f"{figures['retry_after_injected']} injected RetryAfter(1 s)"
        )
        print(f"  elapsed:   {figures['elapsed_s']:.1f} s")
        rate_ok = "OK" if figures["peak_per_s"] <= 31 else "ABOVE 30/s"
        print(f"  peak rate: {figures['peak_per_s']} sendMessage requests in one second ({rate_ok})")
        complete = "OK" if figures["delivered"] == chats and not figures["duplicates"] else "INCOMPLETE"
        print(
            f"  delivered: {figures['delivered']}/{chats} chats, {figures['duplicates']} duplicates, "
            f"{figures['retried']} RetryAfter waited out ({complete})"
        )
    return figures


__all__ = ["run_broadcast_benchmark"]

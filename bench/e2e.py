"""End-to-end throughput: the real bot against a bare echo bot (`python -m bot bench --e2e`).

Both are python-telegram-bot Applications built on the same `base_builder` (same request
pool, concurrency, defaults and `AIORateLimiter`), run by long polling against one local
Bot API stand-in (`tests.support.fake_bot_api`) in the same process. Each is fed the same burst of
private messages carrying realistic questions from many users; throughput is updates per
second from the moment the burst is injected until the stand-in records the last reply.
Rounds alternate echo, bot, echo, bot, ... and the median of each is reported.

The rate limiter is configured without limits here: with Telegram's real limits
(30 messages/s) both bots would simply measure the limiter. The real bot uses a temporary
SQLite database, so statistics and the unanswered log are written as in production.
"""

from __future__ import annotations

import asyncio
import logging
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from telegram import Update
from telegram.ext import AIORateLimiter, MessageHandler, filters

from bot.app.service import KnowledgeService
from bot.app.settings import Settings, load_settings
from bot.storage.repository import Storage
from bot.telegram.app import base_builder, build_application, running
from bot.telegram.state import BotContext
from tests.support.fake_bot_api import FakeBotAPI

BOT_TOKEN = "100001:BENCH-real-bot"
ECHO_TOKEN = "100002:BENCH-echo-bot"
NO_CACHE_TOKEN = "100003:BENCH-real-bot-no-cache"
USERS = 50

QUESTIONS = [
    "Tham vấn chính trị cấp Bộ trưởng lần thứ 8 diễn ra khi nào?",
    "tham van chinh tri cap bo truong lan thu 8 dien ra khi nao",
    "cuộc họp lần thứ 8 diễn ra ở đâu?",
    "When did the 8th Ministerial Political Consultation take place?",
    "Who is Saleumxay Kommasith?",
    "Bùi Thanh Sơn là ai?",
    "bui thanh son la ai",
    "Ngày 28/12 có sự kiện gì?",
    "What happened on 28/12/2021?",
    "Kim ngạch thương mại Việt Nam – Lào năm 2023 là bao nhiêu?",
    "Việt Nam và Lào đã ký những thỏa thuận nào?",
    "Who is the Prime Minister of Thailand?",
    "Thủ đô của Pháp là gì?",
    "Liệt kê các cuộc Tham vấn chính trị",
    "Where was the 8th political consultation held?",
    "Ai đồng chủ trì Tham vấn chính trị lần thứ 8?",
    "Lào giữ chức Chủ tịch ASEAN năm nào?",
    "xin chao",
]


async def _echo(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is not None and message.text:
        await message.reply_text(message.text)


def _unlimited() -> AIORateLimiter:
    return AIORateLimiter(overall_max_rate=0, group_max_rate=0)


async def _round(api: FakeBotAPI, token: str, updates: int, first_user: int) -> float:
    """Inject `updates` questions as one burst; updates per second until the last reply."""
    payloads = [
        api.message(
            QUESTIONS[i % len(QUESTIONS)], user_id=first_user + i % USERS, language_code="vi", token=token
        )
        for i in range(updates)
    ]
    api.clear_calls()  # keeps the stand-in's call log (scanned below) short
    before = 0
    start = time.monotonic()
    for payload in payloads:
        api.inject_update(payload, token=token)
    deadline = start + 120
    while True:
        calls = api.calls("sendMessage", token=token)
        if len(calls) >= before + updates:
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"only {len(calls) - before}/{updates} replies within 120 s")
        await asyncio.sleep(0.02)  # the end time comes from the stand-in's record, not from here
    last = max(call.time for call in calls[before:])
    return updates / (last - start)


async def _benchmark(settings: Settings, updates: int, rounds: int, database: Path) -> dict[str, Any]:
    with FakeBotAPI(long_poll_cap=0.5) as api:
        bot_settings = settings.model_copy(
            update={"telegram_api_base_url": api.base_url, "admin_user_ids": frozenset()}
        )
        service = KnowledgeService.from_settings(settings)
        storage = Storage.open(f"sqlite:///{database}")

        def real_bot(token: str, cache: int) -> Any:
            api.register_bot(token, username=f"bench{token.split(':')[0]}_bot")
            return build_application(
                bot_settings.model_copy(update={"telegram_bot_token": SecretStr(token)}),
                service,
                storage,
                rate_limiter=_unlimited(),
                answer_cache_size=cache,
            )

        api.register_bot(ECHO_TOKEN, username="echo_bench_bot")
        echo_app = base_builder(bot_settings, token=ECHO_TOKEN, rate_limiter=_unlimited()).build()
        echo_app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, _echo))
        apps = {
            "echo": (ECHO_TOKEN, echo_app),
            "bot": (BOT_TOKEN, real_bot(BOT_TOKEN, 1024)),
            "bot_no_cache": (NO_CACHE_TOKEN, real_bot(NO_CACHE_TOKEN, 0)),
        }
        results: dict[str, list[float]] = {name: [] for name in apps}
        try:
            async with running(apps["echo"][1]), running(apps["bot"][1]), running(apps["bot_no_cache"][1]):
                for token, _ in apps.values():
                    await _round(api, token, min(50, updates), 10_000)  # warm-up, not counted
                for index in range(rounds):
                    users = 20_000 + index * 1000  # new users each round: language look-ups included
                    for name, (token, _) in apps.items():
                        results[name].append(await _round(api, token, updates, users))
        finally:
            storage.close()
    median = {name: statistics.median(values) for name, values in results.items()}
    # Each round runs the bots back to back, so a round's ratio compares them under the same load;
    # the median of those ratios shrugs off the rounds the 2-core machine was busy elsewhere.
    paired = statistics.median(b / e for b, e in zip(results["bot"], results["echo"], strict=True))
    paired_no_cache = statistics.median(
        b / e for b, e in zip(results["bot_no_cache"], results["echo"], strict=True)
    )
    return {
        "updates": updates,
        "rounds": rounds,
        "facts": len(service.knowledge.facts),
        "echo_updates_per_s": round(median["echo"], 1),
        "bot_updates_per_s": round(median["bot"], 1),
        "ratio": round(paired, 3),
        "bot_no_cache_updates_per_s": round(median["bot_no_cache"], 1),
        "ratio_no_cache": round(paired_no_cache, 3),
        "all_rounds": {name: [round(x, 1) for x in values] for name, values in results.items()},
    }


def run_e2e_benchmark(
    updates: int = 500, *, rounds: int = 5, settings: Settings | None = None, quiet: bool = False
) -> dict[str, Any]:
    """Run the benchmark, print the report (unless `quiet`) and return the figures."""
    settings = settings or load_settings()
    logging.getLogger("httpx").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        report = asyncio.run(_benchmark(settings, updates, rounds, Path(tmp) / "bench.sqlite3"))
    if not quiet:
        print(
            f"e2e throughput, {updates} private-chat questions per round, median of {rounds} rounds "
            f"(fact base: {report['facts']} facts; local Bot API stand-in; rate limiter unlimited)"
        )
        rounds_of = report["all_rounds"]
        print(
            f"  echo bot:                 {report['echo_updates_per_s']:8.1f} updates/s   "
            f"rounds {rounds_of['echo']}"
        )
        print(
            f"  real bot:                 {report['bot_updates_per_s']:8.1f} updates/s   "
            f"rounds {rounds_of['bot']}"
        )
        print(
            f"  real bot, no answer cache:{report['bot_no_cache_updates_per_s']:8.1f} updates/s   "
            f"rounds {rounds_of['bot_no_cache']}"
        )
        verdict = "OK" if report["ratio"] >= 0.8 else "BELOW TARGET"
        print(
            f"  ratio bot/echo (median of per-round ratios): {report['ratio']:.1%} "
            f"(target ≥ 80%: {verdict}); "
            f"without the answer cache: {report['ratio_no_cache']:.1%}"
        )
    return report

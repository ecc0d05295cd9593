"""Anniversary delivery: exactly once per chat, through crashes, floods, kicks and migrations.

The domain broadcast runs on a temporary SQLite file with an injected clock (lease expiry without
waiting) and an injected sleep (flood waits recorded, not slept). Where Telegram's behaviour
matters, the real python-telegram-bot `Bot` talks to the local Bot API stand-in (`bot_api`,
127.0.0.1 only); the commands and jobs run in a real `Application` built by the composition root
(`build_application`, which routes the commands from the table and schedules the jobs).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import html
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from telegram import Bot
from telegram.error import RetryAfter
from telegram.ext import CommandHandler

from bot.anniversaries.broadcast import ChatGone, RetryLater, broadcast
from bot.anniversaries.dates import anniversaries_on, render_post
from bot.app.service import KnowledgeService
from bot.app.settings import Settings
from bot.kb.knowledge import Knowledge
from bot.render.catalog import t
from bot.storage.repository import DEFAULT_LEASE, Storage
from bot.telegram.anniversary_jobs import (
    CATCH_UP_JOB_NAME,
    DAILY_JOB_NAME,
    AnniversaryJobs,
    retry_after_seconds,
    telegram_sender,
)
from bot.telegram.app import BotApplication, build_application, running
from bot.telegram.state import BotContext
from tests.support.fake_bot_api import Call, FakeBotAPI
from tests.test_anniversaries import load_base, write_base

DAY = dt.date(2027, 7, 18)  # the fixture base: the treaty's 50th and an inferred 8th
QUIET_DAY = dt.date(2027, 7, 19)
CHATS = [101, 102, 103, -4_000_000_104, 105, -1_001_000_000_106]
USER, GROUP_ADMIN, BOT_ADMIN = 555_001, 555_002, 777_001
GROUP = -1_001_500_000_001
CHANNEL = -1_002_500_000_001
TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# PTB's own RetryAfter constructor reads its int `retry_after` and warns about the coming timedelta.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


class FakeClock:
    def __init__(self) -> None:
        self.now = dt.datetime(2027, 7, 18, 1, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, delta: dt.timedelta) -> None:
        self.now += delta


class FakeSleep:
    """Records each wait instead of sleeping."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        await asyncio.sleep(0)


class Recorder:
    """A `send` that records what it delivered; `fail` maps chat ids to exceptions raised once."""

    def __init__(self, fail: dict[int, list[Exception]] | None = None, delay: float = 0.0) -> None:
        self.sent: list[tuple[int, str]] = []
        self.fail = fail or {}
        self.delay = delay

    async def __call__(self, chat_id: int, text: str) -> None:
        await asyncio.sleep(self.delay)
        pending = self.fail.get(chat_id)
        if pending:
            raise pending.pop(0)
        self.sent.append((chat_id, text))

    def chats(self) -> list[int]:
        return [chat_id for chat_id, _ in self.sent]


@pytest.fixture
def base(tmp_path: Path) -> Knowledge:
    return load_base(tmp_path / "base")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'bot.sqlite3'}"


@pytest.fixture
def storage(db_url: str, clock: FakeClock) -> Iterator[Storage]:
    with Storage.open(db_url, clock=clock) as store:
        for index, chat_id in enumerate(CHATS):
            kind = "group" if chat_id < 0 else "private"
            store.subscribe(chat_id, kind, language="en" if index == 1 else "vi")
        yield store


# ---------------------------------------------------------------------------- the domain


async def test_each_chat_gets_one_post_in_its_language_and_a_second_run_skips(
    base: Knowledge, storage: Storage
) -> None:
    send = Recorder()
    report = await broadcast(DAY, base, storage, send, sleep=FakeSleep())
    assert sorted(send.chats()) == sorted(CHATS) and sorted(report.sent) == sorted(CHATS)
    assert report.anniversaries == ("treaty-signing", "student-meeting")
    texts = dict(send.sent)
    assert texts[CHATS[0]] == render_post(anniversaries_on(DAY, base), "vi")
    assert texts[CHATS[1]].startswith("📅 On this day")
    assert all(storage.was_sent(DAY, chat_id) for chat_id in CHATS)

    again = Recorder()
    second = await broadcast(DAY, base, storage, again, sleep=FakeSleep())
    assert again.sent == [] and sorted(second.skipped) == sorted(CHATS) and not second.needs_retry


async def test_a_day_without_anniversaries_claims_nothing(base: Knowledge, storage: Storage) -> None:
    send = Recorder()
    report = await broadcast(QUIET_DAY, base, storage, send)
    assert send.sent == [] and report.chats == 0 and storage.pending_claims(QUIET_DAY) == []


async def test_two_processes_at_the_same_moment_post_once_per_chat(
    base: Knowledge, storage: Storage, db_url: str, clock: FakeClock
) -> None:
    with Storage.open(db_url, clock=clock) as first, Storage.open(db_url, clock=clock) as second:
        send_a, send_b = Recorder(delay=0.002), Recorder(delay=0.002)
        report_a, report_b = await asyncio.gather(
            broadcast(DAY, base, first, send_a, concurrency=3),
            broadcast(DAY, base, second, send_b, concurrency=3),
        )
    delivered = Counter(send_a.chats() + send_b.chats())
    assert delivered == Counter(CHATS)  # every chat exactly once, whichever process sent it
    for chat_id in CHATS:
        # The process that did not send it found it claimed (live) or already sent.
        other = report_b if chat_id in report_a.sent else report_a
        assert chat_id in other.held + other.skipped


async def test_restart_after_a_crash_completes_the_rest_without_duplicates(
    base: Knowledge, storage: Storage, db_url: str, clock: FakeClock
) -> None:
    hang = asyncio.Event()  # never set: these sends are in flight when the process dies
    delivered: list[int] = []
    in_flight: list[int] = []

    async def dying_send(chat_id: int, text: str) -> None:
        if len(delivered) < 3:
            delivered.append(chat_id)
            return
        in_flight.append(chat_id)
        await hang.wait()

    with Storage.open(db_url, clock=clock) as process:
        task = asyncio.create_task(broadcast(DAY, base, process, dying_send, concurrency=2))
        for _ in range(1000):
            if len(in_flight) == 2:
                break
            await asyncio.sleep(0.005)
        task.cancel()  # the process is killed with two posts claimed but not marked sent
        with contextlib.suppress(asyncio.CancelledError):
            await task
    assert len(delivered) == 3 and len(in_flight) == 2
    assert sorted(storage.pending_claims(DAY)) == sorted(in_flight)

    with Storage.open(db_url, clock=clock) as restarted:
        send = Recorder()
        report = await broadcast(DAY, base, restarted, send)
        rest = [c for c in CHATS if c not in delivered and c not in in_flight]
        assert sorted(send.chats()) == sorted(rest)
        assert sorted(report.skipped) == sorted(delivered)
        assert sorted(report.held) == sorted(in_flight) and report.needs_retry  # their lease is live

        clock.advance(DEFAULT_LEASE + dt.timedelta(seconds=1))
        late = Recorder()
        after_lease = await broadcast(DAY, base, restarted, late)
        assert sorted(late.chats()) == sorted(in_flight)
        assert not after_lease.needs_retry
    assert Counter(delivered + send.chats() + late.chats()) == Counter(CHATS)


async def test_still_rate_limited_after_the_attempts_is_deferred_not_lost(
    base: Knowledge, storage: Storage
) -> None:
    stubborn = CHATS[2]
    send = Recorder(fail={stubborn: [RetryLater(2), RetryLater(2)]})
    sleep = FakeSleep()
    report = await broadcast(DAY, base, storage, send, sleep=sleep, max_attempts=2)
    assert report.deferred == [stubborn] and report.retried == 2 and sleep.waits == [2.0]
    assert stubborn not in send.chats() and report.needs_retry
    later = await broadcast(DAY, base, storage, send, sleep=sleep)  # the claim was released: at once
    assert later.sent == [stubborn] and send.chats().count(stubborn) == 1


async def test_unknown_outcome_keeps_the_claim_until_the_lease(
    base: Knowledge, storage: Storage, clock: FakeClock
) -> None:
    flaky = CHATS[0]
    send = Recorder(fail={flaky: [TimeoutError("read timed out")]})
    report = await broadcast(DAY, base, storage, send)
    assert report.uncertain == [flaky] and report.needs_retry
    assert (await broadcast(DAY, base, storage, send)).held == [flaky]  # maybe delivered: no retry yet
    clock.advance(DEFAULT_LEASE + dt.timedelta(seconds=1))
    assert (await broadcast(DAY, base, storage, send)).sent == [flaky]


async def test_chat_gone_is_marked_failed_and_dropped(base: Knowledge, storage: Storage) -> None:
    gone = CHATS[4]
    report = await broadcast(DAY, base, storage, Recorder(fail={gone: [ChatGone("blocked")]}))
    assert report.failed == [gone] and report.dropped == [gone]
    assert not storage.is_subscribed(gone) and not storage.was_sent(DAY, gone)


# ---------------------------------------------------------------------------- through the Bot API


@contextlib.asynccontextmanager
async def real_bot(api: FakeBotAPI) -> AsyncIterator[Bot]:
    async with Bot(api.token, base_url=api.base_url) as bot:
        yield bot


def delivered_to(api: FakeBotAPI) -> Counter[int]:
    return Counter(int(c.params["chat_id"]) for c in api.calls("sendMessage") if c.ok)


async def test_retry_after_is_waited_out_and_nothing_is_lost(
    base: Knowledge, storage: Storage, bot_api: FakeBotAPI
) -> None:
    bot_api.fail_next("sendMessage", chat_id=CHATS[3], error="retry_after", retry_after=1)
    sleep = FakeSleep()
    async with real_bot(bot_api) as bot:
        report = await broadcast(DAY, base, storage, telegram_sender(bot), sleep=sleep, concurrency=2)
    assert sleep.waits == [1.0] and report.retried == 1
    assert delivered_to(bot_api) == Counter(CHATS) and sorted(report.sent) == sorted(CHATS)
    sent = bot_api.sent_messages(CHATS[0])[0]["text"]
    assert html.escape("Ký Hiệp ước Hữu nghị và Hợp tác") in sent


async def test_forbidden_drops_that_subscription(
    base: Knowledge, storage: Storage, bot_api: FakeBotAPI
) -> None:
    bot_api.fail_next("sendMessage", chat_id=CHATS[1], error="forbidden")
    bot_api.fail_next("sendMessage", chat_id=CHATS[2], error="bad_request")  # "chat not found"
    async with real_bot(bot_api) as bot:
        report = await broadcast(DAY, base, storage, telegram_sender(bot), sleep=FakeSleep())
    assert sorted(report.dropped) == sorted(CHATS[1:3]) == sorted(report.failed)
    assert not storage.is_subscribed(CHATS[1]) and not storage.is_subscribed(CHATS[2])
    assert storage.is_subscribed(CHATS[0])
    assert delivered_to(bot_api) == Counter(c for c in CHATS if c not in CHATS[1:3])


async def test_migrated_group_moves_the_subscription_and_gets_the_post(
    base: Knowledge, storage: Storage, bot_api: FakeBotAPI
) -> None:
    old, new = CHATS[3], -1_004_000_000_104
    bot_api.fail_next("sendMessage", chat_id=old, error="migrate", migrate_to_chat_id=new)
    async with real_bot(bot_api) as bot:
        report = await broadcast(DAY, base, storage, telegram_sender(bot), sleep=FakeSleep())
    assert report.migrated == {old: new} and new in report.sent
    assert storage.is_subscribed(new) and not storage.is_subscribed(old)
    assert storage.was_sent(DAY, new) and delivered_to(bot_api)[new] == 1 and delivered_to(bot_api)[old] == 0


def test_retry_after_seconds_int_or_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    assert retry_after_seconds(RetryAfter(3)) == 3.0
    assert retry_after_seconds(RetryAfter(dt.timedelta(seconds=2.5))) == 2.5
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    assert retry_after_seconds(RetryAfter(4)) == 4.0


# ---------------------------------------------------------------------------- commands and jobs


@dataclass
class Harness:
    api: FakeBotAPI
    app: BotApplication
    storage: Storage
    jobs: AnniversaryJobs

    async def send(
        self, text: str, *, user_id: int, chat_id: int | None = None, chat_type: Any = "private"
    ) -> Call:
        update = self.api.message(text, user_id=user_id, chat_id=chat_id, chat_type=chat_type)
        chat = update["message"]["chat"]["id"]
        before = len([c for c in self.api.calls("sendMessage") if c.params.get("chat_id") == chat])
        self.api.inject_update(update)
        return await self.api.wait_for(
            "sendMessage", lambda c: c.params.get("chat_id") == chat, count=before + 1
        )


def make_settings(tmp_path: Path, api: FakeBotAPI) -> Settings:
    knowledge_dir, seeds_dir = write_base(tmp_path / "app")
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=api.token,
        telegram_api_base_url=api.base_url,
        admin_user_ids=frozenset({BOT_ADMIN}),
        database_url=f"sqlite:///{tmp_path / 'app.sqlite3'}",
        knowledge_dir=knowledge_dir,
        seeds_dir=seeds_dir,
        gold_file=tmp_path / "no-gold.yaml",
    )


@contextlib.asynccontextmanager
async def harness(
    tmp_path: Path,
    api: FakeBotAPI,
    *,
    subscribe: tuple[int, ...] = (),
    jobs: bool = False,
    now: dt.datetime | None = None,
) -> AsyncIterator[Harness]:
    settings = make_settings(tmp_path, api)
    service = KnowledgeService(settings.knowledge_dir, settings.seeds_dir, settings.checks_file)
    storage = Storage.open(settings.database_url)
    for chat_id in subscribe:
        storage.subscribe(chat_id, "private")
    try:
        scheduler = AnniversaryJobs(settings, now=(lambda: now) if now is not None else None)
        app = build_application(
            settings,
            service,
            storage,
            jobs=scheduler,
            schedule_jobs=jobs,
            catch_up_delay=0.05,
        )
        async with running(app):
            yield Harness(api, app, storage, scheduler)
    finally:
        storage.close()


async def test_group_subscription_needs_a_group_administrator(tmp_path: Path, bot_api: FakeBotAPI) -> None:
    async with harness(tmp_path, bot_api) as h:
        refused = await h.send("/subscribe", user_id=USER, chat_id=GROUP, chat_type="supergroup")
        assert html.escape(t("group_admins_only", "en")) in refused.params["text"]
        assert not h.storage.is_subscribed(GROUP)

        bot_api.set_chat_member(GROUP, GROUP_ADMIN, "administrator")
        accepted = await h.send("/subscribe", user_id=GROUP_ADMIN, chat_id=GROUP, chat_type="supergroup")
        assert "✅" in accepted.params["text"] and h.storage.is_subscribed(GROUP)
        checks = [c for c in bot_api.calls("getChatMember") if c.params["chat_id"] == GROUP]
        assert {c.params["user_id"] for c in checks} == {USER, GROUP_ADMIN}

        refused = await h.send("/unsubscribe", user_id=USER, chat_id=GROUP, chat_type="supergroup")
        assert html.escape(t("group_admins_only", "en")) in refused.params["text"]
        bot_api.set_chat_member(GROUP, USER, "creator")
        await h.send("/unsubscribe", user_id=USER, chat_id=GROUP, chat_type="supergroup")
        assert not h.storage.is_subscribed(GROUP)

        private = await h.send("/subscribe", user_id=USER)  # a private chat: its user decides
        assert "✅" in private.params["text"] and h.storage.is_subscribed(USER)
        assert not [c for c in bot_api.calls("getChatMember") if c.params["chat_id"] == USER]


async def test_subscribe_channel_is_for_bot_admins_and_needs_the_bot_as_channel_admin(
    tmp_path: Path, bot_api: FakeBotAPI
) -> None:
    bot_api.set_chat(CHANNEL, "channel", title="Hữu nghị Việt – Lào", username="vnlao_friends")
    async with harness(tmp_path, bot_api) as h:
        refused = await h.send("/subscribe_channel @vnlao_friends", user_id=USER)
        assert html.escape(t("admin_only", "en")) in refused.params["text"]
        assert not bot_api.calls("getChat") and not h.storage.is_subscribed(CHANNEL)

        not_admin = await h.send("/subscribe_channel @vnlao_friends", user_id=BOT_ADMIN)
        assert html.escape(t("bot_not_admin", "en", name="@vnlao_friends")) in not_admin.params["text"]
        assert not h.storage.is_subscribed(CHANNEL)

        bot_api.set_chat_member(CHANNEL, bot_api.bot_user()["id"], "administrator")
        done = await h.send("/subscribe_channel @vnlao_friends en", user_id=BOT_ADMIN)
        assert "✅" in done.params["text"] and h.storage.is_subscribed(CHANNEL)
        (channel,) = [s for s in h.storage.list_subscriptions() if s.chat_id == CHANNEL]
        assert (channel.chat_type, channel.language, channel.subscribed_by) == ("channel", "en", BOT_ADMIN)

        await h.send("/unsubscribe_channel @vnlao_friends", user_id=BOT_ADMIN)
        assert not h.storage.is_subscribed(CHANNEL)


async def test_upcoming_command(tmp_path: Path, bot_api: FakeBotAPI) -> None:
    async with harness(tmp_path, bot_api) as h:
        listed = await h.send("/upcoming 60", user_id=USER)
        assert "Coming anniversaries" in listed.params["text"]
        usage = await h.send("/upcoming soon", user_id=USER)
        assert html.escape(t("upcoming_usage", "en", max=60)) in usage.params["text"]


async def test_catch_up_at_start_posts_today_once_and_the_daily_job_is_scheduled(
    tmp_path: Path, bot_api: FakeBotAPI
) -> None:
    chats = (201, 202, 203)
    now = dt.datetime(2027, 7, 18, 9, 30, tzinfo=TZ)  # started after the 08:00 post time
    async with harness(tmp_path, bot_api, subscribe=chats, jobs=True, now=now) as h:
        await bot_api.wait_for("sendMessage", count=len(chats))
        for _ in range(200):
            if h.jobs.reports:
                break
            await asyncio.sleep(0.01)
        assert h.jobs.reports and sorted(h.jobs.reports[0].sent) == list(chats)
        assert all(h.storage.was_sent(DAY, chat_id) for chat_id in chats)
        assert delivered_to(bot_api) == Counter(chats)

        job_queue = h.app.job_queue
        assert job_queue is not None
        (daily,) = job_queue.get_jobs_by_name(DAILY_JOB_NAME)
        assert daily.next_t is not None and daily.next_t.astimezone(TZ).time() == dt.time(8, 0)
        assert not job_queue.get_jobs_by_name(CATCH_UP_JOB_NAME)  # it ran once and is gone

        await h.jobs.run(_context(h), DAY)  # a second run the same day (another start) posts nothing
        assert delivered_to(bot_api) == Counter(chats) and sorted(h.jobs.reports[-1].skipped) == list(chats)


async def test_catch_up_before_the_post_time_leaves_it_to_the_daily_job(
    tmp_path: Path, bot_api: FakeBotAPI
) -> None:
    now = dt.datetime(2027, 7, 18, 6, 0, tzinfo=TZ)
    async with harness(tmp_path, bot_api, subscribe=(301,), jobs=True, now=now) as h:
        job_queue = h.app.job_queue
        assert job_queue is not None
        for _ in range(200):
            if not job_queue.get_jobs_by_name(CATCH_UP_JOB_NAME):
                break
            await asyncio.sleep(0.01)
        assert not job_queue.get_jobs_by_name(CATCH_UP_JOB_NAME)
        assert h.jobs.reports == []
        assert not [c for c in bot_api.calls("sendMessage") if c.params["chat_id"] == 301]


def _context(h: Harness) -> Any:
    return BotContext(h.app)


async def test_every_command_is_routed_once_and_the_jobs_are_scheduled_once(
    tmp_path: Path, bot_api: FakeBotAPI
) -> None:
    from bot.telegram.commands import COMMANDS

    settings = make_settings(tmp_path, bot_api)
    service = KnowledgeService(settings.knowledge_dir, settings.seeds_dir, settings.checks_file)
    with Storage.open("sqlite://") as store:
        app = build_application(settings, service, store)
        names = Counter(
            name
            for handlers in app.handlers.values()
            for h in handlers
            if isinstance(h, CommandHandler)
            for name in h.commands
        )
        assert names == Counter(c.name for c in COMMANDS)  # the table, each row once, nothing else
        job_queue = app.job_queue
        assert job_queue is not None
        jobs = Counter(job.name for job in job_queue.jobs())
        assert jobs[DAILY_JOB_NAME] == 1 and jobs[CATCH_UP_JOB_NAME] == 1
    admin = [c.name for c in COMMANDS if c.admin and c.name.endswith("channel")]
    assert admin == ["subscribe_channel", "unsubscribe_channel"]

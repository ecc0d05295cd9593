"""A second instance polling with the same token gives way: one log line, then exit status 2.

Both instances run as `python -m bot` against the local Bot API stand-in, which ends a waiting
getUpdates with 409 Conflict when another one arrives for the same token, as Telegram does.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from telegram.error import Conflict

from bot.telegram.polling import ConflictWatch
from tests.support.bot_process import ROOT, BotProcess, wait_until
from tests.support.fake_bot_api import FakeBotAPI

QUESTION = "Tham vấn chính trị cấp Bộ trưởng lần thứ 8 diễn ra khi nào?"
CONFLICT_LINE = "another instance is polling Telegram with this token"


def test_a_second_poller_logs_once_backs_off_and_exits_with_status_2(
    tmp_path: Path, bot_api: FakeBotAPI
) -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": bot_api.token,
        "TELEGRAM_API_BASE_URL": bot_api.base_url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
        "KNOWLEDGE_DIR": str(ROOT / "knowledge"),
        "SEEDS_DIR": str(ROOT / "seeds"),
        "GOLD_FILE": str(ROOT / "knowledge" / "checks" / "questions.yaml"),
        "DAILY_POST_TIME": "23:59",
        "CONFLICT_EXIT_AFTER": "3",
    }
    first = BotProcess(tmp_path / "first.log", **env)
    second: BotProcess | None = None
    try:
        bot_api.inject_update(bot_api.message(QUESTION, user_id=1))
        assert wait_until(lambda: bot_api.sent_messages(1), 30), first.log()
        time.sleep(5.5)  # the first one has been polling for a while: it is the incumbent

        second = BotProcess(tmp_path / "second.log", **env)
        started = time.monotonic()
        status = second.wait(40)
        took = time.monotonic() - started
        log = second.log()
        assert status == 2, log
        assert log.count(CONFLICT_LINE) == 1, log
        assert "Another instance is polling Telegram with this bot's token" in log
        print(f"\nsecond poller exited with status 2 after {took:.1f} s (CONFLICT_EXIT_AFTER=3)")

        # The incumbent noticed once, kept polling, and still answers.
        bot_api.inject_update(bot_api.message(QUESTION, user_id=2))
        assert wait_until(lambda: bot_api.sent_messages(2), 20), first.log()
        assert first.log().count(CONFLICT_LINE) == 1
    finally:
        if second is not None:
            second.stop()
        assert first.stop() == 0, first.log()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def conflict() -> Conflict:
    return Conflict("Conflict: terminated by other getUpdates request")


def test_the_newcomer_gives_up_and_the_incumbent_stays() -> None:
    clock = Clock()
    newcomer, incumbent = ConflictWatch(60, clock=clock), ConflictWatch(60, clock=clock)
    stopped: list[str] = []
    newcomer.on_give_up = lambda: stopped.append("newcomer")
    incumbent.on_give_up = lambda: stopped.append("incumbent")
    incumbent.polled(200)
    clock.now += 600
    newcomer.polled(200)  # its first poll may succeed before the other one answers back
    for watch in (newcomer, incumbent):
        watch.on_error(conflict())
    assert incumbent.incumbent and not newcomer.incumbent
    # The other poller backs off more and more: conflicts come further apart, but keep coming.
    for gap in (1, 1.5, 2.25, 3.4, 5, 7.6, 11.4, 17, 25.6):
        clock.now += gap
        newcomer.on_error(conflict())
        incumbent.on_error(conflict())
    newcomer._check()
    incumbent._check()
    assert stopped == ["newcomer"] and newcomer.gave_up and not incumbent.gave_up


def test_a_conflict_that_stops_is_not_a_reason_to_exit() -> None:
    clock = Clock()
    watch = ConflictWatch(60, clock=clock)
    watch.on_give_up = lambda: pytest.fail("gave up")
    watch.on_error(conflict())  # e.g. the previous process's poll, still open after a restart
    clock.now += 61
    watch._check()
    assert not watch.gave_up
    clock.now += 100
    watch.on_error(conflict())  # a new episode starts the count again
    clock.now += 30
    watch._check()
    assert not watch.gave_up

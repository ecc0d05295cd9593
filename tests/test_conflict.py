"""A second instance polling with the same token gives way: one log line, then exit status 2.

Both instances run as `python -m bot` against the local Bot API stand-in, which ends a waiting
getUpdates with 409 Conflict when another one arrives for the same token, as Telegram does.
"""

from __future__ import annotations

import time
from pathlib import Path

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

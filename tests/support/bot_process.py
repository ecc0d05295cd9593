"""The bot as operators run it (`python -m bot`), in a subprocess, against the local Bot API stand-in.

`BotProcess` starts one with its own settings in the environment (nothing from the developer's
`.env` can leak in: every setting the bot reads is given), keeps its log in a file, and can stop it
gently (SIGTERM) or kill it (SIGKILL) to imitate a crash.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def bot_env(**settings: str) -> dict[str, str]:
    """The environment of a bot process: the test's settings, and nothing the bot reads from ours."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    for name in ("DATABASE_URL", "KNOWLEDGE_DIR", "SEEDS_DIR", "GOLD_FILE", "ADMIN_USER_IDS"):
        env.pop(name, None)
    env.update({"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost", "CACHE_DIR": ""})
    env.update(settings)
    return env


class BotProcess:
    def __init__(self, log_file: Path, **settings: str) -> None:
        self.log_file = log_file
        self._log = log_file.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot"],
            cwd=str(log_file.parent),  # no .env there
            env=bot_env(**settings),
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def log(self) -> str:
        if not self._log.closed:
            self._log.flush()
        return self.log_file.read_text(encoding="utf-8", errors="replace")

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind, as in a crash or an OOM kill."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self, timeout: float = 15.0) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            return -9
        finally:
            self._log.close()

    def wait(self, timeout: float) -> int | None:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None


def wait_until(condition: object, timeout: float, interval: float = 0.05) -> bool:
    """Poll `condition()` until true or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(interval)
    return bool(condition())  # type: ignore[operator]

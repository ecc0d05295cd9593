"""Shared pytest fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.fake_bot_api import FakeBotAPI


@pytest.fixture
def bot_api() -> Iterator[FakeBotAPI]:
    """A running Telegram Bot API stand-in on 127.0.0.1; stopped (thread joined) after the test."""
    with FakeBotAPI() as server:
        yield server

"""Shared pytest fixtures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.answering.engine import Engine
from bot.kb.knowledge import Knowledge
from bot.kb.loader import load_knowledge
from tests.support.fake_bot_api import FakeBotAPI


@pytest.fixture
def bot_api() -> Iterator[FakeBotAPI]:
    """A running Telegram Bot API stand-in on 127.0.0.1; stopped (thread joined) after the test."""
    with FakeBotAPI() as server:
        yield server


ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """The real fact base in knowledge/, validated."""
    result = load_knowledge(ROOT / "knowledge")
    assert result.knowledge is not None, "\n".join(str(p) for p in result.problems)
    return result.knowledge


@pytest.fixture(scope="session")
def engine(knowledge: Knowledge) -> Engine:
    """The answer engine on the real base, with a fixed 'today' so relative dates are reproducible."""
    return Engine(knowledge, today=lambda: dt.date(2026, 11, 23))

"""Shared pytest fixtures."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.answering.engine import Engine
from bot.kb.knowledge import Knowledge
from bot.kb.loader import load_knowledge
from tests.support.databases import postgres_schema, postgres_url_or_skip
from tests.support.fake_bot_api import FakeBotAPI


@pytest.fixture
def bot_api() -> Iterator[FakeBotAPI]:
    """A running Telegram Bot API stand-in on 127.0.0.1; stopped (thread joined) after the test."""
    with FakeBotAPI() as server:
        yield server


ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the small valid fact base (knowledge/ + seeds/)."""
    shutil.copytree(MINI, tmp_path / "mini")
    return tmp_path / "mini"


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


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database, once on a SQLite file (in a folder that does not exist yet) and once
    in a schema of its own on the TEST_POSTGRES_URL server (skipped, with the reason, without one)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'bot.sqlite3'}"
        return
    with postgres_schema(postgres_url_or_skip()) as url:
        yield url

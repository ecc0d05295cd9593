"""The typed state every handler reaches through `context.bot_data`, and the context type.

`BotData` is what PTB creates for `context.bot_data` (it must build with no arguments);
`bot.telegram.app.build_application` fills it in once. Handlers then write
`context.bot_data.service`, `.storage`, `.settings` — typed, no dict look-ups.

Two small helpers keep blocking I/O off the event loop:

* `LanguageCache` remembers each chat's `/lang` choice in memory (a cachetools TTL cache,
  so a change made by another process sharing the database is seen soon); only a miss
  reads the database, in a worker thread;
* `StatsRecorder` writes each question's count (and an unanswered question's text) through to
  the database, in a worker thread, before the answer goes out.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
import time
from collections import Counter
from typing import Any, Final, cast

from cachetools import LRUCache, TTLCache
from telegram.ext import CallbackContext, ExtBot

from bot.answering.answers import Answer, Lang, Status
from bot.answering.engine import Engine
from bot.app.service import KnowledgeService
from bot.app.settings import Settings
from bot.nlu.text import fold
from bot.storage.repository import Storage
from bot.telegram.conversation import ConversationKeeper
from bot.telegram.inbox import Inbox
from bot.telegram.menu import CommandInfo
from bot.telegram.polling import ConflictWatch

log = logging.getLogger(__name__)


_MISSING: Final = object()


class LanguageCache:
    """Per-chat language (`/lang`), cached in memory in front of `Storage` (a cachetools TTL
    cache: a change made by another process sharing the database is seen within `ttl`)."""

    def __init__(self, storage: Storage, *, ttl: float = 300.0, max_size: int = 100_000) -> None:
        self._storage = storage
        self._cache: TTLCache[int, Lang | None] = TTLCache(maxsize=max_size, ttl=ttl, timer=time.monotonic)

    async def get(self, chat_id: int) -> Lang | None:
        hit = self._cache.get(chat_id, _MISSING)  # a stored None means "auto": a sentinel tells a miss
        if hit is not _MISSING:
            return cast("Lang | None", hit)
        stored = await asyncio.to_thread(self._storage.get_language, chat_id)
        lang: Lang | None = "vi" if stored == "vi" else "en" if stored == "en" else None
        self._cache[chat_id] = lang
        return lang

    async def set(
        self, chat_id: int, lang: Lang | None, *, chat_type: str | None = None, title: str | None = None
    ) -> None:
        await asyncio.to_thread(self._storage.set_language, chat_id, lang, chat_type=chat_type, title=title)
        self._cache[chat_id] = lang


class StatsRecorder:
    """Counts served questions and logs the ones left open (not found, or found but not stated in
    the article: both are gaps for curators), written through to storage: each question
    is written (in a worker thread) before its answer is sent, so a crash loses no count. A write
    that fails is kept in memory and retried with the next one (and by `flush`)."""

    def __init__(self, storage: Storage, *, max_pending: int = 10_000) -> None:
        self._storage = storage
        self._max_pending = max_pending
        self._counts: Counter[str] = Counter()
        # Unanswered questions by folded form: the first wording seen, and how often.
        self._unanswered: dict[str, tuple[str, int]] = {}
        self._lock = asyncio.Lock()

    async def record(self, answer: Answer) -> None:
        """Count one question served and write it (with anything a failed write left behind)."""
        self._counts[answer.status.value] += 1
        if answer.status is Status.NOT_FOUND or answer.not_stated:
            question = answer.question.strip()
            key = fold(question)
            if key:
                sample, count = self._unanswered.get(key, (question, 0))
                if count or len(self._unanswered) < self._max_pending:
                    self._unanswered[key] = (sample, count + 1)
        await self.flush()

    @property
    def pending(self) -> int:
        """Questions counted but not written yet (only after a failed write)."""
        return sum(self._counts.values())

    async def flush(self) -> None:
        """Write what is not written yet (in a worker thread); a failed write is kept for the next try."""
        async with self._lock:
            counts, unanswered = self._counts, self._unanswered
            if not counts and not unanswered:
                return
            self._counts, self._unanswered = Counter(), {}
            try:
                await asyncio.to_thread(self._write, counts, unanswered)
            except Exception:
                log.exception("could not write question statistics; will retry")
                self._counts.update(counts)
                for key, (sample, count) in unanswered.items():
                    newer = self._unanswered.get(key, (sample, 0))[1]
                    self._unanswered[key] = (sample, count + newer)

    def _write(self, counts: Counter[str], unanswered: dict[str, tuple[str, int]]) -> None:
        for status, count in counts.items():
            self._storage.record_question(status, count)
        for key, (sample, count) in unanswered.items():
            self._storage.record_unanswered(sample, key, count)

    async def close(self) -> None:
        """Write anything a failed write left behind."""
        await self.flush()


class AnswerCache:
    """Recent answers by (question, language, day), for the engine in service (a cachetools LRU).

    The engine is deterministic for a given base, question, language and day, and popular
    questions repeat, so a hit skips the matching work. The cache empties itself when the
    engine changes (reload, rollback): an answer never outlives its base.
    """

    def __init__(self, size: int = 1024) -> None:
        self.size = size
        self._engine: Engine | None = None
        self._entries: LRUCache[tuple[str, Lang | None, dt.date], Answer] = LRUCache(maxsize=max(size, 1))
        # answers are computed in worker threads; the LRU is not thread-safe, the engine is (read-only)
        self._lock = threading.Lock()

    def answer(self, engine: Engine, question: str, lang: Lang | None, today: dt.date) -> Answer:
        if self.size <= 0:
            return engine.answer(question, lang=lang, today=today)
        key = (question, lang, today)
        with self._lock:
            if engine is not self._engine:
                self._entries.clear()
                self._engine = engine
            hit = self._entries.get(key)
        if hit is None:
            # outside the lock, so slow questions run side by side
            hit = engine.answer(question, lang=lang, today=today)
            with self._lock:
                if engine is self._engine:
                    self._entries[key] = hit
        return hit


class BotData:
    """`context.bot_data`: the bot's services, typed. Filled in by `build_application`."""

    settings: Settings
    service: KnowledgeService
    storage: Storage
    inbox: Inbox
    conflicts: ConflictWatch
    languages: LanguageCache
    recorder: StatsRecorder
    answers: AnswerCache
    conversations: ConversationKeeper  # each conversation's context, for follow-up questions
    commands: tuple[CommandInfo, ...]  # the command table's rows, for /help

    def __init__(self) -> None:
        self.reload_lock = asyncio.Lock()
        self.last_admin_notice = float("-inf")
        self.admin_notice_interval = 60.0

    @property
    def engine(self) -> Engine:
        """The engine in service now; take it once per update so one update sees one base."""
        return self.service.engine

    def today(self) -> dt.date:
        return dt.datetime.now(self.settings.tz).date()

    def ask(self, engine: Engine, question: str, lang: Lang | None) -> Answer:
        """`engine.answer` for today in the bot's time zone, through the answer cache."""
        return self.answers.answer(engine, question, lang, self.today())


class BotContext(CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], BotData]):
    """The context type of every handler: `context.bot_data` is a `BotData`."""

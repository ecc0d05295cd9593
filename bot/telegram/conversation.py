"""Where a Telegram conversation keeps its context (`bot.answering.dialogue.Context`).

A conversation is a private chat, or one user in a group (two people asking in one group each keep
their own thread). Its context is stored in the database (`bot.storage.conversations`) under:

* `c:<chat>` (private) or `c:<chat>:<user>` (group): the conversation's latest context, used while
  it is younger than `CONTEXT_TTL_MINUTES`;
* `m:<chat>:<message>`: the context after each bot reply, so a reply to an older bot message
  continues from that message (for as long as the store keeps rows);
* `q:<chat>:<message>`: which bot message answered a question and the context it was read in,
  so an edited question is answered again in place.

Reads of what this process wrote come from memory; writes are batched (see `ConversationKeeper`);
the database is touched in a worker thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from cachetools import LRUCache

from bot.answering.dialogue import Context
from bot.storage.conversations import ConversationStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Answered:
    """A question message's bot reply (its first message) and the context it was read in."""

    reply_id: int
    before: Context | None


def conversation_key(chat_id: int, user_id: int | None, *, private: bool) -> str:
    return f"c:{chat_id}" if private or user_id is None else f"c:{chat_id}:{user_id}"


class ConversationKeeper:
    """The contexts, in the database with two things in front of it so that a turn costs no
    database round trip of its own: what this process wrote recently is read from memory (only one
    instance receives updates at a time, so its own writes are the newest), and writes are
    collected and stored in one transaction at most every `flush_interval` seconds (and on
    shutdown). A context the process never saw (after a restart, or on another instance) is read
    from the database."""

    def __init__(
        self,
        store: ConversationStore,
        ttl: dt.timedelta,
        *,
        flush_interval: float = 0.25,
        memory_size: int = 50_000,
    ) -> None:
        self.store = store
        self.ttl = ttl
        self._flush_interval = flush_interval
        self._recent: LRUCache[str, tuple[str, dt.datetime]] = LRUCache(maxsize=max(memory_size, 1))
        self._pending: dict[str, str] = {}
        self._timer: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    async def _get(self, key: str, max_age: dt.timedelta | None) -> str | None:
        hit = self._recent.get(key)
        if hit is not None:
            payload, written = hit
            fresh = max_age is None or self.store.now() - written <= max_age
            return payload if fresh and payload else None
        stored = await asyncio.to_thread(self.store.get_with_time, key)
        # remembered either way: a conversation this process has not seen is looked up once
        self._recent[key] = stored or ("", dt.datetime.min.replace(tzinfo=dt.UTC))
        if stored is None or (max_age is not None and self.store.now() - stored[1] > max_age):
            return None
        return stored[0]

    async def current(self, key: str) -> Context | None:
        """The conversation's context, unless it has been quiet longer than the TTL."""
        raw = await self._get(key, self.ttl)
        return Context.from_json(raw) if raw else None

    async def of_message(self, chat_id: int, message_id: int) -> Context | None:
        """The context after one of the bot's replies (a reply to it continues from there)."""
        raw = await self._get(f"m:{chat_id}:{message_id}", None)
        return Context.from_json(raw) if raw else None

    async def answered(self, chat_id: int, question_id: int) -> Answered | None:
        raw = await self._get(f"q:{chat_id}:{question_id}", None)
        if not raw:
            return None
        try:
            data = json.loads(raw)
            before = Context.from_json(data["before"]) if data.get("before") else None
            return Answered(int(data["reply"]), before)
        except (ValueError, KeyError, TypeError):
            return None

    async def remember(
        self,
        key: str | None,
        chat_id: int,
        context: Context | None,
        replies: Sequence[int],
        *,
        question_id: int | None = None,
        before: Context | None = None,
    ) -> None:
        """After a turn: the conversation's new context (under `key`, unless None), the context of
        each reply message, and (for a question message) which reply answered it."""
        items: dict[str, str] = {}
        if context is not None:
            payload = context.to_json()
            if key is not None:
                items[key] = payload
            items.update({f"m:{chat_id}:{reply}": payload for reply in replies})
        if question_id is not None and replies:
            note = {"reply": replies[0], "before": before.to_json() if before else None}
            items[f"q:{chat_id}:{question_id}"] = json.dumps(note, ensure_ascii=False)
        if not items:
            return
        now = self.store.now()
        for item_key, payload in items.items():
            self._recent[item_key] = (payload, now)
        self._pending.update(items)
        if self._timer is None:
            self._timer = asyncio.get_running_loop().create_task(self._flush_later())

    async def _flush_later(self) -> None:
        try:
            await asyncio.sleep(self._flush_interval)
        finally:
            self._timer = None
        await self.flush()

    async def flush(self) -> None:
        """Store what is pending, in one transaction (in a worker thread); kept for a retry on failure."""
        async with self._lock:
            pending, self._pending = self._pending, {}
            if not pending:
                return
            try:
                await asyncio.to_thread(self.store.put, pending)
            except Exception:
                log.exception("could not store conversation contexts; will retry")
                self._pending = {**pending, **self._pending}

    async def close(self) -> None:
        """Cancel the pending timer and store everything still pending."""
        timer, self._timer = self._timer, None
        if timer is not None and not timer.done():
            timer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await timer
        await self.flush()

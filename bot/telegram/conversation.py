"""Where a Telegram conversation keeps its context (`bot.answering.dialogue.Context`).

A conversation is a private chat, or one user in a group (two people asking in one group each keep
their own thread). Its context is stored in the database (`bot.storage.conversations`) under:

* `c:<chat>` (private) or `c:<chat>:<user>` (group): the conversation's latest context, used while
  it is younger than `CONTEXT_TTL_MINUTES`;
* `m:<chat>:<message>`: the context after each bot reply, so a reply to an older bot message
  continues from that message (for as long as the store keeps rows);
* `q:<chat>:<message>`: which bot message answered a question and the context it was read in,
  so an edited question is answered again in place.

Every call runs the store in a worker thread.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from bot.answering.dialogue import Context
from bot.storage.conversations import ConversationStore


@dataclass(frozen=True)
class Answered:
    """A question message's bot reply (its first message) and the context it was read in."""

    reply_id: int
    before: Context | None


def conversation_key(chat_id: int, user_id: int | None, *, private: bool) -> str:
    return f"c:{chat_id}" if private or user_id is None else f"c:{chat_id}:{user_id}"


class ConversationKeeper:
    def __init__(self, store: ConversationStore, ttl: dt.timedelta) -> None:
        self.store = store
        self.ttl = ttl

    async def current(self, key: str) -> Context | None:
        """The conversation's context, unless it has been quiet longer than the TTL."""
        raw = await asyncio.to_thread(self.store.get, key, max_age=self.ttl)
        return Context.from_json(raw) if raw else None

    async def of_message(self, chat_id: int, message_id: int) -> Context | None:
        """The context after one of the bot's replies (a reply to it continues from there)."""
        raw = await asyncio.to_thread(self.store.get, f"m:{chat_id}:{message_id}")
        return Context.from_json(raw) if raw else None

    async def answered(self, chat_id: int, question_id: int) -> Answered | None:
        raw = await asyncio.to_thread(self.store.get, f"q:{chat_id}:{question_id}")
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
        await asyncio.to_thread(self.store.put, items)

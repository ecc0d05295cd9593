"""The context of conversations, in the bot's database (table `conversations`).

A row is a key and a JSON payload the caller owns (`bot.answering.dialogue.Context`, or a note of
which reply answered which question), stamped with the time it was written. Keys are the caller's
too: one per conversation (a private chat, or a user in a group), one per bot reply and one per
question message. Storing them in the database, not in memory, lets a conversation survive a
restart and continue on another instance sharing the same PostgreSQL.

Synchronous, one short transaction per call, like `Storage`; async callers use a worker thread.
Rows older than the longest time anyone still reads them are purged now and then by `put`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Final

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from bot.storage.repository import Storage
from bot.storage.tables import conversations

__all__ = ["ConversationStore"]

DEFAULT_RETENTION: Final = timedelta(days=7)
PURGE_EVERY: Final = 500  # writes between two purges of old rows
_MAX_KEY_CHARS: Final = 200


class ConversationStore:
    """Keyed JSON payloads with their write time, on the storage's database."""

    def __init__(
        self,
        storage: Storage,
        *,
        retention: timedelta = DEFAULT_RETENTION,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._engine = storage.engine
        self._retention = retention
        self._clock = clock or (lambda: datetime.now(UTC))
        self._writes = 0

    def now(self) -> datetime:
        return self._clock().astimezone(UTC)

    def get(self, key: str, *, max_age: timedelta | None = None) -> str | None:
        """The payload stored under `key`, if it was written within `max_age` (default: retention)."""
        found = self.get_with_time(key)
        if found is None or (max_age is not None and found[1] < self.now() - max_age):
            return None
        return found[0]

    def get_with_time(self, key: str) -> tuple[str, datetime] | None:
        """The payload stored under `key` and when it was written, if it is within the retention."""
        with self._engine.connect() as conn:
            conn = conn.execution_options(storage_readonly=True)
            with conn.begin():
                row = conn.execute(
                    select(conversations.c.payload, conversations.c.updated_at).where(
                        conversations.c.key == key[:_MAX_KEY_CHARS]
                    )
                ).first()
        if row is None or row.updated_at < self.now() - self._retention:
            return None
        return str(row.payload), row.updated_at

    def put(self, items: Mapping[str, str]) -> None:
        """Store each payload under its key (replacing what was there), in one transaction."""
        if not items:
            return
        now = self.now()
        with self._engine.begin() as conn:
            for key, payload in items.items():
                _upsert(conn, key[:_MAX_KEY_CHARS], payload, now)
            self._writes += 1
            if self._writes % PURGE_EVERY == 1:
                conn.execute(delete(conversations).where(conversations.c.updated_at < now - self._retention))

    def forget(self, key: str) -> None:
        with self._engine.begin() as conn:
            conn.execute(delete(conversations).where(conversations.c.key == key[:_MAX_KEY_CHARS]))

    def purge(self) -> int:
        """Delete the rows older than the retention; how many went."""
        with self._engine.begin() as conn:
            result = conn.execute(
                delete(conversations).where(conversations.c.updated_at < self.now() - self._retention)
            )
            return int(result.rowcount or 0)


def _upsert(conn: Connection, key: str, payload: str, now: datetime) -> None:
    row = {"key": key, "payload": payload, "updated_at": now}
    changes = {"payload": payload, "updated_at": now}
    if conn.dialect.name == "postgresql":
        pg = postgresql.insert(conversations).values(**row)
        conn.execute(pg.on_conflict_do_update(index_elements=["key"], set_=changes))
    elif conn.dialect.name == "sqlite":
        lite = sqlite.insert(conversations).values(**row)
        conn.execute(lite.on_conflict_do_update(index_elements=["key"], set_=changes))
    else:
        raise NotImplementedError(f"storage supports SQLite and PostgreSQL, not {conn.dialect.name}")

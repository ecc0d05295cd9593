"""Everything the bot must remember across a restart: the `Storage` repository.

This module owns the queries: per-chat settings (language), anonymous question statistics, the
log of questions the knowledge base could not answer (for curators), anniversary subscriptions,
and the sent-log that makes each anniversary post go out at most once per chat per day even with
several bot processes sharing one database. The tables are declared in `bot.storage.tables`; the
schema is created and migrated by Alembic (`bot.storage.schema`, run by `Storage.open`).

It uses SQLAlchemy Core (not the ORM); the only dialect-specific SQL is the upsert
(`INSERT ... ON CONFLICT`, which SQLite and PostgreSQL both have), so `DATABASE_URL` may name
PostgreSQL (``postgresql+psycopg://...``) instead of the default SQLite file without code changes.

No user names are stored anywhere, and no user ids except `subscribed_by` (who turned
anniversary posts on for a group, so an admin can be told). The API is synchronous:
every call is one short transaction; async callers wrap it in `asyncio.to_thread`.

Times are timezone-aware UTC datetimes. Everything that records a time reads it from
the injected `clock`, so tests move time forward instead of sleeping.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from sqlalchemy import (
    Table,
    and_,
    create_engine,
    delete,
    event,
    func,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, Row, make_url
from sqlalchemy.pool import StaticPool
from sqlalchemy.sql.elements import ColumnElement

from bot.storage import schema
from bot.storage.tables import (
    chats,
    inbox,
    knowledge_blobs,
    knowledge_history,
    knowledge_snapshots,
    question_stats,
    sent_log,
    subscriptions,
    unanswered,
)

__all__ = [
    "DEFAULT_LEASE",
    "LANGUAGES",
    "QUESTION_STATUSES",
    "InboxReplay",
    "QuestionStats",
    "Storage",
    "Subscription",
    "UnansweredQuestion",
    "VersionEntry",
]

LANGUAGES: Final = frozenset({"vi", "en"})
QUESTION_STATUSES: Final = ("answered", "ambiguous", "not_found")

# Sent-log states. 'released' is a claim its holder gave back (e.g. after RetryAfter):
# claimable again at once, unlike a 'claimed' row, which waits for its lease to expire.
CLAIMED: Final = "claimed"
RELEASED: Final = "released"
SENT: Final = "sent"
FAILED: Final = "failed"

DEFAULT_LEASE: Final = timedelta(minutes=10)

# Long user input must not become a long index key: PostgreSQL rejects b-tree entries
# over ~2700 bytes, and 500 characters stay below that even at 4 bytes each.
_MAX_KEY_CHARS: Final = 500
_MAX_TEXT_CHARS: Final = 1000
_SQLITE_BUSY_TIMEOUT_MS: Final = 10_000
# Any constant will do; it only has to be the same in every process of this bot.
_PG_SCHEMA_LOCK_ID: Final = 0x766E6C616F  # "vnlao"
_PG_VERSIONS_LOCK_ID: Final = _PG_SCHEMA_LOCK_ID + 1

# Inbox states: 'pending' until handled, then 'done'; 'dropped' when it waited too long.
INBOX_PENDING: Final = "pending"
INBOX_DONE: Final = "done"
INBOX_DROPPED: Final = "dropped"


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class QuestionStats:
    total: int
    by_status: dict[str, int]


@dataclass(frozen=True, slots=True)
class UnansweredQuestion:
    text: str
    count: int
    first_seen: datetime
    last_seen: datetime


@dataclass(frozen=True, slots=True)
class Subscription:
    chat_id: int
    chat_type: str
    title: str | None
    # The chat's current /language choice if it has one, else the one given at subscribe time.
    language: str | None
    subscribed_by: int | None
    subscribed_at: datetime


@dataclass(frozen=True, slots=True)
class VersionEntry:
    """One base that went into service: a row of the knowledge history."""

    seq: int
    version: str
    action: str
    loaded_at: datetime
    loaded_by: int | None
    facts: int
    gold_accuracy: float | None
    gold_confident_wrong: int | None
    gold_summary: str | None
    rolled_back_at: datetime | None


@dataclass(frozen=True, slots=True)
class InboxReplay:
    """What `Storage.inbox_take_over` found: updates to handle (oldest first) and those dropped."""

    payloads: list[str]
    dropped: list[int]


def _check_language(lang: str | None) -> None:
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {sorted(LANGUAGES)}")


def _sent_log_key(post_date: date, chat_id: int) -> ColumnElement[bool]:
    return and_(sent_log.c.post_date == post_date, sent_log.c.chat_id == chat_id)


def _new_token() -> str:
    return secrets.token_hex(16)


def _install_sqlite_hooks(engine: Engine, *, file_backed: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The sqlite3 module's own transaction handling neither wraps DDL in a
        # transaction nor lets us choose BEGIN IMMEDIATE; take it over (the recipe from
        # SQLAlchemy's SQLite dialect documentation).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # busy_timeout first: switching to WAL needs a lock another process may hold.
            cursor.execute(f"PRAGMA busy_timeout = {_SQLITE_BUSY_TIMEOUT_MS}")
            if file_backed:
                # WAL lets readers proceed while another process writes.
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front: a deferred transaction that reads and
        # then writes can fail with SQLITE_BUSY at once in WAL mode, ignoring
        # busy_timeout, whereas BEGIN IMMEDIATE waits its turn.
        if conn.get_execution_options().get("storage_readonly"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def _create_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True)
    database = parsed.database
    if not database or database == ":memory:":
        # One shared connection, or each pool connection would see its own empty database.
        engine = create_engine(parsed, poolclass=StaticPool, connect_args={"check_same_thread": False})
        _install_sqlite_hooks(engine, file_backed=False)
        return engine
    if not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed)
    _install_sqlite_hooks(engine, file_backed=True)
    return engine


class Storage:
    """The bot's persistent state. Create with `Storage.open(url)`; `close()` when done."""

    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] | None = None) -> None:
        """Wrap an engine whose schema is already current; prefer `Storage.open`."""
        self._engine = engine
        self._clock = clock or _utc_now

    @classmethod
    def open(cls, url: str, *, clock: Callable[[], datetime] | None = None) -> Storage:
        """Connect to `url`, create or migrate the schema, and return a ready Storage.

        `sqlite:///relative/or/absolute/path.sqlite3` creates the parent folder;
        `sqlite://` is a private in-memory database (for tests).
        """
        engine = _create_engine(url)
        storage = cls(engine, clock=clock)
        try:
            storage._now()  # a naive clock is refused here, not at the first write
            storage._migrate()
        except BaseException:
            engine.dispose()
            raise
        return storage

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Storage:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def engine(self) -> Engine:
        """The underlying engine, for health checks and test clean-up; not for bypassing this API."""
        return self._engine

    # ------------------------------------------------------------------ plumbing

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the storage clock must return timezone-aware datetimes")
        return now.astimezone(UTC)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._engine.begin() as conn:
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            conn.execution_options(storage_readonly=True)
            with conn.begin():
                yield conn

    def _migrate(self) -> None:
        with self._write() as conn:
            if conn.dialect.name == "postgresql":
                # Replicas starting together must not both migrate; SQLite gets the same
                # serialisation from BEGIN IMMEDIATE.
                conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _PG_SCHEMA_LOCK_ID})
            schema.upgrade(conn)

    def schema_revision(self) -> str | None:
        """The Alembic revision the database is at (`bot.storage.schema.head()` once open)."""
        with self._read() as conn:
            return schema.current(conn)

    @staticmethod
    def _upsert(
        conn: Connection,
        table: Table,
        row: dict[str, Any],
        *,
        key: tuple[str, ...],
        changes: dict[str, Any] | None,
    ) -> bool:
        """INSERT `row`; where a row with the same `key` exists, apply `changes` to it instead
        (or, with `changes=None`, leave it alone). True if a row was inserted or changed. One
        statement, so concurrent callers cannot both miss the row and race to insert it."""
        statement: postgresql.Insert | sqlite.Insert
        if conn.dialect.name == "postgresql":
            statement = postgresql.insert(table).values(**row)
        elif conn.dialect.name == "sqlite":
            statement = sqlite.insert(table).values(**row)
        else:
            raise NotImplementedError(f"storage supports SQLite and PostgreSQL, not {conn.dialect.name}")
        if changes is None:
            statement = statement.on_conflict_do_nothing(index_elements=list(key))
        else:
            statement = statement.on_conflict_do_update(index_elements=list(key), set_=changes)
        # RETURNING tells whether the row was written: the drivers' rowcount after an INSERT is
        # not reliable (psycopg through SQLAlchemy reports -1).
        written = conn.execute(statement.returning(*(table.c[name] for name in key))).first()
        return written is not None

    # ------------------------------------------------------------------ chats

    def set_language(
        self,
        chat_id: int,
        lang: str | None,
        *,
        chat_type: str | None = None,
        title: str | None = None,
    ) -> None:
        """Remember the chat's language ('vi' or 'en'); None forgets it (auto-detect again).

        `chat_type` and `title` refresh what we know about the chat when given.
        """
        _check_language(lang)
        now = self._now()
        changes: dict[str, Any] = {"language": lang, "updated_at": now}
        if chat_type is not None:
            changes["chat_type"] = chat_type
        if title is not None:
            changes["title"] = title
        row = {"chat_id": chat_id, "chat_type": chat_type or "unknown", "title": title, **changes}
        with self._write() as conn:
            self._upsert(conn, chats, row, key=("chat_id",), changes=changes)

    def get_language(self, chat_id: int) -> str | None:
        with self._read() as conn:
            lang = conn.execute(select(chats.c.language).where(chats.c.chat_id == chat_id)).scalar()
        return None if lang is None else str(lang)

    # ------------------------------------------------------------------ statistics

    def record_question(self, status: str, count: int = 1) -> None:
        """Count one question served with `status` ('answered', 'ambiguous' or 'not_found'),
        or `count` of them at once (the Telegram layer writes its buffered counts in batches)."""
        if status not in QUESTION_STATUSES:
            raise ValueError(f"unknown question status {status!r}; expected one of {QUESTION_STATUSES}")
        if count < 1:
            raise ValueError(f"count must be at least 1, not {count}")
        with self._write() as conn:
            self._upsert(
                conn,
                question_stats,
                {"status": status, "count": count},
                key=("status",),
                changes={"count": question_stats.c.count + count},
            )

    def stats(self) -> QuestionStats:
        """Questions served so far; every known status is present, zero if never seen."""
        with self._read() as conn:
            rows = conn.execute(select(question_stats.c.status, question_stats.c.count)).all()
        by_status = dict.fromkeys(QUESTION_STATUSES, 0)
        for status, count in rows:
            by_status[str(status)] = int(count)
        return QuestionStats(total=sum(by_status.values()), by_status=by_status)

    # ------------------------------------------------------------------ unanswered log

    def record_unanswered(self, question_text: str, normalized: str, count: int = 1) -> None:
        """Log a question we could not answer, grouped by the caller's `normalized` key
        (`count` times at once, for callers that buffer).

        The first wording seen is kept as the sample shown to curators.
        """
        if count < 1:
            raise ValueError(f"count must be at least 1, not {count}")
        key = normalized[:_MAX_KEY_CHARS]
        now = self._now()
        row = {
            "normalized": key,
            "sample_text": question_text[:_MAX_TEXT_CHARS],
            "count": count,
            "first_seen": now,
            "last_seen": now,
        }
        with self._write() as conn:
            self._upsert(
                conn,
                unanswered,
                row,
                key=("normalized",),
                changes={"count": unanswered.c.count + count, "last_seen": now},
            )

    def top_unanswered(self, limit: int, since: datetime | None = None) -> list[UnansweredQuestion]:
        """The most often asked unanswered questions, most frequent first.

        With `since`, only questions asked again at or after it; their count is still
        the all-time count.
        """
        query = select(
            unanswered.c.sample_text, unanswered.c.count, unanswered.c.first_seen, unanswered.c.last_seen
        )
        if since is not None:
            if since.tzinfo is None:
                raise ValueError("`since` must be a timezone-aware datetime")
            query = query.where(unanswered.c.last_seen >= since)
        query = query.order_by(
            unanswered.c.count.desc(), unanswered.c.last_seen.desc(), unanswered.c.normalized
        ).limit(limit)
        with self._read() as conn:
            rows = conn.execute(query).all()
        return [
            UnansweredQuestion(text=str(t), count=int(c), first_seen=first, last_seen=last)
            for t, c, first, last in rows
        ]

    # ------------------------------------------------------------------ subscriptions

    def subscribe(
        self,
        chat_id: int,
        chat_type: str,
        title: str | None = None,
        subscribed_by: int | None = None,
        *,
        language: str | None = None,
    ) -> bool:
        """Turn anniversary posts on for a chat. False if it was already subscribed."""
        _check_language(language)
        row = {
            "chat_id": chat_id,
            "chat_type": chat_type,
            "title": title,
            "language": language,
            "subscribed_by": subscribed_by,
            "subscribed_at": self._now(),
        }
        with self._write() as conn:
            return self._upsert(conn, subscriptions, row, key=("chat_id",), changes=None)

    def unsubscribe(self, chat_id: int) -> bool:
        """Turn anniversary posts off. False if the chat was not subscribed."""
        with self._write() as conn:
            return conn.execute(delete(subscriptions).where(subscriptions.c.chat_id == chat_id)).rowcount > 0

    def is_subscribed(self, chat_id: int) -> bool:
        with self._read() as conn:
            found = conn.execute(
                select(subscriptions.c.chat_id).where(subscriptions.c.chat_id == chat_id)
            ).first()
        return found is not None

    def list_subscriptions(self) -> list[Subscription]:
        """All subscribed chats, oldest subscription first."""
        query = (
            select(
                subscriptions.c.chat_id,
                subscriptions.c.chat_type,
                subscriptions.c.title,
                func.coalesce(chats.c.language, subscriptions.c.language),
                subscriptions.c.subscribed_by,
                subscriptions.c.subscribed_at,
            )
            .select_from(subscriptions.outerjoin(chats, chats.c.chat_id == subscriptions.c.chat_id))
            .order_by(subscriptions.c.subscribed_at, subscriptions.c.chat_id)
        )
        with self._read() as conn:
            rows = conn.execute(query).all()
        return [
            Subscription(
                chat_id=int(chat_id),
                chat_type=str(chat_type),
                title=None if title is None else str(title),
                language=None if language is None else str(language),
                subscribed_by=None if by is None else int(by),
                subscribed_at=at,
            )
            for chat_id, chat_type, title, language, by, at in rows
        ]

    def migrate_chat(self, old_chat_id: int, new_chat_id: int, *, chat_type: str = "supergroup") -> None:
        """Carry a chat's state over to its new id (Telegram's group → supergroup migration).

        The subscription, language and sent-log rows move to `new_chat_id`. Where the new
        id already has its own row (it was used before we heard of the migration), the
        new id's row wins, except that a language it lacks is taken from the old chat.
        A claim token held for the old id stays valid for the new id, so a sender
        interrupted by the migration can finish with `mark_sent(date, new_chat_id, token)`.
        """
        if old_chat_id == new_chat_id:
            return
        now = self._now()
        with self._write() as conn:
            if self._exists(conn, subscriptions, subscriptions.c.chat_id == new_chat_id):
                conn.execute(delete(subscriptions).where(subscriptions.c.chat_id == old_chat_id))
            else:
                conn.execute(
                    update(subscriptions)
                    .where(subscriptions.c.chat_id == old_chat_id)
                    .values(chat_id=new_chat_id, chat_type=chat_type)
                )

            old_language = conn.execute(
                select(chats.c.language).where(chats.c.chat_id == old_chat_id)
            ).first()
            if old_language is not None:
                if self._exists(conn, chats, chats.c.chat_id == new_chat_id):
                    conn.execute(
                        update(chats)
                        .where(chats.c.chat_id == new_chat_id, chats.c.language.is_(None))
                        .values(language=old_language[0], updated_at=now)
                    )
                    conn.execute(delete(chats).where(chats.c.chat_id == old_chat_id))
                else:
                    conn.execute(
                        update(chats)
                        .where(chats.c.chat_id == old_chat_id)
                        .values(chat_id=new_chat_id, chat_type=chat_type, updated_at=now)
                    )

            taken_dates = select(sent_log.c.post_date).where(sent_log.c.chat_id == new_chat_id)
            conn.execute(
                delete(sent_log).where(
                    sent_log.c.chat_id == old_chat_id, sent_log.c.post_date.in_(taken_dates)
                )
            )
            conn.execute(
                update(sent_log).where(sent_log.c.chat_id == old_chat_id).values(chat_id=new_chat_id)
            )

    @staticmethod
    def _exists(conn: Connection, table: Table, where: ColumnElement[bool]) -> bool:
        return conn.execute(select(1).select_from(table).where(where)).first() is not None

    # ------------------------------------------------------------------ sent-log claims
    #
    # Protocol for one anniversary post to one chat on one day:
    #
    #     token = storage.claim_post(day, chat_id)
    #     if token is None: skip (someone else has it, or it is done)
    #     send the message, then at once mark_sent(day, chat_id, token);
    #     on a permanent error (bot blocked, chat gone) mark_failed(...);
    #     on a temporary one (RetryAfter, network) release_claim(...) and retry later.
    #
    # This is exactly-once only up to one window: if the process dies after Telegram
    # accepted the message but before mark_sent commits, the row stays 'claimed', and
    # once its lease expires another process takes it over and posts again. The Bot API
    # has no idempotency key, so the window cannot be closed, only kept short by calling
    # mark_sent immediately after the send returns. The lease must also exceed the
    # longest a live sender can take (rate-limiter waits included), or a slow sender's
    # post is taken over and sent twice.

    def claim_post(self, post_date: date, chat_id: int, *, lease: timedelta = DEFAULT_LEASE) -> str | None:
        """Try to become the one sender of the `post_date` post to `chat_id`.

        Returns a claim token if the caller now owns the post, else None: another
        sender holds a live claim, or the post was already sent or failed permanently.
        A 'claimed' row older than `lease` (its sender crashed) or a released one is
        taken over by exactly one caller, and its attempt count goes up.
        """
        token = _new_token()
        now = self._now()
        row = {
            "post_date": post_date,
            "chat_id": chat_id,
            "status": CLAIMED,
            "claim_token": token,
            "attempts": 1,
            "claimed_at": now,
        }
        with self._write() as conn:
            if self._upsert(conn, sent_log, row, key=("post_date", "chat_id"), changes=None):
                return token
            # The row exists; is its claim up for grabs?
            current = conn.execute(
                select(sent_log.c.claim_token).where(_sent_log_key(post_date, chat_id))
            ).scalar()
            if current is None:
                return None
            # One conditional UPDATE decides between contenders: it only matches while
            # the row still carries the token we saw and is still up for grabs, so every
            # other contender (and the original sender's mark_sent) finds 0 rows.
            taken = conn.execute(
                update(sent_log)
                .where(
                    _sent_log_key(post_date, chat_id),
                    sent_log.c.claim_token == current,
                    or_(
                        sent_log.c.status == RELEASED,
                        and_(sent_log.c.status == CLAIMED, sent_log.c.claimed_at < now - lease),
                    ),
                )
                .values(
                    status=CLAIMED,
                    claim_token=token,
                    claimed_at=now,
                    attempts=sent_log.c.attempts + 1,
                    error=None,
                )
            )
            return token if taken.rowcount == 1 else None

    def _finish_claim(self, post_date: date, chat_id: int, token: str, **values: Any) -> bool:
        with self._write() as conn:
            result = conn.execute(
                update(sent_log)
                .where(
                    _sent_log_key(post_date, chat_id),
                    sent_log.c.claim_token == token,
                    sent_log.c.status == CLAIMED,
                )
                .values(**values)
            )
            return result.rowcount == 1

    def mark_sent(self, post_date: date, chat_id: int, token: str) -> bool:
        """Record that the post went out. False if `token` no longer holds the claim."""
        return self._finish_claim(post_date, chat_id, token, status=SENT, sent_at=self._now(), error=None)

    def mark_failed(self, post_date: date, chat_id: int, token: str, error: str) -> bool:
        """Record a permanent failure; the post is not retried. False if `token` lost the claim."""
        return self._finish_claim(post_date, chat_id, token, status=FAILED, error=error[:_MAX_TEXT_CHARS])

    def release_claim(self, post_date: date, chat_id: int, token: str) -> bool:
        """Give the claim back so the next `claim_post` gets it at once. False if `token` lost it."""
        return self._finish_claim(post_date, chat_id, token, status=RELEASED)

    def pending_claims(self, post_date: date) -> list[int]:
        """Chats whose `post_date` post was claimed (or released) but not sent nor failed.

        For catch-up after a restart: `claim_post` each of them; live claims of other
        senders come back None until their lease expires.
        """
        query = (
            select(sent_log.c.chat_id)
            .where(sent_log.c.post_date == post_date, sent_log.c.status.in_((CLAIMED, RELEASED)))
            .order_by(sent_log.c.chat_id)
        )
        with self._read() as conn:
            return [int(chat_id) for chat_id in conn.execute(query).scalars()]

    def was_sent(self, post_date: date, chat_id: int) -> bool:
        with self._read() as conn:
            status = conn.execute(select(sent_log.c.status).where(_sent_log_key(post_date, chat_id))).scalar()
        return status == SENT

    # ------------------------------------------------------------------ knowledge versions
    #
    # The files of each base that went into service are stored content-addressed (one blob per
    # distinct file content, one manifest per version), and every switch is a history row. The
    # base in service is the newest row not rolled back; a rollback marks that row, which makes
    # the row before it current again, so rollbacks step back through the history.

    @contextmanager
    def _versions_write(self) -> Iterator[Connection]:
        with self._write() as conn:
            if conn.dialect.name == "postgresql":
                # Serialise history changes between replicas (SQLite: BEGIN IMMEDIATE does it).
                conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _PG_VERSIONS_LOCK_ID})
            yield conn

    def save_snapshot(self, version: str, files: dict[str, bytes]) -> bool:
        """Keep `files` (relative path → bytes) as the snapshot of `version`; False if it was kept
        already (a snapshot never changes: its name is derived from its content)."""
        manifest = {path: hashlib.sha256(content).hexdigest() for path, content in sorted(files.items())}
        with self._write() as conn:
            if self._exists(conn, knowledge_snapshots, knowledge_snapshots.c.version == version):
                return False
            for path, digest in manifest.items():
                self._upsert(
                    conn,
                    knowledge_blobs,
                    {"sha256": digest, "content": files[path]},
                    key=("sha256",),
                    changes=None,
                )
            row = {"version": version, "manifest": json.dumps(manifest), "created_at": self._now()}
            return self._upsert(conn, knowledge_snapshots, row, key=("version",), changes=None)

    def load_snapshot(self, version: str) -> dict[str, bytes] | None:
        """The files of `version`'s snapshot, or None if there is none."""
        with self._read() as conn:
            manifest = conn.execute(
                select(knowledge_snapshots.c.manifest).where(knowledge_snapshots.c.version == version)
            ).scalar()
            if manifest is None:
                return None
            paths: dict[str, str] = json.loads(manifest)
            rows = conn.execute(
                select(knowledge_blobs.c.sha256, knowledge_blobs.c.content).where(
                    knowledge_blobs.c.sha256.in_(set(paths.values()))
                )
            ).all()
            blobs = {str(digest): bytes(content) for digest, content in rows}
        missing = sorted(path for path, digest in paths.items() if digest not in blobs)
        if missing:
            raise RuntimeError(f"snapshot {version} is incomplete: no content for {', '.join(missing)}")
        return {path: blobs[digest] for path, digest in paths.items()}

    def record_version(
        self,
        version: str,
        *,
        action: str,
        loaded_by: int | None,
        facts: int,
        gold_accuracy: float | None = None,
        gold_confident_wrong: int | None = None,
        gold_summary: str | None = None,
    ) -> VersionEntry:
        """Put `version` into service (its snapshot must be saved first): a new history row. If it
        is in service already (replicas starting together on a new database), nothing is written
        and its entry comes back."""
        with self._versions_write() as conn:
            live = self._live(conn, 1)
            if live and live[0].version == version:
                return self._entry(live[0])
            seq = conn.execute(
                knowledge_history.insert()
                .values(
                    version=version,
                    action=action,
                    loaded_at=self._now(),
                    loaded_by=loaded_by,
                    facts=facts,
                    gold_accuracy=gold_accuracy,
                    gold_confident_wrong=gold_confident_wrong,
                    gold_summary=gold_summary,
                )
                .returning(knowledge_history.c.seq)
            ).scalar_one()
            return self._version_entry(conn, int(seq))

    @staticmethod
    def _entry(row: Row[Any]) -> VersionEntry:
        return VersionEntry(
            seq=int(row.seq),
            version=str(row.version),
            action=str(row.action),
            loaded_at=row.loaded_at,
            loaded_by=None if row.loaded_by is None else int(row.loaded_by),
            facts=int(row.facts),
            gold_accuracy=None if row.gold_accuracy is None else float(row.gold_accuracy),
            gold_confident_wrong=None if row.gold_confident_wrong is None else int(row.gold_confident_wrong),
            gold_summary=None if row.gold_summary is None else str(row.gold_summary),
            rolled_back_at=row.rolled_back_at,
        )

    def _version_entry(self, conn: Connection, seq: int) -> VersionEntry:
        return self._entry(
            conn.execute(select(knowledge_history).where(knowledge_history.c.seq == seq)).one()
        )

    @staticmethod
    def _live(conn: Connection, limit: int) -> list[Row[Any]]:
        return list(
            conn.execute(
                select(knowledge_history)
                .where(knowledge_history.c.rolled_back_at.is_(None))
                .order_by(knowledge_history.c.seq.desc())
                .limit(limit)
            ).all()
        )

    def version_in_service(self) -> VersionEntry | None:
        """The history entry of the base in service, None before the first one went into service."""
        with self._read() as conn:
            live = self._live(conn, 1)
        return self._entry(live[0]) if live else None

    def roll_back_version(self, by: int | None = None) -> tuple[VersionEntry, VersionEntry] | None:
        """Step back: the entry in service is marked rolled back and the one before it serves again.
        Returns (from, to), or None when there is nothing to step back to."""
        with self._versions_write() as conn:
            live = self._live(conn, 2)
            if len(live) < 2:
                return None
            current, previous = live
            conn.execute(
                update(knowledge_history)
                .where(knowledge_history.c.seq == current.seq)
                .values(rolled_back_at=self._now(), rolled_back_by=by)
            )
            return self._version_entry(conn, int(current.seq)), self._entry(previous)

    def version_history(self, limit: int = 10) -> list[VersionEntry]:
        """The newest `limit` history entries, newest first (rolled-back ones included)."""
        with self._read() as conn:
            rows = conn.execute(
                select(knowledge_history).order_by(knowledge_history.c.seq.desc()).limit(limit)
            ).all()
        return [self._entry(row) for row in rows]

    # ------------------------------------------------------------------ durable inbox
    #
    # An update is written here (`inbox_add`) before Telegram is told it arrived (the next
    # getUpdates offset, or the webhook's 200), and marked done (`inbox_done`) once handled. What
    # is still pending after a crash is taken over (`inbox_take_over`) and handled again.

    def inbox_add(self, bot_id: int, update_id: int, payload: str, owner: str) -> bool:
        """Record an update received by bot `bot_id`, owned by `owner`; False if it was recorded
        already (Telegram delivered it again), in which case it must not be handled a second time."""
        now = self._now()
        row = {
            "bot_id": bot_id,
            "update_id": update_id,
            "payload": payload,
            "received_at": now,
            "status": INBOX_PENDING,
            "owner": owner,
            "claimed_at": now,
        }
        with self._write() as conn:
            return self._upsert(conn, inbox, row, key=("bot_id", "update_id"), changes=None)

    def inbox_done(self, bot_id: int, *update_ids: int) -> None:
        """Mark updates handled (several at once: callers that finish together share a write)."""
        if not update_ids:
            return
        with self._write() as conn:
            conn.execute(
                update(inbox)
                .where(
                    inbox.c.bot_id == bot_id,
                    inbox.c.update_id.in_(update_ids),
                    inbox.c.status == INBOX_PENDING,
                )
                .values(status=INBOX_DONE, done_at=self._now())
            )

    def inbox_take_over(
        self,
        bot_id: int,
        owner: str,
        *,
        claimed_before: datetime,
        max_age: timedelta,
        exclude_owner: str | None = None,
        limit: int = 1000,
    ) -> InboxReplay:
        """Take over bot `bot_id`'s pending updates claimed before `claimed_before` (their handler
        died), except those of `exclude_owner` (the caller's own, still in its queue): those received
        within `max_age` become `owner`'s and come back oldest first; older ones are marked dropped.
        A row another process takes at the same moment is not returned twice."""
        now = self._now()
        query = (
            select(inbox.c.update_id, inbox.c.payload, inbox.c.received_at, inbox.c.owner)
            .where(
                inbox.c.bot_id == bot_id,
                inbox.c.status == INBOX_PENDING,
                inbox.c.claimed_at < claimed_before,
            )
            .order_by(inbox.c.update_id)
            .limit(limit)
        )
        if exclude_owner is not None:
            query = query.where(inbox.c.owner != exclude_owner)
        with self._write() as conn:
            rows = conn.execute(query).all()
            payloads: list[str] = []
            dropped: list[int] = []
            for update_id, payload, received_at, old_owner in rows:
                too_old = received_at < now - max_age
                taken = conn.execute(
                    update(inbox)
                    .where(
                        inbox.c.bot_id == bot_id,
                        inbox.c.update_id == update_id,
                        inbox.c.status == INBOX_PENDING,
                        inbox.c.owner == old_owner,
                    )
                    .values(
                        status=INBOX_DROPPED if too_old else INBOX_PENDING,
                        owner=owner,
                        claimed_at=now,
                        done_at=now if too_old else None,
                    )
                )
                if taken.rowcount != 1:
                    continue
                if too_old:
                    dropped.append(int(update_id))
                else:
                    payloads.append(str(payload))
        return InboxReplay(payloads, dropped)

    def inbox_pending(self) -> int:
        with self._read() as conn:
            return int(
                conn.execute(
                    select(func.count()).select_from(inbox).where(inbox.c.status == INBOX_PENDING)
                ).scalar_one()
            )

    def inbox_purge(self, older_than: timedelta) -> int:
        """Forget handled and dropped updates received more than `older_than` ago."""
        cutoff = self._now() - older_than
        with self._write() as conn:
            return conn.execute(
                delete(inbox).where(inbox.c.status != INBOX_PENDING, inbox.c.received_at < cutoff)
            ).rowcount

    def ping(self) -> None:
        """One round trip to the database (the health check); raises if it is unreachable."""
        with self._read() as conn:
            conn.execute(select(1)).scalar()

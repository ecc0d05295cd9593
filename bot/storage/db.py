"""Everything the bot must remember across a restart, behind one SQLAlchemy Core module.

This module owns the database: per-chat settings (language), anonymous question
statistics, the log of questions the knowledge base could not answer (for curators),
anniversary subscriptions, and the sent-log that makes each anniversary post go out
at most once per chat per day even with several bot processes sharing one database.

It uses SQLAlchemy Core (not the ORM) and only portable SQL, so `DATABASE_URL` may
name PostgreSQL (``postgresql+psycopg://...``) instead of the default SQLite file
without code changes. `Storage.open` creates the schema on a fresh database and
applies numbered migrations to an older one; the `schema_version` table records
which versions have been applied.

No user names are stored anywhere, and no user ids except `subscribed_by` (who turned
anniversary posts on for a group, so an admin can be told). The API is synchronous:
every call is one short transaction; async callers wrap it in `asyncio.to_thread`.

Times are timezone-aware UTC datetimes. Everything that records a time reads it from
the injected `clock`, so tests move time forward instead of sleeping.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Dialect,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    TypeDecorator,
    and_,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import StaticPool
from sqlalchemy.sql.elements import ColumnElement

__all__ = [
    "DEFAULT_LEASE",
    "LANGUAGES",
    "QUESTION_STATUSES",
    "SCHEMA_VERSION",
    "QuestionStats",
    "Storage",
    "Subscription",
    "UnansweredQuestion",
    "chats",
    "metadata",
    "question_stats",
    "schema_versions",
    "sent_log",
    "subscriptions",
    "unanswered",
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


def _utc_now() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime stored as a naive UTC timestamp.

    SQLite has no time zones and SQLAlchemy hands its timestamps back naive; storing
    naive UTC everywhere keeps SQLite and PostgreSQL identical and lets the fixed-width
    SQLite text compare correctly in `claimed_at < cutoff`.
    """

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: storage needs timezone-aware UTC times")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


# Named constraints so that a future migration can ALTER or DROP them by name.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

schema_versions = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", UtcDateTime, nullable=False),
)

chats = Table(
    "chats",
    metadata,
    Column("chat_id", BigInteger, primary_key=True, autoincrement=False),
    Column("language", Text, nullable=True),
    Column("chat_type", Text, nullable=False),
    Column("title", Text, nullable=True),
    Column("updated_at", UtcDateTime, nullable=False),
)

question_stats = Table(
    "question_stats",
    metadata,
    Column("status", Text, primary_key=True),
    Column("count", BigInteger, nullable=False),
)

unanswered = Table(
    "unanswered",
    metadata,
    Column("normalized", Text, primary_key=True),
    Column("sample_text", Text, nullable=False),
    Column("count", BigInteger, nullable=False),
    Column("first_seen", UtcDateTime, nullable=False),
    Column("last_seen", UtcDateTime, nullable=False, index=True),
)

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("chat_id", BigInteger, primary_key=True, autoincrement=False),
    Column("chat_type", Text, nullable=False),
    Column("title", Text, nullable=True),
    Column("language", Text, nullable=True),
    Column("subscribed_by", BigInteger, nullable=True),
    Column("subscribed_at", UtcDateTime, nullable=False),
)

sent_log = Table(
    "sent_log",
    metadata,
    Column("post_date", Date, nullable=False),
    Column("chat_id", BigInteger, nullable=False),
    Column("status", Text, nullable=False),
    Column("claim_token", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("claimed_at", UtcDateTime, nullable=False),
    Column("sent_at", UtcDateTime, nullable=True),
    Column("error", Text, nullable=True),
    # The uniqueness of (post_date, chat_id) is what makes claims exclusive: the
    # database, not this process, decides which concurrent INSERT wins.
    PrimaryKeyConstraint("post_date", "chat_id"),
)


# Migrations: `_MIGRATIONS[n]` upgrades a database at version n-1 to version n.
# A fresh database gets the tables above via create_all and is stamped SCHEMA_VERSION
# directly, so the Table definitions must always describe the latest schema. To change
# the schema: edit the Table, bump SCHEMA_VERSION and add the step that performs the
# same change on an existing database.
SCHEMA_VERSION: Final = 1
_MIGRATIONS: dict[int, Callable[[Connection], None]] = {}


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
                # Replicas starting together must not both create the tables; SQLite
                # gets the same serialisation from BEGIN IMMEDIATE.
                conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _PG_SCHEMA_LOCK_ID})
            now = self._now()
            if not inspect(conn).has_table(schema_versions.name):
                metadata.create_all(conn)
                conn.execute(insert(schema_versions).values(version=SCHEMA_VERSION, applied_at=now))
                return
            current = conn.execute(select(func.max(schema_versions.c.version))).scalar_one_or_none() or 0
            if current > SCHEMA_VERSION:
                raise RuntimeError(
                    f"database schema is version {current}, newer than this code's {SCHEMA_VERSION}; "
                    "upgrade the bot instead of letting old code write to it"
                )
            for version in range(current + 1, SCHEMA_VERSION + 1):
                _MIGRATIONS[version](conn)
                conn.execute(insert(schema_versions).values(version=version, applied_at=now))

    def schema_version(self) -> int:
        """The highest migration applied to this database."""
        with self._read() as conn:
            return int(conn.execute(select(func.max(schema_versions.c.version))).scalar_one())

    def _increment(
        self, table: Table, key: ColumnElement[bool], changes: dict[str, Any], new_row: dict[str, Any]
    ) -> None:
        # Portable upsert: UPDATE, else INSERT. On PostgreSQL two callers can both miss
        # the UPDATE and race to INSERT; the loser retries and its UPDATE then matches.
        for attempt in range(2):
            try:
                with self._write() as conn:
                    if conn.execute(update(table).where(key).values(**changes)).rowcount == 0:
                        conn.execute(insert(table).values(**new_row))
                return
            except IntegrityError:
                if attempt == 1:
                    raise

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
        self._increment(
            chats,
            chats.c.chat_id == chat_id,
            changes,
            {"chat_id": chat_id, "chat_type": chat_type or "unknown", "title": title, **changes},
        )

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
        self._increment(
            question_stats,
            question_stats.c.status == status,
            {"count": question_stats.c.count + count},
            {"status": status, "count": count},
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
        self._increment(
            unanswered,
            unanswered.c.normalized == key,
            {"count": unanswered.c.count + count, "last_seen": now},
            {
                "normalized": key,
                "sample_text": question_text[:_MAX_TEXT_CHARS],
                "count": count,
                "first_seen": now,
                "last_seen": now,
            },
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
        try:
            with self._write() as conn:
                conn.execute(
                    insert(subscriptions).values(
                        chat_id=chat_id,
                        chat_type=chat_type,
                        title=title,
                        language=language,
                        subscribed_by=subscribed_by,
                        subscribed_at=self._now(),
                    )
                )
        except IntegrityError:
            return False
        return True

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
        try:
            with self._write() as conn:
                conn.execute(
                    insert(sent_log).values(
                        post_date=post_date,
                        chat_id=chat_id,
                        status=CLAIMED,
                        claim_token=token,
                        attempts=1,
                        claimed_at=now,
                    )
                )
            return token
        except IntegrityError:
            pass  # the row exists; below we see whether its claim is up for grabs

        with self._write() as conn:
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

"""The database tables, declared once with SQLAlchemy Core.

These declarations describe the schema the migrations (`bot/storage/migrations/`) build; the
repository (`bot.storage.repository.Storage`) queries through them. To change the schema, edit the
table here and add an Alembic revision that makes the same change to an existing database
(`alembic revision --autogenerate` compares the two; see migrations/env.py).

Times are stored as naive UTC (`UtcDateTime`), so SQLite and PostgreSQL hold the same values and
SQLite's fixed-width text timestamps compare correctly.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Dialect,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    TypeDecorator,
)

__all__ = [
    "UtcDateTime",
    "chats",
    "conversations",
    "inbox",
    "knowledge_blobs",
    "knowledge_history",
    "knowledge_snapshots",
    "metadata",
    "question_stats",
    "sent_log",
    "subscriptions",
    "unanswered",
]


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


# Named constraints so that a migration can ALTER or DROP them by name.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
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

# The context of each conversation (bot.storage.conversations): keyed by conversation (a private
# chat, or a user in a group), by the bot's reply message (a reply to it resumes its context) and by
# the user's question message (an edit of the question re-answers it in place). `payload` is JSON.
conversations = Table(
    "conversations",
    metadata,
    Column("key", Text, primary_key=True),
    Column("payload", Text, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False, index=True),
)

# ---------------------------------------------------------------- knowledge versions (revision 0002)
#
# Every base that went into service is kept here, so a restart serves the version in service
# (not whatever the files on disk say) and a rollback can step back through the history. The
# files are stored content-addressed: a blob per distinct file content, a manifest per version.

knowledge_blobs = Table(
    "knowledge_blobs",
    metadata,
    Column("sha256", Text, primary_key=True),
    Column("content", LargeBinary, nullable=False),
)

knowledge_snapshots = Table(
    "knowledge_snapshots",
    metadata,
    Column("version", Text, primary_key=True),
    # JSON object: relative path ("knowledge/events.yaml", "seeds/000_....txt") -> blob sha256
    Column("manifest", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)

knowledge_history = Table(
    "knowledge_history",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("version", Text, nullable=False),
    Column("action", Text, nullable=False),  # 'start' (first load), 'reload'
    Column("loaded_at", UtcDateTime, nullable=False),
    Column("loaded_by", BigInteger, nullable=True),  # the admin's Telegram user id; None at start-up
    Column("facts", Integer, nullable=False),
    Column("gold_accuracy", Float, nullable=True),
    Column("gold_confident_wrong", Integer, nullable=True),
    Column("gold_summary", Text, nullable=True),
    # Set when /rollback steps back over this entry; the one in service is the newest entry
    # without it.
    Column("rolled_back_at", UtcDateTime, nullable=True),
    Column("rolled_back_by", BigInteger, nullable=True),
)

# ---------------------------------------------------------------- durable inbox (revision 0002)
#
# Every update from Telegram is written here before getUpdates confirms it (or before the webhook
# answers 200), and marked done once handled; a restart replays what is still pending.

inbox = Table(
    "inbox",
    metadata,
    # update ids are per bot: several bots may share a database (the benchmark runs three)
    Column("bot_id", BigInteger, nullable=False),
    Column("update_id", BigInteger, nullable=False),
    Column("payload", Text, nullable=False),  # the update as Telegram's JSON
    Column("received_at", UtcDateTime, nullable=False),
    Column("status", Text, nullable=False),  # 'pending', 'done', 'dropped'
    Column("owner", Text, nullable=False),  # the process handling it (a random id per process)
    Column("claimed_at", UtcDateTime, nullable=False),
    Column("done_at", UtcDateTime, nullable=True),
    PrimaryKeyConstraint("bot_id", "update_id"),
    Index("ix_inbox_status_received_at", "status", "received_at"),
)

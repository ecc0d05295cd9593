"""The initial schema: chats, question statistics, unanswered log, subscriptions, sent-log.

On an empty database it creates the five tables. On a database of the pre-Alembic layout (the
same five tables, made by the bot's own create_all, plus a `schema_version` table at version 1)
it keeps the tables and their rows, creates any that are missing, and drops `schema_version`,
whose job Alembic's `alembic_version` takes over.

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The pre-Alembic code stamped its schema; it only ever reached version 1, which is this layout.
_OLD_VERSION_TABLE = "schema_version"
_OLD_LAYOUT_VERSION = 1


def _utc() -> sa.DateTime:
    # bot.storage.tables.UtcDateTime stores naive UTC in a plain timestamp column.
    return sa.DateTime(timezone=False)


def _create_missing(existing: set[str]) -> None:
    # The columns are written out rather than taken from bot.storage.tables: a revision is a
    # snapshot, and must not change when the declarations change later.
    if "chats" not in existing:
        op.create_table(
            "chats",
            sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
            sa.Column("language", sa.Text(), nullable=True),
            sa.Column("chat_type", sa.Text(), nullable=False),
            sa.Column("title", sa.Text(), nullable=True),
            sa.Column("updated_at", _utc(), nullable=False),
            sa.PrimaryKeyConstraint("chat_id", name="pk_chats"),
        )
    if "question_stats" not in existing:
        op.create_table(
            "question_stats",
            sa.Column("status", sa.Text(), nullable=False),
            sa.Column("count", sa.BigInteger(), nullable=False),
            sa.PrimaryKeyConstraint("status", name="pk_question_stats"),
        )
    if "unanswered" not in existing:
        op.create_table(
            "unanswered",
            sa.Column("normalized", sa.Text(), nullable=False),
            sa.Column("sample_text", sa.Text(), nullable=False),
            sa.Column("count", sa.BigInteger(), nullable=False),
            sa.Column("first_seen", _utc(), nullable=False),
            sa.Column("last_seen", _utc(), nullable=False),
            sa.PrimaryKeyConstraint("normalized", name="pk_unanswered"),
        )
        op.create_index("ix_unanswered_last_seen", "unanswered", ["last_seen"])
    if "subscriptions" not in existing:
        op.create_table(
            "subscriptions",
            sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
            sa.Column("chat_type", sa.Text(), nullable=False),
            sa.Column("title", sa.Text(), nullable=True),
            sa.Column("language", sa.Text(), nullable=True),
            sa.Column("subscribed_by", sa.BigInteger(), nullable=True),
            sa.Column("subscribed_at", _utc(), nullable=False),
            sa.PrimaryKeyConstraint("chat_id", name="pk_subscriptions"),
        )
    if "sent_log" not in existing:
        op.create_table(
            "sent_log",
            sa.Column("post_date", sa.Date(), nullable=False),
            sa.Column("chat_id", sa.BigInteger(), nullable=False),
            sa.Column("status", sa.Text(), nullable=False),
            sa.Column("claim_token", sa.Text(), nullable=False),
            sa.Column("attempts", sa.Integer(), nullable=False),
            sa.Column("claimed_at", _utc(), nullable=False),
            sa.Column("sent_at", _utc(), nullable=True),
            sa.Column("error", sa.Text(), nullable=True),
            sa.PrimaryKeyConstraint("post_date", "chat_id", name="pk_sent_log"),
        )


def upgrade() -> None:
    bind = op.get_bind()
    existing = set(sa.inspect(bind).get_table_names())
    if _OLD_VERSION_TABLE in existing:
        version = bind.execute(sa.text(f"SELECT max(version) FROM {_OLD_VERSION_TABLE}")).scalar()
        if version is not None and int(version) > _OLD_LAYOUT_VERSION:
            raise RuntimeError(
                f"the database's old schema_version is {version}, which this code never wrote; "
                "refusing to migrate it"
            )
    _create_missing(existing)
    if _OLD_VERSION_TABLE in existing:
        op.drop_table(_OLD_VERSION_TABLE)


def downgrade() -> None:
    for table in ("sent_log", "subscriptions", "unanswered", "question_stats", "chats"):
        op.drop_table(table)

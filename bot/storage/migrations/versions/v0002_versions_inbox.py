"""Knowledge versions (content-addressed snapshots and the history of the base in service) and
the durable inbox of Telegram updates.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _utc() -> sa.DateTime:
    # bot.storage.tables.UtcDateTime stores naive UTC in a plain timestamp column.
    return sa.DateTime(timezone=False)


def upgrade() -> None:
    # Written out rather than taken from bot.storage.tables: a revision is a snapshot.
    op.create_table(
        "knowledge_blobs",
        sa.Column("sha256", sa.Text(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_knowledge_blobs"),
    )
    op.create_table(
        "knowledge_snapshots",
        sa.Column("version", sa.Text(), nullable=False),
        sa.Column("manifest", sa.Text(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("version", name="pk_knowledge_snapshots"),
    )
    op.create_table(
        "knowledge_history",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("version", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("loaded_at", _utc(), nullable=False),
        sa.Column("loaded_by", sa.BigInteger(), nullable=True),
        sa.Column("facts", sa.Integer(), nullable=False),
        sa.Column("gold_accuracy", sa.Float(), nullable=True),
        sa.Column("gold_confident_wrong", sa.Integer(), nullable=True),
        sa.Column("gold_summary", sa.Text(), nullable=True),
        sa.Column("rolled_back_at", _utc(), nullable=True),
        sa.Column("rolled_back_by", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name="pk_knowledge_history"),
    )
    op.create_table(
        "inbox",
        sa.Column("bot_id", sa.BigInteger(), nullable=False),
        sa.Column("update_id", sa.BigInteger(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("received_at", _utc(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("owner", sa.Text(), nullable=False),
        sa.Column("claimed_at", _utc(), nullable=False),
        sa.Column("done_at", _utc(), nullable=True),
        sa.PrimaryKeyConstraint("bot_id", "update_id", name="pk_inbox"),
    )
    op.create_index("ix_inbox_status_received_at", "inbox", ["status", "received_at"])


def downgrade() -> None:
    op.drop_index("ix_inbox_status_received_at", table_name="inbox")
    for table in ("inbox", "knowledge_history", "knowledge_snapshots", "knowledge_blobs"):
        op.drop_table(table)

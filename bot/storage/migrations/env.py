"""Alembic's environment for the bot's database.

At run time `bot.storage.schema.upgrade` hands over its open connection (inside the transaction
that holds the schema lock) in `config.attributes["connection"]`; no alembic.ini is involved.
From the command line, for a developer writing a revision (`alembic revision --autogenerate`)
with an alembic.ini of their own whose `script_location` is `bot/storage/migrations`, the URL
comes from `-x url=...`, else `sqlalchemy.url`, else DATABASE_URL.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from bot.storage.tables import metadata


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things in place; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _url() -> str:
    url = context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option(
        "sqlalchemy.url"
    )
    url = url or os.environ.get("DATABASE_URL")
    if not url:
        raise RuntimeError("no database: pass -x url=..., set sqlalchemy.url or DATABASE_URL")
    return url


def run() -> None:
    if context.is_offline_mode():
        context.configure(url=_url(), target_metadata=metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = context.config.attributes.get("connection")
    if isinstance(connection, Connection):
        _migrate(connection)
        return
    engine = create_engine(_url())
    try:
        with engine.begin() as own:
            _migrate(own)
    finally:
        engine.dispose()


run()

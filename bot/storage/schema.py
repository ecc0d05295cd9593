"""Bringing a database's schema up to date with the migrations shipped in the package.

`upgrade(connection)` runs Alembic programmatically (no alembic.ini: the script location is the
`migrations` folder beside this file) on a connection the caller has opened in a transaction and
locked (see `Storage.open`). A database already at the head revision costs one query. A database
stamped with a revision this code does not know was written by newer code: it is refused rather
than written to by old code.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Final

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import Connection

MIGRATIONS_DIR: Final = Path(__file__).resolve().with_name("migrations")


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head() -> str:
    """The newest revision this code ships."""
    revision = _scripts().get_current_head()
    if revision is None:
        raise RuntimeError(f"no migrations found in {MIGRATIONS_DIR}")
    return revision


def current(connection: Connection) -> str | None:
    """The revision the database is at (None: never migrated by Alembic)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection) -> None:
    """Migrate the database behind `connection` to `head()`; refuse one from newer code."""
    at = current(connection)
    if at == head():
        return
    if at is not None:
        try:
            _scripts().get_revision(at)
        except CommandError:
            raise RuntimeError(
                f"database schema is at revision {at!r}, newer than this code's {head()!r}; "
                "upgrade the bot instead of letting old code write to it"
            ) from None
    command.upgrade(_config(connection), "head")

"""Start-up checks: a bad configuration stops `python -m bot` with one line naming the variable.

Each check returns None when all is well, else the message to print (the caller exits with
status 2). A message never shows a password from `DATABASE_URL`; the underlying traceback is
logged at DEBUG level only, with the password scrubbed too.
"""

from __future__ import annotations

import logging
import re
import traceback
from pathlib import Path

from bot.app.settings import Settings

log = logging.getLogger(__name__)

_EXAMPLE_URLS = "sqlite:///data/bot.sqlite3 or postgresql+psycopg://user:password@host/dbname"
# `scheme://user:password@host`: whatever sits between the first ':' after '//' and the last '@'.
_PASSWORD_RE = re.compile(r"(?P<head>://[^:/@\s]*:)(?P<password>[^\s]*)(?P<tail>@)")


def scrub_password(text: str, password: str | None = None) -> str:
    """`text` with the password of any `scheme://user:password@host` in it replaced by `***`."""
    if password:
        text = text.replace(password, "***")
    return _PASSWORD_RE.sub(r"\g<head>***\g<tail>", text)


def _log_debug_traceback(exc: BaseException, password: str | None) -> None:
    if log.isEnabledFor(logging.DEBUG):
        formatted = "".join(traceback.format_exception(exc))
        log.debug("start-up check failed:\n%s", scrub_password(formatted, password))


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)  # SQLAlchemy wraps the driver's exception; its text is the useful part
    source = orig if isinstance(orig, BaseException) else exc
    if isinstance(source, OSError) and source.strerror:
        where = f": {source.filename}" if source.filename else ""
        return f"{source.strerror}{where}"
    text = str(source).strip()
    return text.splitlines()[0] if text else type(source).__name__


def check_database(settings: Settings) -> str | None:
    """Open the database the way the bot does at start-up (creating or migrating the schema).

    None if it opens; otherwise one line naming DATABASE_URL and what is wrong with it.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    raw = settings.database_url
    if not raw.strip():
        return (
            "DATABASE_URL is empty: unset it for the default SQLite file, "
            f"or give a URL such as {_EXAMPLE_URLS}."
        )
    try:
        url = make_url(raw)
    except (ArgumentError, ValueError) as exc:
        _log_debug_traceback(exc, None)
        return f"DATABASE_URL is not a database URL; expected a SQLAlchemy URL such as {_EXAMPLE_URLS}."
    password = url.password if isinstance(url.password, str) else None
    # The URL as written, password masked. Not SQLAlchemy's rendering: a password with an unescaped
    # '@' is split between password and host there, and the host part would show.
    shown = scrub_password(raw)
    try:
        url.get_dialect()
    except NoSuchModuleError as exc:
        _log_debug_traceback(exc, password)
        return (
            f"DATABASE_URL names an unknown database type {url.drivername!r} ({shown}); "
            f"use a SQLAlchemy URL such as {_EXAMPLE_URLS}."
        )

    from bot.storage.repository import Storage

    try:
        Storage.open(raw).close()
    except ImportError as exc:
        _log_debug_traceback(exc, password)
        driver = exc.name or _first_line(exc)
        hint = " (pip install -e '.[postgres]')" if url.get_backend_name() == "postgresql" else ""
        return f"DATABASE_URL ({shown}) needs the Python package {driver!r}, which is not installed{hint}."
    except Exception as exc:  # any failure to open is reported the same way; the traceback is at DEBUG
        _log_debug_traceback(exc, password)
        reason = scrub_password(_first_line(exc), password)
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            folder = Path(str(url.database)).expanduser().parent
            return (
                f"DATABASE_URL: cannot open the SQLite database {url.database} ({reason}); "
                f"check that the folder {folder} exists or can be created, and is writable."
            )
        return f"DATABASE_URL: cannot open the database {shown} ({reason})."
    return None


def check_folders(settings: Settings) -> str | None:
    """KNOWLEDGE_DIR must be a folder holding fact files; SEEDS_DIR, when set, must be a folder."""
    knowledge = settings.knowledge_dir
    if not knowledge.exists():
        return f"KNOWLEDGE_DIR: folder not found: {knowledge}"
    if not knowledge.is_dir():
        return f"KNOWLEDGE_DIR: not a folder: {knowledge}"
    from bot.kb.loader import fact_files

    try:
        files = fact_files(knowledge)
    except OSError as exc:
        return f"KNOWLEDGE_DIR: cannot read the folder {knowledge} ({exc.strerror or exc})"
    if not files:
        return f"KNOWLEDGE_DIR: no *.yaml fact files in {knowledge}"
    seeds = settings.seeds_dir
    if seeds is not None and not seeds.is_dir():
        return f"SEEDS_DIR: {'not a folder' if seeds.exists() else 'folder not found'}: {seeds}"
    return None


__all__ = ["check_database", "check_folders", "scrub_password"]

"""The databases tests run on: a SQLite file, and PostgreSQL when TEST_POSTGRES_URL names a server.

Each PostgreSQL user gets a schema of its own (`bot_test_<random>`, put first on the search path
through the URL's `options`) that is dropped afterwards, so reruns and parallel runs on one server
never see each other's tables. Without TEST_POSTGRES_URL, or when the server does not answer, the
PostgreSQL variant is skipped with the reason.
"""

from __future__ import annotations

import functools
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_ENV = "TEST_POSTGRES_URL"


@functools.cache
def _probe(url: str) -> str | None:
    """None if the server answers, else why not (once per run)."""
    engine = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except ImportError as exc:
        return f"the PostgreSQL driver is not installed ({exc.name}); pip install -e '.[postgres]'"
    except Exception as exc:
        return f"no PostgreSQL server answers at {make_url(url).render_as_string()}: {type(exc).__name__}"
    finally:
        engine.dispose()
    return None


def postgres_url_or_skip() -> str:
    """TEST_POSTGRES_URL, or skip the test saying why it cannot run."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} is not set (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    problem = _probe(url)
    if problem is not None:
        pytest.skip(problem)
    return url


def with_search_path(url: str, schema: str) -> str:
    return (
        make_url(url)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )


@contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    """A URL whose tables live in a new schema of their own; the schema is dropped on exit."""
    schema = f"bot_test_{secrets.token_hex(6)}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield with_search_path(url, schema)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()

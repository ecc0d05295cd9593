"""Alembic migrations of the bot's database, shipped inside the package.

`bot.storage.schema.upgrade` runs them programmatically when `Storage.open` connects (no
alembic.ini is needed). `env.py` is Alembic's environment; `versions/` holds one revision per
schema change, oldest first: `v0001_initial` creates the tables on an empty database and brings a
database of the pre-Alembic layout (with its own `schema_version` table) up to date.
"""

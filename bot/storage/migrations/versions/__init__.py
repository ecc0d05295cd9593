"""Alembic revisions, one module per schema change (Alembic itself skips this file)."""

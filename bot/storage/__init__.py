"""What the bot remembers across restarts: table declarations (`tables`), the `Storage`
repository (`repository`) and the Alembic migrations that build the schema (`schema`,
`migrations/`)."""

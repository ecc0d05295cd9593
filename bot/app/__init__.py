"""Application services shared by every front end: settings, the knowledge service (reload and
rollback) and logging with the one secret redactor. No Telegram, no command line."""

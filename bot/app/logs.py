"""Logging set-up and the one secret redactor.

`redact(text, *secrets)` replaces every secret in a text with `<redacted>`; `RedactFilter` does
the same to each log record (message, traceback, stack) before any handler prints it;
`configure_logging(settings)` installs the filter for the bot's secrets (the Bot API token, which
Telegram puts in every request URL, and the webhook secret) and silences httpx's request log,
which prints those URLs. Whatever shows an error text to a person (the admin error notice, the
start-up messages) passes it through `redact` with `settings_secrets(settings)`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from bot.app.settings import Settings

REDACTED = "<redacted>"


def settings_secrets(settings: Settings) -> tuple[str, ...]:
    """The secret values among the settings (unset ones left out)."""
    values = (settings.telegram_bot_token, settings.webhook_secret)
    return tuple(v.get_secret_value() for v in values if v is not None and v.get_secret_value())


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """`text` with each non-empty secret replaced by `<redacted>`."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text


class RedactFilter(logging.Filter):
    """Replaces secrets in a record's message, traceback and stack before any handler prints it."""

    def __init__(self, secrets: Iterable[str | None]) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def _contains(self, text: str) -> bool:
        return any(secret in text for secret in self.secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self._contains(message):
            record.msg, record.args = redact(message, self.secrets), None
        if record.exc_info and not record.exc_text:
            # Format the traceback now, so the text the handler prints is the redacted one.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self._contains(record.exc_text):
            record.exc_text = redact(record.exc_text, self.secrets)
        if record.stack_info and self._contains(record.stack_info):
            record.stack_info = redact(record.stack_info, self.secrets)
        return True


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True
    )
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    secrets = settings_secrets(settings)
    if secrets:
        secret_filter = RedactFilter(secrets)
        for handler in logging.getLogger().handlers:
            handler.addFilter(secret_filter)

"""`python -m bot`: run the Telegram bot, or the terminal session when there is no token.

With `TELEGRAM_BOT_TOKEN` set: a webhook server when `WEBHOOK_URL` is set, long polling
otherwise. Without it: `bot.cli.terminal`. The token never reaches a log line: httpx's request
log (which prints URLs, and the Bot API puts the token in the URL) is silenced, and a
filter on every log handler replaces the token wherever it would appear.
"""

from __future__ import annotations

import logging
import sys
from typing import Any
from urllib.parse import urlsplit

from telegram.error import InvalidToken, NetworkError, TelegramError

from bot.app.settings import Settings

log = logging.getLogger(__name__)


class RedactFilter(logging.Filter):
    """Replaces a secret in a record's message and traceback before any handler prints it."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = message.replace(self.secret, "<redacted>"), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self.secret in record.exc_text:
            record.exc_text = record.exc_text.replace(self.secret, "<redacted>")
        if record.stack_info and self.secret in record.stack_info:
            record.stack_info = record.stack_info.replace(self.secret, "<redacted>")
        return True


def _redact(text: str, settings: Settings) -> str:
    token = settings.telegram_bot_token
    return text.replace(token.get_secret_value(), "<redacted>") if token is not None else text


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True
    )
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    if settings.telegram_bot_token is not None:
        token_filter = RedactFilter(settings.telegram_bot_token.get_secret_value())
        for handler in logging.getLogger().handlers:
            handler.addFilter(token_filter)


def webhook_options(settings: Settings) -> dict[str, Any]:
    """Arguments for `Application.run_webhook`: the local server listens on WEBHOOK_LISTEN:WEBHOOK_PORT
    at the path of WEBHOOK_URL (a reverse proxy forwards the public URL to it unchanged)."""
    url = settings.webhook_url or ""
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret is not None else None
    return {
        "listen": settings.webhook_listen,
        "port": settings.webhook_port,
        "url_path": urlsplit(url).path.lstrip("/"),
        "webhook_url": url,
        "secret_token": secret,
    }


def run(settings: Settings) -> int:
    """Run the product; returns the process exit code."""
    configure_logging(settings)
    if settings.telegram_bot_token is None:
        from bot.cli.terminal import run_terminal

        return run_terminal(settings)

    from bot.app.service import KnowledgeLoadError, KnowledgeService
    from bot.storage.db import Storage
    from bot.telegram.app import ALLOWED_UPDATES, build_application

    try:
        service = KnowledgeService.from_settings(settings)
    except KnowledgeLoadError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(
            f"The fact base in {settings.knowledge_dir} does not load; the bot does not start.",
            file=sys.stderr,
        )
        return 1
    storage = Storage.open(settings.database_url)
    try:
        app = build_application(settings, service, storage)
        if settings.webhook_url:
            options = webhook_options(settings)
            log.info("starting: webhook on %s:%s/%s", options["listen"], options["port"], options["url_path"])
            app.run_webhook(**options, allowed_updates=ALLOWED_UPDATES)
        else:
            log.info("starting: long polling")
            app.run_polling(allowed_updates=ALLOWED_UPDATES)
    except InvalidToken:
        print(
            "Telegram rejected TELEGRAM_BOT_TOKEN; check the token from @BotFather in .env.", file=sys.stderr
        )
        return 2
    except NetworkError as exc:
        where = settings.telegram_api_base_url or "api.telegram.org"
        reason = _redact(exc.message, settings)
        print(f"Cannot reach the Telegram Bot API ({where}): {reason}", file=sys.stderr)
        return 1
    except TelegramError as exc:
        print(f"Telegram error at start-up: {_redact(exc.message, settings)}", file=sys.stderr)
        return 1
    finally:
        storage.close()
    return 0

"""Running the Telegram bot: long polling, or a webhook server when `WEBHOOK_URL` is set.

`run(settings)` builds the bot with the composition root (`bot.telegram.app.compose`) and runs it
until stopped, turning start-up failures (a base that does not load, a token Telegram rejects, an
unreachable Bot API) into one readable message and an exit code. The caller (`bot.cli.main`)
configures logging and picks the terminal session instead when there is no token. Every error
text shown passes through the one redactor (`bot.app.logs.redact`).
"""

from __future__ import annotations

import logging
import sys
from typing import Any
from urllib.parse import urlsplit

from telegram.error import InvalidToken, NetworkError, TelegramError

from bot.app.logs import redact, settings_secrets
from bot.app.service import KnowledgeLoadError
from bot.app.settings import Settings
from bot.telegram.app import ALLOWED_UPDATES, compose

log = logging.getLogger(__name__)


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
    """Run the Telegram bot (TELEGRAM_BOT_TOKEN must be set); returns the process exit code."""
    secrets = settings_secrets(settings)
    try:
        with compose(settings) as app:
            if settings.webhook_url:
                options = webhook_options(settings)
                log.info(
                    "starting: webhook on %s:%s/%s", options["listen"], options["port"], options["url_path"]
                )
                app.run_webhook(**options, allowed_updates=ALLOWED_UPDATES)
            else:
                log.info("starting: long polling")
                app.run_polling(allowed_updates=ALLOWED_UPDATES)
    except KnowledgeLoadError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(
            f"The fact base in {settings.knowledge_dir} does not load; the bot does not start.",
            file=sys.stderr,
        )
        return 1
    except InvalidToken:
        print(
            "Telegram rejected TELEGRAM_BOT_TOKEN; check the token from @BotFather in .env.", file=sys.stderr
        )
        return 2
    except NetworkError as exc:
        where = settings.telegram_api_base_url or "api.telegram.org"
        print(f"Cannot reach the Telegram Bot API ({where}): {redact(exc.message, secrets)}", file=sys.stderr)
        return 1
    except TelegramError as exc:
        print(f"Telegram error at start-up: {redact(exc.message, secrets)}", file=sys.stderr)
        return 1
    return 0

"""Running the Telegram bot: long polling, or a webhook server when `WEBHOOK_URL` is set.

`run(settings)` builds the bot with the composition root (`bot.telegram.app.compose`) and runs it
until stopped (SIGINT or SIGTERM), turning start-up failures (a base that does not load, a token
Telegram rejects, an unreachable Bot API) into one readable message and an exit code. The caller
(`bot.cli.main`) configures logging and picks the terminal session instead when there is no token.
Every error text shown passes through the one redactor (`bot.app.logs.redact`).

`serve(app, settings)` is the loop itself, in the order of PTB's `run_polling`/`run_webhook`
(initialize, post_init, updater, application, run until stopped; then the reverse), written out
so that:

* polling gives way to another instance polling with the same token (`ConflictWatch`): the
  process then exits with status 2 and a message;
* in webhook mode the same HTTP server (PTB's tornado application) also answers `GET /healthz`:
  200 when the base is loaded and the database answers, 503 otherwise.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import signal
import sys
from typing import Any, Final
from urllib.parse import urlsplit

import tornado.web
from telegram.error import InvalidToken, NetworkError, TelegramError

from bot.app.logs import redact, settings_secrets
from bot.app.service import KnowledgeLoadError
from bot.app.settings import Settings
from bot.telegram.app import ALLOWED_UPDATES, BotApplication, compose
from bot.telegram.polling import CONFLICT_EXIT_STATUS

log = logging.getLogger(__name__)

HEALTH_PATH: Final = "/healthz"
HEALTH_TIMEOUT: Final = 3.0  # seconds the database gets to answer the health check


def webhook_options(settings: Settings) -> dict[str, Any]:
    """Arguments for `Updater.start_webhook`: the local server listens on WEBHOOK_LISTEN:WEBHOOK_PORT
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


async def health(app: BotApplication) -> tuple[bool, dict[str, Any]]:
    """(healthy, details): the base is loaded and the database answers within HEALTH_TIMEOUT."""
    data = app.bot_data
    details: dict[str, Any] = {}
    try:
        knowledge = data.service.knowledge
        details["version"] = knowledge.version
        details["facts"] = len(knowledge.facts)
        base_ok = len(knowledge.facts) > 0
    except Exception as exc:  # the check reports, it never raises
        details["base_error"] = type(exc).__name__
        base_ok = False
    try:
        await asyncio.wait_for(asyncio.to_thread(data.storage.ping), HEALTH_TIMEOUT)
        database_ok = True
    except Exception as exc:
        details["database_error"] = type(exc).__name__
        database_ok = False
    details["base"] = "ok" if base_ok else "not loaded"
    details["database"] = "ok" if database_ok else "unreachable"
    details["inbox_pending"] = data.inbox.queue.qsize()
    return base_ok and database_ok, details


class HealthHandler(tornado.web.RequestHandler):
    """`GET /healthz` on the webhook server: 200 or 503 with a small JSON body."""

    SUPPORTED_METHODS = ("GET",)  # type: ignore[assignment]

    def initialize(self, app: BotApplication) -> None:
        self.app = app

    async def get(self) -> None:
        ok, details = await health(self.app)
        self.set_status(200 if ok else 503)
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps({"ok": ok, **details}))


def add_health_route(app: BotApplication) -> None:
    """Serve `GET /healthz` from PTB's webhook server (same port): its tornado application takes
    more routes once running. PTB keeps the server in `Updater._httpd`; there is no public hook."""
    updater = app.updater
    server = getattr(updater, "_httpd", None)
    http_server = getattr(server, "_http_server", None)
    tornado_app = getattr(http_server, "request_callback", None)
    if not isinstance(tornado_app, tornado.web.Application):
        log.warning("cannot add %s to the webhook server (PTB's internals changed)", HEALTH_PATH)
        return
    tornado_app.add_handlers(r".*", [(HEALTH_PATH, HealthHandler, {"app": app})])


async def start(app: BotApplication, settings: Settings) -> None:
    """initialize, post_init (commands menu, inbox replay), the updater (polling, or the webhook
    server with `/healthz`), then the application."""
    updater = app.updater
    assert updater is not None
    webhook = bool(settings.webhook_url)
    # Only one process can poll a token, so at start-up everything pending in the inbox is
    # orphaned; with webhooks several replicas may share the database.
    app.bot_data.inbox.sole_receiver = not webhook
    await app.initialize()
    if app.post_init is not None:
        await app.post_init(app)
    if webhook:
        options = webhook_options(settings)
        log.info("starting: webhook on %s:%s/%s", options["listen"], options["port"], options["url_path"])
        await updater.start_webhook(**options, allowed_updates=ALLOWED_UPDATES)
        add_health_route(app)
    else:
        log.info("starting: long polling")
        await updater.start_polling(
            allowed_updates=ALLOWED_UPDATES, error_callback=app.bot_data.conflicts.on_error
        )
    await app.start()


async def finish(app: BotApplication) -> None:
    """Undo what `start` did, in reverse order, whatever it got to."""
    app.bot_data.conflicts.close()
    if app.updater is not None and app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
        if app.post_stop is not None:
            await app.post_stop(app)
    await app.shutdown()
    if app.post_shutdown is not None:
        await app.post_shutdown(app)


def serve(app: BotApplication, settings: Settings) -> int:
    """Run `app` until SIGINT or SIGTERM (or `app.stop_running()`, as with PTB's `run_polling`: the
    loop runs forever until stopped); the exit status: 0, or 2 when another instance kept polling
    with the token."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, loop.stop)
    conflicts = app.bot_data.conflicts
    conflicts.on_give_up = loop.stop
    try:
        loop.run_until_complete(start(app, settings))
        loop.run_forever()
    finally:
        try:
            loop.run_until_complete(finish(app))
        finally:
            loop.close()
            asyncio.set_event_loop(None)
    return CONFLICT_EXIT_STATUS if conflicts.gave_up else 0


def run(settings: Settings) -> int:
    """Run the Telegram bot (TELEGRAM_BOT_TOKEN must be set); returns the process exit code."""
    secrets = settings_secrets(settings)
    try:
        with compose(settings) as app:
            status = serve(app, settings)
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
    if status == CONFLICT_EXIT_STATUS:
        print(
            f"Another instance is polling Telegram with this bot's token (409 Conflict for "
            f"{settings.conflict_exit_after:.0f} s); this one stopped. Run one polling instance per "
            "token, or set WEBHOOK_URL to run several instances behind a load balancer.",
            file=sys.stderr,
        )
    return status


__all__ = ["HEALTH_PATH", "add_health_route", "health", "run", "serve", "webhook_options"]

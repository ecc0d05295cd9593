"""The composition root: the one place that wires the bot together.

`compose(settings)` builds, in order, the settings (unless given), the knowledge service (the
validated base and its answer engine), the storage (schema migrated on open) and the Telegram
`Application`, and closes the storage when the caller is done.

`build_application(settings, service, storage)` is its last step, also used directly by tests
and benchmarks that bring their own service and storage. It fills the typed `context.bot_data`
(`BotData`), registers one `CommandHandler` per row of the command table (`bot.telegram.commands`;
rows with `admin=True` wrapped in `handlers.admin_only`, the only admin check), the text, button
and inline handlers and the error handler, schedules the anniversary jobs
(`AnniversaryJobs.schedule`), and installs `AIORateLimiter` and the start-up hook that publishes
the command menu (`setMyCommands`) in Vietnamese and English.

The application's update queue and update processor are the durable inbox's
(`bot.telegram.inbox`): every update is written to the database before Telegram is told it
arrived, marked done once handled, and what a dead process left pending is replayed at start-up
(in `post_init`, before the updater starts). Its getUpdates request reports each answer to the
`ConflictWatch` (`bot.telegram.polling`), which notices another instance polling with the token.
Two repeating jobs keep replicas in step: the inbox sweep (updates a dead replica left) and the
knowledge sync (a reload or rollback made on another replica).

`running(app)` starts and stops an application the way `run_polling` does (hooks included) but
inside an existing event loop: the tests and the benchmark use it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any, Final

from telegram import BotCommandScopeChat, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseRateLimiter,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    ExtBot,
    InlineQueryHandler,
    JobQueue,
    MessageHandler,
    filters,
)

from bot.app.service import KnowledgeService
from bot.app.settings import Settings, load_settings
from bot.storage.conversations import ConversationStore
from bot.storage.repository import Storage
from bot.telegram import handlers
from bot.telegram.anniversary_jobs import CATCH_UP_DELAY, AnniversaryJobs
from bot.telegram.commands import COMMANDS, Command
from bot.telegram.conversation import ConversationKeeper
from bot.telegram.inbox import SWEEP_INTERVAL, Inbox
from bot.telegram.menu import menu
from bot.telegram.polling import ConflictWatch, ObservedRequest
from bot.telegram.state import AnswerCache, BotContext, BotData, LanguageCache, StatsRecorder

log = logging.getLogger(__name__)

BotApplication = Application[
    ExtBot[Any], BotContext, dict[Any, Any], dict[Any, Any], BotData, JobQueue[BotContext]
]

BotBuilder = ApplicationBuilder[
    ExtBot[Any], BotContext, dict[Any, Any], dict[Any, Any], BotData, JobQueue[BotContext]
]

# Only what the bot handles; anything else is not even fetched.
ALLOWED_UPDATES: Final = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
# Updates handled at once. Telegram answers in ~100 ms, so one at a time would cap a busy bot at
# ~10 updates/s; per-chat order still holds in practice since a user waits for each answer.
CONCURRENT_UPDATES: Final = 32
NO_PREVIEW: Final = LinkPreviewOptions(is_disabled=True)
CONTEXT_TYPES: Final = ContextTypes(context=BotContext, bot_data=BotData)


def file_url_for(base_url: str) -> str:
    """The file URL that goes with a Bot API base URL (`.../bot` → `.../file/bot`)."""
    return base_url[: -len("/bot")] + "/file/bot" if base_url.endswith("/bot") else base_url


def base_builder(
    settings: Settings,
    *,
    token: str | None = None,
    rate_limiter: BaseRateLimiter[Any] | None = None,
    concurrent_updates: int = CONCURRENT_UPDATES,
) -> BotBuilder:
    """An `ApplicationBuilder` with everything but the handlers: token, Bot API URL, typed
    context, rate limiter, HTML defaults, concurrency. The benchmark's echo bot shares it."""
    configured = settings.telegram_bot_token
    secret = token or (configured.get_secret_value() if configured is not None else None)
    if not secret:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    builder = (
        ApplicationBuilder()
        .token(secret)
        .context_types(CONTEXT_TYPES)
        .rate_limiter(rate_limiter if rate_limiter is not None else AIORateLimiter(max_retries=2))
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW))
        .concurrent_updates(concurrent_updates)
    )
    if settings.telegram_api_base_url:
        base = settings.telegram_api_base_url.rstrip("/")
        builder = builder.base_url(base).base_file_url(file_url_for(base))
    return builder  # type: ignore[return-value]


def build_application(
    settings: Settings,
    service: KnowledgeService,
    storage: Storage,
    *,
    rate_limiter: BaseRateLimiter[Any] | None = None,
    concurrent_updates: int = CONCURRENT_UPDATES,
    answer_cache_size: int = 1024,
    commands: tuple[Command, ...] = COMMANDS,
    jobs: AnniversaryJobs | None = None,
    schedule_jobs: bool = True,
    catch_up_delay: float = CATCH_UP_DELAY,
) -> BotApplication:
    """The bot, ready to run: every handler registered, the anniversary jobs scheduled (`jobs`, or
    a default `AnniversaryJobs`; none with `schedule_jobs=False`), `bot_data` filled in."""
    inbox = Inbox(
        storage,
        max_age=dt.timedelta(seconds=settings.inbox_max_age),
        concurrent_updates=concurrent_updates,
    )
    conflicts = ConflictWatch(settings.conflict_exit_after)
    app: BotApplication = (
        base_builder(settings, rate_limiter=rate_limiter, concurrent_updates=concurrent_updates)
        .update_queue(inbox.queue)
        .concurrent_updates(inbox.processor)
        # getUpdates alone on this connection (as PTB's default), its answers seen by the watch
        .get_updates_request(ObservedRequest(conflicts, connection_pool_size=1))
        .post_init(_post_init)
        .post_stop(_post_stop)
        .build()
    )
    data = app.bot_data
    data.settings = settings
    data.service = service
    data.storage = storage
    data.inbox = inbox
    data.conflicts = conflicts
    data.languages = LanguageCache(storage)
    data.recorder = StatsRecorder(storage)
    data.answers = AnswerCache(answer_cache_size)
    data.conversations = ConversationKeeper(
        ConversationStore(storage), dt.timedelta(minutes=settings.context_ttl_minutes)
    )
    data.commands = commands

    new_messages = (
        filters.UpdateType.MESSAGE
    )  # an edited command is not obeyed again; edited questions: below
    for command in commands:
        callback = handlers.admin_only(command.name, command.handler) if command.admin else command.handler
        app.add_handler(CommandHandler(command.name, callback, filters=new_messages))
    text = new_messages & filters.TEXT & ~filters.COMMAND
    app.add_handler(MessageHandler(text & filters.ChatType.PRIVATE, handlers.on_private_text))
    app.add_handler(MessageHandler(text & filters.ChatType.GROUPS, handlers.on_group_text))
    # an admin's article (.txt) in a private chat: drafted facts back as a file; nothing goes into service
    article = new_messages & filters.Document.ALL & filters.ChatType.PRIVATE
    app.add_handler(MessageHandler(article, handlers.admin_only("draft", handlers.on_article_document)))
    # other media: a one-line hint (first matching handler wins, so an admin's article is drafted above)
    media = (
        filters.PHOTO
        | filters.Sticker.ALL
        | filters.VOICE
        | filters.AUDIO
        | filters.VIDEO
        | filters.VIDEO_NOTE
        | filters.ANIMATION
        | filters.Document.ALL
    )
    app.add_handler(MessageHandler(new_messages & media, handlers.on_media))
    edited = filters.UpdateType.EDITED_MESSAGE & filters.TEXT
    app.add_handler(MessageHandler(edited, handlers.on_edited_text))
    app.add_handler(CallbackQueryHandler(handlers.on_callback))
    app.add_handler(InlineQueryHandler(handlers.on_inline_query))
    app.add_error_handler(handlers.on_error)

    if schedule_jobs:
        if app.job_queue is None:
            raise RuntimeError(
                'anniversary posts need PTB\'s JobQueue: install "python-telegram-bot[job-queue]"'
            )
        (jobs or AnniversaryJobs(settings)).schedule(app.job_queue, catch_up_delay=catch_up_delay)
        app.job_queue.run_repeating(_sweep_inbox, interval=SWEEP_INTERVAL, first=SWEEP_INTERVAL, name="inbox")
        if settings.knowledge_sync_interval > 0:
            app.job_queue.run_repeating(
                _sync_knowledge,
                interval=settings.knowledge_sync_interval,
                first=settings.knowledge_sync_interval,
                name="knowledge-sync",
            )
    return app


async def _sweep_inbox(context: BotContext) -> None:
    await context.bot_data.inbox.sweep(context.bot)


async def _sync_knowledge(context: BotContext) -> None:
    """Serve what another replica put into service (a reload or rollback made there)."""
    data = context.bot_data
    if data.reload_lock.locked():
        return
    async with data.reload_lock:
        version = await asyncio.to_thread(data.service.sync)
    if version is not None:
        log.info("knowledge version %s was put into service by another instance; serving it", version)


@contextmanager
def compose(settings: Settings | None = None) -> Iterator[BotApplication]:
    """settings (read from the environment unless given) → storage → knowledge service (the version
    in service in the database, or on a first start the files on disk, which a `KnowledgeLoadError`
    stops) → application; the storage is closed on exit."""
    settings = settings if settings is not None else load_settings()
    with Storage.open(settings.database_url) as storage:
        service = KnowledgeService.from_settings(settings, versions=storage)
        yield build_application(settings, service, storage)


async def publish_commands(app: BotApplication) -> None:
    """`setMyCommands` from the table: Vietnamese, English and the default (Vietnamese) menus of
    public commands; each admin's own chat also gets the admin commands. Failures are logged:
    a missing menu must not stop the bot."""
    data = app.bot_data
    menus: list[tuple[str, dict[str, Any]]] = [
        ("vi", {"commands": menu("vi", data.commands), "language_code": "vi"}),
        ("en", {"commands": menu("en", data.commands), "language_code": "en"}),
        ("default", {"commands": menu("vi", data.commands)}),
    ]
    for admin_id in sorted(data.settings.admin_user_ids):
        for lang in ("vi", "en"):
            menus.append(
                (
                    f"admin {admin_id} {lang}",
                    {
                        "commands": menu(lang, data.commands, admin=True),
                        "scope": BotCommandScopeChat(admin_id),
                        "language_code": lang,
                    },
                )
            )
    for name, kwargs in menus:
        try:
            await app.bot.set_my_commands(**kwargs)
        except TelegramError as exc:
            log.warning("setMyCommands (%s) failed: %s", name, exc)


async def _post_init(app: BotApplication) -> None:
    await publish_commands(app)
    # Before the updater starts: what a dead process left is handled before anything new.
    await app.bot_data.inbox.replay(app.bot)


async def _post_stop(app: BotApplication) -> None:
    await app.bot_data.recorder.close()
    await app.bot_data.conversations.close()


@asynccontextmanager
async def running(
    app: Application[Any, Any, Any, Any, Any, Any],
    *,
    poll_interval: float = 0.0,
    timeout: int = 1,
    allowed_updates: list[str] | None = None,
) -> AsyncIterator[None]:
    """Run `app` by long polling inside the current event loop, with the same hooks and order as
    `Application.run_polling`; stop it cleanly on exit."""
    await app.initialize()
    try:
        if app.post_init is not None:
            await app.post_init(app)
        assert app.updater is not None
        await app.updater.start_polling(
            poll_interval=poll_interval,
            timeout=timeout,
            allowed_updates=allowed_updates if allowed_updates is not None else ALLOWED_UPDATES,
        )
        await app.start()
        try:
            yield
        finally:
            if app.updater.running:
                await app.updater.stop()
            if app.running:
                await app.stop()
            if app.post_stop is not None:
                await app.post_stop(app)
    finally:
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)

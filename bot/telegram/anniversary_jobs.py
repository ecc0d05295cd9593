"""The Telegram side of anniversary posts: scheduled jobs, the send adapter and the commands.

This module owns:

* the daily job (`JobQueue.run_daily` at DAILY_POST_TIME in TIMEZONE) and a one-shot catch-up job
  a few seconds after start-up, both running `bot.anniversaries.broadcast.broadcast` for *today* in
  TIMEZONE (the exactly-once claims in the sent-log make a second run harmless); the catch-up runs
  only once the day's post time has passed, so a restart at dawn does not post early. When a run
  leaves chats it could not finish (claims held by a crashed sender, flood waits, unknown outcomes),
  one more run is scheduled after the claim lease, for the same day only;
* `telegram_sender`: the `send` callable the broadcast needs, mapping python-telegram-bot's errors
  onto the domain's (`RetryAfter` → `RetryLater`, `Forbidden` and "chat not found" → `ChatGone`,
  `ChatMigrated` → `ChatMoved`, any other `BadRequest` → `PostRejected`);
* the callbacks of `/subscribe`, `/unsubscribe` (private chats: anyone; groups: the group's
  administrators only), `/subscribe_channel @name` and `/unsubscribe_channel @name` (bot admins
  only; the bot must be an administrator of the channel) and `/upcoming [N]`.

The commands are routed from the command table (`bot.telegram.commands`), which also makes the
bot-admin check of the channel commands (`admin=True`); `AnniversaryJobs.schedule` is called by the
composition root (`bot.telegram.app.build_application`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import warnings
from collections.abc import Callable
from typing import Any, Final

from telegram import Bot, ChatMemberAdministrator, LinkPreviewOptions, Update
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.ext import JobQueue
from telegram.warnings import PTBDeprecationWarning

from bot.anniversaries.broadcast import (
    BroadcastReport,
    ChatGone,
    ChatMoved,
    PostRejected,
    RetryLater,
    Send,
    Sleep,
    broadcast,
)
from bot.anniversaries.dates import render_upcoming, upcoming
from bot.answering.answers import Lang
from bot.app.settings import Settings
from bot.render.catalog import t
from bot.storage.repository import DEFAULT_LEASE
from bot.telegram.handlers import reply, reply_plain, ui_lang
from bot.telegram.render import MAX_MESSAGE, Rendered, esc, split_html
from bot.telegram.state import BotContext

log = logging.getLogger(__name__)

DAILY_JOB_NAME: Final = "daily-anniversaries"
CATCH_UP_JOB_NAME: Final = "anniversaries-catch-up"
RETRY_JOB_NAME: Final = "anniversaries-retry"
CATCH_UP_DELAY: Final = 5.0  # seconds after start-up: the bot is polling and the menu is published
MAX_RETRY_RUNS_PER_DAY: Final = 6
# Messages a second a broadcast starts: under Telegram's ~30/s, leaving a little of the budget
# (which AIORateLimiter shares between all the bot's requests) to answers sent meanwhile.
BROADCAST_RATE: Final = 28.0
DEFAULT_UPCOMING_DAYS: Final = 7
MAX_UPCOMING_DAYS: Final = 60
NO_PREVIEW: Final = LinkPreviewOptions(is_disabled=True)

# BadRequest descriptions that mean the bot can no longer post in the chat at all.
_GONE_MARKERS: Final = (
    "chat not found",
    "chat_write_forbidden",
    "have no rights to send",
    "not enough rights to send",
    "need administrator rights",
    "bot was kicked",
    "group chat was deactivated",
    "user is deactivated",
    "peer_id_invalid",
)

_LANG_NAME_KEYS: Final[dict[Lang, str]] = {"vi": "lang_name_vi", "en": "lang_name_en"}


# ---------------------------------------------------------------------------- sending


def retry_after_seconds(error: RetryAfter) -> float:
    """The wait a RetryAfter asks for, whether PTB gives it as int seconds or as a timedelta
    (PTB 22 switches to timedelta with PTB_TIMEDELTA=1 and warns about the int form otherwise)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value: object = error.retry_after
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, int | float):
        return float(value)
    return 1.0


def telegram_sender(bot: Bot) -> Send:
    """The broadcast's `send`: one plain-text post, escaped for HTML (split only if it must be)."""

    async def send(chat_id: int, text: str) -> None:
        try:
            for part in split_html(esc(text), MAX_MESSAGE):
                await bot.send_message(
                    chat_id, part, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
                )
        except RetryAfter as exc:
            raise RetryLater(retry_after_seconds(exc)) from exc
        except ChatMigrated as exc:
            raise ChatMoved(exc.new_chat_id) from exc
        except Forbidden as exc:
            raise ChatGone(exc.message) from exc
        except BadRequest as exc:
            if any(marker in exc.message.lower() for marker in _GONE_MARKERS):
                raise ChatGone(exc.message) from exc
            raise PostRejected(exc.message) from exc

    return send


# ---------------------------------------------------------------------------- jobs


class AnniversaryJobs:
    """The scheduled broadcasts of one application. `now` and `sleep` are injectable for tests."""

    def __init__(
        self,
        settings: Settings,
        *,
        now: Callable[[], dt.datetime] | None = None,
        sleep: Sleep = asyncio.sleep,
        lease: dt.timedelta | None = None,
        concurrency: int | None = None,
        rate: float | None = BROADCAST_RATE,
    ) -> None:
        self.settings = settings
        self.rate = rate
        self._now = now or (lambda: dt.datetime.now(dt.UTC))
        self.sleep = sleep
        # ANNIVERSARY_CLAIM_LEASE unless given (the default is the storage's 10 minutes)
        self.lease = (
            lease
            if lease is not None
            else dt.timedelta(seconds=settings.anniversary_claim_lease)
            if settings.anniversary_claim_lease
            else DEFAULT_LEASE
        )
        self.concurrency = concurrency
        # One broadcast at a time in this process: the daily job and the catch-up may meet at start-up.
        self._lock = asyncio.Lock()
        self._retry_runs: dict[dt.date, int] = {}
        self.job_queue: JobQueue[BotContext] | None = None  # set by `schedule`
        self.reports: list[BroadcastReport] = []

    def schedule(self, job_queue: JobQueue[BotContext], *, catch_up_delay: float = CATCH_UP_DELAY) -> None:
        """Add the daily job and the start-up catch-up to `job_queue` (before the application starts)."""
        self.job_queue = job_queue
        job_queue.run_daily(self.daily, time=self.post_time(), name=DAILY_JOB_NAME)
        job_queue.run_once(self.catch_up, when=catch_up_delay, name=CATCH_UP_JOB_NAME)

    def local_now(self) -> dt.datetime:
        return self._now().astimezone(self.settings.tz)

    def today(self) -> dt.date:
        return self.local_now().date()

    def post_time(self) -> dt.time:
        return self.settings.daily_post_time.replace(tzinfo=self.settings.tz)

    async def run(self, context: BotContext, day: dt.date) -> BroadcastReport:
        """Broadcast `day`'s anniversaries; schedule one more run after the lease if some chats wait."""
        data = context.bot_data
        async with self._lock:
            extra: dict[str, Any] = {} if self.concurrency is None else {"concurrency": self.concurrency}
            report = await broadcast(
                day,
                data.service.knowledge,
                data.storage,
                telegram_sender(context.bot),
                sleep=self.sleep,
                lease=self.lease,
                rate=self.rate,
                **extra,
            )
        self.reports.append(report)
        job_queue = self.job_queue
        if report.needs_retry and job_queue is not None:
            runs = self._retry_runs.get(day, 0)
            if runs < MAX_RETRY_RUNS_PER_DAY and not job_queue.get_jobs_by_name(RETRY_JOB_NAME):
                self._retry_runs = {day: runs + 1}  # only today's count is worth keeping
                # After the lease, claims of a crashed sender are free to take over.
                slack = min(dt.timedelta(seconds=30), self.lease)
                job_queue.run_once(self.retry, when=self.lease + slack, data=day, name=RETRY_JOB_NAME)
        return report

    async def daily(self, context: BotContext) -> None:
        await self.run(context, self.today())

    async def catch_up(self, context: BotContext) -> None:
        """At start-up: today's post if its time has passed and it has not gone out yet (the claims
        skip every chat that has it); before that time the daily job will post."""
        now = self.local_now()
        if now.time() < self.settings.daily_post_time:
            log.info(
                "catch-up: %s is before the daily post time %s; nothing to do yet",
                now.strftime("%H:%M"),
                self.settings.daily_post_time.strftime("%H:%M"),
            )
            return
        await self.run(context, now.date())

    async def retry(self, context: BotContext) -> None:
        day = context.job.data if context.job is not None else None
        if not isinstance(day, dt.date) or day != self.today():
            log.info("anniversary retry for %s dropped: it is no longer that day", day)
            return
        await self.run(context, day)


# ---------------------------------------------------------------------------- commands


def _arguments(update: Update) -> list[str]:
    message = update.effective_message
    if message is None or not message.text:
        return []
    return message.text.split()[1:]


async def _may_manage(update: Update, context: BotContext) -> bool:
    """Private chat: its user. Group: its administrators (asked from Telegram, never cached)."""
    chat, message, user = update.effective_chat, update.effective_message, update.effective_user
    if chat is None:
        return False
    if chat.type == ChatType.PRIVATE:
        return True
    if message is not None and message.sender_chat is not None and message.sender_chat.id == chat.id:
        return True  # an anonymous administrator writes as the group itself; only admins can
    if user is None:
        return False
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError as exc:
        log.info("could not check the status of user %s in chat %s: %s", user.id, chat.id, exc)
        return False
    return member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


async def cmd_subscribe(update: Update, context: BotContext) -> None:
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return
    lang = await ui_lang(update, context)
    if chat.type == ChatType.CHANNEL:
        await reply_plain(update, t("use_channel_command", lang))
        return
    if not await _may_manage(update, context):
        log.info("refused /subscribe in chat %s from non-admin user %s", chat.id, user.id if user else None)
        await reply_plain(update, t("group_admins_only", lang))
        return
    settings = context.bot_data.settings
    added = await asyncio.to_thread(
        context.bot_data.storage.subscribe,
        chat.id,
        chat.type,
        chat.title,
        user.id if user else None,
        language=lang,
    )
    if not added:
        await reply_plain(update, t("already", lang))
        return
    await reply_plain(
        update,
        t(
            "subscribed",
            lang,
            time=settings.daily_post_time.strftime("%H:%M"),
            zone=settings.timezone,
            subject=context.bot_data.engine.subject(lang),
        ),
    )


async def cmd_unsubscribe(update: Update, context: BotContext) -> None:
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return
    lang = await ui_lang(update, context)
    if not await _may_manage(update, context):
        log.info("refused /unsubscribe in chat %s from non-admin user %s", chat.id, user.id if user else None)
        await reply_plain(update, t("group_admins_only", lang))
        return
    removed = await asyncio.to_thread(context.bot_data.storage.unsubscribe, chat.id)
    await reply_plain(update, t("unsubscribed" if removed else "not_subscribed", lang))


def _channel_ref(argument: str) -> str | int | None:
    """`@name`, `t.me/name` or a numeric `-100…` id, as getChat takes it; None if it is none of them."""
    for prefix in ("https://t.me/", "http://t.me/", "t.me/"):
        if argument.startswith(prefix):
            argument = "@" + argument[len(prefix) :].strip("/")
    if argument.startswith("@") and len(argument) > 1:
        return argument
    if argument.lstrip("-").isdigit():
        return int(argument)
    return None


async def _resolve_channel(
    update: Update, context: BotContext, argument: str, lang: Lang
) -> tuple[int, str | None] | None:
    """The channel's (id, title), once Telegram confirms it is a channel the bot may post in."""
    ref = _channel_ref(argument)
    if ref is None:
        return None
    try:
        chat = await context.bot.get_chat(ref)
    except TelegramError as exc:
        log.info("getChat %s failed: %s", ref, exc)
        await reply_plain(update, t("channel_not_found", lang, name=argument))
        return None
    if chat.type != ChatType.CHANNEL:
        await reply_plain(update, t("not_a_channel", lang, name=argument))
        return None
    try:
        member = await context.bot.get_chat_member(chat.id, context.bot.id)
    except TelegramError as exc:
        log.info("getChatMember of the bot in %s failed: %s", chat.id, exc)
        member = None
    allowed = (isinstance(member, ChatMemberAdministrator) and member.can_post_messages is not False) or (
        member is not None and member.status == ChatMemberStatus.OWNER
    )
    if not allowed:
        await reply_plain(update, t("bot_not_admin", lang, name=argument))
        return None
    return chat.id, chat.title


async def cmd_subscribe_channel(update: Update, context: BotContext) -> None:
    lang = await ui_lang(update, context)
    args = _arguments(update)
    post_lang: Lang = "en" if len(args) > 1 and args[1].lower() == "en" else "vi"
    if not args or len(args) > 2 or (len(args) == 2 and args[1].lower() not in ("vi", "en")):
        await reply_plain(update, t("channel_usage", lang))
        return
    if _channel_ref(args[0]) is None:
        await reply_plain(update, t("channel_usage", lang))
        return
    resolved = await _resolve_channel(update, context, args[0], lang)
    if resolved is None:
        return
    channel_id, title = resolved
    user = update.effective_user
    added = await asyncio.to_thread(
        context.bot_data.storage.subscribe,
        channel_id,
        ChatType.CHANNEL,
        title,
        user.id if user else None,
        language=post_lang,
    )
    name = title or args[0]
    if not added:
        await reply_plain(update, t("channel_already", lang, name=name))
        return
    settings = context.bot_data.settings
    log.info("channel %s subscribed by admin %s", channel_id, user.id if user else None)
    await reply_plain(
        update,
        t(
            "channel_subscribed",
            lang,
            name=name,
            lang_name=t(_LANG_NAME_KEYS[post_lang], lang),
            time=settings.daily_post_time.strftime("%H:%M"),
            zone=settings.timezone,
        ),
    )


async def cmd_unsubscribe_channel(update: Update, context: BotContext) -> None:
    lang = await ui_lang(update, context)
    args = _arguments(update)
    ref = _channel_ref(args[0]) if len(args) == 1 else None
    if ref is None:
        await reply_plain(update, t("unchannel_usage", lang))
        return
    channel_id = ref if isinstance(ref, int) else None
    if channel_id is None:
        # The bot may have been removed from the channel already; getChat still resolves a public name.
        try:
            channel_id = (await context.bot.get_chat(ref)).id
        except TelegramError:
            await reply_plain(update, t("channel_not_found", lang, name=args[0]))
            return
    removed = await asyncio.to_thread(context.bot_data.storage.unsubscribe, channel_id)
    await reply_plain(
        update, t("channel_unsubscribed" if removed else "channel_not_subscribed", lang, name=args[0])
    )


async def cmd_upcoming(update: Update, context: BotContext) -> None:
    lang = await ui_lang(update, context)
    args = _arguments(update)
    days = DEFAULT_UPCOMING_DAYS
    if args:
        if len(args) > 1 or not args[0].isdigit() or int(args[0]) < 1:
            await reply_plain(update, t("upcoming_usage", lang, max=MAX_UPCOMING_DAYS))
            return
        days = min(int(args[0]), MAX_UPCOMING_DAYS)
    data = context.bot_data
    coming = upcoming(data.today(), days, data.service.knowledge)
    message = update.effective_message
    if message is not None:
        await reply(message, Rendered(esc(render_upcoming(coming, lang))))


__all__ = [
    "BROADCAST_RATE",
    "CATCH_UP_DELAY",
    "CATCH_UP_JOB_NAME",
    "DAILY_JOB_NAME",
    "RETRY_JOB_NAME",
    "AnniversaryJobs",
    "cmd_subscribe",
    "cmd_subscribe_channel",
    "cmd_unsubscribe",
    "cmd_unsubscribe_channel",
    "cmd_upcoming",
    "retry_after_seconds",
    "telegram_sender",
]

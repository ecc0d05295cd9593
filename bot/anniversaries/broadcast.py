"""Delivery of a day's anniversary post to every subscribed chat, exactly once per chat.

This module owns the delivery protocol, independent of Telegram: the caller gives a date, the
knowledge, the storage and an async `send(chat_id, text)` that raises the exceptions defined
here (`bot.telegram.anniversary_jobs` maps python-telegram-bot's errors onto them).

For each chat the sent-log is claimed *before* sending and marked sent right after, so two bot
processes on one database, or a restart in the middle of a broadcast, never post twice: a chat
whose post is sent (or failed for good) is skipped, and one another sender holds is left to it.
A claim left by a sender that died is taken over once its lease expires. The one window that
cannot be closed is a crash between Telegram accepting the message and `mark_sent` committing
(the Bot API has no idempotency key); it is kept to one database write.

* `RetryLater(seconds)`: the claim is released, every sender of this broadcast pauses (through the
  injectable `sleep`), and the chat is tried again, a bounded number of times; after that it is
  left released for the next run ("deferred"), so nothing is lost.
* `ChatGone`: the bot was removed or blocked; the post is marked failed and the subscription dropped.
* `ChatMoved(new_chat_id)`: the group became a supergroup; the subscription (and the sent-log row)
  moves to the new id and the post goes there.
* `PostRejected`: Telegram refused this message for good (not the chat); marked failed, chat kept.
* any other exception (a network error, a timeout): whether Telegram got the message is unknown,
  so the claim is left to expire and a later run retries after the lease ("uncertain").

The function works only on the date it is given: the caller passes today's date in TIMEZONE, so
a late start posts today's anniversaries (if not yet posted) and never yesterday's.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Final, ParamSpec, TypeVar

from aiolimiter import AsyncLimiter

from bot.anniversaries.dates import Anniversary, anniversaries_on, render_post
from bot.answering.answers import Lang
from bot.kb.knowledge import Knowledge
from bot.storage.repository import DEFAULT_LEASE, Storage, Subscription

log = logging.getLogger(__name__)

_P = ParamSpec("_P")
_T = TypeVar("_T")

Send = Callable[[int, str], Awaitable[None]]
Sleep = Callable[[float], Awaitable[None]]

DEFAULT_MAX_ATTEMPTS: Final = 5
DEFAULT_CONCURRENCY: Final = 16
# A longer flood wait than this is not sat out inside one broadcast: the chat is deferred to the
# next run instead (the Telegram side schedules one after the lease).
DEFAULT_MAX_RETRY_WAIT: Final = 300.0
MAX_MOVES: Final = 3


class DeliveryError(Exception):
    """Base of the exceptions a `send` callable raises."""


class RetryLater(DeliveryError):
    """Flood control: try again after `seconds`."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds:g} s")
        self.seconds = max(0.0, float(seconds))


class ChatGone(DeliveryError):
    """The chat cannot be written to any more (bot removed or blocked, chat deleted)."""


class ChatMoved(DeliveryError):
    """The group was upgraded to a supergroup with a new id."""

    def __init__(self, new_chat_id: int) -> None:
        super().__init__(f"chat moved to {new_chat_id}")
        self.new_chat_id = new_chat_id


class PostRejected(DeliveryError):
    """Telegram refused this message for good; the chat itself is fine."""


@dataclass
class BroadcastReport:
    """What one broadcast did. Lists hold chat ids (the new id for a migrated chat)."""

    date: dt.date
    anniversaries: tuple[str, ...] = ()
    chats: int = 0
    sent: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # already sent or failed by an earlier run
    held: list[int] = field(default_factory=list)  # a live claim of another sender (or of a crashed one)
    failed: list[int] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)  # subscriptions removed (ChatGone)
    migrated: dict[int, int] = field(default_factory=dict)  # old id -> new id
    retried: int = 0  # RetryLater answers waited out or deferred
    deferred: list[int] = field(default_factory=list)  # still rate-limited after the attempts; released
    uncertain: list[int] = field(default_factory=list)  # unexpected error; claim left to expire

    @property
    def needs_retry(self) -> bool:
        """Whether a later run today may still have something to post."""
        return bool(self.held or self.deferred or self.uncertain)

    def counts(self) -> dict[str, int]:
        return {
            "chats": self.chats,
            "sent": len(self.sent),
            "skipped": len(self.skipped),
            "held": len(self.held),
            "failed": len(self.failed),
            "dropped": len(self.dropped),
            "migrated": len(self.migrated),
            "retried": self.retried,
            "deferred": len(self.deferred),
            "uncertain": len(self.uncertain),
        }

    def summary(self) -> str:
        figures = ", ".join(f"{k} {v}" for k, v in self.counts().items())
        return (
            f"anniversary broadcast {self.date.isoformat()} "
            f"({len(self.anniversaries)} anniversaries): {figures}"
        )


class _Throttle:
    """When sends may start: at most `rate` a second, never during a flood wait.

    The pace is aiolimiter's leaky bucket with room for one send, so sends start evenly spaced
    with no burst (a larger bucket, such as AIORateLimiter's, lets a burst above the rate through
    at the start of a broadcast), and a steady pace below Telegram's limit leaves some of the bot's
    budget to its interactive replies. Flood control is per bot, not per chat, so one RetryLater
    pauses every sender of the broadcast (through the injectable `sleep`).
    """

    def __init__(self, rate: float | None, sleep: Sleep) -> None:
        self._limiter = AsyncLimiter(1, 1.0 / rate) if rate else None
        self._sleep = sleep
        self._open = asyncio.Event()
        self._open.set()

    async def opened(self) -> None:
        """Wait out a flood pause (before claiming: a claim is not held through one)."""
        await self._open.wait()

    async def pace(self) -> None:
        """Wait for this send's turn under `rate` (after claiming: a chat another sender has, or
        that was posted already, is skipped without spending a turn, so a run that finds most of
        the work done, such as the retry after a crashed replica's lease, goes through quickly)."""
        await self._open.wait()
        if self._limiter is not None:
            await self._limiter.acquire()

    async def pause(self, seconds: float) -> None:
        if not self._open.is_set():
            await self._open.wait()  # someone is already sitting it out; that wait covers ours
            return
        self._open.clear()
        try:
            await self._sleep(seconds)
        finally:
            self._open.set()


def chat_lang(subscription: Subscription) -> Lang:
    return "en" if subscription.language == "en" else "vi"


class _Broadcast:
    def __init__(
        self,
        day: dt.date,
        storage: Storage,
        send: Send,
        posts: dict[Lang, str],
        report: BroadcastReport,
        *,
        lease: dt.timedelta,
        max_attempts: int,
        max_retry_wait: float,
        throttle: _Throttle,
    ) -> None:
        self.day = day
        self.storage = storage
        self.send = send
        self.posts = posts
        self.report = report
        self.lease = lease
        self.max_attempts = max_attempts
        self.max_retry_wait = max_retry_wait
        self.throttle = throttle

    async def _db(self, function: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        # Storage is synchronous; a database wait must not stall the bot's event loop.
        return await asyncio.to_thread(function, *args, **kwargs)

    async def deliver(self, subscription: Subscription) -> None:
        chat_id = subscription.chat_id
        text = self.posts[chat_lang(subscription)]
        report, day = self.report, self.day
        attempts = moves = 0
        while True:
            await self.throttle.opened()
            token = await self._db(self.storage.claim_post, day, chat_id, lease=self.lease)
            if token is None:
                await self._not_ours(chat_id)
                return
            # Held while waiting for the turn: at most about concurrency / rate seconds.
            await self.throttle.pace()
            attempts += 1
            try:
                await self.send(chat_id, text)
            except RetryLater as exc:
                await self._db(self.storage.release_claim, day, chat_id, token)
                report.retried += 1
                if attempts >= self.max_attempts or exc.seconds > self.max_retry_wait:
                    log.warning("chat %s still rate-limited after %d attempts; deferred", chat_id, attempts)
                    report.deferred.append(chat_id)
                    return
                await self.throttle.pause(exc.seconds)
            except ChatMoved as exc:
                # Released first, so the row that moves with the chat is claimable under its new id
                # (unless the new id already has a row of its own for the day, which then decides).
                await self._db(self.storage.release_claim, day, chat_id, token)
                await self._db(self.storage.migrate_chat, chat_id, exc.new_chat_id)
                report.migrated[chat_id] = exc.new_chat_id
                log.info("chat %s moved to %s; subscription migrated", chat_id, exc.new_chat_id)
                chat_id = exc.new_chat_id
                moves += 1
                if moves > MAX_MOVES:
                    report.deferred.append(chat_id)
                    return
            except ChatGone as exc:
                await self._db(self.storage.mark_failed, day, chat_id, token, f"chat gone: {exc}")
                await self._db(self.storage.unsubscribe, chat_id)
                log.info("chat %s is gone (%s); subscription dropped", chat_id, exc)
                report.failed.append(chat_id)
                report.dropped.append(chat_id)
                return
            except PostRejected as exc:
                await self._db(self.storage.mark_failed, day, chat_id, token, f"rejected: {exc}")
                log.warning("post to chat %s rejected: %s", chat_id, exc)
                report.failed.append(chat_id)
                return
            except Exception:
                # Telegram may or may not have the message: releasing would risk a double post now,
                # so the claim stays and the post is retried only after the lease.
                log.exception(
                    "sending the anniversary post to chat %s failed; retried after the lease", chat_id
                )
                report.uncertain.append(chat_id)
                return
            else:
                if not await self._db(self.storage.mark_sent, day, chat_id, token):
                    # Our lease ran out while sending and another sender took the claim over: the
                    # lease is too short for this sender's waits (see Storage.claim_post).
                    log.warning("claim on chat %s expired before mark_sent; lengthen the lease", chat_id)
                report.sent.append(chat_id)
                return

    async def _not_ours(self, chat_id: int) -> None:
        if await self._db(self.storage.was_sent, self.day, chat_id):
            self.report.skipped.append(chat_id)
        elif chat_id in await self._db(self.storage.pending_claims, self.day):
            self.report.held.append(chat_id)
        else:
            self.report.skipped.append(chat_id)  # failed for good earlier today


async def broadcast(
    day: dt.date,
    knowledge: Knowledge,
    storage: Storage,
    send: Send,
    *,
    sleep: Sleep = asyncio.sleep,
    lease: dt.timedelta = DEFAULT_LEASE,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    concurrency: int = DEFAULT_CONCURRENCY,
    max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT,
    rate: float | None = None,
) -> BroadcastReport:
    """Post `day`'s anniversaries to every subscribed chat that has not had them yet.

    `concurrency` sends are in flight at once; each chat is claimed only just before its own send,
    so a claim lives for one send, well within `lease`. With `rate`, sends start at most `rate` a
    second; flood waits go through `sleep`.
    """
    anniversaries: list[Anniversary] = anniversaries_on(day, knowledge)
    report = BroadcastReport(day, tuple(a.fact_id for a in anniversaries))
    if not anniversaries:
        return report
    posts: dict[Lang, str] = {"vi": render_post(anniversaries, "vi"), "en": render_post(anniversaries, "en")}
    subscriptions = await asyncio.to_thread(storage.list_subscriptions)
    report.chats = len(subscriptions)
    run = _Broadcast(
        day,
        storage,
        send,
        posts,
        report,
        lease=lease,
        max_attempts=max(1, max_attempts),
        max_retry_wait=max_retry_wait,
        throttle=_Throttle(rate, sleep),
    )
    queue: asyncio.Queue[Subscription] = asyncio.Queue()
    for subscription in subscriptions:
        queue.put_nowait(subscription)

    async def worker() -> None:
        while not queue.empty():
            await run.deliver(queue.get_nowait())

    async with asyncio.TaskGroup() as group:
        for _ in range(max(1, min(concurrency, len(subscriptions)))):
            group.create_task(worker())
    log.info(report.summary())
    return report


__all__ = [
    "BroadcastReport",
    "ChatGone",
    "ChatMoved",
    "DeliveryError",
    "PostRejected",
    "RetryLater",
    "Send",
    "Sleep",
    "broadcast",
    "chat_lang",
]

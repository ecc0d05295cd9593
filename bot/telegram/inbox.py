"""The durable inbox: no update from Telegram is lost when the process dies.

This module owns the path of an update from Telegram to its handler:

* `DurableUpdateQueue` is the application's update queue (`ApplicationBuilder.update_queue`).
  PTB's Updater awaits `put()` for each update it receives, and only then confirms the batch to
  Telegram (the next getUpdates `offset`) or answers the webhook POST with 200, so `put()` writes
  the update to the `inbox` table first. An update already in the table (Telegram delivered it
  again because the confirmation never arrived) is not queued a second time.
* `DurableUpdateProcessor` is the application's update processor (`concurrent_updates`): it runs
  the handlers as PTB's simple processor does, then marks the update done.
* `Inbox.replay` (at start-up) takes over what is still pending from a process that died and
  queues it, oldest first; an update received more than INBOX_MAX_AGE ago is dropped with a log
  line instead (an answer that late would confuse more than help). In polling mode only one
  process can receive updates, so everything pending at start-up is orphaned and replayed at once;
  in webhook mode (several replicas may share the database) only rows whose claim is older than
  the lease are taken over. `Inbox.sweep` (a repeating job) does the same while running, for a
  replica that died, and forgets handled rows after a day.

What is not covered: an update whose handler already sent its answer when the process died is
answered again on replay (the Bot API has no idempotency key); the window is the handler's run.
A second poller started by mistake on the same database replays, before it notices the first
(409 Conflict), the few updates the first one is handling at that moment, so those are answered
twice.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import os
import secrets
import socket
from collections.abc import Awaitable
from typing import Any, Final

from telegram import Bot, Update
from telegram.ext import BaseUpdateProcessor

from bot.storage.repository import Storage

log = logging.getLogger(__name__)

# A pending update whose process has not finished it within this time is presumed orphaned.
DEFAULT_LEASE: Final = dt.timedelta(seconds=60)
SWEEP_INTERVAL: Final = 15.0
# Handled updates are kept this long (for inspection), then deleted.
KEEP_DONE: Final = dt.timedelta(days=1)
MAX_DROPPED_IDS_LOGGED: Final = 20


def new_owner_id() -> str:
    """This process's name in the inbox: host, pid and a random part (a pid is reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


class DurableUpdateQueue(asyncio.Queue[object]):
    """An update queue whose `put` writes each `Update` to the inbox before queueing it."""

    def __init__(self, storage: Storage, owner: str) -> None:
        super().__init__()
        self.storage = storage
        self.owner = owner
        self.bot_id = 0  # set once the bot is initialized (`Inbox.replay`, before any update)
        self.duplicates = 0

    async def put(self, item: object) -> None:
        if isinstance(item, Update):
            payload = json.dumps(item.to_dict(), ensure_ascii=False)
            # If this raises (the database is down), PTB does not confirm the update: Telegram
            # delivers it again (polling retries; a webhook POST gets a 500 and is resent).
            new = await asyncio.to_thread(
                self.storage.inbox_add, self.bot_id, item.update_id, payload, self.owner
            )
            if not new:
                self.duplicates += 1
                log.debug("update %s is in the inbox already; not handled twice", item.update_id)
                return
        await super().put(item)

    async def requeue(self, item: Update) -> None:
        """Queue an update taken over from the inbox (it is written there already)."""
        await super().put(item)


class DurableUpdateProcessor(BaseUpdateProcessor):
    """PTB's simple concurrent processor, plus: an update is marked done in the inbox once its
    handlers have run (an error a handler raised counts as handled: the error handler saw it)."""

    def __init__(self, storage: Storage, queue: DurableUpdateQueue, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self.storage = storage
        self.queue = queue
        # Group commit: updates finishing while a done-write runs are marked by the next one,
        # together; each caller still returns only once its own mark is committed.
        self._finished: set[int] = set()
        self._writing = asyncio.Lock()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        try:
            await coroutine
        except asyncio.CancelledError:
            raise  # stopped mid-way (shutdown): left pending, replayed by the next start
        except Exception:
            await self._done(update)
            raise
        await self._done(update)

    async def _done(self, update: object) -> None:
        if not isinstance(update, Update):
            return
        self._finished.add(update.update_id)
        async with self._writing:
            if not self._finished:
                return  # a write that ran while we waited for the lock took ours along
            ids, self._finished = self._finished, set()
            try:
                await asyncio.to_thread(self.storage.inbox_done, self.queue.bot_id, *sorted(ids))
            except Exception:
                # Handled, but the marks did not stick: a restart would answer these again.
                log.exception("could not mark updates %s done in the inbox", sorted(ids))

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass


class Inbox:
    """The inbox of one application: its queue, its processor, and the take-over of orphans."""

    def __init__(
        self,
        storage: Storage,
        *,
        max_age: dt.timedelta,
        concurrent_updates: int,
        lease: dt.timedelta = DEFAULT_LEASE,
        owner: str | None = None,
    ) -> None:
        self.storage = storage
        self.max_age = max_age
        self.lease = lease
        self.owner = owner or new_owner_id()
        self.queue = DurableUpdateQueue(storage, self.owner)
        self.processor = DurableUpdateProcessor(storage, self.queue, concurrent_updates)
        self.started_at = dt.datetime.now(dt.UTC)
        # Set by the runner: in polling mode this process is the only receiver.
        self.sole_receiver = True
        self.replayed = 0
        self.dropped = 0

    async def replay(self, bot: Bot) -> int:
        """At start-up: queue the updates a dead process left pending (oldest first); returns how
        many. Called before the updater starts, so they are handled before anything new."""
        self.queue.bot_id = bot.id  # update ids are per bot
        claimed_before = self.started_at if self.sole_receiver else self.started_at - self.lease
        return await self._take_over(bot, claimed_before, "start-up")

    async def sweep(self, bot: Bot) -> int:
        """While running: take over updates another process left pending for longer than the lease;
        forget handled ones after a day."""
        taken = await self._take_over(bot, dt.datetime.now(dt.UTC) - self.lease, "sweep")
        purged = await asyncio.to_thread(self.storage.inbox_purge, KEEP_DONE)
        if purged:
            log.debug("inbox: forgot %d handled updates", purged)
        return taken

    async def _take_over(self, bot: Bot, claimed_before: dt.datetime, when: str) -> int:
        found = await asyncio.to_thread(
            self.storage.inbox_take_over,
            self.queue.bot_id,
            self.owner,
            claimed_before=claimed_before,
            max_age=self.max_age,
            exclude_owner=self.owner,
        )
        if found.dropped:
            self.dropped += len(found.dropped)
            shown = ", ".join(str(i) for i in found.dropped[:MAX_DROPPED_IDS_LOGGED])
            more = (
                f" and {len(found.dropped) - MAX_DROPPED_IDS_LOGGED} more" if len(found.dropped) > 20 else ""
            )
            log.warning(
                "inbox (%s): dropped %d unhandled update(s) older than INBOX_MAX_AGE=%ds: %s%s",
                when,
                len(found.dropped),
                self.max_age.total_seconds(),
                shown,
                more,
            )
        count = 0
        for payload in found.payloads:
            try:
                update = Update.de_json(json.loads(payload), bot)
            except Exception:
                log.exception("inbox: a stored update cannot be read back; skipped")
                continue
            await self.queue.requeue(update)
            count += 1
        if count:
            self.replayed += count
            log.info("inbox (%s): replaying %d update(s) left unhandled by a stopped process", when, count)
        return count

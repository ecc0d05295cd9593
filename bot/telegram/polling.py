"""Telling that another process polls Telegram with the same token, and giving way to it.

Telegram lets one getUpdates run per token: a newer one ends the waiting one with 409 Conflict,
so two pollers keep interrupting each other and both miss updates. `ConflictWatch` sees every
getUpdates answer (through `ObservedRequest`, the getUpdates request of the application) and
every polling error (the Updater's `error_callback`):

* at the first 409 it logs ONE line, naming the cause;
* PTB's polling loop already backs off on errors (1 s, growing to 30 s);
* an instance that had been polling without conflict for a few seconds before the first 409 (the
  incumbent) keeps polling: the newcomer is the one to go. A newcomer whose conflicts go on for
  CONFLICT_EXIT_AFTER seconds asks the runner to stop, and the process exits with status 2 and a
  message; if the conflicts stop first (the other instance went away), it carries on.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any, Final

from telegram.error import Conflict, TelegramError
from telegram.request import HTTPXRequest

log = logging.getLogger(__name__)

# An episode of conflicts is over when none came for this long (PTB's backoff tops out at 30 s,
# plus a long poll).
QUIET_AFTER: Final = 45.0
# An instance polling without conflict for this long before the first 409 is the incumbent; a
# newcomer meets its first 409 within a poll or two.
INCUMBENT_AFTER: Final = 5.0
CONFLICT_EXIT_STATUS: Final = 2


class ConflictWatch:
    """Follows getUpdates outcomes; `gave_up` once another poller has been in the way too long."""

    def __init__(self, exit_after: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.exit_after = exit_after
        self._clock = clock
        self.on_give_up: Callable[[], None] | None = None  # set by the runner: stop the application
        self.successes = 0
        self._first_success: float | None = None
        self.conflicts = 0
        self.incumbent = False
        self.gave_up = False
        self._first: float | None = None
        self._last: float | None = None
        self._timer: asyncio.TimerHandle | None = None

    def polled(self, status: int) -> None:
        """A getUpdates answer arrived with HTTP `status`."""
        if status == 200:
            self.successes += 1
            if self._first_success is None:
                self._first_success = self._clock()

    def on_error(self, error: TelegramError) -> None:
        """The Updater's `error_callback` (must not raise)."""
        if not isinstance(error, Conflict):
            log.warning("polling for updates failed (retrying): %s", error.message)
            return
        now = self._clock()
        self.conflicts += 1
        if self._first is not None and self._last is not None and now - self._last > QUIET_AFTER:
            self._first = None  # the previous episode ended long ago
        self._last = now
        if self._first is not None:
            log.debug("409 Conflict again: %s", error.message)
            return
        self._first = now
        self.incumbent = self._first_success is not None and now - self._first_success >= INCUMBENT_AFTER
        if self.incumbent:
            log.warning(
                "another instance is polling Telegram with this token (409 Conflict); this instance "
                "was polling first and keeps polling; stop the other one"
            )
            return
        log.warning(
            "another instance is polling Telegram with this token (409 Conflict); backing off, "
            "and exiting if it is still there in %.0f s",
            self.exit_after,
        )
        self._schedule_check(self.exit_after)

    def _schedule_check(self, delay: float) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer = loop.call_later(delay, self._check)

    def _check(self) -> None:
        self._timer = None
        if self._first is None or self._last is None or self.incumbent:
            return
        now = self._clock()
        # Not `exit_after`: the other poller backs off too (up to 30 s between its polls), so gaps
        # between our conflicts grow; only a gap longer than any backoff means it went away.
        if now - self._last > QUIET_AFTER:
            log.info("no 409 Conflict for %.0f s: the other instance went away; polling on", now - self._last)
            self._first = None
            return
        if now - self._first < self.exit_after:
            self._schedule_check(self.exit_after - (now - self._first))
            return
        self.gave_up = True
        log.error(
            "another instance has been polling Telegram with this token for %.0f s; stopping this one",
            now - self._first,
        )
        if self.on_give_up is not None:
            self.on_give_up()

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


class ObservedRequest(HTTPXRequest):
    """PTB's HTTP request for getUpdates, telling `watch` the status of every answer."""

    def __init__(self, watch: ConflictWatch, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.watch = watch

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        status, payload = await super().do_request(*args, **kwargs)
        self.watch.polled(status)
        return status, payload

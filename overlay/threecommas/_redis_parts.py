"""Parts of the shared budget (`_async._redis_budget` and its sync twin) that need no Redis: the
client's own window (metering while the storage is away), and how a lockout keeper runs (a task
beside an event loop, a thread otherwise)."""

from __future__ import annotations

import asyncio
import logging
import random
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Final, Protocol

if TYPE_CHECKING:
    from threecommas._limits import RateLimit

__all__ = [
    "Keeper",
    "OwnWindow",
    "StorageHealth",
    "asleep",
    "sleep",
    "start_keeper_task",
    "start_keeper_thread",
]

logger = logging.getLogger("threecommas")

# Local metering: while every slot is held by a request still waiting for its answer, check
# again this often.
POLL_S: Final = 0.05
# How long Redis keeps a learned limit after it was last confirmed (a day): longer than any
# client's memory would be pointless, shorter would let a new fleet overrun again soon.
LEARNED_TTL_MS: Final = 24 * 3600 * 1000
# How often the keeper makes sure Redis still has the lockout this client knows.
LOCKOUT_WATCH_S: Final = 1.0


class OwnWindow:
    """This client's own requests, as the in-process limiter counts them: it meters the client
    alone while the storage is away (`"local"`)."""

    def __init__(self, period: float) -> None:
        self.period = period
        self.in_flight = 0
        self.done: deque[float] = deque()

    def granted(self) -> None:
        self.in_flight += 1

    def answered(self, now: float) -> None:
        self.in_flight = max(0, self.in_flight - 1)
        self.done.append(now)
        self._forget(now)

    def wait(self, requests: int, now: float) -> float:
        self._forget(now)
        used = self.in_flight + len(self.done)
        if used < requests:
            return 0.0
        expiring = used - requests + 1
        if expiring <= len(self.done):
            return max(self.done[expiring - 1] + self.period - now, 1e-3)
        return min(POLL_S, self.period / 100)

    def _forget(self, now: float) -> None:
        while self.done and self.done[0] <= now - self.period:
            self.done.popleft()


# Backoff between attempts to reach an unreachable storage (and at most a quarter period).
_BACKOFF_FIRST_S: Final = 0.05
_BACKOFF_CAP_S: Final = 2.0


class StorageHealth:
    """Whether a budget's storage answers, as its calls tell (its methods are called with the
    budget's lock held; no I/O here)."""

    limit: RateLimit
    _clock: Callable[[], float]
    _where: str
    _down_since: float | None
    _up_since: float
    _failures: int
    _next_try: float

    def _failed(self, started: float, exc: BaseException | None) -> None:
        """A call that began at `started` failed. Calls overlap (threads, tasks): a failure
        of a call begun before the storage was last seen back is old news."""
        if self._down_since is None and started < self._up_since:
            return
        seen = self._clock()
        if self._down_since is None:
            self._down_since = seen
            self._failures = 0
            mode = self.limit.on_storage_error
            action = {
                "wait": "requests wait until it is back",
                "local": "requests are metered in this process, on an even split of the "
                "budget between the clients (after one period), until it is back",
                "raise": "requests raise StorageError (not sent) until it is back",
            }[mode]
            what = "" if exc is None else f" ({type(exc).__name__}: {exc})"
            logger.warning(
                "threecommas: the shared rate limit's storage %s cannot be reached%s; %s",
                self._where,
                what,
                action,
            )
        self._failures += 1
        cap = min(_BACKOFF_CAP_S, self.limit.period / 4)
        delay = min(cap, _BACKOFF_FIRST_S * 2 ** min(self._failures - 1, 16))
        self._next_try = seen + random.uniform(delay / 2, delay)

    def _recovered(self, started: float) -> None:
        """A call that began at `started` succeeded; it says the storage is back only if it
        began after the outage was seen."""
        if self._down_since is not None and started >= self._down_since:
            seen = self._clock()
            logger.warning(
                "threecommas: the shared rate limit's storage %s is back after %.1f s",
                self._where,
                seen - self._down_since,
            )
            self._down_since = None
            self._failures = 0
            self._up_since = seen


class Keeper(Protocol):
    """A lockout keeper running: a thread, or a task of an event loop."""

    def is_alive(self) -> bool: ...


class _TaskKeeper:
    def __init__(self, task: asyncio.Task[None]) -> None:
        self.task = task

    def is_alive(self) -> bool:
        return not self.task.done()


# The keepers' tasks: an event loop holds its tasks weakly.
_tasks: set[asyncio.Task[None]] = set()


def start_keeper_task(
    keeper: Callable[[weakref.ref[Any]], Coroutine[Any, Any, None]], ref: weakref.ref[Any]
) -> Keeper:
    """Run the async budget's keeper as a task of the running event loop."""
    task = asyncio.get_running_loop().create_task(keeper(ref), name="threecommas-lockout-keeper")
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return _TaskKeeper(task)


def start_keeper_thread(
    keeper: Callable[[weakref.ref[Any]], None], ref: weakref.ref[Any]
) -> Keeper:
    """Run the sync budget's keeper in a daemon thread."""
    thread = threading.Thread(
        target=keeper, args=(ref,), name="threecommas-lockout-keeper", daemon=True
    )
    thread.start()
    return thread


async def asleep(seconds: float) -> None:
    await asyncio.sleep(seconds)


def sleep(seconds: float) -> None:
    time.sleep(seconds)

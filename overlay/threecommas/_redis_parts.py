"""Parts of the shared budget (`_async._redis_budget` and its sync twin) that need no Redis: the
client's own window (metering while the storage is away), and how a lockout keeper runs (a task
beside an event loop, a thread otherwise)."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any, Final, Protocol

__all__ = [
    "Keeper",
    "OwnWindow",
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

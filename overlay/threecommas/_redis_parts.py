"""Parts of the shared budget (`_redis`) that need no Redis: the client's own window (metering
while the storage is away), the lockout keeper's thread, and the limiter and lockout faces a
client uses."""

from __future__ import annotations

import logging
import time
import weakref
from collections import deque
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from threecommas._redis import RedisBudget

__all__ = ["OwnWindow", "RedisLockout", "RedisRateLimiter", "keep_lockout_until_it_ends"]

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


def keep_lockout_until_it_ends(ref: weakref.ref[RedisBudget]) -> None:
    """The lockout keeper: it holds its client only while it checks (a ban may last days)."""
    while True:
        time.sleep(LOCKOUT_WATCH_S)
        budget = ref()
        if budget is None or budget.closed:
            return
        try:
            budget.lockout_remaining(quiet=True)  # writes it back if Redis lost it
        except Exception:  # pragma: no cover - a bug must not end the thread unseen
            logger.exception("threecommas: keeping the lockout in the shared storage failed")
        with budget._lock:  # where a new lockout looks for a keeper: one of them sees the other
            if budget._mirror.remaining()[0] <= 0:
                budget._lockout_keeper = None
                return
        del budget


class RedisRateLimiter:
    """`RateLimiter`'s interface over a `RedisBudget`."""

    def __init__(self, budget: RedisBudget) -> None:
        self.budget = budget
        self.limit = budget.limit

    def acquire(self, order: bool = False) -> float:
        """Take a slot and return 0, or return how long to wait before asking again (only an
        `order` takes the slots kept for orders).

        Raises `StorageError` only with `on_storage_error="raise"`, before anything is sent."""
        return self.budget.acquire(order)

    def release(self) -> None:
        """The request that held a slot got its answer (or failed). Never raises."""
        self.budget.release()

    @property
    def learned(self) -> int | None:
        return self.budget.learned

    def learn(self) -> int | None:
        return self.budget.learn()

    def close(self) -> None:
        self.budget.close()


class RedisLockout:
    """`Lockout`'s interface over a `RedisBudget`."""

    def __init__(self, budget: RedisBudget) -> None:
        self.budget = budget

    def start(self, seconds: float, reason: BaseException) -> None:
        self.budget.start_lockout(seconds, reason)

    def remaining(self) -> tuple[float, BaseException | None]:
        """Seconds left and the error that started it; (0, None) when not locked out."""
        return self.budget.lockout_remaining()

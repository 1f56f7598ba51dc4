# generated from overlay/threecommas/_async/_redis_faces.py by scripts/unasync.py — do not edit
"""The faces of a shared budget (`_redis_budget`) that a client uses, `RateLimiter`'s and
`Lockout`'s interfaces, and the lockout keeper that keeps a known lockout in Redis until it
ends (a task beside an event loop, else a thread)."""

from __future__ import annotations

import logging
import weakref
from typing import TYPE_CHECKING

from threecommas import _redis_parts as parts
from threecommas._redis_parts import sleep

if TYPE_CHECKING:
    from ._redis_budget import RedisBudget

__all__ = ["RedisLockout", "RedisRateLimiter", "keep_lockout_until_it_ends"]

logger = logging.getLogger("threecommas")


def keep_lockout_until_it_ends(ref: weakref.ref[RedisBudget]) -> None:
    """The lockout keeper: it holds its client only while it checks (a ban may last days)."""
    while True:
        sleep(parts.LOCKOUT_WATCH_S)
        budget = ref()
        if budget is None or budget.closed:
            return
        try:
            budget.lockout_remaining(quiet=True)  # writes it back if Redis lost it
        except Exception:  # pragma: no cover - a bug must not end the keeper unseen
            logger.exception("threecommas: keeping the lockout in the shared storage failed")
        with budget._lock:  # where a new lockout looks for a keeper: one of them sees the other
            if budget._mirror.remaining()[0] <= 0:
                budget._lockout_keeper = None
                return
        del budget


class RedisRateLimiter:
    """`RateLimiter`'s interface over an `RedisBudget`."""

    def __init__(self, budget: RedisBudget) -> None:
        self.budget = budget
        self.limit = budget.limit

    def acquire(self, order: bool = False) -> float:
        """Take a slot and return 0, or return how long to wait before asking again (only an
        `order` takes the slots kept for orders).

        Raises `StorageError` only with `on_storage_error="raise"`, before anything is sent."""
        return self.budget.acquire(order)

    def release(self, accepted: bool = False) -> None:
        """The request that held a slot got its answer (or failed; `accepted`: the API took
        it). Never raises."""
        self.budget.release(accepted)

    @property
    def learned(self) -> int | None:
        return self.budget.learned

    def learn(self) -> int | None:
        return self.budget.learn()

    def close(self) -> None:
        self.budget.close()


class RedisLockout:
    """`Lockout`'s interface over an `RedisBudget`."""

    def __init__(self, budget: RedisBudget) -> None:
        self.budget = budget

    def start(self, seconds: float, reason: BaseException) -> None:
        self.budget.start_lockout(seconds, reason)

    def remaining(self) -> tuple[float, BaseException | None]:
        """Seconds left and the error that started it; (0, None) when not locked out."""
        return self.budget.lockout_remaining()

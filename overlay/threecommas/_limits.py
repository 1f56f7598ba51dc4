"""Client-side protection of the API budget: a request limiter, lockouts, and retry timing.

3Commas allows 100 requests a minute, locks a client out for 300 s after a 429, and bans the IP
(418, from 2 minutes to 3 days) when requests go on regardless. The limiter keeps a client
under the budget, and a lockout stops every request of the client while the API would refuse
it, so that a burst never turns into a ban.

Both work by reservation under a short lock and never sleep while holding it, so one instance
serves threads and asyncio tasks alike: the caller sleeps (`time.sleep` or `asyncio.sleep`)
for the delay it was given.
"""

from __future__ import annotations

import random
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

Clock = Callable[[], float]

# Arrival times at the server differ from send times by the network's jitter; leaving this
# share of each window as slack keeps the server's count under the budget too (0.3 s of the
# documented 60 s window), at a cost of 0.5 % of the budget.
WINDOW_SLACK = 0.005


@dataclass(frozen=True)
class RateLimit:
    """At most `requests` in any `period` seconds."""

    requests: int = 100
    period: float = 60.0

    def __post_init__(self) -> None:
        if (
            isinstance(self.requests, bool)
            or not isinstance(self.requests, int)
            or self.requests < 1
        ):
            raise ValueError("RateLimit.requests must be a positive int")
        if not self.period > 0:
            raise ValueError("RateLimit.period must be positive")


class RateLimiter:
    """A sliding-window limiter: no more than `limit.requests` sends in any window.

    `reserve()` books the earliest send time that keeps every window under the limit and
    returns how long to wait for it.
    """

    def __init__(self, limit: RateLimit, *, clock: Clock = time.monotonic) -> None:
        self.limit = limit
        self._clock = clock
        self._lock = threading.Lock()
        self._booked: deque[float] = deque(maxlen=limit.requests)
        self._window = limit.period * (1 + WINDOW_SLACK)

    def reserve(self) -> float:
        """Book a send slot; the seconds to wait before sending (0 when there is room)."""
        with self._lock:
            now = self._clock()
            at = now
            if len(self._booked) == self.limit.requests:
                at = max(now, self._booked[0] + self._window)
            self._booked.append(at)
            return at - now


class Lockout:
    """Until when the API refuses this client (after a 429 or a 418), and why."""

    def __init__(self, *, clock: Clock = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._until = 0.0
        self._reason: BaseException | None = None

    def start(self, seconds: float, reason: BaseException) -> None:
        with self._lock:
            until = self._clock() + max(0.0, seconds)
            if until > self._until:
                self._until, self._reason = until, reason

    def remaining(self) -> tuple[float, BaseException | None]:
        """Seconds left and the error that started it; (0, None) when not locked out."""
        with self._lock:
            left = self._until - self._clock()
            if left <= 0:
                return 0.0, None
            return left, self._reason


def backoff_delay(attempt: int, *, base: float = 0.5, cap: float = 8.0) -> float:
    """Exponential backoff with full jitter: a random delay in [0, min(cap, base * 2**attempt)]."""
    return random.uniform(0.0, min(cap, base * 2**attempt))

"""The client's clock: the one seam through which time enters the SDK.

A client reads the time and waits only through its `Clock`: the rate limiter, the lockouts after
a 429 or a 418, the waits between retries, the watch's sweeps, and the deadlines of `wait_for`
and `watch(duration=...)`. The real clock (`SystemClock`) is the default. A test, a fake
exchange or a backtest hands the client another one (`ThreeCommas(..., clock=...)`) rather than
patching `time`: the same code then runs on scaled or virtual time, and the rate limits are met
in that time.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Protocol, runtime_checkable

__all__ = [
    "SYSTEM_CLOCK",
    "Clock",
    "DeadlineReached",
    "ScaledClock",
    "SystemClock",
    "check_clock",
    "current_deadline",
    "deadline_at",
]


@runtime_checkable
class Clock(Protocol):
    """Where a client reads the time and how it waits.

    `monotonic()` and the waits are in this clock's seconds; `monotonic()` never goes back.
    Every method may be called from several threads (the sync client) or tasks (the async one).
    """

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin, never decreasing: limits, lockouts, deadlines."""
        ...

    def time(self) -> float:
        """The date, as Unix seconds: what events are stamped with (`observed_at`)."""
        ...

    def sleep(self, seconds: float) -> None:
        """Wait `seconds` of this clock (the sync client)."""
        ...

    async def asleep(self, seconds: float) -> None:
        """Wait `seconds` of this clock (the async client)."""
        ...

    def io_timeout(self, seconds: float) -> float:
        """The real seconds that network I/O (a request, a socket read) may take when it must
        end within `seconds` of this clock: `seconds` for the real clock. A clock that never
        waits on the network may return `seconds` unchanged."""
        ...


class SystemClock:
    """The real clock: `time.monotonic`, `time.time`, `time.sleep` and `asyncio.sleep`."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin, never decreasing (see `Clock.monotonic`)."""
        return time.monotonic()

    def time(self) -> float:
        """The date, as Unix seconds (see `Clock.time`)."""
        return time.time()

    def sleep(self, seconds: float) -> None:
        """Wait `seconds` of this clock (see `Clock.sleep`)."""
        time.sleep(max(0.0, seconds))

    async def asleep(self, seconds: float) -> None:
        """Wait `seconds` of this clock, awaited (see `Clock.asleep`)."""
        import asyncio  # here: a user of the sync client never imports asyncio for it

        await asyncio.sleep(max(0.0, seconds))

    def io_timeout(self, seconds: float) -> float:
        """The real seconds network I/O may take to end within `seconds` of this clock."""
        return seconds

    def __repr__(self) -> str:
        return "SystemClock()"


#: The clock of every client not given another.
SYSTEM_CLOCK = SystemClock()


class ScaledClock:
    """The real clock run faster (or slower): a duration of `d` seconds of this clock lasts
    `d * time_factor` real seconds, as on a fake server with the same `time_factor`.

    `time_factor` is a number, or a callable read at every look at the clock (a server whose
    factor may be reconfigured meanwhile); the clock stays continuous when it changes, and
    `time()` starts at the real date and runs at the same pace as `monotonic()`.
    """

    def __init__(self, time_factor: float | Callable[[], float]) -> None:
        self._factor = time_factor if callable(time_factor) else _checked_factor(time_factor)
        self._lock = threading.Lock()
        self._real_origin = time.monotonic()
        self._origin = self._real_origin
        self._current = self.factor
        self._wall_offset = time.time() - self._real_origin

    @property
    def factor(self) -> float:
        """The time factor in force now."""
        factor = self._factor
        return _checked_factor(factor()) if callable(factor) else factor

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin, never decreasing (see `Clock.monotonic`)."""
        factor = self.factor
        with self._lock:
            real = time.monotonic()
            if factor != self._current:
                # Start a new segment at the present time, so the clock never jumps.
                self._origin += (real - self._real_origin) / self._current
                self._real_origin, self._current = real, factor
            return self._origin + (real - self._real_origin) / factor

    def time(self) -> float:
        """The date, as Unix seconds (see `Clock.time`)."""
        return self._wall_offset + self.monotonic()

    def sleep(self, seconds: float) -> None:
        """Wait `seconds` of this clock (see `Clock.sleep`)."""
        time.sleep(self.io_timeout(seconds))

    async def asleep(self, seconds: float) -> None:
        """Wait `seconds` of this clock, awaited (see `Clock.asleep`)."""
        import asyncio

        await asyncio.sleep(self.io_timeout(seconds))

    def io_timeout(self, seconds: float) -> float:
        """The real seconds network I/O may take to end within `seconds` of this clock."""
        return max(0.0, seconds) * self.factor

    def __repr__(self) -> str:
        return f"ScaledClock(time_factor={self.factor!r})"


def _checked_factor(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1e9:
        raise ValueError(f"time_factor must be a positive number, not {value!r}")
    return float(value)


def check_clock(clock: object) -> Clock:
    """`clock`, checked: the client's argument (None: the real clock)."""
    if clock is None:
        return SYSTEM_CLOCK
    missing = [
        name
        for name in ("monotonic", "time", "sleep", "asleep", "io_timeout")
        if not callable(getattr(clock, name, None))
    ]
    if missing:
        raise TypeError(
            "clock must be a threecommas.Clock (monotonic, time, sleep, asleep, io_timeout); "
            f"{type(clock).__name__} has no {', '.join(missing)}"
        )
    return clock  # type: ignore[return-value]


class DeadlineReached(TimeoutError):
    """The deadline of a watch or a `wait_for` came during one of its waits or requests.

    The watch ends there (a `wait_for` raises its own `TimeoutError`); the request that was
    waiting or running was a read, so nothing is left half done."""


# The deadline (on the client's clock) of the watch whose request runs in this context: every
# wait of the request (limiter, lockout, retry, its own timeout) ends by then.
_DEADLINE: ContextVar[float | None] = ContextVar("threecommas_deadline", default=None)


def current_deadline() -> float | None:
    return _DEADLINE.get()


@contextlib.contextmanager
def deadline_at(deadline: float | None) -> Iterator[None]:
    """Requests made inside this block end (or raise `DeadlineReached`) by `deadline`."""
    token = _DEADLINE.set(deadline)
    try:
        yield
    finally:
        _DEADLINE.reset(token)

"""The market's virtual clock: seconds that pass only when told to.

The clock counts virtual time from a start moment, in whole microseconds (so that ten advances
of 0.1 s are exactly one second, with no float drift). It moves in two ways:

* :meth:`VirtualClock.advance` moves it by a number of virtual seconds (what tests do: nothing
  ever sleeps);
* :meth:`VirtualClock.sync`, only on a clock built with a wall source (:meth:`real_time`), moves
  it by the real time elapsed since the last sync, divided by ``time_factor``.

``time_factor`` has the meaning the server's fault configuration gives it: durations are
multiplied by it. A virtual duration of ``d`` seconds lasts ``d * time_factor`` real seconds, so
with 0.01 a virtual minute passes in 0.6 real seconds (virtual time runs 100 times faster).

A clock never reads the wall time unless it was given a wall source; the default start is a
fixed moment (:data:`DEFAULT_START`), so that every timestamp a test sees is reproducible.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Final

from threecommas.testing.simulation._entities import timestamp

__all__ = ["DEFAULT_START", "ClockError", "VirtualClock", "parse_seconds"]

#: Where a clock starts unless told otherwise: a fixed moment, for reproducible timestamps.
DEFAULT_START: Final = datetime(2024, 1, 1, tzinfo=UTC)

_MICROS: Final = Decimal(1_000_000)
#: Ten years: more than any test needs, little enough to keep datetimes in range.
MAX_SECONDS: Final = Decimal(10 * 366 * 24 * 3600)


class ClockError(ValueError):
    """A duration or a time factor the clock cannot take; the message says which."""


def parse_seconds(value: object, name: str = "seconds") -> Decimal:
    """A non-negative, finite number of seconds from an int, a Decimal or a decimal string
    (a float is taken through its shortest text form, ``0.1`` meaning exactly 0.1)."""
    if isinstance(value, bool):
        raise ClockError(f"{name} must be a number of seconds")
    try:
        if isinstance(value, float):
            number = Decimal(repr(value))
        elif isinstance(value, int | str | Decimal):
            number = Decimal(value)
        else:
            raise ClockError(f"{name} must be a number of seconds")
    except InvalidOperation:
        raise ClockError(f"{name} must be a number of seconds") from None
    if not number.is_finite() or number < 0:
        raise ClockError(f"{name} must be a finite number of seconds, 0 or more")
    if number > MAX_SECONDS:
        raise ClockError(f"{name} must be at most {MAX_SECONDS} seconds")
    return number


def _micros(seconds: Decimal) -> int:
    return int((seconds * _MICROS).to_integral_value())


class VirtualClock:
    """Virtual time: ``start`` plus the seconds advanced so far."""

    def __init__(
        self,
        start: datetime | None = None,
        *,
        time_factor: float = 1.0,
        wall: Callable[[], float] | None = None,
    ) -> None:
        if isinstance(time_factor, bool) or not time_factor > 0 or time_factor == float("inf"):
            raise ClockError("time_factor must be a positive number")
        moment = DEFAULT_START if start is None else start
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        self._start = moment.astimezone(UTC)
        self._elapsed = 0  # microseconds
        self.time_factor = float(time_factor)
        self._wall = wall
        self._last_wall = wall() if wall is not None else None

    @classmethod
    def real_time(cls, *, time_factor: float = 1.0, start: datetime | None = None) -> VirtualClock:
        """A clock that :meth:`sync` moves with the real time (``time.monotonic``), scaled by
        ``time_factor``; it starts at ``start``, or now (the one time it reads the date)."""
        return cls(
            start if start is not None else datetime.now(UTC),
            time_factor=time_factor,
            wall=time.monotonic,
        )

    @property
    def start(self) -> datetime:
        return self._start

    @property
    def follows_wall_time(self) -> bool:
        return self._wall is not None

    @property
    def elapsed_micros(self) -> int:
        """Virtual microseconds since the start."""
        return self._elapsed

    @property
    def elapsed(self) -> Decimal:
        """Virtual seconds since the start."""
        return Decimal(self._elapsed) / _MICROS

    def now(self) -> datetime:
        return self._start + timedelta(microseconds=self._elapsed)

    def timestamp(self) -> str:
        """The current virtual time in the API's format (``2024-01-01T00:00:00.000Z``)."""
        return timestamp(self.now())

    def advance(self, seconds: object) -> Decimal:
        """Move on by ``seconds`` of virtual time; the seconds since the start."""
        self.advance_micros(_micros(parse_seconds(seconds)))
        return self.elapsed

    def advance_micros(self, micros: int) -> None:
        if micros < 0:
            raise ClockError("the clock cannot go back")
        if Decimal(self._elapsed + micros) > MAX_SECONDS * _MICROS:
            raise ClockError(f"the clock cannot run more than {MAX_SECONDS} seconds")
        self._elapsed += micros

    def move_to_micros(self, elapsed: int) -> None:
        """Move on to ``elapsed`` microseconds since the start (never back)."""
        self.advance_micros(max(0, elapsed - self._elapsed))

    def reset(self) -> None:
        """Back to the start (real time, for a clock that follows it, counts from now)."""
        self._elapsed = 0
        self.mark_wall()

    def pending_wall_micros(self) -> int:
        """The virtual microseconds that the real time elapsed since the last sync stands for
        (0 for a clock without a wall source). Reads the wall source; moves nothing."""
        if self._wall is None or self._last_wall is None:
            return 0
        real = max(0.0, self._wall() - self._last_wall)
        return _micros(parse_seconds(real / self.time_factor, "elapsed real time"))

    def mark_wall(self) -> None:
        """Count real time from now on (after the elapsed real time was used)."""
        if self._wall is not None:
            self._last_wall = self._wall()

    def sync(self) -> Decimal:
        """Catch up with the real time (nothing without a wall source); the seconds moved."""
        micros = self.pending_wall_micros()
        self.mark_wall()
        self.advance_micros(micros)
        return Decimal(micros) / _MICROS

    def to_json(self) -> dict[str, object]:
        return {
            "start": timestamp(self._start),
            "now": timestamp(self.now()),
            "elapsed": format(self.elapsed.normalize(), "f"),
            "time_factor": self.time_factor,
            "real_time": self.follows_wall_time,
        }

    def __repr__(self) -> str:
        return f"VirtualClock(now={timestamp(self.now())!r}, time_factor={self.time_factor})"

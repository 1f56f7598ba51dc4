"""The one clock of a backtest: the simulated market's and the client's.

A backtest moves a single virtual "now" (whole microseconds since the first candle opened). The
client reads it through the :class:`threecommas.Clock` protocol (its limiter, lockouts, retries'
backoff and ``wait_for`` deadlines), the fake server's emulated rate limit reads it, and the
market follows it: the market is a :class:`VirtualClock` that "follows the wall time", with the
backtest's now as its wall, so the store catches the market up to now before each request, as
it does on a real-time server. A sleep moves now and nothing else: the market plays the bars
that passed only when something looks (the next request, or the end of the backtest), where its
quiet-bar skipping makes a long wait cheap.
"""

from __future__ import annotations

import asyncio
import math
from datetime import datetime
from typing import Final

from threecommas.testing.simulation._market._clock import VirtualClock

__all__ = ["BacktestClock"]

_MICROS: Final = 1_000_000


class BacktestClock(VirtualClock):
    """Virtual time for a backtest: the market's clock and a :class:`threecommas.Clock`."""

    def __init__(self, start: datetime) -> None:
        super().__init__(start)
        self._start_epoch = start.timestamp()
        #: Where the backtest is (µs since the start); the market catches up to it.
        self.now_micros = 0
        #: Virtual seconds spent in the client's sleeps (limiter, lockouts, waits).
        self.slept_micros = 0

    # --- The market's side: the backtest's now is its "wall" ----------------------------------

    @property
    def follows_wall_time(self) -> bool:
        return True

    def pending_wall_micros(self) -> int:
        return max(0, self.now_micros - self.elapsed_micros)

    def mark_wall(self) -> None:
        pass

    def reset(self) -> None:
        super().reset()
        self.now_micros = 0

    def move_now_to(self, micros: int) -> None:
        """Move the backtest on to ``micros`` (never back)."""
        if micros > self.now_micros:
            self.now_micros = micros

    # --- The client's side: threecommas.Clock ---------------------------------------------------

    def monotonic(self) -> float:
        return self.now_micros / _MICROS

    def time(self) -> float:
        return self._start_epoch + self.now_micros / _MICROS

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            # Rounded up: a waiter that wakes is never a microsecond early for its deadline.
            # (rounded to the nanosecond first: 0.1 s is 100,000 µs, not 100,001).
            # At least 1 µs: a waiter that sleeps the float dust left before its moment (1e-12 s)
            # must get there, not spin.
            micros = max(1, math.ceil(round(float(seconds) * _MICROS, 3)))
            self.now_micros += micros
            self.slept_micros += micros

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)
        await asyncio.sleep(0)  # other tasks of the strategy get their turn, as in a real wait

    def io_timeout(self, seconds: float) -> float:
        return seconds

    def __repr__(self) -> str:
        return f"BacktestClock(now={self.now_micros / _MICROS:.6f}s after {self.start})"

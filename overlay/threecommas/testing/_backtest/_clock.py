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
from collections.abc import Callable
from datetime import datetime
from typing import Final

from threecommas.testing.simulation._market._clock import VirtualClock

__all__ = ["BacktestClock"]

_MICROS: Final = 1_000_000


class BacktestClock(VirtualClock):
    """Virtual time for a backtest: the market's clock and a :class:`threecommas.Clock`.

    While the strategy is called bar by bar, now is the moment the current bar's close plays,
    or later if the strategy's waits took it further: the loop does not set now per bar (that
    would cost a call a bar); the clock asks the loop which bar it is on, and only when
    something reads the time (see :meth:`follow`).
    """

    def __init__(self, start: datetime) -> None:
        super().__init__(start)
        self._start_epoch = start.timestamp()
        #: Now as the waits (and move_now_to) left it: µs since the start.
        self._moved = 0
        #: While a loop plays bars: the moment its current bar's close plays, and what to tell
        #: it when a wait moves now on.
        self._bar_end: Callable[[], int] | None = None
        self._on_move: Callable[[], None] | None = None
        #: Virtual seconds spent in the client's sleeps (limiter, lockouts, waits).
        self.slept_micros = 0

    @property
    def now_micros(self) -> int:
        """Where the backtest is (µs since the start); the market catches up to it."""
        moved = self._moved
        if self._bar_end is None:
            return moved
        end = self._bar_end()
        return end if end > moved else moved

    def follow(
        self, bar_end: Callable[[], int] | None, on_move: Callable[[], None] | None = None
    ) -> None:
        """Take now from a loop over bars: at least ``bar_end()``, the moment the close of the
        bar it is on plays; ``on_move()`` is called when a wait moves now on (so that the loop
        looks for the bars that closed meanwhile). ``follow(None)``: now stays where it is."""
        self._moved = self.now_micros
        self._bar_end, self._on_move = bar_end, on_move

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
        self._moved = 0
        self._bar_end = self._on_move = None

    def move_now_to(self, micros: int) -> None:
        """Move the backtest on to ``micros`` (never back)."""
        if micros > self.now_micros:
            self._moved = micros
            if self._on_move is not None:
                self._on_move()

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
            self.slept_micros += micros
            self.move_now_to(self.now_micros + micros)

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)
        await asyncio.sleep(0)  # other tasks of the strategy get their turn, as in a real wait

    def io_timeout(self, seconds: float) -> float:
        return seconds

    def __repr__(self) -> str:
        return f"BacktestClock(now={self.now_micros / _MICROS:.6f}s after {self.start})"

"""A price path being played by the :class:`~._market.Market`: where it is, what is left of it,
and how it passes over whole bars on which nothing can trigger (see :mod:`._quiet`)."""

from __future__ import annotations

from threecommas.testing.simulation._market._prices import BLOCK, PricePath, Quote, Tick
from threecommas.testing.simulation._market._quiet import Band

__all__ = ["Playing"]


class Playing:
    """A path being played: its ticks from ``start`` (virtual µs), the next one at ``index``;
    ``removed`` holds the pairs a later path took over (their ticks here no longer play)."""

    def __init__(self, sequence: int, start: int, path: PricePath) -> None:
        self.sequence = sequence
        self.start = start
        self.path = path
        self.index = 0
        self.removed: set[str] = set()
        self._next: Tick | None = None
        pairs = path.pairs  # a pass over every bar: once
        self.single_pair = next(iter(pairs)) if len(pairs) == 1 else None

    def peek(self) -> Tick | None:
        """The next tick still to play (its ``at`` relative to the path), or ``None``."""
        if self._next is not None and self._next.pair in self.removed:
            self._next = None
            self.index += 1
        while self._next is None and self.index < len(self.path):
            tick = self.path.tick(self.index)
            if tick.pair in self.removed:
                self.index += 1
            else:
                self._next = tick
        return self._next

    def pop(self) -> Tick:
        tick = self.peek()
        assert tick is not None
        self._next = None
        self.index += 1
        return tick

    def pending(self) -> tuple[int, set[str], int | None]:
        """How many ticks are still to play, of which pairs, the last one when."""
        if self.single_pair is not None:
            if self.single_pair in self.removed or self.index >= len(self.path):
                return 0, set(), None
            last = self.path.tick(len(self.path) - 1).at
            return len(self.path) - self.index, {self.single_pair}, self.start + last
        ticks = [
            tick
            for tick in (self.path.tick(i) for i in range(self.index, len(self.path)))
            if tick.pair not in self.removed
        ]
        if not ticks:
            return 0, set(), None
        return len(ticks), {tick.pair for tick in ticks}, self.start + ticks[-1].at

    def pass_quiet_bars(self, band: Band, until: int) -> Quote | None:
        """Pass over the whole bars from here that end by ``until`` and whose every price
        stays inside ``band`` (a block of bars at a time where it can); the quote of the last
        one passed (its close), or ``None`` when none was."""
        path = self.path
        bars = path.bars
        if not bars or self.index % 4 or self.single_pair is None:
            return None
        low, high = band
        half = Quote.single(1, path.spread).ask - 1  # the spread's half, as a fraction
        if half:
            low = None if low is None else low / (1 - half)
            high = None if high is None else high / (1 + half)
        ends, lows, highs = path.bar_ends, path.block_lows, path.block_highs
        limit = until - self.start
        first = index = self.index // 4
        count = len(bars)
        while index < count:
            if not index % BLOCK and index + BLOCK <= count:
                block = index // BLOCK
                if (
                    ends[index + BLOCK - 1] <= limit
                    and (low is None or lows[block] > low)
                    and (high is None or highs[block] < high)
                ):
                    index += BLOCK
                    continue
            bar = bars[index]
            if (
                ends[index] <= limit
                and (low is None or bar.low > low)
                and (high is None or bar.high < high)
            ):
                index += 1
                continue
            break
        if index == first:
            return None
        self.index = index * 4
        self._next = None
        return Quote.single(bars[index - 1].close, path.spread)

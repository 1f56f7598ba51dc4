"""Prices: a quote per pair (bid, ask, last) and price paths that play quotes over time.

A **quote** is set directly (``"0.1"``: bid, ask and last all 0.1, or spread around it) or
given in full (``{"bid": ..., "ask": ..., "last": ...}``). Prices are decimal strings, ints or
Decimals (a float goes through its shortest text form); each must be from 1e-12 to 1e12
(:data:`._quotes.MIN_PRICE`, :data:`._quotes.MAX_PRICE`).

A **price path** is a list of ticks, each at an offset in seconds from the moment the path
starts playing. Prices change only at the ticks (no interpolation: give more points for a
smoother path). Nothing is random, except in a random walk, which needs a seed.

File formats
------------

**JSON**, one object (or a bare list of points)::

    {
      "pair": "USDT_DOGE",          # the default pair of records that name none
      "spread": "0.001",            # optional: bid/ask around a single price, as a fraction
      "points": [
        {"t": 0, "price": "0.1"},
        {"t": 60, "price": "0.12"},
        {"t": 90, "pair": "USDT_BTC", "bid": "60000", "ask": "60010", "last": "60005"},
        [120, "0.125"]              # [t, price] is short for {"t": t, "price": price}
      ]
    }

or with bars instead of points (a file holds one or the other)::

    {
      "pair": "USDT_DOGE",
      "bar_seconds": 60,            # how long a bar lasts unless it says ("seconds")
      "bar_order": "adaptive",      # see below
      "bars": [{"t": 0, "open": "0.1", "high": "0.13", "low": "0.095", "close": "0.12"}]
    }

or a seeded random walk: ``{"random_walk": {"pair": "USDT_DOGE", "start": "0.1", "steps": 100,
"seconds": 60, "volatility": "0.01", "seed": 7}}``.

**CSV**, with a header row. ``t`` (seconds) is required; ``pair`` is optional when the caller
names the pair; then either ``price``, or ``bid``, ``ask`` and ``last`` (points), or ``open``,
``high``, ``low``, ``close`` and optionally ``seconds`` (bars)::

    t,price
    0,0.1
    60,0.12

**Candles** bot authors already have (see :mod:`._candles`): a Binance kline CSV (the public
data dumps' twelve columns, no header, millisecond or microsecond times), freqtrade's JSON
candles and ccxt's ``fetch_ohlcv`` lists (``[[timestamp_ms, open, high, low, close, volume],
...]``). They are bars of any timeframe, gaps allowed, played by the rule below; they do not
name their pair, so the caller gives it. The format is told by the content, not the name.

``t`` must never decrease from one record to the next. Numbers in JSON may be numbers or
decimal strings; decimal strings keep every digit.

Bars
----

A bar of ``d`` seconds starting at ``t`` plays as four ticks: the open at ``t``, its two
extremes at ``t + d/4`` and ``t + d/2``, the close at ``t + 3d/4`` (so the next bar's open, at
``t + d``, stays a tick of its own). Which extreme comes first is the one thing a bar does not
say. The rule (``bar_order``):

* ``"adaptive"`` (the default): the extreme nearer to the open comes first, the heuristic
  nautilus_trader documents as ``bar_adaptive_high_low_ordering`` (the shortest path through
  the four prices); when both are as near, the close decides: a bar that closed up
  (close >= open) went down first (open, low, high, close), one that closed down went up first
  (open, high, low, close), so that its last leg runs the way the bar closed.
* ``"open_high_low_close"``: always the high first (nautilus_trader's fixed order);
* ``"open_low_high_close"``: always the low first.

The adaptive rule was chosen because it depends only on the bar, not on the orders resting in
it (so every SmartTrade sees the same path), and it is the published heuristic that a user of
nautilus_trader will recognise. A test that needs one particular order inside a bar can say so
with ``bar_order``, or give points.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import random
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final

from threecommas.testing.simulation._market._bars import (
    BAR_ORDERS,
    DEFAULT_BAR_SECONDS,
    Bar,
    BarOrder,
    Tick,
    bar_end,
    bar_record,
    duration,
    one_origin,
    point_time,
)
from threecommas.testing.simulation._market._candles import (
    CandleRow,
    binance_rows,
    candle_bars,
    is_candle_list,
    json_candle_rows,
    looks_like_binance,
    parse_candle_json,
)
from threecommas.testing.simulation._market._quotes import (
    MAX_PRICE,
    PriceError,
    Quote,
    check_pair,
    parse_price,
    parse_spread,
    quote_of,
)

__all__ = [
    "BAR_ORDERS",
    "Bar",
    "BarOrder",
    "PriceError",
    "PricePath",
    "Quote",
    "Tick",
    "check_pair",
    "parse_price",
    "quote_of",
]

_MICROS: Final = Decimal(1_000_000)
_PRICE_DIGITS: Final = Decimal("1e-12")
#: Bars per block in a path's summary of lows and highs (see :class:`PricePath`).
BLOCK: Final = 64


def _micros(seconds: Decimal) -> int:
    return int((seconds * _MICROS).to_integral_value())


class PricePath:
    """Ticks in time order (ties keep the order they were given in).

    A path of bars that follow one another keeps its bars and makes each bar's four ticks
    when they are read (a year of one-minute bars would otherwise be two million objects);
    it also keeps, per bar and per block of bars, the time of the last tick and the lowest
    and highest price, so that the market can pass over bars on which nothing can trigger.
    """

    def __init__(self, ticks: Iterable[Tick]) -> None:
        indexed = sorted(enumerate(ticks), key=lambda item: (item[1].at, item[0]))
        self._ticks: tuple[Tick, ...] | None = tuple(tick for _, tick in indexed)
        self._bars: tuple[Bar, ...] = ()
        self._bar_order = "adaptive"
        self._spread: object = None
        #: Per bar: the offset of its last tick (µs); per block of BLOCK bars: its low, high.
        self.bar_ends: tuple[int, ...] = ()
        self.block_lows: tuple[Decimal, ...] = ()
        self.block_highs: tuple[Decimal, ...] = ()

    @classmethod
    def _of_bars(cls, bars: tuple[Bar, ...], bar_order: str, spread: object) -> PricePath:
        path = cls(())
        path._ticks = None
        path._bars, path._bar_order, path._spread = bars, bar_order, spread
        path.bar_ends = tuple(map(bar_end, bars))
        path.block_lows = tuple(
            min(bar.low for bar in bars[i : i + BLOCK]) for i in range(0, len(bars), BLOCK)
        )
        path.block_highs = tuple(
            max(bar.high for bar in bars[i : i + BLOCK]) for i in range(0, len(bars), BLOCK)
        )
        return path

    @property
    def bars(self) -> tuple[Bar, ...]:
        """The bars a path of bars plays (empty for a path of points)."""
        return self._bars

    @property
    def spread(self) -> object:
        return self._spread

    @property
    def ticks(self) -> tuple[Tick, ...]:
        if self._ticks is None:
            self._ticks = tuple(self.tick(index) for index in range(len(self)))
        return self._ticks

    def tick(self, index: int) -> Tick:
        """The tick at ``index`` (in time order)."""
        if self._ticks is not None:
            return self._ticks[index]
        bar = self._bars[index // 4]
        step = index % 4
        at = self.bar_ends[index // 4] if step == 3 else _micros(bar.t + bar.seconds / 4 * step)
        price = bar.prices(self._bar_order)[step]
        return Tick(at, bar.pair, Quote.single(price, self._spread), bar.volume, _micros(bar.t))

    def __len__(self) -> int:
        return len(self._ticks) if self._ticks is not None else 4 * len(self._bars)

    def __iter__(self) -> Iterator[Tick]:
        if self._ticks is not None:
            return iter(self._ticks)
        return (self.tick(index) for index in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PricePath) and self.ticks == other.ticks

    def __hash__(self) -> int:
        return hash(self.ticks)

    def __repr__(self) -> str:
        return f"PricePath(ticks={len(self)}, pairs={sorted(self.pairs)!r})"

    @functools.cached_property  # a pass over every bar (half a million in a year): made once
    def pairs(self) -> frozenset[str]:
        return frozenset(x.pair for x in (self._bars if self._ticks is None else self._ticks))

    @property
    def duration(self) -> Decimal:
        """Seconds from the path's start to its last tick."""
        if self._ticks is None:
            return Decimal(self.bar_ends[-1]) / _MICROS if self.bar_ends else Decimal(0)
        return Decimal(self._ticks[-1].at) / _MICROS if self._ticks else Decimal(0)

    # --- Building paths -------------------------------------------------------------------------

    @classmethod
    def from_points(
        cls, points: Iterable[Any], *, pair: str | None = None, spread: object = None
    ) -> PricePath:
        """Points: ``{"t": seconds, "pair"?: ..., "price": ...}`` (or ``bid``/``ask``/``last``),
        or ``[t, price]``; a point without a pair is for ``pair``."""
        ticks: list[Tick] = []
        last_t = Decimal(0)
        for index, raw in enumerate(points):
            where = f"point {index + 1}"
            if isinstance(raw, list | tuple) and len(raw) == 2:
                raw = {"t": raw[0], "price": raw[1]}
            if not isinstance(raw, Mapping):
                raise PriceError(f"{where}: a point is an object with t and a price")
            record = dict(raw)
            t = point_time(record.pop("t", None), where, last_t)
            last_t = t
            point_pair = check_pair(record.pop("pair", pair))
            try:
                quote = quote_of(record, spread)
            except PriceError as exc:
                raise PriceError(f"{where}: {exc}") from None
            ticks.append(Tick(_micros(t), point_pair, quote))
        return cls(ticks)

    @classmethod
    def from_bars(
        cls,
        bars: Iterable[Any],
        *,
        pair: str | None = None,
        bar_seconds: object = None,
        bar_order: str = "adaptive",
        spread: object = None,
    ) -> PricePath:
        """Bars (:class:`Bar` or ``{"t", "pair"?, "open", "high", "low", "close",
        "seconds"?}``), each played as four ticks (see the module's rule)."""
        if bar_order not in BAR_ORDERS:
            raise PriceError(f"bar_order must be one of {', '.join(BAR_ORDERS)}")
        default_seconds = (
            DEFAULT_BAR_SECONDS if bar_seconds is None else duration(bar_seconds, "bar_seconds")
        )
        Quote.single(1, spread)  # checks the spread once
        read: list[Bar] = []
        last_t = Decimal(0)
        for index, raw in enumerate(bars):
            where = f"bar {index + 1}"
            bar = (
                raw
                if isinstance(raw, Bar)
                else bar_record(raw, where, pair, default_seconds, last_t)
            )
            last_t = bar.t
            read.append(bar)
        lazy = cls._of_bars(tuple(one_origin(read)), bar_order, spread)
        starts = [_micros(bar.t) for bar in read[1:]]
        if all(end <= start for end, start in zip(lazy.bar_ends, starts, strict=False)):
            return lazy  # bars one after another: their ticks are in time order as made
        return cls(lazy)  # overlapping bars: their ticks sorted, as points

    @classmethod
    def from_candles(
        cls,
        rows: list[CandleRow],
        *,
        pair: str | None,
        label: str,
        bar_seconds: object = None,
        bar_order: str = "adaptive",
        spread: object = None,
    ) -> PricePath:
        """Bars from candles read by :mod:`._candles`, at offsets from the first candle's open
        time; a candle without its own length lasts the file's timeframe (the smallest step
        between two candles, or ``bar_seconds``)."""
        seconds = None if bar_seconds is None else duration(bar_seconds, "bar_seconds")
        bars = candle_bars(rows, pair, label, seconds)
        return cls.from_bars(bars, bar_order=bar_order, spread=spread)

    @classmethod
    def random_walk(
        cls,
        *,
        pair: str,
        start: object,
        steps: int,
        seconds: object,
        volatility: object,
        seed: int,
        spread: object = None,
    ) -> PricePath:
        """``steps`` ticks ``seconds`` apart from ``start``, each moving the price by a factor
        drawn uniformly from ``1 +/- volatility`` with a generator seeded by ``seed``: the same
        arguments always give the same path. (Prices keep 12 decimal places; a walk that
        would rise above :data:`MAX_PRICE` is refused, one that falls to 0 stays at the
        smallest price.)"""
        check_pair(pair)
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise PriceError("a random walk needs an integer seed")
        if isinstance(steps, bool) or not isinstance(steps, int) or not 1 <= steps <= 1_000_000:
            raise PriceError("steps must be an integer from 1 to 1000000")
        step_seconds = duration(seconds, "seconds")
        swing = parse_spread(volatility)
        generator = random.Random(seed)
        price = parse_price(start, "start")
        ticks: list[Tick] = []
        for index in range(steps):
            ticks.append(Tick(_micros(step_seconds * index), pair, Quote.single(price, spread)))
            if index + 1 == steps:
                break  # no further tick to price
            draw = Decimal(generator.randrange(-1_000_000, 1_000_001)) / _MICROS
            price = price * (1 + swing * draw)
            if price > MAX_PRICE:  # before quantizing, which an absurd price would overflow
                raise PriceError(
                    f"the random walk rises above {MAX_PRICE} at step {index + 2}: give a lower "
                    "start, volatility or number of steps"
                )
            price = price.quantize(_PRICE_DIGITS)
            if price <= 0:
                price = _PRICE_DIGITS
        return cls(ticks)

    @classmethod
    def from_json(
        cls,
        data: Any,
        *,
        pair: str | None = None,
        spread: object = None,
        bar_order: str = "adaptive",
    ) -> PricePath:
        """A path from parsed JSON (see the module's formats); ``pair``, ``spread`` and
        ``bar_order`` apply where the document does not say."""
        if isinstance(data, list):
            return cls.from_points(data, pair=pair, spread=spread)
        if not isinstance(data, Mapping):
            raise PriceError("a price path is a JSON object or a list of points")
        known = {"pair", "spread", "points", "bars", "bar_seconds", "bar_order", "random_walk"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise PriceError(f"unknown price path field {unknown[0]}")
        kinds = [k for k in ("points", "bars", "random_walk") if k in data]
        if len(kinds) != 1:
            raise PriceError("a price path has exactly one of points, bars or random_walk")
        default_pair = data.get("pair", pair)
        if default_pair is not None:
            check_pair(default_pair)
        spread = data.get("spread", spread)
        if kinds[0] == "points":
            points = data["points"]
            if not isinstance(points, list):
                raise PriceError("points must be a list")
            return cls.from_points(points, pair=default_pair, spread=spread)
        if kinds[0] == "bars":
            bars = data["bars"]
            if not isinstance(bars, list):
                raise PriceError("bars must be a list")
            order = data.get("bar_order", bar_order)
            return cls.from_bars(
                bars,
                pair=default_pair,
                bar_seconds=data.get("bar_seconds"),
                bar_order=order if isinstance(order, str) else "",
                spread=spread,
            )
        walk = data["random_walk"]
        if not isinstance(walk, Mapping):
            raise PriceError("random_walk must be an object")
        fields = {"pair", "start", "steps", "seconds", "volatility", "seed"}
        missing = sorted(fields - {"pair"} - set(walk))
        if missing:
            raise PriceError(f"random_walk needs {missing[0]}")
        unknown = sorted(set(walk) - fields)
        if unknown:
            raise PriceError(f"unknown random_walk field {unknown[0]}")
        try:
            return cls.random_walk(
                pair=walk.get("pair", default_pair),
                start=walk["start"],
                steps=walk["steps"],
                seconds=walk["seconds"],
                volatility=walk["volatility"],
                seed=walk["seed"],
                spread=spread,
            )
        except PriceError as exc:
            raise PriceError(f"random_walk: {exc}") from None

    @classmethod
    def from_csv(
        cls,
        text: str,
        *,
        pair: str | None = None,
        spread: object = None,
        bar_seconds: object = None,
        bar_order: str = "adaptive",
    ) -> PricePath:
        """A path from CSV text with a header row (see the module's formats)."""
        reader = csv.DictReader(io.StringIO(text))
        columns = {(name or "").strip() for name in reader.fieldnames or ()}
        if "t" not in columns:
            raise PriceError("a CSV price path needs a t column")
        rows: list[dict[str, str]] = []
        for row in reader:
            record = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k}
            if any(record.values()):
                rows.append({k: v for k, v in record.items() if v != ""})
        bars = {"open", "high", "low", "close"}
        if bars <= columns:
            return cls.from_bars(
                rows, pair=pair, bar_seconds=bar_seconds, bar_order=bar_order, spread=spread
            )
        if "price" in columns or {"bid", "ask", "last"} <= columns:
            return cls.from_points(rows, pair=pair, spread=spread)
        raise PriceError(
            "a CSV price path needs a price column, bid/ask/last, or open/high/low/close"
        )

    @classmethod
    def load(
        cls,
        source: str | Path | IO[str] | IO[bytes],
        *,
        pair: str | None = None,
        spread: object = None,
        bar_seconds: object = None,
        bar_order: str = "adaptive",
    ) -> PricePath:
        """A path from a file (by name or open): JSON, or CSV when the name ends in ``.csv``
        or the text does not start like JSON."""
        name = ""
        if isinstance(source, str | Path):
            path = Path(source)
            name = path.name
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise PriceError(f"cannot read the price path {path}: {exc}") from None
        else:
            raw = source.read()
            name = str(getattr(source, "name", ""))
            text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        label = name or "the price path"
        stripped = text.lstrip("\ufeff \t\r\n")
        if not name.lower().endswith(".csv") and stripped[:1] in ("{", "["):
            try:
                data = parse_candle_json(stripped)
            except RecursionError:
                raise PriceError(f"{label}: nested too deeply to be read") from None
            except ValueError as exc:
                raise PriceError(f"{label}: the price path is not valid JSON: {exc}") from None
            if is_candle_list(data):
                rows = json_candle_rows(data, label)
                return cls.from_candles(
                    rows,
                    pair=pair,
                    label=label,
                    bar_seconds=bar_seconds,
                    bar_order=bar_order,
                    spread=spread,
                )
            # Today's formats read JSON numbers as they always have (a float's shortest text).
            return cls.from_json(
                json.loads(stripped), pair=pair, spread=spread, bar_order=bar_order
            )
        if looks_like_binance(stripped):
            return cls.from_candles(
                binance_rows(stripped, label),
                pair=pair,
                label=label,
                bar_seconds=bar_seconds,
                bar_order=bar_order,
                spread=spread,
            )
        first = next((line for line in stripped.splitlines() if line.strip()), "")
        header = next(csv.reader([first]), [])
        if "t" not in {field.strip() for field in header}:
            line = text.count("\n", 0, text.find(first)) + 1 if first else 1
            raise PriceError(
                f"{label}, line {line}: not a price format the market reads (a CSV with a "
                "header naming t, a Binance kline CSV, JSON points or bars, or "
                "[timestamp_ms, open, high, low, close, volume] candles)"
            )
        return cls.from_csv(
            stripped, pair=pair, spread=spread, bar_seconds=bar_seconds, bar_order=bar_order
        )

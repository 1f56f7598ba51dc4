"""Candles in the formats bot authors already have, read into :class:`._prices.Bar` objects.

* **Binance kline CSV**, as in the public data dumps (data.binance.vision): no header (a
  header row ``open_time,open,...`` as in the futures dumps is skipped), twelve columns: open
  time, open, high, low, close, volume, close time, quote volume, number of trades, taker buy
  base volume, taker buy quote volume, ignore. Timestamps are milliseconds, or microseconds
  (the spot dumps since 2025); the unit is told apart per row by size (a millisecond time has
  13 digits until the year 2286, a microsecond one 16). A bar lasts from its open time to its
  close time (plus the one unit Binance leaves out).
* **freqtrade JSON** (``user_data/data/<exchange>/BTC_USDT-1m.json``) and **ccxt**
  ``fetch_ohlcv`` lists: a JSON list of ``[timestamp_ms, open, high, low, close, volume]``.
  The two are the same shape, so they are read the same way. A bar lasts the timeframe: the
  smallest step between two candles of the file (``bar_seconds`` when the file has one
  candle, or when given).

None of them names its pair: the caller gives it (``play(path, pair="USDT_BTC")``, the admin
API's ``?pair=``, ``serve --market-pair``). Gaps between candles are allowed (nothing plays in
them); times must increase. Numbers are read from the text as decimals, never through a float.
Offsets count from the first candle's open time. A candle that cannot be read is an error
naming the file and the line (CSV) or the candle's index (JSON).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from threecommas.testing.simulation._market._bars import DEFAULT_BAR_SECONDS, Bar
from threecommas.testing.simulation._market._quotes import PriceError, check_pair, parse_price

__all__ = [
    "BINANCE_COLUMNS",
    "CandleRow",
    "binance_rows",
    "candle_bars",
    "is_candle_list",
    "json_candle_rows",
    "looks_like_binance",
    "parse_candle_json",
]

#: The columns of a Binance kline CSV, in order (the futures dumps' header names them so).
BINANCE_COLUMNS: Final = (
    "open_time",
    "open",
    "high",
    "low",
    "close",
    "volume",
    "close_time",
    "quote_volume",
    "count",
    "taker_buy_volume",
    "taker_buy_quote_volume",
    "ignore",
)
_MICROSECOND_TIMES: Final = 10**14  # above: microseconds (16 digits); below: milliseconds
_MILLIS: Final = Decimal(1000)
_MICROS: Final = Decimal(1_000_000)

#: One candle before it becomes a bar: (where, open time in seconds since the epoch, open,
#: high, low, close, volume, seconds or None when the format does not say).
CandleRow = tuple[str, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal | None]


def _epoch_seconds(value: object, where: str, name: str) -> tuple[Decimal, Decimal]:
    """A timestamp in ms or µs: (seconds since the epoch, the unit in seconds)."""
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise PriceError(f"{where}: {name} must be a timestamp in milliseconds")
    try:
        number = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise PriceError(f"{where}: {name} must be a timestamp in milliseconds") from None
    if not number.is_finite() or number < 0 or number != number.to_integral_value():
        raise PriceError(f"{where}: {name} must be a whole number of milliseconds")
    divisor = _MICROS if number >= _MICROSECOND_TIMES else _MILLIS
    return number / divisor, 1 / divisor


def _volume(value: object, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise PriceError(f"{where}: volume must be a decimal number")
    try:
        number = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise PriceError(f"{where}: volume must be a decimal number") from None
    if not number.is_finite() or number < 0:
        raise PriceError(f"{where}: volume must be a finite number, 0 or above")
    return number


def _prices(values: Sequence[object], where: str) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    o, h, low, c = (
        parse_price(value, f"{where}: {name}")
        for value, name in zip(values, ("open", "high", "low", "close"), strict=True)
    )
    if not low <= min(o, c) <= max(o, c) <= h:
        raise PriceError(f"{where}: low <= open, close <= high does not hold")
    return o, h, low, c


def looks_like_binance(text: str) -> bool:
    """True when the first line is a Binance kline row or the futures dumps' header."""
    for line in text.splitlines():
        if not line.strip():
            continue
        fields = [field.strip() for field in line.split(",")]
        if fields[0] == BINANCE_COLUMNS[0]:
            return True
        return len(fields) == len(BINANCE_COLUMNS) and fields[0].isdigit()
    return False


def binance_rows(text: str, label: str) -> list[CandleRow]:
    """The candles of a Binance kline CSV; errors name ``label`` and the line."""
    rows: list[CandleRow] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{label}, line {number}"
        fields = [field.strip() for field in line.split(",")]
        if fields[0] == BINANCE_COLUMNS[0] and not rows:
            continue  # the futures dumps' header
        if len(fields) != len(BINANCE_COLUMNS):
            raise PriceError(
                f"{where}: {len(fields)} columns; a Binance kline CSV has "
                f"{len(BINANCE_COLUMNS)} ({', '.join(BINANCE_COLUMNS)})"
            )
        opened, unit = _epoch_seconds(fields[0], where, "open time")
        closed, _ = _epoch_seconds(fields[6], where, "close time")
        seconds = closed - opened + unit
        if seconds <= 0:
            raise PriceError(f"{where}: the close time is before the open time")
        o, h, low, c = _prices(fields[1:5], where)
        rows.append((where, opened, o, h, low, c, _volume(fields[5], where), seconds))
    if not rows:
        raise PriceError(f"{label}: no candle in the file")
    return rows


def parse_candle_json(text: str) -> Any:
    """JSON with every non-integer number as a Decimal (its digits as written)."""
    return json.loads(text, parse_float=Decimal)


def is_candle_list(data: object) -> bool:
    """True for a list whose first item is a ``[ts, open, high, low, close, volume]`` list (a
    bare list of ``[t, price]`` points has two items per point)."""
    return isinstance(data, list) and bool(data) and isinstance(data[0], list) and len(data[0]) == 6


def json_candle_rows(data: list[Any], label: str) -> list[CandleRow]:
    """The candles of a freqtrade JSON file or a ccxt ``fetch_ohlcv`` list; errors name
    ``label`` and the candle's index."""
    rows: list[CandleRow] = []
    for index, raw in enumerate(data):
        where = f"{label}, candle [{index}]"
        if not isinstance(raw, list) or len(raw) != 6:
            raise PriceError(f"{where}: a candle is [timestamp_ms, open, high, low, close, volume]")
        opened, _ = _epoch_seconds(raw[0], where, "timestamp")
        o, h, low, c = _prices(raw[1:5], where)
        rows.append((where, opened, o, h, low, c, _volume(raw[5], where), None))
    return rows


def candle_bars(
    rows: list[CandleRow], pair: str | None, label: str, bar_seconds: Decimal | None
) -> list[Bar]:
    """The candles as bars of ``pair`` at offsets from the first open time; a candle without
    its own length lasts the file's timeframe (the smallest step between two candles, or
    ``bar_seconds``). Times must increase."""
    if pair is None:
        raise PriceError(
            f"{label}: candles do not name their pair; give it (play(path, "
            "pair='USDT_BTC'), ?pair= in the admin API, serve --market-pair)"
        )
    check_pair(pair)
    if not rows:
        raise PriceError(f"{label}: no candle in the file")
    timeframe = bar_seconds
    if timeframe is None:
        steps = [b[1] - a[1] for a, b in itertools.pairwise(rows) if b[1] > a[1]]
        timeframe = min(steps) if steps else DEFAULT_BAR_SECONDS
    start = rows[0][1]
    # The bars count from the first open, which is when a backtest's bars say they opened.
    origin = int(start * 1_000_000)
    bars: list[Bar] = []
    previous: Decimal | None = None
    for where, opened, o, h, low, c, volume, seconds in rows:
        if previous is not None and opened <= previous:
            raise PriceError(f"{where}: the time must increase from one candle to the next")
        previous = opened
        length = seconds if seconds is not None else timeframe
        bars.append(Bar(opened - start, pair, o, h, low, c, length, volume, origin=origin))
    return bars

"""Candles for a backtest: the market's formats, and the moment the first one opened."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from threecommas.testing.simulation._market._candles import (
    CandleRow,
    binance_rows,
    is_candle_list,
    json_candle_rows,
    looks_like_binance,
    parse_candle_json,
)
from threecommas.testing.simulation._market._prices import PriceError, PricePath

__all__ = ["CandleSource", "read_candles"]

#: A candle file (Binance kline CSV, freqtrade JSON, a ccxt OHLCV list), by name, or a list of
#: ``[timestamp_ms, open, high, low, close, volume]`` rows already in memory.
CandleSource = str | Path | list[Any] | PricePath


def read_candles(source: CandleSource, pair: str) -> tuple[datetime, PricePath]:
    """The candles as a path of bars of ``pair``, and when the first one opened (UTC)."""
    rows: list[CandleRow]
    if isinstance(source, PricePath):
        # Bars already parsed (a benchmark's, a test's): their times count from the start
        # their bars say (the first candle's open, or the market's fixed start).
        if not source.bars:
            raise PriceError("candles: a PricePath of bars is needed (not of points)")
        # The bars are handed to the strategy as they are: their pair must be the one traded
        # (the first bar's is checked; a pass over half a million would cost more than the run).
        if source.bars[0].pair != pair:
            raise PriceError(
                f"candles: the PricePath's bars are of {source.bars[0].pair!r}, not of the "
                f"pair given (pair={pair!r})"
            )
        return _opened(source.bars[0].origin), source
    if isinstance(source, list):
        # ccxt's fetch_ohlcv gives floats: each taken as its shortest text (0.1 is 0.1).
        exact = [
            [Decimal(repr(v)) if isinstance(v, float) else v for v in row]
            if isinstance(row, list)
            else row
            for row in source
        ]
        rows = json_candle_rows(exact, "candles")
    else:
        path = Path(source)
        label = path.name
        try:
            text = path.read_text(encoding="utf-8").lstrip("\ufeff \t\r\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise PriceError(f"cannot read the candles {path}: {exc}") from None
        if looks_like_binance(text):
            rows = binance_rows(text, label)
        else:
            try:
                data = parse_candle_json(text)
            except (ValueError, RecursionError):
                data = None
            if not is_candle_list(data):
                raise PriceError(
                    f"{label}: not candles the backtest reads (a Binance kline CSV, freqtrade "
                    "JSON candles or a ccxt OHLCV list: [timestamp_ms, open, high, low, close, "
                    "volume] rows)"
                )
            rows = json_candle_rows(data, label)
    if not rows:
        raise PriceError("no candle to play")
    path_of_bars = PricePath.from_candles(rows, pair=pair, label="candles")
    if not path_of_bars.bars:
        raise PriceError("candles: their bars overlap (each must end before the next opens)")
    return _opened(path_of_bars.bars[0].origin), path_of_bars


def _opened(origin: int) -> datetime:
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=origin)

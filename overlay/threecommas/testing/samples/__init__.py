"""Synthetic sample candle files, one per format the simulated market reads (see README.md).

The prices are made up for tests and examples; nothing here is market data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

__all__ = ["SAMPLES", "SAMPLE_PAIR"]

_HERE: Final = Path(__file__).resolve().parent

#: The 3Commas pair the samples are candles of (the files do not say).
SAMPLE_PAIR: Final = "USDT_BTC"

#: Each format's sample file: the same candles in each.
SAMPLES: Final[dict[str, Path]] = {
    "binance": _HERE / "synthetic-BTCUSDT-1m.csv",
    "freqtrade": _HERE / "synthetic-BTC_USDT-1m.json",
    "ccxt": _HERE / "synthetic-ccxt-BTC-USDT-1m.json",
}

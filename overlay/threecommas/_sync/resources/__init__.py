# generated from overlay/threecommas/_async/resources/__init__.py by scripts/unasync.py — do not edit
"""The resource namespaces of the client: `client.smart_trades` and `client.smart_trades.trades`."""

from ._smart_trades import SmartTrades
from ._trades import Trades

__all__ = ["SmartTrades", "Trades"]

"""The resource namespaces of both clients: `client.smart_trades` and `client.smart_trades.trades`.

Written once, async, in `_async/resources/`; the sync ones are generated from them
(`_sync/resources/`, by scripts/unasync.py).
"""

from threecommas._async.resources import AsyncSmartTrades, AsyncTrades
from threecommas._sync.resources import SmartTrades, Trades

__all__ = ["AsyncSmartTrades", "AsyncTrades", "SmartTrades", "Trades"]

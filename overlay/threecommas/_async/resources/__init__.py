"""The resource namespaces of the client: `client.smart_trades` and `client.smart_trades.trades`."""

from ._smart_trades import AsyncSmartTrades
from ._trades import AsyncTrades

__all__ = ["AsyncSmartTrades", "AsyncTrades"]

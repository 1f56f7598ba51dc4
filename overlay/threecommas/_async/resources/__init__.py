"""The resource namespaces of the client: `client.smart_trades`, `client.smart_trades.trades`,
`client.accounts` and `client.market`."""

from ._market import AsyncAccounts, AsyncMarket
from ._smart_trades import AsyncSmartTrades
from ._trades import AsyncTrades

__all__ = ["AsyncAccounts", "AsyncMarket", "AsyncSmartTrades", "AsyncTrades"]

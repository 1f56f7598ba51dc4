# generated from overlay/threecommas/_async/resources/__init__.py by scripts/unasync.py — do not edit
"""The resource namespaces of the client: `client.smart_trades`, `client.smart_trades.trades`,
`client.accounts` and `client.market`."""

from ._market import Accounts, Market
from ._smart_trades import SmartTrades
from ._trades import Trades

__all__ = ["Accounts", "Market", "SmartTrades", "Trades"]

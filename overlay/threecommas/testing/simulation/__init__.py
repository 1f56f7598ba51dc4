"""The simulated API behind the server: SmartTrades in memory and one rule per operation.

* ``_store``: :class:`SmartTradeStore`, the SmartTrades by id, started from the recordings and
  changed one request at a time (:meth:`SmartTradeStore.perform`), or by hand
  (:meth:`SmartTradeStore.put`);
* ``_base``: what the rules work with: a request (:class:`Received`), the store during it
  (``Transaction``), the API's refusals (:class:`ActionError`);
* ``_rules`` and ``_trade_rules``: the rule of each operation, keyed by its operationId
  (:data:`RULES`);
* ``_state``: what a SmartTrade's state allows, and the ``data.*_available`` flags that say so;
* ``_entities`` and ``_trades``: SmartTrades and their parts built from request bodies, and the
  Trades derived from a SmartTrade (and back);
* ``_listing``: what the spec cannot say about a list request (status groups, order, pages);
* ``_docs_forms``: the docs' spellings of a request turned into canonical values;
* ``_seeding``: SmartTrades made for load tests;
* ``_market``: the simulated market (a virtual clock, prices, the matching rules), which moves
  the store's SmartTrades; ``_market_control``: :class:`MarketControl`, ``server.market``.

The server (``threecommas.testing.server``) puts it on HTTP.
"""

from __future__ import annotations

from threecommas.testing.simulation._base import ActionError, OperationRule, Received, clone
from threecommas.testing.simulation._market import ClockError, Market, PriceError, VirtualClock
from threecommas.testing.simulation._market._config import BACKTEST_MARKET
from threecommas.testing.simulation._market_control import MarketControl
from threecommas.testing.simulation._rules import RULES
from threecommas.testing.simulation._seeding import seed_closable_smart_trades
from threecommas.testing.simulation._state import JSONObject
from threecommas.testing.simulation._store import MAX_ID, InvalidSmartTradeError, SmartTradeStore

__all__ = [
    "BACKTEST_MARKET",
    "MAX_ID",
    "RULES",
    "ActionError",
    "ClockError",
    "InvalidSmartTradeError",
    "JSONObject",
    "Market",
    "MarketControl",
    "OperationRule",
    "PriceError",
    "Received",
    "SmartTradeStore",
    "VirtualClock",
    "clone",
    "seed_closable_smart_trades",
]

"""The market of a running server, as tests and bots drive it: :class:`MarketControl`.

A running server's SmartTrades sit behind its store's lock, so every call here runs in one
transaction of the store (:meth:`SmartTradeStore.with_market`): the store's lock first, then the
market's. The admin API under ``/__admin__/market/`` and ``serve --market FILE`` make the same
calls, so the three ways of driving the market give the same SmartTrades.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from threecommas.testing.simulation._balance_rules import recorded_seed
from threecommas.testing.simulation._market import Market, PathSource, PricePath, Quote
from threecommas.testing.simulation._market._prices import PriceError
from threecommas.testing.simulation._state import JSONObject
from threecommas.testing.simulation._store import SmartTradeStore

__all__ = ["MarketControl"]


class MarketControl:
    """``server.market``: set prices, play a price path, move the virtual clock, read it all.

    Each call changes the SmartTrades of the pairs it moves at once (a read through the API
    sees them). Bad input raises ``ValueError`` (``PriceError``/``ClockError``) naming it.
    """

    def __init__(self, store: SmartTradeStore) -> None:
        self._store = store

    def set_price(self, pair: str, price: object) -> Quote:
        """Give ``pair`` a price (a number as str/Decimal/int, or ``{"bid", "ask", "last"}``)
        and tick it: its SmartTrades match against the new price."""
        return self._store.with_market(lambda market: market.set_price(pair, price))

    def play(self, path: PathSource, *, pair: str | None = None) -> PricePath:
        """Play a price path (a file name or open file, JSON or CSV, or parsed JSON) from the
        current virtual time; its points at offset 0 play at once, the others as
        :meth:`advance` reaches them. Candles (a Binance kline CSV, freqtrade JSON, a ccxt
        OHLCV list) play as bars from their first open time; they do not name their pair, so
        ``pair`` is required for them (``play("BTCUSDT-1m.csv", pair="USDT_BTC")``)."""
        return self._store.with_market(lambda market: market.play(path, pair=pair))

    def set_balance(self, account_id: int, currency: str, amount: object) -> Decimal:
        """Make the account's balance of ``currency`` (``"USDT"``) ``amount`` (>= 0). From the
        first one on, the account's balances are kept (starting from what is recorded for it)
        and its new orders must fit them: a buy holds its cost in the quote currency until it
        fills, fills move both currencies, fees included. Returns the amount."""
        seed = recorded_seed(account_id) if isinstance(account_id, int) else None
        return self._store.with_market(
            lambda market: market.set_balance(account_id, currency, amount, seed=seed)
        )

    def configure(self, **options: object) -> dict[str, Any]:
        """Set how the simulated exchange fills orders: ``maker_fee``, ``taker_fee`` (rates
        as str or Decimal, ``"0.001"`` is 0.1 %), ``slippage``, ``volume_share``, ``latency``
        (virtual seconds) and ``seed``; an option given as ``None`` returns to its default.
        An unknown option or a bad value raises ``ValueError`` naming it, and nothing
        changes. Returns every option's value (``config()``)."""
        return self._store.with_market(lambda market: market.configure(**options))

    def config(self) -> dict[str, Any]:
        """Every fill option's current value (see :meth:`configure`)."""
        return self._current().config.to_json()

    def balances(self, account_id: int) -> dict[str, dict[str, str]]:
        """The account's kept balances, ``{currency: {"total", "free", "on_orders"}}`` (empty
        while none was set for it)."""
        market = self._current()
        holdings = market.holdings(account_id, self._store.snapshot().values())
        return {
            currency: {
                "total": str(holding.total),
                "free": str(holding.free),
                "on_orders": str(holding.on_orders),
            }
            for currency, holding in holdings.items()
        }

    def load(self, source: PathSource, *, pair: str | None = None) -> None:
        """Load a market file: a price path or candles (``pair`` as for :meth:`play`), which
        may also give ``balances`` (``{"balances": {"32455218": {"USDT": "1000"}}, "points":
        [...]}``) and ``config`` (the options of :meth:`configure`: ``{"config":
        {"taker_fee": "0.001"}}``); a file of those alone plays no path."""
        data = _json_document(source)
        if data is None or not {"balances", "config"} & set(data):
            self.play(source, pair=pair)
            return
        rest = {key: value for key, value in data.items() if key not in ("balances", "config")}
        if "config" in data:
            if not isinstance(data["config"], Mapping):
                raise PriceError("config must map market options to their values")
            self.configure(**{str(key): value for key, value in data["config"].items()})
        if "balances" in data:
            self._load_balances(data["balances"])
        if set(rest) & {"points", "bars", "random_walk"}:
            self.play(rest, pair=pair)

    def _load_balances(self, balances: Any) -> None:
        if not isinstance(balances, Mapping):
            raise PriceError("balances must map account ids to {currency: amount}")
        for account, amounts in balances.items():
            try:
                account_id = int(account)
            except ValueError:
                raise PriceError(f"balances: {account!r} is not an account id") from None
            if not isinstance(amounts, Mapping):
                raise PriceError(f"balances[{account}] must map currencies to amounts")
            for currency, amount in amounts.items():
                self.set_balance(account_id, currency, amount)

    def advance(self, seconds: object) -> JSONObject:
        """Move the virtual clock on by ``seconds``, playing what is due on the way, then tick
        every priced pair; the market's snapshot."""
        return self._store.with_market(lambda market: market.advance(seconds))

    def tick(self) -> None:
        """Tick every priced pair at the current virtual time."""
        self._store.with_market(lambda market: market.tick())

    def price(self, pair: str) -> Quote | None:
        """The pair's quote, or ``None`` while the market has no price for it."""
        return self._current().price(pair)

    def now(self) -> str:
        """The virtual time, in the API's format."""
        return self._current().now()

    def snapshot(self) -> JSONObject:
        """The clock, every pair's quote, what is still to play and the kept balances (the
        admin API's GET)."""
        market = self._current()
        if not market.balances.accounts():  # nothing to count: no copy of the SmartTrades
            return market.snapshot(())
        return market.snapshot(self._store.snapshot().values())

    def _current(self) -> Market:
        """The market, caught up with the real time when its clock follows it: a read shows
        the time that passed (and what it played and filled), not the time of the last
        request. A market moved only when told is read as it is (a read changes nothing)."""
        if self._store.market.clock.follows_wall_time:
            self._store.catch_up()
        return self._store.market

    def __repr__(self) -> str:
        return f"MarketControl(now={self.now()!r})"


def _json_document(source: PathSource) -> dict[str, Any] | None:
    """The JSON object a market file holds (None for CSV, a list, or what is not a file name
    or parsed JSON: those go to :meth:`Market.play` as they are)."""
    if isinstance(source, Mapping):
        return dict(source)
    if not isinstance(source, str | Path) or str(source).lower().endswith(".csv"):
        return None
    try:
        text = Path(source).read_text(encoding="utf-8").lstrip("\ufeff \t\r\n")
    except (OSError, UnicodeDecodeError):
        return None  # play reports it
    if not text.startswith("{"):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None

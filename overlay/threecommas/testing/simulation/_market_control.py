"""The market of a running server, as tests and bots drive it: :class:`MarketControl`.

A running server's SmartTrades sit behind its store's lock, so every call here runs in one
transaction of the store (:meth:`SmartTradeStore.with_market`): the store's lock first, then the
market's. The admin API under ``/__admin__/market/`` and ``serve --market FILE`` make the same
calls, so the three ways of driving the market give the same SmartTrades.
"""

from __future__ import annotations

from threecommas.testing.simulation._market import Market, PathSource, PricePath, Quote
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
        """The clock, every pair's quote and what is still to play (the admin API's GET)."""
        return self._current().snapshot()

    def _current(self) -> Market:
        """The market, caught up with the real time when its clock follows it: a read shows
        the time that passed (and what it played and filled), not the time of the last
        request. A market moved only when told is read as it is (a read changes nothing)."""
        if self._store.market.clock.follows_wall_time:
            self._store.catch_up()
        return self._store.market

    def __repr__(self) -> str:
        return f"MarketControl(now={self.now()!r})"

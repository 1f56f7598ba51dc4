"""The :class:`Market`: prices, a virtual clock and the matching rules, applied to a store.

A market works on any store that has the three methods of :class:`MarketStore`: the
SmartTrades to look at (mutable dicts in the store's order), a hook called with each SmartTrade
the market changed, and a source of new ids (for a market-close order). The real store gives
them through one transaction per market call; a test can give a list.

The market touches a SmartTrade only on a tick of its pair, and a pair has ticks only once it
has a price (set, or played from a path). So a store whose pairs have no price answers exactly
as before, recorded SmartTrades included.

Ticks: :meth:`Market.set_price` is a tick of that pair; :meth:`Market.play` plays the path's
ticks that are due (offset 0) at once; :meth:`Market.advance` moves the clock to each due tick
of the paths being played, in time order, and ends with a tick of every priced pair at the new
time (so that what waits for "the next tick", a close by market or a stop-loss timeout, happens
even without a new price); :meth:`Market.tick` is a tick of every priced pair without moving
the clock. At each tick every SmartTrade of the pair that is not finished, cancelled or failed
goes through :func:`._matching.match`, in the store's order.

``data.updated_at`` becomes the tick's time when the SmartTrade's state changed (an order, a
status, an amount), not when only the price and the profit it shows moved.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final, Protocol

from threecommas._constants import FINAL_STATUSES
from threecommas.testing.simulation._market._balances import Balances, Holding, parse_amount
from threecommas.testing.simulation._market._clock import VirtualClock, parse_seconds
from threecommas.testing.simulation._market._config import MarketConfig, parse_config
from threecommas.testing.simulation._market._copies import _json_copy, _state_of
from threecommas.testing.simulation._market._derive import is_long, text
from threecommas.testing.simulation._market._derive import usd_rate_of as _usd_rate_of
from threecommas.testing.simulation._market._matching import Memory, Moment, add_funds, match
from threecommas.testing.simulation._market._playing import Playing
from threecommas.testing.simulation._market._prices import (
    BAR_ORDERS,
    PriceError,
    PricePath,
    Quote,
    check_pair,
    parse_price,
    quote_of,
)
from threecommas.testing.simulation._market._quiet import Band, band_of, inside, narrow
from threecommas.testing.simulation._state import JSONObject, status_of

__all__ = ["Market", "MarketStore", "PathSource"]

#: What :meth:`Market.play` takes: a path, a file (by name or open), or parsed JSON.
PathSource = PricePath | str | Path | IO[str] | IO[bytes] | list[Any] | Mapping[str, Any]

_MICROS: Final = Decimal(1_000_000)


class MarketStore(Protocol):
    """What the market needs from a store."""

    def smart_trades(self) -> Iterable[JSONObject]:
        """Every SmartTrade, as dicts the market may change in place, in the store's order."""
        ...

    def changed(self, smart_trade: JSONObject) -> None:
        """Called with each SmartTrade the market changed, after the change."""
        ...

    def new_id(self) -> int:
        """An id no SmartTrade, step or trade has had (for a market-close order)."""
        ...


class Market:
    """A simulated market: see the package's documentation.

    ``store`` may be given later (:meth:`attach`). ``spread`` (a fraction of the price, 0 by
    default) places bid and ask around a single price set or played. ``usd_rates`` gives the
    USD value of quote currencies that are not dollars (``{"BTC": "60000"}``), for
    ``profit.usd``. ``bar_order`` is the default rule for the order of a bar's high and low.
    """

    def __init__(
        self,
        store: MarketStore | None = None,
        *,
        clock: VirtualClock | None = None,
        spread: object = None,
        usd_rates: Mapping[str, object] | None = None,
        bar_order: str = "adaptive",
    ) -> None:
        if bar_order not in BAR_ORDERS:
            raise PriceError(f"bar_order must be one of {', '.join(BAR_ORDERS)}")
        Quote.single("1", spread)  # checks the spread
        self._store = store
        self.clock = clock if clock is not None else VirtualClock()
        self.spread = spread
        self.bar_order = bar_order
        self._rates = {
            str(currency).upper(): parse_price(rate, f"usd_rates[{currency}]")
            for currency, rate in (usd_rates or {}).items()
        }
        self._lock = threading.RLock()
        self._quotes: dict[str, Quote] = {}
        #: Per pair, the bar being played and its volume, when the price comes from one.
        self._volumes: dict[str, tuple[object, Decimal]] = {}
        self._playing: list[Playing] = []
        self._sequence = 0
        self._memory: dict[int, Memory] = {}
        #: Each pair's quiet band while it is known (see :mod:`._quiet`); cleared whenever
        #: the SmartTrades may have changed outside the market's ticks.
        self._bands: dict[str, Band | None] = {}
        #: Entries still on their way to the exchange: SmartTrade id -> (arrival µs, pair).
        self._arrivals: dict[int, tuple[int, str]] = {}
        #: The accounts' balances (``._balances``): none kept until one is set.
        self.balances = Balances()
        #: How orders fill (``._config``): fees, slippage, volume share, latency, seed.
        self.config = MarketConfig()

    # --- Wiring ---------------------------------------------------------------------------------

    def attach(self, store: MarketStore | None) -> None:
        """Work on ``store`` from now on (``None``: on nothing)."""
        with self._lock:
            self._store = store

    def reset(self) -> None:
        """Forget every price, path and remembered trailing state; the clock starts over."""
        with self._lock:
            self._quotes.clear()
            self._volumes.clear()
            self._arrivals.clear()
            self._playing.clear()
            self._memory.clear()
            self.balances.reset()
            self.config = MarketConfig()
            self.clock.reset()

    # --- Reading --------------------------------------------------------------------------------

    def price(self, pair: str) -> Quote | None:
        """The pair's quote, or ``None`` when the market has no price for it."""
        with self._lock:
            return self._quotes.get(pair)

    def now(self) -> str:
        """The virtual time in the API's format."""
        with self._lock:
            return self.clock.timestamp()

    def snapshot(self, smart_trades: Iterable[JSONObject] | None = None) -> JSONObject:
        """The market as JSON: its clock, every pair's quote, the ticks still to play, and the
        kept balances (from ``smart_trades``, by default the attached store's)."""
        with self._lock:
            trades = None if smart_trades is None else list(smart_trades)
            count, pairs, last = 0, set[str](), None
            for playing in self._playing:
                ticks, its_pairs, its_last = playing.pending()
                count += ticks
                pairs |= its_pairs
                if its_last is not None:
                    last = its_last if last is None else max(last, its_last)
            return {
                "clock": self.clock.to_json(),
                "prices": {pair: quote.to_json() for pair, quote in sorted(self._quotes.items())},
                "scheduled": {
                    "ticks": count,
                    "pairs": sorted(pairs),
                    "until": None if last is None else _format_seconds(last),
                },
                "spread": None if self.spread is None else str(self.spread),
                "bar_order": self.bar_order,
                "config": self.config.to_json(),
                "balances": {
                    str(account): {
                        currency: _amount(holding.total)
                        for currency, holding in self.holdings(account, trades).items()
                    }
                    for account in self.balances.accounts()
                },
            }

    def holdings(
        self, account_id: int, smart_trades: Iterable[JSONObject] | None = None
    ) -> dict[str, Holding]:
        """The account's balances by currency (empty while none is kept for it), from
        ``smart_trades`` (by default the attached store's)."""
        with self._lock:
            if smart_trades is None:
                smart_trades = self._store.smart_trades() if self._store is not None else ()
            return self.balances.holdings(account_id, smart_trades)

    def set_balance(
        self,
        account_id: int,
        currency: str,
        amount: object,
        *,
        seed: Mapping[str, Decimal] | None = None,
    ) -> Decimal:
        """Make the account's balance of ``currency`` ``amount`` (>= 0); from then on the
        account's new orders must fit its free balances. An account's first balance starts it
        from ``seed`` (what it is recorded to hold)."""
        if not isinstance(account_id, int) or isinstance(account_id, bool) or account_id < 1:
            raise PriceError(f"account_id must be a positive integer, not {account_id!r}")
        if not isinstance(currency, str) or not currency.isalnum():
            raise PriceError(f"currency must be a currency code like USDT, not {currency!r}")
        value = parse_amount(amount)
        with self._lock:
            trades = self._store.smart_trades() if self._store is not None else ()
            self.balances.set(account_id, currency.upper(), value, trades, seed=seed)
            return value

    def configure(self, **options: object) -> JSONObject:
        """Set how orders fill (see :mod:`._config` for each option and its default); an
        option given as ``None`` returns to its default. Returns the whole configuration."""
        with self._lock:
            self.config = parse_config(self.config, options)
            self._bands.clear()
            return self.config.to_json()

    def stamp(self, smart_trade: JSONObject) -> None:
        """Show the market's taker fee as the SmartTrade's ``data.commission`` (the rate its
        open units are valued at and its entry is checked against); nothing without one."""
        taker = self.config.taker_fee
        if taker is not None:
            data = smart_trade.setdefault("data", {})
            if isinstance(data, dict) and data.get("commission") != text(taker):
                data["commission"] = text(taker)

    # --- Moving the market ----------------------------------------------------------------------

    def set_price(self, pair: str, price: object) -> Quote:
        """Set the pair's quote (a price, or bid/ask/last) and tick the pair at once."""
        with self._lock:
            check_pair(pair)
            quote = quote_of(price, self.spread)
            self._quotes[pair] = quote
            self._volumes.pop(pair, None)  # a price set by hand: no volume limits a fill
            self._tick({pair})
            return quote

    def play(self, path: PathSource, *, pair: str | None = None) -> PricePath:
        """Play a price path from now: its offsets count from the current virtual time. The
        path replaces what was still to play for its pairs; its ticks at offset 0 play at
        once, the others as :meth:`advance` reaches them. ``pair`` is the pair of records that
        name none (candles never do)."""
        with self._lock:
            loaded = self._load(path, pair)
            start = self.clock.elapsed_micros
            for playing in self._playing:
                playing.removed |= loaded.pairs
            self._sequence += 1
            self._playing.append(Playing(self._sequence, start, loaded))
            self._run_until(start, final_tick=False)
            return loaded

    def advance(self, seconds: object) -> JSONObject:
        """Move the clock on by ``seconds`` of virtual time, playing every tick due on the way,
        then tick every priced pair at the new time. Returns :meth:`snapshot`."""
        step = int((parse_seconds(seconds) * _MICROS).to_integral_value())
        with self._lock:
            self._run_until(self.clock.elapsed_micros + step, final_tick=True)
            return self.snapshot()

    def sync(self) -> None:
        """Catch up: on a clock that follows the real time, advance by the virtual time that
        passed; then tick every priced pair (what a store would call before answering)."""
        with self._lock:
            self._run_until(
                self.clock.elapsed_micros + self.clock.pending_wall_micros(), final_tick=True
            )
            self.clock.mark_wall()

    def idle(self) -> bool:
        """True while :meth:`sync` would change nothing: no price, nothing scheduled, and a
        clock that does not follow the real time (what a store checks first, per request)."""
        with self._lock:
            return not self._quotes and not self._playing and not self.clock.follows_wall_time

    def tick(self) -> None:
        """Tick every priced pair at the current time, without moving the clock."""
        with self._lock:
            self._tick(set(self._quotes))

    def place(self, smart_trade: JSONObject, *, new_id: Callable[[], int] | None = None) -> bool:
        """Match a SmartTrade just created (in place, for the store's create rule) against its
        pair's quote now, as a tick would: a market entry, or a limit entry the book already
        crosses, fills at once at the price of the moment it was placed. False (nothing done)
        while the pair has no price."""
        with self._lock:
            pair = smart_trade.get("pair")
            smart_trade_id = smart_trade.get("id")
            if self.config.latency and isinstance(pair, str) and isinstance(smart_trade_id, int):
                # The entry reaches the exchange ``latency`` virtual seconds from now.
                arrival = self.clock.elapsed_micros + int(
                    (self.config.latency * _MICROS).to_integral_value()
                )
                self._memory.setdefault(smart_trade_id, Memory()).arrives_at = arrival
                self._arrivals[smart_trade_id] = (arrival, pair)
                self._bands.pop(pair, None)
            quote = self._quotes.get(pair) if isinstance(pair, str) else None
            if quote is None or not isinstance(pair, str) or not isinstance(smart_trade_id, int):
                return False
            moment = Moment(
                quote=quote,
                now=self.clock.timestamp(),
                micros=self.clock.elapsed_micros,
                usd_rate=self._usd_rate(pair),
                new_id=new_id,
                config=self.config,
                **self._volume_of(pair),
            )
            self.stamp(smart_trade)
            match(smart_trade, self._memory.setdefault(smart_trade_id, Memory()), moment)
            if status_of(smart_trade) in FINAL_STATUSES:
                self._memory.pop(smart_trade_id, None)
            return True

    def add_funds(
        self,
        smart_trade: JSONObject,
        units: object,
        *,
        order_type: str = "market",
        price: object = None,
    ) -> None:
        """Apply an add-funds order to ``smart_trade`` (in place; for the store's add-funds
        rule): a ``limit`` order at its ``price``, a ``market`` one at the book's price (the
        ask for a long, the bid for a short; the position's price when the pair has none)."""
        amount = parse_price(units, "units", bounded=False)
        with self._lock:
            quote = self._quotes.get(str(smart_trade.get("pair")))
            if order_type == "limit" and price is not None:
                fill = parse_price(price, bounded=False)  # the user's order, not the market's
            elif quote is not None:
                slip = self.config.slip()  # a market order: away from the touch
                fill = quote.ask * (1 + slip) if is_long(smart_trade) else quote.bid * (1 - slip)
            else:
                position = smart_trade.get("position")
                price_part = position.get("price") if isinstance(position, dict) else None
                value = price_part.get("value") if isinstance(price_part, dict) else None
                fill = parse_price(value if value is not None else price, "price", bounded=False)
            add_funds(smart_trade, amount, fill, now=self.clock.timestamp(), quote=quote)

    # --- Inside ---------------------------------------------------------------------------------

    def _load(self, path: PathSource, pair: str | None) -> PricePath:
        if isinstance(path, PricePath):
            return path
        if isinstance(path, list | Mapping):
            return PricePath.from_json(
                path, pair=pair, spread=self.spread, bar_order=self.bar_order
            )
        return PricePath.load(path, pair=pair, spread=self.spread, bar_order=self.bar_order)

    def _run_until(self, target: int, *, final_tick: bool) -> None:
        """Play every tick due by ``target`` in time order (ties: the earlier path first),
        passing over the ticks and bars on which nothing can trigger (see :mod:`._quiet`)."""
        self._bands.clear()  # the SmartTrades may have changed since the last call
        while True:
            due: Playing | None = None
            due_at = other_at = target + 1
            for playing in self._playing:
                tick = playing.peek()
                if tick is None:
                    continue
                at = playing.start + tick.at
                if at < due_at:
                    if due is not None:
                        other_at = due_at
                    due, due_at = playing, at
                else:
                    other_at = min(other_at, at)
            arrival = self._next_arrival(min(target, due_at - 1))
            if arrival is not None:  # an entry reaches the exchange before the next tick
                at, pair = arrival
                self.clock.move_to_micros(at)
                self._tick({pair})
                self._bands.pop(pair, None)
                continue
            if due is None:
                break
            tick = due.peek()
            assert tick is not None
            band = self._band(tick.pair)
            if band is not None and due.single_pair is not None:
                # Whole bars before any other path's next tick: none of those ticks
                # would see this pair's quote between them.
                close = due.pass_quiet_bars(band, min(target, other_at - 1))
                if close is not None:
                    self._quotes[tick.pair] = close
                    self._volumes.pop(tick.pair, None)
                    continue
            due.pop()
            self.clock.move_to_micros(due_at)
            self._quotes[tick.pair] = tick.quote
            if tick.volume is None:
                self._volumes.pop(tick.pair, None)
            else:
                self._volumes[tick.pair] = ((due.sequence, tick.bar_at), tick.volume)
            if band is not None and inside(band, tick.quote):
                continue
            self._tick({tick.pair})
            self._bands.pop(tick.pair, None)
        self._playing = [p for p in self._playing if p.peek() is not None]
        self.clock.move_to_micros(target)
        if final_tick:
            self._tick(set(self._quotes))

    def _band(self, pair: str) -> Band | None:
        """The pair's quiet band: where no SmartTrade of it can change (see :mod:`._quiet`)."""
        if pair in self._bands:
            return self._bands[pair]
        band: Band | None = (None, None)
        store = self._store
        if store is not None:
            for smart_trade in _in_play(store, {pair}):
                if smart_trade.get("pair") != pair:
                    continue
                smart_trade_id = smart_trade.get("id")
                memory = (
                    self._memory.get(smart_trade_id) if isinstance(smart_trade_id, int) else None
                )
                band = narrow(band, band_of(smart_trade, memory))
                if band is None:
                    break
        self._bands[pair] = band
        return band

    def _next_arrival(self, until: int) -> tuple[int, str] | None:
        """The first entry still on its way that arrives by ``until`` (forgotten once due, and
        then, if its pair has a price, ticked)."""
        if not self._arrivals:
            return None
        smart_trade_id, (at, pair) = min(self._arrivals.items(), key=lambda item: item[1][0])
        if at > until:
            return None
        del self._arrivals[smart_trade_id]
        if pair not in self._quotes:
            return self._next_arrival(until)
        return max(at, self.clock.elapsed_micros), pair

    def _volume_of(self, pair: str) -> dict[str, Any]:
        """The pair's bar and volume, as :class:`Moment` takes them."""
        played = self._volumes.get(pair)
        return {} if played is None else {"bar": played[0], "volume": played[1]}

    def _usd_rate(self, pair: str) -> Decimal | None:
        return _usd_rate_of(pair, self._quotes, self._rates)

    def _tick(self, pairs: set[str]) -> None:
        store = self._store
        if store is None or not pairs:
            return
        now = self.clock.timestamp()
        micros = self.clock.elapsed_micros
        for smart_trade in _in_play(store, pairs):
            pair = smart_trade.get("pair")
            if not isinstance(pair, str) or pair not in pairs or pair not in self._quotes:
                continue
            if status_of(smart_trade) in FINAL_STATUSES:
                continue
            smart_trade_id = smart_trade.get("id")
            if not isinstance(smart_trade_id, int):
                continue
            memory = self._memory.setdefault(smart_trade_id, Memory())
            before = _json_copy(smart_trade)
            moment = Moment(
                quote=self._quotes[pair],
                now=now,
                micros=micros,
                usd_rate=self._usd_rate(pair),
                new_id=store.new_id,
                config=self.config,
                **self._volume_of(pair),
            )
            self.stamp(smart_trade)
            match(smart_trade, memory, moment)
            if smart_trade == before:
                continue
            if _state_of(smart_trade) != _state_of(before):
                smart_trade.setdefault("data", {})["updated_at"] = now
            if status_of(smart_trade) in FINAL_STATUSES:
                self._memory.pop(smart_trade_id, None)
            store.changed(smart_trade)


def _in_play(store: MarketStore, pairs: set[str]) -> Iterable[JSONObject]:
    """The store's SmartTrades of ``pairs`` a tick may change, from a store that tells them
    without copying the others (``smart_trades_in_play``): a final one's band is everywhere
    and a tick skips it, so leaving them out changes nothing."""
    in_play = getattr(store, "smart_trades_in_play", None)
    found: Iterable[JSONObject] = in_play(pairs) if callable(in_play) else store.smart_trades()
    return found


def _amount(value: Decimal) -> str:
    return format(value.normalize(), "f") if value else "0"


def _format_seconds(micros: int) -> str:
    return format((Decimal(micros) / _MICROS).normalize(), "f")

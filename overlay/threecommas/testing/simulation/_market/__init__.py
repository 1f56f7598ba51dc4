"""A simulated market for the fake server: SmartTrades that move, deterministically.

Design note
===========

The model
---------

A :class:`Market` has a **virtual clock** (:mod:`._clock`: seconds that pass only when told;
optionally following the real time scaled by the server's ``time_factor``), a **quote per pair**
(:mod:`._prices`: bid, ask, last; set directly or played from a price path of timestamped
points or OHLC bars, read from JSON or CSV; nothing random unless a seeded random walk is asked
for), and the **matching rules** (:mod:`._matching`), each written once, which act on a
SmartTrade exactly as the API shows it (the JSON dict the store keeps). After every change one
function, :func:`._derive.derive`, recomputes everything that follows: the SmartTrade's status,
its orders' units and totals, ``entered_*``/``closed_*``/``average_*``, ``profit``,
``current_price``, ``closed_at``, and the ``data.*_available`` flags through the store's own
:func:`threecommas.testing.simulation._state.refresh_flags`.

The market works on a store through a three-method protocol (:class:`MarketStore`:
``smart_trades()``, ``changed(smart_trade)``, ``new_id()``). It touches a SmartTrade only on a
*tick* of its pair, and a pair has ticks only once the market has a price for it, so recorded
SmartTrades answer exactly as recorded until the market gives their pair a price. Finished,
cancelled and failed SmartTrades never change.

A tick happens when a price is set, when a played path reaches one of its points, at the end of
every :meth:`Market.advance` (for every priced pair: what waits for "the next tick" needs no new
price), and on :meth:`Market.tick`/:meth:`Market.sync`. At a tick, the pair's SmartTrades go
through the rules in the store's order.

Python API: ``Market(store, clock=VirtualClock(...), spread=..., usd_rates=..., bar_order=...)``;
``set_price(pair, price)`` (a price as str/Decimal/int, or ``{"bid", "ask", "last"}``, each
from 1e-12 to 1e12);
``play(path)`` (a :class:`PricePath`, a file name or open file, or parsed JSON; offsets count
from now); ``advance(seconds)``; ``tick()``; ``sync()``; ``snapshot()`` (clock, prices, what is
still to play: the body the admin API would answer); ``price(pair)``; ``place(smart_trade)``;
``add_funds(...)``; ``configure(maker_fee=..., taker_fee=..., slippage=..., volume_share=...,
latency=..., seed=...)`` (how orders fill: :mod:`._config`); ``set_balance(...)``;
``reset()`` (the configuration included); ``attach(store)``.

The rules
---------

They are listed, with their order inside a tick, in :mod:`._matching`; the figures in
:mod:`._derive`; the file formats and the bar rule in :mod:`._prices`.

Decisions where the docs are silent
-----------------------------------

* **Final statuses.** The docs show no final status of a SmartTrade that ended well; the list
  filter names ``finished`` and ``successfully_finished``, the position's own final status is
  ``finished``, and the store's list filter already counts ``finished`` as finished. So every
  normal end (the last take-profit step, the stop loss, a close by market, a reduce funds that
  sold everything, a Simple Buy/Sell once filled) is ``finished`` ("Finished",
  ``data.finished`` true; the list's ``successfully_finished`` group); the cause shows in the
  orders (steps, ``stop_loss``, ``market_close`` each ``finished`` or ``cancelled``) and in
  the profit. A cancel is ``cancelled`` (``data.finished`` false, as in the recorded cancelled
  SmartTrade). ``status.type`` equals ``basic_type``, as in every example. On the way:
  ``created`` -> ``waiting_position`` (the entry waits) -> ``waiting_targets``, with
  ``stop_loss_in_progress`` while a triggered limit stop loss rests, ``pending_reduce_funds``
  until a reduce-funds order is handled and ``reduce_funds_in_progress`` while its limit order
  rests. Orders: ``idle`` -> ``to_process`` (a trigger is watched) or ``order_placed`` (a limit
  order rests) -> ``trailing_activated`` -> ``finished`` or ``cancelled``.
* **Fill prices.** A buy fills at the ask, a sell at the bid; ``last`` (or ``bid``/``ask``,
  as the order's price type says) only decides when a trigger fires. A limit order fills at its
  limit price when the book crosses it (freqtrade's rule: a buy when ask <= limit, a sell when
  bid >= limit), except when it is already crossed the moment it is placed: then it fills at
  once at the book's price, like a marketable order. No slippage unless configured (see
  :mod:`._config`: market fills only; a limit never fills past its price). A single price
  sets bid = ask = last unless the market has a ``spread`` (a fraction of the price).
* **Fees.** Unless :meth:`Market.configure` sets ``maker_fee``/``taker_fee`` (a maker fill is
  a limit order that rested on the book; every other fill is a taker's; the taker fee is then
  shown as ``data.commission`` and each exit order keeps its own rate as ``commission``), one
  rate, the SmartTrade's ``data.commission`` (0.001 when it has none, the rate the
  create example shows), charged on the quote value of every fill, entry and exit, market and
  limit alike (no maker/taker split): a buy pays ``units * price * (1 + rate)``, a sale gets
  ``units * price * (1 - rate)``. A Smart Sell/Buy's own units enter with no commission
  (nothing was bought). Profit = what the closed units brought + what selling the open units
  at the bid would bring - what the entry cost (mirrored for a short); percent over the entry
  cost, two decimals, half up; ``usd`` through the quote currency's dollar rate when known.
* **Partial fills.** None unless ``volume_share`` is configured: then a resting limit entry
  fills, on a tick that crosses it, at most that share of the bar's volume (base units) less
  what it filled in that bar already; the rest keeps resting (``order_placed``,
  ``is_position_not_filled`` true, ``entered_*`` growing). Its take profit and stop loss wait
  until it filled whole; a cancel leaves the part filled with the user; a close by market
  cancels the rest and sells the part filled. Exits, market orders and limits crossed when
  placed fill whole. A price set by hand, or a path of points, has no volume: fills are whole.
* **Latency.** With ``latency`` a new SmartTrade's entry reaches the exchange that many
  virtual seconds after the create: the market ticks its pair at that moment (even between a
  path's ticks) and matches the entry then. Other commands are not delayed.
* **Take-profit volumes.** The waiting steps share the units still held in proportion to their
  volumes, so the last step to fill sells whatever is left, and a reduce or an add funds
  resizes the waiting steps and the stop loss.
* **Percent prices** resolve against the average entry price without commission; a stop loss's
  percent resolves once, when the position is held.
* **Breakeven** moves the stop-loss trigger to the average entry price *with* commission after
  the first take-profit step fills (never loosening it). **Trailing stop loss** keeps
  ``trailing.percent`` between the best price since the position was held and the trigger
  (without a percent: the distance when the market first saw it). **Timeout**: the price must
  stay at or beyond the trigger for ``timeout.value`` virtual seconds.
* **Inside one tick**: take-profit steps before the stop loss (a bar's order decides between
  them; see the bar rule in :mod:`._prices`).
* **Cancel** sells nothing (units held stay the user's), cancels every waiting order, and
  keeps the figures of that tick. **Add funds** fill at once (market: at the book; limit: at its
  price), since the entity has no place to show a resting add-funds order; before the position
  is held they enlarge the entry order instead.
* ``data.updated_at`` moves when the SmartTrade's state changes (an order, a status, an
  amount), not when only its current price and profit move; ``closed_at`` (of the SmartTrade
  and of each order) is the tick that ended it. All times are the virtual clock's, in the API's
  format. Leverage is not simulated (``profit.roe`` and ``margin`` stay as they are).

How it is wired
---------------

* **The store** (:class:`~threecommas.testing.simulation.SmartTradeStore`) owns a market
  (``store.market``) and sees it through one transaction per market call
  (``SmartTradeStore.with_market``: ``smart_trades`` = the transaction's working copies,
  ``changed`` = ``tx.save``, ``new_id`` = ``tx.new_id``; the store's lock first, then the
  market's). Before answering each request it calls ``market.sync()`` in a transaction of its
  own (committed even when the request is then refused). The store's clock is the market's
  virtual clock (``created_at`` and the market's times agree); ``store.reset()`` resets the
  market. On a clock that follows the real time, every market call and every read through
  :class:`~threecommas.testing.simulation.MarketControl` (the admin API's included) catches up
  first, and the stream catches up while someone listens: no background task otherwise.
* **One price**: once a pair has a price, the rates of ``get_currency_rates`` answer its
  quote, and the limit checks of create, add funds and reduce funds judge a market order's
  total at it (``_market_data``).
* **Rules**: ``create`` places the new SmartTrade through :meth:`Market.place` once the pair
  has a price (a market entry fills in the create, at the price of that moment);
  ``add_funds`` goes through :meth:`Market.add_funds` once the pair has a price
  (before, as recorded); ``list_trades`` shows each order's fill (:func:`._derive.realised`)
  once the pair has a price. ``close_by_market``, ``cancel``, ``reduce_funds``,
  ``force_start``, ``close_trade_by_market`` and ``cancel_trade`` set their pending status; the
  next tick carries them out.
* **Driving it**: ``server.market`` / the ``threecommas_market`` fixture
  (:class:`~threecommas.testing.simulation.MarketControl`, each call in a store transaction),
  the admin API under ``/__admin__/market`` (``faults._market_admin``), and
  ``serve --market FILE`` (``create_app(market=...)``); ``--market-real-time`` makes the clock
  follow the real time scaled by the faults' ``time_factor``.
"""

from __future__ import annotations

from threecommas.testing.simulation._market._clock import ClockError, VirtualClock
from threecommas.testing.simulation._market._market import Market, MarketStore, PathSource
from threecommas.testing.simulation._market._prices import Bar, PriceError, PricePath, Quote, Tick

__all__ = [
    "Bar",
    "ClockError",
    "Market",
    "MarketStore",
    "PathSource",
    "PriceError",
    "PricePath",
    "Quote",
    "Tick",
    "VirtualClock",
]

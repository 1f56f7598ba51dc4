"""The balances of the simulated exchange: per account and currency, what is held and what
orders hold.

A balance is never written by a fill. It is worked out from the SmartTrades the account placed
while its balances were kept (the *tracked* ones), as they stand:

* a buy (a long SmartTrade) moves ``-entered_total`` of the quote currency (what the entry cost,
  commission included) and ``+entered_amount`` of the base; its exits move ``-closed_amount``
  of the base and ``+closed_total`` of the quote (what they brought, commission taken off). A
  sell mirrors it. A Smart Sell/Buy (``skip_enter_step``) enters with the user's own units, so
  its entry moves nothing;
* while the entry waits, its order holds its planned cost (units times its price, plus the
  commission) of the quote currency for a buy, its units of the base for a sell; once the
  position is held, the units still open are held by the exit orders until the SmartTrade
  ends. A finished, cancelled or failed SmartTrade holds nothing, so a buy frees at its fill
  whatever its reservation did not use, and a cancel frees it all.

So fees are paid as the market charges them (the SmartTrade's ``data.commission`` on the quote
value of every fill), and nothing can drift: a balance is always what the SmartTrades show.

``set`` makes a currency's total what it is told, whatever the tracked SmartTrades moved so
far: it keeps the amount minus their moves as the currency's base.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Final

from threecommas._constants import FINAL_STATUSES
from threecommas.testing.simulation._market._derive import (
    commission,
    entered,
    is_long,
    number,
    obj,
    open_amount,
)
from threecommas.testing.simulation._market._quotes import PriceError
from threecommas.testing.simulation._state import JSONObject, status_of

__all__ = ["Balances", "Holding", "order_cost", "pair_currencies", "parse_amount"]

_ZERO: Final = Decimal(0)
_MAX_AMOUNT: Final = Decimal("1e18")


def parse_amount(value: object, name: str = "amount") -> Decimal:
    """A balance: a finite decimal from 0 to 1e18 (a str, an int, a Decimal or a float)."""
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise PriceError(f"{name} must be a decimal number, not {value!r}")
    try:
        number = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise PriceError(f"{name} must be a decimal number, not {value!r}") from None
    if not number.is_finite() or not _ZERO <= number <= _MAX_AMOUNT:
        raise PriceError(f"{name} must be a finite number from 0 to {_MAX_AMOUNT}")
    return number


class Holding:
    """One currency of one account: the whole balance and what orders hold of it."""

    __slots__ = ("on_orders", "total")

    def __init__(self, total: Decimal = _ZERO, on_orders: Decimal = _ZERO) -> None:
        self.total = total
        self.on_orders = on_orders

    @property
    def free(self) -> Decimal:
        return self.total - self.on_orders

    def __repr__(self) -> str:
        return f"Holding(total={self.total}, on_orders={self.on_orders})"


def pair_currencies(pair: object) -> tuple[str, str] | None:
    """``(quote, base)`` of a 3Commas pair (``USDT_BTC``: quote USDT, base BTC)."""
    if not isinstance(pair, str) or pair.count("_") != 1:
        return None
    quote, base = pair.split("_")
    return (quote, base) if quote and base else None


def order_cost(units: Decimal, price: Decimal, rate: Decimal) -> Decimal:
    """What buying ``units`` at ``price`` costs with the commission ``rate``."""
    return units * price * (1 + rate)


def _data_number(smart_trade: JSONObject, key: str) -> Decimal:
    value = number(obj(smart_trade.get("data")).get(key))
    return value if value is not None else _ZERO


def _planned(smart_trade: JSONObject) -> tuple[Decimal, Decimal]:
    """Units and price of the waiting entry (its limit price, else its trigger price)."""
    position = obj(smart_trade.get("position"))
    units = number(obj(position.get("units")).get("value")) or _ZERO
    price = number(obj(position.get("price")).get("value"))
    if price is None:
        price = number(obj(obj(position.get("conditional")).get("price")).get("value"))
    return units, price or _ZERO


def effects(smart_trade: JSONObject) -> dict[str, tuple[Decimal, Decimal]]:
    """Per currency, ``(moved, held)``: what the SmartTrade moved in or out of the balance,
    and what its orders hold now."""
    currencies = pair_currencies(smart_trade.get("pair"))
    if currencies is None:
        return {}
    quote, base = currencies
    own_units = smart_trade.get("skip_enter_step") is True
    in_amount = _ZERO if own_units else _data_number(smart_trade, "entered_amount")
    in_total = _ZERO if own_units else _data_number(smart_trade, "entered_total")
    out_amount = _data_number(smart_trade, "closed_amount")
    out_total = _data_number(smart_trade, "closed_total")
    held = {quote: _ZERO, base: _ZERO}
    active = status_of(smart_trade) not in FINAL_STATUSES
    long = is_long(smart_trade)
    if active and not entered(smart_trade):
        units, price = _planned(smart_trade)
        units = max(units - in_amount, _ZERO)  # a partly filled entry holds only its rest
        if long and not own_units:
            held[quote] = order_cost(units, price, commission(smart_trade))
        else:  # a sell, or a Smart Sell's own units: the base it will sell
            held[base] = units
    elif active and long:
        held[base] = open_amount(smart_trade)
    sign = 1 if long else -1
    return {
        quote: (sign * (out_total - in_total), held[quote]),
        base: (sign * (in_amount - out_amount), held[base]),
    }


class Balances:
    """The kept balances of every account that has any (see the module)."""

    def __init__(self) -> None:
        self._base: dict[int, dict[str, Decimal]] = {}
        self._tracked: dict[int, set[int]] = {}
        # What each final SmartTrade did to its account: it never changes again, and a
        # backtest's store holds thousands of them, summed at every order.
        self._settled: dict[int, dict[str, tuple[Decimal, Decimal]]] = {}
        # Per account: what its settled SmartTrades moved and held, summed once. A backtest
        # makes thousands of SmartTrades and asks for the balances at each create; summing
        # them all again each time made a year's run quadratic.
        self._sums: dict[int, _Sums] = {}

    def kept(self, account_id: int) -> bool:
        """Whether the account's balances are kept (and its orders judged against them)."""
        return account_id in self._base

    def accounts(self) -> list[int]:
        return sorted(self._base)

    def tracks(self, account_id: int, smart_trade_id: object) -> bool:
        """Whether the account's balances count this SmartTrade."""
        return smart_trade_id in self._tracked.get(account_id, ())

    def track(self, account_id: int, smart_trade_id: int) -> None:
        """Count this SmartTrade of a kept account from now on."""
        if account_id in self._tracked:
            self._tracked[account_id].add(smart_trade_id)

    def set(
        self,
        account_id: int,
        currency: str,
        amount: Decimal,
        smart_trades: Iterable[JSONObject],
        *,
        seed: Mapping[str, Decimal] | None = None,
    ) -> None:
        """Make the account's total of ``currency`` ``amount``; an account not kept yet starts
        from ``seed`` (its recorded balances)."""
        base = self._base.get(account_id)
        if base is None:
            base = self._base[account_id] = dict(seed or {})
            self._tracked[account_id] = set()
        moved, _ = self._moves(account_id, smart_trades)
        base[currency] = amount - moved.get(currency, _ZERO)

    def holdings(self, account_id: int, smart_trades: Iterable[JSONObject]) -> dict[str, Holding]:
        """Every currency of a kept account (empty for one that is not), by code."""
        base = self._base.get(account_id)
        if base is None:
            return {}
        moved, held = self._moves(account_id, smart_trades)
        found: dict[str, Holding] = {}
        for currency in sorted(set(base) | set(moved) | set(held)):
            total = base.get(currency, _ZERO) + moved.get(currency, _ZERO)
            found[currency] = Holding(total, held.get(currency, _ZERO))
        return found

    def reset(self) -> None:
        self._base.clear()
        self._tracked.clear()
        self._settled.clear()
        self._sums.clear()

    def _moves(
        self, account_id: int, smart_trades: Iterable[JSONObject]
    ) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
        trades = smart_trades if isinstance(smart_trades, list | tuple) else list(smart_trades)
        tracked = self._tracked.get(account_id, set())
        sums = self._sums.setdefault(account_id, _Sums())
        moved: dict[str, Decimal] = {}
        held: dict[str, Decimal] = {}
        seen = 0
        fresh: list[tuple[int, dict[str, tuple[Decimal, Decimal]]]] = []
        for smart_trade in trades:
            smart_trade_id = smart_trade.get("id")
            if smart_trade_id not in tracked:
                continue
            if smart_trade_id in sums.ids:
                seen += 1
                continue
            found = self._effects(smart_trade)
            for currency, (delta, hold) in found.items():
                moved[currency] = moved.get(currency, _ZERO) + delta
                held[currency] = held.get(currency, _ZERO) + hold
            if isinstance(smart_trade_id, int) and smart_trade_id in self._settled:
                fresh.append((smart_trade_id, found))
        if seen != len(sums.ids):
            # A SmartTrade in the sums is no longer among those given: sum them all again.
            del self._sums[account_id]
            return self._moves(account_id, trades)
        for currency, delta in sums.moved.items():
            moved[currency] = moved.get(currency, _ZERO) + delta
        for currency, hold in sums.held.items():
            held[currency] = held.get(currency, _ZERO) + hold
        for smart_trade_id, found in fresh:
            if smart_trade_id not in sums.ids:
                sums.add(smart_trade_id, found)
        return moved, held

    def _effects(self, smart_trade: JSONObject) -> dict[str, tuple[Decimal, Decimal]]:
        smart_trade_id = smart_trade.get("id")
        if isinstance(smart_trade_id, int):
            settled = self._settled.get(smart_trade_id)
            if settled is not None:
                return settled
        found = effects(smart_trade)
        if isinstance(smart_trade_id, int) and status_of(smart_trade) in FINAL_STATUSES:
            self._settled[smart_trade_id] = found
        return found


class _Sums:
    """The settled SmartTrades of an account already summed, and their sums."""

    __slots__ = ("held", "ids", "moved")

    def __init__(self) -> None:
        self.ids: set[int] = set()
        self.moved: dict[str, Decimal] = {}
        self.held: dict[str, Decimal] = {}

    def add(self, smart_trade_id: int, found: Mapping[str, tuple[Decimal, Decimal]]) -> None:
        self.ids.add(smart_trade_id)
        for currency, (delta, hold) in found.items():
            self.moved[currency] = self.moved.get(currency, _ZERO) + delta
            self.held[currency] = self.held.get(currency, _ZERO) + hold

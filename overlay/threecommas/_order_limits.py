"""The exchange's trading limits of a pair, and the checks an order must pass before it is sent.

    # rates: the answer of get_currency_rates(market_code="binance", pair="USDT_BTC",
    #        limit_type="smart_trade")
    limits = OrderLimits.from_currency_rates(rates, pair="USDT_BTC", market_code="binance")
    units = limits.round_quantity(Decimal("0.0123456"))        # Decimal("0.01234"), down
    price = limits.round_price(Decimal("63802.444"))           # Decimal("63802.44"), nearest
    limits.check_order(side="buy", order_type="limit", units=units, price=price)

Everything here is pure: no request, no clock, no I/O. The client checks an order with it before
sending; the recorded-responses server answers an order that breaks a limit with the API's 422
`record_invalid`, whose `error_attributes` come from `error_attributes` (the same rules, the same
messages), so the two always agree.

Amounts and prices are `Decimal`s, never binary floats: a float such as 0.1 is not the decimal it
looks like, and a limit check on it would judge a different number than the one sent. Every
function refuses a float with a `TypeError`; give a `Decimal`, a decimal string or an `int`.

How the limits apply (the spec's `get_currency_rates` says the same): the amount (`units`, base
currency) is at least `minLotSize`, at most `maxLotSize` and a whole multiple of `lotStep` (counted
from zero); a market order's amount is also at most `maxMarketBuyAmount` or `maxMarketSellAmount`;
a price (limit and conditional orders) is between `minPrice` and `maxPrice` and a whole multiple
of `priceStep`; the total, amount times price (quote currency), is at least `minTotal` (for a
market order `minMarketTotal`, at the market price) and at most `maxTotal`. The bid and ask
multipliers are not checked: the docs do not say which reference price they multiply.

The rates are judged before use (`threecommas._order_rates`); the caller's amounts and prices
must be 0 or 1E-40 .. 1E+40 in size (every 40-character decimal string is), so a message stays
short whatever the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any, Final, TypedDict

from threecommas._exceptions import OrderLimitError
from threecommas._order_numbers import (
    _CONTEXT,
    Number,
    OrderKind,
    Side,
    _amount_for,
    _decimal,
    _in_range,
    _is_multiple,
    _nearest_in,
    _order_kind,
    _side,
    _steps,
    _text,
)
from threecommas._order_rates import _API_NAMES, _STEPS, read_limits

__all__ = [
    "ACCOUNT_FIELD",
    "LimitViolation",
    "OrderArgs",
    "OrderLimits",
]

#: The request field that names the account of a create.
ACCOUNT_FIELD: Final = "account_id"


@dataclass(frozen=True)
class LimitViolation:
    """One limit that one field of an order breaks.

    Attributes:
        field: the request field, in the API's bracket notation (`position[units][value]`).
        limit_name: the API's name of the limit (`minLotSize`, `priceStep`...), or
            `positive` for the rule that an amount and a price are above zero.
        limit: the limit's value.
        value: the value given for the field.
        nearest: the valid value of the field nearest to `value`, all of the field's limits
            taken together (None when no value fits them all).
        message: the API-style message (`must be greater than or equal to 0.00001`), the one
            the server puts in `error_attributes`.
    """

    field: str
    limit_name: str
    limit: Decimal
    value: Decimal
    nearest: Decimal | None
    message: str

    def describe(self) -> str:
        """The field, its message, the value given and the nearest valid value, in a line."""
        nearest = (
            f"the nearest valid value is {_text(self.nearest)}"
            if self.nearest is not None
            else "no value fits every limit of this pair"
        )
        return f"{self.field} {self.message}: got {_text(self.value)}; {nearest}"


class OrderArgs(TypedDict):
    """The fields of an order that the limits judge (see `OrderLimits.check_order`)."""

    side: Side
    order_type: OrderKind
    units: Decimal
    price: Decimal | None
    market_price: Decimal | None
    prefix: str


@dataclass(frozen=True, kw_only=True)
class OrderLimits:
    """The trading limits of one pair on one market, for SmartTrades.

    Build it with `from_currency_rates` from the answer of `get_currency_rates` asked with
    `limit_type="smart_trade"` (the `bot` limits are for bots). Each attribute is the limit of
    the API field named beside it; None when the answer did not give it (then it is not checked).

    Attributes:
        min_lot_size: `minLotSize`, the smallest amount of an order (base currency).
        lot_step: `lotStep`, the step of amounts: an amount is a whole multiple of it.
        max_lot_size: `maxLotSize`, the largest amount of an order.
        price_step: `priceStep`, the price tick: a price is a whole multiple of it.
        min_price: `minPrice`, the lowest price of an order (quote currency).
        max_price: `maxPrice`, the highest price of an order.
        min_total: `minTotal`, the smallest total (amount x price) of an order (quote currency).
        min_market_total: `minMarketTotal`, the smallest total of a market order (at the market
            price); `min_total` applies when it is not given.
        max_total: `maxTotal`, the largest total of an order.
        max_market_buy_amount: `maxMarketBuyAmount`, the largest amount of a market buy.
        max_market_sell_amount: `maxMarketSellAmount`, the largest amount of a market sell.
        pair, market_code: what the limits are of, for messages (optional).
    """

    min_lot_size: Decimal | None = None
    lot_step: Decimal | None = None
    max_lot_size: Decimal | None = None
    price_step: Decimal | None = None
    min_price: Decimal | None = None
    max_price: Decimal | None = None
    min_total: Decimal | None = None
    min_market_total: Decimal | None = None
    max_total: Decimal | None = None
    max_market_buy_amount: Decimal | None = None
    max_market_sell_amount: Decimal | None = None
    pair: str | None = None
    market_code: str | None = None

    def __post_init__(self) -> None:
        for name, api_name in _API_NAMES.items():
            value = getattr(self, name)
            if value is None:
                continue
            if not isinstance(value, Decimal):
                raise TypeError(f"{name} ({api_name}) must be a Decimal or None, got {value!r}")
            if not value.is_finite() or value < 0 or (name in _STEPS and value == 0):
                kind = "positive" if name in _STEPS else "zero or more"
                shown = _text(value)
                raise ValueError(f"{name} ({api_name}) must be finite and {kind}, got {shown}")
            _in_range(value, f"{name} ({api_name})", value)

    @classmethod
    def from_currency_rates(
        cls, rates: Any, *, pair: str | None = None, market_code: str | None = None
    ) -> OrderLimits:
        """The limits in an answer of `get_currency_rates`: the generated `CurrencyRates`
        model, or its JSON object as a mapping (the API's field names).

        A limit that is missing, null or empty in a mapping is not checked (the client's own
        answers always have every limit). A value the limits cannot use raises
        `ResponseParseError` naming the API field: not a decimal (`"abc"`, `"NaN"`,
        `"Infinity"`), below zero, a step of zero, or outside the sane range (a size between
        1E-18 and 1E+18, or 0, with at most 50 digits). A JSON number is read as it was written.
        """
        data = rates.to_dict() if hasattr(rates, "to_dict") else rates
        if not isinstance(data, Mapping):
            raise TypeError(f"expected a CurrencyRates model or a mapping, got {type(rates)}")
        return cls(pair=pair, market_code=market_code, **read_limits(data))

    def limits(self) -> dict[str, Decimal]:
        """The limits that are set, by the API's names (`{"minLotSize": Decimal("0.00001")}`)."""
        return {
            _API_NAMES[f.name]: getattr(self, f.name)
            for f in fields(self)
            if f.name in _API_NAMES and getattr(self, f.name) is not None
        }

    def _of(self) -> str:
        where = " on ".join(part for part in (self.pair, self.market_code) if part)
        return f" of {where}" if where else ""

    # --- rounding ----------------------------------------------------------------------------

    def round_quantity(self, units: Number, *, field: str = "position[units][value]") -> Decimal:
        """`units` rounded DOWN to the lot step (never more than asked: an amount rounded up
        could spend funds that are not there).

        Raises `OrderLimitError` instead of returning an amount the exchange would refuse: when
        the rounded amount is below `minLotSize` (or zero), or above `maxLotSize`. The error's
        `nearest` is the valid amount nearest to `units`. (`field` names the amount in the
        error: `units[value]` for add and reduce funds.)
        """
        given = _decimal(units, field)
        if self.lot_step is None:
            rounded = given
        else:
            count = _CONTEXT.divide(given, self.lot_step).to_integral_value(ROUND_FLOOR)
            rounded = _steps(count, self.lot_step)
        nearest = self._nearest_units(given, None, False, None)
        problems = self._units_bounds(
            rounded, field, given=given, nearest=nearest, side=None, market=False
        )
        if problems:
            raise self._error(problems)
        return rounded

    def round_price(
        self, price: Number, *, side: Side | None = None, field: str = "position[price][value]"
    ) -> Decimal:
        """`price` rounded to the price step: to the NEAREST multiple (a half step up) unless
        `side` is given.

        Nearest, because a price has no safe direction of its own: rounding down favours a buy
        and hurts a sell, rounding up the reverse; the nearest tick changes the price asked the
        least (by half a step at most) whichever the side. Give `side` to round in the side's
        favour instead: `"buy"` rounds down (never pay more than asked), `"sell"` rounds up
        (never sell for less).

        Raises `OrderLimitError` instead of returning a price the exchange would refuse: zero,
        below `minPrice` or above `maxPrice`.
        """
        given = _decimal(price, field)
        rounding = ROUND_HALF_UP
        if side is not None:
            rounding = ROUND_FLOOR if _side(side) == "buy" else ROUND_CEILING
        if self.price_step is None:
            rounded = given
        else:
            count = _CONTEXT.divide(given, self.price_step).to_integral_value(rounding)
            rounded = _steps(count, self.price_step)
        problems = self._price_bounds(
            rounded, field, given=given, nearest=self._nearest_price(given)
        )
        if problems:
            raise self._error(problems)
        return rounded

    # --- checking an order -------------------------------------------------------------------

    def violations(
        self,
        *,
        side: Side,
        order_type: OrderKind,
        units: Number,
        price: Number | None = None,
        market_price: Number | None = None,
        prefix: str = "position",
    ) -> list[LimitViolation]:
        """Every limit the order breaks (an empty list when it is valid); see `check_order`.

        The `nearest` values combine: setting each field named here to its `nearest` gives an
        order that passes every check. So when a price must move (to its step, say) and the
        amount, valid at the price given, is not at the suggested one (the total would drop
        below `minTotal`), the amount is named too, with the message `makes the total at the
        suggested price ...`, though the order as given breaks no amount limit."""
        breaches, follow_ups = self._judge(side, order_type, units, price, market_price, prefix)
        return breaches + follow_ups

    def _judge(
        self,
        side: Side,
        order_type: OrderKind,
        units: Number,
        price: Number | None,
        market_price: Number | None,
        prefix: str,
    ) -> tuple[list[LimitViolation], list[LimitViolation]]:
        """The limits the order as given breaks (what the API would answer), and the amount
        changes that following the suggested price needs (empty unless a price is suggested)."""
        side = _side(side)
        kind = _order_kind(order_type)
        units_field = f"{prefix}[units][value]" if prefix else "units[value]"
        price_field = f"{prefix}[price][value]" if prefix else "price[value]"
        amount = _decimal(units, units_field)
        found: list[LimitViolation] = []
        total_price: Decimal | None
        if kind == "limit":
            if price is None:
                raise ValueError(f"a limit order needs its price ({price_field})")
            total_price = _decimal(price, price_field)
            best_price = self._nearest_price(total_price)
            found += self._price_bounds(
                total_price, price_field, given=total_price, nearest=best_price
            )
            if self.price_step is not None and not _is_multiple(total_price, self.price_step):
                message = f"must be a multiple of {_text(self.price_step)}"
                found.append(
                    self._violation(price_field, "price_step", total_price, message, best_price)
                )
            # The total is judged at the price sent, the nearest amount at the nearest valid
            # price: following every suggestion of the error gives a valid order.
            nearest_price = best_price if found else total_price
        else:
            total_price = None
            if market_price is not None:
                total_price = _decimal(market_price, "market_price")
                if total_price <= 0:
                    raise ValueError(f"market_price must be greater than 0, got {market_price}")
            nearest_price = total_price
        market = kind == "market"
        nearest = self._nearest_units(amount, side, market, nearest_price)
        price_moves = bool(found)
        found += self._units_bounds(
            amount, units_field, given=amount, nearest=nearest, side=side, market=market
        )
        if self.lot_step is not None and not _is_multiple(amount, self.lot_step):
            message = f"must be a multiple of {_text(self.lot_step)}"
            found.append(self._violation(units_field, "lot_step", amount, message, nearest))
        if total_price is not None:
            found += self._totals(amount, total_price, units_field, nearest, market, "")
        follow_ups: list[LimitViolation] = []
        amount_named = any(v.field == units_field for v in found)
        if price_moves and not amount_named and nearest_price is not None:
            # The amount passes every check at the price given; only its total can break at the
            # price suggested, and then the amount must move with it.
            where = f" at the suggested price {_text(nearest_price)}"
            follow_ups = self._totals(amount, nearest_price, units_field, nearest, market, where)
        return found, follow_ups

    def _totals(
        self,
        amount: Decimal,
        price: Decimal,
        field: str,
        nearest: Decimal | None,
        market: bool,
        where: str,
    ) -> list[LimitViolation]:
        """The total limits `amount` at `price` breaks (`where` says which price it is)."""
        found: list[LimitViolation] = []
        total = _CONTEXT.multiply(amount, price)
        minimum_name = "min_total"
        if market and self.min_market_total is not None:
            minimum_name = "min_market_total"
        minimum = getattr(self, minimum_name)
        what = "the total (units x market price" if market else "the total (units x price"
        what += where
        if minimum is not None and total < minimum:
            message = (
                f"makes {what} = {_text(total)}), which must be greater than or equal "
                f"to {_text(minimum)}"
            )
            found.append(self._violation(field, minimum_name, amount, message, nearest))
        if self.max_total is not None and total > self.max_total:
            message = (
                f"makes {what} = {_text(total)}), which must be less than or equal "
                f"to {_text(self.max_total)}"
            )
            found.append(self._violation(field, "max_total", amount, message, nearest))
        return found

    def check_order(
        self,
        *,
        side: Side,
        order_type: OrderKind,
        units: Number,
        price: Number | None = None,
        market_price: Number | None = None,
        prefix: str = "position",
    ) -> None:
        """Raise `OrderLimitError` if the exchange would refuse this order; return otherwise.

        Args:
            side: `"buy"` or `"sell"`, the side of the order the exchange receives (for
                reduce funds, the opposite of the position's).
            order_type: `"market"` or `"limit"`, the order the exchange receives (for a
                conditional entry, its conditional order type).
            units: the amount, in base currency.
            price: the price of a limit order (required then; ignored for a market order).
            market_price: for a market order, the price it is expected to fill at (the ask for
                a buy, the bid for a sell); without it the total of a market order is not
                checked here (`check_limits=True` refuses such an order instead of sending it).
            prefix: where the fields are in the request: `"position"` for a create
                (`position[units][value]`), `""` for add and reduce funds (`units[value]`).
        """
        found = self.violations(
            side=side,
            order_type=order_type,
            units=units,
            price=price,
            market_price=market_price,
            prefix=prefix,
        )
        if found:
            raise self._error(found)

    def error_attributes(
        self,
        *,
        side: Side,
        order_type: OrderKind,
        units: Number,
        price: Number | None = None,
        market_price: Number | None = None,
        prefix: str = "position",
    ) -> dict[str, list[str]]:
        """The `error_attributes` of the API's 422 `record_invalid` for this order: field ->
        messages, the messages of `violations`; empty when the order is valid."""
        attributes: dict[str, list[str]] = {}
        # The API judges the order as sent: the amount changes a suggested price would need
        # are advice of the client's error, not refusals of the server.
        breaches, _ = self._judge(side, order_type, units, price, market_price, prefix)
        for found in breaches:
            attributes.setdefault(found.field, []).append(found.message)
        return attributes

    # --- the pieces ------------------------------------------------------------------------

    def _violation(
        self, field: str, name: str, value: Decimal, message: str, nearest: Decimal | None
    ) -> LimitViolation:
        return LimitViolation(
            field=field,
            limit_name=_API_NAMES[name],
            limit=getattr(self, name),
            value=value,
            nearest=nearest,
            message=message,
        )

    def _error(self, found: list[LimitViolation]) -> OrderLimitError:
        lines = [f"{v.describe()} ({v.limit_name}{self._of()})" for v in found]
        head = "the exchange would refuse this order: " if len(lines) > 1 else ""
        stuck = ", ".join(dict.fromkeys(v.field for v in found if v.nearest is None))
        tail = f"; no valid order is near this one (no value of {stuck} fits every limit)"
        tail = tail if stuck else ""
        return OrderLimitError(head + "; ".join(lines) + tail, found)

    def _max_units(self, side: Side | None, market: bool) -> tuple[str, Decimal] | None:
        """The tightest upper bound of an amount, with its attribute name."""
        bounds = [("max_lot_size", self.max_lot_size)]
        if market and side is not None:
            name = "max_market_buy_amount" if side == "buy" else "max_market_sell_amount"
            bounds.append((name, getattr(self, name)))
        present = [(name, value) for name, value in bounds if value is not None]
        return min(present, key=lambda item: item[1]) if present else None

    def _units_bounds(
        self,
        amount: Decimal,
        field: str,
        *,
        given: Decimal,
        nearest: Decimal | None,
        side: Side | None,
        market: bool,
    ) -> list[LimitViolation]:
        found: list[LimitViolation] = []
        if self.min_lot_size is not None and amount < self.min_lot_size:
            message = f"must be greater than or equal to {_text(self.min_lot_size)}"
            found.append(self._violation(field, "min_lot_size", given, message, nearest))
        elif amount <= 0:
            found.append(_not_positive(field, given, nearest))
        bounds = ["max_lot_size"]
        if market and side is not None:
            bounds.append(f"max_market_{side}_amount")
        for name in bounds:
            limit = getattr(self, name)
            if limit is not None and amount > limit:
                message = f"must be less than or equal to {_text(limit)}"
                if name != "max_lot_size":
                    message += f" for a market {side}"
                found.append(self._violation(field, name, given, message, nearest))
        return found

    def _price_bounds(
        self, price: Decimal, field: str, *, given: Decimal, nearest: Decimal | None
    ) -> list[LimitViolation]:
        found: list[LimitViolation] = []
        if self.min_price is not None and price < self.min_price:
            message = f"must be greater than or equal to {_text(self.min_price)}"
            found.append(self._violation(field, "min_price", given, message, nearest))
        elif price <= 0:
            found.append(_not_positive(field, given, nearest))
        if self.max_price is not None and price > self.max_price:
            message = f"must be less than or equal to {_text(self.max_price)}"
            found.append(self._violation(field, "max_price", given, message, nearest))
        return found

    def _nearest_units(
        self, amount: Decimal, side: Side | None, market: bool, price: Decimal | None
    ) -> Decimal | None:
        """The valid amount nearest to `amount` (ties: the smaller), or None if none is."""
        low = self.min_lot_size if self.min_lot_size is not None else Decimal(0)
        high: Decimal | None = None
        upper = self._max_units(side, market)
        if upper is not None:
            high = upper[1]
        if price is not None and price > 0:
            minimum = self.min_market_total if market else None
            minimum = minimum if minimum is not None else self.min_total
            if minimum is not None:
                low = max(low, _amount_for(minimum, price, ROUND_CEILING))
            if self.max_total is not None:
                top = _amount_for(self.max_total, price, ROUND_FLOOR)
                high = top if high is None else min(high, top)
        return _nearest_in(amount, self.lot_step, low, high, ROUND_FLOOR)

    def _nearest_price(self, price: Decimal) -> Decimal | None:
        """The valid price nearest to `price` (ties: the larger, as `round_price`)."""
        low = self.min_price if self.min_price is not None else Decimal(0)
        return _nearest_in(price, self.price_step, low, self.max_price, ROUND_HALF_UP)


def _not_positive(field: str, value: Decimal, nearest: Decimal | None) -> LimitViolation:
    return LimitViolation(field, "positive", Decimal(0), value, nearest, "must be greater than 0")

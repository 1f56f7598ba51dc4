"""Reading the limits and prices of a `get_currency_rates` answer (see `threecommas._order_limits`
for how the limits apply).

The rates are data from outside and are judged before anything relies on them (`check_rates`,
run by the client's parser of `get_currency_rates`): every limit and price a finite decimal,
between 1E-18 and 1E+18 in size (or 0) with at most 50 digits; a step above zero; a minimum of 0
is no minimum; a price of 0 is no quote. So no step count overflows, and a message stays a few
lines whatever the numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

from threecommas._exceptions import ResponseParseError
from threecommas._order_numbers import MAX_MAGNITUDE, MIN_MAGNITUDE, _decimal, _shown

__all__ = ["check_rates", "read_limits"]

# The API's names of the limits, by attribute.
_API_NAMES: Final = {
    "min_lot_size": "minLotSize",
    "lot_step": "lotStep",
    "max_lot_size": "maxLotSize",
    "price_step": "priceStep",
    "min_price": "minPrice",
    "max_price": "maxPrice",
    "min_total": "minTotal",
    "min_market_total": "minMarketTotal",
    "max_total": "maxTotal",
    "max_market_buy_amount": "maxMarketBuyAmount",
    "max_market_sell_amount": "maxMarketSellAmount",
}
_STEPS: Final = frozenset({"lot_step", "price_step"})
# The prices of a currency_rates answer. Zero is read as "no quote" (an illiquid pair whose book
# has no bids, say): the answer is kept, and a market order that needs that price is refused by
# `check_limits=True` rather than sent unchecked.
_PRICES: Final = ("last", "bid", "ask")


def _rate(raw: object, api_name: str) -> Decimal:
    """One decimal of a currency_rates answer: a decimal string (a JSON number is read as it was
    written), finite, within the sane range, above zero for a step and zero or more otherwise
    (a minimum of zero is no minimum). ValueError naming the API field otherwise."""
    if isinstance(raw, float):
        raw = repr(raw)
    if not isinstance(raw, (str, int)) or isinstance(raw, bool):
        raise ValueError(f"{api_name} must be a decimal string, got {_shown(raw)}")
    number = _decimal(raw, api_name, MIN_MAGNITUDE, MAX_MAGNITUDE)
    if api_name in ("lotStep", "priceStep"):
        if number <= 0:
            raise ValueError(f"{api_name} must be greater than 0, got {_shown(raw)}")
    elif number < 0:
        raise ValueError(f"{api_name} must be 0 or more, got {_shown(raw)}")
    return number


def check_rates(data: Mapping[str, Any]) -> None:
    """Raise ValueError naming the first field of a currency_rates answer (its JSON object)
    that the limits or the market-order checks could not use: each limit and each price is
    present and a decimal as `_rate` reads it. The response parser of `get_currency_rates`
    calls it, so an unusable answer is a `ResponseParseError` and nothing is sent after it."""
    for api_name in (*_API_NAMES.values(), *_PRICES):
        if data.get(api_name) is None:
            raise ValueError(f"{api_name} is missing")
        _rate(data[api_name], api_name)


def read_limits(data: Mapping[str, Any]) -> dict[str, Decimal | None]:
    """The limits of a rates mapping by attribute name; a limit missing, null or empty is None
    (not checked). A value `_rate` refuses is a `ResponseParseError` naming the API field."""
    values: dict[str, Decimal | None] = {}
    for name, api_name in _API_NAMES.items():
        raw = data.get(api_name)
        if raw is None or raw == "":
            values[name] = None
            continue
        try:
            values[name] = _rate(raw, api_name)
        except ValueError as exc:
            # Data from the API, not the caller's argument: the answer is what is wrong.
            raise ResponseParseError(
                f"the currency rates are not what the API documents: {exc}", status_code=200
            ) from None
    return values

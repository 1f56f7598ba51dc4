"""Orders read from request bodies, for the limits of `threecommas._order_limits`: what a create
or an add/reduce funds body places, the API's 422 `record_invalid` body for an order that breaks
them, and the account check of a create. Used by the client's `check_limits=True` and by the
recorded-responses server, so that both judge a body by the same rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final, Literal

from threecommas._exceptions import OrderLimitError
from threecommas._order_limits import ACCOUNT_FIELD, LimitViolation, OrderArgs, OrderLimits
from threecommas._order_numbers import Side, _decimal, _side, _text

__all__ = [
    "LimitedOperation",
    "check_account",
    "order_of_create_body",
    "order_of_funds_body",
    "record_invalid_body",
]


def _body_decimal(value: object, name: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, float):  # a JSON number of a docs form: its repr is what was sent
        value = repr(value)
    try:
        return _decimal(value, name)
    except (TypeError, ValueError):
        return None


def _value_of(node: object, name: str) -> Decimal | None:
    return _body_decimal(node.get("value"), name) if isinstance(node, Mapping) else None


def order_of_create_body(
    body: Mapping[str, Any], *, market_price: Decimal | None = None
) -> OrderArgs | None:
    """The order a create body places (`CreateSmartTradeRequest` as JSON), for `check_order`;
    None when the body lacks what the limits judge (the schema check reports that).

    A conditional entry is judged as the order it places once triggered: a limit order at
    `position[price][value]`, or a market order, whose total is estimated at the trigger price
    (`position[conditional][price][value]`) when `market_price` is not given.
    """
    position = body.get("position")
    if not isinstance(position, Mapping):
        return None
    side = str(position.get("type"))
    kind = str(position.get("order_type"))
    units = _value_of(position.get("units"), "position[units][value]")
    price = _value_of(position.get("price"), "position[price][value]")
    if side not in ("buy", "sell") or units is None:
        return None
    if kind == "conditional":
        conditional = position.get("conditional")
        if not isinstance(conditional, Mapping):
            return None
        kind = str(conditional.get("order_type"))
        if kind == "market" and market_price is None:
            market_price = _value_of(conditional.get("price"), "position[conditional][price]")
    if kind not in ("market", "limit") or (kind == "limit" and price is None):
        return None
    return OrderArgs(
        side="buy" if side == "buy" else "sell",
        order_type="market" if kind == "market" else "limit",
        units=units,
        price=price if kind == "limit" else None,
        market_price=market_price if kind == "market" else None,
        prefix="position",
    )


def order_of_funds_body(
    body: Mapping[str, Any], *, side: Side, market_price: Decimal | None = None
) -> OrderArgs | None:
    """The order an add-funds or reduce-funds body places (`AddFundsRequest`,
    `ReduceFundsRequest` as JSON), for `check_order`; None when the body lacks what the limits
    judge. `side` is the side of that order: the position's side to add funds, the opposite
    side to reduce them."""
    kind = str(body.get("order_type"))
    units = _value_of(body.get("units"), "units[value]")
    price = _value_of(body.get("price"), "price[value]")
    if kind not in ("market", "limit") or units is None or (kind == "limit" and price is None):
        return None
    return OrderArgs(
        side=_side(side),
        order_type="market" if kind == "market" else "limit",
        units=units,
        price=price if kind == "limit" else None,
        market_price=market_price if kind == "market" else None,
        prefix="",
    )


#: The operations whose orders the limits judge.
LimitedOperation = Literal["create_smart_trade", "add_funds", "reduce_funds"]

_AMOUNT_LIMITS: Final = frozenset(
    {"minLotSize", "maxLotSize", "lotStep", "maxMarketBuyAmount", "maxMarketSellAmount"}
)
_TOTAL_LIMITS: Final = frozenset({"minTotal", "minMarketTotal", "maxTotal"})

# The keys of the API's 422 `error_attributes`, by operation and by what a limit judges: the
# amount, the total or the price. The docs' 422 examples give them: create `position`,
# `position.total` and `units_to_buy`; add funds `total`; reduce funds `entered_amount`. Where
# no example shows a key (a price, the amount of add funds, the total of reduce funds), the
# request's own name for it is used, in the style of the keys the same page shows.
_DOCS_KEYS: Final[Mapping[str, Mapping[str, str]]] = {
    "create_smart_trade": {
        "amount": "units_to_buy",
        "total": "position.total",
        "price": "position.price",
    },
    "add_funds": {"amount": "units", "total": "total", "price": "price"},
    "reduce_funds": {"amount": "entered_amount", "total": "total", "price": "price"},
}


def _judged(violation: LimitViolation) -> str:
    if violation.limit_name in _TOTAL_LIMITS:
        return "total"
    if violation.limit_name in _AMOUNT_LIMITS:
        return "amount"
    if violation.limit_name == "positive":  # the one rule of both: the field tells which
        return "price" if violation.field.endswith("[price][value]") else "amount"
    return "price"


def record_invalid_body(
    limits: OrderLimits, order: OrderArgs, *, operation: LimitedOperation
) -> dict[str, Any] | None:
    """The API's 422 body for an order of `operation` that breaks the limits (None when it
    breaks none): `{"error": "record_invalid", "error_description": "Invalid parameters",
    "error_attributes": {key: [message, ...]}}`, with the keys the docs' 422 examples of that
    operation use (a create: `position`, `position.total`, `units_to_buy`; add funds: `total`;
    reduce funds: `entered_amount`), not the request's bracket notation, so that a bot tested
    against the fake server looks for the keys the API sends. A total is judged as the docs'
    example says it (`must be greater than or equal to 1.125`)."""
    keys = _DOCS_KEYS[operation]
    # The docs' create example lists the position's keys before `units_to_buy`.
    attributes: dict[str, list[str]] = {keys[judged]: [] for judged in ("price", "total", "amount")}
    for violation in limits.violations(**order):
        judged = _judged(violation)
        message = violation.message
        if judged == "total":
            bound = "less" if violation.limit_name == "maxTotal" else "greater"
            message = f"must be {bound} than or equal to {_text(violation.limit)}"
        attributes[keys[judged]].append(message)
    attributes = {key: messages for key, messages in attributes.items() if messages}
    if not attributes:
        return None
    if operation == "create_smart_trade":
        # The docs' create example names the position itself too, first, whatever broke in it.
        attributes = {"position": ["is invalid"], **attributes}
    return {
        "error": "record_invalid",
        "error_description": "Invalid parameters",
        "error_attributes": attributes,
    }


def check_account(account: Any) -> None:
    """Raise `OrderLimitError` (naming `account_id`) when SmartTrades cannot be created on this
    exchange account: the API refuses a create on an account whose `smart_trading_supported`
    is false. `account` is the generated `Account` model or its JSON object."""
    data = account.to_dict() if hasattr(account, "to_dict") else account
    if not isinstance(data, Mapping):
        raise TypeError(f"expected an Account model or a mapping, got {type(account)}")
    supported = data.get("smart_trading_supported")
    if supported is True:
        return
    name = data.get("name")
    market = data.get("exchange_name") or data.get("market_code")
    what = f"account {data.get('id')}" + (f" ({name!r} on {market})" if name and market else "")
    raise OrderLimitError(
        f"{ACCOUNT_FIELD}: {what} does not support SmartTrades (smart_trading_supported is "
        f"{'missing' if supported is None else str(supported).lower()})"
    )

"""The leverage of an order checked against what its pair allows (no I/O).

The bounds come from `get_currency_rates_with_leverage_data`: one `leverage_data` entry per
leverage type (`cross`, `isolated`), each with its `max_leverage` and `valid` bounds. The newest
create and edit pages send users there for `leverage.value`. A pair without entries (a spot pair)
gives nothing to check against, and nothing is refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

from threecommas._exceptions import OrderLimitError
from threecommas._order_limits import LimitViolation
from threecommas._order_numbers import _text
from threecommas_api.models.pair_leverage import PairLeverage

__all__ = ["check_leverage"]

_FIELD = "leverage[value]"


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _bounds(entries: Sequence[PairLeverage]) -> tuple[Decimal, Decimal] | None:
    """The least and the largest leverage of the entries together; None when they name none."""
    highest = [
        bound
        for entry in entries
        if (bound := _decimal(entry.max_leverage) or _decimal(entry.valid.max_)) is not None
    ]
    if not highest:
        return None
    lowest = [bound for entry in entries if (bound := _decimal(entry.valid.min_)) is not None]
    return (min(lowest) if lowest else Decimal(1)), max(highest)


def check_leverage(
    leverage: object, leverage_data: Sequence[PairLeverage], *, pair: str, market_code: str
) -> None:
    """Raise `OrderLimitError` when the `leverage` part of a request body (enabled, with a
    value) is above the pair's `max_leverage` for its type, or below its least.

    The entries of the body's `type` apply when the pair lists that type; otherwise (no type
    given, or one the pair does not list) the largest bound of any entry does: only a value
    that no entry allows is refused."""
    if not isinstance(leverage, Mapping) or leverage.get("enabled") not in (True, "true"):
        return
    value = _decimal(leverage.get("value"))
    if value is None:
        return
    kind = leverage.get("type")
    entries = [entry for entry in leverage_data if entry.code == kind] or list(leverage_data)
    bounds = _bounds(entries)
    if bounds is None:
        return
    least, largest = bounds
    if value > largest:
        found = LimitViolation(
            _FIELD, "max_leverage", largest, value, largest, f"must be at most {_text(largest)}"
        )
    elif value < least:
        found = LimitViolation(
            _FIELD, "valid.min", least, value, least, f"must be at least {_text(least)}"
        )
    else:
        return
    raise OrderLimitError(
        f"{found.describe()} ({found.limit_name} of {pair} on {market_code})", [found]
    )

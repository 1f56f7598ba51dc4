"""The numbers of `threecommas._order_limits`: decimal parsing that refuses floats, the exact
decimal context, and the step arithmetic (multiples of a step, the nearest one in a range)."""

from __future__ import annotations

import decimal
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Final, Literal

__all__ = ["MAX_DIGITS", "MAX_MAGNITUDE", "MIN_MAGNITUDE", "Number", "OrderKind", "Side"]

Side = Literal["buy", "sell"]
OrderKind = Literal["market", "limit"]
Number = Decimal | str | int

# Enough digits for any amount, price or step within the ranges below, so that a step count is
# never rounded: a count of up to 59 digits times a step of up to 50, or a quotient of that size
# with the fraction that tells it from a whole number.
_CONTEXT: Final = decimal.Context(prec=200, traps=[InvalidOperation, decimal.DivisionByZero])


# The sane range of the limits and prices of the rates: no exchange's price, amount, step or
# total lies outside 1E-18 .. 1E+18 (or 0), with at most `MAX_DIGITS` digits. The caller's
# amounts and prices get a wider range, one that holds every decimal string of 40 characters
# (the request schemas' longest), so that an absurd amount is judged by the limits, not refused
# unjudged. Anything else is refused before any arithmetic: a hostile `1e9999999` can neither
# overflow a step count nor build a message of megabytes.
MIN_MAGNITUDE: Final = Decimal("1E-18")
MAX_MAGNITUDE: Final = Decimal("1E+18")
_MIN_GIVEN: Final = Decimal("1E-40")
_MAX_GIVEN: Final = Decimal("1E+40")
MAX_DIGITS: Final = 50
# Longer than any decimal in the range above, written out: a longer string is refused unread.
_MAX_TEXT: Final = 120
# A number in a message is written out in full up to this many characters; beyond, it is
# written in exponent notation with at most `_SHOWN_DIGITS` significant digits.
_MAX_PLAIN: Final = 60
_SHOWN_DIGITS: Final = 20


def _text(value: Decimal) -> str:
    """A decimal as plain digits (`0.00000001`, never `1E-8`), keeping the zeros it was given;
    in exponent notation, shortened, when that would be long (a message stays short whatever
    the number: `1E+9999999` is not written out as ten million digits)."""
    if value.is_finite():
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        whole = max(value.adjusted() + 1, 1)
        if whole + max(-exponent, 0) <= _MAX_PLAIN:
            return format(value, "f")
        digits = min(len(value.as_tuple().digits), _SHOWN_DIGITS)
        return format(value, f".{digits - 1}E")
    return str(value)


def _shown(value: object) -> str:
    """`repr(value)` cut to a few dozen characters, for a message about a value from outside."""
    text = repr(value) if len(str(value)) <= _MAX_TEXT else repr(str(value)[:40]) + "..."
    return text if len(text) <= _MAX_TEXT else text[:40] + "..."


def _in_range(
    number: Decimal,
    name: str,
    value: object,
    low: Decimal = MIN_MAGNITUDE,
    high: Decimal = MAX_MAGNITUDE,
) -> Decimal:
    """`number` if it is finite, of at most `MAX_DIGITS` digits and 0 or between `low` and
    `high` in size; ValueError naming `name` otherwise."""
    if not number.is_finite():
        raise ValueError(f"{name} must be a finite number, got {_shown(value)}")
    if len(number.as_tuple().digits) > MAX_DIGITS:
        raise ValueError(f"{name} must have at most {MAX_DIGITS} digits, got {_shown(value)}")
    size = number.copy_abs()  # no context: cannot overflow
    if size and not low <= size <= high:
        raise ValueError(
            f"{name} must be 0 or between {low} and {high} in size, got {_shown(value)}"
        )
    return number


def _decimal(
    value: object, name: str, low: Decimal = _MIN_GIVEN, high: Decimal = _MAX_GIVEN
) -> Decimal:
    """`value` as a finite Decimal, 0 or between `low` and `high` in size (by default the
    caller's range, 1E-40 .. 1E+40); floats are refused (see the module's docstring)."""
    if isinstance(value, (bool, float)):
        raise TypeError(
            f"{name} must be a Decimal, a decimal string or an int, not {type(value).__name__} "
            f"{_shown(value)}: a binary float is not the decimal it looks like"
        )
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        if value.bit_length() > 160:  # larger than the range anyway; Decimal(10**10**6) is slow
            raise ValueError(f"{name} must be at most {high} in size, got a larger int")
        number = Decimal(value)
    elif isinstance(value, str):
        if len(value) > _MAX_TEXT:
            raise ValueError(f"{name} must be a decimal number, got {_shown(value)}")
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"{name} must be a decimal number, got {_shown(value)}") from None
    else:
        raise TypeError(
            f"{name} must be a Decimal, a decimal string or an int, not {type(value).__name__}"
        )
    return _in_range(number, name, value, low, high)


def _side(value: object) -> Side:
    text = str(getattr(value, "value", value))
    if text in ("buy", "sell"):
        return "buy" if text == "buy" else "sell"
    raise ValueError(f"side must be 'buy' or 'sell', got {value!r}")


def _order_kind(value: object) -> OrderKind:
    text = str(getattr(value, "value", value))
    if text == "market":
        return "market"
    if text == "limit":
        return "limit"
    if text == "conditional":
        raise ValueError(
            "order_type must be the order the exchange receives, 'market' or 'limit': for a "
            "conditional entry pass its conditional order type (order_of_create_body does this)"
        )
    raise ValueError(f"order_type must be 'market' or 'limit', got {value!r}")


# An amount derived from a total (total / price) is written with this many decimals at most,
# rounded towards the valid side; no exchange counts amounts that finely.
_AMOUNT_PLACES: Final = Decimal("1E-18")


def _amount_for(total: Decimal, price: Decimal, rounding: str) -> Decimal:
    """`total / price` to 18 decimals, rounded up for a lower bound (ROUND_CEILING) and down
    for an upper one (ROUND_FLOOR), so that the amount still keeps the total within bounds."""
    exact = _CONTEXT.divide(total, price)
    return exact.quantize(_AMOUNT_PLACES, rounding=rounding, context=_CONTEXT).normalize(_CONTEXT)


def _is_multiple(value: Decimal, step: Decimal) -> bool:
    count = _CONTEXT.divide(value, step)
    return count == count.to_integral_value()


def _nearest_in(
    value: Decimal, step: Decimal | None, low: Decimal, high: Decimal | None, tie: str
) -> Decimal | None:
    """The number nearest to `value` that is positive, within [low, high] and (with a step) a
    whole multiple of `step`; None when there is none. `tie` settles a value halfway between
    two multiples: ROUND_FLOOR takes the lower, ROUND_HALF_UP the higher."""
    if step is None:
        if high is not None and high < low:
            return None
        nearest = max(value, low)
        if high is not None:
            nearest = min(nearest, high)
        return nearest if nearest > 0 else None
    first = _CONTEXT.divide(low, step).to_integral_value(ROUND_CEILING)
    first = max(first, Decimal(1))  # a positive multiple
    last = None if high is None else _CONTEXT.divide(high, step).to_integral_value(ROUND_FLOOR)
    if last is not None and last < first:
        return None
    exact = _CONTEXT.divide(value, step)
    if tie == ROUND_FLOOR:
        # nearest, halves down: floor(x + 1/2) rounds halves up, ceil(x - 1/2) rounds them down
        count = _CONTEXT.subtract(exact, Decimal("0.5")).to_integral_value(ROUND_CEILING)
    else:
        count = exact.to_integral_value(ROUND_HALF_UP)
    count = max(count, first)
    if last is not None:
        count = min(count, last)
    return _steps(count, step)


def _steps(count: Decimal, step: Decimal) -> Decimal:
    """`count` steps, written with the step's decimals (`0.01230` for a step of `0.00001`,
    `31.0` for `1.0`, `40` for `10`): never in exponent notation once formatted with "f"."""
    exponent = step.as_tuple().exponent
    places = Decimal(1).scaleb(min(exponent, 0) if isinstance(exponent, int) else 0)
    return _CONTEXT.quantize(_CONTEXT.multiply(count, step), places)

"""Quotes: a pair's bid, ask and last price, and how a price given by a user is read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Final

__all__ = [
    "MAX_PRICE",
    "MIN_PRICE",
    "PriceError",
    "Quote",
    "check_pair",
    "parse_price",
    "parse_spread",
    "quote_of",
]

_PRICE_DIGITS: Final = Decimal("1e-12")
#: The range of a simulated price. Real prices span about 1e-10 (a meme coin in BTC) to 1e10
#: (BTC in a weak currency); the bounds leave room around both, and keep every figure the
#: market derives (totals, profits, 12-decimal random walks) inside Decimal's default 28
#: significant digits, so an absurd price is refused up front instead of failing later.
MIN_PRICE: Final = Decimal("1e-12")
MAX_PRICE: Final = Decimal("1e12")


class PriceError(ValueError):
    """A price, quote or price path that cannot be used; the message names what is wrong."""


def parse_price(value: object, name: str = "price", *, bounded: bool = True) -> Decimal:
    """A price: finite, from :data:`MIN_PRICE` to :data:`MAX_PRICE` (just above 0 when not
    ``bounded``), from a decimal string, an int, a Decimal or a float."""
    if isinstance(value, bool):
        raise PriceError(f"{name} must be a decimal number")
    try:
        if isinstance(value, float):
            number = Decimal(repr(value))
        elif isinstance(value, int | str | Decimal):
            number = Decimal(value.strip() if isinstance(value, str) else value)
        else:
            raise PriceError(f"{name} must be a decimal number")
    except InvalidOperation:
        raise PriceError(f"{name} must be a decimal number") from None
    if not number.is_finite() or number <= 0:
        raise PriceError(f"{name} must be a finite number above 0")
    if bounded and not MIN_PRICE <= number <= MAX_PRICE:
        raise PriceError(f"{name} must be from {MIN_PRICE} to {MAX_PRICE}, not {_short(number)}")
    return number


def _short(number: Decimal) -> str:
    """The number as a message shows it: an absurd one in scientific notation, not in a
    million digits."""
    return str(number) if len(str(number)) <= 40 else f"{number:.6E}"


def parse_spread(value: object) -> Decimal:
    if value is None:
        return Decimal(0)
    if isinstance(value, bool):
        raise PriceError("spread must be a fraction from 0 to 1")
    try:
        spread = Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))
    except InvalidOperation:
        raise PriceError("spread must be a fraction from 0 to 1") from None
    if not spread.is_finite() or not 0 <= spread < 1:
        raise PriceError("spread must be a fraction from 0 to 1")
    return spread


def _text(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text if "." in text else text + ".0"


@dataclass(frozen=True)
class Quote:
    """The prices of one pair: best bid, best ask, last trade."""

    bid: Decimal
    ask: Decimal
    last: Decimal

    def __post_init__(self) -> None:
        if self.bid > self.ask:
            raise PriceError("bid must not be above ask")

    @classmethod
    def single(cls, price: object, spread: object = None) -> Quote:
        """One price as last, with bid and ask ``spread / 2`` (a fraction) below and above."""
        last = parse_price(price)
        half = parse_spread(spread) * last / 2
        return cls(bid=last - half, ask=last + half, last=last)

    def get(self, kind: object) -> Decimal:
        """The price an order follows: ``bid``, ``ask`` or ``last`` (``last`` otherwise)."""
        if kind == "bid":
            return self.bid
        if kind == "ask":
            return self.ask
        return self.last

    def to_json(self) -> dict[str, str]:
        return {"bid": _text(self.bid), "ask": _text(self.ask), "last": _text(self.last)}


def quote_of(value: object, spread: object = None) -> Quote:
    """A quote from a price (see :meth:`Quote.single`), a :class:`Quote`, or a mapping with
    ``price``, or with ``bid``, ``ask`` and ``last``."""
    if isinstance(value, Quote):
        return value
    if isinstance(value, Mapping):
        if "price" in value:
            extra = sorted(set(value) - {"price"})
            if extra:
                raise PriceError(f"a quote has price, or bid/ask/last, not both ({extra[0]})")
            return Quote.single(value["price"], spread)
        missing = [k for k in ("bid", "ask", "last") if k not in value]
        if missing:
            raise PriceError(f"a quote needs price, or bid, ask and last (no {missing[0]})")
        extra = sorted(set(value) - {"bid", "ask", "last"})
        if extra:
            raise PriceError(f"unknown quote field {extra[0]}")
        return Quote(
            bid=parse_price(value["bid"], "bid"),
            ask=parse_price(value["ask"], "ask"),
            last=parse_price(value["last"], "last"),
        )
    return Quote.single(value, spread)


def check_pair(pair: object) -> str:
    """The pair, if it is written like a 3Commas pair (``QUOTE_BASE``)."""
    if pair is None:
        raise PriceError("no pair: name it in the record, in the path or in the call")
    if not isinstance(pair, str) or not pair or pair.count("_") != 1 or not all(pair.split("_")):
        raise PriceError(f"pair must be a 3Commas pair like USDT_BTC, not {pair!r}")
    return pair

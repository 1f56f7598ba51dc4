"""A tick (a quote at a time) and a bar (open, high, low, close over a time), as price paths
play them; the rule for the order of a bar's high and low is :mod:`._prices`'s."""

from __future__ import annotations

import operator
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Final, Literal

from threecommas._strategy import Bar as PublicBar
from threecommas._strategy import _fill
from threecommas.testing.simulation._market._clock import DEFAULT_START, parse_seconds
from threecommas.testing.simulation._market._quotes import (
    PriceError,
    Quote,
    check_pair,
    parse_price,
)

__all__ = [
    "BAR_ORDERS",
    "DEFAULT_BAR_SECONDS",
    "DEFAULT_ORIGIN",
    "Bar",
    "BarOrder",
    "Tick",
    "bar_end",
    "bar_record",
    "duration",
    "one_origin",
    "point_time",
]

#: When a path's start is, for the bars a backtest hands out, unless the candles say: the
#: market's fixed start (µs since the epoch).
DEFAULT_ORIGIN: Final = int(DEFAULT_START.timestamp()) * 1_000_000

BarOrder = Literal["adaptive", "open_high_low_close", "open_low_high_close"]
BAR_ORDERS: Final[tuple[str, ...]] = ("adaptive", "open_high_low_close", "open_low_high_close")
DEFAULT_BAR_SECONDS: Final = Decimal(60)
_MICROS: Final = Decimal(1_000_000)
_ORIGIN: Final = operator.attrgetter("origin")


@dataclass(frozen=True)
class Tick:
    """A quote for a pair at ``at`` microseconds after the path starts."""

    at: int
    pair: str
    quote: Quote
    #: The volume of the bar the tick belongs to (base units), when known.
    volume: Decimal | None = None
    #: Where that bar starts (µs after the path starts): which bar's volume the tick shares.
    bar_at: int | None = None


class Bar(PublicBar):
    """An OHLC bar of ``seconds`` starting ``t`` seconds after the path starts.

    It is also the :class:`threecommas.Bar` a backtest hands its strategy, opened at
    ``origin`` (µs since the epoch; the market's fixed start unless the candles say) plus
    ``t``: one object per candle serves the market and the strategy, and like every Bar it
    cannot be changed.
    """

    __slots__ = ()

    def __init__(
        self,
        t: Decimal,
        pair: str,
        open: Decimal,
        high: Decimal,
        low: Decimal,
        close: Decimal,
        seconds: Decimal = DEFAULT_BAR_SECONDS,
        volume: Decimal | None = None,
        *,
        origin: int = DEFAULT_ORIGIN,
    ) -> None:
        if not low <= min(open, close) <= max(open, close) <= high:
            raise PriceError(f"bar at t={t}: low <= open, close <= high does not hold")
        if seconds <= 0:
            raise PriceError(f"bar at t={t}: seconds must be above 0")
        _fill(self, origin, t, pair, open, high, low, close, volume, seconds)

    if TYPE_CHECKING:
        #: Seconds from the path's start to the bar's open.
        t: Decimal
    else:
        # The offset's own slot under a second name: read as fast as any field (a property
        # would be a call, and paths read ``t`` of every bar when they are made).
        t = PublicBar.__dict__["_offset"]

    @property
    def origin(self) -> int:
        """The moment the path's start stands for (µs since the epoch)."""
        return self._base

    def moved(self, origin: int) -> Bar:
        """The same bar, its path starting at ``origin`` (this bar if it does)."""
        if origin == self._base:
            return self
        return Bar(
            self.t,
            self.pair,
            self.open,
            self.high,
            self.low,
            self.close,
            self.seconds,
            self.volume,
            origin=origin,
        )

    def prices(self, order: str = "adaptive") -> tuple[Decimal, Decimal, Decimal, Decimal]:
        """The four prices in the order they play (see the module's rule)."""
        if order not in BAR_ORDERS:
            raise PriceError(f"bar_order must be one of {', '.join(BAR_ORDERS)}")
        if order == "open_high_low_close":
            high_first = True
        elif order == "open_low_high_close":
            high_first = False
        else:
            to_high, to_low = self.high - self.open, self.open - self.low
            high_first = to_high < to_low if to_high != to_low else self.close < self.open
        first, second = (self.high, self.low) if high_first else (self.low, self.high)
        return self.open, first, second, self.close


def bar_end(bar: Bar) -> int:
    """When a bar's close plays (three quarters into it): µs after the path starts."""
    return int(((bar.t + bar.seconds * 3 / 4) * _MICROS).to_integral_value())


def one_origin(bars: list[Bar]) -> list[Bar]:
    """The bars counting from one start, the first's (those a backtest hands out say when
    they opened from it); bars from elsewhere are moved to it."""
    origins = set(map(_ORIGIN, bars))
    if len(origins) <= 1:
        return bars
    return [bar.moved(bars[0].origin) for bar in bars]


def _number(value: object, name: str) -> Decimal:
    try:
        return parse_seconds(value, name)
    except ValueError as exc:
        raise PriceError(str(exc)) from None


def duration(value: object, name: str) -> Decimal:
    seconds = _number(value, name)
    if seconds <= 0:
        raise PriceError(f"{name} must be above 0")
    return seconds


def point_time(value: object, where: str, previous: Decimal) -> Decimal:
    if value is None:
        raise PriceError(f"{where}: t (seconds from the start of the path) is missing")
    t = _number(value, f"{where}: t")
    if t < previous:
        raise PriceError(f"{where}: t must not go back in time ({t} after {previous})")
    return t


def _volume(value: object, where: str) -> Decimal:
    if isinstance(value, float):
        value = repr(value)
    try:
        if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
            raise InvalidOperation
        number = Decimal(value)
    except InvalidOperation:
        raise PriceError(f"{where}: volume must be a decimal number") from None
    if not number.is_finite() or number < 0:
        raise PriceError(f"{where}: volume must be a finite number, 0 or more")
    return number


def bar_record(
    raw: object, where: str, pair: str | None, default_seconds: Decimal, previous: Decimal
) -> Bar:
    if not isinstance(raw, Mapping):
        raise PriceError(f"{where}: a bar is an object with t, open, high, low and close")
    record = dict(raw)
    known = {"t", "pair", "open", "high", "low", "close", "seconds", "volume"}
    unknown = sorted(set(record) - known)
    if unknown:
        raise PriceError(f"{where}: unknown bar field {unknown[0]}")
    missing = [k for k in ("open", "high", "low", "close") if k not in record]
    if missing:
        raise PriceError(f"{where}: {missing[0]} is missing")
    seconds = record.get("seconds")
    volume = record.get("volume")
    try:
        return Bar(
            t=point_time(record.get("t"), where, previous),
            pair=check_pair(record.get("pair", pair)),
            open=parse_price(record["open"], f"{where}: open"),
            high=parse_price(record["high"], f"{where}: high"),
            low=parse_price(record["low"], f"{where}: low"),
            close=parse_price(record["close"], f"{where}: close"),
            seconds=default_seconds if seconds is None else duration(seconds, f"{where}: seconds"),
            volume=None if volume is None else _volume(volume, where),
        )
    except PriceError as exc:
        message = str(exc)
        raise PriceError(message if message.startswith(where) else f"{where}: {message}") from None

"""What a strategy is handed: the client and a :class:`Bar`.

A strategy is a plain callable, ``strategy(client, bar)``, called once a bar has closed: with a
``ThreeCommas`` client, or an ``AsyncThreeCommas`` one for an ``async def`` strategy (or an
object whose ``__call__`` is one). The same callable runs in a backtest
(:func:`threecommas.testing.backtest`, the bars are candles) and against the API
(:func:`threecommas.run`, the bars are built from price reads). State a strategy keeps between
bars lives in the callable: an object with attributes, or a closure.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TypeAlias

if TYPE_CHECKING:
    from threecommas._async._client import AsyncThreeCommas
    from threecommas._sync._client import ThreeCommas

__all__ = ["Bar", "Strategy", "is_async_strategy"]

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_MICROS: Final = Decimal(1_000_000)

#: A strategy: ``strategy(client, bar)``, sync (a ``ThreeCommas``) or async (an
#: ``AsyncThreeCommas``); what it returns is ignored.
Strategy: TypeAlias = (
    "Callable[[ThreeCommas, Bar], object] | Callable[[AsyncThreeCommas, Bar], Awaitable[object]]"
)


class Bar:
    """One closed bar of a pair: its open time and its prices, as decimals.

    ``time`` is when the bar opened (UTC; candles are stamped so), ``seconds`` how long it
    lasted; the strategy sees it once it has closed. ``volume`` is the base currency traded in
    it: from the candles in a backtest, ``None`` for a bar built from price reads (the API's
    rates carry no volume). A bar is a value: it cannot be changed (setting a field raises
    ``AttributeError``), and equal bars hash alike, so a strategy may keep bars it was handed.
    """

    # A backtest hands the strategy the simulated market's own bars (a subclass made when the
    # candles are read): one object per candle, half a million for a year of minutes, made
    # once and never copied in the loop. So the open time is kept as a start plus an offset
    # and worked out only when asked for (most strategies never read it), and no field may
    # change: the market plays the very object the strategy holds.
    __slots__ = ("_base", "_offset", "close", "high", "low", "open", "pair", "seconds", "volume")

    _base: int
    _offset: Decimal | None
    pair: str
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: Decimal | None
    seconds: Decimal

    def __init__(
        self,
        time: datetime,
        pair: str,
        open: Decimal,
        high: Decimal,
        low: Decimal,
        close: Decimal,
        volume: Decimal | None = None,
        seconds: Decimal | int = 60,
    ) -> None:
        if time.tzinfo is None:
            time = time.replace(tzinfo=UTC)
        delta = time - _EPOCH
        base = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
        _fill(self, base, None, pair, open, high, low, close, volume, Decimal(seconds))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Bar cannot be changed (its {name}); make another")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Bar cannot be changed (its {name})")

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle and copy through _fill: the fields cannot be set one by one.
        return (_rebuild, (type(self), *(getattr(self, name) for name in _FIELDS)))

    @property
    def _micros(self) -> int:
        offset = self._offset
        if offset is None:
            return self._base
        return self._base + int(offset * _MICROS)

    @property
    def time(self) -> datetime:
        """When the bar opened (UTC)."""
        return _EPOCH + timedelta(microseconds=self._micros)

    @property
    def close_time(self) -> datetime:
        """When the bar closed: ``time + seconds``."""
        return self.time + timedelta(seconds=float(self.seconds))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Bar):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[Any, ...]:
        return (
            self._micros,
            self.pair,
            self.open,
            self.high,
            self.low,
            self.close,
            self.volume,
            self.seconds,
        )

    def __repr__(self) -> str:
        return (
            f"Bar(time={self.time.isoformat()!r}, pair={self.pair!r}, open={self.open}, "
            f"high={self.high}, low={self.low}, close={self.close}, volume={self.volume})"
        )


#: The slots in the order _fill takes them.
_FIELDS: Final = ("_base", "_offset", "pair", "open", "high", "low", "close", "volume", "seconds")


def _fill(
    bar: Bar,
    base: int,
    offset: Decimal | None,
    pair: str,
    open: Decimal,
    high: Decimal,
    low: Decimal,
    close: Decimal,
    volume: Decimal | None,
    seconds: Decimal,
) -> None:
    """Set a new bar's fields (in _FIELDS' order), past its refusal of changes."""
    # One call per field, no loop: a year of candles is half a million bars to fill.
    put = object.__setattr__
    put(bar, "_base", base)
    put(bar, "_offset", offset)
    put(bar, "pair", pair)
    put(bar, "open", open)
    put(bar, "high", high)
    put(bar, "low", low)
    put(bar, "close", close)
    put(bar, "volume", volume)
    put(bar, "seconds", seconds)


def _rebuild(cls: type[Bar], *values: Any) -> Bar:
    bar = cls.__new__(cls)
    _fill(bar, *values)
    return bar


def is_async_strategy(strategy: object) -> bool:
    """True for an ``async def`` strategy (or an object whose ``__call__`` is one)."""
    if inspect.iscoroutinefunction(strategy):
        return True
    call = getattr(strategy, "__call__", None)  # noqa: B004 - the method, to inspect it
    return call is not None and inspect.iscoroutinefunction(call)

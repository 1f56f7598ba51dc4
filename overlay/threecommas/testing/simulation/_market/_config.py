"""How the simulated exchange fills orders: fees, slippage, partial fills, latency and the seed.

One :class:`MarketConfig` per market, set by :meth:`._market.Market.configure` (and so by
``server.market.configure``, ``PUT /__admin__/market/config`` and a market file's ``config``).
Every option's default keeps the market as it was before the option existed, so recorded
answers and older tests do not move:

==================  ===========  ===========================================================
option              default      meaning
==================  ===========  ===========================================================
``maker_fee``       ``None``     rate charged on a fill of a limit order that rested on the
                                 book; ``None``: the SmartTrade's ``data.commission``
``taker_fee``       ``None``     rate charged on every other fill (market orders, triggered
                                 orders, a limit the book already crossed); ``None``: the
                                 SmartTrade's ``data.commission``
``slippage``        ``0``        fraction of the price a market fill moves away from the touch
``volume_share``    ``None``     share (0 < x <= 1) of a bar's volume one resting limit entry
                                 may fill in that bar; ``None``: it fills whole
``latency``         ``0``        virtual seconds between the create and the entry reaching
                                 the exchange
``seed``            ``None``     with a seed each market fill's slippage is drawn from
                                 ``[0, slippage]`` by a generator seeded with it; without one
                                 every market fill slips exactly ``slippage``
==================  ===========  ===========================================================

The default fee, ``data.commission`` or 0.001 when a SmartTrade has none, is the rate of the
docs' create example; it is also Binance spot's standard rate (0.1 % maker and taker).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from threecommas.testing.simulation._market._clock import ClockError, parse_seconds
from threecommas.testing.simulation._market._quotes import PriceError

__all__ = ["BACKTEST_MARKET", "OPTIONS", "MarketConfig", "parse_config"]

OPTIONS: Final = ("maker_fee", "taker_fee", "slippage", "volume_share", "latency", "seed")

#: Values a backtest can start from (``server.market.configure(**BACKTEST_MARKET)``): Binance
#: spot's standard fees, five basis points of slippage at most (seeded), a resting limit order
#: taking at most a tenth of a bar's volume, and no latency (bars are a minute or more).
BACKTEST_MARKET: Final[Mapping[str, Any]] = {
    "maker_fee": "0.001",
    "taker_fee": "0.001",
    "slippage": "0.0005",
    "volume_share": "0.1",
    "latency": "0",
    "seed": 0,
}

_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
_DRAWS: Final = 1_000_000


def _decimal(value: object, name: str) -> Decimal:
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise PriceError(f"{name} must be a decimal number (a str or Decimal), not {value!r}")
    try:
        number = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise PriceError(f"{name} must be a decimal number, not {value!r}") from None
    if not number.is_finite():
        raise PriceError(f"{name} must be a finite number, not {value!r}")
    return number


def _rate(value: object, name: str) -> Decimal:
    number = _decimal(value, name)
    if not _ZERO <= number < _ONE:
        raise PriceError(f"{name} must be a fraction from 0 to below 1 (0.001 is 0.1 %)")
    return number


def _share(value: object, name: str) -> Decimal:
    number = _decimal(value, name)
    if not _ZERO < number <= _ONE:
        raise PriceError(f"{name} must be a fraction above 0 and at most 1")
    return number


def _seed(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PriceError(f"{name} must be an integer, not {value!r}")
    return value


def _latency(value: object, name: str) -> Decimal:
    try:
        return parse_seconds(value, name)
    except ClockError as exc:
        raise PriceError(str(exc)) from None


_PARSERS: Final = {
    "maker_fee": _rate,
    "taker_fee": _rate,
    "slippage": _rate,
    "volume_share": _share,
    "latency": _latency,
    "seed": _seed,
}

#: The options ``None`` resets to their default (the others take 0 for "none").
_NULLABLE: Final = frozenset({"maker_fee", "taker_fee", "volume_share", "seed"})


@dataclass
class MarketConfig:
    """The fill model's options (see the module); :meth:`to_json` is what the admin API shows."""

    maker_fee: Decimal | None = None
    taker_fee: Decimal | None = None
    slippage: Decimal = _ZERO
    volume_share: Decimal | None = None
    latency: Decimal = _ZERO
    seed: int | None = None
    _random: random.Random | None = field(default=None, repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for option in OPTIONS:
            value = getattr(self, option)
            out[option] = _text(value) if isinstance(value, Decimal) else value
        return out

    def restart(self) -> None:
        """Start the slippage draws over from the seed (a reset, a new seed)."""
        self._random = random.Random(self.seed) if self.seed is not None else None

    def fee(self, maker: bool, default: Decimal) -> Decimal:
        """The rate of a fill: a maker's or a taker's, else ``default`` (the SmartTrade's)."""
        rate = self.maker_fee if maker else self.taker_fee
        return default if rate is None else rate

    @property
    def charges_fees(self) -> bool:
        return self.maker_fee is not None or self.taker_fee is not None

    def slip(self) -> Decimal:
        """The fraction one market fill slips by (see the module)."""
        if not self.slippage:
            return _ZERO
        if self._random is None:
            return self.slippage
        return self.slippage * Decimal(self._random.randint(0, _DRAWS)) / _DRAWS


def parse_config(current: MarketConfig, options: Mapping[str, object]) -> MarketConfig:
    """``current`` with ``options`` applied, each checked; an unknown option or a bad value
    raises :class:`PriceError` naming it (and nothing changes)."""
    unknown = sorted(str(key) for key in options if key not in _PARSERS)
    if unknown:
        raise PriceError(
            f"unknown market option(s) {', '.join(unknown)}; known: {', '.join(OPTIONS)}"
        )
    changes: dict[str, Any] = {}
    for option, value in options.items():
        if value is None:
            if option not in _NULLABLE:
                raise PriceError(f"{option} must be a number (0 for none), not None")
            changes[option] = None
        else:
            changes[option] = _PARSERS[option](value, option)
    config = replace(current, **changes)
    if "seed" in changes:
        config.restart()
    return config


def _text(value: Decimal) -> str:
    return format(value.normalize(), "f") if value else "0"

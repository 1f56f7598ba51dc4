"""A tick as the matching rules see it, and what the market remembers about a SmartTrade from
one tick to the next."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from threecommas.testing.simulation._market._config import MarketConfig
from threecommas.testing.simulation._market._derive import derive
from threecommas.testing.simulation._market._quotes import Quote
from threecommas.testing.simulation._state import JSONObject

__all__ = ["Memory", "Moment", "refresh"]


@dataclass
class Memory:
    """What the market remembers about one SmartTrade between ticks (never shown by the API):
    the direction of the entry's trigger, the best prices that trailing orders follow, and
    since when the stop loss's trigger has been breached (for its timeout)."""

    entry_trigger: Decimal | None = None
    entry_rises: bool = True
    entry_extreme: Decimal | None = None
    step_extremes: dict[int, Decimal] = field(default_factory=dict)
    stop_extreme: Decimal | None = None
    stop_distance: Decimal | None = None
    stop_breached_since: int | None = None
    #: Per order, the bar it last filled in and the units it filled there (partial fills).
    bar_fills: dict[str, tuple[object, Decimal]] = field(default_factory=dict)
    #: When the entry reaches the exchange (virtual µs), while it has not yet (latency).
    arrives_at: int | None = None


@dataclass(frozen=True)
class Moment:
    """One tick as the rules see it: the pair's quote, the virtual time, and what they need
    from the store and the market."""

    quote: Quote
    now: str
    micros: int
    usd_rate: Decimal | None = None
    new_id: Callable[[], int] | None = None
    #: The fill model (fees, slippage, volume share); its defaults change nothing.
    config: MarketConfig = field(default_factory=MarketConfig)
    #: The volume of the bar being played (base units) and which bar it is; ``None`` when
    #: the price was not played from bars with a volume (then nothing limits a fill).
    volume: Decimal | None = None
    bar: object = None


def refresh(smart_trade: JSONObject, moment: Moment) -> None:
    derive(smart_trade, moment.quote, now=moment.now, usd_rate=moment.usd_rate)

"""The cache of what `check_limits=True` reads: an account, the rates of a pair, what a
SmartTrade's funds are checked against. Pure: no request, no model import."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Final

__all__ = ["LIMITS_CACHE_TTL_S", "LimitsCache"]

#: How long `check_limits=True` trusts what it read (seconds): an account's market code and a
#: pair's limits. Exchanges change a pair's steps and minimums rarely, and never per order.
LIMITS_CACHE_TTL_S: Final = 300.0


class LimitsCache:
    """What `check_limits=True` has read, each kept `ttl` seconds: accounts by id
    (`("account", id)`), the rates of a pair (`("rates", market_code, pair)`) and what a
    SmartTrade's funds are checked against (`("smart_trade", id)`). One per client."""

    # A plain class: a dataclass compiles its methods at every start of a process, and every
    # client makes one of these.
    __slots__ = ("_held", "clock", "ttl")

    def __init__(
        self, ttl: float = LIMITS_CACHE_TTL_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl = ttl
        self.clock = clock
        self._held: dict[tuple[Any, ...], tuple[float, Any]] = {}

    def get(self, key: tuple[Any, ...]) -> Any:
        found = self._held.get(key)
        if found is None or found[0] <= self.clock():
            return None
        return found[1]

    def put(self, key: tuple[Any, ...], value: Any) -> None:
        self._held[key] = (self.clock() + self.ttl, value)

"""Watching SmartTrades, without I/O: the events, what changed, the budget and the sweep plan.

`client.smart_trades.watch()` (written once in `_async/resources/_watch.py`) polls the API in
sweeps. One `list` request (`status=active`, 100 per page) covers 100 active SmartTrades, so a
sweep of N of them costs ceil(N / 100) requests, plus one `get` for each SmartTrade that left
the active list (its final state). The watcher may spend a share `s` of the client's budget of
`R` requests per `P` seconds; a sweep that cost `k` requests is followed by the next one after

    interval = k * P / (s * R)

seconds (1,000 active SmartTrades at the documented 100 a minute and the default 25 %:
10 * 60 / 25 = 24 s). The watcher's own requests also pass a limiter of `floor(s * R)` per `P`
seconds, and then the client's limiter, which they share with every other call of the client.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple, TypeVar, get_args

from threecommas._clock import SYSTEM_CLOCK, Clock
from threecommas._constants import (
    BUDGET_PERIOD_S,
    BUDGET_REQUESTS,
    DEFAULT_BUDGET_SHARE,
    FINAL_STATUSES,
    WATCH_SOURCES,
)
from threecommas._exceptions import NotFoundError
from threecommas._limits import RateLimit, RateLimiter
from threecommas._storage import SlotLimiter
from threecommas._validation import check_id

if TYPE_CHECKING:
    # Not at run time: `import threecommas` imports no generated model.
    from threecommas_api.models.smart_trade import SmartTrade

__all__ = [
    "DEFAULT_BUDGET_SHARE",
    "FINAL_STATUSES",
    "WAIT_STATUSES",
    "Change",
    "Predicate",
    "Request",
    "RequestAsync",
    "SmartTradeEvent",
    "StopCheck",
    "Until",
    "WaitStatus",
    "WatchIds",
    "WatchPlan",
    "changes_between",
    "is_finished",
    "unknown_ids_error",
    "until_predicate",
]


T = TypeVar("T")
#: The SmartTrades to watch: an id, several, or None for every active one.
WatchIds = Iterable[int] | int | None
#: `watch(stop=...)`: returns True when the watch should end.
StopCheck = Callable[[], bool]
#: A condition on a SmartTrade.
Predicate = Callable[["SmartTrade"], bool]
#: The statuses `wait_for(until=...)` can name: a SmartTrade's `status.basic_type` as the docs
#: list them, and `"finished"`, which stands for any final one (`FINAL_STATUSES`, or
#: `data.finished`). `"successfully_finished"` and `"completed"` are waited for as they are
#: spelled (no documented SmartTrade shows them). A status the API adds later is waited for
#: with a callable.
WaitStatus = Literal[
    "created",
    "waiting_position",
    "waiting_targets",
    "stop_loss_in_progress",
    "reduce_funds_in_progress",
    "pending_reduce_funds",
    "panic_sell_pending",
    "cancellation_pending",
    "cancelled",
    "failed",
    "finished",
    "successfully_finished",
    "completed",
]
WAIT_STATUSES: Final = frozenset(get_args(WaitStatus))
#: `wait_for(until=...)`: None (finished), a status, or a condition.
Until = WaitStatus | Predicate | None
#: A request not sent yet (the watcher sends it when its budget allows).
Request = Callable[[], T]
RequestAsync = Callable[[], Awaitable[T]]


class Change(NamedTuple):
    """One value that changed between two looks at a SmartTrade (`old` is None at first sight)."""

    old: str | None
    new: str | None


@dataclass(frozen=True)
class SmartTradeEvent:
    """A SmartTrade seen to change (or seen for the first time, with `previous` None).

    Attributes:
        smart_trade: the SmartTrade as it is now.
        previous: the SmartTrade as it was last seen, or None when first seen.
        changes: what changed, by name: `"status"`, `"position.status"`,
            `"take_profit.steps.<trade id>.status"`, `"stop_loss.status"`, `"profit.percent"`,
            `"profit.usd"`, `"profit.volume"`, `"profit.roe"` (each a `Change(old, new)` of
            strings; at first sight every one of them with `old` None).
        observed_at: when the watcher saw it (UTC).
    """

    smart_trade: SmartTrade
    previous: SmartTrade | None
    changes: Mapping[str, Change]
    observed_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def id(self) -> int:
        """The SmartTrade's id."""
        return self.smart_trade.id

    @property
    def status(self) -> str:
        """The SmartTrade's status now (`status.basic_type`)."""
        return self.smart_trade.status.basic_type

    @property
    def previous_status(self) -> str | None:
        """The status (`basic_type`) the SmartTrade had before, or None on its first sighting."""
        return None if self.previous is None else self.previous.status.basic_type

    @property
    def finished(self) -> bool:
        """True when the SmartTrade will change no more (finished, cancelled or failed)."""
        return is_finished(self.smart_trade)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: id, pair, the statuses, the changes and the SmartTrade."""
        return {
            "observed_at": self.observed_at.isoformat(),
            "id": self.id,
            "pair": self.smart_trade.pair,
            "status": self.status,
            "previous_status": self.previous_status,
            "profit": self.smart_trade.profit.to_dict(),
            "changes": {name: [c.old, c.new] for name, c in self.changes.items()},
            "smart_trade": self.smart_trade.to_dict(),
        }


def is_finished(smart_trade: SmartTrade) -> bool:
    """True once the SmartTrade left the active ones: finished, cancelled or failed."""
    return smart_trade.status.basic_type in FINAL_STATUSES or smart_trade.data.finished is True


def _facts(smart_trade: SmartTrade) -> dict[str, str | None]:
    # Imported here: the generated types load attrs, which a client needs only with a model.
    from threecommas_api.types import Unset

    facts: dict[str, str | None] = {
        "status": smart_trade.status.basic_type,
        "position.status": smart_trade.position.status.basic_type,
    }
    for step in smart_trade.take_profit.steps:
        facts[f"take_profit.steps.{step.id}.status"] = step.status.basic_type
    stop_loss_status = smart_trade.stop_loss.status
    if not isinstance(stop_loss_status, Unset):
        facts["stop_loss.status"] = stop_loss_status.basic_type
    profit = smart_trade.profit
    for name in ("percent", "usd", "volume", "roe"):
        facts[f"profit.{name}"] = getattr(profit, name)
    return facts


def changes_between(previous: SmartTrade | None, current: SmartTrade) -> dict[str, Change]:
    """What changed from `previous` to `current`, in a fixed order (status first)."""
    new = _facts(current)
    old = {} if previous is None else _facts(previous)
    return {
        name: Change(old.get(name), value)
        for name, value in new.items()
        if previous is None or old.get(name) != value
    }


def until_predicate(until: object) -> Callable[[SmartTrade], bool]:
    """`wait_for`'s condition: None (finished), a status (`"finished"` means any final one),
    or a callable taking the SmartTrade."""
    if until is None or until == "finished":
        return is_finished
    if isinstance(until, str):
        if until not in WAIT_STATUSES:
            # A typo would otherwise wait until the timeout (or forever).
            known = ", ".join(repr(status) for status in get_args(WaitStatus))
            raise ValueError(
                f"until must be one of {known}, a callable taking the SmartTrade or None; "
                f"not {until!r}"
            )
        return lambda smart_trade: smart_trade.status.basic_type == until
    if callable(until):
        return lambda smart_trade: bool(until(smart_trade))
    raise TypeError("until must be None, a status string or a callable taking a SmartTrade")


def check_wait_timeout(timeout: object) -> None:
    """`wait_for`'s `timeout`: seconds >= 0, or None."""
    if timeout is not None and (
        isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout < 0
    ):
        raise ValueError("timeout must be a number of seconds >= 0, or None")


def check_ids(ids: Iterable[int] | int | None) -> tuple[int, ...] | None:
    if ids is None:
        return None
    if isinstance(ids, int):
        ids = [ids]
    if isinstance(ids, str | bytes):
        raise TypeError("ids must be an iterable of SmartTrade ids, or None")
    checked = tuple(dict.fromkeys(check_id("ids", i) for i in ids))
    if not checked:
        raise ValueError("ids must name at least one SmartTrade (or be None for all)")
    return checked


def unknown_ids_error(ids: list[int], refusal: NotFoundError) -> NotFoundError:
    """The `NotFoundError` of a watch whose ids the API does not know (a mistyped id must not
    look like a SmartTrade that ended), with the answer to the first of them."""
    named = ", ".join(str(i) for i in ids)
    which, them, id_ = (
        ("SmartTrade", "it", "id") if len(ids) == 1 else ("SmartTrades", "them", "ids")
    )
    return NotFoundError(
        f"{which} {named} not found: the API does not know {them} (check the {id_}; "
        f"{refusal.message})",
        **refusal._state(),
    )


def _optional_positive(value: object, name: str, kind: type) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, kind) or not value > 0:  # type: ignore[operator]
        raise ValueError(f"{name} must be a positive {kind.__name__} or None")


@dataclass
class WatchPlan:
    """The checked arguments of a watch and its budget (shared by both clients)."""

    ids: tuple[int, ...] | None
    budget_share: float
    requests: int
    period: float
    initial: bool = True
    max_events: int | None = None
    duration: float | None = None
    stop: Callable[[], bool] | None = None
    source: str = "poll"
    clock: Clock = SYSTEM_CLOCK  # the client's: the sweeps' pace and the deadline run on it
    limiter: SlotLimiter = field(init=False)

    def __post_init__(self) -> None:
        # Nothing of the share is kept for orders: a watch sends none.
        self.limiter = RateLimiter(
            RateLimit(
                max(1, math.floor(self.budget_share * self.requests)),
                self.period,
                reserve_for_orders=0,
            ),
            clock=self.clock.monotonic,
        )

    def share_fleet_wide(self, client_limiter: object, api_key: str) -> None:
        """With a budget kept in Redis, the watchers' share is the fleet's, not each
        process's: their limiter lives in the same Redis (its own keys), on the client's
        connection pool."""
        budget = getattr(client_limiter, "budget", None)
        if budget is None:
            return
        limit = budget.limit
        shared = RateLimit(
            max(1, math.floor(self.budget_share * self.requests)),
            self.period,
            storage=budget._redis,
            on_storage_error=limit.on_storage_error,
            key_prefix=f"{limit.key_prefix}:watch",
            storage_timeout=limit.storage_timeout,
            in_flight_timeout=limit.in_flight_timeout,
            reserve_for_orders=0,
        )
        # The client's own kind of budget (async or sync) on its own connection pool.
        self.limiter = type(budget)(shared, api_key).limiter

    @classmethod
    def checked(
        cls,
        rate_limit: RateLimit | None,
        ids: object,
        source: object,
        budget_share: object,
        initial: object,
        max_events: object,
        duration: object,
        stop: object,
        *,
        clock: Clock = SYSTEM_CLOCK,
    ) -> WatchPlan:
        if source not in WATCH_SOURCES:
            raise ValueError("source must be 'poll' or 'websocket'")
        if (
            isinstance(budget_share, bool)
            or not isinstance(budget_share, int | float)
            or not 0 < budget_share <= 1
        ):
            raise ValueError("budget_share must be a number in (0, 1]")
        if not isinstance(initial, bool):
            raise TypeError("initial must be a bool")
        _optional_positive(max_events, "max_events", int)
        if duration is not None and (
            isinstance(duration, bool) or not isinstance(duration, int | float) or duration < 0
        ):
            raise ValueError("duration must be a number of seconds >= 0, or None")
        if stop is not None and not callable(stop):
            raise TypeError("stop must be a callable returning True to stop, or None")
        limit = rate_limit or RateLimit(BUDGET_REQUESTS, BUDGET_PERIOD_S)
        return cls(
            ids=check_ids(ids),  # type: ignore[arg-type]
            budget_share=float(budget_share),
            requests=limit.requests,
            period=limit.period,
            initial=initial,
            max_events=max_events,  # type: ignore[arg-type]
            duration=None if duration is None else float(duration),
            stop=stop,
            source=str(source),
            clock=clock,
        )

    def interval(self, requests_in_sweep: int) -> float:
        """Seconds from the start of a sweep that cost `requests_in_sweep` to the next one."""
        return max(1, requests_in_sweep) * self.period / (self.budget_share * self.requests)

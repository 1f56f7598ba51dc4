"""`client.smart_trades.watch()` and `wait_for()`: budgeted polling of SmartTrades.

The events, the change detection and the budget arithmetic are in `threecommas._watch`; this
module only sends the sweeps' requests and sleeps between them.
"""

from __future__ import annotations

import functools
import math
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

from threecommas._clock import DeadlineReached, deadline_at
from threecommas._constants import ITER_ALL_PER_PAGE
from threecommas._exceptions import NotFoundError, ThreeCommasError
from threecommas._operations import LIST
from threecommas._pagination import PageWalk
from threecommas._steps import StorageCall
from threecommas._storage import SlotLimiter
from threecommas._types import ForcedModeArg, TimeoutArg
from threecommas._watch import (
    Predicate,
    RequestAsync,
    SmartTradeEvent,
    WatchPlan,
    changes_between,
    is_finished,
    unknown_ids_error,
)

from .._api_client import run_storage_step
from .._paginator import pages

if TYPE_CHECKING:
    from ._smart_trades import AsyncSmartTrades

if TYPE_CHECKING:
    from threecommas_api.models.smart_trade import SmartTrade

__all__ = ["AsyncWatch"]

T = TypeVar("T")


class AsyncWatch:
    """One watch: its plan, what it has seen, and its requests (each through its own limiter,
    then the client's)."""

    def __init__(
        self,
        smart_trades: AsyncSmartTrades,
        plan: WatchPlan,
        forced_mode: ForcedModeArg,
        timeout: TimeoutArg,
    ) -> None:
        self._smart_trades = smart_trades
        client = getattr(smart_trades, "_client", None)  # (a test's stand-in has none)
        if client is not None:
            plan.share_fleet_wide(client._policy.limiter, client._api_key)
        self._plan = plan
        self._clock = plan.clock
        self._forced_mode = forced_mode
        self._timeout = timeout
        # When the watch ends (on its clock): no request, and no wait of one, lasts past it.
        self.deadline: float | None = None
        self._seen: dict[int, SmartTrade] = {}
        self._done: set[int] = set()  # watched ids that finished (or do not exist)
        self._pages = 1  # list pages the last sweep needed
        self._spent = 0  # requests of the current sweep
        self.requests = 0  # requests of the whole watch
        self.last_sweep_cost = 0  # requests of the last sweep

    async def _send(self, request: RequestAsync[T]) -> T:
        limiter = self._plan.limiter
        while (delay := await self._acquire(limiter)) > 0:
            await self._nap(delay)
        try:
            with deadline_at(self.deadline):
                return await request()
        finally:
            await self._release(limiter)
            self._spent += 1
            self.requests += 1

    @staticmethod
    async def _acquire(limiter: SlotLimiter) -> float:
        # A fleet-wide share lives in Redis: on an event loop, its coroutine is awaited.
        wait: float = await run_storage_step(StorageCall(limiter.acquire))
        return wait

    @staticmethod
    async def _release(limiter: SlotLimiter) -> None:
        await run_storage_step(StorageCall(limiter.release))

    async def _nap(self, seconds: float) -> None:
        """Sleep `seconds`, or until the deadline and raise `DeadlineReached`."""
        if self.deadline is not None:
            left = self.deadline - self._clock.monotonic()
            if seconds >= left:
                await self._clock.asleep(left)
                raise DeadlineReached("the watch's time ran out while it waited for its budget")
        await self._clock.asleep(seconds)

    async def _list_active(self) -> list[SmartTrade]:
        walk = PageWalk.checked(LIST, None, ITER_ALL_PER_PAGE)

        async def fetch(page: int) -> list[SmartTrade]:
            return await self._send(
                functools.partial(
                    self._smart_trades.list,
                    status="active",
                    page=page,
                    per_page=walk.per_page,
                    forced_mode=self._forced_mode,
                    timeout=self._timeout,
                )
            )

        found: list[SmartTrade] = []
        count = 0
        async for batch in pages(walk, fetch):
            found += batch
            count += 1
        self._pages = count
        return found

    async def _get(self, smart_trade_id: int) -> SmartTrade:
        return await self._send(
            lambda: self._smart_trades.get(
                smart_trade_id, forced_mode=self._forced_mode, timeout=self._timeout
            )
        )

    async def _sweep(self) -> list[SmartTrade]:
        """The SmartTrades as they are now: the active ones (or the watched ids), and the final
        state of each one that left the active list."""
        ids = self._plan.ids
        pending = None if ids is None else [i for i in ids if i not in self._done]
        current: list[SmartTrade] = []
        if pending is not None and len(pending) <= self._pages:
            return await self._read_each(pending, current)  # fewer requests than listing
        active = await self._list_active()
        present = {smart_trade.id for smart_trade in active}
        wanted = None if pending is None else set(pending)
        current = [st for st in active if wanted is None or st.id in wanted]
        # Watched ids not in the active list: seen active before, or named but never seen.
        gone = [i for i in self._seen if i not in present and i not in self._done]
        if pending is not None:
            gone += [i for i in pending if i not in present and i not in self._seen]
        return await self._read_each(gone, current)

    async def _read_each(self, ids: list[int], current: list[SmartTrade]) -> list[SmartTrade]:
        """`current` with each of `ids` read by one `get`; an id seen before that is no more is
        done, one never seen is a mistake of the caller (`NotFoundError`, before any event)."""
        unknown: list[int] = []
        refusal: NotFoundError | None = None
        for smart_trade_id in ids:
            try:
                current.append(await self._get(smart_trade_id))
            except NotFoundError as exc:
                self._done.add(smart_trade_id)
                if smart_trade_id not in self._seen:
                    unknown.append(smart_trade_id)
                    refusal = refusal or exc
        if refusal is not None:
            raise unknown_ids_error(unknown, refusal) from refusal
        return current

    def _events(self, current: list[SmartTrade]) -> list[SmartTradeEvent]:
        events = []
        observed_at = datetime.fromtimestamp(self._clock.time(), UTC)
        for smart_trade in current:
            previous = self._seen.get(smart_trade.id)
            if previous is not None and _older(smart_trade, previous):
                continue  # read before what was seen last (a sweep behind the stream)
            changes = changes_between(previous, smart_trade)
            self._seen[smart_trade.id] = smart_trade
            if is_finished(smart_trade):
                self._done.add(smart_trade.id)
                if self._plan.ids is None:
                    del self._seen[smart_trade.id]  # not listed any more: forget it
            if changes and (previous is not None or self._plan.initial):
                events.append(SmartTradeEvent(smart_trade, previous, changes, observed_at))
        return events

    async def sweep_events(self) -> list[SmartTradeEvent]:
        """One sweep, and what it found changed; `last_sweep_cost` is its request count."""
        self._spent = 0
        try:
            return self._events(await self._sweep())
        finally:
            self.last_sweep_cost = self._spent

    def streamed_events(self, smart_trade: SmartTrade) -> list[SmartTradeEvent]:
        """What a SmartTrade pushed by the stream changed, against what was seen: nothing for
        an id not watched, one already final, or one older (`data.updated_at`) than the one
        last seen (a message overtaken by a sweep; `_events` checks that, for sweeps too)."""
        ids = self._plan.ids
        if (ids is not None and smart_trade.id not in ids) or smart_trade.id in self._done:
            return []
        return self._events([smart_trade])

    def all_done(self) -> bool:
        """True once every watched id is final (never true when watching every active one)."""
        ids = self._plan.ids
        return ids is not None and all(i in self._done for i in ids)

    async def events(self) -> AsyncGenerator[SmartTradeEvent, None]:
        plan, clock = self._plan, self._clock
        deadline = None if plan.duration is None else clock.monotonic() + plan.duration
        # `duration=0` asks for one sweep: that sweep runs whole, then the watch ends.
        self.deadline = None if plan.duration == 0 else deadline
        emitted = 0
        while True:
            started = clock.monotonic()
            try:
                found = await self.sweep_events()
            except DeadlineReached:
                return  # the time ran out during the sweep: the watch ends on time
            for event in found:
                yield event
                emitted += 1
                if plan.max_events is not None and emitted >= plan.max_events:
                    return
            if self.all_done():
                return  # every watched SmartTrade is final: nothing more can change
            wake = started + plan.interval(self.last_sweep_cost)
            while True:
                if plan.stop is not None and plan.stop():
                    return
                now = clock.monotonic()
                if deadline is not None and now >= deadline:
                    return
                if now >= wake:
                    break
                until = wake if deadline is None else min(wake, deadline)
                # Short naps, so that `stop` is looked at often.
                await clock.asleep(min(until - now, 0.25))


def _older(smart_trade: SmartTrade, than: SmartTrade) -> bool:
    # ISO 8601 times in one format: their text sorts as the times do.
    new, old = smart_trade.data.updated_at, than.data.updated_at
    return isinstance(new, str) and isinstance(old, str) and new < old


async def wait_until(
    smart_trade_id: int,
    holds: Predicate,
    plan: WatchPlan,
    events: AsyncGenerator[SmartTradeEvent, None],
    watch: AsyncWatch,
) -> SmartTrade:
    """The SmartTrade once `holds` is true of it (the engine of `wait_for`): `events` come
    from a watch of that one id, whose sweeps `watch` makes."""
    last: SmartTrade | None = None
    try:
        async for event in events:
            last = event.smart_trade
            if holds(last):
                return last
    finally:
        await events.aclose()
    if last is not None and is_finished(last):
        raise ThreeCommasError(
            f"SmartTrade {smart_trade_id} ended ({last.status.basic_type}) before the "
            "condition of wait_for held"
        )
    if smart_trade_id in watch._done:  # read before, answered 404 since
        raise ThreeCommasError(
            f"SmartTrade {smart_trade_id} is no longer found by the API; the condition of "
            "wait_for did not hold"
        )
    waited = "?" if plan.duration is None else f"{math.ceil(plan.duration)}"
    raise TimeoutError(f"SmartTrade {smart_trade_id}: the condition did not hold in {waited} s")

"""SmartTrades made for load: many copies of a recorded one, each with steps to close by market."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any, Final

from threecommas.testing.simulation._base import clone
from threecommas.testing.simulation._entities import POSITION_TRADE, STOP_LOSS_TRADE
from threecommas.testing.simulation._state import (
    order_status,
    refresh_flags,
    smart_trade_status,
    take_profit_steps,
)
from threecommas.testing.simulation._store import SmartTradeStore

__all__ = ["seed_closable_smart_trades"]

_TEMPLATE_ID: Final = 12345678


def _ids_in(value: Any) -> Iterator[int]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "id" and isinstance(item, int) and not isinstance(item, bool):
                yield item
            else:
                yield from _ids_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _ids_in(item)


_seed_lock = threading.Lock()


def seed_closable_smart_trades(
    store: SmartTradeStore, count: int, steps: int = 5
) -> list[tuple[int, list[int]]]:
    """Add ``count`` SmartTrades, each with ``steps`` take-profit steps closable by market.

    Each is a copy of the recorded SmartTrade 12345678 (or of the first stored one with a
    take-profit step) with new ids, status ``waiting_targets`` and every step ``to_process``.
    Returns ``(smart_trade_id, [step ids])`` for each. Meant for before the traffic starts: the
    new ids are above every id stored when it runs.
    """
    if count < 0 or steps < 1:
        raise ValueError("count must be >= 0 and steps >= 1")
    with _seed_lock:
        snapshot = store.snapshot()
        template = snapshot.get(_TEMPLATE_ID)
        if template is None or not take_profit_steps(template):
            template = next((st for st in snapshot.values() if take_profit_steps(st)), None)
        if template is None:
            raise ValueError("no stored SmartTrade has a take-profit step to copy")
        used = [*_ids_in(list(snapshot.values()))]
        used += [i for st_id in snapshot for i in store.trade_ids(st_id).values()]
        next_id = max([0, *used]) + 1
        step_template = take_profit_steps(template)[0]
        created: list[tuple[int, list[int]]] = []
        for _ in range(count):
            smart_trade = clone(template)
            smart_trade_id = next_id
            step_ids = list(range(next_id + 1, next_id + 1 + steps))
            position_id, stop_loss_id = next_id + 1 + steps, next_id + 2 + steps
            next_id += steps + 3
            smart_trade["id"] = smart_trade_id
            smart_trade["status"] = smart_trade_status("waiting_targets")
            new_steps = []
            for number, step_id in enumerate(step_ids, start=1):
                step = clone(step_template)
                step.update(id=step_id, position=number, status=order_status("to_process"))
                data = step.get("data")
                step["data"] = {**(data if isinstance(data, dict) else {}), "cancelable": True}
                new_steps.append(step)
            smart_trade.setdefault("take_profit", {})["steps"] = new_steps
            market_close = smart_trade.get("market_close")
            if isinstance(market_close, dict) and "id" in market_close:
                smart_trade["market_close"] = {}
            refresh_flags(smart_trade)
            # A copy of a stored SmartTrade with new ids and statuses: valid as its template,
            # so the spec check of put() (a millisecond each) is spared a load seeding.
            store._put(
                smart_trade,
                trade_ids={POSITION_TRADE: position_id, STOP_LOSS_TRADE: stop_loss_id},
            )
            created.append((smart_trade_id, step_ids))
        return created

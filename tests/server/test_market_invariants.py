"""Every kind of SmartTrade on seeded random walks: whatever the path, the figures stay
consistent, the flags follow the rules and the shapes fit the spec."""

from __future__ import annotations

from typing import Any

import pytest

from tests.market_support import D, StubStore, check, market_stop, request, step
from threecommas.testing.simulation._market._market import Market
from threecommas.testing.simulation._market._prices import PricePath
from threecommas.testing.simulation._state import smart_trade_status

# Live servers, subprocesses or long scenarios: `make test` runs them, `make unit` does not.
pytestmark = pytest.mark.slow

KNOWN_ORDER_STATUSES = {
    "idle",
    "to_process",
    "order_placed",
    "trailing_activated",
    "panic_sell_pending",
    "finished",
    "cancelled",
    "smart_sell",
}


def every_kind(store: StubStore) -> list[dict[str, Any]]:
    two = [step("50", "0.105"), step("50", "0.11")]
    stop = market_stop("0.095")
    return [
        store.create(request(steps=two, stop_loss=stop)),
        store.create(request(steps=two, stop_loss=market_stop("0.095", breakeven=True))),
        store.create(request(order_type="limit", price="0.098", steps=two, stop_loss=stop)),
        store.create(
            request(
                order_type="conditional",
                price="0.102",
                conditional={"order_type": "market", "price": {"type": "last", "value": "0.102"}},
                steps=two,
            )
        ),
        store.create(
            request(
                order_type="conditional",
                price="0.097",
                conditional={
                    "order_type": "market",
                    "price": {"type": "last", "value": "0.097"},
                    "trailing": {"enabled": True, "percent": "1"},
                },
                stop_loss=stop,
            )
        ),
        store.create(request(steps=[step("100", "0.104", order_type="market", trailing="2")])),
        store.create(
            request(
                stop_loss={
                    "order_type": "market",
                    "conditional": {
                        "price": {"type": "bid", "value": "0.097"},
                        "trailing": {"enabled": True, "percent": "3"},
                    },
                    "timeout": {"enabled": True, "value": 120},
                }
            )
        ),
        store.create(
            request(side="sell", steps=[step("100", "0.095")], stop_loss=market_stop("0.105"))
        ),
        store.create(request(skip_enter_step=True, price="0.1", steps=two, stop_loss=stop)),
        store.create(request(instant=True)),
    ]


def assert_consistent(smart_trade: dict[str, Any]) -> None:
    data = smart_trade["data"]
    entered, closed = D(data["entered_amount"]), D(data["closed_amount"])
    assert 0 <= closed <= entered, smart_trade["id"]
    kind = smart_trade["status"]["basic_type"]
    assert data["finished"] is (kind == "finished")
    if kind in ("finished", "cancelled"):
        assert data["closed_at"] is not None
    if kind == "finished" and smart_trade["instant"] is not True:
        assert closed == entered
    orders = [*smart_trade["take_profit"]["steps"], smart_trade["position"]]
    if smart_trade["stop_loss"]["enabled"]:
        orders.append(smart_trade["stop_loss"])
    assert {o["status"]["basic_type"] for o in orders} <= KNOWN_ORDER_STATUSES
    assert (smart_trade["profit"]["volume"] is None) is (D(data["entered_total"]) == 0)


@pytest.mark.parametrize("seed", [0, 1, 4, 5])  # rising and falling walks
def test_every_kind_of_smart_trade_stays_consistent_on_a_random_walk(seed: int) -> None:
    store = StubStore()
    smart_trades = every_kind(store)
    market = Market(store, spread="0.001")
    market.play(
        PricePath.random_walk(
            pair="USDT_DOGE", start="0.1", steps=150, seconds=30, volatility="0.01", seed=seed
        )
    )
    for minute in range(80):
        market.advance(60)
        for smart_trade in smart_trades:
            assert_consistent(smart_trade)
        if minute % 10 == 0:
            check(store)
        if minute == 20:  # the bot closes the first one, if it may
            first = smart_trades[0]
            if first["data"]["panic_sell_available"]:
                first["status"] = smart_trade_status("panic_sell_pending")
    check(store)

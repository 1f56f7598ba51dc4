"""A market that follows the real time moves with the time, not only when an API request comes:
every read of the market (the admin API's GET, ``server.market``) and every change of it
catches up first. The wall clock here is one the test moves: nothing sleeps."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.applications import Starlette

from tests.server_support import api, call, ok, store_of
from threecommas.testing import create_app
from threecommas.testing.simulation import Market, MarketControl, VirtualClock

ADMIN = "http://testserver/__admin__/market"
PAIR = "USDT_ADA"
#: A virtual second lasts 0.01 real seconds: one real second is 100 virtual seconds.
TIME_FACTOR = 0.01


class Wall:
    """A monotonic clock that moves only when the test says."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def wall() -> Wall:
    return Wall()


@pytest.fixture
def real_time_app(wall: Wall) -> Starlette:
    app = create_app()
    clock = VirtualClock(time_factor=TIME_FACTOR, wall=wall)
    store_of(app).use_market(Market(clock=clock))
    return app


def market(app: Starlette) -> MarketControl:
    control: MarketControl = app.state.market
    return control


def admin_snapshot(app: Starlette) -> dict[str, Any]:
    snapshot: dict[str, Any] = ok(call(app, "GET", ADMIN, auth=None), 200)
    return snapshot


def buy_with_a_step(app: Starlette, take_profit: str) -> int:
    body = {
        "account_id": 32402783,
        "pair": PAIR,
        "position": {"type": "buy", "order_type": "market", "units": {"value": "100"}},
        "take_profit": {
            "enabled": True,
            "steps": [
                {
                    "order_type": "limit",
                    "volume": "100",
                    "price": {"type": "last", "value": take_profit},
                }
            ],
        },
        "stop_loss": {"enabled": False},
    }
    created = ok(api(app, "POST", "/v2/smart_trades", body), 201)
    assert created["status"]["basic_type"] == "waiting_targets"
    smart_trade_id: int = created["id"]
    return smart_trade_id


def test_the_admin_get_shows_the_time_that_passed_without_a_request(
    real_time_app: Starlette, wall: Wall
) -> None:
    assert admin_snapshot(real_time_app)["clock"]["elapsed"] == "0"
    wall.now += 1.0
    snapshot = admin_snapshot(real_time_app)
    assert snapshot["clock"]["elapsed"] == "100"
    assert snapshot["clock"]["now"] == "2024-01-01T00:01:40.000Z"
    wall.now += 0.5
    assert market(real_time_app).snapshot()["clock"]["elapsed"] == "150"
    assert market(real_time_app).now() == "2024-01-01T00:02:30.000Z"


def test_a_path_plays_and_fills_as_time_passes_seen_by_a_read_of_the_market(
    real_time_app: Starlette, wall: Wall
) -> None:
    market(real_time_app).play({"pair": PAIR, "points": [[0, "0.1"], [60, "0.2"]]})
    smart_trade_id = buy_with_a_step(real_time_app, "0.15")
    wall.now += 0.6  # 60 virtual seconds: the point at t=60 is due
    assert admin_snapshot(real_time_app)["prices"][PAIR]["last"] == "0.2"
    # Read from the store directly (not through the API, which would catch up itself).
    smart_trade = store_of(real_time_app).get(smart_trade_id)
    assert smart_trade is not None
    assert smart_trade["status"]["basic_type"] == "finished"
    assert smart_trade["data"]["closed_at"] == "2024-01-01T00:01:00.000Z"


def test_a_price_set_after_a_while_is_set_at_the_time_of_now(
    real_time_app: Starlette, wall: Wall
) -> None:
    market(real_time_app).set_price(PAIR, "0.1")
    smart_trade_id = buy_with_a_step(real_time_app, "0.15")
    wall.now += 1.0
    market(real_time_app).set_price(PAIR, "0.2")  # the step fills at this moment
    smart_trade = store_of(real_time_app).get(smart_trade_id)
    assert smart_trade is not None
    assert smart_trade["data"]["closed_at"] == "2024-01-01T00:01:40.000Z"


def test_a_market_moved_only_when_told_is_read_without_moving(app: Starlette) -> None:
    # Reading must not carry out what waits for the next tick (a close by market, say).
    market(app).set_price(PAIR, "0.1")
    before = market(app).snapshot()
    assert admin_snapshot(app) == before
    assert before["clock"]["real_time"] is False

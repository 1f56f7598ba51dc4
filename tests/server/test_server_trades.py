"""The recorded-responses server: the trades of a SmartTrade (list, cancel, close by market)."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette

from tests.server_support import (
    CLOSE_PATH,
    CLOSED_STEP_ID,
    SMART_SELL_ID,
    SMART_TRADE_ID,
    all_ids,
    api,
    close_path,
    ok,
    put_with,
    refused,
    seed_body,
    store_of,
    stored,
)

# --- The trades of a SmartTrade ------------------------------------------------------------------


def test_list_trades_follows_the_state(app: Starlette) -> None:
    trades = ok(api(app, "GET", f"/v2/smart_trades/{SMART_TRADE_ID}/trades"), 200)
    purposes = [(t["trade_purpose"], t["status"]) for t in trades]
    assert purposes == [
        ("position", "finished"),
        ("take_profit", "to_process"),
        ("take_profit", "to_process"),
        ("take_profit", "to_process"),
    ]
    position_trade = trades[0]
    assert position_trade["id"] == store_of(app).trade_ids(SMART_TRADE_ID)["position"]
    assert position_trade["id"] not in all_ids(seed_body())
    assert [t["id"] for t in trades[1:]] == [1047934727, 1047934728, CLOSED_STEP_ID]
    assert all(t["cancelable"] and t["force_processable"] for t in trades[1:])
    assert not position_trade["cancelable"] and not position_trade["force_processable"]
    ok(api(app, "POST", CLOSE_PATH), 201)
    trades = ok(api(app, "GET", f"/v2/smart_trades/{SMART_TRADE_ID}/trades"), 200)
    closed = next(t for t in trades if t["id"] == CLOSED_STEP_ID)
    assert (closed["status"], closed["force_processable"]) == ("panic_sell_pending", False)
    # The ids stay the same from one call to the next.
    assert trades[0]["id"] == position_trade["id"]


def test_list_trades_of_a_smart_sell_has_no_position_trade(app: Starlette) -> None:
    trades = ok(api(app, "GET", f"/v2/smart_trades/{SMART_SELL_ID}/trades"), 200)
    assert [t["trade_purpose"] for t in trades] == ["take_profit", "take_profit", "stop_loss"]
    assert [t["order_side"] for t in trades] == ["sell", "sell", "sell"]


def test_cancel_trade(app: Starlette) -> None:
    path = f"/v2/smart_trades/{SMART_TRADE_ID}/trades/"
    before = stored(app, SMART_TRADE_ID)["take_profit"]["steps"]
    after = ok(api(app, "DELETE", path + "1047934727"), 200)
    # The answer still lists the step, as it was (the docs' answer); the store no longer has it.
    assert after["take_profit"]["steps"] == before
    kept = stored(app, SMART_TRADE_ID)["take_profit"]["steps"]
    assert [s["id"] for s in kept] == [1047934728, CLOSED_STEP_ID]
    assert after["status"]["basic_type"] == "waiting_targets"
    assert 1047934727 not in [t["id"] for t in ok(api(app, "GET", path[:-1]), 200)]
    refused(api(app, "DELETE", path + "1047934727"), 404)  # gone
    ok(api(app, "DELETE", path + "1047934728"), 200)
    # The last take-profit step can be cancelled too, and that cancels the SmartTrade.
    trades = ok(api(app, "GET", path[:-1]), 200)
    assert [t["cancelable"] for t in trades if t["trade_purpose"] == "take_profit"] == [True]
    last = ok(api(app, "DELETE", path + str(CLOSED_STEP_ID)), 200)
    assert last["status"] == {
        "type": "cancellation_pending",
        "basic_type": "cancellation_pending",
        "title": "Cancelling",
    }
    assert [s["id"] for s in last["take_profit"]["steps"]] == [CLOSED_STEP_ID]
    assert last["data"]["cancel_available"] is False
    read = ok(api(app, "GET", f"/v2/smart_trades/{SMART_TRADE_ID}"), 200)
    assert read["take_profit"]["steps"] == []
    assert read == {**last, "take_profit": {**last["take_profit"], "steps": []}}


def test_cancelling_the_stop_loss_trade_cancels_the_smart_trade(app: Starlette) -> None:
    ids = store_of(app).trade_ids(SMART_SELL_ID)
    path = f"/v2/smart_trades/{SMART_SELL_ID}/trades/"
    steps = [s["id"] for s in stored(app, SMART_SELL_ID)["take_profit"]["steps"]]
    stop_loss = next(
        t for t in ok(api(app, "GET", path[:-1]), 200) if t["trade_purpose"] == "stop_loss"
    )
    assert stop_loss["id"] == ids["stop_loss"] and stop_loss["cancelable"] is True
    after = ok(api(app, "DELETE", path + str(ids["stop_loss"])), 200)
    assert after["status"]["basic_type"] == "cancellation_pending"
    # Only the SmartTrade's status changes: its steps and stop loss are as they were.
    assert [s["id"] for s in after["take_profit"]["steps"]] == steps
    assert after["stop_loss"] == stored(app, SMART_SELL_ID)["stop_loss"]
    # Now nothing can cancel it again, the stop loss included.
    again = refused(api(app, "DELETE", path + str(ids["stop_loss"])))
    assert "cancellation_pending" in again["error_description"]
    listed = ok(api(app, "GET", path[:-1]), 200)
    assert [t["cancelable"] for t in listed if t["trade_purpose"] == "stop_loss"] == [False]


@pytest.mark.parametrize("status", ["created", "panic_sell_pending", "cancelled", "failed"])
def test_a_trade_cancel_that_would_cancel_the_smart_trade_follows_its_rule(
    app: Starlette, status: str
) -> None:
    put_with(app, SMART_SELL_ID, status=status)
    ids = store_of(app).trade_ids(SMART_SELL_ID)
    first, second = (s["id"] for s in stored(app, SMART_SELL_ID)["take_profit"]["steps"])
    path = f"/v2/smart_trades/{SMART_SELL_ID}/trades/"
    before = store_of(app).snapshot()
    assert (
        "stop loss"
        in refused(api(app, "DELETE", path + str(ids["stop_loss"])))["error_description"]
    )
    assert store_of(app).snapshot() == before
    # A step that is not the last leaves the SmartTrade alone: allowed in any status.
    ok(api(app, "DELETE", path + str(first)), 200)
    last = refused(api(app, "DELETE", path + str(second)))
    assert "last take profit" in last["error_description"]
    assert status in last["error_description"]


def test_cancel_trade_refuses_the_position(app: Starlette) -> None:
    ids = store_of(app).trade_ids(SMART_SELL_ID)
    path = f"/v2/smart_trades/{SMART_SELL_ID}/trades/"
    # A Smart Sell has no position trade; the seed has one.
    refused(api(app, "DELETE", path + str(ids["position"])), 404)
    seed_position = store_of(app).trade_ids(SMART_TRADE_ID)["position"]
    refused(api(app, "DELETE", f"/v2/smart_trades/{SMART_TRADE_ID}/trades/{seed_position}"))
    refused(api(app, "POST", close_path(trade_id=seed_position)))
    # The stop loss is not a take-profit trade: it cannot be closed by market.
    refused(api(app, "POST", close_path(SMART_SELL_ID, ids["stop_loss"])))
    refused(api(app, "DELETE", path + "42"), 404)


def test_cancel_trade_refuses_a_step_that_is_not_cancelable(app: Starlette) -> None:
    smart_trade = stored(app, SMART_SELL_ID)
    smart_trade["take_profit"]["steps"][0]["data"]["cancelable"] = False
    store_of(app).put(smart_trade)
    first, second = (s["id"] for s in smart_trade["take_profit"]["steps"])
    refused(api(app, "DELETE", f"/v2/smart_trades/{SMART_SELL_ID}/trades/{first}"))
    ok(api(app, "DELETE", f"/v2/smart_trades/{SMART_SELL_ID}/trades/{second}"), 200)

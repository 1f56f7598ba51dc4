"""The recorded-responses server: create, then every other operation on the new SmartTrade."""

from __future__ import annotations

import copy
import json
import threading
from typing import Any

import pytest
from starlette.applications import Starlette

from tests.server_support import (
    CREATE_BODY,
    DATA_ACCOUNT_ID,
    SEED_IDS,
    all_ids,
    api,
    create,
    invalid,
    ok,
    put_with,
    refused,
    seed_body,
    store_of,
)
from threecommas._schema import schema_errors
from threecommas.testing import load_recordings
from threecommas.testing._operations import request_example
from threecommas.testing.simulation._entities import PLACEHOLDER_PRICE

# Create, then every other operation on the new SmartTrade


def test_create_then_read_list_and_act(app: Starlette) -> None:
    highest_seeded = max(max(all_ids(st)) for st in store_of(app).snapshot().values())
    created = create(app)
    new_id = created["id"]
    assert new_id > highest_seeded
    step_ids = [s["id"] for s in created["take_profit"]["steps"]]
    assert len(set(step_ids)) == 2 and min(step_ids) > highest_seeded and new_id not in step_ids
    assert created["status"] == {"type": "created", "basic_type": "created", "title": "Pending"}
    assert created["position"]["status"]["basic_type"] == "to_process"
    assert created["position"]["total"]["value"] == "1.0"
    assert [s["status"]["basic_type"] for s in created["take_profit"]["steps"]] == ["idle", "idle"]
    assert [s["volume"] for s in created["take_profit"]["steps"]] == ["60", "40"]
    assert created["stop_loss"]["enabled"] is True
    assert created["data"]["type"] == "smart_trade"
    assert created["note"] == created["note_raw"] == "from a test"
    # The account is the one the seeded SmartTrades show for that id.
    assert created["account"] == seed_body()["account"]
    prices = [st["data"].get("current_price") for st in store_of(app).snapshot().values()]
    assert created["data"]["current_price"] in prices
    assert created["data"]["created_at"] == created["data"]["updated_at"]

    assert ok(api(app, "GET", f"/v2/smart_trades/{new_id}"), 200) == created
    listed = ok(api(app, "GET", "/v2/smart_trades?per_page=100&order_by=created_at"), 200)
    assert listed[0] == created  # newest first
    trades = ok(api(app, "GET", f"/v2/smart_trades/{new_id}/trades"), 200)
    assert [t["trade_purpose"] for t in trades] == [
        "position",
        "take_profit",
        "take_profit",
        "stop_loss",
    ]
    assert len({t["id"] for t in trades}) == 4

    # `created`: neither editable nor cancelable; it can be force-started (the docs' example).
    assert created["data"]["force_start_available"] is True
    edit = {"position": {"units": {"value": "12"}}}
    refused(api(app, "PATCH", f"/v2/smart_trades/{new_id}", edit))
    refused(api(app, "DELETE", f"/v2/smart_trades/{new_id}"))

    # Once the exchange has it (a test moves it on), it is.
    put_with(app, new_id, status="waiting_position", position_status="order_placed")
    assert (
        ok(api(app, "PATCH", f"/v2/smart_trades/{new_id}", edit), 200)["position"]["units"]["value"]
        == "12"
    )
    one_left = ok(api(app, "DELETE", f"/v2/smart_trades/{new_id}/trades/{step_ids[0]}"), 200)
    assert one_left["status"]["basic_type"] == "waiting_position"
    # The last take-profit step: cancelling it cancels the SmartTrade, as the docs warn.
    cancelled = ok(api(app, "DELETE", f"/v2/smart_trades/{new_id}/trades/{step_ids[1]}"), 200)
    assert cancelled["status"]["basic_type"] == "cancellation_pending"
    # The answer still lists the step it cancelled (as the docs' answer does); a read does not.
    assert [s["id"] for s in cancelled["take_profit"]["steps"]] == [step_ids[1]]
    read = ok(api(app, "GET", f"/v2/smart_trades/{new_id}"), 200)
    assert read == {**cancelled, "take_profit": {**cancelled["take_profit"], "steps": []}}
    refused(api(app, "DELETE", f"/v2/smart_trades/{new_id}"))  # already being cancelled


@pytest.mark.parametrize(
    ("instant", "skip", "side", "kind"),
    [
        (True, False, "buy", "simple_buy"),
        (True, False, "sell", "simple_sell"),
        (False, True, "buy", "smart_sell"),
        (False, True, "sell", "smart_buy"),
        (False, False, "buy", "smart_trade"),
        (False, False, "sell", "smart_cover"),
    ],
)
def test_create_sets_the_type(
    app: Starlette, instant: bool, skip: bool, side: str, kind: str
) -> None:
    body: dict[str, Any] = {
        "account_id": DATA_ACCOUNT_ID,
        "pair": "USDT_NEW",
        "instant": instant,
        "skip_enter_step": skip,
        "position": {"type": side, "order_type": "market", "units": {"value": "1"}},
    }
    if not instant:  # only a Simple Buy/Sell may leave them out
        body.update(take_profit={"enabled": False}, stop_loss={"enabled": False})
    created = create(app, body)
    assert created["data"]["type"] == kind
    # The account of the data file, shaped as the docs' create example shows it.
    assert created["account"] == {
        "id": DATA_ACCOUNT_ID,
        "type": "binance",
        "name": "Spot - Binance",
        "market": "Binance Spot",
        "link": f"/accounts/{DATA_ACCOUNT_ID}",
    }
    assert created["stop_loss"] == {"enabled": False}
    assert created["take_profit"] == {"enabled": False, "price_type": "value", "steps": []}
    # No price is known for a market order on an unknown pair: the placeholder quote stands in,
    # so that the answer still has every field the spec requires.
    assert created["position"]["price"]["value"] == PLACEHOLDER_PRICE
    assert created["data"]["current_price"]["last"] == PLACEHOLDER_PRICE
    assert not schema_errors("SmartTrade", created)
    expected_position = "smart_sell" if skip else "to_process"
    assert created["position"]["status"]["basic_type"] == expected_position
    assert created["data"]["force_start_available"] is (not skip)


def test_create_ids_are_unique(app: Starlette) -> None:
    ids = [create(app)["id"] for _ in range(5)]
    assert len(set(ids)) == 5 and ids == sorted(ids)


@pytest.mark.parametrize(
    ("raw", "fields"),
    [
        pytest.param(b"", {"body"}, id="no body"),
        pytest.param(b"{oops", {"body"}, id="not JSON"),
        # Take profit and stop loss may be left out only by a Simple Buy/Sell (`instant`).
        pytest.param(
            b"{}", {"account_id", "pair", "position", "take_profit", "stop_loss"}, id="empty"
        ),
        pytest.param(
            json.dumps({**CREATE_BODY, "pair": "USDT-DOGE", "account_id": 0}).encode(),
            {"pair", "account_id"},
            id="bad pair and account",
        ),
        pytest.param(
            json.dumps(
                {**CREATE_BODY, "position": {"type": "buy", "order_type": "limit", "units": {}}}
            ).encode(),
            {"position[units][value]", "position[price]"},
            id="bad position",
        ),
        pytest.param(
            json.dumps({**CREATE_BODY, "instant": "yes"}).encode(),
            {"instant"},
            id="neither a boolean nor the docs' string boolean",
        ),
    ],
)
def test_create_with_a_malformed_body_is_422(app: Starlette, raw: bytes, fields: set[str]) -> None:
    before = store_of(app).snapshot()
    assert set(invalid(api(app, "POST", "/v2/smart_trades", raw=raw), 422)) == fields
    assert store_of(app).snapshot() == before


def test_create_that_breaks_a_rule_is_422(app: Starlette) -> None:
    body = copy.deepcopy(CREATE_BODY)
    body["take_profit"]["steps"][0]["volume"] = "50"
    body["stop_loss"]["breakeven"] = True
    body["take_profit"]["steps"] = body["take_profit"]["steps"][:1]
    attributes = invalid(api(app, "POST", "/v2/smart_trades", body), 422)
    assert attributes == {
        "take_profit[steps]": ["volumes must add up to 100, got 50"],
        "stop_loss[breakeven]": ["needs at least two enabled take-profit steps, got 1 step"],
    }


def test_create_beyond_the_limits_is_refused_under_the_docs_keys(app: Starlette) -> None:
    """The create page's 422 names `position`, `position.total` and `units_to_buy`, not the
    request's `position[units][value]`: a bot tested offline looks for the keys the API sends."""
    body = copy.deepcopy(CREATE_BODY)
    body["position"]["units"]["value"] = "100000000"  # binance_us USDT_DOGE: at most 9000000
    attributes = invalid(api(app, "POST", "/v2/smart_trades", body), 422)
    assert attributes == {
        "position": ["is invalid"],
        "position.total": ["must be less than or equal to 9000000.0"],
        "units_to_buy": ["must be less than or equal to 9000000.0"],
    }


def test_create_with_the_docs_example(app: Starlette) -> None:
    created = create(app, request_example("create_smart_trade"))
    docs = next(r for r in load_recordings() if r.operation == "create_smart_trade").body
    # The same shape as the docs' answer (no exchange: no market price for USDT_BTC).
    assert created.keys() == docs.keys()
    assert created["data"].keys() - docs["data"].keys() == set()
    assert {
        k: created[k] for k in ("pair", "instant", "status", "note", "note_raw", "skip_enter_step")
    } == {k: docs[k] for k in ("pair", "instant", "status", "note", "note_raw", "skip_enter_step")}
    assert created["leverage"] == {
        "enabled": True,
        "type": "isolated",
        "value": 12,
        "type_editable": False,
    }
    assert created["data"]["type"] == "simple_buy"
    flags = ("editable", "panic_sell_available", "add_funds_available", "reduce_funds_available")
    assert {f: created["data"][f] for f in flags} == {f: docs["data"][f] for f in flags}


def test_concurrent_creates_get_distinct_ids(app: Starlette) -> None:
    store = store_of(app)
    body = json.dumps(CREATE_BODY).encode()
    results: list[int] = []

    def worker() -> None:
        for _ in range(20):
            _, created = store.perform("create_smart_trade", {}, body=body)
            results.append(created["id"])

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 160
    assert len(store) == len(SEED_IDS) + 160

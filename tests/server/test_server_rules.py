"""The recorded-responses server: each SmartTrade operation's rule, against the spec."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from starlette.applications import Starlette

from tests.server_support import (
    ADD_FUNDS_ID,
    CANCELLED_ID,
    CLOSE_PATH,
    CLOSED_STEP_ID,
    EDITED_ID,
    FAILED_ID,
    PENDING,
    SMART_SELL_ID,
    SMART_TRADE_ID,
    UNKNOWN_ID,
    WAITING_POSITION_ID,
    all_ids,
    api,
    create,
    invalid,
    ok,
    operation_for,
    put_with,
    refused,
    seed_body,
    step,
    store_of,
    stored,
)
from threecommas.testing import create_app, load_recordings
from threecommas.testing._operations import request_example
from threecommas.testing.simulation import RULES
from threecommas.testing.simulation._state import refresh_flags
from threecommas_api._catalogue import BY_ID

# Every operation's rule: allowed, refused (403), unknown (404)


def test_every_operation_of_the_spec_has_a_rule() -> None:
    assert set(RULES) == set(BY_ID)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v2/smart_trades/{id}"),
        ("PATCH", "/v2/smart_trades/{id}"),
        ("DELETE", "/v2/smart_trades/{id}"),
        ("POST", "/v2/smart_trades/{id}/add_funds"),
        ("GET", "/v2/smart_trades/{id}/reduce_funds_info"),
        ("POST", "/v2/smart_trades/{id}/reduce_funds"),
        ("POST", "/v2/smart_trades/{id}/close_by_market"),
        ("POST", "/v2/smart_trades/{id}/set_note"),
        ("POST", "/v2/smart_trades/{id}/force_start"),
        ("POST", "/v2/smart_trades/{id}/force_process"),
        ("GET", "/v2/smart_trades/{id}/trades"),
        ("DELETE", "/v2/smart_trades/{id}/trades/1047934727"),
        ("POST", "/v2/smart_trades/{id}/trades/1047934727/close_by_market"),
    ],
)
def test_unknown_smart_trade_is_404_everywhere(app: Starlette, method: str, path: str) -> None:
    name = operation_for(method, path.format(id=UNKNOWN_ID))
    before = store_of(app).snapshot()
    # Even with a body that would be refused: the lookup comes first.
    response = api(app, method, path.format(id=UNKNOWN_ID), raw=b"not json")
    assert refused(response, 404) == {
        "error": "Not found",
        "error_description": "Smart Trade not found",
    }, name
    assert store_of(app).snapshot() == before


def test_get_smart_trade(app: Starlette) -> None:
    assert ok(api(app, "GET", f"/v2/smart_trades/{SMART_TRADE_ID}"), 200) == stored(
        app, SMART_TRADE_ID
    )
    assert ok(api(app, "GET", f"/v2/smart_trades/{CANCELLED_ID}"), 200)["status"]["basic_type"] == (
        "cancelled"
    )


def test_update_replaces_the_parts_given(app: Starlette) -> None:
    body = request_example("update_smart_trade")
    updated = ok(api(app, "PATCH", f"/v2/smart_trades/{SMART_TRADE_ID}", body), 200)
    assert updated == stored(app, SMART_TRADE_ID)
    assert updated["position"]["units"]["value"] == "34.0"
    assert updated["position"]["price"]["value"] == "0.00000442"
    assert updated["position"]["total"]["value"] == "0.00015028"
    [new_step] = updated["take_profit"]["steps"]
    assert new_step["id"] > max(
        max(all_ids(st)) for st in store_of(create_app()).snapshot().values()
    )
    assert new_step["status"]["basic_type"] == "idle"
    assert new_step["price"] == {"type": "last", "value": "0.00000508", "percent": None}
    assert updated["stop_loss"]["enabled"] is True
    assert updated["stop_loss"]["conditional"]["price"]["value"] == "0.00000280"
    assert updated["status"]["basic_type"] == "waiting_targets"
    # Only leverage, and it stays as it was otherwise.
    leveraged = ok(
        api(
            app,
            "PATCH",
            f"/v2/smart_trades/{SMART_TRADE_ID}",
            {"leverage": {"enabled": True, "type": "cross", "value": 5}},
        ),
        200,
    )
    assert leveraged["leverage"] == {
        "enabled": True,
        "type": "cross",
        "value": 5,
        "type_editable": False,
    }
    assert leveraged["take_profit"] == updated["take_profit"]


@pytest.mark.parametrize("status", ["waiting_position", "waiting_targets"])
def test_update_is_allowed_in_the_editable_statuses(app: Starlette, status: str) -> None:
    put_with(app, EDITED_ID, status=status)
    api_ok = api(
        app, "PATCH", f"/v2/smart_trades/{EDITED_ID}", {"position": {"units": {"value": "5"}}}
    )
    assert ok(api_ok, 200)["position"]["units"]["value"] == "5"


@pytest.mark.parametrize(
    "status",
    [
        "created",
        "pending_reduce_funds",
        "panic_sell_pending",
        "cancellation_pending",
        "cancelled",
        "failed",
    ],
)
def test_update_is_refused_in_other_statuses(app: Starlette, status: str) -> None:
    put_with(app, EDITED_ID, status=status)
    before = store_of(app).snapshot()
    response = api(
        app, "PATCH", f"/v2/smart_trades/{EDITED_ID}", {"position": {"units": {"value": "5"}}}
    )
    assert status in refused(response)["error_description"]
    assert store_of(app).snapshot() == before


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        pytest.param(
            {
                "take_profit": {
                    "enabled": True,
                    "steps": [
                        {
                            "order_type": "limit",
                            "volume": "100",
                            "price": {"type": "last", "value": "1", "percent": "2"},
                        }
                    ],
                },
                "stop_loss": {
                    "enabled": True,
                    "conditional": {"price": {"type": "last", "value": "1"}},
                },
            },
            {
                "take_profit[steps][0][price][value],take_profit[steps][0][price][percent]",
                "stop_loss[order_type]",
            },
            id="the docs' 400 example",
        ),
        pytest.param({}, {"body"}, id="empty"),
        pytest.param(
            {"position": {"units": {"value": "-1"}}}, {"position[units][value]"}, id="negative"
        ),
        pytest.param({"leverage": {"enabled": "yes"}}, {"leverage[enabled]"}, id="string boolean"),
        pytest.param([1, 2], {"body"}, id="not an object"),
    ],
)
def test_update_with_a_malformed_body_is_400(app: Starlette, body: Any, fields: set[str]) -> None:
    before = store_of(app).snapshot()
    # Checked before the state: the cancelled SmartTrade answers 400 too.
    for smart_trade_id in (SMART_TRADE_ID, CANCELLED_ID):
        response = api(app, "PATCH", f"/v2/smart_trades/{smart_trade_id}", body)
        assert set(invalid(response, 400)) == fields
    assert store_of(app).snapshot() == before


def test_update_that_breaks_a_rule_is_422(app: Starlette) -> None:
    body = {
        "take_profit": {
            "enabled": True,
            "steps": [
                {"order_type": "limit", "volume": "90", "price": {"type": "last", "value": "1"}}
            ],
        }
    }
    attributes = invalid(api(app, "PATCH", f"/v2/smart_trades/{SMART_TRADE_ID}", body), 422)
    assert attributes == {"take_profit[steps]": ["volumes must add up to 100, got 90"]}


@pytest.mark.parametrize("raw", [b"", b"{", b"null", b"\xff\xfe", b"[" * 100_000])
def test_update_with_no_json_is_400(app: Starlette, raw: bytes) -> None:
    response = api(app, "PATCH", f"/v2/smart_trades/{SMART_TRADE_ID}", raw=raw)
    assert set(invalid(response, 400)) == {"body"}


def test_cancel_keeps_the_smart_trade_readable(app: Starlette) -> None:
    cancelling = ok(api(app, "DELETE", f"/v2/smart_trades/{SMART_TRADE_ID}"), 200)
    assert cancelling["status"] == {
        "type": "cancellation_pending",
        "basic_type": "cancellation_pending",
        "title": "Cancelling",
    }
    assert ok(api(app, "GET", f"/v2/smart_trades/{SMART_TRADE_ID}"), 200) == cancelling
    listed = ok(api(app, "GET", "/v2/smart_trades?per_page=100&order_by=created_at"), 200)
    assert cancelling in listed
    assert (
        "cancellation_pending"
        in refused(api(app, "DELETE", f"/v2/smart_trades/{SMART_TRADE_ID}"))["error_description"]
    )
    refused(api(app, "DELETE", f"/v2/smart_trades/{CANCELLED_ID}"))
    refused(api(app, "DELETE", f"/v2/smart_trades/{FAILED_ID}"))


@pytest.mark.parametrize(
    "status",
    [
        "waiting_position",
        "waiting_targets",
        "stop_loss_in_progress",
        "reduce_funds_in_progress",
        "pending_reduce_funds",
    ],
)
def test_cancel_is_allowed_in_the_cancel_available_statuses(app: Starlette, status: str) -> None:
    put_with(app, EDITED_ID, status=status)
    assert (
        ok(api(app, "DELETE", f"/v2/smart_trades/{EDITED_ID}"), 200)["data"]["cancel_available"]
        is False
    )


def test_add_funds(app: Starlette) -> None:
    body = request_example("add_funds")
    added = ok(api(app, "POST", f"/v2/smart_trades/{ADD_FUNDS_ID}/add_funds", body), 201)
    assert added["position"]["units"]["value"] == "58.33738226"  # 43.736 + 14.60138226
    assert added["data"]["entered_amount"] == "58.33738226"
    assert added["status"]["basic_type"] == "waiting_targets"
    # 50 x 0.1: the pair's minimum total (5.0), as the server checks it.
    limit = {"order_type": "limit", "units": {"value": "50"}, "price": {"value": "0.1"}}
    again = ok(api(app, "POST", f"/v2/smart_trades/{ADD_FUNDS_ID}/add_funds", limit), 201)
    # A market order at the ask, then a limit order at its price.
    expected = Decimal("4.57371") + Decimal("14.60138226") * Decimal("0.10265") + Decimal("5.0")
    assert Decimal(again["position"]["total"]["value"]) == expected
    # Also while waiting for the position (the add-funds page allows it).
    ok(api(app, "POST", f"/v2/smart_trades/{WAITING_POSITION_ID}/add_funds", limit), 201)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"status": "pending_reduce_funds"}, id="status"),
        pytest.param({"status": "created"}, id="created"),
        pytest.param({"data_type": "simple_buy"}, id="simple_buy"),
        pytest.param({"data_type": "simple_sell"}, id="simple_sell"),
        pytest.param({"trailing": True}, id="trailing"),
    ],
)
def test_add_funds_refusals(app: Starlette, change: dict[str, Any]) -> None:
    smart_trade = stored(app, ADD_FUNDS_ID)
    if "status" in change:
        kind = change["status"]
        smart_trade["status"] = {"type": kind, "basic_type": kind, "title": kind}
    if "data_type" in change:
        smart_trade["data"]["type"] = change["data_type"]
    if change.get("trailing"):
        smart_trade["position"]["order_type"] = "conditional"
        smart_trade["position"]["conditional"] = {
            "editable": True,
            "order_type": "market",
            "price": {"type": "last", "value": "0.1"},
            "trailing": {"enabled": True, "percent": "1.0"},
        }
    refresh_flags(smart_trade)
    assert smart_trade["data"]["add_funds_available"] is False
    store_of(app).put(smart_trade)
    before = store_of(app).snapshot()
    refused(
        api(app, "POST", f"/v2/smart_trades/{ADD_FUNDS_ID}/add_funds", request_example("add_funds"))
    )
    assert store_of(app).snapshot() == before


def test_add_funds_with_the_docs_request_is_400(app: Starlette) -> None:
    # The docs send units as an array, and a limit order without a price.
    docs = {"order_type": "limit", "units": [{"value": "14.6"}, {"value": "14.6"}]}
    attributes = invalid(api(app, "POST", f"/v2/smart_trades/{ADD_FUNDS_ID}/add_funds", docs), 400)
    assert set(attributes) == {"units", "price"}
    attributes = invalid(api(app, "POST", f"/v2/smart_trades/{ADD_FUNDS_ID}/add_funds", {}), 400)
    assert set(attributes) == {"order_type", "units"}


def test_reduce_funds_info_and_reduce_funds(app: Starlette) -> None:
    info = ok(api(app, "GET", f"/v2/smart_trades/{SMART_TRADE_ID}/reduce_funds_info"), 200)
    assert info == {"max_reduce_funds_amount": "14.91"}
    body = request_example("reduce_funds")
    reduced = ok(api(app, "POST", f"/v2/smart_trades/{SMART_TRADE_ID}/reduce_funds", body), 201)
    assert reduced["status"] == {
        "type": "pending_reduce_funds",
        "basic_type": "pending_reduce_funds",
        "title": "Pending reduce funds",
    }
    [step] = reduced["reduce_funds"]["steps"]
    assert step["id"] not in all_ids(seed_body())
    assert step["type"] == "limit"
    assert step["units"] == {"value": "0.04"}
    assert step["price"]["value"] == "0.03711"
    assert step["status"]["basic_type"] == "idle"
    assert reduced["data"]["reduce_funds_available"] is False
    assert reduced["data"]["panic_sell_available"] is True
    # No longer waiting_targets: both are refused now, with the docs' description.
    body_403 = refused(api(app, "GET", f"/v2/smart_trades/{SMART_TRADE_ID}/reduce_funds_info"))
    assert body_403["error_description"] == "Reduce funds is not allowed in the current status"
    refused(api(app, "POST", f"/v2/smart_trades/{SMART_TRADE_ID}/reduce_funds", body))
    trades = ok(api(app, "GET", f"/v2/smart_trades/{SMART_TRADE_ID}/trades"), 200)
    assert [t["id"] for t in trades if t["trade_purpose"] == "reduce_funds"] == [step["id"]]


@pytest.mark.parametrize("smart_trade_id", [WAITING_POSITION_ID, CANCELLED_ID, FAILED_ID])
def test_reduce_funds_only_while_waiting_targets(app: Starlette, smart_trade_id: int) -> None:
    refused(api(app, "GET", f"/v2/smart_trades/{smart_trade_id}/reduce_funds_info"))
    body = request_example("reduce_funds")
    refused(api(app, "POST", f"/v2/smart_trades/{smart_trade_id}/reduce_funds", body))


def test_reduce_funds_with_a_malformed_body_is_400(app: Starlette) -> None:
    body = {"order_type": "limit", "units": {"value": "0.04"}}
    assert set(
        invalid(api(app, "POST", f"/v2/smart_trades/{SMART_TRADE_ID}/reduce_funds", body), 400)
    ) == {"price"}
    body = {"order_type": "stop", "units": {"value": "0.04"}}
    attributes = invalid(
        api(app, "POST", f"/v2/smart_trades/{SMART_TRADE_ID}/reduce_funds", body), 400
    )
    assert attributes == {"order_type": ["must be one of 'market', 'limit', got 'stop'"]}


def test_close_smart_trade_by_market(app: Starlette) -> None:
    closing = ok(api(app, "POST", f"/v2/smart_trades/{SMART_TRADE_ID}/close_by_market"), 201)
    assert closing["status"] == {
        "type": "panic_sell_pending",
        "basic_type": "panic_sell_pending",
        "title": "Closing at Market Price",
    }
    assert closing["data"]["panic_sell_available"] is False
    assert closing["data"]["cancel_available"] is False
    refused(api(app, "POST", f"/v2/smart_trades/{SMART_TRADE_ID}/close_by_market"))
    for smart_trade_id in (WAITING_POSITION_ID, CANCELLED_ID, FAILED_ID):
        refused(api(app, "POST", f"/v2/smart_trades/{smart_trade_id}/close_by_market"))


def test_set_note(app: Starlette) -> None:
    note = "ü" * 300
    noted = ok(api(app, "POST", f"/v2/smart_trades/{CANCELLED_ID}/set_note", {"note": note}), 201)
    assert noted["note"] == noted["note_raw"] == note
    assert stored(app, CANCELLED_ID)["note_raw"] == note
    too_long = api(app, "POST", f"/v2/smart_trades/{CANCELLED_ID}/set_note", {"note": note + "!"})
    assert invalid(too_long, 400) == {
        "note": ["must be at most 300 characters long, got 301 characters"]
    }
    assert set(
        invalid(api(app, "POST", f"/v2/smart_trades/{CANCELLED_ID}/set_note", {"note": ""}), 400)
    ) == {"note"}
    assert set(invalid(api(app, "POST", f"/v2/smart_trades/{CANCELLED_ID}/set_note", {}), 400)) == {
        "note"
    }


def test_force_start(app: Starlette) -> None:
    recording = next(r for r in load_recordings() if r.operation == "force_start")
    starting = ok(api(app, "POST", f"/v2/smart_trades/{WAITING_POSITION_ID}/force_start"), 201)
    assert starting == recording.body
    assert starting["position"]["status"]["title"] == "Panic closing"
    assert starting["status"]["basic_type"] == "waiting_position"
    refused(api(app, "POST", f"/v2/smart_trades/{WAITING_POSITION_ID}/force_start"))
    refused(api(app, "POST", f"/v2/smart_trades/{SMART_TRADE_ID}/force_start"))


@pytest.mark.parametrize("position", ["to_process", "order_placed", "trailing_activated"])
def test_force_start_statuses(app: Starlette, position: str) -> None:
    put_with(app, SMART_TRADE_ID, position_status=position)
    started = ok(api(app, "POST", f"/v2/smart_trades/{SMART_TRADE_ID}/force_start"), 201)
    assert started["position"]["status"]["basic_type"] == "panic_sell_pending"


def test_force_process_answers_the_smart_trade_unchanged(app: Starlette) -> None:
    before = store_of(app).snapshot()
    assert (
        ok(api(app, "POST", f"/v2/smart_trades/{SMART_TRADE_ID}/force_process"), 201)
        == seed_before_close()
    )
    assert store_of(app).snapshot() == before
    assert stored(app, CANCELLED_ID)["data"]["force_process_available"] is False
    refused(api(app, "POST", f"/v2/smart_trades/{CANCELLED_ID}/force_process"))


def seed_before_close() -> dict[str, Any]:
    expected = seed_body()
    step(expected, CLOSED_STEP_ID)["status"] = PENDING
    step(expected, CLOSED_STEP_ID)["data"]["panic_sell_available"] = True
    return expected


def test_flags_agree_with_the_rules_through_a_sequence(app: Starlette) -> None:
    # `api` checks every stored SmartTrade after each request; this walks many transitions.
    new_id = create(app)["id"]
    put_with(app, new_id, status="waiting_targets", position_status="finished")
    for method, path, body in [
        ("POST", f"/v2/smart_trades/{new_id}/add_funds", request_example("add_funds")),
        ("POST", f"/v2/smart_trades/{new_id}/set_note", {"note": "x"}),
        ("PATCH", f"/v2/smart_trades/{new_id}", request_example("update_smart_trade")),
        ("POST", f"/v2/smart_trades/{new_id}/reduce_funds", request_example("reduce_funds")),
        ("POST", f"/v2/smart_trades/{new_id}/close_by_market", None),
        ("POST", f"/v2/smart_trades/{WAITING_POSITION_ID}/force_start", None),
        ("DELETE", f"/v2/smart_trades/{WAITING_POSITION_ID}", None),
        ("POST", CLOSE_PATH, None),
        ("DELETE", f"/v2/smart_trades/{SMART_TRADE_ID}/trades/1047934727", None),
        ("DELETE", f"/v2/smart_trades/{SMART_SELL_ID}", None),
    ]:
        assert api(app, method, path, body).status_code < 300
    statuses = {i: stored(app, i)["status"]["basic_type"] for i in (new_id, WAITING_POSITION_ID)}
    assert statuses == {new_id: "panic_sell_pending", WAITING_POSITION_ID: "cancellation_pending"}


# --- Accounts ------------------------------------------------------------------------------------


def test_list_accounts_filters_by_api_key(app: Starlette) -> None:
    """`GET /ver1/accounts?api_key=...` keeps only that key's account, as both doc versions say
    ("Filter by API-key"); the older docs' example gives the key of account 12345678."""
    every = ok(api(app, "GET", "/ver1/accounts"), 200)
    assert len(every) > 2
    docs_key = "yzNYzv8a0VEBwsrhc3MDpHZ7XMqa1vJqSqHzpfjjKpdFF9SbQsVQKRl3hKNyZU45"
    (only,) = ok(api(app, "GET", f"/ver1/accounts?api_key={docs_key}"), 200)
    assert only == next(account for account in every if account["id"] == 12345678)
    assert "api_key" not in only  # the newest docs' answers no longer show it
    (second,) = ok(api(app, "GET", "/ver1/accounts?api_key=gyTAiGCgRe1hctsA1J"), 200)
    assert second["id"] == 32833900
    assert ok(api(app, "GET", "/ver1/accounts?api_key=no-such-key"), 200) == []
    # The filter applies before paging.
    assert ok(api(app, "GET", f"/ver1/accounts?api_key={docs_key}&page=2&per_page=1"), 200) == []


def test_add_funds_beyond_the_limits_is_refused_under_the_docs_key(app: Starlette) -> None:
    """The add-funds page's 422 names `total` (not `units[value]`)."""
    body = {"order_type": "limit", "units": {"value": "5"}, "price": {"value": "0.1"}}
    before = store_of(app).snapshot()
    path = f"/v2/smart_trades/{ADD_FUNDS_ID}/add_funds"
    attributes = invalid(api(app, "POST", path, body), 422)
    # binance_us USDT_DOGE: a total of at least 1.0; 5 x 0.1 is 0.5
    assert attributes == {"total": ["must be greater than or equal to 1.0"]}
    assert store_of(app).snapshot() == before

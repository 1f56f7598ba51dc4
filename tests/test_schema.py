"""Request bodies checked against the OpenAPI document, as the client and the server both do."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from threecommas._schema import (
    body_errors,
    check_body,
    field_name,
    load_spec,
    rule_errors,
    spec_path,
)

VALID_CREATE: dict[str, Any] = {
    "account_id": 32455218,
    "pair": "USDT_BTC",
    "position": {"type": "buy", "order_type": "market", "units": {"value": "0.01"}},
    "take_profit": {
        "enabled": True,
        "steps": [
            {"order_type": "limit", "volume": "60", "price": {"type": "last", "value": "70000"}},
            {
                "order_type": "market",
                "volume": "40",
                "price": {"type": "last", "percent": "3.5"},
                "trailing": {"enabled": True, "percent": "1"},
            },
        ],
    },
    "stop_loss": {
        "enabled": True,
        "breakeven": True,
        "order_type": "market",
        "conditional": {"price": {"type": "bid", "value": "60000"}},
    },
    "leverage": {"enabled": False},
}


def _with(change: dict[str, Any]) -> dict[str, Any]:
    body = copy.deepcopy(VALID_CREATE)
    for path, value in change.items():
        *parents, last = path.split(".")
        node: Any = body
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        if value is None:
            del node[int(last) if last.isdigit() else last]
        else:
            node[int(last) if last.isdigit() else last] = value
    return body


def test_the_spec_is_found_and_its_request_examples_pass() -> None:
    assert spec_path().name in ("threecommas.yaml", "openapi.yaml")
    spec = load_spec()
    assert body_errors("CreateSmartTradeRequest", VALID_CREATE) == {}
    for name, example in spec["components"]["examples"].items():
        if name.endswith("Request"):
            assert body_errors(name, example["value"]) == {}, name


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"account_id": 0}, {"account_id": ["must be greater than or equal to 1"]}),
        ({"account_id": True}, {"account_id": ["is invalid"]}),
        ({"pair": "BTC"}, {"pair": ["is invalid"]}),
        ({"position.type": "hold"}, {"position[type]": ["does not have a valid value"]}),
        ({"position.units.value": 0.01}, {"position[units][value]": ["is invalid"]}),
        ({"position.units.value": "0"}, {"position[units][value]": ["is invalid"]}),
        ({"position.units": None}, {"position[units]": ["is missing"]}),
        ({"position.order_type": "limit"}, {"position[price]": ["is missing"]}),
        ({"note": ""}, {"note": ["is too short (minimum is 1 characters)"]}),
        ({"note": "x" * 301}, {"note": ["is too long (maximum is 300 characters)"]}),
        (
            {"take_profit.steps.0.price.percent": "2"},
            {
                "take_profit[steps][0][price][value],take_profit[steps][0][price][percent]": [
                    "are mutually exclusive"
                ]
            },
        ),
        (
            {"take_profit.steps.0.price.value": None},
            {"take_profit[steps][0][price][percent]": ["is missing"]},
        ),
        (
            {"take_profit.steps": [VALID_CREATE["take_profit"]["steps"][0]] * 9},
            {"take_profit[steps]": ["takes at most 8 items"]},
        ),
        ({"stop_loss.order_type": None}, {"stop_loss[order_type]": ["is missing"]}),
    ],
)
def test_schema_errors_name_each_bad_field(
    change: dict[str, Any], expected: dict[str, list[str]]
) -> None:
    assert body_errors("CreateSmartTradeRequest", _with(change)) == expected


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"take_profit.steps.0.volume": "50"},
            {"take_profit[steps]": ["volumes must add up to 100"]},
        ),
        (
            {"take_profit.steps": [{**VALID_CREATE["take_profit"]["steps"][0], "volume": "100"}]},
            {"stop_loss[breakeven]": ["needs at least two take profit steps"]},
        ),
        (
            {"take_profit.steps.0.trailing": {"enabled": True, "percent": "1"}},
            {
                "take_profit[steps][0][trailing][enabled]": [
                    "is only for market orders",
                    "is only for the last step",
                ]
            },
        ),
    ],
)
def test_rules_beyond_the_schema(change: dict[str, Any], expected: dict[str, list[str]]) -> None:
    body = _with(change)
    assert rule_errors("CreateSmartTradeRequest", body) == expected
    assert body_errors("CreateSmartTradeRequest", body) == expected


def test_check_body_raises_one_value_error_listing_everything() -> None:
    with pytest.raises(ValueError) as caught:
        check_body("SetNoteRequest", {"note": ""})
    assert "note: is too short" in str(caught.value)
    check_body("SetNoteRequest", {"note": "ok"})
    with pytest.raises(ValueError, match="body: is invalid"):
        check_body("AddFundsRequest", ["not", "an", "object"])
    with pytest.raises(KeyError):
        check_body("NoSuchRequest", {})


def test_field_names_use_the_api_bracket_notation() -> None:
    assert (
        field_name(["take_profit", "steps", 0, "price", "value"])
        == "take_profit[steps][0][price][value]"
    )
    assert field_name([]) == "body"

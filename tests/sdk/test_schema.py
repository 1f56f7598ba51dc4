"""Request bodies checked against the OpenAPI document, as the client and the server both do."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from threecommas._schema import (
    PATTERN_WORDS,
    body_errors,
    check_body,
    expected,
    field_name,
    load_spec,
    rule_errors,
    shown,
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
        ({"account_id": 0}, {"account_id": ["must be greater than or equal to 1, got 0"]}),
        (
            {"account_id": True},
            {"account_id": ["must be an integer from 1 to 9223372036854775807, got true"]},
        ),
        (
            {"pair": "BTC"},
            {
                "pair": [
                    "must be a pair such as 'USDT_BTC' (letters and digits, one '_'), got 'BTC'"
                ]
            },
        ),
        (
            {"position.type": "hold"},
            {"position[type]": ["must be one of 'buy', 'sell', got 'hold'"]},
        ),
        (
            {"position.units.value": 0.01},
            {"position[units][value]": ["must be a decimal string greater than 0, got 0.01"]},
        ),
        (
            {"position.units.value": "0"},
            {"position[units][value]": ["must be a decimal string greater than 0, got '0'"]},
        ),
        (
            {"position.units.value": "-1"},
            {"position[units][value]": ["must be a decimal string greater than 0, got '-1'"]},
        ),
        ({"position.units": None}, {"position[units]": ["is missing (required)"]}),
        ({"position": "x"}, {"position": ["must be an object, got 'x'"]}),
        (
            {"position.order_type": "limit"},
            {"position[price]": ["is missing (required when position[order_type] is 'limit')"]},
        ),
        ({"note": ""}, {"note": ["must be at least 1 character long, got 0 characters"]}),
        (
            {"note": "x" * 301},
            {"note": ["must be at most 300 characters long, got 301 characters"]},
        ),
        (
            {"take_profit.steps.0.price.percent": "2"},
            {
                "take_profit[steps][0][price][value],take_profit[steps][0][price][percent]": [
                    "are mutually exclusive: give only one of them, got both"
                ]
            },
        ),
        (
            {"take_profit.steps.0.price.value": None},
            {
                "take_profit[steps][0][price][percent]": [
                    "is missing (required when take_profit[steps][0][price][value] is not given)"
                ]
            },
        ),
        (
            {"take_profit.steps": [VALID_CREATE["take_profit"]["steps"][0]] * 9},
            {"take_profit[steps]": ["must have at most 8 items, got 9"]},
        ),
        (
            {"stop_loss.order_type": None},
            {"stop_loss[order_type]": ["is missing (required when stop_loss[enabled] is true)"]},
        ),
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
            {"take_profit[steps]": ["volumes must add up to 100, got 50 + 40 = 90"]},
        ),
        (
            {"take_profit.steps": [{**VALID_CREATE["take_profit"]["steps"][0], "volume": "100"}]},
            {"stop_loss[breakeven]": ["needs at least two enabled take-profit steps, got 1 step"]},
        ),
        (
            {"take_profit.steps.0.trailing": {"enabled": True, "percent": "1"}},
            {
                "take_profit[steps][0][trailing][enabled]": [
                    "can be true only for a market step, got order_type 'limit'",
                    "can be true only on the last step, got it on step 1 of 2",
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
    assert str(caught.value) == (
        "invalid SetNoteRequest: note must be at least 1 character long, got 0 characters"
    )
    check_body("SetNoteRequest", {"note": "ok"})
    with pytest.raises(ValueError, match="body must be an object, got an array of 3 items"):
        check_body("AddFundsRequest", ["not", "an", "object"])
    with pytest.raises(ValueError) as caught:
        check_body("ReduceFundsRequest", {"order_type": "stop", "units": {"value": "-1"}})
    assert str(caught.value) == (
        "invalid ReduceFundsRequest: order_type must be one of 'market', 'limit', got 'stop'; "
        "units[value] must be a decimal string greater than 0, got '-1'"
    )
    with pytest.raises(KeyError):
        check_body("NoSuchRequest", {})


def _request_schemas() -> list[str]:
    return [name for name in load_spec()["components"]["schemas"] if name.endswith("Request")]


def _walk(node: Any) -> Iterator[Any]:
    yield node
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    for child in children:
        yield from _walk(child)


def test_every_pattern_of_the_spec_has_words() -> None:
    """A message never shows a regular expression: each pattern in the spec is in the table."""
    patterns = {
        node["pattern"]
        for node in _walk(load_spec()["components"])
        if isinstance(node, dict) and isinstance(node.get("pattern"), str)
    }
    assert patterns and patterns <= set(PATTERN_WORDS), patterns - set(PATTERN_WORDS)


# Values that break each kind of rule, for the property below.
_BAD_VALUES: list[Any] = [
    None,
    True,
    -1,
    0,
    1.5,
    "",
    "-1",
    "x" * 500,
    [],
    [1, 2],
    {},
    {"enabled": "yes"},
]


@pytest.mark.parametrize("schema_name", _request_schemas())
@pytest.mark.slow
def test_every_message_names_the_field_the_rule_and_the_value(schema_name: str) -> None:
    """Each schema message says what is expected and what was given, never the bare "is
    invalid" of old: checked for every request schema, with a bad value put in each place of
    its example (or of a valid body)."""
    examples = load_spec()["components"]["examples"]
    base = copy.deepcopy(examples[schema_name]["value"]) if schema_name in examples else {}
    if schema_name == "CreateSmartTradeRequest":
        base = copy.deepcopy(VALID_CREATE)
    seen: set[str] = set()
    for path in _paths(base):
        for bad in _BAD_VALUES:
            body = _replaced(base, path, bad)
            for name, messages in body_errors(schema_name, body).items():
                assert name, body
                for message in messages:
                    seen.add(message)
                    assert "is invalid" not in message
                    assert "got" in message or message.startswith("is missing (required"), message
    assert seen, schema_name


def _paths(node: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if path:
        yield path
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _paths(child, (*path, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _paths(child, (*path, index))


def _replaced(body: Any, path: tuple[str | int, ...], value: Any) -> Any:
    copied = copy.deepcopy(body)
    node = copied
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return copied


def test_one_of_several_forms_is_one_message() -> None:
    # `Leverage.value` (a response schema) is an integer or a decimal string.
    assert body_errors("Leverage", {"enabled": True, "value": 1.5}) == {
        "value": ["must be an integer or a string, got 1.5"]
    }


def test_values_are_shown_short_and_as_json() -> None:
    assert shown("-1") == "'-1'"
    assert shown(True) == "true" and shown(None) == "null"
    assert shown(0.01) == "0.01" and shown(7) == "7"
    assert shown("x" * 100) == repr("x" * 40 + "...")
    assert shown({}) == "an empty object" and shown({"a": 1}) == "an object with 1 field"
    assert shown([1, 2]) == "an array of 2 items"


def test_expected_puts_a_schema_into_words() -> None:
    assert expected({"$ref": "#/components/schemas/PositiveDecimal"}) == (
        "a decimal string greater than 0"
    )
    assert expected({"anyOf": [{"type": "boolean"}, {"enum": ["true", "false"]}]}) == (
        "a boolean (true or false) or one of 'true', 'false'"
    )
    assert (
        expected(
            {
                "oneOf": [
                    {"$ref": "#/components/schemas/PositiveDecimal"},
                    {"type": "number", "exclusiveMinimum": 0},
                ]
            }
        )
        == "a decimal string greater than 0 or a number greater than 0"
    )
    assert expected({"type": "integer", "minimum": 1}) == "an integer at least 1"
    assert expected({"type": ["integer", "null"]}) == "an integer or null"
    assert expected({"type": "string", "pattern": "^a+$"}) == "a string matching ^a+$"
    assert expected({}) == "a valid value"


def test_field_names_use_the_api_bracket_notation() -> None:
    assert (
        field_name(["take_profit", "steps", 0, "price", "value"])
        == "take_profit[steps][0][price][value]"
    )
    assert field_name([]) == "body"


def test_every_path_id_has_the_range_check_id_gives() -> None:
    """The SDK checks an id once, with `check_id` (1 to 2**63-1, a plain int); the spec's
    schema of every path parameter must say exactly that, or the check would drift from it."""
    from threecommas._constants import INT64_MAX
    from threecommas._params import parameter_schemas
    from threecommas_api._catalogue import OPERATIONS

    seen = 0
    for operation in OPERATIONS:
        for name, schema in parameter_schemas(operation.operation_id, "path").items():
            assert schema.get("type") == "integer", (operation.operation_id, name)
            assert (schema.get("minimum"), schema.get("maximum")) == (1, INT64_MAX), name
            assert not {"enum", "anyOf", "exclusiveMinimum", "exclusiveMaximum"} & set(schema)
            seen += 1
    assert seen >= 10

"""What the fast `from_dict` of the generated models still checks, and what it keeps.

`from_dict` reads each field straight from the mapping, tests its type with a cheap test first,
builds the instance without `__init__`, and looks for unknown keys only when the count of the
keys says there are some (see openapi/templates/model.py.jinja and type_checks.jinja).
None of that may let a value of the wrong type through: every scalar field of every documented
answer, and every item of an array of plain values, given a value of another JSON type, raises
TypeError naming the field, and through the client a ResponseParseError with the body.
"""

from __future__ import annotations

import asyncio
import copy
import json
import pickle
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
import httpx
import pytest

from tests.seed import seed_response
from threecommas import AsyncThreeCommas, ResponseParseError, SmartTrade, ThreeCommas
from threecommas._schema import load_spec
from threecommas_api import models

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = json.loads((ROOT / "tests/data/docs_response_examples.json").read_text())["examples"]


SCHEMAS = load_spec()["components"]["schemas"]
#: A value of each JSON type.
SAMPLES = {
    "string": "x",
    "integer": 7,
    "number": 1.5,
    "boolean": True,
    "array": ["x"],
    "object": {"k": 1},
}


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = SCHEMAS[node["$ref"].rsplit("/", 1)[1]]
    return node


def _json_types(node: dict[str, Any]) -> set[str]:
    """The JSON types a schema allows ("number" takes integers too)."""
    node = _resolve(node)
    branches = node.get("oneOf") or node.get("anyOf")
    if branches:
        return set().union(*(_json_types(branch) for branch in branches))
    kind = node.get("type", [])
    kinds = set(kind if isinstance(kind, list) else [kind])
    if "properties" in node:
        kinds.add("object")
    if "number" in kinds:
        kinds.add("integer")
    return kinds


def _fields(
    node: dict[str, Any], value: Any, path: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """Every field inside the answer `value`, with its path and its schema."""
    node = _resolve(node)
    if isinstance(value, dict) and "properties" in node:
        for key, item in value.items():
            if key in node["properties"]:
                sub = node["properties"][key]
                yield (*path, key), sub
                yield from _fields(sub, item, (*path, key))
    elif isinstance(value, list) and "items" in _resolve(node):
        for index, item in enumerate(value[:1]):
            yield from _fields(_resolve(node)["items"], item, (*path, index))


def _replaced(document: dict[str, Any], path: tuple[Any, ...], new: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    node = changed
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = new
    return changed


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def _scalar_array(node: dict[str, Any]) -> bool:
    node = _resolve(node)
    return "array" in _json_types(node) and "object" not in _json_types(node.get("items", {}))


def _cases() -> list[tuple[str, int, tuple[Any, ...], Any]]:
    """(schema, example, path, a value of a type the field does not allow), for every field
    of every documented answer (each field once per schema)."""
    cases = []
    seen = set()
    for number, example in enumerate(EXAMPLES):
        root = {"$ref": f"#/components/schemas/{example['schema']}"}
        for path, node in _fields(root, example["body"]):
            shape = (example["schema"], tuple("[]" if isinstance(p, int) else p for p in path))
            allowed = _json_types(node)
            if shape in seen or not allowed:
                continue  # (a field of unknown type is Any)
            seen.add(shape)
            for kind, sample in SAMPLES.items():
                if kind not in allowed:
                    cases.append((example["schema"], number, path, sample))
    return cases


CASES = _cases()


def _item_cases() -> list[tuple[str, int, tuple[Any, ...], Any]]:
    """(schema, example, path of an array of plain values, an item of a type its items do not
    allow), for every such array of every documented answer."""
    cases = []
    seen = set()
    for number, example in enumerate(EXAMPLES):
        root = {"$ref": f"#/components/schemas/{example['schema']}"}
        for path, node in _fields(root, example["body"]):
            shape = (example["schema"], tuple("[]" if isinstance(p, int) else p for p in path))
            if shape in seen or not _scalar_array(node):
                continue
            seen.add(shape)
            allowed = _json_types(_resolve(node)["items"])
            if not allowed:
                continue  # items of unknown type are Any: the array alone is checked
            for kind, sample in SAMPLES.items():
                if kind not in allowed:
                    cases.append((example["schema"], number, path, sample))
    return cases


ITEM_CASES = _item_cases()


def test_there_are_cases_for_every_response_model() -> None:
    schemas = {schema for schema, _, _, _ in CASES}
    assert schemas >= {"SmartTrade", "Trade", "ReduceFundsInfo", "Account", "Market"}
    assert len(CASES) > 500


@pytest.mark.parametrize(
    ("schema", "number", "path", "wrong"),
    CASES,
    ids=[f"{s}:{'/'.join(map(str, p))}={w!r}" for s, _, p, w in CASES],
)
def test_a_value_of_a_type_the_schema_does_not_allow_is_refused(
    schema: str, number: int, path: tuple[Any, ...], wrong: Any
) -> None:
    body = EXAMPLES[number]["body"]
    model = getattr(models, schema)
    with pytest.raises((TypeError, ValueError, KeyError, AttributeError)) as raised:
        model.from_dict(_replaced(body, path, wrong))
    # A scalar field's error names it; an object or an array given a scalar fails on its use.
    if not isinstance(_at(body, path), dict | list) and _at(body, path) is not None:
        assert raised.type is TypeError
        assert str(raised.value).startswith(f"{path[-1]}: expected "), raised.value


def test_there_are_item_cases_for_every_array_of_strings() -> None:
    arrays = {path[-1] for _, _, path, _ in ITEM_CASES}
    assert arrays >= {"supported_market_types", "trusted_ips", "available_connection_flows"}


@pytest.mark.parametrize(
    ("schema", "number", "path", "wrong"),
    ITEM_CASES,
    ids=[f"{s}:{'/'.join(map(str, p))}[]={w!r}" for s, _, p, w in ITEM_CASES],
)
def test_an_item_of_a_type_the_array_does_not_allow_is_refused(
    schema: str, number: int, path: tuple[Any, ...], wrong: Any
) -> None:
    body = EXAMPLES[number]["body"]
    model = getattr(models, schema)
    for items in ([wrong], [*_at(body, path), wrong]):
        with pytest.raises(TypeError) as raised:
            model.from_dict(_replaced(body, path, items))
        assert str(raised.value).startswith(f"{path[-1]}: expected an array of "), raised.value


def test_an_array_of_strings_given_a_string_or_numbers_is_refused() -> None:
    market = next(e["body"] for e in EXAMPLES if e["schema"] == "Market")
    for wrong, message in (
        ("1.2.3.4", "trusted_ips: expected an array, got str"),
        ([1, 2], "trusted_ips: expected an array of str, got an item of type int"),
        (["1.2.3.4", None], "trusted_ips: expected an array of str, got an item of type NoneType"),
    ):
        with pytest.raises(TypeError) as raised:
            models.Market.from_dict(_replaced(market, ("trusted_ips",), wrong))
        assert str(raised.value) == message
    ips = ["1.2.3.4", "5.6.7.8"]
    assert models.Market.from_dict(_replaced(market, ("trusted_ips",), ips)).trusted_ips == ips


@pytest.mark.parametrize("wrong", ["1.2.3.4", [1, 2]], ids=["a string", "numbers"])
def test_through_the_client_a_wrong_item_is_a_response_parse_error(wrong: Any) -> None:
    market = next(e["body"] for e in EXAMPLES if e["schema"] == "Market")
    content = json.dumps([_replaced(market, ("trusted_ips",), wrong)]).encode()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=content))
    with (
        ThreeCommas(http_client=httpx.Client(transport=transport)) as client,
        pytest.raises(ResponseParseError, match="trusted_ips: expected an array") as raised,
    ):
        client.market.markets()
    assert raised.value.body == content.decode()


def test_scalar_type_errors_name_the_field_and_the_types() -> None:
    body = seed_response()
    cases = [
        (("id",), "1", "id: expected int, got str"),
        (("id",), True, "id: expected int, got bool"),
        (("instant",), 0, "instant: expected bool, got int"),
        (("note_raw",), 5, "note_raw: expected str or null, got int"),
        (("version",), "2", "version: expected int, got str"),
        (("take_profit", "steps", 0, "total"), 4.0, "total: expected str or null, got float"),
        (("data", "commission"), [1], "commission: expected float or int or str, got list"),
    ]
    for path, wrong, message in cases:
        with pytest.raises(TypeError) as raised:
            SmartTrade.from_dict(_replaced(body, path, wrong))
        assert str(raised.value) == message


def test_an_int_is_a_valid_float_and_null_a_valid_nullable() -> None:
    body = _replaced(seed_response(), ("data", "commission"), 2)
    body["take_profit"]["steps"][0]["total"] = None
    trade = SmartTrade.from_dict(body)
    assert trade.data.commission == 2
    assert trade.take_profit.steps[0].total is None
    assert trade.to_dict() == body
    amount = models.CurrencyAmountNumber.from_dict({"amount": 3, "currency": "USD"})
    assert amount.amount == 3
    for wrong in (True, "3"):
        message = f"amount: expected float or int, got {type(wrong).__name__}"
        with pytest.raises(TypeError, match=message):
            models.CurrencyAmountNumber.from_dict({"amount": wrong, "currency": "USD"})


def test_an_object_field_that_is_not_an_object_is_refused_by_name() -> None:
    for wrong in ("text", 3, [["enabled", False]], None):
        with pytest.raises(TypeError) as raised:
            SmartTrade.from_dict(_replaced(seed_response(), ("leverage",), wrong))
        assert "Leverage: expected a JSON object" in str(raised.value)
    with pytest.raises(TypeError, match="SmartTrade: expected a JSON object, got list"):
        SmartTrade.from_dict([("id", 1)])  # type: ignore[arg-type]


def test_an_array_field_that_is_not_an_array_is_refused_by_name() -> None:
    # (Iterating an empty object or string would have given an empty list.)
    for wrong in ({}, "", {"id": 1}, "steps"):
        with pytest.raises(TypeError, match="steps: expected an array, got"):
            SmartTrade.from_dict(_replaced(seed_response(), ("take_profit", "steps"), wrong))
    body = _replaced(
        seed_response(), ("take_profit", "steps"), tuple(seed_response()["take_profit"]["steps"])
    )
    assert len(SmartTrade.from_dict(body).take_profit.steps) == 3


@pytest.mark.parametrize(
    ("path", "wrong"),
    [
        (("pair",), 7),
        (("take_profit", "steps", 1, "data", "cancelable"), "yes"),
        (("leverage",), 1),
    ],
)
def test_through_the_client_a_wrong_type_is_a_response_parse_error_with_the_body(
    path: tuple[Any, ...], wrong: Any
) -> None:
    content = json.dumps(_replaced(seed_response(), path, wrong)).encode()
    transport = httpx.MockTransport(lambda request: httpx.Response(201, content=content))
    with (
        ThreeCommas("k", "s", http_client=httpx.Client(transport=transport)) as client,
        pytest.raises(ResponseParseError) as raised,
    ):
        client.smart_trades.close_trade_by_market(1, 2)
    assert raised.value.body == content.decode()
    assert "TypeError" in str(raised.value)

    async def run() -> None:
        async with AsyncThreeCommas(
            "k", "s", http_client=httpx.AsyncClient(transport=transport)
        ) as aclient:
            await aclient.smart_trades.close_trade_by_market(1, 2)

    with pytest.raises(ResponseParseError) as araised:
        asyncio.run(run())
    assert araised.value.body == content.decode()


# --- what from_dict keeps -----------------------------------------------------------------------


def test_from_dict_leaves_its_input_alone_and_takes_any_mapping() -> None:
    body = seed_response()
    body["from_the_future"] = {"x": 1}
    before = copy.deepcopy(body)
    trade = SmartTrade.from_dict(MappingProxyType(body))
    assert body == before
    assert trade.to_dict() == body
    assert trade.additional_properties == {"from_the_future": {"x": 1}}
    assert trade.status.additional_properties == {}


def test_additional_properties_of_a_parsed_model_are_its_own_dict() -> None:
    one, two = SmartTrade.from_dict(seed_response()), SmartTrade.from_dict(seed_response())
    # Without unknown keys the dict is made on first use (no empty dict per parsed object)...
    slot = vars(SmartTrade)["additional_properties"]._slot
    with pytest.raises(AttributeError):
        slot.__get__(one)
    # ...then each object has a dict of its own, as after __init__ (none is shared)...
    assert one.additional_properties is not two.additional_properties
    assert one.status.additional_properties is not two.status.additional_properties
    assert slot.__get__(one) is one.additional_properties
    # ...and no `__getattr__` (which would slow down every read of every field).
    assert all("__getattr__" not in vars(type(model)) for model in (one, one.status, one.data))
    assert one.additional_properties == {} and one.additional_keys == []
    one["mine"] = 1
    one.status.additional_properties["also"] = 2
    assert two.additional_properties == {} and two.status.additional_properties == {}
    assert "mine" in one and one["mine"] == 1 and "mine" not in two
    expected = {**seed_response(), "mine": 1}
    expected["status"] = {**expected["status"], "also": 2}
    assert one.to_dict() == expected
    del one["mine"]
    assert one.additional_properties == {}


def test_a_constructed_model_has_its_dict_and_can_be_given_another() -> None:
    status = models.OrderStatus("to_process", "to_process", "Pending")
    assert status.additional_properties == {}
    status.additional_properties = {"x": 1}
    assert status["x"] == 1 and status.to_dict()["x"] == 1
    del status.additional_properties
    with pytest.raises(AttributeError):
        vars(models.OrderStatus)["additional_properties"]._slot.__get__(status)
    assert status.additional_properties == {}  # made again on first use


def test_a_parsed_model_equals_copies_and_prints_like_a_constructed_one() -> None:
    trade = SmartTrade.from_dict(seed_response())
    again = SmartTrade.from_dict(seed_response())
    assert trade == again
    built = attrs.evolve(trade)
    assert built == trade and built.additional_properties == {}
    assert copy.copy(trade) == trade
    assert pickle.loads(pickle.dumps(trade)).id == trade.id
    assert repr(trade).startswith("SmartTrade(id=12345678, ")
    assert "additional_properties={}" in repr(trade)
    assert attrs.asdict(trade)["additional_properties"] == {}
    assert trade != SmartTrade.from_dict({**seed_response(), "x": 1})


def test_an_unknown_attribute_is_still_an_attribute_error() -> None:
    trade = SmartTrade.from_dict(seed_response())
    with pytest.raises(AttributeError, match="'SmartTrade' object has no attribute 'nope'"):
        trade.nope  # type: ignore[attr-defined]  # noqa: B018
    assert not hasattr(trade, "nope")
    assert getattr(trade, "nope", 5) == 5


def test_from_dict_of_a_subclass_makes_the_subclass() -> None:
    class Mine(SmartTrade):
        pass

    trade = Mine.from_dict(seed_response())
    assert type(trade) is Mine and trade.to_dict() == seed_response()

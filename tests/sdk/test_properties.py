"""Property tests: documents the spec allows parse losslessly; junk never escapes as anything
but ResponseParseError."""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from threecommas import ResponseParseError, SmartTrade, ThreeCommas
from threecommas._schema import load_spec

pytestmark = pytest.mark.slow

SPEC = load_spec()
SCHEMAS = SPEC["components"]["schemas"]
VALIDATOR = jsonschema.Draft202012Validator(
    {"$ref": "#/components/schemas/SmartTrade", "components": SPEC["components"]}
)


def _smart_trade_examples() -> list[dict[str, Any]]:
    found = []
    for example in SPEC["components"]["examples"].values():
        value = example["value"]
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and "take_profit" in item and VALIDATOR.is_valid(item):
                found.append(item)
    return found


EXAMPLES = _smart_trade_examples()

json_scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=12)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
decimal_strings = st.decimals(allow_nan=False, allow_infinity=False, places=6).map(str)


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _types(schema: dict[str, Any]) -> set[str]:
    kind = schema.get("type", [])
    return set(kind if isinstance(kind, list) else [kind])


def _mutate(draw: st.DrawFn, value: Any, schema: dict[str, Any]) -> Any:
    """A variation of `value` that the schema still allows: optional fields dropped, nullable
    ones nulled, strings (statuses, decimals) changed, unknown fields added."""
    schema = _resolve(schema)
    types = _types(schema)
    if value is not None and "null" in types and draw(st.integers(0, 5)) == 0:
        return None
    if isinstance(value, dict) and "properties" in schema:
        result: dict[str, Any] = {}
        for key, item in value.items():
            sub = schema["properties"].get(key)
            if sub is None:
                result[key] = item
            elif key not in schema.get("required", []) and draw(st.integers(0, 6)) == 0:
                continue
            else:
                result[key] = _mutate(draw, item, sub)
        if draw(st.integers(0, 4)) == 0:
            extra = draw(
                st.text(min_size=1, max_size=10).filter(lambda k: k not in schema["properties"])
            )
            result[extra] = draw(json_values)
        return result
    if isinstance(value, list) and "items" in schema:
        return [_mutate(draw, item, schema["items"]) for item in value]
    if isinstance(value, str) and "enum" not in schema:
        if schema.get("format") == "decimal":
            return draw(st.sampled_from([value, draw(decimal_strings)]))
        return draw(st.sampled_from([value, draw(st.text(max_size=20))]))
    if isinstance(value, bool) and "boolean" in types:
        return draw(st.booleans())
    if isinstance(value, int) and "integer" in types:
        return draw(st.integers(0, 2**63 - 1))
    return value


@st.composite
def smart_trade_documents(draw: st.DrawFn) -> dict[str, Any]:
    base = copy.deepcopy(draw(st.sampled_from(EXAMPLES)))
    return _mutate(draw, base, SCHEMAS["SmartTrade"])  # type: ignore[no-any-return]


PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=list(HealthCheck)
)


def test_there_are_examples_to_vary() -> None:
    assert len(EXAMPLES) >= 12


@PROPERTY_SETTINGS
@given(smart_trade_documents())
def test_documents_valid_by_the_spec_round_trip(document: dict[str, Any]) -> None:
    VALIDATOR.validate(document)
    assert SmartTrade.from_dict(document).to_dict() == document


@PROPERTY_SETTINGS
@given(smart_trade_documents(), st.text(min_size=1, max_size=30), json_values)
def test_unknown_fields_and_status_values_are_kept(
    document: dict[str, Any], status: str, extra: Any
) -> None:
    document["status"]["basic_type"] = document["status"]["type"] = status
    document["field_from_the_future"] = extra
    trade = SmartTrade.from_dict(document)
    assert trade.status.basic_type == status
    assert trade.additional_properties["field_from_the_future"] == extra
    assert trade.to_dict() == document


def _client(body: bytes, status: int = 201) -> ThreeCommas:
    transport = httpx.MockTransport(lambda request: httpx.Response(status, content=body))
    return ThreeCommas(
        "key", "secret", http_client=httpx.Client(transport=transport), rate_limit=None
    )


junk_bodies = (
    st.binary(max_size=200)
    | json_values.map(lambda v: json.dumps(v).encode())
    | smart_trade_documents().map(lambda d: json.dumps(d).encode()[: len(json.dumps(d)) // 2])
    | smart_trade_documents().map(
        lambda d: json.dumps({k: v for k, v in d.items() if k != "pair"}).encode()
    )
)


@PROPERTY_SETTINGS
@given(junk_bodies)
def test_junk_bodies_raise_only_response_parse_error(body: bytes) -> None:
    with pytest.raises(ResponseParseError) as caught:
        _client(body).smart_trades.close_trade_by_market(1, 2)
    assert caught.value.body == body.decode("utf-8", "replace")


@PROPERTY_SETTINGS
@given(st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode()))
def test_list_answers_raise_only_response_parse_error_unless_a_list(body: bytes) -> None:
    client = _client(body, status=200)
    try:
        result = client.smart_trades.list()
    except ResponseParseError:
        return
    assert json.loads(body) == [] and result == []

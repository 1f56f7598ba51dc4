"""The OpenAPI document: valid, and complete in what every operation must declare."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi" / "threecommas.yaml"
ERROR_STATUSES = {"400", "401", "403", "404", "418", "422", "429", "500", "504"}
METHODS = {"get", "put", "post", "delete", "patch", "options", "head", "trace"}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return yaml.safe_load(SPEC_PATH.read_text())


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def test_document_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")
    validate(spec)
    assert spec["servers"][0]["url"] == "https://api.3commas.io/public/api"


def test_every_operation_is_complete(spec: dict[str, Any]) -> None:
    operations = _operations(spec)
    assert operations
    for method, path, op in operations:
        where = f"{method.upper()} {path}"
        assert re.fullmatch(r"[a-z][a-z0-9_]*", op.get("operationId", "")), where
        assert op.get("summary"), where
        assert op.get("security") == [{"Apikey": [], "Signature": []}], where
        missing = ERROR_STATUSES - set(op["responses"])
        assert not missing, f"{where} lacks error responses {sorted(missing)}"
        for status in ERROR_STATUSES:
            response = _resolve(spec, op["responses"][status])
            schema = response["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/Error"}, (where, status)


def test_path_parameters_match_the_template(spec: dict[str, Any]) -> None:
    # The generator silently drops an operation whose parameter names differ from the template.
    for method, path, op in _operations(spec):
        in_template = set(re.findall(r"{([^}]+)}", path))
        declared = {
            p["name"]
            for p in map(lambda p: _resolve(spec, p), op["parameters"])
            if p["in"] == "path"
        }
        assert declared == in_template, f"{method.upper()} {path}"
        for param in map(lambda p: _resolve(spec, p), op["parameters"]):
            if param["in"] == "path":
                assert param["schema"]["type"] == "integer"
                assert param["schema"]["format"] == "int64"
                assert param["schema"]["minimum"] == 1


def test_close_trade_by_market(spec: dict[str, Any]) -> None:
    op = spec["paths"]["/v2/smart_trades/{smart_trade_id}/trades/{id}/close_by_market"]["post"]
    assert op["operationId"] == "close_trade_by_market"
    assert op["tags"] == ["smart_trades"]
    created = op["responses"]["201"]["content"]["application/json"]
    assert created["schema"] == {"$ref": "#/components/schemas/SmartTrade"}
    assert "content" not in op["responses"]["200"]
    headers = [_resolve(spec, p) for p in op["parameters"] if _resolve(spec, p)["in"] == "header"]
    assert [h["name"] for h in headers] == ["Forced-Mode"]
    assert _resolve(spec, headers[0]["schema"])["enum"] == ["real", "paper"]


def test_error_schema(spec: dict[str, Any]) -> None:
    error = spec["components"]["schemas"]["Error"]
    assert error["required"] == ["error"]
    attributes = error["properties"]["error_attributes"]
    assert attributes["additionalProperties"] == {"type": "array", "items": {"type": "string"}}


def _walk(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        found.append((path, node))
        for key, value in node.items():
            found += _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _walk(value, f"{path}/{i}")
    return found


def test_response_schemas_stay_open_and_extensible(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    for path, node in _walk(schemas):
        # Unknown fields must be kept, never dropped.
        assert node.get("additionalProperties") is not False, path
        # Server-extensible values are strings with known values described, not closed enums.
        if "enum" in node:
            assert path == "/ForcedMode", f"unexpected closed enum at {path}"


def test_seed_example_is_the_seed_response(spec: dict[str, Any]) -> None:
    from tests.seed import seed_response

    op = spec["paths"]["/v2/smart_trades/{smart_trade_id}/trades/{id}/close_by_market"]["post"]
    examples = op["responses"]["201"]["content"]["application/json"]["examples"]
    assert [e["value"] for e in examples.values()] == [seed_response()]
    # and the example is valid against the schema, as the fuzzing validates responses
    import jsonschema

    resolver_doc = json.loads(json.dumps(spec))
    schema = {
        "$ref": "#/components/schemas/SmartTrade",
        **{"components": resolver_doc["components"]},
    }
    jsonschema.Draft202012Validator(schema).validate(seed_response())


def test_quantities_are_decimal_strings(spec: dict[str, Any]) -> None:
    smart_trade_data = spec["components"]["schemas"]["SmartTradeData"]["properties"]
    for name in ("entered_amount", "average_enter_price", "closed_total"):
        assert smart_trade_data[name]["format"] == "decimal"
        assert "string" in smart_trade_data[name]["type"]

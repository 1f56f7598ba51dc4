"""The OpenAPI document: valid, and complete in what every operation must declare."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "threecommas.yaml"
ERROR_STATUSES = {"400", "401", "403", "404", "418", "422", "429", "500", "504"}
METHODS = {"get", "put", "post", "delete", "patch", "options", "head", "trace"}
SIGNED = [{"Apikey": [], "Signature": []}]
# Security NONE in every doc version: sent unsigned, callable without a key.
PUBLIC_OPERATIONS = {
    "list_markets",
    "list_market_pairs",
    "get_currency_rates",
    "get_currency_rates_with_leverage_data",
}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    # libyaml's loader when built (as the SDK and the generator read the document): the
    # pure-Python one takes most of a second of this file's time.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document: dict[str, Any] = yaml.load(SPEC_PATH.read_bytes(), Loader=loader)
    return document


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


@pytest.mark.slow
def test_document_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    # Imported here: the validator's import costs a quarter of a second in every process that
    # collects this file, and only this slow test uses it.
    from openapi_spec_validator import validate

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
        public = op["operationId"] in PUBLIC_OPERATIONS
        assert op.get("security") == ([] if public else SIGNED), where
        assert ("Security: NONE." if public else "Security: SIGNED.") in op["description"], where
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
            for p in map(lambda p: _resolve(spec, p), op.get("parameters", []))
            if p["in"] == "path"
        }
        assert declared == in_template, f"{method.upper()} {path}"
        for param in map(lambda p: _resolve(spec, p), op.get("parameters", [])):
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
    # The seed page ends with an empty `200 OK`: documented, without content.
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


# Closed sets that only ever travel from the client to the server.
REQUEST_ENUMS = {
    "ForcedMode",
    "OrderSide",
    "PositionOrderType",
    "OrderType",
    "PriceType",
    "LeverageType",
    "SmartTradeType",
    "SmartTradeStatusFilter",
    "SmartTradeOrderBy",
    "OrderDirection",
    "LimitType",
}


def _response_schema_names(spec: dict[str, Any]) -> set[str]:
    """Every component schema reachable from a response body."""
    pending = [
        media["schema"]
        for _, _, op in _operations(spec)
        for response in op["responses"].values()
        for media in _resolve(spec, response).get("content", {}).values()
    ]
    names: set[str] = set()
    while pending:
        node = pending.pop()
        for _, sub in _walk(node):
            ref = sub.get("$ref", "")
            if ref.startswith("#/components/schemas/") and ref.split("/")[-1] not in names:
                name = ref.split("/")[-1]
                names.add(name)
                pending.append(spec["components"]["schemas"][name])
    return names


def test_response_schemas_stay_open_and_extensible(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    for path, node in _walk(schemas):
        # Unknown fields must be kept, never dropped.
        assert node.get("additionalProperties") is not False, path
    for name in _response_schema_names(spec):
        assert name not in REQUEST_ENUMS
        # Server-extensible values are strings with known values described, not closed enums.
        for path, node in _walk(schemas[name]):
            assert "enum" not in node, f"closed enum in the response schema {name} at {path}"
    for name in REQUEST_ENUMS:
        assert "enum" in schemas[name]


def test_seed_example_is_the_seed_response(spec: dict[str, Any]) -> None:
    from tests.seed import seed_response

    op = spec["paths"]["/v2/smart_trades/{smart_trade_id}/trades/{id}/close_by_market"]["post"]
    examples = op["responses"]["201"]["content"]["application/json"]["examples"]
    assert [_resolve(spec, e)["value"] for e in examples.values()] == [seed_response()]
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


def _media_examples(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any], Any]]:
    """(where, schema, example value) for every example of every request and response body."""
    found = []
    for method, path, op in _operations(spec):
        bodies = []
        if "requestBody" in op:
            bodies.append(("request", op["requestBody"]))
        bodies += [(status, _resolve(spec, r)) for status, r in op["responses"].items()]
        for label, body in bodies:
            for media in body.get("content", {}).values():
                for name, example in media.get("examples", {}).items():
                    value = _resolve(spec, example)["value"]
                    found.append(
                        (f"{method.upper()} {path} {label} {name}", media["schema"], value)
                    )
                if "example" in media:
                    found.append(
                        (f"{method.upper()} {path} {label}", media["schema"], media["example"])
                    )
    return found


def test_every_body_has_examples_that_match_its_schema(spec: dict[str, Any]) -> None:
    import jsonschema

    examples = _media_examples(spec)
    for method, path, op in _operations(spec):
        for status, response in op["responses"].items():
            content = _resolve(spec, response).get("content", {})
            for media in content.values():
                assert media.get("examples") or media.get("example"), (
                    f"{method.upper()} {path} {status} has no example"
                )
    for where, schema, value in examples:
        validator = jsonschema.Draft202012Validator({**schema, "components": spec["components"]})
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(value)]
        assert not errors, f"{where}: {errors[:3]}"
    assert len(examples) >= 30


SMART_TRADE_OPERATION_IDS = {
    "create_smart_trade",
    "list_smart_trades",
    "get_smart_trade",
    "update_smart_trade",
    "cancel_smart_trade",
    "add_funds",
    "get_reduce_funds_info",
    "reduce_funds",
    "close_smart_trade_by_market",
    "set_note",
    "force_start",
    "force_process",
    "list_trades",
    "close_trade_by_market",
    "cancel_trade",
}
# What creating a SmartTrade needs besides (issue 10), by the generated module they land in.
ACCOUNT_AND_MARKET_OPERATIONS = {
    "list_accounts": ("GET", "/ver1/accounts", "accounts"),
    "get_account": ("GET", "/ver1/accounts/{account_id}", "accounts"),
    "get_account_balances": ("POST", "/ver1/accounts/{account_id}/account_table_data", "accounts"),
    "load_balances": ("POST", "/ver1/accounts/{account_id}/load_balances", "accounts"),
    "list_markets": ("GET", "/ver1/accounts/market_list", "market"),
    "list_market_pairs": ("GET", "/ver1/accounts/market_pairs", "market"),
    "get_currency_rates": ("GET", "/ver1/accounts/currency_rates", "market"),
    "get_currency_rates_with_leverage_data": (
        "GET",
        "/ver1/accounts/currency_rates_with_leverage_data",
        "market",
    ),
    "validate_key": ("GET", "/ver1/validate", "auth"),
}
OPERATION_IDS = SMART_TRADE_OPERATION_IDS | set(ACCOUNT_AND_MARKET_OPERATIONS)


def test_every_smart_trade_v2_operation_is_described(spec: dict[str, Any]) -> None:
    assert {op["operationId"] for _, _, op in _operations(spec)} == OPERATION_IDS
    smart_trades = {
        op["operationId"] for _, _, op in _operations(spec) if "smart_trades" in op["tags"]
    }
    assert smart_trades == SMART_TRADE_OPERATION_IDS
    force_process = spec["paths"]["/v2/smart_trades/{id}/force_process"]["post"]
    assert "older reference" in force_process["description"]


def test_links_name_real_operations_and_parameters(spec: dict[str, Any]) -> None:
    by_id = {op["operationId"]: op for _, _, op in _operations(spec)}
    linked = set()
    into_bodies: dict[str, set[str]] = {}
    for method, path, op in _operations(spec):
        for status, response in op["responses"].items():
            for name, link in _resolve(spec, response).get("links", {}).items():
                where = f"{method} {path} {status} {name}"
                link = _resolve(spec, link)
                target = by_id[link["operationId"]]
                declared = [_resolve(spec, p) for p in target.get("parameters", [])]
                in_path = {p["name"] for p in declared if p["in"] == "path"}
                required = {p["name"] for p in declared if p.get("required")}
                given = set(link.get("parameters", {}))
                # Every path parameter, every required one, and only declared ones.
                assert in_path | required <= given <= {p["name"] for p in declared}, where
                if "requestBody" in link:
                    schema = target["requestBody"]["content"]["application/json"]["schema"]
                    properties = _resolve(spec, schema)["properties"]
                    assert set(link["requestBody"]) <= set(properties), where
                    into_bodies.setdefault(link["operationId"], set()).update(link["requestBody"])
                linked.add(link["operationId"])
    # Everything that needs an id (or a market code) can be reached from an answer.
    assert linked >= OPERATION_IDS - {"list_smart_trades", "list_accounts", "list_markets"} - {
        "validate_key"
    }
    # A SmartTrade is created on an account that was listed or read.
    assert into_bodies == {"create_smart_trade": {"account_id"}}


def test_request_bodies_are_named_schemas_with_the_documented_limits(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    for _, _, op in _operations(spec):
        if "requestBody" in op:
            schema = op["requestBody"]["content"]["application/json"]["schema"]
            assert schema["$ref"].startswith("#/components/schemas/")
    note = schemas["SetNoteRequest"]["properties"]["note"]
    assert (note["minLength"], note["maxLength"]) == (1, 300)
    steps = schemas["TakeProfitInput"]["properties"]["steps"]
    assert steps["maxItems"] == 8
    per_page = next(
        p
        for p in spec["paths"]["/v2/smart_trades"]["get"]["parameters"]
        if p.get("name") == "per_page"
    )
    assert (per_page["schema"]["minimum"], per_page["schema"]["maximum"]) == (1, 100)


def test_the_account_and_market_operations_are_where_the_docs_put_them(
    spec: dict[str, Any],
) -> None:
    found = {
        op["operationId"]: (method.upper(), path, op["tags"][0])
        for method, path, op in _operations(spec)
        if op["operationId"] in ACCOUNT_AND_MARKET_OPERATIONS
    }
    assert found == ACCOUNT_AND_MARKET_OPERATIONS
    listing = spec["paths"]["/ver1/accounts"]["get"]
    per_page = next(p for p in listing["parameters"] if p.get("name") == "per_page")["schema"]
    assert (per_page["minimum"], per_page["maximum"], per_page["default"]) == (1, 100, 100)
    get = spec["paths"]["/ver1/accounts/{account_id}"]["get"]
    # The docs label the read's example "201 Created"; a read answers 200.
    assert set(get["responses"]) & {"200", "201"} == {"200"}
    assert "201 Created" in get["description"]


def test_market_codes_and_pairs_are_strings_as_the_examples_send_them(
    spec: dict[str, Any],
) -> None:
    market_code = spec["components"]["parameters"]["MarketCode"]
    assert market_code["schema"]["type"] == "string"  # the docs say integer
    assert "integer" in market_code["description"]
    rates = spec["paths"]["/ver1/accounts/currency_rates"]["get"]
    params = {_resolve(spec, p)["name"]: _resolve(spec, p) for p in rates["parameters"]}
    assert set(params) == {"market_code", "pair", "limit_type"}
    assert params["pair"]["required"] and params["market_code"]["required"]
    assert params["pair"]["schema"]["type"] == "string"
    assert "required" not in params["limit_type"]
    limit_type = _resolve(spec, params["limit_type"]["schema"])
    assert limit_type["enum"] == ["smart_trade", "bot"]


def test_the_account_entity_has_every_documented_attribute(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    account = schemas["Account"]["properties"]
    # The attributes of the entity pages (master and gitbook; the gitbook's `day_profit_etc` is
    # a typo of `day_profit_btc`, which its examples send).
    documented = {
        "id", "name", "exchange_name", "market_code", "market_icon", "last_auto_balance",
        "hedge_mode_available", "hedge_mode_enabled", "is_locked", "lock_reason",
        "smart_trading_supported", "stats_supported", "trading_supported",
        "market_buy_supported", "market_sell_supported", "conditional_buy_supported",
        "bots_allowed", "bots_ttp_allowed", "bots_tsl_allowed", "multi_bots_allowed",
        "fast_convert_available", "grid_bots_allowed", "api_key_invalid", "api_keys_state",
        "deposit_enabled", "available_include_in_summary", "include_in_summary",
        "supported_market_types", "customer_id", "btc_amount", "usd_amount", "day_profit_btc",
        "day_profit_usd", "day_profit_btc_percentage", "day_profit_usd_percentage",
        "btc_profit", "usd_profit", "btc_profit_percentage", "usd_profit_percentage",
        "total_btc_profit", "total_usd_profit", "created_at", "updated_at",
        "autobalance_enabled", "auto_balance_period", "auto_balance_portfolio_id",
        "auto_balance_error", "api_key",
    }  # fmt: skip
    assert documented <= set(account)
    # The prose says number; every example sends a decimal string.
    for name in ("day_profit_btc_percentage", "btc_profit", "total_usd_profit"):
        assert (account[name]["type"], account[name]["format"]) == ("string", "decimal")
    assert account["auto_balance_period"]["type"] == ["integer", "null"]
    # The SmartTrade keeps its short account, under its own name.
    smart_trade = schemas["SmartTrade"]["properties"]["account"]
    assert smart_trade == {"$ref": "#/components/schemas/SmartTradeAccount"}
    assert set(schemas["SmartTradeAccount"]["required"]) == {"id", "type", "name", "market", "link"}


def test_the_rates_carry_the_limits_an_order_is_checked_against(spec: dict[str, Any]) -> None:
    rates = spec["components"]["schemas"]["CurrencyRates"]
    limits = {
        "minLotSize", "lotStep", "maxLotSize", "priceStep", "minPrice", "maxPrice",
        "minTotal", "minMarketTotal", "maxTotal", "maxMarketBuyAmount", "maxMarketSellAmount",
    }  # fmt: skip
    assert limits <= set(rates["required"])
    for name in limits:
        assert rates["properties"][name] == {
            "type": "string",
            "format": "decimal",
            "description": rates["properties"][name]["description"],
        }

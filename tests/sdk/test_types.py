"""Types a user can use: required response fields, and request models that take plain strings.

Required fields. A response field is required in the spec exactly when every response example
of the official docs shows it (see the spec's conventions). The examples are kept in
`tests/data/docs_response_examples.json`: every SmartTrade, Trade and ReduceFundsInfo answer
found in a JSON code block of the three doc versions (the Docusaurus pages of `master`, the
`gitbook` pages and the `classic` flat pages, whose SmartTrade page shows request bodies only),
and every Account, Market, CurrencyRates, CurrencyRatesWithLeverageData and KeyValidity answer
of the account, market-data and getting-started pages (an Account is the answer of eight account
pages).
`test_required_fields_are_what_every_documented_answer_shows` holds the spec to them, schema by
schema (a schema used in several places, like `OrderStatus`, sums up all its places); a schema
no example shows (`Filled`) is left as written. `test_the_examples_file_is_what_the_docs_hold`
re-extracts the file from the docs when they are at hand (`THREECOMMAS_DOCS_DIR`, or a
`shared/reference/docs` folder above the checkout) and is skipped otherwise. Three doc blocks are
repaired on the way: `{ ... }` placeholders for elided list items are dropped, trailing commas are
removed, and a block holding several JSON values one after another (the gitbook note page) is
read value by value; a bare `...` closing a list (the gitbook accounts page) is dropped too.

Enums. Every enum-typed field of every request model takes the member or its plain string value,
through one converter the generator template adds (`openapi/templates/model.py.jinja`); any
other value is refused at once, naming the field and the allowed values.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest

import threecommas
from tests.seed import seed_response
from threecommas import ResponseParseError, ThreeCommas, Unset
from threecommas._schema import load_spec, schema_errors
from threecommas_api import models
from threecommas_api.types import Unset as GeneratedUnset

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES_FILE = ROOT / "tests" / "data" / "docs_response_examples.json"
RESPONSE_SCHEMAS = (
    "SmartTrade",
    "Trade",
    "ReduceFundsInfo",
    "Account",
    "Market",
    "CurrencyRates",
    "CurrencyRatesWithLeverageData",
    "KeyValidity",
)
# The answers a client call returns today (the accounts and market calls come with the facade).
CLIENT_SCHEMAS = ("SmartTrade", "Trade", "ReduceFundsInfo")
SPEC = load_spec()
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]


def _examples() -> list[dict[str, Any]]:
    data = json.loads(EXAMPLES_FILE.read_text(encoding="utf-8"))
    examples: list[dict[str, Any]] = data["examples"]
    return examples


EXAMPLES = _examples()


# --- walking an answer alongside its schema ----------------------------------------------------


def _resolve(node: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    name = None
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        node = SCHEMAS[name]
    return name, node


def _objects(
    node: dict[str, Any], value: Any, path: str
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every JSON object inside `value` with the component schema that describes it:
    `(schema name, path in the answer, the object)`."""
    name, node = _resolve(node)
    if isinstance(value, dict):
        for branch in [node, *node.get("oneOf", [])]:
            branch_name, branch = _resolve(branch)
            if "properties" in branch:
                yield branch_name or name or "?", path, value
                for key, item in value.items():
                    if key in branch["properties"]:
                        yield from _objects(branch["properties"][key], item, f"{path}.{key}")
                return
    elif isinstance(value, list) and "items" in node:
        for index, item in enumerate(value):
            yield from _objects(node["items"], item, f"{path}[{index}]")


def _key_sets() -> dict[str, list[set[str]]]:
    seen: dict[str, list[set[str]]] = {}
    for example in EXAMPLES:
        root = {"$ref": f"#/components/schemas/{example['schema']}"}
        for name, _, obj in _objects(root, example["body"], example["schema"]):
            seen.setdefault(name, []).append(set(obj))
    return seen


def _required_paths(schema: str, body: Any) -> list[tuple[str | int, ...]]:
    """The place of every required field in `body`, as key paths."""
    found: list[tuple[str | int, ...]] = []

    def walk(node: dict[str, Any], value: Any, path: tuple[str | int, ...]) -> None:
        _, node = _resolve(node)
        if isinstance(value, dict):
            for branch in [node, *node.get("oneOf", [])]:
                _, branch = _resolve(branch)
                if "properties" in branch:
                    for key in branch.get("required", []):
                        if key in value:
                            found.append((*path, key))
                    for key, item in value.items():
                        if key in branch["properties"]:
                            walk(branch["properties"][key], item, (*path, key))
                    return
        elif isinstance(value, list) and "items" in node:
            for index, item in enumerate(value):
                walk(node["items"], item, (*path, index))

    walk({"$ref": f"#/components/schemas/{schema}"}, body, ())
    return found


def _without(body: Any, path: tuple[str | int, ...]) -> Any:
    copy = json.loads(json.dumps(body))
    target = copy
    for part in path[:-1]:
        target = target[part]
    del target[path[-1]]
    return copy


# --- the spec against the docs ------------------------------------------------------------------


def test_the_examples_cover_every_response_schema() -> None:
    kinds = {example["schema"] for example in EXAMPLES}
    assert kinds == set(RESPONSE_SCHEMAS)
    versions = {example["source"].split("/", 1)[0] for example in EXAMPLES}
    assert versions == {"master", "gitbook"}  # classic shows no response of these
    assert sum(example["schema"] == "SmartTrade" for example in EXAMPLES) >= 20
    counts = {kind: sum(e["schema"] == kind for e in EXAMPLES) for kind in RESPONSE_SCHEMAS}
    # the accounts of eight pages in both versions (one list shows two), both rates pages, the
    # markets of the newest page (the older one is not JSON), both getting-started pages
    assert (counts["Account"], counts["CurrencyRates"]) == (19, 2)
    assert (counts["Market"], counts["KeyValidity"]) == (2, 2)
    assert counts["CurrencyRatesWithLeverageData"] == 2  # the page in both versions


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["source"] for e in EXAMPLES])
def test_every_documented_answer_conforms_and_parses(example: dict[str, Any]) -> None:
    assert schema_errors(example["schema"], example["body"]) == {}
    model = getattr(models, example["schema"])
    assert model.from_dict(example["body"]).to_dict() == example["body"]


def test_required_fields_are_what_every_documented_answer_shows() -> None:
    seen = _key_sets()
    assert {"SmartTrade", "TakeProfitStep", "StepData", "SmartTradeData", "Trade"} <= set(seen)
    wrong: dict[str, dict[str, list[str]]] = {}
    for name, key_sets in sorted(seen.items()):
        properties = set(SCHEMAS[name]["properties"])
        always = set.intersection(*key_sets) & properties
        required = set(SCHEMAS[name].get("required", []))
        if required != always:
            wrong[name] = {
                "make required": sorted(always - required),
                "make optional": sorted(required - always),
            }
    assert not wrong, f"required lists that the docs' examples contradict: {wrong}"


def _docs_dir() -> Path | None:
    configured = os.environ.get("THREECOMMAS_DOCS_DIR")
    if configured:
        return Path(configured)
    for parent in ROOT.parents:
        candidate = parent / "shared" / "reference" / "docs"
        if candidate.is_dir():
            return candidate
    return None


_FENCE = re.compile(r"^\s*```[^\n]*\n(.*?)^\s*```", re.S | re.M)
_ELIDED = re.compile(r"\{\s*\.\.\.\s*\},?|,\s*\.\.\.(?=\s*\])")
_TRAILING_COMMA = re.compile(r",(\s*[\]}])")


def _json_values(text: str) -> Iterator[Any]:
    text = _TRAILING_COMMA.sub(r"\1", _ELIDED.sub("", text))
    decoder = json.JSONDecoder()
    index = 0
    while True:
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text):
            return
        value, index = decoder.raw_decode(text, index)
        yield value


def _kind(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    if {"pair", "position", "take_profit"} <= value.keys() and isinstance(
        value.get("status"), dict
    ):
        return "SmartTrade"  # an answer; request bodies have no status object
    if "trade_purpose" in value:
        return "Trade"
    if "max_reduce_funds_amount" in value:
        return "ReduceFundsInfo"
    if {"market_code", "smart_trading_supported"} <= value.keys():
        return "Account"
    if {"market_code", "market_name"} <= value.keys():
        return "Market"
    if {"lotStep", "priceStep", "leverage_data"} <= value.keys():
        return "CurrencyRatesWithLeverageData"
    if {"lotStep", "priceStep"} <= value.keys():
        return "CurrencyRates"
    if value.keys() == {"valid"}:
        return "KeyValidity"
    return None


_PAGES = re.compile(
    r"smart-trade|SmartTrade|smart_trades_v2|/account/|/Account/|market-data|Market data"
    r"|how_to_start|How to start"
)


def extract_examples(docs: Path) -> list[dict[str, Any]]:
    """Every answer of the kinds of `RESPONSE_SCHEMAS` in the docs' pages of those kinds."""
    examples: list[dict[str, Any]] = []
    pages = sorted(p for p in docs.rglob("*") if p.suffix in (".md", ".mdx"))
    for page in pages:
        relative = page.relative_to(docs).as_posix()
        if not _PAGES.search(relative):
            continue
        text = page.read_text(encoding="utf-8")
        for match in _FENCE.finditer(text):
            block = match.group(1).strip()
            if not block.startswith(("{", "[")):
                continue
            line = text[: match.start()].count("\n") + 1
            try:
                values = list(_json_values(block))
            except ValueError:
                continue  # a request template with comments, not an answer
            for value in values:
                items = value if isinstance(value, list) else [value]
                for index, item in enumerate(items):
                    kind = _kind(item)
                    if kind is not None:
                        where = f"{relative}:{line}" + (
                            f"[{index}]" if isinstance(value, list) else ""
                        )
                        examples.append({"source": where, "schema": kind, "body": item})
    return examples


def test_the_examples_file_is_what_the_docs_hold() -> None:
    docs = _docs_dir()
    if docs is None:
        pytest.skip("the official docs are not at hand (set THREECOMMAS_DOCS_DIR)")
    assert extract_examples(docs) == EXAMPLES


# --- what the types say, and what a broken answer becomes ---------------------------------------


def _response_models() -> list[str]:
    names: set[str] = set()
    for example in EXAMPLES:
        root = {"$ref": f"#/components/schemas/{example['schema']}"}
        names.update(name for name, _, _ in _objects(root, example["body"], ""))
    return sorted(names)


@pytest.mark.parametrize("name", _response_models())
def test_required_fields_are_typed_without_unset(name: str) -> None:
    model = getattr(models, name)
    json_names = {
        value: key for key, value in _python_names(model, SCHEMAS[name]["properties"]).items()
    }
    required = set(SCHEMAS[name].get("required", []))
    for field in attrs.fields(model):
        if field.name == "additional_properties":
            continue
        optional = "Unset" in str(field.type)
        assert optional is (json_names[field.name] not in required), (name, field.name)


def _python_names(model: type, properties: dict[str, Any]) -> dict[str, str]:
    """JSON name -> attribute name, as the generator spells them (`type` -> `type_`,
    `lotStep` -> `lot_step`)."""
    attributes = {field.name for field in attrs.fields(model)}
    names: dict[str, str] = {}
    for key in properties:
        snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", key).lower()
        for candidate in (key, f"{key}_", f"field_{key}", snake):
            if candidate in attributes:
                names[key] = candidate
                break
        else:
            raise AssertionError(f"{model.__name__} has no attribute for {key!r}")
    return names


def test_unset_is_exported_and_is_the_generated_one() -> None:
    assert Unset is GeneratedUnset
    assert "Unset" in threecommas.__all__
    smart_trade = models.SmartTrade.from_dict(_without(seed_response(), ("version",)))
    assert isinstance(smart_trade.version, Unset)


def _client(answer: httpx.Response) -> ThreeCommas:
    transport = httpx.MockTransport(lambda request: answer)
    return ThreeCommas("key", "secret", http_client=httpx.Client(transport=transport))


def _required_cases() -> list[tuple[str, tuple[str | int, ...]]]:
    cases: list[tuple[str, tuple[str | int, ...]]] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for example in EXAMPLES:
        if example["schema"] not in CLIENT_SCHEMAS:
            continue
        for path in _required_paths(example["schema"], example["body"]):
            shape = tuple("[]" if isinstance(p, int) else p for p in path)
            if (example["schema"], shape) not in seen:
                seen.add((example["schema"], shape))
                cases.append((example["source"], path))
    return cases


REQUIRED_CASES = _required_cases()


def test_every_required_field_has_a_case() -> None:
    shapes = {tuple("[]" if isinstance(p, int) else p for p in path) for _, path in REQUIRED_CASES}
    assert ("take_profit", "steps") in shapes
    assert ("take_profit", "steps", "[]", "data", "panic_sell_available") in shapes
    assert ("data",) in shapes and ("data", "current_price", "last") in shapes


@pytest.mark.parametrize(
    ("source", "path"), REQUIRED_CASES, ids=["/".join(map(str, p)) for _, p in REQUIRED_CASES]
)
def test_an_answer_without_a_required_field_is_a_parse_error_with_the_body(
    source: str, path: tuple[str | int, ...]
) -> None:
    example = next(e for e in EXAMPLES if e["source"] == source)
    body = _without(example["body"], path)
    content = json.dumps(body).encode()
    schema = example["schema"]
    if schema == "SmartTrade":
        status, call = 201, lambda c: c.smart_trades.trades.close_by_market(1, 2)
    elif schema == "Trade":
        status, call = 200, lambda c: c.smart_trades.trades.list(1)
        content = json.dumps([body]).encode()
    else:
        status, call = 200, lambda c: c.smart_trades.reduce_funds_info(1)
    client = _client(httpx.Response(status, content=content))
    with pytest.raises(ResponseParseError) as raised:
        call(client)
    assert raised.value.body == content.decode()
    assert repr(path[-1]) in str(raised.value)  # the missing key is named


NEW_SCHEMA_CASES = [
    (schema, path)
    for schema in RESPONSE_SCHEMAS
    if schema not in CLIENT_SCHEMAS
    for path in [
        _required_paths(schema, next(e["body"] for e in EXAMPLES if e["schema"] == schema))[0],
        _required_paths(schema, next(e["body"] for e in EXAMPLES if e["schema"] == schema))[-1],
    ]
]


@pytest.mark.parametrize(("schema", "path"), NEW_SCHEMA_CASES)
def test_the_accounts_and_market_models_refuse_an_answer_without_a_required_field(
    schema: str, path: tuple[str | int, ...]
) -> None:
    # (Through the client, such an answer becomes a ResponseParseError, as above, once the
    # facade calls these operations.)
    body = next(e["body"] for e in EXAMPLES if e["schema"] == schema)
    with pytest.raises(KeyError) as raised:
        getattr(models, schema).from_dict(_without(body, path))
    assert raised.value.args == (path[-1],)


def test_close_trade_by_market_returns_the_smart_trade() -> None:
    with _client(httpx.Response(201, json=seed_response())) as client:
        smart_trade = client.smart_trades.trades.close_by_market(1, 2)
        again = client.smart_trades.close_trade_by_market(1, 2)
    # Typed SmartTrade, not Optional: the steps and their data need no narrowing.
    assert isinstance(smart_trade.take_profit.steps[2].data.panic_sell_available, bool)
    assert again.to_dict() == smart_trade.to_dict()


@pytest.mark.slow
def test_the_models_type_check_as_users_write_them(tmp_path: Path) -> None:
    """mypy --strict accepts the plain use of required fields and plain enum strings, and
    refuses an enum string that is not allowed."""
    good = tmp_path / "good.py"
    good.write_text(
        "from threecommas import PositionInput, SmartTrade, UnitsInput, Unset\n"
        "\n"
        "def closable(smart_trade: SmartTrade) -> list[int]:\n"
        "    return [s.id for s in smart_trade.take_profit.steps if s.data.panic_sell_available]\n"
        "\n"
        "def version(smart_trade: SmartTrade) -> int | None:\n"
        "    return None if isinstance(smart_trade.version, Unset) else smart_trade.version\n"
        "\n"
        'position = PositionInput(type_="buy", order_type="market", units=UnitsInput("1"))\n'
    )
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from threecommas import PositionInput, UnitsInput\n"
        'PositionInput(type_="bye", order_type="market", units=UnitsInput("1"))\n'
    )
    result = run_mypy([good, bad])
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    # (mypy's cache may report a file by the path it first saw it at: compare names only)
    assert errors and all(Path(line.split(":")[0]).name == bad.name for line in errors), (
        result.stdout
    )
    assert any("type_" in line and "bye" in line for line in errors), result.stdout


def run_mypy(files: list[Path]) -> subprocess.CompletedProcess[str]:
    """mypy --strict with the project's settings (and its cache) on `files`."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--no-error-summary",
            *map(str, files),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


# --- enum-typed fields of request models --------------------------------------------------------


def _request_schemas() -> list[str]:
    """Every schema a request body reaches."""
    found: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[1]
                if name not in found:
                    found.append(name)
                    visit(SCHEMAS[name])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    for item in SPEC["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "requestBody" in operation:
                visit(operation["requestBody"])
    return found


def _enum_fields() -> list[tuple[str, str, str]]:
    """(model, JSON field name, enum schema) of every enum-typed field of a request model."""
    fields: list[tuple[str, str, str]] = []
    for name in _request_schemas():
        for key, prop in SCHEMAS[name].get("properties", {}).items():
            enum_name, target = _resolve(prop)
            if enum_name is not None and "enum" in target:
                fields.append((name, key, enum_name))
    return fields


ENUM_FIELDS = _enum_fields()


def test_the_request_models_have_enum_fields() -> None:
    assert ("PositionInput", "type", "OrderSide") in ENUM_FIELDS
    assert len(ENUM_FIELDS) >= 10


@pytest.mark.parametrize(("model_name", "key", "enum_name"), ENUM_FIELDS)
def test_every_enum_field_takes_its_plain_strings(
    model_name: str, key: str, enum_name: str
) -> None:
    model = getattr(models, model_name)
    kind = getattr(models, enum_name)
    attribute = _python_names(model, SCHEMAS[model_name]["properties"])[key]
    converter = attrs.fields_dict(model)[attribute].converter
    assert converter is not None, f"{model_name}.{attribute} takes no plain string"
    for value in SCHEMAS[enum_name]["enum"]:
        assert converter(value) is kind(value)
        assert converter(kind(value)) is kind(value)
    if key not in SCHEMAS[model_name].get("required", []):
        assert isinstance(converter(threecommas.Unset()), Unset)
    assert sorted(member.value for member in kind) == sorted(SCHEMAS[enum_name]["enum"])
    allowed = ", ".join(repr(member.value) for member in kind)
    with pytest.raises(ValueError) as bad_value:
        converter("not-a-" + key)
    assert str(bad_value.value) == (
        f"{model_name}.{attribute} must be one of {allowed}, got 'not-a-{key}'"
    )
    with pytest.raises(TypeError) as bad_type:
        converter(1)
    assert f"{model_name}.{attribute} must be a {enum_name} or one of {allowed}" in str(
        bad_type.value
    )


def test_a_request_model_built_with_plain_strings_serialises_and_is_sent() -> None:
    position = models.PositionInput(
        type_="buy", order_type="limit", units=models.UnitsInput("1"), price=models.PriceInput("2")
    )
    assert position.type_ is models.OrderSide.BUY
    position.order_type = "market"  # assignment converts too
    assert position.order_type is models.PositionOrderType.MARKET
    position.price = threecommas.Unset()
    expected = {"type": "buy", "order_type": "market", "units": {"value": "1"}}
    assert position.to_dict() == expected
    step = models.TakeProfitStepInput(
        order_type="market",
        volume="100",
        price=models.StepPriceInput(type_="last", value="3"),
    )
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(201, json=seed_response())

    http = httpx.Client(transport=httpx.MockTransport(answer))
    with ThreeCommas("key", "secret", http_client=http) as client:
        client.smart_trades.create(
            account_id=1,
            pair="USDT_BTC",
            position=position,
            take_profit=models.TakeProfitInput(enabled=True, steps=[step]),
        )
    body = json.loads(sent[0].content)
    assert body["position"] == expected
    assert body["take_profit"]["steps"][0]["price"] == {"type": "last", "value": "3"}


def test_a_bad_enum_string_is_refused_when_the_model_is_built() -> None:
    units = models.UnitsInput("1")
    with pytest.raises(ValueError, match=r"PositionInput\.type_ must be one of 'buy', 'sell'"):
        models.PositionInput(type_="bye", order_type="market", units=units)
    position = models.PositionInput(type_="sell", order_type="market", units=units)
    with pytest.raises(ValueError, match=r"PositionInput\.order_type must be one of"):
        position.order_type = "stop"
    assert position.order_type is models.PositionOrderType.MARKET

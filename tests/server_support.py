"""What the tests of the recorded-responses server share.

Requests to an app in-process (`call`), the seed recording, and `api`, which checks every answer
against the OpenAPI document (a documented status, a body valid against that status' schema)
and, after every request, that the flags of every stored SmartTrade agree with the rules that
decide them.
"""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import Mapping
from typing import Any

import httpx
import jsonschema
from starlette.applications import Starlette

from threecommas._schema import load_spec
from threecommas._signing import HmacSigner, ThreeCommasAuth, signature_payload
from threecommas.testing import (
    DEFAULT_API_KEY,
    DEFAULT_API_SECRET,
    DEFAULT_RECORDINGS_DIR,
    SmartTradeStore,
)
from threecommas.testing._operations import find_operation
from threecommas.testing.simulation._state import FLAG_RULES, close_trade_refusal, refresh_flags

BASE_URL = "http://testserver/public/api"
SMART_TRADE_ID = 12345678
CLOSED_STEP_ID = 1047934729
OTHER_STEP_ID = 1047934727
CLOSE_PATH = f"/v2/smart_trades/{SMART_TRADE_ID}/trades/{CLOSED_STEP_ID}/close_by_market"
SEED_FILE = DEFAULT_RECORDINGS_DIR / "close_trade_by_market_12345678_1047934729.json"

PANIC = {"type": "panic_sell_pending", "basic_type": "panic_sell_pending", "title": "Panic closing"}
PENDING = {"type": "to_process", "basic_type": "to_process", "title": "Pending"}

AUTH = ThreeCommasAuth(DEFAULT_API_KEY, HmacSigner(DEFAULT_API_SECRET))


def close_path(smart_trade_id: object = SMART_TRADE_ID, trade_id: object = CLOSED_STEP_ID) -> str:
    return f"/v2/smart_trades/{smart_trade_id}/trades/{trade_id}/close_by_market"


def call(
    app: Starlette,
    method: str,
    path: str,
    *,
    auth: httpx.Auth | None = AUTH,
    headers: Mapping[str, str] | None = None,
    content: bytes | None = None,
) -> httpx.Response:
    """One request to ``app`` in-process; an exception inside the app would propagate here.

    Header values go out as latin-1 bytes, as on the wire, so that non-ASCII values can be sent.
    """
    raw_headers = [
        (name.encode("ascii"), value.encode("latin-1")) for name, value in (headers or {}).items()
    ]

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            return await client.request(
                method, path, auth=auth, headers=raw_headers, content=content
            )

    return asyncio.run(send())


def seed_body() -> dict[str, Any]:
    body: dict[str, Any] = json.loads(SEED_FILE.read_text(encoding="utf-8"))["body"]
    return body


def store_of(app: Starlette) -> SmartTradeStore:
    store: SmartTradeStore = app.state.store
    return store


def step(smart_trade: Mapping[str, Any], step_id: int) -> dict[str, Any]:
    found: dict[str, Any] = next(
        s for s in smart_trade["take_profit"]["steps"] if s["id"] == step_id
    )
    return found


def assert_json_error(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body: dict[str, Any] = response.json()
    assert isinstance(body, dict)
    assert isinstance(body.get("error"), str) and body["error"]
    assert set(body) <= {"error", "error_description"}
    assert isinstance(body.get("error_description", ""), str)
    return body


def signed_headers(
    target: bytes, body: bytes = b"", *, secret: str = DEFAULT_API_SECRET
) -> dict[str, str]:
    payload = signature_payload(target, body)
    return {"Apikey": DEFAULT_API_KEY, "Signature": HmacSigner(secret).sign(payload)}


FULL_CLOSE_PATH = ("/public/api" + CLOSE_PATH).encode()


AUTH_SIGNATURE = HmacSigner(DEFAULT_API_SECRET).sign(FULL_CLOSE_PATH)


# Every operation: the spec's view of requests and answers

SPEC = load_spec()
SEED_IDS = (12345678, 28934742, 30404547, 30415988, 30428625, 30848974, 31247949, 32037964)
CANCELLED_ID = 30404547  # the get page's SmartTrade: cancelled
FAILED_ID = 28934742  # the list page's SmartTrade: failed
#: An account of the server's data file (market_data.json) on binance, taking SmartTrades: the
#: server refuses a create on an account it does not have.
DATA_ACCOUNT_ID = 32455218
ADD_FUNDS_ID = 30415988  # waiting_targets, with a stop loss
SMART_SELL_ID = 30428625  # waiting_targets, Smart Sell, two take-profit steps and a stop loss
TRADES_ID = 30848974  # rebuilt from the trades page
WAITING_POSITION_ID = 31247949  # the force-start page's SmartTrade, before the force start
EDITED_ID = 32037964  # the edit page's SmartTrade
UNKNOWN_ID = 87654321


@functools.cache
def _validator(schema_json: str) -> jsonschema.Draft202012Validator:
    schema = {**json.loads(schema_json), "components": SPEC["components"]}
    return jsonschema.Draft202012Validator(schema)


def validate(schema: Mapping[str, Any], instance: Any) -> None:
    _validator(json.dumps(schema, sort_keys=True)).validate(instance)


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _operation_spec(name: str) -> dict[str, Any]:
    for item in SPEC["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == name:
                return operation
    raise KeyError(name)


def response_schema(name: str, status: int) -> dict[str, Any] | None:
    """The spec's schema for this operation's answer with this status (None: no body)."""
    response = _operation_spec(name)["responses"][str(status)]
    if "$ref" in response:
        response = SPEC["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    content = response.get("content")
    return None if content is None else dict(content["application/json"]["schema"])


def operation_for(method: str, path: str) -> str:
    found = find_operation(method, path)
    assert found is not None, (method, path)
    return found[0]


def assert_flags_agree(smart_trade: Mapping[str, Any]) -> None:
    data = smart_trade["data"]
    for flag, rule in FLAG_RULES.items():
        assert data[flag] is (rule(dict(smart_trade)) is None), (smart_trade["id"], flag)
    for s in smart_trade["take_profit"].get("steps", []):
        closable = close_trade_refusal(s) is None
        assert s["data"]["panic_sell_available"] is closable, (smart_trade["id"], s["id"])


def assert_store_flags_agree(app: Starlette) -> None:
    for smart_trade in store_of(app).snapshot().values():
        assert_flags_agree(smart_trade)


def api(
    app: Starlette, method: str, path: str, body: Any = None, *, raw: bytes | None = None
) -> Any:
    """A signed request; the answer must conform to the spec. Returns the response."""
    content = raw if raw is not None else None if body is None else json.dumps(body).encode()
    headers = {"Content-Type": "application/json"} if content is not None else None
    response = call(app, method, path, headers=headers, content=content)
    assert response.headers["content-type"] == "application/json"
    name = operation_for(method, path)
    schema = response_schema(name, response.status_code)
    assert schema is not None, (name, response.status_code)
    validate(schema, response.json())
    assert_store_flags_agree(app)
    return response


def ok(response: httpx.Response, status: int) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def refused(response: httpx.Response, status: int = 403) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    if status == 403:
        assert body["error"] == "Forbidden"
        assert body["error_description"]
    return body


def invalid(response: httpx.Response, status: int) -> dict[str, list[str]]:
    body = refused(response, status)
    assert body["error"] == "record_invalid"
    assert body["error_description"] == "Invalid parameters"
    attributes: dict[str, list[str]] = body["error_attributes"]
    assert attributes
    return attributes


def stored(app: Starlette, smart_trade_id: int) -> dict[str, Any]:
    smart_trade = store_of(app).get(smart_trade_id)
    assert smart_trade is not None
    return smart_trade


def put_with(app: Starlette, smart_trade_id: int, **changes: Any) -> dict[str, Any]:
    """Store a changed copy of a SmartTrade; ``status``/``position_status`` name statuses."""
    smart_trade = stored(app, smart_trade_id)
    if "status" in changes:
        kind = changes.pop("status")
        smart_trade["status"] = {"type": kind, "basic_type": kind, "title": kind}
    if "position_status" in changes:
        kind = changes.pop("position_status")
        smart_trade["position"]["status"] = {"type": kind, "basic_type": kind, "title": kind}
    smart_trade.update(changes)
    refresh_flags(smart_trade)  # as the server would after a change
    store_of(app).put(smart_trade)
    return smart_trade


def all_ids(smart_trade: Mapping[str, Any]) -> set[int]:
    ids = {smart_trade["id"]} | {s["id"] for s in smart_trade["take_profit"].get("steps", [])}
    return ids | {s["id"] for s in smart_trade.get("reduce_funds", {}).get("steps", [])}


CREATE_BODY: dict[str, Any] = {
    "account_id": 32402783,
    "pair": "USDT_DOGE",
    "position": {
        "type": "buy",
        "order_type": "limit",
        "units": {"value": "10"},
        "price": {"value": "0.1"},
    },
    "take_profit": {
        "enabled": True,
        "steps": [
            {"order_type": "limit", "volume": "60", "price": {"type": "last", "value": "0.12"}},
            {"order_type": "market", "volume": "40", "price": {"type": "bid", "value": "0.13"}},
        ],
    },
    "stop_loss": {
        "enabled": True,
        "order_type": "market",
        "conditional": {"price": {"type": "last", "value": "0.09"}},
    },
    "note": "from a test",
}


def create(app: Starlette, body: Mapping[str, Any] = CREATE_BODY) -> dict[str, Any]:
    created: dict[str, Any] = ok(api(app, "POST", "/v2/smart_trades", dict(body)), 201)
    return created

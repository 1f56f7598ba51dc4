"""The recorded-responses server: HTTP edge cases, methods per path, JSON errors everywhere."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from starlette.applications import Starlette

from tests.server_support import (
    AUTH_SIGNATURE,
    CLOSE_PATH,
    UNKNOWN_ID,
    assert_json_error,
    call,
    close_path,
    store_of,
)
from threecommas.testing import (
    DEFAULT_API_KEY,
    DEFAULT_API_SECRET,
    OPENAPI_DOCUMENT_PATH,
    RunningServer,
    create_app,
)
from threecommas.testing._operations import OPERATIONS

# --- HTTP edge cases -------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"])
def test_other_methods_on_the_close_path_are_405(app: Starlette, method: str) -> None:
    response = call(app, method, CLOSE_PATH)
    assert response.status_code == 405
    assert "POST" in [m.strip() for m in response.headers["allow"].split(",")]
    assert response.headers["content-type"] == "application/json"
    if method != "HEAD":
        assert_json_error(response, 405)


@pytest.mark.parametrize(
    "path",
    [
        "/v2/smart_trade",
        "/v2/smart_trades/",
        "/v2/smart_trades/12345678/close",
        "/v2/nothing/here",
        "/v1/smart_trades/12345678/trades/1047934729/close_by_market",
        CLOSE_PATH + "/",
    ],
)
def test_unknown_routes_are_json_404(app: Starlette, path: str) -> None:
    assert_json_error(call(app, "POST", path), 404)


def test_paths_outside_the_api_are_json_404(app: Starlette) -> None:
    assert_json_error(call(app, "GET", "http://testserver/"), 404)


@pytest.mark.parametrize(
    "raw",
    [
        "0",
        "-1",
        "AAA",
        "0.5",
        "null",
        "true",
        "null%2Cnull",
        "1.1125369292536007e-308",
        "9223372036854775808",  # int64 max + 1
        "99999999999999999999999",
        "314710952033029783552",
        "9" * 5000,  # int() of this raises in Python; must not reach it
    ],
)
@pytest.mark.parametrize("where", ["smart_trade_id", "id"])
def test_bad_ids_are_json_404(app: Starlette, raw: str, where: str) -> None:
    path = close_path(smart_trade_id=raw) if where == "smart_trade_id" else close_path(trade_id=raw)
    before = store_of(app).snapshot()
    # Signed, so that the 404 comes from the id and not from the signature check.
    assert_json_error(call(app, "POST", path), 404)
    assert store_of(app).snapshot() == before


def test_largest_int64_id_is_a_plain_not_found(app: Starlette) -> None:
    body = assert_json_error(call(app, "POST", close_path(2**63 - 1)), 404)
    assert body["error_description"] == "Smart Trade not found"


def test_an_unexpected_exception_becomes_json_500(
    app: Starlette, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(store_of(app), "perform_encoded", broken)  # what the routes call
    with caplog.at_level(logging.ERROR, logger="threecommas.testing"):
        response = call(app, "POST", CLOSE_PATH)
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"error": "internal_error"}
    assert DEFAULT_API_SECRET not in caplog.text
    assert AUTH_SIGNATURE not in caplog.text


def test_openapi_document_is_served_when_present(app: Starlette) -> None:
    if not OPENAPI_DOCUMENT_PATH.is_file():
        pytest.skip("no openapi/threecommas.yaml in this tree")
    response = call(app, "GET", "http://testserver/openapi.yaml")
    assert response.status_code == 200
    assert response.content == OPENAPI_DOCUMENT_PATH.read_bytes()


def test_fresh_apps_do_not_share_state() -> None:
    first, second = create_app(), create_app()
    assert call(first, "POST", CLOSE_PATH).status_code == 201
    assert call(second, "POST", CLOSE_PATH).status_code == 201


def test_reprs_hold_no_secret(app: Starlette) -> None:
    assert DEFAULT_API_SECRET not in repr(app.state.verifier)
    server = RunningServer(
        base_url="http://127.0.0.1:1/public/api",
        api_key=DEFAULT_API_KEY,
        api_secret=DEFAULT_API_SECRET,
        app=app,
    )
    assert DEFAULT_API_SECRET not in repr(server)


# HTTP: methods per path


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PUT", "/v2/smart_trades/1", "GET, PATCH, DELETE"),
        ("POST", "/v2/smart_trades/1", "GET, PATCH, DELETE"),
        ("DELETE", "/v2/smart_trades", "POST, GET"),
        ("PATCH", "/v2/smart_trades", "POST, GET"),
        ("GET", "/v2/smart_trades/1/add_funds", "POST"),
        ("POST", "/v2/smart_trades/1/reduce_funds_info", "GET"),
        ("POST", "/v2/smart_trades/1/trades", "GET"),
        ("GET", "/v2/smart_trades/1/trades/2", "DELETE"),
        ("OPTIONS", "/v2/smart_trades/1/trades/2", "DELETE"),
    ],
)
def test_wrong_methods_are_405_with_the_paths_methods(
    app: Starlette, method: str, path: str, allow: str
) -> None:
    response = call(app, method, path)
    assert_json_error(response, 405)
    assert response.headers["allow"] == allow


def test_auth_comes_before_the_body_and_the_lookup(app: Starlette) -> None:
    response = call(app, "PATCH", f"/v2/smart_trades/{UNKNOWN_ID}", auth=None, content=b"nope")
    assert_json_error(response, 401)
    response = call(app, "POST", "/v2/smart_trades", auth=None, content=b"nope")
    assert_json_error(response, 401)


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.operation_id)
def test_every_operation_of_the_catalogue_has_its_route(app: Starlette, operation: Any) -> None:
    path = re.sub(r"\{\w+\}", str(UNKNOWN_ID), operation.path)
    response = call(app, operation.method, path)
    # A 404 is the operation's own answer for the unknown id, never the router's.
    not_found = (
        {"error": "not_found", "error_description": "Not Found"}  # AccountNotFound
        if operation.operation_id in ("get_account", "get_account_balances", "load_balances")
        else {"error": "Not found", "error_description": "Smart Trade not found"}
    )
    assert response.status_code not in (404, 405) or response.json() == not_found, (
        operation.operation_id,
        response.text,
    )


@pytest.mark.parametrize(("where", "raw"), [("smart_trade_id", "0"), ("id", "9" * 19)])
def test_a_bad_id_is_named_by_the_shared_validator(app: Starlette, where: str, raw: str) -> None:
    path = close_path(**{"smart_trade_id" if where == "smart_trade_id" else "trade_id": raw})
    body = assert_json_error(call(app, "POST", path), 404)
    assert body["error_description"].startswith(f"`{where}` must be an integer from 1 to ")

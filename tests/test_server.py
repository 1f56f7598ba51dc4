"""The recorded-responses server: replay, state rules, signatures, and HTTP edge cases."""

from __future__ import annotations

import asyncio
import copy
import functools
import json
import logging
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette

from threecommas._schema import load_spec, schema_errors
from threecommas._signing import HmacSigner, RsaSigner, ThreeCommasAuth, signature_payload
from threecommas.testing import (
    DEFAULT_API_KEY,
    DEFAULT_API_SECRET,
    DEFAULT_RECORDINGS_DIR,
    OPENAPI_DOCUMENT_PATH,
    TEST_PRIVATE_KEY_PATH,
    TEST_PUBLIC_KEY_PATH,
    Recording,
    RecordingError,
    RunningServer,
    SmartTradeStore,
    create_app,
    load_recordings,
)
from threecommas.testing._operations import find_operation
from threecommas.testing.simulation._entities import PLACEHOLDER_PRICE
from threecommas.testing.simulation._state import FLAG_RULES, close_trade_refusal, refresh_flags
from threecommas_api._catalogue import BY_ID

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


@pytest.fixture
def app(threecommas_app: Starlette) -> Starlette:
    return threecommas_app


# --- Replay and state ------------------------------------------------------------------------


def test_seed_request_gets_exactly_the_recorded_response(app: Starlette) -> None:
    response = call(app, "POST", CLOSE_PATH)
    assert response.status_code == 201
    assert response.headers["content-type"] == "application/json"
    assert response.json() == seed_body()


def test_seed_recording_is_the_docs_example() -> None:
    recording = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    assert recording["operation"] == "close_trade_by_market"
    assert recording["method"] == "POST"
    assert recording["path"] == CLOSE_PATH
    assert recording["status"] == 201
    assert recording["source"]
    body = recording["body"]
    assert body["id"] == SMART_TRADE_ID
    assert [s["id"] for s in body["take_profit"]["steps"]] == [1047934727, 1047934728, 1047934729]
    assert step(body, CLOSED_STEP_ID)["status"] == PANIC
    assert body["data"]["updated_at"] == "2024-09-24T20:06:09.282Z"


def test_fresh_store_holds_the_state_before_the_recorded_close(app: Starlette) -> None:
    before = store_of(app).get(SMART_TRADE_ID)
    assert before is not None
    assert step(before, CLOSED_STEP_ID)["status"] == PENDING
    assert step(before, CLOSED_STEP_ID)["data"]["panic_sell_available"] is True
    # Apart from that one step, the starting state is the recorded body.
    expected = seed_body()
    step(expected, CLOSED_STEP_ID)["status"] = PENDING
    step(expected, CLOSED_STEP_ID)["data"]["panic_sell_available"] = True
    assert before == expected


def test_close_changes_the_step_and_nothing_else(app: Starlette) -> None:
    before = store_of(app).snapshot()
    response = call(app, "POST", CLOSE_PATH)
    assert response.status_code == 201
    after = store_of(app).snapshot()

    expected = copy.deepcopy(before)
    closed = step(expected[SMART_TRADE_ID], CLOSED_STEP_ID)
    closed["status"] = PANIC
    closed["data"]["panic_sell_available"] = False
    assert after == expected
    assert response.json() == after[SMART_TRADE_ID]
    assert (
        after[SMART_TRADE_ID]["data"]["updated_at"] == before[SMART_TRADE_ID]["data"]["updated_at"]
    )


def test_second_close_is_forbidden_and_changes_nothing(app: Starlette) -> None:
    assert call(app, "POST", CLOSE_PATH).status_code == 201
    before = store_of(app).snapshot()
    body = assert_json_error(call(app, "POST", CLOSE_PATH), 403)
    assert body["error"] == "Forbidden"
    assert "panic_sell_pending" in body["error_description"]
    assert store_of(app).snapshot() == before


def test_other_steps_close_independently(app: Starlette) -> None:
    response = call(app, "POST", close_path(trade_id=OTHER_STEP_ID))
    assert response.status_code == 201
    trade = response.json()
    assert step(trade, OTHER_STEP_ID)["status"] == PANIC
    assert step(trade, OTHER_STEP_ID)["data"]["panic_sell_available"] is False
    assert step(trade, CLOSED_STEP_ID)["status"] == PENDING
    # The seed's step can still be closed afterwards.
    assert call(app, "POST", CLOSE_PATH).status_code == 201


def _trade_with_step_status(basic_type: str) -> dict[str, Any]:
    trade = seed_body()
    trade["id"] = 777
    step(trade, CLOSED_STEP_ID)["status"] = {
        "type": basic_type,
        "basic_type": basic_type,
        "title": basic_type,
    }
    return trade


@pytest.mark.parametrize("basic_type", ["to_process", "order_placed", "trailing_activated"])
def test_closable_statuses(app: Starlette, basic_type: str) -> None:
    store_of(app).put(_trade_with_step_status(basic_type))
    response = call(app, "POST", close_path(777))
    assert response.status_code == 201
    assert step(response.json(), CLOSED_STEP_ID)["status"] == PANIC


@pytest.mark.parametrize("basic_type", ["idle", "finished", "failed", "panic_sell_pending"])
def test_other_statuses_are_refused(app: Starlette, basic_type: str) -> None:
    store_of(app).put(_trade_with_step_status(basic_type))
    before = store_of(app).snapshot()
    body = assert_json_error(call(app, "POST", close_path(777)), 403)
    assert basic_type in body["error_description"]
    assert store_of(app).snapshot() == before


def test_unknown_smart_trade_is_404(app: Starlette) -> None:
    body = assert_json_error(call(app, "POST", close_path(87654321)), 404)
    assert body == {"error": "Not found", "error_description": "Smart Trade not found"}


def test_unknown_trade_is_404(app: Starlette) -> None:
    before = store_of(app).snapshot()
    body = assert_json_error(call(app, "POST", close_path(trade_id=42)), 404)
    assert body["error"] == "Not found"
    assert store_of(app).snapshot() == before


# --- Signatures ------------------------------------------------------------------------------


def _signed_headers(
    target: bytes, body: bytes = b"", *, secret: str = DEFAULT_API_SECRET
) -> dict[str, str]:
    payload = signature_payload(target, body)
    return {"Apikey": DEFAULT_API_KEY, "Signature": HmacSigner(secret).sign(payload)}


FULL_CLOSE_PATH = ("/public/api" + CLOSE_PATH).encode()


@pytest.mark.parametrize(
    ("headers", "error"),
    [
        pytest.param({}, "api_key_invalid_or_expired", id="no headers"),
        pytest.param(
            {"Signature": _signed_headers(FULL_CLOSE_PATH)["Signature"]},
            "api_key_invalid_or_expired",
            id="missing Apikey",
        ),
        pytest.param(
            {**_signed_headers(FULL_CLOSE_PATH), "Apikey": "someone-else"},
            "api_key_invalid_or_expired",
            id="wrong Apikey",
        ),
        pytest.param({"Apikey": DEFAULT_API_KEY}, "signature_invalid", id="missing Signature"),
        pytest.param(
            _signed_headers(FULL_CLOSE_PATH, secret="not-the-secret"),
            "signature_invalid",
            id="signed with another secret",
        ),
        pytest.param(
            _signed_headers(FULL_CLOSE_PATH.replace(b"1047934729", b"1047934728")),
            "signature_invalid",
            id="signature of another path",
        ),
        pytest.param(
            {"Apikey": DEFAULT_API_KEY, "Signature": "SCHEMATHESIS-INVALID-VALUE"},
            "signature_invalid",
            id="garbage Signature",
        ),
        pytest.param(
            {"Apikey": DEFAULT_API_KEY, "Signature": "é" * 64},
            "signature_invalid",
            id="non-ASCII Signature",
        ),
    ],
)
def test_bad_credentials_are_401(app: Starlette, headers: dict[str, str], error: str) -> None:
    before = store_of(app).snapshot()
    body = assert_json_error(call(app, "POST", CLOSE_PATH, auth=None, headers=headers), 401)
    assert body["error"] == error
    assert store_of(app).snapshot() == before


def test_hand_made_headers_and_upper_case_hex_are_accepted(app: Starlette) -> None:
    headers = _signed_headers(FULL_CLOSE_PATH)
    headers = {"APIKEY": headers["Apikey"], "signature": headers["Signature"].upper()}
    assert call(app, "POST", CLOSE_PATH, auth=None, headers=headers).status_code == 201


def test_error_for_bad_signature_is_the_apis() -> None:
    app = create_app()
    headers = {"Apikey": DEFAULT_API_KEY, "Signature": "0" * 64}
    body = assert_json_error(call(app, "POST", CLOSE_PATH, auth=None, headers=headers), 401)
    assert body == {
        "error": "signature_invalid",
        "error_description": "Provided signature is invalid",
    }


def test_custom_hmac_credentials() -> None:
    app = create_app(api_key="my-key", api_secret="my-secret")
    assert call(app, "POST", CLOSE_PATH).status_code == 401  # default credentials refused
    auth = ThreeCommasAuth("my-key", HmacSigner("my-secret"))
    assert call(app, "POST", CLOSE_PATH, auth=auth).status_code == 201


@pytest.fixture
def rsa_app() -> Starlette:
    return create_app(public_key_pem=TEST_PUBLIC_KEY_PATH.read_bytes())


def test_rsa_mode_accepts_the_shipped_key_pair(rsa_app: Starlette) -> None:
    auth = ThreeCommasAuth(DEFAULT_API_KEY, RsaSigner.from_file(TEST_PRIVATE_KEY_PATH))
    response = call(rsa_app, "POST", CLOSE_PATH, auth=auth)
    assert response.status_code == 201
    assert response.json() == seed_body()


def test_rsa_mode_refuses_another_key_and_hmac(rsa_app: Starlette) -> None:
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    other_pem = other_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    wrong = ThreeCommasAuth(DEFAULT_API_KEY, RsaSigner(other_pem))
    body = assert_json_error(call(rsa_app, "POST", CLOSE_PATH, auth=wrong), 401)
    assert body["error"] == "signature_invalid"
    # A self-generated key has no shared secret: HMAC signatures mean nothing here.
    assert_json_error(call(rsa_app, "POST", CLOSE_PATH, auth=AUTH), 401)
    assert step(store_of(rsa_app).get(SMART_TRADE_ID) or {}, CLOSED_STEP_ID)["status"] == PENDING


def test_rsa_mode_rejects_a_non_key() -> None:
    with pytest.raises(ValueError, match="PEM public key"):
        create_app(public_key_pem=b"not a key")


JSON_BODY = b'{"note": "from a test"}'


@pytest.mark.parametrize("separator", ["?", ""])
def test_body_signed_with_either_separator_is_accepted(separator: str) -> None:
    app = create_app()
    auth = ThreeCommasAuth(
        DEFAULT_API_KEY, HmacSigner(DEFAULT_API_SECRET), body_separator=separator
    )
    headers = {"Content-Type": "application/json"}
    response = call(app, "POST", CLOSE_PATH, auth=auth, headers=headers, content=JSON_BODY)
    assert response.status_code == 201
    assert response.json() == seed_body()


@pytest.mark.parametrize("separator", ["?", ""])
def test_rsa_body_signed_with_either_separator_is_accepted(
    rsa_app: Starlette, separator: str
) -> None:
    signer = RsaSigner.from_file(TEST_PRIVATE_KEY_PATH)
    auth = ThreeCommasAuth(DEFAULT_API_KEY, signer, body_separator=separator)
    response = call(rsa_app, "POST", CLOSE_PATH, auth=auth, content=JSON_BODY)
    assert response.status_code == 201


def test_signature_covers_the_body(app: Starlette) -> None:
    headers = _signed_headers(FULL_CLOSE_PATH, b'{"note": "signed"}')
    response = call(
        app, "POST", CLOSE_PATH, auth=None, headers=headers, content=b'{"note": "sent"}'
    )
    assert_json_error(response, 401)


def test_signature_covers_the_query(app: Starlette) -> None:
    headers = _signed_headers(FULL_CLOSE_PATH + b"?mode=real")
    assert (
        call(app, "POST", CLOSE_PATH + "?mode=real", auth=None, headers=headers).status_code == 201
    )
    headers = _signed_headers(FULL_CLOSE_PATH + b"?mode=real")
    response = call(
        app, "POST", close_path(trade_id=OTHER_STEP_ID) + "?mode=paper", auth=None, headers=headers
    )
    assert_json_error(response, 401)


# --- Forced-Mode and the order of checks -----------------------------------------------------


@pytest.mark.parametrize("mode", ["real", "paper"])
def test_forced_mode_values_are_accepted(app: Starlette, mode: str) -> None:
    response = call(app, "POST", CLOSE_PATH, headers={"Forced-Mode": mode})
    assert response.status_code == 201


@pytest.mark.parametrize("mode", ["REAL", "Paper", "demo", "", "real,paper"])
def test_bad_forced_mode_is_400(app: Starlette, mode: str) -> None:
    before = store_of(app).snapshot()
    body = assert_json_error(call(app, "POST", CLOSE_PATH, headers={"Forced-Mode": mode}), 400)
    assert body["error"] == "Wrong param(s)"
    assert store_of(app).snapshot() == before


def test_auth_is_checked_before_forced_mode(app: Starlette) -> None:
    response = call(app, "POST", CLOSE_PATH, auth=None, headers={"Forced-Mode": "demo"})
    assert_json_error(response, 401)


def test_forced_mode_is_checked_before_lookup(app: Starlette) -> None:
    response = call(app, "POST", close_path(87654321), headers={"Forced-Mode": "demo"})
    assert_json_error(response, 400)


def test_lookup_is_checked_before_the_state_rule(app: Starlette) -> None:
    assert call(app, "POST", CLOSE_PATH).status_code == 201
    assert_json_error(call(app, "POST", close_path(trade_id=42)), 404)
    assert_json_error(call(app, "POST", CLOSE_PATH), 403)


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

    monkeypatch.setattr(store_of(app), "perform", broken)
    with caplog.at_level(logging.ERROR, logger="threecommas.testing"):
        response = call(app, "POST", CLOSE_PATH)
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"error": "internal_error"}
    assert DEFAULT_API_SECRET not in caplog.text
    assert AUTH_SIGNATURE not in caplog.text


AUTH_SIGNATURE = HmacSigner(DEFAULT_API_SECRET).sign(FULL_CLOSE_PATH)


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


# --- Recordings ------------------------------------------------------------------------------


def test_shipped_recordings_load() -> None:
    recordings = load_recordings()
    assert [r.file for r in recordings if r.file == SEED_FILE] == [SEED_FILE]
    seed = next(r for r in recordings if r.file == SEED_FILE)
    assert seed.path_params == {"smart_trade_id": SMART_TRADE_ID, "id": CLOSED_STEP_ID}


def _write_recording(directory: Path, name: str, **changes: Any) -> Path:
    recording = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    recording.update(changes)
    file = directory / name
    file.write_text(json.dumps(recording), encoding="utf-8")
    return file


def test_recordings_from_another_directory(tmp_path: Path) -> None:
    # A recording where the first step, not the third, was the one closed.
    body = seed_body()
    body["id"] = 555
    step(body, OTHER_STEP_ID)["status"] = PANIC
    step(body, OTHER_STEP_ID)["data"]["panic_sell_available"] = False
    step(body, CLOSED_STEP_ID)["status"] = PENDING
    step(body, CLOSED_STEP_ID)["data"]["panic_sell_available"] = True
    _write_recording(
        tmp_path,
        "other.json",
        path=f"/public/api/v2/smart_trades/555/trades/{OTHER_STEP_ID}/close_by_market",
        body=body,
    )
    app = create_app(recordings_dir=tmp_path)
    assert store_of(app).ids() == [555]
    starting = store_of(app).get(555)
    assert starting is not None
    # The step named in the path is rewound to its state before the close.
    assert step(starting, OTHER_STEP_ID)["status"] == PENDING
    assert step(starting, OTHER_STEP_ID)["data"]["panic_sell_available"] is True
    response = call(app, "POST", close_path(555, OTHER_STEP_ID))
    assert response.status_code == 201
    assert response.json() == body


@pytest.mark.parametrize(
    "changes",
    [
        {"path": "/v2/smart_trades/999/trades/1047934729/close_by_market"},  # body id differs
        {"path": "/v2/smart_trades/12345678/trades/111/close_by_market"},  # no such step
        {"path": "/v2/smart_trades/0/trades/1047934729/close_by_market"},
        {"method": "GET"},
        {"status": "201"},
    ],
)
def test_incoherent_recordings_are_refused(tmp_path: Path, changes: dict[str, Any]) -> None:
    _write_recording(tmp_path, "bad.json", **changes)
    with pytest.raises(RecordingError):
        create_app(recordings_dir=tmp_path)


def test_unreadable_recording_is_refused(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(RecordingError, match=r"broken\.json"):
        load_recordings(tmp_path)


def test_error_recordings_do_not_seed_the_store(tmp_path: Path) -> None:
    _write_recording(tmp_path, "refused.json", status=404, body={"error": "Not found"})
    app = create_app(recordings_dir=tmp_path)
    assert store_of(app).ids() == []
    assert_json_error(call(app, "POST", CLOSE_PATH), 404)


# --- Live servers ----------------------------------------------------------------------------


def test_live_server_fixture(threecommas_server: RunningServer) -> None:
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/public/api", threecommas_server.base_url)
    auth = ThreeCommasAuth(
        threecommas_server.api_key, HmacSigner(threecommas_server.api_secret or "")
    )
    with httpx.Client(base_url=threecommas_server.base_url, auth=auth, timeout=10) as client:
        response = client.post(CLOSE_PATH)
        assert response.status_code == 201
        assert response.json() == seed_body()
        assert threecommas_server.store.get(SMART_TRADE_ID) == seed_body()
        assert_json_error(client.post(CLOSE_PATH), 403)
        # Header names travel upper-case here; the server must not care.
        manual = _signed_headers(("/public/api" + close_path(trade_id=OTHER_STEP_ID)).encode())
        upper = {"APIKEY": manual["Apikey"], "SIGNATURE": manual["Signature"]}
        response = client.post(close_path(trade_id=OTHER_STEP_ID), auth=None, headers=upper)
        assert response.status_code == 201
        assert_json_error(client.get(CLOSE_PATH), 405)
        assert_json_error(client.post(close_path("AAA")), 404)


def test_live_server_fixture_is_fresh_per_test(threecommas_server: RunningServer) -> None:
    # Runs after the test above closed the seed's step on its own server.
    start = threecommas_server.store.get(SMART_TRADE_ID)
    assert start is not None
    assert step(start, CLOSED_STEP_ID)["status"] == PENDING


def test_session_server_fixture(
    threecommas_server_session: RunningServer, threecommas_auth: ThreeCommasAuth
) -> None:
    # Shared across tests: only requests that change nothing.
    with httpx.Client(base_url=threecommas_server_session.base_url, timeout=10) as client:
        assert_json_error(client.post(CLOSE_PATH), 401)
        response = client.post(close_path(87654321), auth=threecommas_auth)
        assert_json_error(response, 404)


# --- Command line ----------------------------------------------------------------------------


@pytest.fixture
def serve_process() -> Iterator[list[subprocess.Popen[str]]]:
    """Collects started servers and makes sure each is gone after the test."""
    processes: list[subprocess.Popen[str]] = []
    yield processes
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def _start_server(
    processes: list[subprocess.Popen[str]], *args: str
) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "0"}
    process = subprocess.Popen(
        [sys.executable, "-m", "threecommas.testing", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    processes.append(process)
    assert process.stdout is not None
    # The printed line must arrive without the process exiting; a timer unblocks a hung read.
    timer = threading.Timer(20, process.kill)
    timer.start()
    try:
        line = process.stdout.readline()
    finally:
        timer.cancel()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/public/api\n", line), line
    return process, line.strip()


def _stop(process: subprocess.Popen[str]) -> tuple[str, str]:
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    return out, err


def test_command_line_server(serve_process: list[subprocess.Popen[str]]) -> None:
    process, url = _start_server(serve_process)
    with httpx.Client(base_url=url, auth=AUTH, timeout=10) as client:
        response = client.post(CLOSE_PATH)
        assert response.status_code == 201
        assert response.json() == seed_body()
        assert_json_error(client.post(CLOSE_PATH), 403)
    rest_of_stdout, stderr = _stop(process)
    assert rest_of_stdout == ""  # exactly one line on stdout
    assert DEFAULT_API_SECRET not in stderr
    assert AUTH_SIGNATURE not in stderr


def test_command_line_server_in_rsa_mode(serve_process: list[subprocess.Popen[str]]) -> None:
    process, url = _start_server(
        serve_process, "--api-key", "rsa-key", "--public-key", str(TEST_PUBLIC_KEY_PATH)
    )
    signer = RsaSigner.from_file(TEST_PRIVATE_KEY_PATH)
    with httpx.Client(base_url=url, timeout=10) as client:
        assert_json_error(client.post(CLOSE_PATH, auth=AUTH), 401)
        response = client.post(CLOSE_PATH, auth=ThreeCommasAuth("rsa-key", signer))
        assert response.status_code == 201
    _stop(process)


def test_command_line_refuses_secret_and_public_key_together() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "threecommas.testing",
            "serve",
            "--api-secret",
            "s3cr3t-value",
            "--public-key",
            str(TEST_PUBLIC_KEY_PATH),
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "s3cr3t-value" not in result.stderr


# --- Every operation: replay, rules, bodies, conformance to the spec ----------------------------
#
# Requests in this part go through `api`, which checks every answer against the OpenAPI document
# (a documented status, a body valid against that status' schema) and, after every request,
# that the flags of every stored SmartTrade agree with the rules that decide them.

SPEC = load_spec()
SEED_IDS = (12345678, 28934742, 30404547, 30415988, 30428625, 30848974, 31247949, 32037964)
CANCELLED_ID = 30404547  # the get page's SmartTrade: cancelled
FAILED_ID = 28934742  # the list page's SmartTrade: failed
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


def request_example(name: str) -> Any:
    """The spec's example request body of an operation (None when it takes no body)."""
    body = _operation_spec(name).get("requestBody")
    if body is None:
        return None
    example = next(iter(body["content"]["application/json"]["examples"].values()))
    return SPEC["components"]["examples"][example["$ref"].rsplit("/", 1)[1]]["value"]


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


# Replay


def test_the_store_starts_from_every_recorded_smart_trade(app: Starlette) -> None:
    assert store_of(app).ids() == sorted(SEED_IDS)
    assert_store_flags_agree(app)
    for smart_trade in store_of(app).snapshot().values():
        validate(ref("SmartTrade"), smart_trade)


def test_recordings_cover_every_operation_but_force_process() -> None:
    # The docs have no example for force_process (only the old reference names it).
    assert {r.operation for r in load_recordings()} == set(BY_ID) - {"force_process"}
    assert all(r.source.startswith("3Commas API docs") for r in load_recordings())


@pytest.mark.parametrize(
    "recording", load_recordings(), ids=lambda r: r.file.name if r.file else ""
)
def test_every_recording_replays_on_a_fresh_server(recording: Recording) -> None:
    app = create_app()
    response = api(app, recording.method, recording.path, request_example(recording.operation))
    assert response.status_code == recording.status, response.text
    if recording.operation in ("get_smart_trade", "list_smart_trades", "close_trade_by_market"):
        assert response.json() == recording.body
        # Byte for byte: the same keys in the same order.
        expected = json.dumps(recording.body, ensure_ascii=False, separators=(",", ":"))
        assert response.content == expected.encode()


def test_list_trades_replay_is_the_docs_example_but_for_the_stop_loss_close_flag(
    app: Starlette,
) -> None:
    recording = next(r for r in load_recordings() if r.operation == "list_trades")
    trades = ok(api(app, "GET", recording.path), 200)
    assert [t["id"] for t in trades] == [t["id"] for t in recording.body]
    for got, want in zip(trades, recording.body, strict=True):
        differing = {k for k in want if got[k] != want[k]} - {"created_at", "updated_at"}
        if want["trade_purpose"] == "stop_loss":
            # The docs mark their stop loss closable by market, which is for take-profit
            # trades only. It can be cancelled, as the docs say (that cancels the SmartTrade).
            assert differing == {"force_processable"}
            assert got["force_processable"] is False
            assert got["cancelable"] is True
        else:
            assert differing == set()


# Every operation's rule: allowed, refused (403), unknown (404)


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
    limit = {"order_type": "limit", "units": {"value": "1"}, "price": {"value": "0.1"}}
    again = ok(api(app, "POST", f"/v2/smart_trades/{ADD_FUNDS_ID}/add_funds", limit), 201)
    # A market order at the ask, then a limit order at its price.
    expected = Decimal("4.57371") + Decimal("14.60138226") * Decimal("0.10265") + Decimal("0.1")
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


def test_list_trades_follows_the_state(app: Starlette) -> None:
    trades = ok(api(app, "GET", f"/v2/smart_trades/{SMART_TRADE_ID}/trades"), 200)
    purposes = [(t["trade_purpose"], t["status"]) for t in trades]
    assert purposes == [
        ("position", "finished"),
        ("take_profit", "to_process"),
        ("take_profit", "to_process"),
        ("take_profit", "to_process"),
    ]
    position_trade = trades[0]
    assert position_trade["id"] == store_of(app).trade_ids(SMART_TRADE_ID)["position"]
    assert position_trade["id"] not in all_ids(seed_body())
    assert [t["id"] for t in trades[1:]] == [1047934727, 1047934728, CLOSED_STEP_ID]
    assert all(t["cancelable"] and t["force_processable"] for t in trades[1:])
    assert not position_trade["cancelable"] and not position_trade["force_processable"]
    ok(api(app, "POST", CLOSE_PATH), 201)
    trades = ok(api(app, "GET", f"/v2/smart_trades/{SMART_TRADE_ID}/trades"), 200)
    closed = next(t for t in trades if t["id"] == CLOSED_STEP_ID)
    assert (closed["status"], closed["force_processable"]) == ("panic_sell_pending", False)
    # The ids stay the same from one call to the next.
    assert trades[0]["id"] == position_trade["id"]


def test_list_trades_of_a_smart_sell_has_no_position_trade(app: Starlette) -> None:
    trades = ok(api(app, "GET", f"/v2/smart_trades/{SMART_SELL_ID}/trades"), 200)
    assert [t["trade_purpose"] for t in trades] == ["take_profit", "take_profit", "stop_loss"]
    assert [t["order_side"] for t in trades] == ["sell", "sell", "sell"]


def test_cancel_trade(app: Starlette) -> None:
    path = f"/v2/smart_trades/{SMART_TRADE_ID}/trades/"
    after = ok(api(app, "DELETE", path + "1047934727"), 200)
    assert [s["id"] for s in after["take_profit"]["steps"]] == [1047934728, CLOSED_STEP_ID]
    assert after["status"]["basic_type"] == "waiting_targets"
    assert 1047934727 not in [t["id"] for t in ok(api(app, "GET", path[:-1]), 200)]
    refused(api(app, "DELETE", path + "1047934727"), 404)  # gone
    ok(api(app, "DELETE", path + "1047934728"), 200)
    # The last take-profit step can be cancelled too, and that cancels the SmartTrade.
    trades = ok(api(app, "GET", path[:-1]), 200)
    assert [t["cancelable"] for t in trades if t["trade_purpose"] == "take_profit"] == [True]
    last = ok(api(app, "DELETE", path + str(CLOSED_STEP_ID)), 200)
    assert last["status"] == {
        "type": "cancellation_pending",
        "basic_type": "cancellation_pending",
        "title": "Cancelling",
    }
    assert last["take_profit"]["steps"] == []
    assert last["data"]["cancel_available"] is False
    assert ok(api(app, "GET", f"/v2/smart_trades/{SMART_TRADE_ID}"), 200) == last


def test_cancelling_the_stop_loss_trade_cancels_the_smart_trade(app: Starlette) -> None:
    ids = store_of(app).trade_ids(SMART_SELL_ID)
    path = f"/v2/smart_trades/{SMART_SELL_ID}/trades/"
    steps = [s["id"] for s in stored(app, SMART_SELL_ID)["take_profit"]["steps"]]
    stop_loss = next(
        t for t in ok(api(app, "GET", path[:-1]), 200) if t["trade_purpose"] == "stop_loss"
    )
    assert stop_loss["id"] == ids["stop_loss"] and stop_loss["cancelable"] is True
    after = ok(api(app, "DELETE", path + str(ids["stop_loss"])), 200)
    assert after["status"]["basic_type"] == "cancellation_pending"
    # Only the SmartTrade's status changes: its steps and stop loss are as they were.
    assert [s["id"] for s in after["take_profit"]["steps"]] == steps
    assert after["stop_loss"] == stored(app, SMART_SELL_ID)["stop_loss"]
    # Now nothing can cancel it again, the stop loss included.
    again = refused(api(app, "DELETE", path + str(ids["stop_loss"])))
    assert "cancellation_pending" in again["error_description"]
    listed = ok(api(app, "GET", path[:-1]), 200)
    assert [t["cancelable"] for t in listed if t["trade_purpose"] == "stop_loss"] == [False]


@pytest.mark.parametrize("status", ["created", "panic_sell_pending", "cancelled", "failed"])
def test_a_trade_cancel_that_would_cancel_the_smart_trade_follows_its_rule(
    app: Starlette, status: str
) -> None:
    put_with(app, SMART_SELL_ID, status=status)
    ids = store_of(app).trade_ids(SMART_SELL_ID)
    first, second = (s["id"] for s in stored(app, SMART_SELL_ID)["take_profit"]["steps"])
    path = f"/v2/smart_trades/{SMART_SELL_ID}/trades/"
    before = store_of(app).snapshot()
    assert (
        "stop loss"
        in refused(api(app, "DELETE", path + str(ids["stop_loss"])))["error_description"]
    )
    assert store_of(app).snapshot() == before
    # A step that is not the last leaves the SmartTrade alone: allowed in any status.
    ok(api(app, "DELETE", path + str(first)), 200)
    last = refused(api(app, "DELETE", path + str(second)))
    assert "last take profit" in last["error_description"]
    assert status in last["error_description"]


def test_cancel_trade_refuses_the_position(app: Starlette) -> None:
    ids = store_of(app).trade_ids(SMART_SELL_ID)
    path = f"/v2/smart_trades/{SMART_SELL_ID}/trades/"
    # A Smart Sell has no position trade; the seed has one.
    refused(api(app, "DELETE", path + str(ids["position"])), 404)
    seed_position = store_of(app).trade_ids(SMART_TRADE_ID)["position"]
    refused(api(app, "DELETE", f"/v2/smart_trades/{SMART_TRADE_ID}/trades/{seed_position}"))
    refused(api(app, "POST", close_path(trade_id=seed_position)))
    # The stop loss is not a take-profit trade: it cannot be closed by market.
    refused(api(app, "POST", close_path(SMART_SELL_ID, ids["stop_loss"])))
    refused(api(app, "DELETE", path + "42"), 404)


def test_cancel_trade_refuses_a_step_that_is_not_cancelable(app: Starlette) -> None:
    smart_trade = stored(app, SMART_SELL_ID)
    smart_trade["take_profit"]["steps"][0]["data"]["cancelable"] = False
    store_of(app).put(smart_trade)
    first, second = (s["id"] for s in smart_trade["take_profit"]["steps"])
    refused(api(app, "DELETE", f"/v2/smart_trades/{SMART_SELL_ID}/trades/{first}"))
    ok(api(app, "DELETE", f"/v2/smart_trades/{SMART_SELL_ID}/trades/{second}"), 200)


# Create, then every other operation on the new SmartTrade


def test_create_then_read_list_and_act(app: Starlette) -> None:
    highest_seeded = max(max(all_ids(st)) for st in store_of(app).snapshot().values())
    created = create(app)
    new_id = created["id"]
    assert new_id > highest_seeded
    step_ids = [s["id"] for s in created["take_profit"]["steps"]]
    assert len(set(step_ids)) == 2 and min(step_ids) > highest_seeded and new_id not in step_ids
    assert created["status"] == {"type": "created", "basic_type": "created", "title": "Pending"}
    assert created["position"]["status"]["basic_type"] == "to_process"
    assert created["position"]["total"]["value"] == "1.0"
    assert [s["status"]["basic_type"] for s in created["take_profit"]["steps"]] == ["idle", "idle"]
    assert [s["volume"] for s in created["take_profit"]["steps"]] == ["60", "40"]
    assert created["stop_loss"]["enabled"] is True
    assert created["data"]["type"] == "smart_trade"
    assert created["note"] == created["note_raw"] == "from a test"
    # The account is the one the seeded SmartTrades show for that id.
    assert created["account"] == seed_body()["account"]
    prices = [st["data"].get("current_price") for st in store_of(app).snapshot().values()]
    assert created["data"]["current_price"] in prices
    assert created["data"]["created_at"] == created["data"]["updated_at"]

    assert ok(api(app, "GET", f"/v2/smart_trades/{new_id}"), 200) == created
    listed = ok(api(app, "GET", "/v2/smart_trades?per_page=100&order_by=created_at"), 200)
    assert listed[0] == created  # newest first
    trades = ok(api(app, "GET", f"/v2/smart_trades/{new_id}/trades"), 200)
    assert [t["trade_purpose"] for t in trades] == [
        "position",
        "take_profit",
        "take_profit",
        "stop_loss",
    ]
    assert len({t["id"] for t in trades}) == 4

    # `created`: neither editable nor cancelable; it can be force-started (the docs' example).
    assert created["data"]["force_start_available"] is True
    edit = {"position": {"units": {"value": "12"}}}
    refused(api(app, "PATCH", f"/v2/smart_trades/{new_id}", edit))
    refused(api(app, "DELETE", f"/v2/smart_trades/{new_id}"))

    # Once the exchange has it (a test moves it on), it is.
    put_with(app, new_id, status="waiting_position", position_status="order_placed")
    assert (
        ok(api(app, "PATCH", f"/v2/smart_trades/{new_id}", edit), 200)["position"]["units"]["value"]
        == "12"
    )
    one_left = ok(api(app, "DELETE", f"/v2/smart_trades/{new_id}/trades/{step_ids[0]}"), 200)
    assert one_left["status"]["basic_type"] == "waiting_position"
    # The last take-profit step: cancelling it cancels the SmartTrade, as the docs warn.
    cancelled = ok(api(app, "DELETE", f"/v2/smart_trades/{new_id}/trades/{step_ids[1]}"), 200)
    assert cancelled["status"]["basic_type"] == "cancellation_pending"
    assert ok(api(app, "GET", f"/v2/smart_trades/{new_id}"), 200) == cancelled
    refused(api(app, "DELETE", f"/v2/smart_trades/{new_id}"))  # already being cancelled


@pytest.mark.parametrize(
    ("instant", "skip", "side", "kind"),
    [
        (True, False, "buy", "simple_buy"),
        (True, False, "sell", "simple_sell"),
        (False, True, "buy", "smart_sell"),
        (False, True, "sell", "smart_buy"),
        (False, False, "buy", "smart_trade"),
        (False, False, "sell", "smart_cover"),
    ],
)
def test_create_sets_the_type(
    app: Starlette, instant: bool, skip: bool, side: str, kind: str
) -> None:
    body: dict[str, Any] = {
        "account_id": 1,
        "pair": "USDT_NEW",
        "instant": instant,
        "skip_enter_step": skip,
        "position": {"type": side, "order_type": "market", "units": {"value": "1"}},
    }
    if not instant:  # only a Simple Buy/Sell may leave them out
        body.update(take_profit={"enabled": False}, stop_loss={"enabled": False})
    created = create(app, body)
    assert created["data"]["type"] == kind
    # An account the server has not seen is a placeholder paper account, with every field.
    assert created["account"] == {
        "id": 1,
        "type": "paper_trading",
        "name": "Paper Account 1",
        "market": "Binance Spot account simulator",
        "link": "/accounts/1",
    }
    assert created["stop_loss"] == {"enabled": False}
    assert created["take_profit"] == {"enabled": False, "price_type": "value", "steps": []}
    # No price is known for a market order on an unknown pair: the placeholder quote stands in,
    # so that the answer still has every field the spec requires.
    assert created["position"]["price"]["value"] == PLACEHOLDER_PRICE
    assert created["data"]["current_price"]["last"] == PLACEHOLDER_PRICE
    assert not schema_errors("SmartTrade", created)
    expected_position = "smart_sell" if skip else "to_process"
    assert created["position"]["status"]["basic_type"] == expected_position
    assert created["data"]["force_start_available"] is (not skip)


def test_create_ids_are_unique(app: Starlette) -> None:
    ids = [create(app)["id"] for _ in range(5)]
    assert len(set(ids)) == 5 and ids == sorted(ids)


@pytest.mark.parametrize(
    ("raw", "fields"),
    [
        pytest.param(b"", {"body"}, id="no body"),
        pytest.param(b"{oops", {"body"}, id="not JSON"),
        # Take profit and stop loss may be left out only by a Simple Buy/Sell (`instant`).
        pytest.param(
            b"{}", {"account_id", "pair", "position", "take_profit", "stop_loss"}, id="empty"
        ),
        pytest.param(
            json.dumps({**CREATE_BODY, "pair": "USDT-DOGE", "account_id": 0}).encode(),
            {"pair", "account_id"},
            id="bad pair and account",
        ),
        pytest.param(
            json.dumps(
                {**CREATE_BODY, "position": {"type": "buy", "order_type": "limit", "units": {}}}
            ).encode(),
            {"position[units][value]", "position[price]"},
            id="bad position",
        ),
        pytest.param(
            json.dumps({**CREATE_BODY, "instant": "yes"}).encode(),
            {"instant"},
            id="neither a boolean nor the docs' string boolean",
        ),
    ],
)
def test_create_with_a_malformed_body_is_422(app: Starlette, raw: bytes, fields: set[str]) -> None:
    before = store_of(app).snapshot()
    assert set(invalid(api(app, "POST", "/v2/smart_trades", raw=raw), 422)) == fields
    assert store_of(app).snapshot() == before


def test_create_that_breaks_a_rule_is_422(app: Starlette) -> None:
    body = copy.deepcopy(CREATE_BODY)
    body["take_profit"]["steps"][0]["volume"] = "50"
    body["stop_loss"]["breakeven"] = True
    body["take_profit"]["steps"] = body["take_profit"]["steps"][:1]
    attributes = invalid(api(app, "POST", "/v2/smart_trades", body), 422)
    assert attributes == {
        "take_profit[steps]": ["volumes must add up to 100, got 50"],
        "stop_loss[breakeven]": ["needs at least two enabled take-profit steps, got 1 step"],
    }


def test_create_with_the_docs_example(app: Starlette) -> None:
    created = create(app, request_example("create_smart_trade"))
    docs = next(r for r in load_recordings() if r.operation == "create_smart_trade").body
    # The same shape as the docs' answer (no exchange: no market price for USDT_BTC).
    assert created.keys() == docs.keys()
    assert created["data"].keys() - docs["data"].keys() == set()
    assert {
        k: created[k] for k in ("pair", "instant", "status", "note", "note_raw", "skip_enter_step")
    } == {k: docs[k] for k in ("pair", "instant", "status", "note", "note_raw", "skip_enter_step")}
    assert created["leverage"] == {
        "enabled": True,
        "type": "isolated",
        "value": 12,
        "type_editable": False,
    }
    assert created["data"]["type"] == "simple_buy"
    flags = ("editable", "panic_sell_available", "add_funds_available", "reduce_funds_available")
    assert {f: created["data"][f] for f in flags} == {f: docs["data"][f] for f in flags}


def test_concurrent_creates_get_distinct_ids(app: Starlette) -> None:
    store = store_of(app)
    body = json.dumps(CREATE_BODY).encode()
    results: list[int] = []

    def worker() -> None:
        for _ in range(20):
            _, created = store.perform("create_smart_trade", {}, body=body)
            results.append(created["id"])

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 160
    assert len(store) == len(SEED_IDS) + 160


# List


def listed_ids(app: Starlette, query: str) -> list[int]:
    return [st["id"] for st in ok(api(app, "GET", "/v2/smart_trades" + query), 200)]


def created_order() -> list[int]:
    by_created = sorted(
        create_app().state.store.snapshot().values(), key=lambda st: st["data"]["created_at"]
    )
    return [st["id"] for st in by_created]


def test_list_pages_ten_at_a_time_by_status_descending(app: Starlette) -> None:
    for _ in range(3):
        create(app)
    # the docs' defaults: order_by=status, order_direction=desc, per_page=10
    assert listed_ids(app, "") == listed_ids(app, "?order_by=status&order_direction=desc")[:10]
    ids = listed_ids(app, "?order_by=created_at")
    assert len(ids) == 10
    assert ids[3:] == list(reversed(created_order()))[:7]
    assert listed_ids(app, "?order_by=created_at&page=2") == list(reversed(created_order()))[7:]
    assert listed_ids(app, "?order_by=created_at&page=3") == []


def test_list_order_and_paging(app: Starlette) -> None:
    assert (
        listed_ids(app, "?order_by=created_at&order_direction=asc&per_page=100") == created_order()
    )
    assert (
        listed_ids(app, "?order_by=created_at&order_direction=asc&per_page=3&page=2")
        == created_order()[3:6]
    )
    by_profit = listed_ids(app, "?order_by=profit_percentage&order_direction=asc&per_page=100")
    percents = [stored(app, i)["profit"]["percent"] for i in by_profit]
    assert [float(p) for p in percents] == sorted(float(p) for p in percents)
    by_status = listed_ids(app, "?order_by=status&per_page=100")
    statuses = [stored(app, i)["status"]["basic_type"] for i in by_status]
    assert statuses == sorted(statuses, reverse=True)
    for key in ("updated_at", "closed_at", "profit"):
        assert sorted(listed_ids(app, f"?order_by={key}&per_page=100")) == sorted(SEED_IDS)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?status=cancelled", [CANCELLED_ID]),
        ("?status=failed", [FAILED_ID]),
        ("?status=finished", sorted([CANCELLED_ID, FAILED_ID])),
        ("?status=successfully_finished", []),
        ("?status=all", sorted(SEED_IDS)),
        ("?status=active", sorted(set(SEED_IDS) - {CANCELLED_ID, FAILED_ID})),
        ("?account_id=32435557", [FAILED_ID]),
        ("?account_id=32199203", [EDITED_ID]),
        ("?type=smart_sell", [SMART_SELL_ID]),
        ("?type=smart_buy", []),
        ("?pair=BTC_1INCH", [EDITED_ID]),
        ("?pair=btc_1inch", [EDITED_ID]),
        ("?quote=BTC", [EDITED_ID]),
        ("?base=1INCH", sorted([EDITED_ID, WAITING_POSITION_ID])),
        ("?quote=USDT&base=1INCH", [WAITING_POSITION_ID]),
        ("?from=2024-12-01T00:00:00Z", [EDITED_ID]),
        ("?to=2024-04-05T02:53:32.225Z", []),
        ("?from=2024-04-05T02:53:32.225Z&to=2024-04-06", [FAILED_ID]),
        ("?from=2024-10-29T20:50:36%2B01:00&to=2024-10-30", [WAITING_POSITION_ID]),
        ("?from=2024-10-29T20:50:36+01:00&to=2024-10-30", [WAITING_POSITION_ID]),
        ("?from=2024-12-31T23:59:60z", []),
        (
            "?type=smart_trade&order_by=status&from=2022-01-01T00:00:00.000Z&to=2023-01-01T00:00:00.000Z",
            [],
        ),
        ("?unknown=1&per_page=100", sorted(SEED_IDS)),
    ],
)
def test_list_filters(app: Starlette, query: str, expected: list[int]) -> None:
    assert (
        sorted(listed_ids(app, query + ("&per_page=100" if "per_page" not in query else "")))
        == expected
    )


@pytest.mark.parametrize(
    "query",
    [
        "type=foo",
        "type=",
        "status=successfully_finishe",
        "status=ACTIVE",
        "order_by=id",
        "order_direction=Desc",
        "page=0",
        "page=1.5",
        "page=-1",
        "page=1000001",
        "per_page=0",
        "per_page=101",
        "per_page=ten",
        "account_id=0",
        "account_id=abc",
        "account_id=9223372036854775808",
        "pair=BTC",
        "pair=USDT_BTC_ETH",
        "base=US-D",
        "quote=",
        "from=yesterday",
        "to=2024-13-01T00:00:00Z",
        "page=1&page=2",
    ],
)
def test_list_with_a_wrong_parameter_is_400(app: Starlette, query: str) -> None:
    body = refused(api(app, "GET", "/v2/smart_trades?" + query), 400)
    assert body["error"] == "Wrong param(s)"
    assert query.split("=")[0] in body["error_description"]


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

"""The recorded-responses server: replay, state rules, signatures, and HTTP edge cases."""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette

from threecommas._signing import HmacSigner, RsaSigner, ThreeCommasAuth, signature_payload
from threecommas.testing import (
    DEFAULT_API_KEY,
    DEFAULT_API_SECRET,
    DEFAULT_RECORDINGS_DIR,
    OPENAPI_DOCUMENT_PATH,
    TEST_PRIVATE_KEY_PATH,
    TEST_PUBLIC_KEY_PATH,
    RecordingError,
    RunningServer,
    SmartTradeStore,
    create_app,
    load_recordings,
)

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
        "/v2/smart_trades",
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

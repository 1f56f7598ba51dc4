"""The recorded-responses server: signatures (HMAC and RSA), Forced-Mode, the order of checks."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette

from tests.server_support import (
    AUTH,
    CLOSE_PATH,
    CLOSED_STEP_ID,
    FULL_CLOSE_PATH,
    OTHER_STEP_ID,
    PENDING,
    SMART_TRADE_ID,
    assert_json_error,
    call,
    close_path,
    seed_body,
    signed_headers,
    step,
    store_of,
)
from threecommas._signing import HmacSigner, RsaSigner, ThreeCommasAuth
from threecommas.testing import (
    DEFAULT_API_KEY,
    DEFAULT_API_SECRET,
    TEST_PRIVATE_KEY_PATH,
    TEST_PUBLIC_KEY_PATH,
    create_app,
)

# --- Signatures ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "error"),
    [
        pytest.param({}, "api_key_invalid_or_expired", id="no headers"),
        pytest.param(
            {"Signature": signed_headers(FULL_CLOSE_PATH)["Signature"]},
            "api_key_invalid_or_expired",
            id="missing Apikey",
        ),
        pytest.param(
            {**signed_headers(FULL_CLOSE_PATH), "Apikey": "someone-else"},
            "api_key_invalid_or_expired",
            id="wrong Apikey",
        ),
        pytest.param({"Apikey": DEFAULT_API_KEY}, "signature_invalid", id="missing Signature"),
        pytest.param(
            signed_headers(FULL_CLOSE_PATH, secret="not-the-secret"),
            "signature_invalid",
            id="signed with another secret",
        ),
        pytest.param(
            signed_headers(FULL_CLOSE_PATH.replace(b"1047934729", b"1047934728")),
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
    headers = signed_headers(FULL_CLOSE_PATH)
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
    headers = signed_headers(FULL_CLOSE_PATH, b'{"note": "signed"}')
    response = call(
        app, "POST", CLOSE_PATH, auth=None, headers=headers, content=b'{"note": "sent"}'
    )
    assert_json_error(response, 401)


def test_signature_covers_the_query(app: Starlette) -> None:
    headers = signed_headers(FULL_CLOSE_PATH + b"?mode=real")
    assert (
        call(app, "POST", CLOSE_PATH + "?mode=real", auth=None, headers=headers).status_code == 201
    )
    headers = signed_headers(FULL_CLOSE_PATH + b"?mode=real")
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

"""Known-answer tests for request signing, using the official vectors from the 3Commas docs."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives import serialization

from threecommas._signing import (
    BODY_SEPARATOR_NONE,
    BODY_SEPARATOR_QUESTION_MARK,
    HmacSigner,
    RsaSigner,
    ThreeCommasAuth,
    signature_payload,
    verify_hmac,
    verify_rsa,
)

# --- Official credentials and vectors (docs §2.2 / §2.3) --------------------------------------

API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
BASE_URL = "https://api.3commas.io/public/api"
PATH = b"/public/api/ver1/users/change_mode"
JSON_BODY = b'{"mode": "paper"}'

HMAC_QUERY = "bca8d8c10acfbe8e76c5335d3efbe0a550487170a8bb7aaea0a13efabab55316"  # #1 and #2
HMAC_JSON = "0475b407ba6f2388d213134e478b330f74073388a232737837f79018694ae373"  # #3, path?{json}
HMAC_CLOSE_BY_MARKET = "a38cc3d69c4196143de225821124d5089aa174b9e4a7c9bf1f0e3b9e7485e4c9"
CLOSE_BY_MARKET_PATH = b"/public/api/v2/smart_trades/12345678/trades/1047934729/close_by_market"

RSA_QUERY = (  # #1 and #2
    "W+a26NiV6KkWP5zWoaDU9nSHmfObAtbbaq+xPIKwiKIz81Mlgrek/Z51qsAWNXEMCpIGW40IYDo7BTq4FSvOVSxdfrFK"
    "3lRqBveoXW+/50QOd3p+fDe5Ku7Z0U6MvXSUeFOguMBxP7er1SLGOb5RLYI/2GPMI5txLAoSsTLjGkWOc7S3ZhUpxEfx"
    "SCp8wCFp6E99biIX2MhIT1/AAl290ID76Wr1dj9Y3QxIl6KtQlbpEqhvWBaadYaYyZR5YjHAn5NWAE2cvxLkH+SQE1kh"
    "zAdB6T9ZJ9sgMtY1bOzTTV/Cj9W0SABCYr4In12+uFY0lB+ANvgi8hLr2NCl775Wdw=="
)
RSA_JSON = (  # #3, path{json} (no '?')
    "EEVNxc6DLLb6PVNzc3jeNkVXVIfgHJVrfLws4Hm7wynLTLlDe6QpwPmOeT/5lAZDsft+sIN0nwo4SBNKmkea6mtxkcVz"
    "/8BuP3rhQVeGhRn3lAGy/nacsP35B50IMDx+ge1tnkjGGL4IbjtbfP5v+UVLMpJpWfVzQGlWpyLEL6PHAu7cuYs5Ug8l"
    "bfq4zgrpl1tSmemNVAedU4D4qYE/LaPB/z/urzoFYQZzobZbnXpLh4MRLaTjUgTNuiJawpk+j0K7Xk2AvHt+gY1TNOCm"
    "bRvjaP+ihgzZA0m4h32s7EdGMznI55C4CVftKQRVIfyR6TIifoljCG5nNJNZtTj98Q=="
)

OFFICIAL_PKCS1_KEY = """\
-----BEGIN RSA PRIVATE KEY-----
MIIEpQIBAAKCAQEAspMfrKDl78gMWr4EO9Nr9LoZirPvkN93oGDO1LPnvDIwkmTV
QCXv9EAgzz4E36B9RuXIukMydrwCqtPOaweSAFgj9MZ0PFwIWsHk4x7flUJU3YI3
Ub2uc+jl2Mbtxfoei5cbY6iAwsp+HyeKrdonVHtEd9mFutd468+vO7+rx/M80onc
fduNVf/GRR2McTOO4Ptm4s68clY0dyXMRLidQjydPPYNjuzs47DVxNK+tXGS7QSH
LuC7VO/YBXWqZNzvii1KeCEIePJfz06ywZFTdNxZt2USoudAgUMBvJg0cLKqQJFx
p62Pez6aWC0lV9yDPHpUwp+RfrNiP213vKObnQIDAQABAoIBAQCf//KBWiirjzKC
m35vnB8+RwBbpp0f0Rn+OL8ZFZispsueX3oy38r/rfW3unnjZIja3UfcnBi7CfnZ
1a09eKr4ZADTcHz1GADkUJYkaaUqtyQS1Hl8Y9fLQwGuGY8xs8lqiRmhUXkNDyGy
CFvZKX3T1B6kw+FuZ2GQ56S6hCIGJApRCaIfMsBMlUPogJIh+oV5+13ft5EDvTFo
IDAb9YZQk+sp0sc38g3MIhqVAl7lqqpowFF5FnS4cRTcSIC1Wc5+R73LDRtNghQc
1kAFdM8aiw/dii2huGE+bRz3bjlCW6SOlsSPKOgvqFxVoJ/qjqkfytm1Platx4Ys
zAqr4EQBAoGBAOX3FUgUnoqybKOoa6ouSgFXmcADB6jLiXcPOxEg6JadBKSsI0Fx
YmqgRK7ddKVaiDmAgdL7RJQ4zyCyeFuGomr796ilsswORDucjNBNVKoxmea58ww+
c5pOXccDuiFR32/5hz0pwcmiIYg9tPVpFUMgiPBpjjhNPSajOSE1HJTlAoGBAMbK
oJTKhmT+/73BpTY8KSMAYSEbHX/uchsiFd+RlQDmHZ9KGd914UI8hGW4yOBmcvmi
u6Yjz5JT6ARqKNkhorbz9FvYhYGjDbLIIHxaDs/6vXOCs/ba3oAnHTFa7cQ5qMle
oyndAf4aVPY105yP2SlOW7oBoUUwxaqSOEgOPvhZAoGAMJBNXjt8f63OY4Fdu0Kr
Pj1Rqsr5Axx4mzwMLUHV3HisUlpH17oqHnpaBtOdno3P1tTclcGaafLVSwJliG6W
PiGX23WinJUms7ALzLGH/6kZ5y+9tAg8QYnrI+wVkpPHq832UWRQGFS04CCn5mua
oeJtCNhBwIIPN+mgVvLwZkECgYEAnWlgJNIF/71oVyMapsqWrG+leeiVwHLZCiFA
fssx2Qde135+5FLcr21qTX44GnElhAVXX+SlfjJQ3AYQGHeo+ARPL9dRSGkL9NDB
4JYTep8LG4eY59VCMOpIFIfzFNmvjN0SiJjH9iV1t4zB5wyFIk85FR4rTLWlID8u
r+gP9ukCgYEA3Z8WmO3NKk+eQMo2HcpJhgKl6LcliAFW1pa7Fbnu+lyNKhWQYzQP
ltp+HZluqeMrmtiiB33J9fYLIC4oXgEi/1UfPc0mpPRERYC8s5A4GKTdQFFoMn5v
wc4dnTdfBxKBacAoUWUZcRuipcgkkUQAQZxqUnGkGZQHf8UFjEzHD5k=
-----END RSA PRIVATE KEY-----
"""

KEYS_DIR = Path(__file__).resolve().parents[2] / "overlay" / "threecommas" / "testing" / "keys"


def _public_and_pkcs8(pkcs1_pem: str) -> tuple[bytes, bytes]:
    # One load for both: loading checks the key, tens of milliseconds at every collection.
    key = serialization.load_pem_private_key(pkcs1_pem.encode(), password=None)
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    pkcs8 = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return public, pkcs8


OFFICIAL_PUBLIC_KEY, OFFICIAL_PKCS8_KEY = _public_and_pkcs8(OFFICIAL_PKCS1_KEY)
KEY_LINES = [line for line in OFFICIAL_PKCS1_KEY.splitlines() if "-----" not in line]
PKCS8_KEY_LINES = [line for line in OFFICIAL_PKCS8_KEY.decode().splitlines() if "-----" not in line]


# --- signature_payload ------------------------------------------------------------------------


def test_payload_query_only() -> None:
    assert signature_payload(PATH + b"?mode=paper", b"") == PATH + b"?mode=paper"


def test_payload_no_query_no_body_is_bare_target() -> None:
    assert signature_payload(PATH, b"") == PATH
    assert signature_payload(PATH, b"", body_separator="") == PATH


def test_payload_body_without_query_uses_separator() -> None:
    assert signature_payload(PATH, JSON_BODY) == PATH + b"?" + JSON_BODY
    assert signature_payload(PATH, JSON_BODY, body_separator="?") == PATH + b"?" + JSON_BODY
    assert signature_payload(PATH, JSON_BODY, body_separator="") == PATH + JSON_BODY


@pytest.mark.parametrize("separator", ["?", ""])
def test_payload_query_and_body_are_concatenated(separator: str) -> None:
    target = PATH + b"?mode=paper"
    assert signature_payload(target, b"x=1", body_separator=separator) == target + b"x=1"


def test_separator_constants() -> None:
    assert BODY_SEPARATOR_QUESTION_MARK == "?"
    assert BODY_SEPARATOR_NONE == ""


@pytest.mark.parametrize("bad", ["&", " ", "??", "/", None])
def test_bad_body_separator_rejected(bad: object) -> None:
    with pytest.raises(ValueError, match="body_separator"):
        signature_payload(PATH, JSON_BODY, body_separator=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="body_separator"):
        ThreeCommasAuth(API_KEY, HmacSigner(SECRET), body_separator=bad)  # type: ignore[arg-type]


# --- HMAC known answers -----------------------------------------------------------------------


def test_hmac_vector_1_query() -> None:
    payload = signature_payload(PATH + b"?mode=paper", b"")
    assert HmacSigner(SECRET).sign(payload) == HMAC_QUERY


def test_hmac_vector_2_form_body() -> None:
    payload = signature_payload(PATH, b"mode=paper")
    assert payload == b"/public/api/ver1/users/change_mode?mode=paper"
    assert HmacSigner(SECRET).sign(payload) == HMAC_QUERY


def test_hmac_vector_3_json_body_with_question_mark() -> None:
    payload = signature_payload(PATH, JSON_BODY, body_separator=BODY_SEPARATOR_QUESTION_MARK)
    assert payload == b'/public/api/ver1/users/change_mode?{"mode": "paper"}'
    assert HmacSigner(SECRET).sign(payload) == HMAC_JSON


def test_hmac_json_without_question_mark_differs() -> None:
    # Computed in the notes, not documented: shows the separator really changes the signature.
    payload = signature_payload(PATH, JSON_BODY, body_separator=BODY_SEPARATOR_NONE)
    signature = HmacSigner(SECRET).sign(payload)
    assert signature == "a04435bdb0e7fc06450833a1e26d385c56ad3495c10cf3a36d432787591f5edb"
    assert signature != HMAC_JSON


def test_hmac_close_by_market_no_body_no_query() -> None:
    payload = signature_payload(CLOSE_BY_MARKET_PATH, b"")
    assert payload == CLOSE_BY_MARKET_PATH
    assert HmacSigner(SECRET).sign(payload) == HMAC_CLOSE_BY_MARKET


def test_hmac_websocket_channel_vector() -> None:
    assert (
        HmacSigner(SECRET).sign(b"/smart_trades")
        == "8b30fb42a82e4dcfb4d0273d2910c7ae0add2b32938b19c27c44e306c56c20bc"
    )


def test_hmac_empty_secret_rejected() -> None:
    with pytest.raises(ValueError):
        HmacSigner("")


# --- RSA known answers ------------------------------------------------------------------------


# One signer per form for the module: a signer holds no state between signatures, and loading
# (and checking) the key costs tens of milliseconds, which five tests a form would pay again.
@pytest.fixture(scope="module", params=["pkcs1-str", "pkcs1-bytes", "pkcs8"])
def official_rsa(request: pytest.FixtureRequest) -> RsaSigner:
    if request.param == "pkcs1-str":
        return RsaSigner(OFFICIAL_PKCS1_KEY)
    if request.param == "pkcs1-bytes":
        return RsaSigner(OFFICIAL_PKCS1_KEY.encode())
    assert OFFICIAL_PKCS8_KEY.startswith(b"-----BEGIN PRIVATE KEY-----")
    return RsaSigner(OFFICIAL_PKCS8_KEY)


def test_rsa_vector_1_query(official_rsa: RsaSigner) -> None:
    payload = signature_payload(PATH + b"?mode=paper", b"", body_separator=BODY_SEPARATOR_NONE)
    assert official_rsa.sign(payload) == RSA_QUERY


def test_rsa_vector_2_form_body(official_rsa: RsaSigner) -> None:
    # The form-body vector signs path?mode=paper, i.e. the '?' separator.
    payload = signature_payload(PATH, b"mode=paper", body_separator=BODY_SEPARATOR_QUESTION_MARK)
    assert payload == b"/public/api/ver1/users/change_mode?mode=paper"
    assert official_rsa.sign(payload) == RSA_QUERY


def test_rsa_vector_3_json_body_without_question_mark(official_rsa: RsaSigner) -> None:
    payload = signature_payload(PATH, JSON_BODY, body_separator=BODY_SEPARATOR_NONE)
    assert payload == b'/public/api/ver1/users/change_mode{"mode": "paper"}'
    assert official_rsa.sign(payload) == RSA_JSON


def test_rsa_json_with_question_mark_differs(official_rsa: RsaSigner) -> None:
    signature = official_rsa.sign(signature_payload(PATH, JSON_BODY))
    assert signature.startswith("p3ygZbaXcweFqvd7+MJWN9NO")
    assert signature != RSA_JSON


def test_rsa_signature_is_single_line_base64(official_rsa: RsaSigner) -> None:
    signature = official_rsa.sign(b"anything")
    assert "\n" not in signature
    assert len(base64.b64decode(signature, validate=True)) == 256
    assert official_rsa.key_size == 2048


def test_rsa_from_file(tmp_path: Path) -> None:
    key_file = tmp_path / "private.pem"
    key_file.write_bytes(OFFICIAL_PKCS8_KEY)
    assert RsaSigner.from_file(key_file).sign(PATH + b"?mode=paper") == RSA_QUERY
    assert RsaSigner.from_file(str(key_file)).sign(PATH + b"?mode=paper") == RSA_QUERY


def test_rsa_encrypted_key_with_password() -> None:
    key = serialization.load_pem_private_key(OFFICIAL_PKCS1_KEY.encode(), password=None)
    encrypted = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"hunter2"),
    )
    assert RsaSigner(encrypted, password=b"hunter2").sign(PATH + b"?mode=paper") == RSA_QUERY
    with pytest.raises(ValueError, match="password"):
        RsaSigner(encrypted)
    with pytest.raises(ValueError):
        RsaSigner(encrypted, password=b"wrong")
    with pytest.raises(ValueError, match="password"):
        RsaSigner(OFFICIAL_PKCS1_KEY, password=b"unneeded")


def test_rsa_non_rsa_key_rejected() -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    ec_pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    with pytest.raises(ValueError, match="not an RSA key"):
        RsaSigner(ec_pem)


def test_shipped_test_key_pair_matches() -> None:
    private_file = KEYS_DIR / "test_private_key.pem"
    public_file = KEYS_DIR / "test_public_key.pem"
    assert private_file.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----\n")
    assert public_file.read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----\n")
    signer = RsaSigner.from_file(private_file)
    assert signer.key_size == 2048
    payload = signature_payload(CLOSE_BY_MARKET_PATH, b"")
    signature = signer.sign(payload)
    assert verify_rsa(public_file.read_bytes(), payload, signature) is True
    # The shipped pair is a fresh key, not the one published in the docs.
    assert verify_rsa(OFFICIAL_PUBLIC_KEY, payload, signature) is False


# --- End to end through httpx -----------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json={"ok": True})


def _send_sync(auth: ThreeCommasAuth) -> list[httpx.Request]:
    recorder = Recorder()
    with httpx.Client(
        auth=auth, base_url=BASE_URL, transport=httpx.MockTransport(recorder)
    ) as client:
        client.post("/ver1/users/change_mode", params={"mode": "paper"})
        client.post(
            "/ver1/users/change_mode",
            content=JSON_BODY,
            headers={"Content-Type": "application/json"},
        )
        client.post("/ver1/users/change_mode", data={"mode": "paper"})
    return recorder.requests


def _send_async(auth: ThreeCommasAuth) -> list[httpx.Request]:
    recorder = Recorder()

    async def run() -> None:
        async with httpx.AsyncClient(
            auth=auth, base_url=BASE_URL, transport=httpx.MockTransport(recorder)
        ) as client:
            await client.post("/ver1/users/change_mode", params={"mode": "paper"})
            await client.post(
                "/ver1/users/change_mode",
                content=JSON_BODY,
                headers={"Content-Type": "application/json"},
            )
            await client.post("/ver1/users/change_mode", data={"mode": "paper"})

    asyncio.run(run())
    return recorder.requests


@pytest.mark.parametrize("send", [_send_sync, _send_async], ids=["sync", "async"])
def test_httpx_hmac_end_to_end(send: object) -> None:
    requests = send(ThreeCommasAuth(API_KEY, HmacSigner(SECRET)))  # type: ignore[operator]
    assert len(requests) == 3
    query, json_body, form = requests
    assert query.url.raw_path == b"/public/api/ver1/users/change_mode?mode=paper"
    assert json_body.content == JSON_BODY
    assert form.content == b"mode=paper"
    for request in requests:
        assert request.headers["Apikey"] == API_KEY
    assert query.headers["Signature"] == HMAC_QUERY
    assert json_body.headers["Signature"] == HMAC_JSON
    assert form.headers["Signature"] == HMAC_QUERY
    assert verify_hmac(
        SECRET,
        b'/public/api/ver1/users/change_mode?{"mode": "paper"}',
        json_body.headers["Signature"],
    )


@pytest.mark.parametrize("send", [_send_sync, _send_async], ids=["sync", "async"])
def test_httpx_rsa_end_to_end(send: object) -> None:
    auth = ThreeCommasAuth(
        API_KEY, RsaSigner(OFFICIAL_PKCS1_KEY), body_separator=BODY_SEPARATOR_NONE
    )
    requests = send(auth)  # type: ignore[operator]
    query, json_body, form = requests
    for request in requests:
        assert request.headers["Apikey"] == API_KEY
    assert query.headers["Signature"] == RSA_QUERY
    assert json_body.headers["Signature"] == RSA_JSON
    # With no '?' a form body signs "change_modemode=paper", which is NOT the documented
    # form-body vector #2 (that one needs the '?' separator).
    assert form.headers["Signature"] != RSA_QUERY
    assert verify_rsa(OFFICIAL_PUBLIC_KEY, PATH + b"mode=paper", form.headers["Signature"])


def test_httpx_streamed_body_is_signed() -> None:
    # requires_request_body makes httpx buffer a generator body before signing.
    recorder = Recorder()

    def chunks() -> object:
        yield b'{"mode": '
        yield b'"paper"}'

    with httpx.Client(
        auth=ThreeCommasAuth(API_KEY, HmacSigner(SECRET)),
        base_url=BASE_URL,
        transport=httpx.MockTransport(recorder),
    ) as client:
        client.post("/ver1/users/change_mode", content=chunks())  # type: ignore[arg-type]
    (request,) = recorder.requests
    assert request.headers["Signature"] == HMAC_JSON


def test_httpx_close_by_market_empty_post() -> None:
    recorder = Recorder()
    with httpx.Client(
        auth=ThreeCommasAuth(API_KEY, HmacSigner(SECRET)),
        base_url=BASE_URL,
        transport=httpx.MockTransport(recorder),
    ) as client:
        client.post("/v2/smart_trades/12345678/trades/1047934729/close_by_market")
    (request,) = recorder.requests
    assert request.headers["Signature"] == HMAC_CLOSE_BY_MARKET


# --- verify_hmac / verify_rsa -----------------------------------------------------------------

QUERY_PAYLOAD = b"/public/api/ver1/users/change_mode?mode=paper"


def test_verify_hmac() -> None:
    assert verify_hmac(SECRET, QUERY_PAYLOAD, HMAC_QUERY) is True
    assert verify_hmac(SECRET, QUERY_PAYLOAD, HMAC_QUERY.upper()) is True
    assert verify_hmac(SECRET, QUERY_PAYLOAD, HMAC_JSON) is False
    assert verify_hmac(SECRET, QUERY_PAYLOAD + b"&x=1", HMAC_QUERY) is False
    assert verify_hmac(SECRET + "x", QUERY_PAYLOAD, HMAC_QUERY) is False
    assert verify_hmac(SECRET, QUERY_PAYLOAD, HMAC_QUERY[:-1]) is False


@pytest.mark.parametrize(
    "junk", ["", "zz", "é" * 64, "\x00", " " + HMAC_QUERY, None, 12345, b"bytes"]
)
def test_verify_hmac_junk_is_false(junk: object) -> None:
    assert verify_hmac(SECRET, QUERY_PAYLOAD, junk) is False  # type: ignore[arg-type]


def test_verify_hmac_junk_arguments_never_raise() -> None:
    assert verify_hmac(None, QUERY_PAYLOAD, HMAC_QUERY) is False  # type: ignore[arg-type]
    assert verify_hmac(SECRET, "not bytes", HMAC_QUERY) is False  # type: ignore[arg-type]


def test_verify_rsa() -> None:
    assert verify_rsa(OFFICIAL_PUBLIC_KEY, QUERY_PAYLOAD, RSA_QUERY) is True
    assert verify_rsa(OFFICIAL_PUBLIC_KEY.decode(), QUERY_PAYLOAD, RSA_QUERY) is True
    assert verify_rsa(OFFICIAL_PUBLIC_KEY, PATH + JSON_BODY, RSA_JSON) is True
    assert verify_rsa(OFFICIAL_PUBLIC_KEY, QUERY_PAYLOAD, RSA_JSON) is False
    assert verify_rsa(OFFICIAL_PUBLIC_KEY, PATH + b"?" + JSON_BODY, RSA_JSON) is False


def test_verify_rsa_pkcs1_public_key() -> None:
    public = serialization.load_pem_public_key(OFFICIAL_PUBLIC_KEY)
    pkcs1 = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.PKCS1)
    assert pkcs1.startswith(b"-----BEGIN RSA PUBLIC KEY-----")
    assert verify_rsa(pkcs1, QUERY_PAYLOAD, RSA_QUERY) is True


def test_verify_rsa_is_case_sensitive() -> None:
    assert verify_rsa(OFFICIAL_PUBLIC_KEY, QUERY_PAYLOAD, RSA_QUERY.swapcase()) is False


@pytest.mark.parametrize(
    "junk",
    ["", "not base64 !!!", RSA_QUERY[:-2], RSA_QUERY + "A", "é", "AAAA", None, b"bytes"],
)
def test_verify_rsa_junk_signature_is_false(junk: object) -> None:
    assert verify_rsa(OFFICIAL_PUBLIC_KEY, QUERY_PAYLOAD, junk) is False  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "key", [b"", b"garbage", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", None]
)
def test_verify_rsa_junk_key_is_false(key: object) -> None:
    assert verify_rsa(key, QUERY_PAYLOAD, RSA_QUERY) is False  # type: ignore[arg-type]


# --- No secrets in reprs, strs or error messages ---------------------------------------------


def _assert_no_secret(text: str) -> None:
    assert SECRET not in text
    assert API_KEY not in text
    assert API_KEY[:5] not in text  # at most the first 4 characters of the api key
    for line in KEY_LINES + PKCS8_KEY_LINES:
        assert line not in text


def test_reprs_hide_secrets() -> None:
    hmac_signer = HmacSigner(SECRET)
    rsa_signer = RsaSigner(OFFICIAL_PKCS1_KEY)
    objects: list[object] = [
        hmac_signer,
        rsa_signer,
        RsaSigner(OFFICIAL_PKCS8_KEY),
        ThreeCommasAuth(API_KEY, hmac_signer),
        ThreeCommasAuth(API_KEY, rsa_signer, body_separator=""),
    ]
    for obj in objects:
        _assert_no_secret(repr(obj))
        _assert_no_secret(str(obj))
    assert repr(hmac_signer) == "HmacSigner(secret=***)"
    assert "vmPU" in repr(ThreeCommasAuth(API_KEY, hmac_signer))
    assert "RsaSigner(" in repr(rsa_signer)


def test_short_api_key_fully_masked() -> None:
    auth = ThreeCommasAuth("abcdef", HmacSigner(SECRET))
    assert "abc" not in repr(auth)


def test_no_public_attribute_exposes_secret() -> None:
    for obj in (HmacSigner(SECRET), RsaSigner(OFFICIAL_PKCS1_KEY)):
        assert not hasattr(obj, "__dict__")
        for name in dir(obj):
            if not name.startswith("_"):
                _assert_no_secret(repr(getattr(obj, name)))


def _corrupted_key() -> str:
    # Same PEM framing, one line in the middle damaged, so the loader sees real key lines.
    lines = OFFICIAL_PKCS1_KEY.splitlines()
    lines[10] = lines[10][::-1]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "bad_key",
    [
        _corrupted_key(),
        OFFICIAL_PKCS1_KEY.replace("-----END RSA PRIVATE KEY-----", ""),
        "\n".join(KEY_LINES),  # body with no PEM armour
        OFFICIAL_PKCS1_KEY[: len(OFFICIAL_PKCS1_KEY) // 2],
        OFFICIAL_PKCS1_KEY.replace("RSA PRIVATE KEY", "CERTIFICATE"),
        OFFICIAL_PKCS1_KEY + "\ud800",  # not encodable as UTF-8
        "-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(KEY_LINES[:12]) + "\n"
        "-----END RSA PRIVATE KEY-----\n",  # truncated DER
    ],
)
def test_bad_pem_error_hides_key(bad_key: str | bytes) -> None:
    with pytest.raises(ValueError) as excinfo:
        RsaSigner(bad_key)
    err = excinfo.value
    _assert_no_secret(str(err))
    _assert_no_secret(repr(err))
    assert err.__cause__ is None
    assert err.__suppress_context__ is True


def test_invalid_api_key_error_hides_key() -> None:
    bad = API_KEY + "\n"
    with pytest.raises(ValueError) as excinfo:
        ThreeCommasAuth(bad, HmacSigner(SECRET))
    _assert_no_secret(str(excinfo.value))
    with pytest.raises(ValueError):
        ThreeCommasAuth("", HmacSigner(SECRET))

"""The public clients: results, typed errors, argument checks, credentials, secrets."""

from __future__ import annotations

import asyncio
import json
import logging
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

import threecommas
from tests.seed import SEED_SMART_TRADE_ID, SEED_TRADE_ID, seed_response
from threecommas import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AsyncThreeCommas,
    AuthenticationError,
    BadRequestError,
    IPBannedError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseParseError,
    ServerError,
    SmartTrade,
    ThreeCommas,
    ThreeCommasError,
    UnprocessableEntityError,
)
from threecommas.testing import (
    TEST_PRIVATE_KEY_PATH,
    TEST_PUBLIC_KEY_PATH,
    RunningServer,
    create_app,
)
from threecommas.testing import run_in_thread as serve
from threecommas_api.api.smart_trades import close_trade_by_market as low_level

# The documentation's example credentials (public; they belong to no account).
DOCS_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
DOCS_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
SEED_PATH = "/public/api/v2/smart_trades/12345678/trades/1047934729/close_by_market"
SEED_SIGNATURE = "a38cc3d69c4196143de225821124d5089aa174b9e4a7c9bf1f0e3b9e7485e4c9"

Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """A MockTransport handler that answers with a fixed response and keeps the requests."""

    def __init__(self, response: Handler | httpx.Response) -> None:
        self.requests: list[httpx.Request] = []
        self._response = response

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if isinstance(self._response, httpx.Response):
            return self._response
        return self._response(request)


def mocked(response: Handler | httpx.Response, **options: Any) -> tuple[ThreeCommas, Recorder]:
    recorder = Recorder(response)
    client = ThreeCommas(
        DOCS_KEY,
        DOCS_SECRET,
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
        **options,
    )
    return client, recorder


def created() -> httpx.Response:
    return httpx.Response(201, json=seed_response())


@pytest.fixture(autouse=True)
def no_credentials_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "THREE_COMMAS_API_KEY",
        "THREE_COMMAS_API_SECRET",
        "THREE_COMMAS_PRIVATE_KEY_FILE",
        "THREE_COMMAS_PRIVATE_KEY_PASSWORD",
    ):
        monkeypatch.delenv(name, raising=False)


# --- success ------------------------------------------------------------------------------------


def test_close_returns_the_typed_smart_trade_and_signs_the_exact_request() -> None:
    client, recorder = mocked(created())
    trade = client.smart_trades.close_trade_by_market(SEED_SMART_TRADE_ID, SEED_TRADE_ID)
    assert isinstance(trade, SmartTrade)
    assert trade.to_dict() == seed_response()
    assert trade.take_profit.steps[2].status.basic_type == "panic_sell_pending"
    (request,) = recorder.requests
    assert request.method == "POST"
    assert (
        str(request.url)
        == "https://api.3commas.io/public/api/v2/smart_trades/12345678/trades/1047934729/close_by_market"
    )
    assert request.content == b""
    assert request.headers["Apikey"] == DOCS_KEY
    assert request.headers["Signature"] == SEED_SIGNATURE
    assert "Forced-Mode" not in request.headers


def test_a_body_is_sent_as_the_json_it_was_checked_as(monkeypatch: pytest.MonkeyPatch) -> None:
    """One way for a body: keyword fields or a model become the checked JSON, and the request
    is built from that JSON; no request model is made from it only to be turned back."""
    from threecommas_api.models.set_note_request import SetNoteRequest
    from threecommas_api.models.update_smart_trade_request import UpdateSmartTradeRequest

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("a request model was made from the checked body")

    for model in (SetNoteRequest, UpdateSmartTradeRequest):
        monkeypatch.setattr(model, "from_dict", classmethod(refused))
    client, recorder = mocked(
        lambda r: httpx.Response(201 if r.method == "POST" else 200, json=seed_response())
    )
    client.smart_trades.set_note(SEED_SMART_TRADE_ID, "hold")
    client.smart_trades.update(SEED_SMART_TRADE_ID, {"note": "hold on"})
    assert [json.loads(r.content) for r in recorder.requests] == [
        {"note": "hold"},
        {"note": "hold on"},
    ]


def test_an_id_is_checked_once_and_the_resolved_mode_is_sent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`check_id` checks an id (its range is the spec's, see test_schema.py); it is not turned
    to text and checked again. The forced mode the client resolved goes out as the header."""
    import threecommas._operations as ops

    checked: list[str] = []
    real = ops.check_parameters

    def spy(operation_id: str, items: Any, *, location: str = "query") -> Any:
        checked.append(location)
        return real(operation_id, items, location=location)

    monkeypatch.setattr(ops, "check_parameters", spy)
    client, recorder = mocked(httpx.Response(200, json=seed_response()), forced_mode="paper")
    client.smart_trades.get(SEED_SMART_TRADE_ID)
    with pytest.raises(ValueError, match="smart_trade_id"):
        client.smart_trades.get(0)
    assert checked == []
    assert recorder.requests[0].headers["Forced-Mode"] == "paper"
    assert len(recorder.requests) == 1


def test_async_close_returns_the_typed_smart_trade() -> None:
    recorder = Recorder(created())

    async def run() -> SmartTrade | None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        async with AsyncThreeCommas(DOCS_KEY, DOCS_SECRET, http_client=http) as client:
            return await client.smart_trades.close_trade_by_market(
                smart_trade_id=SEED_SMART_TRADE_ID, trade_id=SEED_TRADE_ID
            )

    trade = asyncio.run(run())
    assert isinstance(trade, SmartTrade)
    assert trade.to_dict() == seed_response()
    assert recorder.requests[0].headers["Signature"] == SEED_SIGNATURE


def test_a_body_that_is_not_a_smart_trade_in_answer_to_close_trade_is_a_parse_error() -> None:
    # A body that is there but is not the SmartTrade is reported, never returned as None (an
    # empty answer is a success: tests/sdk/test_resources.py).
    for answer in (
        httpx.Response(200, json=[]),
        httpx.Response(201, json=[]),
        httpx.Response(201, content=b"null"),
    ):
        client, _ = mocked(answer)
        with pytest.raises(ResponseParseError) as raised:
            client.smart_trades.close_trade_by_market(1, 2)
        assert raised.value.body == answer.text
    client, _ = mocked(httpx.Response(201, json=seed_response()))
    trade = client.smart_trades.close_trade_by_market(1, 2)
    assert isinstance(trade, SmartTrade) and trade.id == SEED_SMART_TRADE_ID


def test_unknown_fields_and_status_values_are_kept() -> None:
    body = seed_response()
    body["brand_new_field"] = {"x": 1}
    body["status"]["basic_type"] = body["status"]["type"] = "some_future_status"
    client, _ = mocked(httpx.Response(201, json=body))
    trade = client.smart_trades.close_trade_by_market(1, 2)
    assert trade is not None
    assert trade.status.basic_type == "some_future_status"
    assert trade.to_dict() == body


def test_forced_mode_header_from_the_client_and_per_call() -> None:
    client, recorder = mocked(created(), forced_mode="paper")
    client.smart_trades.close_trade_by_market(1, 2)
    client.smart_trades.close_trade_by_market(1, 2, forced_mode="real")
    client.smart_trades.close_trade_by_market(1, 2, forced_mode=None)
    assert [r.headers.get("Forced-Mode") for r in recorder.requests] == ["paper", "real", None]


def test_per_call_timeout_reaches_the_request() -> None:
    client, recorder = mocked(created())
    client.smart_trades.close_trade_by_market(1, 2, timeout=1.5)
    client.smart_trades.close_trade_by_market(1, 2)
    first, second = (r.extensions["timeout"] for r in recorder.requests)
    assert first["read"] == 1.5
    assert second == {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 30.0}


def test_each_client_and_copy_sends_its_own_timeout() -> None:
    client, recorder = mocked(created(), timeout=12.0)
    client.smart_trades.close_trade_by_market(1, 2)
    patient = client.with_options(timeout=60)
    patient.smart_trades.close_trade_by_market(1, 2)
    client.with_options(max_retries=1).smart_trades.close_trade_by_market(1, 2)
    client.smart_trades.close_trade_by_market(1, 2)
    sent = [r.extensions["timeout"] for r in recorder.requests]
    assert [phases["read"] for phases in sent] == [12.0, 60.0, 12.0, 12.0]
    # each request has a timeout of its own: changing one changes no other
    sent[0]["read"] = 1.0
    client.smart_trades.close_trade_by_market(1, 2)
    assert recorder.requests[-1].extensions["timeout"]["read"] == 12.0


def test_own_http_client_is_signed_kept_open_and_its_base_url_ignored() -> None:
    recorder = Recorder(created())
    http = httpx.Client(
        base_url="https://elsewhere.example",
        headers={"X-Trace": "1"},
        transport=httpx.MockTransport(recorder),
    )
    with ThreeCommas(DOCS_KEY, DOCS_SECRET, http_client=http) as client:
        client.smart_trades.close_trade_by_market(SEED_SMART_TRADE_ID, SEED_TRADE_ID)
    (request,) = recorder.requests
    assert request.url.host == "api.3commas.io"
    assert request.headers["X-Trace"] == "1"
    assert request.headers["Signature"] == SEED_SIGNATURE
    assert not http.is_closed


def test_wrong_kind_of_http_client_is_refused() -> None:
    with pytest.raises(TypeError):
        ThreeCommas("k", "s", http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        AsyncThreeCommas("k", "s", http_client=httpx.Client())  # type: ignore[arg-type]


def test_docstring_warns_about_market_orders_and_retries() -> None:
    for doc in (
        ThreeCommas("k", "s").smart_trades.close_trade_by_market.__doc__,
        AsyncThreeCommas("k", "s").smart_trades.close_trade_by_market.__doc__,
    ):
        assert doc is not None
        assert "market order" in doc.lower()
        assert "never retried after a timeout or a 5xx" in " ".join(doc.lower().split())


# --- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (418, IPBannedError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (409, APIError),
    ],
)
def test_error_statuses_raise_typed_exceptions(status: int, cls: type[APIError]) -> None:
    body = {
        "error": "record_invalid",
        "error_description": "Invalid parameters",
        "error_attributes": {"note": ["too long. Max is 300 symbols"]},
    }
    client, recorder = mocked(httpx.Response(status, json=body))
    with pytest.raises(cls) as caught:
        client.smart_trades.close_trade_by_market(SEED_SMART_TRADE_ID, SEED_TRADE_ID)
    error = caught.value
    assert type(error) is cls
    assert isinstance(error, APIError) and isinstance(error, ThreeCommasError)
    assert error.status_code == status
    assert error.error == "record_invalid"
    assert error.error_description == "Invalid parameters"
    assert error.error_attributes == {"note": ["too long. Max is 300 symbols"]}
    assert json.loads(error.body) == body
    assert error.method == "POST"
    assert error.path == SEED_PATH
    assert "Invalid parameters" in str(error) and str(status) in str(error)
    assert DOCS_KEY not in str(error) + repr(error)
    assert len(recorder.requests) == 1


@pytest.mark.parametrize(
    "content",
    [b"<html><body>502 Bad Gateway</body></html>", b'{"error": "Not fo', b"", b"[1, 2]"],
)
def test_error_status_with_a_body_that_is_not_the_error_object(content: bytes) -> None:
    client, _ = mocked(httpx.Response(404, content=content))
    with pytest.raises(NotFoundError) as caught:
        client.smart_trades.close_trade_by_market(1, 2)
    assert caught.value.error is None
    assert caught.value.body == content.decode()


def _without(key: str) -> bytes:
    body = seed_response()
    del body[key]
    return json.dumps(body).encode()


@pytest.mark.parametrize(
    "content",
    [
        b"<html><body>Welcome</body></html>",
        json.dumps(seed_response()).encode()[:300],
        _without("pair"),
        _without("take_profit"),
        b"[]",
        b'"just a string"',
        b"null",
    ],
    ids=["html", "truncated", "no-pair", "no-take-profit", "list", "string", "null"],
)
def test_success_with_an_unusable_body_raises_response_parse_error(content: bytes) -> None:
    client, _ = mocked(httpx.Response(201, content=content))
    with pytest.raises(ResponseParseError) as caught:
        client.smart_trades.close_trade_by_market(1, 2)
    error = caught.value
    assert error.status_code == 201
    assert error.body == content.decode()
    assert error.method == "POST" and error.path.endswith("/close_by_market")
    assert isinstance(error.__cause__, KeyError | ValueError | TypeError | AttributeError)


@pytest.mark.parametrize(
    ("raised", "cls", "attempts"),
    [
        # never connected: certainly not carried out, so even a market order is sent again
        (httpx.ConnectError("connection refused"), APIConnectionError, 3),
        (httpx.ConnectTimeout("connect timed out"), APITimeoutError, 3),
        # may have reached the exchange: a market order is never repeated
        (httpx.ReadTimeout("read timed out"), APITimeoutError, 1),
        (httpx.RemoteProtocolError("peer closed connection"), APIConnectionError, 1),
    ],
)
def test_transport_failures_are_typed_and_a_close_is_repeated_only_if_never_sent(
    raised: Exception, cls: type[Exception], attempts: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("time.sleep", lambda seconds: None)

    def fail(request: httpx.Request) -> httpx.Response:
        raise raised

    client, recorder = mocked(fail)
    with pytest.raises(cls) as caught:
        client.smart_trades.close_trade_by_market(1, 2)
    assert isinstance(caught.value, ThreeCommasError)
    assert len(recorder.requests) == attempts


def test_exceptions_pickle() -> None:
    client, _ = mocked(httpx.Response(403, json={"error": "Forbidden", "error_description": "no"}))
    with pytest.raises(PermissionDeniedError) as caught:
        client.smart_trades.close_trade_by_market(1, 2)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is PermissionDeniedError
    assert (copy.status_code, copy.error, copy.body, copy.path, str(copy)) == (
        403,
        "Forbidden",
        caught.value.body,
        caught.value.path,
        str(caught.value),
    )
    timeout = pickle.loads(pickle.dumps(APITimeoutError("slow", method="POST", path="/x")))
    assert type(timeout) is APITimeoutError and timeout.path == "/x"


# --- arguments ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "cls"),
    [
        (0, ValueError),
        (-1, ValueError),
        (2**63, ValueError),
        (True, TypeError),
        ("12", TypeError),
        (1.5, TypeError),
        (None, TypeError),
    ],
)
@pytest.mark.parametrize("argument", ["smart_trade_id", "trade_id"])
def test_bad_ids_are_refused_before_any_request(
    value: object, cls: type[Exception], argument: str
) -> None:
    client, recorder = mocked(created())
    ids: dict[str, Any] = {"smart_trade_id": 1, "trade_id": 2, argument: value}
    with pytest.raises(cls, match=argument):
        client.smart_trades.close_trade_by_market(**ids)
    assert recorder.requests == []


def test_bad_ids_are_refused_before_any_request_async() -> None:
    recorder = Recorder(created())

    async def run() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        async with AsyncThreeCommas("k", "s", http_client=http) as client:
            with pytest.raises(ValueError):
                await client.smart_trades.close_trade_by_market(0, 1)
            with pytest.raises(TypeError):
                await client.smart_trades.close_trade_by_market(True, 1)

    asyncio.run(run())
    assert recorder.requests == []


def test_largest_id_is_accepted() -> None:
    client, recorder = mocked(created())
    client.smart_trades.close_trade_by_market(2**63 - 1, 1)
    assert recorder.requests[0].url.path.split("/")[-4] == str(2**63 - 1)


@pytest.mark.parametrize("mode", ["PAPER", "demo", ""])
def test_bad_forced_mode_is_refused(mode: str) -> None:
    with pytest.raises(ValueError, match="forced_mode"):
        ThreeCommas("k", "s", forced_mode=mode)
    client, recorder = mocked(created())
    with pytest.raises(ValueError, match="forced_mode"):
        client.smart_trades.close_trade_by_market(1, 2, forced_mode=mode)
    assert recorder.requests == []


# --- credentials --------------------------------------------------------------------------------


def test_credentials_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREE_COMMAS_API_KEY", DOCS_KEY)
    monkeypatch.setenv("THREE_COMMAS_API_SECRET", DOCS_SECRET)
    recorder = Recorder(created())
    client = ThreeCommas(http_client=httpx.Client(transport=httpx.MockTransport(recorder)))
    client.smart_trades.close_trade_by_market(SEED_SMART_TRADE_ID, SEED_TRADE_ID)
    assert recorder.requests[0].headers["Signature"] == SEED_SIGNATURE


def test_missing_or_conflicting_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="API key"):
        ThreeCommas(api_secret="s")
    with pytest.raises(ValueError, match="credentials"):
        ThreeCommas("k")
    with pytest.raises(ValueError, match="not both"):
        ThreeCommas("k", "s", private_key=TEST_PRIVATE_KEY_PATH)
    monkeypatch.setenv("THREE_COMMAS_API_SECRET", "s")
    monkeypatch.setenv("THREE_COMMAS_PRIVATE_KEY_FILE", str(TEST_PRIVATE_KEY_PATH))
    with pytest.raises(ValueError, match="keep one"):
        ThreeCommas("k")
    with pytest.raises(ValueError, match="base_url"):
        ThreeCommas("k", "s", base_url="api.3commas.io")


def test_unreadable_private_key_path_does_not_echo_it() -> None:
    with pytest.raises(ValueError) as caught:
        ThreeCommas("k", private_key="no-such-key-file.pem")
    assert "no-such-key-file" not in str(caught.value)


# --- against the recorded-responses server ------------------------------------------------------


def test_close_against_the_live_server(threecommas_server: RunningServer) -> None:
    with ThreeCommas(
        threecommas_server.api_key,
        threecommas_server.api_secret,
        base_url=threecommas_server.base_url,
    ) as client:
        trade = client.smart_trades.close_trade_by_market(SEED_SMART_TRADE_ID, SEED_TRADE_ID)
        assert trade is not None and trade.to_dict() == seed_response()
        with pytest.raises(PermissionDeniedError) as caught:
            client.smart_trades.close_trade_by_market(SEED_SMART_TRADE_ID, SEED_TRADE_ID)
        assert caught.value.status_code == 403
        assert caught.value.error
        with pytest.raises(NotFoundError):
            client.smart_trades.close_trade_by_market(SEED_SMART_TRADE_ID, 1)
    with (
        ThreeCommas(
            threecommas_server.api_key, "wrong-secret", base_url=threecommas_server.base_url
        ) as bad,
        pytest.raises(AuthenticationError) as denied,
    ):
        bad.smart_trades.close_trade_by_market(SEED_SMART_TRADE_ID, SEED_TRADE_ID)
    assert denied.value.error == "signature_invalid"


def test_async_close_against_the_live_server(threecommas_server: RunningServer) -> None:
    async def run() -> SmartTrade | None:
        async with AsyncThreeCommas(
            threecommas_server.api_key,
            threecommas_server.api_secret,
            base_url=threecommas_server.base_url,
            forced_mode="paper",
        ) as client:
            return await client.smart_trades.close_trade_by_market(
                SEED_SMART_TRADE_ID, SEED_TRADE_ID
            )

    trade = asyncio.run(run())
    assert trade is not None and trade.to_dict() == seed_response()


@pytest.mark.parametrize("form", ["path", "pem-text", "pem-bytes", "env"])
@pytest.mark.slow
def test_rsa_key_against_the_live_server(form: str, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(public_key_pem=TEST_PUBLIC_KEY_PATH.read_bytes())
    key: Any = {
        "path": TEST_PRIVATE_KEY_PATH,
        "pem-text": TEST_PRIVATE_KEY_PATH.read_text(),
        "pem-bytes": TEST_PRIVATE_KEY_PATH.read_bytes(),
        "env": None,
    }[form]
    if form == "env":
        monkeypatch.setenv("THREE_COMMAS_PRIVATE_KEY_FILE", str(TEST_PRIVATE_KEY_PATH))
    with (
        serve(app) as server,
        ThreeCommas(server.api_key, private_key=key, base_url=server.base_url) as client,
    ):
        trade = client.smart_trades.close_trade_by_market(SEED_SMART_TRADE_ID, SEED_TRADE_ID)
    assert trade is not None and trade.to_dict() == seed_response()


def test_generated_low_level_functions_work_with_the_signed_client(
    threecommas_server: RunningServer,
) -> None:
    with ThreeCommas(
        threecommas_server.api_key,
        threecommas_server.api_secret,
        base_url=threecommas_server.base_url,
    ) as client:
        response = low_level.sync_detailed(
            SEED_SMART_TRADE_ID, SEED_TRADE_ID, client=client.api_client
        )
    assert response.status_code == 201
    assert isinstance(response.parsed, SmartTrade)
    assert response.parsed.to_dict() == seed_response()


# --- secrets ------------------------------------------------------------------------------------


def test_no_secret_in_reprs_errors_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    private_pem = TEST_PRIVATE_KEY_PATH.read_text()
    key_lines = [line for line in private_pem.splitlines() if line and "-----" not in line]
    texts: list[str] = []
    caplog.set_level(logging.DEBUG)
    for response in (created(), httpx.Response(401, json={"error": "signature_invalid"})):
        client, _ = mocked(response)
        texts += [repr(client), str(client), repr(client.auth)]
        try:
            client.smart_trades.close_trade_by_market(1, 2)
        except ThreeCommasError as exc:
            texts += [str(exc), repr(exc)]
    rsa = ThreeCommas(DOCS_KEY, private_key=private_pem)
    texts += [repr(rsa), repr(rsa.auth)]
    texts += [record.getMessage() for record in caplog.records]
    assert any("HTTP 401" in text for text in texts)
    assert any("close_by_market -> 201" in record.getMessage() for record in caplog.records)
    everything = "\n".join(texts)
    assert DOCS_SECRET not in everything
    assert DOCS_KEY not in everything
    assert SEED_SIGNATURE not in everything
    assert not any(line in everything for line in key_lines)


def test_public_surface() -> None:
    for name in threecommas.__all__:
        assert hasattr(threecommas, name), name
    assert isinstance(threecommas.__version__, str)
    assert Path(threecommas.__file__).parent.joinpath("py.typed").exists()


def test_the_public_names_are_written_once_and_type_checkers_see_the_same() -> None:
    """`_SOURCES` serves `__getattr__` and `__all__`; the imports that type checkers read (under
    TYPE_CHECKING) name exactly the same names, from the same modules, and `import threecommas`
    imports none of the models."""
    import ast
    import subprocess
    import sys

    source = Path(threecommas.__file__).read_text(encoding="utf-8")
    checked = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    ]
    typed = {
        alias.asname: node.module
        for block in checked
        for node in ast.walk(block)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    sources = threecommas._SOURCES  # type: ignore[attr-defined]
    package = {"types": "threecommas_api", "models": "threecommas_api"}
    assert typed == {
        name: f"{package.get(where, 'threecommas')}.{where}" for name, where in sources.items()
    }
    assert set(threecommas._MODELS) <= set(sources)  # type: ignore[attr-defined]
    assert threecommas.__all__ == ["__version__", *sources]
    assert len(set(threecommas.__all__)) == len(threecommas.__all__)
    probe = (
        "import sys, threecommas\n"
        "print(sorted(m for m in sys.modules if m.startswith('threecommas_api.models.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert "smart_trade'" not in loaded and "threecommas_api.models.trade'" not in loaded


# --- the body separator switch ------------------------------------------------------------------

DOCS_JSON_BODY = b'{"mode": "paper"}'
HMAC_JSON_VECTOR = "0475b407ba6f2388d213134e478b330f74073388a232737837f79018694ae373"


def _signed_change_mode(client: ThreeCommas) -> httpx.Request:
    recorder = Recorder(httpx.Response(200))
    with httpx.Client(transport=httpx.MockTransport(recorder), auth=client.auth) as http:
        http.post(
            "https://api.3commas.io/public/api/ver1/users/change_mode", content=DOCS_JSON_BODY
        )
    return recorder.requests[0]


def test_json_body_signature_follows_the_separator_switch() -> None:
    from threecommas._signing import signature_payload, verify_hmac

    default = _signed_change_mode(ThreeCommas(DOCS_KEY, DOCS_SECRET))
    assert default.content == DOCS_JSON_BODY
    assert default.headers["Signature"] == HMAC_JSON_VECTOR  # the docs' HMAC example: path?{json}
    bare = _signed_change_mode(ThreeCommas(DOCS_KEY, DOCS_SECRET, body_separator=""))
    target = b"/public/api/ver1/users/change_mode"
    assert verify_hmac(
        DOCS_SECRET,
        signature_payload(target, DOCS_JSON_BODY, body_separator=""),
        bare.headers["Signature"],
    )
    assert bare.headers["Signature"] != HMAC_JSON_VECTOR
    with pytest.raises(ValueError):
        ThreeCommas(DOCS_KEY, DOCS_SECRET, body_separator="&")


# --- check_key: the clock offset ----------------------------------------------------------------


def test_the_clock_offset_allows_for_the_date_headers_whole_seconds() -> None:
    from email.utils import formatdate

    from threecommas._market_operations import clock_offset_range, least_offset

    second = 1_765_000_000.0
    date = formatdate(second, usegmt=True)
    # Same clock: written at second + 0.95, read 0.25 s later: no offset can be told.
    same = clock_offset_range(date, second + 0.9, second + 1.2)
    assert same == (-1.2, 0.1) and least_offset(same) == 0.0
    # The server 5 s ahead (its second read when this machine read second - 4.65): at least 4.6.
    ahead = clock_offset_range(date, second - 4.7, second - 4.6)
    assert ahead == (4.6, 5.7) and least_offset(ahead) == 4.6
    behind = clock_offset_range(date, second + 3.2, second + 3.3)
    assert behind == (-3.3, -2.2) and least_offset(behind) == -2.2
    assert clock_offset_range(None, second, second) is None
    assert clock_offset_range("not a date", second, second) is None


def test_check_key_reports_no_offset_against_a_server_stamping_this_machines_time() -> None:
    from email.utils import formatdate

    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"Date": formatdate(time.time(), usegmt=True)}
        return httpx.Response(200, json={"valid": True}, headers=headers)

    client, _ = mocked(answer)
    with client:
        checks = [client.check_key() for _ in range(3)]
    for check in checks:
        assert check.clock_offset_range is not None
        low, high = check.clock_offset_range
        assert low <= 0 <= high and high - low < 2
        assert check.clock_offset == 0.0
        assert check.to_dict()["clock_offset_range"] == [low, high]
    without = mocked(httpx.Response(200, json={"valid": True}))[0].check_key()
    assert without.clock_offset is None and without.clock_offset_range is None

"""Where money and credentials are at stake, against a hostile server and a hostile caller.

Each test goes through the shared mechanism (the clients' `_execute`, the argument checks, the
error mapping), on the sync and the async client alike:

- a `Retry-After` that makes no sense never shortens a lockout or a ban;
- a redirect is never followed, so the API key and a signature never reach another host;
- an id (or any integer argument) is sent as the plain int that was checked;
- a change whose answer was lost is an `OutcomeUnknownError`, apart from "certainly not sent";
- a body the SDK cannot read (nested 100,000 deep) is a typed error that keeps the body;
- text UTF-8 cannot encode is a `ValueError` naming the field, before anything is sent;
- keys: PEM text, bytes and paths told apart; encrypted keys with a password;
- a closed client raises `ThreeCommasError`; readable defaults in `help()`; resource reprs.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import pickle
import pydoc
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization

import threecommas
from tests.seed import seed_response
from threecommas import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AsyncThreeCommas,
    IPBannedError,
    NotFoundError,
    OutcomeUnknownError,
    OutcomeUnknownTimeoutError,
    RateLimitError,
    RedirectError,
    ResponseParseError,
    ServerError,
    ThreeCommas,
    ThreeCommasError,
    UnprocessableEntityError,
)
from threecommas._async.resources import AsyncSmartTrades, AsyncTrades
from threecommas._exceptions import error_for_status, parse_retry_after
from threecommas._limits import Lockout
from threecommas._sync.resources import SmartTrades, Trades
from threecommas._types import Call
from threecommas._validation import check_id
from threecommas.testing import TEST_PRIVATE_KEY_PATH, create_app, run_in_thread
from threecommas.testing.faults import ADMIN_PREFIX, FaultConfig, FaultRule

KEY = "safety-test-api-key-0123456789"
SECRET = "safety-test-secret"
API_HOST = "api.3commas.io"
MODES = ["sync", "async"]
CHANGES = ["post", "patch", "delete"]

Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture(autouse=True)
def no_credentials_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "THREE_COMMAS_API_KEY",
        "THREE_COMMAS_API_SECRET",
        "THREE_COMMAS_PRIVATE_KEY_FILE",
        "THREE_COMMAS_PRIVATE_KEY_PASSWORD",
    ):
        monkeypatch.delenv(name, raising=False)


class Recorder:
    """A MockTransport handler: keeps every request, answers with `answer` (or raises it)."""

    def __init__(self, answer: Handler | httpx.Response | Exception) -> None:
        self.answer = answer
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if isinstance(self.answer, Exception):
            raise self.answer
        if isinstance(self.answer, httpx.Response):
            # a fresh response each time: httpx binds a response's stream to one transport
            return httpx.Response(
                self.answer.status_code, headers=self.answer.headers, content=self.answer.content
            )
        return self.answer(request)


def make_client(
    mode: str, handler: Handler, http: dict[str, Any] | None = None, **options: Any
) -> Any:
    options.setdefault("rate_limit", None)
    transport = httpx.MockTransport(handler)
    if mode == "sync":
        return ThreeCommas(
            KEY, SECRET, http_client=httpx.Client(transport=transport, **(http or {})), **options
        )
    return AsyncThreeCommas(
        KEY, SECRET, http_client=httpx.AsyncClient(transport=transport, **(http or {})), **options
    )


def run(mode: str, outcome: Any) -> Any:
    """The result of a facade call: awaited for the async client."""
    return asyncio.run(outcome) if mode == "async" else outcome


def execute(mode: str, client: Any, method: str, url: str = "/v2/smart_trades/1") -> Any:
    """A raw call through the clients' shared `_execute`."""
    call: Call[Any] = Call({"method": method, "url": url}, lambda response: response.json())
    return run(mode, client._execute(call))


OK = httpx.Response(200, json={"ok": True})


# --- 1. Retry-After never shortens a lockout or a ban -------------------------------------------


def _http_date(delta: timedelta) -> str:
    return format_datetime(datetime.now(UTC) + delta, usegmt=True)


NONSENSE_RETRY_AFTER = [
    "-5",
    "-0.5",
    "0",
    "0.0",
    "0.5",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "1e400",
    "9" * 400,
    "junk",
    "",
    "5 seconds",
    "Thu, 01 Jan 1970 00:00:00 GMT",
    "Mon, 99 Foo 2020 99:99:99 GMT",
]


@pytest.mark.parametrize("value", [*NONSENSE_RETRY_AFTER, "past-date"])
def test_nonsensical_retry_after_is_not_believed(value: str) -> None:
    if value == "past-date":
        value = _http_date(-timedelta(minutes=5))
    assert parse_retry_after(value) is None
    error = error_for_status(
        429, "{}", method="GET", path="/x", retry_after=parse_retry_after(value)
    )
    assert isinstance(error, RateLimitError) and error.retry_after == 300
    ban = error_for_status(
        418, "{}", method="GET", path="/x", retry_after=parse_retry_after(value), ban_cooldown=777
    )
    assert isinstance(ban, IPBannedError) and ban.retry_after == 777


def test_usable_retry_after_is_honoured() -> None:
    assert parse_retry_after("1") == 1
    assert parse_retry_after(" 120 ") == 120
    assert parse_retry_after("1.5") == 1.5
    assert 3590 < (parse_retry_after(_http_date(timedelta(hours=1))) or 0) <= 3600
    # a date only just ahead still waits at least a second
    assert parse_retry_after(_http_date(timedelta(milliseconds=600))) in (None, 1.0)
    # a wait the header did not give safely falls back, also when called with a number
    for given in (-5.0, 0.0, 0.2, float("nan"), float("inf"), float("-inf")):
        error = error_for_status(429, "", method="POST", path="/x", retry_after=given)
        assert isinstance(error, RateLimitError) and error.retry_after == 300


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("value", ["-5", "0", "NaN", "inf", "junk", "past-date"])
@pytest.mark.parametrize("status", [429, 418])
def test_nonsensical_retry_after_locks_the_client_out_for_the_default(
    mode: str, value: str, status: int
) -> None:
    if value == "past-date":
        value = _http_date(-timedelta(hours=1))
    recorder = Recorder(httpx.Response(status, headers={"Retry-After": value}, json={"error": "x"}))
    client = make_client(mode, recorder, ban_cooldown=777)
    cls = RateLimitError if status == 429 else IPBannedError
    default = 300 if status == 429 else 777
    with pytest.raises(cls) as caught:
        execute(mode, client, "get")
    assert caught.value.retry_after == default
    # the client keeps out of the lockout: nothing more is sent
    with pytest.raises(cls) as refused:
        execute(mode, client, "post")
    assert len(recorder.requests) == 1
    assert default - 5 < refused.value.retry_after <= default
    assert "not sent" in str(refused.value)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("value", ["-5", "0", "0.5", "nan"])
def test_a_change_is_not_repeated_into_a_lockout(mode: str, value: str) -> None:
    # Before: Retry-After -5 gave retry_after=0, and the POST was sent again at once.
    recorder = Recorder(httpx.Response(429, headers={"Retry-After": value}, json={}))
    client = make_client(mode, recorder)
    with pytest.raises(RateLimitError):
        execute(mode, client, "post")
    assert len(recorder.requests) == 1


@pytest.mark.parametrize("seconds", [float("nan"), float("inf"), -1.0, -0.001])
def test_lockout_refuses_a_wait_that_is_not_a_duration(seconds: float) -> None:
    lockout = Lockout(clock=lambda: 100.0)
    lockout.start(30, RuntimeError("first"))
    with pytest.raises(ValueError, match="finite"):
        lockout.start(seconds, RuntimeError("nonsense"))
    assert lockout.remaining()[0] == 30  # the running lockout is untouched
    lockout.start(5, RuntimeError("shorter"))
    assert lockout.remaining()[0] == 30  # a lockout is only ever extended


# --- 2. Credentials never go to another host ----------------------------------------------------


class TwoHosts:
    """The API host answers with a redirect to another host; the other host records visits."""

    def __init__(self, status: int) -> None:
        self.status = status
        self.api: list[httpx.Request] = []
        self.other: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == API_HOST:
            self.api.append(request)
            target = "https://collector.example" + request.url.raw_path.decode()
            return httpx.Response(self.status, headers={"Location": target})
        self.other.append(request)
        return httpx.Response(200, json=seed_response())


def test_the_two_hosts_would_see_a_leak() -> None:
    # The test's own premise: an httpx client that follows redirects takes the headers along.
    hosts = TwoHosts(307)
    auth = ThreeCommas(KEY, SECRET).auth
    with httpx.Client(transport=httpx.MockTransport(hosts), follow_redirects=True) as http:
        http.post(f"https://{API_HOST}/public/api/v2/smart_trades/1/close_by_market", auth=auth)
    assert len(hosts.other) == 1 and hosts.other[0].headers["Apikey"] == KEY


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("operation", ["get", "close_by_market", "create"])
def test_redirects_are_never_followed_whatever_the_http_client(
    mode: str, status: int, operation: str
) -> None:
    hosts = TwoHosts(status)
    client = make_client(mode, hosts, {"follow_redirects": True})
    smart_trades = client.smart_trades
    with pytest.raises(RedirectError) as caught:
        if operation == "get":
            run(mode, smart_trades.get(1))
        elif operation == "close_by_market":
            run(mode, smart_trades.trades.close_by_market(1, 2))
        else:
            run(mode, smart_trades.create(CREATE_BODY))
    assert hosts.other == []  # nothing reached the other host: no key, no signature
    assert len(hosts.api) == 1  # and a redirect is not retried
    error = caught.value
    assert isinstance(error, APIError) and error.status_code == status
    assert error.location is not None and error.location.startswith("https://collector.example/")
    assert "not followed" in str(error) and "base_url" in str(error)
    assert KEY not in str(error) and hosts.api[0].headers["Signature"] not in str(error)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is RedirectError and copy.location == error.location
    assert str(copy) == str(error)


def test_a_redirect_to_the_same_host_is_not_followed_either() -> None:
    recorder = Recorder(httpx.Response(302, headers={"Location": "/public/api/v2/elsewhere"}))
    client = make_client("sync", recorder, {"follow_redirects": True})
    with pytest.raises(RedirectError):
        client.smart_trades.get(1)
    assert len(recorder.requests) == 1


def test_a_redirect_to_a_live_loopback_server_never_reaches_it() -> None:
    with run_in_thread() as other:
        faults = other.app.state.faults
        target = other.base_url + "/v2/smart_trades/12345678"

        def api(request: httpx.Request) -> httpx.Response:
            return httpx.Response(307, headers={"Location": target})

        # The API host is a MockTransport; every other host goes over the network.
        mounts = {f"https://{API_HOST}": httpx.MockTransport(api)}
        with httpx.Client(follow_redirects=True, mounts=mounts) as http:
            client = ThreeCommas(other.api_key, other.api_secret, http_client=http, rate_limit=None)
            with pytest.raises(RedirectError):
                client.smart_trades.get(12345678)
            assert faults.counters().requests == 0  # the other server never heard of it
            # the premise: the same HTTP client, on its own, does carry the request there
            http.get(f"https://{API_HOST}/public/api/v2/smart_trades/12345678", auth=client.auth)
            assert faults.counters().requests == 1


# --- 3. An id is the id that was checked --------------------------------------------------------


class Shifty(int):
    """An int that shows itself as another number in every way it can."""

    def __format__(self, spec: str) -> str:
        return "666"

    def __str__(self) -> str:
        return "666"

    def __repr__(self) -> str:
        return "666"

    def __index__(self) -> int:
        return 666

    def __int__(self) -> int:
        return 666


class Liar(int):
    """An int whose comparisons always say yes."""

    def __ge__(self, other: object) -> bool:
        return True

    def __le__(self, other: object) -> bool:
        return True

    def __gt__(self, other: object) -> bool:
        return True

    def __lt__(self, other: object) -> bool:
        return True


CREATE_BODY: dict[str, Any] = {
    "account_id": 32455218,
    "pair": "USDT_BTC",
    "position": {"type": "buy", "order_type": "market", "units": {"value": "0.01"}},
    "take_profit": {"enabled": False},
    "stop_loss": {"enabled": False},
}


def _answer(request: httpx.Request) -> httpx.Response:
    if request.method == "GET" and request.url.path.endswith("/smart_trades"):
        return httpx.Response(200, json=[])
    status = 201 if request.method == "POST" else 200
    return httpx.Response(status, json=seed_response())


@pytest.mark.parametrize("mode", MODES)
def test_ids_and_integers_are_sent_as_the_plain_int_checked(mode: str) -> None:
    recorder = Recorder(_answer)
    client = make_client(mode, recorder)
    st = client.smart_trades
    run(mode, st.get(Shifty(5)))
    run(mode, st.trades.close_by_market(Shifty(5), Shifty(7)))
    run(mode, st.trades.cancel(Shifty(5), Shifty(7)))
    run(mode, st.set_note(Shifty(5), "a note"))
    run(mode, st.list(account_id=Shifty(4), page=Shifty(2), per_page=Shifty(3)))
    fields = {name: value for name, value in CREATE_BODY.items() if name != "account_id"}
    run(mode, st.create(account_id=Shifty(4), **fields))
    run(mode, st.create({**CREATE_BODY, "account_id": Shifty(4)}))
    paths = [request.url.path.removeprefix("/public/api") for request in recorder.requests]
    assert paths[:4] == [
        "/v2/smart_trades/5",
        "/v2/smart_trades/5/trades/7/close_by_market",
        "/v2/smart_trades/5/trades/7",
        "/v2/smart_trades/5/set_note",
    ]
    query = recorder.requests[4].url.params
    assert (query["account_id"], query["page"], query["per_page"]) == ("4", "2", "3")
    for request in recorder.requests[5:7]:
        assert json.loads(request.content)["account_id"] == 4
    for request in recorder.requests:
        assert "666" not in str(request.url) + request.content.decode()


def test_iter_all_pages_are_the_plain_ints_checked() -> None:
    recorder = Recorder(httpx.Response(200, json=[]))
    client = make_client("sync", recorder)
    assert list(client.smart_trades.iter_all(page=Shifty(2), per_page=Shifty(3))) == []
    assert recorder.requests[0].url.params["page"] == "2"
    assert recorder.requests[0].url.params["per_page"] == "3"


@pytest.mark.parametrize("mode", MODES)
def test_ranges_are_checked_on_the_plain_int(mode: str) -> None:
    recorder = Recorder(OK)
    client = make_client(mode, recorder)
    with pytest.raises(ValueError, match="smart_trade_id"):
        run(mode, client.smart_trades.get(Liar(0)))
    with pytest.raises(ValueError, match="page"):
        run(mode, client.smart_trades.list(page=Liar(0)))
    with pytest.raises(ValueError, match="per_page"):
        run(mode, client.smart_trades.list(per_page=Liar(101)))
    assert recorder.requests == []
    assert type(check_id("id", Shifty(9))) is int and check_id("id", Shifty(9)) == 9


# --- 4. Say when an order may have gone through -------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("method", CHANGES)
@pytest.mark.parametrize(
    ("failure", "cls"),
    [
        (httpx.ReadTimeout("read timed out"), OutcomeUnknownTimeoutError),
        (httpx.WriteTimeout("write timed out"), OutcomeUnknownTimeoutError),
        (
            httpx.RemoteProtocolError("Server disconnected without sending a response."),
            OutcomeUnknownError,
        ),
        (httpx.ReadError("connection reset by peer"), OutcomeUnknownError),
        (httpx.WriteError("broken pipe"), OutcomeUnknownError),
    ],
    ids=["read-timeout", "write-timeout", "disconnected", "read-error", "write-error"],
)
def test_a_change_that_lost_its_answer_is_outcome_unknown(
    mode: str, method: str, failure: Exception, cls: type[Exception]
) -> None:
    recorder = Recorder(failure)
    client = make_client(mode, recorder)
    with pytest.raises(OutcomeUnknownError) as caught:
        execute(mode, client, method)
    error = caught.value
    assert type(error) is cls
    assert isinstance(error, APIConnectionError) and error.sent is True
    # existing `except APITimeoutError` clauses still catch the timeouts
    assert isinstance(error, APITimeoutError) == (cls is OutcomeUnknownTimeoutError)
    assert "may have carried it out" in str(error) and "read the SmartTrade" in str(error)
    assert len(recorder.requests) == 1  # never repeated
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is cls and copy.sent is True and str(copy) == str(error)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("method", CHANGES)
@pytest.mark.parametrize(
    ("failure", "cls"),
    [
        (httpx.ConnectError("connection refused"), APIConnectionError),
        (httpx.ConnectTimeout("no answer to SYN"), APITimeoutError),
        (httpx.PoolTimeout("no free connection"), APITimeoutError),
    ],
    ids=["refused", "connect-timeout", "pool-timeout"],
)
def test_a_change_that_certainly_never_left_is_a_plain_connection_error(
    mode: str, method: str, failure: Exception, cls: type[Exception]
) -> None:
    recorder = Recorder(failure)
    client = make_client(mode, recorder, max_retries=0)
    with pytest.raises(APIConnectionError) as caught:
        execute(mode, client, method)
    assert type(caught.value) is cls
    assert not isinstance(caught.value, OutcomeUnknownError)
    assert caught.value.sent is False and "nothing was sent" in str(caught.value)


@pytest.mark.parametrize("mode", MODES)
def test_a_change_that_never_left_is_repeated(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("threecommas._policy.backoff_delay", lambda attempt: 0.0)
    answers: list[Exception | None] = [httpx.PoolTimeout("busy"), httpx.ConnectError("no"), None]

    def handler(request: httpx.Request) -> httpx.Response:
        answer = answers.pop(0)
        if answer is not None:
            raise answer
        return httpx.Response(200, json={"ok": True})

    client = make_client(mode, handler)
    assert execute(mode, client, "post") == {"ok": True}
    assert answers == []


@pytest.mark.parametrize("mode", MODES)
def test_a_read_that_lost_its_answer_is_a_plain_timeout(mode: str) -> None:
    client = make_client(mode, Recorder(httpx.ReadTimeout("slow")), max_retries=0)
    with pytest.raises(APITimeoutError) as caught:
        execute(mode, client, "get")
    assert not isinstance(caught.value, OutcomeUnknownError)
    assert caught.value.sent is True


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_5xx_on_a_change_says_it_may_have_gone_through(mode: str, status: int) -> None:
    recorder = Recorder(httpx.Response(status, text="<html>oops</html>"))
    client = make_client(mode, recorder)
    with pytest.raises(ServerError) as caught:
        run(mode, client.smart_trades.close_by_market(5))
    assert "may have carried out this POST" in str(caught.value)
    assert "read the SmartTrade" in str(caught.value)
    assert len(recorder.requests) == 1
    # a read says nothing of the kind
    client = make_client(mode, Recorder(httpx.Response(500, text="oops")))
    with pytest.raises(ServerError) as read:
        run(mode, client.smart_trades.get(5))
    assert "may have carried out" not in str(read.value)


def test_the_new_errors_are_exported_and_documented() -> None:
    for name in ("OutcomeUnknownError", "OutcomeUnknownTimeoutError", "RedirectError"):
        assert name in threecommas.__all__ and hasattr(threecommas, name)
    guide = Path(__file__).resolve().parents[2] / "docs" / "guides" / "safety.md"
    text = guide.read_text(encoding="utf-8")
    assert "`OutcomeUnknownError`" in text and "`RedirectError`" in text
    for cls in (SmartTrades, Trades):
        for name in ("create", "add_funds", "reduce_funds", "close_by_market", "force_start"):
            method = getattr(cls, name, None)
            if method is not None:
                assert "OutcomeUnknownError" in (method.__doc__ or ""), (cls, name)


@pytest.mark.slow
def test_outcome_unknown_against_the_fake_server() -> None:
    close = "/v2/smart_trades/12345678/trades/1047934727/close_by_market"
    for rule, cls in (
        (FaultRule("drop", after_apply=True), OutcomeUnknownError),
        (FaultRule("delay", seconds=1), OutcomeUnknownTimeoutError),
    ):
        with run_in_thread(create_app(faults=FaultConfig(rules=(rule,)))) as server:
            client = ThreeCommas(
                server.api_key, server.api_secret, base_url=server.base_url, rate_limit=None
            )
            with client, pytest.raises(cls) as caught:
                client.smart_trades.trades.close_by_market(12345678, 1047934727, timeout=0.3)
            assert close in str(caught.value)
            counters = server.app.state.faults.counters()
            assert counters.applied[("close_trade_by_market", 12345678, 1047934727)] == 1


# --- 5. No bare Python errors from hostile bodies -----------------------------------------------

DEPTH = 100_000
DEEP_OBJECT = '{"a":' * DEPTH + "1" + "}" * DEPTH
DEEP_LIST = "[" * DEPTH + "]" * DEPTH
# Shallow enough for the JSON parser, too deep for str() of what it read.
DEEP_ATTRIBUTES = '{"error": "x", "error_attributes": {"f": ' + "[" * 990 + "]" * 990 + "}}"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("body", [DEEP_OBJECT, DEEP_LIST], ids=["object", "list"])
@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (200, ResponseParseError),
        (404, NotFoundError),
        (422, UnprocessableEntityError),
        (500, ServerError),
    ],
)
@pytest.mark.parametrize("operation", ["get", "list"])
def test_a_body_nested_too_deep_is_a_typed_error_that_keeps_the_body(
    mode: str, body: str, status: int, cls: type[APIError], operation: str
) -> None:
    client = make_client(
        mode, Recorder(httpx.Response(status, content=body.encode())), max_retries=0
    )
    with pytest.raises(APIError) as caught:
        if operation == "get":
            run(mode, client.smart_trades.get(1))
        else:
            run(mode, client.smart_trades.list())
    assert type(caught.value) is cls
    assert caught.value.body == body
    assert caught.value.status_code == status
    assert len(str(caught.value)) < 2000


@pytest.mark.parametrize("body", [DEEP_OBJECT, DEEP_LIST, DEEP_ATTRIBUTES])
@pytest.mark.parametrize("status", [400, 418, 429, 500])
def test_error_mapping_reads_any_body(body: str, status: int) -> None:
    error = error_for_status(status, body, method="GET", path="/x")
    assert isinstance(error, APIError) and error.body == body


@pytest.fixture(scope="module")
def admin_root() -> Iterator[str]:
    with run_in_thread() as server:
        yield server.base_url.removesuffix("/public/api") + ADMIN_PREFIX


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "/smart_trades"), ("PUT", "/faults"), ("POST", "/smart_trades/closable")],
)
@pytest.mark.parametrize("body", [DEEP_OBJECT, DEEP_LIST], ids=["object", "list"])
def test_admin_api_answers_a_body_nested_too_deep_with_400(
    admin_root: str, method: str, path: str, body: str
) -> None:
    answer = httpx.request(method, admin_root + path, content=body.encode(), timeout=30)
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("application/json")
    assert "nested too deeply" in answer.json()["error_description"]


# --- 6. Text that cannot be encoded is a bad argument -------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff", "ok \udc80 not ok"])
def test_text_utf8_cannot_encode_is_a_value_error_naming_the_field(
    mode: str, surrogate: str
) -> None:
    recorder = Recorder(httpx.Response(201, json=seed_response()))
    client = make_client(mode, recorder)
    st = client.smart_trades
    step = {"order_type": "limit", "volume": "100", "price": {"type": surrogate, "value": "1"}}
    take_profit = {"enabled": True, "steps": [step]}
    position = {**CREATE_BODY["position"], surrogate: "x"}
    cases: list[tuple[str, Callable[[], Any]]] = [
        ("note", lambda: st.set_note(1, surrogate)),
        ("note", lambda: st.create(**CREATE_BODY, note=surrogate)),
        ("note", lambda: st.create({**CREATE_BODY, "note": surrogate})),
        ("pair", lambda: st.create({**CREATE_BODY, "pair": surrogate})),
        ("units[value]", lambda: st.add_funds(1, order_type="market", units=surrogate)),
        ("take_profit[steps][0][price][type]", lambda: st.update(1, take_profit=take_profit)),
        ("a key of position", lambda: st.create({**CREATE_BODY, "position": position})),
        ("pair", lambda: st.list(pair=surrogate)),
    ]
    for field, make in cases:
        with pytest.raises(ValueError) as caught:
            run(mode, make())
        message = str(caught.value)
        assert field in message, (field, message)
        message.encode("utf-8")  # the message itself can be printed
    assert recorder.requests == []


@pytest.mark.parametrize("mode", MODES)
def test_the_last_guard_names_the_field_of_any_request(mode: str) -> None:
    recorder = Recorder(OK)
    client = make_client(mode, recorder)
    call: Call[Any] = Call(
        {"method": "post", "url": "/v2/x", "json": {"outer": [{"inner": "a\ud800"}]}}, lambda r: r
    )
    with pytest.raises(ValueError, match=r"outer\[0\]\[inner\]"):
        run(mode, client._execute(call))
    call = Call({"method": "get", "url": "/v2/x", "params": {"q": "\udfff"}}, lambda r: r)
    with pytest.raises(ValueError, match="q must be text"):
        run(mode, client._execute(call))
    assert recorder.requests == []


# --- Keys: PEM text, bytes and paths told apart; encrypted keys ---------------------------------

PASSWORD = "correct horse"


@pytest.fixture(scope="module")
def encrypted_pem() -> bytes:
    key = serialization.load_pem_private_key(TEST_PRIVATE_KEY_PATH.read_bytes(), password=None)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PASSWORD.encode()),
    )


def _signature(*args: Any, **options: Any) -> str:
    """The signature a client made with these arguments puts on one GET."""
    recorder = Recorder(httpx.Response(200, json=seed_response()))
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    with ThreeCommas(KEY, *args, http_client=http, rate_limit=None, **options) as client:
        client.smart_trades.get(12345678)
    return recorder.requests[0].headers["Signature"]


CLIENTS = [ThreeCommas, AsyncThreeCommas]


@pytest.mark.parametrize("cls", CLIENTS)
def test_a_str_that_is_neither_pem_nor_a_file_says_what_was_expected(cls: type[Any]) -> None:
    with pytest.raises(ValueError) as caught:
        cls(KEY, private_key="not a pem")
    message = str(caught.value)
    assert "neither PEM text" in message and "pathlib.Path" in message
    assert "not a pem" not in message and "No such file" not in message


@pytest.mark.parametrize("cls", CLIENTS)
def test_bytes_that_are_not_pem_say_so(cls: type[Any]) -> None:
    with pytest.raises(ValueError, match="bytes that are not PEM") as caught:
        cls(KEY, private_key=b"MIIEvQIBADANBgkqhkiG9w0BAQEFAASC")
    assert "MIIE" not in str(caught.value)


@pytest.mark.parametrize("cls", CLIENTS)
def test_paths_are_read_and_named(cls: type[Any], tmp_path: Path) -> None:
    missing = tmp_path / "missing.pem"
    with pytest.raises(ValueError, match="could not be read") as caught:
        cls(KEY, private_key=missing)
    assert "missing.pem" in str(caught.value)  # a Path is a path: it is shown
    junk = tmp_path / "junk.pem"
    junk.write_text("just some text\n")
    with pytest.raises(ValueError, match="not a PEM private key"):
        cls(KEY, private_key=junk)
    with pytest.raises(ValueError, match="not a PEM private key") as hidden:
        cls(KEY, private_key=str(junk))  # a str naming an existing file is still read
    assert "junk.pem" not in str(hidden.value)  # but a str is never echoed
    assert cls(KEY, private_key=str(TEST_PRIVATE_KEY_PATH)).auth is not None
    with pytest.raises(TypeError, match="private_key"):
        cls(KEY, private_key=12345)


@pytest.mark.slow
def test_an_encrypted_key_with_its_password_signs_like_the_plain_key(
    encrypted_pem: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _signature(private_key=TEST_PRIVATE_KEY_PATH)
    as_text = _signature(private_key=encrypted_pem.decode(), private_key_password=PASSWORD)
    as_bytes = _signature(private_key=encrypted_pem, private_key_password=PASSWORD.encode())
    assert as_text == as_bytes == expected
    key_file = tmp_path / "encrypted.pem"
    key_file.write_bytes(encrypted_pem)
    monkeypatch.setenv("THREE_COMMAS_PRIVATE_KEY_FILE", str(key_file))
    monkeypatch.setenv("THREE_COMMAS_PRIVATE_KEY_PASSWORD", PASSWORD)
    assert _signature() == expected
    assert AsyncThreeCommas(KEY).auth is not None
    # the environment's password never gets in the way of a key that needs none
    assert _signature(private_key=TEST_PRIVATE_KEY_PATH) == expected


@pytest.mark.parametrize("cls", CLIENTS)
def test_encrypted_key_errors_say_what_to_do_and_never_show_the_password(
    cls: type[Any], encrypted_pem: bytes
) -> None:
    with pytest.raises(ValueError, match="private_key_password") as missing:
        cls(KEY, private_key=encrypted_pem)
    assert "THREE_COMMAS_PRIVATE_KEY_PASSWORD" in str(missing.value)
    with pytest.raises(ValueError, match="wrong password") as wrong:
        cls(KEY, private_key=encrypted_pem, private_key_password="hunter2-wrong")
    assert "hunter2" not in str(wrong.value)
    with pytest.raises(ValueError, match="not encrypted"):
        cls(KEY, private_key=TEST_PRIVATE_KEY_PATH, private_key_password="unneeded")
    with pytest.raises(ValueError, match="private_key_password is for an RSA"):
        cls(KEY, SECRET, private_key_password="unneeded")
    with pytest.raises(TypeError, match="private_key_password"):
        cls(KEY, private_key=encrypted_pem, private_key_password=1234)


@pytest.mark.parametrize("cls", CLIENTS)
def test_private_key_password_and_clock_come_last_and_keyword_only(cls: type[Any]) -> None:
    parameters = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in parameters[-2:]] == ["private_key_password", "clock"]
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters[-2:])
    assert [p.name for p in parameters[:-2]] == [
        "api_key",
        "api_secret",
        "private_key",
        "base_url",
        "forced_mode",
        "timeout",
        "http_client",
        "body_separator",
        "rate_limit",
        "max_retries",
        "ban_cooldown",
        "retry_after_cap",
        "stream_url",
    ]


# --- A closed client ----------------------------------------------------------------------------


def test_a_closed_client_raises_a_three_commas_error() -> None:
    client = ThreeCommas(KEY, SECRET)  # its own HTTP client
    client.close()
    with pytest.raises(ThreeCommasError, match="client is closed"):
        client.smart_trades.get(1)
    recorder = Recorder(OK)
    with make_client("sync", recorder) as mine:
        pass
    with pytest.raises(ThreeCommasError, match="client is closed"):
        mine.smart_trades.trades.close_by_market(1, 2)
    with pytest.raises(ThreeCommasError, match="client is closed"):
        list(mine.smart_trades.iter_all())
    # the user's own HTTP client, closed by the user
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    theirs = ThreeCommas(KEY, SECRET, http_client=http)
    http.close()
    with pytest.raises(ThreeCommasError, match="client is closed"):
        theirs.smart_trades.get(1)
    assert recorder.requests == []


def test_a_closed_async_client_raises_a_three_commas_error() -> None:
    recorder = Recorder(OK)

    async def scenario() -> None:
        own = AsyncThreeCommas(KEY, SECRET)
        await own.close()
        with pytest.raises(ThreeCommasError, match="client is closed"):
            await own.smart_trades.get(1)
        async with make_client("async", recorder) as mine:
            pass
        with pytest.raises(ThreeCommasError, match="client is closed"):
            await mine.smart_trades.create(CREATE_BODY)
        http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        theirs = AsyncThreeCommas(KEY, SECRET, http_client=http)
        await http.aclose()
        with pytest.raises(ThreeCommasError, match="client is closed"):
            await theirs.smart_trades.get(1)

    asyncio.run(scenario())
    assert recorder.requests == []


def test_an_http_client_closed_as_the_request_goes_out_is_a_closed_client() -> None:
    """Closed by another thread or task between the client's own check and the send: httpx's
    RuntimeError becomes the SDK's error; any other RuntimeError is left as it is."""
    recorder = Recorder(OK)

    class ClosedOnSend(httpx.Client):
        def send(self, *args: Any, **kwargs: Any) -> httpx.Response:
            self.close()
            return super().send(*args, **kwargs)

    class Broken(httpx.Client):
        def send(self, *args: Any, **kwargs: Any) -> httpx.Response:
            raise RuntimeError("something else")

    client = ThreeCommas(
        KEY, SECRET, http_client=ClosedOnSend(transport=httpx.MockTransport(recorder))
    )
    with pytest.raises(ThreeCommasError, match="client is closed"):
        client.smart_trades.get(1)
    broken = ThreeCommas(KEY, SECRET, http_client=Broken(transport=httpx.MockTransport(recorder)))
    with pytest.raises(RuntimeError, match="something else"):
        broken.smart_trades.get(1)

    class AsyncClosedOnSend(httpx.AsyncClient):
        async def send(self, *args: Any, **kwargs: Any) -> httpx.Response:
            await self.aclose()
            return await super().send(*args, **kwargs)

    async def scenario() -> None:
        http = AsyncClosedOnSend(transport=httpx.MockTransport(recorder))
        async with AsyncThreeCommas(KEY, SECRET, http_client=http) as aclient:
            with pytest.raises(ThreeCommasError, match="client is closed"):
                await aclient.smart_trades.get(1)

    asyncio.run(scenario())
    assert recorder.requests == []


# --- help() and reprs ---------------------------------------------------------------------------


def _public_methods(cls: type) -> Iterator[Any]:
    for name in dir(cls):
        value = getattr(cls, name)
        if not name.startswith("_") and callable(value):
            yield value


@pytest.mark.parametrize("cls", [SmartTrades, Trades, AsyncSmartTrades, AsyncTrades])
def test_help_shows_readable_defaults(cls: type) -> None:
    for method in _public_methods(cls):
        text = pydoc.render_doc(method, renderer=pydoc.plaintext)
        assert " object at 0x" not in text, method
        if method.__name__ == "wait_for":  # its timeout is the whole wait's, None for none
            assert "timeout: 'float | None' = None" in text, method
        elif "timeout" in inspect.signature(method).parameters:
            assert "timeout: 'TimeoutArg' = NOT_GIVEN" in text, method


@pytest.mark.parametrize("cls", CLIENTS)
def test_help_on_a_client_is_readable(cls: type) -> None:
    assert " object at 0x" not in pydoc.render_doc(cls, renderer=pydoc.plaintext)


def test_resources_have_a_useful_repr() -> None:
    sync = ThreeCommas(KEY, SECRET, base_url="https://example.test/public/api")
    text = repr(sync.smart_trades)
    assert text.startswith("<SmartTrades of ThreeCommas('https://example.test/public/api')")
    assert "get()" in text and "create()" in text and "trades" in text
    assert "close_by_market()" in repr(sync.smart_trades.trades)
    assert repr(AsyncThreeCommas(KEY, SECRET).smart_trades.trades).startswith(
        "<AsyncTrades of AsyncThreeCommas("
    )
    for resource in (sync.smart_trades, sync.smart_trades.trades):
        assert KEY not in repr(resource) and SECRET not in repr(resource)

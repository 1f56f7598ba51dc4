"""The conveniences of issue 14: per-call extra headers and query, `with_options`,
`with_raw_response`, `THREE_COMMAS_LOG`, `to_json`, and the request bodies' TypedDicts."""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from tests.sdk.test_client import DOCS_KEY, DOCS_SECRET, Recorder, created, mocked
from tests.seed import SEED_SMART_TRADE_ID, SEED_TRADE_ID, seed_response
from threecommas import (
    AsyncThreeCommas,
    NotFoundError,
    RateLimit,
    ResponseParseError,
    SmartTrade,
    ThreeCommas,
    ThreeCommasError,
    UnitsInput,
)
from threecommas._logging import configure_from_env
from threecommas._resource import Namespace
from threecommas._response import APIResponse
from threecommas._signing import signature_payload, verify_hmac

if TYPE_CHECKING:
    from threecommas.testing import RunningServer


def ok() -> httpx.Response:
    return httpx.Response(200, json=seed_response())


# --- extra_headers= and extra_query= ------------------------------------------------------------


def test_extra_headers_and_query_are_sent_and_signed() -> None:
    client, recorder = mocked(created())
    client.smart_trades.close_trade_by_market(
        SEED_SMART_TRADE_ID,
        SEED_TRADE_ID,
        extra_headers={"X-Trace": "abc"},
        extra_query={"debug": True, "n": 2},
    )
    (request,) = recorder.requests
    assert request.headers["X-Trace"] == "abc"
    assert request.url.params["debug"] == "true"
    assert request.url.params["n"] == "2"
    # The signature covers the query string as sent.
    payload = signature_payload(request.url.raw_path, request.content)
    assert verify_hmac(DOCS_SECRET, payload, request.headers["Signature"])


def test_extra_query_is_added_to_the_method_parameters() -> None:
    client, recorder = mocked(httpx.Response(200, json=[]))
    client.smart_trades.list(per_page=5, extra_query={"x_flag": "1"})
    params = recorder.requests[0].url.params
    assert params["per_page"] == "5"
    assert params["x_flag"] == "1"


@pytest.mark.parametrize(
    "name",
    ["Apikey", "APIKEY", "SIGNATURE", "forced-mode", "Forced_Mode", "FORCED_MODE", "forced_mode"],
)
def test_extra_headers_cannot_replace_the_sdk_headers(name: str) -> None:
    """In any spelling a server may fold into one of them: any case, `_` for `-` (Rack reads
    `Forced_Mode` as `Forced-Mode`)."""
    client, recorder = mocked(ok())
    with pytest.raises(ValueError, match="extra_headers cannot set"):
        client.smart_trades.get(SEED_SMART_TRADE_ID, extra_headers={name: "x"})
    assert recorder.requests == []


BAD_HEADERS = {
    "CR in value": {"X-Trace": "a\rb"},
    "LF in value": {"X-Trace": "a\nInjected: 1"},
    "CRLF in value": {"X-Trace": "a\r\nInjected: 1"},
    "NUL in value": {"X-Trace": "a\x00b"},
    "CR in name": {"X-Tr\race": "a"},
    "LF in name": {"X-Trace\n": "a"},
    "NUL in name": {"X-\x00Trace": "a"},
    "non-ASCII name": {"X-Tr\u00e4ce": "a"},
    "space in name": {" Forced-Mode": "paper"},
    "colon in name": {"X-Trace:": "a"},
    "empty name": {"": "a"},
    "non-ASCII value": {"X-Trace": "caf\u00e9"},
    "control in value": {"X-Trace": "a\x01b"},
    "space at the end of a value": {"X-Trace": "a "},
}


@pytest.mark.parametrize("headers", BAD_HEADERS.values(), ids=BAD_HEADERS.keys())
def test_headers_http_cannot_carry_are_refused_before_anything_is_sent(
    threecommas_server: RunningServer, headers: dict[str, str]
) -> None:
    """Against a real HTTP stack, which refuses such a header only while sending: a change
    then looked like it may have gone through (`OutcomeUnknownError`), a read was retried as
    a lost connection. Now it is a `ValueError` naming `extra_headers`, and nothing is sent."""
    faults = threecommas_server.app.state.faults
    with ThreeCommas(
        threecommas_server.api_key,
        threecommas_server.api_secret,
        base_url=threecommas_server.base_url,
    ) as client:
        with pytest.raises(ValueError, match="extra_headers") as refused:
            client.smart_trades.close_trade_by_market(
                SEED_SMART_TRADE_ID, SEED_TRADE_ID, extra_headers=headers
            )
        assert not isinstance(refused.value, ThreeCommasError)
        with pytest.raises(ValueError, match="extra_headers"):
            client.smart_trades.get(SEED_SMART_TRADE_ID, extra_headers=headers)
        assert faults.counters().requests == 0
        # the value is never shown: it may be a secret of its own
        for value in headers.values():
            if len(value) > 3:
                assert value not in str(refused.value)
        # and headers HTTP can carry still go
        sent = client.smart_trades.get(
            SEED_SMART_TRADE_ID, extra_headers={"X-Trace": "a b\tc", "X_Custom": ""}
        )
        assert isinstance(sent, SmartTrade)
        assert faults.counters().requests == 1


@pytest.mark.parametrize("name", ["per_page", "page", "pair"])
def test_extra_query_cannot_replace_a_parameter_of_the_method(name: str) -> None:
    client, recorder = mocked(httpx.Response(200, json=[]))
    with pytest.raises(ValueError, match=f"extra_query cannot set '{name}'"):
        client.smart_trades.list(per_page=5, extra_query={name: "1"})
    assert recorder.requests == []


def test_bad_extra_options_are_type_errors_before_sending() -> None:
    client, recorder = mocked(ok())
    bad: Any = {"X": 1}
    with pytest.raises(TypeError, match="extra_headers"):
        client.smart_trades.get(SEED_SMART_TRADE_ID, extra_headers=bad)
    with pytest.raises(TypeError, match="extra_query"):
        client.smart_trades.get(SEED_SMART_TRADE_ID, extra_query={"x": [1]})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="extra_query"):
        client.smart_trades.iter_all(extra_query=bad["X"])
    assert recorder.requests == []


def test_extra_options_on_iter_all_reach_every_page_and_async() -> None:
    client, recorder = mocked(httpx.Response(200, json=[]))
    assert list(client.smart_trades.iter_all(extra_headers={"X-A": "1"})) == []
    assert recorder.requests[0].headers["X-A"] == "1"

    recorder = Recorder(created())

    async def run() -> SmartTrade:
        http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        async with AsyncThreeCommas(DOCS_KEY, DOCS_SECRET, http_client=http) as client:
            return await client.smart_trades.trades.close_by_market(
                SEED_SMART_TRADE_ID, SEED_TRADE_ID, extra_headers={"X-B": "2"}
            )

    assert isinstance(asyncio.run(run()), SmartTrade)
    assert recorder.requests[0].headers["X-B"] == "2"


#: The public methods that send no request of their own (so take no per-call options).
_NO_REQUEST = {"close", "with_options", "watch", "wait_for"}


def _namespaces(owner: object, path: str) -> Iterator[tuple[str, object]]:
    """`owner` and every resource namespace reachable from it, with their dotted paths."""
    yield path, owner
    for name, value in vars(owner).items():
        if isinstance(value, Namespace) and not name.startswith("_"):
            yield from _namespaces(value, f"{path}.{name}")


@pytest.mark.parametrize("client_cls", [ThreeCommas, AsyncThreeCommas])
def test_every_method_of_every_namespace_takes_the_request_options(client_cls: type) -> None:
    client = client_cls(DOCS_KEY, DOCS_SECRET)
    seen: set[str] = set()
    for path, owner in _namespaces(client, "client"):
        for name in dir(type(owner)):
            method = getattr(owner, name)
            if name.startswith("_") or name in _NO_REQUEST or not inspect.ismethod(method):
                continue
            seen.add(f"{path}.{name}")
            parameters = inspect.signature(method).parameters
            options = parameters.get("options")
            assert options is not None, f"{path}.{name} takes no **options"
            assert options.kind is inspect.Parameter.VAR_KEYWORD, f"{path}.{name}"
            assert options.annotation == "Unpack[RequestOptions]", f"{path}.{name}"
    # The namespaces are found, not listed: a new one is covered without editing this test.
    assert {
        "client.validate",
        "client.check_key",
        "client.accounts.list",
        "client.accounts.iter_all",
        "client.accounts.get",
        "client.market.markets",
        "client.market.pairs",
        "client.market.currency_rates",
        "client.smart_trades.create",
        "client.smart_trades.iter_all",
        "client.smart_trades.trades.close_by_market",
    } <= seen


def _traced(server: RunningServer) -> tuple[ThreeCommas, list[httpx.Request]]:
    sent: list[httpx.Request] = []
    http = httpx.Client(event_hooks={"request": [sent.append]})
    client = ThreeCommas(
        server.api_key, server.api_secret, base_url=server.base_url, http_client=http
    )
    return client, sent


def test_accounts_market_and_key_checks_send_the_request_options(
    threecommas_server: RunningServer,
) -> None:
    client, sent = _traced(threecommas_server)
    extra: dict[str, Any] = {"extra_headers": {"X-Trace": "t"}, "extra_query": {"probe": 1}}
    with client:
        account = client.accounts.get(12345678, **extra)
        assert client.accounts.list(**extra)
        assert [a.id for a in client.accounts.iter_all(per_page=100, **extra)]
        assert client.market.markets(**extra)
        assert "USDT_BTC" in client.market.pairs("binance", **extra)
        assert client.market.currency_rates("USDT_BTC", "binance", **extra).last
        assert client.validate(**extra) is True
        assert client.check_key(**extra).valid
        # Checked before anything is sent, as for every other method.
        with pytest.raises(ValueError, match="extra_headers cannot set"):
            client.market.markets(extra_headers={"Apikey": "x"})
        with pytest.raises(ValueError, match="extra_query cannot set 'per_page'"):
            client.accounts.list(extra_query={"per_page": 1})
        with pytest.raises(TypeError, match="extra_query"):
            client.accounts.iter_all(extra_query={"x": [1]})  # type: ignore[dict-item]
    assert account.id == 12345678
    assert len(sent) == 8
    for request in sent:
        assert request.headers["X-Trace"] == "t", request.url
        assert request.url.params["probe"] == "1", request.url


def test_raw_response_and_with_options_reach_accounts_and_market(
    threecommas_server: RunningServer,
) -> None:
    client, sent = _traced(threecommas_server)
    with client:
        raw = client.with_raw_response.accounts.get(12345678)
        assert isinstance(raw, APIResponse) and raw.status_code == 200
        assert raw.parse().id == 12345678
        raw_pairs = client.with_raw_response.market.pairs("binance")
        assert "USDT_BTC" in raw_pairs.parse() and raw_pairs.json() == raw_pairs.parse()
        assert client.with_raw_response.validate().parse() is True
        with pytest.raises(TypeError, match="iter_all has no raw form"):
            client.with_raw_response.accounts.iter_all()
        paper = client.with_options(forced_mode="paper", timeout=9)
        assert paper.accounts._client is paper and paper.market._client is paper
        assert paper.accounts.get(12345678).id == 12345678
        assert paper.market.markets()
        # The original client is unchanged.
        client.accounts.get(12345678)
    assert sent[-3].headers["Forced-Mode"] == "paper"
    assert sent[-3].extensions["timeout"]["read"] == 9
    assert "Forced-Mode" not in sent[-1].headers


def test_async_accounts_and_market_take_the_request_options(
    threecommas_server: RunningServer,
) -> None:
    sent: list[httpx.Request] = []

    async def hook(request: httpx.Request) -> None:
        sent.append(request)

    async def run() -> None:
        http = httpx.AsyncClient(event_hooks={"request": [hook]})
        server = threecommas_server
        async with AsyncThreeCommas(
            server.api_key, server.api_secret, base_url=server.base_url, http_client=http
        ) as client:
            headers = {"X-A": "1"}
            assert (await client.accounts.get(12345678, extra_headers=headers)).id == 12345678
            assert [a async for a in client.accounts.iter_all(extra_headers=headers)]
            assert await client.market.markets(extra_headers=headers)
            assert await client.validate(extra_headers=headers)
            raw = await client.with_raw_response.market.markets()
            assert raw.status_code == 200

    asyncio.run(run())
    assert [r.headers.get("X-A") for r in sent] == ["1"] * (len(sent) - 1) + [None]


# --- with_options ------------------------------------------------------------------------------


def test_with_options_is_a_configured_copy_sharing_pool_and_limits() -> None:
    client, recorder = mocked(ok(), forced_mode="real", max_retries=2)
    paper = client.with_options(forced_mode="paper", timeout=7, max_retries=0)
    assert paper is not client
    assert paper._http is client._http
    assert paper._policy.limiter is client._policy.limiter
    assert paper._policy.lockout is client._policy.lockout
    assert paper._policy.settings.max_retries == 0
    assert client._policy.settings.max_retries == 2
    assert paper.smart_trades._client is paper
    assert paper.smart_trades.trades._client is paper
    paper.smart_trades.get(SEED_SMART_TRADE_ID)
    client.smart_trades.get(SEED_SMART_TRADE_ID)
    first, second = recorder.requests
    assert first.headers["Forced-Mode"] == "paper"
    assert first.extensions["timeout"]["read"] == 7
    assert second.headers["Forced-Mode"] == "real"
    # Closing the copy leaves the shared pool open; closing the original closes both.
    paper.close()
    assert not client._http.is_closed
    client.smart_trades.get(SEED_SMART_TRADE_ID)
    client.close()
    with pytest.raises(ThreeCommasError, match="closed"):
        client.with_options(timeout=3).smart_trades.get(SEED_SMART_TRADE_ID)


def test_with_options_shares_the_rate_limit_budget() -> None:
    client, recorder = mocked(ok(), rate_limit=RateLimit(requests=2, period=60))
    copy = client.with_options(timeout=3)
    client.smart_trades.get(SEED_SMART_TRADE_ID)
    copy.smart_trades.get(SEED_SMART_TRADE_ID)
    limiter = client._policy.limiter
    assert limiter is not None and limiter is copy._policy.limiter
    assert len(recorder.requests) == 2


def test_with_options_refuses_bad_values() -> None:
    client, _ = mocked(ok())
    with pytest.raises(ValueError, match="max_retries"):
        client.with_options(max_retries=-1)
    with pytest.raises(TypeError, match="timeout"):
        client.with_options(timeout="3")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        client.with_options(forced_mode="demo")


def test_async_with_options_copy_closing_keeps_the_pool() -> None:
    recorder = Recorder(ok())

    async def run() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        client = AsyncThreeCommas(DOCS_KEY, DOCS_SECRET)
        client._http, client._owns_http = http, True
        copy = client.with_options(forced_mode="paper")
        assert copy._policy is not client._policy or copy._policy.limiter is client._policy.limiter
        await copy.smart_trades.get(SEED_SMART_TRADE_ID)
        await copy.close()
        assert not http.is_closed
        await client.smart_trades.get(SEED_SMART_TRADE_ID)
        await client.close()
        assert http.is_closed

    asyncio.run(run())
    assert recorder.requests[0].headers["Forced-Mode"] == "paper"
    assert "Forced-Mode" not in recorder.requests[1].headers


# --- with_raw_response -------------------------------------------------------------------------


def test_with_raw_response_gives_status_headers_body_and_parse() -> None:
    answer = httpx.Response(200, json=seed_response(), headers={"Date": "Mon, 30 Nov 2026"})
    client, recorder = mocked(answer)
    raw = client.with_raw_response.smart_trades.get(SEED_SMART_TRADE_ID)
    assert isinstance(raw, APIResponse)
    assert raw.status_code == 200
    assert raw.headers["Date"] == "Mon, 30 Nov 2026"
    assert json.loads(raw.content) == seed_response() == json.loads(raw.text) == raw.json()
    assert raw.http_response is answer
    smart_trade = raw.parse()
    assert isinstance(smart_trade, SmartTrade)
    assert smart_trade.to_dict() == seed_response()
    # The client itself still parses.
    assert isinstance(client.smart_trades.get(SEED_SMART_TRADE_ID), SmartTrade)
    assert len(recorder.requests) == 2
    client, _ = mocked(created())
    raw_trades = client.with_raw_response.smart_trades.trades.close_by_market(1, 2)
    assert raw_trades.status_code == 201
    assert isinstance(raw_trades.parse(), SmartTrade)


def test_with_raw_response_errors_still_raise_and_bad_bodies_fail_at_parse() -> None:
    client, _ = mocked(httpx.Response(404, json={"error": "not_found"}))
    with pytest.raises(NotFoundError):
        client.with_raw_response.smart_trades.get(SEED_SMART_TRADE_ID)
    bad = dict(seed_response(), id="not an int")
    client, _ = mocked(httpx.Response(200, json=bad))
    raw = client.with_raw_response.smart_trades.get(SEED_SMART_TRADE_ID)
    with pytest.raises(ResponseParseError):
        raw.parse()
    with pytest.raises(TypeError, match="iter_all has no raw form"):
        client.with_raw_response.smart_trades.iter_all()


def test_async_with_raw_response_stays_awaitable() -> None:
    recorder = Recorder(httpx.Response(200, json=[seed_response()]))

    async def run() -> Any:
        http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        async with AsyncThreeCommas(DOCS_KEY, DOCS_SECRET, http_client=http) as client:
            return await client.with_raw_response.smart_trades.list(per_page=1)

    raw = asyncio.run(run())
    assert raw.status_code == 200
    (smart_trade,) = raw.parse()
    assert isinstance(smart_trade, SmartTrade)


# --- THREE_COMMAS_LOG ---------------------------------------------------------------------------

_LOGGING_SCRIPT = f"""
import httpx, threecommas
from tests.seed import seed_response
answer = httpx.Response(200, json=seed_response())
http = httpx.Client(transport=httpx.MockTransport(lambda request: answer))
client = threecommas.ThreeCommas({DOCS_KEY!r}, {DOCS_SECRET!r}, http_client=http)
client.smart_trades.get(12345678, extra_headers={{"X-Trace": "t"}})
print("SIGNATURE=" + http.build_request("GET", "https://x").headers.get("Signature", ""))
"""


def _run_logged(
    level: str | None, variable: str = "THREE_COMMAS_LOG", **more: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("THREE")}
    if level is not None:
        env[variable] = level
    env.update(more)
    return subprocess.run(
        [sys.executable, "-c", _LOGGING_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_threecommas_log_debug_logs_requests_on_stderr_without_secrets() -> None:
    done = _run_logged("DEBUG")
    assert "DEBUG threecommas: GET /public/api/v2/smart_trades/12345678 -> 200" in done.stderr
    for secret in (DOCS_KEY, DOCS_SECRET, DOCS_KEY[:12], DOCS_SECRET[:12]):
        assert secret not in done.stderr
    assert "Signature" not in done.stderr


@pytest.mark.slow
def test_threecommas_log_info_or_unset_shows_no_debug_lines() -> None:
    assert _run_logged("info").stderr == ""
    assert _run_logged(None).stderr == ""


@pytest.mark.slow
def test_the_former_name_threecommas_log_still_works_and_the_new_one_wins() -> None:
    request_line = "DEBUG threecommas: GET /public/api/v2/smart_trades/12345678 -> 200"
    assert request_line in _run_logged("debug", "THREECOMMAS_LOG").stderr
    both = _run_logged("info", THREECOMMAS_LOG="debug")
    assert both.stderr == ""  # THREE_COMMAS_LOG=info is the one read


def test_threecommas_log_configures_one_handler_and_warns_on_an_unknown_level() -> None:
    logger = logging.getLogger("threecommas")
    level = logger.level
    try:
        first = configure_from_env("debug")
        assert first is not None and configure_from_env("info") is first
        assert logger.handlers.count(first) == 1
        assert logger.level == logging.INFO
        with pytest.warns(UserWarning, match="THREE_COMMAS_LOG='loud'"):
            assert configure_from_env("loud") is None
        assert configure_from_env("") is None
    finally:
        for handler in list(logger.handlers):
            if handler is first:
                logger.removeHandler(handler)
        logger.setLevel(level)


# --- to_json -----------------------------------------------------------------------------------


def test_to_json_is_the_api_shape_with_decimal_strings_kept() -> None:
    smart_trade = SmartTrade.from_dict(seed_response())
    text = smart_trade.to_json()
    assert json.loads(text) == seed_response() == smart_trade.to_dict()
    units = seed_response()["position"]["units"]["value"]
    assert isinstance(units, str)
    assert f'"value": "{units}"' in text  # a decimal string, never a float
    assert smart_trade.to_json(indent=2).startswith('{\n  "id"')


def test_every_generated_model_has_to_json() -> None:
    import threecommas_api.models as models

    classes = [
        value
        for value in (getattr(models, name) for name in models.__all__)
        if isinstance(value, type) and hasattr(value, "to_dict")
    ]
    assert len(classes) > 20
    for model in classes:
        assert callable(getattr(model, "to_json", None)), model.__name__
    assert UnitsInput(value="0.10").to_json() == '{"value": "0.10"}'


# --- request bodies as TypedDicts ---------------------------------------------------------------

_TYPED_USER_SCRIPT = """
from threecommas import ThreeCommas

def bot(client: ThreeCommas) -> None:
    client.smart_trades.create(
        account_id=1,
        pair="USDT_BTC",
        position={"type": "buy", "order_type": "market", "units": {"value": "0.01"}},
        take_profit={"enabled": False},
    )
    client.smart_trades.create(
        {
            "account_id": 1,
            "pair": "USDT_BTC",
            "position": {"type": "sell", "order_type": "limit", "units": {"value": "1"},
                         "price": {"value": "2"}},
        }
    )
    client.smart_trades.update(5, position={"units": {"value": "0.02"}})
"""

_WRONG_USER_SCRIPT = """
from threecommas import ThreeCommas

def bot(client: ThreeCommas) -> None:
    client.smart_trades.create(
        account_id=1,
        pair="USDT_BTC",
        position={"type": "buy", "order_typ": "market", "units": {"value": "0.01"}},
    )
    client.smart_trades.create(
        account_id=1,
        pair="USDT_BTC",
        position={"type": "hold", "order_type": "market", "units": {"value": "0.01"}},
        take_profit={"enabled": "yes"},
    )
"""


def _mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "user_bot.py"
    script.write_text(source)
    root = Path(__file__).resolve().parents[2]
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--config-file=", script],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=root,
        env={**os.environ, "MYPYPATH": f"{root / 'overlay'}:{root / 'generated'}"},
    )


@pytest.mark.slow
def test_mypy_strict_accepts_a_correct_mapping_body(tmp_path: Path) -> None:
    done = _mypy(tmp_path, _TYPED_USER_SCRIPT)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_mypy_strict_catches_a_misspelt_key_and_a_wrong_type(tmp_path: Path) -> None:
    done = _mypy(tmp_path, _WRONG_USER_SCRIPT)
    assert done.returncode == 1, done.stdout + done.stderr
    errors = [line for line in done.stdout.splitlines() if ": error: " in line]
    # mypy names the parameter and its TypedDict (with a union it does not name the key).
    assert [line.split(":")[1] for line in errors] == ["8", "13", "14"], done.stdout
    assert "PositionInputParam" in errors[0]  # the misspelt key "order_typ"
    assert "PositionInputParam" in errors[1]  # "hold" is not a side
    assert "TakeProfitInputParam" in errors[2]  # a str for a bool


def test_mapping_bodies_with_decimals_match_their_typeddicts() -> None:
    client, recorder = mocked(created())
    client.smart_trades.create(
        account_id=1,
        pair="USDT_BTC",
        position={"type": "buy", "order_type": "market", "units": {"value": Decimal("0.01")}},
    )
    body = json.loads(recorder.requests[0].content)
    assert body["position"]["units"] == {"value": "0.01"}

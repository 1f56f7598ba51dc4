"""The conveniences of issue 14: per-call extra headers and query, `with_options`,
`with_raw_response`, `THREECOMMAS_LOG`, `to_json`, and the request bodies' TypedDicts."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from tests.seed import SEED_SMART_TRADE_ID, SEED_TRADE_ID, seed_response
from tests.test_client import DOCS_KEY, DOCS_SECRET, Recorder, created, mocked
from threecommas import AsyncThreeCommas, SmartTrade
from threecommas._signing import signature_payload, verify_hmac


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


@pytest.mark.parametrize("name", ["Apikey", "SIGNATURE", "forced-mode", " Forced-Mode"])
def test_extra_headers_cannot_replace_the_sdk_headers(name: str) -> None:
    client, recorder = mocked(ok())
    with pytest.raises(ValueError, match="extra_headers cannot set"):
        client.smart_trades.get(SEED_SMART_TRADE_ID, extra_headers={name: "x"})
    assert recorder.requests == []


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

"""The live-server fixtures share one uvicorn server (``threecommas_server_host``), yet each test
gets a server as fresh as one of its own: nothing a test leaves behind reaches the next one.

The tests come in pairs that run in file order: the first leaves state behind on its fixtures
(SmartTrades, notes, faults, counters, a rate-limit lockout, market prices, other credentials or
recordings, a kept-alive connection, an open client) and notes it in ``_LEFT``; the second
checks that its own fixtures show none of it.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from tests.server_support import AUTH, SMART_TRADE_ID, UNKNOWN_ID, seed_body, signed_headers
from threecommas import AsyncThreeCommas, ThreeCommas
from threecommas._signing import HmacSigner, ThreeCommasAuth
from threecommas.testing import (
    FIXTURE_TIME_FACTOR,
    FaultConfig,
    FaultRule,
    Faults,
    MarketControl,
    RateLimitConfig,
    RunningServer,
    ServerHost,
    create_app,
)
from threecommas.testing._operations import request_example

#: What the first test of a pair left behind, for the second.
_LEFT: dict[str, Any] = {}

SEED_NOTE = seed_body().get("note")
PAIR = seed_body()["pair"]
LIMIT = RateLimitConfig(requests=1, period=600, lockout=600)
GET_PATH = f"/public/api/v2/smart_trades/{SMART_TRADE_ID}"


def _keep_alive_connection(base_url: str) -> socket.socket:
    """A raw connection that has had one request answered and stays open (HTTP/1.1)."""
    host, port = httpx.URL(base_url).host, httpx.URL(base_url).port
    assert port is not None
    sock = socket.create_connection((host, port), timeout=5)
    headers = "".join(f"{k}: {v}\r\n" for k, v in signed_headers(GET_PATH.encode()).items())
    sock.sendall(f"GET {GET_PATH} HTTP/1.1\r\nHost: {host}\r\n{headers}\r\n".encode())
    answer = b""
    while b"\r\n\r\n" not in answer:
        answer += sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 "), answer[:100]
    assert b"connection: close" not in answer.lower()
    return sock


def _closed_by_server(sock: socket.socket) -> bool:
    """True when the server has closed the connection (EOF or reset)."""
    sock.settimeout(5)
    try:
        while True:
            data = sock.recv(65536)  # what is left of the first answer, then EOF
            if not data:
                return True
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False
    finally:
        sock.close()


# --- threecommas_server, threecommas_client, threecommas_faults, threecommas_market ----------


def test_server_pair_1_leaves_state_behind(
    threecommas_server: RunningServer,
    threecommas_client: ThreeCommas,
    threecommas_faults: Faults,
    threecommas_market: MarketControl,
) -> None:
    threecommas_client.smart_trades.set_note(SMART_TRADE_ID, "left behind by pair 1")
    with httpx.Client(base_url=threecommas_server.base_url, auth=AUTH, timeout=10) as http:
        created = http.post("/v2/smart_trades", json=request_example("create_smart_trade"))
        assert created.status_code == 201
        threecommas_market.set_price(PAIR, "0.5")
        threecommas_faults.configure(
            FaultConfig(
                rate_limit=LIMIT,
                plan_restricted=frozenset({"set_note"}),
                rules=(FaultRule("error", status=503, operations=frozenset({"list_trades"})),),
            )
        )
        assert http.get(f"/v2/smart_trades/{SMART_TRADE_ID}").status_code == 200
        assert http.get(f"/v2/smart_trades/{SMART_TRADE_ID}").status_code == 429  # locked out
    assert threecommas_faults.counters().requests > 0
    _LEFT.update(
        created=created.json()["id"],
        url=threecommas_server.base_url,
        connection=_keep_alive_connection(threecommas_server.base_url),
        # A client neither closed nor used again by its test: its pool keeps a connection.
        client=httpx.Client(base_url=threecommas_server.base_url, auth=AUTH, timeout=10),
    )
    assert _LEFT["client"].get(f"/v2/smart_trades/{SMART_TRADE_ID}").status_code == 429


def test_server_pair_2_finds_a_fresh_server(
    threecommas_server: RunningServer,
    threecommas_client: ThreeCommas,
    threecommas_faults: Faults,
    threecommas_market: MarketControl,
) -> None:
    if "created" not in _LEFT:
        pytest.skip("checks what test_server_pair_1_leaves_state_behind left (run the module)")
    # Counters, faults and limits before any request of this test.
    assert threecommas_faults.counters().requests == 0
    assert threecommas_faults.config == FaultConfig(time_factor=FIXTURE_TIME_FACTOR)
    assert threecommas_market.snapshot()["prices"] == {}
    assert _LEFT["created"] not in threecommas_server.store
    assert threecommas_client.smart_trades.get(SMART_TRADE_ID).note == SEED_NOTE
    # No lockout, no plan restriction, no injected error: every request goes through.
    for _ in range(3):
        threecommas_client.smart_trades.set_note(SMART_TRADE_ID, "pair 2")
    assert threecommas_client.smart_trades.trades.list(SMART_TRADE_ID)
    counters = threecommas_faults.counters()
    assert counters.requests == 5
    assert set(counters.statuses) <= {200, 201}
    # The connection kept alive in the last test was closed when it ended; its URL is dead.
    assert _closed_by_server(_LEFT.pop("connection"))
    leaked: httpx.Client = _LEFT.pop("client")
    if _LEFT["url"] != threecommas_server.base_url:
        with pytest.raises(httpx.TransportError):
            leaked.get(f"/v2/smart_trades/{SMART_TRADE_ID}")
    leaked.close()


# --- threecommas_server_factory: faults, credentials, recordings -----------------------------


def test_factory_pair_1_leaves_state_behind(
    threecommas_server_factory: Callable[..., RunningServer], tmp_path: Path
) -> None:
    other = threecommas_server_factory(
        FaultConfig(rate_limit=LIMIT),
        api_key="other-key",
        api_secret="other-secret",
        recordings_dir=tmp_path,  # an empty directory: no SmartTrade
    )
    assert len(other.store) == 0
    auth = ThreeCommasAuth("other-key", HmacSigner("other-secret"))
    with httpx.Client(base_url=other.base_url, auth=auth, timeout=10) as http:
        assert http.get(f"/v2/smart_trades/{UNKNOWN_ID}").status_code == 404
        assert http.get(f"/v2/smart_trades/{UNKNOWN_ID}").status_code == 429


def test_factory_pair_2_finds_fresh_servers(
    threecommas_server_factory: Callable[..., RunningServer], threecommas_server: RunningServer
) -> None:
    limited = threecommas_server_factory(FaultConfig(rate_limit=LIMIT))
    assert SMART_TRADE_ID in limited.store  # the shipped recordings again
    with httpx.Client(base_url=limited.base_url, auth=AUTH, timeout=10) as http:
        assert http.get(f"/v2/smart_trades/{SMART_TRADE_ID}").status_code == 200  # no lockout
    other = ThreeCommasAuth("other-key", HmacSigner("other-secret"))
    with httpx.Client(base_url=threecommas_server.base_url, timeout=10) as http:
        assert http.get(f"/v2/smart_trades/{SMART_TRADE_ID}", auth=AUTH).status_code == 200
        assert http.get(f"/v2/smart_trades/{SMART_TRADE_ID}", auth=other).status_code == 401


# --- threecommas_async_client -----------------------------------------------------------------


def test_async_pair_1_leaves_a_note(threecommas_async_client: AsyncThreeCommas) -> None:
    asyncio.run(threecommas_async_client.smart_trades.set_note(SMART_TRADE_ID, "async pair 1"))


def test_async_pair_2_finds_the_seed_note(threecommas_async_client: AsyncThreeCommas) -> None:
    smart_trade = asyncio.run(threecommas_async_client.smart_trades.get(SMART_TRADE_ID))
    assert smart_trade.note == SEED_NOTE


# --- threecommas_app: fresh stores share nothing with the prepared seed -----------------------


def test_app_pair_1_changes_its_store(threecommas_app: Starlette) -> None:
    store = threecommas_app.state.store
    store.perform(
        "set_note", {"id": SMART_TRADE_ID}, body=json.dumps({"note": "app pair 1"}).encode()
    )
    store.put({**seed_body(), "id": 42, "note": "added"})
    assert store.get(SMART_TRADE_ID)["note"] == "app pair 1"


def test_app_pair_2_has_a_fresh_store(threecommas_app: Starlette) -> None:
    store = threecommas_app.state.store
    assert store.get(SMART_TRADE_ID) == create_app().state.store.get(SMART_TRADE_ID)
    assert store.get(SMART_TRADE_ID)["note"] == SEED_NOTE
    assert 42 not in store


# --- ServerHost itself --------------------------------------------------------------------------


def test_a_host_serves_several_apps_at_once_each_on_its_port() -> None:
    first, second = create_app(), create_app()
    with ServerHost() as host, host.serve(first) as one, host.serve(second) as two:
        assert one.base_url != two.base_url
        with httpx.Client(auth=AUTH, timeout=10) as http:
            path = f"/v2/smart_trades/{SMART_TRADE_ID}/set_note"
            answer = http.post(one.base_url + path, json={"note": "only on the first"})
            assert answer.status_code == 201
            assert (
                http.get(f"{two.base_url}/v2/smart_trades/{SMART_TRADE_ID}").json().get("note")
                == SEED_NOTE
            )
        assert first.state.store.get(SMART_TRADE_ID)["note"] == "only on the first"
        assert second.state.faults.counters().requests == 1


def test_a_port_that_serves_no_app_answers_503() -> None:
    from threecommas.testing.server._running import _PortSwitch

    async def ask() -> httpx.Response:
        transport = httpx.ASGITransport(_PortSwitch())  # serves no port at all
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:9") as http:
            return await http.get("/public/api/v2/smart_trades")

    answer = asyncio.run(ask())
    assert answer.status_code == 503
    assert answer.json()["error"] == "service_unavailable"

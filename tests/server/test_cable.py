"""The fake server's SmartTradesChannel stream at /websocket, through a real WebSocket client.

ActionCable's frames (welcome, pings with Unix seconds), the subscription check (the identifier
is a JSON string naming the channel and a user whose signature of `/smart_trades` is valid, in
HMAC and in RSA mode), a message with the full SmartTrade on each status change whatever made
it, and the faults: connections dropped without a closing handshake, pings stopped.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from threecommas import RsaSigner, ThreeCommas
from threecommas.testing import RunningServer
from threecommas.testing.faults import ADMIN_PREFIX, FaultConfig
from threecommas.testing.pytest_plugin import ServerFactory
from threecommas.testing.server import TEST_PRIVATE_KEY_PATH, TEST_PUBLIC_KEY_PATH
from threecommas.testing.simulation import seed_closable_smart_trades

#: Pings this often in these tests (the real beat is 3 s).
PING = 0.05
WAIT = 5.0  # the longest any frame that must come is waited for


@pytest.fixture
def server(threecommas_server_factory: ServerFactory) -> RunningServer:
    return threecommas_server_factory(stream_ping_interval=PING)


def hmac_identifier(api_key: str, secret: str, *, channel: str = "SmartTradesChannel") -> str:
    signature = hmac.new(secret.encode(), b"/smart_trades", hashlib.sha256).hexdigest()
    users = [{"api_key": api_key, "signature": signature}]
    return json.dumps({"channel": channel, "users": users})


def identifier_of(server: RunningServer) -> str:
    assert server.api_secret is not None
    return hmac_identifier(server.api_key, server.api_secret)


@contextmanager
def cable(server: RunningServer) -> Iterator[ClientConnection]:
    with connect(server.stream_url, open_timeout=WAIT, close_timeout=1) as ws:
        assert json.loads(ws.recv(timeout=WAIT)) == {"type": "welcome"}
        yield ws


def frame(ws: ClientConnection, *, pings: bool = False) -> dict[str, Any]:
    """The next message (pings skipped unless asked for), within WAIT seconds."""
    deadline = time.monotonic() + WAIT
    while True:
        message: dict[str, Any] = json.loads(ws.recv(timeout=deadline - time.monotonic()))
        if pings or message.get("type") != "ping":
            return message


def subscribe(ws: ClientConnection, identifier: Any) -> dict[str, Any]:
    ws.send(json.dumps({"command": "subscribe", "identifier": identifier}))
    return frame(ws)


def test_welcome_then_a_ping_every_interval_with_unix_seconds(server: RunningServer) -> None:
    assert server.stream_url.startswith("ws://127.0.0.1:") and server.stream_url.endswith(
        "/websocket"
    )
    with cable(server) as ws:
        first, second = frame(ws, pings=True), frame(ws, pings=True)
    for ping in (first, second):
        assert ping["type"] == "ping"
        assert isinstance(ping["message"], int) and abs(ping["message"] - time.time()) < 60
    assert server.stream.counters()["pings"] >= 2


def test_a_rightly_signed_subscription_is_confirmed_with_the_same_identifier_string(
    server: RunningServer,
) -> None:
    identifier = identifier_of(server)
    with cable(server) as ws:
        answer = subscribe(ws, identifier)
    assert answer == {"identifier": identifier, "type": "confirm_subscription"}
    assert server.stream.counters()["subscriptions"] == 1


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda s: hmac_identifier(s.api_key, "not-the-secret"), id="bad-signature"),
        pytest.param(lambda s: hmac_identifier("unknown-key", s.api_secret), id="unknown-key"),
        pytest.param(lambda s: json.loads(identifier_of(s)), id="identifier-as-object"),
        pytest.param(
            lambda s: hmac_identifier(s.api_key, s.api_secret, channel="DealsChannel"),
            id="other-channel",
        ),
        pytest.param(lambda s: json.dumps({"channel": "SmartTradesChannel"}), id="no-users"),
        pytest.param(lambda s: "{not json", id="not-json"),
    ],
)
def test_a_wrong_subscription_is_rejected(server: RunningServer, make: Any) -> None:
    identifier = make(server)
    with cable(server) as ws:
        answer = subscribe(ws, identifier)
    assert answer == {"identifier": identifier, "type": "reject_subscription"}
    assert server.stream.counters()["rejections"] == 1


def test_rsa_mode_takes_the_private_keys_signature_and_refuses_an_hmac_one(
    threecommas_server_factory: ServerFactory,
) -> None:
    server = threecommas_server_factory(
        public_key_pem=TEST_PUBLIC_KEY_PATH.read_bytes(), stream_ping_interval=PING
    )
    signature = RsaSigner(TEST_PRIVATE_KEY_PATH.read_bytes()).sign(b"/smart_trades")
    good = json.dumps(
        {
            "channel": "SmartTradesChannel",
            "users": [{"api_key": server.api_key, "signature": signature}],
        }
    )
    with cable(server) as ws:
        assert subscribe(ws, good)["type"] == "confirm_subscription"
    with cable(server) as ws:
        hmac_one = hmac_identifier(server.api_key, "threecommas-test-secret")
        assert subscribe(ws, hmac_one)["type"] == "reject_subscription"


def test_every_status_change_is_sent_with_the_smart_trade_as_get_returns_it(
    server: RunningServer,
) -> None:
    """A close by market, then a cancel, through the API: one message each, in order, to the
    subscribed connection only; a change that leaves the status alone (a note) sends nothing."""
    (first, _), (second, _) = seed_closable_smart_trades(server.store, 2, steps=2)
    identifier = identifier_of(server)
    with (
        cable(server) as ws,
        cable(server) as bystander,
        ThreeCommas(server.api_key, server.api_secret, base_url=server.base_url) as client,
    ):
        assert subscribe(ws, identifier)["type"] == "confirm_subscription"
        client.smart_trades.set_note(first, "no status change")
        closed = client.smart_trades.close_by_market(first)
        message = frame(ws)
        assert message["identifier"] == identifier
        assert message["message"] == server.store.get(first)
        assert message["message"]["status"]["basic_type"] == closed.status.basic_type
        assert message["message"]["note"] == "no status change"

        cancelled = client.smart_trades.cancel(second)
        message = frame(ws)
        assert message["message"]["id"] == second
        assert message["message"]["status"]["basic_type"] == cancelled.status.basic_type
        # Never subscribed: only pings.
        assert frame(bystander, pings=True)["type"] == "ping"
    assert server.stream.counters()["messages"] == 2


def test_a_status_change_made_by_the_market_from_another_thread_is_sent(
    server: RunningServer,
) -> None:
    with (
        cable(server) as ws,
        ThreeCommas(server.api_key, server.api_secret, base_url=server.base_url) as client,
    ):
        assert subscribe(ws, identifier_of(server))["type"] == "confirm_subscription"
        server.market.set_price("USDT_ADA", "0.1")
        created = client.smart_trades.create(
            account_id=32402783,
            pair="USDT_ADA",
            position={"type": "buy", "order_type": "market", "units": {"value": "100"}},
            stop_loss={
                "enabled": True,
                "order_type": "market",
                "conditional": {"price": {"type": "last", "value": "0.08"}},
            },
        )
        # The market entry fills as it is created: its first message shows it entered.
        assert frame(ws)["message"]["status"]["basic_type"] == "waiting_targets"
        server.market.set_price("USDT_ADA", "0.07")  # the stop loss: finished
        message = frame(ws)["message"]
        assert (message["id"], message["status"]["basic_type"]) == (created.id, "finished")


def test_dropped_connections_close_without_a_handshake_and_new_ones_work(
    server: RunningServer,
) -> None:
    with cable(server) as ws:
        assert subscribe(ws, identifier_of(server))["type"] == "confirm_subscription"
        assert server.stream.drop_connections() == 1
        with pytest.raises(ConnectionClosed) as closed:
            while True:
                ws.recv(timeout=WAIT)
        assert closed.value.rcvd is None  # no close frame: the client's 1006
    with cable(server) as ws:
        assert subscribe(ws, identifier_of(server))["type"] == "confirm_subscription"
    assert server.stream.counters()["dropped"] == 1


@pytest.mark.slow
def test_stopped_pings_leave_the_connection_open_and_silent_until_resumed(
    server: RunningServer,
) -> None:
    (smart_trade_id, _), *_ = seed_closable_smart_trades(server.store, 1, steps=1)
    with (
        cable(server) as ws,
        ThreeCommas(server.api_key, server.api_secret, base_url=server.base_url) as client,
    ):
        assert subscribe(ws, identifier_of(server))["type"] == "confirm_subscription"
        server.stream.stop_pings()
        time.sleep(PING)  # a ping already on its way may still arrive
        while True:
            try:
                ws.recv(timeout=20 * PING)
            except TimeoutError:
                break
        client.smart_trades.close_by_market(smart_trade_id)  # withheld: lost
        with pytest.raises(TimeoutError):
            ws.recv(timeout=20 * PING)
        server.stream.resume_pings()
        assert frame(ws, pings=True)["type"] == "ping"
    assert server.stream.counters()["messages"] == 0


def test_the_admin_api_drops_connections_and_stops_and_resumes_pings(
    server: RunningServer,
) -> None:
    admin = server.base_url.split("/public/api")[0] + ADMIN_PREFIX
    with cable(server) as ws, httpx.Client(base_url=admin) as http:
        assert http.put("/stream/pings", json={"enabled": False}).json()["pings"] is False
        assert server.stream.pings_stopped
        assert http.put("/stream/pings", json={"enabled": "no"}).status_code == 400
        assert http.put("/stream/pings", json={"enabled": True}).json()["pings"] is True
        assert not server.stream.pings_stopped
        assert http.post("/stream/drop").json() == {"dropped": 1}
        with pytest.raises(ConnectionClosed):
            while True:
                ws.recv(timeout=WAIT)
        state = http.get("/stream").json()
        assert state["counters"]["connections"] == 1 and state["counters"]["dropped"] == 1
        http.post("/reset")
        assert http.get("/stream").json()["counters"]["dropped"] == 0


@pytest.mark.slow
def test_a_market_that_follows_the_real_time_moves_trades_with_no_request(
    threecommas_server_factory: ServerFactory,
) -> None:
    """A real-time market (a virtual second per real millisecond) reaching a stop loss while
    the client sends nothing: the channel catches the market up and sends the change."""
    server = threecommas_server_factory(
        FaultConfig(time_factor=0.001), market_real_time=True, stream_ping_interval=PING
    )
    pair = "USDT_XRP"
    server.market.set_price(pair, "0.1")
    with (
        cable(server) as ws,
        ThreeCommas(server.api_key, server.api_secret, base_url=server.base_url) as client,
    ):
        assert subscribe(ws, identifier_of(server))["type"] == "confirm_subscription"
        created = client.smart_trades.create(
            account_id=32402783,
            pair=pair,
            position={"type": "buy", "order_type": "market", "units": {"value": "100"}},
            stop_loss={
                "enabled": True,
                "order_type": "market",
                "conditional": {"price": {"type": "last", "value": "0.08"}},
            },
        )
        server.market.play({"pair": pair, "points": [[0, "0.1"], [300, "0.07"]]})
        statuses = []
        while not statuses or statuses[-1] != "finished":
            message = frame(ws)["message"]
            assert message["id"] == created.id
            statuses.append(message["status"]["basic_type"])
    assert statuses[-2:] == ["waiting_targets", "finished"]

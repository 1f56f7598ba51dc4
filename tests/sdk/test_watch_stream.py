"""`watch(source="websocket")` against the live fake server, over a real WebSocket on loopback.

* The scenario of `test_watch_market.py` (three SmartTrades: two take-profit steps filled one
  after the other, a stop loss, a close by market mid-way), with the stream's connections
  DROPPED after the entries and its pings STOPPED while the bot closes one by market: every
  status and step change is still reported, in order (REST re-syncs after each new
  subscription, sweeps for the steps), and the client did reconnect after each fault. Sync and
  async.
* The stream is used, not only the sweeps: with sweeps a minute apart, a stop loss hit while
  subscribed comes as an event (one read request in all: the re-sync after subscribing), and
  one hit while the connection was dropped comes with the re-sync after the next subscription
  (a second read).
* A refused subscription ends the watch with `StreamRejectedError` (no reconnection loop).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from websockets.sync.server import ServerConnection, serve

from threecommas import (
    AsyncThreeCommas,
    RateLimit,
    SmartTrade,
    SmartTradeEvent,
    StreamError,
    StreamRejectedError,
    ThreeCommas,
)
from threecommas._signing import HmacSigner
from threecommas._stream import stream_signature
from threecommas.testing.pytest_plugin import ServerFactory
from threecommas.testing.server import RunningServer
from threecommas.testing.simulation import seed_closable_smart_trades

from .test_watch_market import CLOSED, EXPECTED, STOP_LOSS, TAKE_PROFIT, Bot, body, state

pytestmark = pytest.mark.slow

#: The server pings this often; the client takes STALE s of silence for a dead connection.
PING = 0.05
STALE = 0.3
STREAM: dict[str, Any] = {"stale_after": STALE, "reconnect_initial": 0.05, "reconnect_max": 0.2}
#: Where no staleness is wanted: a loaded machine cannot make a spurious reconnection.
STEADY: dict[str, Any] = {**STREAM, "stale_after": 5.0}
#: A sweep every 6 / (100 * 0.5) s per request: the steps are seen quickly.
FAST = RateLimit(100, 6)
#: With budget_share=0.01, a sweep every 600 / (1000 * 0.01) = 60 s and at most 10 requests in
#: 600 s: within a 30 s watch only the stream (and the re-syncs) can report a change.
SLOW = RateLimit(1000, 600)


@pytest.fixture
def server(threecommas_server_factory: ServerFactory) -> RunningServer:
    return threecommas_server_factory(stream_ping_interval=PING)


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


class FaultyBot(Bot):
    """The bot of `test_watch_market.py`, with the stream's faults in the middle: the
    connections are dropped just before the market moves the first time; once the client has
    subscribed again, a helper thread stops the pings (as the bot closes a SmartTrade by
    market), then resumes them (and makes the last market move) once the client has noticed
    and opened a new connection."""

    def __init__(self, server: RunningServer, ids: dict[str, int]) -> None:
        super().__init__(server, ids)
        self.helper: threading.Thread | None = None
        self.failure: BaseException | None = None

    def _move(self) -> None:
        stream, latest = self.server.stream, self.latest
        if self.stage == 0 and len(latest) == 3:
            wait_until(lambda: stream.counters()["subscriptions"] >= 1, "the first subscription")
            assert stream.drop_connections() >= 1
        if (
            self.stage == 1
            and latest[TAKE_PROFIT][1][0] == "finished"
            and latest[CLOSED][1][0] == "finished"
        ):
            # The client may not have subscribed again since the drop yet (the sync one is
            # single-threaded: it reconnects while asked for the next event), so the helper
            # waits for that before it silences the stream.
            self.helper = threading.Thread(target=self._silence_then_resume)
            self.helper.start()
        if self.stage == 2:
            return  # the helper makes the last move
        super()._move()

    def _silence_then_resume(self) -> None:
        server, stream = self.server, self.server.stream
        try:
            wait_until(lambda: stream.counters()["subscriptions"] >= 2, "the re-subscription")
            stream.stop_pings()
            opened = stream.counters()["connections"]
            wait_until(lambda: stream.counters()["connections"] > opened, "a new connection")
            wait_until(lambda: self.latest[CLOSED][0] == "finished", "the close by market")
            stream.resume_pings()
            server.market.advance(60)
            server.market.set_price(TAKE_PROFIT, "0.15")  # the second step fills
            server.market.set_price(STOP_LOSS, "0.08")  # the stop loss
            self.stage = 3
        except BaseException as exc:
            self.failure = exc
            stream.resume_pings()

    def finish(self) -> None:
        if self.helper is not None:
            self.helper.join(10)
        if self.failure is not None:
            raise self.failure


def start(server: RunningServer) -> None:
    for pair in EXPECTED:
        server.market.set_price(pair, "0.1")


def check(bot: FaultyBot) -> None:
    bot.finish()
    assert bot.stage == 3
    assert bot.seen == EXPECTED
    counters = bot.server.stream.counters()
    assert counters["dropped"] >= 1
    # The first, one after the drop, one after the silence (opened while it lasted).
    assert counters["connections"] >= 3
    assert counters["subscriptions"] >= 2


def test_no_change_is_lost_through_a_dropped_connection_and_stopped_pings(
    server: RunningServer,
) -> None:
    start(server)
    with ThreeCommas(
        server.api_key, server.api_secret, base_url=server.base_url, rate_limit=FAST
    ) as client:
        ids = {pair: client.smart_trades.create(**body(pair)).id for pair in EXPECTED}
        bot = FaultyBot(server, ids)
        watch = client.smart_trades.watch(
            list(ids.values()), source="websocket", budget_share=0.5, duration=30, **STREAM
        )
        for event in watch:
            bot.saw(event)
            if bot.wants_close is not None:
                client.smart_trades.close_by_market(bot.wants_close)
                bot.wants_close = None
    check(bot)


def test_the_same_with_the_async_client(server: RunningServer) -> None:
    start(server)

    async def run() -> FaultyBot:
        async with AsyncThreeCommas(
            server.api_key, server.api_secret, base_url=server.base_url, rate_limit=FAST
        ) as client:
            created = [await client.smart_trades.create(**body(pair)) for pair in EXPECTED]
            bot = FaultyBot(server, {st.pair: st.id for st in created})
            watch = client.smart_trades.watch(
                [st.id for st in created],
                source="websocket",
                budget_share=0.5,
                duration=30,
                **STREAM,
            )
            async for event in watch:
                # The bot may wait for the server: off the loop, which must go on reading.
                await asyncio.to_thread(bot.saw, event)
                if bot.wants_close is not None:
                    await client.smart_trades.close_by_market(bot.wants_close)
                    bot.wants_close = None
            return bot

    check(asyncio.run(run()))


def reads(server: RunningServer) -> int:
    """The `list` and `get` requests the server received (a sweep costs one here)."""
    received = server.app.state.faults.counters().received
    return sum(
        n for key, n in received.items() if key[0] in ("list_smart_trades", "get_smart_trade")
    )


def test_status_changes_come_from_the_stream_and_the_resync_not_from_sweeps(
    server: RunningServer,
) -> None:
    """Sweeps 600 s apart, a 30 s watch: the first stop loss is hit while subscribed (the
    stream reports it), the second while the connection is dropped (the re-sync after the next
    subscription reports it). Two reads in all: the two re-syncs."""
    first_pair, second_pair = "USDT_XRP", "USDT_TRX"
    start(server)
    with ThreeCommas(
        server.api_key, server.api_secret, base_url=server.base_url, rate_limit=SLOW
    ) as client:
        first = client.smart_trades.create(**body(first_pair)).id
        second = client.smart_trades.create(**body(second_pair)).id
        seen: list[tuple[int, str]] = []
        watch = client.smart_trades.watch(
            [first, second], source="websocket", budget_share=0.01, duration=30, **STEADY
        )
        for event in watch:
            seen.append((event.id, event.status))
            if len(seen) == 2:  # both seen waiting for targets: the first stop loss
                server.market.set_price(first_pair, "0.08")
            elif event.id == first and event.finished:
                assert server.stream.drop_connections() == 1
                server.market.set_price(second_pair, "0.08")  # while disconnected
    assert sorted(seen[:2]) == sorted([(first, "waiting_targets"), (second, "waiting_targets")])
    assert seen[2:] == [(first, "finished"), (second, "finished")]
    assert reads(server) == 2
    counters = server.stream.counters()
    assert counters["messages"] >= 1 and counters["subscriptions"] == 2


def test_the_async_client_takes_the_stream_message_too(
    server: RunningServer, caplog: pytest.LogCaptureFixture
) -> None:
    """Also: with every logger at DEBUG, neither the key, nor the secret, nor the signature is
    logged (the websockets library would trace the subscription frame)."""
    caplog.set_level(logging.DEBUG)
    pair = "USDT_XRP"
    start(server)

    async def run() -> list[SmartTradeEvent]:
        async with AsyncThreeCommas(
            server.api_key, server.api_secret, base_url=server.base_url, rate_limit=SLOW
        ) as client:
            smart_trade_id = (await client.smart_trades.create(**body(pair))).id
            events = []
            watch = client.smart_trades.watch(
                smart_trade_id, source="websocket", budget_share=0.01, duration=30, **STEADY
            )
            async for event in watch:
                events.append(event)
                if len(events) == 1:
                    await asyncio.to_thread(server.market.set_price, pair, "0.08")
            return events

    events = asyncio.run(run())
    assert server.api_secret is not None
    signature = stream_signature(HmacSigner(server.api_secret))
    # The SDK's records (the server's own uvicorn trace is the test server's business).
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("threecommas"))
    assert "stream: connected to ws://" in logged
    for secret in (server.api_key, server.api_secret, signature[:12], signature[-12:]):
        assert secret not in logged
    assert [e.status for e in events] == ["waiting_targets", "finished"]
    assert events[1].previous is not None and events[1].changes["status"].old == "waiting_targets"
    assert reads(server) == 1


def _hit_stop_loss_once_subscribed(server: RunningServer, pair: str, subscribed: int) -> None:
    wait_until(lambda: server.stream.counters()["subscriptions"] > subscribed, "a subscription")
    server.market.set_price(pair, "0.08")


def test_wait_for_on_the_stream_returns_when_the_stream_reports_the_end(
    server: RunningServer,
) -> None:
    """Sweeps 600 s apart: `wait_for(source="websocket")` returns the finished SmartTrade as
    the stream reports its stop loss, after one read (the re-sync after subscribing). Sync and
    async."""
    pair = "USDT_XRP"
    start(server)
    with ThreeCommas(
        server.api_key, server.api_secret, base_url=server.base_url, rate_limit=SLOW
    ) as client:
        smart_trade_id = client.smart_trades.create(**body(pair)).id
        mover = threading.Thread(
            target=_hit_stop_loss_once_subscribed, args=(server, pair, 0), daemon=True
        )
        mover.start()
        done = client.smart_trades.wait_for(
            smart_trade_id, source="websocket", budget_share=0.01, timeout=30, **STEADY
        )
        mover.join(10)
    assert done.id == smart_trade_id and done.status.basic_type == "finished"
    assert reads(server) == 1
    assert server.stream.counters()["messages"] >= 1

    async def run() -> SmartTrade:
        async with AsyncThreeCommas(
            server.api_key, server.api_secret, base_url=server.base_url, rate_limit=SLOW
        ) as client:
            smart_trade_id = (await client.smart_trades.create(**body("USDT_TRX"))).id
            subscribed = server.stream.counters()["subscriptions"]
            mover = asyncio.to_thread(
                _hit_stop_loss_once_subscribed, server, "USDT_TRX", subscribed
            )
            waiting = client.smart_trades.wait_for(
                smart_trade_id,
                "finished",
                source="websocket",
                budget_share=0.01,
                timeout=30,
                **STEADY,
            )
            done, _ = await asyncio.gather(waiting, mover)
            return done

    done = asyncio.run(run())
    assert done.status.basic_type == "finished" and done.pair == "USDT_TRX"
    assert reads(server) == 2  # one more: the async watch's re-sync


def test_a_refused_subscription_raises_and_does_not_reconnect(server: RunningServer) -> None:
    with ThreeCommas(server.api_key, "not-the-secret", base_url=server.base_url) as client:
        watch = client.smart_trades.watch(source="websocket", duration=30, **STEADY)
        with pytest.raises(StreamRejectedError, match="reject_subscription") as raised:
            next(iter(watch))
    assert "not-the-secret" not in str(raised.value)

    async def run() -> None:
        async with AsyncThreeCommas(
            server.api_key, "not-the-secret", base_url=server.base_url
        ) as client:
            watch = client.smart_trades.watch(source="websocket", duration=30, **STEADY)
            with pytest.raises(StreamRejectedError):
                await anext(aiter(watch))

    asyncio.run(run())
    counters = server.stream.counters()
    assert counters["connections"] == 2 and counters["rejections"] == 2


def test_events_match_polling_semantics_max_events_and_initial(server: RunningServer) -> None:
    start(server)
    with ThreeCommas(server.api_key, server.api_secret, base_url=server.base_url) as client:
        smart_trade_id = client.smart_trades.create(**body("USDT_XRP")).id
        client.smart_trades.get(smart_trade_id)  # the entry fills
        one = list(
            client.smart_trades.watch(
                smart_trade_id, source="websocket", max_events=1, duration=30, **STEADY
            )
        )
        assert [(e.id, e.previous) for e in one] == [(smart_trade_id, None)]
        assert state(one[0].smart_trade)[0] == "waiting_targets"
        quiet = list(
            client.smart_trades.watch(
                smart_trade_id, source="websocket", initial=False, duration=1, **STEADY
            )
        )
        assert quiet == []


def test_cli_watch_source_websocket_prints_each_change(
    threecommas_server: RunningServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`threecommas smart-trades watch --source websocket`, sweeps 2.4 s apart: the two status
    changes, each made once the client has read the one before, come one line each."""
    import threecommas.cli as cli

    from .test_watch import Observed, cli_against, finish_as_read

    server = threecommas_server
    [(a, (step,))] = seed_closable_smart_trades(server.store, 1, 1)
    observed = Observed(a)
    cli_against(server, monkeypatch, observed, SLOW)
    # Subscribed before the first move: each change then comes as the stream's hint.
    subscribed = lambda: server.stream.counters()["subscriptions"] >= 1  # noqa: E731
    mover = finish_as_read(server.store, observed, step, subscribed)
    argv = ["smart-trades", "watch", "--id", str(a), "--until", "finished", "--format", "json"]
    argv += ["--base-url", server.base_url, "--source", "websocket"]
    try:
        assert cli.main(argv) == 0
    finally:
        mover.join()
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(e["id"], e["previous_status"], e["status"]) for e in events] == [
        (a, None, "waiting_targets"),
        (a, "waiting_targets", "panic_sell_pending"),
        (a, "panic_sell_pending", "cancelled"),
    ]
    assert server.stream.counters()["messages"] >= 1


class ScriptedCable:
    """A tiny ActionCable server of its own (a real WebSocket server on loopback) whose
    connections play `scripts` in turn: what to send after confirming the subscription."""

    def __init__(self, scripts: list[list[dict[str, Any]]]) -> None:
        self.scripts = scripts
        self.connections = 0
        self.confirmed = 0
        self._server = serve(self._handle, "127.0.0.1", 0)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.socket.getsockname()[:2]
        return f"ws://{host}:{port}/websocket"

    def __enter__(self) -> ScriptedCable:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._thread.join(5)

    def _handle(self, ws: ServerConnection) -> None:
        script = self.scripts[min(self.connections, len(self.scripts) - 1)]
        self.connections += 1
        ws.send(json.dumps({"type": "welcome"}))
        command = json.loads(ws.recv(timeout=5))
        ws.send(json.dumps({"identifier": command["identifier"], "type": "confirm_subscription"}))
        self.confirmed += 1
        for message in script:
            ws.send(json.dumps(message))
        with contextlib.suppress(Exception):
            while True:  # pings until the client leaves
                ws.send(json.dumps({"type": "ping", "message": int(time.time())}))
                time.sleep(PING)


def test_a_disconnect_that_invites_a_reconnection_is_followed_by_one_and_a_resync(
    threecommas_server: RunningServer,
) -> None:
    server = threecommas_server
    restart = [{"type": "disconnect", "reason": "server_restart", "reconnect": True}]
    with (
        ScriptedCable([restart, []]) as cable,
        ThreeCommas(
            server.api_key, server.api_secret, base_url=server.base_url, stream_url=cable.url
        ) as client,
    ):
        events = list(
            client.smart_trades.watch(
                12345678,
                source="websocket",
                stop=lambda: reads(server) >= 2,  # the resync after the second subscription
                duration=10,
                **STEADY,
            )
        )
    assert cable.connections == cable.confirmed == 2
    assert [(e.id, e.previous) for e in events] == [(12345678, None)]  # the resync: no repeat
    assert reads(server) == 2  # a resync after each subscription


@pytest.mark.parametrize(
    ("reason", "error"),
    [("unauthorized", StreamRejectedError), ("remote", StreamError)],
)
def test_a_disconnect_that_forbids_reconnecting_ends_the_watch(
    threecommas_server: RunningServer, reason: str, error: type[Exception]
) -> None:
    server = threecommas_server
    final = [{"type": "disconnect", "reason": reason, "reconnect": False}]
    with (
        ScriptedCable([final]) as cable,
        ThreeCommas(
            server.api_key, server.api_secret, base_url=server.base_url, stream_url=cable.url
        ) as client,
    ):
        watch = client.smart_trades.watch(12345678, source="websocket", initial=False, **STEADY)
        with pytest.raises(error, match=reason):
            next(iter(watch))
    assert cable.connections == 1

"""What `watch` and `wait_for` promise when the user gets something wrong, or the API's answers
come out of order: an id the API does not know raises `NotFoundError` naming it (polling and
the stream, the SDK and the command line), a status `wait_for` cannot know is refused at the
call, and a sweep older than what the stream reported is no change."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, get_args

import httpx
import pytest

from threecommas import (
    AsyncThreeCommas,
    NotFoundError,
    RateLimit,
    ThreeCommas,
    ThreeCommasError,
)
from threecommas.testing import RunningServer
from threecommas.testing.pytest_plugin import ServerFactory
from threecommas.testing.simulation import seed_closable_smart_trades

from .test_types import run_mypy

# 100 requests per 6 s: a one-page sweep at the default 25 % then comes every 0.24 s.
FAST = RateLimit(100, 6.0)
UNKNOWN = 999999
#: No reconnection, and the first sweep waits for the subscription (up to `stale_after`): a
#: loaded machine cannot make it sweep before subscribing.
STEADY: dict[str, Any] = {"stale_after": 20.0, "reconnect_initial": 0.05, "reconnect_max": 0.2}


def _client(server: RunningServer) -> ThreeCommas:
    return ThreeCommas(server.api_key, server.api_secret, base_url=server.base_url, rate_limit=FAST)


def _async_client(server: RunningServer) -> AsyncThreeCommas:
    return AsyncThreeCommas(
        server.api_key, server.api_secret, base_url=server.base_url, rate_limit=FAST
    )


# --- An id the API does not know ----------------------------------------------------------------


@pytest.mark.slow
def test_watching_an_unknown_id_raises_not_found_naming_it(
    threecommas_server: RunningServer,
) -> None:
    with _client(threecommas_server) as client:
        with pytest.raises(NotFoundError, match=f"SmartTrade {UNKNOWN} not found") as raised:
            list(client.smart_trades.watch([UNKNOWN], duration=30))
        assert raised.value.status_code == 404
        assert raised.value.path.endswith(f"/smart_trades/{UNKNOWN}")


@pytest.mark.slow
def test_unknown_ids_among_known_ones_raise_before_any_event(
    threecommas_server: RunningServer,
) -> None:
    """The user mistyped: the first sweep names every unknown id and yields nothing, not even
    the known SmartTrade it found (listed, so the unknown ones are read one by one)."""
    [(known, _)] = seed_closable_smart_trades(threecommas_server.store, 1, 1)
    events = []
    with _client(threecommas_server) as client:
        watch = client.smart_trades.watch([UNKNOWN, known, UNKNOWN - 1], duration=30)
        with pytest.raises(NotFoundError, match=f"SmartTrades {UNKNOWN}, {UNKNOWN - 1} not found"):
            for event in watch:
                events.append(event)
    assert events == []


@pytest.mark.slow
def test_the_async_watch_and_wait_for_raise_not_found_too(
    threecommas_server: RunningServer,
) -> None:
    async def run() -> None:
        async with _async_client(threecommas_server) as client:
            with pytest.raises(NotFoundError, match=str(UNKNOWN)):
                async for _ in client.smart_trades.watch(UNKNOWN, duration=30):
                    pass
            with pytest.raises(NotFoundError, match=str(UNKNOWN)):
                await client.smart_trades.wait_for(UNKNOWN, timeout=30)

    asyncio.run(run())
    with (
        _client(threecommas_server) as client,
        pytest.raises(NotFoundError, match=f"SmartTrade {UNKNOWN} not found"),
    ):
        client.smart_trades.wait_for(UNKNOWN, "waiting_targets", timeout=30)


@pytest.mark.slow
def test_the_stream_watch_and_wait_for_raise_not_found_on_their_first_sweep(
    threecommas_server_factory: ServerFactory,
) -> None:
    server = threecommas_server_factory(stream_ping_interval=0.05)
    with _client(server) as client:
        watch = client.smart_trades.watch([UNKNOWN], source="websocket", duration=60, **STEADY)
        with pytest.raises(NotFoundError, match=f"SmartTrade {UNKNOWN} not found"):
            list(watch)
        with pytest.raises(NotFoundError, match=str(UNKNOWN)):
            client.smart_trades.wait_for(UNKNOWN, source="websocket", timeout=60, **STEADY)

    async def run() -> None:
        async with _async_client(server) as client:
            watch = client.smart_trades.watch(UNKNOWN, source="websocket", duration=60, **STEADY)
            with pytest.raises(NotFoundError, match=str(UNKNOWN)):
                async for _ in watch:
                    pass

    asyncio.run(run())
    assert server.stream.counters()["subscriptions"] == 3  # each failed on its first sweep


@pytest.mark.slow
def test_wait_for_a_smart_trade_that_vanishes_says_so_and_does_not_claim_a_timeout(
    threecommas_server: RunningServer,
) -> None:
    """Seen once, then answered 404 (the store forgets it while the condition is looked at):
    not the `TimeoutError` of a timeout that never came."""
    store = threecommas_server.store
    [(smart_trade_id, _)] = seed_closable_smart_trades(store, 1, 1)

    def forget(smart_trade: Any) -> bool:
        store.reset()  # back to the recordings: the seeded SmartTrade is gone
        return False

    with (
        _client(threecommas_server) as client,
        pytest.raises(ThreeCommasError, match=f"{smart_trade_id} is no longer found") as raised,
    ):
        client.smart_trades.wait_for(smart_trade_id, forget, timeout=30)
    assert not isinstance(raised.value, TimeoutError)


@pytest.mark.slow
@pytest.mark.parametrize("source", ["poll", "websocket"])
def test_cli_watch_of_an_unknown_id_says_so_and_exits_1(
    threecommas_server_factory: ServerFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    source: str,
) -> None:
    import threecommas.cli as cli

    server = threecommas_server_factory(stream_ping_interval=0.05)
    monkeypatch.setenv("THREE_COMMAS_API_KEY", server.api_key)
    monkeypatch.setenv("THREE_COMMAS_API_SECRET", server.api_secret or "")
    monkeypatch.delenv("THREE_COMMAS_PRIVATE_KEY_FILE", raising=False)
    argv = ["smart-trades", "watch", "--id", str(UNKNOWN), "--base-url", server.base_url]
    assert cli.main([*argv, "--source", source]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith(f"threecommas: SmartTrade {UNKNOWN} not found")


# --- The statuses wait_for can wait for ---------------------------------------------------------


def _refusing_transport(sent: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    return httpx.MockTransport(handler)


def test_a_misspelt_status_is_refused_at_the_call_listing_the_valid_ones() -> None:
    sent: list[httpx.Request] = []
    http = httpx.Client(transport=_refusing_transport(sent))
    with http, ThreeCommas("key", "secret", http_client=http) as client:
        with pytest.raises(ValueError, match="'finshed'") as raised:
            client.smart_trades.wait_for(1, "finshed", timeout=5)  # type: ignore[arg-type]
        for status in ("finished", "waiting_targets", "cancelled", "failed"):
            assert f"'{status}'" in str(raised.value)
        with pytest.raises(ValueError, match="until"):
            client.smart_trades.wait_for(1, "")  # type: ignore[arg-type]

    async def run() -> None:
        async_http = httpx.AsyncClient(transport=_refusing_transport(sent))
        async with async_http, AsyncThreeCommas("key", "secret", http_client=async_http) as client:
            with pytest.raises(ValueError, match="finshed"):
                await client.smart_trades.wait_for(1, "finshed")  # type: ignore[arg-type]

    asyncio.run(run())
    assert sent == []


@pytest.mark.slow
def test_the_statuses_are_a_literal_type_that_mypy_checks(tmp_path: Path) -> None:
    from threecommas import WaitStatus
    from threecommas._watch import FINAL_STATUSES, WAIT_STATUSES

    assert set(get_args(WaitStatus)) == WAIT_STATUSES
    assert FINAL_STATUSES <= WAIT_STATUSES and "waiting_targets" in WAIT_STATUSES
    program = tmp_path / "typo.py"
    program.write_text(
        "from threecommas import ThreeCommas\n"
        "client = ThreeCommas('k', 's')\n"
        "client.smart_trades.wait_for(1, 'waiting_targets')\n"
        "client.smart_trades.wait_for(1, 'finshed')\n"
    )
    result = run_mypy([program])
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1 and ":4:" in errors[0] and "finshed" in errors[0], result.stdout


# --- A sweep older than the stream ---------------------------------------------------------------


def _smart_trade(status: str, updated_at: str) -> Any:
    from tests.seed import seed_response
    from threecommas_api.models.smart_trade import SmartTrade

    data = seed_response()
    data["status"] = {"type": status, "basic_type": status, "title": status}
    data["data"]["updated_at"] = updated_at
    return SmartTrade.from_dict(data)


class _LaggingSmartTrades:
    """`client.smart_trades` as the watch uses it, answering what `now` holds: a list of the
    active one (its `get` the same)."""

    def __init__(self) -> None:
        self.now: Any = None

    def list(self, **_: Any) -> list[Any]:
        return [self.now]

    def get(self, smart_trade_id: int, **_: Any) -> Any:
        return self.now


def test_a_sweep_older_than_the_stream_reports_no_change_back_in_time() -> None:
    from threecommas._sync.resources._watch import Watch
    from threecommas._types import NOT_GIVEN
    from threecommas._watch import WatchPlan

    smart_trades = _LaggingSmartTrades()
    plan = WatchPlan.checked(FAST, None, "websocket", 1.0, True, None, None, None)
    watch = Watch(smart_trades, plan, NOT_GIVEN, NOT_GIVEN)  # type: ignore[arg-type]
    smart_trades.now = _smart_trade("waiting_targets", "2026-12-06T10:00:00.000Z")
    [first] = watch.sweep_events()
    pushed = _smart_trade("panic_sell_pending", "2026-12-06T10:00:05.000Z")
    [closing] = watch.streamed_events(pushed)
    assert (first.status, closing.status) == ("waiting_targets", "panic_sell_pending")
    # A list answered from before the stream's message: nothing went back in time.
    smart_trades.now = _smart_trade("waiting_targets", "2026-12-06T10:00:03.000Z")
    assert watch.sweep_events() == []
    # A newer one is a change again, against what the stream reported.
    smart_trades.now = _smart_trade("cancelled", "2026-12-06T10:00:09.000Z")
    [ended] = watch.sweep_events()
    assert ended.previous_status == "panic_sell_pending" and ended.status == "cancelled"

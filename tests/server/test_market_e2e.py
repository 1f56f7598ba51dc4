"""A bot tested end to end on the simulated market: the SDK against a live server, polling with
``get`` while the market moves.

Five SmartTrades, each on a pair of its own so that each follows its own prices: two limit
take-profit steps filled in turn, a stop loss met, a close by market mid-way, a limit entry
never reached, a trailing take profit fired on the retrace. After every step every
``data.*_available`` flag must agree with its rule. The same scenario driven from Python
(``server.market``), through the admin API, and from a price-path file given to
``serve --market`` must end with the same SmartTrades: it is one mechanism.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.market_support import check_smart_trade
from tests.server_support import assert_store_flags_agree
from threecommas import ThreeCommas
from threecommas.testing.server import DEFAULT_API_KEY, DEFAULT_API_SECRET, RunningServer

# Live servers, subprocesses or long scenarios: `make test` runs them, `make unit` does not.
pytestmark = pytest.mark.slow

FEE = Decimal("0.001")
#: 100 units bought at market at 0.1 (the ask; no spread), commission on top.
ENTERED_TOTAL = 100 * Decimal("0.1") * (1 + FEE)

TAKE_PROFIT = "USDT_ADA"  # both steps fill, then it is finished
STOP_LOSS = "USDT_XRP"  # meets its stop loss
CLOSED = "USDT_TRX"  # closed by market by the bot once its first step filled
WAITING = "USDT_LTC"  # a limit entry at 0.09 the price never reaches
TRAILING = "USDT_SOL"  # a trailing take profit of 5%

#: The prices at each virtual second (each pair starts at 0.1).
PRICES: dict[int, dict[str, str]] = {
    0: {TAKE_PROFIT: "0.1", STOP_LOSS: "0.1", CLOSED: "0.1", WAITING: "0.1", TRAILING: "0.1"},
    60: {
        TAKE_PROFIT: "0.11",
        STOP_LOSS: "0.09",
        CLOSED: "0.12",
        WAITING: "0.095",
        TRAILING: "0.12",
    },
    120: {TAKE_PROFIT: "0.12", STOP_LOSS: "0.0801", WAITING: "0.0901", TRAILING: "0.14"},
    180: {TAKE_PROFIT: "0.149", STOP_LOSS: "0.08", WAITING: "0.11", TRAILING: "0.135"},
    240: {TAKE_PROFIT: "0.15", TRAILING: "0.133"},
}
TIMES = sorted(PRICES)


def _steps(*steps: tuple[str, str]) -> dict[str, Any]:
    return {
        "enabled": True,
        "steps": [
            {"order_type": "limit", "volume": volume, "price": {"type": "last", "value": price}}
            for volume, price in steps
        ],
    }


def _request(pair: str, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "account_id": 32402783,
        "pair": pair,
        "position": {"type": "buy", "order_type": "market", "units": {"value": "100"}},
        "take_profit": _steps(("50", "0.12"), ("50", "0.15")),
        "stop_loss": {
            "enabled": True,
            "order_type": "market",
            "conditional": {"price": {"type": "last", "value": "0.08"}},
        },
    }
    body.update(changes)
    return body


REQUESTS: dict[str, dict[str, Any]] = {
    TAKE_PROFIT: _request(TAKE_PROFIT),
    STOP_LOSS: _request(STOP_LOSS),
    CLOSED: _request(CLOSED),
    WAITING: _request(
        WAITING,
        position={
            "type": "buy",
            "order_type": "limit",
            "units": {"value": "100"},
            "price": {"value": "0.09"},
        },
    ),
    TRAILING: _request(
        TRAILING,
        take_profit={
            "enabled": True,
            "steps": [
                {
                    "order_type": "market",
                    "volume": "100",
                    "price": {"type": "last", "value": "0.12"},
                    "trailing": {"enabled": True, "percent": "5"},
                }
            ],
        },
        stop_loss={"enabled": False},
    ),
}

#: What the bot saw at each time: pair -> the SmartTrade as ``get`` answered it (JSON).
History = dict[int, dict[str, dict[str, Any]]]


def run_bot(
    client: ThreeCommas,
    move_to: Callable[[int], None],
    after_each: Callable[[], None] = lambda: None,
) -> History:
    """The bot: create the SmartTrades, then at each time let the market move, poll every
    SmartTrade with ``get`` (checking each one and its Trades against the rules), and close
    the ``CLOSED`` one by market once its first step has filled."""
    move_to(0)
    ids = {pair: client.smart_trades.create(**body).id for pair, body in REQUESTS.items()}
    history: History = {}
    closed = False
    for at in TIMES:
        move_to(at)
        seen: dict[str, dict[str, Any]] = {}
        for pair, smart_trade_id in ids.items():
            smart_trade = client.smart_trades.get(smart_trade_id)
            trades = client.smart_trades.trades.list(smart_trade_id)
            seen[pair] = smart_trade.to_dict()
            check_smart_trade(seen[pair], [trade.to_dict() for trade in trades])
        history[at] = seen
        after_each()
        first_step = seen[CLOSED]["take_profit"]["steps"][0]["status"]["basic_type"]
        if first_step == "finished" and not closed:
            client.smart_trades.close_by_market(ids[CLOSED])
            closed = True
            after = client.smart_trades.get(ids[CLOSED]).to_dict()
            check_smart_trade(after, [])
            history[at][CLOSED] = after
            after_each()
    return history


def python_mover(server: RunningServer) -> Callable[[int], None]:
    """Move the market from Python: ``server.market.advance`` then ``set_price``."""
    clock = [0]

    def move_to(at: int) -> None:
        if at > clock[0]:
            server.market.advance(at - clock[0])
            clock[0] = at
        for pair, price in PRICES[at].items():
            server.market.set_price(pair, price)

    return move_to


def _admin(base_url: str) -> str:
    return base_url.removesuffix("/public/api") + "/__admin__/market"


def admin_mover(base_url: str) -> Callable[[int], None]:
    """Move the market through the admin API: ``POST .../advance`` then ``.../prices``."""
    admin = _admin(base_url)
    clock = [0]

    def move_to(at: int) -> None:
        if at > clock[0]:
            answer = httpx.post(f"{admin}/advance", json={"seconds": at - clock[0]})
            assert answer.status_code == 200, answer.text
            clock[0] = at
        for pair, price in PRICES[at].items():
            answer = httpx.post(f"{admin}/prices", json={"pair": pair, "price": price})
            assert answer.status_code == 200, answer.text

    return move_to


def path_mover(base_url: str) -> Callable[[int], None]:
    """A server playing :func:`price_path` from its start: only the clock moves."""
    admin = _admin(base_url)
    clock = [0]

    def move_to(at: int) -> None:
        if at > clock[0]:
            answer = httpx.post(f"{admin}/advance", json={"seconds": at - clock[0]})
            assert answer.status_code == 200, answer.text
            clock[0] = at

    return move_to


def price_path() -> dict[str, Any]:
    """:data:`PRICES` as a price-path document."""
    points = [
        {"t": at, "pair": pair, "price": price}
        for at in TIMES
        for pair, price in PRICES[at].items()
    ]
    return {"points": points}


_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")


def normalised(smart_trades: dict[str, dict[str, Any]], base_url: str) -> dict[str, Any]:
    """The SmartTrades with every time as seconds since the market's clock started (each
    server's clock starts when it does)."""
    from datetime import datetime

    start_text = httpx.get(_admin(base_url)).json()["clock"]["start"]
    start = datetime.fromisoformat(start_text.replace("Z", "+00:00"))

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, str) and _TIMESTAMP.fullmatch(value):
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            return f"+{(moment - start).total_seconds()}s"
        return value

    result: dict[str, Any] = walk(smart_trades)
    return result


def _client(base_url: str) -> ThreeCommas:
    return ThreeCommas(api_key=DEFAULT_API_KEY, api_secret=DEFAULT_API_SECRET, base_url=base_url)


# --- The scenario, with the figures computed by hand ------------------------------------------


def status(smart_trade: dict[str, Any]) -> str:
    kind: str = smart_trade["status"]["basic_type"]
    return kind


def steps(smart_trade: dict[str, Any]) -> list[str]:
    return [s["status"]["basic_type"] for s in smart_trade["take_profit"]["steps"]]


def test_a_bot_sees_its_smart_trades_move_to_their_end(
    threecommas_server: RunningServer, threecommas_client: ThreeCommas
) -> None:
    # Every SmartTrade of the server, the recorded ones included, keeps its flags agreeing with
    # the rules (the server tests' check) after every step.
    history = run_bot(
        threecommas_client,
        python_mover(threecommas_server),
        lambda: assert_store_flags_agree(threecommas_server.app),
    )

    # After the first poll every market entry has filled at the ask, 0.1, commission on top.
    first = history[0]
    for pair in (TAKE_PROFIT, STOP_LOSS, CLOSED, TRAILING):
        assert status(first[pair]) == "waiting_targets", pair
        assert Decimal(first[pair]["data"]["entered_total"]) == ENTERED_TOTAL == Decimal("10.01")
    assert status(first[WAITING]) == "waiting_position"

    # Two limit take-profit steps, in turn: 50 units at 0.12, then 50 at 0.15.
    trade = {at: history[at][TAKE_PROFIT] for at in TIMES}
    assert steps(trade[60]) == ["order_placed", "order_placed"]
    assert steps(trade[120]) == ["finished", "order_placed"]
    assert status(trade[180]) == "waiting_targets"
    assert trade[180]["data"]["panic_sell_available"] is True
    assert steps(trade[240]) == ["finished", "finished"]
    assert status(trade[240]) == "finished"
    assert trade[240]["stop_loss"]["status"]["basic_type"] == "cancelled"
    earned = 50 * Decimal("0.12") * (1 - FEE) + 50 * Decimal("0.15") * (1 - FEE)
    profit = earned - ENTERED_TOTAL
    assert profit == Decimal("3.4765")
    assert Decimal(trade[240]["profit"]["volume"]) == profit
    assert Decimal(trade[240]["profit"]["percent"]) == Decimal("34.73")  # 3.4765 / 10.01
    assert trade[240]["data"]["finished"] is True
    assert trade[240]["data"]["panic_sell_available"] is False

    # The stop loss at 0.08: every unit sold at 0.08, a loss.
    stopped = history[180][STOP_LOSS]
    assert status(history[120][STOP_LOSS]) == "waiting_targets"
    assert status(stopped) == "finished"
    assert stopped["stop_loss"]["status"]["basic_type"] == "finished"
    assert steps(stopped) == ["cancelled", "cancelled"]
    loss = 100 * Decimal("0.08") * (1 - FEE) - ENTERED_TOTAL
    assert loss == Decimal("-2.018")
    assert Decimal(stopped["profit"]["volume"]) == loss

    # Closed by market once the first step sold 50 at 0.12: the other 50 at the bid, 0.12.
    closed = history[60][CLOSED]
    assert status(closed) == "finished"
    assert closed["market_close"]["status"]["basic_type"] == "finished"
    assert steps(closed) == ["finished", "cancelled"]
    closed_profit = 100 * Decimal("0.12") * (1 - FEE) - ENTERED_TOTAL
    assert Decimal(closed["profit"]["volume"]) == closed_profit == Decimal("1.978")

    # The limit entry at 0.09: the ask came down to 0.0901, never to 0.09.
    waiting = history[240][WAITING]
    assert status(waiting) == "waiting_position"
    assert waiting["position"]["status"]["basic_type"] == "order_placed"
    assert waiting["data"]["cancel_available"] is True

    # The trailing take profit: active at 0.12, best 0.14, fires at 0.133 (5% below the best).
    trailing = {at: history[at][TRAILING] for at in TIMES}
    assert steps(trailing[60]) == ["trailing_activated"]
    assert steps(trailing[180]) == ["trailing_activated"]  # 0.135 is above 0.133
    assert status(trailing[240]) == "finished"
    trailing_profit = 100 * Decimal("0.133") * (1 - FEE) - ENTERED_TOTAL
    assert Decimal(trailing[240]["profit"]["volume"]) == trailing_profit == Decimal("3.2767")


def test_the_fixture_is_the_servers_market(
    threecommas_server: RunningServer, threecommas_market: Any
) -> None:
    assert threecommas_market is threecommas_server.market or (
        threecommas_market.snapshot() == threecommas_server.market.snapshot()
    )
    threecommas_market.set_price("USDT_ADA", "0.5")
    assert threecommas_server.market.snapshot()["prices"]["USDT_ADA"]["last"] == "0.5"


# --- One mechanism: Python, the admin API and a price-path file give the same end ----------------


@pytest.fixture
def python_end(threecommas_server: RunningServer, threecommas_client: ThreeCommas) -> Any:
    history = run_bot(threecommas_client, python_mover(threecommas_server))
    return normalised(history[TIMES[-1]], threecommas_server.base_url)


def test_the_admin_api_drives_the_same_market(
    python_end: Any, threecommas_server_factory: Callable[..., RunningServer]
) -> None:
    server = threecommas_server_factory()
    with _client(server.base_url) as client:
        history = run_bot(client, admin_mover(server.base_url))
    assert normalised(history[TIMES[-1]], server.base_url) == python_end


@pytest.fixture
def served_with_path(tmp_path: Path) -> Iterator[str]:
    """``python -m threecommas.testing serve --market FILE``, stopped after the test."""
    path = tmp_path / "prices.json"
    path.write_text(json.dumps(price_path()), encoding="utf-8")
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "threecommas.testing", "serve", "--port", "0"),
            *("--no-access-log", "--market", str(path)),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    timer = threading.Timer(20, process.kill)
    timer.start()
    try:
        line = process.stdout.readline().strip()
    finally:
        timer.cancel()
    try:
        assert line.startswith("http://"), line
        yield line
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        process.stdout.close()


def test_a_price_path_file_played_by_serve_gives_the_same_end(
    python_end: Any, served_with_path: str
) -> None:
    snapshot = httpx.get(_admin(served_with_path)).json()
    assert snapshot["prices"][TAKE_PROFIT]["last"] == "0.1"  # the points at 0 played at start
    with _client(served_with_path) as client:
        history = run_bot(client, path_mover(served_with_path))
    assert normalised(history[TIMES[-1]], served_with_path) == python_end


# --- The admin API's answers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("endpoint", "body", "message"),
    [
        ("prices", {"pair": "USDT_ADA"}, "price"),
        ("prices", {"pair": "ADA", "price": "1"}, "pair"),
        ("prices", {"pair": "USDT_ADA", "price": "-1"}, "price"),
        ("prices", {"pair": "USDT_ADA", "price": "1", "colour": "red"}, "colour"),
        ("advance", {"seconds": -5}, "seconds"),
        ("advance", {}, "seconds"),
        ("advance", [1], "JSON object"),
        ("play", {"pair": "USDT_ADA", "points": [{"t": 0}]}, "price"),
    ],
)
def test_bad_admin_input_is_a_json_400_naming_it(
    threecommas_server: RunningServer, endpoint: str, body: Any, message: str
) -> None:
    answer = httpx.post(f"{_admin(threecommas_server.base_url)}/{endpoint}", json=body)
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"] == "bad_request"
    assert message in answer.json()["error_description"]


def test_the_admin_api_reads_plays_and_advances(threecommas_server: RunningServer) -> None:
    admin = _admin(threecommas_server.base_url)
    assert httpx.get(admin).json()["prices"] == {}
    csv_path = "t,price\n0,0.1\n60,0.2\n"
    answer = httpx.post(f"{admin}/play", params={"pair": "USDT_ADA"}, content=csv_path)
    assert answer.status_code == 200, answer.text
    assert answer.json()["prices"]["USDT_ADA"]["last"] == "0.1"
    assert answer.json()["scheduled"]["ticks"] == 1
    answer = httpx.post(f"{admin}/advance", json={"seconds": 60})
    assert answer.json()["prices"]["USDT_ADA"]["last"] == "0.2"
    assert answer.json()["clock"]["elapsed"] == "60"
    assert httpx.get(f"{admin}/advance").status_code == 405
    # A reset forgets the market.
    httpx.post(threecommas_server.base_url.removesuffix("/public/api") + "/__admin__/reset")
    assert httpx.get(admin).json()["prices"] == {}


def test_the_seeds_close_still_answers_as_recorded_while_other_pairs_move(
    threecommas_server: RunningServer, threecommas_auth: httpx.Auth
) -> None:
    recording = json.loads(
        (
            Path(__file__).resolve().parents[2]
            / "overlay/threecommas/testing/recordings"
            / "close_trade_by_market_12345678_1047934729.json"
        ).read_text(encoding="utf-8")
    )
    threecommas_server.market.set_price("USDT_ADA", "0.1")
    threecommas_server.market.advance(60)
    answer = httpx.post(threecommas_server.base_url + recording["path"], auth=threecommas_auth)
    assert (answer.status_code, answer.json()) == (recording["status"], recording["body"])


def test_a_real_time_market_follows_the_clock_scaled_by_the_time_factor(
    threecommas_server_factory: Callable[..., RunningServer],
) -> None:
    from threecommas.testing import FaultConfig

    server = threecommas_server_factory(FaultConfig(time_factor=0.001), market_real_time=True)
    server.market.set_price(TAKE_PROFIT, "0.1")
    with _client(server.base_url) as client:
        smart_trade = client.smart_trades.create(**REQUESTS[TAKE_PROFIT])
        threading.Event().wait(0.2)  # 200 virtual seconds at least
        smart_trade = client.smart_trades.get(smart_trade.id)
    assert smart_trade.status.basic_type == "waiting_targets"
    assert Decimal(server.market.snapshot()["clock"]["elapsed"]) >= 200
    assert server.market.snapshot()["clock"]["real_time"] is True

"""Candles bot authors already have (Binance kline CSV, freqtrade JSON, ccxt OHLCV lists) played
by the simulated market: read exactly, bad ones refused naming the file and the line, and the
three formats of the same candles giving the same SmartTrades to a bot using the SDK."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.market_support import StubStore, request, status, step
from threecommas import ThreeCommas
from threecommas.testing.samples import SAMPLE_PAIR, SAMPLES
from threecommas.testing.server import DEFAULT_API_KEY, DEFAULT_API_SECRET, RunningServer
from threecommas.testing.simulation import BACKTEST_MARKET
from threecommas.testing.simulation._market._market import Market
from threecommas.testing.simulation._market._prices import Bar, PriceError, PricePath

D = Decimal
PAIR = "USDT_BTC"
#: Two one-minute candles, a two-minute gap, then a third; Binance's 12 columns.
BINANCE_MS = (
    "1704067200000,42000.10,42100.00,41900.00,42050.00,12.50000000,1704067259999,0,9,0,0,0\n"
    "1704067260000,42050.00,42080.00,42000.00,42010.00,3.00000000,1704067319999,0,9,0,0,0\n"
    "1704067440000,42010.00,42010.00,41000.00,41500.00,0.00000000,1704067499999,0,9,0,0,0\n"
)
CANDLES_JSON = (
    "[[1704067200000, 42000.10, 42100.00, 41900.00, 42050.00, 12.5],"
    " [1704067260000, 42050.00, 42080.00, 42000.00, 42010.00, 3],"
    " [1704067440000, 42010.00, 42010.00, 41000.00, 41500.00, 0]]"
)


def _load(text: str, **options: Any) -> PricePath:
    return PricePath.load(io.StringIO(text), **{"pair": PAIR, **options})


def test_a_binance_kline_csv_plays_as_bars_from_its_first_open_time() -> None:
    path = _load(BINANCE_MS)
    # 3 bars of 4 ticks; the gap plays nothing; times count from the first open time.
    seconds = [0, 15, 30, 45, 60, 75, 90, 105, 240, 255, 270, 285]
    assert [tick.at // 1_000_000 for tick in path] == seconds
    # Exact decimals; the nearer extreme first (the high is 99.90 away, the low 100.10).
    assert [tick.quote.last for tick in path][:4] == [
        D("42000.10"),
        D("42100.00"),
        D("41900.00"),
        D("42050.00"),
    ]
    assert path.pairs == {PAIR}


def test_microsecond_times_and_the_futures_header_are_read() -> None:
    micros = "".join(
        f"{int(ms) * 1000},{rest},{int(close) * 1000 + 999},{tail}\n"
        for ms, rest, close, tail in (
            (line.split(",")[0], ",".join(line.split(",")[1:6]), line.split(",")[6], "0,9,0,0,0")
            for line in BINANCE_MS.splitlines()
        )
    )
    header = (
        "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
        "taker_buy_volume,taker_buy_quote_volume,ignore\n"
    )
    assert _load(micros) == _load(BINANCE_MS)
    assert _load(header + BINANCE_MS) == _load(BINANCE_MS)


def test_freqtrade_json_and_ccxt_lists_are_the_same_bars_as_the_csv() -> None:
    from_json = _load(CANDLES_JSON)
    assert from_json == _load(BINANCE_MS)
    # Read as decimals from the text, never through a float.
    assert from_json.ticks[0].quote.last == D("42000.10")
    assert str(from_json.ticks[0].quote.last) == "42000.10"


def test_the_timeframe_is_the_smallest_step_or_bar_seconds() -> None:
    five_minutes = "[[0, 1, 2, 0.5, 1.5, 1], [300000, 1.5, 2, 1, 1, 1], [900000, 1, 1, 1, 1, 0]]"
    path = _load(five_minutes)
    assert [tick.at // 1_000_000 for tick in path][:4] == [0, 75, 150, 225]
    single = _load("[[0, 1, 2, 0.5, 1.5, 1]]", bar_seconds=3600)
    assert [tick.at // 1_000_000 for tick in single] == [0, 900, 1800, 2700]


def test_the_volume_is_kept_on_the_bars() -> None:
    store = StubStore()
    market = Market(store)
    loaded = market.play(io.StringIO(BINANCE_MS), pair=PAIR)
    assert len(loaded) == 12
    bars = PricePath.from_candles(
        [("x", D(0), D(1), D(2), D("0.5"), D("1.5"), D("7.25"), D(60))], pair=PAIR, label="x"
    )
    assert len(bars) == 4
    assert Bar(D(0), PAIR, D(1), D(2), D(1), D(1), D(60), D("7.25")).volume == D("7.25")


def test_todays_bare_list_of_points_is_still_points() -> None:
    path = _load("[[0, 0.1], [60, 0.12]]")
    assert [(tick.at, tick.quote.last) for tick in path] == [(0, D("0.1")), (60_000_000, D("0.12"))]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "k.csv",
            BINANCE_MS + "1704067500000,1,2,0.5,1.5,1,1704067559999,0\n",
            r"k\.csv, line 4: 8 columns; a Binance kline CSV has 12",
        ),
        (
            "k.csv",
            BINANCE_MS.replace("42080.00", "abc"),
            r"k\.csv, line 2: high must be a decimal number",
        ),
        (
            "k.csv",
            BINANCE_MS.replace("1704067440000,", "1704067200000,", 1),
            r"k\.csv, line 3: the close time|k\.csv, line 3: the time must increase",
        ),
        ("c.json", "[[0, 1, 2, 0.5, 1.5, 1], [60000, 1, 2, 3, 1, 1]]", r"c\.json, candle \[1\]"),
        ("c.json", "[[0, 1, 2, 0.5, 1.5, 1], [60000, 1, 2]]", r"c\.json, candle \[1\]: a candle"),
        ("c.json", "[[0, 1, 2, 0.5, 1.5, -1]]", r"c\.json, candle \[0\]: volume"),
        ("c.json", '[[0, 1, 2, 0.5, 1.5, "x"]]', r"c\.json, candle \[0\]: volume"),
        ("w.txt", "\n\nopen;high;low;close\n1;2;3;4\n", r"w\.txt, line 3: not a price format"),
    ],
)
def test_a_bad_candle_file_is_refused_naming_the_file_and_the_line(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PriceError, match=message):
        PricePath.load(path, pair=PAIR)


def test_candles_need_the_pair_from_the_caller(tmp_path: Path) -> None:
    path = tmp_path / "BTCUSDT-1m.csv"
    path.write_text(BINANCE_MS, encoding="utf-8")
    with pytest.raises(PriceError, match=r"BTCUSDT-1m\.csv: candles do not name their pair"):
        PricePath.load(path)


def test_the_samples_are_the_same_candles_in_each_format() -> None:
    paths = {name: PricePath.load(file, pair=SAMPLE_PAIR) for name, file in SAMPLES.items()}
    assert len(paths["binance"]) == 40 * 4
    assert paths["binance"] == paths["freqtrade"] == paths["ccxt"]
    for file in SAMPLES.values():
        assert "synthetic" in file.name
    readme = (next(iter(SAMPLES.values())).parent / "README.md").read_text(encoding="utf-8")
    assert "synthetic" in readme.lower()


def test_a_stub_store_sees_a_take_profit_and_a_stop_loss_on_the_sample() -> None:
    store = StubStore()
    market = Market(store)
    won = store.create(request(pair=SAMPLE_PAIR, units="0.01", steps=[step("100", "43000")]))
    market.play(SAMPLES["binance"], pair=SAMPLE_PAIR)
    market.advance(3600)
    assert status(won) == "finished"


# --- The same candles, three formats, one bot -------------------------------------------------

_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")


def _normalised(smart_trades: list[dict[str, Any]], base_url: str) -> Any:
    """Times as seconds since the server's market clock started (each starts its own)."""
    admin = base_url.removesuffix("/public/api") + "/__admin__/market"
    start_text = httpx.get(admin).json()["clock"]["start"]
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

    return walk(smart_trades)


def _bot(base_url: str, advance: Callable[[int], None]) -> list[dict[str, Any]]:
    """A bot: three SmartTrades with a take profit and a stop loss, then ten minutes at a time
    over the candles, polling them."""

    def stop_loss(price: str) -> dict[str, Any]:
        conditional = {"price": {"type": "last", "value": price}}
        return {"enabled": True, "order_type": "market", "conditional": conditional}

    bodies = [
        {"take_profit": [("50", "42300"), ("50", "43000")], "stop_loss": stop_loss("41700")},
        {"take_profit": [("100", "44000")], "stop_loss": stop_loss("41780")},
        {"take_profit": [("100", "43400")], "stop_loss": {"enabled": False}},
    ]
    with ThreeCommas(
        api_key=DEFAULT_API_KEY, api_secret=DEFAULT_API_SECRET, base_url=base_url
    ) as client:
        ids = [
            client.smart_trades.create(
                account_id=32402783,
                pair=SAMPLE_PAIR,
                position={"type": "buy", "order_type": "market", "units": {"value": "0.01"}},
                take_profit={
                    "enabled": True,
                    "steps": [
                        {
                            "order_type": "limit",
                            "volume": volume,
                            "price": {"type": "last", "value": price},
                        }
                        for volume, price in body["take_profit"]
                    ],
                },
                stop_loss=body["stop_loss"],
            ).id
            for body in bodies
        ]
        for _ in range(6):
            advance(600)
            for smart_trade_id in ids:
                client.smart_trades.get(smart_trade_id)
        return [client.smart_trades.get(smart_trade_id).to_dict() for smart_trade_id in ids]


def _advance_by_admin(base_url: str) -> Callable[[int], None]:
    admin = base_url.removesuffix("/public/api") + "/__admin__/market"

    def advance(seconds: int) -> None:
        answer = httpx.post(f"{admin}/advance", json={"seconds": seconds})
        assert answer.status_code == 200, answer.text

    return advance


@pytest.mark.slow
@pytest.mark.parametrize("configured", [False, True], ids=["plain", "backtest-config"])
def test_binance_freqtrade_and_ccxt_candles_give_the_same_smart_trades(
    threecommas_server_factory: Callable[..., RunningServer], configured: bool
) -> None:
    # Binance: as `serve --market FILE --market-pair USDT_BTC` gives it to create_app.
    served = threecommas_server_factory(market=SAMPLES["binance"], market_pair=SAMPLE_PAIR)
    # freqtrade: server.market.play(path, pair=...).
    played = threecommas_server_factory()
    played.market.play(SAMPLES["freqtrade"], pair=SAMPLE_PAIR)
    # ccxt: the admin API, the pair as a query parameter.
    posted = threecommas_server_factory()
    admin = posted.base_url.removesuffix("/public/api") + "/__admin__/market"
    answer = httpx.post(
        f"{admin}/play",
        params={"pair": SAMPLE_PAIR},
        content=SAMPLES["ccxt"].read_bytes(),
    )
    assert answer.status_code == 200, answer.text

    ends = []
    for server in (served, played, posted):
        if configured:  # fees, seeded slippage and fills by the candles' volume
            server.market.configure(**BACKTEST_MARKET)
        end = _bot(server.base_url, _advance_by_admin(server.base_url))
        ends.append(_normalised(end, server.base_url))
    assert ends[0] == ends[1] == ends[2]
    if configured:
        assert ends[0][0]["take_profit"]["steps"][0]["commission"] == "0.001"
        return
    outcome = [
        (
            smart_trade["status"]["basic_type"],
            [s["status"]["basic_type"] for s in smart_trade["take_profit"]["steps"]],
            (smart_trade["stop_loss"].get("status") or {}).get("basic_type"),
        )
        for smart_trade in ends[0]
    ]
    assert outcome == [
        ("finished", ["finished", "finished"], "cancelled"),  # both steps, in turn
        ("finished", ["cancelled"], "finished"),  # the stop loss met in the dip
        ("finished", ["finished"], None),  # the far take profit reached late
    ]


def test_the_admin_api_refuses_candles_without_a_pair(
    threecommas_server: RunningServer,
) -> None:
    admin = threecommas_server.base_url.removesuffix("/public/api") + "/__admin__/market"
    answer = httpx.post(f"{admin}/play", content=SAMPLES["ccxt"].read_bytes())
    assert answer.status_code == 400
    assert "candles do not name their pair" in answer.json()["error_description"]


def _serve(*options: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            *(sys.executable, "-m", "threecommas.testing", "serve"),
            *("--port", "0", "--no-access-log", *options),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


@pytest.mark.slow
def test_serve_plays_candles_for_the_market_pair_and_refuses_them_without() -> None:
    refused = _serve("--market", str(SAMPLES["ccxt"]))
    _, stderr = refused.communicate(timeout=60)
    assert refused.returncode != 0
    assert "synthetic-ccxt-BTC-USDT-1m.json: candles do not name their pair" in stderr

    served = _serve("--market", str(SAMPLES["binance"]), "--market-pair", SAMPLE_PAIR)
    assert served.stdout is not None
    timer = threading.Timer(60, served.kill)
    timer.start()
    try:
        base_url = served.stdout.readline().strip()
    finally:
        timer.cancel()
    try:
        assert base_url.startswith("http://"), base_url
        admin = base_url.removesuffix("/public/api") + "/__admin__/market"
        snapshot = httpx.get(admin).json()
        assert snapshot["prices"][SAMPLE_PAIR]["last"] == "42000.0"  # the first open
        assert snapshot["scheduled"]["pairs"] == [SAMPLE_PAIR]
        assert snapshot["scheduled"]["ticks"] == 40 * 4 - 1
    finally:
        served.send_signal(signal.SIGTERM)
        try:
            served.wait(timeout=20)
        except subprocess.TimeoutExpired:
            served.kill()
            served.wait(timeout=10)
        served.stdout.close()
        if served.stderr is not None:
            served.stderr.close()

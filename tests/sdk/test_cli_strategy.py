"""`threecommas backtest` and `threecommas run`: a strategy file, from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from threecommas.cli import main
from threecommas.testing import FIXTURE_TIME_FACTOR, FaultConfig, RunningServer, ServerFactory
from threecommas.testing.samples import SAMPLES

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = f"{ROOT / 'examples' / 'buy_the_dip.py'}:strategy"


def test_backtest_prints_the_summary_and_writes_the_page_and_the_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page, report = tmp_path / "report.html", tmp_path / "report.json"
    argv = [
        "backtest", EXAMPLE, "--candles", str(SAMPLES["binance"]), "--pair", "USDT_BTC",
        "--balance", "USDT=1000", "--report", str(page), "--json", str(report),
    ]  # fmt: skip
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("Backtest of USDT_BTC on binance_us") and str(page) in out
    assert page.read_text(encoding="utf-8").count("<svg id=") == 2
    assert json.loads(report.read_text(encoding="utf-8"))["balances"] == {
        "USDT": "1000",
        "BTC": "0",
    }


def test_a_class_is_instantiated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bot = tmp_path / "my_bot.py"
    bot.write_text(
        "class Quiet:\n    def __call__(self, client, bar):\n        pass\n", encoding="utf-8"
    )
    argv = ["backtest", f"{bot}:Quiet", "--candles", str(SAMPLES["ccxt"]), "--pair", "USDT_BTC"]
    assert main(argv) == 0
    assert "40 handed to the strategy" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["backtest", "nowhere.py:strategy", "--candles", "x", "--pair", "USDT_BTC"], "not found"),
        (["backtest", EXAMPLE.replace(":strategy", ":nothing"), "--candles", str(SAMPLES["ccxt"]),
          "--pair", "USDT_BTC"], "has no nothing"),
        (["backtest", EXAMPLE, "--candles", str(SAMPLES["ccxt"]), "--pair", "USDT_BTC",
          "--market-code", "kraken"], "market_code"),
        (["run", EXAMPLE, "--pair", "USDT_BTC", "--market-code", "binance", "--real"], "--yes"),
        (["run", EXAMPLE, "--pair", "USDT_BTC", "--market-code", "binance", "--yes"], "--real"),
    ],
)  # fmt: skip
def test_bad_arguments_exit_2_and_send_nothing(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_run_trades_in_paper_mode_and_logs_each_bar(
    threecommas_server_factory: ServerFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server: RunningServer = threecommas_server_factory(
        FaultConfig(time_factor=FIXTURE_TIME_FACTOR), market={"points": [
            {"t": 0, "pair": "USDT_BTC", "price": "42000"}]}, market_real_time=True
    )  # fmt: skip
    monkeypatch.setenv("THREE_COMMAS_API_KEY", server.api_key)
    monkeypatch.setenv("THREE_COMMAS_API_SECRET", server.api_secret or "")
    argv: list[Any] = [
        "run", EXAMPLE, "--pair", "USDT_BTC", "--market-code", "binance",
        "--interval", "0.05", "--max-bars", "2", "--base-url", server.base_url,
    ]  # fmt: skip
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert (
        captured.out.strip() == "paper run stopped (max_bars) after 2 bar(s), 0 strategy error(s)"
    )
    assert captured.err.count("run: bar ") == 2 and "mode paper" in captured.err

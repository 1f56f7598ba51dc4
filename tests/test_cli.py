"""The `threecommas` command line: output, exit codes, and nothing sent for bad arguments."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

from tests.seed import seed_response
from threecommas import cli
from threecommas.testing._server import RunningServer

CLOSE = ["smart-trades", "close-trade-by-market"]


@pytest.fixture
def credentials(
    monkeypatch: pytest.MonkeyPatch, threecommas_server: RunningServer
) -> RunningServer:
    monkeypatch.setenv("THREE_COMMAS_API_KEY", threecommas_server.api_key)
    monkeypatch.setenv("THREE_COMMAS_API_SECRET", threecommas_server.api_secret or "")
    monkeypatch.delenv("THREE_COMMAS_PRIVATE_KEY_FILE", raising=False)
    return threecommas_server


def test_close_prints_the_smart_trade_then_reports_the_refusal(
    credentials: RunningServer, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [*CLOSE, "12345678", "1047934729", "--base-url", credentials.base_url]
    assert cli.main(args) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == seed_response()
    assert err == ""

    assert cli.main(args) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "HTTP 403" in err and "panic_sell_pending" in err


def test_unknown_trade_is_an_api_error(
    credentials: RunningServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([*CLOSE, "12345678", "5", "--base-url", credentials.base_url]) == 1
    assert "HTTP 404" in capsys.readouterr().err


@pytest.mark.parametrize(
    "ids",
    [["0", "1"], ["1", "-1"], ["abc", "1"], ["1", "1.5"], ["1", str(2**63)], ["1"]],
)
def test_bad_arguments_exit_2_without_a_request(
    ids: list[str], credentials: RunningServer, capsys: pytest.CaptureFixture[str]
) -> None:
    before = credentials.store.snapshot()
    with pytest.raises(SystemExit) as exited:
        cli.main([*CLOSE, *ids, "--base-url", credentials.base_url])
    assert exited.value.code == 2
    assert capsys.readouterr().out == ""
    assert credentials.store.snapshot() == before


def test_bad_forced_mode_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main([*CLOSE, "1", "2", "--forced-mode", "demo"])
    assert exited.value.code == 2
    assert "forced-mode" in capsys.readouterr().err


def test_missing_credentials_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in (
        "THREE_COMMAS_API_KEY",
        "THREE_COMMAS_API_SECRET",
        "THREE_COMMAS_PRIVATE_KEY_FILE",
    ):
        monkeypatch.delenv(name, raising=False)
    assert cli.main([*CLOSE, "1", "2"]) == 2
    assert "THREE_COMMAS_API_KEY" in capsys.readouterr().err


def test_unreachable_server_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("THREE_COMMAS_API_KEY", "k")
    monkeypatch.setenv("THREE_COMMAS_API_SECRET", "s")
    with socket.socket() as sock:  # a port that nothing listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert cli.main([*CLOSE, "1", "2", "--base-url", f"http://127.0.0.1:{port}/public/api"]) == 1
    assert "failed" in capsys.readouterr().err


def test_installed_command_runs_as_a_separate_process(threecommas_server: RunningServer) -> None:
    env = {
        **os.environ,
        "THREE_COMMAS_API_KEY": threecommas_server.api_key,
        "THREE_COMMAS_API_SECRET": threecommas_server.api_secret or "",
    }
    env.pop("THREE_COMMAS_PRIVATE_KEY_FILE", None)
    command = [sys.executable, "-m", "threecommas", *CLOSE, "12345678", "1047934729"]
    done = subprocess.run(
        [*command, "--base-url", threecommas_server.base_url, "--forced-mode", "paper"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == seed_response()
    assert threecommas_server.api_secret not in done.stdout + done.stderr
    help_text = subprocess.run(
        [sys.executable, "-m", "threecommas", "--help"], capture_output=True, text=True, timeout=60
    )
    assert help_text.returncode == 0 and "smart-trades" in help_text.stdout

"""The `threecommas` command line: output, exit codes, and nothing sent for bad arguments."""

from __future__ import annotations

import gc
import io
import json
import logging
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

import threecommas
from tests.seed import seed_response
from threecommas import ThreeCommas, cli
from threecommas._schema import load_spec
from threecommas.cli._parser import option_names
from threecommas.cli._run import in_cli_words
from threecommas.testing import RunningServer

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
    # Every retry still happens, without its randomised back-off (seconds on the real clock).
    monkeypatch.setattr("threecommas._policy.backoff_delay", lambda attempt: 0.0)
    with socket.socket() as sock:  # a port that nothing listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert cli.main([*CLOSE, "1", "2", "--base-url", f"http://127.0.0.1:{port}/public/api"]) == 1
    assert "failed" in capsys.readouterr().err


@pytest.mark.slow
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


# --- every subcommand, against a MockTransport --------------------------------------------------


def _example(name: str) -> Any:
    return load_spec()["components"]["examples"][name]["value"]


# (method, path under /public/api) -> (status, example name or a literal body)
_ROUTES: dict[tuple[str, str], tuple[int, Any]] = {
    ("POST", "/v2/smart_trades"): (201, "CreateSmartTradeCreated"),
    ("GET", "/v2/smart_trades"): (200, "ListSmartTradesOk"),
    ("GET", "/v2/smart_trades/7"): (200, "GetSmartTradeOk"),
    ("PATCH", "/v2/smart_trades/7"): (200, "UpdateSmartTradeOk"),
    ("DELETE", "/v2/smart_trades/7"): (200, "CancelSmartTradeOk"),
    ("POST", "/v2/smart_trades/7/add_funds"): (201, "AddFundsCreated"),
    ("GET", "/v2/smart_trades/7/reduce_funds_info"): (200, "ReduceFundsInfoOk"),
    ("POST", "/v2/smart_trades/7/reduce_funds"): (201, "ReduceFundsCreated"),
    ("POST", "/v2/smart_trades/7/close_by_market"): (201, "CloseSmartTradeByMarketCreated"),
    ("POST", "/v2/smart_trades/7/set_note"): (201, "SetNoteCreated"),
    ("POST", "/v2/smart_trades/7/force_start"): (201, "ForceStartCreated"),
    ("POST", "/v2/smart_trades/7/force_process"): (201, "ForceProcessCreated"),
    ("GET", "/v2/smart_trades/7/trades"): (200, "ListTradesOk"),
    ("DELETE", "/v2/smart_trades/7/trades/8"): (200, "CancelTradeOk"),
    ("POST", "/v2/smart_trades/7/trades/8/close_by_market"): (201, "CloseTradeByMarketCreated"),
    ("GET", "/v2/smart_trades/9"): (403, {"error": "Forbidden", "error_description": "Not yours"}),
}


class MockAPI:
    """Answers the CLI's requests from the spec's examples and keeps them."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.answer: Callable[[httpx.Request], httpx.Response] | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.answer is not None:
            return self.answer(request)
        path = request.url.path.removeprefix("/public/api")
        status, body = _ROUTES.get((request.method, path), (404, {"error": "Not found"}))
        if body is None:
            return httpx.Response(status)
        return httpx.Response(status, json=_example(body) if isinstance(body, str) else body)

    def only(self) -> httpx.Request:
        (request,) = self.requests
        return request


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> MockAPI:
    """The CLI's client, sending to a MockAPI instead of the network."""
    monkeypatch.setenv("THREE_COMMAS_API_KEY", "cli-key")
    monkeypatch.setenv("THREE_COMMAS_API_SECRET", "cli-secret")
    monkeypatch.delenv("THREE_COMMAS_PRIVATE_KEY_FILE", raising=False)
    mock = MockAPI()
    real_client = cli.ThreeCommas

    def client(**options: Any) -> ThreeCommas:
        http = httpx.Client(transport=httpx.MockTransport(mock))
        return real_client(http_client=http, **options)

    monkeypatch.setattr(cli, "ThreeCommas", client)
    return mock


ST = ["smart-trades"]


def test_get_prints_the_smart_trade(api: MockAPI, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([*ST, "get", "7"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == _example("GetSmartTradeOk") and err == ""
    request = api.only()
    assert (request.method, request.url.path) == ("GET", "/public/api/v2/smart_trades/7")
    assert request.headers["Apikey"] == "cli-key" and request.headers["Signature"]


@pytest.mark.parametrize(
    ("args", "method", "path", "expected"),
    [
        (["cancel", "7"], "DELETE", "/v2/smart_trades/7", "CancelSmartTradeOk"),
        (
            ["reduce-funds-info", "7"],
            "GET",
            "/v2/smart_trades/7/reduce_funds_info",
            "ReduceFundsInfoOk",
        ),
        (
            ["close-by-market", "7"],
            "POST",
            "/v2/smart_trades/7/close_by_market",
            "CloseSmartTradeByMarketCreated",
        ),
        (["force-start", "7"], "POST", "/v2/smart_trades/7/force_start", "ForceStartCreated"),
        (
            ["force-process", "7"],
            "POST",
            "/v2/smart_trades/7/force_process",
            "ForceProcessCreated",
        ),
        (["trades", "list", "7"], "GET", "/v2/smart_trades/7/trades", "ListTradesOk"),
        (["trades", "cancel", "7", "8"], "DELETE", "/v2/smart_trades/7/trades/8", "CancelTradeOk"),
        (
            ["trades", "close-by-market", "7", "8"],
            "POST",
            "/v2/smart_trades/7/trades/8/close_by_market",
            "CloseTradeByMarketCreated",
        ),
        (
            ["close-trade-by-market", "7", "8"],
            "POST",
            "/v2/smart_trades/7/trades/8/close_by_market",
            "CloseTradeByMarketCreated",
        ),
    ],
)
def test_each_subcommand_sends_its_request_and_prints_json(
    api: MockAPI,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    method: str,
    path: str,
    expected: str | None,
) -> None:
    assert cli.main([*ST, *args, "--forced-mode", "paper", "--timeout", "3"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert json.loads(out) == (None if expected is None else _example(expected))
    request = api.only()
    assert (request.method, request.url.path) == (method, "/public/api" + path)
    assert request.headers["Forced-Mode"] == "paper"
    assert request.extensions["timeout"]["read"] == 3.0


def test_set_note_sends_the_note(api: MockAPI, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([*ST, "set-note", "7", "buy the dip"]) == 0
    assert json.loads(capsys.readouterr().out) == _example("SetNoteCreated")
    assert json.loads(api.only().content) == {"note": "buy the dip"}


def test_create_reads_the_body_from_stdin(
    api: MockAPI, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    body = _example("CreateSmartTradeRequest")
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(body)))
    assert cli.main([*ST, "create", "--body", "-"]) == 0
    assert json.loads(capsys.readouterr().out) == _example("CreateSmartTradeCreated")
    request = api.only()
    assert (request.method, request.url.path) == ("POST", "/public/api/v2/smart_trades")
    assert json.loads(request.content) == body


@pytest.mark.parametrize(
    ("operation", "example", "path"),
    [
        ("update", "UpdateSmartTradeRequest", "/v2/smart_trades/7"),
        ("add-funds", "AddFundsRequest", "/v2/smart_trades/7/add_funds"),
        ("reduce-funds", "ReduceFundsRequest", "/v2/smart_trades/7/reduce_funds"),
    ],
)
def test_body_subcommands_read_a_json_file(
    api: MockAPI,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    operation: str,
    example: str,
    path: str,
) -> None:
    body_file = tmp_path / "body.json"
    body_file.write_text(json.dumps(_example(example)))
    assert cli.main([*ST, operation, "7", "--body", str(body_file)]) == 0
    assert capsys.readouterr().err == ""
    request = api.only()
    assert request.url.path == "/public/api" + path
    assert json.loads(request.content) == _example(example)


@pytest.mark.parametrize(
    ("operation", "content", "message"),
    [
        (["create"], "{not json", "not JSON"),
        (["create"], "", "not JSON"),
        (["create"], "[]", "the body must be a JSON object, got an array"),
        (["create"], '{"account_id": 1, "pair": "USDT_BTC"}', "position"),
        (
            ["update", "7"],
            '{"leverage": {"enabled": true, "value": 0.5}}',
            "leverage[value] must be a string such as",
        ),
        (["update", "7"], "{}", "body must have at least 1 field, got an empty object"),
        (["add-funds", "7"], '{"order_type": "limit", "units": {"value": "1"}}', "price"),
        (
            ["reduce-funds", "7"],
            '{"order_type": "market", "units": {"value": "-1"}}',
            "units[value]",
        ),
    ],
)
def test_a_bad_body_exits_2_before_any_request(
    api: MockAPI,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    operation: list[str],
    content: str,
    message: str,
) -> None:
    body_file = tmp_path / "body.json"
    body_file.write_text(content)
    assert cli.main([*ST, *operation, "--body", str(body_file)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and message in err
    assert api.requests == []


def test_a_missing_body_file_exits_2(
    api: MockAPI, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert cli.main([*ST, "create", "--body", str(tmp_path / "nope.json")]) == 2
    assert "--body" in capsys.readouterr().err
    assert api.requests == []


def test_a_bad_note_exits_2_before_any_request(
    api: MockAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([*ST, "set-note", "7", "x" * 301]) == 2
    assert "note" in capsys.readouterr().err
    assert api.requests == []


def test_an_api_error_exits_1(api: MockAPI, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([*ST, "get", "9"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "HTTP 403" in err and "Not yours" in err


def test_list_sends_the_filters(api: MockAPI, capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        *ST,
        "list",
        "--account-id",
        "32455218",
        "--pair",
        "USDT_DOGE",
        "--type",
        "smart_trade",
        "--page",
        "2",
        "--per-page",
        "20",
        "--status",
        "active",
        "--order-by",
        "created_at",
        "--order-direction",
        "asc",
        "--from",
        "2024-09-01T00:00:00Z",
        "--to",
        "2024-09-02T10:00:00",
        "--base",
        "DOGE",
        "--quote",
        "USDT",
    ]
    assert cli.main(args) == 0
    assert json.loads(capsys.readouterr().out) == _example("ListSmartTradesOk")
    assert api.only().url.query == (
        b"account_id=32455218&pair=USDT_DOGE&type=smart_trade&page=2&per_page=20&status=active"
        b"&order_by=created_at&order_direction=asc&from=2024-09-01T00%3A00%3A00%2B00%3A00"
        b"&to=2024-09-02T10%3A00%3A00%2B00%3A00&base=DOGE&quote=USDT"
    )


def _table_lines(out: str) -> list[str]:
    lines = out.splitlines()
    assert lines and all(line == line.rstrip() for line in lines)
    return lines


def _column_starts(header: str, names: list[str]) -> list[int]:
    return [header.index(name) for name in names]


def test_list_as_a_table(api: MockAPI, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([*ST, "list", "--format", "table"]) == 0
    lines = _table_lines(capsys.readouterr().out)
    names = ["ID", "PAIR", "TYPE", "STATUS", "PROFIT %", "CREATED AT"]
    starts = _column_starts(lines[0], names)
    assert starts == sorted(starts)
    smart_trades = _example("ListSmartTradesOk")
    assert len(lines) == 1 + len(smart_trades)
    for line, smart_trade in zip(lines[1:], smart_trades, strict=True):
        cells = [
            str(smart_trade["id"]),
            smart_trade["pair"],
            smart_trade["data"]["type"],
            smart_trade["status"]["basic_type"],
            smart_trade["profit"]["percent"],
            smart_trade["data"]["created_at"],
        ]
        for start, cell in zip(starts, cells, strict=True):
            assert line[start:].startswith(cell)


def test_trades_list_as_a_table(api: MockAPI, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([*ST, "trades", "list", "7", "--format", "table"]) == 0
    lines = _table_lines(capsys.readouterr().out)
    names = ["ID", "PURPOSE", "SIDE", "TYPE", "STATUS", "AMOUNT", "PRICE"]
    starts = _column_starts(lines[0], names)
    trades = _example("ListTradesOk")
    assert len(lines) == 1 + len(trades)
    first = trades[0]
    cells = [
        str(first["id"]),
        first["trade_purpose"],
        first["order_side"],
        first["order_type"],
        first["status"],
        first["initial_amount"],
        first["order_price"],
    ]
    for start, cell in zip(starts, cells, strict=True):
        assert lines[1][start:].startswith(cell)


def test_format_table_shows_missing_values_as_a_dash() -> None:
    table = cli.format_table(["A", "LONG NAME"], [[1, None], ["wide cell", "x"]])
    assert table == "A          LONG NAME\n1          -\nwide cell  x\n"


def test_list_all_walks_every_page(api: MockAPI, capsys: pytest.CaptureFixture[str]) -> None:
    one = _example("ListSmartTradesOk")[0]
    sizes = {1: 2, 2: 2, 3: 1}

    def paged(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        return httpx.Response(200, json=[one] * sizes.get(page, 0))

    api.answer = paged
    assert cli.main([*ST, "list", "--all", "--per-page", "2", "--status", "finished"]) == 0
    assert json.loads(capsys.readouterr().out) == [one] * 5
    assert [(r.url.params["page"], r.url.params["per_page"]) for r in api.requests] == [
        ("1", "2"),
        ("2", "2"),
        ("3", "2"),
    ]
    assert all(r.url.params["status"] == "finished" for r in api.requests)


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--per-page", "500"],
        ["list", "--page", "0"],
        ["list", "--pair", "BTC"],
        ["list", "--base", "B-T-C"],
    ],
)
def test_list_filters_the_sdk_refuses_exit_2(
    api: MockAPI, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    assert cli.main([*ST, *args]) == 2
    assert capsys.readouterr().err.startswith("threecommas: ")
    assert api.requests == []


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--type", "nope"],
        ["list", "--order-direction", "DESC"],
        ["list", "--from", "yesterday"],
        ["list", "--per-page", "ten"],
        ["list", "--format", "csv"],
        ["get"],
        ["get", "0"],
        ["set-note", "7"],
        ["create"],
        ["update", "7"],
        ["trades", "cancel", "7"],
        ["trades", "list", "7", "8"],
        ["nope", "7"],
    ],
)
def test_usage_errors_exit_2(
    api: MockAPI, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main([*ST, *args])
    assert exited.value.code == 2
    assert capsys.readouterr().out == ""
    assert api.requests == []


def test_help_lists_every_operation(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main([*ST, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for name in (
        "create",
        "list",
        "get",
        "update",
        "cancel",
        "add-funds",
        "reduce-funds-info",
        "reduce-funds",
        "close-by-market",
        "set-note",
        "force-start",
        "force-process",
        "trades",
        "close-trade-by-market",
    ):
        assert f"    {name}" in out, name


# --- against the recorded-responses server ------------------------------------------------------


def test_create_then_inspect_through_the_server(
    credentials: RunningServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = ["--base-url", credentials.base_url]
    body = {
        "account_id": 32455218,
        "pair": "USDT_BTC",
        "position": {"type": "buy", "order_type": "market", "units": {"value": "0.01"}},
        "take_profit": {
            "enabled": True,
            "steps": [
                {"order_type": "limit", "volume": "100", "price": {"type": "last", "value": "9"}}
            ],
        },
    }
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(body)))
    assert cli.main([*ST, "create", "--body", "-", *server]) == 0
    created = json.loads(capsys.readouterr().out)
    smart_trade_id = str(created["id"])
    assert created["status"]["basic_type"] == "created"

    assert cli.main([*ST, "set-note", smart_trade_id, "from the CLI", *server]) == 0
    assert json.loads(capsys.readouterr().out)["note"] == "from the CLI"

    assert cli.main([*ST, "get", smart_trade_id, *server]) == 0
    assert json.loads(capsys.readouterr().out)["note"] == "from the CLI"

    assert cli.main([*ST, "trades", "list", smart_trade_id, "--format", "table", *server]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "PURPOSE", "SIDE", "TYPE", "STATUS", "AMOUNT", "PRICE"]
    assert any(" position " in line for line in lines[1:])

    assert cli.main([*ST, "list", "--all", "--per-page", "3", "--format", "table", *server]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert len(rows) == len(credentials.store)
    assert any(row.startswith(smart_trade_id + " ") for row in rows)

    # Not allowed before the entry fills: the API's refusal, exit 1.
    assert cli.main([*ST, "cancel", smart_trade_id, *server]) == 1
    assert "HTTP 403" in capsys.readouterr().err


def test_a_bad_body_sends_nothing_to_the_server(
    credentials: RunningServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    before = credentials.store.snapshot()
    body_file = tmp_path / "body.json"
    body_file.write_text('{"account_id": 1, "pair": "USDT_BTC", "position": {"type": "buy"}}')
    args = [*ST, "create", "--body", str(body_file), "--base-url", credentials.base_url]
    assert cli.main(args) == 2
    assert "position[order_type]" in capsys.readouterr().err
    assert credentials.store.snapshot() == before


# --- the command line speaks in flags and environment variables ---------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"threecommas {threecommas.__version__}\n"


@pytest.mark.parametrize(
    "args",
    [
        ["--base-url", "https://before.example/public/api", "--timeout", "7", *ST, "get", "7"],
        [*ST, "--base-url", "https://before.example/public/api", "--timeout", "7", "get", "7"],
        [*ST, "get", "7", "--base-url", "https://before.example/public/api", "--timeout", "7"],
        [
            "--base-url",
            "https://other.example/public/api",
            *ST,
            "get",
            "7",
            "--base-url",
            "https://before.example/public/api",
            "--timeout",
            "7",
        ],
    ],
    ids=["before", "between", "after", "the-last-wins"],
)
def test_global_options_before_or_after_the_subcommand(
    api: MockAPI, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    assert cli.main(args) == 0
    request = api.only()
    assert str(request.url) == "https://before.example/public/api/v2/smart_trades/7"
    assert request.extensions["timeout"]["read"] == 7
    assert capsys.readouterr().err == ""


def test_forced_mode_and_verbose_before_the_subcommand(
    api: MockAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--forced-mode", "paper", "-v", *ST, "get", "7"]) == 0
    assert api.only().headers["Forced-Mode"] == "paper"
    assert "DEBUG threecommas: GET /public/api/v2/smart_trades/7 -> 200" in capsys.readouterr().err


def test_verbose_turns_on_the_debug_log_on_stderr_without_secrets(
    api: MockAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([*ST, "get", "7"]) == 0
    assert capsys.readouterr().err == ""  # quiet by default
    assert cli.main([*ST, "get", "7", "--verbose"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == _example("GetSmartTradeOk")
    assert "DEBUG threecommas:" in err
    assert "cli-key" not in err and "cli-secret" not in err
    assert api.requests[-1].headers["Signature"] not in err
    # The log is the command's only: nothing stays attached once it returns.
    assert logging.getLogger("threecommas").handlers == []


def test_the_base_url_comes_from_the_environment_unless_given(
    api: MockAPI, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("THREE_COMMAS_BASE_URL", "http://env.example:8080/public/api")
    assert cli.main([*ST, "get", "7"]) == 0
    assert cli.main([*ST, "get", "7", "--base-url", "http://flag.example/public/api"]) == 0
    assert [str(r.url) for r in api.requests] == [
        "http://env.example:8080/public/api/v2/smart_trades/7",
        "http://flag.example/public/api/v2/smart_trades/7",
    ]
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("source", ["--base-url", "THREE_COMMAS_BASE_URL"])
def test_a_base_url_without_the_api_path_gets_a_hint_and_still_runs(
    api: MockAPI, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], source: str
) -> None:
    url = "https://api.example"
    if source == "--base-url":
        args = [*ST, "get", "7", "--base-url", url]
    else:
        monkeypatch.setenv(source, url)
        args = [*ST, "get", "7"]
    api.answer = lambda request: httpx.Response(404, json={"error": "Not Found"})
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"threecommas: warning: {source} does not end with /public/api")
    assert "https://api.3commas.io/public/api" in err
    assert str(api.only().url) == "https://api.example/v2/smart_trades/7"


@pytest.mark.parametrize("source", ["--base-url", "THREE_COMMAS_BASE_URL"])
@pytest.mark.parametrize("url", ["ftp://user:hunter2@host/public/api", "hunter2", "https://"])
def test_a_base_url_that_is_not_http_exits_2_without_echoing_it(
    api: MockAPI,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    source: str,
    url: str,
) -> None:
    if source == "--base-url":
        args = [*ST, "get", "7", "--base-url", url]
    else:
        monkeypatch.setenv(source, url)
        args = [*ST, "get", "7"]
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert err == f"threecommas: {source} must be an http:// or https:// URL with a host\n"
    assert api.requests == []


_NO_PYTHON_WORDS = ("api_key", "api_secret", "private_key", "base_url", "pass ")


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({}, "threecommas: no API key: set THREE_COMMAS_API_KEY\n"),
        (
            {"THREE_COMMAS_API_KEY": "k"},
            "threecommas: no API secret: set THREE_COMMAS_API_SECRET (system-generated key) or "
            "THREE_COMMAS_PRIVATE_KEY_FILE (the path of your RSA private key, PEM)\n",
        ),
        (
            {"THREE_COMMAS_API_KEY": "k", "THREE_COMMAS_API_SECRET": ""},
            "threecommas: no API secret: set THREE_COMMAS_API_SECRET (system-generated key) or "
            "THREE_COMMAS_PRIVATE_KEY_FILE (the path of your RSA private key, PEM)\n",
        ),
        (
            {
                "THREE_COMMAS_API_KEY": "k",
                "THREE_COMMAS_API_SECRET": "s3cr3t",
                "THREE_COMMAS_PRIVATE_KEY_FILE": "/key.pem",
            },
            "threecommas: both THREE_COMMAS_API_SECRET and THREE_COMMAS_PRIVATE_KEY_FILE are "
            "set; keep one\n",
        ),
        (
            {"THREE_COMMAS_API_KEY": "k", "THREE_COMMAS_PRIVATE_KEY_FILE": "/no/such/key.pem"},
            "threecommas: THREE_COMMAS_PRIVATE_KEY_FILE: the file it names cannot be read "
            "(No such file or directory)\n",
        ),
        (
            {
                "THREE_COMMAS_API_KEY": "k",
                "THREE_COMMAS_PRIVATE_KEY_FILE": "-----BEGIN PRIVATE KEY-----\ns3cr3t\n",
            },
            "threecommas: THREE_COMMAS_PRIVATE_KEY_FILE holds PEM text; it must be the path "
            "of the PEM file\n",
        ),
    ],
    ids=["no-key", "no-secret", "empty-secret", "both", "unreadable-key-file", "pem-as-path"],
)
def test_credential_messages_name_environment_variables(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    environment: dict[str, str],
    message: str,
) -> None:
    for name in (
        "THREE_COMMAS_API_KEY",
        "THREE_COMMAS_API_SECRET",
        "THREE_COMMAS_PRIVATE_KEY_FILE",
        "THREE_COMMAS_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert cli.main([*CLOSE, "1", "2"]) == 2
    err = capsys.readouterr().err
    assert err == message
    assert not any(word in err for word in _NO_PYTHON_WORDS)
    assert "s3cr3t" not in err


def test_an_rsa_key_file_from_the_environment_is_used(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from threecommas.testing import TEST_PRIVATE_KEY_PATH

    monkeypatch.setenv("THREE_COMMAS_API_KEY", "rsa-key")
    monkeypatch.delenv("THREE_COMMAS_API_SECRET", raising=False)
    monkeypatch.setenv("THREE_COMMAS_PRIVATE_KEY_FILE", str(TEST_PRIVATE_KEY_PATH))
    sent: list[httpx.Request] = []
    real_client = cli.ThreeCommas

    def client(**options: Any) -> ThreeCommas:
        def answer(request: httpx.Request) -> httpx.Response:
            sent.append(request)
            return httpx.Response(200, json=_example("GetSmartTradeOk"))

        return real_client(
            http_client=httpx.Client(transport=httpx.MockTransport(answer)), **options
        )

    monkeypatch.setattr(cli, "ThreeCommas", client)
    assert cli.main([*ST, "get", "7"]) == 0
    assert sent[0].headers["Apikey"] == "rsa-key"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--per-page", "500"], "threecommas: --per-page must be between 1 and 100"),
        (["list", "--page", "0"], "threecommas: --page must be between"),
        (["list", "--pair", "BTC"], "threecommas: --pair must look like"),
        (["list", "--base", "B-T-C"], "threecommas: --base must look like"),
    ],
)
def test_refused_options_are_named_as_flags(
    api: MockAPI, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert cli.main([*ST, *args]) == 2
    assert capsys.readouterr().err.startswith(message)
    assert api.requests == []


def test_parameter_names_in_messages_become_flags() -> None:
    names = option_names()
    assert names["per_page"] == "--per-page"
    assert names["from_"] == "--from"
    assert names["base_url"] == "--base-url"
    assert names["smart_trade_id"] == "ID"
    assert in_cli_words("account_id must be an int", names) == "--account-id must be an int"
    assert in_cli_words("invalid X: note ...", names) == "invalid X: note ..."


def test_a_json_number_for_a_quantity_is_refused_in_json_terms(
    api: MockAPI, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    body_file = tmp_path / "body.json"
    body_file.write_text('{"order_type": "market", "units": {"value": 0.5}}')
    assert cli.main([*ST, "add-funds", "7", "--body", str(body_file)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f'threecommas: --body {body_file}: units[value] must be a string such as "0.5" for a '
        "quantity or a price (or a whole number where one is expected), got the number 0.5\n"
    )
    assert "decimal.Decimal" not in err and "float" not in err
    assert api.requests == []


@pytest.mark.parametrize(
    ("operation", "schema"),
    [
        (["create"], "CreateSmartTradeRequest"),
        (["update", "7"], "UpdateSmartTradeRequest"),
        (["add-funds", "7"], "AddFundsRequest"),
        (["reduce-funds", "7"], "ReduceFundsRequest"),
    ],
)
def test_help_shows_an_example_body_that_is_accepted(
    api: MockAPI,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    operation: list[str],
    schema: str,
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main([*ST, *operation, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    heading = f"example body ({schema}; quantities and prices are strings):\n"
    assert heading in out
    shown_body = json.loads(out.split(heading, 1)[1])
    assert shown_body == cli.EXAMPLE_BODIES[schema]
    # What the help shows, sent as it is: the SDK's checks let it through.
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(shown_body)))
    assert cli.main([*ST, *operation, "--body", "-"]) == 0
    sent = json.loads(api.only().content)
    assert {name: sent.get(name) for name in shown_body} == shown_body


def test_the_create_example_opens_a_smart_trade_on_the_server(
    credentials: RunningServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    example = cli.EXAMPLE_BODIES["CreateSmartTradeRequest"]
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(example)))
    assert cli.main([*ST, "create", "--body", "-", "--base-url", credentials.base_url]) == 0
    assert json.loads(capsys.readouterr().out)["pair"] == example["pair"]


# --- a reader that goes away --------------------------------------------------------------------


def _command_environment(server: RunningServer) -> dict[str, str]:
    env = {
        **os.environ,
        "THREE_COMMAS_API_KEY": server.api_key,
        "THREE_COMMAS_API_SECRET": server.api_secret or "",
    }
    env.pop("THREE_COMMAS_PRIVATE_KEY_FILE", None)
    return env


def _list_everything(server: RunningServer) -> list[str]:
    return [
        *(sys.executable, "-m", "threecommas", *ST, "list", "--status", "all", "--all"),
        *("--base-url", server.base_url),
    ]


@pytest.mark.slow
def test_a_closed_stdout_ends_the_command_quietly(threecommas_server: RunningServer) -> None:
    """The reader of the pipe is gone before the first byte is written: without the fix, a
    BrokenPipeError traceback and status 1 (and Python's "Exception ignored" note at exit)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            _list_everything(threecommas_server),
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=_command_environment(threecommas_server),
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert done.stderr == ""
    assert done.returncode == 0


@pytest.mark.slow
def test_piped_into_head_the_command_succeeds_quietly(threecommas_server: RunningServer) -> None:
    """`threecommas smart-trades list --status all | head -1`, with more output than a pipe
    holds, so that the command is still writing when `head` leaves."""
    from threecommas.testing.simulation import seed_closable_smart_trades

    seed_closable_smart_trades(threecommas_server.store, count=60, steps=1)
    script = 'set -o pipefail; "$@" 2>"$ERRORS" | head -1; echo "status=$?"'
    errors = subprocess.run(["mktemp"], capture_output=True, text=True, check=True).stdout.strip()
    try:
        done = subprocess.run(
            ["bash", "-c", script, "bash", *_list_everything(threecommas_server)],
            env={**_command_environment(threecommas_server), "ERRORS": errors},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert Path(errors).read_text() == ""
    finally:
        os.unlink(errors)
    assert done.stdout == "[\nstatus=0\n", done.stdout + done.stderr


# --- accounts, market data and the key check, against the server ------------------------------


def _no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("API_KEY", "API_SECRET", "PRIVATE_KEY_FILE", "BASE_URL"):
        monkeypatch.delenv(f"THREE_COMMAS_{name}", raising=False)


def test_market_commands_run_without_credentials(
    threecommas_server: RunningServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _no_credentials(monkeypatch)
    url = ["--base-url", threecommas_server.base_url]
    assert cli.main(["market", "rates", "USDT_BTC", "binance", *url]) == 0
    assert json.loads(capsys.readouterr().out)["minLotSize"] == "0.00001"
    assert cli.main(["market", "pairs", "binance", *url]) == 0
    assert "USDT_BTC" in json.loads(capsys.readouterr().out)
    assert cli.main(["market", "markets", "--format", "table", *url]) == 0
    assert "binance" in capsys.readouterr().out
    # A signed command still needs the credentials, and says so before sending.
    assert cli.main(["accounts", "list", *url]) == 2
    assert "THREE_COMMAS_API_KEY" in capsys.readouterr().err


def test_accounts_and_check_with_credentials(
    threecommas_server: RunningServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _no_credentials(monkeypatch)
    monkeypatch.setenv("THREE_COMMAS_API_KEY", threecommas_server.api_key)
    monkeypatch.setenv("THREE_COMMAS_API_SECRET", threecommas_server.api_secret or "")
    url = ["--base-url", threecommas_server.base_url]
    assert cli.main(["accounts", "list", "--format", "table", *url]) == 0
    table = capsys.readouterr().out
    assert "32455218" in table and "SMARTTRADES" in table
    assert cli.main(["accounts", "get", "32455218", *url]) == 0
    assert json.loads(capsys.readouterr().out)["market_code"] == "binance"
    threecommas_server.market.set_balance(32455218, "USDT", "12.5")
    assert cli.main(["accounts", "balances", "32455218", "--format", "table", *url]) == 0
    table = capsys.readouterr().out
    assert "FREE" in table and "USDT" in table and "12.5" in table
    assert cli.main(["accounts", "load-balances", "32455218", *url]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == 32455218
    # Same machine, same clock: within the Date header's whole second, no offset (each time).
    for _ in range(3):
        assert cli.main(["check", *url]) == 0
        checked = json.loads(capsys.readouterr().out)
        assert checked["valid"] is True and checked["key_type"] == "hmac"
        low, high = checked["clock_offset_range"]
        assert low <= 0 <= high and checked["clock_offset"] == 0
    monkeypatch.setenv("THREE_COMMAS_API_SECRET", "not-the-secret")
    assert cli.main(["check", *url]) == 1
    assert "signature" in capsys.readouterr().err.lower()


# --- the command's process ----------------------------------------------------------------------


def test_the_command_collects_garbage_less_often_and_main_leaves_it_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = gc.get_threshold()
    seen: list[tuple[int, ...]] = []
    monkeypatch.setattr(cli, "main", lambda: seen.append(gc.get_threshold()) or 0)
    try:
        assert cli.console_main() == 0
        assert seen == [(cli.GC_THRESHOLD, *before[1:])]
    finally:
        gc.set_threshold(*before)
    monkeypatch.undo()
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert gc.get_threshold() == before  # a program calling `main` keeps its own settings


def test_the_installed_command_and_python_m_run_the_console_entry() -> None:
    import tomllib

    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    assert pyproject["project"]["scripts"]["threecommas"] == "threecommas.cli:console_main"
    code = (
        "import atexit, gc, runpy, sys\n"
        "atexit.register(lambda: print('threshold', gc.get_threshold()[0]))\n"
        "sys.argv = ['threecommas', '--version']\n"
        "runpy.run_module('threecommas', run_name='__main__')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"threshold {cli.GC_THRESHOLD}"

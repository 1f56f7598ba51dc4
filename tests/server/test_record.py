"""Record mode: a live recorder in front of a live upstream, then a replay of what it wrote."""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from threecommas import ThreeCommas
from threecommas._signing import HmacSigner, signature_payload
from threecommas.testing import (
    DEFAULT_API_KEY,
    DEFAULT_API_SECRET,
    RunningServer,
    create_app,
    load_recordings,
    run_in_thread,
)
from threecommas.testing._command import add_record_options, record_main
from threecommas.testing.recording import (
    REDACTED,
    Recorder,
    create_recorder_app,
    upstream_origin,
)

SMART_TRADE_ID = 12345678
TRADE_ID = 1047934729


@pytest.fixture
def upstream() -> Iterator[RunningServer]:
    with run_in_thread() as server:
        yield server


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path / "recorded"


@pytest.fixture
def recorder(upstream: RunningServer, out_dir: Path) -> Iterator[RunningServer]:
    with run_in_thread(create_recorder_app(upstream.base_url, out_dir)) as server:
        yield server


def _written(out_dir: Path) -> list[Path]:
    return sorted(out_dir.iterdir())


def _assert_nothing_sensitive(out_dir: Path, *values: str) -> None:
    for file in _written(out_dir):
        text = file.read_text(encoding="utf-8")
        for value in (DEFAULT_API_KEY, DEFAULT_API_SECRET, "Signature", "Apikey", *values):
            assert value not in text, f"{value!r} found in {file.name}"


def test_recorded_interactions_replay_and_hold_no_credentials(
    recorder: RunningServer, out_dir: Path
) -> None:
    signatures: list[str] = []

    def keep_signature(request: httpx.Request) -> None:
        signatures.append(request.headers["Signature"])

    http = httpx.Client(event_hooks={"request": [keep_signature]})
    with ThreeCommas(
        DEFAULT_API_KEY, DEFAULT_API_SECRET, base_url=recorder.base_url, http_client=http
    ) as client:
        before = client.smart_trades.get(SMART_TRADE_ID)
        closed = client.smart_trades.close_trade_by_market(SMART_TRADE_ID, TRADE_ID)
    http.close()
    # The upstream checks signatures: these answers prove the recorder forwarded the target,
    # the body and the Apikey and Signature headers unchanged.
    assert closed is not None
    assert closed.take_profit.steps[2].status.basic_type == "panic_sell_pending"
    assert len(signatures) == 2

    files = _written(out_dir)
    assert [f.name for f in files] == [
        f"0001_get_smart_trade_{SMART_TRADE_ID}.json",
        f"0002_close_trade_by_market_{SMART_TRADE_ID}_{TRADE_ID}.json",
    ]
    got, close = load_recordings(out_dir)
    assert (got.operation, got.method, got.status) == ("get_smart_trade", "GET", 200)
    assert got.path == f"/v2/smart_trades/{SMART_TRADE_ID}"
    assert (close.operation, close.method, close.status) == ("close_trade_by_market", "POST", 201)
    assert got.body == before.to_dict()
    assert close.body == closed.to_dict()
    assert "127.0.0.1" in close.source

    _assert_nothing_sensitive(out_dir, *signatures)

    # A fresh server started from the recorded directory gives the same answers.
    with (
        run_in_thread(create_app(recordings_dir=out_dir)) as replay,
        httpx.Client(base_url=replay.base_url) as raw,
    ):
        auth = replay_auth()
        replayed_get = raw.get(f"/v2/smart_trades/{SMART_TRADE_ID}", auth=auth)
        replayed_close = raw.post(
            f"/v2/smart_trades/{SMART_TRADE_ID}/trades/{TRADE_ID}/close_by_market", auth=auth
        )
    assert replayed_get.status_code == 200
    assert replayed_get.json() == got.body
    assert replayed_close.status_code == 201
    assert replayed_close.json() == close.body


def replay_auth() -> httpx.Auth:
    from threecommas import ThreeCommasAuth

    return ThreeCommasAuth(DEFAULT_API_KEY, HmacSigner(DEFAULT_API_SECRET))


def test_credentials_in_the_query_cookies_or_headers_stay_out(
    recorder: RunningServer, out_dir: Path
) -> None:
    query = "per_page=2&api_key=query-key-value-1&token=query-token-value-2&page=1"
    path = f"/public/api/v2/smart_trades?{query}"
    signature = HmacSigner(DEFAULT_API_SECRET).sign(signature_payload(path.encode(), b""))
    origin = recorder.base_url.removesuffix("/public/api")
    response = httpx.get(
        origin + path,
        headers={
            "Apikey": DEFAULT_API_KEY,
            "Signature": signature,
            "Forced-Mode": "paper",
            "Authorization": "Bearer bearer-token-value-3",
            "Cookie": "session=cookie-value-number-4",
            "X-Session-Token": "session-header-value-5",
        },
    )
    assert response.status_code < 500
    (file,) = _written(out_dir)
    recording = json.loads(file.read_text(encoding="utf-8"))
    assert recording["operation"] == "list_smart_trades"
    assert recording["path"] == "/v2/smart_trades?per_page=2&page=1"
    assert set(recording) == {"operation", "method", "path", "status", "body", "source"}
    _assert_nothing_sensitive(
        out_dir,
        signature,
        "query-key-value-1",
        "query-token-value-2",
        "bearer-token-value-3",
        "cookie-value-number-4",
        "session-header-value-5",
    )


def test_a_request_body_reaches_the_upstream_unchanged(
    recorder: RunningServer, out_dir: Path
) -> None:
    note = 'tp ✓ — ünïcode & "quotes"'
    with ThreeCommas(DEFAULT_API_KEY, DEFAULT_API_SECRET, base_url=recorder.base_url) as client:
        # The upstream verifies the signature over the body bytes it received.
        updated = client.smart_trades.set_note(SMART_TRADE_ID, note)
    assert updated.note == note
    (recording,) = load_recordings(out_dir)
    assert recording.operation == "set_note"
    assert recording.body["note"] == note


def test_a_credential_echoed_in_a_body_is_redacted(tmp_path: Path) -> None:
    recorder = Recorder(tmp_path, source="test")
    file = recorder.write(
        method="GET",
        target="/public/api/v2/smart_trades/5",
        status=200,
        content=json.dumps({"id": 5, "note": f"key {DEFAULT_API_KEY}"}).encode(),
        secret_headers=[("Apikey", DEFAULT_API_KEY), ("Content-Type", "application/json")],
    )
    assert file is not None
    body = json.loads(file.read_text(encoding="utf-8"))["body"]
    assert body == {"id": 5, "note": f"key {REDACTED}"}


def test_unknown_operations_are_forwarded_but_not_recorded(
    recorder: RunningServer, out_dir: Path
) -> None:
    origin = recorder.base_url.removesuffix("/public/api")
    forwarded = httpx.get(recorder.base_url + "/v2/no_such_thing")
    assert forwarded.status_code == 404
    assert forwarded.json()["error"] == "Not found"
    outside = httpx.get(origin + "/elsewhere")
    assert outside.status_code == 404
    assert "/public/api" in outside.json()["error_description"]
    assert _written(out_dir) == []


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_an_unreachable_upstream_is_a_502_and_nothing_is_written(out_dir: Path) -> None:
    app = create_recorder_app(f"http://127.0.0.1:{_closed_port()}", out_dir)
    with run_in_thread(app) as recorder:
        response = httpx.get(recorder.base_url + f"/v2/smart_trades/{SMART_TRADE_ID}")
    assert response.status_code == 502
    assert response.json()["error"] == "bad_gateway"
    assert _written(out_dir) == []


def test_numbering_continues_after_the_files_already_there(tmp_path: Path) -> None:
    (tmp_path / "0007_get_smart_trade_5.json").write_text("{}")
    recorder = Recorder(tmp_path, source="test")
    file = recorder.write(
        method="GET",
        target="/public/api/v2/smart_trades/6",
        status=404,
        content=b"",
        secret_headers=[],
    )
    assert file is not None and file.name == "0008_get_smart_trade_6.json"
    assert json.loads(file.read_text())["body"] is None


@pytest.mark.parametrize(
    ("upstream", "origin"),
    [
        ("https://api.3commas.io/public/api", "https://api.3commas.io"),
        ("https://api.3commas.io/public/api/", "https://api.3commas.io"),
        ("https://api.3commas.io", "https://api.3commas.io"),
        ("http://127.0.0.1:8080/public/api", "http://127.0.0.1:8080"),
    ],
)
def test_upstream_origin(upstream: str, origin: str) -> None:
    assert upstream_origin(upstream) == origin


@pytest.mark.parametrize(
    "upstream",
    [
        "ftp://api.3commas.io",
        "https://user:secret@api.3commas.io",
        "https://api.3commas.io/other/prefix",
        "https://api.3commas.io/public/api?x=1",
        "not a url",
    ],
)
def test_bad_upstreams_are_refused(upstream: str) -> None:
    with pytest.raises(ValueError):
        upstream_origin(upstream)


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_record_options(parser)
    return parser.parse_args(argv)


def test_record_main_refuses_a_bad_upstream(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = _parse("--out", str(tmp_path), "--upstream", "https://host/not/the/api")
    assert record_main(args) == 2
    assert "path must be empty or /public/api" in capsys.readouterr().err


_RUN_RECORDER = """
import argparse, sys
from threecommas.testing._command import add_record_options, record_main
parser = argparse.ArgumentParser()
add_record_options(parser)
sys.exit(record_main(parser.parse_args(sys.argv[1:])))
"""


@pytest.mark.slow
def test_record_main_serves_until_terminated(upstream: RunningServer, out_dir: Path) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _RUN_RECORDER,
            "--upstream",
            upstream.base_url,
            "--out",
            str(out_dir),
            "--port",
            "0",
            "--no-access-log",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/public/api")
        with ThreeCommas(DEFAULT_API_KEY, DEFAULT_API_SECRET, base_url=url) as client:
            client.smart_trades.get(SMART_TRADE_ID)
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=15)
    assert proc.returncode == 0, stderr
    assert "recorded GET /v2/smart_trades/12345678 -> 200" in stderr
    assert [f.name for f in _written(out_dir)] == [f"0001_get_smart_trade_{SMART_TRADE_ID}.json"]


@pytest.mark.slow
def test_the_command_line_offers_record_beside_serve(
    upstream: RunningServer, out_dir: Path
) -> None:
    command = [sys.executable, "-m", "threecommas.testing", "record"]
    proc = subprocess.Popen(
        [*command, "--upstream", upstream.base_url, "--out", str(out_dir), "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        base_url = proc.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:")
        with ThreeCommas(upstream.api_key, upstream.api_secret, base_url=base_url) as client:
            assert client.smart_trades.get(12345678).id == 12345678
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    (recording,) = out_dir.glob("*.json")
    assert json.loads(recording.read_text())["operation"] == "get_smart_trade"

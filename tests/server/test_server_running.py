"""The recorded-responses server live: the pytest fixtures and the command line."""

from __future__ import annotations

import math
import os
import re
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from email.utils import parsedate_to_datetime

import httpx
import pytest

from tests.server_support import (
    AUTH,
    AUTH_SIGNATURE,
    CLOSE_PATH,
    CLOSED_STEP_ID,
    OTHER_STEP_ID,
    PENDING,
    SMART_TRADE_ID,
    assert_json_error,
    close_path,
    seed_body,
    signed_headers,
    step,
)
from threecommas._signing import HmacSigner, RsaSigner, ThreeCommasAuth
from threecommas.testing import (
    DEFAULT_API_SECRET,
    TEST_PRIVATE_KEY_PATH,
    TEST_PUBLIC_KEY_PATH,
    RunningServer,
)

# Live servers, subprocesses or long scenarios: `make test` runs them, `make unit` does not.
pytestmark = pytest.mark.slow

# --- Live servers ----------------------------------------------------------------------------


def test_live_server_fixture(threecommas_server: RunningServer) -> None:
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/public/api", threecommas_server.base_url)
    auth = ThreeCommasAuth(
        threecommas_server.api_key, HmacSigner(threecommas_server.api_secret or "")
    )
    with httpx.Client(base_url=threecommas_server.base_url, auth=auth, timeout=10) as client:
        response = client.post(CLOSE_PATH)
        assert response.status_code == 201
        assert response.json() == seed_body()
        assert threecommas_server.store.get(SMART_TRADE_ID) == seed_body()
        assert_json_error(client.post(CLOSE_PATH), 403)
        # Header names travel upper-case here; the server must not care.
        manual = signed_headers(("/public/api" + close_path(trade_id=OTHER_STEP_ID)).encode())
        upper = {"APIKEY": manual["Apikey"], "SIGNATURE": manual["Signature"]}
        response = client.post(close_path(trade_id=OTHER_STEP_ID), auth=None, headers=upper)
        assert response.status_code == 201
        assert_json_error(client.get(CLOSE_PATH), 405)
        assert_json_error(client.post(close_path("AAA")), 404)


def _assert_dated_now(client: httpx.Client, seconds: float) -> int:
    """Answers for `seconds` (over a second boundary) each carry one `Date`: the second it was
    sent in, not uvicorn's copy refreshed once a second (which lags behind after a boundary)."""
    answers = 0
    started = time.time()
    while answers < 3 or time.time() - started < seconds:
        before = time.time()
        response = client.get(CLOSE_PATH)
        after = time.time()
        dates = response.headers.get_list("date")
        assert len(dates) == 1, dates
        written = parsedate_to_datetime(dates[0]).timestamp()
        assert math.floor(before) <= written <= after, (before, dates[0], after)
        answers += 1
    return answers


def test_live_servers_date_each_answer_when_it_is_sent(threecommas_server: RunningServer) -> None:
    with httpx.Client(base_url=threecommas_server.base_url, timeout=10) as client:
        assert _assert_dated_now(client, 1.5) >= 3


def test_live_server_fixture_is_fresh_per_test(threecommas_server: RunningServer) -> None:
    # Runs after the test above closed the seed's step on its own server.
    start = threecommas_server.store.get(SMART_TRADE_ID)
    assert start is not None
    assert step(start, CLOSED_STEP_ID)["status"] == PENDING


def test_an_idle_connection_outlives_the_clients_keep_alive(
    threecommas_server: RunningServer,
) -> None:
    """The server closes an idle connection only well after httpx stops reusing it (5 s), so
    no request is ever sent on a connection the server is closing at that very moment."""
    expiry = httpx.Limits().keepalive_expiry
    assert expiry is not None
    host, port = threecommas_server.base_url.split("//")[1].split("/")[0].rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"GET /public/api/ver1/ping HTTP/1.1\r\nHost: test\r\n\r\n")
        assert sock.recv(65536).startswith(b"HTTP/1.1 ")
        # Past the client's expiry (a loaded machine only looks later, as the server would
        # have closed it by then): still open, nothing to read.
        readable, _, _ = select.select([sock], [], [], expiry + 0.5)
        assert readable == [], "the server closed an idle connection a client could reuse"


def test_session_server_fixture(
    threecommas_server_session: RunningServer, threecommas_auth: ThreeCommasAuth
) -> None:
    # Shared across tests: only requests that change nothing.
    with httpx.Client(base_url=threecommas_server_session.base_url, timeout=10) as client:
        assert_json_error(client.post(CLOSE_PATH), 401)
        response = client.post(close_path(87654321), auth=threecommas_auth)
        assert_json_error(response, 404)


# --- Command line ----------------------------------------------------------------------------


@pytest.fixture
def serve_process() -> Iterator[list[subprocess.Popen[str]]]:
    """Collects started servers and makes sure each is gone after the test."""
    processes: list[subprocess.Popen[str]] = []
    yield processes
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def _start_server(
    processes: list[subprocess.Popen[str]], *args: str
) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "0"}
    process = subprocess.Popen(
        [sys.executable, "-m", "threecommas.testing", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    processes.append(process)
    assert process.stdout is not None
    # The printed line must arrive without the process exiting; a timer unblocks a hung read.
    timer = threading.Timer(20, process.kill)
    timer.start()
    try:
        line = process.stdout.readline()
    finally:
        timer.cancel()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/public/api\n", line), line
    return process, line.strip()


def _stop(process: subprocess.Popen[str]) -> tuple[str, str]:
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    return out, err


def test_command_line_server(serve_process: list[subprocess.Popen[str]]) -> None:
    process, url = _start_server(serve_process)
    with httpx.Client(base_url=url, auth=AUTH, timeout=10) as client:
        response = client.post(CLOSE_PATH)
        assert response.status_code == 201
        assert response.json() == seed_body()
        assert_json_error(client.post(CLOSE_PATH), 403)
        _assert_dated_now(client, 0)
    rest_of_stdout, stderr = _stop(process)
    assert rest_of_stdout == ""  # exactly one line on stdout
    assert DEFAULT_API_SECRET not in stderr
    assert AUTH_SIGNATURE not in stderr


def test_command_line_server_in_rsa_mode(serve_process: list[subprocess.Popen[str]]) -> None:
    process, url = _start_server(
        serve_process, "--api-key", "rsa-key", "--public-key", str(TEST_PUBLIC_KEY_PATH)
    )
    signer = RsaSigner.from_file(TEST_PRIVATE_KEY_PATH)
    with httpx.Client(base_url=url, timeout=10) as client:
        assert_json_error(client.post(CLOSE_PATH, auth=AUTH), 401)
        response = client.post(CLOSE_PATH, auth=ThreeCommasAuth("rsa-key", signer))
        assert response.status_code == 201
    _stop(process)


def test_command_line_refuses_secret_and_public_key_together() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "threecommas.testing",
            "serve",
            "--api-secret",
            "s3cr3t-value",
            "--public-key",
            str(TEST_PUBLIC_KEY_PATH),
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "s3cr3t-value" not in result.stderr

"""`make test` stays short when all is well, so that a real warning stands out: what the fuzzing
script and the schemathesis configuration leave out is only what is expected."""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from schemathesis.config._warnings import DEFAULT_DISPLAYED_WARNINGS

ROOT = Path(__file__).resolve().parents[2]


def _fuzz_cli() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_cli", ROOT / "scripts" / "fuzz_cli.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_only_the_two_expected_schemathesis_notes_are_off() -> None:
    config = tomllib.loads((ROOT / "schemathesis.toml").read_text(encoding="utf-8"))
    shown = set(config["warnings"]["display"])
    assert shown == {str(w) for w in DEFAULT_DISPLAYED_WARNINGS} - {
        "missing_auth",
        "missing_test_data",
    }
    assert "fail-on" not in config["warnings"]


@pytest.mark.fuzz
def test_the_server_log_of_a_fuzzing_run_is_only_expected_lines() -> None:
    """The real server, sent the junk schemathesis probes with (a NULL byte in a header): every
    line it logs is one the script leaves out; an error would not be."""
    fuzz_cli = _fuzz_cli()
    server = subprocess.Popen(
        [sys.executable, "-m", "threecommas.testing", "serve", "--port", "0", "--no-access-log"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        host, port = url.removeprefix("http://").split("/")[0].split(":")
        with socket.create_connection((host, int(port)), timeout=10) as connection:
            connection.sendall(b"GET /public/api HTTP/1.1\r\nHost: x\r\nX-Junk: a\x00b\r\n\r\n")
            connection.recv(1024)
    finally:
        server.terminate()
        _, log = server.communicate(timeout=20)
    lines = log.splitlines()
    assert any("Invalid HTTP request received." in line for line in lines), log
    assert all(fuzz_cli._EXPECTED_SERVER_LINES.fullmatch(line) for line in lines), log


@pytest.mark.parametrize(
    "line",
    [
        "ERROR:    Exception in ASGI application",
        "Traceback (most recent call last):",
        "WARNING:  Invalid HTTP request received. And something else",
        "INFO:     Started server process [12] and crashed",
    ],
)
def test_other_server_lines_are_shown(line: str) -> None:
    assert not _fuzz_cli()._EXPECTED_SERVER_LINES.fullmatch(line)


def test_a_passing_run_is_summed_up_in_one_line() -> None:
    report = (
        "Test cases:\n  124 generated, 124 passed, 3 skipped\n\n"
        "=========================== No issues found in 2.65s ===========================\n"
    )
    assert _fuzz_cli()._summary(report) == (
        "124 generated, 124 passed, 3 skipped; no issues found in 2.65s"
    )

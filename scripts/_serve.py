"""Run the recorded-responses server as a subprocess for the scripts (demo, CLI fuzzing)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

STARTUP_TIMEOUT_S = 30


@contextmanager
def recorded_server(*extra: str, stderr: IO[Any] | None = None) -> Iterator[str]:
    """Start `python -m threecommas.testing serve` on a free port; yield its base URL.

    The server's log goes to `stderr` (a file), else to this process's stderr."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "threecommas.testing",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        if not line.startswith("http://"):
            raise SystemExit(f"the server did not start (printed {line!r}, exit {proc.poll()})")
        yield line
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

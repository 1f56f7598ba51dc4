"""Run the recorded-responses server as a subprocess for the scripts (demo, CLI fuzzing)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

STARTUP_TIMEOUT_S = 30


@contextmanager
def recorded_server(*extra: str) -> Iterator[str]:
    """Start `python -m threecommas.testing serve` on a free port; yield its base URL."""
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

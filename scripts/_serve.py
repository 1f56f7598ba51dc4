"""Run the recorded-responses server as a subprocess for the scripts (demo, CLI fuzzing)."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from typing import IO, Any

STOP_TIMEOUT_S = 10


@contextlib.contextmanager
def announced_url(
    command: list[str], *, what: str = "server", stderr: IO[Any] | int | None = None
) -> Iterator[str]:
    """Run `command`, a server that prints its base URL on its first line of stdout once it
    accepts connections; yield that URL. On the way out the server gets SIGTERM, and SIGKILL if
    it is still there after STOP_TIMEOUT_S seconds."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, text=True) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline().strip()
            if not line.startswith("http://"):
                raise SystemExit(f"the {what} did not start (printed {line!r}, exit {proc.poll()})")
            yield line
        finally:
            proc.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=STOP_TIMEOUT_S)
            proc.kill()  # nothing happens if it has stopped


@contextlib.contextmanager
def recorded_server(*extra: str, stderr: IO[Any] | int | None = None) -> Iterator[str]:
    """Start `python -m threecommas.testing serve` on a free port; yield its base URL.

    The server's log goes to `stderr` (a file, or `subprocess.DEVNULL`), else to this process's
    stderr."""
    command = [sys.executable, "-m", "threecommas.testing", "serve", "--host", "127.0.0.1"]
    with announced_url([*command, "--port", "0", *extra], stderr=stderr) as url:
        yield url

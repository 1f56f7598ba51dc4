"""A real redis-server for the tests and the benchmark: on a free loopback port, persistence off,
in a temporary directory; it can be stopped and started again on the same port.

`make test` installs Debian's redis-server when it is missing (and it can). Without it, the tests
that need it are skipped, except under CI (`CI` set), where they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from types import TracebackType
from typing import Self

REDIS_SERVER = shutil.which("redis-server")
MISSING = (
    "redis-server is not installed: `make test` installs it where it can (Debian: "
    "apt-get install redis-server); or install Redis >= 5 from your system's packages"
)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """One redis-server process; `url` stays the same across `stop()` and `start()`."""

    def __init__(self) -> None:
        if REDIS_SERVER is None:
            raise RuntimeError(MISSING)
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._dir = tempfile.TemporaryDirectory(prefix="threecommas-redis-")
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        assert REDIS_SERVER is not None
        command = [
            REDIS_SERVER,
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "no",
            "--dir",
            self._dir.name,
            "--loglevel",
            "warning",
        ]
        self._process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                pass
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"redis-server did not start on port {self.port}")
            time.sleep(0.02)

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
        self._dir.cleanup()


def under_ci() -> bool:
    """`CI` set to anything but empty: the Makefile's `redis-server` target reads it the same
    way (`[ -n "$CI" ]`), so that both skip, or both fail, without Redis."""
    return bool(os.environ.get("CI"))


def require_redis_server() -> str | None:
    """None when redis-server can run here; else why not (to skip, or to fail under CI)."""
    if REDIS_SERVER is not None:
        return None
    if under_ci():
        raise RuntimeError(MISSING)
    return MISSING

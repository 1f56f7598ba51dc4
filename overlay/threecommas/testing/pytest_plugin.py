"""pytest fixtures for the recorded-responses server.

Enable them with ``pytest_plugins = ["threecommas.testing.pytest_plugin"]`` in a ``conftest.py``.

* ``threecommas_app``: a fresh app (fresh store) per test, for in-process clients;
* ``threecommas_server``: a fresh live server per test on a free loopback port;
* ``threecommas_server_session``: one live server for the whole session (its store is shared,
  so a test must not rely on the state another test may have changed);
* ``threecommas_auth``: an ``httpx.Auth`` that signs with the default test credentials.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.applications import Starlette

from threecommas._signing import HmacSigner, ThreeCommasAuth
from threecommas.testing._app import DEFAULT_API_KEY, DEFAULT_API_SECRET, create_app
from threecommas.testing._server import RunningServer, run_in_thread

__all__ = [
    "threecommas_app",
    "threecommas_auth",
    "threecommas_server",
    "threecommas_server_session",
]


@pytest.fixture
def threecommas_app() -> Starlette:
    """A recorded-responses app with the default credentials and a fresh store."""
    return create_app()


@pytest.fixture
def threecommas_server() -> Iterator[RunningServer]:
    """A live server on ``127.0.0.1`` with a fresh store, stopped after the test."""
    with run_in_thread() as server:
        yield server


@pytest.fixture(scope="session")
def threecommas_server_session() -> Iterator[RunningServer]:
    """One live server shared by every test of the session."""
    with run_in_thread() as server:
        yield server


@pytest.fixture
def threecommas_auth() -> ThreeCommasAuth:
    """Signs requests the way the servers above expect with their default credentials."""
    return ThreeCommasAuth(DEFAULT_API_KEY, HmacSigner(DEFAULT_API_SECRET))

"""The HTTP clients the SDK makes share one certificate check per process.

`httpx.Client()` loads the CA bundle into a new SSL context each time (tens of milliseconds):
a test suite or a script that makes many clients paid it on each. The SDK makes the context
once for each `SSL_CERT_FILE` / `SSL_CERT_DIR` setting, as httpx would make it, and passes it
to the clients it makes; a client given by the user (`http_client=`) keeps its own.
"""

from __future__ import annotations

import asyncio
import shutil
import ssl
from pathlib import Path
from typing import Any

import certifi
import httpx
import pytest

from threecommas import AsyncThreeCommas, ThreeCommas
from threecommas._base_client import default_ssl_context


def _context_of(http: httpx.Client | httpx.AsyncClient) -> Any:
    return http._transport._pool._ssl_context  # type: ignore[union-attr]


@pytest.fixture(autouse=True)
def _no_cert_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


def test_clients_share_one_context_that_verifies_like_httpx() -> None:
    with ThreeCommas("key", "secret") as first, ThreeCommas("key", "secret") as second:
        shared = _context_of(first._http)
        assert shared is _context_of(second._http) is default_ssl_context()
        async_client = AsyncThreeCommas("key", "secret")
        assert _context_of(async_client._http) is shared
        asyncio.run(async_client.close())
    # The check httpx makes by default: certificates required, host names checked, the same
    # CA bundle (certifi's) loaded.
    assert shared.verify_mode is ssl.CERT_REQUIRED and shared.check_hostname
    reference = httpx.create_ssl_context()
    assert shared.cert_store_stats() == reference.cert_store_stats()
    assert shared.cert_store_stats()["x509_ca"] > 0


def test_the_generated_client_shares_it_too() -> None:
    with ThreeCommas("key", "secret") as client:
        http = client.api_client.get_httpx_client()
        assert _context_of(http) is default_ssl_context()


def test_ssl_cert_file_gets_a_context_of_its_own(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    default = default_ssl_context()
    bundle = tmp_path / "ca.pem"
    shutil.copyfile(certifi.where(), bundle)
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    with ThreeCommas("key", "secret") as client:
        own = _context_of(client._http)
    assert own is not default and own is default_ssl_context()
    assert own.cert_store_stats() == default.cert_store_stats()


def test_a_users_http_client_keeps_its_own_check() -> None:
    unverified = httpx.Client(verify=False)
    with ThreeCommas("key", "secret", http_client=unverified) as client:
        assert _context_of(client._http) is not default_ssl_context()
        assert _context_of(client._http).verify_mode is ssl.CERT_NONE
    unverified.close()


def test_the_fixture_clients_share_it_too(
    threecommas_client: ThreeCommas, threecommas_async_client: AsyncThreeCommas
) -> None:
    """The fixtures make their HTTP clients themselves (for the server's clock): they still use
    the one context, or every test would load the CA bundle again."""
    assert _context_of(threecommas_client._http) is default_ssl_context()
    assert _context_of(threecommas_async_client._http) is default_ssl_context()

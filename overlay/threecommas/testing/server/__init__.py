"""The recorded-responses server on HTTP: the Starlette app, its routes, signatures, running it.

* ``_app``: :func:`create_app`, the app (the API's routes, ``/openapi.yaml``, the admin API of
  :mod:`threecommas.testing.faults`, and the fault layer around them);
* ``_routes``: one route per path of the spec's catalogue, and the order of the checks;
* ``_auth``: the ``Apikey`` and ``Signature`` check (HMAC or RSA), and the test credentials;
* ``_cable``: the SmartTradesChannel WebSocket stream at ``/websocket`` (:class:`CableChannel`);
* ``_running``: serving an app under uvicorn, from the command line or in a thread
  (:func:`run_in_thread`), or many apps in turn on one server (:class:`ServerHost`, the
  fixtures' way).

The SmartTrades and the rules behind the routes are :mod:`threecommas.testing.simulation`.
"""

from __future__ import annotations

from threecommas.testing.server._app import OPENAPI_DOCUMENT_PATH, create_app
from threecommas.testing.server._auth import (
    DEFAULT_API_KEY,
    DEFAULT_API_SECRET,
    TEST_PRIVATE_KEY_PATH,
    TEST_PUBLIC_KEY_PATH,
    RequestVerifier,
)
from threecommas.testing.server._cable import CableChannel
from threecommas.testing.server._running import (
    RunningServer,
    ServerHost,
    bind_socket,
    make_server,
    run_in_thread,
    serve_until_stopped,
    server_url,
)

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_API_SECRET",
    "OPENAPI_DOCUMENT_PATH",
    "TEST_PRIVATE_KEY_PATH",
    "TEST_PUBLIC_KEY_PATH",
    "CableChannel",
    "RequestVerifier",
    "RunningServer",
    "ServerHost",
    "bind_socket",
    "create_app",
    "make_server",
    "run_in_thread",
    "serve_until_stopped",
    "server_url",
]

"""An offline stand-in for the 3Commas SmartTrade v2 API, for tests and demos.

It answers from recorded API responses, keeps SmartTrades in memory so that actions change them
as the real API would, and checks the ``Apikey`` and ``Signature`` headers like the real API
(HMAC with a secret, or RSA with a public key). Use it in-process::

    from threecommas.testing import create_app
    app = create_app()                      # a Starlette app with a fresh store

as a live server in a test (the pytest plugin that the package registers gives the
``threecommas_server``, ``threecommas_client`` and other fixtures, or use
:func:`run_in_thread`, or :class:`ServerHost` to serve many apps in turn on one uvicorn
server), or from the command line::

    python -m threecommas.testing serve --port 0      # prints http://127.0.0.1:PORT/public/api

It needs the ``testing`` extra: ``pip install 'threecommas-sdk[testing]'``.

The package by layer: :mod:`~threecommas.testing.server` (the app, its routes, signatures,
running it), :mod:`~threecommas.testing.simulation` (the store, one rule per operation, state
and flags, entities, listing), :mod:`~threecommas.testing.faults` (fault injection, counters,
emulated limits, the admin API, the fault options) and :mod:`~threecommas.testing.recording`
(the recording files and the recorder); the simulated market that moves SmartTrades lives in
``simulation`` and is driven by ``server.market`` (:class:`MarketControl`), the admin API
under ``/__admin__/market`` and ``serve --market FILE``; ``_operations`` reads the operations
from the spec's catalogue, ``_command`` is the command line, and ``pytest_plugin`` and
``schemathesis_auth`` serve test suites.

:func:`backtest` runs a strategy (``strategy(client, bar)``) over candles on a fresh simulated
market in virtual time and returns a :class:`BacktestReport` (see ``_backtest``).

For annotating a test suite's own fixtures and helpers: :class:`MarketControl` is the type of
the ``threecommas_market`` fixture, :class:`ServerFactory` of ``threecommas_server_factory``,
:class:`ClientFactory` of ``threecommas_client_factory``; :class:`ScaledClock` is the clock the
fixtures' clients run on (the server's ``time_factor``, by default
:data:`FIXTURE_TIME_FACTOR`).
"""

from __future__ import annotations

import importlib.util

# Without the `testing` extra this package still imports (pytest loads the plugin from it in
# every environment where the SDK is installed); its names then raise a clear ImportError.
_MISSING_EXTRA = [
    name for name in ("starlette", "uvicorn") if importlib.util.find_spec(name) is None
]

if not _MISSING_EXTRA:
    from threecommas._clock import ScaledClock
    from threecommas.testing._backtest import BacktestReport, backtest
    from threecommas.testing._fixtures import FIXTURE_TIME_FACTOR, ClientFactory, ServerFactory
    from threecommas.testing._operations import API_PREFIX
    from threecommas.testing.faults import FaultConfig, FaultRule, Faults, RateLimitConfig
    from threecommas.testing.recording import (
        DEFAULT_RECORDINGS_DIR,
        Recording,
        RecordingError,
        load_recordings,
    )
    from threecommas.testing.server import (
        DEFAULT_API_KEY,
        DEFAULT_API_SECRET,
        OPENAPI_DOCUMENT_PATH,
        TEST_PRIVATE_KEY_PATH,
        TEST_PUBLIC_KEY_PATH,
        RunningServer,
        ServerHost,
        create_app,
        run_in_thread,
    )
    from threecommas.testing.simulation import (
        ActionError,
        ClockError,
        InvalidSmartTradeError,
        MarketControl,
        PriceError,
        SmartTradeStore,
    )


__all__ = [
    "API_PREFIX",
    "DEFAULT_API_KEY",
    "DEFAULT_API_SECRET",
    "DEFAULT_RECORDINGS_DIR",
    "FIXTURE_TIME_FACTOR",
    "OPENAPI_DOCUMENT_PATH",
    "TEST_PRIVATE_KEY_PATH",
    "TEST_PUBLIC_KEY_PATH",
    "ActionError",
    "BacktestReport",
    "ClientFactory",
    "ClockError",
    "FaultConfig",
    "FaultRule",
    "Faults",
    "InvalidSmartTradeError",
    "MarketControl",
    "PriceError",
    "RateLimitConfig",
    "Recording",
    "RecordingError",
    "RunningServer",
    "ScaledClock",
    "ServerFactory",
    "ServerHost",
    "SmartTradeStore",
    "backtest",
    "create_app",
    "load_recordings",
    "run_in_thread",
]


def __getattr__(name: str) -> object:
    if _MISSING_EXTRA and name in __all__:
        raise ImportError(
            f"threecommas.testing needs the 'testing' extra ({', '.join(_MISSING_EXTRA)} "
            "missing): pip install 'threecommas-sdk[testing]'"
        )
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

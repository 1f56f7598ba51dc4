"""Typed client for the 3Commas SmartTrade v2 API.

    from threecommas import ThreeCommas

    with ThreeCommas(api_key="...", api_secret="...") as client:
        smart_trade = client.smart_trades.get(12345678)
        for trade in client.smart_trades.trades.list(smart_trade.id):
            print(trade.trade_purpose, trade.status)

The models and enums are the generated ones (`threecommas_api.models`), re-exported here: the
results (`SmartTrade`, `Trade`, `ReduceFundsInfo`), the request bodies and their parts
(`CreateSmartTradeRequest`, `PositionInput`, `UnitsInput`...), and the enums that arguments
accept besides their string values (`SmartTradeType`, `OrderType`...). `Unset` is the type of
a model field that the answer left out: only fields that some documented answer omits can be
unset (`isinstance(smart_trade.version, Unset)`).

Every public name is imported on first use (PEP 562): `import threecommas` loads neither httpx
nor the generated package, so that `threecommas --help` starts quickly, and
`from threecommas import ThreeCommas` loads what the sync client needs, not the async one.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from threecommas._constants import ENV_LOG as _ENV_LOG
from threecommas._constants import ENV_LOG_FORMER as _ENV_LOG_FORMER
from threecommas._version import __version__

if TYPE_CHECKING:
    # For type checkers; at run time `__getattr__` imports each on first use (see `_load`).
    from threecommas._async._client import AsyncThreeCommas as AsyncThreeCommas
    from threecommas._base_client import DEFAULT_RATE_LIMIT as DEFAULT_RATE_LIMIT
    from threecommas._base_client import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
    from threecommas._clock import Clock as Clock
    from threecommas._clock import SystemClock as SystemClock
    from threecommas._constants import DEFAULT_BASE_URL as DEFAULT_BASE_URL
    from threecommas._exceptions import APIConnectionError as APIConnectionError
    from threecommas._exceptions import APIError as APIError
    from threecommas._exceptions import APITimeoutError as APITimeoutError
    from threecommas._exceptions import AuthenticationError as AuthenticationError
    from threecommas._exceptions import BadRequestError as BadRequestError
    from threecommas._exceptions import IPBannedError as IPBannedError
    from threecommas._exceptions import MissingCredentialsError as MissingCredentialsError
    from threecommas._exceptions import NotFoundError as NotFoundError
    from threecommas._exceptions import OrderLimitError as OrderLimitError
    from threecommas._exceptions import OutcomeUnknownError as OutcomeUnknownError
    from threecommas._exceptions import OutcomeUnknownTimeoutError as OutcomeUnknownTimeoutError
    from threecommas._exceptions import PermissionDeniedError as PermissionDeniedError
    from threecommas._exceptions import PlanRestrictionError as PlanRestrictionError
    from threecommas._exceptions import RateLimitError as RateLimitError
    from threecommas._exceptions import RedirectError as RedirectError
    from threecommas._exceptions import ResponseParseError as ResponseParseError
    from threecommas._exceptions import ServerError as ServerError
    from threecommas._exceptions import StreamError as StreamError
    from threecommas._exceptions import StreamRejectedError as StreamRejectedError
    from threecommas._exceptions import StreamUnavailableError as StreamUnavailableError
    from threecommas._exceptions import ThreeCommasError as ThreeCommasError
    from threecommas._exceptions import UnprocessableEntityError as UnprocessableEntityError
    from threecommas._limits import RateLimit as RateLimit
    from threecommas._limits_cache import LIMITS_CACHE_TTL_S as LIMITS_CACHE_TTL_S
    from threecommas._order_limits import OrderLimits as OrderLimits
    from threecommas._response import APIResponse as APIResponse
    from threecommas._run import RunResult as RunResult
    from threecommas._run import run as run
    from threecommas._signing import HmacSigner as HmacSigner
    from threecommas._signing import RsaSigner as RsaSigner
    from threecommas._signing import ThreeCommasAuth as ThreeCommasAuth
    from threecommas._storage import StorageError as StorageError
    from threecommas._strategy import Bar as Bar
    from threecommas._strategy import Strategy as Strategy
    from threecommas._sync._client import ThreeCommas as ThreeCommas
    from threecommas._watch import Change as Change
    from threecommas._watch import SmartTradeEvent as SmartTradeEvent
    from threecommas._watch import WaitStatus as WaitStatus
    from threecommas_api.types import Unset as Unset

if TYPE_CHECKING:
    # For type checkers; at run time `__getattr__` imports each on first use.
    from threecommas_api.models import Account as Account
    from threecommas_api.models import AddFundsRequest as AddFundsRequest
    from threecommas_api.models import ConditionalPriceInput as ConditionalPriceInput
    from threecommas_api.models import CreateSmartTradeRequest as CreateSmartTradeRequest
    from threecommas_api.models import CurrencyRates as CurrencyRates
    from threecommas_api.models import (
        CurrencyRatesWithLeverageData as CurrencyRatesWithLeverageData,
    )
    from threecommas_api.models import EntryTrailingInput as EntryTrailingInput
    from threecommas_api.models import Error as Error
    from threecommas_api.models import ForcedMode as ForcedMode
    from threecommas_api.models import LeverageInput as LeverageInput
    from threecommas_api.models import LeverageType as LeverageType
    from threecommas_api.models import LimitType as LimitType
    from threecommas_api.models import Market as Market
    from threecommas_api.models import OrderDirection as OrderDirection
    from threecommas_api.models import OrderSide as OrderSide
    from threecommas_api.models import OrderType as OrderType
    from threecommas_api.models import PositionConditionalInput as PositionConditionalInput
    from threecommas_api.models import PositionInput as PositionInput
    from threecommas_api.models import PositionOrderType as PositionOrderType
    from threecommas_api.models import PriceInput as PriceInput
    from threecommas_api.models import PriceType as PriceType
    from threecommas_api.models import ReduceFundsInfo as ReduceFundsInfo
    from threecommas_api.models import ReduceFundsRequest as ReduceFundsRequest
    from threecommas_api.models import SetNoteRequest as SetNoteRequest
    from threecommas_api.models import SmartTrade as SmartTrade
    from threecommas_api.models import SmartTradeOrderBy as SmartTradeOrderBy
    from threecommas_api.models import SmartTradeStatusFilter as SmartTradeStatusFilter
    from threecommas_api.models import SmartTradeType as SmartTradeType
    from threecommas_api.models import StepPriceInput as StepPriceInput
    from threecommas_api.models import StopLossConditionalInput as StopLossConditionalInput
    from threecommas_api.models import StopLossInput as StopLossInput
    from threecommas_api.models import StopLossPriceInput as StopLossPriceInput
    from threecommas_api.models import StopLossTimeoutInput as StopLossTimeoutInput
    from threecommas_api.models import StopLossTriggerPriceInput as StopLossTriggerPriceInput
    from threecommas_api.models import TakeProfitInput as TakeProfitInput
    from threecommas_api.models import TakeProfitStepInput as TakeProfitStepInput
    from threecommas_api.models import TakeProfitTrailingInput as TakeProfitTrailingInput
    from threecommas_api.models import Trade as Trade
    from threecommas_api.models import TrailingInput as TrailingInput
    from threecommas_api.models import UnitsInput as UnitsInput
    from threecommas_api.models import UpdatePositionInput as UpdatePositionInput
    from threecommas_api.models import UpdateSmartTradeRequest as UpdateSmartTradeRequest

# The generated models and enums re-exported here, imported on first use so that
# `import threecommas` stays light (tests/sdk/test_client.py holds the imports above to this list).
_MODELS = (
    "Account",
    "AddFundsRequest",
    "ConditionalPriceInput",
    "CreateSmartTradeRequest",
    "CurrencyRates",
    "CurrencyRatesWithLeverageData",
    "EntryTrailingInput",
    "Error",
    "ForcedMode",
    "LeverageInput",
    "LeverageType",
    "LimitType",
    "Market",
    "OrderDirection",
    "OrderSide",
    "OrderType",
    "PositionConditionalInput",
    "PositionInput",
    "PositionOrderType",
    "PriceInput",
    "PriceType",
    "ReduceFundsInfo",
    "ReduceFundsRequest",
    "SetNoteRequest",
    "SmartTrade",
    "SmartTradeOrderBy",
    "SmartTradeStatusFilter",
    "SmartTradeType",
    "StepPriceInput",
    "StopLossConditionalInput",
    "StopLossInput",
    "StopLossPriceInput",
    "StopLossTimeoutInput",
    "StopLossTriggerPriceInput",
    "TakeProfitInput",
    "TakeProfitStepInput",
    "TakeProfitTrailingInput",
    "Trade",
    "TrailingInput",
    "UnitsInput",
    "UpdatePositionInput",
    "UpdateSmartTradeRequest",
)


#: The exceptions re-exported here (tests/sdk/test_client.py holds this to `_exceptions.__all__`).
_EXCEPTIONS = (
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "IPBannedError",
    "MissingCredentialsError",
    "NotFoundError",
    "OrderLimitError",
    "OutcomeUnknownError",
    "OutcomeUnknownTimeoutError",
    "PermissionDeniedError",
    "PlanRestrictionError",
    "RateLimitError",
    "RedirectError",
    "ResponseParseError",
    "ServerError",
    "StreamError",
    "StreamRejectedError",
    "StreamUnavailableError",
    "ThreeCommasError",
    "UnprocessableEntityError",
)

#: Every public name but `__version__` -> the module that defines it, imported on first use:
#: `import threecommas` loads neither httpx nor the generated package, so that the command
#: line's `--help` stays quick; `from threecommas import ThreeCommas` loads what the client needs.
_SOURCES: dict[str, str] = {
    "DEFAULT_BASE_URL": "_constants",
    "DEFAULT_RATE_LIMIT": "_base_client",
    "DEFAULT_TIMEOUT": "_base_client",
    # Each client alone: `from threecommas import ThreeCommas` does not load the async one.
    "AsyncThreeCommas": "_async._client",
    "ThreeCommas": "_sync._client",
    **dict.fromkeys(_EXCEPTIONS, "_exceptions"),
    "RateLimit": "_limits",
    "Clock": "_clock",
    "SystemClock": "_clock",
    "LIMITS_CACHE_TTL_S": "_limits_cache",
    "OrderLimits": "_order_limits",
    "APIResponse": "_response",
    "HmacSigner": "_signing",
    "RsaSigner": "_signing",
    "ThreeCommasAuth": "_signing",
    "StorageError": "_storage",
    "Bar": "_strategy",
    "Strategy": "_strategy",
    "run": "_run",
    "RunResult": "_run",
    "Change": "_watch",
    "SmartTradeEvent": "_watch",
    "WaitStatus": "_watch",
    "Unset": "types",
    **dict.fromkeys(_MODELS, "models"),
}


def _load(source: str) -> Any:
    """The module named in `_SOURCES`. Each import is written out, not built from its name, so
    that tests/build/test_imports.py sees it in the import graph."""
    if source == "_sync._client":
        from threecommas._sync import _client

        return _client
    elif source == "_async._client":
        from threecommas._async import _client as _async_client

        return _async_client
    elif source == "_base_client":
        from threecommas import _base_client

        return _base_client
    elif source == "_constants":
        from threecommas import _constants

        return _constants
    elif source == "_exceptions":
        from threecommas import _exceptions

        return _exceptions
    elif source == "_limits":
        from threecommas import _limits

        return _limits
    elif source == "_clock":
        from threecommas import _clock

        return _clock
    elif source == "_limits_cache":
        from threecommas import _limits_cache

        return _limits_cache
    elif source == "_order_limits":
        from threecommas import _order_limits

        return _order_limits
    elif source == "_response":
        from threecommas import _response

        return _response
    elif source == "_signing":
        from threecommas import _signing

        return _signing
    elif source == "_storage":
        from threecommas import _storage

        return _storage
    elif source == "_strategy":
        from threecommas import _strategy

        return _strategy
    elif source == "_run":
        from threecommas import _run

        return _run
    elif source == "_watch":
        from threecommas import _watch

        return _watch
    elif source == "types":
        from threecommas_api import types

        return types
    else:
        from threecommas_api import models

        return models


def _import_name(name: str) -> Any:
    """A public name, imported on first use, then kept as a plain module attribute."""
    source = _SOURCES.get(name)
    if source is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_load(source), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_SOURCES))


if not TYPE_CHECKING:
    # Hidden from type checkers, which read the imports above: a misspelt name is an error
    # for them, not `Any`.
    __getattr__ = _import_name


__all__ = ["__version__", *_SOURCES]

# THREE_COMMAS_LOG=debug|info (or its former name THREECOMMAS_LOG): the SDK's logging on
# stderr, without code (the logging module is imported only then).
if os.environ.get(_ENV_LOG, "").strip() or os.environ.get(_ENV_LOG_FORMER, "").strip():
    from threecommas._logging import configure_from_env as _configure_logging

    _configure_logging()

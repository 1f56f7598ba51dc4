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
"""

from typing import TYPE_CHECKING, Any

from threecommas._client import (
    DEFAULT_BASE_URL,
    DEFAULT_RATE_LIMIT,
    DEFAULT_TIMEOUT,
    AsyncThreeCommas,
    ThreeCommas,
)
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
from threecommas._exceptions import __all__ as _EXCEPTIONS
from threecommas._limits import RateLimit
from threecommas._limits_cache import LIMITS_CACHE_TTL_S
from threecommas._logging import configure_from_env as _configure_logging
from threecommas._order_limits import OrderLimits
from threecommas._response import APIResponse
from threecommas._signing import HmacSigner, RsaSigner, ThreeCommasAuth
from threecommas._storage import StorageError
from threecommas._version import __version__
from threecommas._watch import Change, SmartTradeEvent
from threecommas_api.types import Unset

if TYPE_CHECKING:
    # For type checkers; at run time `__getattr__` imports each on first use.
    from threecommas_api.models import Account as Account
    from threecommas_api.models import AddFundsRequest as AddFundsRequest
    from threecommas_api.models import ConditionalPriceInput as ConditionalPriceInput
    from threecommas_api.models import CreateSmartTradeRequest as CreateSmartTradeRequest
    from threecommas_api.models import CurrencyRates as CurrencyRates
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


def __getattr__(name: str) -> Any:
    if name in _MODELS:
        from threecommas_api import models

        value = getattr(models, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_RATE_LIMIT",
    "DEFAULT_TIMEOUT",
    "LIMITS_CACHE_TTL_S",
    "APIResponse",
    "AsyncThreeCommas",
    "Change",
    "HmacSigner",
    "OrderLimits",
    "RateLimit",
    "RsaSigner",
    "SmartTradeEvent",
    "StorageError",
    "ThreeCommas",
    "ThreeCommasAuth",
    "Unset",
    "__version__",
]
__all__ += _EXCEPTIONS
__all__ += _MODELS

# THREECOMMAS_LOG=debug|info: the SDK's logging on stderr, without code.
_configure_logging()

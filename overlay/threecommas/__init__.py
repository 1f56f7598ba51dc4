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
from threecommas._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    IPBannedError,
    NotFoundError,
    OrderLimitError,
    OutcomeUnknownError,
    OutcomeUnknownTimeoutError,
    PermissionDeniedError,
    PlanRestrictionError,
    RateLimitError,
    RedirectError,
    ResponseParseError,
    ServerError,
    ThreeCommasError,
    UnprocessableEntityError,
)
from threecommas._limits import RateLimit
from threecommas._signing import HmacSigner, RsaSigner, ThreeCommasAuth
from threecommas._version import __version__
from threecommas_api.types import Unset

if TYPE_CHECKING:
    from threecommas_api.models import (
        AddFundsRequest,
        ConditionalPriceInput,
        CreateSmartTradeRequest,
        EntryTrailingInput,
        Error,
        ForcedMode,
        LeverageInput,
        LeverageType,
        OrderDirection,
        OrderSide,
        OrderType,
        PositionConditionalInput,
        PositionInput,
        PositionOrderType,
        PriceInput,
        PriceType,
        ReduceFundsInfo,
        ReduceFundsRequest,
        SetNoteRequest,
        SmartTrade,
        SmartTradeOrderBy,
        SmartTradeStatusFilter,
        SmartTradeType,
        StepPriceInput,
        StopLossConditionalInput,
        StopLossInput,
        StopLossPriceInput,
        StopLossTimeoutInput,
        StopLossTriggerPriceInput,
        TakeProfitInput,
        TakeProfitStepInput,
        TakeProfitTrailingInput,
        Trade,
        TrailingInput,
        UnitsInput,
        UpdatePositionInput,
        UpdateSmartTradeRequest,
    )

# The models are re-exported on first use, so that `import threecommas` stays light.
_MODELS = frozenset(
    {
        "AddFundsRequest",
        "ConditionalPriceInput",
        "CreateSmartTradeRequest",
        "EntryTrailingInput",
        "Error",
        "ForcedMode",
        "LeverageInput",
        "LeverageType",
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
    }
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
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AddFundsRequest",
    "AsyncThreeCommas",
    "AuthenticationError",
    "BadRequestError",
    "ConditionalPriceInput",
    "CreateSmartTradeRequest",
    "EntryTrailingInput",
    "Error",
    "ForcedMode",
    "HmacSigner",
    "IPBannedError",
    "LeverageInput",
    "LeverageType",
    "NotFoundError",
    "OrderDirection",
    "OrderLimitError",
    "OrderSide",
    "OrderType",
    "OutcomeUnknownError",
    "OutcomeUnknownTimeoutError",
    "PermissionDeniedError",
    "PlanRestrictionError",
    "PositionConditionalInput",
    "PositionInput",
    "PositionOrderType",
    "PriceInput",
    "PriceType",
    "RateLimit",
    "RateLimitError",
    "RedirectError",
    "ReduceFundsInfo",
    "ReduceFundsRequest",
    "ResponseParseError",
    "RsaSigner",
    "ServerError",
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
    "ThreeCommas",
    "ThreeCommasAuth",
    "ThreeCommasError",
    "Trade",
    "TrailingInput",
    "UnitsInput",
    "UnprocessableEntityError",
    "Unset",
    "UpdatePositionInput",
    "UpdateSmartTradeRequest",
    "__version__",
]

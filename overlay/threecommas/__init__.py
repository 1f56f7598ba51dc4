"""Typed client for the 3Commas SmartTrade v2 API.

    from threecommas import ThreeCommas

    with ThreeCommas(api_key="...", api_secret="...") as client:
        smart_trade = client.smart_trades.get(12345678)
        for trade in client.smart_trades.trades.list(smart_trade.id):
            print(trade.trade_purpose, trade.status)

The models and enums are the generated ones (`threecommas_api.models`), re-exported here: the
results (`SmartTrade`, `Trade`, `ReduceFundsInfo`), the request bodies and their parts
(`CreateSmartTradeRequest`, `PositionInput`, `UnitsInput`...), and the enums that arguments
accept besides their string values (`SmartTradeType`, `OrderType`...).
"""

from threecommas._client import DEFAULT_BASE_URL, DEFAULT_TIMEOUT, AsyncThreeCommas, ThreeCommas
from threecommas._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    IPBannedError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseParseError,
    ServerError,
    ThreeCommasError,
    UnprocessableEntityError,
)
from threecommas._signing import HmacSigner, RsaSigner, ThreeCommasAuth
from threecommas._version import __version__
from threecommas_api.models import (
    AddFundsRequest,
    ConditionalPriceInput,
    CreateSmartTradeRequest,
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
    Trade,
    TrailingInput,
    UnitsInput,
    UpdatePositionInput,
    UpdateSmartTradeRequest,
)

__all__ = [
    "DEFAULT_BASE_URL",
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
    "Error",
    "ForcedMode",
    "HmacSigner",
    "IPBannedError",
    "LeverageInput",
    "LeverageType",
    "NotFoundError",
    "OrderDirection",
    "OrderSide",
    "OrderType",
    "PermissionDeniedError",
    "PositionConditionalInput",
    "PositionInput",
    "PositionOrderType",
    "PriceInput",
    "PriceType",
    "RateLimitError",
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
    "ThreeCommas",
    "ThreeCommasAuth",
    "ThreeCommasError",
    "Trade",
    "TrailingInput",
    "UnitsInput",
    "UnprocessableEntityError",
    "UpdatePositionInput",
    "UpdateSmartTradeRequest",
    "__version__",
]

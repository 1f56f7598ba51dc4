"""Typed client for the 3Commas SmartTrade v2 API.

    from threecommas import ThreeCommas

    with ThreeCommas(api_key="...", api_secret="...") as client:
        trade = client.smart_trades.close_trade_by_market(12345678, 1047934729)

The models are the generated ones (`threecommas_api.models`), re-exported here for convenience.
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
from threecommas_api.models import Error, ForcedMode, SmartTrade

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncThreeCommas",
    "AuthenticationError",
    "BadRequestError",
    "Error",
    "ForcedMode",
    "HmacSigner",
    "IPBannedError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseParseError",
    "RsaSigner",
    "ServerError",
    "SmartTrade",
    "ThreeCommas",
    "ThreeCommasAuth",
    "ThreeCommasError",
    "UnprocessableEntityError",
    "__version__",
]

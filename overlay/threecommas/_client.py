"""The public clients, `ThreeCommas` and `AsyncThreeCommas`, and what their arguments default to.

Both are written once, async, in `_async/_client.py`; `ThreeCommas` is its generated sync twin
(`_sync/_client.py`, by scripts/unasync.py).
"""

from threecommas._async._client import AsyncThreeCommas
from threecommas._base_client import DEFAULT_HEADERS as _DEFAULT_HEADERS
from threecommas._base_client import DEFAULT_RATE_LIMIT, DEFAULT_TIMEOUT
from threecommas._constants import (
    DEFAULT_BASE_URL,
    ENV_API_KEY,
    ENV_API_SECRET,
    ENV_PRIVATE_KEY_FILE,
)
from threecommas._limits import RateLimit
from threecommas._sync._client import ThreeCommas

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_RATE_LIMIT",
    "DEFAULT_TIMEOUT",
    "ENV_API_KEY",
    "ENV_API_SECRET",
    "ENV_PRIVATE_KEY_FILE",
    "_DEFAULT_HEADERS",
    "AsyncThreeCommas",
    "RateLimit",
    "ThreeCommas",
]

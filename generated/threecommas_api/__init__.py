"""A client library for accessing 3Commas SmartTrade v2 API"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client

# The SDK's version (overlay/threecommas/_version.py), passed in by scripts/generate.py, so that
# both import packages of the distribution report the same one.
__version__ = "0.1.0"

__all__ = (
    "AuthenticatedClient",
    "Client",
    "__version__",
)


def __getattr__(name: str) -> Any:
    # The clients (and attrs, httpx) are imported on first use (PEP 562), so that importing a
    # light module of the package (`_catalogue`, `types`, an enum) does not load them
    # (threecommas-sdk template).
    if name in ("AuthenticatedClient", "Client"):
        from . import client

        value = getattr(client, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

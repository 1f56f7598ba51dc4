"""A client library for accessing 3Commas SmartTrade v2 API"""

from .client import AuthenticatedClient, Client

# The SDK's version (overlay/threecommas/_version.py), passed in by scripts/generate.py, so that
# both import packages of the distribution report the same one.
__version__ = "0.1.0"

__all__ = (
    "AuthenticatedClient",
    "Client",
    "__version__",
)

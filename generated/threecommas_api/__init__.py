"""A client library for accessing 3Commas SmartTrade v2 API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)

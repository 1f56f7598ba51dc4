"""Typed client for the 3Commas SmartTrade v2 API."""

from threecommas._version import __version__

__all__ = ["__version__"]

"""The threecommas fixtures come from the installed package's ``pytest11`` entry point (see
pyproject.toml); naming the plugin here as well would register it twice. The markers are
registered in pyproject.toml."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from starlette.applications import Starlette


@pytest.fixture
def app(threecommas_app: Starlette) -> Starlette:
    """The recorded-responses app with a fresh store, for the tests of the server."""
    return threecommas_app

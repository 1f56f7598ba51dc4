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


#: Modules whose tests share what a module-scoped fixture made or counted, so that they must run
#: in one pytest-xdist worker (`--dist loadgroup`): the fuzzing runs add up the statuses each
#: operation got and then require a 2xx for every one; the wheel tests share one build.
_ONE_WORKER_MODULES = {"test_fuzz.py", "test_dist.py"}


@pytest.hookimpl(tryfirst=True)  # before xdist's own, which reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        if item.path.name in _ONE_WORKER_MODULES:
            item.add_marker(pytest.mark.xdist_group(item.path.stem))

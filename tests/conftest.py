"""The threecommas fixtures come from the installed package's ``pytest11`` entry point (see
pyproject.toml); naming the plugin here as well would register it twice. The markers are
registered in pyproject.toml."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from starlette.applications import Starlette


@pytest.fixture
def app(threecommas_app: Starlette) -> Starlette:
    """The recorded-responses app with a fresh store, for the tests of the server."""
    return threecommas_app


# The files that take longest (tens of seconds each, most of it waiting on real time: fleets of
# processes, scaled real-time clocks, a browser, the generator and the wheel), longest first.
# pytest-xdist hands a worker a whole file at a time in the order collected (`make` passes
# --no-loadscope-reorder: by default it starts with the files of most tests, short ones here), so
# these start at once beside the rest instead of ending the run alone. A file missing here only
# starts later; tests/build/test_make.py holds each name to an existing file.
LONGEST_FILES = (
    "sdk/test_shared_budget.py",
    "server/test_market_quiet.py",
    "sdk/test_properties.py",
    "contract/test_docs_code.py",
    "sdk/test_plan_fleet.py",
    "build/test_dist.py",
    "sdk/test_watch.py",
    "sdk/test_budget_loop.py",
    "server/test_faults.py",
    "server/test_server_running.py",
    "sdk/test_generated.py",
    "build/test_release.py",
    "build/test_docs_site.py",
    "sdk/test_run.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest files first; every other file, and each file's tests, in their order."""
    rank = {name: index for index, name in enumerate(LONGEST_FILES)}

    def file_rank(item: pytest.Item) -> int:
        path = item.path.as_posix()
        return next((i for name, i in rank.items() if path.endswith(f"/tests/{name}")), len(rank))

    items.sort(key=file_rank)  # stable: the order within a file is kept


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection made (every test module, item and parameter set: hundreds of thousands
    of objects) lives until the session ends. Frozen, it is left out of the garbage
    collector's full passes, which would otherwise walk all of it again, during the run and
    in pytest's own passes at the end (about half a second a process).

    Hypothesis is imported first: at import it lets other packages register their random
    generators (trio does), and checks each is referenced by looking among the objects the
    collector tracks, which no longer include frozen ones."""
    import hypothesis  # noqa: F401

    gc.freeze()

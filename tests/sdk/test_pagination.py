"""Paging is written once: every walk over pages (`smart_trades.iter_all`, `accounts.iter_all`,
the watch's sweeps) takes its bounds from the one paging module, which reads them from the
operation catalogue, and is driven by the one paginator (async and its sync twin)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from tests.seed import seed_response
from threecommas import AsyncThreeCommas, ThreeCommas
from threecommas import _pagination as pagination
from threecommas._async._paginator import pages as async_pages
from threecommas._constants import ITER_ALL_PER_PAGE
from threecommas._limits import RateLimit
from threecommas._params import parameter_schemas
from threecommas._schema import load_spec
from threecommas._sync._paginator import pages
from threecommas._sync.resources._watch import Watch
from threecommas._types import NOT_GIVEN
from threecommas._watch import WatchPlan
from threecommas_api._catalogue import OPERATIONS
from threecommas_api.models.smart_trade import SmartTrade

PAGED = [
    operation.operation_id
    for operation in OPERATIONS
    if {"page", "per_page"} <= {p.name for p in operation.parameters if p.location == "query"}
]


def test_every_paged_operation_reads_its_bounds_from_the_catalogue() -> None:
    assert set(PAGED) == {"list_smart_trades", "list_accounts"}
    for operation_id in PAGED:
        schemas = parameter_schemas(operation_id)
        bounds = pagination.page_bounds(operation_id)
        for name in ("page", "per_page"):
            assert getattr(bounds, name) == (schemas[name]["minimum"], schemas[name]["maximum"])
        # The page size of `iter_all` and of the sweeps is the largest each operation serves.
        assert bounds.per_page[1] == ITER_ALL_PER_PAGE, operation_id


def test_a_walk_checks_its_start_and_size_against_the_operations_bounds() -> None:
    walk = pagination.PageWalk.checked("list_accounts", None, 7)
    assert (walk.first, walk.per_page) == (1, 7)
    with pytest.raises(ValueError, match="per_page must be between 1 and 100, got 101"):
        pagination.PageWalk.checked("list_smart_trades", 1, 101)
    with pytest.raises(ValueError, match="page must be between 1 and 1000000, got 0"):
        pagination.PageWalk.checked("list_accounts", 0, 10)
    with pytest.raises(TypeError):
        pagination.PageWalk.checked("list_accounts", "2", 10)
    assert pagination.check_one("list_smart_trades", None, None) == (None, None)


def test_the_paginator_and_its_sync_twin_stop_at_a_short_page_and_at_the_last() -> None:
    walk = pagination.PageWalk(first=2, per_page=3, last=4)
    asked: list[int] = []

    def fetch(page: int) -> list[int]:
        asked.append(page)
        return [page] * (1 if page == 3 else 3)

    assert [len(batch) for batch in pages(walk, fetch)] == [3, 1]
    assert asked == [2, 3]

    async def full(page: int) -> list[int]:
        asked.append(page)
        return [page] * 3

    async def collect() -> list[list[int]]:
        return [batch async for batch in async_pages(walk, full)]

    asked.clear()
    assert asyncio.run(collect()) == [[2, 2, 2], [3, 3, 3], [4, 4, 4]]
    assert asked == [2, 3, 4]  # the last page the operation takes ends the walk


# --- every walk goes through the one module: a change of the bounds changes each of them ----------


@pytest.fixture
def two_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The catalogue's bounds as the paging module sees them, with 2 as the last page."""

    def bounds(operation_id: str) -> dict[str, dict[str, Any]]:
        schemas = {name: dict(schema) for name, schema in parameter_schemas(operation_id).items()}
        schemas["page"]["maximum"] = 2
        return schemas

    monkeypatch.setattr(pagination, "parameter_schemas", bounds)


class _FullPages:
    """A MockTransport handler: every page is full (`per_page` copies of `item`)."""

    def __init__(self, item: Any) -> None:
        self.item = item
        self.asked: list[int] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.asked.append(int(request.url.params["page"]))
        return httpx.Response(200, json=[self.item] * int(request.url.params["per_page"]))


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize(
    ("namespace", "item"),
    [
        ("smart_trades", seed_response()),
        ("accounts", load_spec()["components"]["examples"]["ListAccountsOk"]["value"][0]),
    ],
)
def test_iter_all_ends_at_the_last_page_the_catalogue_gives(
    two_pages: None, kind: str, namespace: str, item: Any
) -> None:
    answer = _FullPages(item)
    transport = httpx.MockTransport(answer)
    if kind == "sync":
        with ThreeCommas("k", "s", http_client=httpx.Client(transport=transport)) as client:
            found = list(getattr(client, namespace).iter_all(per_page=2))
    else:

        async def run() -> list[Any]:
            http = httpx.AsyncClient(transport=transport)
            async with AsyncThreeCommas("k", "s", http_client=http) as client:
                return [x async for x in getattr(client, namespace).iter_all(per_page=2)]

        found = asyncio.run(run())
    assert (len(found), answer.asked) == (4, [1, 2])


class _FullLists:
    """`client.smart_trades` as the watch uses it: every list page is full."""

    def __init__(self) -> None:
        self.asked: list[tuple[int, int]] = []

    def list(self, *, page: int, per_page: int, **_: Any) -> list[SmartTrade]:
        self.asked.append((page, per_page))
        found = []
        for index in range(per_page):
            data = seed_response()
            data["id"] = page * 1000 + index
            found.append(SmartTrade.from_dict(data))
        return found


def test_a_sweep_of_the_watch_ends_at_the_last_page_the_catalogue_gives(two_pages: None) -> None:
    smart_trades = _FullLists()
    plan = WatchPlan.checked(RateLimit(100, 6.0), None, "poll", 1.0, True, None, None, None)
    watch = Watch(smart_trades, plan, NOT_GIVEN, NOT_GIVEN)  # type: ignore[arg-type]
    assert len(watch.sweep_events()) == 2 * ITER_ALL_PER_PAGE
    assert smart_trades.asked == [(1, ITER_ALL_PER_PAGE), (2, ITER_ALL_PER_PAGE)]
    assert watch.last_sweep_cost == 2

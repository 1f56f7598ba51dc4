"""The recorded-responses server: the list of SmartTrades (filters, order, pages, bad queries)."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette

from tests.server_support import (
    CANCELLED_ID,
    EDITED_ID,
    FAILED_ID,
    SEED_IDS,
    SMART_SELL_ID,
    WAITING_POSITION_ID,
    api,
    create,
    ok,
    refused,
    stored,
)
from threecommas._params import ParameterError, check_parameters
from threecommas._schema import load_spec
from threecommas.testing import create_app
from threecommas.testing.simulation._listing import SORT_KEYS, STATUS_GROUPS, ListQuery


def listed_ids(app: Starlette, query: str) -> list[int]:
    return [st["id"] for st in ok(api(app, "GET", "/v2/smart_trades" + query), 200)]


def created_order() -> list[int]:
    by_created = sorted(
        create_app().state.store.snapshot().values(), key=lambda st: st["data"]["created_at"]
    )
    return [st["id"] for st in by_created]


def test_list_pages_ten_at_a_time_by_status_descending(app: Starlette) -> None:
    for _ in range(3):
        create(app)
    # the docs' defaults: order_by=status, order_direction=desc, per_page=10
    assert listed_ids(app, "") == listed_ids(app, "?order_by=status&order_direction=desc")[:10]
    ids = listed_ids(app, "?order_by=created_at")
    assert len(ids) == 10
    assert ids[3:] == list(reversed(created_order()))[:7]
    assert listed_ids(app, "?order_by=created_at&page=2") == list(reversed(created_order()))[7:]
    assert listed_ids(app, "?order_by=created_at&page=3") == []


def test_list_order_and_paging(app: Starlette) -> None:
    assert (
        listed_ids(app, "?order_by=created_at&order_direction=asc&per_page=100") == created_order()
    )
    assert (
        listed_ids(app, "?order_by=created_at&order_direction=asc&per_page=3&page=2")
        == created_order()[3:6]
    )
    by_profit = listed_ids(app, "?order_by=profit_percentage&order_direction=asc&per_page=100")
    percents = [stored(app, i)["profit"]["percent"] for i in by_profit]
    assert [float(p) for p in percents] == sorted(float(p) for p in percents)
    by_status = listed_ids(app, "?order_by=status&per_page=100")
    statuses = [stored(app, i)["status"]["basic_type"] for i in by_status]
    assert statuses == sorted(statuses, reverse=True)
    for key in ("updated_at", "closed_at", "profit"):
        assert sorted(listed_ids(app, f"?order_by={key}&per_page=100")) == sorted(SEED_IDS)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?status=cancelled", [CANCELLED_ID]),
        ("?status=failed", [FAILED_ID]),
        ("?status=finished", sorted([CANCELLED_ID, FAILED_ID])),
        ("?status=successfully_finished", []),
        ("?status=all", sorted(SEED_IDS)),
        ("?status=active", sorted(set(SEED_IDS) - {CANCELLED_ID, FAILED_ID})),
        ("?account_id=32435557", [FAILED_ID]),
        ("?account_id=32199203", [EDITED_ID]),
        ("?type=smart_sell", [SMART_SELL_ID]),
        ("?type=smart_buy", []),
        ("?pair=BTC_1INCH", [EDITED_ID]),
        ("?pair=btc_1inch", [EDITED_ID]),
        ("?quote=BTC", [EDITED_ID]),
        ("?base=1INCH", sorted([EDITED_ID, WAITING_POSITION_ID])),
        ("?quote=USDT&base=1INCH", [WAITING_POSITION_ID]),
        ("?from=2024-12-01T00:00:00Z", [EDITED_ID]),
        ("?to=2024-04-05T02:53:32.225Z", []),
        ("?from=2024-04-05T02:53:32.225Z&to=2024-04-06", [FAILED_ID]),
        ("?from=2024-10-29T20:50:36%2B01:00&to=2024-10-30", [WAITING_POSITION_ID]),
        ("?from=2024-10-29T20:50:36+01:00&to=2024-10-30", [WAITING_POSITION_ID]),
        ("?from=2024-12-31T23:59:60z", []),
        (
            "?type=smart_trade&order_by=status&from=2022-01-01T00:00:00.000Z&to=2023-01-01T00:00:00.000Z",
            [],
        ),
        ("?unknown=1&per_page=100", sorted(SEED_IDS)),
    ],
)
def test_list_filters(app: Starlette, query: str, expected: list[int]) -> None:
    assert (
        sorted(listed_ids(app, query + ("&per_page=100" if "per_page" not in query else "")))
        == expected
    )


@pytest.mark.parametrize(
    "query",
    [
        "type=foo",
        "type=",
        "status=successfully_finishe",
        "status=ACTIVE",
        "order_by=id",
        "order_direction=Desc",
        "page=0",
        "page=1.5",
        "page=-1",
        "page=1000001",
        "per_page=0",
        "per_page=101",
        "per_page=ten",
        "account_id=0",
        "account_id=abc",
        "account_id=9223372036854775808",
        "pair=BTC",
        "pair=USDT_BTC_ETH",
        "pair=USDT_BTC%0A",
        "base=US-D",
        "quote=",
        "from=yesterday",
        "to=2024-13-01T00:00:00Z",
        "page=1&page=2",
    ],
)
def test_list_with_a_wrong_parameter_is_400(app: Starlette, query: str) -> None:
    body = refused(api(app, "GET", "/v2/smart_trades?" + query), 400)
    assert body["error"] == "Wrong param(s)"
    assert query.split("=")[0] in body["error_description"]


@pytest.mark.parametrize("query", ["page=0", "status=ACTIVE", "from=yesterday", "page=1&page=2"])
def test_a_wrong_parameter_gets_the_shared_validators_message(app: Starlette, query: str) -> None:
    # The server checks the query with the validator the client runs: the same words.
    items = [tuple(item.split("=")) for item in query.split("&")]
    with pytest.raises(ParameterError) as caught:
        check_parameters("list_smart_trades", items)
    body = refused(api(app, "GET", "/v2/smart_trades?" + query), 400)
    assert body["error_description"] == str(caught.value)


def test_the_listing_gives_a_meaning_to_every_value_the_spec_allows() -> None:
    # A value added to the spec's enumerations must get its meaning here too.
    spec = load_spec()
    schemas = spec["components"]["schemas"]
    assert set(STATUS_GROUPS) == set(schemas["SmartTradeStatusFilter"]["enum"])
    assert set(SORT_KEYS) == set(schemas["SmartTradeOrderBy"]["enum"])
    assert ListQuery().order_direction in schemas["OrderDirection"]["enum"]
    defaults = {
        p["name"]: p["schema"].get("default")
        for p in spec["paths"]["/v2/smart_trades"]["get"]["parameters"]
        if "schema" in p
    }
    assert (ListQuery().page, ListQuery().per_page) == (defaults["page"], defaults["per_page"])

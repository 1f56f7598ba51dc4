"""`client.smart_trades`: every operation, sync and async, against a MockTransport.

For each method: the exact request (method, path, query, JSON body, signature), the typed result,
the arguments refused before anything is sent, the paging of `iter_all`, and answers that do not
parse. The flows against the recorded-responses server are at the end.
"""

from __future__ import annotations

import asyncio
import datetime
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest

from tests.seed import seed_response
from threecommas import (
    AddFundsRequest,
    AsyncThreeCommas,
    CreateSmartTradeRequest,
    LeverageInput,
    LeverageType,
    NotFoundError,
    OrderDirection,
    OrderSide,
    OrderType,
    PermissionDeniedError,
    PositionInput,
    PositionOrderType,
    PriceInput,
    PriceType,
    ReduceFundsInfo,
    ReduceFundsRequest,
    ResponseParseError,
    SmartTrade,
    SmartTradeOrderBy,
    SmartTradeStatusFilter,
    SmartTradeType,
    StepPriceInput,
    TakeProfitInput,
    TakeProfitStepInput,
    ThreeCommas,
    Trade,
    UnitsInput,
    UpdateSmartTradeRequest,
)
from threecommas._schema import load_spec
from threecommas._signing import signature_payload, verify_hmac
from threecommas.testing import RunningServer

API_KEY = "test-api-key"
API_SECRET = "test-api-secret"
BASE = "https://api.3commas.io/public/api"
PREFIX = "/public/api"


def example(name: str) -> Any:
    return load_spec()["components"]["examples"][name]["value"]


# --- harness: one scenario, run through the sync or the async client ----------------------------

Answer = httpx.Response | Callable[[httpx.Request], httpx.Response]


class Recorder:
    """A MockTransport handler: answers and keeps every request it saw."""

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if isinstance(self.answer, httpx.Response):
            # A fresh copy each time: a response object is read once, by one kind of client.
            return httpx.Response(
                self.answer.status_code, headers=self.answer.headers, content=self.answer.content
            )
        return self.answer(request)


def _resolve(root: Any, dotted: str) -> Any:
    target = root
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


class Harness:
    """Calls `client.<dotted>(...)` with a sync or an async client over the same recorder."""

    def __init__(self, kind: str, answer: Answer, **options: Any) -> None:
        self.kind = kind
        self.recorder = Recorder(answer)
        self.options = options

    def _sync_client(self) -> ThreeCommas:
        transport = httpx.MockTransport(self.recorder)
        return ThreeCommas(
            API_KEY, API_SECRET, http_client=httpx.Client(transport=transport), **self.options
        )

    def _async_client(self) -> AsyncThreeCommas:
        transport = httpx.MockTransport(self.recorder)
        return AsyncThreeCommas(
            API_KEY, API_SECRET, http_client=httpx.AsyncClient(transport=transport), **self.options
        )

    def call(self, dotted: str, *args: Any, **kwargs: Any) -> Any:
        if self.kind == "sync":
            with self._sync_client() as client:
                return _resolve(client, dotted)(*args, **kwargs)

        async def run() -> Any:
            async with self._async_client() as client:
                return await _resolve(client, dotted)(*args, **kwargs)

        return asyncio.run(run())

    def collect(self, **filters: Any) -> list[SmartTrade]:
        """Everything `iter_all(**filters)` yields."""
        if self.kind == "sync":
            with self._sync_client() as client:
                return list(client.smart_trades.iter_all(**filters))

        async def run() -> list[SmartTrade]:
            async with self._async_client() as client:
                return [item async for item in client.smart_trades.iter_all(**filters)]

        return asyncio.run(run())

    @property
    def requests(self) -> list[httpx.Request]:
        return self.recorder.requests

    def only_request(self) -> httpx.Request:
        (request,) = self.recorder.requests
        return request


KINDS = ["sync", "async"]


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    value: str = request.param
    return value


def assert_signed(request: httpx.Request) -> None:
    assert request.headers["Apikey"] == API_KEY
    payload = signature_payload(request.url.raw_path, request.content)
    assert verify_hmac(API_SECRET, payload, request.headers["Signature"])


def sent_json(request: httpx.Request) -> Any:
    return json.loads(request.content) if request.content else None


# --- every operation: the request sent and the result -------------------------------------------

POSITION = {
    "type": "buy",
    "order_type": "limit",
    "units": {"value": "0.01"},
    "price": {"value": "60000"},
}
TAKE_PROFIT = {
    "enabled": True,
    "steps": [
        {"order_type": "limit", "volume": "50", "price": {"type": "last", "value": "65000"}},
        {"order_type": "limit", "volume": "50", "price": {"type": "last", "value": "70000"}},
    ],
}
STOP_LOSS = {
    "enabled": True,
    "order_type": "market",
    "breakeven": True,
    "conditional": {"price": {"type": "bid", "value": "55000"}},
}
CREATE_BODY = {
    "account_id": 32455218,
    "pair": "USDT_BTC",
    "position": POSITION,
    "take_profit": TAKE_PROFIT,
    "stop_loss": STOP_LOSS,
    "leverage": {"enabled": False},
    "note": "from the tests",
}


def created(name: str = "CreateSmartTradeCreated") -> httpx.Response:
    return httpx.Response(201, json=example(name))


def ok(name: str) -> httpx.Response:
    return httpx.Response(200, json=example(name))


class Case:
    def __init__(
        self,
        dotted: str,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        answer: httpx.Response,
        method: str,
        path: str,
        body: Any,
        result: type,
        query: bytes = b"",
    ) -> None:
        self.dotted, self.args, self.kwargs, self.answer = dotted, args, kwargs, answer
        self.method, self.path, self.body, self.result, self.query = (
            method,
            path,
            body,
            result,
            query,
        )

    def __repr__(self) -> str:
        return self.dotted


CASES = [
    Case(
        "smart_trades.create",
        (),
        dict(CREATE_BODY),
        created(),
        "POST",
        "/v2/smart_trades",
        CREATE_BODY,
        SmartTrade,
    ),
    Case(
        "smart_trades.create",
        (CREATE_BODY,),
        {},
        created(),
        "POST",
        "/v2/smart_trades",
        CREATE_BODY,
        SmartTrade,
    ),
    Case(
        "smart_trades.create",
        (CreateSmartTradeRequest.from_dict(CREATE_BODY),),
        {},
        created(),
        "POST",
        "/v2/smart_trades",
        CREATE_BODY,
        SmartTrade,
    ),
    Case(
        "smart_trades.list",
        (),
        {},
        ok("ListSmartTradesOk"),
        "GET",
        "/v2/smart_trades",
        None,
        list,
    ),
    Case(
        "smart_trades.get",
        (30404547,),
        {},
        ok("GetSmartTradeOk"),
        "GET",
        "/v2/smart_trades/30404547",
        None,
        SmartTrade,
    ),
    Case(
        "smart_trades.update",
        (32037964,),
        {"take_profit": TAKE_PROFIT, "stop_loss": STOP_LOSS},
        ok("UpdateSmartTradeOk"),
        "PATCH",
        "/v2/smart_trades/32037964",
        {"take_profit": TAKE_PROFIT, "stop_loss": STOP_LOSS},
        SmartTrade,
    ),
    Case(
        "smart_trades.update",
        (32037964, example("UpdateSmartTradeRequest")),
        {},
        ok("UpdateSmartTradeOk"),
        "PATCH",
        "/v2/smart_trades/32037964",
        example("UpdateSmartTradeRequest"),
        SmartTrade,
    ),
    Case(
        "smart_trades.cancel",
        (12345678,),
        {},
        ok("CancelSmartTradeOk"),
        "DELETE",
        "/v2/smart_trades/12345678",
        None,
        SmartTrade,
    ),
    Case(
        "smart_trades.add_funds",
        (30415988,),
        {"order_type": "limit", "units": Decimal("14.60138226"), "price": "0.1"},
        created("AddFundsCreated"),
        "POST",
        "/v2/smart_trades/30415988/add_funds",
        {"order_type": "limit", "units": {"value": "14.60138226"}, "price": {"value": "0.1"}},
        SmartTrade,
    ),
    Case(
        "smart_trades.add_funds",
        (30415988, example("AddFundsRequest")),
        {},
        created("AddFundsCreated"),
        "POST",
        "/v2/smart_trades/30415988/add_funds",
        example("AddFundsRequest"),
        SmartTrade,
    ),
    Case(
        "smart_trades.reduce_funds_info",
        (12345678,),
        {},
        ok("ReduceFundsInfoOk"),
        "GET",
        "/v2/smart_trades/12345678/reduce_funds_info",
        None,
        ReduceFundsInfo,
    ),
    Case(
        "smart_trades.reduce_funds",
        (12345678,),
        {"order_type": OrderType.MARKET, "units": UnitsInput(value="2.5")},
        created("ReduceFundsCreated"),
        "POST",
        "/v2/smart_trades/12345678/reduce_funds",
        {"order_type": "market", "units": {"value": "2.5"}},
        SmartTrade,
    ),
    Case(
        "smart_trades.reduce_funds",
        (12345678, ReduceFundsRequest.from_dict(example("ReduceFundsRequest"))),
        {},
        created("ReduceFundsCreated"),
        "POST",
        "/v2/smart_trades/12345678/reduce_funds",
        example("ReduceFundsRequest"),
        SmartTrade,
    ),
    Case(
        "smart_trades.close_by_market",
        (12345678,),
        {},
        created("CloseSmartTradeByMarketCreated"),
        "POST",
        "/v2/smart_trades/12345678/close_by_market",
        None,
        SmartTrade,
    ),
    Case(
        "smart_trades.set_note",
        (12345678, "a note ✓"),
        {},
        created("SetNoteCreated"),
        "POST",
        "/v2/smart_trades/12345678/set_note",
        {"note": "a note ✓"},
        SmartTrade,
    ),
    Case(
        "smart_trades.force_start",
        (31247949,),
        {},
        created("ForceStartCreated"),
        "POST",
        "/v2/smart_trades/31247949/force_start",
        None,
        SmartTrade,
    ),
    Case(
        "smart_trades.force_process",
        (31247949,),
        {},
        created("ForceProcessCreated"),
        "POST",
        "/v2/smart_trades/31247949/force_process",
        None,
        SmartTrade,
    ),
    Case(
        "smart_trades.trades.list",
        (30848974,),
        {},
        ok("ListTradesOk"),
        "GET",
        "/v2/smart_trades/30848974/trades",
        None,
        list,
    ),
    Case(
        "smart_trades.trades.close_by_market",
        (12345678, 1047934729),
        {},
        httpx.Response(201, json=seed_response()),
        "POST",
        "/v2/smart_trades/12345678/trades/1047934729/close_by_market",
        None,
        SmartTrade,
    ),
    Case(
        "smart_trades.close_trade_by_market",
        (12345678, 1047934729),
        {},
        httpx.Response(201, json=seed_response()),
        "POST",
        "/v2/smart_trades/12345678/trades/1047934729/close_by_market",
        None,
        SmartTrade,
    ),
    Case(
        "smart_trades.trades.cancel",
        (30428625, 1008300673),
        {},
        ok("CancelTradeOk"),
        "DELETE",
        "/v2/smart_trades/30428625/trades/1008300673",
        None,
        SmartTrade,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.dotted}-{i}" for i, c in enumerate(CASES)])
def test_each_operation_sends_the_exact_signed_request(kind: str, case: Case) -> None:
    harness = Harness(kind, case.answer)
    result = harness.call(case.dotted, *case.args, **case.kwargs)

    request = harness.only_request()
    assert request.method == case.method
    assert request.url.path == PREFIX + case.path
    assert request.url.query == case.query
    assert sent_json(request) == case.body
    if case.body is not None:
        assert request.headers["Content-Type"] == "application/json"
    assert "Forced-Mode" not in request.headers
    assert_signed(request)

    assert isinstance(result, case.result)
    expected = json.loads(case.answer.content)
    if isinstance(result, list):
        assert [item.to_dict() for item in result] == expected
        item_type = Trade if case.path.endswith("/trades") else SmartTrade
        assert result and all(isinstance(item, item_type) for item in result)
    else:
        assert result.to_dict() == expected


def test_the_async_methods_are_coroutines_with_the_sync_signatures() -> None:
    import inspect

    from threecommas._async.resources import AsyncSmartTrades, AsyncTrades
    from threecommas._sync.resources import SmartTrades, Trades

    for sync_cls, async_cls in ((SmartTrades, AsyncSmartTrades), (Trades, AsyncTrades)):
        names = [n for n in dir(sync_cls) if not n.startswith("_")]
        assert names == [n for n in dir(async_cls) if not n.startswith("_")]
        for name in names:
            sync_method, async_method = getattr(sync_cls, name), getattr(async_cls, name)
            assert inspect.signature(sync_method).parameters == (
                inspect.signature(async_method).parameters
            ), name
            assert sync_method.__doc__ and sync_method.__doc__ == async_method.__doc__, name
            if name not in ("iter_all", "watch"):  # they return an (async) iterator
                assert inspect.iscoroutinefunction(async_method), name


def test_docstrings_of_order_placing_methods_say_they_are_not_retried() -> None:
    from threecommas._sync.resources import SmartTrades, Trades

    placing = [
        SmartTrades.create,
        SmartTrades.add_funds,
        SmartTrades.reduce_funds,
        SmartTrades.close_by_market,
        SmartTrades.force_start,
        SmartTrades.close_trade_by_market,
        Trades.close_by_market,
    ]
    for method in placing:
        doc = " ".join((method.__doc__ or "").split())
        assert "never retried after a timeout or a 5xx" in " ".join(doc.split()), (
            method.__qualname__
        )
        assert "ORDER" in doc, method.__qualname__


def test_list_sends_every_filter_in_the_query(kind: str) -> None:
    harness = Harness(kind, ok("ListSmartTradesOk"))
    start = datetime.datetime(2024, 9, 1, tzinfo=datetime.UTC)
    end = datetime.datetime(2024, 9, 30, 12, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    result = harness.call(
        "smart_trades.list",
        account_id=32455218,
        pair="USDT_BTC",
        type=SmartTradeType.SMART_TRADE,
        page=2,
        per_page=50,
        status="successfully_finished",
        order_by=SmartTradeOrderBy.PROFIT_PERCENTAGE,
        order_direction="asc",
        from_=start,
        to=end,
        base="BTC",
        quote="USDT",
    )
    assert all(isinstance(item, SmartTrade) for item in result)
    request = harness.only_request()
    assert request.url.query == (
        b"account_id=32455218&pair=USDT_BTC&type=smart_trade&page=2&per_page=50"
        b"&status=successfully_finished&order_by=profit_percentage&order_direction=asc"
        b"&from=2024-09-01T00%3A00%3A00%2B00%3A00&to=2024-09-30T12%3A00%3A00%2B02%3A00"
        b"&base=BTC&quote=USDT"
    )
    assert request.content == b""
    assert_signed(request)


def test_enum_filters_accept_members_and_values_alike(kind: str) -> None:
    harness = Harness(kind, httpx.Response(200, json=[]))
    harness.call("smart_trades.list", status=SmartTradeStatusFilter.ACTIVE, order_direction="desc")
    harness.call("smart_trades.list", status="active", order_direction=OrderDirection.DESC)
    first, second = harness.requests
    assert first.url.query == second.url.query == b"status=active&order_direction=desc"


def test_forced_mode_header_from_the_client_and_per_call(kind: str) -> None:
    harness = Harness(kind, ok("GetSmartTradeOk"), forced_mode="paper")
    harness.call("smart_trades.get", 1)
    harness.call("smart_trades.get", 1, forced_mode="real")
    harness.call("smart_trades.get", 1, forced_mode=None)
    modes = [request.headers.get("Forced-Mode") for request in harness.requests]
    assert modes == ["paper", "real", None]
    for request in harness.requests:
        assert_signed(request)


def test_per_call_timeout_reaches_the_request(kind: str) -> None:
    harness = Harness(kind, ok("ListTradesOk"))
    harness.call("smart_trades.trades.list", 1, timeout=2.5)
    assert harness.only_request().extensions["timeout"]["read"] == 2.5


def test_create_from_generated_models_sends_their_json(kind: str) -> None:
    harness = Harness(kind, created())
    harness.call(
        "smart_trades.create",
        account_id=1,
        pair="USDT_BTC",
        position=PositionInput(
            type_=OrderSide.BUY,
            order_type=PositionOrderType.MARKET,
            units=UnitsInput(value="0.5"),
        ),
        take_profit=TakeProfitInput(
            enabled=True,
            steps=[
                TakeProfitStepInput(
                    order_type=OrderType.MARKET,
                    volume="100",
                    price=StepPriceInput(type_=PriceType.ASK, value="70000"),
                )
            ],
        ),
        leverage=LeverageInput(enabled=True, type_=LeverageType.ISOLATED, value=5),
        instant=False,
        skip_enter_step=False,
    )
    assert sent_json(harness.only_request()) == {
        "account_id": 1,
        "pair": "USDT_BTC",
        "position": {"type": "buy", "order_type": "market", "units": {"value": "0.5"}},
        "take_profit": {
            "enabled": True,
            "steps": [
                {
                    "order_type": "market",
                    "volume": "100",
                    "price": {"type": "ask", "value": "70000"},
                }
            ],
        },
        "leverage": {"enabled": True, "type": "isolated", "value": 5},
        "stop_loss": {"enabled": False},  # left out: sent switched off
        "instant": False,
        "skip_enter_step": False,
    }


def test_decimals_go_out_as_fixed_point_strings(kind: str) -> None:
    harness = Harness(kind, created("AddFundsCreated"))
    harness.call(
        "smart_trades.add_funds",
        1,
        order_type="limit",
        units=Decimal("1E-8"),
        price=PriceInput(value="65000.10"),
    )
    harness.call(
        "smart_trades.create",
        account_id=1,
        pair="USDT_BTC",
        position={"type": "sell", "order_type": "market", "units": {"value": Decimal("2.50")}},
    )
    add, create = harness.requests
    assert sent_json(add) == {
        "order_type": "limit",
        "units": {"value": "0.00000001"},
        "price": {"value": "65000.10"},
    }
    assert sent_json(create)["position"]["units"] == {"value": "2.50"}


def test_update_from_a_generated_request(kind: str) -> None:
    body = example("UpdateSmartTradeRequest")
    harness = Harness(kind, ok("UpdateSmartTradeOk"))
    harness.call("smart_trades.update", 7, UpdateSmartTradeRequest.from_dict(body))
    assert sent_json(harness.only_request()) == body


def test_add_funds_from_a_generated_request(kind: str) -> None:
    harness = Harness(kind, created("AddFundsCreated"))
    request = AddFundsRequest(order_type=OrderType.MARKET, units=UnitsInput(value="3"))
    harness.call("smart_trades.add_funds", 7, request)
    assert sent_json(harness.only_request()) == {"order_type": "market", "units": {"value": "3"}}


# --- empty and undocumented answers -------------------------------------------------------------


# Every call that changes a SmartTrade, with the request it sends (for the SmartTrade 5).
CHANGES: list[tuple[str, tuple[Any, ...], dict[str, Any], str, str]] = [
    (
        "smart_trades.update",
        (5, {"leverage": {"enabled": False}}),
        {},
        "PATCH",
        "/v2/smart_trades/5",
    ),
    ("smart_trades.cancel", (5,), {}, "DELETE", "/v2/smart_trades/5"),
    (
        "smart_trades.add_funds",
        (5,),
        {"order_type": "market", "units": "1"},
        "POST",
        "/v2/smart_trades/5/add_funds",
    ),
    (
        "smart_trades.reduce_funds",
        (5,),
        {"order_type": "market", "units": "1"},
        "POST",
        "/v2/smart_trades/5/reduce_funds",
    ),
    ("smart_trades.close_by_market", (5,), {}, "POST", "/v2/smart_trades/5/close_by_market"),
    ("smart_trades.set_note", (5, "n"), {}, "POST", "/v2/smart_trades/5/set_note"),
    ("smart_trades.force_start", (5,), {}, "POST", "/v2/smart_trades/5/force_start"),
    ("smart_trades.force_process", (5,), {}, "POST", "/v2/smart_trades/5/force_process"),
    ("smart_trades.trades.cancel", (5, 6), {}, "DELETE", "/v2/smart_trades/5/trades/6"),
    (
        "smart_trades.trades.close_by_market",
        (5, 6),
        {},
        "POST",
        "/v2/smart_trades/5/trades/6/close_by_market",
    ),
    (
        "smart_trades.close_trade_by_market",
        (5, 6),
        {},
        "POST",
        "/v2/smart_trades/5/trades/6/close_by_market",
    ),
]


def _empty_then_the_smart_trade(status: int, body: bytes = b"") -> Answer:
    """An empty answer to the change, and the SmartTrade to a GET."""

    def answer(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(200, json={**seed_response(), "id": 5})
        return httpx.Response(status, content=body)

    return answer


@pytest.mark.parametrize("body", [b"", b" \r\n"], ids=["no body", "white space"])
@pytest.mark.parametrize("status", [200, 201, 204])
@pytest.mark.parametrize(("dotted", "args", "kwargs", "method", "path"), CHANGES)
def test_an_empty_2xx_to_a_change_is_a_success_and_the_smart_trade_is_read_once(
    kind: str,
    dotted: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    method: str,
    path: str,
    status: int,
    body: bytes,
) -> None:
    # The docs' close-by-market page ends with an empty `200 OK` (and older pages answer 204):
    # the change was made. A parse error would make a bot send the order again.
    harness = Harness(kind, _empty_then_the_smart_trade(status, body))
    result = harness.call(dotted, *args, **kwargs)
    assert isinstance(result, SmartTrade) and result.id == 5
    sent = [(r.method, r.url.path.removeprefix(PREFIX)) for r in harness.requests]
    assert sent == [(method, path), ("GET", "/v2/smart_trades/5")]
    read = harness.requests[1]
    assert verify_hmac(
        API_SECRET, signature_payload(read.url.raw_path, read.content), read.headers["Signature"]
    )


def test_a_failed_read_after_an_empty_2xx_says_that_the_change_was_made(kind: str) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(404, json={"error": "not_found"})
        return httpx.Response(200)

    harness = Harness(kind, answer)
    with pytest.raises(NotFoundError) as raised:
        harness.call("smart_trades.close_trade_by_market", 5, 6)
    assert any("was carried out" in note for note in raised.value.__notes__)
    assert [r.method for r in harness.requests] == ["POST", "GET"]  # the close went once


def test_an_empty_2xx_to_a_create_is_a_parse_error_naming_no_smart_trade(kind: str) -> None:
    # A create's empty answer does not say which SmartTrade was made, so none can be read.
    harness = Harness(kind, httpx.Response(200))
    with pytest.raises(ResponseParseError):
        harness.call("smart_trades.create", CREATE_BODY)
    assert len(harness.requests) == 1


GARBAGE_OBJECTS = [b"", b"not json", b"{}", b"[]", b'"text"', b"null", b'{"id": 1}']
GARBAGE_ARRAYS = [b"", b"not json", b"{}", b'{"id": 1}', b'"text"', b"null", b"[1]", b"[{}]"]

OBJECT_CALLS: list[tuple[str, tuple[Any, ...], dict[str, Any], int]] = [
    ("smart_trades.create", (CREATE_BODY,), {}, 201),
    ("smart_trades.get", (1,), {}, 200),
    ("smart_trades.update", (1, {"leverage": {"enabled": False}}), {}, 200),
    ("smart_trades.cancel", (1,), {}, 200),
    ("smart_trades.add_funds", (1,), {"order_type": "market", "units": "1"}, 201),
    ("smart_trades.reduce_funds_info", (1,), {}, 200),
    ("smart_trades.reduce_funds", (1,), {"order_type": "market", "units": "1"}, 201),
    ("smart_trades.close_by_market", (1,), {}, 201),
    ("smart_trades.set_note", (1, "n"), {}, 201),
    ("smart_trades.force_start", (1,), {}, 201),
    ("smart_trades.trades.cancel", (1, 2), {}, 200),
    ("smart_trades.trades.close_by_market", (1, 2), {}, 201),
    ("smart_trades.close_trade_by_market", (1, 2), {}, 201),
]
ARRAY_CALLS: list[tuple[str, tuple[Any, ...], int]] = [
    ("smart_trades.list", (), 200),
    ("smart_trades.trades.list", (1,), 200),
]


@pytest.mark.parametrize("body", GARBAGE_OBJECTS)
@pytest.mark.parametrize(("dotted", "args", "kwargs", "status"), OBJECT_CALLS)
def test_a_2xx_object_answer_that_does_not_parse_is_a_parse_error(
    kind: str, dotted: str, args: tuple[Any, ...], kwargs: dict[str, Any], status: int, body: bytes
) -> None:
    if body == b'{"id": 1}' and dotted == "smart_trades.reduce_funds_info":
        body = b'{"max": "1"}'
    if body == b"" and any(dotted == change[0] for change in CHANGES):
        return  # an empty answer to a change is a success (see above)
    harness = Harness(kind, httpx.Response(status, content=body))
    with pytest.raises(ResponseParseError) as raised:
        harness.call(dotted, *args, **kwargs)
    assert raised.value.status_code == status
    assert raised.value.body == body.decode()


@pytest.mark.parametrize("body", GARBAGE_ARRAYS)
@pytest.mark.parametrize(("dotted", "args", "status"), ARRAY_CALLS)
def test_a_2xx_list_answer_that_is_not_an_array_of_models_is_a_parse_error(
    kind: str, dotted: str, args: tuple[Any, ...], status: int, body: bytes
) -> None:
    harness = Harness(kind, httpx.Response(status, content=body))
    with pytest.raises(ResponseParseError):
        harness.call(dotted, *args)


@pytest.mark.parametrize("body", [b"not json", b"{}", b"[]", b"null"])
def test_force_process_garbage_is_a_parse_error(kind: str, body: bytes) -> None:
    with pytest.raises(ResponseParseError):
        Harness(kind, httpx.Response(201, content=body)).call("smart_trades.force_process", 1)


@pytest.mark.parametrize(
    ("dotted", "args", "answer"),
    [
        # A 2xx the operation does not document is not silently turned into None.
        ("smart_trades.create", (CREATE_BODY,), httpx.Response(200, json=seed_response())),
        ("smart_trades.get", (1,), httpx.Response(201, json=seed_response())),
        ("smart_trades.cancel", (1,), httpx.Response(204, json=seed_response())),
        ("smart_trades.trades.cancel", (1, 2), httpx.Response(202, json=seed_response())),
        ("smart_trades.force_start", (1,), httpx.Response(200, json=seed_response())),
        ("smart_trades.list", (), httpx.Response(201, json=[])),
    ],
)
def test_an_undocumented_success_status_is_a_parse_error(
    kind: str, dotted: str, args: tuple[Any, ...], answer: httpx.Response
) -> None:
    with pytest.raises(ResponseParseError, match=f"HTTP {answer.status_code}"):
        Harness(kind, answer).call(dotted, *args)


def test_an_empty_page_is_an_empty_list(kind: str) -> None:
    assert Harness(kind, httpx.Response(200, json=[])).call("smart_trades.list") == []


# --- arguments refused before anything is sent --------------------------------------------------

LIMIT_WITHOUT_PRICE = {"type": "buy", "order_type": "limit", "units": {"value": "1"}}
BAD_VOLUMES = {
    "enabled": True,
    "steps": [{"order_type": "limit", "volume": "60", "price": {"type": "last", "value": "2"}}],
}
NAIVE = datetime.datetime(2024, 1, 1)

REFUSED: list[tuple[str, tuple[Any, ...], dict[str, Any], type[Exception], str]] = [
    # ids
    ("smart_trades.get", (0,), {}, ValueError, "smart_trade_id"),
    ("smart_trades.get", (2**63,), {}, ValueError, "smart_trade_id"),
    ("smart_trades.get", ("12",), {}, TypeError, "smart_trade_id"),
    ("smart_trades.get", (True,), {}, TypeError, "smart_trade_id"),
    ("smart_trades.cancel", (-1,), {}, ValueError, "smart_trade_id"),
    ("smart_trades.close_by_market", (1.0,), {}, TypeError, "smart_trade_id"),
    ("smart_trades.force_start", (None,), {}, TypeError, "smart_trade_id"),
    ("smart_trades.force_process", (0,), {}, ValueError, "smart_trade_id"),
    ("smart_trades.reduce_funds_info", ("x",), {}, TypeError, "smart_trade_id"),
    ("smart_trades.trades.list", (0,), {}, ValueError, "smart_trade_id"),
    ("smart_trades.trades.cancel", (1, 0), {}, ValueError, "trade_id"),
    ("smart_trades.trades.close_by_market", ("1", 2), {}, TypeError, "smart_trade_id"),
    ("smart_trades.close_trade_by_market", (1, 2.0), {}, TypeError, "trade_id"),
    ("smart_trades.set_note", (0, "note"), {}, ValueError, "smart_trade_id"),
    (
        "smart_trades.update",
        (0, {"leverage": {"enabled": False}}),
        {},
        ValueError,
        "smart_trade_id",
    ),
    (
        "smart_trades.add_funds",
        (0,),
        {"order_type": "market", "units": "1"},
        ValueError,
        "smart_trade_id",
    ),
    # forced mode and timeout
    ("smart_trades.get", (1,), {"forced_mode": "demo"}, ValueError, "forced_mode"),
    ("smart_trades.trades.list", (1,), {"forced_mode": 1}, TypeError, "forced_mode"),
    ("smart_trades.get", (1,), {"timeout": "fast"}, TypeError, "timeout"),
    ("smart_trades.get", (1,), {"timeout": -1}, ValueError, "timeout"),
    ("smart_trades.list", (), {"timeout": True}, TypeError, "timeout"),
    # create
    ("smart_trades.create", (), {}, TypeError, "account_id, pair, position"),
    ("smart_trades.create", (), {"account_id": 1, "pair": "USDT_BTC"}, TypeError, "position"),
    ("smart_trades.create", (CREATE_BODY,), {"note": "x"}, TypeError, "not both"),
    ("smart_trades.create", (42,), {}, TypeError, "mapping"),
    ("smart_trades.create", (UpdateSmartTradeRequest(),), {}, TypeError, "CreateSmartTradeRequest"),
    ("smart_trades.create", ({**CREATE_BODY, "pair": "BTC"},), {}, ValueError, "pair"),
    ("smart_trades.create", ({**CREATE_BODY, "account_id": 0},), {}, ValueError, "account_id"),
    ("smart_trades.create", ({**CREATE_BODY, "note": ""},), {}, ValueError, "note"),
    (
        "smart_trades.create",
        ({**CREATE_BODY, "position": LIMIT_WITHOUT_PRICE},),
        {},
        ValueError,
        "position[price]",
    ),
    (
        "smart_trades.create",
        ({**CREATE_BODY, "take_profit": BAD_VOLUMES},),
        {},
        ValueError,
        "add up to 100",
    ),
    (
        "smart_trades.create",
        (),
        {"account_id": "1", "pair": "USDT_BTC", "position": POSITION},
        TypeError,
        "account_id",
    ),
    (
        "smart_trades.create",
        (),
        {"account_id": 1, "pair": "USDT_BTC", "position": {**POSITION, "units": {"value": 0.01}}},
        TypeError,
        "position[units][value] is a float",
    ),
    (
        "smart_trades.create",
        (),
        {
            "account_id": 1,
            "pair": "USDT_BTC",
            "position": {**POSITION, "units": {"value": Decimal("NaN")}},
        },
        ValueError,
        "finite",
    ),
    (
        "smart_trades.create",
        (),
        {"account_id": 1, "pair": "USDT_BTC", "position": POSITION, "note": {1, 2}},
        TypeError,
        "note",
    ),
    # update
    ("smart_trades.update", (1,), {}, TypeError, "at least one"),
    ("smart_trades.update", (1, {}), {}, ValueError, "must have at least 1 field"),
    (
        "smart_trades.update",
        (1, {"leverage": {"enabled": True, "value": 0}}),
        {},
        ValueError,
        "leverage[value]",
    ),
    ("smart_trades.update", (1, {"take_profit": BAD_VOLUMES}), {}, ValueError, "add up to 100"),
    (
        "smart_trades.update",
        (1, {"stop_loss": STOP_LOSS}),
        {"leverage": {"enabled": False}},
        TypeError,
        "not both",
    ),
    (
        "smart_trades.update",
        (1,),
        {"position": {"units": {"value": "-1"}}},
        ValueError,
        "position[units][value]",
    ),
    # add_funds and reduce_funds
    ("smart_trades.add_funds", (1,), {"order_type": "market", "units": 0.5}, TypeError, "float"),
    (
        "smart_trades.add_funds",
        (1,),
        {"order_type": "limit", "units": "1", "price": 2.5},
        TypeError,
        "float",
    ),
    ("smart_trades.add_funds", (1,), {"order_type": "market", "units": 1}, TypeError, "units"),
    ("smart_trades.add_funds", (1,), {"order_type": "limit", "units": "1"}, ValueError, "price"),
    (
        "smart_trades.add_funds",
        (1,),
        {"order_type": "stop", "units": "1"},
        ValueError,
        "order_type",
    ),
    (
        "smart_trades.add_funds",
        (1,),
        {"order_type": "market", "units": "-1"},
        ValueError,
        "units[value]",
    ),
    (
        "smart_trades.add_funds",
        (1,),
        {"order_type": "market", "units": "1e3"},
        ValueError,
        "units[value]",
    ),
    ("smart_trades.add_funds", (1,), {"order_type": "market"}, TypeError, "units"),
    ("smart_trades.reduce_funds", (1, {"order_type": "market"}), {}, ValueError, "units"),
    (
        "smart_trades.reduce_funds",
        (1, {"order_type": "market", "units": {"value": 1.5}}),
        {},
        TypeError,
        "float",
    ),
    (
        "smart_trades.reduce_funds",
        (1, AddFundsRequest(order_type=OrderType.MARKET, units=UnitsInput(value="1"))),
        {},
        TypeError,
        "ReduceFundsRequest",
    ),
    ("smart_trades.reduce_funds", (1,), {"units": "1"}, TypeError, "order_type"),
    # set_note
    ("smart_trades.set_note", (1, ""), {}, ValueError, "note"),
    ("smart_trades.set_note", (1, "x" * 301), {}, ValueError, "note"),
    ("smart_trades.set_note", (1, 5), {}, TypeError, "note"),
    ("smart_trades.set_note", (1, None), {}, TypeError, "note"),
    # list
    ("smart_trades.list", (), {"page": 0}, ValueError, "page"),
    ("smart_trades.list", (), {"page": 1_000_001}, ValueError, "page"),
    ("smart_trades.list", (), {"per_page": 101}, ValueError, "per_page"),
    ("smart_trades.list", (), {"per_page": 0}, ValueError, "per_page"),
    ("smart_trades.list", (), {"per_page": True}, TypeError, "per_page"),
    ("smart_trades.list", (), {"page": "2"}, TypeError, "page"),
    ("smart_trades.list", (), {"account_id": 0}, ValueError, "account_id"),
    ("smart_trades.list", (), {"type": "simple"}, ValueError, "type"),
    ("smart_trades.list", (), {"type": 1}, TypeError, "type"),
    ("smart_trades.list", (), {"status": "successfully_finish"}, ValueError, "status"),
    ("smart_trades.list", (), {"status": SmartTradeType.SMART_BUY}, ValueError, "status"),
    ("smart_trades.list", (), {"order_by": "id"}, ValueError, "order_by"),
    ("smart_trades.list", (), {"order_direction": "DESC"}, ValueError, "order_direction"),
    ("smart_trades.list", (), {"pair": "BTC"}, ValueError, "pair"),
    ("smart_trades.list", (), {"pair": "USDT_BTC\n"}, ValueError, "pair"),
    ("smart_trades.list", (), {"pair": 5}, TypeError, "pair"),
    ("smart_trades.list", (), {"base": "B-TC"}, ValueError, "base"),
    ("smart_trades.list", (), {"quote": ""}, ValueError, "quote"),
    ("smart_trades.list", (), {"from_": NAIVE}, ValueError, "timezone"),
    ("smart_trades.list", (), {"to": "2024-01-01T00:00:00Z"}, TypeError, "to"),
    ("smart_trades.list", (), {"from_": datetime.date(2024, 1, 1)}, TypeError, "from_"),
]


@pytest.mark.parametrize(
    ("dotted", "args", "kwargs", "error", "message"),
    REFUSED,
    ids=[f"{r[0].split('.')[-1]}-{i}" for i, r in enumerate(REFUSED)],
)
def test_bad_arguments_are_refused_before_anything_is_sent(
    kind: str,
    dotted: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    error: type[Exception],
    message: str,
) -> None:
    harness = Harness(kind, httpx.Response(500))
    with pytest.raises(error) as raised:
        harness.call(dotted, *args, **kwargs)
    assert message in str(raised.value)
    assert harness.requests == []


@pytest.mark.parametrize(
    "filters",
    [{"per_page": 0}, {"per_page": 101}, {"page": 0}, {"status": "nope"}, {"from_": NAIVE}],
)
def test_iter_all_refuses_bad_filters_when_called_before_iterating(
    kind: str, filters: dict[str, Any]
) -> None:
    harness = Harness(kind, httpx.Response(500))
    with harness._sync_client() as client, pytest.raises((ValueError, TypeError)):
        client.smart_trades.iter_all(**filters)

    async def run() -> None:
        async with harness._async_client() as client:
            client.smart_trades.iter_all(**filters)

    with pytest.raises((ValueError, TypeError)):
        asyncio.run(run())
    assert harness.requests == []


# --- iter_all -----------------------------------------------------------------------------------


def pages(sizes: dict[int, int]) -> Callable[[httpx.Request], httpx.Response]:
    """Answers page N with sizes[N] SmartTrades whose ids tell the page (N * 1000 + i)."""

    def answer(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        items = []
        for index in range(sizes.get(page, 0)):
            item = seed_response()
            item["id"] = page * 1000 + index
            items.append(item)
        return httpx.Response(200, json=items)

    return answer


def requested_pages(harness: Harness) -> list[tuple[str, str]]:
    return [(r.url.params["page"], r.url.params["per_page"]) for r in harness.requests]


def test_iter_all_walks_the_pages_until_a_short_one(kind: str) -> None:
    harness = Harness(kind, pages({1: 2, 2: 2, 3: 1, 4: 2}))
    items = harness.collect(per_page=2, status="finished", pair="USDT_BTC")
    assert [item.id for item in items] == [1000, 1001, 2000, 2001, 3000]
    assert all(isinstance(item, SmartTrade) for item in items)
    assert requested_pages(harness) == [("1", "2"), ("2", "2"), ("3", "2")]
    for request in harness.requests:
        assert request.url.params["status"] == "finished"
        assert request.url.params["pair"] == "USDT_BTC"
        assert_signed(request)


def test_iter_all_stops_after_an_empty_page(kind: str) -> None:
    harness = Harness(kind, pages({1: 3, 2: 3}))
    assert len(harness.collect(per_page=3)) == 6
    assert requested_pages(harness) == [("1", "3"), ("2", "3"), ("3", "3")]


def test_iter_all_starts_at_the_given_page_with_100_per_page_by_default(kind: str) -> None:
    harness = Harness(kind, pages({5: 100, 6: 40}))
    assert len(harness.collect(page=5)) == 140
    assert requested_pages(harness) == [("5", "100"), ("6", "100")]


def test_iter_all_is_lazy() -> None:
    harness = Harness("sync", pages({1: 1, 2: 1}))
    with harness._sync_client() as client:
        walker = client.smart_trades.iter_all(per_page=1)
        assert harness.requests == []
        assert next(walker).id == 1000
        assert requested_pages(harness) == [("1", "1")]


def test_iter_all_reports_a_failing_page() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.params["page"] == "2":
            return httpx.Response(200, content=b"{}")
        return pages({1: 1})(request)

    harness = Harness("sync", answer)
    with pytest.raises(ResponseParseError):
        harness.collect(per_page=1)
    assert requested_pages(harness) == [("1", "1"), ("2", "1")]


# --- against the recorded-responses server ------------------------------------------------------

LIVE_CREATE = {
    "account_id": 32455218,
    "pair": "USDT_BTC",
    "note": "first note",
    "position": {
        "type": "buy",
        "order_type": "limit",
        "units": {"value": "0.01"},
        "price": {"value": "60000"},
    },
    "take_profit": {
        "enabled": True,
        "steps": [
            {"order_type": "limit", "volume": "50", "price": {"type": "last", "value": "65000"}},
            {"order_type": "limit", "volume": "50", "price": {"type": "last", "value": "70000"}},
        ],
    },
}


def _status(name: str, title: str) -> dict[str, str]:
    return {"type": name, "basic_type": name, "title": title}


def fill_entry(server: RunningServer, smart_trade_id: int) -> None:
    """Play the exchange: the entry order fills and the take-profit steps start waiting.

    A new SmartTrade stays `created` on the server, as in the docs' example, until something
    moves it on; a test that needs `waiting_targets` sets it through the store."""
    smart_trade = server.store.get(smart_trade_id)
    assert smart_trade is not None
    smart_trade["status"] = _status("waiting_targets", "Waiting Targets")
    smart_trade["position"]["status"] = _status("finished", "Filled")
    for step in smart_trade["take_profit"]["steps"]:
        step["status"] = _status("to_process", "Pending")
    server.store.put(smart_trade)


def live_client(server: RunningServer) -> ThreeCommas:
    return ThreeCommas(server.api_key, server.api_secret, base_url=server.base_url)


def test_sync_flow_against_the_server(threecommas_server: RunningServer) -> None:
    with live_client(threecommas_server) as client:
        smart_trades = client.smart_trades
        created = smart_trades.create(LIVE_CREATE)
        assert created.status.basic_type == "created"
        assert created.pair == "USDT_BTC" and created.note == "first note"
        assert [step.volume for step in created.take_profit.steps] == ["50", "50"]

        fetched = smart_trades.get(created.id)
        assert fetched.id == created.id and fetched.status.basic_type == "created"
        with pytest.raises(PermissionDeniedError):  # not editable before the entry fills
            smart_trades.update(created.id, leverage={"enabled": False})

        fill_entry(threecommas_server, created.id)
        updated = smart_trades.update(
            created.id,
            stop_loss={
                "enabled": True,
                "order_type": "market",
                "conditional": {"price": {"type": "bid", "value": "55000"}},
            },
        )
        assert updated.status.basic_type == "waiting_targets"
        assert updated.stop_loss.enabled is True

        noted = smart_trades.set_note(created.id, "second note")
        assert noted.note == "second note"

        trades = smart_trades.trades.list(created.id)
        assert all(isinstance(trade, Trade) for trade in trades)
        purposes = [trade.trade_purpose for trade in trades]
        assert purposes.count("position") == 1 and purposes.count("take_profit") == 2
        take_profit_ids = [t.id for t in trades if t.trade_purpose == "take_profit"]
        assert take_profit_ids == [step.id for step in created.take_profit.steps]

        closing = smart_trades.trades.close_by_market(created.id, take_profit_ids[0])
        assert closing is not None
        assert closing.take_profit.steps[0].status.basic_type == "panic_sell_pending"
        with pytest.raises(PermissionDeniedError):  # already closing
            smart_trades.trades.close_by_market(created.id, take_profit_ids[0])

        cancelled = smart_trades.cancel(created.id)
        assert cancelled.status.basic_type == "cancellation_pending"
        assert smart_trades.get(created.id).status.basic_type == "cancellation_pending"
        assert created.id in [item.id for item in smart_trades.iter_all(per_page=2)]

        with pytest.raises(NotFoundError):
            smart_trades.get(created.id + 10**12)


def test_async_flow_against_the_server(threecommas_server: RunningServer) -> None:
    async def run() -> None:
        server = threecommas_server
        async with AsyncThreeCommas(
            server.api_key, server.api_secret, base_url=server.base_url
        ) as client:
            created = await client.smart_trades.create(
                account_id=32455218,
                pair="USDT_ETH",
                position=PositionInput(
                    type_=OrderSide.BUY,
                    order_type=PositionOrderType.MARKET,
                    units=UnitsInput(value="0.5"),
                ),
            )
            fetched = await client.smart_trades.get(created.id)
            assert fetched.pair == "USDT_ETH"
            noted = await client.smart_trades.set_note(created.id, "async note")
            assert noted.note == "async note"
            trades = await client.smart_trades.trades.list(created.id)
            assert [trade.trade_purpose for trade in trades].count("position") == 1
            seen = [item.id async for item in client.smart_trades.iter_all(pair="USDT_ETH")]
            assert created.id in seen

    asyncio.run(run())


def test_the_server_refuses_what_the_sdk_would_not_send(threecommas_server: RunningServer) -> None:
    """The SDK's checks and the server's agree: a body the SDK refuses, the server refuses too."""
    body = {**LIVE_CREATE, "take_profit": BAD_VOLUMES, "stop_loss": {"enabled": False}}
    with live_client(threecommas_server) as client:
        with pytest.raises(ValueError, match="add up to 100"):
            client.smart_trades.create(body)
        url = threecommas_server.base_url + "/v2/smart_trades"
        response = httpx.post(url, json=body, auth=client.auth)
    assert response.status_code == 422
    assert "take_profit[steps]" in response.json()["error_attributes"]

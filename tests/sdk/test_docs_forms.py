"""Where the docs and the spec disagreed: what the API takes, and what the SDK sends.

- one document, two views: the requests as written take the docs' spellings (`x-docs-form`),
  the canonical view (what the SDK sends and checks, and what the models are generated from)
  does not;
- create: `leverage`, `take_profit` and `stop_loss` are required, and the SDK sends a part the
  caller left out switched off;
- the documented limits (take-profit trailing 0.01-100 %, conditional entry trailing 0-99 %)
  and none of the undocumented ones (stop-loss timeout at most 86400 s, leverage at most 1000);
- update: a take-profit step `id` edits that step in place;
- the list takes `successfully_finish` and `ASC`/`DESC` too; the SDK sends the canonical ones;
- cancelling a trade may cancel the whole SmartTrade, and the SDK says so;
- `store.put` and the admin API: flags recomputed, and only SmartTrades of the spec stored.
"""

from __future__ import annotations

import asyncio
import copy
import json
from typing import Any

import attrs
import httpx
import pytest
from starlette.applications import Starlette

from tests.server_support import (
    DATA_ACCOUNT_ID,
    SMART_SELL_ID,
    SMART_TRADE_ID,
    api,
    call,
    invalid,
    ok,
    seed_body,
    store_of,
    stored,
)
from threecommas import (
    AsyncThreeCommas,
    CreateSmartTradeRequest,
    LeverageInput,
    OrderSide,
    PositionInput,
    PositionOrderType,
    StopLossTimeoutInput,
    TakeProfitInput,
    ThreeCommas,
    UnitsInput,
)
from threecommas._async.resources import AsyncTrades
from threecommas._schema import body_errors, canonical_spec, load_spec, schema_errors
from threecommas._spec_views import DOCS_FORM, SDK_REQUIRED, canonical_view, docs_form
from threecommas._sync.resources import Trades
from threecommas.testing import InvalidSmartTradeError, RunningServer, create_app
from threecommas.testing.faults import ADMIN_PREFIX

CREATE: dict[str, Any] = {
    "account_id": 32455218,
    "pair": "USDT_BTC",
    "position": {"type": "buy", "order_type": "market", "units": {"value": "0.01"}},
    "take_profit": {
        "enabled": True,
        "steps": [
            {
                "order_type": "market",
                "volume": "100",
                "price": {"type": "last", "value": "70000"},
                "trailing": {"enabled": True, "percent": "1"},
            }
        ],
    },
    "stop_loss": {
        "enabled": True,
        "order_type": "market",
        "conditional": {"price": {"type": "bid", "value": "60000"}},
        "timeout": {"enabled": True, "value": 30},
    },
    "leverage": {"enabled": True, "type": "isolated", "value": 5},
}


def _changed(body: dict[str, Any], dotted: str, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(body)
    *parents, last = dotted.split(".")
    node: Any = changed
    for key in parents:
        node = node[int(key)] if key.isdigit() else node.setdefault(key, {})
    node[int(last) if last.isdigit() else last] = value
    return changed


def _walk(node: Any) -> list[Any]:
    found = [node]
    if isinstance(node, dict):
        for value in node.values():
            found += _walk(value)
    elif isinstance(node, list):
        for value in node:
            found += _walk(value)
    return found


# --- One document, two views ---------------------------------------------------------------------


def test_every_docs_form_is_an_alternative_beside_a_canonical_form() -> None:
    spec = load_spec()
    forms = 0
    for node in _walk(spec["paths"]) + _walk(spec["components"]["schemas"]):
        if not isinstance(node, dict):
            continue
        for key in ("anyOf", "oneOf"):
            branches = node.get(key, [])
            marked = [b for b in branches if docs_form(spec, b) is not None]
            forms += len(marked)
            assert not branches or len(marked) < len(branches), node
    assert forms >= 25
    kinds = {
        s[DOCS_FORM] for s in _walk(spec["components"]) if isinstance(s, dict) and DOCS_FORM in s
    }
    assert kinds == {"decimal", "boolean", "integer", "alias"}


def test_the_canonical_view_has_no_docs_form() -> None:
    view = canonical_spec()
    assert view == canonical_view(load_spec())
    text = json.dumps(view["paths"]) + json.dumps(view["components"])
    assert DOCS_FORM not in text and SDK_REQUIRED not in text
    assert not [name for name in view["components"]["schemas"] if name.startswith("Docs")]
    create = view["components"]["schemas"]["CreateSmartTradeRequest"]
    assert create["required"] == [
        "account_id",
        "pair",
        "position",
        "leverage",
        "take_profit",
        "stop_loss",
    ]
    written = load_spec()["components"]["schemas"]["CreateSmartTradeRequest"]
    assert written["required"] == ["account_id", "pair", "position"]


def test_the_request_models_are_typed_by_the_canonical_forms() -> None:
    def types(model: type) -> dict[str, Any]:
        return {field.name: field.type for field in attrs.fields(model)}

    assert types(UnitsInput)["value"] == "str"
    assert types(TakeProfitInput)["enabled"] == "bool"
    assert types(StopLossTimeoutInput)["value"] == "int | Unset"
    assert types(LeverageInput)["type_"] == "LeverageType | Unset"
    create = types(CreateSmartTradeRequest)
    assert create["account_id"] == "int"
    assert create["instant"] == "bool | Unset"
    assert (create["leverage"], create["take_profit"], create["stop_loss"]) == (
        "LeverageInput",
        "TakeProfitInput",
        "StopLossInput",
    )


DOCS_SPELLINGS = [
    ("account_id", "32455218"),
    ("instant", "false"),
    ("position.units.value", 0.01),
    ("take_profit.enabled", "true"),
    ("take_profit.steps.0.volume", 100),
    ("take_profit.steps.0.price.value", 70000),
    ("take_profit.steps.0.trailing.percent", 1),
    ("stop_loss.timeout.value", "30"),
    ("stop_loss.breakeven", "false"),
    ("leverage.type", "custom"),
    ("leverage.value", "5"),
]


@pytest.mark.parametrize(("dotted", "value"), DOCS_SPELLINGS)
def test_the_api_takes_the_docs_spellings_the_sdk_does_not_send(dotted: str, value: Any) -> None:
    body = _changed(CREATE, dotted, value)
    assert schema_errors("CreateSmartTradeRequest", body, lenient=True) == {}
    name = dotted.split(".")[0] + "".join(f"[{part}]" for part in dotted.split(".")[1:])
    assert set(body_errors("CreateSmartTradeRequest", body)) == {name}


def test_the_server_stores_the_canonical_value_of_every_docs_spelling(app: Starlette) -> None:
    body = CREATE
    for dotted, value in DOCS_SPELLINGS:
        body = _changed(body, dotted, value)
    docs_created = ok(api(app, "POST", "/v2/smart_trades", body), 201)
    canonical_created = ok(
        api(app, "POST", "/v2/smart_trades", _changed(CREATE, "instant", False)), 201
    )
    for part in ("position", "take_profit", "stop_loss", "leverage", "instant"):
        if part == "take_profit":
            for step in (docs_created, canonical_created):
                for item in step[part]["steps"]:
                    item.pop("id")
        assert docs_created[part] == canonical_created[part], part
    assert docs_created["leverage"]["type"] == "isolated"


def test_a_value_in_neither_form_is_refused_by_both_views() -> None:
    for dotted, value in [
        ("instant", "yes"),
        ("position.units.value", -1),
        ("position.units.value", "1e5"),
        ("leverage.value", "5.5"),
        ("leverage.type", "CUSTOM"),
    ]:
        body = _changed(CREATE, dotted, value)
        assert schema_errors("CreateSmartTradeRequest", body, lenient=True), (dotted, value)
        assert body_errors("CreateSmartTradeRequest", body), (dotted, value)


# --- Create: the three parts ---------------------------------------------------------------------


def _recording_transport(
    answer: Any, status: int = 201
) -> tuple[list[httpx.Request], httpx.MockTransport]:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json=answer)

    return seen, httpx.MockTransport(handle)


def _created_example() -> Any:
    return load_spec()["components"]["examples"]["CreateSmartTradeCreated"]["value"]


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_create_sends_the_parts_left_out_switched_off(kind: str) -> None:
    seen, transport = _recording_transport(_created_example())
    position = {"type": "buy", "order_type": "market", "units": {"value": "0.01"}}
    stop_loss = CREATE["stop_loss"]
    if kind == "sync":
        with ThreeCommas("key", "secret", http_client=httpx.Client(transport=transport)) as c:
            c.smart_trades.create(account_id=1, pair="USDT_BTC", position=position)
            c.smart_trades.create({"account_id": 1, "pair": "USDT_BTC", "position": position})
            c.smart_trades.create(
                account_id=1, pair="USDT_BTC", position=position, stop_loss=stop_loss
            )
    else:

        async def run() -> None:
            client = httpx.AsyncClient(transport=transport)
            async with AsyncThreeCommas("key", "secret", http_client=client) as c:
                await c.smart_trades.create(account_id=1, pair="USDT_BTC", position=position)
                await c.smart_trades.create(
                    {"account_id": 1, "pair": "USDT_BTC", "position": position}
                )
                await c.smart_trades.create(
                    account_id=1, pair="USDT_BTC", position=position, stop_loss=stop_loss
                )

        asyncio.run(run())
    off = {"enabled": False}
    bodies = [json.loads(request.content) for request in seen]
    for body in bodies[:2]:
        assert body == {
            "account_id": 1,
            "pair": "USDT_BTC",
            "position": position,
            "leverage": off,
            "take_profit": off,
            "stop_loss": off,
        }
    assert bodies[2]["stop_loss"] == stop_loss  # given: sent as given
    assert (bodies[2]["leverage"], bodies[2]["take_profit"]) == (off, off)


def test_the_create_model_requires_the_three_parts() -> None:
    position = PositionInput(
        type_=OrderSide.BUY, order_type=PositionOrderType.MARKET, units=UnitsInput(value="1")
    )
    with pytest.raises(TypeError, match="leverage"):
        CreateSmartTradeRequest(account_id=1, pair="USDT_BTC", position=position)  # type: ignore[call-arg]


def test_the_api_takes_a_simple_buy_without_them_but_not_a_smart_trade(app: Starlette) -> None:
    body = {
        "account_id": DATA_ACCOUNT_ID,
        "pair": "USDT_BTC",
        "position": {"type": "buy", "order_type": "market", "units": {"value": "1"}},
    }
    simple = ok(api(app, "POST", "/v2/smart_trades", {**body, "instant": True}), 201)
    assert simple["leverage"] == simple["stop_loss"] == {"enabled": False}
    assert simple["take_profit"]["enabled"] is False
    # "required only when instant is false" (the classic docs' comments)
    missing = invalid(api(app, "POST", "/v2/smart_trades", body), 422)
    assert set(missing) == {"take_profit", "stop_loss"}
    # The rule the right way round: the parts are needed when instant is NOT true.
    assert missing["take_profit"] == ["is missing (required unless instant is true)"]
    assert missing["stop_loss"] == ["is missing (required unless instant is true)"]


# --- Limits --------------------------------------------------------------------------------------

TRAILING = "take_profit.steps.0.trailing.percent"
ENTRY = {
    "type": "buy",
    "order_type": "conditional",
    "units": {"value": "0.01"},
    "conditional": {
        "order_type": "market",
        "price": {"value": "60000"},
        "trailing": {"enabled": True, "percent": "1"},
    },
}
ENTRY_TRAILING = "position.conditional.trailing.percent"


@pytest.mark.parametrize(
    ("dotted", "value", "allowed"),
    [
        # the take-profit trailing: 0.01 to 100 (master and gitbook create pages)
        (TRAILING, "0.01", True),
        (TRAILING, "100", True),
        (TRAILING, "100.0", True),
        (TRAILING, "0.009", False),
        (TRAILING, "100.01", False),
        (TRAILING, 0.01, "docs"),
        (TRAILING, 100, "docs"),
        (TRAILING, 0.005, False),
        (TRAILING, 101, False),
        # the conditional entry's trailing: 0 to 99 (gitbook create page)
        (ENTRY_TRAILING, "0", True),
        (ENTRY_TRAILING, "99", True),
        (ENTRY_TRAILING, "98.75", True),
        (ENTRY_TRAILING, "99.5", False),
        (ENTRY_TRAILING, "100", False),
        (ENTRY_TRAILING, 0, "docs"),
        (ENTRY_TRAILING, 99.5, False),
        # no doc version gives an upper limit for these two
        ("stop_loss.timeout.value", 86401, True),
        ("stop_loss.timeout.value", 10**9, True),
        ("leverage.value", 1001, True),
        ("leverage.value", 0, False),
    ],
)
def test_the_documented_limits_and_only_those(dotted: str, value: Any, allowed: Any) -> None:
    body = _changed({**CREATE, "position": ENTRY}, dotted, value)
    canonical = body_errors("CreateSmartTradeRequest", body)
    as_written = schema_errors("CreateSmartTradeRequest", body, lenient=True)
    if allowed is True:
        assert canonical == as_written == {}
    elif allowed == "docs":
        assert as_written == {} and canonical
    else:
        assert canonical and as_written


# --- Update: a step id edits that step in place ----------------------------------------------


def test_the_sdk_sends_a_step_id_in_an_update_and_refuses_one_in_a_create() -> None:
    seen, transport = _recording_transport(
        load_spec()["components"]["examples"]["UpdateSmartTradeOk"]["value"], 200
    )
    step = {
        "id": 1047934729,
        "order_type": "market",
        "volume": "100",
        "price": {"type": "last", "value": "1"},
    }
    with ThreeCommas("key", "secret", http_client=httpx.Client(transport=transport)) as client:
        client.smart_trades.update(7, take_profit={"enabled": True, "steps": [step]})
        with pytest.raises(ValueError, match=r"take_profit\[steps\]\[0\]\[id\]"):
            client.smart_trades.create(
                _changed(CREATE, "take_profit.steps", [{**step, "trailing": {"enabled": False}}])
            )
    (request,) = seen
    assert json.loads(request.content)["take_profit"]["steps"] == [step]


def test_an_update_edits_the_step_with_that_id_in_place(app: Starlette) -> None:
    before = stored(app, SMART_TRADE_ID)["take_profit"]["steps"]
    kept, dropped = before[2], before[:2]
    edit = {
        "take_profit": {
            "enabled": True,
            "steps": [
                {
                    "id": kept["id"],
                    "order_type": "limit",
                    "volume": "60",
                    "price": {"type": "bid", "value": "0.7"},
                },
                {"order_type": "limit", "volume": "40", "price": {"type": "bid", "value": "0.8"}},
            ],
        }
    }
    after = ok(api(app, "PATCH", f"/v2/smart_trades/{SMART_TRADE_ID}", edit), 200)
    edited, new = after["take_profit"]["steps"]
    assert edited["id"] == kept["id"]
    assert (edited["status"], edited["data"]) == (kept["status"], kept["data"])
    assert (edited["order_type"], edited["volume"], edited["price"]["value"]) == (
        "limit",
        "60",
        "0.7",
    )
    assert new["id"] not in {s["id"] for s in before}
    assert new["status"]["basic_type"] == "idle"
    # The steps left out are gone.
    assert not {s["id"] for s in dropped} & {s["id"] for s in after["take_profit"]["steps"]}


def test_a_step_id_of_no_step_of_the_smart_trade_is_a_new_step(app: Starlette) -> None:
    # The docs' edit example sends a step id, and its answer shows the step under a new id.
    other = stored(app, SMART_SELL_ID)["take_profit"]["steps"][0]["id"]
    edit = {
        "take_profit": {
            "enabled": True,
            "steps": [
                {
                    "id": other,
                    "order_type": "limit",
                    "volume": "100",
                    "price": {"type": "last", "value": "0.9"},
                }
            ],
        }
    }
    after = ok(api(app, "PATCH", f"/v2/smart_trades/{SMART_TRADE_ID}", edit), 200)
    (step,) = after["take_profit"]["steps"]
    assert step["id"] != other and step["status"]["basic_type"] == "idle"
    assert stored(app, SMART_SELL_ID)["take_profit"]["steps"][0]["id"] == other


# --- The list filters ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("docs", "canonical"),
    [
        ("status=successfully_finish", "status=successfully_finished"),
        ("order_direction=ASC", "order_direction=asc"),
        ("order_direction=DESC&order_by=created_at", "order_direction=desc&order_by=created_at"),
    ],
)
def test_the_list_takes_the_newest_pages_spellings(
    app: Starlette, docs: str, canonical: str
) -> None:
    store = store_of(app)
    finished = stored(app, SMART_SELL_ID)
    finished["data"]["finished"] = True
    store.put(finished)
    got = ok(api(app, "GET", f"/v2/smart_trades?per_page=100&{docs}"), 200)
    assert got == ok(api(app, "GET", f"/v2/smart_trades?per_page=100&{canonical}"), 200)
    assert got


@pytest.mark.parametrize(
    ("filters", "allowed"),
    [
        ({"status": "successfully_finish"}, "successfully_finished"),
        ({"order_direction": "DESC"}, "desc"),
    ],
)
def test_the_sdk_sends_only_the_canonical_spellings(filters: dict[str, str], allowed: str) -> None:
    seen, transport = _recording_transport([], 200)
    http = httpx.Client(transport=transport)
    with ThreeCommas("key", "secret", http_client=http) as client, pytest.raises(ValueError) as e:
        client.smart_trades.list(**filters)
    assert allowed in str(e.value)
    assert seen == []


# --- Cancelling a trade may cancel the SmartTrade ------------------------------------------------


def test_the_cancel_trade_docstrings_say_it_can_cancel_the_smart_trade() -> None:
    for method in (Trades.cancel, AsyncTrades.cancel):
        doc = " ".join((method.__doc__ or "").split())
        assert "This can cancel the whole SmartTrade" in doc
        assert "last take-profit step, or its stop-loss trade, cancels the SmartTrade" in doc


def test_the_sdk_cancels_the_last_step_and_gets_the_cancelled_smart_trade(
    threecommas_server: RunningServer,
) -> None:
    server = threecommas_server
    with ThreeCommas(server.api_key, server.api_secret, base_url=server.base_url) as client:
        steps = [s.id for s in client.smart_trades.get(SMART_TRADE_ID).take_profit.steps]
        for step_id in steps[:-1]:
            kept = client.smart_trades.trades.cancel(SMART_TRADE_ID, step_id)
            assert kept.status.basic_type == "waiting_targets"
        gone = client.smart_trades.trades.cancel(SMART_TRADE_ID, steps[-1])
    assert gone.status.basic_type == "cancellation_pending"


# --- store.put and the admin API ----------------------------------------------------------------


def _waiting_targets_with_stale_flags() -> dict[str, Any]:
    smart_trade = seed_body()
    smart_trade["id"] = 4242
    smart_trade["status"] = {
        "type": "waiting_targets",
        "basic_type": "waiting_targets",
        "title": "x",
    }
    for flag in ("panic_sell_available", "cancel_available", "editable", "reduce_funds_available"):
        smart_trade["data"][flag] = False
    smart_trade["data"]["force_start_available"] = True
    for step in smart_trade["take_profit"]["steps"]:
        step["data"]["panic_sell_available"] = False
    return smart_trade


def _assert_flags_follow_the_rules(smart_trade: dict[str, Any]) -> None:
    data = smart_trade["data"]
    assert data["panic_sell_available"] is data["cancel_available"] is True
    assert data["editable"] is data["reduce_funds_available"] is True
    assert data["force_start_available"] is False  # the position is filled
    closable = [s["data"]["panic_sell_available"] for s in smart_trade["take_profit"]["steps"]]
    assert closable == [
        s["status"]["basic_type"] == "to_process" for s in smart_trade["take_profit"]["steps"]
    ]


def test_store_put_recomputes_every_flag(app: Starlette) -> None:
    store_of(app).put(_waiting_targets_with_stale_flags())
    smart_trade = stored(app, 4242)
    _assert_flags_follow_the_rules(smart_trade)
    assert ok(api(app, "GET", "/v2/smart_trades/4242"), 200) == smart_trade
    ok(api(app, "POST", "/v2/smart_trades/4242/close_by_market"), 201)


def _admin(app: Starlette, body: bytes) -> httpx.Response:
    return call(
        app, "POST", f"http://testserver{ADMIN_PREFIX}/smart_trades", auth=None, content=body
    )


def test_the_admin_api_stores_smart_trades_of_the_spec_only() -> None:
    app = create_app()
    before = store_of(app).snapshot()
    for body, named in [
        ({"id": 5}, {"account", "pair", "status"}),
        ({**seed_body(), "id": 5, "pair": 7}, {"pair"}),
        (
            {**seed_body(), "id": 5, "take_profit": {"enabled": True, "steps": [{}]}},
            {"take_profit[steps][0][id]"},
        ),
    ]:
        response = _admin(app, json.dumps(body).encode())
        assert response.status_code == 400, response.text
        assert response.headers["content-type"] == "application/json"
        answer = response.json()
        assert answer["error"] == "bad_request"
        assert named <= set(answer["error_attributes"]), answer
        assert "SmartTrade" in answer["error_description"]
    assert store_of(app).snapshot() == before and 5 not in store_of(app)
    accepted = _admin(app, json.dumps(_waiting_targets_with_stale_flags()).encode())
    assert accepted.status_code == 201 and accepted.json() == {"id": 4242}
    _assert_flags_follow_the_rules(stored(app, 4242))


def test_store_put_checks_what_it_is_given_as_the_admin_api_does(app: Starlette) -> None:
    """`server.store.put()` refuses what the spec does not call a SmartTrade, naming what is
    wrong, instead of storing it and letting every later list fail as if the API were wrong."""
    store = store_of(app)
    before = store.snapshot()
    for body, named in [
        ({"id": 5}, {"account", "pair", "status"}),
        ({**seed_body(), "id": 5, "pair": 7}, {"pair"}),
        (
            {**seed_body(), "id": 5, "take_profit": {"enabled": True, "steps": [{}]}},
            {"take_profit[steps][0][id]"},
        ),
    ]:
        with pytest.raises(InvalidSmartTradeError) as refused:
            store.put(body)
        assert isinstance(refused.value, ValueError)
        assert named <= set(refused.value.problems), refused.value.problems
        assert all(name in str(refused.value) for name in named)
        assert "SmartTrade" in str(refused.value)
    with pytest.raises(InvalidSmartTradeError, match="JSON object"):
        store.put([seed_body()])  # type: ignore[arg-type]
    assert store.snapshot() == before and 5 not in store
    ok(api(app, "GET", "/v2/smart_trades"), 200)  # the list still answers
    store.put(_waiting_targets_with_stale_flags())
    assert 4242 in store


@pytest.fixture
def app() -> Starlette:
    return create_app()

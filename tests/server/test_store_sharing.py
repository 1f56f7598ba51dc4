"""What makes a fresh store cheap and a read cheap, without changing any answer: fresh stores
share the prepared seed's SmartTrades (never changed in place), reads that change nothing work on
the stored SmartTrades themselves, and the routes encode an answer once."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.server_support import CLOSED_STEP_ID, SEED_IDS, SMART_TRADE_ID
from threecommas.testing import SmartTradeStore, create_app, load_recordings
from threecommas.testing.simulation._base import Transaction, copy_stored, encode_answer
from threecommas.testing.simulation._entities import placeholder_account
from threecommas.testing.simulation._rules import RULES

READS: list[tuple[str, dict[str, int], list[tuple[str, str]]]] = [
    *[("get_smart_trade", {"id": i}, []) for i in SEED_IDS],
    *[("list_trades", {"smart_trade_id": i}, []) for i in SEED_IDS],
    ("list_smart_trades", {}, []),
    ("list_smart_trades", {}, [("per_page", "100"), ("order_by", "updated_at")]),
]


def _stored(store: SmartTradeStore) -> str:
    held = store._held
    return json.dumps([held.smart_trades, {k: v for k, v in held.trade_ids.items()}], default=str)


def test_a_fresh_store_is_the_store_the_recordings_build() -> None:
    built = SmartTradeStore.from_recordings(load_recordings())
    fresh = create_app().state.store
    assert fresh.snapshot() == built.snapshot()
    assert {i: fresh.trade_ids(i) for i in fresh.ids()} == {
        i: built.trade_ids(i) for i in built.ids()
    }
    assert fresh._held.next_id == built._held.next_id


def test_changes_to_one_fresh_store_reach_no_other() -> None:
    first, second = create_app().state.store, create_app().state.store
    before = _stored(second)
    body = json.dumps({"note": "first only"}).encode()
    first.perform("set_note", {"id": SMART_TRADE_ID}, body=body)
    first.perform("close_smart_trade_by_market", {"id": SMART_TRADE_ID})
    first.market.set_price("USDT_DOGE", "0.5")
    first.reset()
    first.perform("set_note", {"id": SMART_TRADE_ID}, body=body)
    assert _stored(second) == before
    assert _stored(create_app().state.store) == before


@pytest.mark.parametrize("priced", [False, True], ids=["recorded", "priced"])
def test_reads_leave_the_stored_smart_trades_as_they_were(priced: bool) -> None:
    store = create_app().state.store
    if priced:  # the market then changes SmartTrades before a read answers
        store.market.set_price("USDT_DOGE", "0.5")
    store.perform("get_smart_trade", {"id": SMART_TRADE_ID})  # the market's changes, once
    before = _stored(store)
    for operation, params, query in READS:
        assert getattr(RULES[operation], "read_only", False) is True
        store.perform_encoded(operation, params, query=query)
    assert _stored(store) == before


def test_only_reading_rules_are_read_only() -> None:
    read_only = {name for name, rule in RULES.items() if getattr(rule, "read_only", False)}
    assert read_only == {"get_smart_trade", "list_trades", "list_smart_trades"}


@pytest.mark.parametrize(("operation", "params", "query"), READS)
def test_an_encoded_answer_is_the_answer_encoded(
    operation: str, params: dict[str, int], query: list[tuple[str, str]]
) -> None:
    store = create_app().state.store
    status, answer = store.perform(operation, params, query=query)
    assert store.perform_encoded(operation, params, query=query) == (status, encode_answer(answer))


def test_a_transaction_with_shared_reads_gives_the_stored_smart_trade() -> None:
    store = create_app().state.store
    held = store._held
    stored: Any = held.smart_trades[SMART_TRADE_ID]
    assert Transaction(held, store.clock, shared_reads=True).find(SMART_TRADE_ID) is stored
    copy = Transaction(held, store.clock).find(SMART_TRADE_ID)
    assert copy == stored and copy is not stored


def _scan_account(store: SmartTradeStore, account_id: int) -> Any:
    for smart_trade in store._held.smart_trades.values():
        account = smart_trade.get("account")
        if isinstance(account, dict) and account.get("id") == account_id:
            return account
    return None


def _scan_price(store: SmartTradeStore, pair: str) -> Any:
    for smart_trade in store._held.smart_trades.values():
        data = smart_trade.get("data")
        prices = data.get("current_price") if isinstance(data, dict) else None
        if smart_trade.get("pair") == pair and isinstance(prices, dict):
            return prices
    return None


def test_the_account_and_price_lookups_agree_with_a_scan_of_the_store() -> None:
    import random

    store = create_app().state.store
    template = store.get(SMART_TRADE_ID)
    assert template is not None
    accounts = sorted({_account(st) for st in store.snapshot().values()} | {1, 2})
    pairs = sorted({st["pair"] for st in store.snapshot().values()} | {"USDT_XYZ"})
    chooser = random.Random(7)
    for step in range(300):
        tx = Transaction(store._held, store.clock)
        for account_id in accounts:  # the lookups, built or kept, against a scan
            expected = _scan_account(store, account_id)
            assert tx.account(account_id) == (expected or placeholder_account(account_id))
        for pair in pairs:
            assert tx.current_price(pair) == (_scan_price(store, pair) or {})
        # Then a change: a new SmartTrade, or one replaced with another account, pair or price.
        smart_trade = dict(template)
        ids = store.ids()
        smart_trade["id"] = chooser.choice(ids) if chooser.random() < 0.6 else 10**9 + step
        smart_trade["account"] = {**template["account"], "id": chooser.choice(accounts)}
        smart_trade["pair"] = chooser.choice(pairs)
        data = dict(template["data"])
        if chooser.random() < 0.3:
            data.pop("current_price", None)
        else:
            data["current_price"] = {"bid": str(step), "ask": str(step), "last": str(step)}
        smart_trade["data"] = data
        # The lookups must hold for whatever is stored, a SmartTrade without a price included,
        # which put() now refuses (the spec requires data.current_price): stored unchecked.
        store._put(smart_trade)
        if step % 50 == 49:
            store.reset()


def _account(smart_trade: dict[str, Any]) -> int:
    value: int = smart_trade["account"]["id"]
    return value


def test_a_read_after_a_change_shows_the_change_not_an_earlier_encoding() -> None:
    store = create_app().state.store
    read = ("get_smart_trade", {"id": SMART_TRADE_ID})
    first = store.perform_encoded(*read)
    assert store.perform_encoded(*read) == first  # unchanged: the same answer
    for note in ("one", "two"):
        store.perform("set_note", {"id": SMART_TRADE_ID}, body=json.dumps({"note": note}).encode())
        status, body = store.perform_encoded(*read)
        assert (status, json.loads(body)["note"]) == (200, note)
        assert store.perform_encoded(*read) == (status, body)
    store.put({**json.loads(body), "note": "put"})
    assert json.loads(store.perform_encoded(*read)[1])["note"] == "put"
    store.reset()
    assert json.loads(store.perform_encoded(*read)[1]) == json.loads(first[1])


def test_a_stored_value_is_copied_exactly() -> None:
    stored = create_app().state.store._held.smart_trades[SMART_TRADE_ID]
    copied = copy_stored(stored)
    assert copied == stored and copied is not stored
    assert copied["take_profit"] is not stored["take_profit"]

    odd = {"a": [lambda: 1]}  # neither pickle nor JSON: clone's deep copy
    copied_odd = copy_stored(odd)
    assert copied_odd["a"] is not odd["a"] and copied_odd["a"][0] is odd["a"][0]


# --- An API request whose operation the fault layer found skips Starlette's routing ----------


def _requests() -> list[tuple[str, str, Any]]:
    st = f"/v2/smart_trades/{SMART_TRADE_ID}"
    return [
        ("GET", st, None),
        ("GET", f"{st}/trades", None),
        ("GET", "/v2/smart_trades?per_page=2&order_direction=DESC", None),
        ("POST", f"{st}/set_note", {"note": "routed"}),
        ("POST", f"{st}/set_note", {"note": 5}),  # 400
        ("PUT", st, None),  # 405
        ("GET", "/v2/smart_trades/0", None),  # 404 from the spec's check
        ("GET", "/v2/smart_trades/99999999999999999999", None),  # no route
        ("GET", "/v2/smart_trades/87654321", None),  # 404 from the store
        ("POST", f"{st}/trades/{CLOSED_STEP_ID}/close_by_market", None),
        ("POST", f"{st}/trades/{CLOSED_STEP_ID}/close_by_market", None),  # 403 now
        ("POST", f"{st}/close_by_market", None),
        ("GET", "/v2/nothing", None),
    ]


async def _answers(app: Any, auth: Any) -> list[tuple[int, list[tuple[str, str]], bytes]]:
    import httpx

    transport = httpx.ASGITransport(app)
    answers = []
    async with httpx.AsyncClient(
        transport=transport, base_url="http://testserver/public/api", auth=auth
    ) as http:
        for method, path, body in _requests():
            response = await http.request(method, path, json=body)
            headers = [(k, v) for k, v in response.headers.items() if k != "date"]
            answers.append((response.status_code, headers, response.content))
        unsigned = await http.get(f"/v2/smart_trades/{SMART_TRADE_ID}", auth=None)
        answers.append((unsigned.status_code, list(unsigned.headers.items()), unsigned.content))
    return answers


def test_found_operations_are_answered_as_the_routing_answers_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import asyncio

    from tests.server_support import AUTH
    from threecommas.testing.server import _app, _routes

    routed = create_app()
    # Without the shortcut, every request goes through Starlette's routing.
    routed.user_middleware = [
        m for m in routed.user_middleware if m.cls is not _app._FoundOperations
    ]
    expected = asyncio.run(_answers(routed, AUTH))

    shortcut: list[int] = []
    serve_found = _routes.OperationEndpoint.serve_found

    async def counted(self: Any, *args: Any) -> None:
        shortcut.append(1)
        await serve_found(self, *args)

    monkeypatch.setattr(_routes.OperationEndpoint, "serve_found", counted)
    assert asyncio.run(_answers(create_app(), AUTH)) == expected
    assert len(shortcut) >= 8  # every request with a found operation took the shortcut
    assert {status for status, _, _ in expected} >= {200, 201, 400, 401, 403, 404, 405}


def test_a_request_syncs_the_market_only_when_it_could_move_something(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from threecommas.testing.simulation import Market, VirtualClock

    store = create_app().state.store
    synced: list[int] = []
    real_sync = Market.sync

    def counted(self: Market) -> None:
        synced.append(1)
        real_sync(self)

    monkeypatch.setattr(Market, "sync", counted)
    assert store.market.idle()
    store.perform("get_smart_trade", {"id": SMART_TRADE_ID})
    assert synced == []
    store.market.set_price("USDT_DOGE", "0.5")
    assert not store.market.idle()
    store.perform("get_smart_trade", {"id": SMART_TRADE_ID})
    assert synced == [1]
    store.reset()
    assert store.market.idle()
    store.use_market(Market(clock=VirtualClock.real_time()))
    assert not store.market.idle()  # a clock that follows the real time moves by itself


def _changes() -> list[tuple[str, dict[str, int]]]:
    from threecommas_api._catalogue import BY_ID

    found = {
        (recording.operation, tuple(sorted((recording.path_params or {}).items())))
        for recording in load_recordings()
        if recording.operation in BY_ID
        and BY_ID[recording.operation].method != "GET"
        # The balances reads are POSTs too, but change no SmartTrade.
        and BY_ID[recording.operation].path.startswith("/v2/smart_trades")
    }
    return [(operation, dict(params)) for operation, params in sorted(found)]


@pytest.mark.parametrize(("operation", "params"), _changes())
def test_a_saved_smart_trade_is_answered_as_the_rule_gave_it(
    operation: str, params: dict[str, int]
) -> None:
    from datetime import UTC, datetime

    from threecommas.testing import ActionError
    from threecommas.testing._operations import request_example
    from threecommas.testing.simulation import Market, VirtualClock

    example = request_example(operation)
    body = b"" if example is None else json.dumps(example).encode()
    twins = [SmartTradeStore.from_recordings(load_recordings()) for _ in range(2)]
    for store in twins:  # the same time on both, to the microsecond
        store.use_market(Market(clock=VirtualClock(datetime(2026, 1, 2, tzinfo=UTC))))
    answers: list[Any] = []
    for store, encoded in zip(twins, (False, True), strict=True):
        try:
            if encoded:
                status, raw = store.perform_encoded(operation, params, body=body)
                answers.append((status, json.loads(raw)))
            else:
                answers.append(store.perform(operation, params, body=body))
        except ActionError as refusal:
            answers.append((refusal.status, refusal.body()))
    assert answers[1] == answers[0]
    # A trade cancel answers with the step it cancelled still listed (the docs' answer), so its
    # answer is not the SmartTrade it stored.
    if (
        operation != "cancel_trade"
        and 200 <= answers[0][0] < 300
        and isinstance(answers[0][1], dict)
    ):
        # Kept with its encoding: the next read of it is answered without encoding it again.
        smart_trade_id = answers[0][1]["id"]
        assert twins[1]._encoded[smart_trade_id][0] is twins[1]._held.smart_trades[smart_trade_id]


# --- Docs forms: the branch a valid value matches, found by its type when only one fits --------


def _bodies() -> list[tuple[str, Any]]:
    from threecommas.testing._operations import request_example
    from threecommas_api._catalogue import OPERATIONS

    found: list[tuple[str, Any]] = []
    for operation in OPERATIONS:
        example = request_example(operation.operation_id)
        if example is None or operation.body is None:
            continue
        found.append((operation.body, example))
        # The same in the SDK's canonical spellings: what the SDK would send.
        found.append((operation.body, json.loads(json.dumps(example).replace('"true"', "true"))))
    return found


@pytest.mark.parametrize(("schema_name", "body"), _bodies())
def test_docs_forms_read_the_same_with_or_without_the_type_shortcut(
    schema_name: str, body: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import copy

    from threecommas import _schema
    from threecommas.testing.simulation import _docs_forms

    if _schema.schema_errors(schema_name, body, lenient=True):
        pytest.skip("canonical_body is only given valid bodies")
    fast = _docs_forms.canonical_body(schema_name, copy.deepcopy(body))
    monkeypatch.setattr(_docs_forms, "_sole_candidate", lambda branches, value: None)
    assert _docs_forms.canonical_body(schema_name, copy.deepcopy(body)) == fast

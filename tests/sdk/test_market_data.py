"""The fake server's accounts and market data (threecommas/testing/market_data.json) and the
recordings of the accounts and market operations: in the spec's shapes, consistent with each
other, with the docs' examples, and with the docs' SmartTrades and request examples, which
must fit the limits of their pairs."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import jsonschema
import pytest

import threecommas
from threecommas._order_bodies import check_account, order_of_create_body, order_of_funds_body
from threecommas._order_limits import OrderLimits
from threecommas._schema import load_spec
from threecommas_api import models

D = Decimal
SPEC = load_spec()
DATA_FILE = Path(threecommas.__file__).resolve().parent / "testing" / "market_data.json"
RECORDINGS = DATA_FILE.parent / "recordings"
DATA: dict[str, Any] = json.loads(DATA_FILE.read_text(encoding="utf-8"))
ACCOUNTS = {entry["body"]["id"]: entry["body"] for entry in DATA["accounts"]}
MARKETS = {entry["body"]["market_code"]: entry["body"] for entry in DATA["markets"]}
PAIRS: dict[str, list[str]] = {code: entry["pairs"] for code, entry in DATA["pairs"].items()}
RATES: dict[str, dict[str, Any]] = {
    code: {pair: entry["body"] for pair, entry in by_pair.items()}
    for code, by_pair in DATA["rates"].items()
}
NEW_OPERATIONS = {
    "list_accounts",
    "get_account",
    "list_markets",
    "list_market_pairs",
    "get_currency_rates",
    "validate_key",
}


def _recording(name: str) -> dict[str, Any]:
    recording: dict[str, Any] = json.loads((RECORDINGS / name).read_text(encoding="utf-8"))
    return recording


def _all_recordings() -> list[dict[str, Any]]:
    return [_recording(p.name) for p in sorted(RECORDINGS.glob("*.json"))]


def _validate(schema: dict[str, Any], value: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator({**schema, "components": SPEC["components"]})
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(value)]


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def _limits(market_code: str, pair: str) -> OrderLimits:
    return OrderLimits.from_currency_rates(
        RATES[market_code][pair], pair=pair, market_code=market_code
    )


# --- shapes -------------------------------------------------------------------------------------


def test_every_entry_has_the_spec_shape_and_a_source() -> None:
    for kind, schema in (("accounts", "Account"), ("markets", "Market")):
        for entry in DATA[kind]:
            assert entry["source"], entry
            assert _validate(_ref(schema), entry["body"]) == [], entry["source"]
            model = getattr(models, schema)
            assert model.from_dict(entry["body"]).to_dict() == entry["body"]
    for code, by_pair in DATA["rates"].items():
        for pair, entry in by_pair.items():
            assert entry["source"], (code, pair)
            assert _validate(_ref("CurrencyRates"), entry["body"]) == [], (code, pair)
            # and its limits are usable
            _limits(code, pair)
    pair_schema = SPEC["paths"]["/ver1/accounts/currency_rates"]["get"]["parameters"][1]
    assert pair_schema["name"] == "pair"
    for code, pairs in PAIRS.items():
        assert DATA["pairs"][code]["source"]
        for pair in pairs:
            assert _validate(pair_schema["schema"], pair) == [], (code, pair)


def test_ids_and_codes_are_unique() -> None:
    assert len(ACCOUNTS) == len(DATA["accounts"])
    assert len(MARKETS) == len(DATA["markets"])
    for code, pairs in PAIRS.items():
        assert len(set(pairs)) == len(pairs), code


# --- consistency -------------------------------------------------------------------------------


def test_every_account_trades_on_a_listed_market_with_pairs_and_limits() -> None:
    for account in ACCOUNTS.values():
        code = account["market_code"]
        assert code in MARKETS, account["id"]
        assert PAIRS.get(code), code
    for code, pairs in PAIRS.items():
        assert code in MARKETS
        # every listed pair has its limits, and limits are only given for listed pairs
        assert set(pairs) == set(RATES[code]), code
    assert set(RATES) == set(PAIRS)


def test_one_account_cannot_take_smart_trades_and_says_so() -> None:
    refused = [a for a in ACCOUNTS.values() if not a["smart_trading_supported"]]
    assert [a["id"] for a in refused] == [32900001]
    with pytest.raises(threecommas.OrderLimitError, match="account_id: account 32900001"):
        check_account(refused[0])
    for account in ACCOUNTS.values():
        if account["smart_trading_supported"]:
            check_account(account)


# --- the docs' examples -----------------------------------------------------------------------


def test_the_new_recordings_are_the_docs_examples_in_the_spec_shapes() -> None:
    found = {r["operation"]: r for r in _all_recordings() if r["operation"] in NEW_OPERATIONS}
    assert set(found) == NEW_OPERATIONS
    by_id = {
        op["operationId"]: (path, method, op)
        for path, item in SPEC["paths"].items()
        for method, op in item.items()
    }
    for name, recording in found.items():
        path, method, op = by_id[name]
        assert recording["method"] == method.upper()
        assert recording["source"].startswith("3Commas API docs (branch master, docs/")
        assert urlsplit(recording["path"]).path.startswith(path.split("{")[0])
        schema = op["responses"][str(recording["status"])]["content"]["application/json"]
        assert _validate(schema["schema"], recording["body"]) == [], name
        # the spec's example of the operation is the recording's answer
        (example,) = schema["examples"].values()
        ref = example["$ref"].rsplit("/", 1)[1]
        assert SPEC["components"]["examples"][ref]["value"] == recording["body"], name


def test_the_data_starts_from_the_docs_examples() -> None:
    listed = _recording("list_accounts.json")["body"]
    assert [entry["body"] for entry in DATA["accounts"][:2]] == listed
    assert [entry["body"] for entry in DATA["markets"][:2]] == _recording("list_markets.json")[
        "body"
    ]
    pairs = _recording("list_market_pairs_binance_us.json")
    assert dict(parse_qsl(urlsplit(pairs["path"]).query)) == {"market_code": "binance_us"}
    assert PAIRS["binance_us"][: len(pairs["body"])] == pairs["body"]
    rates = _recording("get_currency_rates_binance_USDT_BTC.json")
    query = dict(parse_qsl(urlsplit(rates["path"]).query))
    assert query == {"market_code": "binance", "pair": "USDT_BTC"}
    assert RATES["binance"]["USDT_BTC"] == rates["body"]
    # The get page's account contradicts the list page's; the list wins (see the data file).
    got = _recording("get_account_12345678.json")["body"]
    assert (got["id"], got["market_code"]) == (12345678, "bybit_spot")
    assert ACCOUNTS[12345678]["market_code"] == "binance_us"
    assert "the list wins" in DATA["description"]


def _smart_trades() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for recording in _all_recordings():
        body = recording["body"]
        for item in body if isinstance(body, list) else [body]:
            if isinstance(item, dict) and "position" in item and "account" in item:
                found.append((recording["operation"], item))
    return found


SMART_TRADES = _smart_trades()


def test_the_docs_smart_trades_have_their_accounts() -> None:
    assert len(SMART_TRADES) >= 12
    for _, smart_trade in SMART_TRADES:
        short = smart_trade["account"]
        account = ACCOUNTS[short["id"]]
        # a SmartTrade's account.type is the Account's market_code, account.market its
        # exchange_name
        assert (account["market_code"], account["exchange_name"], account["name"]) == (
            short["type"],
            short["market"],
            short["name"],
        ), smart_trade["id"]
        assert smart_trade["pair"] in PAIRS[account["market_code"]]


@pytest.mark.parametrize(
    ("operation", "smart_trade"), SMART_TRADES, ids=[f"{o}-{s['id']}" for o, s in SMART_TRADES]
)
def test_the_docs_smart_trades_fit_the_limits_of_their_pairs(
    operation: str, smart_trade: dict[str, Any]
) -> None:
    account = ACCOUNTS[smart_trade["account"]["id"]]
    limits = _limits(account["market_code"], smart_trade["pair"])
    position = smart_trade["position"]
    kind = position["order_type"]
    if kind == "conditional":
        kind = position["conditional"]["order_type"]
    price = D(position["price"]["value"])
    limits.check_order(
        side=position["type"],
        order_type=kind,
        units=D(position["units"]["value"]),
        price=price if kind == "limit" else None,
        market_price=price if kind == "market" else None,
    )
    for step in smart_trade["take_profit"].get("steps", []):
        value = step["price"].get("value")
        if value is not None:
            assert limits.round_price(D(value)) == D(value), (operation, step["id"])


def _recorded(operation: str) -> dict[str, Any]:
    (recording,) = [r for r in _all_recordings() if r["operation"] == operation]
    return recording


def test_the_request_examples_fit_the_limits_they_are_replayed_against() -> None:
    examples = SPEC["components"]["examples"]
    create = examples["CreateSmartTradeRequest"]["value"]
    account = ACCOUNTS[create["account_id"]]
    limits = _limits(account["market_code"], create["pair"])
    ask = D(RATES[account["market_code"]][create["pair"]]["ask"])
    order = order_of_create_body(create, market_price=ask)
    assert order is not None
    limits.check_order(**order)
    check_account(account)

    added = _recorded("add_funds")["body"]
    limits = _limits(ACCOUNTS[added["account"]["id"]]["market_code"], added["pair"])
    ask = D(added["data"]["current_price"]["ask"])
    order = order_of_funds_body(
        examples["AddFundsRequest"]["value"], side=added["position"]["type"], market_price=ask
    )
    assert order is not None
    limits.check_order(**order)

    reduced = _recorded("reduce_funds")["body"]
    limits = _limits(ACCOUNTS[reduced["account"]["id"]]["market_code"], reduced["pair"])
    opposite = "sell" if reduced["position"]["type"] == "buy" else "buy"
    order = order_of_funds_body(examples["ReduceFundsRequest"]["value"], side=opposite)
    assert order is not None
    limits.check_order(**order)

    updated = _recorded("update_smart_trade")["body"]
    limits = _limits(ACCOUNTS[updated["account"]["id"]]["market_code"], updated["pair"])
    position = examples["UpdateSmartTradeRequest"]["value"]["position"]
    limits.check_order(
        side=updated["position"]["type"],
        order_type="limit",
        units=position["units"]["value"],
        price=position["price"]["value"],
    )


def test_a_create_below_the_minimum_lot_breaks_the_docs_limits() -> None:
    # what the fake server will answer 422 to, and the client refuse before sending
    limits = _limits("binance", "USDT_BTC")
    body = dict(SPEC["components"]["examples"]["CreateSmartTradeRequest"]["value"])
    body["position"] = {**body["position"], "units": {"value": "0.000001"}}
    order = order_of_create_body(body, market_price=D(RATES["binance"]["USDT_BTC"]["ask"]))
    assert order is not None
    assert "position[units][value]" in limits.error_attributes(**order)


def test_a_bot_sizing_its_order_from_the_rates_sees_the_simulated_price(
    threecommas_client: threecommas.ThreeCommas, threecommas_market: Any
) -> None:
    """The issue's case: after set_price("BTC_ETH", "100") the rates answer 100, and an order
    sized from them to the minimum market total is judged, and filled, at that price."""
    client = threecommas_client
    threecommas_market.set_price("BTC_ETH", "100")
    rates = client.market.currency_rates("BTC_ETH", "binance")
    assert (D(str(rates.bid)), D(str(rates.ask)), D(str(rates.last))) == (100, 100, 100)
    limits = OrderLimits.from_currency_rates(rates, pair="BTC_ETH", market_code="binance")
    # The smallest lot, 0.0001 ETH: 0.01 BTC at 100, above the minimum market total of 0.0001
    # BTC (at the recorded 0.03704 it would be 0.0000037 BTC, refused).
    units = limits.min_lot_size
    assert units is not None
    assert units * D(str(rates.ask)) >= D(str(rates.min_market_total))
    created = client.smart_trades.create(
        account_id=32455218,  # binance
        pair="BTC_ETH",
        position={"type": "buy", "order_type": "market", "units": {"value": str(units)}},
        check_limits=True,
    )
    assert created.status.basic_type == "waiting_targets"
    assert D(str(created.data.average_enter_price_without_commission)) == 100

"""The simulated exchange's balances: kept once set, a buy holds its cost until it fills, fills
move both currencies (fees included), an order the free balance cannot cover is the API's 422,
and the two balance reads answer them."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette

from tests.server_support import api, call, invalid, ok
from threecommas.testing import create_app
from threecommas.testing.simulation import MarketControl

ACCOUNT = 32455218  # binance, no recorded balances
PAIR = "USDT_BTC"
ADMIN = "http://testserver/__admin__"


def market(app: Starlette) -> MarketControl:
    control: MarketControl = app.state.market
    return control


def buy(units: str, order_type: str = "market", price: str | None = None) -> dict[str, Any]:
    position: dict[str, Any] = {"type": "buy", "order_type": order_type, "units": {"value": units}}
    if price is not None:
        position["price"] = {"value": price}
    return {
        "account_id": ACCOUNT,
        "pair": PAIR,
        "position": position,
        "take_profit": {"enabled": False},
        "stop_loss": {"enabled": False},
    }


def table(app: Starlette, account: int = ACCOUNT) -> dict[str, dict[str, Any]]:
    rows = ok(api(app, "POST", f"/ver1/accounts/{account}/account_table_data"), 201)
    return {row["currency_code"]: row for row in rows}


def test_without_a_balance_orders_are_unlimited_and_the_table_is_as_recorded(
    app: Starlette,
) -> None:
    market(app).set_price(PAIR, "50000")
    ok(api(app, "POST", "/v2/smart_trades", buy("100")), 201)  # 5 000 000 USDT: no limit
    assert table(app) == {}
    recorded = table(app, 32402783)
    assert recorded["USDT"]["position"] == 0.28478606  # the docs' example row


def test_a_buy_the_balance_cannot_cover_is_refused_with_422(app: Starlette) -> None:
    market(app).set_price(PAIR, "50000")
    market(app).set_balance(ACCOUNT, "USDT", "100")
    attributes = invalid(api(app, "POST", "/v2/smart_trades", buy("0.002")), 422)
    # 0.002 BTC at 50000 with the 0.1 % commission: 100.1 USDT.
    assert attributes == {
        "position": ["is invalid"],
        "position.total": ["insufficient funds: 100.1 USDT needed, 100 USDT available"],
    }
    assert table(app)["USDT"]["position"] == "100"  # nothing moved


def test_a_fill_moves_both_currencies_and_pays_the_fee(app: Starlette) -> None:
    market(app).set_price(PAIR, "50000")
    market(app).set_balance(ACCOUNT, "USDT", "1000")
    ok(api(app, "POST", "/v2/smart_trades", buy("0.01")), 201)
    rows = table(app)
    assert Decimal(rows["USDT"]["position"]) == Decimal("1000") - Decimal("500.5")
    assert Decimal(rows["BTC"]["position"]) == Decimal("0.01")
    # What is left is not enough for the same buy again.
    invalid(api(app, "POST", "/v2/smart_trades", buy("0.01")), 422)


def test_a_limit_buy_holds_its_cost_and_frees_what_it_did_not_use(app: Starlette) -> None:
    market(app).set_price(PAIR, "50000")
    market(app).set_balance(ACCOUNT, "USDT", "1000")
    created = ok(api(app, "POST", "/v2/smart_trades", buy("0.01", "limit", "40000")), 201)
    rows = table(app)
    assert Decimal(rows["USDT"]["on_orders"]) == Decimal("400.4")
    assert Decimal(rows["USDT"]["position_available"]) == Decimal("599.6")
    assert Decimal(rows["USDT"]["position"]) == Decimal("1000")
    market(app).set_price(PAIR, "40000")  # the limit fills
    rows = table(app)
    assert Decimal(rows["USDT"]["on_orders"]) == 0
    assert Decimal(rows["USDT"]["position"]) == Decimal("599.6")
    assert Decimal(rows["BTC"]["position"]) == Decimal("0.01")
    assert created["id"]


def test_set_balance_sets_the_total_whatever_was_moved(app: Starlette) -> None:
    market(app).set_price(PAIR, "50000")
    market(app).set_balance(ACCOUNT, "USDT", "1000")
    ok(api(app, "POST", "/v2/smart_trades", buy("0.01")), 201)
    market(app).set_balance(ACCOUNT, "USDT", "5")
    assert table(app)["USDT"]["position"] == "5"
    assert market(app).balances(ACCOUNT)["BTC"]["total"] == "0.01"


def test_a_recorded_account_starts_from_its_recorded_rows(app: Starlette) -> None:
    market(app).set_balance(32402783, "BTC", "1")
    rows = table(app, 32402783)
    assert rows["BTC"]["position"] == "1"
    assert rows["USDT"]["position"] == "0.28478606"
    assert rows["BTC"]["currency_name"] == "Bitcoin"


def test_the_admin_api_sets_a_balance(app: Starlette) -> None:
    def admin(body: dict[str, Any]) -> Any:
        content = json.dumps(body).encode()
        return call(app, "POST", ADMIN + "/market/balances", content=content, auth=None)

    answer = admin({"account_id": ACCOUNT, "currency": "USDT", "amount": "10"})
    assert answer.status_code == 200
    assert answer.json()["balances"] == {str(ACCOUNT): {"USDT": "10"}}
    assert admin({"account_id": ACCOUNT, "amount": "1"}).status_code == 400
    assert admin({"account_id": ACCOUNT, "currency": "USDT", "amount": "-1"}).status_code == 400


@pytest.mark.parametrize("amount", ["-1", "nan", "abc", True])
def test_a_bad_amount_is_refused_naming_it(app: Starlette, amount: object) -> None:
    with pytest.raises(ValueError, match="amount"):
        market(app).set_balance(ACCOUNT, "USDT", amount)


def test_load_balances_answers_the_account_and_404_for_an_unknown_one(app: Starlette) -> None:
    account = ok(api(app, "POST", f"/ver1/accounts/{ACCOUNT}/load_balances"), 201)
    assert account["id"] == ACCOUNT
    assert api(app, "POST", "/ver1/accounts/999/load_balances").status_code == 404
    assert api(app, "POST", "/ver1/accounts/999/account_table_data").status_code == 404


def test_a_market_file_gives_balances_with_or_without_a_path(tmp_path: Path) -> None:
    both = tmp_path / "market.json"
    both.write_text(
        json.dumps(
            {
                "balances": {str(ACCOUNT): {"USDT": "100", "BTC": "0.5"}},
                "pair": PAIR,
                "points": [{"t": 0, "price": "50000"}],
            }
        )
    )
    app = create_app(market=both)
    assert market(app).price(PAIR) is not None
    assert table(app)["BTC"]["position"] == "0.5"
    invalid(api(app, "POST", "/v2/smart_trades", buy("0.002")), 422)
    alone = tmp_path / "balances.json"
    alone.write_text(json.dumps({"balances": {str(ACCOUNT): {"USDT": "7"}}}))
    app = create_app(market=alone)
    assert market(app).price(PAIR) is None
    assert table(app)["USDT"]["position"] == "7"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"balances": {"x": {"USDT": "7"}}}))
    with pytest.raises(ValueError, match="account id"):
        create_app(market=bad)


def test_add_funds_the_balance_cannot_cover_are_refused_and_fills_count(app: Starlette) -> None:
    market(app).set_price(PAIR, "50000")
    market(app).set_balance(ACCOUNT, "USDT", "1000")
    created = ok(api(app, "POST", "/v2/smart_trades", buy("0.01")), 201)  # 500.5 USDT
    path = f"/v2/smart_trades/{created['id']}/add_funds"
    body = {"order_type": "market", "units": {"value": "0.005"}}  # 250.25 USDT
    ok(api(app, "POST", path, body), 201)
    assert Decimal(table(app)["USDT"]["position"]) == Decimal("249.25")
    assert invalid(api(app, "POST", path, body), 422) == {
        "total": ["insufficient funds: 250.25 USDT needed, 249.25 USDT available"]
    }


def test_the_markets_snapshot_shows_the_balances_after_fills(app: Starlette) -> None:
    market(app).set_price(PAIR, "50000")
    market(app).set_balance(ACCOUNT, "USDT", "1000")
    ok(api(app, "POST", "/v2/smart_trades", buy("0.01")), 201)
    expected = {"USDT": "499.5", "BTC": "0.01"}
    assert market(app).snapshot()["balances"] == {str(ACCOUNT): expected}
    answer = call(app, "GET", ADMIN + "/market", auth=None)
    assert answer.json()["balances"] == {str(ACCOUNT): expected}
    assert market(app).balances(ACCOUNT)["USDT"] == {
        "total": "499.5",
        "free": "499.5",
        "on_orders": "0",
    }


def test_a_sell_needs_the_base_currency(app: Starlette) -> None:
    market(app).set_price(PAIR, "50000")
    market(app).set_balance(ACCOUNT, "BTC", "0.001")
    body = buy("0.002")
    body["position"]["type"] = "sell"
    assert invalid(api(app, "POST", "/v2/smart_trades", body), 422) == {
        "position": ["is invalid"],
        "units_to_buy": ["insufficient funds: 0.002 BTC needed, 0.001 BTC available"],
    }
    body["position"]["units"]["value"] = "0.001"
    ok(api(app, "POST", "/v2/smart_trades", body), 201)
    rows = table(app)
    assert Decimal(rows["BTC"]["position"]) == 0
    # Sold at the bid, 50000, the fee taken off: 49.95 USDT.
    assert Decimal(rows["USDT"]["position"]) == Decimal("49.95")


def test_a_cancel_frees_what_a_waiting_buy_held(app: Starlette) -> None:
    market(app).set_price(PAIR, "50000")
    market(app).set_balance(ACCOUNT, "USDT", "1000")
    created = ok(api(app, "POST", "/v2/smart_trades", buy("0.01", "limit", "40000")), 201)
    assert Decimal(table(app)["USDT"]["on_orders"]) == Decimal("400.4")
    ok(api(app, "DELETE", f"/v2/smart_trades/{created['id']}"), 200)
    market(app).tick()
    rows = table(app)
    assert Decimal(rows["USDT"]["on_orders"]) == 0
    assert Decimal(rows["USDT"]["position"]) == 1000

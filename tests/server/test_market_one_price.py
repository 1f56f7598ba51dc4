"""One price for everything: once the simulated market gives a pair a price, the rates, the
limit checks and the fills all use it; pairs never moved answer as recorded. In process, on
the app (``server_support.api`` checks every answer against the spec)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from starlette.applications import Starlette

from tests.server_support import (
    SMART_TRADE_ID,
    api,
    call,
    invalid,
    ok,
)
from threecommas._order_bodies import order_of_funds_body, record_invalid_body
from threecommas._order_limits import OrderLimits
from threecommas.testing.simulation import MarketControl
from threecommas.testing.simulation._market_data import DATA_FILE

#: The docs' pair: the seed SmartTrade's, recorded at 0.03703 (bid) / 0.03704 (ask).
PAIR = "BTC_ETH"
RECORDED_RATES = json.loads(DATA_FILE.read_text(encoding="utf-8"))["rates"]


def market(app: Starlette) -> MarketControl:
    control: MarketControl = app.state.market
    return control


def rates(app: Starlette, pair: str = PAIR, market_code: str = "binance") -> dict[str, Any]:
    path = f"/ver1/accounts/currency_rates?market_code={market_code}&pair={pair}"
    answer: dict[str, Any] = ok(call(app, "GET", path, auth=None), 200)
    return answer


def create_body(order_type: str = "market", units: str = "1", **position: Any) -> dict[str, Any]:
    return {
        "account_id": 32455218,  # binance
        "pair": PAIR,
        "position": {
            "type": "buy",
            "order_type": order_type,
            "units": {"value": units},
            **position,
        },
        "take_profit": {"enabled": False},
        "stop_loss": {"enabled": False},
    }


# --- The rates ------------------------------------------------------------------------------------


def test_the_rates_answer_the_simulated_price_and_unmoved_pairs_as_recorded(
    app: Starlette,
) -> None:
    recorded = RECORDED_RATES["binance"][PAIR]["body"]
    assert rates(app) == recorded  # no price yet: as recorded
    market(app).set_price(PAIR, "100")
    moved = rates(app)
    prices = ("bid", "ask", "last", "orderbook_bid", "orderbook_ask", "orderbook_last")
    assert {name: moved[name] for name in prices} == dict.fromkeys(prices, "100.0")
    # The limits stay the file's; on every market of the file the pair has the same price.
    assert {k: v for k, v in moved.items() if k not in prices} == {
        k: v for k, v in recorded.items() if k not in prices
    }
    assert rates(app, market_code="binance_us")["last"] == "100.0"
    # A pair never moved answers exactly as recorded.
    assert rates(app, "USDT_BTC") == RECORDED_RATES["binance"]["USDT_BTC"]["body"]


def test_the_rates_show_the_markets_bid_and_ask(app: Starlette) -> None:
    market(app).set_price(PAIR, {"bid": "99", "ask": "101", "last": "100"})
    moved = rates(app)
    assert (moved["bid"], moved["ask"], moved["last"]) == ("99.0", "101.0", "100.0")
    assert (moved["orderbook_bid"], moved["orderbook_ask"]) == ("99.0", "101.0")


# --- The limit checks -----------------------------------------------------------------------------


def test_a_market_create_is_judged_at_the_simulated_price(app: Starlette) -> None:
    # minMarketTotal is 0.0001 BTC: 0.001 ETH is 0.000037 BTC at the recorded ask (refused),
    # 0.1 BTC at 100 (accepted).
    body = create_body(units="0.001")
    attributes = invalid(api(app, "POST", "/v2/smart_trades", body), 422)
    assert "position.total" in attributes
    market(app).set_price(PAIR, "100")
    created = ok(api(app, "POST", "/v2/smart_trades", body), 201)
    assert created["pair"] == PAIR
    # And the other way round: at a price of 0.00001, 1 ETH is a total of 0.00001 BTC.
    market(app).set_price(PAIR, "0.00001")
    attributes = invalid(api(app, "POST", "/v2/smart_trades", create_body(units="1")), 422)
    assert attributes["position.total"] == ["must be greater than or equal to 0.0001"]


def test_add_funds_are_judged_at_the_simulated_price(app: Starlette) -> None:
    market(app).set_price(PAIR, "100")
    created = ok(api(app, "POST", "/v2/smart_trades", create_body(units="0.01")), 201)
    path = f"/v2/smart_trades/{created['id']}/add_funds"
    body = {"order_type": "market", "units": {"value": "0.001"}}  # 0.1 BTC at 100
    ok(api(app, "POST", path, body), 201)
    market(app).set_price(PAIR, "0.01")  # 0.001 ETH is now 0.00001 BTC, below 0.0001
    assert "total" in invalid(api(app, "POST", path, body), 422)


# --- Reduce funds -------------------------------------------------------------------------------


def test_reduce_funds_are_checked_against_the_pairs_limits(app: Starlette) -> None:
    # The seed 12345678 is USDT_DOGE on Binance US: at least 1 DOGE, a total of at least 1 USDT.
    path = f"/v2/smart_trades/{SMART_TRADE_ID}/reduce_funds"
    below_lot = {"order_type": "limit", "units": {"value": "0.5"}, "price": {"value": "0.11"}}
    attributes = invalid(api(app, "POST", path, below_lot), 422)
    # The same attributes as the client's check_limits finds, by the same rules.
    limits = OrderLimits.from_currency_rates(
        RECORDED_RATES["binance_us"]["USDT_DOGE"]["body"], pair="USDT_DOGE"
    )
    order = order_of_funds_body(below_lot, side="sell")
    assert order is not None
    expected = record_invalid_body(limits, order, operation="reduce_funds")
    assert expected is not None
    assert attributes == expected["error_attributes"]
    assert "entered_amount" in attributes
    off_step = {"order_type": "limit", "units": {"value": "10"}, "price": {"value": "0.110001"}}
    assert "price" in invalid(api(app, "POST", path, off_step), 422)
    # Nothing was placed: the SmartTrade can still be reduced.
    ok(api(app, "GET", f"/v2/smart_trades/{SMART_TRADE_ID}/reduce_funds_info"), 200)
    fits = {"order_type": "limit", "units": {"value": "10"}, "price": {"value": "0.11"}}
    ok(api(app, "POST", path, fits), 201)


def test_a_market_reduce_funds_is_judged_at_the_simulated_bid(app: Starlette) -> None:
    market(app).set_price(PAIR, "100")
    created = ok(api(app, "POST", "/v2/smart_trades", create_body(units="1")), 201)
    path = f"/v2/smart_trades/{created['id']}/reduce_funds"
    body = {"order_type": "market", "units": {"value": "0.05"}}
    market(app).set_price(PAIR, "0.001")  # 0.00005 BTC: below minMarketTotal (0.0001)
    assert "total" in invalid(api(app, "POST", path, body), 422)
    market(app).set_price(PAIR, "100")  # 5 BTC
    reduced = ok(api(app, "POST", path, body), 201)
    assert reduced["status"]["basic_type"] == "pending_reduce_funds"


# --- Fills ----------------------------------------------------------------------------------------


def test_a_market_entry_fills_at_once_at_the_price_of_its_create(app: Starlette) -> None:
    market(app).set_price(PAIR, "100")
    created = ok(api(app, "POST", "/v2/smart_trades", create_body(units="1")), 201)
    # The answer already shows the fill.
    assert created["status"]["basic_type"] == "waiting_targets"
    assert Decimal(created["data"]["average_enter_price_without_commission"]) == 100
    # Moving the price right after the create does not change what was paid.
    market(app).set_price(PAIR, "200")
    smart_trade = ok(api(app, "GET", f"/v2/smart_trades/{created['id']}"), 200)
    assert Decimal(smart_trade["data"]["average_enter_price_without_commission"]) == 100
    assert Decimal(smart_trade["data"]["entered_total"]) == Decimal("100.1")  # 0.1% commission
    assert Decimal(smart_trade["data"]["current_price"]["last"]) == 200
    trades = ok(api(app, "GET", f"/v2/smart_trades/{created['id']}/trades"), 200)
    [entry] = [t for t in trades if t["trade_purpose"] == "position"]
    assert Decimal(entry["realised_price"]) == 100


def test_a_limit_entry_not_crossed_rests_and_one_crossed_fills_at_once(app: Starlette) -> None:
    market(app).set_price(PAIR, "100")
    resting = create_body("limit", units="1", price={"value": "90"})
    created = ok(api(app, "POST", "/v2/smart_trades", resting), 201)
    assert created["position"]["status"]["basic_type"] == "order_placed"
    assert created["status"]["basic_type"] == "waiting_position"
    crossing = create_body("limit", units="1", price={"value": "110"})
    created = ok(api(app, "POST", "/v2/smart_trades", crossing), 201)
    assert created["status"]["basic_type"] == "waiting_targets"
    assert Decimal(created["data"]["average_enter_price_without_commission"]) == 100


def test_a_create_on_a_pair_without_a_price_answers_as_before(app: Starlette) -> None:
    created = ok(api(app, "POST", "/v2/smart_trades", create_body(units="1")), 201)
    assert created["status"]["basic_type"] == "created"


@pytest.mark.parametrize("side", ["buy", "sell"])
def test_the_created_position_shows_the_simulated_book(app: Starlette, side: str) -> None:
    market(app).set_price(PAIR, {"bid": "99", "ask": "101", "last": "100"})
    body = create_body(units="1")
    body["position"]["type"] = side
    created = ok(api(app, "POST", "/v2/smart_trades", body), 201)
    current = created["data"]["current_price"]
    assert (current["bid"], current["ask"], current["last"]) == ("99.0", "101.0", "100.0")
    price = Decimal(created["data"]["average_enter_price_without_commission"])
    assert price == (101 if side == "buy" else 99)

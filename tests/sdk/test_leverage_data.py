"""`GET /ver1/accounts/currency_rates_with_leverage_data`: in the spec, the SDK
(`client.market.currency_rates_with_leverage_data`) and the fake server; and a create's leverage
checked against the pair's `max_leverage` with `check_limits=True`, before anything is sent."""

from __future__ import annotations

import asyncio
import copy
from decimal import Decimal
from typing import Any

import httpx
import pytest

from tests.seed import seed_response
from threecommas import (
    AsyncThreeCommas,
    BadRequestError,
    CurrencyRatesWithLeverageData,
    OrderLimitError,
    ThreeCommas,
)
from threecommas._leverage_limits import check_leverage
from threecommas._schema import load_spec, schema_errors
from threecommas.testing.server import RunningServer
from threecommas_api.models import PairLeverage

EXAMPLES = load_spec()["components"]["examples"]
LEVERAGE_EXAMPLE: dict[str, Any] = EXAMPLES["GetCurrencyRatesWithLeverageDataOk"]["value"]
FUTURES = ("BNFCR_1INCHUSDT", "binance_futures_eea")  # the docs' example request


def test_the_spec_describes_the_operation_as_public_with_the_docs_example() -> None:
    operation = load_spec()["paths"]["/ver1/accounts/currency_rates_with_leverage_data"]["get"]
    assert operation["operationId"] == "get_currency_rates_with_leverage_data"
    assert operation["security"] == []
    assert schema_errors("CurrencyRatesWithLeverageData", LEVERAGE_EXAMPLE) == {}
    parsed = CurrencyRatesWithLeverageData.from_dict(LEVERAGE_EXAMPLE)
    assert parsed.to_dict() == LEVERAGE_EXAMPLE
    (cross,) = parsed.leverage_data
    assert (cross.code, cross.max_leverage, cross.valid.min_, cross.valid.max_) == (
        "cross",
        "25.0",
        1,
        "25.0",
    )


def test_the_server_answers_the_docs_pair_and_its_own_pairs_unsigned(
    threecommas_server: RunningServer,
) -> None:
    with ThreeCommas(base_url=threecommas_server.base_url) as client:  # no credentials
        futures = client.market.currency_rates_with_leverage_data(*FUTURES)
        assert futures.to_dict() == LEVERAGE_EXAMPLE
        spot = client.market.currency_rates_with_leverage_data("USDT_BTC", "binance")
        rates = client.market.currency_rates("USDT_BTC", "binance")
        assert spot.leverage_data == []  # a spot pair takes no leverage
        assert (spot.last, spot.bid, spot.ask) == (rates.last, rates.bid, rates.ask)
        assert spot.min_market_buy_amount == spot.min_market_sell_amount == rates.min_lot_size
        assert schema_errors("CurrencyRatesWithLeverageData", spot.to_dict()) == {}
        with pytest.raises(BadRequestError, match="Unknown pair"):
            client.market.currency_rates_with_leverage_data("USDT_NOPE", "binance")

    async def run() -> CurrencyRatesWithLeverageData:
        async with AsyncThreeCommas(base_url=threecommas_server.base_url) as client:
            return await client.market.currency_rates_with_leverage_data(*FUTURES)

    assert asyncio.run(run()).to_dict() == LEVERAGE_EXAMPLE


# --- check_limits=True: the leverage against the pair's maximum ---------------------------------


def _exchange(leverage_body: dict[str, Any]) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    """A futures account (12345678 on binance_futures_eea) whose pair answers `leverage_body`."""
    seen: list[httpx.Request] = []
    account = copy.deepcopy(EXAMPLES["GetAccountOk"]["value"])
    account["market_code"] = FUTURES[1]
    rates = copy.deepcopy(EXAMPLES["GetCurrencyRatesOk"]["value"])

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        path = request.url.path.removeprefix("/public/api")
        if path == "/ver1/accounts/12345678":
            return httpx.Response(200, json=account)
        if path == "/ver1/accounts/currency_rates":
            return httpx.Response(200, json=rates)
        if path == "/ver1/accounts/currency_rates_with_leverage_data":
            return httpx.Response(200, json=leverage_body)
        if path == "/v2/smart_trades":
            return httpx.Response(201, json=seed_response())
        if path == "/ver1/accounts/12345678/account_table_data":
            return httpx.Response(201, json=[])  # check_limits' balances: none listed
        return httpx.Response(404, json={"error": "not_found"})

    return httpx.MockTransport(answer), seen


def _create(transport: httpx.MockTransport, leverage: dict[str, Any]) -> Any:
    with ThreeCommas("k", "s", http_client=httpx.Client(transport=transport)) as client:
        return client.smart_trades.create(
            account_id=12345678,
            pair=FUTURES[0],
            position={"type": "buy", "order_type": "market", "units": {"value": "0.001"}},
            leverage=leverage,
            check_limits=True,
        )


def _posts(seen: list[httpx.Request]) -> int:
    """The creates sent (the balances table, a POST too, is a read)."""
    return sum(
        request.method == "POST" and request.url.path.endswith("/v2/smart_trades")
        for request in seen
    )


def test_a_leverage_above_the_pairs_maximum_is_refused_before_sending() -> None:
    transport, seen = _exchange(LEVERAGE_EXAMPLE)
    with pytest.raises(OrderLimitError) as raised:
        _create(transport, {"enabled": True, "type": "cross", "value": 30})
    error = raised.value
    assert (error.field, error.limit_name) == ("leverage[value]", "max_leverage")
    assert (error.limit, error.value, error.nearest) == (Decimal("25.0"), 30, Decimal("25.0"))
    assert str(error) == (
        "leverage[value] must be at most 25.0: got 30; the nearest valid value is 25.0 "
        "(max_leverage of BNFCR_1INCHUSDT on binance_futures_eea)"
    )
    assert _posts(seen) == 0  # nothing was sent
    assert [r.url.path for r in seen if "leverage" in r.url.path] == [
        "/public/api/ver1/accounts/currency_rates_with_leverage_data"
    ]


def test_the_leverage_check_reads_its_data_through_with_raw_response_too() -> None:
    transport, seen = _exchange(LEVERAGE_EXAMPLE)
    leverage = {"enabled": True, "type": "cross", "value": 26}
    with (
        ThreeCommas("k", "s", http_client=httpx.Client(transport=transport)) as client,
        pytest.raises(OrderLimitError, match="max_leverage"),
    ):
        client.with_raw_response.smart_trades.create(
            account_id=12345678,
            pair=FUTURES[0],
            position={"type": "buy", "order_type": "market", "units": {"value": "0.001"}},
            leverage=leverage,
            check_limits=True,
        )
    assert _posts(seen) == 0


@pytest.mark.parametrize("value", [1, 25])
def test_a_leverage_within_the_pairs_bounds_is_sent(value: int) -> None:
    transport, seen = _exchange(LEVERAGE_EXAMPLE)
    _create(transport, {"enabled": True, "type": "cross", "value": value})
    assert _posts(seen) == 1


def test_a_spot_pair_or_a_leverage_without_value_reads_nothing_more_and_refuses_nothing() -> None:
    transport, seen = _exchange({**LEVERAGE_EXAMPLE, "leverage_data": []})
    _create(transport, {"enabled": True, "type": "cross", "value": 100})
    assert _posts(seen) == 1
    transport, seen = _exchange(LEVERAGE_EXAMPLE)
    _create(transport, {"enabled": False})
    assert _posts(seen) == 1
    assert not any("leverage" in r.url.path for r in seen)


def _entry(code: str, maximum: str, minimum: object = 1) -> PairLeverage:
    return PairLeverage.from_dict(
        {
            "code": code,
            "name": code.title(),
            "can_set_leverage_value": True,
            "available_leverage_values": [],
            "max_leverage": maximum,
            "valid": {"min": minimum, "max": maximum},
        }
    )


def test_the_bounds_of_the_orders_type_apply_else_the_widest() -> None:
    data = [_entry("cross", "20.0"), _entry("isolated", "50.0", "2")]
    where = {"pair": "USDT_X", "market_code": "m"}
    check_leverage({"enabled": True, "type": "isolated", "value": 50}, data, **where)
    with pytest.raises(OrderLimitError, match=r"must be at most 20\.0"):
        check_leverage({"enabled": True, "type": "cross", "value": 21}, data, **where)
    with pytest.raises(OrderLimitError, match="must be at least 2: got 1"):
        check_leverage({"enabled": True, "type": "isolated", "value": 1}, data, **where)
    # No type (or one the pair does not list): only what no entry allows is refused.
    check_leverage({"enabled": True, "value": 50}, data, **where)
    with pytest.raises(OrderLimitError, match=r"must be at most 50\.0"):
        check_leverage({"enabled": True, "type": "custom", "value": 51}, data, **where)
    check_leverage({"enabled": True, "value": 1000}, [], **where)  # nothing to check against

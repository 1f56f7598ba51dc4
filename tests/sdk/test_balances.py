"""Balances as a bot sees them through the SDK, against the fake server's simulated market: the
balances table and load balances, a buy refused for balance by the server (422) and, with
`check_limits=True`, before it is sent."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from threecommas import OrderLimitError, ThreeCommas, UnprocessableEntityError
from threecommas.testing.server import RunningServer
from threecommas.testing.simulation import MarketControl

ACCOUNT = 32455218  # binance
PAIR = "USDT_BTC"


def _client(server: RunningServer) -> ThreeCommas:
    return ThreeCommas(server.api_key, server.api_secret, base_url=server.base_url)


def _sent(server: RunningServer, operation_id: str) -> int:
    counters = server.app.state.faults.counters()
    return sum(n for key, n in counters.received.items() if key[0] == operation_id)


def _buy(units: str) -> dict[str, Any]:
    return {"type": "buy", "order_type": "market", "units": {"value": units}}


def _free(client: ThreeCommas, currency: str) -> Decimal:
    rows = {row.currency_code: row for row in client.accounts.balances(ACCOUNT)}
    return Decimal(str(rows[currency].position_available))


def test_a_bot_buys_until_its_balance_refuses(
    threecommas_server: RunningServer, threecommas_market: MarketControl
) -> None:
    threecommas_market.set_price(PAIR, "50000")
    threecommas_market.set_balance(ACCOUNT, "USDT", "1000")
    with _client(threecommas_server) as client:
        assert client.accounts.load_balances(ACCOUNT).id == ACCOUNT
        assert _free(client, "USDT") == 1000
        client.smart_trades.create(account_id=ACCOUNT, pair=PAIR, position=_buy("0.015"))
        assert _free(client, "USDT") == Decimal("1000") - Decimal("750.75")
        btc = next(r for r in client.accounts.balances(ACCOUNT) if r.currency_code == "BTC")
        # Bought, and held by the SmartTrade (its exits sell them) while it runs.
        assert Decimal(str(btc.position)) == Decimal(str(btc.on_orders)) == Decimal("0.015")
        with pytest.raises(UnprocessableEntityError) as refused:
            client.smart_trades.create(account_id=ACCOUNT, pair=PAIR, position=_buy("0.015"))
        assert "insufficient funds" in str(refused.value.body)
        assert _free(client, "USDT") == Decimal("249.25")


def test_check_limits_refuses_a_buy_larger_than_the_free_balance_before_sending(
    threecommas_server: RunningServer, threecommas_market: MarketControl
) -> None:
    threecommas_market.set_price(PAIR, "50000")
    threecommas_market.set_balance(ACCOUNT, "USDT", "100")
    with _client(threecommas_server) as client:
        with pytest.raises(OrderLimitError) as refused:
            client.smart_trades.create(
                account_id=ACCOUNT, pair=PAIR, position=_buy("0.01"), check_limits=True
            )
        assert refused.value.field == "position[units][value]"
        assert refused.value.limit_name == "freeBalance"
        assert refused.value.limit == Decimal("0.002")
        assert "100 USDT free" in str(refused.value)
        assert _sent(threecommas_server, "create_smart_trade") == 0
        # One look-up of the balances, cached like the limits: the next order reads none.
        client.smart_trades.create(
            account_id=ACCOUNT, pair=PAIR, position=_buy("0.001"), check_limits=True
        )
        assert _sent(threecommas_server, "get_account_balances") == 1
        assert _sent(threecommas_server, "create_smart_trade") == 1


def test_without_a_balance_check_limits_sends_as_before(
    threecommas_server: RunningServer, threecommas_market: MarketControl
) -> None:
    threecommas_market.set_price(PAIR, "50000")
    with _client(threecommas_server) as client:
        assert client.accounts.balances(ACCOUNT) == []
        client.smart_trades.create(
            account_id=ACCOUNT, pair=PAIR, position=_buy("1"), check_limits=True
        )
        assert _sent(threecommas_server, "create_smart_trade") == 1


def test_check_limits_refuses_a_sell_larger_than_the_free_base_currency(
    threecommas_server: RunningServer, threecommas_market: MarketControl
) -> None:
    threecommas_market.set_price(PAIR, "50000")
    threecommas_market.set_balance(ACCOUNT, "BTC", "0.001")
    position = {**_buy("0.002"), "type": "sell"}
    with _client(threecommas_server) as client:
        with pytest.raises(OrderLimitError, match=r"0\.001 BTC free") as refused:
            client.smart_trades.create(
                account_id=ACCOUNT, pair=PAIR, position=position, check_limits=True
            )
        assert refused.value.limit == Decimal("0.001")
        assert _sent(threecommas_server, "create_smart_trade") == 0


def test_check_limits_refuses_an_add_funds_larger_than_the_free_balance_before_sending(
    threecommas_server: RunningServer, threecommas_market: MarketControl
) -> None:
    threecommas_market.set_price(PAIR, "50000")
    threecommas_market.set_balance(ACCOUNT, "USDT", "1000")
    with _client(threecommas_server) as client:
        smart_trade = client.smart_trades.create(
            account_id=ACCOUNT, pair=PAIR, position=_buy("0.01")
        )  # 500.5 USDT spent: 499.5 free
        with pytest.raises(OrderLimitError, match=r"499\.5 USDT free") as refused:
            client.smart_trades.add_funds(
                smart_trade.id, order_type="market", units="0.01", check_limits=True
            )
        assert refused.value.field == "units[value]"
        assert refused.value.limit_name == "freeBalance"
        assert _sent(threecommas_server, "add_funds") == 0
        client.smart_trades.add_funds(
            smart_trade.id, order_type="market", units="0.001", check_limits=True
        )
        assert _sent(threecommas_server, "add_funds") == 1
        # A reduce sells what the position holds, not the free balance: not judged by it.
        client.smart_trades.reduce_funds(
            smart_trade.id, order_type="market", units="0.005", check_limits=True
        )
        assert _sent(threecommas_server, "reduce_funds") == 1

"""Issue 22 on the simulated market, with the SDK as a bot uses it: the exchange's fees, its
slippage, partial fills by volume and latency, set through ``server.market.configure``.

Every figure is worked out by hand in the test, from the rates it configures.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from threecommas import ThreeCommas
from threecommas.testing.simulation import MarketControl

# Live servers: `make test` runs them, `make unit` does not.
pytestmark = pytest.mark.slow

ACCOUNT_ID = 32402783
PAIR = "USDT_BTC"


def _buy(units: str, *, take_profit: str | None = None, limit: str | None = None) -> dict[str, Any]:
    position: dict[str, Any] = {"type": "buy", "order_type": "market", "units": {"value": units}}
    if limit is not None:
        position = {**position, "order_type": "limit", "price": {"value": limit}}
    steps = [
        {"order_type": "limit", "volume": "100", "price": {"type": "last", "value": take_profit}}
    ]
    return {
        "account_id": ACCOUNT_ID,
        "pair": PAIR,
        "position": position,
        "take_profit": {"enabled": True, "steps": steps}
        if take_profit is not None
        else {"enabled": False},
        "stop_loss": {"enabled": False},
    }


def test_fees_turn_a_tiny_take_profit_into_a_loss(
    threecommas_client: ThreeCommas, threecommas_market: MarketControl
) -> None:
    assert threecommas_market.configure(maker_fee="0.0004", taker_fee=Decimal("0.001")) == {
        "maker_fee": "0.0004",
        "taker_fee": "0.001",
        "slippage": "0",
        "volume_share": None,
        "latency": "0",
        "seed": None,
    }
    threecommas_market.set_price(PAIR, "100")
    created = threecommas_client.smart_trades.create(_buy("1", take_profit="100.1"))
    # The market entry is a taker fill at 100: 100 * (1 + 0.001) paid.
    assert created.data.entered_total == "100.1"
    assert created.data.commission == "0.001"  # the taker fee, as the SmartTrade's rate
    threecommas_market.set_price(PAIR, "100.1")  # the resting take profit fills: a maker
    done = threecommas_client.smart_trades.get(created.id)
    assert done.status.basic_type == "finished"
    # 1 unit sold at 100.1 less the maker fee: 100.1 * (1 - 0.0004) = 100.05996 received.
    assert Decimal(done.data.closed_total) == Decimal("100.05996")
    # 100.05996 - 100.1: the 0.1 % move is eaten by 0.14 % of fees.
    assert Decimal(done.profit.volume) == Decimal("-0.04004")
    assert done.profit.percent == "-0.04"  # -0.04004 * 100 / 100.1, to the cent
    step = done.take_profit.steps[0]
    assert step.to_dict()["commission"] == "0.0004"  # the fill's own rate
    trades = {t.trade_purpose: t for t in threecommas_client.smart_trades.trades.list(done.id)}
    assert trades["position"].realised_total == "100.1"
    assert trades["take_profit"].realised_price == "100.1"
    assert Decimal(trades["take_profit"].realised_total) == Decimal("100.05996")


def test_without_configured_fees_the_tiny_take_profit_is_a_gain(
    threecommas_client: ThreeCommas, threecommas_market: MarketControl
) -> None:
    threecommas_market.set_price(PAIR, "100")
    created = threecommas_client.smart_trades.create(_buy("1", take_profit="100.3"))
    threecommas_market.set_price(PAIR, "100.3")
    done = threecommas_client.smart_trades.get(created.id)
    # The SmartTrade's own rate, 0.001, on both fills: 100.3 * 0.999 - 100 * 1.001.
    assert Decimal(done.profit.volume) == Decimal("100.3") * Decimal("0.999") - Decimal("100.1")
    assert "commission" not in done.take_profit.steps[0].to_dict()


def _market_buy_and_sell(client: ThreeCommas, market: MarketControl) -> tuple[str, str]:
    """A market buy at 100, closed by market at 110: what the entry paid, what the close got
    (gross, before fees)."""
    market.set_price(PAIR, "100")
    created = client.smart_trades.create(_buy("1"))
    client.smart_trades.close_by_market(created.id)
    market.set_price(PAIR, "110")
    done = client.smart_trades.get(created.id)
    assert done.status.basic_type == "finished"
    return (
        str(done.data.average_enter_price_without_commission),
        str(done.data.average_close_price_without_commission),
    )


def test_market_orders_slip_by_the_configured_fraction(
    threecommas_client: ThreeCommas, threecommas_market: MarketControl
) -> None:
    threecommas_market.configure(slippage="0.01")
    entry, close = _market_buy_and_sell(threecommas_client, threecommas_market)
    # Without a seed every market fill slips the whole 1 %: a buy pays more, a sale gets less.
    assert Decimal(entry) == Decimal("101")
    assert Decimal(close) == Decimal("108.9")


def test_seeded_slippage_is_the_same_twice(
    threecommas_client: ThreeCommas,
    threecommas_market: MarketControl,
) -> None:
    runs = []
    for _ in range(2):
        threecommas_market.configure(slippage="0.01", seed=7)
        runs.append(_market_buy_and_sell(threecommas_client, threecommas_market))
    assert runs[0] == runs[1]
    entry, close = (Decimal(price) for price in runs[0])
    assert Decimal(100) <= entry <= Decimal(101)  # a draw within [0, 1 %]
    assert Decimal("108.9") <= close <= Decimal(110)
    assert (entry, close) != (Decimal(100), Decimal(110))  # and it did slip
    threecommas_market.configure(seed=8)
    other = _market_buy_and_sell(threecommas_client, threecommas_market)
    assert other != runs[0]  # another seed, other draws


def test_a_limit_entry_fills_over_three_bars_by_volume(
    threecommas_client: ThreeCommas, threecommas_market: MarketControl, tmp_path: Path
) -> None:
    # One-minute ccxt candles [ms, open, high, low, close, volume]: the first does not reach
    # the limit at 100, the next three dip through it with volumes 2, 2 and 4.
    start = 1_700_000_000_000
    candles = [
        [start, 101, 102, "100.5", 101, 5],
        [start + 60_000, "100.5", 101, "99.5", "100.5", 2],
        [start + 120_000, "100.5", 101, "99.8", "100.5", 2],
        [start + 180_000, "100.5", 101, 99, "100.5", 4],
    ]
    path = tmp_path / "candles.json"
    path.write_text(json.dumps(candles))
    threecommas_market.configure(volume_share="0.5")  # half of each bar's volume at most
    threecommas_market.play(path, pair=PAIR)
    created = threecommas_client.smart_trades.create(_buy("3", take_profit="110", limit="100"))
    seen = []
    for _ in range(4):
        threecommas_market.advance(60)
        smart_trade = threecommas_client.smart_trades.get(created.id)
        trades = threecommas_client.smart_trades.trades.list(created.id)
        position = next(t for t in trades if t.trade_purpose == "position")
        seen.append(
            (
                smart_trade.data.entered_amount,
                smart_trade.is_position_not_filled,
                smart_trade.status.basic_type,
                smart_trade.position.status.basic_type,
                smart_trade.take_profit.steps[0].status.basic_type,
                position.status,
                position.realised_amount,
                position.realised_percentage,
            )
        )
    assert seen == [
        # The first bar: nothing reaches 100.
        ("0.0", True, "waiting_position", "order_placed", "idle", "order_placed", "0.0", "0.0"),
        # Each dip fills half the bar's volume: 1 unit, then 1 more.
        ("1.0", True, "waiting_position", "order_placed", "idle", "order_placed", "1.0", "33.33"),
        ("2.0", True, "waiting_position", "order_placed", "idle", "order_placed", "2.0", "66.67"),
        # The last bar could fill 2: the 1 left fills, and the take profit is placed.
        ("3.0", False, "waiting_targets", "finished", "order_placed", "finished", "3.0", "100.0"),
    ]
    done = threecommas_client.smart_trades.get(created.id)
    # Three fills at the limit, each with the SmartTrade's 0.1 %: 3 * 100 * 1.001.
    assert Decimal(done.data.entered_total) == Decimal("300.3")
    assert Decimal(done.data.average_enter_price_without_commission) == Decimal(100)


def test_an_order_reaches_the_exchange_after_the_latency(
    threecommas_client: ThreeCommas, threecommas_market: MarketControl
) -> None:
    threecommas_market.configure(latency="5")
    threecommas_market.set_price(PAIR, "100")
    created = threecommas_client.smart_trades.create(_buy("1"))
    assert created.status.basic_type == "waiting_position"  # accepted, not yet at the exchange
    assert created.data.entered_amount in (None, "0", "0.0")
    threecommas_market.advance("4.9")
    threecommas_market.set_price(PAIR, "102")
    waiting = threecommas_client.smart_trades.get(created.id)
    assert waiting.position.status.basic_type == created.position.status.basic_type != "finished"
    # The clock passes 5 s: the market order arrives then and fills at that moment's price,
    # not at the price of the next tick (103).
    threecommas_market.advance(60)
    threecommas_market.set_price(PAIR, "103")
    done = threecommas_client.smart_trades.get(created.id)
    assert done.position.status.basic_type == "finished"
    assert done.data.average_enter_price_without_commission == "102.0"
    filled_at = datetime.fromisoformat(str(done.data.updated_at).replace("Z", "+00:00"))
    created_at = datetime.fromisoformat(str(created.data.created_at).replace("Z", "+00:00"))
    assert filled_at - created_at == timedelta(seconds=5)


def test_a_partly_filled_buy_holds_only_the_cost_of_its_rest(
    threecommas_client: ThreeCommas, threecommas_market: MarketControl, tmp_path: Path
) -> None:
    account = 32455218  # no recorded balances
    start = 1_700_000_000_000
    candles = [[start, 101, 102, "100.5", 101, 5], [start + 60_000, "100.5", 101, "99.5", 100, 2]]
    path = tmp_path / "candles.json"
    path.write_text(json.dumps(candles))
    threecommas_market.configure(volume_share="0.5")
    threecommas_market.set_balance(account, "USDT", "1000")
    threecommas_market.play(path, pair=PAIR)
    threecommas_client.smart_trades.create({**_buy("3", limit="100"), "account_id": account})
    threecommas_market.advance(120)  # the dip fills 1 of the 3 units
    rows = {r.currency_code: r for r in threecommas_client.accounts.balances(account)}
    # 1 unit bought: 100 * 1.001 spent; the 2 left hold 2 * 100 * 1.001 on orders.
    assert Decimal(str(rows["USDT"].position)) == Decimal("1000") - Decimal("100.1")
    assert Decimal(str(rows["USDT"].on_orders)) == Decimal("200.2")
    assert Decimal(str(rows["BTC"].position)) == 1

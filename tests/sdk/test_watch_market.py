"""Issue 12 on the simulated market: a bot watches its SmartTrades move to their end.

Three SmartTrades, each on a pair of its own (a market entry at 0.1, two limit take-profit
steps at 0.12 and 0.15, a stop loss at 0.08): the first fills its steps one after the other,
the second meets its stop loss, the third is closed by market by the bot once its first step
filled. `watch` must report every change of status and of each step's status, in order; the
market moves between the watcher's iterations, once the watcher has seen the previous move, so
no state is skipped. A fourth SmartTrade is left to `wait_for` while a background thread (or
task) moves its price: it returns the finished SmartTrade. Sync and async.
"""

from __future__ import annotations

import asyncio
import threading
import time
from decimal import Decimal
from typing import Any

import pytest

from threecommas import AsyncThreeCommas, RateLimit, SmartTrade, SmartTradeEvent, ThreeCommas
from threecommas.testing.server import RunningServer

# Live servers, subprocesses or long scenarios: `make test` runs them, `make unit` does not.
pytestmark = pytest.mark.slow

ACCOUNT_ID = 32402783
TAKE_PROFIT = "USDT_ADA"  # fills its first step, then the second: finished
STOP_LOSS = "USDT_XRP"  # meets its stop loss
CLOSED = "USDT_TRX"  # closed by market by the bot once its first step filled
WAITED = "USDT_SOL"  # left to wait_for
#: A sweep every 6 / 100 s: the whole watch takes well under a second of polling.
FAST = RateLimit(100, 6)
FEE = Decimal("0.001")

#: (status, each take-profit step's status) as `watch` must report them, change by change.
State = tuple[str, tuple[str, ...]]
EXPECTED: dict[str, list[State]] = {
    TAKE_PROFIT: [
        ("waiting_targets", ("order_placed", "order_placed")),
        ("waiting_targets", ("finished", "order_placed")),
        ("finished", ("finished", "finished")),
    ],
    CLOSED: [
        ("waiting_targets", ("order_placed", "order_placed")),
        ("waiting_targets", ("finished", "order_placed")),
        ("finished", ("finished", "cancelled")),
    ],
    STOP_LOSS: [
        ("waiting_targets", ("order_placed", "order_placed")),
        ("finished", ("cancelled", "cancelled")),
    ],
}


def body(pair: str) -> dict[str, Any]:
    return {
        "account_id": ACCOUNT_ID,
        "pair": pair,
        "position": {"type": "buy", "order_type": "market", "units": {"value": "100"}},
        "take_profit": {
            "enabled": True,
            "steps": [
                {"order_type": "limit", "volume": "50", "price": {"type": "last", "value": p}}
                for p in ("0.12", "0.15")
            ],
        },
        "stop_loss": {
            "enabled": True,
            "order_type": "market",
            "conditional": {"price": {"type": "last", "value": "0.08"}},
        },
    }


def state(smart_trade: SmartTrade) -> State:
    steps = smart_trade.take_profit.steps if smart_trade.take_profit else None
    return (
        smart_trade.status.basic_type,
        tuple(str(step.status.basic_type) for step in steps or []),
    )


class Bot:
    """Moves the market when the watcher has seen the previous move, and records what the
    watcher saw; `wants_close` is the SmartTrade the bot must close by market now."""

    def __init__(self, server: RunningServer, ids: dict[str, int]) -> None:
        self.server = server
        self.ids = ids
        self.pairs = {smart_trade_id: pair for pair, smart_trade_id in ids.items()}
        self.latest: dict[str, State] = {}
        self.seen: dict[str, list[State]] = {pair: [] for pair in ids}
        self.stage = 0
        self.wants_close: int | None = None

    def saw(self, event: SmartTradeEvent) -> None:
        pair = self.pairs[event.id]
        now = state(event.smart_trade)
        status_changed = any(
            name == "status" or (name.startswith("take_profit.steps.") and name.endswith("status"))
            for name in event.changes
        )
        if event.previous is None or status_changed:
            self.seen[pair].append(now)
        self.latest[pair] = now
        self._move()

    def _move(self) -> None:
        market, latest = self.server.market, self.latest
        if self.stage == 0 and len(latest) == 3:  # every entry filled, seen
            market.advance(60)
            for pair in (TAKE_PROFIT, CLOSED):
                market.set_price(pair, "0.12")  # their first steps fill
            market.set_price(STOP_LOSS, "0.09")
            self.stage = 1
        elif (
            self.stage == 1
            and latest[TAKE_PROFIT][1][0] == "finished"
            and latest[CLOSED][1][0] == "finished"
        ):
            self.wants_close = self.ids[CLOSED]  # closed by market mid-way
            self.stage = 2
        elif self.stage == 2 and latest[CLOSED][0] == "finished":
            market.advance(60)
            market.set_price(TAKE_PROFIT, "0.15")  # the second step fills
            market.set_price(STOP_LOSS, "0.08")  # the stop loss
            self.stage = 3


def start(server: RunningServer) -> None:
    for pair in (TAKE_PROFIT, STOP_LOSS, CLOSED, WAITED):
        server.market.set_price(pair, "0.1")


def check(bot: Bot, waited: SmartTrade) -> None:
    assert bot.stage == 3
    assert bot.seen == EXPECTED
    # wait_for: the SmartTrade once finished, both steps filled: 50 at 0.12, 50 at 0.15.
    assert state(waited) == ("finished", ("finished", "finished"))
    entered = 100 * Decimal("0.1") * (1 + FEE)
    earned = 50 * Decimal("0.12") * (1 - FEE) + 50 * Decimal("0.15") * (1 - FEE)
    assert Decimal(str(waited.profit.volume)) == earned - entered == Decimal("3.4765")


#: Far longer than the scenario takes, even on a loaded machine: ending before it is the proof
#: that the watch ended because every SmartTrade finished.
DURATION = 60


def move_later(server: RunningServer) -> None:
    """The background market of `wait_for`: the first step fills, then the second."""
    for price in ("0.12", "0.15"):
        time.sleep(0.3)
        server.market.advance(60)
        server.market.set_price(WAITED, price)


def test_watch_sees_every_step_and_wait_for_returns_the_finished_trade(
    threecommas_server: RunningServer,
) -> None:
    server = threecommas_server
    start(server)
    with ThreeCommas(
        server.api_key, server.api_secret, base_url=server.base_url, rate_limit=FAST
    ) as client:
        ids = {pair: client.smart_trades.create(**body(pair)).id for pair in EXPECTED}
        bot = Bot(server, ids)
        began = time.monotonic()
        watch = client.smart_trades.watch(list(ids.values()), budget_share=1.0, duration=DURATION)
        for event in watch:
            bot.saw(event)
            if bot.wants_close is not None:
                client.smart_trades.close_by_market(bot.wants_close)
                bot.wants_close = None
        # it ended because every SmartTrade finished, before its duration (on the same clock)
        assert time.monotonic() - began < DURATION

        waited_id = client.smart_trades.create(**body(WAITED)).id
        mover = threading.Thread(target=move_later, args=(server,))
        mover.start()
        try:
            waited = client.smart_trades.wait_for(waited_id, timeout=DURATION, budget_share=1.0)
        finally:
            mover.join()
    check(bot, waited)


def test_the_same_with_the_async_client(threecommas_server: RunningServer) -> None:
    server = threecommas_server
    start(server)

    async def run() -> tuple[Bot, SmartTrade]:
        async with AsyncThreeCommas(
            server.api_key, server.api_secret, base_url=server.base_url, rate_limit=FAST
        ) as client:
            created = [await client.smart_trades.create(**body(pair)) for pair in EXPECTED]
            bot = Bot(server, {st.pair: st.id for st in created})
            ids = [st.id for st in created]
            watch = client.smart_trades.watch(ids, budget_share=1.0, duration=DURATION)
            async for event in watch:
                bot.saw(event)
                if bot.wants_close is not None:
                    await client.smart_trades.close_by_market(bot.wants_close)
                    bot.wants_close = None

            waited_id = (await client.smart_trades.create(**body(WAITED))).id
            mover = asyncio.create_task(asyncio.to_thread(move_later, server))
            waited = await client.smart_trades.wait_for(
                waited_id, timeout=DURATION, budget_share=1.0
            )
            await mover
            return bot, waited

    check(*asyncio.run(run()))

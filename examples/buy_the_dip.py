"""Buy the dip, with a take profit and a stop loss: the README's example strategy.

After the price closes ``dip`` (a fraction) below the highest close of the last ``lookback``
bars, it buys ``units`` at market with one take profit ``take_profit`` percent above the entry
and a stop loss ``stop_loss`` percent below it, one SmartTrade at a time. It asks the API about
its SmartTrade only when a bar reached one of the two levels (a bar that did not cannot have
ended it), so it spends a few requests per trade, whatever the number of bars.

    threecommas backtest examples/buy_the_dip.py:strategy --candles FILE --pair USDT_BTC
"""

from __future__ import annotations

from collections import deque
from decimal import Decimal

from threecommas import Bar, ThreeCommas


class BuyTheDip:
    def __init__(
        self,
        *,
        dip: str = "0.002",
        lookback: int = 30,
        units: str = "0.01",
        take_profit: str = "0.3",
        stop_loss: str = "0.3",
        market_code: str = "binance_us",
    ) -> None:
        self.dip = Decimal(dip)
        self.units = units
        self.take_profit = Decimal(take_profit)
        self.stop_loss = Decimal(stop_loss)
        self.market_code = market_code
        self.lookback = lookback
        self.client: ThreeCommas | None = None
        self.closes: deque[Decimal] = deque(maxlen=lookback)
        self.account_id: int | None = None
        self.open_id: int | None = None
        self.levels = (Decimal(0), Decimal(0))  # the stop loss and the take profit, in price

    def __call__(self, client: ThreeCommas, bar: Bar) -> None:
        if client is not self.client:
            # A new run (a backtest, then paper mode, with the same object): what the last
            # run saw (its closes, its account, its SmartTrade) belongs to another market.
            self.client = client
            self.closes = deque(maxlen=self.lookback)
            self.account_id = self.open_id = None
        if self.account_id is None:
            self.account_id = next(
                account.id
                for account in client.accounts.list()
                if account.market_code == self.market_code and account.smart_trading_supported
            )
        if self.open_id is not None:
            stop, target = self.levels
            if bar.low <= stop or bar.high >= target:
                smart_trade = client.smart_trades.get(self.open_id)
                if smart_trade.status.basic_type in ("finished", "cancelled", "failed"):
                    self.open_id = None
        elif self.closes and bar.close <= max(self.closes) * (1 - self.dip):
            smart_trade = client.smart_trades.create(
                account_id=self.account_id,
                pair=bar.pair,
                position={"type": "buy", "order_type": "market", "units": {"value": self.units}},
                take_profit={
                    "enabled": True,
                    "steps": [
                        {
                            "order_type": "market",
                            "volume": "100",
                            "price": {"type": "last", "percent": str(self.take_profit)},
                        }
                    ],
                },
                stop_loss={
                    "enabled": True,
                    "order_type": "market",
                    "conditional": {"price": {"type": "last", "percent": str(self.stop_loss)}},
                },
            )
            self.open_id = smart_trade.id
            # The levels as the API placed them (around the price the entry filled at).
            take_profit = smart_trade.take_profit.steps[0].price.value
            conditional = smart_trade.stop_loss.conditional  # Unset (falsy) if not shown
            stop_loss = conditional.price.value if conditional else None
            self.levels = (
                Decimal(stop_loss) if stop_loss else bar.close * (1 - self.stop_loss / 100),
                Decimal(take_profit) if take_profit else bar.close * (1 + self.take_profit / 100),
            )
        self.closes.append(bar.close)


#: What `threecommas backtest examples/buy_the_dip.py:strategy` runs.
strategy = BuyTheDip()

"""What a store holds (:class:`Holdings`): the SmartTrades by id, the ids of their trades, the
next new id, and lookups kept beside them so that a request need not go through every
SmartTrade (the first of an account or of a priced pair, and the ones still in play)."""

from __future__ import annotations

from dataclasses import dataclass, field

from threecommas._constants import FINAL_STATUSES
from threecommas.testing.simulation._entities import TradeIds
from threecommas.testing.simulation._state import JSONObject, status_of

__all__ = ["Holdings"]


@dataclass
class Holdings:
    """What a store holds: SmartTrades by id, the ids of the trades that a SmartTrade entity
    does not show (its position's and stop loss'), and the next new id.

    A stored SmartTrade (or trade-id mapping) is never changed in place: a change stores a new
    one. So holdings can share their values: a copy needs only new mappings (:meth:`copy`).
    """

    smart_trades: dict[int, JSONObject] = field(default_factory=dict)
    trade_ids: dict[int, TradeIds] = field(default_factory=dict)
    next_id: int = 1
    # Lookups that a create would otherwise make by going through every SmartTrade: the first
    # SmartTrade (in store order) showing each account id, and the first of each pair showing
    # a current price. Built when first needed; ``keep`` keeps them right or drops them.
    _by_account: dict[object, int] | None = field(default=None, repr=False, compare=False)
    _by_pair: dict[str, int] | None = field(default=None, repr=False, compare=False)
    # The ids of the SmartTrades not finished, cancelled or failed, in store order (what the
    # market's ticks look at): a backtest's store holds thousands of finished ones.
    _in_play: dict[int, None] | None = field(default=None, repr=False, compare=False)

    def copy(self) -> Holdings:
        return Holdings(
            dict(self.smart_trades),
            dict(self.trade_ids),
            self.next_id,
            None if self._by_account is None else dict(self._by_account),
            None if self._by_pair is None else dict(self._by_pair),
            None if self._in_play is None else dict(self._in_play),
        )

    def in_play_ids(self) -> list[int]:
        """The ids of the SmartTrades that are not final, in store order."""
        if self._in_play is None:
            self._in_play = {
                key: None
                for key, smart_trade in self.smart_trades.items()
                if status_of(smart_trade) not in FINAL_STATUSES
            }
        return list(self._in_play)

    def keep(self, smart_trade_id: int, smart_trade: JSONObject) -> None:
        """Store ``smart_trade`` under its id (a new id goes last in the store's order)."""
        old = self.smart_trades.get(smart_trade_id)
        self.smart_trades[smart_trade_id] = smart_trade
        if self._in_play is not None:
            if status_of(smart_trade) in FINAL_STATUSES:
                self._in_play.pop(smart_trade_id, None)
            elif smart_trade_id not in self._in_play:
                if old is None:
                    self._in_play[smart_trade_id] = None  # last in store order, as it is
                else:
                    self._in_play = None  # back in play (not seen): rebuilt in order
        if old is None:  # last in order: the first of its account or pair only if alone
            account, pair = _account_key(smart_trade), _priced_pair(smart_trade)
            if self._by_account is not None and account is not None:
                self._by_account.setdefault(account, smart_trade_id)
            if self._by_pair is not None and pair is not None:
                self._by_pair.setdefault(pair, smart_trade_id)
            return
        # Replaced in place: the lookups hold unless what they go by changed.
        if _account_key(old) != _account_key(smart_trade):
            self._by_account = None
        if _priced_pair(old) != _priced_pair(smart_trade):
            self._by_pair = None

    def first_with_account(self, account_id: int) -> JSONObject | None:
        """The first SmartTrade whose ``account.id`` is ``account_id``."""
        if self._by_account is None:
            self._by_account = {}
            for key, smart_trade in self.smart_trades.items():
                account = _account_key(smart_trade)
                if account is not None:
                    self._by_account.setdefault(account, key)
        found = self._by_account.get(account_id)
        return None if found is None else self.smart_trades[found]

    def first_priced(self, pair: str) -> JSONObject | None:
        """The first SmartTrade of ``pair`` whose ``data.current_price`` is an object."""
        if self._by_pair is None:
            self._by_pair = {}
            for key, smart_trade in self.smart_trades.items():
                priced = _priced_pair(smart_trade)
                if priced is not None:
                    self._by_pair.setdefault(priced, key)
        found = self._by_pair.get(pair)
        return None if found is None else self.smart_trades[found]


def _account_key(smart_trade: JSONObject) -> object:
    """``account.id`` when it is a number or text (what an account id can equal), else None."""
    account = smart_trade.get("account")
    value = account.get("id") if isinstance(account, dict) else None
    return value if isinstance(value, int | float | str) else None


def _priced_pair(smart_trade: JSONObject) -> str | None:
    """The pair, when it is text and the SmartTrade shows a current price, else None."""
    data = smart_trade.get("data")
    prices = data.get("current_price") if isinstance(data, dict) else None
    pair = smart_trade.get("pair")
    return pair if isinstance(pair, str) and isinstance(prices, dict) else None

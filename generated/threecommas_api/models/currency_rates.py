from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import (
    _additional_keys,
    _attrs_fields,
    _contains,
    _delitem,
    _getitem,
    _getstate,
    _lazy_additional_properties,
    _new,
    _repr_seen,
    _setitem,
    _setstate,
    _to_json,
)


# The attrs class this model is written after (its fields are the model's).
def _attrs_twin() -> type:
    from attrs import define as _attrs_define
    from attrs import field as _attrs_field

    @_attrs_define
    class CurrencyRates:
        last: str
        bid: str
        ask: str
        orderbook_ask: str
        orderbook_bid: str
        orderbook_last: str
        orderbook_price_currency: str
        strategy_name: str
        contract_strategy_name: str
        instrument_kind: str
        min_price: str
        max_price: str
        price_step: str
        min_lot_size: str
        lot_step: str
        max_lot_size: str
        max_market_buy_amount: str
        max_market_sell_amount: str
        bid_multiplier_down: str
        bid_multiplier_up: str
        ask_multiplier_up: str
        ask_multiplier_down: str
        min_total: str
        min_market_total: str
        max_total: str
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return CurrencyRates


@_lazy_additional_properties
class CurrencyRates:
    """Prices of a pair and the exchange's trading rules for it, all as decimal strings. Base
    is the second part of a 3Commas pair (`BTC` in `USDT_BTC`), quote the first. See
    `get_currency_rates` for how the limits apply to an order. The required fields are those
    of the examples of both versions of this page; the leverage-data variant of the page
    (`CurrencyRatesWithLeverageData`) shows another set.

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "ask",
        "ask_multiplier_down",
        "ask_multiplier_up",
        "bid",
        "bid_multiplier_down",
        "bid_multiplier_up",
        "contract_strategy_name",
        "instrument_kind",
        "last",
        "lot_step",
        "max_lot_size",
        "max_market_buy_amount",
        "max_market_sell_amount",
        "max_price",
        "max_total",
        "min_lot_size",
        "min_market_total",
        "min_price",
        "min_total",
        "orderbook_ask",
        "orderbook_bid",
        "orderbook_last",
        "orderbook_price_currency",
        "price_step",
        "strategy_name",
    )
    __match_args__ = (
        "last",
        "bid",
        "ask",
        "orderbook_ask",
        "orderbook_bid",
        "orderbook_last",
        "orderbook_price_currency",
        "strategy_name",
        "contract_strategy_name",
        "instrument_kind",
        "min_price",
        "max_price",
        "price_step",
        "min_lot_size",
        "lot_step",
        "max_lot_size",
        "max_market_buy_amount",
        "max_market_sell_amount",
        "bid_multiplier_down",
        "bid_multiplier_up",
        "ask_multiplier_up",
        "ask_multiplier_down",
        "min_total",
        "min_market_total",
        "max_total",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    last: str
    """ Last price. """
    bid: str
    """ Bid price. """
    ask: str
    """ Ask price. """
    orderbook_ask: str
    """ Ask price of the order book. """
    orderbook_bid: str
    """ Bid price of the order book. """
    orderbook_last: str
    """ Last price of the order book. """
    orderbook_price_currency: str
    """ The currency the prices are in (the quote), e.g. `USDT`. """
    strategy_name: str
    """ Name of the pricing strategy; `orderbook_price` in the examples. """
    contract_strategy_name: str
    """ How a contract's price is computed; `orderbook_price` in the examples. """
    instrument_kind: str
    """ Kind of instrument, e.g. `spot`, `linear_futures`. """
    min_price: str
    """ Lowest price an order may have (quote currency). """
    max_price: str
    """ Highest price an order may have (quote currency). """
    price_step: str
    """ Price tick; a price must be a whole multiple of it. """
    min_lot_size: str
    """ Smallest amount an order may have (base currency). """
    lot_step: str
    """ Amount step; an amount must be a whole multiple of it (base currency). """
    max_lot_size: str
    """ Largest amount an order may have (base currency). """
    max_market_buy_amount: str
    """ Largest amount of a market buy (base currency). """
    max_market_sell_amount: str
    """ Largest amount of a market sell (base currency). """
    bid_multiplier_down: str
    """ Factor of the lower price bound of a buy, relative to a reference price the docs do
    not name.
     """
    bid_multiplier_up: str
    """ Factor of the upper price bound of a buy (reference price not documented). """
    ask_multiplier_up: str
    """ Factor of the upper price bound of a sell (reference price not documented). """
    ask_multiplier_down: str
    """ Factor of the lower price bound of a sell (reference price not documented). """
    min_total: str
    """ Smallest total (amount × price) of an order (quote currency). """
    min_market_total: str
    """ Smallest total of a market order (quote currency). """
    max_total: str
    """ Largest total of an order (quote currency). """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        last: str,
        bid: str,
        ask: str,
        orderbook_ask: str,
        orderbook_bid: str,
        orderbook_last: str,
        orderbook_price_currency: str,
        strategy_name: str,
        contract_strategy_name: str,
        instrument_kind: str,
        min_price: str,
        max_price: str,
        price_step: str,
        min_lot_size: str,
        lot_step: str,
        max_lot_size: str,
        max_market_buy_amount: str,
        max_market_sell_amount: str,
        bid_multiplier_down: str,
        bid_multiplier_up: str,
        ask_multiplier_up: str,
        ask_multiplier_down: str,
        min_total: str,
        min_market_total: str,
        max_total: str,
    ) -> None:
        self.last = last
        self.bid = bid
        self.ask = ask
        self.orderbook_ask = orderbook_ask
        self.orderbook_bid = orderbook_bid
        self.orderbook_last = orderbook_last
        self.orderbook_price_currency = orderbook_price_currency
        self.strategy_name = strategy_name
        self.contract_strategy_name = contract_strategy_name
        self.instrument_kind = instrument_kind
        self.min_price = min_price
        self.max_price = max_price
        self.price_step = price_step
        self.min_lot_size = min_lot_size
        self.lot_step = lot_step
        self.max_lot_size = max_lot_size
        self.max_market_buy_amount = max_market_buy_amount
        self.max_market_sell_amount = max_market_sell_amount
        self.bid_multiplier_down = bid_multiplier_down
        self.bid_multiplier_up = bid_multiplier_up
        self.ask_multiplier_up = ask_multiplier_up
        self.ask_multiplier_down = ask_multiplier_down
        self.min_total = min_total
        self.min_market_total = min_market_total
        self.max_total = max_total
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"last={self.last!r}, "
                f"bid={self.bid!r}, "
                f"ask={self.ask!r}, "
                f"orderbook_ask={self.orderbook_ask!r}, "
                f"orderbook_bid={self.orderbook_bid!r}, "
                f"orderbook_last={self.orderbook_last!r}, "
                f"orderbook_price_currency={self.orderbook_price_currency!r}, "
                f"strategy_name={self.strategy_name!r}, "
                f"contract_strategy_name={self.contract_strategy_name!r}, "
                f"instrument_kind={self.instrument_kind!r}, "
                f"min_price={self.min_price!r}, "
                f"max_price={self.max_price!r}, "
                f"price_step={self.price_step!r}, "
                f"min_lot_size={self.min_lot_size!r}, "
                f"lot_step={self.lot_step!r}, "
                f"max_lot_size={self.max_lot_size!r}, "
                f"max_market_buy_amount={self.max_market_buy_amount!r}, "
                f"max_market_sell_amount={self.max_market_sell_amount!r}, "
                f"bid_multiplier_down={self.bid_multiplier_down!r}, "
                f"bid_multiplier_up={self.bid_multiplier_up!r}, "
                f"ask_multiplier_up={self.ask_multiplier_up!r}, "
                f"ask_multiplier_down={self.ask_multiplier_down!r}, "
                f"min_total={self.min_total!r}, "
                f"min_market_total={self.min_market_total!r}, "
                f"max_total={self.max_total!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.last == other.last
            and self.bid == other.bid
            and self.ask == other.ask
            and self.orderbook_ask == other.orderbook_ask
            and self.orderbook_bid == other.orderbook_bid
            and self.orderbook_last == other.orderbook_last
            and self.orderbook_price_currency == other.orderbook_price_currency
            and self.strategy_name == other.strategy_name
            and self.contract_strategy_name == other.contract_strategy_name
            and self.instrument_kind == other.instrument_kind
            and self.min_price == other.min_price
            and self.max_price == other.max_price
            and self.price_step == other.price_step
            and self.min_lot_size == other.min_lot_size
            and self.lot_step == other.lot_step
            and self.max_lot_size == other.max_lot_size
            and self.max_market_buy_amount == other.max_market_buy_amount
            and self.max_market_sell_amount == other.max_market_sell_amount
            and self.bid_multiplier_down == other.bid_multiplier_down
            and self.bid_multiplier_up == other.bid_multiplier_up
            and self.ask_multiplier_up == other.ask_multiplier_up
            and self.ask_multiplier_down == other.ask_multiplier_down
            and self.min_total == other.min_total
            and self.min_market_total == other.min_market_total
            and self.max_total == other.max_total
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        last = self.last

        bid = self.bid

        ask = self.ask

        orderbook_ask = self.orderbook_ask

        orderbook_bid = self.orderbook_bid

        orderbook_last = self.orderbook_last

        orderbook_price_currency = self.orderbook_price_currency

        strategy_name = self.strategy_name

        contract_strategy_name = self.contract_strategy_name

        instrument_kind = self.instrument_kind

        min_price = self.min_price

        max_price = self.max_price

        price_step = self.price_step

        min_lot_size = self.min_lot_size

        lot_step = self.lot_step

        max_lot_size = self.max_lot_size

        max_market_buy_amount = self.max_market_buy_amount

        max_market_sell_amount = self.max_market_sell_amount

        bid_multiplier_down = self.bid_multiplier_down

        bid_multiplier_up = self.bid_multiplier_up

        ask_multiplier_up = self.ask_multiplier_up

        ask_multiplier_down = self.ask_multiplier_down

        min_total = self.min_total

        min_market_total = self.min_market_total

        max_total = self.max_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "last": last,
                "bid": bid,
                "ask": ask,
                "orderbook_ask": orderbook_ask,
                "orderbook_bid": orderbook_bid,
                "orderbook_last": orderbook_last,
                "orderbook_price_currency": orderbook_price_currency,
                "strategy_name": strategy_name,
                "contract_strategy_name": contract_strategy_name,
                "instrumentKind": instrument_kind,
                "minPrice": min_price,
                "maxPrice": max_price,
                "priceStep": price_step,
                "minLotSize": min_lot_size,
                "lotStep": lot_step,
                "maxLotSize": max_lot_size,
                "maxMarketBuyAmount": max_market_buy_amount,
                "maxMarketSellAmount": max_market_sell_amount,
                "bidMultiplierDown": bid_multiplier_down,
                "bidMultiplierUp": bid_multiplier_up,
                "askMultiplierUp": ask_multiplier_up,
                "askMultiplierDown": ask_multiplier_down,
                "minTotal": min_total,
                "minMarketTotal": min_market_total,
                "maxTotal": max_total,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("CurrencyRates: expected a JSON object, got " + type(d).__name__)
        last = d["last"]
        if type(last) is not str and (not isinstance(last, str)):
            raise TypeError("last: expected str, got " + type(last).__name__)

        bid = d["bid"]
        if type(bid) is not str and (not isinstance(bid, str)):
            raise TypeError("bid: expected str, got " + type(bid).__name__)

        ask = d["ask"]
        if type(ask) is not str and (not isinstance(ask, str)):
            raise TypeError("ask: expected str, got " + type(ask).__name__)

        orderbook_ask = d["orderbook_ask"]
        if type(orderbook_ask) is not str and (not isinstance(orderbook_ask, str)):
            raise TypeError("orderbook_ask: expected str, got " + type(orderbook_ask).__name__)

        orderbook_bid = d["orderbook_bid"]
        if type(orderbook_bid) is not str and (not isinstance(orderbook_bid, str)):
            raise TypeError("orderbook_bid: expected str, got " + type(orderbook_bid).__name__)

        orderbook_last = d["orderbook_last"]
        if type(orderbook_last) is not str and (not isinstance(orderbook_last, str)):
            raise TypeError("orderbook_last: expected str, got " + type(orderbook_last).__name__)

        orderbook_price_currency = d["orderbook_price_currency"]
        if type(orderbook_price_currency) is not str and (
            not isinstance(orderbook_price_currency, str)
        ):
            raise TypeError(
                "orderbook_price_currency: expected str, got "
                + type(orderbook_price_currency).__name__
            )

        strategy_name = d["strategy_name"]
        if type(strategy_name) is not str and (not isinstance(strategy_name, str)):
            raise TypeError("strategy_name: expected str, got " + type(strategy_name).__name__)

        contract_strategy_name = d["contract_strategy_name"]
        if type(contract_strategy_name) is not str and (
            not isinstance(contract_strategy_name, str)
        ):
            raise TypeError(
                "contract_strategy_name: expected str, got " + type(contract_strategy_name).__name__
            )

        instrument_kind = d["instrumentKind"]
        if type(instrument_kind) is not str and (not isinstance(instrument_kind, str)):
            raise TypeError("instrumentKind: expected str, got " + type(instrument_kind).__name__)

        min_price = d["minPrice"]
        if type(min_price) is not str and (not isinstance(min_price, str)):
            raise TypeError("minPrice: expected str, got " + type(min_price).__name__)

        max_price = d["maxPrice"]
        if type(max_price) is not str and (not isinstance(max_price, str)):
            raise TypeError("maxPrice: expected str, got " + type(max_price).__name__)

        price_step = d["priceStep"]
        if type(price_step) is not str and (not isinstance(price_step, str)):
            raise TypeError("priceStep: expected str, got " + type(price_step).__name__)

        min_lot_size = d["minLotSize"]
        if type(min_lot_size) is not str and (not isinstance(min_lot_size, str)):
            raise TypeError("minLotSize: expected str, got " + type(min_lot_size).__name__)

        lot_step = d["lotStep"]
        if type(lot_step) is not str and (not isinstance(lot_step, str)):
            raise TypeError("lotStep: expected str, got " + type(lot_step).__name__)

        max_lot_size = d["maxLotSize"]
        if type(max_lot_size) is not str and (not isinstance(max_lot_size, str)):
            raise TypeError("maxLotSize: expected str, got " + type(max_lot_size).__name__)

        max_market_buy_amount = d["maxMarketBuyAmount"]
        if type(max_market_buy_amount) is not str and (not isinstance(max_market_buy_amount, str)):
            raise TypeError(
                "maxMarketBuyAmount: expected str, got " + type(max_market_buy_amount).__name__
            )

        max_market_sell_amount = d["maxMarketSellAmount"]
        if type(max_market_sell_amount) is not str and (
            not isinstance(max_market_sell_amount, str)
        ):
            raise TypeError(
                "maxMarketSellAmount: expected str, got " + type(max_market_sell_amount).__name__
            )

        bid_multiplier_down = d["bidMultiplierDown"]
        if type(bid_multiplier_down) is not str and (not isinstance(bid_multiplier_down, str)):
            raise TypeError(
                "bidMultiplierDown: expected str, got " + type(bid_multiplier_down).__name__
            )

        bid_multiplier_up = d["bidMultiplierUp"]
        if type(bid_multiplier_up) is not str and (not isinstance(bid_multiplier_up, str)):
            raise TypeError(
                "bidMultiplierUp: expected str, got " + type(bid_multiplier_up).__name__
            )

        ask_multiplier_up = d["askMultiplierUp"]
        if type(ask_multiplier_up) is not str and (not isinstance(ask_multiplier_up, str)):
            raise TypeError(
                "askMultiplierUp: expected str, got " + type(ask_multiplier_up).__name__
            )

        ask_multiplier_down = d["askMultiplierDown"]
        if type(ask_multiplier_down) is not str and (not isinstance(ask_multiplier_down, str)):
            raise TypeError(
                "askMultiplierDown: expected str, got " + type(ask_multiplier_down).__name__
            )

        min_total = d["minTotal"]
        if type(min_total) is not str and (not isinstance(min_total, str)):
            raise TypeError("minTotal: expected str, got " + type(min_total).__name__)

        min_market_total = d["minMarketTotal"]
        if type(min_market_total) is not str and (not isinstance(min_market_total, str)):
            raise TypeError("minMarketTotal: expected str, got " + type(min_market_total).__name__)

        max_total = d["maxTotal"]
        if type(max_total) is not str and (not isinstance(max_total, str)):
            raise TypeError("maxTotal: expected str, got " + type(max_total).__name__)

        _obj = _new(cls)
        _obj.last = last
        _obj.bid = bid
        _obj.ask = ask
        _obj.orderbook_ask = orderbook_ask
        _obj.orderbook_bid = orderbook_bid
        _obj.orderbook_last = orderbook_last
        _obj.orderbook_price_currency = orderbook_price_currency
        _obj.strategy_name = strategy_name
        _obj.contract_strategy_name = contract_strategy_name
        _obj.instrument_kind = instrument_kind
        _obj.min_price = min_price
        _obj.max_price = max_price
        _obj.price_step = price_step
        _obj.min_lot_size = min_lot_size
        _obj.lot_step = lot_step
        _obj.max_lot_size = max_lot_size
        _obj.max_market_buy_amount = max_market_buy_amount
        _obj.max_market_sell_amount = max_market_sell_amount
        _obj.bid_multiplier_down = bid_multiplier_down
        _obj.bid_multiplier_up = bid_multiplier_up
        _obj.ask_multiplier_up = ask_multiplier_up
        _obj.ask_multiplier_down = ask_multiplier_down
        _obj.min_total = min_total
        _obj.min_market_total = min_market_total
        _obj.max_total = max_total
        if len(d) != 25:
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key
                not in {
                    "last",
                    "bid",
                    "ask",
                    "orderbook_ask",
                    "orderbook_bid",
                    "orderbook_last",
                    "orderbook_price_currency",
                    "strategy_name",
                    "contract_strategy_name",
                    "instrumentKind",
                    "minPrice",
                    "maxPrice",
                    "priceStep",
                    "minLotSize",
                    "lotStep",
                    "maxLotSize",
                    "maxMarketBuyAmount",
                    "maxMarketSellAmount",
                    "bidMultiplierDown",
                    "bidMultiplierUp",
                    "askMultiplierUp",
                    "askMultiplierDown",
                    "minTotal",
                    "minMarketTotal",
                    "maxTotal",
                }
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains

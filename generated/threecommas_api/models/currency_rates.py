from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CurrencyRates")


@_attrs_define
class CurrencyRates:
    """Prices of a pair and the exchange's trading rules for it, all as decimal strings. Base
    is the second part of a 3Commas pair (`BTC` in `USDT_BTC`), quote the first. See
    `get_currency_rates` for how the limits apply to an order. The required fields are those
    of the examples of both versions of this page; the leverage-data variant of the page
    (`/ver1/accounts/currency_rates_with_leverage_data`, not described here) shows another
    set.

    """

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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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

    def to_json(self, *, indent: int | None = None) -> str:
        """The model as JSON text, in the API's shape (`to_dict()` serialised): decimal
        strings stay strings, unset fields are left out."""
        return json.dumps(self.to_dict(), indent=indent)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        last = d.pop("last")
        if not isinstance(last, str):
            raise TypeError("last: expected str, got " + type(last).__name__)

        bid = d.pop("bid")
        if not isinstance(bid, str):
            raise TypeError("bid: expected str, got " + type(bid).__name__)

        ask = d.pop("ask")
        if not isinstance(ask, str):
            raise TypeError("ask: expected str, got " + type(ask).__name__)

        orderbook_ask = d.pop("orderbook_ask")
        if not isinstance(orderbook_ask, str):
            raise TypeError("orderbook_ask: expected str, got " + type(orderbook_ask).__name__)

        orderbook_bid = d.pop("orderbook_bid")
        if not isinstance(orderbook_bid, str):
            raise TypeError("orderbook_bid: expected str, got " + type(orderbook_bid).__name__)

        orderbook_last = d.pop("orderbook_last")
        if not isinstance(orderbook_last, str):
            raise TypeError("orderbook_last: expected str, got " + type(orderbook_last).__name__)

        orderbook_price_currency = d.pop("orderbook_price_currency")
        if not isinstance(orderbook_price_currency, str):
            raise TypeError(
                "orderbook_price_currency: expected str, got "
                + type(orderbook_price_currency).__name__
            )

        strategy_name = d.pop("strategy_name")
        if not isinstance(strategy_name, str):
            raise TypeError("strategy_name: expected str, got " + type(strategy_name).__name__)

        contract_strategy_name = d.pop("contract_strategy_name")
        if not isinstance(contract_strategy_name, str):
            raise TypeError(
                "contract_strategy_name: expected str, got " + type(contract_strategy_name).__name__
            )

        instrument_kind = d.pop("instrumentKind")
        if not isinstance(instrument_kind, str):
            raise TypeError("instrumentKind: expected str, got " + type(instrument_kind).__name__)

        min_price = d.pop("minPrice")
        if not isinstance(min_price, str):
            raise TypeError("minPrice: expected str, got " + type(min_price).__name__)

        max_price = d.pop("maxPrice")
        if not isinstance(max_price, str):
            raise TypeError("maxPrice: expected str, got " + type(max_price).__name__)

        price_step = d.pop("priceStep")
        if not isinstance(price_step, str):
            raise TypeError("priceStep: expected str, got " + type(price_step).__name__)

        min_lot_size = d.pop("minLotSize")
        if not isinstance(min_lot_size, str):
            raise TypeError("minLotSize: expected str, got " + type(min_lot_size).__name__)

        lot_step = d.pop("lotStep")
        if not isinstance(lot_step, str):
            raise TypeError("lotStep: expected str, got " + type(lot_step).__name__)

        max_lot_size = d.pop("maxLotSize")
        if not isinstance(max_lot_size, str):
            raise TypeError("maxLotSize: expected str, got " + type(max_lot_size).__name__)

        max_market_buy_amount = d.pop("maxMarketBuyAmount")
        if not isinstance(max_market_buy_amount, str):
            raise TypeError(
                "maxMarketBuyAmount: expected str, got " + type(max_market_buy_amount).__name__
            )

        max_market_sell_amount = d.pop("maxMarketSellAmount")
        if not isinstance(max_market_sell_amount, str):
            raise TypeError(
                "maxMarketSellAmount: expected str, got " + type(max_market_sell_amount).__name__
            )

        bid_multiplier_down = d.pop("bidMultiplierDown")
        if not isinstance(bid_multiplier_down, str):
            raise TypeError(
                "bidMultiplierDown: expected str, got " + type(bid_multiplier_down).__name__
            )

        bid_multiplier_up = d.pop("bidMultiplierUp")
        if not isinstance(bid_multiplier_up, str):
            raise TypeError(
                "bidMultiplierUp: expected str, got " + type(bid_multiplier_up).__name__
            )

        ask_multiplier_up = d.pop("askMultiplierUp")
        if not isinstance(ask_multiplier_up, str):
            raise TypeError(
                "askMultiplierUp: expected str, got " + type(ask_multiplier_up).__name__
            )

        ask_multiplier_down = d.pop("askMultiplierDown")
        if not isinstance(ask_multiplier_down, str):
            raise TypeError(
                "askMultiplierDown: expected str, got " + type(ask_multiplier_down).__name__
            )

        min_total = d.pop("minTotal")
        if not isinstance(min_total, str):
            raise TypeError("minTotal: expected str, got " + type(min_total).__name__)

        min_market_total = d.pop("minMarketTotal")
        if not isinstance(min_market_total, str):
            raise TypeError("minMarketTotal: expected str, got " + type(min_market_total).__name__)

        max_total = d.pop("maxTotal")
        if not isinstance(max_total, str):
            raise TypeError("maxTotal: expected str, got " + type(max_total).__name__)

        currency_rates = cls(
            last=last,
            bid=bid,
            ask=ask,
            orderbook_ask=orderbook_ask,
            orderbook_bid=orderbook_bid,
            orderbook_last=orderbook_last,
            orderbook_price_currency=orderbook_price_currency,
            strategy_name=strategy_name,
            contract_strategy_name=contract_strategy_name,
            instrument_kind=instrument_kind,
            min_price=min_price,
            max_price=max_price,
            price_step=price_step,
            min_lot_size=min_lot_size,
            lot_step=lot_step,
            max_lot_size=max_lot_size,
            max_market_buy_amount=max_market_buy_amount,
            max_market_sell_amount=max_market_sell_amount,
            bid_multiplier_down=bid_multiplier_down,
            bid_multiplier_up=bid_multiplier_up,
            ask_multiplier_up=ask_multiplier_up,
            ask_multiplier_down=ask_multiplier_down,
            min_total=min_total,
            min_market_total=min_market_total,
            max_total=max_total,
        )

        currency_rates.additional_properties = d
        return currency_rates

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

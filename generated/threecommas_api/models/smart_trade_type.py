from enum import StrEnum


class SmartTradeType(StrEnum):
    """Kind of SmartTrade, as a list filter.

    An argument of this type also takes the plain string of a value.
    """

    SIMPLE_BUY = "simple_buy"
    SIMPLE_SELL = "simple_sell"
    SMART_BUY = "smart_buy"
    SMART_COVER = "smart_cover"
    SMART_SELL = "smart_sell"
    SMART_TRADE = "smart_trade"

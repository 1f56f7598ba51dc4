from enum import StrEnum


class SmartTradeType(StrEnum):
    SIMPLE_BUY = "simple_buy"
    SIMPLE_SELL = "simple_sell"
    SMART_BUY = "smart_buy"
    SMART_COVER = "smart_cover"
    SMART_SELL = "smart_sell"
    SMART_TRADE = "smart_trade"

    def __str__(self) -> str:
        return str(self.value)

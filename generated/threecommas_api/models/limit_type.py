from enum import StrEnum


class LimitType(StrEnum):
    BOT = "bot"
    SMART_TRADE = "smart_trade"

    def __str__(self) -> str:
        return str(self.value)

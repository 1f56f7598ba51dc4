from enum import StrEnum


class CloseTradeByMarketForcedMode(StrEnum):
    PAPER = "paper"
    REAL = "real"

    def __str__(self) -> str:
        return str(self.value)

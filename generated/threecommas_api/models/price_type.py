from enum import StrEnum


class PriceType(StrEnum):
    ASK = "ask"
    BID = "bid"
    LAST = "last"

    def __str__(self) -> str:
        return str(self.value)

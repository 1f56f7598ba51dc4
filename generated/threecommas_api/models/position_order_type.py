from enum import StrEnum


class PositionOrderType(StrEnum):
    CONDITIONAL = "conditional"
    LIMIT = "limit"
    MARKET = "market"

    def __str__(self) -> str:
        return str(self.value)

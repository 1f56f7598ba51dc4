from enum import StrEnum


class LeverageType(StrEnum):
    CROSS = "cross"
    ISOLATED = "isolated"

    def __str__(self) -> str:
        return str(self.value)

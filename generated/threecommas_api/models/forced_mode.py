from enum import StrEnum


class ForcedMode(StrEnum):
    PAPER = "paper"
    REAL = "real"

    def __str__(self) -> str:
        return str(self.value)

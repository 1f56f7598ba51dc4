from enum import StrEnum


class SmartTradeStatusFilter(StrEnum):
    ACTIVE = "active"
    ALL = "all"
    CANCELLED = "cancelled"
    FAILED = "failed"
    FINISHED = "finished"
    SUCCESSFULLY_FINISHED = "successfully_finished"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class SmartTradeStatusFilter(StrEnum):
    """Group of statuses, as a list filter.

    An argument of this type also takes the plain string of a value.
    """

    ACTIVE = "active"
    ALL = "all"
    CANCELLED = "cancelled"
    FAILED = "failed"
    FINISHED = "finished"
    SUCCESSFULLY_FINISHED = "successfully_finished"

from enum import StrEnum


class ForcedMode(StrEnum):
    """Account mode to force for one request.

    An argument of this type also takes the plain string of a value.
    """

    PAPER = "paper"
    REAL = "real"

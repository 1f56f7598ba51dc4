from enum import StrEnum


class LeverageType(StrEnum):
    """Leverage type. The deprecated `custom` (still in the docs' create examples) is saved as
        `isolated` by the API, so the SDK does not offer it; the API accepts it (a docs form).

    An argument of this type also takes the plain string of a value.
    """

    CROSS = "cross"
    ISOLATED = "isolated"

"""Argument checks that run before any request is built, so that bad input never costs a call."""

from __future__ import annotations

from threecommas_api.models.forced_mode import ForcedMode

INT64_MAX = 2**63 - 1
FORCED_MODES = tuple(mode.value for mode in ForcedMode)


def check_id(name: str, value: object) -> int:
    """An API id: a plain int from 1 to 2**63-1 (bool, str and float are refused, not coerced)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if not 1 <= value <= INT64_MAX:
        raise ValueError(f"{name} must be between 1 and 2**63-1, got {value}")
    return value


def check_forced_mode(value: object) -> ForcedMode | None:
    """`"real"`, `"paper"` (or the enum) -> ForcedMode; None -> None; anything else is refused."""
    if value is None or isinstance(value, ForcedMode):
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"forced_mode must be one of {FORCED_MODES} or None, not {type(value).__name__}"
        )
    if value not in FORCED_MODES:
        raise ValueError(f"forced_mode must be one of {FORCED_MODES} or None, got {value!r}")
    return ForcedMode(value)

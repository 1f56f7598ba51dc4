"""Argument checks that run before any request is built, so that bad input never costs a call."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from threecommas._constants import INT64_MAX
from threecommas._types import TimeoutArg, _Unset
from threecommas_api.models.forced_mode import ForcedMode

FORCED_MODES = tuple(mode.value for mode in ForcedMode)


def exact_int(name: str, value: object) -> int:
    """`value` as a plain `int` (bool, str and float are refused, not coerced).

    An `int` subclass is turned into the plain int it holds before anything looks at it: its own
    `__format__`, `__str__`, `__index__`, `__int__` or comparisons could otherwise make the
    value that is checked differ from the value that is sent (a request aimed at another
    SmartTrade). `int.__int__` is the built-in conversion, which a subclass cannot override.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    return int.__int__(value)


def check_int_range(name: str, value: object, low: int, high: int, *, text: str = "") -> int:
    """A plain int from `low` to `high` (see `exact_int`); `text` describes the range."""
    number = exact_int(name, value)
    if not low <= number <= high:
        raise ValueError(f"{name} must be between {text or low} and {high}, got {number}")
    return number


def check_id(name: str, value: object) -> int:
    """An API id: a plain int from 1 to 2**63-1 (bool, str and float are refused, not coerced)."""
    if type(value) is int and 1 <= value <= INT64_MAX:  # the common case, checked at no cost
        return value
    number = exact_int(name, value)
    if not 1 <= number <= INT64_MAX:
        raise ValueError(f"{name} must be between 1 and 2**63-1, got {number}")
    return number


def exact_str(name: str, value: str) -> str:
    """`value` as a plain `str` that can be sent: UTF-8 encodable (no lone surrogate).

    A str subclass becomes the plain str it holds (its methods could change what is sent);
    text with a lone surrogate (`"\\ud800"`, from a bad decode) cannot be encoded as UTF-8, so
    it is refused with a ValueError naming the field instead of failing while sending."""
    text = str.__str__(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = text[exc.start]
        raise ValueError(
            f"{name} must be text that can be encoded as UTF-8; it holds the lone surrogate "
            f"{bad!a} at index {exc.start}"
        ) from None
    return text


def _encodable(text: str) -> bool:
    """Whether the plain str that `text` holds can be encoded as UTF-8 (`exact_str` says why
    not; the field's name is put together only then)."""
    try:
        str.encode(str.__str__(text), "utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _field_name(path: tuple[str | int, ...]) -> str:
    # The spec module is imported for an error's message only, not with the client.
    from threecommas._schema import field_name

    return field_name(path)


def check_encodable(value: Any, path: tuple[str | int, ...] = ()) -> None:
    """Raise ValueError naming the first string (key or value) in JSON-like `value` that cannot
    be encoded as UTF-8. The last guard before a body or a query is encoded for sending."""
    if value is None or type(value) is int:  # the most common leaves, at no cost
        return
    if isinstance(value, str):
        if not _encodable(value):
            exact_str(_field_name(path), value)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, str) and not _encodable(key):
                exact_str(f"a key of {_field_name(path)}", key)
            check_encodable(item, (*path, key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            check_encodable(item, (*path, index))


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


def check_timeout(value: object) -> TimeoutArg:
    """A per-call timeout: seconds (> 0), an `httpx.Timeout`, None (no limit) or unset."""
    if value is None or isinstance(value, _Unset | httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(
            f"timeout must be a number of seconds, an httpx.Timeout or None, "
            f"not {type(value).__name__}"
        )
    if not value > 0:
        raise ValueError(f"timeout must be a positive number of seconds, got {value}")
    return float(value)

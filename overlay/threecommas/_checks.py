"""The facade's argument checks and coercion: enums, patterns, datetimes, quantities and
request bodies, each refused with a `TypeError` or `ValueError` naming the argument before
anything is built or sent.

The plain values underneath (ids, ints, text, the forced mode, a timeout) are checked by
`_validation`, which the command line shares; path and query parameters are checked once more,
in their wire form, against the OpenAPI document (`_params`, as the fake server does) when the
request is built (`_operations`); bodies against the document's schemas (`_schema`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any, Protocol, Self, TypeVar

from threecommas._schema import check_body, field_name
from threecommas._validation import exact_str

__all__ = [
    "check_datetime",
    "check_enum",
    "check_pattern",
    "plain",
    "quantity",
    "request_body",
]

E = TypeVar("E", bound=Enum)


class _Model(Protocol):
    """A generated request model: built from the API's JSON shape."""

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


M = TypeVar("M", bound=_Model)


def check_enum(name: str, value: object, kind: type[E]) -> E:
    """A generated enum member, or the string value of one."""
    allowed = tuple(member.value for member in kind)
    if isinstance(value, kind):
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"{name} must be a {kind.__name__} or one of {allowed}, not {type(value).__name__}"
        )
    try:
        return kind(value)
    except ValueError:
        raise ValueError(f"{name} must be one of {allowed}, got {value!r}") from None


def check_pattern(name: str, value: object, pattern: str, example: str) -> str:
    """Text that matches `pattern` as a whole (`example` shows the expected shape)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if re.fullmatch(pattern, value) is None:
        raise ValueError(f"{name} must look like {example!r}, got {value!r}")
    return exact_str(name, value)


def check_datetime(name: str, value: object) -> datetime.datetime:
    """A timezone-aware `datetime`."""
    if not isinstance(value, datetime.datetime):
        raise TypeError(f"{name} must be a datetime.datetime, not {type(value).__name__}")
    if value.utcoffset() is None:
        # A naive time would go out without an offset, and the server would have to guess it.
        raise ValueError(
            f"{name} must be timezone-aware, e.g. datetime.now(timezone.utc); got {value!r}"
        )
    return value


def _decimal_text(name: str, value: Decimal) -> str:
    # Decimal's own methods, not a subclass's overrides: the text checked is the text sent.
    if not Decimal.is_finite(value):
        raise ValueError(f"{name} must be a finite decimal, got {value}")
    # Fixed-point, never exponent notation: str(Decimal("1E-8")) would be "1E-8".
    return Decimal.__format__(value, "f")


def plain(value: object, path: tuple[str | int, ...] = ()) -> Any:
    """A request value as plain JSON data: generated models and enums unwrapped, `Decimal` as
    fixed-point text. A float anywhere is refused: quantities never pass through binary floats."""
    if isinstance(value, Enum):
        return plain(value.value, path)
    if value is None or isinstance(value, bool):
        return value
    # Plain int and str, whatever subclass was given, and only text UTF-8 can encode.
    if isinstance(value, int):
        return int.__int__(value)
    if isinstance(value, str):
        return exact_str(field_name(path), value)
    if isinstance(value, Decimal):
        return _decimal_text(field_name(path), value)
    if isinstance(value, float):
        raise TypeError(
            f"{field_name(path)} is a float; give quantities and prices as decimal strings "
            '("0.01") or decimal.Decimal'
        )
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict) and _is_attrs_class(type(value)):
        try:
            data = to_dict()
        except AttributeError as exc:  # a model built with a mapping where a model belongs
            raise TypeError(
                f"{field_name(path)}: {type(value).__name__} holds a value of the wrong type "
                f"({exc}); build it from models, or pass the whole part as a mapping"
            ) from None
        return plain(data, path)
    if isinstance(value, Mapping):
        plain_dict: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{field_name(path)} has a key that is not a str: {key!r}")
            key = exact_str(f"a key of {field_name(path)}", key)
            plain_dict[key] = plain(item, (*path, key))
        return plain_dict
    if isinstance(value, list | tuple):
        return [plain(item, (*path, index)) for index, item in enumerate(value)]
    raise TypeError(f"{field_name(path)} cannot be sent as JSON ({type(value).__name__})")


def _is_attrs_class(cls: type) -> bool:
    """`attrs.has(cls)` without importing attrs (about 12 ms of a cold start): a generated
    model is an attrs class through its `__attrs_attrs__`, which is made on first read, so it
    is looked for in the classes' own namespaces, not read."""
    return any(vars(klass).get("__attrs_attrs__") is not None for klass in cls.__mro__)


def quantity(name: str, value: object, model: type) -> object:
    """`units`/`price` of add_funds and reduce_funds -> `{"value": "..."}` (or the model)."""
    if value is None or isinstance(value, model | Mapping):
        return value
    if isinstance(value, Decimal):
        return {"value": _decimal_text(name, value)}
    if isinstance(value, str):
        return {"value": value}
    kind = "float (quantities never pass through float)" if isinstance(value, float) else None
    raise TypeError(
        f"{name} must be a decimal string, a decimal.Decimal or a {model.__name__}, "
        f"not {kind or type(value).__name__}"
    )


def request_body(
    operation: str,
    model: type[M],
    request: object,
    fields: Mapping[str, object],
    required: Sequence[str] = (),
    defaults: Mapping[str, Mapping[str, object]] | None = None,
) -> dict[str, Any]:
    """The request body of `operation` as the JSON that is sent, from a generated model, a
    mapping or keyword fields, checked against the OpenAPI schema of the same name (ValueError
    naming each bad field). `defaults` fills a part the caller left out (a copy of the value
    given). The request is built from this checked JSON: no model is made from it again."""
    given = {name: value for name, value in fields.items() if value is not None}
    source: object
    if request is not None:
        if given:
            raise TypeError(
                f"{operation}() takes a request or keyword fields, not both "
                f"(got a request and {', '.join(given)})"
            )
        if not isinstance(request, (model, Mapping)):
            raise TypeError(
                f"{operation}() request must be a {model.__name__} or a mapping, "
                f"not {type(request).__name__}"
            )
        source = request
    else:
        missing = [name for name in required if name not in given]
        if missing:
            raise TypeError(f"{operation}() needs {', '.join(missing)} (or a request)")
        if not given:
            raise TypeError(f"{operation}() needs a request or at least one of {', '.join(fields)}")
        source = given
    body = plain(source)
    if defaults and isinstance(body, dict):
        for name, value in defaults.items():
            body.setdefault(name, dict(value))
    check_body(model.__name__, body)
    checked: dict[str, Any] = body
    return checked

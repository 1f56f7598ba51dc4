"""The request body of a command: `--body FILE` (or `-` for stdin), a JSON object.

What the body must hold is checked by the SDK against the spec's schema; here only what the
command line adds: the file can be read, it is JSON, an object, and it has no JSON number with
a fraction (quantities and prices travel as strings, so that no binary fraction rounds them).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

__all__ = ["EXAMPLE_BODIES", "UsageError", "read_body"]


class UsageError(Exception):
    """A problem with the command's input found before anything was sent (exit status 2)."""


# What `--help` shows under "example body" for each request schema (the tests check each one
# against the schema, and send it).
EXAMPLE_BODIES: dict[str, dict[str, Any]] = {
    "CreateSmartTradeRequest": {
        "account_id": 32455218,
        "pair": "USDT_BTC",
        "leverage": {"enabled": False},
        "position": {"type": "buy", "order_type": "market", "units": {"value": "0.01"}},
        "take_profit": {
            "enabled": True,
            "steps": [
                {
                    "order_type": "limit",
                    "volume": "100",
                    "price": {"type": "last", "value": "70000"},
                }
            ],
        },
        "stop_loss": {
            "enabled": True,
            "order_type": "market",
            "conditional": {"price": {"type": "bid", "value": "60000"}},
        },
    },
    "UpdateSmartTradeRequest": {
        "stop_loss": {
            "enabled": True,
            "order_type": "market",
            "conditional": {"price": {"type": "bid", "value": "62000"}},
        },
    },
    "AddFundsRequest": {
        "order_type": "limit",
        "units": {"value": "0.005"},
        "price": {"value": "64000"},
    },
    "ReduceFundsRequest": {"order_type": "market", "units": {"value": "0.005"}},
}


def _json_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    return "null" if value is None else "a number"


def _first_float(value: Any, path: tuple[str | int, ...] = ()) -> tuple[str, float] | None:
    """The first JSON number with a fraction or an exponent in `value`: (field, number)."""
    if isinstance(value, float):
        from threecommas._schema import field_name

        return field_name(path), value
    items: Iterable[tuple[str | int, Any]] = ()
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    for key, item in items:
        found = _first_float(item, (*path, key))
        if found is not None:
            return found
    return None


def read_body(source: str) -> dict[str, Any]:
    """The JSON object of `--body`: a file, or stdin for `-`."""
    import json  # here, not at the top: `threecommas --help` needs no JSON

    where = f"--body {source}"
    try:
        if source == "-":
            text = sys.stdin.read()
        else:
            with open(source, encoding="utf-8") as file:
                text = file.read()
    except OSError as exc:
        raise UsageError(f"{where}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{where}: not UTF-8 text") from None
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"{where}: not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    except RecursionError:
        raise UsageError(f"{where}: nested too deeply") from None
    if not isinstance(body, dict):
        raise UsageError(f"{where}: the body must be a JSON object, got {_json_kind(body)}")
    try:
        found = _first_float(body)
    except RecursionError:
        raise UsageError(f"{where}: nested too deeply") from None
    if found is not None:
        name, number = found
        raise UsageError(
            f'{where}: {name} must be a string such as "{number}" for a quantity or a '
            f"price (or a whole number where one is expected), got the number {number}"
        )
    return body

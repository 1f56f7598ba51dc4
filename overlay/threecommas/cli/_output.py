"""What a command prints: the result as JSON, or a list as an aligned table."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

__all__ = ["TABLES", "format_table", "print_result", "stdout_gone"]


def _dig(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _first(data: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if data.get(key) is not None:
            return data[key]
    return None


def _smart_trade_row(data: dict[str, Any]) -> list[Any]:
    return [
        data.get("id"),
        data.get("pair"),
        _dig(data, "data", "type"),
        _dig(data, "status", "basic_type"),
        _dig(data, "profit", "percent"),
        _dig(data, "data", "created_at"),
    ]


def _trade_row(data: dict[str, Any]) -> list[Any]:
    return [
        data.get("id"),
        data.get("trade_purpose"),
        data.get("order_side"),
        data.get("order_type"),
        data.get("status"),
        data.get("initial_amount"),
        # A limit order has its price; a conditional one (a stop loss) its trigger.
        _first(data, "order_price", "trigger_price", "initial_price"),
    ]


def _account_row(data: dict[str, Any]) -> list[Any]:
    return [
        data.get("id"),
        data.get("name"),
        data.get("market_code"),
        data.get("smart_trading_supported"),
        data.get("usd_amount"),
    ]


def _market_row(data: dict[str, Any]) -> list[Any]:
    return [data.get("market_code"), data.get("market_name")]


def _balance_row(data: dict[str, Any]) -> list[Any]:
    return [
        data.get("currency_code"),
        data.get("position"),
        data.get("position_available"),
        data.get("on_orders"),
        data.get("usd_value"),
    ]


#: The kinds of rows `--format table` shows (a command row's `table`): columns, one row.
TABLES: dict[str, tuple[tuple[str, ...], Callable[[dict[str, Any]], list[Any]]]] = {
    "smart_trades": (("ID", "PAIR", "TYPE", "STATUS", "PROFIT %", "CREATED AT"), _smart_trade_row),
    "trades": (("ID", "PURPOSE", "SIDE", "TYPE", "STATUS", "AMOUNT", "PRICE"), _trade_row),
    "accounts": (("ID", "NAME", "MARKET", "SMARTTRADES", "USD"), _account_row),
    "markets": (("CODE", "NAME"), _market_row),
    "balances": (("CURRENCY", "TOTAL", "FREE", "ON ORDERS", "USD"), _balance_row),
}


def format_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Columns padded to their widest cell; a missing value shows as `-`."""
    cells = [[("-" if value is None else str(value)) for value in row] for row in rows]
    widths = [len(header) for header in headers]
    for row in cells:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=True)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in [list(headers), *cells]
    ]
    return "\n".join(lines) + "\n"


def print_result(result: object, table: str | None) -> None:
    """The facade's result on stdout: models as their JSON, a list as a `table` when given."""
    data: Any
    if isinstance(result, list):
        data = [item.to_dict() if hasattr(item, "to_dict") else item for item in result]
    else:
        to_dict = getattr(result, "to_dict", None)
        data = to_dict() if callable(to_dict) else result
    if table is not None and isinstance(data, list):
        headers, row = TABLES[table]
        sys.stdout.write(format_table(headers, [row(item) for item in data]))
    else:
        import json  # here, not at the top: `threecommas --help` needs no JSON

        json.dump(data, sys.stdout, indent=2)
        sys.stdout.write("\n")
    sys.stdout.flush()


def stdout_gone() -> None:
    """The reader of stdout went away: drop what is left, as Unix tools do, with no traceback
    (the interpreter's last flush at exit would raise again on the closed pipe)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor behind sys.stdout
        pass

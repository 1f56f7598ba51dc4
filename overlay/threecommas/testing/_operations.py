"""The table of API operations the server knows about.

One row per operation: its name (the spec's ``operationId``), HTTP method and path template
relative to the API prefix. The recordings name their operation by that name, the store keeps
one rule per name, and the app builds one route per path (dispatching on the method), so a new
operation starts here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

__all__ = [
    "ADD_FUNDS",
    "API_PREFIX",
    "CANCEL_SMART_TRADE",
    "CANCEL_TRADE",
    "CLOSE_SMART_TRADE_BY_MARKET",
    "CLOSE_TRADE_BY_MARKET",
    "CREATE_SMART_TRADE",
    "FORCE_PROCESS",
    "FORCE_START",
    "GET_REDUCE_FUNDS_INFO",
    "GET_SMART_TRADE",
    "LIST_SMART_TRADES",
    "LIST_TRADES",
    "MAX_ID",
    "OPERATIONS",
    "REDUCE_FUNDS",
    "SET_NOTE",
    "UPDATE_SMART_TRADE",
    "Operation",
    "operations_by_path",
    "parse_id",
    "split_query",
]

#: Every API path lives under this prefix; signatures cover it too.
API_PREFIX: Final = "/public/api"

#: IDs are int64 in the API; anything above cannot name a real resource.
MAX_ID: Final = 2**63 - 1

_PARAM = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def parse_id(value: object) -> int | None:
    """Return ``value`` as a resource id if it is a positive int64, else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.isascii() and value.isdigit():
        # Length bound first: int() of a very long digit string is slow and can raise.
        if len(value) > len(str(MAX_ID)):
            return None
        number = int(value)
    else:
        return None
    if 1 <= number <= MAX_ID:
        return number
    return None


def split_query(target: str) -> tuple[str, str]:
    """``"/a/b?x=1"`` -> ``("/a/b", "x=1")``; the query is empty when there is none."""
    path, _, query = target.partition("?")
    return path, query


@dataclass(frozen=True)
class Operation:
    """One API operation: ``path`` is relative to :data:`API_PREFIX`; every parameter is an id."""

    name: str
    method: str
    path: str
    _pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts: list[str] = []
        end = 0
        for param in _PARAM.finditer(self.path):
            parts.append(re.escape(self.path[end : param.start()]))
            parts.append(f"(?P<{param.group(1)}>[^/]+)")
            end = param.end()
        parts.append(re.escape(self.path[end:]))
        regex = "".join(parts)
        object.__setattr__(self, "_pattern", re.compile(f"^(?:{re.escape(API_PREFIX)})?{regex}$"))

    @property
    def param_names(self) -> tuple[str, ...]:
        return tuple(_PARAM.findall(self.path))

    def route_path(self, convertor: str) -> str:
        """The Starlette route path, every id parsed by the named path convertor."""
        return API_PREFIX + _PARAM.sub(
            lambda m: "{" + m.group(1) + ":" + convertor + "}", self.path
        )

    def match(self, path: str) -> dict[str, int] | None:
        """Parse a concrete path (with or without the prefix and a query) into its ids."""
        found = self._pattern.match(split_query(path)[0])
        if found is None:
            return None
        params: dict[str, int] = {}
        for name, raw in found.groupdict().items():
            number = parse_id(raw)
            if number is None:
                return None
            params[name] = number
        return params


_ONE = "/v2/smart_trades/{id}"
_TRADE = "/v2/smart_trades/{smart_trade_id}/trades/{id}"

CREATE_SMART_TRADE: Final = Operation("create_smart_trade", "POST", "/v2/smart_trades")
LIST_SMART_TRADES: Final = Operation("list_smart_trades", "GET", "/v2/smart_trades")
GET_SMART_TRADE: Final = Operation("get_smart_trade", "GET", _ONE)
UPDATE_SMART_TRADE: Final = Operation("update_smart_trade", "PATCH", _ONE)
CANCEL_SMART_TRADE: Final = Operation("cancel_smart_trade", "DELETE", _ONE)
ADD_FUNDS: Final = Operation("add_funds", "POST", _ONE + "/add_funds")
GET_REDUCE_FUNDS_INFO: Final = Operation(
    "get_reduce_funds_info", "GET", _ONE + "/reduce_funds_info"
)
REDUCE_FUNDS: Final = Operation("reduce_funds", "POST", _ONE + "/reduce_funds")
CLOSE_SMART_TRADE_BY_MARKET: Final = Operation(
    "close_smart_trade_by_market", "POST", _ONE + "/close_by_market"
)
SET_NOTE: Final = Operation("set_note", "POST", _ONE + "/set_note")
FORCE_START: Final = Operation("force_start", "POST", _ONE + "/force_start")
FORCE_PROCESS: Final = Operation("force_process", "POST", _ONE + "/force_process")
LIST_TRADES: Final = Operation("list_trades", "GET", "/v2/smart_trades/{smart_trade_id}/trades")
CANCEL_TRADE: Final = Operation("cancel_trade", "DELETE", _TRADE)
CLOSE_TRADE_BY_MARKET: Final = Operation(
    "close_trade_by_market", "POST", _TRADE + "/close_by_market"
)

#: All operations served, by name.
OPERATIONS: Final[Mapping[str, Operation]] = {
    op.name: op
    for op in (
        CREATE_SMART_TRADE,
        LIST_SMART_TRADES,
        GET_SMART_TRADE,
        UPDATE_SMART_TRADE,
        CANCEL_SMART_TRADE,
        ADD_FUNDS,
        GET_REDUCE_FUNDS_INFO,
        REDUCE_FUNDS,
        CLOSE_SMART_TRADE_BY_MARKET,
        SET_NOTE,
        FORCE_START,
        FORCE_PROCESS,
        LIST_TRADES,
        CANCEL_TRADE,
        CLOSE_TRADE_BY_MARKET,
    )
}


def operations_by_path() -> dict[str, dict[str, Operation]]:
    """Path template -> method -> operation: one route per path, several methods on some."""
    grouped: dict[str, dict[str, Operation]] = {}
    for operation in OPERATIONS.values():
        grouped.setdefault(operation.path, {})[operation.method] = operation
    return grouped

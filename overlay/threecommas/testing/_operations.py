"""The table of API operations the server knows about.

One row per operation: its name (the spec's ``operationId``), HTTP method and path template
relative to the API prefix. The recordings name their operation by that name, the store keeps
one rule per name, and the app builds one route per row, so a new operation starts here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

__all__ = [
    "API_PREFIX",
    "CLOSE_TRADE_BY_MARKET",
    "MAX_ID",
    "OPERATIONS",
    "Operation",
    "parse_id",
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
        """Parse a concrete path (with or without the prefix) into its ids, or ``None``."""
        found = self._pattern.match(path)
        if found is None:
            return None
        params: dict[str, int] = {}
        for name, raw in found.groupdict().items():
            number = parse_id(raw)
            if number is None:
                return None
            params[name] = number
        return params


CLOSE_TRADE_BY_MARKET: Final = Operation(
    name="close_trade_by_market",
    method="POST",
    path="/v2/smart_trades/{smart_trade_id}/trades/{id}/close_by_market",
)

#: All operations served, by name.
OPERATIONS: Final[Mapping[str, Operation]] = {op.name: op for op in (CLOSE_TRADE_BY_MARKET,)}

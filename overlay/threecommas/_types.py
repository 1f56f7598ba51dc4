"""The types the SDK's modules share: the "not given" sentinel, argument aliases, and `Call`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypedDict, TypeVar

import httpx

from threecommas_api.models.forced_mode import ForcedMode

__all__ = [
    "NOT_GIVEN",
    "Call",
    "ForcedModeArg",
    "Quantity",
    "QueryValue",
    "RequestOptions",
    "TimeoutArg",
    "TimeoutTypes",
]

T = TypeVar("T")


class _Unset:
    """The default of a per-call option left out: the client's setting applies."""

    _instance: _Unset | None = None

    def __new__(cls) -> _Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:  # what help() shows as the default
        return "NOT_GIVEN"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


#: The default of `forced_mode=` and `timeout=` on every call: the client's setting applies.
NOT_GIVEN: Any = _Unset()

TimeoutTypes = float | httpx.Timeout | None
TimeoutArg = TimeoutTypes | _Unset
ForcedModeArg = str | ForcedMode | _Unset | None
# A quantity or price: a decimal string, a Decimal, or the `{"value": ...}` shape. Made on
# first use at run time (annotations name it as text): the decimal module costs about 2 ms of
# every start, and only the calls that take a quantity need it.
if TYPE_CHECKING:
    from decimal import Decimal

    Quantity = str | Decimal | Mapping[str, Any]
else:

    def __getattr__(name: str) -> Any:
        if name == "Quantity":
            from decimal import Decimal

            alias = globals()["Quantity"] = str | Decimal | Mapping[str, Any]
            return alias
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Call(Generic[T]):
    """One API call, ready to send: the generated request arguments and the parser of a success.

    `parse` turns a 2xx response into the result; it runs for nothing else. `signed` is False
    for a public operation (the spec's `security: []`), sent without `Apikey` and `Signature`.
    A call is not changed once made (`with_raw_response` makes another).
    """

    # A plain class rather than a dataclass: a frozen dataclass compiles its methods when the
    # module is imported (about a millisecond, at every start of a process), and its __init__
    # sets each field through object.__setattr__ (on every request).
    __slots__ = ("operation_id", "parse", "request", "signed")

    def __init__(
        self,
        request: dict[str, Any],
        parse: Callable[[httpx.Response], T],
        signed: bool = True,
        operation_id: str | None = None,
    ) -> None:
        self.request = request
        self.parse = parse
        #: Sent with Apikey and Signature (False for the API's public operations).
        self.signed = signed
        #: The operation's id in the OpenAPI document (None for a call made outside the
        #: catalogue).
        self.operation_id = operation_id

    def __repr__(self) -> str:
        return (
            f"Call(request={self.request!r}, parse={self.parse!r}, signed={self.signed!r}, "
            f"operation_id={self.operation_id!r})"
        )


QueryValue = str | int | float | bool


class RequestOptions(TypedDict, total=False):
    """The per-call options every method takes as keywords, beside `forced_mode` and `timeout`.

    `extra_headers` are sent with the request (they cannot replace `Apikey`, `Signature` or
    `Forced-Mode` in any spelling, and must be headers HTTP can carry: a token name, a printable
    ASCII value); `extra_query` adds query parameters (not one the method sets itself). Both
    are signed with the rest of the request."""

    extra_headers: Mapping[str, str]
    extra_query: Mapping[str, QueryValue]

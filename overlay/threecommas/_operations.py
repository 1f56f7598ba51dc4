"""The operations: checked arguments in, a `Call` out. Nothing here sends anything.

Each operation's request is built by the public `build_request` of its generated module, found
through the operation catalogue, and read back by its `parse_response` made strict
(`_parsing`). Before the `Call` is handed out, its path and query parameters are checked in their
wire form against the OpenAPI document by the validator the fake server uses too (`_params`);
the typed checks before it (`_checks`, `_validation`) give the `TypeError`s for wrong Python
types and the messages in the SDK's words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from threecommas._params import check_parameters, parameter_schemas
from threecommas._parsing import Parser, endpoint, order_answer, strict_list, strict_object
from threecommas._resource import LazyModule
from threecommas._types import Call
from threecommas._validation import check_id
from threecommas_api import models
from threecommas_api._catalogue import BY_ID
from threecommas_api.models.forced_mode import ForcedMode
from threecommas_api.models.smart_trade import SmartTrade
from threecommas_api.types import UNSET

if TYPE_CHECKING:
    import threecommas._checks as checks
    from threecommas_api.models.add_funds_request import AddFundsRequest
    from threecommas_api.models.reduce_funds_info import ReduceFundsInfo
    from threecommas_api.models.reduce_funds_request import ReduceFundsRequest
    from threecommas_api.models.trade import Trade
    from threecommas_api.models.update_smart_trade_request import UpdateSmartTradeRequest

else:
    # The checks of list filters and bodies, with the spec's schemas and the decimal module
    # they use: loaded by the first call that has any (a `get` has none).
    checks = LazyModule("threecommas._checks")

__all__ = [
    "LIST",
    "ListQuery",
    "by_id",
    "by_trade",
    "call",
    "change",
    "create",
    "funds_fields",
    "list_page",
    "list_query",
    "list_trades",
    "order_by_id",
    "reduce_funds_info",
    "set_note",
]

T = TypeVar("T")
Check = Callable[[str, object], object]
if TYPE_CHECKING:
    _Body: TypeAlias = UpdateSmartTradeRequest | AddFundsRequest | ReduceFundsRequest

#: The operation that lists SmartTrades (the one the paging of `list` and `iter_all` reads).
LIST = "list_smart_trades"


def _wire(value: object) -> str:
    """A query value as httpx writes it into the URL."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@cache
def _traits(operation_id: str) -> tuple[bool, bool]:
    """Whether the operation has the Forced-Mode header, and whether it is signed (read from
    the catalogue once)."""
    operation = BY_ID[operation_id]
    return any(p.name == "Forced-Mode" for p in operation.parameters), operation.signed


def call(
    operation_id: str,
    parse: Parser[T],
    path: tuple[int, ...],
    mode: ForcedMode | None,
    **arguments: Any,
) -> Call[T]:
    """The request of `operation_id` built by its generated module, its query checked.

    The ids of `path` come checked by `check_id` (each caller's), whose range is the one every
    path parameter's schema gives (tests/sdk/test_schema.py holds the two together): they are
    not turned to text and checked again."""
    takes_forced_mode, signed = _traits(operation_id)
    if takes_forced_mode:
        arguments["forced_mode"] = UNSET if mode is None else mode
    request: dict[str, Any] = endpoint(operation_id).build_request(*path, **arguments)
    query = request.get("params")
    if query:
        check_parameters(operation_id, [(name, _wire(value)) for name, value in query.items()])
    return Call(request, parse, signed, operation_id)


# --- one SmartTrade, or one of its trades, by id ------------------------------------------------


def _by_id(
    operation_id: str,
    parse: Parser[T],
    smart_trade_id: object,
    mode: ForcedMode | None,
) -> Call[T]:
    checked_id = check_id("smart_trade_id", smart_trade_id)
    return call(operation_id, parse, (checked_id,), mode)


def by_id(operation_id: str, smart_trade_id: object, mode: ForcedMode | None) -> Call[SmartTrade]:
    """An operation whose only argument is the SmartTrade's id, answering the SmartTrade."""
    parse = strict_object(operation_id, SmartTrade)
    return _by_id(operation_id, parse, smart_trade_id, mode)


def order_by_id(
    operation_id: str, smart_trade_id: object, mode: ForcedMode | None
) -> Call[SmartTrade | None]:
    """A change whose only argument is the SmartTrade's id, answering the SmartTrade (None for
    an empty 2xx: see `order_answer`)."""
    parse = order_answer(operation_id)
    return _by_id(operation_id, parse, smart_trade_id, mode)


def reduce_funds_info(smart_trade_id: object, mode: ForcedMode | None) -> Call[ReduceFundsInfo]:
    from threecommas_api.models.reduce_funds_info import ReduceFundsInfo

    operation_id = "get_reduce_funds_info"
    parse = strict_object(operation_id, ReduceFundsInfo)
    return _by_id(operation_id, parse, smart_trade_id, mode)


def list_trades(smart_trade_id: object, mode: ForcedMode | None) -> Call[list[Trade]]:
    from threecommas_api.models.trade import Trade

    parse = strict_list("list_trades", Trade)
    return _by_id("list_trades", parse, smart_trade_id, mode)


def by_trade(
    operation_id: str,
    smart_trade_id: object,
    trade_id: object,
    mode: ForcedMode | None,
) -> Call[SmartTrade | None]:
    """A change to one trade of a SmartTrade, answering the SmartTrade (None for an empty 2xx:
    see `order_answer`)."""
    path = (check_id("smart_trade_id", smart_trade_id), check_id("trade_id", trade_id))
    return call(operation_id, order_answer(operation_id), path, mode)


# --- the list of SmartTrades --------------------------------------------------------------------


class ListQuery:
    """The checked filters of a list, ready for the generated `build_request` (minus paging)."""

    # A plain class: a dataclass is built when the module is imported, by every first call.
    __slots__ = ("filters", "forced_mode")

    def __init__(self, filters: dict[str, Any], forced_mode: ForcedMode | None) -> None:
        self.filters = filters
        self.forced_mode = forced_mode

    def __repr__(self) -> str:
        return f"ListQuery(filters={self.filters!r}, forced_mode={self.forced_mode!r})"


def _list_parameter(name: str) -> Mapping[str, Any]:
    return parameter_schemas(LIST)[name]


def _pattern(name: str, value: object, example: str) -> str:
    return checks.check_pattern(name, value, _list_parameter(name)["pattern"], example)


def _enum(kind: str) -> Check:
    """The check of a filter that takes the generated enum `kind`, imported by the first list
    that has that filter (a `get` imports none of them)."""
    return lambda name, value: checks.check_enum(name, value, getattr(models, kind))


def _datetime(name: str, value: object) -> object:
    return checks.check_datetime(name, value)


def _shaped(example: str) -> Check:
    return lambda name, value: _pattern(name, value, example)


# The filters of the list, by the facade's argument (in its order): the argument of the
# generated `build_request` that takes each, and its check. The paging is `_pagination`'s.
_FILTERS: dict[str, tuple[str, Check]] = {
    "account_id": ("account_id", check_id),
    "pair": ("pair", _shaped("USDT_BTC")),
    "type": ("type_", _enum("SmartTradeType")),
    "status": ("status", _enum("SmartTradeStatusFilter")),
    "order_by": ("order_by", _enum("SmartTradeOrderBy")),
    "order_direction": ("order_direction", _enum("OrderDirection")),
    "from_": ("from_", _datetime),
    "to": ("to", _datetime),
    "base": ("base", _shaped("BTC")),
    "quote": ("quote", _shaped("USDT")),
}


def list_query(arguments: Mapping[str, Any], mode: ForcedMode | None) -> ListQuery:
    """The checked filters among the arguments of `list` or `iter_all` (their `locals()`),
    with the forced mode the client resolved; the filters left as None are not sent."""
    filters: dict[str, Any] = {}
    for name, (keyword, check) in _FILTERS.items():
        value = arguments[name]
        if value is not None:
            filters[keyword] = check(name, value)
    return ListQuery(filters, mode)


def list_page(query: ListQuery, page: int | None, per_page: int | None) -> Call[list[SmartTrade]]:
    # Unset paging goes out unset: the generated defaults (1 and 10) would otherwise be sent.
    return call(
        LIST,
        strict_list(LIST, SmartTrade),
        (),
        query.forced_mode,
        **query.filters,
        page=UNSET if page is None else page,
        per_page=UNSET if per_page is None else per_page,
    )


# --- the operations with a request body ---------------------------------------------------------

# Every doc version marks these parts' `enabled` mandatory, and the spec requires the parts: a
# part the caller left out is sent switched off.
_CREATE_DEFAULTS: Mapping[str, Mapping[str, object]] = {
    "leverage": {"enabled": False},
    "take_profit": {"enabled": False},
    "stop_loss": {"enabled": False},
}


def create(
    request: object, fields: Mapping[str, object], mode: ForcedMode | None
) -> Call[SmartTrade]:
    account_id = fields.get("account_id")
    if request is None and account_id is not None:
        check_id("account_id", account_id)
    from threecommas_api.models.create_smart_trade_request import CreateSmartTradeRequest

    body = checks.request_body(
        "create",
        CreateSmartTradeRequest,
        request,
        fields,
        required=("account_id", "pair", "position"),
        defaults=_CREATE_DEFAULTS,
    )
    operation_id = "create_smart_trade"
    return call(operation_id, strict_object(operation_id, SmartTrade), (), mode, body=body)


def _change(
    operation_id: str, checked_id: int, mode: ForcedMode | None, body: Any
) -> Call[SmartTrade | None]:
    """A change to one SmartTrade with a request body, answering the SmartTrade (None for an
    empty 2xx: see `order_answer`)."""
    return call(operation_id, order_answer(operation_id), (checked_id,), mode, body=body)


# The changes to one SmartTrade made with a body like `update`'s: the name that messages give the
# call, the body's model, and the fields a call without `request` must give. Made on first use:
# the request models load with the first change, not with the client.
@cache
def _bodies() -> dict[str, tuple[str, type[_Body], tuple[str, ...]]]:
    from threecommas_api.models.add_funds_request import AddFundsRequest
    from threecommas_api.models.reduce_funds_request import ReduceFundsRequest
    from threecommas_api.models.update_smart_trade_request import UpdateSmartTradeRequest

    return {
        "update_smart_trade": ("update", UpdateSmartTradeRequest, ()),
        "add_funds": ("add_funds", AddFundsRequest, ("order_type", "units")),
        "reduce_funds": ("reduce_funds", ReduceFundsRequest, ("order_type", "units")),
    }


def change(
    operation_id: str,
    smart_trade_id: object,
    request: object,
    fields: Mapping[str, object],
    mode: ForcedMode | None,
) -> Call[SmartTrade | None]:
    """update, add_funds or reduce_funds: a request body or its fields, for one SmartTrade."""
    checked_id = check_id("smart_trade_id", smart_trade_id)
    name, model, required = _bodies()[operation_id]
    body = checks.request_body(name, model, request, fields, required)
    return _change(operation_id, checked_id, mode, body)


def funds_fields(order_type: object, units: object, price: object) -> dict[str, object]:
    """The keyword fields of add_funds and reduce_funds (the same body shape)."""
    from threecommas_api.models.price_input import PriceInput
    from threecommas_api.models.units_input import UnitsInput

    return {
        "order_type": order_type,
        "units": checks.quantity("units", units, UnitsInput),
        "price": checks.quantity("price", price, PriceInput),
    }


def set_note(
    smart_trade_id: object, note: object, mode: ForcedMode | None
) -> Call[SmartTrade | None]:
    checked_id = check_id("smart_trade_id", smart_trade_id)
    if not isinstance(note, str):
        raise TypeError(f"note must be a str, not {type(note).__name__}")
    from threecommas_api.models.set_note_request import SetNoteRequest

    body = checks.request_body("set_note", SetNoteRequest, None, {"note": note}, ("note",))
    return _change("set_note", checked_id, mode, body)

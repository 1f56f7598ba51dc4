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
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from threecommas._checks import check_datetime, check_enum, check_pattern, quantity, request_body
from threecommas._params import check_parameters, parameter_schemas
from threecommas._parsing import Parser, endpoint, order_answer, strict_list, strict_object
from threecommas._types import Call, ForcedModeArg
from threecommas._validation import check_id, check_int_range
from threecommas_api._catalogue import BY_ID
from threecommas_api.models.add_funds_request import AddFundsRequest
from threecommas_api.models.create_smart_trade_request import CreateSmartTradeRequest
from threecommas_api.models.forced_mode import ForcedMode
from threecommas_api.models.order_direction import OrderDirection
from threecommas_api.models.price_input import PriceInput
from threecommas_api.models.reduce_funds_info import ReduceFundsInfo
from threecommas_api.models.reduce_funds_request import ReduceFundsRequest
from threecommas_api.models.set_note_request import SetNoteRequest
from threecommas_api.models.smart_trade import SmartTrade
from threecommas_api.models.smart_trade_order_by import SmartTradeOrderBy
from threecommas_api.models.smart_trade_status_filter import SmartTradeStatusFilter
from threecommas_api.models.smart_trade_type import SmartTradeType
from threecommas_api.models.trade import Trade
from threecommas_api.models.units_input import UnitsInput
from threecommas_api.models.update_smart_trade_request import UpdateSmartTradeRequest
from threecommas_api.types import UNSET

if TYPE_CHECKING:
    from threecommas._base_client import BaseClient

__all__ = [
    "ListQuery",
    "by_id",
    "by_trade",
    "call",
    "change",
    "check_paging",
    "create",
    "funds_fields",
    "iter_paging",
    "list_page",
    "list_query",
    "list_trades",
    "next_page",
    "order_by_id",
    "reduce_funds_info",
    "set_note",
]

T = TypeVar("T")
Check = Callable[[str, object], object]
_Body = UpdateSmartTradeRequest | AddFundsRequest | ReduceFundsRequest

_LIST = "list_smart_trades"


def _wire(value: object) -> str:
    """A query value as httpx writes it into the URL."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@cache
def _path_names(operation_id: str) -> tuple[str, ...]:
    """The operation's path parameters, in the order its `build_request` takes them."""
    return tuple(p.name for p in BY_ID[operation_id].parameters if p.location == "path")


@cache
def _takes_forced_mode(operation_id: str) -> bool:
    """Whether the operation has the Forced-Mode header (read from the catalogue once)."""
    return any(p.name == "Forced-Mode" for p in BY_ID[operation_id].parameters)


def call(
    operation_id: str,
    parse: Parser[T],
    path: tuple[int, ...],
    mode: ForcedMode | None,
    **arguments: Any,
) -> Call[T]:
    """The request of `operation_id` built by its generated module, its parameters checked."""
    if _takes_forced_mode(operation_id):
        arguments["forced_mode"] = UNSET if mode is None else mode
    request: dict[str, Any] = endpoint(operation_id).build_request(*path, **arguments)
    ids = [(name, str(value)) for name, value in zip(_path_names(operation_id), path, strict=True)]
    check_parameters(operation_id, ids, location="path")
    query = request.get("params")
    if query:
        check_parameters(operation_id, [(name, _wire(value)) for name, value in query.items()])
    return Call(request, parse, signed=BY_ID[operation_id].signed, operation_id=operation_id)


# --- one SmartTrade, or one of its trades, by id ------------------------------------------------


def _by_id(
    client: BaseClient,
    operation_id: str,
    parse: Parser[T],
    smart_trade_id: object,
    forced_mode: ForcedModeArg,
) -> Call[T]:
    checked_id = check_id("smart_trade_id", smart_trade_id)
    mode = client._forced_mode_for(forced_mode)
    return call(operation_id, parse, (checked_id,), mode)


def by_id(
    client: BaseClient, operation_id: str, smart_trade_id: object, forced_mode: ForcedModeArg
) -> Call[SmartTrade]:
    """An operation whose only argument is the SmartTrade's id, answering the SmartTrade."""
    parse = strict_object(operation_id, SmartTrade)
    return _by_id(client, operation_id, parse, smart_trade_id, forced_mode)


def order_by_id(
    client: BaseClient, operation_id: str, smart_trade_id: object, forced_mode: ForcedModeArg
) -> Call[SmartTrade | None]:
    """A change whose only argument is the SmartTrade's id, answering the SmartTrade (None for
    an empty 2xx: see `order_answer`)."""
    parse = order_answer(operation_id)
    return _by_id(client, operation_id, parse, smart_trade_id, forced_mode)


def reduce_funds_info(
    client: BaseClient, smart_trade_id: object, forced_mode: ForcedModeArg
) -> Call[ReduceFundsInfo]:
    operation_id = "get_reduce_funds_info"
    parse = strict_object(operation_id, ReduceFundsInfo)
    return _by_id(client, operation_id, parse, smart_trade_id, forced_mode)


def list_trades(
    client: BaseClient, smart_trade_id: object, forced_mode: ForcedModeArg
) -> Call[list[Trade]]:
    parse = strict_list("list_trades", Trade)
    return _by_id(client, "list_trades", parse, smart_trade_id, forced_mode)


def by_trade(
    client: BaseClient,
    operation_id: str,
    smart_trade_id: object,
    trade_id: object,
    forced_mode: ForcedModeArg,
) -> Call[SmartTrade | None]:
    """A change to one trade of a SmartTrade, answering the SmartTrade (None for an empty 2xx:
    see `order_answer`)."""
    mode = client._forced_mode_for(forced_mode)
    path = (check_id("smart_trade_id", smart_trade_id), check_id("trade_id", trade_id))
    return call(operation_id, order_answer(operation_id), path, mode)


# --- the list of SmartTrades --------------------------------------------------------------------


@dataclass(frozen=True)
class ListQuery:
    """The checked filters of a list, ready for the generated `build_request` (minus paging)."""

    filters: dict[str, Any]
    forced_mode: ForcedMode | None


def _list_parameter(name: str) -> Mapping[str, Any]:
    return parameter_schemas(_LIST)[name]


def _pattern(name: str, value: object, example: str) -> str:
    return check_pattern(name, value, _list_parameter(name)["pattern"], example)


def _paging(name: str, value: object) -> int:
    schema = _list_parameter(name)
    return check_int_range(name, value, schema["minimum"], schema["maximum"])


def _enum(kind: type[Enum]) -> Check:
    return lambda name, value: check_enum(name, value, kind)


def _shaped(example: str) -> Check:
    return lambda name, value: _pattern(name, value, example)


# The filters of the list, by the facade's argument (in its order): the argument of the
# generated `build_request` that takes each, and its check. The paging is checked apart.
_FILTERS: dict[str, tuple[str, Check]] = {
    "account_id": ("account_id", check_id),
    "pair": ("pair", _shaped("USDT_BTC")),
    "type": ("type_", _enum(SmartTradeType)),
    "status": ("status", _enum(SmartTradeStatusFilter)),
    "order_by": ("order_by", _enum(SmartTradeOrderBy)),
    "order_direction": ("order_direction", _enum(OrderDirection)),
    "from_": ("from_", check_datetime),
    "to": ("to", check_datetime),
    "base": ("base", _shaped("BTC")),
    "quote": ("quote", _shaped("USDT")),
}


def list_query(client: BaseClient, arguments: Mapping[str, Any]) -> ListQuery:
    """The checked filters among the arguments of `list` or `iter_all` (their `locals()`);
    those left as None are not sent."""
    filters: dict[str, Any] = {}
    for name, (keyword, check) in _FILTERS.items():
        value = arguments[name]
        if value is not None:
            filters[keyword] = check(name, value)
    return ListQuery(filters, client._forced_mode_for(arguments["forced_mode"]))


def check_paging(page: object, per_page: object) -> tuple[int | None, int | None]:
    """The paging of `list`: each None (not sent) or within the document's range."""
    checked_page = None if page is None else _paging("page", page)
    checked_size = None if per_page is None else _paging("per_page", per_page)
    return checked_page, checked_size


def iter_paging(page: object, per_page: object) -> tuple[int, int]:
    """The paging of `iter_all`: the first page (1 when None) and the page size."""
    return 1 if page is None else _paging("page", page), _paging("per_page", per_page)


def list_page(query: ListQuery, page: int | None, per_page: int | None) -> Call[list[SmartTrade]]:
    # Unset paging goes out unset: the generated defaults (1 and 10) would otherwise be sent.
    return call(
        _LIST,
        strict_list(_LIST, SmartTrade),
        (),
        query.forced_mode,
        **query.filters,
        page=UNSET if page is None else page,
        per_page=UNSET if per_page is None else per_page,
    )


def next_page(page: int, received: int, per_page: int) -> int | None:
    """The page after `page`, or None when `page` was the last (shorter than `per_page`)."""
    if received < per_page or page >= _list_parameter("page")["maximum"]:
        return None
    return page + 1


# --- the operations with a request body ---------------------------------------------------------

# Every doc version marks these parts' `enabled` mandatory, and the spec requires the parts: a
# part the caller left out is sent switched off.
_CREATE_DEFAULTS: Mapping[str, Mapping[str, object]] = {
    "leverage": {"enabled": False},
    "take_profit": {"enabled": False},
    "stop_loss": {"enabled": False},
}


def create(
    client: BaseClient, request: object, fields: Mapping[str, object], forced_mode: ForcedModeArg
) -> Call[SmartTrade]:
    account_id = fields.get("account_id")
    if request is None and account_id is not None:
        check_id("account_id", account_id)
    mode = client._forced_mode_for(forced_mode)
    body = request_body(
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
# call, the body's model, and the fields a call without `request` must give.
_BODIES: dict[str, tuple[str, type[_Body], tuple[str, ...]]] = {
    "update_smart_trade": ("update", UpdateSmartTradeRequest, ()),
    "add_funds": ("add_funds", AddFundsRequest, ("order_type", "units")),
    "reduce_funds": ("reduce_funds", ReduceFundsRequest, ("order_type", "units")),
}


def change(
    client: BaseClient,
    operation_id: str,
    smart_trade_id: object,
    request: object,
    fields: Mapping[str, object],
    forced_mode: ForcedModeArg,
) -> Call[SmartTrade | None]:
    """update, add_funds or reduce_funds: a request body or its fields, for one SmartTrade."""
    checked_id = check_id("smart_trade_id", smart_trade_id)
    mode = client._forced_mode_for(forced_mode)
    name, model, required = _BODIES[operation_id]
    body = request_body(name, model, request, fields, required)
    return _change(operation_id, checked_id, mode, body)


def funds_fields(order_type: object, units: object, price: object) -> dict[str, object]:
    """The keyword fields of add_funds and reduce_funds (the same body shape)."""
    return {
        "order_type": order_type,
        "units": quantity("units", units, UnitsInput),
        "price": quantity("price", price, PriceInput),
    }


def set_note(
    client: BaseClient, smart_trade_id: object, note: object, forced_mode: ForcedModeArg
) -> Call[SmartTrade | None]:
    checked_id = check_id("smart_trade_id", smart_trade_id)
    mode = client._forced_mode_for(forced_mode)
    if not isinstance(note, str):
        raise TypeError(f"note must be a str, not {type(note).__name__}")
    body = request_body("set_note", SetNoteRequest, None, {"note": note}, ("note",))
    return _change("set_note", checked_id, mode, body)

"""Resource namespaces of the clients: `client.smart_trades` and `client.smart_trades.trades`.

Each operation is described once, by a function that checks every argument and returns a `Call`
made with the generated endpoint module (`_get_kwargs` builds the request, `_parse_response`
reads the answer); the sync and async methods only execute that `Call`. Nothing here builds a URL
or reads a model by hand.

Two wrappers sit around the generated parsers because those are lenient where the SDK must not
be: for a 2xx status the operation does not document they return None, and the list parsers
iterate whatever JSON came back (a `{}` body becomes `[]`). Here both are errors, which the
client reports as `ResponseParseError`.
"""

from __future__ import annotations

import builtins
import datetime
import re
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import httpx

from threecommas._client import _UNSET, Call, TimeoutTypes, _Unset
from threecommas._schema import check_body, field_name
from threecommas._validation import check_id, check_int_range, exact_str
from threecommas_api.api.smart_trades import add_funds as _add_funds
from threecommas_api.api.smart_trades import cancel_smart_trade as _cancel_smart_trade
from threecommas_api.api.smart_trades import cancel_trade as _cancel_trade
from threecommas_api.api.smart_trades import (
    close_smart_trade_by_market as _close_smart_trade_by_market,
)
from threecommas_api.api.smart_trades import close_trade_by_market as _close_trade_by_market
from threecommas_api.api.smart_trades import create_smart_trade as _create_smart_trade
from threecommas_api.api.smart_trades import force_process as _force_process
from threecommas_api.api.smart_trades import force_start as _force_start
from threecommas_api.api.smart_trades import get_reduce_funds_info as _get_reduce_funds_info
from threecommas_api.api.smart_trades import get_smart_trade as _get_smart_trade
from threecommas_api.api.smart_trades import list_smart_trades as _list_smart_trades
from threecommas_api.api.smart_trades import list_trades as _list_trades
from threecommas_api.api.smart_trades import reduce_funds as _reduce_funds
from threecommas_api.api.smart_trades import set_note as _set_note
from threecommas_api.api.smart_trades import update_smart_trade as _update_smart_trade
from threecommas_api.client import Client
from threecommas_api.models.add_funds_request import AddFundsRequest
from threecommas_api.models.create_smart_trade_request import CreateSmartTradeRequest
from threecommas_api.models.forced_mode import ForcedMode
from threecommas_api.models.leverage_input import LeverageInput
from threecommas_api.models.order_direction import OrderDirection
from threecommas_api.models.order_type import OrderType
from threecommas_api.models.position_input import PositionInput
from threecommas_api.models.price_input import PriceInput
from threecommas_api.models.reduce_funds_info import ReduceFundsInfo
from threecommas_api.models.reduce_funds_request import ReduceFundsRequest
from threecommas_api.models.set_note_request import SetNoteRequest
from threecommas_api.models.smart_trade import SmartTrade
from threecommas_api.models.smart_trade_order_by import SmartTradeOrderBy
from threecommas_api.models.smart_trade_status_filter import SmartTradeStatusFilter
from threecommas_api.models.smart_trade_type import SmartTradeType
from threecommas_api.models.stop_loss_input import StopLossInput
from threecommas_api.models.take_profit_input import TakeProfitInput
from threecommas_api.models.trade import Trade
from threecommas_api.models.units_input import UnitsInput
from threecommas_api.models.update_position_input import UpdatePositionInput
from threecommas_api.models.update_smart_trade_request import UpdateSmartTradeRequest
from threecommas_api.types import UNSET, Unset

if TYPE_CHECKING:
    from threecommas._client import AsyncThreeCommas, ThreeCommas, _BaseClient

__all__ = ["AsyncSmartTrades", "AsyncTrades", "SmartTrades", "Trades"]

T = TypeVar("T")
E = TypeVar("E", bound=Enum)
Body = TypeVar(
    "Body",
    CreateSmartTradeRequest,
    UpdateSmartTradeRequest,
    AddFundsRequest,
    ReduceFundsRequest,
    SetNoteRequest,
)

# Limits of the list query, from the OpenAPI document.
MAX_PAGE = 1_000_000
MAX_PER_PAGE = 100
ITER_ALL_PER_PAGE = 100
_PAIR = re.compile(r"[A-Za-z0-9]+_[A-Za-z0-9]+")
_CURRENCY = re.compile(r"[A-Za-z0-9]+")

# The generated parsers only read `raise_on_unexpected_status` from the client they are given.
_PARSER_SETTINGS = Client(base_url="")

# A quantity or price: a decimal string, a Decimal, or the `{"value": ...}` shape.
Quantity = str | Decimal | Mapping[str, Any]
ForcedModeArg = str | ForcedMode | _Unset | None
TimeoutArg = TimeoutTypes | _Unset


# --- argument checks ----------------------------------------------------------------------------


def _check_timeout(value: object) -> TimeoutArg:
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


def _check_enum(name: str, value: object, kind: type[E]) -> E:
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


def _check_range(name: str, value: object, low: int, high: int) -> int:
    return check_int_range(name, value, low, high)  # a plain int: what is checked is sent


def _check_pattern(name: str, value: object, pattern: re.Pattern[str], example: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if pattern.fullmatch(value) is None:
        raise ValueError(f"{name} must look like {example!r}, got {value!r}")
    return exact_str(name, value)


def _check_datetime(name: str, value: object) -> datetime.datetime:
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


def _plain(value: object, path: tuple[str | int, ...] = ()) -> Any:
    """A request value as plain JSON data: generated models and enums unwrapped, `Decimal` as
    fixed-point text. A float anywhere is refused: quantities never pass through binary floats."""
    if isinstance(value, Enum):
        return _plain(value.value, path)
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
    if attrs.has(type(value)) and callable(to_dict):
        try:
            data = to_dict()
        except AttributeError as exc:  # a model built with a mapping where a model belongs
            raise TypeError(
                f"{field_name(path)}: {type(value).__name__} holds a value of the wrong type "
                f"({exc}); build it from models, or pass the whole part as a mapping"
            ) from None
        return _plain(data, path)
    if isinstance(value, Mapping):
        plain: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{field_name(path)} has a key that is not a str: {key!r}")
            key = exact_str(f"a key of {field_name(path)}", key)
            plain[key] = _plain(item, (*path, key))
        return plain
    if isinstance(value, list | tuple):
        return [_plain(item, (*path, index)) for index, item in enumerate(value)]
    raise TypeError(f"{field_name(path)} cannot be sent as JSON ({type(value).__name__})")


def _quantity(name: str, value: object, model: type[UnitsInput] | type[PriceInput]) -> object:
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


def _request_body(
    operation: str,
    model: type[Body],
    request: object,
    fields: Mapping[str, object],
    required: Sequence[str] = (),
    defaults: Mapping[str, Mapping[str, object]] | None = None,
) -> Body:
    """The request body of `operation`, from a generated model, a mapping or keyword fields,
    checked against the OpenAPI schema of the same name (ValueError naming each bad field).
    `defaults` fills a part the caller left out (a copy of the value given)."""
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
    body = _plain(source)
    if defaults and isinstance(body, dict):
        for name, value in defaults.items():
            body.setdefault(name, dict(value))
    check_body(model.__name__, body)
    return model.from_dict(body)


def _header(mode: ForcedMode | None) -> ForcedMode | Unset:
    return UNSET if mode is None else mode


# --- parsers ------------------------------------------------------------------------------------

GeneratedParser = Callable[..., object]


def _undocumented(response: httpx.Response) -> ValueError:
    return ValueError(f"HTTP {response.status_code} is not a success this operation documents")


def _parse_object(generated: GeneratedParser, model: type[T]) -> Callable[[httpx.Response], T]:
    """The generated parser of a one-object answer, made strict."""

    def parse(response: httpx.Response) -> T:
        parsed = generated(client=_PARSER_SETTINGS, response=response)
        if not isinstance(parsed, model):
            raise _undocumented(response)
        if not isinstance(response.json(), dict):
            raise ValueError("expected a JSON object")
        return parsed

    return parse


def _parse_list(
    generated: GeneratedParser, model: type[T]
) -> Callable[[httpx.Response], builtins.list[T]]:
    """The generated parser of a JSON-array answer, made strict."""

    def parse(response: httpx.Response) -> builtins.list[T]:
        if not isinstance(response.json(), builtins.list):
            raise ValueError("expected a JSON array")
        parsed = generated(client=_PARSER_SETTINGS, response=response)
        if not isinstance(parsed, builtins.list):
            raise _undocumented(response)
        items: builtins.list[T] = []
        for item in parsed:
            if not isinstance(item, model):
                raise ValueError(f"expected a list of {model.__name__}")
            items.append(item)
        return items

    return parse


_parse_force_process_answer = _parse_object(_force_process._parse_response, SmartTrade)


def _force_process_result(response: httpx.Response) -> SmartTrade | None:
    """force_process: the answer's body is undocumented; an empty 201 is an acknowledgement."""
    if response.status_code == 201 and not response.content.strip():
        return None
    return _parse_force_process_answer(response)


_parse_created = _parse_object(_create_smart_trade._parse_response, SmartTrade)
_parse_smart_trades = _parse_list(_list_smart_trades._parse_response, SmartTrade)
_parse_got = _parse_object(_get_smart_trade._parse_response, SmartTrade)
_parse_updated = _parse_object(_update_smart_trade._parse_response, SmartTrade)
_parse_cancelled = _parse_object(_cancel_smart_trade._parse_response, SmartTrade)
_parse_funds_added = _parse_object(_add_funds._parse_response, SmartTrade)
_parse_reduce_funds_info = _parse_object(_get_reduce_funds_info._parse_response, ReduceFundsInfo)
_parse_funds_reduced = _parse_object(_reduce_funds._parse_response, SmartTrade)
_parse_closed = _parse_object(_close_smart_trade_by_market._parse_response, SmartTrade)
_parse_noted = _parse_object(_set_note._parse_response, SmartTrade)
_parse_started = _parse_object(_force_start._parse_response, SmartTrade)
_parse_trades = _parse_list(_list_trades._parse_response, Trade)
_parse_trade_cancelled = _parse_object(_cancel_trade._parse_response, SmartTrade)
_parse_trade_closed = _parse_object(_close_trade_by_market._parse_response, SmartTrade)


# --- the operations, each described once --------------------------------------------------------


def _id_call(
    client: _BaseClient,
    get_kwargs: Callable[..., dict[str, Any]],
    parse: Callable[[httpx.Response], T],
    smart_trade_id: object,
    forced_mode: ForcedModeArg,
) -> Call[T]:
    """An operation whose only argument is the SmartTrade's id."""
    checked_id = check_id("smart_trade_id", smart_trade_id)
    mode = client._forced_mode_for(forced_mode)
    return Call(get_kwargs(checked_id, forced_mode=_header(mode)), parse)


# Every doc version marks these parts' `enabled` mandatory, and the spec requires the parts: a
# part the caller left out is sent switched off.
_CREATE_DEFAULTS: Mapping[str, Mapping[str, object]] = {
    "leverage": {"enabled": False},
    "take_profit": {"enabled": False},
    "stop_loss": {"enabled": False},
}


def _create_call(
    client: _BaseClient,
    request: object,
    fields: Mapping[str, object],
    forced_mode: ForcedModeArg,
) -> Call[SmartTrade]:
    account_id = fields.get("account_id")
    if request is None and account_id is not None:
        check_id("account_id", account_id)
    mode = client._forced_mode_for(forced_mode)
    body = _request_body(
        "create",
        CreateSmartTradeRequest,
        request,
        fields,
        required=("account_id", "pair", "position"),
        defaults=_CREATE_DEFAULTS,
    )
    return Call(
        _create_smart_trade._get_kwargs(body=body, forced_mode=_header(mode)), _parse_created
    )


@dataclass(frozen=True)
class _ListQuery:
    """The checked filters of a list, ready for the generated `_get_kwargs` (minus paging)."""

    filters: dict[str, Any]
    forced_mode: ForcedMode | None


def _list_query(
    client: _BaseClient,
    *,
    account_id: object,
    pair: object,
    type_: object,
    status: object,
    order_by: object,
    order_direction: object,
    from_: object,
    to: object,
    base: object,
    quote: object,
    forced_mode: ForcedModeArg,
) -> _ListQuery:
    filters: dict[str, Any] = {}
    if account_id is not None:
        filters["account_id"] = check_id("account_id", account_id)
    if pair is not None:
        filters["pair"] = _check_pattern("pair", pair, _PAIR, "USDT_BTC")
    if type_ is not None:
        filters["type_"] = _check_enum("type", type_, SmartTradeType)
    if status is not None:
        filters["status"] = _check_enum("status", status, SmartTradeStatusFilter)
    if order_by is not None:
        filters["order_by"] = _check_enum("order_by", order_by, SmartTradeOrderBy)
    if order_direction is not None:
        filters["order_direction"] = _check_enum("order_direction", order_direction, OrderDirection)
    if from_ is not None:
        filters["from_"] = _check_datetime("from_", from_)
    if to is not None:
        filters["to"] = _check_datetime("to", to)
    if base is not None:
        filters["base"] = _check_pattern("base", base, _CURRENCY, "BTC")
    if quote is not None:
        filters["quote"] = _check_pattern("quote", quote, _CURRENCY, "USDT")
    return _ListQuery(filters, client._forced_mode_for(forced_mode))


def _check_paging(page: object, per_page: object) -> tuple[int | None, int | None]:
    checked_page = None if page is None else _check_range("page", page, 1, MAX_PAGE)
    checked_size = None if per_page is None else _check_range("per_page", per_page, 1, MAX_PER_PAGE)
    return checked_page, checked_size


def _list_call(
    query: _ListQuery, page: int | None, per_page: int | None
) -> Call[builtins.list[SmartTrade]]:
    # Unset paging goes out unset: the generated defaults (1 and 10) would otherwise be sent.
    request = _list_smart_trades._get_kwargs(
        **query.filters,
        page=UNSET if page is None else page,
        per_page=UNSET if per_page is None else per_page,
        forced_mode=_header(query.forced_mode),
    )
    return Call(request, _parse_smart_trades)


def _next_page(page: int, received: int, per_page: int) -> int | None:
    """The page after `page`, or None when `page` was the last (shorter than `per_page`)."""
    if received < per_page or page >= MAX_PAGE:
        return None
    return page + 1


def _update_call(
    client: _BaseClient,
    smart_trade_id: object,
    request: object,
    fields: Mapping[str, object],
    forced_mode: ForcedModeArg,
) -> Call[SmartTrade]:
    checked_id = check_id("smart_trade_id", smart_trade_id)
    mode = client._forced_mode_for(forced_mode)
    body = _request_body("update", UpdateSmartTradeRequest, request, fields)
    return Call(
        _update_smart_trade._get_kwargs(checked_id, body=body, forced_mode=_header(mode)),
        _parse_updated,
    )


def _funds_fields(order_type: object, units: object, price: object) -> dict[str, object]:
    """The keyword fields of add_funds and reduce_funds (the same body shape)."""
    return {
        "order_type": order_type,
        "units": _quantity("units", units, UnitsInput),
        "price": _quantity("price", price, PriceInput),
    }


def _add_funds_call(
    client: _BaseClient,
    smart_trade_id: object,
    request: object,
    fields: Mapping[str, object],
    forced_mode: ForcedModeArg,
) -> Call[SmartTrade]:
    checked_id = check_id("smart_trade_id", smart_trade_id)
    mode = client._forced_mode_for(forced_mode)
    body = _request_body("add_funds", AddFundsRequest, request, fields, ("order_type", "units"))
    return Call(
        _add_funds._get_kwargs(checked_id, body=body, forced_mode=_header(mode)),
        _parse_funds_added,
    )


def _reduce_funds_call(
    client: _BaseClient,
    smart_trade_id: object,
    request: object,
    fields: Mapping[str, object],
    forced_mode: ForcedModeArg,
) -> Call[SmartTrade]:
    checked_id = check_id("smart_trade_id", smart_trade_id)
    mode = client._forced_mode_for(forced_mode)
    body = _request_body(
        "reduce_funds", ReduceFundsRequest, request, fields, ("order_type", "units")
    )
    return Call(
        _reduce_funds._get_kwargs(checked_id, body=body, forced_mode=_header(mode)),
        _parse_funds_reduced,
    )


def _set_note_call(
    client: _BaseClient, smart_trade_id: object, note: object, forced_mode: ForcedModeArg
) -> Call[SmartTrade]:
    checked_id = check_id("smart_trade_id", smart_trade_id)
    mode = client._forced_mode_for(forced_mode)
    if not isinstance(note, str):
        raise TypeError(f"note must be a str, not {type(note).__name__}")
    body = _request_body("set_note", SetNoteRequest, None, {"note": note}, ("note",))
    return Call(
        _set_note._get_kwargs(checked_id, body=body, forced_mode=_header(mode)), _parse_noted
    )


def _trade_call(
    client: _BaseClient,
    get_kwargs: Callable[..., dict[str, Any]],
    parse: Callable[[httpx.Response], T],
    smart_trade_id: object,
    trade_id: object,
    forced_mode: ForcedModeArg,
) -> Call[T]:
    """An operation on one trade of a SmartTrade."""
    mode = client._forced_mode_for(forced_mode)
    request = get_kwargs(
        smart_trade_id=check_id("smart_trade_id", smart_trade_id),
        id=check_id("trade_id", trade_id),
        forced_mode=_header(mode),
    )
    return Call(request, parse)


def _close_trade_by_market_call(
    client: _BaseClient, smart_trade_id: int, trade_id: int, forced_mode: ForcedModeArg
) -> Call[SmartTrade]:
    return _trade_call(
        client,
        _close_trade_by_market._get_kwargs,
        _parse_trade_closed,
        smart_trade_id,
        trade_id,
        forced_mode,
    )


# --- the synchronous namespaces -----------------------------------------------------------------


class _Namespace:
    """What the resource classes share: a repr that says whose they are and what they offer."""

    def __repr__(self) -> str:
        kind = type(self)
        methods = [
            f"{name}()"
            for name in sorted(vars(kind))
            if not name.startswith("_") and callable(getattr(kind, name))
        ]
        parts = [name for name, value in vars(self).items() if isinstance(value, _Namespace)]
        client: _BaseClient = vars(self)["_client"]  # each subclass types its own `_client`
        return (
            f"<{kind.__name__} of {type(client).__name__}({client.base_url!r}): "
            f"{', '.join(methods + parts)}>"
        )


class Trades(_Namespace):
    """`client.smart_trades.trades`: the trades (orders) inside a SmartTrade."""

    def __init__(self, client: ThreeCommas) -> None:
        self._client = client

    def list(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> builtins.list[Trade]:
        """List the trades of a SmartTrade: its position order, each take-profit step, the stop
        loss, and any reduce-funds or market-close orders.

        Args:
            smart_trade_id: ID of the SmartTrade.
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The trades, in the order the API sends them.

        Raises:
            TypeError, ValueError: bad arguments; nothing was sent.
            NotFoundError: no such SmartTrade.
            ResponseParseError: the answer is not a JSON array of trades.
            APIError: any other error answer; APIConnectionError: no answer.
        """
        call = _id_call(
            self._client, _list_trades._get_kwargs, _parse_trades, smart_trade_id, forced_mode
        )
        return self._client._execute(call, _check_timeout(timeout))

    def close_by_market(
        self,
        smart_trade_id: int,
        trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        """Close one take-profit trade of a SmartTrade at the market price.

        This places a MARKET ORDER on the exchange. It is never retried after a timeout or a
        5xx, where the order may have gone through: check the SmartTrade before sending it
        again. It is repeated only when it certainly did not reach the API (no connection) or
        was refused for the rate limit.

        Allowed while the take-profit step is `to_process`, `order_placed` or
        `trailing_activated` (see `take_profit.steps[].data.panic_sell_available`); the step
        then becomes `panic_sell_pending`.

        Args:
            smart_trade_id: ID of the SmartTrade.
            trade_id: ID of the take-profit trade (a `take_profit.steps[].id`, or a Trade's `id`).
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The updated SmartTrade.

        Raises:
            TypeError, ValueError: bad arguments; nothing was sent.
            PermissionDeniedError: the step cannot be closed in its current status.
            NotFoundError: no such SmartTrade or trade.
            ResponseParseError: a success without a SmartTrade in it (an empty body, say).
            APIError: any other error answer; APIConnectionError: no answer.
            OutcomeUnknownError: sent, but the connection broke before the answer came; the
                order may have gone through: read the SmartTrade before sending it again (a
                ServerError, for a 5xx, says the same).
        """
        call = _close_trade_by_market_call(self._client, smart_trade_id, trade_id, forced_mode)
        return self._client._execute(call, _check_timeout(timeout))

    def cancel(
        self,
        smart_trade_id: int,
        trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        """Cancel one take-profit trade (step), or the stop-loss trade, of a SmartTrade.

        This can cancel the whole SmartTrade: as the docs warn, cancelling its last take-profit
        step, or its stop-loss trade, cancels the SmartTrade (it becomes
        `cancellation_pending`, as with `smart_trades.cancel`). To keep the SmartTrade, leave
        at least one take-profit step and do not cancel the stop loss; check the returned
        SmartTrade's `status`.

        Refused (403) for a step whose `data.cancelable` is false, for the position and
        reduce-funds trades, and, when it would cancel the SmartTrade, in a status where the
        SmartTrade cannot be cancelled.

        Args:
            smart_trade_id: ID of the SmartTrade.
            trade_id: ID of the trade: a `take_profit.steps[].id`, or a Trade's `id` from
                `trades.list` (the stop-loss trade's too).
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The updated SmartTrade (`cancellation_pending` when the call cancelled it).

        Raises:
            TypeError, ValueError: bad arguments; nothing was sent.
            PermissionDeniedError: the trade cannot be cancelled.
            NotFoundError: no such SmartTrade or trade.
            APIError: any other error answer; APIConnectionError: no answer.
            OutcomeUnknownError: sent, but the connection broke before the answer came; the
                change may have been made: read the SmartTrade before sending it again (a
                ServerError, for a 5xx, says the same).
        """
        call = _trade_call(
            self._client,
            _cancel_trade._get_kwargs,
            _parse_trade_cancelled,
            smart_trade_id,
            trade_id,
            forced_mode,
        )
        return self._client._execute(call, _check_timeout(timeout))


class SmartTrades(_Namespace):
    """`client.smart_trades`: SmartTrade operations of the synchronous client."""

    def __init__(self, client: ThreeCommas) -> None:
        self._client = client
        self.trades = Trades(client)

    def create(
        self,
        request: CreateSmartTradeRequest | Mapping[str, Any] | None = None,
        /,
        *,
        account_id: int | None = None,
        pair: str | None = None,
        position: PositionInput | Mapping[str, Any] | None = None,
        take_profit: TakeProfitInput | Mapping[str, Any] | None = None,
        stop_loss: StopLossInput | Mapping[str, Any] | None = None,
        leverage: LeverageInput | Mapping[str, Any] | None = None,
        instant: bool | None = None,
        skip_enter_step: bool | None = None,
        note: str | None = None,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        """Open a new SmartTrade on an exchange account.

        Depending on `position.order_type` this may place a MARKET ORDER at once. It is never
        retried after a timeout or a 5xx, where it may have gone through: list the SmartTrades
        before sending it again, or you may open two. It is repeated only when it certainly
        did not reach the API (no connection) or was refused for the rate limit.

        Give either `request` (a `CreateSmartTradeRequest`, or a mapping in the API's JSON
        shape) or the keyword fields; `account_id`, `pair` and `position` are required. Nested
        parts may be the generated `*Input` models or mappings. Quantities and prices are
        decimal strings or `decimal.Decimal`; a float is refused.

        The body is checked against the OpenAPI schema before anything is sent, together with
        the rules the schema cannot say: take-profit volumes add up to 100, breakeven needs two
        or more take-profit steps, trailing is for market orders only.

        Args:
            request: the whole body, instead of the keyword fields.
            account_id: ID of the exchange account (one with `smart_trading_supported`).
            pair: pair in 3Commas format, QUOTE_BASE (`"USDT_BTC"`).
            position: the entry order (`type`, `order_type`, `units`, and `price` for a limit
                entry or `conditional` for a conditional one).
            take_profit: take-profit settings and 1 to 8 steps; `{"enabled": False}` when
                left out (as for `stop_loss` and `leverage`).
            stop_loss: stop-loss settings.
            leverage: leverage, for futures accounts.
            instant: True for a Simple Buy or Simple Sell.
            skip_enter_step: True for a Smart Buy or Smart Sell of funds already held.
            note: a note of 1 to 300 characters.
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The new SmartTrade.

        Raises:
            TypeError: a request and fields together, a required field missing, a float
                quantity, a value of the wrong type; nothing was sent.
            ValueError: the body breaks the schema or a rule (each bad field is named);
                nothing was sent.
            UnprocessableEntityError: the API refused the values (`error_attributes`).
            PermissionDeniedError: the account is not yours or cannot trade SmartTrades.
            APIError: any other error answer; APIConnectionError: no answer.
            OutcomeUnknownError: sent, but the connection broke before the answer came; the
                order may have gone through: list your SmartTrades before sending it again (a
                ServerError, for a 5xx, says the same).
        """
        fields = {
            "account_id": account_id,
            "pair": pair,
            "position": position,
            "take_profit": take_profit,
            "stop_loss": stop_loss,
            "leverage": leverage,
            "instant": instant,
            "skip_enter_step": skip_enter_step,
            "note": note,
        }
        call = _create_call(self._client, request, fields, forced_mode)
        return self._client._execute(call, _check_timeout(timeout))

    def list(
        self,
        *,
        account_id: int | None = None,
        pair: str | None = None,
        type: SmartTradeType | str | None = None,
        page: int | None = None,
        per_page: int | None = None,
        status: SmartTradeStatusFilter | str | None = None,
        order_by: SmartTradeOrderBy | str | None = None,
        order_direction: OrderDirection | str | None = None,
        from_: datetime.datetime | None = None,
        to: datetime.datetime | None = None,
        base: str | None = None,
        quote: str | None = None,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> builtins.list[SmartTrade]:
        """One page of your SmartTrades, filtered and sorted.

        The API sends a plain array without paging information: a page shorter than
        `per_page` is the last one. `iter_all` walks every page for you. Filters left as None
        are not sent, and the API's defaults apply (page 1, 10 per page, descending order).

        Args:
            account_id: only this exchange account.
            pair: only this pair (`"USDT_BTC"`).
            type: only this kind (`SmartTradeType` or its value, e.g. `"smart_trade"`).
            page: page number, 1 to 1,000,000.
            per_page: SmartTrades per page, 1 to 100.
            status: only this group of statuses (`SmartTradeStatusFilter` or its value:
                `all`, `active`, `finished`, `successfully_finished`, `cancelled`, `failed`).
            order_by: sort key (`SmartTradeOrderBy` or its value).
            order_direction: `"asc"` or `"desc"` (or `OrderDirection`).
            from_: only SmartTrades created at or after this timezone-aware time.
            to: only SmartTrades created before this timezone-aware time.
            base: only pairs with this base currency (`"BTC"`).
            quote: only pairs with this quote currency (`"USDT"`).
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The SmartTrades of the page (possibly none).

        Raises:
            TypeError, ValueError: a bad filter (unknown enum value, a range, a pair that is
                not QUOTE_BASE, a naive datetime); nothing was sent.
            ResponseParseError: the answer is not a JSON array of SmartTrades.
            APIError: an error answer; APIConnectionError: no answer.
        """
        query = _list_query(
            self._client,
            account_id=account_id,
            pair=pair,
            type_=type,
            status=status,
            order_by=order_by,
            order_direction=order_direction,
            from_=from_,
            to=to,
            base=base,
            quote=quote,
            forced_mode=forced_mode,
        )
        checked_page, checked_size = _check_paging(page, per_page)
        call = _list_call(query, checked_page, checked_size)
        return self._client._execute(call, _check_timeout(timeout))

    def iter_all(
        self,
        *,
        account_id: int | None = None,
        pair: str | None = None,
        type: SmartTradeType | str | None = None,
        page: int | None = None,
        per_page: int = ITER_ALL_PER_PAGE,
        status: SmartTradeStatusFilter | str | None = None,
        order_by: SmartTradeOrderBy | str | None = None,
        order_direction: OrderDirection | str | None = None,
        from_: datetime.datetime | None = None,
        to: datetime.datetime | None = None,
        base: str | None = None,
        quote: str | None = None,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> Iterator[SmartTrade]:
        """Every SmartTrade that matches the filters, fetching page after page as you iterate.

        Starts at `page` (1 by default) and stops after the first page shorter than
        `per_page`. The arguments are checked at once, when `iter_all` is called; the pages
        are requested lazily. The pages are separate requests: SmartTrades created or changed
        meanwhile may shift between pages, so one may be seen twice or missed.

        Args:
            The filters of `list`; `page` is the first page to fetch and `per_page` (1 to 100,
            100 by default) the page size.

        Yields:
            SmartTrades, page by page, in the order the API sends them.

        Raises:
            TypeError, ValueError: a bad filter; raised by the call itself, nothing was sent.
            ResponseParseError, APIError, APIConnectionError: while iterating, from the page
                that failed.
        """
        query = _list_query(
            self._client,
            account_id=account_id,
            pair=pair,
            type_=type,
            status=status,
            order_by=order_by,
            order_direction=order_direction,
            from_=from_,
            to=to,
            base=base,
            quote=quote,
            forced_mode=forced_mode,
        )
        first = 1 if page is None else _check_range("page", page, 1, MAX_PAGE)
        size = _check_range("per_page", per_page, 1, MAX_PER_PAGE)
        return self._walk(query, first, size, _check_timeout(timeout))

    def _walk(
        self, query: _ListQuery, page: int, per_page: int, timeout: TimeoutArg
    ) -> Iterator[SmartTrade]:
        next_page: int | None = page
        while next_page is not None:
            batch = self._client._execute(_list_call(query, next_page, per_page), timeout)
            yield from batch
            next_page = _next_page(next_page, len(batch), per_page)

    def get(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        """Fetch one SmartTrade by its ID, in any status (cancelled ones included).

        Args:
            smart_trade_id: ID of the SmartTrade.
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The SmartTrade.

        Raises:
            TypeError, ValueError: bad arguments; nothing was sent.
            NotFoundError: no such SmartTrade.
            APIError: any other error answer; APIConnectionError: no answer.
        """
        call = _id_call(
            self._client, _get_smart_trade._get_kwargs, _parse_got, smart_trade_id, forced_mode
        )
        return self._client._execute(call, _check_timeout(timeout))

    def update(
        self,
        smart_trade_id: int,
        request: UpdateSmartTradeRequest | Mapping[str, Any] | None = None,
        /,
        *,
        leverage: LeverageInput | Mapping[str, Any] | None = None,
        position: UpdatePositionInput | Mapping[str, Any] | None = None,
        take_profit: TakeProfitInput | Mapping[str, Any] | None = None,
        stop_loss: StopLossInput | Mapping[str, Any] | None = None,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        """Edit the position, take profit, stop loss or leverage of a SmartTrade.

        Allowed while the SmartTrade's status is `waiting_position` or `waiting_targets`
        (403 otherwise). Give either `request` (an `UpdateSmartTradeRequest` or a mapping in
        the API's JSON shape) or at least one keyword field; only what is given changes. The
        take-profit rules of `create` apply and are checked before sending.

        Args:
            smart_trade_id: ID of the SmartTrade.
            request: the whole body, instead of the keyword fields.
            leverage: new leverage settings.
            position: new `units`, `price` or `conditional` of the entry order.
            take_profit: new take-profit settings and steps. A step with the `id` of one of
                the SmartTrade's steps edits that step in place; a step without `id` is new;
                a step left out is removed.
            stop_loss: new stop-loss settings.
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The updated SmartTrade.

        Raises:
            TypeError: a request and fields together, nothing to change, a float quantity, a
                value of the wrong type; nothing was sent.
            ValueError: the body breaks the schema or a rule; nothing was sent.
            PermissionDeniedError: the SmartTrade cannot be edited in its current status.
            NotFoundError: no such SmartTrade.
            BadRequestError, UnprocessableEntityError: the API refused the body.
            APIError: any other error answer; APIConnectionError: no answer.
            OutcomeUnknownError: sent, but the connection broke before the answer came; the
                change may have been made: read the SmartTrade before sending it again (a
                ServerError, for a 5xx, says the same).
        """
        fields = {
            "leverage": leverage,
            "position": position,
            "take_profit": take_profit,
            "stop_loss": stop_loss,
        }
        call = _update_call(self._client, smart_trade_id, request, fields, forced_mode)
        return self._client._execute(call, _check_timeout(timeout))

    def cancel(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        """Cancel a SmartTrade: it becomes `cancellation_pending`. It is not deleted: `get`
        and `list` still show it.

        Allowed while the status is `waiting_position`, `waiting_targets`,
        `stop_loss_in_progress`, `reduce_funds_in_progress` or `pending_reduce_funds` (403
        otherwise). To sell what was bought, use `close_by_market` instead.

        Args:
            smart_trade_id: ID of the SmartTrade.
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The updated SmartTrade.

        Raises:
            TypeError, ValueError: bad arguments; nothing was sent.
            PermissionDeniedError: the SmartTrade cannot be cancelled in its current status.
            NotFoundError: no such SmartTrade.
            ResponseParseError: the answer carried no SmartTrade (the older docs answer 204).
            APIError: any other error answer; APIConnectionError: no answer.
            OutcomeUnknownError: sent, but the connection broke before the answer came; the
                change may have been made: read the SmartTrade before sending it again (a
                ServerError, for a 5xx, says the same).
        """
        call = _id_call(
            self._client,
            _cancel_smart_trade._get_kwargs,
            _parse_cancelled,
            smart_trade_id,
            forced_mode,
        )
        return self._client._execute(call, _check_timeout(timeout))

    def add_funds(
        self,
        smart_trade_id: int,
        request: AddFundsRequest | Mapping[str, Any] | None = None,
        /,
        *,
        order_type: OrderType | str | None = None,
        units: Quantity | UnitsInput | None = None,
        price: Quantity | PriceInput | None = None,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        """Add to the position of a SmartTrade, averaging its entry price.

        This places an order on the exchange, a MARKET ORDER for `order_type="market"`. It is
        never retried after a timeout or a 5xx, where the order may have gone through: check
        the SmartTrade before sending it again. It is repeated only when it certainly did not
        reach the API (no connection) or was refused for the rate limit.

        Allowed while the status is `waiting_position` or `waiting_targets`, not with trailing
        enabled, and not for Simple Buy or Simple Sell SmartTrades (403 otherwise).

        Args:
            smart_trade_id: ID of the SmartTrade.
            request: the whole body (`AddFundsRequest` or a mapping), instead of the fields.
            order_type: `"market"` or `"limit"` (or `OrderType`).
            units: amount in base currency: a decimal string, a `decimal.Decimal` or a
                `UnitsInput` (never a float).
            price: limit price, required for a limit order; same types as `units`.
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The updated SmartTrade.

        Raises:
            TypeError: a float amount, a request and fields together, a missing field;
                nothing was sent.
            ValueError: the body breaks the schema (a limit without price, a bad decimal);
                nothing was sent.
            PermissionDeniedError: funds cannot be added in the current state.
            UnprocessableEntityError: the exchange refused the amount.
            APIError: any other error answer; APIConnectionError: no answer.
            OutcomeUnknownError: sent, but the connection broke before the answer came; the
                order may have gone through: read the SmartTrade before sending it again (a
                ServerError, for a 5xx, says the same).
        """
        call = _add_funds_call(
            self._client,
            smart_trade_id,
            request,
            _funds_fields(order_type, units, price),
            forced_mode,
        )
        return self._client._execute(call, _check_timeout(timeout))

    def reduce_funds_info(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> ReduceFundsInfo:
        """How far the position of a SmartTrade can be reduced (`max_reduce_funds_amount`, a
        decimal string in base currency).

        Allowed only while the status is `waiting_targets` (403 otherwise). The API asks for
        the SMART_TRADES_WRITE permission although this only reads.

        Args:
            smart_trade_id: ID of the SmartTrade.
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The reducible amount.

        Raises:
            TypeError, ValueError: bad arguments; nothing was sent.
            PermissionDeniedError: not in `waiting_targets`.
            NotFoundError: no such SmartTrade.
            APIError: any other error answer; APIConnectionError: no answer.
        """
        call = _id_call(
            self._client,
            _get_reduce_funds_info._get_kwargs,
            _parse_reduce_funds_info,
            smart_trade_id,
            forced_mode,
        )
        return self._client._execute(call, _check_timeout(timeout))

    def reduce_funds(
        self,
        smart_trade_id: int,
        request: ReduceFundsRequest | Mapping[str, Any] | None = None,
        /,
        *,
        order_type: OrderType | str | None = None,
        units: Quantity | UnitsInput | None = None,
        price: Quantity | PriceInput | None = None,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        """Sell part of the position of a SmartTrade (buy back, for a short).

        This places an order on the exchange, a MARKET ORDER for `order_type="market"`. It is
        never retried after a timeout or a 5xx, where the order may have gone through: check
        the SmartTrade before sending it again. It is repeated only when it certainly did not
        reach the API (no connection) or was refused for the rate limit.

        Allowed only while the status is `waiting_targets` (403 otherwise); the SmartTrade
        then becomes `pending_reduce_funds` with a new reduce-funds step. `reduce_funds_info`
        tells the largest amount.

        Args:
            smart_trade_id: ID of the SmartTrade.
            request: the whole body (`ReduceFundsRequest` or a mapping), instead of the fields.
            order_type: `"market"` or `"limit"` (or `OrderType`).
            units: amount in base currency: a decimal string, a `decimal.Decimal` or a
                `UnitsInput` (never a float).
            price: limit price, required for a limit order; same types as `units`.
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The updated SmartTrade.

        Raises:
            TypeError: a float amount, a request and fields together, a missing field;
                nothing was sent.
            ValueError: the body breaks the schema; nothing was sent.
            PermissionDeniedError: not in `waiting_targets`.
            UnprocessableEntityError: the exchange refused the amount.
            APIError: any other error answer; APIConnectionError: no answer.
            OutcomeUnknownError: sent, but the connection broke before the answer came; the
                order may have gone through: read the SmartTrade before sending it again (a
                ServerError, for a 5xx, says the same).
        """
        call = _reduce_funds_call(
            self._client,
            smart_trade_id,
            request,
            _funds_fields(order_type, units, price),
            forced_mode,
        )
        return self._client._execute(call, _check_timeout(timeout))

    def close_by_market(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        """Close the whole SmartTrade at the market price.

        This places a MARKET ORDER on the exchange. It is never retried after a timeout or a
        5xx, where the order may have gone through: check the SmartTrade before sending it
        again. It is repeated only when it certainly did not reach the API (no connection) or
        was refused for the rate limit.

        Allowed while `data.panic_sell_available` is true (status `waiting_targets`,
        `stop_loss_in_progress`, `reduce_funds_in_progress` or `pending_reduce_funds`; 403
        otherwise). The SmartTrade becomes `panic_sell_pending`.

        Args:
            smart_trade_id: ID of the SmartTrade.
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The updated SmartTrade.

        Raises:
            TypeError, ValueError: bad arguments; nothing was sent.
            PermissionDeniedError: the SmartTrade cannot be closed in its current status.
            NotFoundError: no such SmartTrade.
            APIError: any other error answer; APIConnectionError: no answer.
            OutcomeUnknownError: sent, but the connection broke before the answer came; the
                order may have gone through: read the SmartTrade before sending it again (a
                ServerError, for a 5xx, says the same).
        """
        call = _id_call(
            self._client,
            _close_smart_trade_by_market._get_kwargs,
            _parse_closed,
            smart_trade_id,
            forced_mode,
        )
        return self._client._execute(call, _check_timeout(timeout))

    def set_note(
        self,
        smart_trade_id: int,
        note: str,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        """Replace the note of a SmartTrade (the API documents no status restriction).

        Args:
            smart_trade_id: ID of the SmartTrade.
            note: the new note, 1 to 300 characters.
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The updated SmartTrade.

        Raises:
            TypeError: the note is not a str; nothing was sent.
            ValueError: the note is empty or longer than 300 characters; nothing was sent.
            NotFoundError: no such SmartTrade.
            APIError: any other error answer; APIConnectionError: no answer.
            OutcomeUnknownError: sent, but the connection broke before the answer came; the
                change may have been made: read the SmartTrade before sending it again (a
                ServerError, for a 5xx, says the same).
        """
        call = _set_note_call(self._client, smart_trade_id, note, forced_mode)
        return self._client._execute(call, _check_timeout(timeout))

    def force_start(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        """Open the position of a SmartTrade now, at the market price.

        This places a MARKET ORDER on the exchange. It is never retried after a timeout or a
        5xx, where the order may have gone through: check the SmartTrade before sending it
        again. It is repeated only when it certainly did not reach the API (no connection) or
        was refused for the rate limit.

        Allowed while the position's status is `to_process`, `order_placed` or
        `trailing_activated` (`data.force_start_available`; 403 otherwise).

        Args:
            smart_trade_id: ID of the SmartTrade.
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The updated SmartTrade.

        Raises:
            TypeError, ValueError: bad arguments; nothing was sent.
            PermissionDeniedError: the position cannot be started in its current status.
            NotFoundError: no such SmartTrade.
            APIError: any other error answer; APIConnectionError: no answer.
            OutcomeUnknownError: sent, but the connection broke before the answer came; the
                order may have gone through: read the SmartTrade before sending it again (a
                ServerError, for a 5xx, says the same).
        """
        call = _id_call(
            self._client, _force_start._get_kwargs, _parse_started, smart_trade_id, forced_mode
        )
        return self._client._execute(call, _check_timeout(timeout))

    def force_process(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade | None:
        """Ask 3Commas to process the SmartTrade now.

        Only the older API reference documents this call, and it does not say what processing
        does, so it is never retried after a timeout or a 5xx (only when it certainly did not
        reach the API, or was refused for the rate limit). Allowed while
        `data.force_process_available` is true (403 otherwise).

        Args:
            smart_trade_id: ID of the SmartTrade.
            forced_mode: `"real"` or `"paper"` for this call; defaults to the client's.
            timeout: seconds or an `httpx.Timeout` for this call; defaults to the client's.

        Returns:
            The SmartTrade, or None when the API answers 201 with an empty body (the answer's
            body is undocumented).

        Raises:
            TypeError, ValueError: bad arguments; nothing was sent.
            PermissionDeniedError: the SmartTrade cannot be processed now.
            NotFoundError: no such SmartTrade.
            APIError: any other error answer; APIConnectionError: no answer.
            OutcomeUnknownError: sent, but the connection broke before the answer came; the
                change may have been made: read the SmartTrade before sending it again (a
                ServerError, for a 5xx, says the same).
        """
        call = _id_call(
            self._client,
            _force_process._get_kwargs,
            _force_process_result,
            smart_trade_id,
            forced_mode,
        )
        return self._client._execute(call, _check_timeout(timeout))

    def close_trade_by_market(
        self,
        smart_trade_id: int,
        trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        call = _close_trade_by_market_call(self._client, smart_trade_id, trade_id, forced_mode)
        return self._client._execute(call, _check_timeout(timeout))

    close_trade_by_market.__doc__ = Trades.close_by_market.__doc__


# --- the asynchronous namespaces: the same calls, awaited ---------------------------------------


class AsyncTrades(_Namespace):
    """`client.smart_trades.trades`: the trades (orders) inside a SmartTrade, async."""

    def __init__(self, client: AsyncThreeCommas) -> None:
        self._client = client

    async def list(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> builtins.list[Trade]:
        call = _id_call(
            self._client, _list_trades._get_kwargs, _parse_trades, smart_trade_id, forced_mode
        )
        return await self._client._execute(call, _check_timeout(timeout))

    async def close_by_market(
        self,
        smart_trade_id: int,
        trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        call = _close_trade_by_market_call(self._client, smart_trade_id, trade_id, forced_mode)
        return await self._client._execute(call, _check_timeout(timeout))

    async def cancel(
        self,
        smart_trade_id: int,
        trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        call = _trade_call(
            self._client,
            _cancel_trade._get_kwargs,
            _parse_trade_cancelled,
            smart_trade_id,
            trade_id,
            forced_mode,
        )
        return await self._client._execute(call, _check_timeout(timeout))

    list.__doc__ = Trades.list.__doc__
    close_by_market.__doc__ = Trades.close_by_market.__doc__
    cancel.__doc__ = Trades.cancel.__doc__


class AsyncSmartTrades(_Namespace):
    """`client.smart_trades`: SmartTrade operations of the asynchronous client."""

    def __init__(self, client: AsyncThreeCommas) -> None:
        self._client = client
        self.trades = AsyncTrades(client)

    async def create(
        self,
        request: CreateSmartTradeRequest | Mapping[str, Any] | None = None,
        /,
        *,
        account_id: int | None = None,
        pair: str | None = None,
        position: PositionInput | Mapping[str, Any] | None = None,
        take_profit: TakeProfitInput | Mapping[str, Any] | None = None,
        stop_loss: StopLossInput | Mapping[str, Any] | None = None,
        leverage: LeverageInput | Mapping[str, Any] | None = None,
        instant: bool | None = None,
        skip_enter_step: bool | None = None,
        note: str | None = None,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        fields = {
            "account_id": account_id,
            "pair": pair,
            "position": position,
            "take_profit": take_profit,
            "stop_loss": stop_loss,
            "leverage": leverage,
            "instant": instant,
            "skip_enter_step": skip_enter_step,
            "note": note,
        }
        call = _create_call(self._client, request, fields, forced_mode)
        return await self._client._execute(call, _check_timeout(timeout))

    async def list(
        self,
        *,
        account_id: int | None = None,
        pair: str | None = None,
        type: SmartTradeType | str | None = None,
        page: int | None = None,
        per_page: int | None = None,
        status: SmartTradeStatusFilter | str | None = None,
        order_by: SmartTradeOrderBy | str | None = None,
        order_direction: OrderDirection | str | None = None,
        from_: datetime.datetime | None = None,
        to: datetime.datetime | None = None,
        base: str | None = None,
        quote: str | None = None,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> builtins.list[SmartTrade]:
        query = _list_query(
            self._client,
            account_id=account_id,
            pair=pair,
            type_=type,
            status=status,
            order_by=order_by,
            order_direction=order_direction,
            from_=from_,
            to=to,
            base=base,
            quote=quote,
            forced_mode=forced_mode,
        )
        checked_page, checked_size = _check_paging(page, per_page)
        call = _list_call(query, checked_page, checked_size)
        return await self._client._execute(call, _check_timeout(timeout))

    def iter_all(
        self,
        *,
        account_id: int | None = None,
        pair: str | None = None,
        type: SmartTradeType | str | None = None,
        page: int | None = None,
        per_page: int = ITER_ALL_PER_PAGE,
        status: SmartTradeStatusFilter | str | None = None,
        order_by: SmartTradeOrderBy | str | None = None,
        order_direction: OrderDirection | str | None = None,
        from_: datetime.datetime | None = None,
        to: datetime.datetime | None = None,
        base: str | None = None,
        quote: str | None = None,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> AsyncIterator[SmartTrade]:
        # Not `async def`: the arguments are checked when called, and the pages are fetched by
        # the async generator it returns (`async for trade in client.smart_trades.iter_all()`).
        query = _list_query(
            self._client,
            account_id=account_id,
            pair=pair,
            type_=type,
            status=status,
            order_by=order_by,
            order_direction=order_direction,
            from_=from_,
            to=to,
            base=base,
            quote=quote,
            forced_mode=forced_mode,
        )
        first = 1 if page is None else _check_range("page", page, 1, MAX_PAGE)
        size = _check_range("per_page", per_page, 1, MAX_PER_PAGE)
        return self._walk(query, first, size, _check_timeout(timeout))

    async def _walk(
        self, query: _ListQuery, page: int, per_page: int, timeout: TimeoutArg
    ) -> AsyncIterator[SmartTrade]:
        next_page: int | None = page
        while next_page is not None:
            batch = await self._client._execute(_list_call(query, next_page, per_page), timeout)
            for smart_trade in batch:
                yield smart_trade
            next_page = _next_page(next_page, len(batch), per_page)

    async def get(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        call = _id_call(
            self._client, _get_smart_trade._get_kwargs, _parse_got, smart_trade_id, forced_mode
        )
        return await self._client._execute(call, _check_timeout(timeout))

    async def update(
        self,
        smart_trade_id: int,
        request: UpdateSmartTradeRequest | Mapping[str, Any] | None = None,
        /,
        *,
        leverage: LeverageInput | Mapping[str, Any] | None = None,
        position: UpdatePositionInput | Mapping[str, Any] | None = None,
        take_profit: TakeProfitInput | Mapping[str, Any] | None = None,
        stop_loss: StopLossInput | Mapping[str, Any] | None = None,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        fields = {
            "leverage": leverage,
            "position": position,
            "take_profit": take_profit,
            "stop_loss": stop_loss,
        }
        call = _update_call(self._client, smart_trade_id, request, fields, forced_mode)
        return await self._client._execute(call, _check_timeout(timeout))

    async def cancel(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        call = _id_call(
            self._client,
            _cancel_smart_trade._get_kwargs,
            _parse_cancelled,
            smart_trade_id,
            forced_mode,
        )
        return await self._client._execute(call, _check_timeout(timeout))

    async def add_funds(
        self,
        smart_trade_id: int,
        request: AddFundsRequest | Mapping[str, Any] | None = None,
        /,
        *,
        order_type: OrderType | str | None = None,
        units: Quantity | UnitsInput | None = None,
        price: Quantity | PriceInput | None = None,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        call = _add_funds_call(
            self._client,
            smart_trade_id,
            request,
            _funds_fields(order_type, units, price),
            forced_mode,
        )
        return await self._client._execute(call, _check_timeout(timeout))

    async def reduce_funds_info(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> ReduceFundsInfo:
        call = _id_call(
            self._client,
            _get_reduce_funds_info._get_kwargs,
            _parse_reduce_funds_info,
            smart_trade_id,
            forced_mode,
        )
        return await self._client._execute(call, _check_timeout(timeout))

    async def reduce_funds(
        self,
        smart_trade_id: int,
        request: ReduceFundsRequest | Mapping[str, Any] | None = None,
        /,
        *,
        order_type: OrderType | str | None = None,
        units: Quantity | UnitsInput | None = None,
        price: Quantity | PriceInput | None = None,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        call = _reduce_funds_call(
            self._client,
            smart_trade_id,
            request,
            _funds_fields(order_type, units, price),
            forced_mode,
        )
        return await self._client._execute(call, _check_timeout(timeout))

    async def close_by_market(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        call = _id_call(
            self._client,
            _close_smart_trade_by_market._get_kwargs,
            _parse_closed,
            smart_trade_id,
            forced_mode,
        )
        return await self._client._execute(call, _check_timeout(timeout))

    async def set_note(
        self,
        smart_trade_id: int,
        note: str,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        call = _set_note_call(self._client, smart_trade_id, note, forced_mode)
        return await self._client._execute(call, _check_timeout(timeout))

    async def force_start(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        call = _id_call(
            self._client, _force_start._get_kwargs, _parse_started, smart_trade_id, forced_mode
        )
        return await self._client._execute(call, _check_timeout(timeout))

    async def force_process(
        self,
        smart_trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade | None:
        call = _id_call(
            self._client,
            _force_process._get_kwargs,
            _force_process_result,
            smart_trade_id,
            forced_mode,
        )
        return await self._client._execute(call, _check_timeout(timeout))

    async def close_trade_by_market(
        self,
        smart_trade_id: int,
        trade_id: int,
        *,
        forced_mode: ForcedModeArg = _UNSET,
        timeout: TimeoutArg = _UNSET,
    ) -> SmartTrade:
        call = _close_trade_by_market_call(self._client, smart_trade_id, trade_id, forced_mode)
        return await self._client._execute(call, _check_timeout(timeout))

    # One text per operation: the async methods say what their sync twins say.
    create.__doc__ = SmartTrades.create.__doc__
    list.__doc__ = SmartTrades.list.__doc__
    iter_all.__doc__ = SmartTrades.iter_all.__doc__
    get.__doc__ = SmartTrades.get.__doc__
    update.__doc__ = SmartTrades.update.__doc__
    cancel.__doc__ = SmartTrades.cancel.__doc__
    add_funds.__doc__ = SmartTrades.add_funds.__doc__
    reduce_funds_info.__doc__ = SmartTrades.reduce_funds_info.__doc__
    reduce_funds.__doc__ = SmartTrades.reduce_funds.__doc__
    close_by_market.__doc__ = SmartTrades.close_by_market.__doc__
    set_note.__doc__ = SmartTrades.set_note.__doc__
    force_start.__doc__ = SmartTrades.force_start.__doc__
    force_process.__doc__ = SmartTrades.force_process.__doc__
    close_trade_by_market.__doc__ = SmartTrades.close_trade_by_market.__doc__

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import (
    UNSET,
    Unset,
    _additional_keys,
    _attrs_fields,
    _contains,
    _delitem,
    _getitem,
    _getstate,
    _lazy_additional_properties,
    _new,
    _repr_seen,
    _setitem,
    _setstate,
    _to_json,
)


# The attrs class this model is written after (its fields are the model's).
def _attrs_twin() -> type:
    from attrs import define as _attrs_define
    from attrs import field as _attrs_field

    @_attrs_define
    class SmartTradeData:
        editable: bool
        current_price: CurrentPrice
        target_price_type: str
        orderbook_price_currency: str
        base_order_finished: bool
        missing_funds_to_close: str
        liquidation_price: None | str
        average_enter_price: None | str
        average_close_price: None | str
        average_enter_price_without_commission: None | str
        average_close_price_without_commission: None | str
        panic_sell_available: bool
        add_funds_available: bool
        reduce_funds_available: bool
        force_start_available: bool
        force_process_available: bool
        cancel_available: bool
        finished: bool
        base_position_step_finished: bool
        entered_amount: str
        entered_total: str
        closed_amount: str
        closed_total: str
        commission: float | str
        created_at: str
        updated_at: None | str
        type_: str
        closed_at: None | str | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return SmartTradeData


@_lazy_additional_properties
class SmartTradeData:
    """Figures and the actions available on the SmartTrade as a whole."""

    __slots__ = (
        "__weakref__",
        "add_funds_available",
        "additional_properties",
        "average_close_price",
        "average_close_price_without_commission",
        "average_enter_price",
        "average_enter_price_without_commission",
        "base_order_finished",
        "base_position_step_finished",
        "cancel_available",
        "closed_amount",
        "closed_at",
        "closed_total",
        "commission",
        "created_at",
        "current_price",
        "editable",
        "entered_amount",
        "entered_total",
        "finished",
        "force_process_available",
        "force_start_available",
        "liquidation_price",
        "missing_funds_to_close",
        "orderbook_price_currency",
        "panic_sell_available",
        "reduce_funds_available",
        "target_price_type",
        "type_",
        "updated_at",
    )
    __match_args__ = (
        "editable",
        "current_price",
        "target_price_type",
        "orderbook_price_currency",
        "base_order_finished",
        "missing_funds_to_close",
        "liquidation_price",
        "average_enter_price",
        "average_close_price",
        "average_enter_price_without_commission",
        "average_close_price_without_commission",
        "panic_sell_available",
        "add_funds_available",
        "reduce_funds_available",
        "force_start_available",
        "force_process_available",
        "cancel_available",
        "finished",
        "base_position_step_finished",
        "entered_amount",
        "entered_total",
        "closed_amount",
        "closed_total",
        "commission",
        "created_at",
        "updated_at",
        "type_",
        "closed_at",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    editable: bool
    """ Whether the SmartTrade may be edited. """
    current_price: CurrentPrice
    """ Current market figures of the pair (decimal strings). """
    target_price_type: str
    """ How target prices are expressed; `price` in the examples. """
    orderbook_price_currency: str
    """ Currency of order-book prices, e.g. `USDT`. """
    base_order_finished: bool
    """ Whether the entry order has been executed. """
    missing_funds_to_close: str
    """ Funds missing to close the SmartTrade (decimal string). (The docs type it as a boolean
    or a number; the examples show a decimal string.)
     """
    liquidation_price: None | str
    """ Liquidation price for leveraged trades (decimal string). """
    average_enter_price: None | str
    """ Average entry price including fees (decimal string). """
    average_close_price: None | str
    """ Average close price including fees (decimal string). """
    average_enter_price_without_commission: None | str
    """ Average entry price without fees (decimal string). """
    average_close_price_without_commission: None | str
    """ Average close price without fees (decimal string). """
    panic_sell_available: bool
    """ Whether the whole SmartTrade may be closed by market (status `waiting_targets`,
    `stop_loss_in_progress`, `reduce_funds_in_progress` or `pending_reduce_funds`).
     """
    add_funds_available: bool
    """ Whether funds may be added. """
    reduce_funds_available: bool
    """ Whether funds may be reduced (status `waiting_targets`). """
    force_start_available: bool
    """ Whether the position may be force-started (position status `to_process`,
    `order_placed` or `trailing_activated`).
     """
    force_process_available: bool
    """ Whether the SmartTrade may be force-processed. """
    cancel_available: bool
    """ Whether the SmartTrade may be cancelled. """
    finished: bool
    """ Whether the SmartTrade has finished. """
    base_position_step_finished: bool
    """ Whether the position entry has completed. """
    entered_amount: str
    """ Base-currency amount entered, added funds included (decimal string). """
    entered_total: str
    """ Quote-currency total entered (decimal string). """
    closed_amount: str
    """ Base-currency amount closed (decimal string). """
    closed_total: str
    """ Quote-currency total closed (decimal string). """
    commission: float | str
    """ Exchange fee rate. Most examples send a JSON number (`0.001`), one sends a decimal
    string (`"0.001"`); both are accepted.
     """
    created_at: str
    """ When the SmartTrade was created (ISO 8601). """
    updated_at: None | str
    """ When the SmartTrade last changed (ISO 8601). """
    type_: str
    """ Kind of SmartTrade. Known values: `simple_buy`, `simple_sell`, `smart_sell`,
    `smart_buy`, `smart_trade`, `smart_cover`. The server may add others.
     """
    closed_at: None | str | Unset
    """ When the SmartTrade closed (ISO 8601). """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        editable: bool,
        current_price: CurrentPrice,
        target_price_type: str,
        orderbook_price_currency: str,
        base_order_finished: bool,
        missing_funds_to_close: str,
        liquidation_price: None | str,
        average_enter_price: None | str,
        average_close_price: None | str,
        average_enter_price_without_commission: None | str,
        average_close_price_without_commission: None | str,
        panic_sell_available: bool,
        add_funds_available: bool,
        reduce_funds_available: bool,
        force_start_available: bool,
        force_process_available: bool,
        cancel_available: bool,
        finished: bool,
        base_position_step_finished: bool,
        entered_amount: str,
        entered_total: str,
        closed_amount: str,
        closed_total: str,
        commission: float | str,
        created_at: str,
        updated_at: None | str,
        type_: str,
        closed_at: None | str | Unset = UNSET,
    ) -> None:
        self.editable = editable
        self.current_price = current_price
        self.target_price_type = target_price_type
        self.orderbook_price_currency = orderbook_price_currency
        self.base_order_finished = base_order_finished
        self.missing_funds_to_close = missing_funds_to_close
        self.liquidation_price = liquidation_price
        self.average_enter_price = average_enter_price
        self.average_close_price = average_close_price
        self.average_enter_price_without_commission = average_enter_price_without_commission
        self.average_close_price_without_commission = average_close_price_without_commission
        self.panic_sell_available = panic_sell_available
        self.add_funds_available = add_funds_available
        self.reduce_funds_available = reduce_funds_available
        self.force_start_available = force_start_available
        self.force_process_available = force_process_available
        self.cancel_available = cancel_available
        self.finished = finished
        self.base_position_step_finished = base_position_step_finished
        self.entered_amount = entered_amount
        self.entered_total = entered_total
        self.closed_amount = closed_amount
        self.closed_total = closed_total
        self.commission = commission
        self.created_at = created_at
        self.updated_at = updated_at
        self.type_ = type_
        self.closed_at = closed_at
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"editable={self.editable!r}, "
                f"current_price={self.current_price!r}, "
                f"target_price_type={self.target_price_type!r}, "
                f"orderbook_price_currency={self.orderbook_price_currency!r}, "
                f"base_order_finished={self.base_order_finished!r}, "
                f"missing_funds_to_close={self.missing_funds_to_close!r}, "
                f"liquidation_price={self.liquidation_price!r}, "
                f"average_enter_price={self.average_enter_price!r}, "
                f"average_close_price={self.average_close_price!r}, "
                f"average_enter_price_without_commission={self.average_enter_price_without_commission!r}, "
                f"average_close_price_without_commission={self.average_close_price_without_commission!r}, "
                f"panic_sell_available={self.panic_sell_available!r}, "
                f"add_funds_available={self.add_funds_available!r}, "
                f"reduce_funds_available={self.reduce_funds_available!r}, "
                f"force_start_available={self.force_start_available!r}, "
                f"force_process_available={self.force_process_available!r}, "
                f"cancel_available={self.cancel_available!r}, "
                f"finished={self.finished!r}, "
                f"base_position_step_finished={self.base_position_step_finished!r}, "
                f"entered_amount={self.entered_amount!r}, "
                f"entered_total={self.entered_total!r}, "
                f"closed_amount={self.closed_amount!r}, "
                f"closed_total={self.closed_total!r}, "
                f"commission={self.commission!r}, "
                f"created_at={self.created_at!r}, "
                f"updated_at={self.updated_at!r}, "
                f"type_={self.type_!r}, "
                f"closed_at={self.closed_at!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.editable == other.editable
            and self.current_price == other.current_price
            and self.target_price_type == other.target_price_type
            and self.orderbook_price_currency == other.orderbook_price_currency
            and self.base_order_finished == other.base_order_finished
            and self.missing_funds_to_close == other.missing_funds_to_close
            and self.liquidation_price == other.liquidation_price
            and self.average_enter_price == other.average_enter_price
            and self.average_close_price == other.average_close_price
            and self.average_enter_price_without_commission
            == other.average_enter_price_without_commission
            and self.average_close_price_without_commission
            == other.average_close_price_without_commission
            and self.panic_sell_available == other.panic_sell_available
            and self.add_funds_available == other.add_funds_available
            and self.reduce_funds_available == other.reduce_funds_available
            and self.force_start_available == other.force_start_available
            and self.force_process_available == other.force_process_available
            and self.cancel_available == other.cancel_available
            and self.finished == other.finished
            and self.base_position_step_finished == other.base_position_step_finished
            and self.entered_amount == other.entered_amount
            and self.entered_total == other.entered_total
            and self.closed_amount == other.closed_amount
            and self.closed_total == other.closed_total
            and self.commission == other.commission
            and self.created_at == other.created_at
            and self.updated_at == other.updated_at
            and self.type_ == other.type_
            and self.closed_at == other.closed_at
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        editable = self.editable

        current_price = self.current_price.to_dict()

        target_price_type = self.target_price_type

        orderbook_price_currency = self.orderbook_price_currency

        base_order_finished = self.base_order_finished

        missing_funds_to_close = self.missing_funds_to_close

        liquidation_price: None | str
        liquidation_price = self.liquidation_price

        average_enter_price: None | str
        average_enter_price = self.average_enter_price

        average_close_price: None | str
        average_close_price = self.average_close_price

        average_enter_price_without_commission: None | str
        average_enter_price_without_commission = self.average_enter_price_without_commission

        average_close_price_without_commission: None | str
        average_close_price_without_commission = self.average_close_price_without_commission

        panic_sell_available = self.panic_sell_available

        add_funds_available = self.add_funds_available

        reduce_funds_available = self.reduce_funds_available

        force_start_available = self.force_start_available

        force_process_available = self.force_process_available

        cancel_available = self.cancel_available

        finished = self.finished

        base_position_step_finished = self.base_position_step_finished

        entered_amount = self.entered_amount

        entered_total = self.entered_total

        closed_amount = self.closed_amount

        closed_total = self.closed_total

        commission: float | str
        commission = self.commission

        created_at = self.created_at

        updated_at: None | str
        updated_at = self.updated_at

        type_ = self.type_

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        else:
            closed_at = self.closed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "editable": editable,
                "current_price": current_price,
                "target_price_type": target_price_type,
                "orderbook_price_currency": orderbook_price_currency,
                "base_order_finished": base_order_finished,
                "missing_funds_to_close": missing_funds_to_close,
                "liquidation_price": liquidation_price,
                "average_enter_price": average_enter_price,
                "average_close_price": average_close_price,
                "average_enter_price_without_commission": average_enter_price_without_commission,
                "average_close_price_without_commission": average_close_price_without_commission,
                "panic_sell_available": panic_sell_available,
                "add_funds_available": add_funds_available,
                "reduce_funds_available": reduce_funds_available,
                "force_start_available": force_start_available,
                "force_process_available": force_process_available,
                "cancel_available": cancel_available,
                "finished": finished,
                "base_position_step_finished": base_position_step_finished,
                "entered_amount": entered_amount,
                "entered_total": entered_total,
                "closed_amount": closed_amount,
                "closed_total": closed_total,
                "commission": commission,
                "created_at": created_at,
                "updated_at": updated_at,
                "type": type_,
            }
        )
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("SmartTradeData: expected a JSON object, got " + type(d).__name__)
        editable = d["editable"]
        if type(editable) is not bool:
            raise TypeError("editable: expected bool, got " + type(editable).__name__)

        current_price = _CurrentPrice_from_dict(d["current_price"])

        target_price_type = d["target_price_type"]
        if type(target_price_type) is not str and (not isinstance(target_price_type, str)):
            raise TypeError(
                "target_price_type: expected str, got " + type(target_price_type).__name__
            )

        orderbook_price_currency = d["orderbook_price_currency"]
        if type(orderbook_price_currency) is not str and (
            not isinstance(orderbook_price_currency, str)
        ):
            raise TypeError(
                "orderbook_price_currency: expected str, got "
                + type(orderbook_price_currency).__name__
            )

        base_order_finished = d["base_order_finished"]
        if type(base_order_finished) is not bool:
            raise TypeError(
                "base_order_finished: expected bool, got " + type(base_order_finished).__name__
            )

        missing_funds_to_close = d["missing_funds_to_close"]
        if type(missing_funds_to_close) is not str and (
            not isinstance(missing_funds_to_close, str)
        ):
            raise TypeError(
                "missing_funds_to_close: expected str, got " + type(missing_funds_to_close).__name__
            )

        liquidation_price = d["liquidation_price"]
        if (
            type(liquidation_price) is not str
            and liquidation_price is not None
            and (not isinstance(liquidation_price, str))
        ):
            raise TypeError(
                "liquidation_price: expected str or null, got " + type(liquidation_price).__name__
            )

        average_enter_price = d["average_enter_price"]
        if (
            type(average_enter_price) is not str
            and average_enter_price is not None
            and (not isinstance(average_enter_price, str))
        ):
            raise TypeError(
                "average_enter_price: expected str or null, got "
                + type(average_enter_price).__name__
            )

        average_close_price = d["average_close_price"]
        if (
            type(average_close_price) is not str
            and average_close_price is not None
            and (not isinstance(average_close_price, str))
        ):
            raise TypeError(
                "average_close_price: expected str or null, got "
                + type(average_close_price).__name__
            )

        average_enter_price_without_commission = d["average_enter_price_without_commission"]
        if (
            type(average_enter_price_without_commission) is not str
            and average_enter_price_without_commission is not None
            and (not isinstance(average_enter_price_without_commission, str))
        ):
            raise TypeError(
                "average_enter_price_without_commission: expected str or null, got "
                + type(average_enter_price_without_commission).__name__
            )

        average_close_price_without_commission = d["average_close_price_without_commission"]
        if (
            type(average_close_price_without_commission) is not str
            and average_close_price_without_commission is not None
            and (not isinstance(average_close_price_without_commission, str))
        ):
            raise TypeError(
                "average_close_price_without_commission: expected str or null, got "
                + type(average_close_price_without_commission).__name__
            )

        panic_sell_available = d["panic_sell_available"]
        if type(panic_sell_available) is not bool:
            raise TypeError(
                "panic_sell_available: expected bool, got " + type(panic_sell_available).__name__
            )

        add_funds_available = d["add_funds_available"]
        if type(add_funds_available) is not bool:
            raise TypeError(
                "add_funds_available: expected bool, got " + type(add_funds_available).__name__
            )

        reduce_funds_available = d["reduce_funds_available"]
        if type(reduce_funds_available) is not bool:
            raise TypeError(
                "reduce_funds_available: expected bool, got "
                + type(reduce_funds_available).__name__
            )

        force_start_available = d["force_start_available"]
        if type(force_start_available) is not bool:
            raise TypeError(
                "force_start_available: expected bool, got " + type(force_start_available).__name__
            )

        force_process_available = d["force_process_available"]
        if type(force_process_available) is not bool:
            raise TypeError(
                "force_process_available: expected bool, got "
                + type(force_process_available).__name__
            )

        cancel_available = d["cancel_available"]
        if type(cancel_available) is not bool:
            raise TypeError(
                "cancel_available: expected bool, got " + type(cancel_available).__name__
            )

        finished = d["finished"]
        if type(finished) is not bool:
            raise TypeError("finished: expected bool, got " + type(finished).__name__)

        base_position_step_finished = d["base_position_step_finished"]
        if type(base_position_step_finished) is not bool:
            raise TypeError(
                "base_position_step_finished: expected bool, got "
                + type(base_position_step_finished).__name__
            )

        entered_amount = d["entered_amount"]
        if type(entered_amount) is not str and (not isinstance(entered_amount, str)):
            raise TypeError("entered_amount: expected str, got " + type(entered_amount).__name__)

        entered_total = d["entered_total"]
        if type(entered_total) is not str and (not isinstance(entered_total, str)):
            raise TypeError("entered_total: expected str, got " + type(entered_total).__name__)

        closed_amount = d["closed_amount"]
        if type(closed_amount) is not str and (not isinstance(closed_amount, str)):
            raise TypeError("closed_amount: expected str, got " + type(closed_amount).__name__)

        closed_total = d["closed_total"]
        if type(closed_total) is not str and (not isinstance(closed_total, str)):
            raise TypeError("closed_total: expected str, got " + type(closed_total).__name__)

        commission = d["commission"]
        if type(commission) is not float and (
            isinstance(commission, bool) or not isinstance(commission, (float, int, str))
        ):
            raise TypeError(
                "commission: expected float or int or str, got " + type(commission).__name__
            )

        created_at = d["created_at"]
        if type(created_at) is not str and (not isinstance(created_at, str)):
            raise TypeError("created_at: expected str, got " + type(created_at).__name__)

        updated_at = d["updated_at"]
        if (
            type(updated_at) is not str
            and updated_at is not None
            and (not isinstance(updated_at, str))
        ):
            raise TypeError("updated_at: expected str or null, got " + type(updated_at).__name__)

        type_ = d["type"]
        if type(type_) is not str and (not isinstance(type_, str)):
            raise TypeError("type: expected str, got " + type(type_).__name__)

        closed_at = d.get("closed_at", UNSET)
        if (
            type(closed_at) is not str
            and closed_at is not None
            and closed_at is not UNSET
            and (not isinstance(closed_at, str))
        ):
            raise TypeError("closed_at: expected str or null, got " + type(closed_at).__name__)

        _obj = _new(cls)
        _obj.editable = editable
        _obj.current_price = current_price
        _obj.target_price_type = target_price_type
        _obj.orderbook_price_currency = orderbook_price_currency
        _obj.base_order_finished = base_order_finished
        _obj.missing_funds_to_close = missing_funds_to_close
        _obj.liquidation_price = liquidation_price
        _obj.average_enter_price = average_enter_price
        _obj.average_close_price = average_close_price
        _obj.average_enter_price_without_commission = average_enter_price_without_commission
        _obj.average_close_price_without_commission = average_close_price_without_commission
        _obj.panic_sell_available = panic_sell_available
        _obj.add_funds_available = add_funds_available
        _obj.reduce_funds_available = reduce_funds_available
        _obj.force_start_available = force_start_available
        _obj.force_process_available = force_process_available
        _obj.cancel_available = cancel_available
        _obj.finished = finished
        _obj.base_position_step_finished = base_position_step_finished
        _obj.entered_amount = entered_amount
        _obj.entered_total = entered_total
        _obj.closed_amount = closed_amount
        _obj.closed_total = closed_total
        _obj.commission = commission
        _obj.created_at = created_at
        _obj.updated_at = updated_at
        _obj.type_ = type_
        _obj.closed_at = closed_at
        if len(d) != 27 and len(d) != 27 + (closed_at is not UNSET):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key
                not in {
                    "editable",
                    "current_price",
                    "target_price_type",
                    "orderbook_price_currency",
                    "base_order_finished",
                    "missing_funds_to_close",
                    "liquidation_price",
                    "average_enter_price",
                    "average_close_price",
                    "average_enter_price_without_commission",
                    "average_close_price_without_commission",
                    "panic_sell_available",
                    "add_funds_available",
                    "reduce_funds_available",
                    "force_start_available",
                    "force_process_available",
                    "cancel_available",
                    "finished",
                    "base_position_step_finished",
                    "entered_amount",
                    "entered_total",
                    "closed_amount",
                    "closed_total",
                    "commission",
                    "created_at",
                    "updated_at",
                    "type",
                    "closed_at",
                }
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.current_price import CurrentPrice

_CurrentPrice_from_dict = CurrentPrice.from_dict

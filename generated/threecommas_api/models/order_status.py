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
    class OrderStatus:
        type_: str
        basic_type: str
        title: str
        error: str | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return OrderStatus


@_lazy_additional_properties
class OrderStatus:
    """Status of one order of the SmartTrade: the position, a take-profit step, the stop loss, a
    reduce-funds step or the market close.

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "basic_type",
        "error",
        "title",
        "type_",
    )
    __match_args__ = (
        "type_",
        "basic_type",
        "title",
        "error",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    type_: str
    """ Status; equal to `basic_type` in every documented example. """
    basic_type: str
    """ Known values: for the position `to_process`, `order_placed`, `trailing_activated`,
    `finished`, `panic_sell_pending`, `smart_sell`, `failed`; for a take-profit step
    `idle`, `to_process`, `order_placed`, `trailing_activated`, `panic_sell_pending`; for
    the stop loss and reduce-funds steps `idle`, `to_process`. The server may add others.
     """
    title: str
    """ Human-readable status, e.g. `Pending`, `Placed`, `Panic closing`. """
    error: str | Unset
    """ Reason of a failure; present only when the order failed. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        type_: str,
        basic_type: str,
        title: str,
        error: str | Unset = UNSET,
    ) -> None:
        self.type_ = type_
        self.basic_type = basic_type
        self.title = title
        self.error = error
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"type_={self.type_!r}, "
                f"basic_type={self.basic_type!r}, "
                f"title={self.title!r}, "
                f"error={self.error!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.type_ == other.type_
            and self.basic_type == other.basic_type
            and self.title == other.title
            and self.error == other.error
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        basic_type = self.basic_type

        title = self.title

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "basic_type": basic_type,
                "title": title,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("OrderStatus: expected a JSON object, got " + type(d).__name__)
        type_ = d["type"]
        if type(type_) is not str and (not isinstance(type_, str)):
            raise TypeError("type: expected str, got " + type(type_).__name__)

        basic_type = d["basic_type"]
        if type(basic_type) is not str and (not isinstance(basic_type, str)):
            raise TypeError("basic_type: expected str, got " + type(basic_type).__name__)

        title = d["title"]
        if type(title) is not str and (not isinstance(title, str)):
            raise TypeError("title: expected str, got " + type(title).__name__)

        error = d.get("error", UNSET)
        if type(error) is not str and error is not UNSET and (not isinstance(error, str)):
            raise TypeError("error: expected str, got " + type(error).__name__)

        _obj = _new(cls)
        _obj.type_ = type_
        _obj.basic_type = basic_type
        _obj.title = title
        _obj.error = error
        if len(d) != 3 and len(d) != 3 + (error is not UNSET):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"type", "basic_type", "title", "error"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import (
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
    class CurrentPrice:
        bid: str
        ask: str
        last: str
        quote_volume: str
        day_change_percent: str
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return CurrentPrice


@_lazy_additional_properties
class CurrentPrice:
    """Current market figures of the pair (decimal strings)."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "ask",
        "bid",
        "day_change_percent",
        "last",
        "quote_volume",
    )
    __match_args__ = (
        "bid",
        "ask",
        "last",
        "quote_volume",
        "day_change_percent",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    bid: str
    """ Best bid. """
    ask: str
    """ Best ask. """
    last: str
    """ Last trade price. """
    quote_volume: str
    """ 24-hour volume in quote currency. """
    day_change_percent: str
    """ 24-hour price change in percent. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        bid: str,
        ask: str,
        last: str,
        quote_volume: str,
        day_change_percent: str,
    ) -> None:
        self.bid = bid
        self.ask = ask
        self.last = last
        self.quote_volume = quote_volume
        self.day_change_percent = day_change_percent
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"bid={self.bid!r}, "
                f"ask={self.ask!r}, "
                f"last={self.last!r}, "
                f"quote_volume={self.quote_volume!r}, "
                f"day_change_percent={self.day_change_percent!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.bid == other.bid
            and self.ask == other.ask
            and self.last == other.last
            and self.quote_volume == other.quote_volume
            and self.day_change_percent == other.day_change_percent
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        bid = self.bid

        ask = self.ask

        last = self.last

        quote_volume = self.quote_volume

        day_change_percent = self.day_change_percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bid": bid,
                "ask": ask,
                "last": last,
                "quote_volume": quote_volume,
                "day_change_percent": day_change_percent,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("CurrentPrice: expected a JSON object, got " + type(d).__name__)
        bid = d["bid"]
        if type(bid) is not str and (not isinstance(bid, str)):
            raise TypeError("bid: expected str, got " + type(bid).__name__)

        ask = d["ask"]
        if type(ask) is not str and (not isinstance(ask, str)):
            raise TypeError("ask: expected str, got " + type(ask).__name__)

        last = d["last"]
        if type(last) is not str and (not isinstance(last, str)):
            raise TypeError("last: expected str, got " + type(last).__name__)

        quote_volume = d["quote_volume"]
        if type(quote_volume) is not str and (not isinstance(quote_volume, str)):
            raise TypeError("quote_volume: expected str, got " + type(quote_volume).__name__)

        day_change_percent = d["day_change_percent"]
        if type(day_change_percent) is not str and (not isinstance(day_change_percent, str)):
            raise TypeError(
                "day_change_percent: expected str, got " + type(day_change_percent).__name__
            )

        _obj = _new(cls)
        _obj.bid = bid
        _obj.ask = ask
        _obj.last = last
        _obj.quote_volume = quote_volume
        _obj.day_change_percent = day_change_percent
        if len(d) != 5:
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"bid", "ask", "last", "quote_volume", "day_change_percent"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains

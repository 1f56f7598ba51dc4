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
    class Profit:
        volume: None | str
        usd: None | str
        percent: str
        roe: None | str
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return Profit


@_lazy_additional_properties
class Profit:
    """Profit so far (decimal strings)."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "percent",
        "roe",
        "usd",
        "volume",
    )
    __match_args__ = (
        "volume",
        "usd",
        "percent",
        "roe",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    volume: None | str
    """ Profit in quote currency. """
    usd: None | str
    """ Profit in USD. """
    percent: str
    """ Profit in percent. """
    roe: None | str
    """ Return on equity (leveraged trades only). """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        volume: None | str,
        usd: None | str,
        percent: str,
        roe: None | str,
    ) -> None:
        self.volume = volume
        self.usd = usd
        self.percent = percent
        self.roe = roe
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"volume={self.volume!r}, "
                f"usd={self.usd!r}, "
                f"percent={self.percent!r}, "
                f"roe={self.roe!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.volume == other.volume
            and self.usd == other.usd
            and self.percent == other.percent
            and self.roe == other.roe
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        volume: None | str
        volume = self.volume

        usd: None | str
        usd = self.usd

        percent = self.percent

        roe: None | str
        roe = self.roe

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "volume": volume,
                "usd": usd,
                "percent": percent,
                "roe": roe,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("Profit: expected a JSON object, got " + type(d).__name__)
        volume = d["volume"]
        if type(volume) is not str and volume is not None and (not isinstance(volume, str)):
            raise TypeError("volume: expected str or null, got " + type(volume).__name__)

        usd = d["usd"]
        if type(usd) is not str and usd is not None and (not isinstance(usd, str)):
            raise TypeError("usd: expected str or null, got " + type(usd).__name__)

        percent = d["percent"]
        if type(percent) is not str and (not isinstance(percent, str)):
            raise TypeError("percent: expected str, got " + type(percent).__name__)

        roe = d["roe"]
        if type(roe) is not str and roe is not None and (not isinstance(roe, str)):
            raise TypeError("roe: expected str or null, got " + type(roe).__name__)

        _obj = _new(cls)
        _obj.volume = volume
        _obj.usd = usd
        _obj.percent = percent
        _obj.roe = roe
        if len(d) != 4:
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"volume", "usd", "percent", "roe"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains

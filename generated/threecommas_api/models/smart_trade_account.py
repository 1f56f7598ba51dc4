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
    class SmartTradeAccount:
        id: int
        type_: str
        name: str
        market: str
        link: str
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return SmartTradeAccount


@_lazy_additional_properties
class SmartTradeAccount:
    """The exchange account the SmartTrade trades on, in short; `list_accounts` and
    `get_account` give the whole Account. In the docs' examples `type` holds the Account's
    `market_code` (`binance_us`) and `market` its `exchange_name` (`Binance US Spot`).
    (Named `Account` up to version 0.2.0 of this document; `Account` is now the entity.)

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "id",
        "link",
        "market",
        "name",
        "type_",
    )
    __match_args__ = (
        "id",
        "type_",
        "name",
        "market",
        "link",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    id: int
    """ ID of the exchange account. """
    type_: str
    """ Kind of exchange account: the account's market code. Known values include `binance`,
    `binance_us`, `kucoin` and `paper_trading`; the server may send others.
     """
    name: str
    """ Name the user gave the account. """
    market: str
    """ Market of the account, e.g. `Binance US Spot`. """
    link: str
    """ Relative link to the account, e.g. `/accounts/32402783`. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: int,
        type_: str,
        name: str,
        market: str,
        link: str,
    ) -> None:
        self.id = id
        self.type_ = type_
        self.name = name
        self.market = market
        self.link = link
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"id={self.id!r}, "
                f"type_={self.type_!r}, "
                f"name={self.name!r}, "
                f"market={self.market!r}, "
                f"link={self.link!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.id == other.id
            and self.type_ == other.type_
            and self.name == other.name
            and self.market == other.market
            and self.link == other.link
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        name = self.name

        market = self.market

        link = self.link

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "name": name,
                "market": market,
                "link": link,
            }
        )

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("SmartTradeAccount: expected a JSON object, got " + type(d).__name__)
        id = d["id"]
        if type(id) is not int and (isinstance(id, bool) or not isinstance(id, int)):
            raise TypeError("id: expected int, got " + type(id).__name__)

        type_ = d["type"]
        if type(type_) is not str and (not isinstance(type_, str)):
            raise TypeError("type: expected str, got " + type(type_).__name__)

        name = d["name"]
        if type(name) is not str and (not isinstance(name, str)):
            raise TypeError("name: expected str, got " + type(name).__name__)

        market = d["market"]
        if type(market) is not str and (not isinstance(market, str)):
            raise TypeError("market: expected str, got " + type(market).__name__)

        link = d["link"]
        if type(link) is not str and (not isinstance(link, str)):
            raise TypeError("link: expected str, got " + type(link).__name__)

        _obj = _new(cls)
        _obj.id = id
        _obj.type_ = type_
        _obj.name = name
        _obj.market = market
        _obj.link = link
        if len(d) != 5:
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key not in {"id", "type", "name", "market", "link"}
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CurrentPrice")


@_attrs_define
class CurrentPrice:
    """Current market figures of the pair (decimal strings)."""

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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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

    def to_json(self, *, indent: int | None = None) -> str:
        """The model as JSON text, in the API's shape (`to_dict()` serialised): decimal
        strings stay strings, unset fields are left out."""
        return json.dumps(self.to_dict(), indent=indent)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bid = d.pop("bid")
        if not isinstance(bid, str):
            raise TypeError("bid: expected str, got " + type(bid).__name__)

        ask = d.pop("ask")
        if not isinstance(ask, str):
            raise TypeError("ask: expected str, got " + type(ask).__name__)

        last = d.pop("last")
        if not isinstance(last, str):
            raise TypeError("last: expected str, got " + type(last).__name__)

        quote_volume = d.pop("quote_volume")
        if not isinstance(quote_volume, str):
            raise TypeError("quote_volume: expected str, got " + type(quote_volume).__name__)

        day_change_percent = d.pop("day_change_percent")
        if not isinstance(day_change_percent, str):
            raise TypeError(
                "day_change_percent: expected str, got " + type(day_change_percent).__name__
            )

        current_price = cls(
            bid=bid,
            ask=ask,
            last=last,
            quote_volume=quote_volume,
            day_change_percent=day_change_percent,
        )

        current_price.additional_properties = d
        return current_price

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

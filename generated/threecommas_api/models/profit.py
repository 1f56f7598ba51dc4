from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Profit")


@_attrs_define
class Profit:
    """Profit so far (decimal strings)."""

    volume: None | str | Unset = UNSET
    """ Profit in quote currency. """
    usd: None | str | Unset = UNSET
    """ Profit in USD. """
    percent: str | Unset = UNSET
    """ Profit in percent. """
    roe: None | str | Unset = UNSET
    """ Return on equity (leveraged trades only). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        volume: None | str | Unset
        if isinstance(self.volume, Unset):
            volume = UNSET
        else:
            volume = self.volume

        usd: None | str | Unset
        if isinstance(self.usd, Unset):
            usd = UNSET
        else:
            usd = self.usd

        percent = self.percent

        roe: None | str | Unset
        if isinstance(self.roe, Unset):
            roe = UNSET
        else:
            roe = self.roe

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if volume is not UNSET:
            field_dict["volume"] = volume
        if usd is not UNSET:
            field_dict["usd"] = usd
        if percent is not UNSET:
            field_dict["percent"] = percent
        if roe is not UNSET:
            field_dict["roe"] = roe

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_volume(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        volume = _parse_volume(d.pop("volume", UNSET))

        def _parse_usd(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        usd = _parse_usd(d.pop("usd", UNSET))

        percent = d.pop("percent", UNSET)

        def _parse_roe(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        roe = _parse_roe(d.pop("roe", UNSET))

        profit = cls(
            volume=volume,
            usd=usd,
            percent=percent,
            roe=roe,
        )

        profit.additional_properties = d
        return profit

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

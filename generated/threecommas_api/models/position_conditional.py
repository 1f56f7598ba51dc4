from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PositionConditional")


@_attrs_define
class PositionConditional:
    """Trigger of a conditional entry order; present when `order_type` is `conditional`."""

    editable: bool | Unset = UNSET
    """ Whether the condition may still be edited. """
    order_type: str | Unset = UNSET
    """ Order placed once triggered. Known values `market`, `limit`. """
    price: TriggerPrice | Unset = UNSET
    """ A price given either as a value or, while a trailing entry is still running, as a percent;
    `type` names the order-book price it follows.
     """
    trailing: Trailing | Unset = UNSET
    """ Trailing settings. (The docs list `editable` and `percent`; every example shows `enabled`
    and `percent`, which this document follows.)
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        editable = self.editable

        order_type = self.order_type

        price: dict[str, Any] | Unset = UNSET
        if not isinstance(self.price, Unset):
            price = self.price.to_dict()

        trailing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trailing, Unset):
            trailing = self.trailing.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if editable is not UNSET:
            field_dict["editable"] = editable
        if order_type is not UNSET:
            field_dict["order_type"] = order_type
        if price is not UNSET:
            field_dict["price"] = price
        if trailing is not UNSET:
            field_dict["trailing"] = trailing

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        editable = d.pop("editable", UNSET)
        if not isinstance(editable, (bool, Unset)):
            raise TypeError("editable: expected bool, got " + type(editable).__name__)

        order_type = d.pop("order_type", UNSET)
        if not isinstance(order_type, (str, Unset)):
            raise TypeError("order_type: expected str, got " + type(order_type).__name__)

        _price = d.pop("price", UNSET)
        price: TriggerPrice | Unset
        if isinstance(_price, Unset):
            price = UNSET
        else:
            price = TriggerPrice.from_dict(_price)

        _trailing = d.pop("trailing", UNSET)
        trailing: Trailing | Unset
        if isinstance(_trailing, Unset):
            trailing = UNSET
        else:
            trailing = Trailing.from_dict(_trailing)

        position_conditional = cls(
            editable=editable,
            order_type=order_type,
            price=price,
            trailing=trailing,
        )

        position_conditional.additional_properties = d
        return position_conditional

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


from ..models.trailing import Trailing
from ..models.trigger_price import TriggerPrice

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PositionConditional")


@_attrs_define
class PositionConditional:
    """Trigger of a conditional entry order; present when `order_type` is `conditional`."""

    editable: bool
    """ Whether the condition may still be edited. """
    order_type: str
    """ Order placed once triggered. Known values `market`, `limit`. """
    price: TriggerPrice
    """ A price given either as a value or, while a trailing entry is still running, as a percent;
    `type` names the order-book price it follows.
     """
    trailing: Trailing
    """ Trailing settings. (The docs list `editable` and `percent`; every example shows `enabled`
    and `percent`, which this document follows.)
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        editable = self.editable

        order_type = self.order_type

        price = self.price.to_dict()

        trailing = self.trailing.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "editable": editable,
                "order_type": order_type,
                "price": price,
                "trailing": trailing,
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
        editable = d.pop("editable")
        if not isinstance(editable, bool):
            raise TypeError("editable: expected bool, got " + type(editable).__name__)

        order_type = d.pop("order_type")
        if not isinstance(order_type, str):
            raise TypeError("order_type: expected str, got " + type(order_type).__name__)

        price = TriggerPrice.from_dict(d.pop("price"))

        trailing = Trailing.from_dict(d.pop("trailing"))

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

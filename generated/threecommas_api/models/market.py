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
    class Market:
        market_name: str
        market_url: str
        market_icon: str
        help_link: str
        market_code: str
        form_fields: MarketFormFields
        available_connection_flows: list[str]
        third_party_allowed: bool
        trusted_ips: list[str]
        trusted_ips_input_type: str
        fast_connect_action_name: str
        market_trust_message: str | Unset = UNSET
        default_trust_message: str | Unset = UNSET
        connection_type: str | Unset = UNSET
        additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    return Market


@_lazy_additional_properties
class Market:
    """A market (exchange) that 3Commas supports. The older page's example is not valid JSON
    (it is cut and spliced); the fields it adds (`market_trust_message`,
    `default_trust_message`, `connection_type`) are optional here.

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "available_connection_flows",
        "connection_type",
        "default_trust_message",
        "fast_connect_action_name",
        "form_fields",
        "help_link",
        "market_code",
        "market_icon",
        "market_name",
        "market_trust_message",
        "market_url",
        "third_party_allowed",
        "trusted_ips",
        "trusted_ips_input_type",
    )
    __match_args__ = (
        "market_name",
        "market_url",
        "market_icon",
        "help_link",
        "market_code",
        "form_fields",
        "available_connection_flows",
        "third_party_allowed",
        "trusted_ips",
        "trusted_ips_input_type",
        "fast_connect_action_name",
        "market_trust_message",
        "default_trust_message",
        "connection_type",
    )
    __attrs_attrs__ = _attrs_fields(_attrs_twin)
    __getstate__ = _getstate
    __setstate__ = _setstate

    market_name: str
    """ Name of the market in 3Commas, e.g. `OKX`. """
    market_url: str
    """ Link to the exchange's site. """
    market_icon: str
    """ URL of the market's icon. """
    help_link: str
    """ Help page on connecting an account to this market. """
    market_code: str
    """ The market's code in 3Commas (`okex`); an Account's `market_code`. """
    form_fields: MarketFormFields
    """ The fields a connection form of the market asks for. """
    available_connection_flows: list[str]
    """ How an account can be connected; known values `form`, `fast_connect`. """
    third_party_allowed: bool
    """ True when the exchange lets third-party apps connect. """
    trusted_ips: list[str]
    """ IP addresses (or ranges) to whitelist on the exchange for 3Commas. """
    trusted_ips_input_type: str
    """ How the trusted IPs are entered; `inline` in the examples. """
    fast_connect_action_name: str
    """ Name of the market for the fast-connect flow. """
    market_trust_message: str | Unset
    """ Text shown when connecting (older docs only). """
    default_trust_message: str | Unset
    """ Text shown when connecting (older docs only). """
    connection_type: str | Unset
    """ How the market is connected, e.g. `fields` (older docs only). """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        market_name: str,
        market_url: str,
        market_icon: str,
        help_link: str,
        market_code: str,
        form_fields: MarketFormFields,
        available_connection_flows: list[str],
        third_party_allowed: bool,
        trusted_ips: list[str],
        trusted_ips_input_type: str,
        fast_connect_action_name: str,
        market_trust_message: str | Unset = UNSET,
        default_trust_message: str | Unset = UNSET,
        connection_type: str | Unset = UNSET,
    ) -> None:
        self.market_name = market_name
        self.market_url = market_url
        self.market_icon = market_icon
        self.help_link = help_link
        self.market_code = market_code
        self.form_fields = form_fields
        self.available_connection_flows = available_connection_flows
        self.third_party_allowed = third_party_allowed
        self.trusted_ips = trusted_ips
        self.trusted_ips_input_type = trusted_ips_input_type
        self.fast_connect_action_name = fast_connect_action_name
        self.market_trust_message = market_trust_message
        self.default_trust_message = default_trust_message
        self.connection_type = connection_type
        self.additional_properties = {}

    def __repr__(self) -> str:
        seen = _repr_seen()
        if id(self) in seen:
            return "..."
        seen.add(id(self))
        try:
            return (
                f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}("
                f"market_name={self.market_name!r}, "
                f"market_url={self.market_url!r}, "
                f"market_icon={self.market_icon!r}, "
                f"help_link={self.help_link!r}, "
                f"market_code={self.market_code!r}, "
                f"form_fields={self.form_fields!r}, "
                f"available_connection_flows={self.available_connection_flows!r}, "
                f"third_party_allowed={self.third_party_allowed!r}, "
                f"trusted_ips={self.trusted_ips!r}, "
                f"trusted_ips_input_type={self.trusted_ips_input_type!r}, "
                f"fast_connect_action_name={self.fast_connect_action_name!r}, "
                f"market_trust_message={self.market_trust_message!r}, "
                f"default_trust_message={self.default_trust_message!r}, "
                f"connection_type={self.connection_type!r}, "
                f"additional_properties={self.additional_properties!r}"
                ")"
            )
        finally:
            seen.discard(id(self))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.market_name == other.market_name
            and self.market_url == other.market_url
            and self.market_icon == other.market_icon
            and self.help_link == other.help_link
            and self.market_code == other.market_code
            and self.form_fields == other.form_fields
            and self.available_connection_flows == other.available_connection_flows
            and self.third_party_allowed == other.third_party_allowed
            and self.trusted_ips == other.trusted_ips
            and self.trusted_ips_input_type == other.trusted_ips_input_type
            and self.fast_connect_action_name == other.fast_connect_action_name
            and self.market_trust_message == other.market_trust_message
            and self.default_trust_message == other.default_trust_message
            and self.connection_type == other.connection_type
            and self.additional_properties == other.additional_properties
        )

    # An own __eq__ makes attrs leave equality, and the hash, to the class: unhashable, as a
    # mutable attrs class is.
    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        market_name = self.market_name

        market_url = self.market_url

        market_icon = self.market_icon

        help_link = self.help_link

        market_code = self.market_code

        form_fields = self.form_fields.to_dict()

        available_connection_flows = self.available_connection_flows

        third_party_allowed = self.third_party_allowed

        trusted_ips = self.trusted_ips

        trusted_ips_input_type = self.trusted_ips_input_type

        fast_connect_action_name = self.fast_connect_action_name

        market_trust_message = self.market_trust_message

        default_trust_message = self.default_trust_message

        connection_type = self.connection_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "market_name": market_name,
                "market_url": market_url,
                "market_icon": market_icon,
                "help_link": help_link,
                "market_code": market_code,
                "form_fields": form_fields,
                "available_connection_flows": available_connection_flows,
                "third_party_allowed": third_party_allowed,
                "trusted_ips": trusted_ips,
                "trusted_ips_input_type": trusted_ips_input_type,
                "fast_connect_action_name": fast_connect_action_name,
            }
        )
        if market_trust_message is not UNSET:
            field_dict["market_trust_message"] = market_trust_message
        if default_trust_message is not UNSET:
            field_dict["default_trust_message"] = default_trust_message
        if connection_type is not UNSET:
            field_dict["connection_type"] = connection_type

        return field_dict

    to_json = _to_json

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict
        if type(d) is not dict and not isinstance(d, Mapping):
            raise TypeError("Market: expected a JSON object, got " + type(d).__name__)
        market_name = d["market_name"]
        if type(market_name) is not str and (not isinstance(market_name, str)):
            raise TypeError("market_name: expected str, got " + type(market_name).__name__)

        market_url = d["market_url"]
        if type(market_url) is not str and (not isinstance(market_url, str)):
            raise TypeError("market_url: expected str, got " + type(market_url).__name__)

        market_icon = d["market_icon"]
        if type(market_icon) is not str and (not isinstance(market_icon, str)):
            raise TypeError("market_icon: expected str, got " + type(market_icon).__name__)

        help_link = d["help_link"]
        if type(help_link) is not str and (not isinstance(help_link, str)):
            raise TypeError("help_link: expected str, got " + type(help_link).__name__)

        market_code = d["market_code"]
        if type(market_code) is not str and (not isinstance(market_code, str)):
            raise TypeError("market_code: expected str, got " + type(market_code).__name__)

        form_fields = _MarketFormFields_from_dict(d["form_fields"])

        available_connection_flows = d["available_connection_flows"]
        if type(available_connection_flows) is not list and not isinstance(
            available_connection_flows, list | tuple
        ):
            raise TypeError(
                "available_connection_flows: expected an array, got "
                + type(available_connection_flows).__name__
            )
        for _item in available_connection_flows:
            if type(_item) is not str and (not isinstance(_item, str)):
                raise TypeError(
                    "available_connection_flows: expected an array of str, got an item of type "
                    + type(_item).__name__
                )

        third_party_allowed = d["third_party_allowed"]
        if type(third_party_allowed) is not bool:
            raise TypeError(
                "third_party_allowed: expected bool, got " + type(third_party_allowed).__name__
            )

        trusted_ips = d["trusted_ips"]
        if type(trusted_ips) is not list and not isinstance(trusted_ips, list | tuple):
            raise TypeError("trusted_ips: expected an array, got " + type(trusted_ips).__name__)
        for _item in trusted_ips:
            if type(_item) is not str and (not isinstance(_item, str)):
                raise TypeError(
                    "trusted_ips: expected an array of str, got an item of type "
                    + type(_item).__name__
                )

        trusted_ips_input_type = d["trusted_ips_input_type"]
        if type(trusted_ips_input_type) is not str and (
            not isinstance(trusted_ips_input_type, str)
        ):
            raise TypeError(
                "trusted_ips_input_type: expected str, got " + type(trusted_ips_input_type).__name__
            )

        fast_connect_action_name = d["fast_connect_action_name"]
        if type(fast_connect_action_name) is not str and (
            not isinstance(fast_connect_action_name, str)
        ):
            raise TypeError(
                "fast_connect_action_name: expected str, got "
                + type(fast_connect_action_name).__name__
            )

        market_trust_message = d.get("market_trust_message", UNSET)
        if (
            type(market_trust_message) is not str
            and market_trust_message is not UNSET
            and (not isinstance(market_trust_message, str))
        ):
            raise TypeError(
                "market_trust_message: expected str, got " + type(market_trust_message).__name__
            )

        default_trust_message = d.get("default_trust_message", UNSET)
        if (
            type(default_trust_message) is not str
            and default_trust_message is not UNSET
            and (not isinstance(default_trust_message, str))
        ):
            raise TypeError(
                "default_trust_message: expected str, got " + type(default_trust_message).__name__
            )

        connection_type = d.get("connection_type", UNSET)
        if (
            type(connection_type) is not str
            and connection_type is not UNSET
            and (not isinstance(connection_type, str))
        ):
            raise TypeError("connection_type: expected str, got " + type(connection_type).__name__)

        _obj = _new(cls)
        _obj.market_name = market_name
        _obj.market_url = market_url
        _obj.market_icon = market_icon
        _obj.help_link = help_link
        _obj.market_code = market_code
        _obj.form_fields = form_fields
        _obj.available_connection_flows = available_connection_flows
        _obj.third_party_allowed = third_party_allowed
        _obj.trusted_ips = trusted_ips
        _obj.trusted_ips_input_type = trusted_ips_input_type
        _obj.fast_connect_action_name = fast_connect_action_name
        _obj.market_trust_message = market_trust_message
        _obj.default_trust_message = default_trust_message
        _obj.connection_type = connection_type
        if len(d) != 11 and len(d) != 11 + (market_trust_message is not UNSET) + (
            default_trust_message is not UNSET
        ) + (connection_type is not UNSET):
            _extra = {
                _key: _value
                for _key, _value in d.items()
                if _key
                not in {
                    "market_name",
                    "market_url",
                    "market_icon",
                    "help_link",
                    "market_code",
                    "form_fields",
                    "available_connection_flows",
                    "third_party_allowed",
                    "trusted_ips",
                    "trusted_ips_input_type",
                    "fast_connect_action_name",
                    "market_trust_message",
                    "default_trust_message",
                    "connection_type",
                }
            }
            _obj.additional_properties = _extra
        return _obj

    additional_keys = _additional_keys
    __getitem__ = _getitem
    __setitem__ = _setitem
    __delitem__ = _delitem
    __contains__ = _contains


from ..models.market_form_fields import MarketFormFields

_MarketFormFields_from_dict = MarketFormFields.from_dict

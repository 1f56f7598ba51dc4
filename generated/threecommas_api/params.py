"""The request bodies in their mapping form, as TypedDicts (generated from the spec by
scripts/typeddicts.py; do not edit). A mapping given for a body, or a part of one, is
checked by a type checker against these: a misspelt key or a wrong type is an error."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Literal, NotRequired, Required, TypedDict

__all__ = [
    "AddFundsRequestParam",
    "ConditionalPriceInputParam",
    "CreateSmartTradeRequestParam",
    "EntryTrailingInputParam",
    "LeverageInputParam",
    "PositionConditionalInputParam",
    "PositionInputParam",
    "PriceInputParam",
    "ReduceFundsRequestParam",
    "SetNoteRequestParam",
    "StepPriceInputParam",
    "StopLossConditionalInputParam",
    "StopLossInputParam",
    "StopLossPriceInputParam",
    "StopLossTimeoutInputParam",
    "StopLossTriggerPriceInputParam",
    "TakeProfitInputParam",
    "TakeProfitStepInputParam",
    "TakeProfitTrailingInputParam",
    "TrailingInputParam",
    "UnitsInputParam",
    "UpdatePositionInputParam",
    "UpdateSmartTradeRequestParam",
]


class AddFundsRequestParam(TypedDict):
    """The body of `add_funds`. A `limit` order needs `price`. (The docs type `order_type` as an
    integer and their example sends `units` as an array; both are errors of the docs.)
    """

    order_type: Required[Literal["market", "limit"]]
    units: Required[UnitsInputParam]
    price: NotRequired[PriceInputParam]


class ConditionalPriceInputParam(TypedDict):
    """A trigger price of a conditional entry."""

    value: Required[str | Decimal]
    type: NotRequired[Literal["bid", "ask", "last"]]


class CreateSmartTradeRequestParam(TypedDict):
    """The body of `create_smart_trade`. Every doc version marks `leverage[enabled]`,
    `take_profit[enabled]` and `stop_loss[enabled]` mandatory, and the SDK always sends the
    three parts (`{'enabled': false}` for one the caller left out). The API also takes a body
    without them, as the docs' own examples show: `leverage` is optional ('uses only for
    contract exchanges'), and `take_profit` and `stop_loss` may be left out by a Simple Buy or
    Simple Sell (`instant`: 'required only when instant is false', in the classic docs'
    comments); a part left out is off.
    """

    account_id: Required[int]
    pair: Required[str]
    instant: NotRequired[bool]
    skip_enter_step: NotRequired[bool]
    note: NotRequired[str]
    leverage: NotRequired[LeverageInputParam]
    position: Required[PositionInputParam]
    take_profit: NotRequired[TakeProfitInputParam]
    stop_loss: NotRequired[StopLossInputParam]


class EntryTrailingInputParam(TypedDict):
    """Trailing settings of a conditional entry; only for market orders."""

    enabled: Required[bool]
    percent: NotRequired[str | Decimal]


class LeverageInputParam(TypedDict):
    """Leverage, for futures accounts only."""

    enabled: Required[bool]
    type: NotRequired[Literal["cross", "isolated"]]
    value: NotRequired[int]


class PositionConditionalInputParam(TypedDict):
    """The trigger of a conditional entry."""

    order_type: Required[Literal["market", "limit"]]
    price: Required[ConditionalPriceInputParam]
    trailing: NotRequired[EntryTrailingInputParam]


class PositionInputParam(TypedDict):
    """The entry order. A `limit` entry needs `price`; a `conditional` entry needs `conditional`."""

    type: Required[Literal["buy", "sell"]]
    order_type: Required[Literal["market", "limit", "conditional"]]
    units: Required[UnitsInputParam]
    price: NotRequired[PriceInputParam]
    conditional: NotRequired[PositionConditionalInputParam]


class PriceInputParam(TypedDict):
    """A limit price, within the pair's limits: `get_currency_rates`, or
    `get_currency_rates_with_leverage_data` where the newest create and edit pages send users.
    """

    value: Required[str | Decimal]


class ReduceFundsRequestParam(TypedDict):
    """The body of `reduce_funds`. A `limit` order needs `price`."""

    order_type: Required[Literal["market", "limit"]]
    units: Required[UnitsInputParam]
    price: NotRequired[PriceInputParam]


class SetNoteRequestParam(TypedDict):
    """The body of `set_note`."""

    note: Required[str]


class StepPriceInputParam(TypedDict):
    """Price of a take-profit step: either `value` (a price) or `percent` (while the entry's
    trailing is still running), never both.
    """

    type: Required[Literal["bid", "ask", "last"]]
    value: NotRequired[str | Decimal]
    percent: NotRequired[str | Decimal]


class StopLossConditionalInputParam(TypedDict):
    """The stop loss trigger."""

    price: Required[StopLossTriggerPriceInputParam]
    trailing: NotRequired[TrailingInputParam]


class StopLossInputParam(TypedDict):
    """Stop-loss settings. When enabled, `order_type` and `conditional` are needed, and a `limit`
    stop loss needs `price`. Breakeven needs at least two take-profit steps.
    """

    enabled: Required[bool]
    breakeven: NotRequired[bool]
    order_type: NotRequired[Literal["market", "limit"]]
    price: NotRequired[StopLossPriceInputParam]
    conditional: NotRequired[StopLossConditionalInputParam]
    timeout: NotRequired[StopLossTimeoutInputParam]


class StopLossPriceInputParam(TypedDict):
    """Limit price of a `limit` stop loss."""

    value: Required[str | Decimal]


class StopLossTimeoutInputParam(TypedDict):
    """Delay before the stop loss acts once triggered."""

    enabled: Required[bool]
    value: NotRequired[int]


class StopLossTriggerPriceInputParam(TypedDict):
    """Trigger of the stop loss, as a price or (while trailing runs) a percent."""

    type: Required[Literal["bid", "ask", "last"]]
    value: NotRequired[str | Decimal]
    percent: NotRequired[str | Decimal]


class TakeProfitInputParam(TypedDict):
    """Take-profit settings. When enabled, 1 to 8 steps are needed."""

    enabled: Required[bool]
    steps: NotRequired[Sequence[TakeProfitStepInputParam]]


class TakeProfitStepInputParam(TypedDict):
    """One take-profit step."""

    id: NotRequired[int]
    order_type: Required[Literal["market", "limit"]]
    volume: Required[str | Decimal]
    price: Required[StepPriceInputParam]
    trailing: NotRequired[TakeProfitTrailingInputParam]


class TakeProfitTrailingInputParam(TypedDict):
    """Trailing settings of a take-profit step; only the last step, a market order."""

    enabled: Required[bool]
    percent: NotRequired[str | Decimal]


class TrailingInputParam(TypedDict):
    """Trailing settings of a stop loss; only for market orders."""

    enabled: Required[bool]
    percent: NotRequired[str | Decimal]


class UnitsInputParam(TypedDict):
    """An amount of base-currency units, within the pair's limits: `get_currency_rates`, or
    `get_currency_rates_with_leverage_data` where the newest create and edit pages send users.
    """

    value: Required[str | Decimal]


class UpdatePositionInputParam(TypedDict):
    """The editable parts of the entry order."""

    units: NotRequired[UnitsInputParam]
    price: NotRequired[PriceInputParam]
    conditional: NotRequired[PositionConditionalInputParam]


class UpdateSmartTradeRequestParam(TypedDict):
    """The body of `update_smart_trade`: the parts to change. A take-profit step may carry the `id`
    of an existing step to edit it in place, as the docs' edit example does. (That example also
    sends `position.type` and, per step, `units` and `total`, which the parameter list does not
    name; they are not described here.)
    """

    leverage: NotRequired[LeverageInputParam]
    position: NotRequired[UpdatePositionInputParam]
    take_profit: NotRequired[TakeProfitInputParam]
    stop_loss: NotRequired[StopLossInputParam]

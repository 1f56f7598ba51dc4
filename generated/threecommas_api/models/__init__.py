"""Contains all the data models used in inputs/outputs.

Each model is imported on first use (PEP 562): importing the package, or one model, does not
import the other sixty (threecommas-sdk template).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .account import Account
    from .account_available_for_trading import AccountAvailableForTrading
    from .account_balance import AccountBalance
    from .add_funds_request import AddFundsRequest
    from .conditional_price_input import ConditionalPriceInput
    from .create_smart_trade_request import CreateSmartTradeRequest
    from .currency_amount import CurrencyAmount
    from .currency_amount_number import CurrencyAmountNumber
    from .currency_rates import CurrencyRates
    from .currency_rates_with_leverage_data import CurrencyRatesWithLeverageData
    from .current_price import CurrentPrice
    from .editable_units import EditableUnits
    from .entry_trailing_input import EntryTrailingInput
    from .error import Error
    from .error_error_attributes import ErrorErrorAttributes
    from .filled import Filled
    from .forced_mode import ForcedMode
    from .key_validity import KeyValidity
    from .leverage import Leverage
    from .leverage_input import LeverageInput
    from .leverage_range import LeverageRange
    from .leverage_type import LeverageType
    from .limit_type import LimitType
    from .margin import Margin
    from .market import Market
    from .market_close import MarketClose
    from .market_form_field import MarketFormField
    from .market_form_fields import MarketFormFields
    from .order_direction import OrderDirection
    from .order_price import OrderPrice
    from .order_side import OrderSide
    from .order_status import OrderStatus
    from .order_type import OrderType
    from .pair_leverage import PairLeverage
    from .position import Position
    from .position_conditional import PositionConditional
    from .position_conditional_input import PositionConditionalInput
    from .position_input import PositionInput
    from .position_order_type import PositionOrderType
    from .position_price import PositionPrice
    from .price_input import PriceInput
    from .price_type import PriceType
    from .profit import Profit
    from .reduce_funds import ReduceFunds
    from .reduce_funds_info import ReduceFundsInfo
    from .reduce_funds_request import ReduceFundsRequest
    from .reduce_funds_step import ReduceFundsStep
    from .set_note_request import SetNoteRequest
    from .smart_trade import SmartTrade
    from .smart_trade_account import SmartTradeAccount
    from .smart_trade_data import SmartTradeData
    from .smart_trade_order_by import SmartTradeOrderBy
    from .smart_trade_status import SmartTradeStatus
    from .smart_trade_status_filter import SmartTradeStatusFilter
    from .smart_trade_type import SmartTradeType
    from .step_data import StepData
    from .step_price_input import StepPriceInput
    from .stop_loss import StopLoss
    from .stop_loss_conditional import StopLossConditional
    from .stop_loss_conditional_input import StopLossConditionalInput
    from .stop_loss_input import StopLossInput
    from .stop_loss_price import StopLossPrice
    from .stop_loss_price_input import StopLossPriceInput
    from .stop_loss_timeout import StopLossTimeout
    from .stop_loss_timeout_input import StopLossTimeoutInput
    from .stop_loss_trigger_price_input import StopLossTriggerPriceInput
    from .take_profit import TakeProfit
    from .take_profit_input import TakeProfitInput
    from .take_profit_step import TakeProfitStep
    from .take_profit_step_input import TakeProfitStepInput
    from .take_profit_trailing_input import TakeProfitTrailingInput
    from .total import Total
    from .trade import Trade
    from .trailing import Trailing
    from .trailing_input import TrailingInput
    from .trigger_price import TriggerPrice
    from .units import Units
    from .units_input import UnitsInput
    from .update_position_input import UpdatePositionInput
    from .update_smart_trade_request import UpdateSmartTradeRequest

_MODULE_OF = {
    "Account": ".account",
    "AccountAvailableForTrading": ".account_available_for_trading",
    "AccountBalance": ".account_balance",
    "AddFundsRequest": ".add_funds_request",
    "ConditionalPriceInput": ".conditional_price_input",
    "CreateSmartTradeRequest": ".create_smart_trade_request",
    "CurrencyAmount": ".currency_amount",
    "CurrencyAmountNumber": ".currency_amount_number",
    "CurrencyRates": ".currency_rates",
    "CurrencyRatesWithLeverageData": ".currency_rates_with_leverage_data",
    "CurrentPrice": ".current_price",
    "EditableUnits": ".editable_units",
    "EntryTrailingInput": ".entry_trailing_input",
    "Error": ".error",
    "ErrorErrorAttributes": ".error_error_attributes",
    "Filled": ".filled",
    "ForcedMode": ".forced_mode",
    "KeyValidity": ".key_validity",
    "Leverage": ".leverage",
    "LeverageInput": ".leverage_input",
    "LeverageRange": ".leverage_range",
    "LeverageType": ".leverage_type",
    "LimitType": ".limit_type",
    "Margin": ".margin",
    "Market": ".market",
    "MarketClose": ".market_close",
    "MarketFormField": ".market_form_field",
    "MarketFormFields": ".market_form_fields",
    "OrderDirection": ".order_direction",
    "OrderPrice": ".order_price",
    "OrderSide": ".order_side",
    "OrderStatus": ".order_status",
    "OrderType": ".order_type",
    "PairLeverage": ".pair_leverage",
    "Position": ".position",
    "PositionConditional": ".position_conditional",
    "PositionConditionalInput": ".position_conditional_input",
    "PositionInput": ".position_input",
    "PositionOrderType": ".position_order_type",
    "PositionPrice": ".position_price",
    "PriceInput": ".price_input",
    "PriceType": ".price_type",
    "Profit": ".profit",
    "ReduceFunds": ".reduce_funds",
    "ReduceFundsInfo": ".reduce_funds_info",
    "ReduceFundsRequest": ".reduce_funds_request",
    "ReduceFundsStep": ".reduce_funds_step",
    "SetNoteRequest": ".set_note_request",
    "SmartTrade": ".smart_trade",
    "SmartTradeAccount": ".smart_trade_account",
    "SmartTradeData": ".smart_trade_data",
    "SmartTradeOrderBy": ".smart_trade_order_by",
    "SmartTradeStatus": ".smart_trade_status",
    "SmartTradeStatusFilter": ".smart_trade_status_filter",
    "SmartTradeType": ".smart_trade_type",
    "StepData": ".step_data",
    "StepPriceInput": ".step_price_input",
    "StopLoss": ".stop_loss",
    "StopLossConditional": ".stop_loss_conditional",
    "StopLossConditionalInput": ".stop_loss_conditional_input",
    "StopLossInput": ".stop_loss_input",
    "StopLossPrice": ".stop_loss_price",
    "StopLossPriceInput": ".stop_loss_price_input",
    "StopLossTimeout": ".stop_loss_timeout",
    "StopLossTimeoutInput": ".stop_loss_timeout_input",
    "StopLossTriggerPriceInput": ".stop_loss_trigger_price_input",
    "TakeProfit": ".take_profit",
    "TakeProfitInput": ".take_profit_input",
    "TakeProfitStep": ".take_profit_step",
    "TakeProfitStepInput": ".take_profit_step_input",
    "TakeProfitTrailingInput": ".take_profit_trailing_input",
    "Total": ".total",
    "Trade": ".trade",
    "Trailing": ".trailing",
    "TrailingInput": ".trailing_input",
    "TriggerPrice": ".trigger_price",
    "Units": ".units",
    "UnitsInput": ".units_input",
    "UpdatePositionInput": ".update_position_input",
    "UpdateSmartTradeRequest": ".update_smart_trade_request",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULE_OF))


__all__ = (
    "Account",
    "AccountAvailableForTrading",
    "AccountBalance",
    "AddFundsRequest",
    "ConditionalPriceInput",
    "CreateSmartTradeRequest",
    "CurrencyAmount",
    "CurrencyAmountNumber",
    "CurrencyRates",
    "CurrencyRatesWithLeverageData",
    "CurrentPrice",
    "EditableUnits",
    "EntryTrailingInput",
    "Error",
    "ErrorErrorAttributes",
    "Filled",
    "ForcedMode",
    "KeyValidity",
    "Leverage",
    "LeverageInput",
    "LeverageRange",
    "LeverageType",
    "LimitType",
    "Margin",
    "Market",
    "MarketClose",
    "MarketFormField",
    "MarketFormFields",
    "OrderDirection",
    "OrderPrice",
    "OrderSide",
    "OrderStatus",
    "OrderType",
    "PairLeverage",
    "Position",
    "PositionConditional",
    "PositionConditionalInput",
    "PositionInput",
    "PositionOrderType",
    "PositionPrice",
    "PriceInput",
    "PriceType",
    "Profit",
    "ReduceFunds",
    "ReduceFundsInfo",
    "ReduceFundsRequest",
    "ReduceFundsStep",
    "SetNoteRequest",
    "SmartTrade",
    "SmartTradeAccount",
    "SmartTradeData",
    "SmartTradeOrderBy",
    "SmartTradeStatus",
    "SmartTradeStatusFilter",
    "SmartTradeType",
    "StepData",
    "StepPriceInput",
    "StopLoss",
    "StopLossConditional",
    "StopLossConditionalInput",
    "StopLossInput",
    "StopLossPrice",
    "StopLossPriceInput",
    "StopLossTimeout",
    "StopLossTimeoutInput",
    "StopLossTriggerPriceInput",
    "TakeProfit",
    "TakeProfitInput",
    "TakeProfitStep",
    "TakeProfitStepInput",
    "TakeProfitTrailingInput",
    "Total",
    "Trade",
    "Trailing",
    "TrailingInput",
    "TriggerPrice",
    "Units",
    "UnitsInput",
    "UpdatePositionInput",
    "UpdateSmartTradeRequest",
)

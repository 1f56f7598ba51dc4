"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .add_funds_request import AddFundsRequest
from .conditional_price_input import ConditionalPriceInput
from .create_smart_trade_request import CreateSmartTradeRequest
from .current_price import CurrentPrice
from .editable_units import EditableUnits
from .error import Error
from .error_error_attributes import ErrorErrorAttributes
from .filled import Filled
from .forced_mode import ForcedMode
from .leverage import Leverage
from .leverage_input import LeverageInput
from .leverage_type import LeverageType
from .margin import Margin
from .market_close import MarketClose
from .order_direction import OrderDirection
from .order_price import OrderPrice
from .order_side import OrderSide
from .order_status import OrderStatus
from .order_type import OrderType
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
from .total import Total
from .trade import Trade
from .trailing import Trailing
from .trailing_input import TrailingInput
from .trigger_price import TriggerPrice
from .units import Units
from .units_input import UnitsInput
from .update_position_input import UpdatePositionInput
from .update_smart_trade_request import UpdateSmartTradeRequest

__all__ = (
    "Account",
    "AddFundsRequest",
    "ConditionalPriceInput",
    "CreateSmartTradeRequest",
    "CurrentPrice",
    "EditableUnits",
    "Error",
    "ErrorErrorAttributes",
    "Filled",
    "ForcedMode",
    "Leverage",
    "LeverageInput",
    "LeverageType",
    "Margin",
    "MarketClose",
    "OrderDirection",
    "OrderPrice",
    "OrderSide",
    "OrderStatus",
    "OrderType",
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

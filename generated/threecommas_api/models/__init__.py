"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .current_price import CurrentPrice
from .editable_units import EditableUnits
from .error import Error
from .error_error_attributes import ErrorErrorAttributes
from .filled import Filled
from .forced_mode import ForcedMode
from .leverage import Leverage
from .margin import Margin
from .market_close import MarketClose
from .order_price import OrderPrice
from .order_status import OrderStatus
from .position import Position
from .position_conditional import PositionConditional
from .position_price import PositionPrice
from .profit import Profit
from .reduce_funds import ReduceFunds
from .reduce_funds_step import ReduceFundsStep
from .smart_trade import SmartTrade
from .smart_trade_data import SmartTradeData
from .smart_trade_status import SmartTradeStatus
from .step_data import StepData
from .stop_loss import StopLoss
from .stop_loss_conditional import StopLossConditional
from .stop_loss_price import StopLossPrice
from .stop_loss_timeout import StopLossTimeout
from .take_profit import TakeProfit
from .take_profit_step import TakeProfitStep
from .total import Total
from .trailing import Trailing
from .trigger_price import TriggerPrice
from .units import Units

__all__ = (
    "Account",
    "CurrentPrice",
    "EditableUnits",
    "Error",
    "ErrorErrorAttributes",
    "Filled",
    "ForcedMode",
    "Leverage",
    "Margin",
    "MarketClose",
    "OrderPrice",
    "OrderStatus",
    "Position",
    "PositionConditional",
    "PositionPrice",
    "Profit",
    "ReduceFunds",
    "ReduceFundsStep",
    "SmartTrade",
    "SmartTradeData",
    "SmartTradeStatus",
    "StepData",
    "StopLoss",
    "StopLossConditional",
    "StopLossPrice",
    "StopLossTimeout",
    "TakeProfit",
    "TakeProfitStep",
    "Total",
    "Trailing",
    "TriggerPrice",
    "Units",
)

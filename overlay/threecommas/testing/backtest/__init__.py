from threecommas.testing.backtest._engine import backtest
from threecommas.testing.backtest._report import BacktestReport

__all__ = ["BacktestReport", "backtest"]

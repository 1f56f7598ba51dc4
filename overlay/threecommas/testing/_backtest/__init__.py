"""Backtesting: a user's strategy over candles, on the simulated market, in virtual time.

:func:`backtest` (``_engine``) plays the candles bar by bar and calls the strategy with a real
client whose requests reach a fresh fake server in-process (``_transport``); one virtual clock
(``_clock``) is the market's, the client's and the server's rate limit's. The
:class:`BacktestReport` (``_report``) is built from the SmartTrades as the server left them;
``_html`` draws its page. Public as ``threecommas.testing.backtest`` and
``threecommas.testing.BacktestReport``.
"""

from threecommas.testing._backtest._engine import backtest
from threecommas.testing._backtest._report import BacktestReport

__all__ = ["BacktestReport", "backtest"]

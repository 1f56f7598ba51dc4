""":func:`backtest`: a strategy over candles, on a fresh simulated market, in virtual time.

The loop, bar by bar: the backtest's now moves to the moment the market plays the bar's close
(three quarters into the bar, by the market's bar rule: open, the two extremes, close), and the
strategy is called with the bar and a client. What the strategy sends reaches the fake server
in-process; the store catches the market up to now before answering, so a market order fills
at the close the strategy saw. Waits the client makes (its limiter, a lockout after a 429,
retries, ``wait_for``) move now on: the bars that close meanwhile are played by the market but
not handed to the strategy (it was busy, as it would be live), and are counted in the report.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final

import httpx

from threecommas._exceptions import ThreeCommasError
from threecommas._strategy import is_async_strategy
from threecommas.testing._backtest._candles import CandleSource, read_candles
from threecommas.testing._backtest._clock import BacktestClock
from threecommas.testing._backtest._report import BacktestReport, build_report
from threecommas.testing._backtest._transport import (
    AsyncInProcessTransport,
    InProcessTransport,
    RequestLog,
)
from threecommas.testing.faults import FaultConfig, Faults, RateLimitConfig
from threecommas.testing.recording import load_recordings
from threecommas.testing.server import DEFAULT_API_KEY, DEFAULT_API_SECRET, create_app
from threecommas.testing.simulation import BACKTEST_MARKET, Market
from threecommas.testing.simulation._market._balances import pair_currencies
from threecommas.testing.simulation._market._bars import Bar, bar_end
from threecommas.testing.simulation._market._prices import PricePath

__all__ = ["DEFAULT_MARKET_CODE", "DEFAULT_QUOTE_BALANCE", "backtest"]

#: The market of the account a backtest trades on unless told otherwise.
DEFAULT_MARKET_CODE: Final = "binance_us"
#: What the account holds of the pair's quote currency when ``balances`` is left out.
DEFAULT_QUOTE_BALANCE: Final = "10000"
#: The limit the fake server enforces by default: the API's documented budget.
DEFAULT_RATE_LIMIT: Final = RateLimitConfig()
_MICROS: Final = Decimal(1_000_000)
_NOT_GIVEN: Any = object()


@dataclass
class _Run:
    """What the loop gathers for the report."""

    bars_called: int = 0
    bars_skipped: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def backtest(
    strategy: Any,
    *,
    candles: CandleSource,
    pair: str,
    market_code: str = DEFAULT_MARKET_CODE,
    balances: Mapping[str, object] | None = None,
    fees: object = None,
    slippage: object = None,
    seed: int = 0,
    rate_limit: RateLimitConfig | None = DEFAULT_RATE_LIMIT,
    client_options: Mapping[str, Any] | None = None,
) -> BacktestReport:
    """Run ``strategy(client, bar)`` over ``candles`` of ``pair`` on a fresh simulated market.

    Args:
        strategy: a callable ``strategy(client, bar)``; an ``async def`` one (or an object whose
            ``__call__`` is) gets an ``AsyncThreeCommas``, any other a ``ThreeCommas``.
        candles: a Binance kline CSV, freqtrade JSON candles or a ccxt OHLCV list (a file name,
            or the list itself), any timeframe, gaps allowed.
        pair: the pair the candles are of, in 3Commas' form (``"USDT_BTC"``).
        market_code: the market of the account the strategy finds in ``client.accounts.list()``
            (one with ``smart_trading_supported``; the fake server's accounts are
            ``binance_us`` and ``bybit_spot``).
        balances: what that account holds at the start, ``{"USDT": "1000"}``; the pair's two
            currencies hold exactly what is given (0 when left out). Default: 10,000 of the
            pair's quote currency.
        fees, slippage, seed: how the market fills, over the backtest preset
            (``threecommas.testing.simulation.BACKTEST_MARKET``: 0.1 % maker and taker, market
            fills slipping up to 0.05 %, drawn from ``seed``, a resting limit order filling at
            most a tenth of a bar's volume). ``fees`` is one rate for maker and taker
            (``"0.00075"``),
            or ``{"maker": ..., "taker": ...}``; ``slippage`` the largest fraction a market fill
            moves (``"0"``: none); ``None`` keeps the preset's.
        rate_limit: the limit the fake server enforces, on the backtest's clock (default: the
            documented 100 requests a minute; ``None``: none).
        client_options: more keyword arguments for the client (``rate_limit``,
            ``max_retries``...).

    Returns:
        The :class:`BacktestReport`. The same candles, strategy, options and seed give a
        byte-identical report.

    Raises:
        ValueError: bad candles, pair, market code or balance (named), before the first bar.
    """
    started = time.perf_counter()
    start, path = read_candles(candles, pair)
    currencies = pair_currencies(pair)
    if currencies is None:
        raise ValueError(f"pair must be QUOTE_BASE (USDT_BTC), not {pair!r}")
    quote, base = currencies
    account_id = _account_for(market_code)
    clock = BacktestClock(start)
    faults = Faults(FaultConfig(rate_limit=rate_limit), clock=clock.monotonic)
    app = create_app(faults=faults)
    store = app.state.store
    store.use_market(Market(clock=clock))
    control = app.state.market
    config = _configure_fills(control, fees=fees, slippage=slippage, seed=seed)
    wanted = {quote: DEFAULT_QUOTE_BALANCE} if balances is None else dict(balances)
    wanted = {str(currency).upper(): amount for currency, amount in wanted.items()}
    for currency in (quote, base):
        wanted.setdefault(currency, "0")
    for currency, amount in wanted.items():
        control.set_balance(account_id, currency, amount)
    recorded = set(store.ids())
    control.play(path)
    log = RequestLog.empty()
    run = _Run()

    def play() -> None:
        if is_async_strategy(strategy):
            asyncio.run(_play_async(strategy, path, app, clock, log, run, client_options))
        else:
            _play(strategy, path, app, clock, log, run, client_options)

    if _loop_running():
        # Called from a running event loop (a notebook, an async test): the backtest needs an
        # event loop of its own, which a thread can have; this one waits for it.
        with concurrent.futures.ThreadPoolExecutor(1, "threecommas-backtest") as worker:
            worker.submit(play).result()
    else:
        play()
    last = path.bars[-1]
    clock.move_now_to(_micros(last.t + last.seconds))
    store.catch_up()
    smart_trades = [st for key, st in sorted(store.snapshot().items()) if key not in recorded]
    return build_report(
        pair=pair,
        market_code=market_code,
        account_id=account_id,
        start=start,
        bars=path.bars,
        smart_trades=smart_trades,
        balances={currency: str(amount) for currency, amount in wanted.items()},
        quote=quote,
        requests=log,
        bars_called=run.bars_called,
        bars_skipped=run.bars_skipped,
        errors=run.errors,
        options=config,
        wall_seconds=time.perf_counter() - started,
        waited_micros=clock.slept_micros,
        blocks=(path.block_lows, path.block_highs),
    )


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _micros(seconds: Decimal) -> int:
    return int(seconds * _MICROS)


@functools.cache
def _accounts() -> tuple[tuple[str, int], ...]:
    for recording in load_recordings():
        if recording.operation == "list_accounts" and isinstance(recording.body, list):
            return tuple(
                (str(account.get("market_code")), int(account["id"]))
                for account in recording.body
                if isinstance(account, dict) and account.get("smart_trading_supported")
            )
    return ()


def _account_for(market_code: str) -> int:
    for code, account_id in _accounts():
        if code == market_code:
            return account_id
    known = ", ".join(sorted({code for code, _ in _accounts()}))
    raise ValueError(
        f"market_code: no account of the fake server trades on {market_code!r} ({known})"
    )


def _configure_fills(control: Any, *, fees: object, slippage: object, seed: int) -> dict[str, Any]:
    """Put the backtest preset in force, with the caller's fees, slippage and seed; the
    options in force (for the report)."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError(f"seed must be an integer, not {seed!r}")
    options: dict[str, object] = {**BACKTEST_MARKET, "seed": seed}
    if fees is not None:
        if isinstance(fees, Mapping):
            unknown = set(fees) - {"maker", "taker"}
            if unknown:
                raise ValueError(f"fees: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
            options.update({f"{side}_fee": rate for side, rate in fees.items()})
        else:
            options.update(maker_fee=fees, taker_fee=fees)
    if slippage is not None:
        options["slippage"] = slippage
    config: dict[str, Any] = control.configure(**options)
    return config


def _client_kwargs(clock: BacktestClock, options: Mapping[str, Any] | None) -> dict[str, Any]:
    kwargs: dict[str, Any] = dict(options or {})
    for name in ("clock", "http_client", "base_url"):
        if name in kwargs:
            raise ValueError(f"client_options: {name} is the backtest's own")
    kwargs["clock"] = clock
    return kwargs


def _error(bar: Bar, exc: ThreeCommasError) -> dict[str, Any]:
    return {"time": bar.time.isoformat(), "error": type(exc).__name__, "message": str(exc)}


def _play(
    strategy: Any,
    path: PricePath,
    app: Any,
    clock: BacktestClock,
    log: RequestLog,
    run: _Run,
    options: Mapping[str, Any] | None,
) -> None:
    from threecommas import ThreeCommas
    from threecommas._base_client import DEFAULT_HEADERS

    transport = InProcessTransport(app, clock, log)
    http = httpx.Client(transport=transport, headers=DEFAULT_HEADERS)
    client = ThreeCommas(
        DEFAULT_API_KEY, DEFAULT_API_SECRET, http_client=http, **_client_kwargs(clock, options)
    )
    # The hot loop of a backtest, once per bar, as near a bare call of the strategy as it
    # goes: the bar is the path's own (made when the candles were read), the clock reads the
    # bar the loop is on through the closure (a for-loop target that is a cell costs no
    # call), and the bars to pass are looked for only after a wait moved now on.
    bars = path.bars
    bar = bars[0]
    waited = False
    skipped = 0
    ends = _Ends()

    def current_end() -> int:
        return ends.of(bar)

    def on_move() -> None:
        nonlocal waited
        waited = True

    clock.follow(current_end, on_move)
    try:
        for bar in bars:
            if waited:
                # The strategy waited (its limiter, a lockout, wait_for): the bars that closed
                # meanwhile passed without it, as they would live.
                if clock.now_micros > ends.of(bar):
                    skipped += 1
                    continue
                waited = False
            try:
                strategy(client, bar)
            except ThreeCommasError as exc:
                run.errors.append(_error(bar, exc))
    finally:
        clock.follow(None)
        run.bars_skipped = skipped
        # Every bar was either handed over or skipped (an exception out of the
        # strategy ends the backtest with no report).
        run.bars_called = len(bars) - skipped
        client.close()
        http.close()
        transport.close()


async def _play_async(
    strategy: Any,
    path: PricePath,
    app: Any,
    clock: BacktestClock,
    log: RequestLog,
    run: _Run,
    options: Mapping[str, Any] | None,
) -> None:
    from threecommas import AsyncThreeCommas
    from threecommas._base_client import DEFAULT_HEADERS

    http = httpx.AsyncClient(
        transport=AsyncInProcessTransport(app, clock, log), headers=DEFAULT_HEADERS
    )
    client = AsyncThreeCommas(
        DEFAULT_API_KEY, DEFAULT_API_SECRET, http_client=http, **_client_kwargs(clock, options)
    )
    # As in _play.
    bars = path.bars
    bar = bars[0]
    waited = False
    skipped = 0
    ends = _Ends()

    def current_end() -> int:
        return ends.of(bar)

    def on_move() -> None:
        nonlocal waited
        waited = True

    clock.follow(current_end, on_move)
    try:
        for bar in bars:
            if waited:
                if clock.now_micros > ends.of(bar):
                    skipped += 1
                    continue
                waited = False
            try:
                await strategy(client, bar)
            except ThreeCommasError as exc:
                run.errors.append(_error(bar, exc))
    finally:
        clock.follow(None)
        run.bars_skipped = skipped
        # Every bar was either handed over or skipped (an exception out of the
        # strategy ends the backtest with no report).
        run.bars_called = len(bars) - skipped
        await client.close()
        await http.aclose()


class _Ends:
    """When a bar's close plays (as the path has it), for the bar last asked about: the clock
    asks several times a request, and all about the same bar."""

    __slots__ = ("_bar", "_end")

    def __init__(self) -> None:
        self._bar: Bar | None = None
        self._end = 0

    def of(self, bar: Bar) -> int:
        if bar is not self._bar:
            self._bar, self._end = bar, bar_end(bar)
        return self._end

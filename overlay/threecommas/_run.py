""":func:`run`: a strategy against the API, the same callable a backtest runs.

Decisions (where the issue left them open):

* **What a bar is live.** Every ``interval`` seconds (on the client's clock) a bar closes:
  its prices are the ``currency_rates`` reads made during it (``last``), spread evenly so
  that they take at most ``budget_share`` of the rate limit; its open is the previous bar's
  close (the first read for the first bar), high and low the extremes of the open and the
  reads, close the last read, made at the bar's end. ``volume`` is ``None``: the rates carry
  none. ``time`` is when the bar opened (the client's clock), as candles are stamped.
* **Paper unless confirmed.** ``mode="paper"`` (the default) sends every request with
  ``Forced-Mode: paper``, and a guard on the HTTP client stops before sending any request
  that would go without it (a strategy passing ``forced_mode="real"`` to one call). Real
  trading needs ``mode="real"`` *and* ``confirm_real=True``; anything else is refused with a
  ``ValueError`` before a request is made.
* **Errors.** An API error raised by the strategy (a ``ThreeCommasError``: a 429, a refused
  order) is logged and the next bar comes, as in a backtest, where they are counted; any other
  exception is a bug in the strategy and ends the run (the client is closed first).
* **Stopping.** Ctrl-C (``KeyboardInterrupt``) or ``duration`` seconds on the client's clock
  or ``max_bars`` bars end the run cleanly, between two requests: :class:`RunResult` says
  which. Everything the run does is logged to the ``threecommas.run`` logger (INFO: start,
  each bar, stop; WARNING: errors), never a secret.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from threecommas._constants import BUDGET_PERIOD_S, BUDGET_REQUESTS
from threecommas._exceptions import ThreeCommasError
from threecommas._strategy import Bar, is_async_strategy

if TYPE_CHECKING:
    import httpx

    from threecommas._async._client import AsyncThreeCommas
    from threecommas._sync._client import ThreeCommas

__all__ = ["RUN_MODES", "RunResult", "run"]

RUN_MODES: Final = ("paper", "real")
#: The share of the rate limit the price reads may take unless told otherwise.
DEFAULT_RUN_BUDGET_SHARE: Final = 0.05
#: The longest nap between two looks at the clock: Ctrl-C and a deadline are seen this soon.
_NAP_S: Final = 0.5

_log = logging.getLogger("threecommas.run")


class RealModeGuardError(RuntimeError):
    """A request of a paper run was about to go without ``Forced-Mode: paper``; not sent."""


@dataclass
class RunResult:
    """How a :func:`run` went: the bars handed to the strategy, the API errors it raised (and
    were logged), the reads that failed, and why it stopped (``"interrupt"``, ``"duration"``
    or ``"max_bars"``)."""

    mode: str
    bars: int = 0
    errors: int = 0
    failed_reads: int = 0
    stopped_by: str = ""
    last_bar: Bar | None = field(default=None, repr=False)


def run(
    strategy: Any,
    *,
    pair: str,
    market_code: str,
    interval: float = 60,
    mode: str = "paper",
    confirm_real: bool = False,
    duration: float | None = None,
    max_bars: int | None = None,
    budget_share: float = DEFAULT_RUN_BUDGET_SHARE,
    **client_options: Any,
) -> RunResult:
    """Run ``strategy(client, bar)`` against the API, a bar every ``interval`` seconds.

    Args:
        strategy: the callable a backtest runs (an ``async def`` one gets an
            ``AsyncThreeCommas``).
        pair, market_code: what the bars are of (``"USDT_BTC"``, ``"binance"``).
        interval: a bar's length in seconds of the client's clock.
        mode: ``"paper"`` (every request with ``Forced-Mode: paper``) or ``"real"``, which
            also needs ``confirm_real=True``.
        duration, max_bars: stop after this many seconds (the client's clock) or bars;
            ``None``: run until Ctrl-C.
        budget_share: the share of the rate limit the price reads may take (0 to 1).
        client_options: for the client: ``api_key``, ``api_secret``, ``base_url``,
            ``rate_limit``, ``clock``, ``http_client``... (credentials from the environment
            when left out, as the client takes them).

    Raises:
        ValueError: a bad argument, or ``mode="real"`` without ``confirm_real=True``; nothing
            is sent then.
    """
    _check(pair, market_code, interval, mode, confirm_real, duration, max_bars, budget_share)
    result = RunResult(mode)
    forced = "real" if mode == "real" else "paper"
    if "forced_mode" in client_options:
        raise ValueError("forced_mode: run() sets it from mode (paper unless confirmed real)")
    _log.info(
        "run: %s on %s (%s), a bar every %g s, mode %s",
        _name(strategy),
        pair,
        market_code,
        interval,
        forced,
    )
    loop = _Loop(pair, market_code, interval, duration, max_bars, budget_share, client_options)
    try:
        if is_async_strategy(strategy):
            asyncio.run(loop.run_async(strategy, forced, result))
        else:
            loop.run_sync(strategy, forced, result)
    except KeyboardInterrupt:
        result.stopped_by = "interrupt"
    _log.info(
        "run: stopped (%s) after %d bar(s), %d strategy error(s), %d failed read(s)",
        result.stopped_by,
        result.bars,
        result.errors,
        result.failed_reads,
    )
    return result


def _name(strategy: Any) -> str:
    return str(getattr(strategy, "__name__", type(strategy).__name__))


def _check(
    pair: str,
    market_code: str,
    interval: float,
    mode: str,
    confirm_real: bool,
    duration: float | None,
    max_bars: int | None,
    budget_share: float,
) -> None:
    if mode not in RUN_MODES:
        raise ValueError(f"mode must be 'paper' or 'real', not {mode!r}")
    if mode == "real" and confirm_real is not True:
        raise ValueError(
            "mode='real' places real orders with real money: pass confirm_real=True to mean it "
            "(on the command line: --real --yes); nothing was sent"
        )
    if not isinstance(pair, str) or "_" not in pair:
        raise ValueError(f"pair must be QUOTE_BASE (USDT_BTC), not {pair!r}")
    if not isinstance(market_code, str) or not market_code:
        raise ValueError("market_code must name the market (binance)")
    for name, value in (("interval", interval), ("duration", duration)):
        if value is None and name == "duration":
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
            raise ValueError(f"{name} must be a positive number of seconds, not {value!r}")
    if max_bars is not None and (
        isinstance(max_bars, bool) or not isinstance(max_bars, int) or max_bars < 1
    ):
        raise ValueError(f"max_bars must be a positive integer, not {max_bars!r}")
    if isinstance(budget_share, bool) or not isinstance(budget_share, int | float):
        raise ValueError("budget_share must be a number above 0 and at most 1")
    if not 0 < budget_share <= 1:
        raise ValueError(f"budget_share must be above 0 and at most 1, not {budget_share!r}")


@functools.cache
def _paper_operations() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(method, path pattern) of every operation that takes the Forced-Mode header (the
    others, such as the price reads, have no mode to force)."""
    from threecommas_api._catalogue import OPERATIONS

    return tuple(
        (
            op.method,
            re.compile(
                re.sub(
                    r"\{[^}]+\}",
                    "[0-9]+",
                    re.escape(op.path).replace(r"\{", "{").replace(r"\}", "}"),
                )
                + "$"
            ),
        )
        for op in OPERATIONS
        if any(p.name == "Forced-Mode" for p in op.parameters)
    )


def _needs_paper(request: httpx.Request) -> bool:
    mode: str | None = request.headers.get("Forced-Mode")
    if mode is not None:
        return mode != "paper"
    path = request.url.path
    return any(
        method == request.method and pattern.search(path) for method, pattern in _paper_operations()
    )


def _paper_guard(forced: str) -> Callable[[httpx.Request], None]:
    def guard(request: httpx.Request) -> None:
        if forced == "paper" and _needs_paper(request):
            raise RealModeGuardError(
                f"run(mode='paper'): {request.method} {request.url.path} was about to go "
                "without Forced-Mode: paper (a call with forced_mode='real'?); not sent"
            )

    return guard


class _Bars:
    """Folds price reads into bars."""

    def __init__(self, pair: str) -> None:
        self.pair = pair
        self.previous_close: Decimal | None = None

    def make(self, opened: float, interval: float, prices: list[Decimal]) -> Bar | None:
        if not prices:
            return None
        first = self.previous_close if self.previous_close is not None else prices[0]
        seen = [first, *prices]
        self.previous_close = prices[-1]
        return Bar(
            datetime.fromtimestamp(opened, UTC),
            self.pair,
            first,
            max(seen),
            min(seen),
            prices[-1],
            None,
            Decimal(repr(float(interval))).normalize(),
        )


class _Loop:
    def __init__(
        self,
        pair: str,
        market_code: str,
        interval: float,
        duration: float | None,
        max_bars: int | None,
        budget_share: float,
        options: dict[str, Any],
    ) -> None:
        self.pair, self.market_code, self.interval = pair, market_code, float(interval)
        self.duration, self.max_bars = duration, max_bars
        limit = options.get("rate_limit")
        requests = getattr(limit, "requests", BUDGET_REQUESTS)
        period = getattr(limit, "period", BUDGET_PERIOD_S)
        reads = int(budget_share * requests * self.interval / period)
        #: Price reads a bar: within the budget share, at least one (the close), at most 60.
        self.reads = max(1, min(60, reads))
        self.options = options

    def _client(self, cls: Any, forced: str) -> Any:
        client = cls(forced_mode=forced, **self.options)
        hooks = client._http.event_hooks
        guard = _paper_guard(forced)
        if cls.__name__.startswith("Async"):

            async def async_guard(request: httpx.Request) -> None:
                guard(request)

            client._http.event_hooks = {**hooks, "request": [async_guard, *hooks["request"]]}
        else:
            client._http.event_hooks = {**hooks, "request": [guard, *hooks["request"]]}
        return client

    def _due(self, result: RunResult, started: float, now: float) -> str | None:
        if self.max_bars is not None and result.bars >= self.max_bars:
            return "max_bars"
        if self.duration is not None and now - started >= self.duration:
            return "duration"
        return None

    def _read_moments(self, opened: float) -> list[float]:
        step = self.interval / self.reads
        return [opened + step * (k + 1) for k in range(self.reads)]

    def run_sync(self, strategy: Any, forced: str, result: RunResult) -> None:
        from threecommas._sync._client import ThreeCommas

        client: ThreeCommas = self._client(ThreeCommas, forced)
        clock = client.clock
        bars = _Bars(self.pair)
        with client:
            started = clock.monotonic()
            wall = clock.time() - started
            opened = started
            while True:
                prices: list[Decimal] = []
                for moment in self._read_moments(opened):
                    while (now := clock.monotonic()) < moment:
                        if self._due(result, started, now):
                            break
                        clock.sleep(min(_NAP_S, moment - now))
                    if (why := self._due(result, started, clock.monotonic())) is not None:
                        result.stopped_by = why
                        return
                    price = self._read(client, result)
                    if price is not None:
                        prices.append(price)
                bar = bars.make(wall + opened, self.interval, prices)
                opened += self.interval
                if bar is None:
                    _log.warning("run: no price read during the bar at %s: skipped", opened)
                    continue
                self._log_bar(bar)
                result.bars += 1
                result.last_bar = bar
                try:
                    strategy(client, bar)
                except ThreeCommasError as exc:
                    self._log_error(result, exc)
                if (why := self._due(result, started, clock.monotonic())) is not None:
                    result.stopped_by = why
                    return

    async def run_async(self, strategy: Any, forced: str, result: RunResult) -> None:
        from threecommas._async._client import AsyncThreeCommas

        client: AsyncThreeCommas = self._client(AsyncThreeCommas, forced)
        clock = client.clock
        bars = _Bars(self.pair)
        async with client:
            started = clock.monotonic()
            wall = clock.time() - started
            opened = started
            while True:
                prices: list[Decimal] = []
                for moment in self._read_moments(opened):
                    while (now := clock.monotonic()) < moment:
                        if self._due(result, started, now):
                            break
                        await clock.asleep(min(_NAP_S, moment - now))
                    if (why := self._due(result, started, clock.monotonic())) is not None:
                        result.stopped_by = why
                        return
                    price = await self._aread(client, result)
                    if price is not None:
                        prices.append(price)
                bar = bars.make(wall + opened, self.interval, prices)
                opened += self.interval
                if bar is None:
                    _log.warning("run: no price read during the bar at %s: skipped", opened)
                    continue
                self._log_bar(bar)
                result.bars += 1
                result.last_bar = bar
                try:
                    await strategy(client, bar)
                except ThreeCommasError as exc:
                    self._log_error(result, exc)
                if (why := self._due(result, started, clock.monotonic())) is not None:
                    result.stopped_by = why
                    return

    def _read(self, client: ThreeCommas, result: RunResult) -> Decimal | None:
        try:
            rates = client.market.currency_rates(self.pair, self.market_code)
        except ThreeCommasError as exc:
            result.failed_reads += 1
            _log.warning("run: price read failed: %s", exc)
            return None
        return Decimal(rates.last)

    async def _aread(self, client: AsyncThreeCommas, result: RunResult) -> Decimal | None:
        try:
            rates = await client.market.currency_rates(self.pair, self.market_code)
        except ThreeCommasError as exc:
            result.failed_reads += 1
            _log.warning("run: price read failed: %s", exc)
            return None
        return Decimal(rates.last)

    @staticmethod
    def _log_bar(bar: Bar) -> None:
        _log.info(
            "run: bar %s %s open %s high %s low %s close %s",
            bar.time.isoformat(),
            bar.pair,
            bar.open,
            bar.high,
            bar.low,
            bar.close,
        )

    @staticmethod
    def _log_error(result: RunResult, exc: ThreeCommasError) -> None:
        result.errors += 1
        _log.warning("run: the strategy's request failed: %s: %s", type(exc).__name__, exc)

"""`threecommas backtest` and `threecommas run`: a strategy file, over candles or the API.

    threecommas backtest my_bot.py:strategy --candles FILE --pair USDT_BTC
        [--balance USDT=1000 ...] [--market-code binance_us] [--fees RATE] [--slippage F]
        [--seed N] [--report report.html] [--json report.json]
    threecommas run my_bot.py:strategy --pair USDT_BTC --market-code binance
        [--interval 60] [--duration S] [--max-bars N] [--real --yes]

`my_bot.py:strategy` names a file and the callable in it (a class there is instantiated with
no argument); `package.module:strategy` an importable module. `backtest` prints the summary
and writes the page; `run` trades in paper mode unless given both `--real` and `--yes`, logs
each bar on stderr, and stops on Ctrl-C, `--duration` or `--max-bars`. Credentials for `run`
come from the environment, as for every command.

Exit status: 0 done, 1 the API failed the run, 2 bad arguments (nothing sent).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import inspect
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["STRATEGY_COMMANDS", "load_strategy", "main_strategy"]

STRATEGY_COMMANDS = ("backtest", "run")


class _UsageError(Exception):
    pass


def load_strategy(reference: str) -> Any:
    """The strategy `FILE.py:NAME` (or `module:NAME`) names; a class is instantiated."""
    where, sep, name = reference.rpartition(":")
    if not sep or not where or not name:
        raise _UsageError(f"strategy must be FILE.py:NAME or module:NAME, not {reference!r}")
    if where.endswith(".py") or Path(where).is_file():
        path = Path(where)
        if not path.is_file():
            raise _UsageError(f"strategy file not found: {path}")
        spec = importlib.util.spec_from_file_location(f"_threecommas_strategy_{path.stem}", path)
        if spec is None or spec.loader is None:
            raise _UsageError(f"cannot load {path}")
        module = importlib.util.module_from_spec(spec)
        sys.path.insert(0, str(path.resolve().parent))  # its own imports, as `python FILE` has
        try:
            spec.loader.exec_module(module)
        finally:
            sys.path.pop(0)
    else:
        try:
            module = importlib.import_module(where)
        except ImportError as exc:
            raise _UsageError(f"cannot import {where}: {exc}") from None
    found = getattr(module, name, None)
    if found is None:
        raise _UsageError(f"{where} has no {name}")
    if inspect.isclass(found):
        found = found()
    if not callable(found):
        raise _UsageError(f"{reference} is not callable: a strategy is strategy(client, bar)")
    return found


def _balance(text: str) -> tuple[str, str]:
    currency, sep, amount = text.partition("=")
    if not sep or not currency or not amount:
        raise argparse.ArgumentTypeError(f"a balance is CURRENCY=AMOUNT (USDT=1000), not {text!r}")
    return currency.upper(), amount


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="threecommas", allow_abbrev=False)
    commands = parser.add_subparsers(dest="command", required=True)
    test = commands.add_parser(
        "backtest", help="run a strategy over candles in virtual time", allow_abbrev=False
    )
    test.add_argument("strategy", help="FILE.py:NAME or module:NAME")
    test.add_argument("--candles", required=True, help="Binance CSV, freqtrade or ccxt JSON")
    test.add_argument("--pair", required=True, help="the candles' pair (USDT_BTC)")
    test.add_argument("--market-code", default=None, help="the account's market (binance_us)")
    test.add_argument(
        "--balance", type=_balance, action="append", default=None, metavar="CUR=AMOUNT"
    )
    test.add_argument("--fees", default=None, help="one fee rate for every fill (0.001)")
    test.add_argument("--slippage", default=None, help="largest slippage of a market fill")
    test.add_argument("--seed", type=int, default=0)
    test.add_argument("--report", default=None, help="write the HTML page here")
    test.add_argument("--json", default=None, help="write the JSON report here")
    live = commands.add_parser(
        "run", help="run a strategy against the API (paper unless --real --yes)", allow_abbrev=False
    )
    live.add_argument("strategy", help="FILE.py:NAME or module:NAME")
    live.add_argument("--pair", required=True)
    live.add_argument("--market-code", required=True)
    live.add_argument("--interval", type=float, default=60.0, help="seconds a bar (60)")
    live.add_argument("--duration", type=float, default=None, help="stop after SECONDS")
    live.add_argument("--max-bars", type=int, default=None, help="stop after N bars")
    live.add_argument("--budget-share", type=float, default=None)
    live.add_argument("--base-url", default=None)
    live.add_argument("--real", action="store_true", help="real orders (needs --yes too)")
    live.add_argument("--yes", action="store_true", help="confirm --real")
    return parser


def main_strategy(argv: Sequence[str]) -> int:
    args = _parser().parse_args(list(argv))
    try:
        if args.command == "backtest":
            return _backtest(args)
        return _run(args)
    except _UsageError as exc:
        print(f"threecommas {args.command}: {exc}", file=sys.stderr)
        return 2


def _backtest(args: argparse.Namespace) -> int:
    from threecommas.testing import backtest

    strategy = load_strategy(args.strategy)
    options: dict[str, Any] = {"seed": args.seed}
    if args.market_code:
        options["market_code"] = args.market_code
    if args.balance:
        options["balances"] = dict(args.balance)
    if args.fees is not None:
        options["fees"] = args.fees
    if args.slippage is not None:
        options["slippage"] = args.slippage
    try:
        report = backtest(strategy, candles=args.candles, pair=args.pair, **options)
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    print(report.summary())
    if args.report:
        print(f"report: {report.to_html(args.report)}")
    if args.json:
        Path(args.json).write_text(report.to_json() + "\n", encoding="utf-8")
        print(f"JSON: {args.json}")
    return 0


def _run(args: argparse.Namespace) -> int:
    import threecommas
    from threecommas._exceptions import ThreeCommasError

    if args.real and not args.yes:
        raise _UsageError("--real places real orders with real money: add --yes to mean it")
    if args.yes and not args.real:
        raise _UsageError("--yes confirms --real; alone it means nothing")
    strategy = load_strategy(args.strategy)
    options: dict[str, Any] = {}
    for name in ("duration", "max_bars", "budget_share", "base_url"):
        if getattr(args, name) is not None:
            options[name] = getattr(args, name)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    logger = logging.getLogger("threecommas.run")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    try:
        result = threecommas.run(
            strategy,
            pair=args.pair,
            market_code=args.market_code,
            interval=args.interval,
            mode="real" if args.real else "paper",
            confirm_real=bool(args.real and args.yes),
            **options,
        )
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    except ThreeCommasError as exc:
        print(f"threecommas run: {exc}", file=sys.stderr)
        return 1
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    print(
        f"{result.mode} run stopped ({result.stopped_by}) after {result.bars} bar(s), "
        f"{result.errors} strategy error(s)"
    )
    return 0

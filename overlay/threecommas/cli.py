"""The `threecommas` command line.

    threecommas smart-trades close-trade-by-market SMART_TRADE_ID TRADE_ID
        [--base-url URL] [--forced-mode real|paper] [--timeout SECONDS]

Credentials come from the environment only (THREE_COMMAS_API_KEY, and THREE_COMMAS_API_SECRET or
THREE_COMMAS_PRIVATE_KEY_FILE), so that they never show in a process list or a shell history.

Exit status: 0 on success (the result as JSON on stdout), 1 when the API answered with an error
or could not be reached (the message on stderr), 2 for bad arguments or missing credentials.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from threecommas._client import DEFAULT_BASE_URL, ThreeCommas
from threecommas._exceptions import ThreeCommasError
from threecommas._validation import FORCED_MODES, INT64_MAX
from threecommas._version import __version__

EXIT_OK, EXIT_API_ERROR, EXIT_USAGE = 0, 1, 2


def _positive_id(text: str) -> int:
    try:
        value = int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer id: {text!r}") from None
    if not 1 <= value <= INT64_MAX:
        raise argparse.ArgumentTypeError(f"an id must be between 1 and 2**63-1, got {text}")
    return value


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("the timeout must be positive")
    return value


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--base-url",
        default=DEFAULT_BASE_URL,
        help=f"API base URL, with /public/api (default: {DEFAULT_BASE_URL})",
    )
    common.add_argument(
        "--forced-mode", choices=FORCED_MODES, help="force the real or the paper account"
    )
    common.add_argument("--timeout", type=_positive_seconds, help="request timeout in seconds")

    parser = argparse.ArgumentParser(
        prog="threecommas",
        description="Command line for the 3Commas SmartTrade v2 API. Credentials come from "
        "THREE_COMMAS_API_KEY and THREE_COMMAS_API_SECRET (or THREE_COMMAS_PRIVATE_KEY_FILE).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    groups = parser.add_subparsers(dest="group", required=True, metavar="GROUP")

    smart_trades = groups.add_parser("smart-trades", help="SmartTrade operations")
    operations = smart_trades.add_subparsers(dest="operation", required=True, metavar="OPERATION")
    close = operations.add_parser(
        "close-trade-by-market",
        parents=[common],
        help="close one take-profit trade at the market price (places a market order)",
        description="Close one take-profit trade of a SmartTrade at the market price. This "
        "places a market order and is never retried. Prints the updated SmartTrade as JSON.",
    )
    close.add_argument("smart_trade_id", type=_positive_id, metavar="SMART_TRADE_ID")
    close.add_argument("trade_id", type=_positive_id, metavar="TRADE_ID")
    return parser


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2)
    sys.stdout.write("\n")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        client = ThreeCommas(base_url=args.base_url, forced_mode=args.forced_mode)
    except (ValueError, TypeError) as exc:
        print(f"threecommas: {exc}", file=sys.stderr)
        return EXIT_USAGE
    call_options: dict[str, Any] = {}
    if args.timeout is not None:
        call_options["timeout"] = args.timeout
    try:
        with client:
            result = client.smart_trades.close_trade_by_market(
                args.smart_trade_id, args.trade_id, **call_options
            )
    except ThreeCommasError as exc:
        print(f"threecommas: {exc}", file=sys.stderr)
        return EXIT_API_ERROR
    _print_json(None if result is None else result.to_dict())
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

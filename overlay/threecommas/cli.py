"""The `threecommas` command line: one subcommand per SmartTrade v2 operation.

    threecommas smart-trades create --body FILE            (FILE is JSON; `-` reads stdin)
    threecommas smart-trades list [filters] [--all] [--format json|table]
    threecommas smart-trades get ID
    threecommas smart-trades update ID --body FILE
    threecommas smart-trades cancel ID
    threecommas smart-trades add-funds ID --body FILE
    threecommas smart-trades reduce-funds-info ID
    threecommas smart-trades reduce-funds ID --body FILE
    threecommas smart-trades close-by-market ID
    threecommas smart-trades set-note ID NOTE
    threecommas smart-trades force-start ID
    threecommas smart-trades force-process ID
    threecommas smart-trades trades list ID [--format json|table]
    threecommas smart-trades trades close-by-market ID TRADE_ID
    threecommas smart-trades trades cancel ID TRADE_ID
    threecommas smart-trades close-trade-by-market ID TRADE_ID

Every operation also takes [--base-url URL] [--forced-mode real|paper] [--timeout SECONDS].

Credentials come from the environment only (THREE_COMMAS_API_KEY, and THREE_COMMAS_API_SECRET or
THREE_COMMAS_PRIVATE_KEY_FILE), so that they never show in a process list or a shell history.

Exit status: 0 on success (the result as JSON on stdout, or a table), 1 when the API answered with
an error or could not be reached (the message on stderr), 2 for bad arguments, a body that is not
JSON or that the schema refuses, or missing credentials; for those nothing is sent.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from threecommas._client import DEFAULT_BASE_URL, ThreeCommas
from threecommas._exceptions import ThreeCommasError
from threecommas._validation import FORCED_MODES, INT64_MAX
from threecommas._version import __version__
from threecommas_api.models.order_direction import OrderDirection
from threecommas_api.models.smart_trade_order_by import SmartTradeOrderBy
from threecommas_api.models.smart_trade_status_filter import SmartTradeStatusFilter
from threecommas_api.models.smart_trade_type import SmartTradeType

if TYPE_CHECKING:
    from threecommas._resources import SmartTrades

EXIT_OK, EXIT_API_ERROR, EXIT_USAGE = 0, 1, 2

Handler = Callable[["SmartTrades", argparse.Namespace, dict[str, Any]], object]


class UsageError(Exception):
    """A problem with the command's input found before anything was sent (exit status 2)."""


# --- argument types -----------------------------------------------------------------------------


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


def _integer(text: str) -> int:
    try:
        return int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None


def _timestamp(text: str) -> datetime.datetime:
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an ISO 8601 time: {text!r} (e.g. 2024-09-23T20:02:40Z)"
        ) from None
    if value.utcoffset() is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value


# --- output -------------------------------------------------------------------------------------


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2)
    sys.stdout.write("\n")


def _dig(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _first(data: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if data.get(key) is not None:
            return data[key]
    return None


def _smart_trade_row(data: dict[str, Any]) -> list[Any]:
    return [
        data.get("id"),
        data.get("pair"),
        _dig(data, "data", "type"),
        _dig(data, "status", "basic_type"),
        _dig(data, "profit", "percent"),
        _dig(data, "data", "created_at"),
    ]


def _trade_row(data: dict[str, Any]) -> list[Any]:
    return [
        data.get("id"),
        data.get("trade_purpose"),
        data.get("order_side"),
        data.get("order_type"),
        data.get("status"),
        data.get("initial_amount"),
        # A limit order has its price; a conditional one (a stop loss) its trigger.
        _first(data, "order_price", "trigger_price", "initial_price"),
    ]


SMART_TRADE_COLUMNS = ("ID", "PAIR", "TYPE", "STATUS", "PROFIT %", "CREATED AT")
TRADE_COLUMNS = ("ID", "PURPOSE", "SIDE", "TYPE", "STATUS", "AMOUNT", "PRICE")
_TABLES: dict[str, tuple[tuple[str, ...], Callable[[dict[str, Any]], list[Any]]]] = {
    "smart_trades": (SMART_TRADE_COLUMNS, _smart_trade_row),
    "trades": (TRADE_COLUMNS, _trade_row),
}


def format_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Columns padded to their widest cell; a missing value shows as `-`."""
    cells = [[("-" if value is None else str(value)) for value in row] for row in rows]
    widths = [len(header) for header in headers]
    for row in cells:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=True)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in [list(headers), *cells]
    ]
    return "\n".join(lines) + "\n"


def _output(result: object, args: argparse.Namespace) -> None:
    data: Any
    if isinstance(result, list):
        data = [item.to_dict() for item in result]
    else:
        to_dict = getattr(result, "to_dict", None)
        data = to_dict() if callable(to_dict) else result
    if getattr(args, "format", "json") == "table" and isinstance(data, list):
        headers, row = _TABLES[args.table]
        sys.stdout.write(format_table(headers, [row(item) for item in data]))
    else:
        _print_json(data)


# --- the request body ---------------------------------------------------------------------------


def _read_body(source: str) -> Any:
    """The JSON document of `--body`: a file, or stdin for `-`."""
    try:
        if source == "-":
            text = sys.stdin.read()
        else:
            with open(source, encoding="utf-8") as file:
                text = file.read()
    except OSError as exc:
        raise UsageError(f"--body {source}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"--body {source}: not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"--body {source}: not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None


# --- the operations -----------------------------------------------------------------------------


def _list_filters(args: argparse.Namespace) -> dict[str, Any]:
    names = ("account_id", "pair", "type", "page", "status", "order_by", "order_direction")
    filters = {name: getattr(args, name) for name in names}
    filters.update(from_=args.from_, to=args.to, base=args.base, quote=args.quote)
    return {name: value for name, value in filters.items() if value is not None}


def _run_list(st: SmartTrades, args: argparse.Namespace, options: dict[str, Any]) -> object:
    filters = _list_filters(args)
    if args.all:
        per_page = {} if args.per_page is None else {"per_page": args.per_page}
        return list(st.iter_all(**filters, **per_page, **options))
    return st.list(**filters, per_page=args.per_page, **options)


_HANDLERS: dict[str, Handler] = {
    "create": lambda st, a, o: st.create(a.body_data, **o),
    "list": _run_list,
    "get": lambda st, a, o: st.get(a.smart_trade_id, **o),
    "update": lambda st, a, o: st.update(a.smart_trade_id, a.body_data, **o),
    "cancel": lambda st, a, o: st.cancel(a.smart_trade_id, **o),
    "add-funds": lambda st, a, o: st.add_funds(a.smart_trade_id, a.body_data, **o),
    "reduce-funds-info": lambda st, a, o: st.reduce_funds_info(a.smart_trade_id, **o),
    "reduce-funds": lambda st, a, o: st.reduce_funds(a.smart_trade_id, a.body_data, **o),
    "close-by-market": lambda st, a, o: st.close_by_market(a.smart_trade_id, **o),
    "set-note": lambda st, a, o: st.set_note(a.smart_trade_id, a.note, **o),
    "force-start": lambda st, a, o: st.force_start(a.smart_trade_id, **o),
    "force-process": lambda st, a, o: st.force_process(a.smart_trade_id, **o),
    "trades list": lambda st, a, o: st.trades.list(a.smart_trade_id, **o),
    "trades close-by-market": lambda st, a, o: st.trades.close_by_market(
        a.smart_trade_id, a.trade_id, **o
    ),
    "trades cancel": lambda st, a, o: st.trades.cancel(a.smart_trade_id, a.trade_id, **o),
    "close-trade-by-market": lambda st, a, o: st.close_trade_by_market(
        a.smart_trade_id, a.trade_id, **o
    ),
}


# --- the parser ---------------------------------------------------------------------------------

_MARKET_ORDER = "This places a market order and is never retried."


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
        "THREE_COMMAS_API_KEY and THREE_COMMAS_API_SECRET (or THREE_COMMAS_PRIVATE_KEY_FILE). "
        "Results are printed as JSON.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    groups = parser.add_subparsers(dest="group", required=True, metavar="GROUP")

    smart_trades = groups.add_parser("smart-trades", help="SmartTrade operations")
    operations = smart_trades.add_subparsers(dest="operation", required=True, metavar="OPERATION")

    def add(
        where: Any, name: str, summary: str, details: str = "", *, key: str | None = None
    ) -> argparse.ArgumentParser:
        command: argparse.ArgumentParser = where.add_parser(
            name,
            parents=[common],
            help=summary,
            description=f"{summary[0].upper()}{summary[1:]}. {details}".strip(),
        )
        command.set_defaults(handler=key or name, needs_body=False)
        return command

    def smart_trade_id(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "smart_trade_id", type=_positive_id, metavar="ID", help="ID of the SmartTrade"
        )

    def trade_id(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "trade_id", type=_positive_id, metavar="TRADE_ID", help="ID of the take-profit trade"
        )

    def body(command: argparse.ArgumentParser, schema: str) -> None:
        command.add_argument(
            "--body",
            required=True,
            metavar="FILE",
            help=f"the {schema} as a JSON file, or - to read it from stdin",
        )
        command.set_defaults(needs_body=True)

    def output_format(command: argparse.ArgumentParser, table: str) -> None:
        command.add_argument(
            "--format",
            choices=("json", "table"),
            default="json",
            help="JSON (default) or an aligned table",
        )
        command.set_defaults(table=table)

    create = add(
        operations,
        "create",
        "open a new SmartTrade",
        "A market entry places a market order at once; a create is never retried. "
        "The body is checked against the API's schema before it is sent.",
    )
    body(create, "CreateSmartTradeRequest")

    listing = add(
        operations,
        "list",
        "list SmartTrades, one page or --all",
        "Filters left out are not sent.",
    )
    listing.add_argument("--account-id", type=_positive_id, help="only this exchange account")
    listing.add_argument("--pair", help="only this pair, e.g. USDT_BTC")
    listing.add_argument("--type", choices=[m.value for m in SmartTradeType], help="only this kind")
    listing.add_argument("--page", type=_integer, help="page number, from 1")
    listing.add_argument("--per-page", type=_integer, help="SmartTrades per page, 1 to 100")
    listing.add_argument(
        "--status", choices=[m.value for m in SmartTradeStatusFilter], help="status group"
    )
    listing.add_argument(
        "--order-by", choices=[m.value for m in SmartTradeOrderBy], help="sort key"
    )
    listing.add_argument(
        "--order-direction", choices=[m.value for m in OrderDirection], help="sort direction"
    )
    listing.add_argument(
        "--from",
        dest="from_",
        type=_timestamp,
        metavar="TIME",
        help="created at or after this ISO 8601 time (UTC when it has no offset)",
    )
    listing.add_argument(
        "--to",
        type=_timestamp,
        metavar="TIME",
        help="created before this ISO 8601 time (UTC when it has no offset)",
    )
    listing.add_argument("--base", help="only pairs with this base currency, e.g. BTC")
    listing.add_argument("--quote", help="only pairs with this quote currency, e.g. USDT")
    listing.add_argument(
        "--all",
        action="store_true",
        help="fetch every page from --page on (--per-page defaults to 100)",
    )
    output_format(listing, "smart_trades")

    smart_trade_id(add(operations, "get", "show one SmartTrade"))

    update = add(
        operations,
        "update",
        "edit a SmartTrade",
        "Allowed in waiting_position and waiting_targets.",
    )
    smart_trade_id(update)
    body(update, "UpdateSmartTradeRequest")

    smart_trade_id(
        add(
            operations,
            "cancel",
            "cancel a SmartTrade",
            "Allowed in waiting_position, waiting_targets, stop_loss_in_progress, "
            "reduce_funds_in_progress and pending_reduce_funds.",
        )
    )

    add_funds = add(
        operations,
        "add-funds",
        "add to the position of a SmartTrade",
        f"{_MARKET_ORDER} Allowed in waiting_position and waiting_targets.",
    )
    smart_trade_id(add_funds)
    body(add_funds, "AddFundsRequest")

    smart_trade_id(
        add(
            operations,
            "reduce-funds-info",
            "show how far the position can be reduced",
            "Allowed in waiting_targets.",
        )
    )

    reduce_funds = add(
        operations,
        "reduce-funds",
        "sell part of the position of a SmartTrade",
        f"{_MARKET_ORDER} Allowed in waiting_targets.",
    )
    smart_trade_id(reduce_funds)
    body(reduce_funds, "ReduceFundsRequest")

    smart_trade_id(
        add(
            operations,
            "close-by-market",
            "close a whole SmartTrade at the market price",
            f"{_MARKET_ORDER} Allowed while data.panic_sell_available is true.",
        )
    )

    set_note = add(operations, "set-note", "replace the note of a SmartTrade")
    smart_trade_id(set_note)
    set_note.add_argument("note", metavar="NOTE", help="the note, 1 to 300 characters")

    smart_trade_id(
        add(
            operations,
            "force-start",
            "open the position now at the market price",
            f"{_MARKET_ORDER} Allowed while the position is to_process, order_placed or "
            "trailing_activated.",
        )
    )
    smart_trade_id(
        add(
            operations,
            "force-process",
            "force-process a SmartTrade",
            "Allowed while data.force_process_available is true; never retried. Prints null "
            "when the API answers without a body.",
        )
    )

    trades = operations.add_parser("trades", help="the trades (orders) of a SmartTrade")
    trade_operations = trades.add_subparsers(
        dest="trade_operation", required=True, metavar="OPERATION"
    )
    trade_list = add(trade_operations, "list", "list the trades of a SmartTrade", key="trades list")
    smart_trade_id(trade_list)
    output_format(trade_list, "trades")

    trade_close = add(
        trade_operations,
        "close-by-market",
        "close one take-profit trade at the market price",
        f"{_MARKET_ORDER} Prints the updated SmartTrade, or null for an empty answer.",
        key="trades close-by-market",
    )
    smart_trade_id(trade_close)
    trade_id(trade_close)

    trade_cancel = add(
        trade_operations,
        "cancel",
        "cancel one take-profit trade (or the stop-loss trade)",
        "Cancelling the last take-profit step, or the stop-loss trade, cancels the whole "
        "SmartTrade, as the docs warn.",
        key="trades cancel",
    )
    smart_trade_id(trade_cancel)
    trade_id(trade_cancel)

    close = add(
        operations,
        "close-trade-by-market",
        "close one take-profit trade at the market price (places a market order)",
        "The same as `trades close-by-market`. This places a market order and is never "
        "retried. Prints the updated SmartTrade as JSON.",
    )
    smart_trade_id(close)
    trade_id(close)
    return parser


def _fail(message: object, status: int) -> int:
    print(f"threecommas: {message}", file=sys.stderr)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        args.body_data = _read_body(args.body) if args.needs_body else None
    except UsageError as exc:
        return _fail(exc, EXIT_USAGE)
    try:
        client = ThreeCommas(base_url=args.base_url, forced_mode=args.forced_mode)
    except (ValueError, TypeError) as exc:
        return _fail(exc, EXIT_USAGE)
    options: dict[str, Any] = {}
    if args.timeout is not None:
        options["timeout"] = args.timeout
    try:
        with client:
            result = _HANDLERS[args.handler](client.smart_trades, args, options)
    except ThreeCommasError as exc:
        return _fail(exc, EXIT_API_ERROR)
    except (ValueError, TypeError) as exc:
        # The SDK checks every argument and body before sending: nothing went out.
        return _fail(exc, EXIT_USAGE)
    _output(result, args)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

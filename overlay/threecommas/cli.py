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

Global options, accepted before or after the subcommand: [--base-url URL] (or the environment
variable THREE_COMMAS_BASE_URL), [--forced-mode real|paper], [--timeout SECONDS], [-v/--verbose]
(the SDK's DEBUG log on stderr; it never shows a secret). `threecommas --version` prints the
version.

Credentials come from the environment only (THREE_COMMAS_API_KEY, and THREE_COMMAS_API_SECRET or
THREE_COMMAS_PRIVATE_KEY_FILE), so that they never show in a process list or a shell history.

Exit status: 0 on success (the result as JSON on stdout, or a table), 1 when the API answered with
an error or could not be reached (the message on stderr), 2 for bad arguments, a body that is not
JSON or that the schema refuses, or missing credentials; for those nothing is sent. When the
reader of stdout goes away early (`threecommas ... | head -1`), the rest of the output is
dropped quietly and the status is the operation's own (0 when it succeeded): the request has
been carried out by then, which is what the status reports.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import logging
import os
import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from threecommas._client import (
    DEFAULT_BASE_URL,
    ENV_API_KEY,
    ENV_API_SECRET,
    ENV_PRIVATE_KEY_FILE,
    ThreeCommas,
)
from threecommas._exceptions import ThreeCommasError
from threecommas._schema import field_name
from threecommas._validation import FORCED_MODES, INT64_MAX
from threecommas._version import __version__
from threecommas_api.models.order_direction import OrderDirection
from threecommas_api.models.smart_trade_order_by import SmartTradeOrderBy
from threecommas_api.models.smart_trade_status_filter import SmartTradeStatusFilter
from threecommas_api.models.smart_trade_type import SmartTradeType

if TYPE_CHECKING:
    from threecommas._resources import SmartTrades

EXIT_OK, EXIT_API_ERROR, EXIT_USAGE = 0, 1, 2

ENV_BASE_URL = "THREE_COMMAS_BASE_URL"
API_PATH = "/public/api"

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


def _json_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    return "null" if value is None else "a number"


def _first_float(value: Any, path: tuple[str | int, ...] = ()) -> tuple[str, float] | None:
    """The first JSON number with a fraction or an exponent in `value`: (field, number)."""
    if isinstance(value, float):
        return field_name(path), value
    items: Iterable[tuple[str | int, Any]] = ()
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    for key, item in items:
        found = _first_float(item, (*path, key))
        if found is not None:
            return found
    return None


def _read_body(source: str) -> dict[str, Any]:
    """The JSON object of `--body`: a file, or stdin for `-`."""
    where = f"--body {source}"
    try:
        if source == "-":
            text = sys.stdin.read()
        else:
            with open(source, encoding="utf-8") as file:
                text = file.read()
    except OSError as exc:
        raise UsageError(f"{where}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{where}: not UTF-8 text") from None
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"{where}: not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    except RecursionError:
        raise UsageError(f"{where}: nested too deeply") from None
    if not isinstance(body, dict):
        raise UsageError(f"{where}: the body must be a JSON object, got {_json_kind(body)}")
    try:
        found = _first_float(body)
    except RecursionError:
        raise UsageError(f"{where}: nested too deeply") from None
    if found is not None:
        # Quantities and prices travel as strings, so that no binary fraction rounds them.
        name, number = found
        raise UsageError(
            f'{where}: {name} must be a string such as "{number}" for a quantity or a '
            f"price (or a whole number where one is expected), got the number {number}"
        )
    return body


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

# What `--help` shows under "example body" for the operations that take one (each is checked
# against the schema by the tests).
EXAMPLE_BODIES: dict[str, dict[str, Any]] = {
    "CreateSmartTradeRequest": {
        "account_id": 32455218,
        "pair": "USDT_BTC",
        "leverage": {"enabled": False},
        "position": {"type": "buy", "order_type": "market", "units": {"value": "0.01"}},
        "take_profit": {
            "enabled": True,
            "steps": [
                {
                    "order_type": "limit",
                    "volume": "100",
                    "price": {"type": "last", "value": "70000"},
                }
            ],
        },
        "stop_loss": {
            "enabled": True,
            "order_type": "market",
            "conditional": {"price": {"type": "bid", "value": "60000"}},
        },
    },
    "UpdateSmartTradeRequest": {
        "stop_loss": {
            "enabled": True,
            "order_type": "market",
            "conditional": {"price": {"type": "bid", "value": "62000"}},
        },
    },
    "AddFundsRequest": {
        "order_type": "limit",
        "units": {"value": "0.005"},
        "price": {"value": "64000"},
    },
    "ReduceFundsRequest": {"order_type": "market", "units": {"value": "0.005"}},
}


def _global_options(defaults: bool) -> argparse.ArgumentParser:
    """The options every level takes: before the subcommand or after it.

    Only the top level shows them with defaults; elsewhere an option left out is absent from
    the result (argparse.SUPPRESS), so that a value given before the subcommand survives."""
    options = argparse.ArgumentParser(add_help=False)
    group = options.add_argument_group("global options (before or after the subcommand)")
    group.add_argument(
        "--base-url",
        default=argparse.SUPPRESS,
        metavar="URL",
        help=f"API base URL, ending with {API_PATH} (default: ${ENV_BASE_URL}, else "
        f"{DEFAULT_BASE_URL})"
        if defaults
        else f"API base URL, ending with {API_PATH}",
    )
    group.add_argument(
        "--forced-mode",
        choices=FORCED_MODES,
        default=argparse.SUPPRESS,
        help="force the real or the paper account",
    )
    group.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=argparse.SUPPRESS,
        metavar="SECONDS",
        help="request timeout in seconds",
    )
    group.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="log what the SDK does (DEBUG) on stderr; no secret is ever logged",
    )
    return options


def _parser() -> argparse.ArgumentParser:
    common = _global_options(defaults=False)

    parser = argparse.ArgumentParser(
        prog="threecommas",
        description="Command line for the 3Commas SmartTrade v2 API. Credentials come from "
        f"{ENV_API_KEY} and {ENV_API_SECRET} (or {ENV_PRIVATE_KEY_FILE}); the base URL from "
        f"--base-url or {ENV_BASE_URL}. Results are printed as JSON.",
        parents=[_global_options(defaults=True)],
        # `--base` (a filter of `list`) must never be read as an abbreviation of `--base-url`.
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    groups = parser.add_subparsers(dest="group", required=True, metavar="GROUP")

    smart_trades = groups.add_parser(
        "smart-trades", help="SmartTrade operations", parents=[common], allow_abbrev=False
    )
    operations = smart_trades.add_subparsers(dest="operation", required=True, metavar="OPERATION")

    def add(
        where: Any, name: str, summary: str, details: str = "", *, key: str | None = None
    ) -> argparse.ArgumentParser:
        command: argparse.ArgumentParser = where.add_parser(
            name,
            parents=[common],
            help=summary,
            description=textwrap.fill(f"{summary[0].upper()}{summary[1:]}. {details}".strip()),
            # The description is wrapped here; the example body keeps its layout.
            formatter_class=argparse.RawDescriptionHelpFormatter,
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
        example = textwrap.indent(json.dumps(EXAMPLE_BODIES[schema], indent=2), "  ")
        command.epilog = f"example body ({schema}; quantities and prices are strings):\n{example}"

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

    trades = operations.add_parser(
        "trades",
        help="the trades (orders) of a SmartTrade",
        parents=[common],
        allow_abbrev=False,
    )
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


def _warn(message: str) -> None:
    print(f"threecommas: warning: {message}", file=sys.stderr)


def _base_url(args: argparse.Namespace, environ: Mapping[str, str]) -> str:
    """The base URL and where it came from; refused unless http(s), a hint without /public/api."""
    if hasattr(args, "base_url"):
        url, source = args.base_url, "--base-url"
    elif environ.get(ENV_BASE_URL):
        url, source = environ[ENV_BASE_URL], ENV_BASE_URL
    else:
        return DEFAULT_BASE_URL
    # The URL is not echoed: it may carry a user name and password.
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"{source} must be an http:// or https:// URL with a host")
    if not parts.path.rstrip("/").endswith(API_PATH):
        _warn(
            f"{source} does not end with {API_PATH}, where the API's paths start "
            f"(e.g. {DEFAULT_BASE_URL}); requests will probably get 404"
        )
    return str(url)


def _check_credentials(environ: Mapping[str, str]) -> None:
    """The credentials the client will read from the environment, in the command line's words."""
    if not environ.get(ENV_API_KEY):
        raise UsageError(f"no API key: set {ENV_API_KEY}")
    secret = environ.get(ENV_API_SECRET)
    key_file = environ.get(ENV_PRIVATE_KEY_FILE)
    if secret and key_file:
        raise UsageError(f"both {ENV_API_SECRET} and {ENV_PRIVATE_KEY_FILE} are set; keep one")
    if not secret and not key_file:
        raise UsageError(
            f"no API secret: set {ENV_API_SECRET} (system-generated key) or "
            f"{ENV_PRIVATE_KEY_FILE} (the path of your RSA private key, PEM)"
        )
    if key_file:
        # The value is never echoed: it might be a key pasted where its path belongs.
        if "-----BEGIN" in key_file:
            raise UsageError(
                f"{ENV_PRIVATE_KEY_FILE} holds PEM text; it must be the path of the PEM file"
            )
        try:
            with open(key_file, "rb"):
                pass
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            raise UsageError(
                f"{ENV_PRIVATE_KEY_FILE}: the file it names cannot be read ({reason})"
            ) from None


def _option_names(parser: argparse.ArgumentParser) -> dict[str, str]:
    """Parameter name -> how the command line spells it (`per_page` -> `--per-page`)."""
    names: dict[str, str] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                names.update(_option_names(sub))
        elif action.option_strings:
            names.setdefault(action.dest, max(action.option_strings, key=len))
        elif isinstance(action.metavar, str):
            names.setdefault(action.dest, action.metavar)
    return names


def _in_cli_words(message: str, names: Mapping[str, str]) -> str:
    """An SDK message that starts with a parameter name, with the option's name instead."""
    match = re.match(r"(\w+)\b(.*)", message, re.DOTALL)
    if match is None or match.group(1) not in names:
        return message
    return names[match.group(1)] + match.group(2)


@contextlib.contextmanager
def _debug_log(enabled: bool) -> Iterator[None]:
    """With -v/--verbose: the SDK's log, from DEBUG on, to stderr for the run of the command."""
    if not enabled:
        yield
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("threecommas")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _stdout_gone() -> None:
    """The reader of stdout went away: drop what is left, as Unix tools do, with no traceback
    (the interpreter's last flush at exit would raise again on the closed pipe)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor behind sys.stdout
        pass


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    with _debug_log(getattr(args, "verbose", False)):
        return _run(parser, args)


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        base_url = _base_url(args, os.environ)
        _check_credentials(os.environ)
        args.body_data = _read_body(args.body) if args.needs_body else None
    except UsageError as exc:
        return _fail(exc, EXIT_USAGE)
    try:
        client = ThreeCommas(base_url=base_url, forced_mode=getattr(args, "forced_mode", None))
    except (ValueError, TypeError) as exc:
        return _fail(exc, EXIT_USAGE)
    options: dict[str, Any] = {}
    if getattr(args, "timeout", None) is not None:
        options["timeout"] = args.timeout
    try:
        with client:
            result = _HANDLERS[args.handler](client.smart_trades, args, options)
    except ThreeCommasError as exc:
        return _fail(exc, EXIT_API_ERROR)
    except (ValueError, TypeError) as exc:
        # The SDK checks every argument and body before sending: nothing went out.
        return _fail(_in_cli_words(str(exc), _option_names(parser)), EXIT_USAGE)
    try:
        _output(result, args)
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_gone()
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

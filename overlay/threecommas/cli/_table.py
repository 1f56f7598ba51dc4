"""The command table: one row per command, each tied to an operation of the catalogue.

A row names the operation (`threecommas_api._catalogue`), the facade method that carries it
out (`smart_trades.trades.cancel`: reached through the client, as a user would) and the
command's own arguments. Everything else is derived, so that nothing is written twice:

- the command's words are the facade path, `_` spelled `-` (`smart-trades trades cancel`);
- its one-line help is the operation's summary in the spec, its description and the help of
  its arguments come from the facade method's docstring (`_parser`);
- `--body FILE` is added when the operation has a request body (its schema names the example
  shown by `--help`), unless the row's arguments make the body (`set-note ID NOTE`);
- a positional is passed to the facade method positionally (the body after them), an option
  as a keyword argument named by its `dest`, and only when given;
- the options every command takes (`--base-url`, `--forced-mode`, `--timeout`, `-v`) and the
  shared ones (`--body`, `--format`) are declared once, in `_parser`.

A new operation gets its command by one row here; tests/contract/test_catalogue.py fails until
it has one, and checks that the facade method exists on both clients.
"""

from __future__ import annotations

from argparse import ArgumentTypeError
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from threecommas._constants import INT64_MAX, WATCH_SOURCES
from threecommas_api._catalogue import BY_ID, ENUMS

if TYPE_CHECKING:
    import datetime

# --- argument types: text of the command line -> the facade's value ----------------------------


def positive_id(text: str) -> int:
    try:
        value = int(text, 10)
    except ValueError:
        raise ArgumentTypeError(f"not an integer id: {text!r}") from None
    if not 1 <= value <= INT64_MAX:
        raise ArgumentTypeError(f"an id must be between 1 and 2**63-1, got {text}")
    return value


def positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0:
        raise ArgumentTypeError("the timeout must be positive")
    return value


def integer(text: str) -> int:
    try:
        return int(text, 10)
    except ValueError:
        raise ArgumentTypeError(f"not an integer: {text!r}") from None


def timestamp(text: str) -> datetime.datetime:
    import datetime  # with the first time given: `--help` and most commands take none (1 ms)

    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise ArgumentTypeError(
            f"not an ISO 8601 time: {text!r} (e.g. 2024-09-23T20:02:40Z)"
        ) from None
    if value.utcoffset() is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value


def enum_values(name: str) -> Callable[[], list[str]]:
    """The values of the public enum `threecommas.<name>`, in its order, as the catalogue lists
    them (`ENUMS`): `--help` imports no generated model (tests/contract/test_catalogue.py holds
    the catalogue to the enums)."""
    if name not in ENUMS:
        raise KeyError(f"no enum {name!r} in the catalogue")

    def values() -> list[str]:
        return list(ENUMS[name])

    return values


# --- the rows -----------------------------------------------------------------------------------


# The rows are plain classes with slots: a NamedTuple or a dataclass is built at import (and
# `dataclasses` imports `inspect`), which cost every command, `--help` included, about 0.4 ms.
class _Row:
    """What the two kinds of rows share: equality and a repr by their fields."""

    __slots__ = ()
    _FIELDS: tuple[str, ...] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, _Row)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"{type(self).__name__}({shown})"


class Arg(_Row):
    """One argument of a command, named by the facade method's parameter it fills (`dest`).

    A `positional` is passed positionally, an `option` (`--dest`, `_` spelled `-`) by keyword
    when given, a `switch` (a flag) calls the facade method `switch_to` instead of the row's.
    `help` is None when the facade docstring's line for `dest` says it. `repeat`: an option
    that may be given several times (its values are collected in a list). `name`: the
    option's name when it is not the `dest`'s (`--id` for `ids`).
    """

    _FIELDS = (
        "dest",
        "kind",
        "metavar",
        "type",
        "choices",
        "help",
        "switch_to",
        "repeat",
        "name",
    )
    __slots__ = _FIELDS

    def __init__(
        self,
        dest: str,
        kind: Literal["positional", "option", "switch"] = "option",
        metavar: str | None = None,
        type: Callable[[str], Any] | None = None,
        choices: Callable[[], Sequence[str]] | None = None,
        help: str | None = None,
        switch_to: str | None = None,
        repeat: bool = False,
        name: str | None = None,
    ) -> None:
        self.dest = dest
        self.kind = kind
        self.metavar = metavar
        self.type = type
        self.choices = choices
        self.help = help
        self.switch_to = switch_to
        self.repeat = repeat
        self.name = name

    @property
    def flag(self) -> str:
        return "--" + (self.name or self.dest.rstrip("_").replace("_", "-"))

    @property
    def spelling(self) -> str:
        """How the command line names it: `ID`, `--per-page`."""
        return self.metavar if self.kind == "positional" and self.metavar else self.flag


class Command(_Row):
    """One command: the catalogue's `operation_id`, carried out by the facade method `facade`
    (a dotted path from the client: `smart_trades.trades.cancel`).

    `table`: the kind of rows `--format table` shows (no `--format` when None). `details`:
    what the command line adds to the facade's docstring. `body_option`: whether the command
    takes the operation's request body whole, as `--body FILE` (False when its arguments make
    the body). `summary`: the one-line help, when it is not the operation's summary.
    `stream`: the facade method yields events until stopped (the command prints one line
    each). `spelled`: the command's words when they are not the facade path's (`market
    rates`, `check`).
    """

    _FIELDS = (
        "operation_id",
        "facade",
        "args",
        "table",
        "details",
        "body_option",
        "summary",
        "stream",
        "spelled",
    )
    __slots__ = _FIELDS

    def __init__(
        self,
        operation_id: str,
        facade: str,
        args: tuple[Arg, ...] = (),
        table: str | None = None,
        details: str = "",
        body_option: bool = True,
        summary: str | None = None,
        stream: bool = False,
        spelled: tuple[str, ...] | None = None,
    ) -> None:
        self.operation_id = operation_id
        self.facade = facade
        self.args = args
        self.table = table
        self.details = details
        self.body_option = body_option
        self.summary = summary
        self.stream = stream
        self.spelled = spelled

    @property
    def body_schema(self) -> str | None:
        """The schema of the body `--body FILE` gives, when the command takes one."""
        return BY_ID[self.operation_id].body if self.body_option else None

    @property
    def words(self) -> tuple[str, ...]:
        if self.spelled is not None:
            return self.spelled
        return tuple(part.replace("_", "-") for part in self.facade.split("."))

    @property
    def signed(self) -> bool:
        """Whether the operation needs credentials (a public one runs without)."""
        return BY_ID[self.operation_id].signed

    @property
    def facade_methods(self) -> tuple[str, ...]:
        """Every facade method the command may call."""
        switched = (arg.switch_to for arg in self.args if arg.switch_to is not None)
        return (self.facade, *switched)


SMART_TRADE_ID = Arg("smart_trade_id", "positional", metavar="ID", type=positive_id)
TRADE_ID = Arg("trade_id", "positional", metavar="TRADE_ID", type=positive_id)
NOTE = Arg("note", "positional", metavar="NOTE")

_TIME = "ISO 8601 time (UTC when it has no offset)"
LIST_FILTERS = (
    Arg("account_id", type=positive_id),
    Arg("pair"),
    Arg("type", choices=enum_values("SmartTradeType")),
    Arg("page", type=integer),
    Arg("per_page", type=integer),
    Arg("status", choices=enum_values("SmartTradeStatusFilter")),
    Arg("order_by", choices=enum_values("SmartTradeOrderBy")),
    Arg("order_direction", choices=enum_values("OrderDirection")),
    Arg("from_", metavar="TIME", type=timestamp, help=f"created at or after this {_TIME}"),
    Arg("to", metavar="TIME", type=timestamp, help=f"created before this {_TIME}"),
    Arg("base"),
    Arg("quote"),
)
EVERY_PAGE = Arg(
    "all",
    "switch",
    help="fetch every page from --page on (--per-page defaults to 100)",
    switch_to="smart_trades.iter_all",
)

#: Groups of commands: their words -> the one-line help.
GROUPS: dict[tuple[str, ...], str] = {
    ("smart-trades",): "SmartTrade operations",
    ("smart-trades", "trades"): "The trades (orders) of a SmartTrade",
    ("accounts",): "The exchange accounts (their ids are the account_id of a SmartTrade)",
    ("market",): "Markets, their pairs, a pair's rates and trading limits (no key needed)",
}

ACCOUNT_ID = Arg("account_id", "positional", metavar="ACCOUNT_ID", type=positive_id)
MARKET_CODE = Arg("market_code", "positional", metavar="MARKET_CODE")
PAIR = Arg("pair", "positional", metavar="PAIR")

COMMANDS: tuple[Command, ...] = (
    Command("create_smart_trade", "smart_trades.create"),
    Command(
        "list_smart_trades",
        "smart_trades.list",
        (*LIST_FILTERS, EVERY_PAGE),
        table="smart_trades",
    ),
    Command("get_smart_trade", "smart_trades.get", (SMART_TRADE_ID,)),
    Command("update_smart_trade", "smart_trades.update", (SMART_TRADE_ID,)),
    Command("cancel_smart_trade", "smart_trades.cancel", (SMART_TRADE_ID,)),
    Command("add_funds", "smart_trades.add_funds", (SMART_TRADE_ID,)),
    Command("get_reduce_funds_info", "smart_trades.reduce_funds_info", (SMART_TRADE_ID,)),
    Command("reduce_funds", "smart_trades.reduce_funds", (SMART_TRADE_ID,)),
    Command("close_smart_trade_by_market", "smart_trades.close_by_market", (SMART_TRADE_ID,)),
    Command("set_note", "smart_trades.set_note", (SMART_TRADE_ID, NOTE), body_option=False),
    Command("force_start", "smart_trades.force_start", (SMART_TRADE_ID,)),
    Command(
        "force_process",
        "smart_trades.force_process",
        (SMART_TRADE_ID,),
        details="Prints null when the API answers without a body.",
    ),
    Command(
        "list_smart_trades",
        "smart_trades.watch",
        (
            Arg(
                "ids",
                metavar="ID",
                type=positive_id,
                repeat=True,
                name="id",
                help="watch this SmartTrade (repeat for several; default: every active one)",
            ),
            Arg("budget_share", metavar="SHARE", type=float),
            Arg(
                "source",
                choices=lambda: WATCH_SOURCES,
                help="poll (default): budgeted REST sweeps; websocket (experimental, needs "
                "the [stream] extra): the SmartTradesChannel stream, with REST sweeps behind it",
            ),
        ),
        summary="Print each change of your SmartTrades as it is seen (budgeted polling, or "
        "the WebSocket stream)",
        details="One line per change: time, id, pair, old -> new status, profit; with "
        "--format json, one JSON event per line. Stop it with Ctrl-C.",
        body_option=False,
        stream=True,
    ),
    Command("list_trades", "smart_trades.trades.list", (SMART_TRADE_ID,), table="trades"),
    Command(
        "close_trade_by_market",
        "smart_trades.trades.close_by_market",
        (SMART_TRADE_ID, TRADE_ID),
    ),
    Command("cancel_trade", "smart_trades.trades.cancel", (SMART_TRADE_ID, TRADE_ID)),
    Command(
        "list_accounts",
        "accounts.list",
        (
            Arg("api_key", metavar="EXCHANGE_KEY"),
            Arg("page", type=integer),
            Arg("per_page", type=integer),
            Arg(
                "all",
                "switch",
                help="fetch every page from --page on (--per-page defaults to 100)",
                switch_to="accounts.iter_all",
            ),
        ),
        table="accounts",
    ),
    Command("get_account", "accounts.get", (ACCOUNT_ID,)),
    Command("get_account_balances", "accounts.balances", (ACCOUNT_ID,), table="balances"),
    Command("load_balances", "accounts.load_balances", (ACCOUNT_ID,)),
    Command("list_markets", "market.markets", table="markets"),
    Command("list_market_pairs", "market.pairs", (MARKET_CODE,)),
    Command(
        "get_currency_rates",
        "market.currency_rates",
        (PAIR, MARKET_CODE, Arg("limit_type", choices=enum_values("LimitType"))),
        spelled=("market", "rates"),
    ),
    Command(
        "get_currency_rates_with_leverage_data",
        "market.currency_rates_with_leverage_data",
        (PAIR, MARKET_CODE),
        spelled=("market", "rates-with-leverage"),
    ),
    Command(
        "validate_key",
        "check_key",
        spelled=("check",),
        details="Prints valid, the key type in use (hmac or rsa) and the clock offset in "
        "seconds (the server's Date header against this machine): clock_offset_range is "
        "[low, high], what the header's whole seconds and the round trip allow, and "
        "clock_offset is 0 when that range holds 0, else its end nearest to 0; exit 1 with "
        "the API's message when the key or the signature is refused.",
    ),
    Command(
        "close_trade_by_market",
        "smart_trades.close_trade_by_market",
        (SMART_TRADE_ID, TRADE_ID),
        details="The same as `trades close-by-market`.",
    ),
)

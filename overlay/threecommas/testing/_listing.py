"""``GET /v2/smart_trades``: the query parameters, checked as the spec describes them, and the page.

Filters: ``account_id``, ``pair``, ``type`` (``data.type``), ``status`` (a group of statuses,
below), ``base`` and ``quote`` (the two halves of a ``QUOTE_BASE`` pair), ``from``/``to`` (on
``data.created_at``: at or after ``from``, before ``to``). Order: ``order_by`` (default
``status``, as the docs and the spec say) and ``order_direction`` (default ``desc``); ties are
broken by id in the same direction, and missing values (a ``closed_at`` or ``profit`` that is
null) sort lowest.
Paging: ``page`` from 1 and ``per_page`` (default 10).

The status groups (the docs name them without saying which statuses they hold):

* ``cancelled``: status ``cancelled``; ``failed``: status ``failed``;
* ``successfully_finished``: ``data.finished`` is true (or the status says finished) and the
  SmartTrade was neither cancelled nor failed;
* ``finished``: any of the three above, i.e. the SmartTrade's history;
* ``active``: everything not finished, including SmartTrades still being cancelled or closed;
* ``all``: everything (also when ``status`` is absent).

The docs' other spellings are taken too: ``successfully_finish`` for ``successfully_finished``
and ``ASC``/``DESC`` for ``asc``/``desc`` (the spec lists them as docs forms of the two
parameters). A parameter with a wrong value, or given twice, is answered 400 ``Wrong param(s)``;
unknown parameters are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from threecommas.testing._docs_forms import query_aliases
from threecommas.testing._operations import LIST_SMART_TRADES, parse_id
from threecommas.testing._state import JSONObject, status_of, to_decimal

__all__ = ["ListQuery", "QueryError", "list_page", "parse_list_query"]

_TYPES: Final = frozenset(
    {"simple_buy", "simple_sell", "smart_sell", "smart_buy", "smart_trade", "smart_cover"}
)
_STATUS_GROUPS: Final = frozenset(
    {"all", "active", "finished", "successfully_finished", "cancelled", "failed"}
)
_ORDER_BY: Final = frozenset(
    {"created_at", "updated_at", "closed_at", "status", "profit", "profit_percentage"}
)
_DIRECTIONS: Final = frozenset({"asc", "desc"})
_PAIR: Final = re.compile(r"[A-Za-z0-9]+_[A-Za-z0-9]+")
_CURRENCY: Final = re.compile(r"[A-Za-z0-9]+")
_KNOWN: Final = frozenset(
    {
        "account_id",
        "pair",
        "type",
        "page",
        "per_page",
        "status",
        "order_by",
        "order_direction",
        "from",
        "to",
        "base",
        "quote",
    }
)
_FINISHED_STATUSES: Final = frozenset({"finished", "successfully_finished", "completed"})


class QueryError(ValueError):
    """A query parameter the spec does not allow; the message names it."""


@dataclass(frozen=True)
class ListQuery:
    account_id: int | None = None
    pair: str | None = None
    type: str | None = None
    page: int = 1
    per_page: int = 10
    status: str = "all"
    order_by: str = "status"
    order_direction: str = "desc"
    created_from: datetime | None = None
    created_to: datetime | None = None
    base: str | None = None
    quote: str | None = None


def _bounded_int(name: str, raw: str, low: int, high: int) -> int:
    # Plain digits only: int() would also take "+1", " 1" or "1_0".
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 19:
        raise QueryError(f"{name} must be an integer from {low} to {high}")
    number = int(raw)
    if not low <= number <= high:
        raise QueryError(f"{name} must be an integer from {low} to {high}")
    return number


def _choice(name: str, raw: str, allowed: frozenset[str]) -> str:
    if raw not in allowed:
        raise QueryError(f"{name} must be one of: {', '.join(sorted(allowed))}")
    return raw


def _matching(name: str, raw: str, pattern: re.Pattern[str]) -> str:
    if pattern.fullmatch(raw) is None:
        raise QueryError(f"{name} is not valid")
    return raw


def parse_time(raw: str) -> datetime | None:
    """An ISO 8601 / RFC 3339 date-time (``Z`` or an offset; naive means UTC), else ``None``."""
    text = raw.strip()
    if not text or len(text) > 64:
        return None
    text = text[:10] + text[10:].upper()
    # An unencoded "+" of an offset arrives as a space.
    text = re.sub(r" (\d\d(:?\d\d)?)$", r"+\1", text)
    # RFC 3339 allows a leap second, which datetime cannot hold.
    text = re.sub(r"(T\d\d:\d\d):60", r"\1:59", text)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _time(name: str, raw: str) -> datetime:
    moment = parse_time(raw)
    if moment is None:
        raise QueryError(f"{name} must be an ISO 8601 date-time, e.g. 2024-01-01T00:00:00.000Z")
    return moment


def parse_list_query(items: Iterable[tuple[str, str]]) -> ListQuery:
    """Check the query parameters; raise :class:`QueryError` naming the first bad one."""
    values: dict[str, str] = {}
    for name, value in items:
        if name not in _KNOWN:
            continue
        if name in values:
            raise QueryError(f"{name} is given more than once")
        values[name] = value
    fields: dict[str, Any] = {}
    # The docs' other spellings (`successfully_finish`, `ASC`/`DESC`), as the spec lists them.
    aliases = query_aliases(LIST_SMART_TRADES.path, LIST_SMART_TRADES.method)
    for name, given in values.items():
        raw = aliases.get(name, {}).get(given, given)
        if name == "account_id":
            account_id = parse_id(raw)
            if account_id is None:
                raise QueryError("account_id must be a positive integer")
            fields["account_id"] = account_id
        elif name == "pair":
            fields["pair"] = _matching(name, raw, _PAIR)
        elif name == "type":
            fields["type"] = _choice(name, raw, _TYPES)
        elif name == "page":
            fields["page"] = _bounded_int(name, raw, 1, 1_000_000)
        elif name == "per_page":
            fields["per_page"] = _bounded_int(name, raw, 1, 100)
        elif name == "status":
            fields["status"] = _choice(name, raw, _STATUS_GROUPS)
        elif name == "order_by":
            fields["order_by"] = _choice(name, raw, _ORDER_BY)
        elif name == "order_direction":
            fields["order_direction"] = _choice(name, raw, _DIRECTIONS)
        elif name == "from":
            fields["created_from"] = _time(name, raw)
        elif name == "to":
            fields["created_to"] = _time(name, raw)
        elif name in ("base", "quote"):
            fields[name] = _matching(name, raw, _CURRENCY)
    return ListQuery(**fields)


# --- Filtering and ordering ---------------------------------------------------------------------


def _data(smart_trade: JSONObject) -> JSONObject:
    data = smart_trade.get("data")
    return data if isinstance(data, dict) else {}


def status_group(smart_trade: JSONObject) -> str:
    """``cancelled``, ``failed``, ``successfully_finished`` or ``active``."""
    status = status_of(smart_trade)
    if status in ("cancelled", "failed"):
        return status
    if _data(smart_trade).get("finished") is True or status in _FINISHED_STATUSES:
        return "successfully_finished"
    return "active"


def _in_group(smart_trade: JSONObject, wanted: str) -> bool:
    group = status_group(smart_trade)
    if wanted == "all":
        return True
    if wanted == "finished":
        return group != "active"
    return group == wanted


def _created(smart_trade: JSONObject) -> datetime | None:
    raw = _data(smart_trade).get("created_at")
    return parse_time(raw) if isinstance(raw, str) else None


def _pair_parts(smart_trade: JSONObject) -> tuple[str, str]:
    pair = smart_trade.get("pair")
    quote, _, base = pair.partition("_") if isinstance(pair, str) else ("", "", "")
    return quote.upper(), base.upper()


def _account_id(smart_trade: JSONObject) -> Any:
    account = smart_trade.get("account")
    return account.get("id") if isinstance(account, dict) else None


def _matches(smart_trade: JSONObject, query: ListQuery) -> bool:
    quote, base = _pair_parts(smart_trade)
    if query.account_id is not None and _account_id(smart_trade) != query.account_id:
        return False
    if query.pair is not None and f"{quote}_{base}" != query.pair.upper():
        return False
    if query.base is not None and base != query.base.upper():
        return False
    if query.quote is not None and quote != query.quote.upper():
        return False
    if query.type is not None and _data(smart_trade).get("type") != query.type:
        return False
    if not _in_group(smart_trade, query.status):
        return False
    if query.created_from is not None or query.created_to is not None:
        created = _created(smart_trade)
        if created is None:
            return False
        if query.created_from is not None and created < query.created_from:
            return False
        if query.created_to is not None and created >= query.created_to:
            return False
    return True


def _time_key(field: str) -> Callable[[JSONObject], Any]:
    def key(smart_trade: JSONObject) -> Any:
        raw = _data(smart_trade).get(field)
        return parse_time(raw) if isinstance(raw, str) else None

    return key


def _profit_key(field: str) -> Callable[[JSONObject], Any]:
    def key(smart_trade: JSONObject) -> Any:
        profit = smart_trade.get("profit")
        return to_decimal(profit.get(field)) if isinstance(profit, dict) else None

    return key


_SORT_KEYS: Final[dict[str, Callable[[JSONObject], Any]]] = {
    "created_at": _time_key("created_at"),
    "updated_at": _time_key("updated_at"),
    "closed_at": _time_key("closed_at"),
    "status": status_of,
    "profit": _profit_key("volume"),
    "profit_percentage": _profit_key("percent"),
}


def _sort_value(value: Any) -> tuple[int, Any]:
    # Missing values sort lowest; the values of one sort key are otherwise all of one kind.
    if value is None or value == "":
        return (0, 0)
    return (1, value)


def list_page(smart_trades: Sequence[JSONObject], query: ListQuery) -> list[JSONObject]:
    """The SmartTrades of the requested page, filtered and ordered."""
    selected = [st for st in smart_trades if _matches(st, query)]
    key = _SORT_KEYS[query.order_by]
    selected.sort(
        key=lambda st: (_sort_value(key(st)), st.get("id") if isinstance(st.get("id"), int) else 0),
        reverse=query.order_direction == "desc",
    )
    start = (query.page - 1) * query.per_page
    return selected[start : start + query.per_page]

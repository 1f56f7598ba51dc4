"""``GET /v2/smart_trades``: what the spec cannot say about a list request.

The query parameters are checked against the spec by :func:`threecommas._params.check_parameters`,
the validator the client runs too (a bad or repeated parameter is answered 400 ``Wrong param(s)``
with its message, which names the parameter; unknown parameters are ignored). The docs' other
spellings that the spec lists as docs forms (``successfully_finish``, ``ASC``/``DESC``) are then
read as their canonical values. What is left here is what the parameters mean:

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
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from threecommas._constants import FINAL_STATUSES
from threecommas._params import check_parameters, parse_datetime
from threecommas.testing.simulation._docs_forms import query_aliases
from threecommas.testing.simulation._state import JSONObject, status_of, to_decimal

__all__ = [
    "LIST_OPERATION",
    "SORT_KEYS",
    "STATUS_GROUPS",
    "ListQuery",
    "list_page",
    "parse_list_query",
]

#: The operation served here (its parameters are the spec's).
LIST_OPERATION: Final = "list_smart_trades"

# Query parameter -> ListQuery field, where the names differ.
_FIELDS: Final = {"from": "created_from", "to": "created_to"}


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


def parse_list_query(items: Iterable[tuple[str, str]]) -> ListQuery:
    """The query, checked against the spec; :class:`~threecommas._params.ParameterError` names
    every bad parameter."""
    values = check_parameters(LIST_OPERATION, items)
    aliases = query_aliases(LIST_OPERATION)
    fields: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, str):
            value = aliases.get(name, {}).get(value, value)
        fields[_FIELDS.get(name, name)] = value
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
    if _data(smart_trade).get("finished") is True or status in FINAL_STATUSES:
        return "successfully_finished"
    return "active"


#: What each value of the ``status`` filter selects, by the SmartTrade's :func:`status_group`.
STATUS_GROUPS: Final[dict[str, Callable[[str], bool]]] = {
    "all": lambda group: True,
    "active": lambda group: group == "active",
    "finished": lambda group: group != "active",
    "successfully_finished": lambda group: group == "successfully_finished",
    "cancelled": lambda group: group == "cancelled",
    "failed": lambda group: group == "failed",
}


def _in_group(smart_trade: JSONObject, wanted: str) -> bool:
    return STATUS_GROUPS[wanted](status_group(smart_trade))


def _created(smart_trade: JSONObject) -> datetime | None:
    raw = _data(smart_trade).get("created_at")
    return parse_datetime(raw) if isinstance(raw, str) else None


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
        return parse_datetime(raw) if isinstance(raw, str) else None

    return key


def _profit_key(field: str) -> Callable[[JSONObject], Any]:
    def key(smart_trade: JSONObject) -> Any:
        profit = smart_trade.get("profit")
        return to_decimal(profit.get(field)) if isinstance(profit, dict) else None

    return key


#: What each value of ``order_by`` sorts on.
SORT_KEYS: Final[dict[str, Callable[[JSONObject], Any]]] = {
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
    key = SORT_KEYS[query.order_by]
    selected.sort(
        key=lambda st: (_sort_value(key(st)), st.get("id") if isinstance(st.get("id"), int) else 0),
        reverse=query.order_direction == "desc",
    )
    start = (query.page - 1) * query.per_page
    return selected[start : start + query.per_page]

"""Every request example of the three versions of the docs, fed to the recorded-responses server.

The server stands in for the API, so it must take whatever the docs send: plain numbers for
amounts (`"volume": 100`), strings for booleans and integers (`"enabled": "true"`,
`"value": "12"`), the deprecated leverage type `custom`, a create without take profit or stop
loss for a Simple Buy. Each well-formed example goes, as its bytes, to a fresh server and must
be accepted (2xx). The examples are those `tests/docs_examples.py` extracted from the docs'
pages into `tests/docs_request_examples.json`; with the docs at hand, the first test checks the
stored ones are still exactly what the pages hold.

Broken blocks are repaired as little as possible, each said here (`REPAIRED`); blocks that are
not requests are left out, each with its reason (`NOT_REQUESTS`). A new block in the docs that
is neither well-formed nor listed here fails the test instead of being skipped silently.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from tests.docs_examples import docs_dir, extract, stored
from tests.server_support import api, ok, operation_for
from threecommas.testing import create_app

EXAMPLES = stored()

#: The docs' placeholder SmartTrade id in request lines (their answers show other SmartTrades).
PLACEHOLDER = 12345678
#: Force start needs a position that is still waiting. The recorded SmartTrade 12345678 is the
#: close-trade page's, whose position is filled (the API refuses a force start there, 403), so
#: the force-start requests go to the force-start page's own SmartTrade, as its answer shows.
FORCE_START_ID = 31247949


def _key(example: dict[str, Any]) -> str:
    name = example["source"].rsplit("/", 1)[-1]
    heading = f":{example['heading']}" if "heading" in example else ""
    return f"{example['version']}:{name}{heading}"


def _units_object_and_market(body: dict[str, Any]) -> dict[str, Any]:
    # The add-funds page sends `units` as an array (of the same object twice) and a `limit`
    # order without the price its own parameter list requires for one: `units` becomes that
    # object, and the order a market order (the repair of the spec's own example).
    return {**body, "units": body["units"][0], "order_type": "market"}


#: Blocks that are broken as the docs write them, and how each is repaired.
REPAIRED: dict[str, tuple[str, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    "master:5_add_funds_for_smart_trade.mdx": (
        "units as an array; a limit order without a price",
        _units_object_and_market,
    ),
}
#: Request lines with a typo in the method, and the method meant.
METHOD_TYPOS = {"DELETED": "DELETE"}

#: Blocks that are not requests, and why.
NOT_REQUESTS = {
    "gitbook:1. Create SmartTrade.md": "an empty block",
    "gitbook:7. Reduce funds for SmartTrade.md": "a placeholder: TBD",
    "gitbook:2. Update SmartTrade.md": "a request line without the body an update needs",
    "classic:smart_trades_v2_api.md:JSON template": (
        "a template of every field with its alternatives (`true|false`) and /* comments */; "
        'its forms (`"account_id": "1"`, `"value": "123"`) are covered by the examples '
        "and by tests/sdk/test_docs_forms.py"
    ),
}


#: Requests the exchange's limits refuse on the fake server's recorded state, and why.
REFUSED_BY_LIMITS = {
    "master:7_reduce_funds_for_smart_trade.mdx": (
        "0.04 at 0.03711 is an ETH priced in BTC; the SmartTrade 12345678 it is sent to is the "
        "close-trade seed, DOGE on Binance US, which sells at least 1 DOGE for at least 1 USDT"
    ),
}


@dataclass(frozen=True)
class Request:
    method: str
    target: str
    body: bytes | None
    repaired: str | None = None


def _request(example: dict[str, Any]) -> Request:
    """The request an example block stands for (repaired where `REPAIRED` says so)."""
    key = _key(example)
    text: str = example["text"] or ""
    method, target = example["method"], example["target"]
    body: bytes | None = None
    if method is None:  # gitbook: a request line, a bare path, or a body
        line = re.fullmatch(r"(?:([A-Z]+)\s+)?(/v2/\S+)", text)
        if line:
            method = METHOD_TYPOS.get(line[1], line[1]) if line[1] else example["page_method"]
            target = line[2]
        else:
            method = example["page_method"]
            target = example["page_path"].replace("{id}", str(PLACEHOLDER))
            body = text.encode()
    elif text:
        body = text.encode()
    if target.endswith("/force_start"):
        target = target.replace(str(PLACEHOLDER), str(FORCE_START_ID))
    repaired = None
    if key in REPAIRED:
        repaired, repair = REPAIRED[key]
        assert body is not None
        body = json.dumps(repair(json.loads(body))).encode()
    return Request(method, target, body, repaired)


def _well_formed(example: dict[str, Any]) -> bool:
    text = example["text"]
    if example["method"] is not None and not text:
        return True  # a request without a body
    if not text:
        return False
    if text.lstrip().startswith("{"):
        try:
            json.loads(text)
        except ValueError:
            return False
        return True
    return re.fullmatch(r"(?:[A-Z]+\s+)?/v2/\S+", text) is not None


REQUESTS = [e for e in EXAMPLES if _key(e) not in NOT_REQUESTS]


def test_the_stored_examples_are_the_docs() -> None:
    root = docs_dir()
    if root is None:
        pytest.skip("no checkout of the docs here (set THREECOMMAS_DOCS to check against one)")
    assert extract(root) == EXAMPLES


def test_every_block_is_a_request_or_is_listed() -> None:
    keys = [_key(e) for e in EXAMPLES]
    assert len(keys) == len(set(keys)) == 50
    assert set(NOT_REQUESTS) <= set(keys)
    assert set(REPAIRED) <= set(keys)
    for example in EXAMPLES:
        key = _key(example)
        typo = any(word in METHOD_TYPOS for word in (example["text"] or "").split()[:1])
        if key not in NOT_REQUESTS and key not in REPAIRED and not typo:
            assert _well_formed(example), f"{key} is broken: repair it or say why it is left out"
    versions = {e["version"] for e in REQUESTS}
    assert versions == {"master", "gitbook", "classic"}


@pytest.mark.parametrize("example", REQUESTS, ids=_key)
def test_every_docs_request_example_is_accepted(example: dict[str, Any]) -> None:
    request = _request(example)
    app = create_app()  # each on a fresh server: the recorded state
    name = operation_for(request.method, request.target)
    response = api(app, request.method, request.target, raw=request.body if request.body else None)
    if _key(example) in REFUSED_BY_LIMITS:
        assert response.status_code == 422, response.text
        assert response.json()["error"] == "record_invalid"
        return
    assert 200 <= response.status_code < 300, (name, request.repaired, response.text)


def test_the_docs_forms_are_stored_canonically() -> None:
    """What the server makes of the docs' spellings: the canonical values, as the SDK sends."""
    app = create_app()
    by_heading = {e.get("heading"): e for e in EXAMPLES if e["version"] == "classic"}

    def created(heading: str) -> dict[str, Any]:
        text = by_heading[heading]["text"]
        result: dict[str, Any] = ok(api(app, "POST", "/v2/smart_trades", raw=text.encode()), 201)
        return result

    smart_trade = created("Smart Trade Trailing Buy TP 2 Limit Trailing SL Trailing")
    assert smart_trade["position"]["conditional"]["trailing"] == {
        "enabled": True,
        "percent": "9.95",
    }
    last = smart_trade["take_profit"]["steps"][-1]
    assert (last["volume"], last["price"]["percent"]) == ("60", "13")
    assert last["trailing"] == {"enabled": True, "percent": "10.5"}
    assert smart_trade["stop_loss"]["conditional"]["price"]["percent"] == "6"
    assert smart_trade["stop_loss"]["conditional"]["trailing"]["percent"] == "8.5"
    timeout = created("Smart Trade Market Buy SL Timeout")["stop_loss"]["timeout"]
    assert timeout == {"enabled": True, "value": 8}
    smart_sell = created("Smart Sell TP 1 Limit SL Market")
    assert smart_sell["position"]["units"]["value"] == "0.01"
    assert smart_sell["data"]["type"] == "smart_sell"
    leverage = created("Simple Market Buy with leverage")["leverage"]
    assert (leverage["type"], leverage["value"]) == ("isolated", 12)  # `custom`, `"12"`
    breakeven = created("Smart Trade Market Buy TP 2 Limit SL Market Breakeven")
    assert breakeven["stop_loss"]["breakeven"] is True  # `"true"`
    simple = created("Simple Market Buy")
    assert simple["instant"] is True and simple["data"]["type"] == "simple_buy"
    assert simple["take_profit"]["enabled"] is False and simple["stop_loss"] == {"enabled": False}

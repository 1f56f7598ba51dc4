"""The request policy without I/O, and the operations that feed it.

The policy is a generator (`RequestPolicy.flow`) driven by hand here (its budget's steps done at
once by `_flow`): it says SEND or Sleep,
gets the response or the transport error as a value, and returns the result or raises. The
operations build each request with the generated `build_request` and check its path and query
parameters against the OpenAPI document, as the fake server does.
"""

from __future__ import annotations

import asyncio
from collections.abc import Generator
from pathlib import Path
from typing import Any

import httpx
import pytest

from threecommas import (
    AsyncThreeCommas,
    OutcomeUnknownTimeoutError,
    RateLimit,
    ServerError,
    ThreeCommasError,
)
from threecommas import _operations as ops
from threecommas import _pagination as pagination
from threecommas._constants import ITER_ALL_PER_PAGE
from threecommas._limits import Lockout, RateLimiter
from threecommas._params import ParameterError, parameter_schemas
from threecommas._parsing import strict_list, strict_object
from threecommas._policy import PolicySettings, RequestPolicy
from threecommas._steps import SEND, Sleep, SlotHold, StorageCall
from threecommas._types import Call

ROOT = Path(__file__).resolve().parents[2]
OK = httpx.Response(200, json={"ok": True})


def _policy(limiter: RateLimiter | None = None, max_retries: int = 2) -> RequestPolicy:
    settings = PolicySettings(None, max_retries, 120.0, 60.0)
    return RequestPolicy(settings, limiter, Lockout())


def _request(method: str = "GET") -> httpx.Request:
    return httpx.Request(method, "https://api.test/public/api/v2/smart_trades/1")


CALL: Call[Any] = Call({"method": "get", "url": "/v2/smart_trades/1"}, lambda r: r.json())


def _open() -> bool:
    return False


def _flow(policy: RequestPolicy, *args: Any) -> Generator[Any, Any, Any]:
    """`policy.flow(*args)` as a driver runs it: the budget's steps (`StorageCall`) done at
    once, a slot still held given back when it ends; the SEND and Sleep steps left to the test."""
    hold = SlotHold()
    flow = policy.flow(*args, hold=hold)
    answer = None
    try:
        while True:
            step = flow.send(answer)
            if isinstance(step, StorageCall):
                answer = step.method(*step.args)
                continue
            answer = yield step
    except StopIteration as done:
        return done.value
    finally:
        flow.close()
        if hold.held and policy.limiter is not None:
            policy.limiter.release()


def _finish(flow: Any, answer: Any) -> Any:
    with pytest.raises(StopIteration) as done:
        flow.send(answer)
    return done.value.value


def test_a_success_is_one_send_and_the_parsed_result() -> None:
    flow = _flow(_policy(), CALL, _request(), _open)
    assert next(flow) is SEND
    assert _finish(flow, OK) == {"ok": True}


def test_a_read_after_a_503_sleeps_then_sends_again() -> None:
    flow = _flow(_policy(), CALL, _request(), _open)
    assert next(flow) is SEND
    step = flow.send(httpx.Response(503))
    assert isinstance(step, Sleep) and 0 <= step.seconds <= 0.5
    assert flow.send(None) is SEND
    assert _finish(flow, OK) == {"ok": True}


def test_a_change_after_a_503_is_raised_without_a_second_send() -> None:
    flow = _flow(_policy(), CALL, _request("POST"), _open)
    next(flow)
    with pytest.raises(ServerError):
        flow.send(httpx.Response(503))


def test_transport_errors_come_in_as_values() -> None:
    # never connected: even a change is sent again
    flow = _flow(_policy(), CALL, _request("POST"), _open)
    next(flow)
    assert isinstance(flow.send(httpx.ConnectError("refused")), Sleep)
    assert flow.send(None) is SEND
    # sent, then no answer: the outcome is unknown, and the cause is kept
    timeout = httpx.ReadTimeout("slow")
    with pytest.raises(OutcomeUnknownTimeoutError) as caught:
        flow.send(timeout)
    assert caught.value.__cause__ is timeout


def test_a_client_closed_while_waiting_sends_nothing() -> None:
    closed = [False]
    now = [0.0]
    limiter = RateLimiter(RateLimit(1, 10.0), clock=lambda: now[0])
    assert limiter.acquire() == 0  # another request holds the only slot
    flow = _flow(_policy(limiter), CALL, _request(), lambda: closed[0])
    assert isinstance(next(flow), Sleep)
    closed[0] = True
    with pytest.raises(ThreeCommasError, match="client is closed"):
        flow.send(None)


def test_the_slot_is_held_until_the_answer_and_released_when_the_flow_is_closed() -> None:
    now = [0.0]
    limiter = RateLimiter(RateLimit(1, 1.0), clock=lambda: now[0])
    flow = _flow(_policy(limiter), CALL, _request(), _open)
    assert next(flow) is SEND  # the slot is taken
    now[0] = 100.0
    assert limiter.acquire() > 0  # still held: no answer yet, however long ago it was sent
    flow.close()  # the driver gave up (cancelled, or an error of its own)
    assert limiter._in_flight == 0  # released: it counts one period from now, then frees
    now[0] = 101.1
    assert limiter.acquire() == 0


def test_a_cancelled_async_call_gives_its_slot_back() -> None:
    async def scenario() -> None:
        sent = asyncio.Event()

        async def hang(request: httpx.Request) -> httpx.Response:
            sent.set()
            await asyncio.Event().wait()  # never answers
            raise AssertionError("unreachable")

        http = httpx.AsyncClient(transport=httpx.MockTransport(hang))
        client = AsyncThreeCommas("key", "secret", http_client=http, rate_limit=RateLimit(1, 0.05))
        task = asyncio.create_task(client._execute(CALL))
        await sent.wait()
        limiter = client._policy.limiter
        assert limiter is not None and limiter._in_flight == 1
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert limiter._in_flight == 0

    asyncio.run(scenario())


# --- the operations -----------------------------------------------------------------------------


def test_built_requests_are_checked_against_the_document() -> None:
    """The query is checked against the document when the request is built; the path's ids
    come checked by `check_id`, once (its range is the schema's: test_schema.py)."""
    parse = strict_object("get_smart_trade", dict)
    with pytest.raises(ParameterError) as query:
        ops.call("list_smart_trades", parse, (), None, page=0, per_page=500)
    assert set(query.value.problems) == {"page", "per_page"}
    call = ops.call("cancel_trade", parse, (7, 9), None)
    assert call.request["url"] == "/v2/smart_trades/7/trades/9"


def test_the_list_limits_come_from_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    schemas = {
        name: dict(schema) for name, schema in parameter_schemas("list_smart_trades").items()
    }
    assert schemas["per_page"]["maximum"] == ITER_ALL_PER_PAGE
    schemas["per_page"]["maximum"] = 50
    schemas["pair"]["pattern"] = "^[A-Z]+-[A-Z]+$"
    monkeypatch.setattr(ops, "parameter_schemas", lambda operation_id: schemas)
    monkeypatch.setattr(pagination, "parameter_schemas", lambda operation_id: schemas)
    with pytest.raises(ValueError, match="per_page must be between 1 and 50, got 60"):
        pagination.check_one(ops.LIST, 1, 60)
    assert pagination.check_one(ops.LIST, 1, 50) == (1, 50)
    assert ops._pattern("pair", "BTC-USDT", "X") == "BTC-USDT"


def test_the_overlay_uses_only_the_public_seam_of_the_generated_modules() -> None:
    package = ROOT / "overlay" / "threecommas"
    for path in package.rglob("*.py"):
        if "testing" in path.parts or path.name == "cli.py":
            continue
        text = path.read_text(encoding="utf-8")
        for private in ("_get_kwargs", "_parse_response", 'Client(base_url=""'):
            assert private not in text, (path.relative_to(ROOT).as_posix(), private)


def test_the_list_filters_are_the_query_parameters_of_the_document() -> None:
    from threecommas_api._catalogue import BY_ID

    query = {p.name for p in BY_ID["list_smart_trades"].parameters if p.location == "query"}
    # `from` is a Python keyword: the facade's argument is `from_`.
    filters = {"from" if name == "from_" else name for name in ops._FILTERS}
    assert filters | {"page", "per_page"} == query


@pytest.mark.parametrize(
    ("body", "accepted"),
    [
        (b'  {"ok": true}', True),
        (b'\xef\xbb\xbf{"ok": true}', True),  # a BOM: read again to tell, as before
        (b'[["ok", true]]', False),  # a generated parser may take pairs; the SDK does not
    ],
)
def test_an_object_answer_is_told_from_its_first_character_or_read_again(
    body: bytes, accepted: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threecommas._parsing as parsing

    class Module:
        @staticmethod
        def parse_response(response: httpx.Response) -> dict[str, Any]:
            return dict(response.json())

    monkeypatch.setattr(parsing, "endpoint", lambda operation_id: Module)
    parse = parsing._strict_object("get_smart_trade", dict)
    response = httpx.Response(200, content=body)
    if accepted:
        assert parse(response) == {"ok": True}
    else:
        with pytest.raises(ValueError, match="expected a JSON object"):
            parse(response)


def test_a_list_answer_is_told_from_its_first_character_only_for_a_documented_status() -> None:
    parse = strict_list("list_trades", dict)
    with pytest.raises(ValueError, match="expected a JSON array"):
        parse(httpx.Response(200, content=b'{"a": 1}'))
    # an undocumented 2xx with a broken array is read (and refused) as JSON, as before
    with pytest.raises(ValueError, match="Expecting value"):
        parse(httpx.Response(299, content=b"[nonsense"))

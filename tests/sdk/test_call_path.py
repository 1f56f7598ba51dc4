"""What one signed call does, held where a cut of its cost could change its meaning.

`make bench` times the call against bare httpx; these tests hold the shortcuts it relies on
without timing anything: a URL built without `quote` for a plain int id is the URL `quote` would
build, an id of another kind still goes through `quote`, and an in-process lockout is read
without a step through the driver while a lockout of another kind keeps its step.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import pytest

from threecommas import RateLimitError, ThreeCommasError
from threecommas._limits import Lockout
from threecommas._policy import PolicySettings, RequestPolicy
from threecommas._steps import SEND, StorageCall
from threecommas._types import Call
from threecommas_api.api.smart_trades import cancel_trade

CALL: Call[Any] = Call({"method": "get", "url": "/v2/smart_trades/1"}, lambda r: r.json())


def _request() -> httpx.Request:
    return httpx.Request("GET", "https://api.test/public/api/v2/smart_trades/1")


def test_an_int_path_id_is_written_without_quote(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("quote() called for a plain int")

    monkeypatch.setattr(cancel_trade, "quote", refuse)
    built = cancel_trade.build_request(12345678, 9)
    assert built["url"] == "/v2/smart_trades/12345678/trades/9"
    assert built["url"] == "/v2/smart_trades/{}/trades/{}".format(
        quote(str(12345678), safe=""), quote(str(9), safe="")
    )


def test_an_id_of_another_kind_still_goes_through_quote() -> None:
    class Odd(int):
        def __str__(self) -> str:
            return "1/../2"

    built = cancel_trade.build_request(Odd(1), 9)
    assert built["url"] == "/v2/smart_trades/1%2F..%2F2/trades/9"


def _first_step(lockout: Any) -> Any:
    policy = RequestPolicy(PolicySettings(None, 0, 120.0, 60.0), None, lockout)
    flow = policy.flow(CALL, _request(), lambda: False)
    try:
        return flow.send(None)
    finally:
        flow.close()


def test_an_in_process_lockout_is_read_without_a_driver_step() -> None:
    assert _first_step(Lockout()) is SEND


def test_a_running_in_process_lockout_still_refuses() -> None:
    lockout = Lockout()
    lockout.start(600.0, RateLimitError("refused", status_code=429))
    policy = RequestPolicy(PolicySettings(None, 0, 120.0, 60.0), None, lockout)
    with pytest.raises(ThreeCommasError, match=r"refused|lock|429"):
        policy.flow(CALL, _request(), lambda: False).send(None)


def test_a_lockout_of_another_kind_keeps_its_step() -> None:
    class Shared(Lockout):
        """Stands for a lockout kept elsewhere (Redis): its reads go through the driver."""

    step = _first_step(Shared())
    assert isinstance(step, StorageCall)
    assert step.method.__name__ == "remaining"


# --- RateLimit: the methods written by hand are the ones dataclass would write --------------


def test_rate_limit_init_takes_the_fields_in_order_with_their_defaults() -> None:
    import dataclasses
    import inspect

    from threecommas import RateLimit

    fields = dataclasses.fields(RateLimit)
    parameters = list(inspect.signature(RateLimit).parameters.values())
    assert [p.name for p in parameters] == [f.name for f in fields]
    assert [p.default for p in parameters] == [f.default for f in fields]
    assert all(p.kind is p.POSITIONAL_OR_KEYWORD for p in parameters)


def test_rate_limit_is_still_a_frozen_dataclass_with_field_equality() -> None:
    import dataclasses

    from threecommas import RateLimit

    limit = RateLimit(50, 60.0, plan="pro")
    assert dataclasses.is_dataclass(limit)
    assert limit == RateLimit(requests=50, period=60.0, plan="pro")
    assert limit != RateLimit(50, 60.0)
    assert limit != (50, 60.0)
    assert hash(limit) == hash(RateLimit(50, 60.0, plan="pro"))
    assert len({limit, RateLimit(50, 60.0, plan="pro")}) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        limit.requests = 1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del limit.period  # type: ignore[misc]
    assert dataclasses.is_dataclass(RateLimit) and RateLimit.__match_args__[:2] == (
        "requests",
        "period",
    )
    assert repr(limit).startswith("RateLimit(requests=50, period=60.0")
    changed = dataclasses.replace(limit, requests=40)
    assert limit.__replace__(requests=40) == changed  # what copy.replace calls (3.13+)
    assert (changed.requests, changed.period, changed.plan) == (40, 60.0, "pro")
    assert dataclasses.asdict(changed)["requests"] == 40
    # The checks still run, in the hand-written __init__ and through replace().
    with pytest.raises(ValueError, match="requests"):
        RateLimit(0)
    with pytest.raises(ValueError, match="requests"):
        dataclasses.replace(limit, requests=0)


def test_the_internal_records_keep_what_they_were_given() -> None:
    from threecommas._limits_cache import LIMITS_CACHE_TTL_S, LimitsCache

    def parse(response: httpx.Response) -> int:
        return 1

    call = Call({"method": "get"}, parse, signed=False, operation_id="list_markets")
    assert (call.request, call.parse, call.signed, call.operation_id) == (
        {"method": "get"},
        parse,
        False,
        "list_markets",
    )
    assert "list_markets" in repr(call)
    settings = PolicySettings.checked(None, 2, 120, 60)
    assert (settings.rate_limit, settings.max_retries) == (None, 2)
    assert (settings.ban_cooldown, settings.retry_after_cap) == (120.0, 60.0)
    now = [0.0]
    cache = LimitsCache(clock=lambda: now[0])
    assert cache.ttl == LIMITS_CACHE_TTL_S
    cache.put(("account", 1), "a")
    assert cache.get(("account", 1)) == "a"
    now[0] = LIMITS_CACHE_TTL_S
    assert cache.get(("account", 1)) is None


def test_importing_the_client_compiles_no_method_and_no_pattern() -> None:
    """`from threecommas import ThreeCommas` is measured against `import httpx` (`make bench`):
    it neither compiles dataclass methods (about a millisecond a class; RateLimit becomes a
    dataclass when first asked) nor regular expressions, which wait for their first use."""
    import subprocess
    import sys

    probe = (
        "import dataclasses, re, httpx\n"
        "made, compiled = [], []\n"
        "create = dataclasses._create_fn\n"
        "def counting(name, *args, **kwargs):\n"
        "    made.append(name)\n"
        "    return create(name, *args, **kwargs)\n"
        "dataclasses._create_fn = counting\n"
        "compile_ = re.compile\n"
        "def recording(pattern, flags=0):\n"
        "    compiled.append(pattern)\n"
        "    return compile_(pattern, flags)\n"
        "re.compile = recording\n"
        "from threecommas import ThreeCommas\n"
        "print(sorted(made), compiled)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[] []"

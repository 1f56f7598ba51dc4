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
from threecommas._policy import SEND, PolicySettings, RequestPolicy, StorageCall
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

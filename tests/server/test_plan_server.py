"""The fake server playing a subscription plan (`create_app(plan=...)`, `serve --plan`)."""

from __future__ import annotations

import httpx
import pytest

from threecommas import PlanRestrictionError, RateLimit, RateLimitError
from threecommas.testing import FaultConfig, RunningServer
from threecommas.testing._fixtures import ClientFactory, ServerFactory
from threecommas.testing.faults import faults_from_args
from threecommas.testing.server import create_app

FACTOR = 0.01


def _server(factory: ServerFactory, plan: str) -> RunningServer:
    return factory(FaultConfig(time_factor=FACTOR), plan=plan)


def test_pro_answers_the_51st_read_with_the_plan_body(
    threecommas_server_factory: ServerFactory, threecommas_client_factory: ClientFactory
) -> None:
    # The 51 reads must fall in one window of the plan: on the usual scaled clock that window is
    # 0.6 s of real time, which a loaded machine can overrun (then the 51st read is in the next
    # window and goes). On an unscaled clock the window is a real minute.
    server = threecommas_server_factory(FaultConfig(time_factor=1.0), plan="pro")
    client = threecommas_client_factory(server, rate_limit=None, max_retries=0)
    for _ in range(50):
        client.smart_trades.list()
    with pytest.raises(RateLimitError) as caught:
        client.smart_trades.list()
    error = caught.value
    assert "Next request at" in (error.error or "")
    # The date is the server's, on its scaled clock: the client reads the plan's lockout
    # (300 s of that clock) from it, give or take the date's whole second.
    assert 299.0 <= error.retry_after <= 301.0
    counters = httpx.get(server.base_url.removesuffix("/public/api") + "/__admin__/counters").json()
    assert counters["statuses"]["429"] == 1
    assert counters["injected"]["rate_limit"] == 1


@pytest.mark.parametrize("plan", ["starter", "pro"])
def test_a_read_only_plan_answers_writes_with_the_plan_restriction(
    threecommas_server_factory: ServerFactory,
    threecommas_client_factory: ClientFactory,
    plan: str,
) -> None:
    server = _server(threecommas_server_factory, plan)
    # The client does not know the plan: the server refuses.
    client = threecommas_client_factory(server, rate_limit=None, max_retries=0)
    with pytest.raises(PlanRestrictionError):
        client.smart_trades.cancel(1)
    client.smart_trades.list()  # reads go
    # and so do the reads the API makes POSTs: the balances table, loading the balances
    client.accounts.balances(32402783)
    client.accounts.load_balances(32402783)
    # the client that knows the plan sends them too
    knowing = threecommas_client_factory(server, rate_limit=RateLimit.for_plan(plan))
    knowing.accounts.balances(32402783)


def test_expert_writes(
    threecommas_server_factory: ServerFactory, threecommas_client_factory: ClientFactory
) -> None:
    server = _server(threecommas_server_factory, "expert")
    client = threecommas_client_factory(server, rate_limit=None, max_retries=0)
    trade_id = client.smart_trades.list()[0].id
    client.smart_trades.set_note(trade_id, "expert writes")
    assert server.app.state.faults.config.effective_rate_limit.requests == 120


def test_the_plan_is_checked_and_goes_through_the_options() -> None:
    with pytest.raises(ValueError, match="plan must be one of"):
        create_app(plan="gold")
    assert FaultConfig.from_json({"plan": "pro"}).effective_rate_limit.requests == 50  # type: ignore[union-attr]
    import argparse

    from threecommas.testing.faults import add_fault_options

    parser = argparse.ArgumentParser()
    add_fault_options(parser)
    config = faults_from_args(parser.parse_args(["--plan", "starter", "--time-factor", "0.5"]))
    assert (config.plan, config.time_factor, config.read_only) == ("starter", 0.5, True)

"""Fault injection's configuration on its own: JSON, the command-line options of ``serve``,
rule counts and probabilities, and the emulated rate limits' clock."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from threecommas import (
    ThreeCommas,
)
from threecommas._constants import BAN_COOLDOWN_S, BUDGET_PERIOD_S, BUDGET_REQUESTS, LOCKOUT_S
from threecommas.testing import (
    DEFAULT_API_KEY,
    DEFAULT_API_SECRET,
    create_app,
)
from threecommas.testing.faults import (
    FaultConfig,
    FaultRule,
    Faults,
    RateLimitConfig,
    add_fault_options,
    faults_from_args,
)

# --- Configuration, command line, the limiter on its own ----------------------------------------


def test_faults_are_off_by_default() -> None:
    faults: Faults = create_app().state.faults
    assert faults.config == FaultConfig()
    assert faults.config.rate_limit is None and not faults.config.rules


def test_config_round_trips_through_json_and_refuses_nonsense() -> None:
    config = FaultConfig(
        rate_limit=RateLimitConfig(requests=10, lockout=30),
        time_factor=0.01,
        plan_restricted=frozenset({"reduce_funds"}),
        latency_ms=5,
        rules=(
            FaultRule("error", status=502, probability=0.5, operations=frozenset({"list_trades"})),
            FaultRule("drop", count=1, after_apply=True),
        ),
        seed=7,
    )
    assert FaultConfig.from_json(json.loads(json.dumps(config.to_json()))) == config
    assert FaultConfig.from_json({"rate_limit": True}).rate_limit == RateLimitConfig()
    refused: list[Any] = [
        {"rules": [{"kind": "fire"}]},
        {"rules": [{"kind": "error", "status": 404}]},
        {"rules": [{"kind": "drop", "probability": 2}]},
        {"rules": [{"kind": "drop", "operations": ["no_such_operation"]}]},
        {"time_factor": 0},
        {"rate_limit": {"requests": 0}},
        {"latency": 5},
        [],
    ]
    for bad in refused:
        with pytest.raises(ValueError):
            FaultConfig.from_json(bad)


def test_command_line_options(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    add_fault_options(parser)
    assert faults_from_args(parser.parse_args([])) == FaultConfig()
    base = tmp_path / "faults.json"
    base.write_text(json.dumps({"latency_ms": 20, "rules": [{"kind": "html_502", "count": 2}]}))
    args = parser.parse_args(
        [
            "--faults",
            str(base),
            "--rate-limit",
            "--lockout",
            "30",
            "--time-factor",
            "0.01",
            "--plan-restricted",
            "reduce_funds",
            "--fault",
            "error:status=503,probability=0.25,operations=get_smart_trade+list_trades",
            "--fault",
            "delay:seconds=2,after_apply=yes",
            "--fault-seed",
            "3",
        ]
    )
    config = faults_from_args(args)
    assert config.rate_limit == RateLimitConfig(lockout=30)
    assert config.time_factor == 0.01
    assert config.plan_restricted == {"reduce_funds"}
    assert config.latency_ms == 20
    assert config.seed == 3
    assert [rule.kind for rule in config.rules] == ["html_502", "error", "delay"]
    assert config.rules[1].operations == {"get_smart_trade", "list_trades"}
    assert config.rules[1].probability == 0.25 and config.rules[2].seconds == 2
    with pytest.raises(ValueError):
        faults_from_args(parser.parse_args(["--fault", "error:status"]))


def test_rules_fire_in_order_within_their_counts_and_probabilities() -> None:
    faults = Faults(
        FaultConfig(
            latency_ms=10,
            latency_probability=0.5,
            rules=(
                FaultRule("drop", count=2, operations=frozenset({"close_trade_by_market"})),
                FaultRule("error", status=500, probability=0.25),
            ),
            seed=1,
        )
    )
    closes = [faults.decide("close_trade_by_market") for _ in range(400)]
    assert [d.rule.kind if d.rule else None for d in closes[:2]] == ["drop", "drop"]
    errors = sum(d.rule is not None and d.rule.kind == "error" for d in closes[2:])
    assert 60 < errors < 140  # a quarter of 398
    slowed = sum(d.latency == 0.01 for d in closes)
    assert 150 < slowed < 250 and all(d.latency in (0, 0.01) for d in closes)
    assert faults.counters().injected == {"drop": 2, "error": errors}
    faults.reset()  # counts start again
    assert faults.decide("close_trade_by_market").rule == FaultRule(
        "drop", count=2, operations=frozenset({"close_trade_by_market"})
    )


def test_emulated_limits_lockout_then_ban_then_longer_ban() -> None:
    now = [1000.0]
    faults = Faults(FaultConfig(rate_limit=RateLimitConfig()), clock=lambda: now[0])

    def answer() -> tuple[int, str | None]:
        refusal = faults.admit("key", "get_smart_trade")
        if refusal is None:
            return 200, None
        return refusal.status, refusal.headers().get("Retry-After")

    assert all(answer() == (200, None) for _ in range(100))
    now[0] += 1
    assert answer() == (429, "300")  # the 101st in the minute starts the lockout
    assert faults.admit("other-key", "get_smart_trade") is None  # limits are per API key
    now[0] += 10
    assert [answer() for _ in range(3)] == [(429, "290")] * 3  # refused, still no ban
    assert answer() == (418, "120")  # the 4th refused in the lockout: banned
    now[0] += 119.5
    assert answer() == (418, "1")
    now[0] += 1
    assert answer() == (200, None)  # ban over; the old minute has passed
    assert all(answer()[0] == 200 for _ in range(99))
    assert answer()[0] == 429
    for _ in range(3):
        answer()
    assert answer() == (418, "240")  # a repeated ban lasts twice as long
    assert faults.counters().injected == {"rate_limit": 8, "ban": 3}


def test_time_factor_scales_every_duration_and_retry_after_rounds_up() -> None:
    now = [0.0]
    limit = RateLimitConfig(requests=2, lockout=150, ban_after=0, ban=120)
    faults = Faults(FaultConfig(rate_limit=limit, time_factor=0.01), clock=lambda: now[0])
    assert faults.admit("k", None) is None and faults.admit("k", None) is None
    refusal = faults.admit("k", None)
    assert refusal is not None and refusal.status == 429
    assert refusal.retry_after == pytest.approx(1.5)
    assert refusal.headers() == {"Retry-After": "2"}  # whole seconds, rounded up
    ban = faults.admit("k", None)
    assert ban is not None and ban.status == 418 and ban.headers() == {"Retry-After": "2"}
    now[0] += 1.21
    assert faults.admit("k", None) is None  # 120 s x 0.01 later
    now[0] += 0.6
    assert faults.admit("k", None) is None  # the 60 s window is 0.6 s
    assert faults.admit("k", None) is None


@pytest.mark.slow
def test_serve_takes_fault_options_on_the_command_line() -> None:
    import subprocess
    import sys

    command = [sys.executable, "-m", "threecommas.testing", "serve", "--port", "0"]
    proc = subprocess.Popen(
        [*command, "--no-access-log", "--fault", "error:status=503,count=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        base_url = proc.stdout.readline().strip()
        faults = httpx.get(base_url.replace("/public/api", "/__admin__/faults"), timeout=10)
        assert faults.status_code == 200 and "503" in faults.text
        with ThreeCommas(DEFAULT_API_KEY, DEFAULT_API_SECRET, base_url=base_url) as client:
            # the first read meets the injected 503 and is retried; the second attempt succeeds
            assert client.smart_trades.get(12345678).id == 12345678
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_the_emulated_limits_take_the_sdks_budget_and_their_own_defaults_once() -> None:
    # JSON that leaves a key out gets the dataclass's default, which is the SDK's number.
    assert RateLimitConfig.from_json({}) == RateLimitConfig()
    limit = RateLimitConfig.from_json({"requests": 7})
    assert (limit.requests, limit.period) == (7, BUDGET_PERIOD_S)
    assert (RateLimitConfig().requests, RateLimitConfig().lockout) == (BUDGET_REQUESTS, LOCKOUT_S)
    assert RateLimitConfig().ban == BAN_COOLDOWN_S

    # The defaults of `from_json` are the fields' own (written nowhere else).
    @dataclasses.dataclass(frozen=True)
    class Slower(RateLimitConfig):
        period: float = 2 * BUDGET_PERIOD_S
        max_ban: float = 60.0

    assert (Slower.from_json({}).period, Slower.from_json({}).max_ban) == (120.0, 60.0)

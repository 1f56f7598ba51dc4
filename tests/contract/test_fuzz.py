"""schemathesis against the recorded-responses server, in-process and live, every check on.

Per operation: the examples, coverage and fuzzing phases (`@schema.parametrize()`), then the
stateful phase over the spec's links. A module-scoped tally asserts, once all of it ran, that
every operation got a 2xx: a run that only ever saw 401s or 404s fails instead of passing.

Checks: all of schemathesis' built-in checks, except `use_after_free`, which assumes a DELETE
removes the resource (here a DELETE cancels and the SmartTrade stays readable; see
schemathesis.toml). The same configuration drives `scripts/fuzz_cli.py`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.specs.openapi.stateful import OpenAPIStateMachine

from threecommas.testing import RunningServer, SmartTradeStore, create_app, run_in_thread
from threecommas.testing.schemathesis_auth import SigningAuth, refresh_signature
from threecommas.testing.simulation import BACKTEST_MARKET, MarketControl

pytestmark = pytest.mark.fuzz

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "threecommas.yaml"
EXCLUDED_CHECKS = {"use_after_free"}

load_all_checks()
CHECKS_IN_USE = [check for check in CHECKS.get_all() if check.__name__ not in EXCLUDED_CHECKS]

Tally = Counter[tuple[str, int]]


def _schema(app: Any = None) -> Any:
    schema = schemathesis.openapi.from_path(SPEC)
    if app is not None:
        schema.app = app
    schema.auth(refresh_interval=None)(SigningAuth)
    return schema


# Global by necessity (schemathesis allows before_call hooks only globally); it touches only
# signatures SigningAuth issued.
schemathesis.hook("before_call")(refresh_signature)


schema = _schema(create_app())
live_schema = _schema()
OPERATIONS = sorted(op.ok().label for op in schema.get_all_operations())

FUZZ_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
STATEFUL_SETTINGS = settings(
    max_examples=40,
    stateful_step_count=6,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def test_checks_in_use() -> None:
    names = {check.__name__ for check in CHECKS_IN_USE}
    for required in (
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "response_headers_conformance",
        "positive_data_acceptance",
        "negative_data_rejection",
        "missing_required_header",
        "unsupported_method",
        "ignored_auth",
        "ensure_resource_availability",
    ):
        assert required in names
    assert len(OPERATIONS) == 24


def _all_selected(request: pytest.FixtureRequest, feeders: dict[str, int]) -> bool:
    """Whether this run selected every test that feeds a tally (`feeders`: test name -> how
    many items it makes): the claim that every operation got a 2xx is about all of them, and
    one of them run alone (`pytest ...::test_stateful_inprocess`) must not fail for it."""
    selected = Counter(
        getattr(item, "originalname", item.name)
        for item in request.session.items
        if getattr(item, "module", None) is request.module
    )
    return all(selected[name] >= count for name, count in feeders.items())


def _tally(name: str, check: bool) -> Iterator[Tally]:
    seen: Tally = Counter()
    yield seen
    print(f"\n{name}: {sum(seen.values())} requests")
    for operation in OPERATIONS:
        statuses = {status: n for (op, status), n in sorted(seen.items()) if op == operation}
        print(f"  {operation}: {statuses}")
    if not check:
        return
    missing = [
        operation
        for operation in OPERATIONS
        if not any(op == operation and status < 300 for (op, status) in seen)
    ]
    assert not missing, f"{name}: no 2xx for {missing}"


def _label(case: schemathesis.Case) -> str:
    return str(case.operation.label)


@pytest.fixture(scope="module")
def inprocess_statuses(request: pytest.FixtureRequest) -> Iterator[Tally]:
    feeders = {
        "test_inprocess": len(OPERATIONS),
        "test_stateful_inprocess": 1,
        "test_stateful_inprocess_with_the_market_moving": 1,
    }
    yield from _tally("in-process fuzzing", _all_selected(request, feeders))


@pytest.fixture(scope="module")
def live_statuses(request: pytest.FixtureRequest) -> Iterator[Tally]:
    feeders = {"test_live": len(OPERATIONS), "test_stateful_live": 1}
    yield from _tally("live fuzzing", _all_selected(request, feeders))


@pytest.fixture
def live_server() -> Iterator[RunningServer]:
    """A fresh server (a fresh store) for each operation, as recorded."""
    with run_in_thread() as server:
        yield server


@pytest.fixture
def fresh_app() -> Any:
    """Each operation starts from the recorded state, whatever the one before it changed
    (a cancel would otherwise leave nothing for add_funds or reduce_funds to act on)."""
    return create_app()


@schema.parametrize()
@FUZZ_SETTINGS
def test_inprocess(case: schemathesis.Case, fresh_app: Any, inprocess_statuses: Tally) -> None:
    response = case.call_and_validate(app=fresh_app, checks=CHECKS_IN_USE)
    inprocess_statuses[(_label(case), response.status_code)] += 1


@live_schema.parametrize()
@FUZZ_SETTINGS
def test_live(case: schemathesis.Case, live_server: RunningServer, live_statuses: Tally) -> None:
    response = case.call_and_validate(base_url=live_server.base_url, checks=CHECKS_IN_USE)
    live_statuses[(_label(case), response.status_code)] += 1


def _stateful_machine(
    base: type[OpenAPIStateMachine], store: SmartTradeStore, tally: Tally, **call_kwargs: Any
) -> type:
    class Machine(base):  # type: ignore[misc, valid-type]
        def setup(self) -> None:
            # Every scenario starts from the recordings: hypothesis replays scenarios and
            # needs the same answers to the same requests.
            store.reset()

        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            return call_kwargs

        def after_call(self, response: Any, case: schemathesis.Case) -> None:
            super().after_call(response, case)
            tally[(_label(case), response.status_code)] += 1

        def validate_response(
            self,
            response: Any,
            case: schemathesis.Case,
            additional_checks: Any = None,
            **kwargs: Any,
        ) -> None:
            case.validate_response(response, checks=CHECKS_IN_USE, transport_kwargs=kwargs or None)

    return Machine


def test_stateful_inprocess(fresh_app: Any, inprocess_statuses: Tally) -> None:
    machine = _stateful_machine(
        schema.as_state_machine(), fresh_app.state.store, inprocess_statuses, app=fresh_app
    )
    machine.run(settings=STATEFUL_SETTINGS)


def test_stateful_live(live_server: RunningServer, live_statuses: Tally) -> None:
    machine = _stateful_machine(
        live_schema.as_state_machine(),
        live_server.store,
        live_statuses,
        base_url=live_server.base_url,
    )
    machine.run(settings=STATEFUL_SETTINGS)


#: The prices the market cycles through while the stateful fuzzing runs with it.
_MARKET_PRICES = ("0.1", "0.12", "0.08", "0.15", "0.0999", "100")


def _move_market(store: SmartTradeStore, step: int) -> None:
    """Give every pair of the store a price (the next of the cycle) and let 30 s pass, so that
    every SmartTrade the fuzzer made or changed moves."""
    market = MarketControl(store)
    pairs = sorted({st["pair"] for st in store.snapshot().values() if isinstance(st["pair"], str)})
    for offset, pair in enumerate(pairs):
        try:
            market.set_price(pair, _MARKET_PRICES[(step + offset) % len(_MARKET_PRICES)])
        except ValueError:
            continue  # a pair the fuzzer wrote in a form the market does not price
    market.advance(30)


def test_stateful_inprocess_with_the_market_moving(
    fresh_app: Any, inprocess_statuses: Tally
) -> None:
    """Every answer still conforms while the market fills, closes and finishes SmartTrades."""
    store: SmartTradeStore = fresh_app.state.store
    base = _stateful_machine(schema.as_state_machine(), store, inprocess_statuses, app=fresh_app)
    calls = [0]

    class Machine(base):  # type: ignore[misc, valid-type]
        def setup(self) -> None:
            super().setup()
            # The prices follow the scenario's own steps, never a count kept across scenarios:
            # hypothesis replays a scenario and needs the same market at each of its steps
            # (else: FlakyStrategyDefinition, "Inconsistent data generation").
            self.market_step = 0
            # Kept balances on the examples' accounts: creates and add funds are judged by
            # balance too, and the balances table answers the market's figures.
            for account in (12345678, 32402783):
                for currency in ("USDT", "BTC", "ETH", "DOGE", "ADA"):
                    MarketControl(store).set_balance(account, currency, "1000000")
            # The exchange as a backtest sets it: fees, seeded slippage, fills by volume,
            # and entries that reach it 10 s after the create (each step lets 30 s pass).
            MarketControl(store).configure(**{**BACKTEST_MARKET, "latency": "10"})
            _move_market(store, 0)

        def after_call(self, response: Any, case: schemathesis.Case) -> None:
            super().after_call(response, case)
            calls[0] += 1
            self.market_step += 1
            _move_market(store, self.market_step)

    Machine.run(settings=STATEFUL_SETTINGS)
    assert calls[0] > 0

"""schemathesis against the recorded-responses server, in-process and live, every check on.

A module-scoped tally asserts, once all cases ran, that every operation saw a 2xx: a run that
only ever got 401s or 404s fails instead of passing silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks

from threecommas.testing import create_app, run_in_thread
from threecommas.testing.schemathesis_auth import SigningAuth

SPEC = Path(__file__).resolve().parent.parent / "openapi" / "threecommas.yaml"

load_all_checks()
ALL_CHECKS = list(CHECKS.get_all())

schema = schemathesis.openapi.from_path(SPEC)
schema.app = create_app()
schema.auth(refresh_interval=None)(SigningAuth)

live_schema = schemathesis.openapi.from_path(SPEC)
live_schema.auth(refresh_interval=None)(SigningAuth)

OPERATIONS = sorted(
    f"{op.ok().method.upper()} {op.ok().path}" for op in schema.get_all_operations()
)
FUZZ_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def test_every_check_is_enabled() -> None:
    names = {check.__name__ for check in ALL_CHECKS}
    for required in (
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "positive_data_acceptance",
        "negative_data_rejection",
        "missing_required_header",
        "unsupported_method",
        "ignored_auth",
    ):
        assert required in names


def _tally(name: str) -> Iterator[Counter[tuple[str, int]]]:
    seen: Counter[tuple[str, int]] = Counter()
    yield seen
    print(f"\n{name}: {sorted(seen.items())}")
    if not seen:
        pytest.fail(f"{name}: no request was sent")
    for operation in OPERATIONS:
        successes = sum(n for (op, status), n in seen.items() if op == operation and status < 300)
        assert successes, f"{name}: {operation} never got a 2xx; statuses: {dict(seen)}"


@pytest.fixture(scope="module")
def inprocess_statuses() -> Iterator[Counter[tuple[str, int]]]:
    yield from _tally("in-process fuzzing")


@pytest.fixture(scope="module")
def live_statuses() -> Iterator[Counter[tuple[str, int]]]:
    yield from _tally("live fuzzing")


@pytest.fixture(scope="module")
def live_base_url() -> Iterator[str]:
    with run_in_thread() as server:
        yield server.base_url


@schema.parametrize()
@FUZZ_SETTINGS
def test_inprocess(case: schemathesis.Case, inprocess_statuses: Counter[tuple[str, int]]) -> None:
    response = case.call_and_validate(checks=ALL_CHECKS)
    inprocess_statuses[(f"{case.method.upper()} {case.path}", response.status_code)] += 1


@live_schema.parametrize()
@FUZZ_SETTINGS
def test_live(
    case: schemathesis.Case, live_base_url: str, live_statuses: Counter[tuple[str, int]]
) -> None:
    response = case.call_and_validate(base_url=live_base_url, checks=ALL_CHECKS)
    live_statuses[(f"{case.method.upper()} {case.path}", response.status_code)] += 1

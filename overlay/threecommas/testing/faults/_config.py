"""What the server injects: :class:`FaultConfig`, with :class:`RateLimitConfig`, :class:`FaultRule`.

Each can be built in Python or read from the admin API's JSON (``from_json``, which checks every
value and names the bad one in a ``ValueError``); ``to_json`` gives that JSON back.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any, Final, Literal, get_args

from threecommas._constants import (
    BAN_COOLDOWN_S,
    BUDGET_PERIOD_S,
    BUDGET_REQUESTS,
    LOCKOUT_S,
    PLAN_LIMITS,
)
from threecommas_api._catalogue import BY_ID

__all__ = [
    "FAULT_KINDS",
    "FaultConfig",
    "FaultKind",
    "FaultRule",
    "JSONObject",
    "RateLimitConfig",
    "integer_value",
    "only_keys",
]

JSONObject = dict[str, Any]

FaultKind = Literal[
    "error",
    "html_502",
    "drop",
    "delay",
    "truncated_json",
    "wrong_type",
    "missing_field",
    "empty_body",
]
FAULT_KINDS: Final[tuple[str, ...]] = get_args(FaultKind)
_ERROR_STATUSES: Final = frozenset({500, 502, 503, 504, 429, 418})


def _number(data: Mapping[str, Any], name: str, default: float, *, minimum: float = 0.0) -> float:
    value = data.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{name} must be a number")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}")
    return float(value)


def integer_value(data: Mapping[str, Any], name: str, default: int, *, minimum: int = 0) -> int:
    value = data.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be an integer")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}")
    return value


def _probability(data: Mapping[str, Any], name: str) -> float:
    value = _number(data, name, 1.0)
    if value > 1:
        raise ValueError(f"{name} must be between 0 and 1")
    return value


def _operation_names(value: Any, name: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str) or not isinstance(value, list | tuple | set | frozenset):
        raise ValueError(f"{name} must be a list of operation names")
    unknown = sorted(str(v) for v in value if v not in BY_ID)
    if unknown:
        raise ValueError(f"{name}: unknown operation(s) {', '.join(unknown)}")
    return frozenset(str(v) for v in value)


def only_keys(data: Any, allowed: Iterable[str], what: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ValueError(f"{what} must be a JSON object")
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ValueError(f"{what}: unknown key(s) {', '.join(map(str, unknown))}")
    return data


@dataclass(frozen=True)
class RateLimitConfig:
    """The API's documented limits; durations in seconds, before the time factor."""

    requests: int = BUDGET_REQUESTS
    period: float = BUDGET_PERIOD_S
    lockout: float = LOCKOUT_S
    ban_after: int = 3
    ban: float = BAN_COOLDOWN_S
    ban_growth: float = 2.0
    max_ban: float = 3 * 24 * 3600.0

    def __post_init__(self) -> None:
        RateLimitConfig.from_json(self.to_json())  # the same checks as for JSON input

    def to_json(self) -> JSONObject:
        """This configuration as the admin API's JSON."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_json(cls, data: Any) -> RateLimitConfig:
        """Parse (and check) the admin API's JSON; a missing key keeps its default."""
        data = only_keys(data, (f.name for f in fields(cls)), "rate_limit")
        # A key left out takes the field's default: the numbers are written once, above.
        default: dict[str, Any] = {f.name: f.default for f in fields(cls)}
        period = _number(data, "period", default["period"])
        if period <= 0:
            raise ValueError("period must be positive")
        values = {
            "requests": integer_value(data, "requests", default["requests"], minimum=1),
            "period": period,
            "lockout": _number(data, "lockout", default["lockout"]),
            "ban_after": integer_value(data, "ban_after", default["ban_after"]),
            "ban": _number(data, "ban", default["ban"]),
            "ban_growth": _number(data, "ban_growth", default["ban_growth"], minimum=1.0),
            "max_ban": _number(data, "max_ban", default["max_ban"]),
        }
        result = object.__new__(cls)
        for name, value in values.items():
            object.__setattr__(result, name, value)
        return result


@dataclass(frozen=True)
class FaultRule:
    """One kind of fault, for which requests, how often and how many times (see the manual)."""

    kind: FaultKind
    status: int = 503
    seconds: float = 0.0
    probability: float = 1.0
    count: int | None = None
    operations: frozenset[str] = frozenset()
    after_apply: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "operations", frozenset(self.operations))
        FaultRule.from_json(self.to_json())

    def matches(self, operation: str | None) -> bool:
        """Whether this rule applies to `operation` (an operationId; None for a path of no
        operation)."""
        return not self.operations or operation in self.operations

    def to_json(self) -> JSONObject:
        """This rule as the admin API's JSON."""
        return {
            "kind": self.kind,
            "status": self.status,
            "seconds": self.seconds,
            "probability": self.probability,
            "count": self.count,
            "operations": sorted(self.operations),
            "after_apply": self.after_apply,
        }

    @classmethod
    def from_json(cls, data: Any) -> FaultRule:
        """Parse (and check) one rule of the admin API's JSON; a missing key keeps its default."""
        data = only_keys(data, (f.name for f in fields(cls)), "a fault rule")
        kind = data.get("kind")
        if kind not in FAULT_KINDS:
            raise ValueError(f"kind must be one of {', '.join(FAULT_KINDS)}")
        status = integer_value(data, "status", 503)
        if status not in _ERROR_STATUSES:
            raise ValueError("status must be 500, 502, 503, 504, 429 or 418")
        count = data.get("count")
        if count is not None:
            count = integer_value(data, "count", 0)
        after_apply = data.get("after_apply", False)
        if not isinstance(after_apply, bool):
            raise ValueError("after_apply must be true or false")
        result = object.__new__(cls)
        values: dict[str, Any] = {
            "kind": kind,
            "status": status,
            "seconds": _number(data, "seconds", 0.0),
            "probability": _probability(data, "probability"),
            "count": count,
            "operations": _operation_names(data.get("operations"), "operations"),
            "after_apply": after_apply,
        }
        for name, value in values.items():
            object.__setattr__(result, name, value)
        return result


@dataclass(frozen=True)
class FaultConfig:
    """What the server injects; the default injects nothing."""

    rate_limit: RateLimitConfig | None = None
    time_factor: float = 1.0
    plan_restricted: frozenset[str] = frozenset()
    latency_ms: float = 0.0
    latency_probability: float = 1.0
    rules: tuple[FaultRule, ...] = ()
    seed: int | None = None
    #: A subscription plan to play (`starter`, `pro`, `expert`): its limit (unless `rate_limit`
    #: says otherwise), its 429 body ("Next request at <UTC>", no Retry-After), and for a
    #: read-only plan the plan-restriction 429 for every write.
    plan: str | None = None

    @property
    def effective_rate_limit(self) -> RateLimitConfig | None:
        """The limit the server applies: `rate_limit`, else the plan's."""
        if self.rate_limit is not None or self.plan is None:
            return self.rate_limit
        return RateLimitConfig(requests=PLAN_LIMITS[self.plan][0])

    @property
    def read_only(self) -> bool:
        """True when the played plan is read only (starter, pro): every write is refused."""
        return self.plan is not None and PLAN_LIMITS[self.plan][1]

    def __post_init__(self) -> None:
        object.__setattr__(self, "plan_restricted", frozenset(self.plan_restricted))
        object.__setattr__(self, "rules", tuple(self.rules))
        FaultConfig.from_json(self.to_json())

    def scaled(self, seconds: float) -> float:
        """A rate-limit duration as this server applies it."""
        return seconds * self.time_factor

    def to_json(self) -> JSONObject:
        """This configuration as the admin API's JSON (`GET /__admin__/faults`)."""
        return {
            "rate_limit": None if self.rate_limit is None else self.rate_limit.to_json(),
            "time_factor": self.time_factor,
            "plan_restricted": sorted(self.plan_restricted),
            "latency_ms": self.latency_ms,
            "latency_probability": self.latency_probability,
            "rules": [rule.to_json() for rule in self.rules],
            "seed": self.seed,
            "plan": self.plan,
        }

    @classmethod
    def from_json(cls, data: Any) -> FaultConfig:
        """Parse (and check) the admin API's JSON; a missing key keeps its default."""
        data = only_keys(data, (f.name for f in fields(cls)), "the fault configuration")
        limit = data.get("rate_limit")
        if limit is True:
            limit = {}
        elif limit is False:
            limit = None
        time_factor = _number(data, "time_factor", 1.0)
        if time_factor <= 0:
            raise ValueError("time_factor must be positive")
        rules = data.get("rules") or []
        if not isinstance(rules, list | tuple):
            raise ValueError("rules must be a list")
        seed = data.get("seed")
        if seed is not None:
            seed = integer_value(data, "seed", 0, minimum=-(2**63))
        plan = data.get("plan")
        if plan is not None and plan not in PLAN_LIMITS:
            raise ValueError(f"plan must be one of {', '.join(PLAN_LIMITS)} or null")
        values: dict[str, Any] = {
            "plan": plan,
            "rate_limit": None if limit is None else RateLimitConfig.from_json(limit),
            "time_factor": time_factor,
            "plan_restricted": _operation_names(data.get("plan_restricted"), "plan_restricted"),
            "latency_ms": _number(data, "latency_ms", 0.0),
            "latency_probability": _probability(data, "latency_probability"),
            "rules": tuple(
                r if isinstance(r, FaultRule) else FaultRule.from_json(r) for r in rules
            ),
            "seed": seed,
        }
        result = object.__new__(cls)
        for name, value in values.items():
            object.__setattr__(result, name, value)
        return result

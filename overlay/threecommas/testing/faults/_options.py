"""The fault options of ``python -m threecommas.testing serve`` (see the package's manual)."""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any, Final, cast

from threecommas._constants import PLAN_LIMITS
from threecommas.testing.faults._config import FAULT_KINDS, FaultConfig, FaultRule, only_keys

__all__ = [
    "RULE_TEXT_KEYS",
    "add_fault_options",
    "faults_from_args",
]

_TRUE_WORDS: Final = ("1", "true", "yes", "on")
_FALSE_WORDS: Final = ("0", "false", "no", "off")


def _flag_word(value: str) -> bool:
    word = value.lower()
    if word in _TRUE_WORDS or word in _FALSE_WORDS:
        return word in _TRUE_WORDS
    raise ValueError(f"expected true or false, got {value!r}")


def _whole_number(value: str) -> int:
    try:
        return int(value, 10)
    except ValueError:
        raise ValueError(f"expected a whole number, got {value!r}") from None


def _decimal_number(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"expected a number, got {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"expected a finite number, got {value!r}")
    return number


# The keys of `--fault KIND:KEY=VALUE,...` and how each value is read.
RULE_TEXT_KEYS: Final[dict[str, Callable[[str], Any]]] = {
    "status": _whole_number,
    "seconds": _decimal_number,
    "probability": _decimal_number,
    "count": _whole_number,
    "operations": lambda value: [v for v in value.split("+") if v],
    "after_apply": _flag_word,
}


def _rule_from_text(text: str) -> FaultRule:
    """``KIND[:key=value,...]``, e.g. ``error:status=503,probability=0.1,operations=a+b``.

    A ``ValueError`` names the option, the key and what it expected."""
    kind, _, rest = text.partition(":")
    data: dict[str, Any] = {"kind": kind.strip()}
    where = f"--fault {text!r}"
    for item in filter(None, (part.strip() for part in rest.split(","))):
        name, equals, value = item.partition("=")
        name = name.strip()
        if not equals:
            raise ValueError(f"{where}: {item!r} is not KEY=VALUE")
        read = RULE_TEXT_KEYS.get(name)
        if read is None:
            raise ValueError(f"{where}: unknown key {name!r} (known: {', '.join(RULE_TEXT_KEYS)})")
        try:
            data[name] = read(value.strip())
        except ValueError as exc:
            raise ValueError(f"{where}: {name}: {exc}") from None
    try:
        return FaultRule.from_json(data)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None


def add_fault_options(parser: argparse.ArgumentParser) -> None:
    """Add the fault-injection options (all off by default) to ``parser``."""
    group = parser.add_argument_group(
        "fault injection", "Not part of the 3Commas API; see also the admin API under /__admin__."
    )
    group.add_argument(
        "--faults",
        type=Path,
        metavar="JSON_FILE",
        help="fault configuration file, in the admin API's JSON; the options below override it",
    )
    group.add_argument(
        "--rate-limit",
        action="store_true",
        default=None,
        help="emulate the API's rate limits (100/min, 300 s lockout, 418 after repeated 429s)",
    )
    for flag, kind, meta, text in (
        ("--rate-limit-requests", int, "N", "requests allowed per period (default 100)"),
        ("--rate-limit-period", float, "SECONDS", "the sliding window (default 60)"),
        ("--lockout", float, "SECONDS", "lockout after a 429 (default 300)"),
        ("--ban-after", int, "N", "requests refused in a lockout before a 418 ban (default 3)"),
        ("--ban", float, "SECONDS", "first ban's length; each next one doubles (default 120)"),
    ):
        group.add_argument(flag, type=kind, metavar=meta, help=text + "; implies --rate-limit")
    group.add_argument(
        "--time-factor",
        type=float,
        metavar="F",
        help="scale every rate-limit duration (0.01: 100 requests per 0.6 s)",
    )
    group.add_argument(
        "--plan",
        choices=tuple(PLAN_LIMITS),
        help="play a subscription plan: its limit (starter 5, pro 50, expert 120 a minute), its "
        "429 ('Next request at <UTC>', no Retry-After); starter and pro refuse every write",
    )
    group.add_argument(
        "--plan-restricted",
        action="append",
        metavar="OPERATION",
        help="answer this operation with the subscription-plan 429 (repeatable)",
    )
    group.add_argument("--latency-ms", type=float, metavar="MS", help="delay every answer")
    group.add_argument(
        "--latency-probability", type=float, metavar="P", help="share of answers delayed"
    )
    group.add_argument(
        "--fault",
        action="append",
        metavar="KIND[:KEY=VALUE,...]",
        help=(
            f"inject a fault (repeatable); KIND is one of {', '.join(FAULT_KINDS)}; keys: "
            "status, seconds, probability, count, operations (joined with +), after_apply. "
            "Example: error:status=503,probability=0.05"
        ),
    )
    group.add_argument("--fault-seed", type=int, metavar="N", help="seed of the random choices")


_LIMIT_OPTIONS: Final = {
    "rate_limit_requests": "requests",
    "rate_limit_period": "period",
    "lockout": "lockout",
    "ban_after": "ban_after",
    "ban": "ban",
}


def faults_from_args(args: argparse.Namespace) -> FaultConfig:
    """The configuration the options of :func:`add_fault_options` ask for (ValueError if wrong)."""
    data: dict[str, Any] = {}
    path: Path | None = getattr(args, "faults", None)
    if path is not None:
        try:
            data = dict(only_keys(json.loads(path.read_text()), _config_keys(), "--faults"))
        except OSError as exc:
            raise ValueError(f"cannot read --faults: {exc.strerror}") from None
    limit_changes = {
        key: getattr(args, option)
        for option, key in _LIMIT_OPTIONS.items()
        if getattr(args, option, None) is not None
    }
    if getattr(args, "rate_limit", None) or limit_changes:
        limit = data.get("rate_limit")
        base = dict(limit) if isinstance(limit, Mapping) else {}
        data["rate_limit"] = {**base, **limit_changes}
    for option, key in (
        ("time_factor", "time_factor"),
        ("latency_ms", "latency_ms"),
        ("latency_probability", "latency_probability"),
        ("fault_seed", "seed"),
    ):
        if getattr(args, option, None) is not None:
            data[key] = getattr(args, option)
    if getattr(args, "plan", None):
        data["plan"] = args.plan
    if getattr(args, "plan_restricted", None):
        data["plan_restricted"] = list(args.plan_restricted)
    texts: Sequence[str] = getattr(args, "fault", None) or ()
    if texts:
        data["rules"] = [*cast(list[Any], data.get("rules") or []), *map(_rule_from_text, texts)]
    return FaultConfig.from_json(data)


def _config_keys() -> list[str]:
    return [f.name for f in fields(FaultConfig)]

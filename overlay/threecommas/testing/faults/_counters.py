"""What the server saw and did: the counters of :class:`Counters` (see the package's manual)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from threecommas.testing.faults._config import JSONObject

__all__ = [
    "MAX_RECORDS",
    "CounterKey",
    "Counters",
]

#: A server may run for days: per-request records keep only the latest this many.
MAX_RECORDS: Final = 200_000

CounterKey = tuple[str | int, ...]


@dataclass
class Counters:
    """What the server saw and did, since it started or since the last reset.

    ``requests``: API requests received (refused ones included); ``statuses``: the statuses it
    answered (a dropped connection has none); ``received``/``applied``: per operation and path
    ids, the requests past the rate limits and the state changes carried out;
    ``applied_by_request``: state changes per request id, for every POST, PATCH and DELETE;
    ``injected``: faults injected, by kind (``rate_limit``, ``ban`` and ``plan`` included).
    """

    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    received: Counter[CounterKey] = field(default_factory=Counter)
    applied: Counter[CounterKey] = field(default_factory=Counter)
    applied_by_request: dict[str, int] = field(default_factory=dict)
    injected: Counter[str] = field(default_factory=Counter)

    def copy(self) -> Counters:
        return Counters(
            self.requests,
            Counter(self.statuses),
            Counter(self.received),
            Counter(self.applied),
            dict(self.applied_by_request),
            Counter(self.injected),
        )

    def to_json(self) -> JSONObject:
        def keyed(counter: Mapping[CounterKey, int]) -> dict[str, int]:
            return {"/".join(map(str, key)): value for key, value in sorted(counter.items())}

        return {
            "requests": self.requests,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "received": keyed(self.received),
            "applied": keyed(self.applied),
            "applied_by_request": dict(self.applied_by_request),
            "injected": dict(sorted(self.injected.items())),
        }

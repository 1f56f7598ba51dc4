"""How long a client held its rate-limit slots, and how late its waits ended: what a budget-use
figure is judged against, so that a loaded machine's slowness is not taken for the limiter's.

A slot is held from when the limiter gives it until one period after its answer, and the caller
told to wait for the next free slot wakes when the machine gets round to it: a client can at
best spend `period / (period + hold + lateness)` of its budget, with the hold and the lateness
of the run itself; and no more than its tasks ask for, when the machine is too slow for them to
ask as fast as the budget allows. Used in the test process and in `fleet_worker.py` (which
reports `to_json`).
"""

from __future__ import annotations

import inspect
import threading
import time
from typing import Any, Final

#: The share of that best a burst must reach. What the figures leave unexplained, 10 to 15 %
#: on a machine loaded to eight times its cores, is mostly the limiter's polling while every
#: slot awaits its answer; a limiter that held each slot two periods would be at about half.
USE_OF_BEST: Final = 0.75


class SlotTimes:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.given = 0  # slots given
        self.held = 0.0  # the sum of their release times less the sum of their give times
        self.sleeps = 0  # waits
        self.late = 0.0  # the sum of how much longer than asked each took
        self.slept = 0.0  # the sum of how long they took

    def watch(self, client: Any) -> None:
        """Note when `client`'s limiter gives a slot and when it takes one back."""
        limiter = client._policy.limiter
        acquire, release = limiter.acquire, limiter.release

        def given(wait: float) -> float:
            if wait == 0:
                with self._lock:
                    self.given += 1
                    self.held -= time.monotonic()
            return wait

        def taken_back() -> None:
            with self._lock:
                self.held += time.monotonic()

        if inspect.iscoroutinefunction(acquire):  # an async client's budget in Redis

            async def acquired_async(order: bool = False) -> float:
                return given(await acquire(order))

            async def released_async(accepted: bool = False) -> None:
                await release(accepted)
                taken_back()

            limiter.acquire, limiter.release = acquired_async, released_async
            return

        def acquired(order: bool = False) -> float:
            return given(acquire(order))

        def released(accepted: bool = False) -> None:
            release(accepted)
            taken_back()

        limiter.acquire = acquired
        limiter.release = released

    def _slept(self, asked: float, began: float) -> None:
        took = time.monotonic() - began
        with self._lock:
            self.sleeps += 1
            self.late += max(0.0, took - asked)
            self.slept += took

    def clock(self) -> Any:
        """The real clock (a `threecommas.Clock`) whose waits are timed: hand it to a client
        (`clock=`) to learn how late its waits for a slot ended."""
        from threecommas import SystemClock

        slots = self

        class TimedClock(SystemClock):
            def sleep(self, seconds: float) -> None:
                began = time.monotonic()
                super().sleep(seconds)
                slots._slept(seconds, began)

            async def asleep(self, seconds: float) -> None:
                began = time.monotonic()
                await super().asleep(seconds)
                slots._slept(seconds, began)

        return TimedClock()

    def to_json(self, tasks: int, busy: float) -> dict[str, float]:
        """The figures, with the client's `tasks` (or threads) and how long they ran."""
        return {
            "given": self.given,
            "held": self.held,
            "sleeps": self.sleeps,
            "late": self.late,
            "slept": self.slept,
            "task_seconds": tasks * busy,
            "tasks": tasks,
        }

    @staticmethod
    def best_use(requests: int, period: float, reports: list[dict[str, float]]) -> float:
        """The budget use a limiter without waste reaches with these figures: the lesser of
        what the slots allow (each held its hold, then a period, then found late) and what the
        tasks asked for (each request took them, sleeps aside, the time it took here)."""
        given = sum(r["given"] for r in reports)
        sleeps = sum(r["sleeps"] for r in reports)
        hold = sum(r["held"] for r in reports) / max(1, given)
        lateness = sum(r["late"] for r in reports) / max(1, sleeps)
        slots = period / (period + hold + lateness)
        working = sum(r["task_seconds"] for r in reports) - sum(r["slept"] for r in reports)
        tasks = sum(r["tasks"] for r in reports)
        asked = given / max(working / tasks, 1e-9)  # requests a second, had none waited
        return min(slots, asked / (requests / period))

    def __str__(self) -> str:
        hold = self.held / max(1, self.given)
        return f"mean hold {hold:.3f} s, mean lateness {self.late / max(1, self.sleeps):.3f} s"

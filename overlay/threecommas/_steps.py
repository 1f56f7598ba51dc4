"""The steps a request policy's flow asks its driver to take (see `threecommas._policy`), and
what it is answered: the protocol between the sans-I/O policy and the sync and async clients
that carry it out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

__all__ = ["SEND", "Answer", "Sleep", "SlotHold", "Step", "StorageCall"]


class _Send:
    """Send the request now; answer with the response, or with the transport error."""

    def __repr__(self) -> str:
        return "SEND"


SEND: Final = _Send()


class Sleep:
    """Wait this many seconds, then answer with None."""

    __slots__ = ("seconds",)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __repr__(self) -> str:
        return f"Sleep({self.seconds!r})"


class StorageCall:
    """Call `method(*args)` (a method of the limiter or the lockout; await what it returns
    when it is awaitable), then answer with its result."""

    __slots__ = ("args", "method")

    def __init__(self, method: Callable[..., Any], *args: Any) -> None:
        self.method = method
        self.args = args

    def __repr__(self) -> str:
        return f"StorageCall({getattr(self.method, '__name__', self.method)}{self.args!r})"


class SlotHold:
    """Whether a flow holds a rate-limit slot: the driver gives it back when the flow ended
    without (an error before sending, a cancelled task, a closed generator)."""

    __slots__ = ("held",)

    def __init__(self) -> None:
        self.held = False


Step = _Send | Sleep | StorageCall
# The answers to SEND (a response or a transport error), to a Sleep (None), and to a
# StorageCall (what the budget's method returned).
Answer = Any

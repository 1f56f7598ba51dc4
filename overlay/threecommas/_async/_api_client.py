"""The sending half of a client: its HTTP client, the driver of the request policy, closing,
and the generated low-level client.

What a request goes through (the rate limit, lockouts, the answer's meaning, retries) is
decided by the sans-I/O policy in `threecommas._policy`; `_execute` only does what it says.
"""

from __future__ import annotations

import inspect  # unasync: skip
from collections.abc import Generator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx

from threecommas._base_client import (
    DEFAULT_HEADERS,
    BaseClient,
    default_ssl_context,
    wrong_http_client,
)
from threecommas._clock import current_deadline
from threecommas._policy import closed_error
from threecommas._steps import SEND, Answer, Sleep, SlotHold, Step, StorageCall
from threecommas._types import NOT_GIVEN, Call, RequestOptions, TimeoutArg
from threecommas._validation import check_timeout

if TYPE_CHECKING:
    from threecommas_api.client import AuthenticatedClient

__all__ = ["AsyncAPIClient", "run_storage_step"]

Flow = Generator[Step, Answer, Any]


async def run_storage_step(step: StorageCall) -> Any:
    """Do a step of the budget: in the process a plain call; in Redis, on an event loop, a
    coroutine, awaited (the event loop goes on meanwhile)."""
    result = step.method(*step.args)
    if inspect.isawaitable(result):  # unasync: skip
        result = await result  # unasync: skip
    return result


# The signing of a public request: none (an `httpx.Auth` that adds nothing).
_NO_AUTH = httpx.Auth()

T = TypeVar("T")


class AsyncAPIClient(BaseClient):
    """A client's HTTP side: it sends what the request policy says, and nothing else."""

    _http: httpx.AsyncClient
    _asynchronous = True  # unasync: skip

    def _open(self, http_client: httpx.AsyncClient | None) -> None:
        """Take the caller's HTTP client (left open by `close`), or make one."""
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise wrong_http_client(httpx.AsyncClient)
        self._owns_http = http_client is None
        self._http = (
            http_client
            if http_client is not None
            else httpx.AsyncClient(
                timeout=self._timeout, headers=DEFAULT_HEADERS, verify=default_ssl_context()
            )
        )
        self._api_client: AuthenticatedClient | None = None

    @property
    def api_client(self) -> AuthenticatedClient:
        """A generated `threecommas_api` client that signs its requests, for the low-level
        functions (`threecommas_api.api.smart_trades.*.asyncio_detailed(client=...)`).

        That path sends exactly what it is given: no argument checks, no rate limit or
        lockouts, no retries, and answers as the generated types (errors too) instead of the
        SDK's exceptions."""
        if self._api_client is None:
            from threecommas_api.client import AuthenticatedClient

            self._api_client = AuthenticatedClient(**self._api_client_args())
        return self._api_client

    def _is_closed(self) -> bool:
        return self._closed or self._http.is_closed

    async def _execute(
        self,
        call: Call[T],
        timeout: TimeoutArg = NOT_GIVEN,
        options: RequestOptions | None = None,
        *,
        parsed: bool = False,
    ) -> T:
        """Send `call` as the request policy says, and return its parsed result (its
        `APIResponse` through `with_raw_response`, unless `parsed`: the SDK's own reads, such
        as `check_limits`, need the typed result whatever mode the call is in)."""
        if timeout is not NOT_GIVEN:
            timeout = check_timeout(timeout)
        if self._closed or self._http.is_closed:
            raise closed_error()
        # A signed call without credentials stops here. A public operation goes unsigned
        # (`_NO_AUTH`: not even the HTTP client's own auth).
        auth = self._auth_for(call) or _NO_AUTH
        request = self._build(self._http, call, timeout, options)
        if not parsed and self._raw:
            call = self._raw_or(call)
        hold = SlotHold()
        flow = self._policy.flow(call, request, self._is_closed, current_deadline(), hold)
        try:
            step = flow.send(None)
            while True:
                answer: Answer = None
                if step is SEND:  # the usual step first, sent here: no call more per request
                    try:
                        # Never follow a redirect, whatever the HTTP client's setting: the next
                        # hop would get the API key and a valid signature.
                        answer = await self._http.send(request, auth=auth, follow_redirects=False)
                    except httpx.RequestError as exc:
                        answer = exc  # a value: the policy decides what it means
                    except RuntimeError as exc:
                        if self._http.is_closed:  # closed by another task or thread meanwhile
                            raise closed_error() from exc
                        raise
                elif isinstance(step, Sleep):
                    await self._clock.asleep(step.seconds)
                elif isinstance(step, StorageCall):
                    answer = await run_storage_step(step)
                else:
                    raise TypeError(f"the request policy asked for an unknown step: {step!r}")
                step = flow.send(answer)
        except StopIteration as done:
            result: T = done.value
            return result
        finally:
            # Also when cancelled or interrupted: a slot still held is given back.
            flow.close()
            limiter = self._policy.limiter
            if hold.held and limiter is not None:
                hold.held = False
                await run_storage_step(StorageCall(limiter.release))

    async def close(self) -> None:
        """Close the connections (of the internal HTTP client, and of the Redis pool made
        from a `RateLimit(storage=URL)`; an HTTP or Redis client you passed stays open). Any
        call made afterwards raises `ThreeCommasError`."""
        self._closed = True
        close = self._budget_closer()
        if close is not None:
            await close()
        if self._owns_http:
            await self._http.aclose()
        if self._api_client is not None:
            await self._api_client.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

"""`APIResponse`: what a method of `client.with_raw_response` returns, the HTTP answer beside
its parsed result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import httpx

__all__ = ["APIResponse"]

T = TypeVar("T")


class APIResponse(Generic[T]):
    """The successful HTTP answer to one call: its status, headers and body, and `parse()`.

    `parse()` gives what the method returns otherwise (a `SmartTrade`, a list...), checked the
    same way: a body that is not what the API documents raises `ResponseParseError`. An error
    answer is never an `APIResponse`: the method raises as it always does."""

    __slots__ = ("_parse", "http_response")

    def __init__(self, response: httpx.Response, parse: Callable[[httpx.Response], T]) -> None:
        self.http_response = response
        self._parse = parse

    @property
    def status_code(self) -> int:
        """The HTTP status of the answer (a 2xx: an error answer raises instead)."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The answer's headers (`Date`, `Content-Type`...), case-insensitive."""
        return self.http_response.headers

    @property
    def content(self) -> bytes:
        """The answer's body, as bytes."""
        return self.http_response.content

    @property
    def text(self) -> str:
        """The answer's body, decoded as text."""
        return self.http_response.text

    @property
    def url(self) -> httpx.URL:
        """The URL the request was sent to."""
        return self.http_response.url

    def json(self) -> Any:
        """The body as plain JSON (no model, no checks)."""
        return self.http_response.json()

    def parse(self) -> T:
        """The typed result, as the method returns it without `with_raw_response`."""
        from threecommas._policy import parse_success

        response = self.http_response
        return parse_success(self._parse, response.request, response)

    def __repr__(self) -> str:
        request = self.http_response.request
        return f"<APIResponse [{self.status_code}] {request.method} {request.url.path}>"

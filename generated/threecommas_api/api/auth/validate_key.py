from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ... import types as _types
from ...models.error import Error
from ...models.key_validity import KeyValidity

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...types import Response


def build_request() -> dict[str, Any]:
    """The arguments of `httpx.Client.request` for this operation (method, url, and params,
    headers and json when it has them); nothing is sent."""

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ver1/validate",
    }

    return _kwargs


_get_kwargs = build_request


def parse_response(
    response: httpx.Response, *, raise_on_unexpected_status: bool = False
) -> Error | KeyValidity | None:
    """The documented answer of this operation read from `response`; None for an undocumented
    status, or `errors.UnexpectedStatus` when `raise_on_unexpected_status`."""
    if response.status_code == 200:
        response_200 = KeyValidity.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 418:
        response_418 = Error.from_dict(response.json())

        return response_418

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if response.status_code == 504:
        response_504 = Error.from_dict(response.json())

        return response_504

    if raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | KeyValidity | None:
    return parse_response(response, raise_on_unexpected_status=client.raise_on_unexpected_status)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | KeyValidity]:
    return _types.Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Error | KeyValidity]:
    """Check the API key and the signature

     The docs' way to test a setup: a signed request that answers `{"valid": true}` when the
    API key is known and the signature matches, and 401 `signature_invalid` otherwise. The
    page does not state its security; the docs' rule "all requests require authentication
    unless explicitly stated" makes it SIGNED, and the older reference lists it as
    Permission NONE, Security SIGNED. No version shows `"valid": false`.

    Permission: NONE. Security: SIGNED.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | KeyValidity]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Error | KeyValidity | None:
    """Check the API key and the signature

     The docs' way to test a setup: a signed request that answers `{"valid": true}` when the
    API key is known and the signature matches, and 401 `signature_invalid` otherwise. The
    page does not state its security; the docs' rule "all requests require authentication
    unless explicitly stated" makes it SIGNED, and the older reference lists it as
    Permission NONE, Security SIGNED. No version shows `"valid": false`.

    Permission: NONE. Security: SIGNED.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | KeyValidity
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Error | KeyValidity]:
    """Check the API key and the signature

     The docs' way to test a setup: a signed request that answers `{"valid": true}` when the
    API key is known and the signature matches, and 401 `signature_invalid` otherwise. The
    page does not state its security; the docs' rule "all requests require authentication
    unless explicitly stated" makes it SIGNED, and the older reference lists it as
    Permission NONE, Security SIGNED. No version shows `"valid": false`.

    Permission: NONE. Security: SIGNED.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | KeyValidity]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Error | KeyValidity | None:
    """Check the API key and the signature

     The docs' way to test a setup: a signed request that answers `{"valid": true}` when the
    API key is known and the signature matches, and 401 `signature_invalid` otherwise. The
    page does not state its security; the docs' rule "all requests require authentication
    unless explicitly stated" makes it SIGNED, and the older reference lists it as
    Permission NONE, Security SIGNED. No version shows `"valid": false`.

    Permission: NONE. Security: SIGNED.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | KeyValidity
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed

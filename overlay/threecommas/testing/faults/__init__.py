"""Fault injection for the recorded-responses server, the counters that prove what it applied,
and a small admin API to drive both. None of this is part of the 3Commas API or its spec.

Everything is off unless configured, so by default the server answers exactly as without this
module. A :class:`FaultConfig` describes what to inject:

* **Emulated rate limits** (``rate_limit``): ``requests`` per ``period`` seconds (100 per 60 s,
  a sliding window per API key). The request over the limit gets 429 and starts a lockout of
  ``lockout`` seconds (300) during which every request gets 429 too. Once ``ban_after`` (3)
  requests have been refused in the lockout, the next one is answered 418 and starts an IP
  ban of ``ban`` seconds (120; each further ban ``ban_growth`` times longer, at most
  ``max_ban``), during which every request gets 418. 429 and 418 answers carry a JSON
  error body and ``Retry-After`` in whole seconds, rounded up.
* ``time_factor`` scales every rate-limit duration (period, lockout, ban, and so the
  ``Retry-After`` values sent): with 0.01, 100 requests per 60 s become 100 per 0.6 s. It does
  not scale latency or delays, which are chosen against a client's timeout.
* ``plan_restricted``: operations answered with the 429 that names the subscription plan
  (``{"error": "Not available for your subscription plan"}``), which waiting does not cure.
* ``latency_ms`` (with ``latency_probability``): wait this long before handling a request.
* ``rules``: a list of :class:`FaultRule`; the first one that matches a request and fires
  (``probability``, at most ``count`` times, only for ``operations`` when given) decides its
  fate. Kinds:

  ``error``           answer ``status`` (500, 502, 503 or 504) with a JSON error body; or
                      429 or 418, the refusals of the rate limits, with ``Retry-After:
                      seconds`` (rounded up; no header when 0), as one lockout or ban;
  ``html_502``        answer 502 with an HTML page, as a proxy in front of the API does;
  ``drop``            close the connection without answering;
  ``delay``           handle the request, then hold the answer ``seconds`` (or until the client
                      gives up), so a client timeout hits a request that *was* carried out;
  ``truncated_json``  a success whose body is cut in half;
  ``wrong_type``      a success whose ``id`` is ``"not-a-number"`` and ``pair`` is ``12345``;
  ``missing_field``   a success without ``pair``;
  ``empty_body``      a success answered ``200 OK`` with no body at all, as the docs show for
                      closing a trade by market (the request was carried out).

  ``error``, ``html_502`` and ``drop`` answer without handling the request unless
  ``after_apply`` is set: then the request is carried out first (and counted as applied), which
  is what proves that a client does not repeat an order after a 5xx or a lost connection.
  ``delay`` and the four malformed kinds always handle the request first; a malformed kind
  leaves a non-success answer (a refusal) untouched and is not spent on it.

A dropped connection, under uvicorn, is a TCP abort after the request was read: the client sees
the connection closed with no answer (httpx: ``RemoteProtocolError``). Served in-process (an
``httpx.ASGITransport``), the app raises :class:`ConnectionDropped`, an
``httpx.RemoteProtocolError``, which the transport hands to the client as a transport failure.

**Counters** (:meth:`Faults.counters`): every request under the API prefix is counted;
``received`` counts, per operation and path ids (``("close_trade_by_market", 12345678,
1047934727)``), the requests that got past the rate limits, and ``applied`` those that changed
state (a POST, PATCH or DELETE whose operation succeeded, whatever the client was then told).
``applied_by_request`` gives the same per request id: the client's ``X-Request-Id`` header
when it sends one, else ``#N`` in arrival order (the latest :data:`MAX_RECORDS` requests). A
close applied twice would show as 2.

**Admin API** (no signature; under ``/__admin__``, outside ``/public/api``):

``GET  /__admin__/faults``      the configuration, as JSON (:meth:`FaultConfig.to_json`)
``PUT  /__admin__/faults``      replace it (the same JSON; ``{}`` turns every fault off)
``POST /__admin__/reset``       SmartTrades back to the recordings; counters, rule counts,
                                lockouts and bans cleared (the configuration stays)
``GET  /__admin__/counters``    the counters (tuple keys joined with ``/``)
``POST /__admin__/smart_trades``            add or replace one SmartTrade (its JSON object,
                                which must match the spec's ``SmartTrade`` schema: a JSON
                                400 naming each bad field otherwise); its flags are
                                recomputed from the rules, as by ``store.put``
``POST /__admin__/smart_trades/closable``   ``{"count": N, "steps": S}``: N copies of a recorded
                                SmartTrade, waiting for targets, each with S take-profit steps
                                that can be closed by market; answers their ids
``GET  /__admin__/stream``      the WebSocket stream: ``{"pings": true, "counters": {...}}``
                                (connections, subscriptions, rejections, messages, pings,
                                dropped)
``POST /__admin__/stream/drop`` cut every open WebSocket connection at once, without a closing
                                handshake (the client sees 1006); ``{"dropped": N}``
``PUT  /__admin__/stream/pings`` ``{"enabled": false}``: every connection stays open but goes
                                silent (no ping, no message, no welcome or subscription
                                answer; what is withheld is lost), until ``{"enabled": true}``

**The stream's faults** (``/websocket``, the SmartTradesChannel, see
:mod:`threecommas.testing.server`) are also ``faults.stream`` (a :class:`StreamFaults`):
``drop_connections()``, ``stop_pings()``, ``resume_pings()``, ``counters()``. The reset
clears their counters and resumes the pings.

From Python the same lives on ``app.state.faults`` (a :class:`Faults`).

**Command line** (``python -m threecommas.testing serve``; :func:`add_fault_options` adds these
options to an ``argparse`` parser, :func:`faults_from_args` turns them into a
:class:`FaultConfig`). Every option is off by default; a bad value stops ``serve`` with a
message naming the option and the key (exit status 2).

``--faults JSON_FILE``           start from a file in the admin API's JSON; the options below
                                 override it
``--rate-limit``                 emulate the API's limits (``rate_limit`` with its defaults)
``--rate-limit-requests N``, ``--rate-limit-period SECONDS``, ``--lockout SECONDS``,
``--ban-after N``, ``--ban SECONDS``
                                 change one of those figures (each implies ``--rate-limit``)
``--time-factor F``              scale every rate-limit duration (``time_factor``)
``--plan-restricted OPERATION``  the subscription-plan 429 for an operation id; repeatable
``--latency-ms MS``, ``--latency-probability P``
                                 delay answers (all of them, or a share P from 0 to 1)
``--fault KIND[:KEY=VALUE,...]`` a :class:`FaultRule`; repeatable, the first that fires
                                 decides. Keys: ``status``, ``seconds``, ``probability``,
                                 ``count``, ``operations`` (operation ids joined with ``+``),
                                 ``after_apply`` (``true``/``false``). Example:
                                 ``--fault error:status=503,probability=0.05``
``--fault-seed N``               seed of the random choices, for runs that repeat exactly

The modules: ``_config`` (what to inject), ``_counters``, ``_limits`` (the emulated rate
limits), ``_faults`` (the state shared by the layer and the admin API), ``_stream`` (the
stream's faults), ``_layer`` (the ASGI middleware), ``_admin`` (the admin API) and ``_options``
(the command line).
"""

from __future__ import annotations

from threecommas.testing.faults._admin import ADMIN_PREFIX, admin_routes
from threecommas.testing.faults._config import (
    FAULT_KINDS,
    FaultConfig,
    FaultKind,
    FaultRule,
    RateLimitConfig,
)
from threecommas.testing.faults._counters import MAX_RECORDS, Counters
from threecommas.testing.faults._faults import PLAN_RESTRICTION_ERROR, Faults
from threecommas.testing.faults._layer import ConnectionDropped, FaultLayer
from threecommas.testing.faults._options import (
    RULE_TEXT_KEYS,
    add_fault_options,
    faults_from_args,
)
from threecommas.testing.faults._stream import STREAM_COUNTERS, StreamFaults

__all__ = [
    "ADMIN_PREFIX",
    "FAULT_KINDS",
    "MAX_RECORDS",
    "PLAN_RESTRICTION_ERROR",
    "RULE_TEXT_KEYS",
    "STREAM_COUNTERS",
    "ConnectionDropped",
    "Counters",
    "FaultConfig",
    "FaultKind",
    "FaultLayer",
    "FaultRule",
    "Faults",
    "RateLimitConfig",
    "StreamFaults",
    "add_fault_options",
    "admin_routes",
    "faults_from_args",
]

"""The API's facts that the OpenAPI document cannot hold, and the SDK's defaults built on them.

Written here once: the clients, the limiter and the error mapping read them from this module,
and so can the recorded-responses server's emulated limits.
"""

from __future__ import annotations

from typing import Final

#: Where the API's paths start (the `/public/api` prefix is part of every signed path).
DEFAULT_BASE_URL: Final = "https://api.3commas.io/public/api"

#: The documented general budget: 100 requests in any 60 seconds.
BUDGET_REQUESTS: Final = 100
BUDGET_PERIOD_S: Final = 60.0
#: Limits by subscription plan as a production peer reports them (recomma's Go SDK and its
#: `specs/rate_limit.adoc`, since about November 2025); not in 3Commas' docs. Name ->
#: (requests a minute, whether the plan may only read).
PLAN_LIMITS: Final = {"starter": (5, True), "pro": (50, True), "expert": (120, False)}
#: The operations that change a SmartTrade: the orders. A share of each window is kept for
#: them (`RateLimit.reserve_for_orders`), which reads, watch sweeps and limit look-ups cannot
#: take, so a close is never stuck behind a watcher.
ORDER_OPERATIONS: Final = frozenset(
    {
        "create_smart_trade",
        "update_smart_trade",
        "cancel_smart_trade",
        "add_funds",
        "reduce_funds",
        "close_smart_trade_by_market",
        "force_start",
        "force_process",
        "cancel_trade",
        "close_trade_by_market",
    }
)
#: The operations a read-only plan refuses: the orders and the note. The balance reads are POSTs
#: (`account_table_data`, `load_balances`) but read, so a write is told by its operation, not
#: by its HTTP method.
WRITE_OPERATIONS: Final = ORDER_OPERATIONS | {"set_note"}
#: The share of a window kept for the orders when `reserve_for_orders` is left out.
ORDER_RESERVE_SHARE: Final = 0.1
#: The subscription plan a client assumes when its `rate_limit` is left at the default.
ENV_PLAN: Final = "THREE_COMMAS_PLAN"
#: A shared budget's storage for the command line (`--rate-limit-storage`).
ENV_RATE_LIMIT_STORAGE: Final = "THREE_COMMAS_RATE_LIMIT_STORAGE"
#: What `watch(source=...)` takes: REST polling, or the SmartTradesChannel stream.
WATCH_SOURCES: Final = ("poll", "websocket")
#: A 429 without `Retry-After` locks the client out this long (documented).
LOCKOUT_S: Final = 300.0
#: The shortest documented IP ban (418); a ban without `Retry-After` stops the client this long.
BAN_COOLDOWN_S: Final = 120.0

#: A retry waits out a `Retry-After` up to this long; a longer lockout is raised at once.
DEFAULT_RETRY_AFTER_CAP_S: Final = 60.0
#: How often a request that may be repeated is repeated, at most.
DEFAULT_MAX_RETRIES: Final = 2
#: The client's timeout: 5 s to connect, 30 s for the rest (the `httpx.Timeout` is built in
#: `_base_client`: this module imports nothing, so that the command line's `--help` is quick).
DEFAULT_CONNECT_TIMEOUT_S: Final = 5.0
DEFAULT_READ_TIMEOUT_S: Final = 30.0

#: The statuses (`status.basic_type`) after which a SmartTrade changes no more, for the watch
#: and the fake server alike. The docs' examples show `cancelled` and `failed`; no example shows
#: a SmartTrade that ended well, but the list filter and the position call that end `finished`
#: (`successfully_finished` is a group of the list filter, not a status, and `completed` a
#: status of the bots' deals).
FINAL_STATUSES: Final = frozenset({"finished", "cancelled", "failed"})

#: The largest id the API takes (a signed 64-bit integer).
INT64_MAX: Final = 2**63 - 1

#: The page size of `iter_all` and of the watch's sweeps: the largest the API serves (a test
#: holds it to the bounds of every paged operation).
ITER_ALL_PER_PAGE: Final = 100

#: Where the clients look for what their arguments leave out.
ENV_API_KEY: Final = "THREE_COMMAS_API_KEY"
ENV_API_SECRET: Final = "THREE_COMMAS_API_SECRET"
ENV_PRIVATE_KEY_FILE: Final = "THREE_COMMAS_PRIVATE_KEY_FILE"
ENV_PRIVATE_KEY_PASSWORD: Final = "THREE_COMMAS_PRIVATE_KEY_PASSWORD"
ENV_BASE_URL: Final = "THREE_COMMAS_BASE_URL"
ENV_LOG: Final = "THREE_COMMAS_LOG"
#: The log switch's first name, still read when `ENV_LOG` is unset or empty.
ENV_LOG_FORMER: Final = "THREECOMMAS_LOG"
#: The part of the client's rate budget that watching may use unless told otherwise.
DEFAULT_BUDGET_SHARE: Final = 0.25
#: The stream: two missed pings (the server pings every 3 s) and the connection is taken for
#: dead; reconnecting waits about the initial delay after the first failure, doubling up to the
#: maximum. (Here rather than in `_stream`, so that a client's signatures load neither module.)
DEFAULT_STALE_AFTER_S: Final = 6.0
DEFAULT_RECONNECT_INITIAL_S: Final = 1.0
DEFAULT_RECONNECT_MAX_S: Final = 30.0

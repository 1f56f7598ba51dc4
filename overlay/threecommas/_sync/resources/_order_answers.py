# generated from overlay/threecommas/_async/resources/_order_answers.py by scripts/unasync.py — do not edit
"""The answer of a call that changes a SmartTrade, when the API leaves the SmartTrade out.

The API may answer such a call with an empty 2xx (the close-by-market page shows an empty
`200 OK`). The change was made: reporting it as a broken answer would lead a bot to send the
order again. So the SmartTrade is read once with a GET instead; the call itself is never sent
again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from threecommas._exceptions import ThreeCommasError
from threecommas._resource import LazyModule
from threecommas._types import Call, ForcedModeArg, RequestOptions, TimeoutArg

from .._api_client import SyncAPIClient

if TYPE_CHECKING:
    import threecommas._operations as ops
    from threecommas_api.models.smart_trade import SmartTrade
else:
    ops = LazyModule("threecommas._operations")

__all__ = ["changed"]


def changed(
    client: SyncAPIClient,
    call: Call[SmartTrade | None],
    smart_trade_id: int,
    forced_mode: ForcedModeArg,
    timeout: TimeoutArg,
    options: RequestOptions,
) -> SmartTrade:
    """Send `call`; its SmartTrade, or (after an empty 2xx) the SmartTrade read once."""
    answer = client._execute(call, timeout, options)
    if answer is not None:
        return answer
    read = ops.by_id("get_smart_trade", smart_trade_id, client._forced_mode_for(forced_mode))
    try:
        return client._execute(read, timeout, options)
    except ThreeCommasError as exc:
        method = call.request.get("method", "").upper()
        exc.add_note(
            f"The {method} {call.request.get('url', '')} before this read was carried out (an "
            "empty 2xx answer); only reading the SmartTrade afterwards failed: do not send it "
            "again."
        )
        raise

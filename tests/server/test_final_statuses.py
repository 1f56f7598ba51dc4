"""The final statuses of a SmartTrade are one set (`threecommas._constants.FINAL_STATUSES`): the
watch (its end of a SmartTrade), the fake server's list filter and its simulated market agree on
every status a SmartTrade can show."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from tests.seed import seed_response
from threecommas._constants import FINAL_STATUSES
from threecommas._watch import WaitStatus, is_finished
from threecommas.testing.simulation._listing import status_group
from threecommas.testing.simulation._market._derive import derive
from threecommas_api.models.smart_trade import SmartTrade


def _with_status(status: str) -> dict[str, Any]:
    smart_trade = seed_response()
    smart_trade["status"] = {"type": status, "basic_type": status, "title": status}
    smart_trade["data"]["finished"] = False  # the status alone decides
    smart_trade["data"]["closed_at"] = None
    return smart_trade


def test_the_final_statuses_are_the_documented_ones() -> None:
    assert {"finished", "cancelled", "failed"} == FINAL_STATUSES


@pytest.mark.parametrize("status", get_args(WaitStatus))
def test_the_watch_the_list_filter_and_the_market_agree_on_what_is_final(status: str) -> None:
    final = status in FINAL_STATUSES
    assert is_finished(SmartTrade.from_dict(_with_status(status))) is final
    assert (status_group(_with_status(status)) != "active") is final
    # The market leaves a final SmartTrade as it is, and gives it its closing time.
    smart_trade = _with_status(status)
    derive(smart_trade, None, now="2026-12-07T00:00:00.000Z")
    assert (
        smart_trade["status"]["basic_type"] == status and bool(smart_trade["data"]["closed_at"])
    ) is final

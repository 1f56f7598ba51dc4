"""`threecommas smart-trades watch`: a line per change of a SmartTrade, as it is seen."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from threecommas._watch import SmartTradeEvent
from threecommas.cli._output import stdout_gone
from threecommas.cli._table import Command

__all__ = ["event_line", "print_events"]


def event_line(event: SmartTradeEvent) -> str:
    """`time id pair old -> new profit%` (old is `-` at first sight)."""
    time = event.observed_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    old = event.previous_status or "-"
    profit = event.smart_trade.profit.percent
    line = f"{time} {event.id} {event.smart_trade.pair} {old} -> {event.status} profit {profit}%"
    steps = [
        f"{name.split('.')[2]}:{change.new}"
        for name, change in event.changes.items()
        if name.startswith("take_profit.steps.") and event.previous is not None
    ]
    return line + (f" steps {' '.join(steps)}" if steps else "")


def print_events(client: Any, command: Command, args: argparse.Namespace) -> int:
    """Watch with the command's options and print each event; 0 when the watch ended (Ctrl-C
    ends it too)."""
    keywords: dict[str, Any] = {}
    if args.ids:
        keywords["ids"] = args.ids
    if args.budget_share is not None:
        keywords["budget_share"] = args.budget_share
    if getattr(args, "source", None) is not None:
        keywords["source"] = args.source
    if getattr(args, "timeout", None) is not None:
        keywords["timeout"] = args.timeout
    until_finished = args.until == "finished"
    open_ids: set[int] = set()
    try:
        for event in client.smart_trades.watch(**keywords):
            if args.format == "json":
                print(json.dumps(event.to_dict(), separators=(",", ":")), flush=True)
            else:
                print(event_line(event), flush=True)
            if event.finished:
                open_ids.discard(event.id)
            else:
                open_ids.add(event.id)
            if until_finished and not open_ids:
                break
    except KeyboardInterrupt:
        print(file=sys.stderr)
    except BrokenPipeError:
        stdout_gone()
    return 0

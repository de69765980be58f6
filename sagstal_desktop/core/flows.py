"""Intake and closures per month and case type ("tilgang og afgang"), the forecast's input.

A ``Flow`` says how many cases of one type came in (``new``) and were closed (``closed``) in one
calendar month (``month``: its first day). A team holds at most one flow per month and type,
and at most ``max_flow_rows`` (resources/defaults.json). ``check_flows`` is the one check the
window, the import, the CLI and the reader of a team file share.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from sagstal_desktop.core.validation import InputError, check_label, limits, parse_count, parse_month


@dataclass(frozen=True, slots=True)
class Flow:
    """``new`` cases of ``case_type`` came in and ``closed`` were closed in ``month`` (first day)."""

    month: date
    case_type: str
    new: int
    closed: int

    def to_dict(self) -> dict[str, Any]:
        return {"month": self.month.strftime("%Y-%m"), "case_type": self.case_type, "new": self.new,
                "closed": self.closed}


class FlowError(ValueError):
    """Flows that cannot be stored together: a month and type twice, or too many rows. ``code``
    is ``duplicate`` (``value``: "YYYY-MM type") or ``too_many`` (``value``: the row count)."""

    def __init__(self, code: str, value: Any, limit: Any = None) -> None:
        self.code, self.value, self.limit = code, value, limit
        super().__init__(f"{code}: {value}")


def make_flow(month: Any, case_type: Any, new: Any, closed: Any) -> Flow:
    """One flow from typed or imported values, each checked by ``core.validation``'s parsers.
    Raises ``InputError``."""
    type_id = check_label(case_type)
    if not type_id:
        raise InputError("empty", "")
    return Flow(parse_month(month), type_id, parse_count(new), parse_count(closed))


def check_flows(flows: Iterable[Flow]) -> list[Flow]:
    """``flows`` in month and type order, each month and type once, within ``max_flow_rows``.
    Raises ``FlowError``."""
    ordered = sorted(flows, key=lambda f: (f.month, f.case_type))
    cap = int(limits()["max_flow_rows"])
    if len(ordered) > cap:
        raise FlowError("too_many", len(ordered), cap)
    for before, after in pairwise(ordered):
        if (before.month, before.case_type) == (after.month, after.case_type):
            raise FlowError("duplicate", f"{after.month:%Y-%m} {after.case_type}")
    return ordered


def months_of(flows: Iterable[Flow]) -> list[date]:
    """The distinct months of ``flows``, in order."""
    return sorted({f.month for f in flows})


def month_after(month: date, steps: int = 1) -> date:
    """The first day of the month ``steps`` months after ``month``'s."""
    index = month.year * 12 + month.month - 1 + steps
    return date(index // 12, index % 12 + 1, 1)


def by_type(flows: Iterable[Flow]) -> dict[str, dict[date, Flow]]:
    """Case type -> month -> flow."""
    out: dict[str, dict[date, Flow]] = {}
    for flow in flows:
        out.setdefault(flow.case_type, {})[flow.month] = flow
    return out

"""Dated reductions: hours on other tasks with a reason and optional from/to dates.

A person's plain ``other_hours`` always reduce the casework hours. A dated reduction reduces
them only on the days from ``start`` to ``end`` (both inclusive; a missing date is open), so the
same team computed on another date has another capacity. Like the UK probation tool WMT, a
reduction is *scheduled* before its start, *active* between its dates and *archived* after its
end. The newcomer reduction (``core.load``) is separate and works as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sagstal_desktop.i18n import N_, tr

#: Why the hours go to other tasks (stored as these ids; labels below).
REASONS = ("tr", "amr", "project", "training", "other")
_REASON_LABELS = {"tr": N_("Union representative (TR)"), "amr": N_("Health and safety representative"),
                  "project": N_("Project"), "training": N_("Further training"), "other": N_("Other")}


def reason_label(reason: str, lang: str | None = None) -> str:
    """Why the hours go to other tasks, in words ("TR", "Arbejdsmiljørepræsentant")."""
    return tr(_REASON_LABELS[reason], lang)


class ReductionState(StrEnum):
    SCHEDULED = "scheduled"
    ACTIVE = "active"
    ARCHIVED = "archived"


@dataclass(frozen=True, slots=True)
class Reduction:
    """``hours`` a week on other tasks for ``reason`` from ``start`` to ``end`` (inclusive)."""

    hours: float
    reason: str = "other"
    start: date | None = None
    end: date | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.hours < 0:
            raise ValueError("hours on other tasks cannot be negative")
        if self.reason not in REASONS:
            raise ValueError(f"unknown reason {self.reason!r}")
        if self.start and self.end and self.end < self.start:
            raise ValueError("a reduction cannot end before it starts")

    def state(self, on: date) -> ReductionState:
        if self.start is not None and on < self.start:
            return ReductionState.SCHEDULED
        if self.end is not None and on > self.end:
            return ReductionState.ARCHIVED
        return ReductionState.ACTIVE

    def active(self, on: date) -> bool:
        return self.state(on) is ReductionState.ACTIVE

    def to_dict(self) -> dict[str, Any]:
        return {"hours": self.hours, "reason": self.reason, "note": self.note,
                "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reduction:
        start, end = data.get("start"), data.get("end")
        return cls(hours=float(data["hours"]), reason=str(data.get("reason") or "other"),
                   start=date.fromisoformat(start) if start else None,
                   end=date.fromisoformat(end) if end else None, note=str(data.get("note") or ""))


def active_hours(reductions: Iterable[Reduction], on: date) -> float:
    """The weekly hours the reductions active on ``on`` take from casework."""
    return sum(r.hours for r in reductions if r.active(on))

"""The stored parts of a scenario: a named variant of the team and its absences.

A ``Scenario`` keeps a full set of team inputs (``core.serialize.team_inputs``: info, settings,
staff with their cases), so it never depends on later edits of the team it was derived from.
Absences and vacancies belong to the scenario; the team's own norm sets are shared with the team.
The operations and the computation are in ``core/scenarios.py``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sagstal_desktop.i18n import N_, tr

#: Kinds of absence (stored as these ids). A vacancy is a position nobody holds: always absent.
ABSENCE_KINDS = ("sick", "parental", "other", "vacant")
_ABSENCE_LABELS = {"sick": N_("Sick leave"), "parental": N_("Parental leave"), "other": N_("Other absence"),
                   "vacant": N_("Vacant position")}


def absence_label(kind: str, lang: str | None = None) -> str:
    """The kind of absence in words ("Sygefravær", "Vakant stilling")."""
    return tr(_ABSENCE_LABELS[kind], lang)


@dataclass(frozen=True, slots=True)
class Absence:
    """Staff member ``member_id`` absent from ``start`` to ``end`` (inclusive; None is open)."""

    member_id: str
    kind: str = "sick"
    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.kind not in ABSENCE_KINDS:
            raise ValueError(f"unknown kind of absence {self.kind!r}")
        if self.start and self.end and self.end < self.start:
            raise ValueError("an absence cannot end before it starts")

    def active(self, on: date) -> bool:
        """True when the person is away on ``on`` (a vacancy always is)."""
        if self.kind == "vacant":
            return True
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    def to_dict(self) -> dict[str, Any]:
        return {"member_id": self.member_id, "kind": self.kind,
                "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Absence:
        start, end = data.get("start"), data.get("end")
        return cls(member_id=str(data["member_id"]), kind=str(data.get("kind") or "sick"),
                   start=date.fromisoformat(start) if start else None,
                   end=date.fromisoformat(end) if end else None)


@dataclass
class Scenario:
    """A named variant: the team's inputs as they would be, and who is away.

    ``redistribute``: the absent people's cases go to colleagues by the distribution rule
    (the default in a scenario) or stay with them as cases without a caseworker.
    ``positions_take_cases``: positions the scenario adds take cases from colleagues by the same
    rule (the default), so the scenario shows what a position does; else they start empty.
    ``target_caseload``: optional cases per caseworker to compare with (the Copenhagen what-if).
    """

    name: str
    inputs: dict[str, Any]
    absences: list[Absence] = field(default_factory=list)
    redistribute: bool = True
    target_caseload: float | None = None
    based_on: str = ""  # the variant it was derived from ("" = the team)
    positions_take_cases: bool = True

    def copy(self) -> Scenario:
        return Scenario(self.name, copy.deepcopy(self.inputs), list(self.absences), self.redistribute,
                        self.target_caseload, self.based_on, self.positions_take_cases)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "inputs": copy.deepcopy(self.inputs),
                "absences": [a.to_dict() for a in self.absences], "redistribute": self.redistribute,
                "target_caseload": self.target_caseload, "based_on": self.based_on,
                "positions_take_cases": self.positions_take_cases}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Scenario:
        target = data.get("target_caseload")
        return cls(name=str(data["name"]), inputs=dict(data["inputs"]),
                   absences=[Absence.from_dict(a) for a in data.get("absences") or ()],
                   redistribute=bool(data.get("redistribute", True)),
                   target_caseload=None if target is None else float(target),
                   based_on=str(data.get("based_on") or ""),
                   positions_take_cases=bool(data.get("positions_take_cases", True)))

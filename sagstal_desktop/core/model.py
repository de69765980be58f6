"""The team document's content: team facts, settings, staff with case counts, snapshots.

Plain mutable dataclasses; the load model (``load.py``) reads them and never changes them.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sagstal_desktop.core.case_weight import Weighting
from sagstal_desktop.core.defaults import default_of
from sagstal_desktop.core.flows import Flow
from sagstal_desktop.core.norms import NormSet, default_norm_set
from sagstal_desktop.core.reductions import Reduction, active_hours
from sagstal_desktop.core.scenario_model import Scenario

AUTHOR_ROLES = ("team_leader", "tr", "other")


def new_id() -> str:
    """A stable id for a staff member (kept across saves, imports and anonymised reports): 128
    random bits as 32 hex digits (``os.urandom``, as ``uuid4`` and ``secrets`` use; those modules
    cost some 6 ms of start-up to import)."""
    return os.urandom(16).hex()


@dataclass
class TeamInfo:
    """Who the team is and who wrote the document."""

    municipality: str = ""
    department: str = ""
    team_name: str = ""
    author_role: str = "team_leader"  # one of AUTHOR_ROLES


@dataclass
class TeamSettings:
    """Choices that change the computation. Figures without a default are None until entered."""

    norm_set_id: str = field(default_factory=lambda: default_norm_set().id)
    newcomer_reduction: float = field(default_factory=default_of("newcomer_reduction"))  # share withheld
    newcomer_months: int = field(default_factory=default_of("newcomer_months"))
    cost_per_fte: float | None = None  # yearly DKK per full-time caseworker; no default figure
    cost_source: str = ""  # where the user's cost figure comes from (printed with it)
    budget_years: int = field(default_factory=default_of("budget_years"))
    budget_first_year: int | None = None
    #: Formerly the per-document salt of the anonymised labels' order; kept (read and saved) so
    #: files keep their schema, but no label uses it since issue 20: labels are drawn with a fresh
    #: random salt per output (``core.anonymise.fresh_salt``), so two outputs cannot be linked.
    #: Not part of equality. "" in files saved before it existed.
    anonymise_salt: str = field(default_factory=new_id, compare=False)
    #: How the levels of case weight count (``core/case_weight.py``); off by default.
    weighting: Weighting = field(default_factory=Weighting)


@dataclass
class StaffMember:
    """One caseworker: hours, non-case hours, start date, cases held per case type, the case
    types the person may take (competences) and whether the person takes new cases."""

    name: str
    weekly_hours: float = field(default_factory=lambda: default_norm_set().full_time_hours)
    other_hours: float = 0.0
    other_tasks: str = ""  # what the non-case hours are for (TR work, projects, training)
    start_date: date | None = None
    counts: dict[str, int] = field(default_factory=dict)
    note: str = ""
    id: str = field(default_factory=new_id)
    #: Case-type ids and areas (``area:<norm-set group id>``) the person may take; empty means
    #: the default: every type of the team's areas (see ``core/competences.py``).
    competences: tuple[str, ...] = ()
    #: False: "tager ikke nye sager" (on leave, leaving); may still hand cases over.
    takes_new_cases: bool = True
    #: Dated hours on other tasks with a reason (``core/reductions.py``); they reduce the
    #: casework hours only on the days between their dates.
    reductions: tuple[Reduction, ...] = ()
    #: Case weight: case type -> level (``core.case_weight.LEVELS``) -> n, at most the type's
    #: count; the rest of the count is not assessed. Empty: nothing assessed.
    levels: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def casework_hours(self) -> float:
        """Weekly hours minus the undated hours on other tasks (see ``casework_hours_on``)."""
        return self.weekly_hours - self.other_hours

    def casework_hours_on(self, on: date) -> float:
        """Casework hours on ``on``: also minus the dated reductions active that day."""
        return self.weekly_hours - self.other_hours - active_hours(self.reductions, on)


@dataclass
class Snapshot:
    """A dated copy of the team's inputs and key figures, for history."""

    taken_at: datetime
    label: str
    data: dict[str, Any]
    id: int | None = None


@dataclass
class Team:
    """Everything one ``.sagstal`` file holds."""

    info: TeamInfo = field(default_factory=TeamInfo)
    settings: TeamSettings = field(default_factory=TeamSettings)
    staff: list[StaffMember] = field(default_factory=list)
    custom_norm_sets: list[NormSet] = field(default_factory=list)
    snapshots: list[Snapshot] = field(default_factory=list)
    #: Named variants of the team (``core/scenarios.py``); never change the team itself.
    scenarios: list[Scenario] = field(default_factory=list)
    #: Intake and closures per month and case type (``core/flows.py``), the forecast's input;
    #: in month and type order, each month and type once.
    flows: list[Flow] = field(default_factory=list)

    def norm_set(self) -> NormSet:
        """The norm set chosen in the settings (built-in or the team's own)."""
        from sagstal_desktop.core.norms import find_norm_set

        return find_norm_set(self.settings.norm_set_id, self.custom_norm_sets)

    def member(self, member_id: str) -> StaffMember:
        for person in self.staff:
            if person.id == member_id:
                return person
        raise KeyError(member_id)

    def copy(self) -> Team:
        """A deep copy (norm sets are immutable and shared)."""
        clone = copy.copy(self)
        clone.info = copy.copy(self.info)
        clone.settings = copy.copy(self.settings)
        clone.staff = [copy.copy(p) for p in self.staff]
        for p in clone.staff:
            p.counts = dict(p.counts)
            if p.levels:
                p.levels = {t: dict(split) for t, split in p.levels.items()}
            else:
                p.levels = {}
        clone.custom_norm_sets = list(self.custom_norm_sets)
        clone.snapshots = [copy.deepcopy(s) for s in self.snapshots]
        clone.scenarios = [s.copy() for s in self.scenarios]
        clone.flows = list(self.flows)
        return clone

"""The planning instance built from a team: every person's capacity and current load, and the
load one case of each type adds to each person — all taken from ``core.load`` (``summarize``
for capacity and weighted caseload, the norm set's ``norm_for(...).max`` for each type's
maximum, exactly as ``core.load`` measures it).

Load of a person = sum_t n_t / max_t / capacity (1.0 = 100 % of DS's maximum). People with no
casework capacity (not computable) take no part: they neither receive nor give.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sagstal_desktop.core.competences import CompetenceRule
from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet

#: Loads closer than this (0.0001 percentage points) count as equal when levels are compared.
LEVEL_TOLERANCE = 1e-6
#: Work units per full-time DS-maximum caseload larger than this are not used (see ``work_units``).
_MAX_UNITS = 10_000_000


@dataclass(frozen=True, slots=True)
class PlanPerson:
    """A computable staff member as the planning sees them."""

    index: int  # position in the team (the stable tie-break)
    member_id: str
    name: str
    capacity: float
    load: float  # current load against the norm set's maximum (fraction)
    counts: dict[str, int]  # cases held per case type the norm set measures

    def step(self, type_max: float) -> float:
        """The load one case of a type with DS maximum ``type_max`` adds."""
        return 1.0 / type_max / self.capacity


@dataclass(frozen=True)
class PlanningProblem:
    """Everyone computable, with the rule for who may take what."""

    team: Team
    norm_set: NormSet
    as_of: date
    persons: tuple[PlanPerson, ...]
    loads_before: dict[str, float | None]  # member id -> load (None: not computable), every person
    rule: CompetenceRule

    units: float  # work units per full-time DS-maximum caseload (S)
    integral: bool  # every case is a whole number of units
    #: Case weight: the level a new or moved case weighs as while the team's weighting is on
    #: (None: not assessed, the team's default level; ``core/case_weight.py``).
    new_level: str | None = None

    @property
    def weighted(self) -> bool:
        return self.team.settings.weighting.on

    def case_units(self, case_type: str) -> float:
        """The work one case of ``case_type`` is, in units: S / max_t (weighted: S * factor / max_t)."""
        units = self.units / self.type_max(case_type)
        return float(round(units)) if self.integral else units

    def work(self, person: PlanPerson) -> float:
        """A person's weighted caseload in units (sum n_t * S / max_t; with case weight on, the
        case-weighted load times capacity times S)."""
        if self.weighted:
            return person.load * person.capacity * self.units
        return math.fsum(n * self.case_units(t) for t, n in person.counts.items())

    def type_max(self, case_type: str) -> float | None:
        """The maximum one case of ``case_type`` is measured against: the type's maximum, or with
        case weight on, the maximum divided by the factor of the new cases' level (a complex
        case in range mode: the midpoint)."""
        norm = self.norm_set.norm_for(case_type)
        if norm is None:
            return None
        weighting = self.team.settings.weighting
        if weighting.on:
            return norm.max / weighting.factor(self.new_level or weighting.default_level, norm)
        return norm.max

    def receivers(self, case_type: str) -> list[PlanPerson]:
        """Who may receive cases of ``case_type``: computable, takes new cases, competent."""
        team_staff = self.team.staff
        return [p for p in self.persons if self.rule.may_receive(team_staff[p.index], case_type)]


def build_problem(team: Team, as_of: date | None = None, norm_set: NormSet | None = None,
                  new_level: str | None = None) -> PlanningProblem:
    """The instance for ``team`` on ``as_of`` against ``norm_set`` (default: the team's own);
    with case weight on, the loads are the weighted ones and a new case weighs as ``new_level``."""
    norm_set = norm_set or team.norm_set()
    summary = summarize(team, as_of, norm_set)
    persons = []
    loads: dict[str, float | None] = {}
    for index, (member, result) in enumerate(zip(team.staff, summary.persons, strict=True)):
        loads[member.id] = result.load_max
        if not result.computable:
            continue
        counts = {t: n for t, n in member.counts.items() if n and norm_set.norm_for(t) is not None}
        persons.append(PlanPerson(index, member.id, member.name, result.capacity, result.load_max, counts))
    units, integral = work_units(norm_set)
    if team.settings.weighting.on:  # factors such as 1.5 or max/min make cases fractional units
        integral = False
    return PlanningProblem(team, norm_set, summary.as_of, tuple(persons), loads, CompetenceRule(team, norm_set),
                           units, integral, new_level)


def work_units(norm_set: NormSet) -> tuple[float, bool]:
    """(S, integral): with S the least common multiple of the norm set's maxima (as fractions),
    a case of type t is S / max_t whole units, so the integer programs compare loads exactly
    (load = units / (S * capacity)). Maxima without a small exact fraction, or an S above
    10 million, give S = 1 and plain floating-point comparison."""
    units = 1
    for norm in norm_set.type_norms:
        fraction = Fraction(norm.max).limit_denominator(1000)
        if float(fraction) != norm.max:
            return 1.0, False
        units = math.lcm(units, fraction.numerator)
        if units > _MAX_UNITS:
            return 1.0, False
    return float(units), True


def sorted_desc(loads: Iterable[float | None]) -> list[float]:
    """Computable loads, highest first (the vector leximin compares)."""
    return sorted((x for x in loads if x is not None), reverse=True)

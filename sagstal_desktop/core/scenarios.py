"""Scenarios: named variants of the team, their operations and their computation on a date.

A scenario (``core/scenario_model.py``) stores a full set of team inputs; the operations here
take a scenario and the team (for its own norm sets), change the variant and store it back, and
never touch the team. ``evaluate`` computes a variant on a date:

* a person absent on that date (sick leave, parental leave, other) or in a vacant position has
  casework capacity 0 (weekly hours 0, takes no new cases); absences outside the date have no
  effect;
* their cases are either redistributed to colleagues with the competence by the distribution
  rule (``core.planning.distribute``: leximin, competences, "no new cases"; the default in a
  scenario), so the receiving colleagues' loads show them (DS counts cases held for absent
  colleagues), or left with them and reported as cases without a caseworker. Cases nobody may
  take (no colleague with the competence, or a type the norm set cannot measure) stay with the
  absent person and are reported the same way;
* the figures are ``core.load.summarize`` on the resulting team, so they equal the summary of
  that variant alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sagstal_desktop.core.model import StaffMember, Team
from sagstal_desktop.core.norms import NormSet, custom_norm_set
from sagstal_desktop.core.own_norm_sets import new_set_id
from sagstal_desktop.core.scenario_model import Absence, Scenario
from sagstal_desktop.core.serialize import team_from_inputs, team_inputs
from sagstal_desktop.core.whatif import TargetWhatIf


class ScenarioError(ValueError):
    """An operation that does not fit the variant (unknown person, too few cases, a taken name)."""


# -- making and keeping scenarios -----------------------------------------------------------


def derive(team: Team, name: str, base: Scenario | None = None) -> Scenario:
    """A new scenario ``name`` with the inputs of ``base`` (or of the team itself)."""
    from sagstal_desktop.core.validation import InputError, check_label, limits

    try:
        name = check_label(name)
    except InputError as exc:
        raise ScenarioError(exc.message("en")) from None
    if not name:
        raise ScenarioError("a scenario needs a name")
    cap = int(limits()["max_scenarios"])
    if len(team.scenarios) >= cap:
        raise ScenarioError(f"a team file holds at most {cap} scenarios; delete one first")
    if any(s.name == name for s in team.scenarios):
        raise ScenarioError(f"a scenario named {name!r} exists")
    if base is None:
        return Scenario(name, team_inputs(team))
    made = base.copy()
    made.name, made.based_on = name, base.name
    return made


def find(team: Team, name: str) -> Scenario:
    for scenario in team.scenarios:
        if scenario.name == name:
            return scenario
    raise ScenarioError(f"no scenario named {name!r}")


def materialise(scenario: Scenario, team: Team) -> Team:
    """The variant as a team of its own (sharing the team's own norm sets)."""
    return team_from_inputs(scenario.inputs, team.custom_norm_sets)


def store(scenario: Scenario, variant: Team) -> None:
    """Keep ``variant``'s inputs as the scenario's."""
    scenario.inputs = team_inputs(variant)


def _member(variant: Team, member_id: str) -> StaffMember:
    try:
        return variant.member(member_id)
    except KeyError:
        raise ScenarioError(f"no staff member {member_id!r} in the scenario") from None


# -- operations -------------------------------------------------------------------------------


def add_position(scenario: Scenario, team: Team, name: str, weekly_hours: float, competences: Sequence[str] = (),
                 other_hours: float = 0.0) -> str:
    """Add a position (no cases yet); returns its id."""
    if not 0 < weekly_hours <= _max_hours() or other_hours < 0 or other_hours > weekly_hours:
        raise ScenarioError(f"a position needs weekly hours above 0 and at most {_max_hours():g}, and other-task "
                            "hours within them")
    variant = materialise(scenario, team)
    member = StaffMember(name=name, weekly_hours=float(weekly_hours), other_hours=float(other_hours),
                         competences=tuple(competences))
    variant.staff.append(member)
    store(scenario, variant)
    return member.id


def remove_position(scenario: Scenario, team: Team, member_id: str) -> None:
    """Remove a position; its cases leave the variant with it (move them first to keep them)."""
    variant = materialise(scenario, team)
    variant.staff.remove(_member(variant, member_id))
    store(scenario, variant)
    scenario.absences = [a for a in scenario.absences if a.member_id != member_id]


def set_hours(scenario: Scenario, team: Team, member_id: str, weekly_hours: float | None = None,
              other_hours: float | None = None) -> None:
    """Change someone's weekly hours and/or undated hours on other tasks."""
    variant = materialise(scenario, team)
    member = _member(variant, member_id)
    weekly = member.weekly_hours if weekly_hours is None else float(weekly_hours)
    other = member.other_hours if other_hours is None else float(other_hours)
    if not 0 <= weekly <= _max_hours() or other < 0 or other > weekly:
        raise ScenarioError(f"weekly hours must lie between 0 and {_max_hours():g}, and hours on other tasks "
                            "between 0 and the weekly hours")
    member.weekly_hours, member.other_hours = weekly, other
    store(scenario, variant)


def move_cases(scenario: Scenario, team: Team, from_id: str, to_id: str, case_type: str, cases: int) -> None:
    """Move ``cases`` cases of ``case_type`` from one person to another."""
    variant = materialise(scenario, team)
    giver, taker = _member(variant, from_id), _member(variant, to_id)
    if cases < 0 or giver.counts.get(case_type, 0) < cases:
        raise ScenarioError(f"{giver.name} does not hold {cases} cases of {case_type!r}")
    giver.counts[case_type] -= cases
    taker.counts[case_type] = taker.counts.get(case_type, 0) + cases
    store(scenario, variant)


def set_norm_set(scenario: Scenario, team: Team, set_id: str) -> None:
    """Measure the variant against another norm set (built-in or one of the team's own)."""
    variant = materialise(scenario, team)
    variant.settings.norm_set_id = set_id
    variant.norm_set()  # KeyError for an unknown id, before anything is stored
    store(scenario, variant)


def ceiling_norm_set(team: Team, base: NormSet, ceiling: float, name: str, note: str = "") -> NormSet:
    """A team's own set copied from ``base`` with every range's maximum set to ``ceiling``
    (a municipal "loft"; the minimum is lowered to it where it lay above)."""
    low, high = _caseload_range()
    if not low <= ceiling <= high:
        raise ScenarioError(f"a ceiling must lie between {low:g} and {high:g}")
    made = custom_norm_set(new_set_id(team.custom_norm_sets), name, base, source_note=note or name)
    data = made.to_dict()
    for group in data["groups"]:
        for entry in (group, *group["types"]):
            if entry.get("max") is not None:
                entry.update(max=float(ceiling), min=min(float(entry["min"]), float(ceiling)))
    return NormSet.from_dict(data)


def set_own_ceiling(scenario: Scenario, team: Team, ceiling: float, name: str, note: str = "") -> NormSet:
    """Add a ceiling set (``ceiling_norm_set`` of the scenario's norm set) to the team's own
    sets and measure the scenario against it; returns the new set."""
    made = ceiling_norm_set(team, materialise(scenario, team).norm_set(), ceiling, name, note)
    team.custom_norm_sets.append(made)
    set_norm_set(scenario, team, made.id)
    return made


def set_target_caseload(scenario: Scenario, target: float | None) -> None:
    """Compare the variant with ``target`` cases per full-time caseworker (None: no target)."""
    low, high = _caseload_range()
    if target is not None and not low <= target <= high:  # also refuses NaN
        raise ScenarioError(f"a target caseload must lie between {low:g} and {high:g}")
    scenario.target_caseload = target


def set_absence(scenario: Scenario, absence: Absence) -> None:
    """Mark someone absent (replaces that person's earlier absence in the scenario)."""
    from sagstal_desktop.core.validation import limits

    kept = [a for a in scenario.absences if a.member_id != absence.member_id]
    cap = int(limits()["max_absences"])
    if len(kept) >= cap:
        raise ScenarioError(f"a scenario holds at most {cap} absences")
    scenario.absences = [*kept, absence]


def _max_hours() -> float:
    from sagstal_desktop.core.validation import limits

    return float(limits()["max_weekly_hours"])


def _caseload_range() -> tuple[float, float]:
    """A caseload's bounds (a ceiling, a target): a norm set's range limits."""
    from sagstal_desktop.core.validation import limits

    low, high = limits()["norm_range_limits"]
    return float(low), float(high)


def clear_absence(scenario: Scenario, member_id: str) -> None:
    scenario.absences = [a for a in scenario.absences if a.member_id != member_id]


# -- computing a variant --------------------------------------------------------------------


@dataclass(frozen=True)
class Assigned:
    """Cases of one type handed from the absent to a colleague."""

    member_id: str
    name: str
    case_type: str
    cases: int


@dataclass(frozen=True)
class VariantResult:
    """A variant computed on a date: the team as it works that day and its summary."""

    name: str  # "" for the current team
    team: Team
    summary: object  # core.load.TeamSummary
    norm_set: NormSet
    absent: dict[str, str] = field(default_factory=dict)  # member id -> kind, absent on the date
    without_caseworker: dict[str, dict[str, int]] = field(default_factory=dict)  # member id -> type -> cases
    assigned: tuple[Assigned, ...] = ()
    target: TargetWhatIf | None = None

    @property
    def cases_without_caseworker(self) -> int:
        return sum(n for counts in self.without_caseworker.values() for n in counts.values())


def evaluate(team: Team, as_of: date, absences: Iterable[Absence] = (), redistribute: bool = True,
             name: str = "", target_caseload: float | None = None) -> VariantResult:
    """``team`` (a materialised variant or the team itself) computed on ``as_of``."""
    from sagstal_desktop.core.load import summarize

    work = team.copy()
    work.snapshots, work.scenarios = [], []
    norm_set = work.norm_set()
    ids = {m.id for m in work.staff}
    absent = {a.member_id: a.kind for a in absences if a.active(as_of) and a.member_id in ids}
    held: dict[str, int] = {}
    for member in work.staff:
        if member.id in absent:
            member.weekly_hours, member.other_hours, member.reductions = 0.0, 0.0, ()
            member.takes_new_cases = False
            for case_type, n in member.counts.items():
                if n > 0:
                    held[case_type] = held.get(case_type, 0) + n
    assigned: tuple[Assigned, ...] = ()
    if redistribute and held:
        work, assigned = _redistribute(work, absent, held, as_of, norm_set)
    without = {m.id: {t: n for t, n in m.counts.items() if n > 0} for m in work.staff if m.id in absent}
    summary = summarize(work, as_of, norm_set)
    target = None
    low, high = _caseload_range()
    if target_caseload is not None and summary.average_fte_caseload and low <= target_caseload <= high:
        target = TargetWhatIf(summary.total_cases, summary.average_fte_caseload, target_caseload,
                              work.settings.cost_per_fte)
    return VariantResult(name, work, summary, norm_set, absent, {k: v for k, v in without.items() if v},
                         assigned, target)


def _redistribute(work: Team, absent: dict[str, str], held: dict[str, int], as_of: date,
                  norm_set: NormSet) -> tuple[Team, tuple[Assigned, ...]]:
    from sagstal_desktop.core.planning import distribute
    from sagstal_desktop.core.planning.problem import build_problem

    problem = build_problem(work, as_of, norm_set)
    movable = {t: n for t, n in held.items() if problem.type_max(t) is not None and problem.receivers(t)}
    if not movable:
        return work, ()
    result = distribute(work, movable, as_of, norm_set)
    after = result.team_after
    for member in after.staff:
        if member.id in absent:
            member.counts = {t: n for t, n in member.counts.items() if t not in movable}
    assigned = tuple(Assigned(a.member_id, a.name, a.case_type, a.cases) for a in result.assignments)
    return after, assigned


def evaluate_scenario(scenario: Scenario, team: Team, as_of: date) -> VariantResult:
    return evaluate(materialise(scenario, team), as_of, scenario.absences, scenario.redistribute, scenario.name,
                    scenario.target_caseload)

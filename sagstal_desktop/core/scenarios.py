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
* a position the scenario adds (an extra position or a new hire: a person not in the team) takes
  cases from colleagues by the same rule (``positions_take_cases``, on by default): one case at a
  time from the colleague with the highest load, among the types the position may take, to the
  added position with the lowest load, while that lowers the higher of the two loads; so the
  scenario shows what the position does to loads and to the count over the maximum. A vacancy
  has capacity 0 and takes nothing;
* the figures are ``core.load.summarize`` on the resulting team, so they equal the summary of
  that variant alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sagstal_desktop.core.case_weight import NOT_ASSESSED
from sagstal_desktop.core.case_weight import move_cases as shift_cases
from sagstal_desktop.core.model import StaffMember, Team
from sagstal_desktop.core.norms import NormSet, custom_norm_set
from sagstal_desktop.core.own_norm_sets import new_set_id
from sagstal_desktop.core.scenario_model import Absence, Scenario
from sagstal_desktop.core.serialize import team_from_inputs, team_inputs
from sagstal_desktop.core.whatif import TargetWhatIf


class ScenarioError(ValueError):
    """An operation that does not fit the variant (unknown person, too few cases, a taken name)."""


# -- making and keeping scenarios -----------------------------------------------------------


def new_scenario_name(team: Team, name: str) -> str:
    """``name`` checked as a new scenario of ``team`` (stripped; not empty, not taken, room in the
    file for one more: ``max_scenarios``); else ``ScenarioError``."""
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
    return name


def derive(team: Team, name: str, base: Scenario | None = None) -> Scenario:
    """A new scenario ``name`` with the inputs of ``base`` (or of the team itself)."""
    name = new_scenario_name(team, name)
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
    shift_cases(giver, taker, case_type, cases)  # the case-weight split follows the cases
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
    from sagstal_desktop.core.validation import caseload_range

    low, high = caseload_range()
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
    from sagstal_desktop.core.validation import caseload_range

    low, high = caseload_range()
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
class Taken:
    """Cases of one type an added position takes over from a colleague."""

    from_id: str
    from_name: str
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
    taken: tuple[Taken, ...] = ()  # cases added positions take over from colleagues
    #: The absent's cases were handed on by a proven leximin-optimal plan; False when the
    #: redistribution's time budget (``REDISTRIBUTION_TIME_LIMIT``) ended first: the plan is the
    #: best found, which keeps every level proven before (``redistribution_levels``; from 1 on,
    #: the highest load is proven the lowest possible).
    redistribution_proven: bool = True
    redistribution_levels: int = 0

    @property
    def cases_without_caseworker(self) -> int:
        return sum(n for counts in self.without_caseworker.values() for n in counts.values())

    def changes(self, variant: Team) -> dict[str, dict[str, int]]:
        """Member id -> case type -> cases gained (+) or handed on (-) in the computation, against
        ``variant`` (the inputs computed: the absent's cases to colleagues, the takings of added
        positions); people without a change are left out."""
        out: dict[str, dict[str, int]] = {}
        entered = {m.id: m.counts for m in variant.staff}
        for member in self.team.staff:
            before = entered.get(member.id, {})
            delta = {t: member.counts.get(t, 0) - before.get(t, 0) for t in set(member.counts) | set(before)}
            delta = {t: n for t, n in delta.items() if n}
            if delta:
                out[member.id] = delta
        return out


def evaluate(team: Team, as_of: date, absences: Iterable[Absence] = (), redistribute: bool = True,
             name: str = "", target_caseload: float | None = None, added: Iterable[str] = (),
             positions_take_cases: bool = True) -> VariantResult:
    """``team`` (a materialised variant or the team itself) computed on ``as_of``. ``added``: the
    ids of positions the variant adds to the team (they take cases with ``positions_take_cases``)."""
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
    proven, levels = True, 0
    if redistribute and held:
        work, assigned, proven, levels = _redistribute(work, absent, held, as_of, norm_set)
    taken: tuple[Taken, ...] = ()
    takers = {i for i in added if i in ids and i not in absent}
    if positions_take_cases and takers:
        work, taken = _positions_take(work, takers, as_of, norm_set)
    without = {m.id: {t: n for t, n in m.counts.items() if n > 0} for m in work.staff if m.id in absent}
    summary = summarize(work, as_of, norm_set)
    target = None
    from sagstal_desktop.core.validation import caseload_range

    low, high = caseload_range()
    if target_caseload is not None and summary.average_fte_caseload and low <= target_caseload <= high:
        target = TargetWhatIf(summary.total_cases, summary.average_fte_caseload, target_caseload,
                              work.settings.cost_per_fte)
    return VariantResult(name, work, summary, norm_set, absent, {k: v for k, v in without.items() if v},
                         assigned, target, taken, proven, levels)


#: Seconds the redistribution of the absent's cases may take (one plan per variant and date: a
#: memo or a comparison with several scenarios waits for each). One case type, or a team of
#: ordinary size, is proven well within it; 2,000 staff with 5 absent colleagues are not proven
#: even in 30 s, and the best plan found keeps the highest load proven.
REDISTRIBUTION_TIME_LIMIT = 2.0


def _redistribute(work: Team, absent: dict[str, str], held: dict[str, int], as_of: date,
                  norm_set: NormSet) -> tuple[Team, tuple[Assigned, ...], bool, int]:
    """The absent's cases handed on (``distribute``). With case weight on, where some of them are
    assessed at a level that weighs otherwise than the team's default level, each (type, level)
    is handed on as a kind of its own (``planning.level_distribute``) and the receivers hold the
    cases at their levels, so the plan is proven for the real figures."""
    from sagstal_desktop.core.planning import distribute
    from sagstal_desktop.core.planning.case_levels import other_weight
    from sagstal_desktop.core.planning.problem import build_problem

    problem = build_problem(work, as_of, norm_set)
    movable = {t: n for t, n in held.items() if problem.type_max(t) is not None and problem.receivers(t)}
    if not movable:
        return work, (), True, 0
    givers = [m for m in work.staff if m.id in absent]
    moving = {(m.id, t): _moving_all(m, t) for m in givers for t in movable}
    if any(other_weight(work.settings.weighting, norm_set.norm_for(t), split) for (_i, t), split in moving.items()):
        return _redistribute_levels(work, givers, moving, movable, as_of, norm_set)
    result = distribute(work, movable, as_of, norm_set, time_limit=REDISTRIBUTION_TIME_LIMIT)
    after = result.team_after
    for member in after.staff:
        if member.id in absent:
            member.counts = {t: n for t, n in member.counts.items() if t not in movable}
            member.levels = {t: split for t, split in member.levels.items() if t not in movable}
    assigned = tuple(Assigned(a.member_id, a.name, a.case_type, a.cases) for a in result.assignments)
    return after, assigned, result.optimal, result.levels_proven


def _redistribute_levels(work: Team, givers: list[StaffMember], moving: dict[tuple[str, str], dict[str, int]],
                         movable: dict[str, int], as_of: date, norm_set: NormSet
                         ) -> tuple[Team, tuple[Assigned, ...], bool, int]:
    from sagstal_desktop.core.case_weight import add_at_level
    from sagstal_desktop.core.planning.distribute import light_copy
    from sagstal_desktop.core.planning.level_distribute import distribute_levels

    incoming: dict[tuple[str, str], int] = {}
    for (_member_id, case_type), split in moving.items():
        for level, n in split.items():
            incoming[case_type, level] = incoming.get((case_type, level), 0) + n
    given, proven, levels = distribute_levels(work, incoming, as_of, norm_set, REDISTRIBUTION_TIME_LIMIT)
    after = light_copy(work)
    ids = {m.id for m in givers}
    per_person: dict[tuple[int, str], int] = {}
    for (case_type, level), by_person in given.items():
        for index, n in by_person.items():
            member = after.staff[index]
            member.counts[case_type] = member.counts.get(case_type, 0) + n
            add_at_level(member.levels, case_type, None if level == NOT_ASSESSED else level, n)
            per_person[index, case_type] = per_person.get((index, case_type), 0) + n
    for member in after.staff:
        if member.id in ids:
            member.counts = {t: n for t, n in member.counts.items() if t not in movable}
            member.levels = {t: split for t, split in member.levels.items() if t not in movable}
    assigned = tuple(Assigned(m.id, m.name, t, per_person[i, t]) for i, m in enumerate(after.staff)
                     for t in movable if per_person.get((i, t)))
    return after, assigned, proven, levels


def _moving_all(member: StaffMember, case_type: str) -> dict[str, int]:
    """The levels of all of ``member``'s cases of ``case_type`` (``NOT_ASSESSED`` or a level -> n)."""
    from sagstal_desktop.core.case_weight import first_moving

    total = member.counts.get(case_type, 0)
    return first_moving(member.levels, case_type, total, total)


def _positions_take(work: Team, takers: set[str], as_of: date, norm_set: NormSet
                    ) -> tuple[Team, tuple[Taken, ...]]:
    """Added positions take cases one at a time from the most loaded colleague (see the module
    docstring); exact arithmetic in the planning's work units."""
    from sagstal_desktop.core.planning.problem import LEVEL_TOLERANCE, build_problem

    problem = build_problem(work, as_of, norm_set)
    persons = list(problem.persons)
    takers_p = [p for p in persons if p.member_id in takers]
    if not takers_p:
        return work, ()
    load_work = {p.index: problem.work(p) for p in persons}
    room = {p.index: problem.units * p.capacity for p in persons}
    counts = {p.index: dict(p.counts) for p in persons}
    taker_ids = {p.index for p in takers_p}
    types = sorted({t for p in persons if p.index not in taker_ids for t, n in p.counts.items() if n > 0})
    may_take = {t: {p.index for p in problem.receivers(t)} & taker_ids for t in types}
    moved: dict[tuple[int, int, str], int] = {}
    order: list[tuple[int, int, str]] = []  # the single moves in the order taken
    # case weight: the units of the next case a colleague hands over, at its own level
    next_units = _next_case_units(problem, work)

    def load(i: int) -> float:
        return load_work[i] / room[i]

    while True:
        best = None
        for case_type in types:
            takers_here = may_take[case_type]
            if not takers_here:
                continue
            for p in persons:
                g = p.index
                if g in taker_ids or counts[g].get(case_type, 0) <= 0:
                    continue
                units = next_units(g, case_type)
                to = min(takers_here, key=lambda i, units=units: ((load_work[i] + units) / room[i], i))
                after = max((load_work[to] + units) / room[to], (load_work[g] - units) / room[g])
                if after < load(g) - LEVEL_TOLERANCE:
                    key = (-load(g), (load_work[to] + units) / room[to], g, case_type)
                    if best is None or key < best[0]:
                        best = (key, g, to, case_type, units)
        if best is None:
            break
        _key, g, to, case_type, units = best
        counts[g][case_type] -= 1
        counts[to][case_type] = counts[to].get(case_type, 0) + 1
        load_work[g] -= units
        load_work[to] += units
        moved[(g, to, case_type)] = moved.get((g, to, case_type), 0) + 1
        order.append((g, to, case_type))
        next_units(g, case_type, taken=True)
    if not moved:
        return work, ()
    after = work.copy()
    for g, to, case_type in order:  # in the order taken: each taker gets the case (and level) it was counted with
        shift_cases(after.staff[g], after.staff[to], case_type, 1)  # the case-weight split follows the cases
    taken = []
    for (g, to, case_type), n in sorted(moved.items()):
        giver, taker = after.staff[g], after.staff[to]
        taken.append(Taken(giver.id, giver.name, taker.id, taker.name, case_type, n))
    return after, tuple(taken)


def _next_case_units(problem, work: Team):
    """``units(g, case_type, taken=False)``: the work units of the next case of ``case_type`` that
    colleague ``g`` (team index) hands over, at the level ``case_weight.move_cases`` moves it (the
    cases not assessed first, then the assessed ones, lightest first); ``taken=True`` records that
    it was handed over. With case weight off every case is ``problem.case_units``."""
    from sagstal_desktop.core.case_weight import moving_order

    weighting = work.settings.weighting
    queues: dict[tuple[int, str], list[list]] = {}

    def units(g: int, case_type: str, taken: bool = False) -> float:
        if not weighting.on:
            return problem.case_units(case_type)
        key = (g, case_type)
        if key not in queues:
            member = work.staff[g]
            queues[key] = [[level, n] for level, n in
                           moving_order(member.levels, case_type, member.counts.get(case_type, 0))]
        queue = queues[key]
        level = queue[0][0] if queue else weighting.default_level
        norm = problem.norm_set.norm_for(case_type)
        value = problem.units / (norm.max / weighting.factor(
            weighting.default_level if level == NOT_ASSESSED else level, norm))
        if taken and queue:
            queue[0][1] -= 1
            if not queue[0][1]:
                queue.pop(0)
        return value

    return units


def added_ids(scenario_team: Team, team: Team) -> frozenset[str]:
    """The positions ``scenario_team`` has that ``team`` has not."""
    before = {m.id for m in team.staff}
    return frozenset(m.id for m in scenario_team.staff if m.id not in before)


def evaluate_variant(variant: Team, scenario: Scenario, team: Team, as_of: date) -> VariantResult:
    """``variant`` (the scenario's inputs as a team, maybe being edited) computed on ``as_of`` with
    the scenario's absences, rules and target; ``team`` is the team it is a variant of."""
    return evaluate(variant, as_of, scenario.absences, scenario.redistribute, scenario.name,
                    scenario.target_caseload, added_ids(variant, team), scenario.positions_take_cases)


def evaluate_scenario(scenario: Scenario, team: Team, as_of: date) -> VariantResult:
    return evaluate_variant(materialise(scenario, team), scenario, team, as_of)

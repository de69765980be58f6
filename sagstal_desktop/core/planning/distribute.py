"""Distribute incoming cases: the leximin-optimal proposal (the highest load after distribution
as low as possible, then the next highest, ...) that respects competences, "no new cases" and
leaves people without casework capacity out.

One case type: greedy water-filling (exact). Several types: the greedy gives a start and an
upper bound U on the receivers' loads; nobody whose load already exceeds U can receive in a
leximin optimum (handing them a case would raise a load above U where the greedy leaves every
load above U as it is), so they are left out, and the rest is solved exactly by ``milp.leximin``,
then the stable tie-break (cases to people earlier in the team) over the optimal set.
The same bound U caps each person's cases of each type (only as many as keep the load at or
below U), and each type's cases water-filled alone give a floor no plan's highest load lies
below (``_water_floor``): where the plan reaches it, the top level is proven without a search.

The exact step runs in the pattern model (``patterns.py``: one binary per person and choice of
cases up to U, level rows without big-M, a local-search start) wherever the patterns number at
most ``patterns.MAX_PATTERNS``; else in the case-count model (``milp.leximin``).
"""

from __future__ import annotations

import copy
import math
import time
from collections.abc import Callable, Mapping
from datetime import date

from sagstal_desktop.core.case_weight import add_at_level, copy_levels
from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet, catalogue
from sagstal_desktop.core.planning.errors import PlanningError, check_time_limit
from sagstal_desktop.core.planning.problem import LEVEL_TOLERANCE, PlanningProblem, PlanPerson, build_problem
from sagstal_desktop.core.planning.result import Assignment, Distribution, PersonChange
from sagstal_desktop.core.planning.water_filling import water_fill
from sagstal_desktop.core.validation import MAX_COUNT

#: Default time limit for the integer program, in seconds.
TIME_LIMIT = 10.0
#: The most cases of one type one person may hold (``core.validation.MAX_COUNT``, the team file's
#: limit); a plan never goes above it, so its team reopens.
MAX_PERSON_COUNT = MAX_COUNT
#: The share of the time the pattern model may take before the case-count model gets the rest
#: (the 200-person bench teams are proven by patterns in 1.5-2.1 s of 10; a 10-person team
#: where HiGHS stalls on patterns is proven by case counts in 0.7 s).
PATTERN_SHARE = 0.5


def max_new_cases() -> int:
    """The most new cases one distribution may hand out (``max_new_cases`` in
    ``resources/defaults.json``, with its reason)."""
    from sagstal_desktop.core.defaults import defaults

    return int(defaults()["max_new_cases"])


def light_copy(team: Team) -> Team:
    """A copy of ``team`` whose staff and counts may change; snapshots, scenarios and norm sets
    are shared with ``team`` (a plan changes counts only, and copying 10,000 snapshots for every
    trade-off point would cost far more than the plan)."""
    clone = copy.copy(team)
    clone.staff = [copy.copy(p) for p in team.staff]
    for p in clone.staff:
        p.counts = dict(p.counts)
        p.levels = copy_levels(p.levels)
    clone.snapshots = list(team.snapshots)
    clone.scenarios = list(team.scenarios)
    clone.custom_norm_sets = list(team.custom_norm_sets)
    return clone


def check_incoming(problem: PlanningProblem, incoming: Mapping[str, int]) -> dict[str, list[PlanPerson]]:
    """Receivers per case type with new cases; raises ``PlanningError`` naming the type."""
    known = set(catalogue()) | set(problem.norm_set.case_type_ids)
    for case_type in incoming:
        if case_type not in known:
            raise PlanningError("unknown_type", case_type)
        if problem.type_max(case_type) is None:
            raise PlanningError("unmeasured_type", case_type, case_type=case_type)
    for case_type, cases in incoming.items():
        if cases < 0:
            raise PlanningError("negative_cases", case_type, cases, case_type=case_type)
    if sum(incoming.values()) > max_new_cases():
        raise PlanningError("too_many_new", sum(incoming.values()), max_new_cases())
    receivers = {}
    for case_type, cases in incoming.items():
        if cases > 0:
            receivers[case_type] = problem.receivers(case_type)
            if not receivers[case_type]:
                raise PlanningError("nobody_eligible", case_type, case_type=case_type)
    return receivers


def distribute(team: Team, incoming: Mapping[str, int], as_of: date | None = None,
               norm_set: NormSet | None = None, time_limit: float = TIME_LIMIT, exact: bool = False,
               cancelled: Callable[[], bool] | None = None, level: str | None = None) -> Distribution:
    """The proposal for handing out ``incoming`` (case type id -> new cases). ``exact`` solves
    the integer program even for one type (where water-filling is already exact; for tests).
    ``cancelled()`` is asked before every solve; true raises ``PlanningCancelled``.

    Case weight (``core/case_weight.py``): with the team's weighting on, loads are the weighted
    ones and each new case weighs as a case of ``level`` (None: not assessed, at the team's
    default level); a chosen ``level`` is recorded in the receivers' splits."""
    check_time_limit(time_limit)
    deadline = time.perf_counter() + time_limit
    problem = build_problem(team, as_of, norm_set, new_level=level)
    receivers = check_incoming(problem, incoming)
    loads = {p.index: p.load for p in problem.persons}
    order = sorted(receivers, key=lambda t: (problem.type_max(t), t))  # heavier cases first
    given = {t: water_fill(receivers[t], loads, problem.type_max(t), incoming[t]) for t in order}
    optimal, gap, levels = True, 0.0, 0
    if len(receivers) > 1 or (exact and receivers):
        given, optimal, gap, levels = _exact(problem, receivers, incoming, given, loads, deadline, cancelled)
    _check_counts(problem, given)
    return _result(problem, given, optimal, gap, levels)


def _check_counts(problem: PlanningProblem, given: dict[str, dict[int, int]]) -> None:
    """No one may end with more cases of a type than the team file holds (``MAX_PERSON_COUNT``)."""
    staff = problem.team.staff
    for case_type, by_person in given.items():
        for index, cases in by_person.items():
            if staff[index].counts.get(case_type, 0) + cases > MAX_PERSON_COUNT:
                raise PlanningError("person_count_limit", staff[index].name, MAX_PERSON_COUNT)


def _exact(problem: PlanningProblem, receivers: dict[str, list[PlanPerson]], incoming: Mapping[str, int],
           start: dict[str, dict[int, int]], greedy_loads: dict[int, float],
           deadline: float, cancelled: Callable[[], bool] | None = None
           ) -> tuple[dict[str, dict[int, int]], bool, float, int]:
    bound = max(greedy_loads[i] for by_person in start.values() for i in by_person)
    candidates = sorted({p.index for people in receivers.values() for p in people if p.load <= bound})
    # the pattern model proves most teams fastest, but HiGHS can stall on it for a small team
    # that the case-count model proves in a second: it gets a share of the time, the other model
    # the rest, and the better proof is kept
    share = time.perf_counter() + PATTERN_SHARE * max(deadline - time.perf_counter(), 0.0)
    found = _by_patterns(problem, receivers, incoming, start, bound, candidates, min(share, deadline), cancelled)
    if found is not None and found[1]:
        return found
    plain = _by_case_counts(problem, receivers, incoming, start, bound, candidates, deadline, cancelled)
    if found is None or plain[1]:
        return plain
    return max((found, plain), key=lambda result: (result[3], -result[2]))  # more levels proven, smaller gap


def _by_case_counts(problem: PlanningProblem, receivers: dict[str, list[PlanPerson]], incoming: Mapping[str, int],
                    start: dict[str, dict[int, int]], bound: float, candidates: list[int], deadline: float,
                    cancelled: Callable[[], bool] | None) -> tuple[dict[str, dict[int, int]], bool, float, int]:
    """``_exact`` in the case-count model (one integer per person and type, ``milp.leximin``)."""
    from sagstal_desktop.core.planning.milp import LoadRow, Milp, leximin

    by_index = {p.index: p for p in problem.persons}
    floor = _water_floor(problem, receivers, incoming, set(candidates))
    milp = Milp(deadline, cancelled=cancelled)
    columns: dict[int, list[tuple[str, int, float]]] = {i: [] for i in candidates}  # person -> (type, col, units)
    for case_type, people in receivers.items():
        # the greedy's highest load bounds every load of a leximin optimum, so person p takes at
        # most floor(room_p / units_t) cases of the type (none where one case goes above it)
        most = {p.index: min(incoming[case_type], _cases_below(problem, by_index[p.index], case_type, bound))
                for p in people if p.index in columns}
        eligible = [p for p in people if most.get(p.index, 0) > 0]
        cols = milp.add_cols([0.0] * len(eligible), [float(most[p.index]) for p in eligible],
                             [float(start[case_type].get(p.index, 0)) for p in eligible])
        milp.add_row(incoming[case_type], incoming[case_type], cols, [1.0] * len(cols))
        for person, col in zip(eligible, cols, strict=True):
            columns[person.index].append((case_type, col, problem.case_units(case_type)))
    rows = []
    for i in candidates:
        base = problem.work(by_index[i])
        steps = columns[i]
        rows.append(LoadRow(base, tuple(c for _t, c, _u in steps), tuple(u for _t, _c, u in steps), base,
                            base + sum(incoming[t] * u for t, _c, u in steps),
                            problem.units * by_index[i].capacity, problem.integral))
    outcome = leximin(milp, rows, top_floor=floor)
    gap = outcome.gap
    if outcome.optimal:  # the stable tie-break: cases to people earlier in the team
        milp.solve({c: float(rank + 1) for rank, i in enumerate(candidates) for _t, c, _u in columns[i]})
    given: dict[str, dict[int, int]] = {t: {} for t in receivers}
    for i in candidates:
        for case_type, col, _units in columns[i]:
            if milp.values[col] > 0.5:
                given[case_type][i] = round(milp.values[col])
    return given, outcome.optimal, gap, len(outcome.levels)


def _by_patterns(problem: PlanningProblem, receivers: dict[str, list[PlanPerson]], incoming: Mapping[str, int],
                 start: dict[str, dict[int, int]], bound: float, candidates: list[int], deadline: float,
                 cancelled: Callable[[], bool] | None) -> tuple[dict[str, dict[int, int]], bool, float, int] | None:
    """``_exact`` in the pattern model (``patterns.leximin_patterns``), or None when the persons'
    patterns up to the greedy's highest load ``bound`` are too many for it."""
    from sagstal_desktop.core.planning.patterns import MAX_PATTERNS, Person, build, improve, leximin_patterns

    types = list(receivers)
    by_index = {p.index: p for p in problem.persons}
    takes: dict[int, list[tuple[int, float, int]]] = {i: [] for i in candidates}
    for t, case_type in enumerate(types):
        units = problem.case_units(case_type)
        for p in receivers[case_type]:
            if p.index in takes:
                most = min(incoming[case_type], _cases_below(problem, p, case_type, bound))
                if most > 0:
                    takes[p.index].append((t, units, most))
    varying = [i for i in candidates if takes[i]]  # the rest hold a constant load (left out)
    persons = [Person(problem.work(by_index[i]), problem.units * by_index[i].capacity, problem.integral,
                      tuple(takes[i])) for i in varying]
    patterns = build(persons, bound, MAX_PATTERNS)
    if patterns is None:
        return None
    begin = [tuple(start[types[t]].get(i, 0) for t, _u, _m in takes[i]) for i in varying]
    if any(b not in mine for b, mine in zip(begin, patterns, strict=True)):
        return None  # the greedy's plan lies above the bound (not expected): the other model
    begin = improve(persons, patterns, begin, deadline)
    movable = {t: [by_index[i] for i in varying if any(k == n for n, _u, _m in takes[i])]
               for k, t in enumerate(types)}
    floor = _water_floor(problem, movable, incoming, set(varying))
    outcome = leximin_patterns(persons, patterns, [incoming[t] for t in types], begin, deadline,
                               [float(candidates.index(i) + 1) for i in varying], floor, cancelled)
    # the levels proven among every candidate: the persons left out hold constant loads, and
    # every load above ``proven_above`` is proven (theirs and the levels of the others)
    constant = [by_index[i].load for i in candidates if not takes[i]]
    proven = [x for x in constant if x > outcome.proven_above + LEVEL_TOLERANCE] + outcome.level_loads
    levels = _distinct(proven)
    given: dict[str, dict[int, int]] = {t: {} for t in receivers}
    for i, person, counts in zip(varying, persons, outcome.choice, strict=True):
        for (t, _u, _m), cases in zip(person.takes, counts, strict=True):
            if cases:
                given[types[t]][i] = cases
    return given, outcome.optimal, outcome.gap, levels


def _distinct(loads: list[float]) -> int:
    """How many levels ``loads`` make (loads closer than ``LEVEL_TOLERANCE`` are one level)."""
    count, last = 0, math.inf
    for x in sorted(loads, reverse=True):
        if x < last - LEVEL_TOLERANCE:
            count += 1
            last = x
    return count


def _cases_below(problem: PlanningProblem, person: PlanPerson, case_type: str, level: float) -> int:
    """The most cases of ``case_type`` ``person`` can take and stay at or below ``level`` (with
    the level tolerance): in the integer program's own work units."""
    scale = problem.units * person.capacity
    work = (level + LEVEL_TOLERANCE) * scale
    room = (math.floor(work + 1e-6) if problem.integral else work) - problem.work(person)
    units = problem.case_units(case_type)
    return max(0, math.floor(room / units + 1e-9)) if units > 0 else MAX_PERSON_COUNT


def _water_floor(problem: PlanningProblem, receivers: dict[str, list[PlanPerson]], incoming: Mapping[str, int],
                 candidates: set[int]) -> float:
    """A proven lower bound on the highest load among ``candidates`` after any allocation: loads
    only rise, and each type's cases alone, water-filled (leximin-optimal for one type), already
    leave its receivers' highest load at the water-filling level; the other types only add."""
    loads = {p.index: p.load for p in problem.persons if p.index in candidates}
    floor = max(loads.values(), default=0.0)
    for case_type, people in receivers.items():
        eligible = [p for p in people if p.index in candidates]
        if not eligible:
            continue
        alone = {p.index: loads[p.index] for p in eligible}
        water_fill(eligible, alone, problem.type_max(case_type), incoming[case_type])
        floor = max(floor, *alone.values())
    return floor


def _result(problem: PlanningProblem, given: dict[str, dict[int, int]], optimal: bool, gap: float,
            levels: int = 0) -> Distribution:
    team = problem.team
    after = light_copy(team)
    assignments = []
    for index, member in enumerate(team.staff):
        for case_type, by_person in given.items():
            cases = by_person.get(index, 0)
            if cases:
                counts = after.staff[index].counts
                counts[case_type] = counts.get(case_type, 0) + cases
                add_at_level(after.staff[index].levels, case_type, problem.new_level, cases)
                assignments.append(Assignment(member.id, member.name, case_type, cases))
    return Distribution(
        persons=person_changes(problem, after), optimal=optimal, gap=gap, team_after=after,
        assignments=tuple(assignments), levels_proven=levels,
    )


def person_changes(problem: PlanningProblem, after: Team) -> tuple[PersonChange, ...]:
    """Every person's load before and after, as ``core.load`` computes it."""
    summary = summarize(after, problem.as_of, problem.norm_set)
    return tuple(
        PersonChange(m.id, m.name, problem.loads_before[m.id], r.load_max)
        for m, r in zip(after.staff, summary.persons, strict=True)
    )

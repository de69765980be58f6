"""Case weight in plans that move existing cases (issue 27): what the planner's count of the
moved cases leaves out, and what a plan may then claim.

The move model of ``rebalance.py`` counts every moved case at one level (``PlanningProblem.
type_max``: the team's default level), but a plan moves a giver's cases in a fixed order
(``case_weight.moving_order``: the cases not assessed first, then assessed ones, the lightest
first), and an assessed case weighs at its own level. Where every case a plan could move weighs
as counted, that model's loads are the real ones and its proof stands. Where some do not,
``with_levels`` lets the level-exact model (``level_moves.py``) continue from the plan: what it
proves holds for the real figures. Where it proves nothing within the time limit, the plan is
kept, its loads shown are still the real ones (``core.load`` measures the team after the move),
but no proof is claimed, and the counts of cases counted otherwise are kept for the texts."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from types import SimpleNamespace

from sagstal_desktop.core.case_weight import NOT_ASSESSED, Weighting, first_moving, move_cases
from sagstal_desktop.core.norms import TypeNorm


def other_weight(weighting: Weighting, norm: TypeNorm, moving: Mapping[str, int], counted: str | None = None) -> int:
    """How many of ``moving`` (level or ``NOT_ASSESSED`` -> n) weigh otherwise than a case of
    ``counted`` (None: the team's default level, as cases not assessed count)."""
    if not weighting.on:
        return 0
    counted_factor = weighting.factor(counted or weighting.default_level, norm)
    return sum(n for level, n in moving.items()
               if not math.isclose(weighting.factor(weighting.default_level if level == NOT_ASSESSED else level, norm),
                                   counted_factor, rel_tol=1e-12))


def other_level_cases(problem, max_moves: int | None) -> int:
    """The cases a plan with at most ``max_moves`` moved cases could move (per giver and type, the
    first ``max_moves`` in the moving order, where someone else may receive the type) that weigh
    otherwise than the planner counts them; 0 with case weight off."""
    weighting = problem.team.settings.weighting
    if not weighting.on or max_moves == 0:
        return 0
    staff = problem.team.staff
    takers: dict[str, set[int]] = {}
    count = 0
    for person in problem.persons:
        member = staff[person.index]
        for case_type, held in person.counts.items():
            if case_type not in takers:
                takers[case_type] = {p.index for p in problem.receivers(case_type)}
            if not takers[case_type] - {person.index}:
                continue
            reach = held if max_moves is None else min(held, max_moves)
            moving = first_moving(member.levels, case_type, member.counts.get(case_type, 0), reach)
            count += other_weight(weighting, problem.norm_set.norm_for(case_type), moving, problem.new_level)
    return count


def other_level_moved(problem, moves: Iterable) -> int:
    """How many of the cases ``moves`` move (applied in order, as ``move_cases`` does) weigh
    otherwise than the planner counts them."""
    weighting = problem.team.settings.weighting
    if not weighting.on:
        return 0
    people: dict[str, SimpleNamespace] = {}

    def person(member_id: str) -> SimpleNamespace:
        if member_id not in people:
            member = next(m for m in problem.team.staff if m.id == member_id)
            people[member_id] = SimpleNamespace(counts=dict(member.counts),
                                                levels={t: dict(s) for t, s in (member.levels or {}).items()})
        return people[member_id]

    count = 0
    for move in moves:
        giver, taker = person(move.from_id), person(move.to_id)
        moving = first_moving(giver.levels, move.case_type, giver.counts.get(move.case_type, 0), move.cases)
        count += other_weight(weighting, problem.norm_set.norm_for(move.case_type), moving, problem.new_level)
        move_cases(giver, taker, move.case_type, move.cases)
    return count


def with_levels(plan, problem, max_moves: int | None, deadline: float | None = None,
                cancelled: Callable[[], bool] | None = None):
    """``plan`` (a ``Rebalance`` of the model counting every moved case at the default level) as
    it may be stated. Where a case it could move weighs otherwise than counted, the level-exact
    model (``level_moves``) continues from it within ``deadline``: where it proves at least the
    highest load, its plan is returned with what it proved (for the real figures). Otherwise
    nothing is proven (gap unknown) and the counts are kept for the texts."""
    other = other_level_cases(problem, max_moves)
    if not other:
        return plan
    if deadline is not None:
        from sagstal_desktop.core.planning.distribute import person_changes
        from sagstal_desktop.core.planning.level_moves import applied, level_rebalance

        moves, optimal, gap, levels, staff, loads_proven, top = level_rebalance(
            problem, max_moves, deadline, plan.aim, plan.moves, cancelled)
        if optimal or top:
            after = applied(problem, moves)
            return replace(plan, persons=person_changes(problem, after), team_after=after, moves=tuple(moves),
                           optimal=optimal, gap=gap, max_load_proven=top, levels_proven=levels, staff_proven=staff,
                           loads_proven=loads_proven, other_level_cases=0,
                           other_level_moved=other_level_moved(problem, moves))
    moved = other_level_moved(problem, plan.moves)
    return replace(plan, optimal=False, gap=math.inf, max_load_proven=False, levels_proven=0, staff_proven=0,
                   loads_proven=False, other_level_cases=other, other_level_moved=moved)

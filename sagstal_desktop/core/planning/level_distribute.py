"""Hand out cases whose levels are known (case weight, issue 27): an absent colleague's cases in
a scenario, each weighing at its own level (cases not assessed at the team's default level).

``distribute`` hands out new cases of one level. Here every (case type, level) is a kind of its
own: the planning instance measures a case of a kind against the type's maximum divided by the
level's factor (as ``PlanningProblem.type_max`` does for the new cases' level), and the same
water-filling and exact integer programs (``distribute._exact``) find the leximin-optimal
allocation, so the loads it proves are the real ones once the receivers hold the cases at their
levels."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import date

from sagstal_desktop.core.case_weight import NOT_ASSESSED
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.core.planning.problem import PlanningProblem, PlanPerson, build_problem

#: Joins a case type and a level into the key of one kind of case (neither contains it).
_SEP = "\x1f"


@dataclass(frozen=True)
class _Levelled(PlanningProblem):
    """The planning instance with kinds ``type + _SEP + level`` in place of case types."""

    def type_max(self, case_type: str) -> float | None:
        kind, _sep, level = case_type.partition(_SEP)
        norm = self.norm_set.norm_for(kind)
        if norm is None:
            return None
        weighting = self.team.settings.weighting
        counted = weighting.default_level if level in ("", NOT_ASSESSED) else level
        return norm.max / weighting.factor(counted, norm) if weighting.on else norm.max

    def receivers(self, case_type: str) -> list[PlanPerson]:
        return super().receivers(case_type.partition(_SEP)[0])


def distribute_levels(team: Team, incoming: Mapping[tuple[str, str], int], as_of: date | None,
                      norm_set: NormSet | None, time_limit: float,
                      cancelled: Callable[[], bool] | None = None
                      ) -> tuple[dict[tuple[str, str], dict[int, int]], bool, int]:
    """The leximin-optimal allocation of ``incoming`` ((case type, level or ``NOT_ASSESSED``) ->
    cases; every type must have receivers) among the team's receivers, each case at its level.
    Returns ((type, level) -> person index -> cases, proven, levels proven)."""
    from sagstal_desktop.core.planning.distribute import _exact
    from sagstal_desktop.core.planning.water_filling import water_fill

    deadline = time.perf_counter() + time_limit
    base = build_problem(team, as_of, norm_set)
    problem = _Levelled(**{f.name: getattr(base, f.name) for f in fields(base)})
    kinds = {f"{t}{_SEP}{level}": n for (t, level), n in incoming.items() if n > 0}
    receivers = {kind: problem.receivers(kind) for kind in kinds}
    loads = {p.index: p.load for p in problem.persons}
    order = sorted(receivers, key=lambda k: (problem.type_max(k), k))  # heavier cases first
    given = {k: water_fill(receivers[k], loads, problem.type_max(k), kinds[k]) for k in order}
    optimal, levels = True, 0
    if len(receivers) > 1:
        given, optimal, _gap, levels = _exact(problem, receivers, kinds, given, loads, deadline, cancelled)
    return {tuple(kind.split(_SEP)): by_person for kind, by_person in given.items()}, optimal, levels

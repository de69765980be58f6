"""Where do N new positions do most good? Extra positions placed across a department's teams.

Each team's load at the maximum is L_i = FTE needed at the maximum / available FTE (as in
``core.department``). Giving team i x_i steps of ``step_fte`` makes it
L_i(x_i) = needed_i / (available_i + x_i * step_fte). The placement puts exactly the given
number of steps (N / step_fte) on the teams so that the highest team load after is as low as
possible, then the second highest, and so on (leximin), and among the placements equal in that,
the one that gives to the teams most loaded before (the stable tie-break).

Granularity: whole positions (``step_fte`` = 1.0, the default of ``sagstal department
--positions N``) or steps of hours (``--position-hours H``: steps of H / 37 FTE, e.g. 18,5 hours
for half positions); N must be a whole number of steps. At most ``positions_max_steps`` steps.

The exact solver is the planner's (``core/planning/milp.py``: HiGHS, ``leximin``): team i has one
binary y_{i,k} per number of steps k = 0..S it may get, sum_k y_{i,k} = 1, sum_{i,k} k y_{i,k} = S,
and its load is the linear expression sum_k r_i(k) y_{i,k}, where r_i(k) is the rank of the load
L_i(k) among every team's possible loads: ranks order placements exactly as the loads do, so the
leximin optimum over ranks is the leximin optimum over the exact loads (no linearisation), and
the solver compares whole numbers. Every solve runs within one time
limit; when it is cut short the best placement found (never worse than the greedy start) is kept
and ``PositionPlan.optimal`` is False with HiGHS's proven gap.

A team with no available FTE but cases has no load before (it is infinite); the solver sees it as
a load larger than every other (ten times the largest finite load, at least 1000 %), so it gets
a position first. The proportional split shown for comparison gives each team
N x its FTE needed at the maximum / the teams' sum (equal shares if no team needs any), in
fractions of a position.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from sagstal_desktop.core.defaults import defaults
from sagstal_desktop.i18n import N_, tr

if TYPE_CHECKING:
    from sagstal_desktop.core.department import Department

#: How far N / step may lie from a whole number of steps and still count as one.
_WHOLE = 1e-9
#: Loads closer than this (relative) are the same load.
_SAME_LOAD = 1e-12
#: The solver's load of a team is its rank / this (``milp.LoadRow``): levels then differ by far
#: more than ``problem.LEVEL_TOLERANCE``, as the planner's work units do.
_RANK_SCALE = 1000.0


@dataclass(frozen=True)
class PositionTeam:
    """A team as the placement sees it (from ``core.department.TeamRow``)."""

    name: str
    fte_needed_max: float
    available_fte: float
    file: str = ""

    def load(self, extra_fte: float = 0.0) -> float | None:
        """Load at the maximum with ``extra_fte`` more available FTE; None if it has no FTE and
        cases (infinite), 0 for a team without measured cases."""
        if self.fte_needed_max <= 0:
            return 0.0
        available = self.available_fte + extra_fte
        return self.fte_needed_max / available if available > 1e-12 else None


@dataclass(frozen=True)
class PositionShare:
    """One team's share: FTE placed by the optimum and by the proportional split, and its load
    at the maximum (fraction; None: no available FTE) before and after each."""

    team_name: str
    file: str
    extra_fte: float
    load_before: float | None
    load_after: float | None
    proportional_fte: float
    load_after_proportional: float | None


@dataclass(frozen=True)
class PositionPlan:
    """The placement of ``positions_fte`` new FTE in steps of ``step_fte`` across the teams."""

    positions_fte: float
    step_fte: float
    shares: tuple[PositionShare, ...]
    optimal: bool  # proven leximin-optimal
    gap: float  # HiGHS's proven relative gap of the stage cut short (0 when optimal)

    @staticmethod
    def _top(loads: Sequence[float | None]) -> float | None:
        if any(v is None for v in loads):
            return None
        return max((v for v in loads if v is not None), default=None)

    @property
    def max_load_before(self) -> float | None:
        return self._top([s.load_before for s in self.shares])

    @property
    def max_load_after(self) -> float | None:
        return self._top([s.load_after for s in self.shares])

    @property
    def max_load_after_proportional(self) -> float | None:
        return self._top([s.load_after_proportional for s in self.shares])


class PositionError(ValueError):
    """Positions that cannot be placed as asked; ``message(lang)`` says why."""

    _TEXTS: ClassVar[dict[str, str]] = {
        "bad_count": N_("the number of positions must be a number above zero (not {value})"),
        "bad_step": N_("the step must be a number of hours above zero and at most {limit} (not {value})"),
        "not_whole": N_("{value} positions is not a whole number of steps of {limit} hours"),
        "too_many": N_("at most {limit} steps can be placed (asked: {value})"),
        "no_teams": N_("there are no teams to place positions on"),
    }

    def __init__(self, code: str, value: object = "", limit: object = "") -> None:
        self.code, self.value, self.limit = code, value, limit
        super().__init__(self.message("en"))

    def message(self, lang: str = "da") -> str:
        from sagstal_desktop.core.formatting import format_value

        return tr(self._TEXTS[self.code], lang).format(value=format_value(self.value, lang),
                                                      limit=format_value(self.limit, lang))


def max_steps() -> int:
    """The most steps one placement may have (``positions_max_steps``)."""
    return int(defaults()["positions_max_steps"])


def step_count(positions_fte: float, step_fte: float = 1.0, full_time_hours: float = 37.0) -> int:
    """How many steps of ``step_fte`` make ``positions_fte``; ``PositionError`` if not a whole
    number, not above zero, or more than ``max_steps()``."""
    if not (isinstance(positions_fte, int | float) and math.isfinite(positions_fte) and positions_fte > 0):
        raise PositionError("bad_count", positions_fte)
    if not (isinstance(step_fte, int | float) and math.isfinite(step_fte) and 0 < step_fte <= 1.0 + _WHOLE):
        raise PositionError("bad_step", step_fte * full_time_hours, full_time_hours)
    steps = positions_fte / step_fte
    whole = round(steps)
    if abs(steps - whole) > _WHOLE * max(1.0, steps) or whole < 1:
        raise PositionError("not_whole", positions_fte, step_fte * full_time_hours)
    if whole > max_steps():
        raise PositionError("too_many", whole, max_steps())
    return whole


def proportional_split(teams: Sequence[PositionTeam], positions_fte: float) -> list[float]:
    """Each team's share of ``positions_fte`` in proportion to its FTE needed at the maximum."""
    need = [max(t.fte_needed_max, 0.0) for t in teams]
    total = math.fsum(need)
    if total <= 0:
        return [positions_fte / len(teams)] * len(teams) if teams else []
    return [positions_fte * n / total for n in need]


def greedy_steps(teams: Sequence[PositionTeam], steps: int, step_fte: float) -> list[int]:
    """One step at a time to the team whose load is highest (first in order on a tie): the
    solver's warm start (it proves or improves it)."""
    given = [0] * len(teams)
    big = _stand_in(teams, steps, step_fte)
    for _ in range(steps):
        best = max(range(len(teams)), key=lambda i: (_load_value(teams[i], given[i] * step_fte, big), -i))
        given[best] += 1
    return given


def _load_value(team: PositionTeam, extra: float, big: float) -> float:
    load = team.load(extra)
    return big if load is None else load


def _stand_in(teams: Sequence[PositionTeam], steps: int, step_fte: float) -> float:
    """The value standing in for an infinite load: 10 x the largest finite load, at least 10."""
    finite = [t.load(k * step_fte) for t in teams for k in (0, steps)]
    return max(10.0, 10.0 * max((v for v in finite if v is not None), default=1.0))


def place_positions(teams: Sequence[PositionTeam], positions_fte: float, step_fte: float = 1.0,
                    time_limit: float | None = None, cancelled: Callable[[], bool] | None = None,
                    full_time_hours: float = 37.0) -> PositionPlan:
    """Place ``positions_fte`` new FTE in steps of ``step_fte`` across ``teams`` (see the module
    docstring): the leximin optimum of the teams' loads at the maximum, within ``time_limit``
    seconds (default ``positions_time_limit_seconds``), with the proportional split beside it."""
    if not teams:
        raise PositionError("no_teams")
    steps = step_count(positions_fte, step_fte, full_time_hours)
    limit = float(defaults()["positions_time_limit_seconds"]) if time_limit is None else time_limit
    given, optimal, gap = _solve(teams, steps, step_fte, limit, cancelled)
    shares = proportional_split(teams, positions_fte)
    return PositionPlan(
        positions_fte=positions_fte, step_fte=step_fte, optimal=optimal, gap=gap,
        shares=tuple(PositionShare(
            team_name=t.name, file=t.file, extra_fte=k * step_fte, load_before=t.load(),
            load_after=t.load(k * step_fte), proportional_fte=share, load_after_proportional=t.load(share))
            for t, k, share in zip(teams, given, shares, strict=True)))


def _ranks(values) -> dict[float, int]:
    """Each load value's rank among all (loads within ``_SAME_LOAD`` of each other share one).
    Ranks order placements exactly as the loads do (a sorted vector of ranks is lexicographically
    smaller exactly when the sorted loads are), and as whole numbers they keep the solver's
    comparisons exact (``milp.LoadRow.integral``), with no big-M of a tolerance's size."""
    rank: dict[float, int] = {}
    previous, current = None, 0
    for value in sorted(set(values)):
        if previous is not None and value - previous > _SAME_LOAD * max(1.0, abs(value)):
            current += 1
        rank[value] = current
        previous = value
    return rank


def _solve(teams: Sequence[PositionTeam], steps: int, step_fte: float, time_limit: float,
           cancelled: Callable[[], bool] | None) -> tuple[list[int], bool, float]:
    """(steps per team, proven optimal, gap)."""
    start = greedy_steps(teams, steps, step_fte)
    if len(teams) == 1:
        return start, True, 0.0
    from sagstal_desktop.core.planning.milp import LoadRow, Milp, leximin

    big = _stand_in(teams, steps, step_fte)
    milp = Milp(time.perf_counter() + time_limit, cancelled=cancelled)
    columns: list[list[int]] = []
    for i in range(len(teams)):
        columns.append(milp.add_cols([0.0] * (steps + 1), [1.0] * (steps + 1),
                                     [1.0 if k == start[i] else 0.0 for k in range(steps + 1)]))
    for cols in columns:
        milp.add_row(1.0, 1.0, cols, [1.0] * len(cols))
    every = [c for cols in columns for c in cols]
    milp.add_row(steps, steps, every, [float(k) for _cols in columns for k in range(steps + 1)])
    values = [[_load_value(team, k * step_fte, big) for k in range(steps + 1)] for team in teams]
    rank = _ranks(v for row in values for v in row)
    loads = []
    for row, cols in zip(values, columns, strict=True):
        ranks = [rank[v] for v in row]
        loads.append(LoadRow(base=0.0, index=tuple(cols), coef=tuple(map(float, ranks)), low=min(ranks),
                             high=max(ranks), scale=_RANK_SCALE, integral=True))
    outcome = leximin(milp, loads)
    optimal, gap = outcome.optimal, outcome.gap
    if optimal:
        # among the leximin-optimal placements: steps to the teams most loaded before
        rank = sorted(range(len(teams)), key=lambda i: (-_load_value(teams[i], 0.0, big), i))
        order = {team: position for position, team in enumerate(rank)}
        # (cut short, the values found still keep every level: the placement stays leximin-optimal)
        milp.solve({col: float(order[i] * k) for i, cols in enumerate(columns) for k, col in enumerate(cols) if k})
    given = [round(sum(k * milp.values[c] for k, c in enumerate(cols))) for cols in columns]
    if sum(given) != steps:  # never expected: the rows hold it; keep the warm start then
        return start, False, math.inf
    return given, optimal, gap


def department_positions(department: Department, positions_fte: float, step_fte: float = 1.0,
                         time_limit: float | None = None,
                         cancelled: Callable[[], bool] | None = None) -> PositionPlan:
    """``place_positions`` on a department's counted teams (``core.department``; copies left out)."""
    teams = [PositionTeam(row.display_name, row.fte_needed("max"), row.available_fte, row.file)
             for row in department.counted_teams]
    return place_positions(teams, positions_fte, step_fte, time_limit, cancelled, department.full_time_hours)

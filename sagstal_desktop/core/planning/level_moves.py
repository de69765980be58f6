"""Rebalance with case weight on, exact for the cases' levels (issue 27).

The move model of ``rebalance.py`` counts every moved case at the team's default level. A plan
moves a giver's cases in a fixed order (``case_weight.moving_order``: not assessed first, then
the assessed ones, the lightest level first), and each keeps its level with the receiver. Where
some case a plan could move weighs otherwise (``case_levels.other_level_cases``), this model
takes over: per giver and type, one integer per part of that order (``y``, at most the part's
cases) with a binary per boundary that lets a part give only once the part before is given in
full, so the work a giver sheds is exactly that of the cases that would really move; receivers
take cases per level (``inc``), and per type and level what is given is what is received; a
person either gives or receives a type (a binary where both are possible: a plan works on net
changes). The loads are then the real ones, and ``milp.leximin`` (and the fewest moves after it)
proves the plan for the real figures.

The plan is realised by moves in each giver's order (part by part, paired with the receivers of
the part's level in team order), so ``case_weight.move_cases`` applied move by move gives each
receiver exactly the levels the model counted.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from types import SimpleNamespace

from sagstal_desktop.core.case_weight import NOT_ASSESSED, move_cases, moving_order
from sagstal_desktop.core.planning.move_bounds import most_work
from sagstal_desktop.core.planning.problem import PlanningProblem
from sagstal_desktop.core.planning.result import Move


class LevelModel:
    """The level-exact integer program of net moves (see the module docstring)."""

    def __init__(self, problem: PlanningProblem, deadline: float, max_moves: int | None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        from sagstal_desktop.core.planning.milp import LoadRow, Milp

        self.problem = problem
        self.milp = milp = Milp(deadline, cancelled=cancelled)
        # no presolve, as in rebalance (HiGHS 1.16 proved a wrong leximin level with it)
        milp.h.setOptionValue("presolve", "off")
        weighting = problem.team.settings.weighting
        staff = problem.team.staff
        limit = math.inf if max_moves is None else max_moves
        #: per (person index, type): the parts given, in the moving order: (level counted, col, cases)
        self.parts: dict[tuple[int, str], list[tuple[str, int, int]]] = {}
        self.inc: list[tuple[int, str, str, int]] = []  # (person index, type, level, col)
        self.binaries: list[tuple[int, int, int]] = []  # (col, part col before, its cases): "part full"
        self.roles: list[tuple[int, int, str]] = []  # (col, person index, type): 1 = gives
        terms: dict[int, list[tuple[int, float]]] = {}
        give_units: dict[int, list[tuple[float, float]]] = {}
        take_units: dict[int, list[tuple[float, float]]] = {}
        types = dict.fromkeys(t for p in problem.persons for t in p.counts)
        for case_type in types:
            norm = problem.norm_set.norm_for(case_type)
            takers = problem.receivers(case_type)
            taker_ids = {p.index for p in takers}

            def units(level: str, norm=norm) -> float:
                counted = weighting.default_level if level == NOT_ASSESSED else level
                return problem.units / (norm.max / weighting.factor(counted, norm))

            supply: dict[str, int] = {}
            givers = []
            for person in problem.persons:
                held = person.counts.get(case_type, 0)
                if not held or not taker_ids - {person.index}:
                    continue
                member = staff[person.index]
                left, parts = limit, []
                for level, n in moving_order(member.levels, case_type, member.counts.get(case_type, 0)):
                    if left <= 0:
                        break
                    upper = int(min(n, left))
                    counted = weighting.default_level if level == NOT_ASSESSED else level
                    (col,) = milp.add_cols([0.0], [float(upper)], [0.0])
                    parts.append((counted, col, upper))
                    u = units(level)
                    terms.setdefault(person.index, []).append((col, -u))
                    give_units.setdefault(person.index, []).append((u, float(upper)))
                    supply[counted] = supply.get(counted, 0) + upper
                    left -= n
                for (_l, before, cases), (_l2, after, upper) in itertools.pairwise(parts):
                    (b,) = milp.add_cols([0.0], [1.0], [0.0])  # the part before is given in full
                    milp.add_row(0.0, math.inf, [before, b], [1.0, -float(cases)])
                    milp.add_row(-math.inf, 0.0, [after, b], [1.0, -float(upper)])
                    self.binaries.append((b, before, cases))
                self.parts[person.index, case_type] = parts
                givers.append(person.index)
            if not supply:
                continue
            most = float(min(sum(supply.values()), limit))
            per_level: dict[str, list[int]] = {level: [] for level in supply}
            for person in takers:
                cols = []
                for level, total in supply.items():
                    (col,) = milp.add_cols([0.0], [float(min(total, limit))], [0.0])
                    per_level[level].append(col)
                    self.inc.append((person.index, case_type, level, col))
                    cols.append(col)
                    u = units(level)
                    terms.setdefault(person.index, []).append((col, u))
                    take_units.setdefault(person.index, []).append((u, float(min(total, limit))))
                if person.index in givers:  # gives or receives, not both
                    (z,) = milp.add_cols([0.0], [1.0], [0.0])
                    gives = [c for _l, c, _n in self.parts[person.index, case_type]]
                    held = float(sum(n for _l, _c, n in self.parts[person.index, case_type]))
                    milp.add_row(-math.inf, 0.0, [*gives, z], [1.0] * len(gives) + [-held])
                    milp.add_row(-math.inf, most, [*cols, z], [1.0] * len(cols) + [most])
                    self.roles.append((z, person.index, case_type))
            for level, cols in per_level.items():
                given = [c for i in givers for lv, c, _n in self.parts[i, case_type] if lv == level]
                milp.add_row(0.0, 0.0, [*cols, *given], [1.0] * len(cols) + [-1.0] * len(given))
        self.give_cols = [c for parts in self.parts.values() for _l, c, _n in parts]
        self.moves_row = milp.add_row(-math.inf, float(limit), self.give_cols, [1.0] * len(self.give_cols))
        by_index = {p.index: p for p in problem.persons}
        self.people = sorted(terms)
        self.max_moves = max_moves
        #: per row, (units of one case, most cases) of what the person may give (their order left
        #: out: the bounds taken from it in ``budget`` hold all the more with it)
        self.gives = [give_units.get(i, []) for i in self.people]
        self.rows = []
        for i in self.people:
            person = by_index[i]
            base = problem.work(person)
            cols = terms[i]
            self.rows.append(LoadRow(base, tuple(c for c, _k in cols), tuple(k for _c, k in cols),
                                     base - most_work(give_units.get(i, []), limit),
                                     base + most_work(take_units.get(i, []), limit),
                                     problem.units * person.capacity, problem.integral))

    def budget(self, rows: list, level: float, count: int = 0, top: float | None = None):
        """Bounds from the move limit for ``milp.leximin``, as ``rebalance``'s model gives them
        (see ``_MoveModel.budget`` there): every person must give at least the fewest cases that
        bring them to ``level`` (or, for ``count`` of them, to ``top``); the limit less those
        cases is the spare; nobody sheds more work than their own cases plus the spare can, the
        heaviest first."""
        from sagstal_desktop.core.planning.move_bounds import as_budget, move_bounds

        if self.max_moves is None:
            return None
        found = move_bounds(rows, self.gives, self.max_moves, level, count, top)
        return None if found is None else (found[0], as_budget(*found))

    def start_from(self, moves: Sequence[Move]) -> None:
        """Make ``moves`` (a plan within the move limit, each giver only giving its type) the
        current solution: the parts each giver's cases come from, and the levels each receiver
        gets as ``move_cases`` moves them."""
        values = self.milp.values
        for i in range(len(values)):
            values[i] = 0.0
        index = {m.id: i for i, m in enumerate(self.problem.team.staff)}
        people: dict[int, SimpleNamespace] = {}

        def state(i: int) -> SimpleNamespace:
            if i not in people:
                member = self.problem.team.staff[i]
                people[i] = SimpleNamespace(counts=dict(member.counts),
                                            levels={t: dict(s) for t, s in (member.levels or {}).items()})
            return people[i]

        given: dict[tuple[int, str], int] = {}
        got: dict[tuple[int, str, str], int] = {}
        for move in moves:
            g, r = index[move.from_id], index[move.to_id]
            giver = state(g)
            before = {lv: n for lv, n in moving_order(giver.levels, move.case_type,
                                                      giver.counts.get(move.case_type, 0))}
            move_cases(giver, state(r), move.case_type, move.cases)
            after = {lv: n for lv, n in moving_order(giver.levels, move.case_type,
                                                     giver.counts.get(move.case_type, 0))}
            weighting = self.problem.team.settings.weighting
            for level, n in before.items():
                k = n - after.get(level, 0)
                if k:
                    counted = weighting.default_level if level == NOT_ASSESSED else level
                    got[r, move.case_type, counted] = got.get((r, move.case_type, counted), 0) + k
            given[g, move.case_type] = given.get((g, move.case_type), 0) + move.cases
        for (g, case_type), n in given.items():
            for _level, col, cases in self.parts.get((g, case_type), []):
                take = min(n, cases)
                values[col] = float(take)
                n -= take
        for i, case_type, level, col in self.inc:
            values[col] = float(got.get((i, case_type, level), 0))
        for b, before, cases in self.binaries:
            values[b] = 1.0 if values[before] >= cases - 0.5 else 0.0
        for z, i, case_type in self.roles:
            values[z] = 1.0 if given.get((i, case_type)) else 0.0

    def fewest_moves_costs(self) -> dict[int, float]:
        """Moved cases first; then, as the stable tie-break, receivers earlier in the team."""
        weight = float(len(self.problem.team.staff) * (self.moved() + 1) + 1)
        costs = dict.fromkeys(self.give_cols, weight)
        costs.update({c: float(i + 1) for i, _t, _l, c in self.inc})
        return costs

    def moved(self) -> int:
        return round(sum(self.milp.values[c] for c in self.give_cols))

    def fewest_over(self) -> tuple[bool, float]:
        """Minimise the staff over DS's maximum and keep that number (as ``rebalance``'s model)."""
        from sagstal_desktop.core.planning.milp import fewest_over

        return fewest_over(self.milp, self.rows)

    def moves(self) -> list[Move]:
        """The solution as moves: per type, each giver in team order gives its parts in the moving
        order, each part to the receivers of its level in team order (moves to the same receiver
        one after another joined)."""
        values, staff = self.milp.values, self.problem.team.staff
        moves: list[Move] = []
        for case_type in dict.fromkeys(t for _i, t in self.parts):
            wanted: dict[str, list[list[int]]] = {}
            for i, t, level, col in self.inc:
                if t == case_type and values[col] > 0.5:
                    wanted.setdefault(level, []).append([i, round(values[col])])
            for (g, t), parts in sorted(self.parts.items()):
                if t != case_type:
                    continue
                for level, col, _cases in parts:
                    n = round(values[col])
                    queue = wanted.get(level, [])
                    while n > 0 and queue:
                        r, want = queue[0]
                        k = min(n, want)
                        giver, taker = staff[g], staff[r]
                        if moves and (moves[-1].from_id, moves[-1].to_id, moves[-1].case_type) == (
                                giver.id, taker.id, case_type):
                            last = moves.pop()
                            k_total = last.cases + k
                        else:
                            k_total = k
                        moves.append(Move(giver.id, giver.name, taker.id, taker.name, case_type, k_total))
                        n -= k
                        queue[0][1] -= k
                        if not queue[0][1]:
                            queue.pop(0)
        return moves


def _prefix_work(parts: list[tuple[float, float]], limit: float) -> float:
    """The work of the first ``limit`` cases of ``parts`` (units, cases), in the moving order."""
    work, left = 0.0, limit
    for units, cases in parts:
        take = min(cases, left)
        work += units * take
        left -= take
        if left <= 0:
            break
    return work


def level_rebalance(problem: PlanningProblem, max_moves: int | None, deadline: float, aim: str,
                    start: Sequence[Move], cancelled: Callable[[], bool] | None = None):
    """The best plan for ``aim`` with at most ``max_moves`` moved cases, exact for the cases'
    levels, beginning from ``start`` (a plan of ``rebalance``'s model). Returns (moves, optimal,
    gap, levels proven, staff at them, every load proven, highest load proven)."""
    from sagstal_desktop.core.planning.milp import leximin

    model = LevelModel(problem, deadline, max_moves, cancelled)
    if not model.rows:
        return [], True, 0.0, 0, 0, True, True
    model.start_from(start)
    optimal, gap = True, 0.0
    levels, staff, loads_proven, top = 0, 0, False, False
    if aim == "fewest-over":
        optimal, gap = model.fewest_over()
    if optimal:
        outcome = leximin(model.milp, model.rows, budget=model.budget)
        optimal, gap = outcome.optimal, outcome.gap
        levels, loads_proven = len(outcome.levels), outcome.optimal
        staff = outcome.levels[-1][1] if outcome.levels else 0
        top = bool(outcome.levels)
    if optimal:
        fewest = model.milp.solve(model.fewest_moves_costs())
        optimal, gap = fewest.optimal, fewest.gap
    return model.moves(), optimal, gap, levels, staff, loads_proven, top


def applied(problem: PlanningProblem, moves: Sequence[Move]):
    """The team with ``moves`` applied one by one (``move_cases``: the cases keep their level)."""
    from sagstal_desktop.core.planning.distribute import light_copy

    after = light_copy(problem.team)
    by_id = {m.id: m for m in after.staff}
    for move in moves:
        move_cases(by_id[move.from_id], by_id[move.to_id], move.case_type, move.cases)
    return after


def level_point(problem: PlanningProblem, max_moves: int, aim: str, deadline: float, fallback,
                cancelled: Callable[[], bool] | None = None):
    """A trade-off point (``TradeoffPoint``) exact for the cases' levels: for ``even`` the lowest
    highest load with at most ``max_moves`` moved cases, for ``fewest-over`` the fewest staff over
    the maximum and then the lowest highest load; with the fewest moves reaching it. Where the
    deadline cuts it short, ``fallback`` (the point of ``rebalance``'s model) without a proof."""
    from sagstal_desktop.core.planning.distribute import person_changes
    from sagstal_desktop.core.planning.milp import lowest_max
    from sagstal_desktop.core.planning.result import TradeoffPoint, is_over

    model = LevelModel(problem, deadline, max_moves, cancelled)
    optimal = True
    if model.rows and max_moves > 0:
        if aim == "fewest-over":
            optimal, _gap = model.fewest_over()
        if optimal:
            _level, optimal, _gap, _rows = lowest_max(model.milp, model.rows, list(range(len(model.rows))))
        if optimal:
            optimal = model.milp.solve(dict.fromkeys(model.give_cols, 1.0)).optimal
    if not optimal:
        return TradeoffPoint(fallback.max_moves, fallback.max_load, fallback.over_count, fallback.moved_cases,
                             False, math.inf)
    moves = model.moves() if model.rows and max_moves > 0 else []
    loads = [p.load_after for p in person_changes(problem, applied(problem, moves))]
    computable = [x for x in loads if x is not None]
    return TradeoffPoint(max_moves, max(computable, default=None), sum(1 for x in computable if is_over(x)),
                         sum(m.cases for m in moves), True, 0.0)

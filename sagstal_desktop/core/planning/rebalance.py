"""Rebalance: move existing cases between people so that the highest load falls (then the next
highest, ...: leximin), with at most K moved cases, and among the best such plans the one with
fewest moved cases (every change of caseworker costs the citizen). The receiver must be
competent for the type and take new cases; people marked "no new cases" may only give; people
without casework capacity take no part.

The integer program works on net changes: per person and type, cases given (``dec``, at most
those held) and received (``inc``, only where allowed); per type given = received, so totals
per type never change; moved cases = sum of ``dec``. Any net change is realised by exactly that
many single moves, paired giver to receiver in team order.

``tradeoff`` gives, for K = 0, 1, ..., the lowest possible highest load with at most K moved
cases and the staff over DS's maximum in the plan reaching it with fewest moves, until full
balance (the highest load equals the capacity-weighted average load, or the highest person has
nothing anyone else may take) or the cap.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from datetime import date

from sagstal_desktop.core.load import EPSILON
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.core.planning.distribute import TIME_LIMIT, person_changes
from sagstal_desktop.core.planning.errors import PlanningCancelled, PlanningError
from sagstal_desktop.core.planning.problem import LEVEL_TOLERANCE, PlanningProblem, build_problem
from sagstal_desktop.core.planning.result import Move, Rebalance, TradeoffPoint

#: The trade-off stops at this many moved cases (or earlier, where full balance is reached).
TRADEOFF_CAP = 20
#: Seconds for the steps after the highest load is proven (the lower levels of leximin, then
#: fewest moves): each is a small integer program, but a large team has one per person, and
#: the plan is wanted promptly; within the overall time limit.
REST_LIMIT = 1.5


class _MoveModel:
    """The integer program of net moves for one team."""

    def __init__(self, problem: PlanningProblem, deadline: float, max_moves: int | None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        from sagstal_desktop.core.planning.milp import LoadRow, Milp

        self.problem = problem
        self.milp = milp = Milp(deadline, cancelled=cancelled)
        self.dec: list[tuple[int, str, int]] = []  # (person index, type, column)
        self.inc: list[tuple[int, str, int]] = []
        terms: dict[int, list[tuple[int, float, float]]] = {}  # person -> (column, coefficient, bound)
        held: dict[str, int] = {}
        for person in problem.persons:
            for case_type, n in person.counts.items():
                held[case_type] = held.get(case_type, 0) + n
        for case_type, total in held.items():
            units = problem.case_units(case_type)
            givers = [p for p in problem.persons if p.counts.get(case_type)]
            takers = problem.receivers(case_type)
            if not takers or not givers or {p.index for p in givers} | {p.index for p in takers} == {
                    givers[0].index}:
                continue
            dec = milp.add_cols([0.0] * len(givers), [float(p.counts[case_type]) for p in givers], [0.0] * len(givers))
            inc = milp.add_cols([0.0] * len(takers), [float(total)] * len(takers), [0.0] * len(takers))
            milp.add_row(0.0, 0.0, [*inc, *dec], [1.0] * len(inc) + [-1.0] * len(dec))
            for person, col in zip(givers, dec, strict=True):
                self.dec.append((person.index, case_type, col))
                terms.setdefault(person.index, []).append((col, -units, person.counts[case_type]))
            for person, col in zip(takers, inc, strict=True):
                self.inc.append((person.index, case_type, col))
                terms.setdefault(person.index, []).append((col, units, total))
        dec_cols = [c for _i, _t, c in self.dec]
        limit = math.inf if max_moves is None else float(max_moves)
        self.moves_row = milp.add_row(-math.inf, limit, dec_cols, [1.0] * len(dec_cols))
        by_index = {p.index: p for p in problem.persons}
        self.people = sorted(terms)
        self.rows = []
        for i in self.people:
            base = problem.work(by_index[i])
            cols = terms[i]
            self.rows.append(LoadRow(
                base, tuple(c for c, _k, _b in cols), tuple(k for _c, k, _b in cols),
                base + sum(min(k, 0.0) * b for _c, k, b in cols), base + sum(max(k, 0.0) * b for _c, k, b in cols),
                problem.units * by_index[i].capacity, problem.integral,
            ))

    def set_max_moves(self, max_moves: int | None) -> None:
        self.milp.set_row_upper(self.moves_row, math.inf if max_moves is None else float(max_moves))

    def start_from(self, moves: list[Move]) -> None:
        """Make ``moves`` (a plan within the move limit) the current solution."""
        index = {m.id: i for i, m in enumerate(self.problem.team.staff)}
        dec = {(i, t): c for i, t, c in self.dec}
        inc = {(i, t): c for i, t, c in self.inc}
        values = self.milp.values
        for c in dec.values():
            values[c] = 0.0
        for c in inc.values():
            values[c] = 0.0
        for move in moves:
            values[dec[index[move.from_id], move.case_type]] += move.cases
            values[inc[index[move.to_id], move.case_type]] += move.cases

    def fewest_moves_costs(self) -> dict[int, float]:
        """Moved cases first; then, as the stable tie-break, receivers earlier in the team."""
        weight = float(len(self.problem.team.staff) * (sum(self.milp.values[c] for _i, _t, c in self.dec) + 1) + 1)
        costs = {c: weight for _i, _t, c in self.dec}
        costs.update({c: float(i + 1) for i, _t, c in self.inc})
        return costs

    def moved(self) -> int:
        return round(sum(self.milp.values[c] for _i, _t, c in self.dec))

    def moves(self) -> list[Move]:
        """The solution as moves, giver to receiver in team order, per case type."""
        values, staff = self.milp.values, self.problem.team.staff
        moves = []
        for case_type in dict.fromkeys(t for _i, t, _c in self.dec):
            givers = [[i, round(values[c])] for i, t, c in self.dec if t == case_type and values[c] > 0.5]
            takers = [[i, round(values[c])] for i, t, c in self.inc if t == case_type and values[c] > 0.5]
            # a person both giving and receiving a type nets out (never in a fewest-moves plan)
            for g in givers:
                for r in takers:
                    if g[0] == r[0]:
                        both = min(g[1], r[1])
                        g[1] -= both
                        r[1] -= both
            gi = ri = 0
            while gi < len(givers) and ri < len(takers):
                if givers[gi][1] == 0:
                    gi += 1
                    continue
                if takers[ri][1] == 0:
                    ri += 1
                    continue
                cases = min(givers[gi][1], takers[ri][1])
                giver, taker = staff[givers[gi][0]], staff[takers[ri][0]]
                moves.append(Move(giver.id, giver.name, taker.id, taker.name, case_type, cases))
                givers[gi][1] -= cases
                takers[ri][1] -= cases
        return moves


def _apply(team: Team, moves: list[Move]) -> Team:
    after = team.copy()
    by_id = {m.id: m for m in after.staff}
    for move in moves:
        giver, taker = by_id[move.from_id].counts, by_id[move.to_id].counts
        giver[move.case_type] -= move.cases
        taker[move.case_type] = taker.get(move.case_type, 0) + move.cases
    return after


def rebalance(team: Team, max_moves: int, as_of: date | None = None, norm_set: NormSet | None = None,
              time_limit: float = TIME_LIMIT, cancelled: Callable[[], bool] | None = None,
              rest_limit: float = REST_LIMIT) -> Rebalance:
    """The leximin-optimal plan with at most ``max_moves`` moved cases, with fewest moves.
    ``cancelled()`` is asked before every solve; true raises ``PlanningCancelled``.

    The highest load comes first, as in ``tradeoff``: where ``shedding.shed`` proves it, its
    plan is the integer program's starting solution and the level is fixed without a solve;
    the lower levels of leximin then follow one small step at a time (each a feasibility probe
    or a count), all of them and the fewest-moves step within ``rest_limit`` seconds (and the
    overall ``time_limit``). When a step is cut short, the best plan found so far is kept: its
    highest load is never above the proven one, and the result says which part is proven
    (``max_load_proven``; ``gap`` is that of the step cut short)."""
    from sagstal_desktop.core.planning.shedding import shed

    if max_moves < 0:
        raise PlanningError("negative_moves", max_moves)
    problem = build_problem(team, as_of, norm_set)
    model = _MoveModel(problem, time.perf_counter() + time_limit, max_moves, cancelled)
    optimal, gap, top_proven = True, 0.0, True
    if model.rows and max_moves > 0:
        from sagstal_desktop.core.planning.milp import leximin

        level, start, _more = shed(problem, max_moves)
        top_floor = None
        if start is not None:
            model.start_from(start)
            top_floor = level
        outcome = leximin(model.milp, model.rows, top_floor, rest_limit)
        optimal, gap = outcome.optimal, outcome.gap
        top_proven = start is not None or bool(outcome.levels)
        if optimal:
            fewest = model.milp.solve(model.fewest_moves_costs())
            optimal, gap = fewest.optimal, fewest.gap
    moves = model.moves() if max_moves > 0 else []
    after = _apply(team, moves)
    return Rebalance(persons=person_changes(problem, after), optimal=optimal, gap=gap, team_after=after,
                     moves=tuple(moves), max_moves=max_moves, max_load_proven=top_proven)


def tradeoff(team: Team, as_of: date | None = None, norm_set: NormSet | None = None, cap: int = TRADEOFF_CAP,
             time_limit: float = TIME_LIMIT, progress: Callable[[int, int], None] | None = None,
             cancelled: Callable[[], bool] | None = None) -> list[TradeoffPoint]:
    """For K = 0, 1, ... up to ``cap`` (or until the highest load cannot fall further): the
    lowest highest load with at most K moved cases, and the staff over max in the fewest-moves
    plan for it. Each point comes from ``shedding.shed`` when its plan meets the lower bounds
    (proven), else from the integer program under the shared time limit. ``progress(k, cap)``
    is called after each point; when ``cancelled()`` turns true, ``PlanningCancelled`` is raised
    before the next point."""
    from sagstal_desktop.core.planning.shedding import removable_cases, shed

    problem = build_problem(team, as_of, norm_set)
    deadline = time.perf_counter() + time_limit
    fallback: _LowestMax | None = None
    points = []
    # no number of moves brings the highest load below the capacity-weighted average load
    work = sum(problem.work(p) for p in problem.persons)
    scale = sum(problem.units * p.capacity for p in problem.persons)
    balanced = work / scale if scale else 0.0
    removable = removable_cases(problem)
    for k in range(cap + 1):
        if cancelled is not None and cancelled():
            raise PlanningCancelled
        _level, moves, more = shed(problem, k, removable)
        if moves is not None:
            points.append(_point(problem, moves, k, True, 0.0))
        else:
            fallback = fallback or _LowestMax(problem, deadline, cancelled)
            optimal, gap = fallback.solve(k)
            points.append(_point(problem, fallback.model.moves(), k, optimal, gap))
        if progress is not None:
            progress(k + 1, cap + 1)
        if not more or (points[-1].max_load or 0.0) <= balanced + LEVEL_TOLERANCE:
            break
    return points


class _LowestMax:
    """The integer program for one trade-off point at a time, K rising (each level found stays
    valid for larger K, since the lowest highest load never rises with K)."""

    def __init__(self, problem: PlanningProblem, deadline: float, cancelled: Callable[[], bool] | None = None) -> None:
        self.model = _MoveModel(problem, deadline, 0, cancelled)

    def solve(self, max_moves: int) -> tuple[bool, float]:
        from sagstal_desktop.core.planning.milp import lowest_max

        model = self.model
        if not model.rows:
            return True, 0.0
        model.set_max_moves(max_moves)
        _level, proven, gap, _rows = lowest_max(model.milp, model.rows, list(range(len(model.rows))))
        if not proven:
            return False, gap
        fewest = model.milp.solve({c: 1.0 for _i, _t, c in model.dec})
        return fewest.optimal, fewest.gap


def _point(problem: PlanningProblem, moves: list[Move], max_moves: int, optimal: bool, gap: float) -> TradeoffPoint:
    loads = [p.load_after for p in person_changes(problem, _apply(problem.team, moves))]
    computable = [x for x in loads if x is not None]
    return TradeoffPoint(max_moves, max(computable, default=None), sum(1 for x in computable if x > 1.0 + EPSILON),
                         sum(m.cases for m in moves), optimal, gap)

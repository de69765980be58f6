"""Rebalance: move existing cases between people so that the highest load falls (then the next
highest, ...: leximin), with at most K moved cases, and among the best such plans the one with
fewest moved cases (every change of caseworker costs the citizen). The receiver must be
competent for the type and take new cases; people marked "no new cases" may only give; people
without casework capacity take no part.

The integer program works on net changes: per person and type, cases given (``dec``, at most
those held) and received (``inc``, only where allowed); per type given = received, so totals
per type never change; moved cases = sum of ``dec``. Any net change is realised by exactly that
many single moves, paired giver to receiver in team order.

Two aims: ``even`` (leximin as above) and ``fewest-over`` (first the fewest staff over DS's
maximum, then leximin among those plans). ``fewest-over`` never raises the number over the
maximum: moving nothing is always a plan, so the least number is at most today's.

``tradeoff`` gives, for K = 0, 1, ..., what at most K moved cases achieve for the aim, up to the
default K: the fewest moves that reach the best plan with at most ``TRADEOFF_CAP`` moves (full
balance, where that needs no more than the cap).

The leximin levels are proven mostly without solves: once the highest load is fixed, each
person above it must give at least the fewest cases that bring them to it, and where these
forced cases use (nearly) the whole move limit, everyone else keeps (nearly) their load; these
bounds (``_MoveModel.budget``, ``milp.Budget``) prove a level where the plan reaches them, and a
level held only by persons surely there adds one bound per person instead of a flag per person.
What the givers may give also bounds what each person may receive (``SUPPLY_BOUNDS``), so fewer
persons need a flag at a level; before a level's solves the received cases are placed again
greedily, each with the person it leaves lowest (``_MoveModel.receive_greedily``): where that plan
keeps every level found and reaches the level's bound, no solve is needed (the 200 x 10 bench
team at K = 20, seed 7: the staff from the 23rd to the 171st highest load without a solve, where
each of these levels took one before). The ``milp`` module names the model's other strengthenings.

Time: every solve runs within one deadline, the caller's ``time_limit``. ``plan_with_tradeoff``
(the CLI's and the window's default) gives the plan the first ``PLAN_SHARE`` of the limit and the
trade-off the rest (and whatever the plan left unused); a plan or a point says ``optimal=False``
only where a solve was cut short by that deadline, with the proven gap.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from sagstal_desktop.core.case_weight import move_cases
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.core.planning.case_levels import other_level_cases, with_levels
from sagstal_desktop.core.planning.distribute import TIME_LIMIT, light_copy, person_changes
from sagstal_desktop.core.planning.errors import PlanningCancelled, PlanningError, check_time_limit
from sagstal_desktop.core.planning.level_moves import level_point
from sagstal_desktop.core.planning.move_bounds import most_work
from sagstal_desktop.core.planning.problem import LEVEL_TOLERANCE, PlanningProblem, build_problem
from sagstal_desktop.core.planning.result import Move, Rebalance, TradeoffPoint, is_over

#: The default plan has at most this many moved cases, and the trade-off stops there (or
#: earlier, at the fewest moves reaching the best plan within the cap).
TRADEOFF_CAP = 20
#: The aims a plan may have (see the module docstring); the first is the default.
AIMS = ("even", "fewest-over")
#: Prove leximin levels from the move limit's bounds where they suffice (``_MoveModel.budget``);
#: False only for the benches' same-run baseline and the tests comparing both.
BUDGET_BOUNDS = True
#: Bound what each person may receive by what the givers may give (``_MoveModel.budget``):
#: smaller ``high`` bounds, so fewer persons need a flag at a level; False only for the benches.
SUPPLY_BOUNDS = True
#: Share of the time limit for the plan in ``plan_with_tradeoff``; the trade-off has the rest.
PLAN_SHARE = 2 / 3


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
        #: per row, (case type, column, most cases) of what the person may give and receive
        self.dec_by_row: dict[int, list[tuple[str, int, float]]] = {}
        self.inc_by_row: dict[int, list[tuple[str, int, float]]] = {}
        for i, t, c in self.dec:
            self.dec_by_row.setdefault(i, []).append((t, c, float(by_index_counts(problem, i, t))))
        for i, t, c in self.inc:
            self.inc_by_row.setdefault(i, []).append((t, c, float(held[t])))
        self.type_units = {t: problem.case_units(t) for t in held}
        dec_cols = [c for _i, _t, c in self.dec]
        limit = math.inf if max_moves is None else float(max_moves)
        self.moves_row = milp.add_row(-math.inf, limit, dec_cols, [1.0] * len(dec_cols))
        by_index = {p.index: p for p in problem.persons}
        self.people = sorted(terms)
        self.rows = []
        self.max_moves = max_moves
        #: per row, (units of one case, most cases) of what the person may give
        self.gives = [[(-k, b) for _c, k, b in terms[i] if k < 0] for i in self.people]
        for i in self.people:
            base = problem.work(by_index[i])
            cols = terms[i]
            self.rows.append(LoadRow(
                base, tuple(c for c, _k, _b in cols), tuple(k for _c, k, _b in cols),
                base - most_work([(-k, b) for _c, k, b in cols if k < 0], max_moves),
                base + most_work([(k, b) for _c, k, b in cols if k > 0], max_moves),
                problem.units * by_index[i].capacity, problem.integral,
            ))

    def set_max_moves(self, max_moves: int | None) -> None:
        self.max_moves = max_moves
        self.milp.set_row_upper(self.moves_row, math.inf if max_moves is None else float(max_moves))

    def budget(self, rows: list, level: float, count: int = 0, top: float | None = None) -> tuple[list, object] | None:
        """Bounds from the move limit (for ``milp.leximin``), once at most ``count`` persons lie
        above ``level`` and nobody above ``top`` (the highest load; None: ``level``). Each person
        must give at least the fewest cases that bring them to ``level`` (or, for the ``count``
        persons it suits best, to ``top``): ``forced`` in all. The limit less the forced cases is
        the ``spare``: nobody gives more than their own forced cases plus the spare, and at most
        ``spare`` persons give more than their own. Where the forced cases use the whole limit
        (typical: the plan spends its moves on the highest loads), everyone else keeps at least
        their load, and most levels are proven without a solve. Returns ``rows`` with tighter
        ``low`` bounds and the ``milp.Budget``, or None."""
        from sagstal_desktop.core.planning.move_bounds import as_budget, move_bounds

        if self.max_moves is None:
            return None
        found = move_bounds(rows, self.gives, self.max_moves, level, count, top)
        if found is None:
            return None
        tighter, mid, spare, most = found
        if SUPPLY_BOUNDS:
            tighter = self._supply_bounds(tighter, most)
        return tighter, as_budget(tighter, mid, spare, most)

    def _supply_bounds(self, rows: list, most: list[float]) -> list:
        """Each person gives at most ``most`` cases (per row), so each type's cases moved are at
        most what its holders may give (``supply``): every receiving column is bounded by it,
        and every person's ``high`` by the most work they may receive from it within the move
        limit. Returns ``rows`` with those ``high`` bounds."""
        supply: dict[str, float] = {}
        for i, cap in zip(self.people, most, strict=True):
            for case_type, _col, held in self.dec_by_row.get(i, ()):
                supply[case_type] = supply.get(case_type, 0.0) + min(held, max(cap, 0.0))
        out = []
        for i, row in zip(self.people, rows, strict=True):
            receivable = []
            for case_type, col, held in self.inc_by_row.get(i, ()):
                bound = min(held, supply.get(case_type, 0.0))
                self.milp.bound_col(col, bound)
                receivable.append((self.type_units[case_type], bound))
            high = row.base + most_work(receivable, self.max_moves)
            out.append(replace(row, high=max(row.low, min(row.high, high))) if high < row.high else row)
        return out

    def receive_greedily(self, values: list[float]) -> list[float] | None:
        """``values`` with the same cases given, and the cases received placed again one at a
        time, the largest first, each with the person it leaves lowest (ties: earlier in the
        team) among those who may take it and give nothing: a heuristic's plan for ``leximin``
        to try (it checks that the plan keeps every level found). None: some case has no place."""
        x = list(values)
        giving = {i for i, _t, c in self.dec if x[c] > 0.5}
        received: dict[str, int] = {}
        for _i, case_type, col in self.inc:
            received[case_type] = received.get(case_type, 0) + round(x[col])
            x[col] = 0.0
        work = [row.base + math.fsum(k * x[c] for c, k in zip(row.index, row.coef, strict=True)) for row in self.rows]
        takers: dict[str, list[tuple[int, int]]] = {}
        position = {i: r for r, i in enumerate(self.people)}
        for i, case_type, col in self.inc:
            if i not in giving:
                takers.setdefault(case_type, []).append((position[i], col))
        cases = sorted(((self.type_units[t], t) for t, n in received.items() for _ in range(n)), reverse=True)
        for units, case_type in cases:
            best = None
            for r, col in takers.get(case_type, ()):
                if x[col] + 1 > self.milp.upper(col, math.inf) + 1e-9:
                    continue
                key = ((work[r] + units) / self.rows[r].scale, self.people[r])
                if best is None or key < best[0]:
                    best = (key, r, col)
            if best is None:
                return None
            _key, r, col = best
            x[col] += 1.0
            work[r] += units
        return x

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

    def fewest_over(self) -> tuple[bool, float]:
        """Minimise the staff over DS's maximum (a binary per person who may end over it) and
        keep that number as a row; ``milp.values`` must be feasible. Returns (proven, gap)."""
        from sagstal_desktop.core.planning.milp import fewest_over

        return fewest_over(self.milp, self.rows)

    def floor_for_rows(self, level: float) -> float | None:
        """``level`` (the shedding bound on the whole team's highest load) as a bound on the
        highest load among the model's rows, or None where it says nothing about them: people
        outside the model (nobody may take their cases, they may take none) keep their load,
        and when one of them lies at or above the level, the rows' highest load may be lower."""
        inside = set(self.people)
        fixed = max((p.load for p in self.problem.persons if p.index not in inside), default=-math.inf)
        return level if level > fixed + LEVEL_TOLERANCE else None

    def clear_start(self) -> None:
        """Make "no moves" the current solution."""
        for i in range(self.milp.size):
            self.milp.values[i] = 0.0

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


def by_index_counts(problem: PlanningProblem, index: int, case_type: str) -> int:
    """The cases of ``case_type`` the person with ``index`` holds."""
    return next(p for p in problem.persons if p.index == index).counts.get(case_type, 0)


def _apply(team: Team, moves: list[Move]) -> Team:
    after = light_copy(team)
    by_id = {m.id: m for m in after.staff}
    for move in moves:  # case weight: the split follows the cases (core.case_weight.move_cases)
        move_cases(by_id[move.from_id], by_id[move.to_id], move.case_type, move.cases)
    return after


def _check_aim(aim: str) -> None:
    if aim not in AIMS:
        raise PlanningError("unknown_aim", aim)


def _over_count(problem: PlanningProblem, moves: list[Move]) -> int:
    return sum(1 for p in person_changes(problem, _apply(problem.team, moves)) if is_over(p.load_after))


def _start(problem: PlanningProblem, model: _MoveModel, moves: list[Move] | None, aim: str) -> bool:
    """Begin from the shedding plan ``moves`` where there is one (and, for ``fewest-over``, it
    does not raise the number over the maximum), else from no moves. True: ``moves`` is used."""
    if moves is not None and aim == "fewest-over" and moves:
        before = sum(1 for p in problem.persons if is_over(p.load))
        if _over_count(problem, moves) > before:
            moves = None
    if moves is None:
        model.clear_start()
        return False
    model.start_from(moves)
    return True


def rebalance(team: Team, max_moves: int | None, as_of: date | None = None, norm_set: NormSet | None = None,
              time_limit: float = TIME_LIMIT, cancelled: Callable[[], bool] | None = None,
              aim: str = "even", deadline: float | None = None) -> Rebalance:
    """The best plan for ``aim`` with at most ``max_moves`` moved cases (None: any number), with
    fewest moves. ``cancelled()`` is asked before every solve; true raises ``PlanningCancelled``.
    ``deadline`` (a ``time.perf_counter()`` value) overrides ``time_limit``.

    The highest load comes first, as in ``tradeoff``: where ``shedding.shed`` proves it, its
    plan is the integer program's starting solution and the level is fixed without a solve
    (``fewest-over`` first minimises the staff over the maximum); the lower levels of leximin
    then follow one step at a time (each a feasibility probe or a count), and the fewest-moves
    step last, all within the one deadline. When a step is cut short, the best plan found so far
    is kept: it keeps every level proven before, and the result says which part is proven
    (``max_load_proven``; ``gap`` is that of the step cut short)."""
    from sagstal_desktop.core.planning.shedding import removable_cases, shed

    _check_aim(aim)
    if max_moves is not None and max_moves < 0:
        raise PlanningError("negative_moves", max_moves)
    check_time_limit(time_limit)
    problem = build_problem(team, as_of, norm_set)
    deadline = time.perf_counter() + time_limit if deadline is None else deadline
    model = _MoveModel(problem, deadline, max_moves, cancelled)
    # no presolve: with it (even without the rules ``Milp.avoid_faulty_presolve`` leaves out)
    # HiGHS 1.16 proved a wrong leximin level on the benchmark's 15-person team (seed 8, K = 20:
    # the 9th highest load 0.9233 where 0.9216 is possible; tests/test_planning_rebalance.py)
    model.milp.h.setOptionValue("presolve", "off")
    removable = removable_cases(problem)
    limit = sum(len(cases) for cases in removable.values())
    limit = limit if max_moves is None else min(max_moves, limit)
    optimal, gap, top_proven = True, 0.0, True
    levels, staff, loads_proven = 0, 0, True
    if model.rows and limit > 0:
        from sagstal_desktop.core.planning.milp import leximin

        level, start, _more = shed(problem, limit, removable)
        used = _start(problem, model, start, aim)
        top_floor = model.floor_for_rows(level) if used or aim == "fewest-over" else None
        if aim == "fewest-over":
            optimal, gap = model.fewest_over()
        if optimal:
            outcome = leximin(model.milp, model.rows, top_floor, model.budget if BUDGET_BOUNDS else None,
                              model.receive_greedily)
            optimal, gap = outcome.optimal, outcome.gap
            top_proven = (used and aim == "even") or bool(outcome.levels)
            levels, loads_proven = len(outcome.levels), outcome.optimal
            staff = outcome.levels[-1][1] if outcome.levels else 0
        else:
            top_proven = loads_proven = False
        if optimal:
            fewest = model.milp.solve(model.fewest_moves_costs())
            optimal, gap = fewest.optimal, fewest.gap
    moves = model.moves() if limit > 0 else []
    after = _apply(team, moves)
    persons = person_changes(problem, after)
    plan = Rebalance(persons=persons, optimal=optimal, gap=gap, team_after=after, moves=tuple(moves),
                     max_moves=limit if max_moves is None else max_moves, max_load_proven=top_proven, aim=aim,
                     levels_proven=levels, staff_proven=staff, loads_proven=loads_proven)
    if aim == "fewest-over" and plan.over_count_after > plan.over_count_before:  # never (the start is kept),
        after = _apply(team, [])                                                 # but guaranteed
        plan = replace(plan, persons=person_changes(problem, after), team_after=after, moves=(), optimal=False,
                       max_load_proven=False, levels_proven=0, staff_proven=0, loads_proven=False)
    return with_levels(plan, problem, limit, deadline, cancelled)  # case weight: the cases' levels (case_levels.py)


def plan_with_tradeoff(team: Team, max_moves: int | None = None, as_of: date | None = None,
                       norm_set: NormSet | None = None, aim: str = "even", time_limit: float = TIME_LIMIT,
                       cap: int = TRADEOFF_CAP, progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> tuple[Rebalance, list[TradeoffPoint]]:
    """The plan and the trade-off list shown with it, both within ``time_limit`` seconds (the plan
    has the first ``PLAN_SHARE`` of it, the trade-off the rest). ``max_moves`` None: the default K,
    the fewest moves reaching the best plan with at most ``cap`` moves (full balance within the
    cap); the plan's ``max_moves`` is then that K (``cap`` where the time limit cut it short). The
    list runs from K = 0 to the plan's moves (to its K when not proven; at most ``cap``)."""
    _check_aim(aim)
    if max_moves is not None and max_moves < 0:
        raise PlanningError("negative_moves", max_moves)
    check_time_limit(time_limit)
    start = time.perf_counter()
    plan = rebalance(team, cap if max_moves is None else max_moves, as_of, norm_set, cancelled=cancelled, aim=aim,
                     deadline=start + time_limit * PLAN_SHARE)
    if max_moves is None and plan.optimal:
        plan = replace(plan, max_moves=plan.moved_cases)
    points = tradeoff(team, as_of, norm_set, cap=cap, progress=progress, cancelled=cancelled, aim=aim,
                      until=min(_full_balance(plan), cap), deadline=start + time_limit)
    return plan, with_plan(points, plan)


def with_plan(points: list[TradeoffPoint], plan: Rebalance) -> list[TradeoffPoint]:
    """``points`` with the points from the plan's moves to its K showing the plan itself: a proven
    plan with m moves of at most K is the best plan for every K' from m to K, and reaches the same
    highest load for the aim as those points; their staff over the maximum are then those of the
    plan that will be applied, not of another plan reaching that load."""
    if not plan.optimal:
        return points
    return [TradeoffPoint(p.max_moves, plan.max_load_after, plan.over_count_after, plan.moved_cases, True, 0.0)
            if plan.moved_cases <= p.max_moves <= plan.max_moves else p for p in points]


def _full_balance(plan: Rebalance) -> int:
    """Where the trade-off stops: the proven plan's moves (no more moves make it better for the
    aim), or, when the time limit cut the plan short, its K (where the best lies is not known)."""
    return plan.moved_cases if plan.optimal else plan.max_moves


def tradeoff(team: Team, as_of: date | None = None, norm_set: NormSet | None = None, cap: int = TRADEOFF_CAP,
             time_limit: float = TIME_LIMIT, progress: Callable[[int, int], None] | None = None,
             cancelled: Callable[[], bool] | None = None, aim: str = "even", until: int | None = None,
             deadline: float | None = None) -> list[TradeoffPoint]:
    """For K = 0, 1, ..., ``until`` (default: the moves of the best plan with at most ``cap``
    moves, found first within the time limit): what at most K moved cases achieve for ``aim``
    (see ``TradeoffPoint``). ``even``: each point comes from ``shedding.shed`` when its plan
    meets the lower bounds (proven), else from the integer program; ``fewest-over``: from the
    integer program. All within one deadline; once it has passed, the points left are not
    computed (the list ends early). ``progress(k, total)`` is called after each point; when
    ``cancelled()`` turns true, ``PlanningCancelled`` is raised before the next point."""
    from sagstal_desktop.core.planning.shedding import removable_cases, shed

    _check_aim(aim)
    check_time_limit(time_limit)
    now = time.perf_counter()
    deadline = now + time_limit if deadline is None else deadline
    if until is None:  # the plan first, with its share of the time (as in ``plan_with_tradeoff``)
        plan_deadline = now + max(0.0, deadline - now) * PLAN_SHARE
        until = _full_balance(rebalance(team, cap, as_of, norm_set, cancelled=cancelled, aim=aim,
                                        deadline=plan_deadline))
    last = max(0, min(cap, until))
    problem = build_problem(team, as_of, norm_set)
    fallback: _LowestMax | None = None
    points = []
    removable = removable_cases(problem)
    for k in range(last + 1):
        if cancelled is not None and cancelled():
            raise PlanningCancelled
        if k and time.perf_counter() >= deadline:
            break
        if aim == "fewest-over":
            points.append(_fewest_over_point(problem, k, removable, deadline, cancelled))
        else:
            _level, moves, _more = shed(problem, k, removable)
            if moves is not None:
                points.append(_point(problem, moves, k, True, 0.0))
            else:
                fallback = fallback or _LowestMax(problem, deadline, cancelled)
                optimal, gap = fallback.solve(k)
                points.append(_point(problem, fallback.model.moves(), k, optimal, gap))
        if other_level_cases(problem, k):  # case weight: the point exact for the cases' levels (case_levels.py)
            points[-1] = level_point(problem, k, aim, deadline, points[-1], cancelled)
        if progress is not None:
            progress(k + 1, last + 1)
    return points


def _fewest_over_point(problem: PlanningProblem, k: int, removable: dict, deadline: float,
                       cancelled: Callable[[], bool] | None) -> TradeoffPoint:
    """The fewest staff over the maximum with at most ``k`` moves, then the lowest highest load."""
    from sagstal_desktop.core.planning.milp import lowest_max
    from sagstal_desktop.core.planning.shedding import shed

    model = _MoveModel(problem, deadline, k, cancelled)
    if not model.rows or k == 0:
        return _point(problem, [], k, True, 0.0)
    level, start, _more = shed(problem, k, removable)
    _start(problem, model, start, "fewest-over")
    optimal, gap = model.fewest_over()
    if optimal:
        _level, optimal, gap, _rows = lowest_max(model.milp, model.rows, list(range(len(model.rows))),
                                                 proven_floor=model.floor_for_rows(level))
    if optimal:
        fewest = model.milp.solve({c: 1.0 for _i, _t, c in model.dec})
        optimal, gap = fewest.optimal, fewest.gap
    return _point(problem, model.moves(), k, optimal, gap)


class _LowestMax:
    """The integer program for one trade-off point at a time, K rising (each level found stays
    valid for larger K, since the lowest highest load never rises with K)."""

    def __init__(self, problem: PlanningProblem, deadline: float, cancelled: Callable[[], bool] | None = None) -> None:
        self.model = _MoveModel(problem, deadline, None, cancelled)  # bounds for any K (it rises)
        self.model.set_max_moves(0)

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
    return TradeoffPoint(max_moves, max(computable, default=None), sum(1 for x in computable if is_over(x)),
                         sum(m.cases for m in moves), optimal, gap)

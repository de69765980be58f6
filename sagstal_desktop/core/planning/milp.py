"""Exact lexicographic min-max (leximin) over integer allocations with HiGHS.

``Milp`` is a growing integer program (columns and rows are only added; objectives change).
``leximin`` minimises the loads' sorted vector (highest first) lexicographically, stage by
stage, and is exact for integer allocations because it fixes *levels and counts*, never which
person holds a level (fixing persons, as the LP method does, can cut off the optimum when the
variables are integers):

Stage j finds the least level t_j such that every person not flagged at the previous level can
lie at or below it (rows L_p <= t_j + M h_{p,j-1}), by a search over levels with feasibility
problems: "is there an allocation with all these loads below the best level found?" until the
answer is a proven no. Loads are compared in integer work units (see ``problem.work_units``),
so "L_p <= t" becomes "work_p <= floor(t * S * capacity_p)", which keeps the integer program
tight and exact. With t_j fixed, a
binary h_{p,j} per person and the row L_p <= t_j - delta + M h_{p,j} flag the persons at the
level; minimising the number of flags gives C_j, the least number of persons at or above t_j,
and the row sum_p h_{p,j} <= C_j is kept. The kept rows say exactly "the C_{j-1}+1-th highest
load is at most t_j" for every level, i.e. the sorted vector is componentwise at most the
levels found. Every feasible point then has the optimal prefix (a componentwise smaller prefix
would be lexicographically smaller than the optimum's), so the next stage minimises the next
sorted position over exactly the allocations sharing the optimal prefix. By induction the last
stage leaves the leximin-optimal set; a further objective (fewest moves, the stable tie-break)
is then minimised over that set. Loads closer than ``LEVEL_TOLERANCE`` count as equal.

The model is kept small and tight (each switchable for the benches' comparison): a flag column
whose row the person's load keeps anyway (its ``high`` fell below that level) is fixed at 0 and,
once there are many, deleted with its row (``DROP_DEAD_FLAGS``, ``COMPACT``); a load row's room is
rounded down to the gcd of its live coefficients, so the relaxation cannot hold part of a case
below a level (``STEPS``); the load rows are held divided by that factor, since HiGHS 1.16 with
coefficients of 10^5 work units and a tolerance of 1e-9 once proved a feasible count infeasible
(``ROW_DIVISOR``); a heuristic's plan, checked against every row, is tried before a level's solves
(``HEURISTIC_START``).

Every solve has a time limit. When it is hit the best allocation found so far is kept (it is
feasible for every level fixed before) and the result says ``optimal=False`` with HiGHS's
proven relative gap of the stage that was cut short.
"""

from __future__ import annotations

import bisect
import contextlib
import enum
import math
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from sagstal_desktop.core.planning.errors import PlanningCancelled
from sagstal_desktop.core.planning.problem import LEVEL_TOLERANCE

#: HiGHS presolve rules left out once levels are flagged (``Milp.avoid_faulty_presolve``): bit 12
#: the aggregator, bit 17 dual fixing (HiGHS 1.16's PresolveRuleType).
_FAULTY_PRESOLVE_RULES = (1 << 12) | (1 << 17)
#: Bound the columns of persons who give nothing (``fix_columns``; with a budget only); False
#: only for the benches' same-run comparison.
FIX_COLUMNS = True
#: Fix at 0 the flag columns of earlier levels once the person's load is bounded below that
#: level (``_drop_dead_flags``); False only for the benches' same-run comparison.
DROP_DEAD_FLAGS = True
#: Round the rooms of the load rows down to the gcd of their live coefficients (``_with_steps``);
#: False only for the benches' same-run comparison.
STEPS = True
#: ``fix_columns`` also once the spare cases are spent mid-way (not only from the start); False
#: only for the benches' same-run comparison.
FIX_MIDWAY = True
#: Delete the dead flag columns and rows from the model (``_compact``) once there are at least
#: this many and this share of the columns; COMPACT False only for the benches' comparison.
COMPACT = True
COMPACT_AT = 200
COMPACT_SHARE = 0.25
#: Hold the load rows divided by their common factor (``Milp.add_row``); False only for the
#: benches' same-run comparison.
ROW_DIVISOR = True
#: Slack when a found level is fixed (well below LEVEL_TOLERANCE).
_FIX_SLACK = 1e-9
_banner_silenced = False


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """HiGHS prints a banner to the C-level stdout when the first solver is made; keep it out of
    the program's output (the CLI's JSON)."""
    try:
        sys.stdout.flush()
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # no real stdout (GUI, captured)
        yield
        return
    saved = os.dup(fd)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), fd)
            yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)


def _new_highs():
    global _banner_silenced
    import highspy  # lazily: only plans need the solver

    if _banner_silenced:
        return highspy.Highs()
    with _quiet_stdout():
        solver = highspy.Highs()
    _banner_silenced = True
    return solver



class Status(enum.Enum):
    OPTIMAL = "optimal"  # or, with no objective, feasible
    INFEASIBLE = "infeasible"
    LIMIT = "limit"  # time limit; ``values`` holds the best solution known


@dataclass
class SolveOutcome:
    status: Status
    gap: float  # HiGHS's relative gap (0 when optimal)
    objective: float

    @property
    def optimal(self) -> bool:
        return self.status is Status.OPTIMAL


@dataclass
class Milp:
    """A growing integer program, solved with HiGHS under an overall deadline."""

    deadline: float  # time.perf_counter() value
    values: list[float] = field(default_factory=list)  # the current (feasible) solution
    #: Asked before every solve; true stops the computation with ``PlanningCancelled``.
    cancelled: Callable[[], bool] | None = None

    def __post_init__(self) -> None:
        import highspy

        self._highspy = highspy
        self.h = _new_highs()
        for name, value in (("output_flag", False), ("mip_rel_gap", 0.0), ("mip_abs_gap", 1e-10),
                            ("mip_feasibility_tolerance", 1e-9), ("primal_feasibility_tolerance", 1e-9),
                            ("random_seed", 0), ("threads", 1)):
            self.h.setOptionValue(name, value)
        self.costed: list[int] = []
        self._upper: dict[int, float] = {}  # columns whose upper bound was lowered (``lower_upper``)
        self._divisor: dict[int, float] = {}  # rows held divided by a factor (``add_row``)
        self.integer: list[bool] = []
        self.rows = 0
        self.bounds_changed = 0  # counts the columns' bounds lowered (``_with_steps`` redoes its gcds)
        self.changed: set[int] = set()  # the columns whose bounds were lowered since ``_with_steps``
        self.fixed_room: dict[int, float] = {}  # per load row, the room ``fix_columns`` bounded at

    @property
    def size(self) -> int:
        return len(self.values)

    def add_cols(self, lower: Sequence[float], upper: Sequence[float], values: Sequence[float],
                 integer: bool = True) -> list[int]:
        import numpy as np

        count = len(lower)
        first = self.size
        self.h.addVars(count, np.asarray(lower, dtype=float), np.asarray(upper, dtype=float))
        index = list(range(first, first + count))
        if integer and count:
            self.h.changeColsIntegrality(count, np.asarray(index, dtype=np.int32),
                                         np.asarray([self._highspy.HighsVarType.kInteger] * count))
        self.values.extend(values)
        self.integer.extend([integer] * count)
        return index

    def add_row(self, lower: float, upper: float, index: Sequence[int], coef: Sequence[float],
                divisor: float = 1.0) -> int:
        """Add ``lower <= sum coef * x <= upper``, held divided by ``divisor`` (the load rows'
        common factor, ``LoadRow.divisor``: small coefficients keep HiGHS's propagation exact;
        with coefficients of 10^5 work units and its tolerance of 1e-9 it proved a feasible
        count infeasible). ``set_row_upper`` takes bounds in the row's own units."""
        import numpy as np

        if not ROW_DIVISOR:
            divisor = 1.0
        self.h.addRow(lower / divisor, upper / divisor, len(index), np.asarray(index, dtype=np.int32),
                      np.asarray(coef, dtype=float) / divisor)
        if divisor != 1.0:
            self._divisor[self.rows] = divisor
        self.rows += 1
        return self.rows - 1

    def avoid_faulty_presolve(self) -> None:
        """From now on solve without the two HiGHS presolve rules that, with the big-M rows that
        flag the persons at a level, proved a wrong optimum in HiGHS 1.16 (two persons at the
        highest level where one suffices, so the second-highest load was not the least possible;
        tests/test_planning_rebalance.py keeps the two teams found): the aggregator and dual
        fixing. Where this HiGHS numbers its rules otherwise (the option is refused), presolve
        is switched off altogether (slower: distributing 20 cases on 200 staff 2.1 s, not 0.6 s)."""
        status = self.h.setOptionValue("presolve_rule_off", _FAULTY_PRESOLVE_RULES)
        if status != self._highspy.HighsStatus.kOk:
            self.h.setOptionValue("presolve", "off")

    def _found(self, costs: dict[int, float]) -> list[float] | None:
        """The solution HiGHS found (integers rounded), [] when it has none, None when its
        objective is not the one HiGHS reports (so it is not the solution HiGHS proved)."""
        info = self.h.getInfo()
        if self.h.getModelStatus() == self._highspy.HighsModelStatus.kInfeasible or info.primal_solution_status != 2:
            return []
        found = [float(round(v)) if integer else v
                 for v, integer in zip(self.h.getSolution().col_value, self.integer, strict=True)]
        if costs and self.h.getModelStatus() == self._highspy.HighsModelStatus.kOptimal:
            mine = math.fsum(costs[c] * found[c] for c in costs)
            if abs(mine - info.objective_function_value) > 1e-6 * max(1.0, abs(mine)):
                return None
        return found

    def lower_upper(self, col: int, upper: float) -> None:
        """Lower a column's upper bound (never raises it; the current solution must keep it)."""
        self.bound_col(col, upper)

    def bound_col(self, col: int, upper: float) -> None:
        """As ``lower_upper`` (kept apart so the tests can count ``fix_columns``'s bounds)."""
        if upper < self._upper.get(col, math.inf):
            self._upper[col] = upper
            self.bounds_changed += 1
            self.changed.add(col)
            self.h.changeColBounds(col, 0.0, upper)

    def fix_zero(self, col: int) -> None:
        """Fix a column at 0 (the current solution is set to 0 there; the caller shows that this
        keeps it feasible)."""
        self._upper[col] = 0.0
        self.h.changeColBounds(col, 0.0, 0.0)
        self.values[col] = 0.0
        self.bounds_changed += 1
        self.changed.add(col)

    def compact(self, cols: Sequence[int], rows: Sequence[int]) -> tuple[list[int], list[int]]:
        """Delete columns fixed at 0 and rows without bounds (neither changes the feasible set of
        the other columns): smaller linear programs for the solves to come. Returns the new
        index of every old column and row (-1: deleted); the caller renumbers what it keeps."""
        import numpy as np

        gone_cols, gone_rows = set(cols), set(rows)
        if gone_cols:
            self.h.deleteCols(len(gone_cols), np.asarray(sorted(gone_cols), dtype=np.int32))
        if gone_rows:
            self.h.deleteRows(len(gone_rows), np.asarray(sorted(gone_rows), dtype=np.int32))
        col_map, row_map, n = [], [], 0
        for c in range(self.size):
            col_map.append(-1 if c in gone_cols else n)
            n += c not in gone_cols
        n = 0
        for r in range(self.rows):
            row_map.append(-1 if r in gone_rows else n)
            n += r not in gone_rows
        self.values = [v for c, v in enumerate(self.values) if c not in gone_cols]
        self.integer = [v for c, v in enumerate(self.integer) if c not in gone_cols]
        self._upper = {col_map[c]: u for c, u in self._upper.items() if col_map[c] >= 0}
        self.costed = [col_map[c] for c in self.costed if col_map[c] >= 0]
        self._divisor = {row_map[r]: d for r, d in self._divisor.items() if row_map[r] >= 0}
        self.changed = {col_map[c] for c in self.changed if col_map[c] >= 0}
        self.rows = n
        return col_map, row_map

    def upper(self, col: int, default: float) -> float:
        """A column's upper bound as lowered here (``bound_col``), else ``default``."""
        return min(default, self._upper.get(col, math.inf))

    def try_values(self, candidate: Sequence[float]) -> bool:
        """Make ``candidate`` the current solution when it is feasible: within every column's
        bounds, whole where the column is integer, and within every row's bounds (checked here
        against the model HiGHS holds, in work units up to 1e-9 of the row's value: a whole-unit
        row is broken by a whole unit at least). False: unchanged."""
        import numpy as np

        lp = self.h.getLp()
        x = np.asarray(candidate, dtype=float)
        if len(x) != self.size or np.any(x < np.asarray(lp.col_lower_) - 1e-9) or np.any(
                x > np.asarray(lp.col_upper_) + 1e-9):
            return False
        whole = np.asarray(self.integer, dtype=bool)
        if np.any(np.abs(x[whole] - np.round(x[whole])) > 1e-9):
            return False
        matrix = lp.a_matrix_
        start, index, value = (np.asarray(matrix.start_), np.asarray(matrix.index_, dtype=np.int64),
                               np.asarray(matrix.value_, dtype=float))
        lower, upper = np.asarray(lp.row_lower_, dtype=float), np.asarray(lp.row_upper_, dtype=float)
        activity = np.zeros(len(lower))
        if matrix.format_ == self._highspy.MatrixFormat.kRowwise:
            np.add.at(activity, np.repeat(np.arange(len(lower)), np.diff(start)), value * x[index])
        else:
            np.add.at(activity, index, value * np.repeat(x, np.diff(start)))
        scale = np.ones(len(lower))  # back to whole work units, where a row is held divided
        for row, divisor in self._divisor.items():
            scale[row] = divisor
        activity, lower, upper = activity * scale, lower * scale, upper * scale
        slack = 1e-9 * np.maximum(1.0, np.abs(activity))
        if np.any(activity < lower - slack) or np.any(activity > upper + slack):
            return False
        self.values = [float(v) for v in x]
        return True

    def set_row_upper(self, row: int, upper: float) -> None:
        self.h.changeRowBounds(row, -math.inf, upper / self._divisor.get(row, 1.0))

    def solve(self, costs: dict[int, float]) -> SolveOutcome:
        """Minimise ``costs`` (none: find any solution) from the current solution when it is
        feasible (a warm start). A better solution found replaces ``values``."""
        import numpy as np

        if self.cancelled is not None and self.cancelled():
            raise PlanningCancelled
        reset = [c for c in self.costed if c not in costs]
        if reset:
            self.h.changeColsCost(len(reset), np.asarray(reset, dtype=np.int32), np.zeros(len(reset)))
        cols = list(costs)
        if cols:
            self.h.changeColsCost(len(cols), np.asarray(cols, dtype=np.int32),
                                  np.asarray([costs[c] for c in cols]))
        self.costed = cols
        remaining = self.deadline - time.perf_counter()
        if remaining <= 0:
            return SolveOutcome(Status.LIMIT, math.inf, math.inf)
        self.h.setOptionValue("time_limit", remaining)
        solution = self._highspy.HighsSolution()
        solution.col_value = list(self.values)
        self.h.setSolution(solution)
        self.h.run()
        found = self._found(costs)
        if found is None and time.perf_counter() < self.deadline:
            # HiGHS 1.16 may report an optimum whose solution is still the warm start (seen when
            # presolve solves the model: objective 1, solution of objective 2); solve again cold
            self.h.clearSolver()
            self.h.setOptionValue("time_limit", max(self.deadline - time.perf_counter(), 1e-3))
            self.h.run()
            found = self._found(costs)
        status = self.h.getModelStatus()
        kinds = self._highspy.HighsModelStatus
        if status == kinds.kInfeasible:
            return SolveOutcome(Status.INFEASIBLE, 0.0, math.inf)
        info = self.h.getInfo()
        if found is None and status == kinds.kOptimal:  # an optimum we cannot see: not proven
            return SolveOutcome(Status.LIMIT, math.inf, sum(costs[c] * self.values[c] for c in cols))
        if found:
            self.values = found
        objective = sum(costs[c] * self.values[c] for c in cols)
        if status == kinds.kOptimal:
            return SolveOutcome(Status.OPTIMAL, 0.0, objective)
        bound = info.mip_dual_bound
        gap = abs(objective - bound) / max(abs(objective), 1e-9) if math.isfinite(bound) else math.inf
        return SolveOutcome(Status.LIMIT, gap, objective)


@dataclass(frozen=True)
class LoadRow:
    """A person's load in integer work units: work = base + sum coef * x[index] lies between
    ``low`` and ``high``; the load is work / ``scale`` (scale = S * capacity)."""

    base: float
    index: tuple[int, ...]
    coef: tuple[float, ...]
    low: float
    high: float
    scale: float
    integral: bool  # work is a whole number (then levels are rounded down to whole units)
    #: every sum coef * x is a multiple of ``step`` (whole units; 0: not known): the gcd of the
    #: coefficients of the columns not fixed at 0 (``_with_steps``), so rooms round down to it
    step: int = 0

    def divisor(self) -> float:
        """A factor of every coefficient (whole units): the ``step``, else the gcd of all; 1 when
        the work is not whole. The rows of this load are held divided by it (``Milp.add_row``)."""
        if not self.integral:
            return 1.0
        if self.step > 1:
            return float(self.step)
        factor = 0
        for coef in self.coef:
            factor = math.gcd(factor, abs(round(coef)))
        return float(factor) if factor > 1 else 1.0

    def value(self, values: Sequence[float]) -> float:
        return (self.base + math.fsum(c * values[i] for i, c in zip(self.index, self.coef, strict=True))) / self.scale

    def room(self, level: float) -> float:
        """The largest sum coef * x that keeps the load at or below ``level``."""
        work = level * self.scale
        room = (math.floor(work + 1e-6) if self.integral else work) - self.base
        return self.step * math.floor(room / self.step + 1e-9) if self.step > 1 and self.integral else room


@dataclass(frozen=True)
class Budget:
    """What a limit on the moved cases says once the highest load is fixed (rebalance): per
    person, the least load at all (``low``) and the least load without spending any of the
    ``spare`` cases (``mid``: the person gives no more than the highest load forces). Since the
    forced cases and the ``spare`` ones add up to the limit, at most ``spare`` persons lie below
    their ``mid`` (each such person gives at least one spare case). Loads, not work units.
    A person who gives nothing (``gives`` 0) only receives: ``fix_columns`` bounds what."""

    low: tuple[float, ...]
    mid: tuple[float, ...]
    spare: float
    #: per person, the most cases they give in any allocation (their forced cases plus the spare:
    #: every person gives at least their forced cases, and all give at most the limit); () unknown
    gives: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "mid", tuple(max(m, x) for m, x in zip(self.mid, self.low, strict=True)))
        object.__setattr__(self, "_lows", sorted(self.low))
        object.__setattr__(self, "_mids", sorted(self.mid))

    def at_least(self, level: float) -> int:
        """The fewest persons whose load is at or above ``level`` in any allocation: those whose
        least load is, and those whose ``mid`` is, less the ``spare`` persons who may drop."""
        n = len(self._lows)
        sure = n - bisect.bisect_left(self._lows, level)
        maybe = n - bisect.bisect_left(self._mids, level) - sure  # low < level <= mid (low <= mid)
        return sure + max(0, maybe - int(min(self.spare, n)))

    def floor(self, above: int) -> float:
        """A level that the (above+1)-th highest load of every allocation reaches: the highest
        value among the lows and mids with at least above+1 persons surely at or above it."""
        for value in sorted({*self.low, *self.mid}, reverse=True):  # at_least only grows as it falls
            if self.at_least(value) >= above + 1:
                return value
        return -math.inf


@dataclass
class LeximinOutcome:
    optimal: bool
    gap: float  # relative gap of the stage cut short (0 when optimal)
    levels: list[tuple[float, int]]  # (level, cumulative count) found


#: Propose a heuristic's solution before a level's solves (``leximin``'s ``improve``); False only
#: for the benches' same-run comparison.
HEURISTIC_START = True


def lowest_max(milp: Milp, loads: Sequence[LoadRow], people: Sequence[int],
               flags: Sequence[int | bool] | None = None, above: int = 0,
               proven_floor: float | None = None,
               budget: Budget | None = None, plain: dict[int, int] | None = None,
               candidate: Callable[[], list[float] | None] | None = None,
               ) -> tuple[float, bool, float, list[int]]:
    """The least level t such that the loads of ``people`` not flagged lie at or below it
    (people flagged by a column, at most ``above`` of them, may lie above). Rows "L_p <= t" are
    added and left in the model at the level found. Returns (level, proven, relative gap, rows).

    The search starts from a bound no allocation can beat: every load is at least its ``low``,
    so the (above+1)-th highest load is at least the (above+1)-th highest ``low``. Where the
    current solution reaches that bound (typical for people who receive nothing), no integer
    program is solved at all. ``proven_floor``, when given, is a level proven elsewhere (the
    shedding bound) that no allocation's highest load lies below; where the current solution
    reaches it, the level is proven without a solve. ``budget`` (see ``Budget``), when given,
    gives a tighter such bound. ``plain``: per person, a row ``L_p <= t`` kept from an earlier
    level, reused (its bound lowered) for a person with no flag, so the model does not grow by
    a row per person and level (levels only fall, so the lowered bound implies the old one).
    ``candidate()``, when given, proposes another solution (a heuristic's) before any solve;
    it becomes the current one where it is feasible (``Milp.try_values``) and reaches a lower
    level, so that fewer solves are needed (the proofs are unchanged)."""
    flags = flags or [False] * len(loads)
    low = min(loads[p].low / loads[p].scale for p in people)
    lows = sorted((row.low / row.scale for row in loads), reverse=True)
    bound = lows[above] if above < len(lows) else low
    if budget is not None:
        bound = max(bound, budget.floor(above))
    rows = {}
    for p in people:
        row = loads[p]
        if plain is not None and flags[p] is False:
            if p not in plain:
                plain[p] = milp.add_row(-math.inf, math.inf, row.index, row.coef, row.divisor())
            rows[p] = plain[p]
            continue
        index, coef = list(row.index), list(row.coef)
        if flags[p] is not False:
            index.append(flags[p])
            coef.append(-(row.high - row.base - row.room(low) + 1.0))
        rows[p] = milp.add_row(-math.inf, math.inf, index, coef, row.divisor())

    def best(values: Sequence[float] | None = None) -> float:
        if values is None:
            return max(loads[p].value(milp.values) for p in people if not _flag_value(flags[p], milp.values))
        return max((loads[p].value(values) for p in people if not _flag_value(flags[p], values)), default=math.inf)

    def limit(level: float) -> None:
        for p, r in rows.items():
            milp.set_row_upper(r, loads[p].room(level))

    high = best()  # reached by the current solution
    floor_ = max(low, bound) - LEVEL_TOLERANCE  # no allocation reaches a level at or below this
    if proven_floor is not None:
        floor_ = max(floor_, proven_floor - LEVEL_TOLERANCE / 2)
    if candidate is not None and floor_ < high - LEVEL_TOLERANCE:
        proposed = candidate()
        if proposed is not None and best(proposed) < high - LEVEL_TOLERANCE / 2 and milp.try_values(proposed):
            high = best()
    proven, gap = True, 0.0
    trial = high - LEVEL_TOLERANCE  # can it be improved at all?
    while floor_ < high - LEVEL_TOLERANCE:
        limit(trial)
        outcome = milp.solve({})
        if outcome.status is Status.INFEASIBLE:
            floor_ = trial
        elif outcome.status is Status.OPTIMAL:
            high = min(high, best())
        else:
            proven, gap = False, (high - max(floor_, 0.0)) / high if high > 0 else math.inf
            break
        trial = high - LEVEL_TOLERANCE  # descend: the start is usually close, so few probes
    limit(high)
    return high, proven, gap, list(rows.values())


def leximin(milp: Milp, loads: Sequence[LoadRow], top_floor: float | None = None,
            budget: Callable[..., tuple[list[LoadRow], Budget] | None] | None = None,
            improve: Callable[[Sequence[float]], list[float] | None] | None = None) -> LeximinOutcome:
    """Make ``milp``'s feasible set the leximin-optimal allocations of ``loads`` (see the module
    docstring); ``milp.values`` must hold a feasible solution and ends with an optimal one.
    ``top_floor``: a proven lower bound on the highest load (see ``lowest_max``). Every step runs
    within ``milp.deadline`` (the caller's time limit); when a step is cut short, ``levels``
    holds the levels proven before it, highest first, and ``milp.values`` the best allocation
    found, which keeps every level fixed before. ``budget(loads, level, count, top)``, when
    given, is asked once the highest load ``top`` is fixed (``budget(loads, top)``) and, while
    its ``spare`` is above 0, after every level (at most ``count`` persons above ``level``); it
    returns the rows with tighter ``low`` bounds and a ``Budget`` (or None): bounds that let
    levels be proven without a solve. ``improve(values)``, when given, returns another setting of
    the model's own columns (a heuristic's, from ``values``) or None; with the flag columns set to
    what its loads say, it is proposed to ``lowest_max`` (``candidate``)."""
    n = len(loads)
    spent: Budget | None = None
    plain: dict[int, int] = {}  # per person, its row L_p <= t without a flag (with ``budget`` only)
    fixing = False  # ``fix_columns`` after every level: where the budget has no spare case from the start
    levels: list[tuple[float, int]] = []
    flags: list[int | bool] = [False] * n  # of the previous level: a column, or a constant
    live: list[tuple[int, int, int, float]] = []  # flag columns not yet fixed: (person, column, row, room)
    stepped = -1  # ``milp.bounds_changed`` when the steps were last found
    dead: list[tuple[int, int]] = []  # flag columns fixed at 0 and their rows, not yet deleted

    def candidate() -> list[float] | None:
        proposed = improve(milp.values) if improve is not None and HEURISTIC_START else None
        if proposed is None:
            return None
        for p, col, _row, room in live:  # each flag at what the proposed loads need (the fewest)
            row = loads[p]
            proposed[col] = 1.0 if math.fsum(c * proposed[i] for i, c in zip(row.index, row.coef, strict=True)) > (
                room + 1e-9) else 0.0
        return proposed

    count = 0
    while count < n:
        if levels and time.perf_counter() >= milp.deadline:  # levels proven without solves: the
            return LeximinOutcome(False, _open_gap(loads, milp.values, count, spent), levels)  # time is up too
        free = [p for p in range(n) if flags[p] is not True]
        level, proven, gap, _rows = lowest_max(milp, loads, free, flags, count, None if levels else top_floor,
                                               spent, plain if spent is not None else None, candidate)
        if not proven:
            return LeximinOutcome(False, gap, levels)
        if not levels:  # no load exceeds the first level: tighter bounds for every later row
            milp.avoid_faulty_presolve()  # the flag rows below meet a HiGHS presolve fault (see there)
            loads = [replace(row, high=min(row.high, max(row.low, _floor_work(row, level)))) for row in loads]
            tighter = budget(loads, level) if budget is not None else None
            if tighter is not None:
                loads, spent = tighter
                fixing = spent.spare <= 0  # (with a spare case, fixing mid-way made bench seed 7 slower)
        elif spent is not None:  # persons without a flag now lie at or below the level: smaller big-Ms
            loads = [replace(row, high=max(row.low, min(row.high, _floor_work(row, level)))) if flags[p] is False
                     else row for p, row in enumerate(loads)]
        if spent is not None and (fixing or (FIX_MIDWAY and spent.spare <= 0)):
            fix_columns(milp, loads, spent)
        live = _drop_dead_flags(milp, loads, live, dead)
        if COMPACT and dead and len(dead) >= max(COMPACT_AT, COMPACT_SHARE * milp.size):
            flags, live, plain = _compact(milp, dead, flags, live, plain)
            dead = []
        if spent is not None and STEPS and milp.bounds_changed != stepped:
            loads, stepped = _with_steps(milp, loads), milp.bounds_changed
        # flag the persons at the level; as few as possible
        threshold = level - LEVEL_TOLERANCE
        if spent is not None and _only_sure_at(loads, milp.values, threshold, count):
            # the persons at the level in the plan are those surely there in every allocation, so
            # that is the fewest; everyone else lies below the level: a bound per person, no flags
            flags = []
            for p, row in enumerate(loads):
                sure = row.low / row.scale >= threshold
                flags.append(sure)
                if not sure and row.high / row.scale >= threshold:
                    if p not in plain:
                        plain[p] = milp.add_row(-math.inf, math.inf, row.index, row.coef, row.divisor())
                    milp.set_row_upper(plain[p], row.room(threshold))
            count = sum(flags)
            levels.append((level, count))
            loads, spent = _refined(budget, loads, spent, threshold, count, levels[0][0])
            continue
        new_flags: list[int | bool] = []
        columns: list[int] = []
        ones = 0
        for row in loads:
            if row.low / row.scale >= threshold:
                new_flags.append(True)
                ones += 1
            elif row.high / row.scale < threshold:
                new_flags.append(False)
            else:
                at_level = row.value(milp.values) >= threshold
                (col,) = milp.add_cols([0.0], [1.0], [1.0 if at_level else 0.0])
                room = row.room(threshold)
                flag_row = milp.add_row(-math.inf, room, [*row.index, col], [*row.coef, -(row.high - row.base - room)],
                                        row.divisor())
                live.append((len(new_flags), col, flag_row, room))
                new_flags.append(col)
                columns.append(col)
        in_solution = ones + sum(milp.values[c] for c in columns)
        least = ones if spent is None else max(ones, spent.at_least(threshold))
        if in_solution > max(count + 1, least) and columns:  # the heuristic's plan first: fewer at the level?
            proposed = candidate()
            if proposed is not None and ones + sum(proposed[c] for c in columns) < in_solution and milp.try_values(
                    proposed):
                in_solution = ones + sum(milp.values[c] for c in columns)
        if in_solution > max(count + 1, least) and columns:
            outcome = milp.solve(dict.fromkeys(columns, 1.0))
            if not outcome.optimal:
                return LeximinOutcome(False, outcome.gap, levels)
            in_solution = ones + sum(milp.values[c] for c in columns)
        count = max(round(in_solution), count + 1)
        if columns:
            milp.add_row(-math.inf, count - ones, columns, [1.0] * len(columns))
        levels.append((level, count))
        flags = new_flags
        if spent is not None:
            loads, spent = _refined(budget, loads, spent, threshold, count, levels[0][0])
    return LeximinOutcome(True, 0.0, levels)


def _open_gap(loads: Sequence[LoadRow], values: Sequence[float], count: int, spent: Budget | None) -> float:
    """The relative gap of the next level, not yet proven: between the plan's (count+1)-th highest
    load and the least it could be (the bounds)."""
    high = sorted((row.value(values) for row in loads), reverse=True)[count]
    floor_ = sorted((row.low / row.scale for row in loads), reverse=True)[count]
    if spent is not None:
        floor_ = max(floor_, spent.floor(count))
    return (high - max(floor_, 0.0)) / high if high > 0 else math.inf


def _refined(budget: Callable[..., tuple[list[LoadRow], Budget] | None], loads: list[LoadRow], spent: Budget,
             threshold: float, count: int, top: float) -> tuple[list[LoadRow], Budget]:
    """The budget's bounds once at most ``count`` persons lie above ``threshold`` (asked only
    while some of the limit is spare): lows can only rise, and the spare is the lesser."""
    if spent.spare <= 0:
        return loads, spent
    found = budget(loads, threshold, count, top)
    if found is None:
        return loads, spent
    tighter, new = found
    gives = tuple(map(min, new.gives, spent.gives)) if new.gives and spent.gives else new.gives or spent.gives
    if new.spare < spent.spare:
        return tighter, Budget(new.low, new.mid, new.spare, gives)
    return tighter, Budget(new.low, spent.mid, spent.spare, gives)



def fewest_over(milp: Milp, rows: Sequence[LoadRow]) -> tuple[bool, float]:
    """Minimise the staff over DS's maximum among ``rows`` (a binary per person who may end over
    it) and keep that number as a row; ``milp.values`` must be feasible (the start). Returns
    (proven, gap). The rebalance models (``rebalance``, ``level_moves``) both end with it."""
    columns = []
    for row in rows:
        room = row.room(1.0)  # the most added work that keeps the load at or below 100 %
        if row.high - row.base <= room or row.low - row.base > room:
            continue  # never over, or always over, whatever moves
        over = row.value(milp.values) * row.scale - row.base > room + 1e-9
        (col,) = milp.add_cols([0.0], [1.0], [1.0 if over else 0.0])
        milp.add_row(-math.inf, room, [*row.index, col], [*row.coef, -(row.high - row.base - room)])
        columns.append(col)
    if not columns:
        return True, 0.0
    milp.avoid_faulty_presolve()
    outcome = milp.solve(dict.fromkeys(columns, 1.0))
    if not outcome.optimal:
        return False, outcome.gap
    milp.add_row(-math.inf, float(round(sum(milp.values[c] for c in columns))), columns, [1.0] * len(columns))
    return True, 0.0

def fix_columns(milp: Milp, loads: Sequence[LoadRow], spent: Budget) -> None:
    """Bound the columns of persons who give nothing in any allocation (``Budget.gives`` 0):
    their cases given are 0, and each type's cases received at most what fits below their
    ``high`` (the work they may hold: received work = load - today's). Without presolve (see
    rebalance) HiGHS does not find these itself; smaller integer programs follow."""
    if not FIX_COLUMNS or not spent.gives:
        return
    for p, (row, gives) in enumerate(zip(loads, spent.gives, strict=True)):
        if gives > 0.5:
            continue
        room = row.high - row.base
        if milp.fixed_room.get(p) == room:  # bounded at this room already
            continue
        milp.fixed_room[p] = room
        for col, coef in zip(row.index, row.coef, strict=True):
            milp.lower_upper(col, 0.0 if coef < 0 else math.floor(max(room, 0.0) / coef + 1e-7))


def _compact(milp: Milp, dead: list[tuple[int, int]], flags: list[int | bool],
             live: list[tuple[int, int, int, float]], plain: dict[int, int],
             ) -> tuple[list[int | bool], list[tuple[int, int, int, float]], dict[int, int]]:
    """Delete the dead flag columns (fixed at 0) and their rows (without bounds) from the model
    (``Milp.compact``) and renumber what ``leximin`` keeps: a flag deleted is a flag at 0, i.e.
    none (False)."""
    col_map, row_map = milp.compact([c for c, _r in dead], [r for _c, r in dead])
    flags = [f if f is True or f is False else (col_map[f] if col_map[f] >= 0 else False) for f in flags]
    live = [(p, col_map[c], row_map[r], room) for p, c, r, room in live]
    plain = {p: row_map[r] for p, r in plain.items()}
    return flags, live, plain


def _with_steps(milp: Milp, loads: list[LoadRow]) -> list[LoadRow]:
    """The rows with their ``step``: the gcd of the whole-unit coefficients of the columns not
    fixed at 0 (every allocation's sum coef * x is a multiple of it), so that a row's room is the
    most work the person can really hold below a level (a single type's receiver: whole cases).
    The linear relaxation then cannot hold part of a case below the level."""
    out = []
    changed, milp.changed = milp.changed, set()
    for row in loads:
        if row.step and changed.isdisjoint(row.index):  # no bound of its columns changed
            out.append(row)
            continue
        step = 0
        if row.integral:
            for col, coef in zip(row.index, row.coef, strict=True):
                if milp.upper(col, math.inf) > 0.5:
                    step = math.gcd(step, abs(round(coef)))
        out.append(replace(row, step=step) if step != row.step else row)
    return out


def _drop_dead_flags(milp: Milp, loads: Sequence[LoadRow], live: list[tuple[int, int, int, float]],
                     dead: list[tuple[int, int]]) -> list[tuple[int, int, int, float]]:
    """Fix at 0 the flag columns whose row the person's load now keeps without the flag: their
    ``high`` (lowered to a later, lower level) lies within the row's room. Every allocation then
    keeps the row with the flag at 0, and a flag at 0 only loosens its count row, so the loads'
    feasible set is unchanged; the model keeps fewer live binaries (and the row is freed).
    Returns the columns still live; the fixed ones are added to ``dead`` (column, row)."""
    if not DROP_DEAD_FLAGS:
        return live
    kept = []
    for entry in live:
        p, col, row, room = entry
        if loads[p].high - loads[p].base <= room + 1e-9:
            milp.fix_zero(col)
            milp.h.changeRowBounds(row, -math.inf, math.inf)
            dead.append((col, row))
        else:
            kept.append(entry)
    return kept


def _only_sure_at(loads: Sequence[LoadRow], values: Sequence[float], threshold: float, count: int) -> bool:
    """True when the persons at or above ``threshold`` in ``values`` are exactly those whose least
    load (``low``) is (so no allocation has fewer there), and more than ``count`` of them."""
    sure = [row.low / row.scale >= threshold for row in loads]
    return sum(sure) > count and all((row.value(values) >= threshold) == s for row, s in zip(loads, sure, strict=True))


def _floor_work(row: LoadRow, level: float) -> float:
    """The most work the person can hold at or below ``level``."""
    return row.room(level) + row.base


def _flag_value(flag: int | bool, values: Sequence[float]) -> bool:
    if flag is True or flag is False:
        return flag
    return values[flag] > 0.5

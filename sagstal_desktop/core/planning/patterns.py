"""Exact leximin for distributing new cases, in the *pattern* formulation.

A person's pattern is how many cases of each incoming type they take; every person chooses
exactly one pattern (a binary z per person and pattern). A pattern's load is a constant, so
"at most c persons have a load above t" is one row over the binaries (the sum of z over the
patterns whose load lies above t), with no big-M rows and no flags, and the linear relaxation
is the convex hull of each person's own patterns (much tighter than the case-count model of
``milp.leximin``, whose big-M flag rows make every level a hard search).

Leximin as counts: for two allocations, the sorted load vectors (highest first) differ first at
the highest load value where the numbers of persons at that value differ, and the allocation with
fewer persons there is the better one. So the levels are found one by one exactly as in
``milp.leximin``: with ``count`` persons proven at or above the levels fixed so far, the next
level is the least t such that at most ``count`` persons lie above t (a descent over the
pattern loads: each probe asks "can the (count+1)-th highest load lie at or below the next lower
value?", until a proven no), and then the fewest persons at t are found and kept as a row. Loads
closer than ``LEVEL_TOLERANCE`` count as equal.

Persons with one pattern only (nothing they can take) have a constant load: constants do not
change which of two allocations is leximin-better (they add the same count at the same value),
so they are left out of the model.

Every solve runs within the caller's deadline; when one is cut short, the levels proven before
it are reported and the best allocation found (which keeps them) is returned.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sagstal_desktop.core.planning.milp import Milp, Status
from sagstal_desktop.core.planning.problem import LEVEL_TOLERANCE

#: The model is built only when the persons' patterns number at most this many in all (beyond
#: it ``milp.leximin``'s case-count model is used): a solver-size guard, not a planning figure.
MAX_PATTERNS = 40_000


@dataclass(frozen=True)
class Person:
    """One person in the pattern model: the work they hold, their load scale and, per incoming
    type they may take, (type position, units of one case, the most cases they may take)."""

    base: float
    scale: float
    integral: bool
    takes: tuple[tuple[int, float, int], ...]

    def patterns(self, top: float, limit: int) -> list[tuple[int, ...]] | None:
        """Every pattern (cases per type position, in ``takes`` order) whose load is at most
        ``top`` (with the level tolerance); None when there are more than ``limit``."""
        work = (top + LEVEL_TOLERANCE) * self.scale
        room = (math.floor(work + 1e-6) if self.integral else work + 1e-9) - self.base
        found: list[tuple[int, ...]] = []
        takes = self.takes
        # depth first, a type at a time, never past the room: the work is that of the patterns
        # found (not of every combination of counts, which for five types is millions)
        stack: list[tuple[tuple[int, ...], float]] = [((), 0.0)]
        while stack:
            counts, used = stack.pop()
            if len(counts) == len(takes):
                found.append(counts)
                if len(found) > limit:
                    return None
                continue
            _t, units, most = takes[len(counts)]
            for c in range(most, -1, -1):  # pushed highest first: popped (and listed) lowest first
                if used + c * units <= room:
                    stack.append(((*counts, c), used + c * units))
        return found

    def load(self, counts: Sequence[int]) -> float:
        return (self.base + math.fsum(c * u for c, (_t, u, _m) in zip(counts, self.takes, strict=True))) / self.scale


@dataclass
class PatternOutcome:
    choice: list[tuple[int, ...]]  # per person, the pattern chosen
    optimal: bool
    gap: float
    levels: int
    #: The loads of the levels proven, highest first, and the load above which every load of the
    #: plan is proven (the persons not yet at a proven level end at or below it; -inf: optimal)
    level_loads: list[float] = field(default_factory=list)
    proven_above: float = -math.inf


def build(persons: Sequence[Person], top: float, limit: int = MAX_PATTERNS) -> list[list[tuple[int, ...]]] | None:
    """Every person's patterns up to load ``top``; None when they number more than ``limit``."""
    out = []
    left = limit
    for person in persons:
        found = person.patterns(top, left)
        if found is None:
            return None
        left -= len(found)
        out.append(found)
    return out


def leximin_patterns(persons: Sequence[Person], patterns: Sequence[Sequence[tuple[int, ...]]],
                     totals: Sequence[int], start: Sequence[tuple[int, ...]], deadline: float,
                     rank_cost: Sequence[float], top_floor: float | None = None,
                     cancelled: Callable[[], bool] | None = None) -> PatternOutcome:
    """The leximin-optimal choice of one pattern per person such that type position t's cases
    add up to ``totals[t]``, then the least ``sum rank_cost[p] * cases of p`` among those (the
    stable tie-break). ``start`` (each person's pattern, feasible) is the warm start;
    ``top_floor`` a proven lower bound on the highest load (the water-filling floor)."""
    import numpy as np

    milp = Milp(deadline, cancelled=cancelled)
    # no presolve: the model is small and each solve differs from the last by a row or bounds, so
    # presolving took most of each solve's time (and its aggregator misled HiGHS 1.16 on other
    # models, see ``Milp.avoid_faulty_presolve``)
    milp.h.setOptionValue("presolve", "off")
    loads: list[list[float]] = []
    cols: list[list[int]] = []
    type_rows: list[tuple[list[int], list[float]]] = [([], []) for _ in totals]
    for p, (person, mine) in enumerate(zip(persons, patterns, strict=True)):
        chosen = mine.index(start[p])
        index = milp.add_cols([0.0] * len(mine), [1.0] * len(mine),
                              [1.0 if k == chosen else 0.0 for k in range(len(mine))])
        milp.add_row(1.0, 1.0, index, [1.0] * len(index))
        for col, counts in zip(index, mine, strict=True):
            for (t, _u, _m), c in zip(person.takes, counts, strict=True):
                if c:
                    type_rows[t][0].append(col)
                    type_rows[t][1].append(float(c))
        loads.append([person.load(counts) for counts in mine])
        cols.append(index)
    for t, (index, coef) in enumerate(type_rows):
        milp.add_row(totals[t], totals[t], index, coef)
    n = len(persons)

    def current() -> list[float]:
        return [loads[p][_chosen(milp.values, cols[p])] for p in range(n)]

    def above(level: float) -> list[int]:
        return [c for p in range(n) for c, x in zip(cols[p], loads[p], strict=True) if x > level + LEVEL_TOLERANCE]

    def values_below(level: float) -> list[float]:
        return sorted({x for p in range(n) for x in loads[p] if x < level - LEVEL_TOLERANCE}, reverse=True)

    def at_least(level: float) -> list[int]:
        return [c for p in range(n) for c, x in zip(cols[p], loads[p], strict=True) if x >= level - LEVEL_TOLERANCE]

    def cut_short(gap: float) -> PatternOutcome:
        return PatternOutcome([mine[_chosen(milp.values, c)] for mine, c in zip(patterns, cols, strict=True)],
                              False, gap, levels, level_loads, sorted(current(), reverse=True)[count])

    lows = sorted((min(x) for x in loads), reverse=True)
    count, levels = 0, 0
    level_loads: list[float] = []
    def allow(index: list[int], upper: float) -> None:
        if index:
            milp.h.changeColsBounds(len(index), np.asarray(index, dtype=np.int32), np.zeros(len(index)),
                                    np.full(len(index), upper))

    if n:  # the highest load: a bisection over the pattern loads with probes forbidding the
        # patterns above the trial (a proof of "no" is far quicker than finding a "yes")
        top = max(current())
        floor_ = max(lows[0], top_floor if top_floor is not None else -math.inf) - LEVEL_TOLERANCE
        while True:
            between = [v for v in values_below(top) if v > floor_]
            if not between:
                break
            trial = between[(len(between) - 1) // 2]  # the middle (the list runs highest first)
            allow(above(trial), 0.0)
            outcome = milp.solve({})
            if outcome.status is Status.LIMIT:
                return cut_short((top - max(floor_, 0.0)) / top if top > 0 else math.inf)
            allow(above(trial), 1.0)
            if outcome.status is Status.INFEASIBLE:
                floor_ = trial
            else:
                top = max(current())
        allow(above(top), 0.0)  # nobody above the highest load: those patterns are gone
    # a row that a later row implies is relaxed, so the model does not grow with the levels: the
    # rows "at most c persons above t" of a level's descent imply the ones before them and the
    # previous level's "at most c persons at or above its level"
    loose: int | None = None
    while count < n:
        high = sorted(current(), reverse=True)[count]  # the (count+1)-th highest load now
        floor_ = lows[count] - LEVEL_TOLERANCE  # no allocation has it lower
        while True:
            # the (count+1)-th highest stays at or below ``high``: at most ``count`` persons above it
            index = above(high)
            row = milp.add_row(-math.inf, count, index, [1.0] * len(index))
            if loose is not None:
                milp.set_row_upper(loose, math.inf)
            loose = row
            lower = next((v for v in values_below(high) if v > floor_), None)
            # the fewest persons at or above ``high`` (= above the next lower pattern load): when
            # that is ``count``, the level lies lower; else ``high`` is the level with that many
            at = at_least(high)
            forced = sum(1 for x in loads if min(x) >= high - LEVEL_TOLERANCE)
            now = sum(1 for x in current() if x >= high - LEVEL_TOLERANCE)
            if lower is None and now <= max(count + 1, forced):
                break  # the level cannot lie lower, and no fewer persons can be at it
            outcome = milp.solve(dict.fromkeys(at, 1.0))
            if not outcome.optimal:
                return cut_short(outcome.gap)
            now = sum(1 for x in current() if x >= high - LEVEL_TOLERANCE)
            if now > count:
                break
            high = sorted(current(), reverse=True)[count]
        count = max(now, count + 1)
        loose = milp.add_row(-math.inf, count, at, [1.0] * len(at))  # the level's own row stays
        levels += 1
        level_loads.append(high)
    # the stable tie-break over the leximin-optimal set (kept only when proven)
    costs = {c: rank_cost[p] * sum(counts) for p in range(n) for c, counts in zip(cols[p], patterns[p], strict=True)
             if sum(counts)}
    if costs:
        milp.solve(costs)
    choice = [mine[_chosen(milp.values, c)] for mine, c in zip(patterns, cols, strict=True)]
    return PatternOutcome(choice, True, 0.0, levels, level_loads)


def improve(persons: Sequence[Person], patterns: Sequence[Sequence[tuple[int, ...]]],
            choice: Sequence[tuple[int, ...]], deadline: float) -> list[tuple[int, ...]]:
    """A better start for the integer program, by local search: hand one case from a person to
    one with a lower load, or swap two cases of different types between two persons, whenever the
    pair's higher load falls (with the other loads unchanged, that makes the sorted load vector
    lexicographically smaller), until no such move is left or ``deadline`` passes. Returns the
    improved choice (every pattern one of the person's own)."""
    choice = [list(c) for c in choice]
    allowed = [set(mine) for mine in patterns]
    position = [{t: k for k, (t, _u, _m) in enumerate(person.takes)} for person in persons]
    step = [[u / person.scale for _t, u, _m in person.takes] for person in persons]
    load = [person.load(c) for person, c in zip(persons, choice, strict=True)]
    n = len(persons)
    moved = True
    while moved and time.perf_counter() < deadline:
        moved = False
        for a in sorted(range(n), key=lambda p: -load[p]):
            for b in range(n):
                if b == a or load[b] >= load[a] - LEVEL_TOLERANCE:
                    continue
                if _try_moves(a, b, choice, allowed, position, step, load, persons):
                    moved = True
                    break
            if moved:
                break
    return [tuple(c) for c in choice]


def _try_moves(a: int, b: int, choice: list[list[int]], allowed: list[set], position: list[dict[int, int]],
               step: list[list[float]], load: list[float], persons: Sequence[Person]) -> bool:
    """Apply the first move from ``a`` (the higher load) to ``b`` that lowers the pair's higher load."""
    top = load[a] - LEVEL_TOLERANCE
    for ka, (t, _u, _m) in enumerate(persons[a].takes):
        if not choice[a][ka] or t not in position[b]:
            continue
        kb = position[b][t]
        give_a, give_b = load[a] - step[a][ka], load[b] + step[b][kb]
        # one case of t from a to b
        if give_b < top and _apply(a, b, {ka: -1}, {kb: 1}, choice, allowed):
            load[a], load[b] = give_a, give_b
            return True
        # and one case of another type s back from b to a
        for kb2, (s, _u2, _m2) in enumerate(persons[b].takes):
            if s == t or not choice[b][kb2] or s not in position[a]:
                continue
            ka2 = position[a][s]
            new_a, new_b = give_a + step[a][ka2], give_b - step[b][kb2]
            if max(new_a, new_b) < top and _apply(a, b, {ka: -1, ka2: 1}, {kb: 1, kb2: -1}, choice, allowed):
                load[a], load[b] = new_a, new_b
                return True
    return False


def _apply(a: int, b: int, change_a: dict[int, int], change_b: dict[int, int], choice: list[list[int]],
           allowed: list[set]) -> bool:
    new_a, new_b = list(choice[a]), list(choice[b])
    for k, d in change_a.items():
        new_a[k] += d
    for k, d in change_b.items():
        new_b[k] += d
    if tuple(new_a) in allowed[a] and tuple(new_b) in allowed[b]:
        choice[a], choice[b] = new_a, new_b
        return True
    return False


def _chosen(values: Sequence[float], index: Sequence[int]) -> int:
    return max(range(len(index)), key=lambda k: values[index[k]])

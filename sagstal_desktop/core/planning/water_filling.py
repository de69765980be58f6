"""Greedy water-filling: each next case goes to the eligible person whose load after taking it
is lowest (ties: the person first in the team). For one case type this is exactly leximin-
optimal: person p's possible loads a_p + k s_p rise with k, so the greedy hands out the N lowest
"next loads" there are, and no other allocation of N cases has a lexicographically smaller
sorted load vector. For several types it is the start of the integer program.

The N lowest next loads are found by level, not one case at a time, so the time does not grow
with N: a bisection on the level L (each step counts, per person, the next loads at or below L in
closed form) until the last few cases lie between two adjacent floating-point levels, and those
few are handed out one at a time in the greedy's own order. The result is the greedy's.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

from sagstal_desktop.core.planning.problem import PlanPerson


def _taken(base: float, step: float, level: float) -> int:
    """How many next loads base + k * step (k = 1, 2, ...) lie at or below ``level`` (computed
    with the greedy's own expression, so ties fall exactly as there)."""
    if base + step > level:
        return 0
    k = max(1, int((level - base) / step))
    while k > 1 and base + k * step > level:
        k -= 1
    while base + (k + 1) * step <= level:
        k += 1
    return k


def water_fill(persons: Sequence[PlanPerson], loads: dict[int, float], type_max: float, cases: int) -> dict[int, int]:
    """Hand ``cases`` cases of one type (DS maximum ``type_max``) to ``persons``, starting from
    ``loads`` (person index -> load; updated in place). Returns person index -> cases."""
    given: dict[int, int] = {}
    if cases <= 0 or not persons:
        return given
    base = {p.index: loads[p.index] for p in persons}
    step = {p.index: p.step(type_max) for p in persons}
    # bisection: count(low) <= cases <= count(high), count = next loads at or below the level
    low = min(base[i] + step[i] for i in base)
    low = math.nextafter(low, -math.inf)
    high = max(base[i] + cases * step[i] for i in base)  # each person alone could take them all
    taken = dict.fromkeys(base, 0)
    for _ in range(2200):  # far more than the float steps between any two levels
        if math.nextafter(low, math.inf) >= high:
            break
        middle = low + (high - low) / 2
        if middle <= low or middle >= high:
            break
        counts = {i: _taken(base[i], step[i], middle) for i in base}
        total = sum(counts.values())
        if total <= cases:
            low, taken = middle, counts
            if total == cases:
                break
        else:
            high = middle
    # the rest (next loads above ``low``): one at a time, lowest first, ties by team order
    heap = [(base[i] + (taken[i] + 1) * step[i], i) for i in base]
    heapq.heapify(heap)
    for _ in range(cases - sum(taken.values())):
        _after, index = heapq.heappop(heap)
        taken[index] += 1
        heapq.heappush(heap, (base[index] + (taken[index] + 1) * step[index], index))
    for i, n in taken.items():
        if n:
            given[i] = n
            loads[i] = base[i] + n * step[i]
    return given

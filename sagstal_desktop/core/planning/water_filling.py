"""Greedy water-filling: each next case goes to the eligible person whose load after taking it
is lowest (ties: the person first in the team). For one case type this is exactly leximin-
optimal: person p's possible loads a_p + k s_p rise with k, so the greedy hands out the N lowest
"next loads" there are, and no other allocation of N cases has a lexicographically smaller
sorted load vector. For several types it is the start of the integer program."""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from sagstal_desktop.core.planning.problem import PlanPerson


def water_fill(persons: Sequence[PlanPerson], loads: dict[int, float], type_max: float, cases: int) -> dict[int, int]:
    """Hand ``cases`` cases of one type (DS maximum ``type_max``) to ``persons``, starting from
    ``loads`` (person index -> load; updated in place). Returns person index -> cases."""
    given: dict[int, int] = {}
    if cases <= 0 or not persons:
        return given
    base = {p.index: loads[p.index] for p in persons}
    step = {p.index: p.step(type_max) for p in persons}
    heap = [(base[i] + step[i], i) for i in base]
    heapq.heapify(heap)
    for _ in range(cases):
        after, index = heapq.heappop(heap)
        taken = given[index] = given.get(index, 0) + 1
        loads[index] = after
        heapq.heappush(heap, (base[index] + (taken + 1) * step[index], index))
    return given

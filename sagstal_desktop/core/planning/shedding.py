"""A fast, provable path for "the lowest highest load with at most K moved cases".

Relaxation: ignore that receivers' loads rise. Then the highest load can only fall by the
people above a level t each handing over cases, and the fewest cases that take person p down to
t are p's largest cases first (those someone else may take). Reducing the current highest person
by their largest case, K times, gives the least highest load M(K) of the relaxation — a lower
bound for the real problem — and sum_p m_p(M(K)) is a lower bound for the moves it needs.

The cases so shed are then handed out by water-filling (heaviest first, to the eligible person
whose load after taking it is lowest, never to a giver). If every receiver stays at or below
M(K), that plan reaches both bounds and is proven optimal (highest load, then fewest moves);
otherwise the caller falls back to the integer program.
"""

from __future__ import annotations

import heapq

from sagstal_desktop.core.planning.problem import LEVEL_TOLERANCE, PlanningProblem
from sagstal_desktop.core.planning.result import Move


def removable_cases(problem: PlanningProblem) -> dict[int, list[tuple[float, str]]]:
    """Per person: (load one case takes off, type) for every case someone else may take,
    largest first (ties: the type's order in the person's counts)."""
    held = dict.fromkeys(t for p in problem.persons for t in p.counts)
    takers = {t: {p.index for p in problem.receivers(t)} for t in held}
    out = {}
    for person in problem.persons:
        cases = []
        for case_type, n in person.counts.items():
            if takers[case_type] - {person.index}:
                cases += [(person.step(problem.type_max(case_type)), case_type)] * n
        cases.sort(key=lambda c: -c[0])
        out[person.index] = cases
    return out


def shed(problem: PlanningProblem, max_moves: int,
         removable: dict[int, list[tuple[float, str]]] | None = None) -> tuple[float, list[Move] | None, bool]:
    """(lower bound on the highest load with at most ``max_moves`` moves, a plan reaching it
    with the fewest moves or None, whether the highest load can still fall with more moves).
    ``removable`` (from ``removable_cases``) may be passed to reuse it across calls."""
    persons = {p.index: p for p in problem.persons}
    if not persons:
        return 0.0, [], False
    removable = removable if removable is not None else removable_cases(problem)
    loads = {i: p.load for i, p in persons.items()}
    taken = dict.fromkeys(persons, 0)
    heap = [(-load, i) for i, load in loads.items()]
    heapq.heapify(heap)
    for _ in range(max_moves):
        load, i = heap[0]
        if taken[i] >= len(removable[i]):
            break  # the highest person has nothing anyone else may take
        heapq.heapreplace(heap, (load + removable[i][taken[i]][0], i))
        taken[i] += 1
    level = -heap[0][0]
    more = taken[heap[0][1]] < len(removable[heap[0][1]])
    # the fewest cases that take everyone down to the level, largest first
    shed_cases: list[tuple[float, str, int]] = []
    after = dict(loads)
    for i in sorted(persons):
        for step, case_type in removable[i]:
            if after[i] <= level + LEVEL_TOLERANCE:
                break
            after[i] -= step
            shed_cases.append((step, case_type, i))
    givers = {i for _s, _t, i in shed_cases}
    moves: dict[tuple[int, int, str], int] = {}
    receivers = {t: [p for p in problem.receivers(t) if p.index not in givers]
                 for t in dict.fromkeys(t for _s, t, _i in shed_cases)}
    for _step, case_type, giver in sorted(shed_cases, key=lambda c: (-problem.case_units(c[1]), c[2])):
        best = None
        for person in receivers[case_type]:
            load = after[person.index] + person.step(problem.type_max(case_type))
            if best is None or load < best[0] - 1e-15:
                best = (load, person.index)
        if best is None or best[0] > level + LEVEL_TOLERANCE:
            return level, None, more
        after[best[1]] = best[0]
        key = (giver, best[1], case_type)
        moves[key] = moves.get(key, 0) + 1
    staff = problem.team.staff
    plan = [Move(staff[g].id, staff[g].name, staff[r].id, staff[r].name, t, n)
            for (g, r, t), n in sorted(moves.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2]))]
    return level, plan, more

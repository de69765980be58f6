"""What a move limit (at most K moved cases) allows each person, shared by the rebalance models
(``rebalance._MoveModel`` and the case-level one, ``level_moves.LevelModel``): the most work a
person can give or receive in K cases, the fewest cases that shed a given work, and the bounds
``milp.leximin`` proves levels from (``move_bounds``). Pure Python; no solver."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import Any


def most_work(cases: Sequence[tuple[float, float]], max_moves: float | None) -> float:
    """The most work a person can give (or receive) in at most ``max_moves`` moved cases (None:
    no limit), from (units of one case, most cases): the largest cases first. The load rows'
    bounds (``LoadRow.low``/``high``), and so the big-M of the level rows, are no wider than the
    move limit allows (the whole caseload is far looser)."""
    left = math.inf if max_moves is None else float(max_moves)
    work = 0.0
    for units, most in sorted(cases, reverse=True):
        take = min(most, left)
        work += units * take
        left -= take
        if left <= 0:
            break
    return work


def fewest_cases(cases: Sequence[tuple[float, float]], work: float) -> int | None:
    """The fewest cases, from (units of one case, most cases), that make up at least ``work``
    units (the largest cases first); None when all of them do not."""
    count = 0
    for units, most in sorted(cases, reverse=True):
        if work <= 1e-9:
            break
        take = min(most, math.ceil(work / units - 1e-9))
        count += take
        work -= take * units
    return count if work <= 1e-9 else None


def move_bounds(rows: list, gives: Sequence[Sequence[tuple[float, float]]], max_moves: int, level: float,
                count: int = 0, top: float | None = None) -> tuple[list, list[float], int, list[float]] | None:
    """The move limit's bounds once at most ``count`` persons lie above ``level`` and nobody above
    ``top`` (the highest load; None: ``level``). Each person (``rows`` with what they may give,
    ``gives``) must give at least the fewest cases that bring them to ``level`` (or, for the
    ``count`` persons it suits best, to ``top``): ``forced`` in all. The limit less the forced
    cases is the ``spare``: nobody gives more than their own forced cases plus the spare. Returns
    (``rows`` with tighter ``low`` bounds, each row's bound after its own forced cases (load),
    the spare, the most cases each person may give), or None when no plan within the limit gets
    there."""
    top = level if top is None else top
    at_top, at_level = [], []
    for row, own_gives in zip(rows, gives, strict=True):
        for limit, out in ((top, at_top), (level, at_level)):
            need = -row.room(limit)  # work the person must shed to lie at or below the limit
            out.append(fewest_cases(own_gives, need) if need > 1e-9 else 0)
    if any(f is None for f in at_top):
        return None
    # the ``count`` persons who may stay above ``level``: those it spares the most cases
    saving = sorted((math.inf if b is None else b - a for a, b in zip(at_top, at_level, strict=True)), reverse=True)
    if count < len(saving) and saving[count] == math.inf:
        return None
    own = [a if b is None else b for a, b in zip(at_top, at_level, strict=True)]
    forced = sum(own) - sum(x for x in saving[:count] if x != math.inf)
    spare = max_moves - forced
    if spare < 0:
        return None
    tighter, mid = [], []
    for row, own_gives, cases in zip(rows, gives, own, strict=True):
        mid.append(max(row.low, row.base - most_work(own_gives, cases)) / row.scale)
        tighter.append(replace(row, low=max(row.low, row.base - most_work(own_gives, cases + spare))))
    return tighter, mid, spare, [cases + spare for cases in own]


def as_budget(tighter: list, mid: list[float], spare: int, most: list[float]) -> Any:
    """The ``milp.Budget`` of ``move_bounds``' result (milp, and with it the solver, loads lazily)."""
    from sagstal_desktop.core.planning.milp import Budget

    return Budget(tuple(row.low / row.scale for row in tighter), tuple(mid), float(spare),
                  tuple(float(m) for m in most))

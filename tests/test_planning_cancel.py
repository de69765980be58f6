"""Planning stops when asked: ``cancelled()`` is checked before every solve of the integer
program and before every trade-off point, and raises ``PlanningCancelled``."""

from __future__ import annotations

import pytest

from sagstal_desktop.core.demo import demo_team
from sagstal_desktop.core.planning import distribute, rebalance, tradeoff
from sagstal_desktop.core.planning.errors import PlanningCancelled
from tests.conftest import TODAY


def _after(n: int):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > n

    return cancelled, calls


def test_rebalance_stops_at_the_next_solve():
    # three solves in all (the move limit's bounds prove most levels without one): stop at the third
    cancelled, calls = _after(2)
    with pytest.raises(PlanningCancelled):
        rebalance(demo_team(TODAY), 8, TODAY, cancelled=cancelled)
    assert len(calls) == 3
    plan = rebalance(demo_team(TODAY), 8, TODAY, cancelled=lambda: False)
    assert plan.moved_cases == 8 and plan.optimal


def test_distribute_several_types_stops_at_the_next_solve():
    cancelled, calls = _after(0)
    with pytest.raises(PlanningCancelled):
        distribute(demo_team(TODAY), {"sygedagpenge": 4, "jobafklaring": 3}, TODAY, cancelled=cancelled)
    assert len(calls) == 1


def test_tradeoff_reports_progress_and_stops():
    seen = []
    points = tradeoff(demo_team(TODAY), TODAY, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(k + 1, 21) for k in range(len(points))]
    cancelled, _calls = _after(5)
    with pytest.raises(PlanningCancelled):
        tradeoff(demo_team(TODAY), TODAY, cancelled=cancelled)

"""Where do N new positions do most good (issue 26, item 4): the placement is proven leximin-optimal,
and brute force over every placement of small cases agrees."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sagstal_desktop.core.planning.positions import (
    PositionError,
    PositionTeam,
    greedy_steps,
    place_positions,
    proportional_split,
    step_count,
)

_EQUAL = 1e-9


def _sorted_loads(teams, steps, step_fte):
    """The teams' loads after, highest first (an infinite load as +inf)."""
    loads = []
    for team, k in zip(teams, steps, strict=True):
        load = team.load(k * step_fte)
        loads.append(math.inf if load is None else load)
    return sorted(loads, reverse=True)


def _less(a, b):
    """Whether the sorted vector ``a`` is lexicographically below ``b`` (loads within 1e-9 equal)."""
    for x, y in zip(a, b, strict=True):
        if x == y or (math.isfinite(x) and math.isfinite(y) and abs(x - y) <= _EQUAL * max(1.0, abs(x))):
            continue
        return x < y
    return False


def _brute_force(teams, steps, step_fte):
    best = None
    for split in itertools.product(range(steps + 1), repeat=len(teams)):
        if sum(split) != steps:
            continue
        loads = _sorted_loads(teams, split, step_fte)
        if best is None or _less(loads, best):
            best = loads
    return best


team_strategy = st.builds(
    PositionTeam, name=st.just("T"),
    fte_needed_max=st.one_of(st.just(0.0), st.floats(0.5, 20.0)),
    available_fte=st.one_of(st.just(0.0), st.floats(0.5, 20.0)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(teams=st.lists(team_strategy, min_size=1, max_size=4), steps=st.integers(1, 5),
       half=st.booleans())
def test_placement_is_the_leximin_optimum_found_by_brute_force(teams, steps, half):
    step_fte = 0.5 if half else 1.0
    plan = place_positions(teams, steps * step_fte, step_fte, time_limit=30)
    assert plan.optimal and plan.gap == 0.0
    given_steps = [round(s.extra_fte / step_fte) for s in plan.shares]
    assert sum(given_steps) == steps and all(k >= 0 for k in given_steps)
    found = _sorted_loads(teams, given_steps, step_fte)
    best = _brute_force(teams, steps, step_fte)
    assert not _less(best, found), (found, best)  # nothing better exists
    assert not _less(found, best)


def test_hand_computed_three_teams():
    """Team A needs 12 FTE with 10 (120 %), B 9 with 10 (90 %), C 11 with 10 (110 %). Two positions:
    A to 12/11 = 109,1 %, then C (110 %) and A (109,1 %): C gets the second: 11/11 = 100 %.
    The highest load is 109,1 % (A); one to A and one to C is the only placement reaching it with
    the second-highest 100 %. A proportional split by FTE needed gives A 2 x 12/32 = 0,75."""
    teams = [PositionTeam("A", 12.0, 10.0), PositionTeam("B", 9.0, 10.0), PositionTeam("C", 11.0, 10.0)]
    plan = place_positions(teams, 2)
    assert [s.extra_fte for s in plan.shares] == [1.0, 0.0, 1.0]
    assert plan.max_load_before == pytest.approx(1.2) and plan.max_load_after == pytest.approx(12 / 11)
    assert [s.proportional_fte for s in plan.shares] == pytest.approx([0.75, 0.5625, 0.6875])
    assert plan.max_load_after_proportional == pytest.approx(12 / 10.75)
    assert plan.optimal


def test_a_team_with_no_available_fte_gets_a_position_first():
    teams = [PositionTeam("A", 15.0, 10.0), PositionTeam("Ny", 2.0, 0.0)]
    plan = place_positions(teams, 1)
    assert [s.extra_fte for s in plan.shares] == [0.0, 1.0]
    assert plan.shares[1].load_before is None and plan.shares[1].load_after == pytest.approx(2.0)
    assert plan.max_load_before is None


def test_greedy_start_and_proportional_split():
    teams = [PositionTeam("A", 10.0, 10.0), PositionTeam("B", 0.0, 5.0)]
    assert greedy_steps(teams, 3, 1.0) == [3, 0]
    assert proportional_split(teams, 3) == [3.0, 0.0]
    assert proportional_split([PositionTeam("A", 0.0, 1.0), PositionTeam("B", 0.0, 1.0)], 3) == [1.5, 1.5]


def test_steps_must_be_whole_and_bounded():
    assert step_count(2, 1.0) == 2 and step_count(1.5, 0.5) == 3
    for args, code in (((1.5, 1.0), "not_whole"), ((0, 1.0), "bad_count"), ((math.nan, 1.0), "bad_count"),
                       ((1, 0.0), "bad_step"), ((1, 1.5), "bad_step"), ((1000, 1.0), "too_many")):
        with pytest.raises(PositionError) as info:
            step_count(*args)
        assert info.value.code == code
    assert "helt antal trin" in PositionError("not_whole", 1.5, 37).message("da")
    with pytest.raises(PositionError):
        place_positions([], 1)

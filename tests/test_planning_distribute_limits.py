"""Distribution at any size (issue 21): water-filling by level is the per-case greedy exactly,
in a time independent of the number of cases; a stated cap on new cases per distribution; no
plan gives anyone more cases than a team file holds, so a written plan always reopens; a
negative or NaN time limit is refused."""

from __future__ import annotations

import heapq
import time

import pytest
from conftest import run_cli as run
from hypothesis import given, settings
from hypothesis import strategies as st

from sagstal_desktop.core.defaults import default_note, defaults
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.planning import PlanningError, distribute
from sagstal_desktop.core.planning.distribute import MAX_PERSON_COUNT
from sagstal_desktop.core.planning.problem import PlanPerson
from sagstal_desktop.core.planning.water_filling import water_fill
from sagstal_desktop.io.document import load_team
from tests.conftest import TODAY


def _greedy(persons, loads, type_max, cases):
    """The rule itself, one case at a time (the former implementation)."""
    base = {p.index: loads[p.index] for p in persons}
    step = {p.index: p.step(type_max) for p in persons}
    heap = [(base[i] + step[i], i) for i in base]
    heapq.heapify(heap)
    given_: dict[int, int] = {}
    for _ in range(cases):
        after, index = heapq.heappop(heap)
        taken = given_[index] = given_.get(index, 0) + 1
        loads[index] = after
        heapq.heappush(heap, (base[index] + (taken + 1) * step[index], index))
    return given_


@given(st.lists(st.tuples(st.sampled_from([1.0, 0.5, 25 / 37, 30 / 37, 1.2, 0.1]),
                          st.sampled_from([0.0, 0.2, 0.5, 1.0, 0.37, 1.26])), min_size=1, max_size=9),
       st.sampled_from([50.0, 45.0, 20.0, 35.0, 100.0]), st.integers(0, 400))
@settings(max_examples=300, deadline=None)
def test_water_filling_by_level_is_the_greedy(people, type_max, cases):
    persons = [PlanPerson(i, str(i), str(i), capacity, 0.0, {}) for i, (capacity, _load) in enumerate(people)]
    loads = {i: load for i, (_capacity, load) in enumerate(people)}
    by_case, by_level = dict(loads), dict(loads)
    assert water_fill(persons, by_level, type_max, cases) == _greedy(persons, by_case, type_max, cases)
    assert by_level == by_case


def test_time_does_not_grow_with_the_number_of_cases():
    persons = [PlanPerson(i, str(i), str(i), 1.0 - i / 500, i / 300, {}) for i in range(200)]
    for cases in (100, 10**8, 10**12):
        start = time.perf_counter()
        given_ = water_fill(persons, {p.index: p.load for p in persons}, 50.0, cases)
        assert time.perf_counter() - start < 0.5
        assert sum(given_.values()) == cases


def test_the_cap_on_new_cases_is_stated_and_holds(demo):
    cap = defaults()["max_new_cases"]
    assert cap == MAX_PERSON_COUNT == 100_000 and "100.000" in default_note("max_new_cases", "da")
    with pytest.raises(PlanningError) as info:
        distribute(demo, {"sygedagpenge": cap, "jobafklaring": 1}, TODAY)
    assert info.value.code == "too_many_new"
    assert info.value.message("da") == "100.001 nye sager er flere, end én fordeling må fordele (højst 100.000)"
    plan = distribute(demo, {"sygedagpenge": cap}, TODAY)  # at the cap: a plan
    assert sum(a.cases for a in plan.assignments) == cap


def test_nobody_gets_more_than_a_team_file_holds():
    team = Team(settings=TeamSettings(norm_set_id="ds_2020"),
                staff=[StaffMember("Alone", counts={"sygedagpenge": 50})])
    with pytest.raises(PlanningError) as info:
        distribute(team, {"sygedagpenge": 99_951}, TODAY)
    assert info.value.code == "person_count_limit" and "Alone" in info.value.message("en")
    assert distribute(team, {"sygedagpenge": 99_950}, TODAY).team_after.staff[0].counts["sygedagpenge"] == 100_000


@pytest.mark.parametrize("cases", ["100000000", "999999999999"])
def test_huge_distributions_are_refused_quickly(demo_file, tmp_path, capsys, cases):
    out_file = tmp_path / "o.sagstal"
    start = time.perf_counter()
    code, out, err = run(capsys, "distribute", str(demo_file), "--add", f"sygedagpenge={cases}", "-o", str(out_file))
    assert time.perf_counter() - start < 2
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "højst 100.000" in err
    assert not out_file.exists()


def test_a_written_distribution_reopens(demo_file, tmp_path, capsys):
    out_file = tmp_path / "o.sagstal"
    code, _out, _err = run(capsys, "distribute", str(demo_file), "--add", "sygedagpenge=100000", "-o", str(out_file))
    assert code == 0
    after = load_team(out_file)
    assert sum(m.counts["sygedagpenge"] for m in after.staff) == sum(
        m.counts["sygedagpenge"] for m in load_team(demo_file).staff) + 100_000
    assert run(capsys, "summary", str(out_file))[0] == 0


@pytest.mark.parametrize("command", [["distribute", "--add", "sygedagpenge=3"], ["rebalance"]])
@pytest.mark.parametrize("limit", ["-1", "nan", "inf"])
def test_bad_time_limits_are_refused(demo_file, capsys, command, limit):
    code, out, err = run(capsys, command[0], str(demo_file), *command[1:], f"--time-limit={limit}")
    assert code == 2 and out == "" and "--time-limit skal være et antal sekunder fra 0 til 86.400" in err

"""Distributing new cases: leximin-optimal against brute force, competences and "no new cases"
respected, water-filling equal to the integer program for one type, deterministic, errors."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from planning_helpers import AS_OF, TYPES, brute_force_distribution, receivers, small_teams, team_loads, vector

from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.planning import PlanningError, distribute

incoming_cases = st.fixed_dictionaries({t: st.integers(0, 4) for t in TYPES})


def _check(team: Team, incoming: dict[str, int], exact: bool = False):
    best = brute_force_distribution(team, incoming)
    if best is None:
        with pytest.raises(PlanningError) as info:
            distribute(team, incoming, AS_OF, exact=exact)
        assert info.value.code == "nobody_eligible"
        return None
    plan = distribute(team, incoming, AS_OF, exact=exact)
    assert plan.optimal and plan.gap == 0
    after = vector(plan.loads_after())
    assert after == pytest.approx(best, abs=1e-9)
    assert vector(team_loads(plan.team_after)) == after  # the loads are core.load's
    # every case handed out, only to people who may receive that type; nothing else changes
    for case_type, cases in incoming.items():
        allowed = {team.staff[i].id for i in receivers(team, case_type)}
        given = [a for a in plan.assignments if a.case_type == case_type]
        assert sum(a.cases for a in given) == cases
        assert {a.member_id for a in given} <= allowed
    for before, now in zip(team.staff, plan.team_after.staff, strict=True):
        extra = {a.case_type: a.cases for a in plan.assignments if a.member_id == before.id}
        assert now.counts == {t: n + extra.get(t, 0) for t, n in before.counts.items()}
    return plan


@given(small_teams(), incoming_cases)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_optimal_against_brute_force(team, incoming):
    _check(team, incoming)


@given(small_teams(), st.sampled_from(TYPES), st.integers(1, 8))
@settings(max_examples=40, deadline=None)
def test_one_type_water_filling_equals_the_integer_program(team, case_type, cases):
    if not receivers(team, case_type):
        return
    greedy = distribute(team, {case_type: cases}, AS_OF)
    exact = distribute(team, {case_type: cases}, AS_OF, exact=True)
    assert vector(greedy.loads_after()) == pytest.approx(vector(exact.loads_after()), abs=1e-9)
    _check(team, {case_type: cases})


@given(small_teams(), incoming_cases)
@settings(max_examples=20, deadline=None)
def test_deterministic(team, incoming):
    if brute_force_distribution(team, incoming) is None:
        return
    first = distribute(team, incoming, AS_OF)
    assert distribute(team, incoming, AS_OF).assignments == first.assignments


def test_demo_ten_sickness_benefit_cases(demo):
    plan = distribute(demo, {"sygedagpenge": 10}, AS_OF)
    assert sum(a.cases for a in plan.assignments) == 10
    # water-filling by hand: Karin (29 cases, 37 h: 58 %) and Ida (20 + 10 jobafkl., 32 h) are lowest
    assert {a.name: a.cases for a in plan.assignments} == {"Ida Bech": 1, "Karin Østergaard": 9}
    assert plan.max_load_after == plan.max_load_before  # the overload elsewhere stays as it is


def test_an_overload_elsewhere_does_not_make_any_distribution_optimal():
    team = Team(settings=TeamSettings(norm_set_id="ds_2020"), staff=[
        StaffMember("Over", counts={"sygedagpenge": 80}),
        StaffMember("A", counts={"sygedagpenge": 10}),
        StaffMember("B", counts={"sygedagpenge": 20}),
    ])
    plan = distribute(team, {"sygedagpenge": 10, "jobafklaring": 9}, AS_OF)
    # 10 sdp (0.02 each) and 9 jobafkl. (1/45 each) between A (0.2) and B (0.4): 0.2 + 0.4 + 0.4 = 1.0,
    # 0.5 each exactly: 9x + 10y = 135 (x sdp, y jobafkl. to A) has the one solution x = 5, y = 9
    assert {(a.name, a.case_type): a.cases for a in plan.assignments} == {
        ("A", "sygedagpenge"): 5, ("A", "jobafklaring"): 9, ("B", "sygedagpenge"): 5}
    assert [round(x, 9) for x in plan.loads_after()] == [1.6, 0.5, 0.5]


def test_competences_and_no_new_cases_are_respected():
    team = Team(settings=TeamSettings(norm_set_id="ds_2020"), staff=[
        StaffMember("Low but leaving", counts={"sygedagpenge": 1}, takes_new_cases=False),
        StaffMember("Low, jobafklaring only", counts={"sygedagpenge": 2}, competences=("jobafklaring",)),
        StaffMember("High", counts={"sygedagpenge": 40}),
        StaffMember("No hours", weekly_hours=0.0, counts={}),
    ])
    plan = distribute(team, {"sygedagpenge": 3, "jobafklaring": 2}, AS_OF)
    assert {(a.name, a.case_type): a.cases for a in plan.assignments} == {
        ("High", "sygedagpenge"): 3, ("Low, jobafklaring only", "jobafklaring"): 2}
    assert plan.persons[3].load_before is None and plan.persons[3].load_after is None


@pytest.mark.parametrize(("incoming", "code", "english"), [
    ({"skolevæsen": 1}, "unknown_type", "\"skolevæsen\" is not a case type"),
    ({"dagpenge": 1}, "unmeasured_type", "the norm set cannot measure the case type \"Unemployment benefit cases\""),
    ({"sygedagpenge": -2}, "negative_cases", "the number of new sickness benefit cases is negative (-2)"),
    ({"integration": 3}, "nobody_eligible",
     "nobody may take new integration cases (competences, \"no new cases\" or no casework hours)"),
])
def test_errors_name_the_type(demo, incoming, code, english):
    with pytest.raises(PlanningError) as info:
        distribute(demo, incoming, AS_OF)
    assert info.value.code == code and info.value.message("en") == english
    assert info.value.message("da")  # a Danish text too


def test_danish_error_text(demo):
    with pytest.raises(PlanningError) as info:
        distribute(demo, {"integration": 3}, AS_OF)
    assert info.value.message("da").startswith("ingen må tage nye integration-sager")


@given(small_teams(max_people=4), incoming_cases)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_maxima_without_small_fractions_are_compared_in_floating_point(team, incoming):
    from sagstal_desktop.core.norms import custom_norm_set, find_norm_set
    from sagstal_desktop.core.planning.problem import work_units

    own = custom_norm_set("loft", "Loft", find_norm_set("ds_2020"), {"sygedagpenge": (20, 33.33333)})
    assert work_units(own) == (1.0, False)
    team.custom_norm_sets = [own]
    team.settings.norm_set_id = "loft"
    _check(team, incoming)

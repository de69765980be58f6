"""Case weight (issue 27): the levels of a person's cases and the team's weighting, against
hand-computed figures; off changes nothing, points all 1 change nothing."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sagstal_desktop.core import load
from sagstal_desktop.core.case_weight import (
    LevelError,
    Weighting,
    check_levels,
    counts_by_level,
    fit_levels,
    resolved_split,
)
from sagstal_desktop.core.load import Status, compute_person, summarize
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.norms import builtin_norm_sets, catalogue, find_norm_set

DS2020 = find_norm_set("ds_2020")  # sygedagpenge 35-50, ressourceforløb 30-40
DAY = date(2026, 11, 22)
RANGE = Weighting(mode="range")
POINTS = Weighting(mode="points", points=(1.0, 1.5, 2.0), note="Teamets vurdering, møde 1.11.2026")


def person(hours=37.0, levels=None, **counts) -> StaffMember:
    return StaffMember(name="X", weekly_hours=hours, counts=counts, levels=levels or {})


def settings_with(weighting: Weighting) -> TeamSettings:
    return TeamSettings(norm_set_id="ds_2020", weighting=weighting)


def test_range_measures_very_complex_cases_against_the_minimum():
    # full time, 40 sygedagpenge, all særligt komplicerede: 40 / 35 (the minimum) = 114.3 %
    member = person(sygedagpenge=40, levels={"sygedagpenge": {"saerligt": 40}})
    r = compute_person(member, DS2020, settings_with(RANGE), DAY)
    assert r.load_max == pytest.approx(40 / 35)
    assert round(r.load_max * 100, 1) == 114.3
    assert r.status is Status.OVER
    # the unweighted figures stay beside it: 40 / 50 = 80 %, within the range
    assert r.load_max_unweighted == pytest.approx(0.8)
    assert r.unweighted_max == pytest.approx(0.8)
    assert r.status_unweighted is Status.WITHIN


def test_range_complex_against_the_midpoint_and_simple_against_the_maximum():
    # 20 enkel, 10 kompleks, 5 særligt, 5 not assessed (default: enkel): 25/50 + 10/42.5 + 5/35
    member = person(sygedagpenge=40, levels={"sygedagpenge": {"enkel": 20, "kompleks": 10, "saerligt": 5}})
    r = compute_person(member, DS2020, settings_with(RANGE), DAY)
    assert r.load_max == pytest.approx(25 / 50 + 10 / 42.5 + 5 / 35)  # 87.8 %
    assert round(r.load_max * 100, 1) == 87.8
    # measured against the minimum: each case's factor max/target over the minimum
    assert r.load_min == pytest.approx((25 + 10 * 50 / 42.5 + 5 * 50 / 35) / 35)


def test_default_level_counts_the_cases_not_assessed():
    member = person(sygedagpenge=34)  # nothing assessed
    complex_default = Weighting(mode="range", default_level="kompleks")
    r = compute_person(member, DS2020, settings_with(complex_default), DAY)
    assert r.load_max == pytest.approx(34 / 42.5)  # 80 %
    assert r.status is Status.WITHIN
    assert r.load_max_unweighted == pytest.approx(34 / 50)  # 68 %: below the range unweighted
    assert r.status_unweighted is Status.BELOW


def test_points_load_is_sum_of_points_times_cases_over_max_over_capacity():
    # 30 h (capacity 30/37): sygedagpenge 20 = 10 kompleks + 4 særligt + 6 not assessed (enkel),
    # ressourceforløb 15 = 5 særligt + 10 not assessed
    member = person(30, {"sygedagpenge": {"kompleks": 10, "saerligt": 4}, "ressourceforloeb": {"saerligt": 5}},
                    sygedagpenge=20, ressourceforloeb=15)
    r = compute_person(member, DS2020, settings_with(POINTS), DAY)
    expected = ((6 * 1 + 10 * 1.5 + 4 * 2) / 50 + (10 * 1 + 5 * 2) / 40) / (30 / 37)
    assert r.load_max == pytest.approx(expected)  # (0.58 + 0.5) / 0.8108 = 133.2 %
    assert round(r.load_max * 100, 1) == 133.2
    assert r.status is Status.OVER
    assert r.load_max_unweighted == pytest.approx((20 / 50 + 15 / 40) / (30 / 37))  # 95.6 %
    assert r.status_unweighted is Status.WITHIN


def test_team_fte_needed_from_the_weighted_cases():
    a = person(levels={"sygedagpenge": {"saerligt": 10}}, sygedagpenge=30)
    b = person(levels={"ressourceforloeb": {"kompleks": 20}}, ressourceforloeb=20)
    team = Team(settings=settings_with(POINTS), staff=[a, b])
    s = summarize(team, DAY)
    # weighted cases: sygedagpenge 20*1 + 10*2 = 40, ressourceforløb 20*1.5 = 30
    assert s.fte_needed_max == pytest.approx(40 / 50 + 30 / 40)
    assert s.fte_needed_mid == pytest.approx(40 / 42.5 + 30 / 35)
    assert s.fte_needed_min == pytest.approx(40 / 35 + 30 / 30)
    assert s.fte_needed_max_unweighted == pytest.approx(30 / 50 + 20 / 40)
    assert s.fte_needed_unweighted("min") == pytest.approx(30 / 35 + 20 / 30)
    assert s.total_cases == 50 and s.covered_cases == 50  # cases are still counted as cases
    assert s.assessed_cases == 30
    assert s.weighted and s.weighting is team.settings.weighting
    # b: 30/40 = 75 % within; a: 40/50 = 80 % within; unweighted a 60 % below (30/35 < 1)
    assert [p.status for p in s.persons] == [Status.WITHIN, Status.WITHIN]
    assert [p.status_unweighted for p in s.persons] == [Status.BELOW, Status.BELOW]
    assert s.over_count == 0 and s.below_count == 0 and s.within_count == 2


def test_unmeasured_cases_stay_unmeasured_at_any_level():
    member = person(levels={"ukendt": {"saerligt": 5}, "sygedagpenge": {"saerligt": 40}}, sygedagpenge=40, ukendt=5)
    r = compute_person(member, DS2020, settings_with(RANGE), DAY)
    assert r.uncovered_cases == 5
    assert r.load_max == pytest.approx(40 / 35)
    assert r.status is Status.OVER  # the measured ones alone exceed the maximum


def test_off_ignores_the_levels_to_the_last_digit():
    member = person(30, {"sygedagpenge": {"saerligt": 20}}, sygedagpenge=33, ressourceforloeb=7)
    plain = person(30, None, sygedagpenge=33, ressourceforloeb=7)
    plain.id = member.id
    assert compute_person(member, DS2020, TeamSettings(), DAY) == compute_person(plain, DS2020, TeamSettings(), DAY)


def test_split_helpers():
    levels = {"sygedagpenge": {"kompleks": 6, "saerligt": 2}}
    assert resolved_split(levels, "sygedagpenge", 38, "enkel") == {"enkel": 30, "kompleks": 6, "saerligt": 2}
    assert counts_by_level({"sygedagpenge": 38, "jobparate": 4}, levels) == {
        "sygedagpenge": {"kompleks": 6, "saerligt": 2, "ikke_vurderet": 30}, "jobparate": {"ikke_vurderet": 4}}
    assert check_levels({"a": {"enkel": 0, "kompleks": 3}}, {"a": 3}) == {"a": {"kompleks": 3}}
    with pytest.raises(LevelError) as over:
        check_levels({"a": {"kompleks": 3, "saerligt": 2}}, {"a": 4})
    assert over.value.code == "over_total" and over.value.value == 5 and over.value.total == 4
    for bad in ({"a": {"kompleks": -1}}, {"a": {"kompleks": 1.5}}, {"a": {"tung": 1}}):
        with pytest.raises(LevelError):
            check_levels(bad, {"a": 4})
    kept = {"a": {"kompleks": 3}}
    fit_levels(kept, "a", 3)
    assert kept == {"a": {"kompleks": 3}}
    fit_levels(kept, "a", 2)
    assert kept == {}


@pytest.mark.parametrize("points", [(0.0, 1.0, 1.0), (1.0, -1.0, 2.0), (1.0, 1.0), (1.0, 1.0, 1000.0)])
def test_points_must_be_positive_and_three(points):
    with pytest.raises(ValueError):
        Weighting(mode="points", points=points)


def test_weighting_round_trips_through_a_dict():
    assert Weighting.from_dict(POINTS.to_dict()) == POINTS
    assert Weighting.from_dict(None) == Weighting()
    assert POINTS.to_dict() == {"mode": "points", "points": {"enkel": 1.0, "kompleks": 1.5, "saerligt": 2.0},
                                "default_level": "enkel", "note": "Teamets vurdering, møde 1.11.2026"}
    with pytest.raises(ValueError):
        Weighting.from_dict({"mode": "heavy"})


# -- properties -------------------------------------------------------------------------------

CASE_TYPES = [*list(catalogue())[:12], "ukendt_type"]


@st.composite
def members(draw):
    counts = draw(st.dictionaries(st.sampled_from(CASE_TYPES), st.integers(0, 120), max_size=5))
    levels = {}
    for case_type, n in counts.items():
        k = draw(st.integers(0, n))
        s = draw(st.integers(0, n - k))
        e = draw(st.integers(0, n - k - s))
        split = {level: v for level, v in (("kompleks", k), ("saerligt", s), ("enkel", e)) if v}
        if split:
            levels[case_type] = split
    hours = draw(st.sampled_from([0.0, 12.5, 30.0, 37.0]))
    return StaffMember(name="p", weekly_hours=hours, counts=counts, levels=levels)


@given(st.lists(members(), max_size=12), st.sampled_from(builtin_norm_sets()), st.booleans())
@settings(max_examples=80, deadline=None)
def test_off_is_todays_load_and_points_all_one_is_unweighted(staff, norm_set, numpy_path):
    saved = load.NUMPY_FROM_STAFF
    load.NUMPY_FROM_STAFF = 0 if numpy_path else 10**9
    try:
        plain = Team(staff=[StaffMember(name=m.name, weekly_hours=m.weekly_hours, counts=dict(m.counts), id=m.id)
                            for m in staff])
        today = summarize(plain, DAY, norm_set)
        off = summarize(Team(staff=staff), DAY, norm_set)
        assert list(off.persons) == list(today.persons)  # every figure, to the last digit
        assert (off.fte_needed_max, off.fte_needed_mid, off.fte_needed_min, off.over_count, off.groups) == (
            today.fte_needed_max, today.fte_needed_mid, today.fte_needed_min, today.over_count, today.groups)
        ones = Team(staff=staff, settings=TeamSettings(weighting=Weighting(mode="points", points=(1.0, 1.0, 1.0))))
        weighted = summarize(ones, DAY, norm_set)
        for got, want in zip(weighted.persons, today.persons, strict=True):
            assert got.status is want.status
            for key in ("load_max", "load_min"):
                if want[PERSON_FIELDS[key]] is None:
                    assert getattr(got, key) is None
                else:
                    assert math.isclose(getattr(got, key), getattr(want, key), rel_tol=1e-9, abs_tol=1e-12)
            assert got.load_max_unweighted == want.load_max
        assert weighted.fte_needed_max == pytest.approx(today.fte_needed_max, rel=1e-9, abs=1e-12)
        assert weighted.fte_needed_max_unweighted == today.fte_needed_max
        assert weighted.over_count == today.over_count == weighted.over_count_unweighted
    finally:
        load.NUMPY_FROM_STAFF = saved


PERSON_FIELDS = {name: i for i, name in enumerate(load.PersonResult._fields)}


# -- the edits ---------------------------------------------------------------------------------

def test_operations_set_levels_and_weighting():
    from sagstal_desktop.core import operations as ops
    from sagstal_desktop.core.case_weight import parse_mode, parse_points
    from sagstal_desktop.core.validation import InputError

    member = person(sygedagpenge=38)
    team = Team(staff=[member])
    change = ops.set_levels(team, member.id, "sygedagpenge", {"enkel": "30", "kompleks": 6, "særligt kompliceret": 2})
    assert member.levels == {"sygedagpenge": {"enkel": 30, "kompleks": 6, "saerligt": 2}}
    assert change.columns == frozenset({"count:sygedagpenge"})
    with pytest.raises(InputError) as refused:
        ops.set_levels(team, member.id, "sygedagpenge", {"kompleks": 30, "saerligt": 9})
    assert refused.value.message("da") == "39 sager på et niveau er flere end typens 38 sager"
    assert member.levels["sygedagpenge"]["kompleks"] == 6  # unchanged
    ops.set_count(team, member.id, "sygedagpenge", 38)
    assert member.levels["sygedagpenge"] == {"enkel": 30, "kompleks": 6, "saerligt": 2}
    ops.set_count(team, member.id, "sygedagpenge", 37)  # the split no longer fits: dropped
    assert member.levels == {}
    ops.set_levels(team, member.id, "sygedagpenge", {"kompleks": 1})
    ops.set_levels(team, member.id, "sygedagpenge", None)
    assert member.levels == {}

    weighting = Weighting(mode=parse_mode("points"), points=parse_points("kompleks=1,5;saerligt=2"), note="x")
    assert weighting.points == (1.0, 1.5, 2.0)
    assert parse_points("enkel=1,kompleks=1.5,saerligt=2") == (1.0, 1.5, 2.0)
    assert parse_points("kompleks=1,5,saerligt=2") == (1.0, 1.5, 2.0)
    change = ops.set_weighting(team, weighting)
    assert team.settings.weighting == weighting and change.settings_changed
    for bad in ("enkel=0", "tung=2", "enkel", "kompleks=abc"):
        with pytest.raises(InputError):
            parse_points(bad)
    with pytest.raises(InputError):
        parse_mode("heavy")
    assert team.copy().settings.weighting == weighting

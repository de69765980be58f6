"""The load model against hand-computed cases (domain brief, "The load model the app implements")."""

from __future__ import annotations

import math
from datetime import date

import pytest

from sagstal_desktop.core.load import Status, add_months, compute_person, is_newcomer, summarize
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.norms import find_norm_set

DS2020 = find_norm_set("ds_2020")
DAY = date(2026, 11, 22)


def person(hours=37.0, other=0.0, start=None, **counts) -> StaffMember:
    return StaffMember(name="X", weekly_hours=hours, other_hours=other, start_date=start, counts=counts)


def test_part_timer_with_sickness_benefit_cases():
    # 30 h, 40 sygedagpenge, DS 2020 (35-50): c = 30/37, L = 40/50/c, FTE caseload = 40*37/30
    r = compute_person(person(30, sygedagpenge=40), DS2020, TeamSettings(), DAY)
    assert r.capacity == pytest.approx(30 / 37)
    assert round(r.capacity, 3) == 0.811
    assert round(r.load_max * 100, 1) == 98.7
    assert round(r.fte_caseload, 1) == 49.3
    assert r.status is Status.WITHIN
    assert r.total_cases == 40


def test_worker_mixing_two_areas():
    # 37 h: 20 sygedagpenge (35-50) + 15 ressourceforløb (30-40)
    r = compute_person(person(sygedagpenge=20, ressourceforloeb=15), DS2020, TeamSettings(), DAY)
    assert r.load_max == pytest.approx(20 / 50 + 15 / 40)  # 77.5 %
    assert r.load_min == pytest.approx(20 / 35 + 15 / 30)  # 107.1 %: not below
    assert r.status is Status.WITHIN
    assert r.fte_caseload == pytest.approx(35.0)


def test_hours_on_other_tasks_reduce_capacity_and_raise_caseload():
    # TR with 6 h TR work: casework hours 31; 38 cases
    r = compute_person(person(37, 6, sygedagpenge=38), DS2020, TeamSettings(), DAY)
    assert r.capacity == pytest.approx(31 / 37)
    assert r.load_max == pytest.approx(38 / 50 / (31 / 37))  # 90.7 %
    assert r.fte_caseload == pytest.approx(38 * 37 / 31)  # 45.4


@pytest.mark.parametrize(
    ("start", "newcomer", "capacity"),
    [
        (date(2026, 9, 22), True, 0.75),  # two months: reduced by the default 25 %
        (date(2026, 5, 23), True, 0.75),  # one day short of six months
        (date(2026, 5, 22), False, 1.0),  # exactly six months: no longer a newcomer
        (date(2025, 1, 1), False, 1.0),
        (None, False, 1.0),
        (date(2027, 1, 1), True, 0.75),  # hired, not yet started
    ],
)
def test_newcomer_reduction_by_start_date(start, newcomer, capacity):
    r = compute_person(person(start=start, sygedagpenge=30), DS2020, TeamSettings(), DAY)
    assert r.newcomer is newcomer
    assert r.capacity == pytest.approx(capacity)
    assert r.load_max == pytest.approx(30 / 50 / capacity)


def test_newcomer_reduction_is_a_setting():
    settings = TeamSettings(newcomer_reduction=0.5, newcomer_months=3)
    r = compute_person(person(start=date(2026, 9, 22), sygedagpenge=30), DS2020, settings, DAY)
    assert r.capacity == pytest.approx(0.5)
    r = compute_person(person(start=date(2026, 8, 21), sygedagpenge=30), DS2020, settings, DAY)
    assert not r.newcomer and r.capacity == pytest.approx(1.0)
    off = TeamSettings(newcomer_reduction=0.0)
    assert compute_person(person(start=date(2026, 9, 22)), DS2020, off, DAY).capacity == pytest.approx(1.0)


def test_month_arithmetic_clamps_to_month_end():
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2026, 11, 22), -3) == date(2026, 8, 22)
    assert is_newcomer(date(2026, 8, 31), date(2027, 2, 27), 6)
    assert not is_newcomer(date(2026, 8, 31), date(2027, 2, 28), 6)


@pytest.mark.parametrize(("hours", "other"), [(10, 10), (0, 0), (20, 25)])
def test_no_casework_capacity_is_not_computable(hours, other):
    r = compute_person(person(hours, other, sygedagpenge=12), DS2020, TeamSettings(), DAY)
    assert r.status is Status.NOT_COMPUTABLE
    assert r.capacity == 0.0
    assert r.load_max is None and r.load_min is None and r.fte_caseload is None
    assert r.room(DS2020.norm_for("sygedagpenge")) is None
    team = Team(staff=[person(hours, other, sygedagpenge=12), person(sygedagpenge=50)],
                settings=TeamSettings(norm_set_id="ds_2020"))
    s = summarize(team, DAY)
    assert s.not_computable_count == 1 and s.computable_count == 1
    for value in (s.available_fte, s.fte_needed("max"), s.share_within_max, s.average_fte_caseload):
        assert math.isfinite(value)


@pytest.mark.parametrize("hours", [5e-324, 1e-300, 1e-7])
@pytest.mark.parametrize("numpy_from", [0, 10**9])
def test_vanishing_hours_never_give_inf_or_nan(hours, numpy_from, monkeypatch):
    from sagstal_desktop.core import load

    monkeypatch.setattr(load, "NUMPY_FROM_STAFF", numpy_from)
    team = Team(staff=[person(hours, sygedagpenge=300)], settings=TeamSettings(norm_set_id="ds_2020"))
    s = summarize(team, DAY)
    r = s.persons[0]
    assert r.status is Status.NOT_COMPUTABLE and r.fte_caseload is None and r.load_max is None
    assert s.average_fte_caseload is None and math.isfinite(s.available_fte)


def test_status_boundaries():
    exact_max = compute_person(person(sygedagpenge=50), DS2020, TeamSettings(), DAY)
    assert exact_max.load_max == pytest.approx(1.0) and exact_max.status is Status.WITHIN
    assert compute_person(person(sygedagpenge=51), DS2020, TeamSettings(), DAY).status is Status.OVER
    assert compute_person(person(sygedagpenge=35), DS2020, TeamSettings(), DAY).status is Status.WITHIN
    assert compute_person(person(sygedagpenge=34), DS2020, TeamSettings(), DAY).status is Status.BELOW
    assert compute_person(person(), DS2020, TeamSettings(), DAY).status is Status.BELOW


def test_room_for_more_cases_or_cases_over():
    norm = DS2020.norm_for("sygedagpenge")
    r = compute_person(person(sygedagpenge=40), DS2020, TeamSettings(), DAY)
    assert r.room(norm) == pytest.approx(10) and r.room_whole(norm) == 10
    over = compute_person(person(sygedagpenge=57), DS2020, TeamSettings(), DAY)
    assert over.room_whole(norm) == -7
    # 30 h with 40 sygedagpenge: 30/37*50 = 40.54 -> can take 0 more whole cases
    part = compute_person(person(30, sygedagpenge=40), DS2020, TeamSettings(), DAY)
    assert part.room_whole(norm) == 0
    # room in another case type: 0.2 FTE left = 9 jobafklaringsforløb (max 45)
    assert r.room_whole(DS2020.norm_for("jobafklaring")) == 9


def test_team_summary_of_the_demo_team(demo):
    s = summarize(demo, date(2026, 11, 22))
    assert s.norm_set_id == "ds_2020"
    assert s.staff_count == 12 and s.total_cases == 507
    assert s.cases_by_type == {"sygedagpenge": 366, "jobafklaring": 141}
    need_max = 366 / 50 + 141 / 45
    assert s.fte_needed("max") == pytest.approx(need_max)
    assert s.fte_needed("mid") == pytest.approx(366 / 42.5 + 141 / 40)
    assert s.fte_needed("min") == pytest.approx(366 / 35 + 141 / 35)
    # capacities: 8 full-time casework positions less the newcomer's 25 %, part-timers, TR and project hours
    available = (37 * 6 + 30 + 31 + 25 + 32 + 33) / 37 + 0.75  # + Emil, the newcomer
    assert s.available_fte == pytest.approx(available)
    assert s.shortfall("max") == pytest.approx(need_max - available)
    assert s.over_count == 5 and s.within_count == 5 and s.below_count == 2
    assert s.share_within_max == pytest.approx(7 / 12)
    assert s.average_fte_caseload == pytest.approx(507 * 37 / (37 * 7 + 30 + 31 + 25 + 32 + 33))
    low, high = s.effective_range
    assert high == pytest.approx(507 / need_max) and low == pytest.approx(35.0)
    camilla = next(p for p in s.persons if p.name == "Camilla Nørgaard")
    assert round(camilla.load_max * 100, 1) == 98.7


def test_yearly_cost_needs_a_user_entered_cost():
    team = Team(staff=[person(sygedagpenge=75)], settings=TeamSettings(norm_set_id="ds_2020"))
    s = summarize(team, DAY)
    assert s.cost_per_fte is None and s.yearly_cost() is None
    assert s.shortfall("max") == pytest.approx(0.5)
    team.settings.cost_per_fte = 500_000
    assert summarize(team, DAY).yearly_cost("max") == pytest.approx(250_000)
    team.staff[0].counts["sygedagpenge"] = 10
    assert summarize(team, DAY).yearly_cost("max") == 0.0  # a surplus costs nothing


def test_cases_the_norm_set_cannot_measure_are_reported_not_counted():
    team = Team(staff=[person(sygedagpenge=40, dagpenge=12, ukendt=3)], settings=TeamSettings(norm_set_id="ds_2020"))
    s = summarize(team, DAY)
    r = s.persons[0]
    assert r.total_cases == 55 and r.uncovered_cases == 15
    assert r.load_max == pytest.approx(0.8)
    assert s.uncovered_by_type == {"dagpenge": 12, "ukendt": 3}
    assert s.cases_by_type == {"sygedagpenge": 40}
    assert s.covered_cases == 40 and s.total_cases == 55


def test_subtypes_fall_back_to_their_parent_and_inherit_ranges():
    newest = find_norm_set("ds_current")
    # the newest overview has no figure for jobafklaringsforløb: it uses sygedagpenge's 25-45
    jobafklaring = newest.norm_for("jobafklaring")
    assert (jobafklaring.min, jobafklaring.max, jobafklaring.inherited) == (25, 45, True)
    # a 2015 case type counted under a DS set falls back to its parent area
    assert DS2020.norm_for("sdp_kat2").case_type == "sygedagpenge"
    assert DS2020.norm_for("fleksjob").max == 45  # fleksjob inherits the area's 30-45
    survey = find_norm_set("ds_2015_types")
    kat1 = survey.norm_for("sdp_kat1")
    assert kat1.few_answers and kat1.inherited and (kat1.min, kat1.max) == (35, 50) and kat1.survey.n == 2
    kat2 = survey.norm_for("sdp_kat2")
    assert not kat2.few_answers and (kat2.min, kat2.max) == (35, 50) and kat2.survey.n == 56
    assert (survey.norm_for("jobparate_o30").min, survey.norm_for("jobparate_o30").max) == (65, 75)


def test_same_counts_in_any_key_order_give_the_same_result():
    a = person(sygedagpenge=20, jobafklaring=10)
    b = person(jobafklaring=10, sygedagpenge=20)
    c = person(sygedagpenge=20)
    team = Team(staff=[a, b, c], settings=TeamSettings(norm_set_id="ds_2020"))
    s = summarize(team, DAY)
    assert s.persons[0].load_max == pytest.approx(s.persons[1].load_max)
    assert s.cases_by_type == {"sygedagpenge": 60, "jobafklaring": 20}
    assert len(s.persons[0:2]) == 2 and s.persons.column("total_cases") == [30, 30, 20]


def test_empty_team():
    s = summarize(Team(), DAY)
    assert s.staff_count == 0 and s.available_fte == 0 and s.fte_needed("max") == 0
    assert s.share_within_max is None and s.average_fte_caseload is None and s.effective_range is None


def test_add_months_agrees_with_the_calendar_on_every_day_of_eight_years():
    import calendar
    from datetime import timedelta

    day = date(2023, 1, 1)
    while day < date(2031, 1, 1):
        for months in (-25, -13, -12, -1, 0, 1, 2, 6, 11, 12, 13, 24, 49):
            index = day.month - 1 + months
            year, month = day.year + index // 12, index % 12 + 1
            expected = date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
            assert add_months(day, months) == expected
        day += timedelta(days=1)
    assert add_months(date(9999, 10, 31), 2) == date(9999, 12, 31)

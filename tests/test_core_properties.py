"""Property tests (hypothesis) of the load model, the fast core against the plain oracle, and
parsers of user input."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oracle import oracle_team

from sagstal_desktop.core import load
from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.core.load import Status, compute_person, summarize
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.norms import builtin_norm_sets, catalogue
from sagstal_desktop.core.validation import InputError, parse_count, parse_date, parse_hours, parse_number

DAY = date(2026, 11, 22)
CASE_TYPES = [*catalogue(), "ukendt_type"]
NORM_SETS = builtin_norm_sets()

counts_st = st.dictionaries(st.sampled_from(CASE_TYPES), st.integers(0, 300), max_size=8)
hours_st = st.floats(0, 48, allow_nan=False).map(lambda h: round(h, 1))


@st.composite
def members(draw):
    hours = draw(hours_st)
    other = draw(st.floats(0, 48, allow_nan=False).map(lambda h: round(h, 1)))
    start = draw(st.none() | st.dates(date(2000, 1, 1), date(2027, 12, 31)))
    name = draw(st.text(alphabet="abcæøåÆØÅ -", min_size=1, max_size=12))
    return StaffMember(name=name, weekly_hours=hours, other_hours=other, start_date=start, counts=draw(counts_st))


@given(st.lists(members(), max_size=25), st.sampled_from(NORM_SETS),
       st.floats(0, 0.9), st.integers(0, 12))
@settings(max_examples=150, deadline=None)
def test_fast_core_agrees_with_the_plain_definitions(staff, norm_set, reduction, months):
    team = Team(staff=staff, settings=TeamSettings(newcomer_reduction=reduction, newcomer_months=months))
    slow = oracle_team(team, norm_set, DAY)
    saved = load.NUMPY_FROM_STAFF
    try:
        for threshold in (0, 10**9):  # the numpy path and the plain-Python path
            load.NUMPY_FROM_STAFF = threshold
            _agrees(summarize(team, DAY, norm_set), slow)
    finally:
        load.NUMPY_FROM_STAFF = saved


def _agrees(fast, slow):
    for got, want in zip(fast.persons, slow["persons"], strict=True):
        assert got.status.value == want["status"]
        assert got.capacity == pytest.approx(want["capacity"])
        assert got.measured_capacity == pytest.approx(want["measured_capacity"])
        assert got.total_cases == want["total"] and got.uncovered_cases == want["uncovered"]
        for key in ("fte_caseload", "load_max", "load_min"):
            if want[key] is None:
                assert getattr(got, key) is None
            else:
                assert getattr(got, key) == pytest.approx(want[key])
    assert fast.available_fte == pytest.approx(slow["available"])
    assert fast.total_capacity_fte == pytest.approx(slow["total_capacity"])
    for level in ("max", "mid", "min"):
        assert fast.fte_needed(level) == pytest.approx(slow["need"][level])
    assert fast.over_count == slow["over"] and fast.total_cases == slow["total"]


ds = st.sampled_from(NORM_SETS)
known_type = st.sampled_from(["sygedagpenge", "jobafklaring", "ressourceforloeb", "integration", "born_familie"])


@given(ds, known_type, st.integers(0, 200), st.floats(1, 48), st.floats(0, 0.99))
def test_load_rises_with_cases(norm_set, case_type, n, hours, other_share):
    member = StaffMember("A", hours, hours * other_share, counts={case_type: n})
    before = compute_person(member, norm_set, TeamSettings(), DAY)
    member.counts[case_type] = n + 1
    after = compute_person(member, norm_set, TeamSettings(), DAY)
    if norm_set.norm_for(case_type) is None:
        return
    assert after.load_max > before.load_max and after.load_min > before.load_min


@given(ds, known_type, st.integers(1, 200), st.floats(1, 46), st.floats(0.1, 2))
def test_load_falls_with_hours(norm_set, case_type, n, hours, more):
    if norm_set.norm_for(case_type) is None:
        return
    fewer = compute_person(StaffMember("A", hours, counts={case_type: n}), norm_set, TeamSettings(), DAY)
    extra = compute_person(StaffMember("A", hours + more, counts={case_type: n}), norm_set, TeamSettings(), DAY)
    assert extra.load_max < fewer.load_max
    assert extra.fte_caseload < fewer.fte_caseload


@given(ds, st.integers(0, 200), st.integers(0, 200), st.floats(1, 48))
def test_loads_of_two_case_types_add_up(norm_set, a, b, hours):
    settings_ = TeamSettings()
    first = compute_person(StaffMember("A", hours, counts={"sygedagpenge": a}), norm_set, settings_, DAY)
    second = compute_person(StaffMember("A", hours, counts={"integration": b}), norm_set, settings_, DAY)
    both = compute_person(StaffMember("A", hours, counts={"sygedagpenge": a, "integration": b}), norm_set,
                          settings_, DAY)
    assert both.load_max == pytest.approx(first.load_max + second.load_max)
    assert both.load_min == pytest.approx(first.load_min + second.load_min)
    assert (both.status is Status.OVER) == (both.load_max > 1 + 1e-9)


# -- parsers of user input ------------------------------------------------------------------


@given(st.integers(0, 100_000))
def test_counts_parse_back(n):
    assert parse_count(str(n)) == n
    assert parse_count(float(n)) == n
    assert parse_count(f" {n} ") == n


@given(st.floats(0, 48, allow_nan=False), st.sampled_from(["da", "en"]))
def test_hours_typed_in_danish_or_english_parse_back(hours, lang):
    text = format_number(hours, 2, lang)
    assert parse_hours(text) == pytest.approx(round(hours, 2), abs=0.006)


@given(st.dates(date(1950, 1, 1), date(2100, 12, 31)))
def test_dates_in_danish_formats_parse_back(day):
    for text in (f"{day.day}.{day.month}.{day.year}", f"{day.day:02d}-{day.month:02d}-{day.year}",
                 day.isoformat(), f"{day.day}/{day.month}/{day.year}"):
        assert parse_date(text) == day
    serial = (day - date(1899, 12, 30)).days
    assert parse_date(serial) == day


@given(st.text(max_size=12))
def test_any_text_either_parses_or_raises_input_error(text):
    for parser in (parse_count, parse_hours, parse_date, parse_number):
        try:
            parser(text)
        except InputError as exc:
            assert exc.message("da") and exc.message("en")


@pytest.mark.parametrize(
    ("parser", "value", "code"),
    [
        (parse_count, "tre", "not_number"),
        (parse_count, "12,5", "not_whole"),
        (parse_count, "-3", "negative"),
        (parse_hours, "300", "hours_range"),
        (parse_hours, "-1", "hours_range"),
        (parse_hours, "", "empty"),
        (parse_date, "31.2.2026", "not_date"),
        (parse_date, "1.3.1850", "date_range"),
    ],
)
def test_bad_input_names_the_value(parser, value, code):
    with pytest.raises(InputError) as info:
        parser(value)
    assert info.value.code == code
    if value:
        assert value in info.value.message("da") and value in info.value.message("en")


def test_two_digit_years_and_serials():
    assert parse_date("1/3/26") == date(2026, 3, 1)
    assert parse_date(46082) == date(2026, 3, 1)
    assert parse_date("46082") == date(2026, 3, 1)
    assert parse_date(date(2026, 3, 1) + timedelta(0)) == date(2026, 3, 1)

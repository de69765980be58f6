"""Cases the chosen norm set cannot measure are reported, never read as "below", and never make
a shortfall look smaller (issue 9, item 3). Hand-computed values and a property test."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sagstal_desktop.core import load
from sagstal_desktop.core.load import Status, summarize
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.wording import status_phrase, unmeasured_summary

DAY = date(2026, 11, 22)


def team(*members: StaffMember) -> Team:
    return Team(staff=list(members), settings=TeamSettings(norm_set_id="ds_2020"))


@pytest.mark.parametrize("threshold", [0, 10**9])  # the numpy path and the plain-Python path
def test_only_unmeasured_cases_is_never_below(threshold, monkeypatch):
    monkeypatch.setattr(load, "NUMPY_FROM_STAFF", threshold)
    only = StaffMember("Kun dagpenge", 37.0, counts={"dagpenge": 40})
    part = StaffMember("Delvis", 37.0, counts={"sygedagpenge": 30, "dagpenge": 10})
    part_over = StaffMember("Over alligevel", 37.0, counts={"sygedagpenge": 52, "dagpenge": 10})
    none = StaffMember("Ingen sager", 37.0)
    s = summarize(team(only, part, part_over, none), DAY)
    a, b, c, d = s.persons
    assert a.status is Status.UNMEASURED and a.load_max == 0.0 and a.uncovered_cases == 40
    assert b.status is Status.PARTLY_UNMEASURED  # 30 / 50 = 60 % measured, 10 cases unknown
    assert c.status is Status.OVER  # 52 / 50 measured alone: over whatever the rest is
    assert d.status is Status.BELOW  # no cases at all: truly below
    assert s.below_count == 1 and s.unmeasured_count == 1 and s.partly_unmeasured_count == 1
    assert s.over_count == 1 and s.within_count == 0
    # capacity rule: only the measured share of a person's cases claims their capacity
    assert a.measured_capacity == 0.0
    assert b.measured_capacity == pytest.approx(30 / 40)
    assert c.measured_capacity == pytest.approx(52 / 62)
    assert d.measured_capacity == 1.0
    assert s.available_fte == pytest.approx(0 + 30 / 40 + 52 / 62 + 1)
    assert s.total_capacity_fte == pytest.approx(4.0)
    assert s.fte_needed("max") == pytest.approx(82 / 50)
    assert s.uncovered_cases == 60 and s.total_cases == 142
    assert s.share_within_max == pytest.approx(1 / 2)  # below + within among those with a known status


def test_summary_sentence_states_the_count():
    assert unmeasured_summary(12, 530) == "12 af teamets 530 sager har ingen norm i dette normsæt og indgår ikke."
    assert unmeasured_summary(1, 1_000, "en") == ("1 of the team's 1,000 cases has no norm in this set and is not "
                                                  "included.")
    assert unmeasured_summary(0, 10) == ""
    # the status label as worded in every layer (core.wording.status_label), then the count
    assert status_phrase(Status.PARTLY_UNMEASURED, "ds", "da", 3, 40) == "Delvis uden norm (3 af 40 sager uden norm)"


counts = st.integers(0, 80)


@given(st.lists(st.tuples(counts, counts, st.floats(5, 37)), min_size=1, max_size=6), st.integers(0, 5),
       st.integers(1, 60))
def test_unmeasured_cases_never_make_the_shortfall_smaller(rows, who, extra):
    members = [StaffMember(f"P{i}", hours, counts={"sygedagpenge": a, "jobafklaring": b})
               for i, (a, b, hours) in enumerate(rows)]
    before = summarize(team(*members), DAY)
    target = members[who % len(members)]
    target.counts["dagpenge"] = extra  # a type ds_2020 has no range for
    after = summarize(team(*members), DAY)
    assert after.fte_needed("max") == pytest.approx(before.fte_needed("max"))
    assert after.shortfall("max") >= before.shortfall("max") - 1e-9
    person = after.persons[who % len(members)]
    assert person.status is not Status.BELOW

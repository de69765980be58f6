"""The 2023 survey's method, its national figures, the target-caseload what-if and budget tables."""

from __future__ import annotations

import pytest

from sagstal_desktop.core.survey import (
    compliance_pct,
    count_within,
    national_context,
    parse_answer,
    round_half_up,
    survey_2023,
    survey_area_for,
    survey_average,
)
from sagstal_desktop.core.whatif import TargetWhatIf, budget_table


def test_a_range_answer_counts_as_its_midpoint():
    assert parse_answer("30-35") == 32.5
    assert parse_answer("30 - 35") == 32.5
    assert parse_answer("45") == 45
    assert parse_answer("12,5") == 12.5
    with pytest.raises(ValueError):
        parse_answer("mange")
    with pytest.raises(ValueError):
        parse_answer("40-30")


def test_averages_round_to_whole_numbers_half_up():
    assert survey_average([31, 32]) == 32  # 31.5 -> 32 (Python's round() would give 32 too)
    assert survey_average([32, 33]) == 33  # 32.5 -> 33, where round() gives 32
    assert survey_average(["30-35", 40]) == 36  # (32.5 + 40) / 2 = 36.25
    assert round_half_up(57.5) == 58 and round_half_up(2.675, 2) == 2.68


def test_compliance_share_30_of_52_is_58_percent():
    assert compliance_pct(30, 52) == 58
    answers = ["30-35"] * 30 + [55] * 22
    assert count_within(answers, 35) == 30
    assert compliance_pct(count_within(answers, 35), len(answers)) == 58


def test_the_survey_method_reproduces_every_stated_compliance_share():
    survey = survey_2023()
    assert len(survey.areas) == 13
    for area in survey.areas.values():
        assert area.within_pct == area.stated_within_pct, area.id
    assert survey.overall_pct == survey.overall_stated_pct == 53
    assert survey.answered / survey.sent * 100 == pytest.approx(survey.response_rate_pct, abs=0.05)


def test_national_figures_for_a_team_follow_the_catalogue():
    sygedagpenge = survey_area_for("sdp_kat2")
    assert (sygedagpenge.average_2023, sygedagpenge.average_2019, sygedagpenge.too_high_pct) == (57, 48, 81)
    assert sygedagpenge.assessed == 45 and sygedagpenge.source.document == "ds_survey_2023"
    areas = national_context(["sygedagpenge", "jobafklaring", "dagpenge"])
    assert [a.id for a in areas] == ["sygedagpenge", "jobafklaring"]
    assert survey_area_for("dagpenge") is None


def test_copenhagen_target_caseload_what_if():
    # seed 004: 5,000 citizens from 70 to 50 cases per worker
    what = TargetWhatIf(cases=5000, current=70, target=50)
    assert round(what.extra_fte, 2) == 28.57
    assert what.fte_now == pytest.approx(71.428571, rel=1e-6) and what.fte_at_target == 100
    # the proposal's 11.34 million DKK a year for that is 396,900 DKK per FTE
    assert TargetWhatIf(5000, 70, 50, cost_per_fte=396_900).yearly_cost == pytest.approx(11_340_000)
    with pytest.raises(ValueError):
        TargetWhatIf(5000, 0, 50)


def test_budget_table_in_thousands_like_bi08():
    rows, total = budget_table(11_340_000, 2023, 4)
    assert [(r.year, r.thousand_dkk) for r in rows] == [(y, 11_340) for y in range(2023, 2027)]
    assert total == 45_360
    with pytest.raises(ValueError):
        budget_table(1, 2023, 0)

"""The forecast's default method (issue 28): hand-computed stocks, the band, the backtest, the
available FTE per month, the flows' checks."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sagstal_desktop.core import operations as ops
from sagstal_desktop.core.flows import Flow, FlowError, make_flow, month_after
from sagstal_desktop.core.forecast import (
    ForecastError,
    forecast,
    open_at_start,
    project,
    record_months,
    z_value,
)
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.reductions import Reduction
from sagstal_desktop.core.scenario_model import Absence, Scenario
from sagstal_desktop.core.serialize import team_inputs
from sagstal_desktop.core.validation import InputError, parse_month

TODAY = date(2026, 12, 6)
SDP = "sygedagpenge"  # ds_2020: 35-50


def months_back(n: int, last: date = date(2026, 11, 1)) -> list[date]:
    return [month_after(last, k - n + 1) for k in range(n)]


def team_with(flows: list[Flow], count: int = 100, **person) -> Team:
    team = Team(settings=TeamSettings(norm_set_id="ds_2020"),
                staff=[StaffMember("Anna", id="a", counts={SDP: count}, **person)])
    ops.set_flows(team, flows)
    return team


def constant(n: int = 12, new: int = 10, closed: int = 10) -> list[Flow]:
    return [Flow(m, SDP, new, closed) for m in months_back(n)]


# -- the hand-computed stocks ------------------------------------------------------------------


def test_constant_intake_10_exit_10_pct_from_100_stays_100():
    assert [round(m, 9) for m, _ in project(100, 10, 0.1, 6)] == [100.0] * 6
    result = forecast(team_with(constant()), TODAY)
    method = result.methods[SDP]
    assert method.arrivals == 10 and math.isclose(method.exit_rate, 0.1)
    assert [round(m.cases[SDP].expected, 9) for m in result.months] == [100.0] * 6
    assert result.months[0].month == date(2027, 1, 1) and result.months[-1].month == date(2027, 6, 1)


def test_from_50_it_is_55_then_59_5():
    (m1, _), (m2, _) = project(50, 10, 0.1, 2)
    assert math.isclose(m1, 55) and math.isclose(m2, 59.5)


def test_process_variance_by_hand():
    # month 1 from a fixed 100: binomial 100*0.1*0.9 = 9 plus Poisson 10 = 19
    (_, v1), (_, v2) = project(100, 10, 0.1, 2)
    assert math.isclose(v1, 19) and math.isclose(v2, 19 * 0.81 + 100 * 0.09 + 10)


def test_band_contains_the_expected_value_and_narrows_as_the_window_grows():
    team = team_with(constant(24))
    widths = []
    for window in (3, 6, 12):
        result = forecast(team, TODAY, window=window)
        for month in result.months:
            b = month.cases[SDP]
            assert b.low < b.expected < b.high
            assert month.total.low <= month.total.expected <= month.total.high
        last = result.months[-1].cases[SDP]
        widths.append(last.high - last.low)
    assert widths[0] > widths[1] > widths[2]


def test_band_is_80_pct_normal():
    assert math.isclose(z_value(80), 1.2815515655446004)


def test_intake_what_if_scales_arrivals():
    base = forecast(team_with(constant()), TODAY, months=1)
    more = forecast(team_with(constant()), TODAY, months=1, intake_change_pct=50)
    # 100 * 0.9 + 15 = 105
    assert math.isclose(more.months[0].cases[SDP].expected, 105)
    assert math.isclose(base.months[0].cases[SDP].expected, 100)


def test_types_without_flows_are_held_and_unmeasured_types_named():
    team = team_with(constant())
    team.staff[0].counts.update({"jobparate_o30": 11, "no_such_type": 4})
    result = forecast(team, TODAY, months=2)
    assert result.held == {"jobparate_o30": 11, "no_such_type": 4}
    assert result.unmeasured_types == ("no_such_type",)
    month = result.months[1]
    assert month.cases["jobparate_o30"].expected == 11 and month.unmeasured_cases == 4
    assert math.isclose(month.fte_needed_max.expected, month.cases[SDP].expected / 50 + 11 / 55)


# -- available FTE and the crossing month -------------------------------------------------------


def test_available_fte_knows_reductions_newcomers_and_a_scenarios_absence():
    flows = constant()
    team = team_with(flows, count=40, reductions=(Reduction(18.5, "project", date(2027, 3, 1), None),))
    team.staff.append(StaffMember("Bo", id="b", counts={SDP: 40}, start_date=date(2026, 10, 1)))
    team.settings.newcomer_months, team.settings.newcomer_reduction = 6, 0.25
    result = forecast(team, TODAY, months=6)
    # Jan, Feb: 1 + 0.75; Mar: 0.5 + 0.75; from April Bo's six months are over: 0.5 + 1
    assert [round(m.available_fte, 9) for m in result.months] == [1.75, 1.75, 1.25, 1.5, 1.5, 1.5]
    team.scenarios.append(Scenario("Line væk", team_inputs(team),
                                   [Absence("b", "parental", date(2027, 2, 1), date(2027, 4, 30))]))
    away = forecast(team, TODAY, months=6, scenario="Line væk")
    assert [round(m.available_fte, 9) for m in away.months] == [1.75, 1.0, 0.5, 0.5, 1.5, 1.5]
    assert away.scenario == "Line væk"


def test_crosses_max_is_the_first_month_over():
    # 40 cases today at max 50 for one FTE; intake 3 a month, none closed: 43, 46, 49, 52 (April)
    team = team_with([Flow(m, SDP, 3, 0) for m in months_back(6)], count=40)
    result = forecast(team, TODAY, months=6)
    assert [round(m.cases[SDP].expected, 9) for m in result.months] == [43, 46, 49, 52, 55, 58]
    assert result.crosses_max == date(2027, 4, 1)
    calm = forecast(team_with(constant(), count=40), TODAY)
    assert calm.crosses_max is None


def test_a_snapshot_on_a_months_first_day_gives_the_stock_then():
    from sagstal_desktop.core.history import make_snapshot, morning_of

    team = team_with(constant(6))
    then = team.copy()
    then.staff[0].counts = {SDP: 80}
    day = date(2026, 9, 1)  # the start of the third-last month
    team.snapshots = [make_snapshot(then, as_of=day, taken_at=morning_of(day))]
    result = forecast(team, TODAY)
    # open at the start: Jun-Aug worked back from the snapshot's 80, Sep 80, Oct and Nov 100
    assert math.isclose(result.methods[SDP].exit_rate, (4 * 10 / 80 + 2 * 10 / 100) / 6)
    assert result.measured_months == (day,)
    off_day = team.copy()
    off_day.snapshots = [make_snapshot(then, as_of=date(2026, 9, 2), taken_at=morning_of(date(2026, 9, 2)))]
    assert math.isclose(forecast(off_day, TODAY).methods[SDP].exit_rate, 0.1)


# -- too little data ------------------------------------------------------------------------------


def test_too_little_data_names_what_is_missing():
    with pytest.raises(ForecastError) as exc:
        forecast(team_with([]), TODAY)
    assert exc.value.code == "no_flows"
    with pytest.raises(ForecastError) as exc:
        forecast(team_with(constant(4)), TODAY)
    assert (exc.value.code, exc.value.have, exc.value.need) == ("too_few_months", 4, 6)
    with pytest.raises(ForecastError) as exc:
        forecast(team_with(constant(12)), TODAY, window=2)
    assert exc.value.code == "window_range"
    with pytest.raises(ForecastError) as exc:
        forecast(team_with(constant(12)), TODAY, intake_change_pct=-95)
    assert exc.value.code == "intake_range"
    assert forecast(team_with(constant(4)), TODAY, window=3).window == 3


# -- the backtest ---------------------------------------------------------------------------------


def trend(n: int = 24) -> list[Flow]:
    """Intake 10, 11, 12, ... and no closures: the stock grows by the month's intake."""
    return [Flow(m, SDP, 10 + i, 0) for i, m in enumerate(months_back(n))]


def test_backtest_on_a_24_month_trend_reports_its_errors():
    result = forecast(team_with(trend(), count=1000), TODAY, window=6)
    bt = result.backtest
    assert bt is not None and result.backtest_reason == ""
    assert bt.months == 18 and bt.first == months_back(24)[6] and bt.last == months_back(24)[-1]
    # the method's lambda is the mean of the six months before: it lags the trend by 3.5 cases
    assert math.isclose(bt.median_abs_error, 3.5)
    # "the same as today" misses by the month's whole intake: 16 .. 33, median 24.5
    assert math.isclose(bt.naive_median_abs_error, 24.5)
    assert bt.coverage_pct == 100.0 and not bt.worse_than_naive


def test_backtest_says_when_it_does_worse_than_naive():
    # intake 0, 20, 0, 20 ...: with a window of 3 the mean misses by 13.3, "the same" by 0 or 20
    flows = [Flow(m, SDP, 20 * (i % 2), 0) for i, m in enumerate(months_back(15))]
    bt = forecast(team_with(flows, count=500), TODAY, window=3).backtest
    assert math.isclose(bt.median_abs_error, 40 / 3) and math.isclose(bt.naive_median_abs_error, 10)
    assert bt.worse_than_naive


def test_no_backtest_under_12_months():
    result = forecast(team_with(constant(11)), TODAY)
    assert result.backtest is None and result.backtest_reason == "too_few_months"


# -- flows ----------------------------------------------------------------------------------------


def test_flows_are_checked_once_per_month_and_type():
    team = team_with(constant(3))
    with pytest.raises(FlowError) as exc:
        ops.set_flows(team, [*constant(3), Flow(date(2026, 11, 1), SDP, 1, 1)])
    assert exc.value.code == "duplicate" and exc.value.value == "2026-11 sygedagpenge"
    assert len(team.flows) == 3
    assert make_flow("marts 2026", " sygedagpenge ", "12", 3) == Flow(date(2026, 3, 1), SDP, 12, 3)
    with pytest.raises(InputError):
        make_flow("2026-13", SDP, 1, 1)
    with pytest.raises(InputError):
        make_flow("2026-01", SDP, -1, 1)


@pytest.mark.parametrize("text", ["2026-03", "3.2026", "03/2026", "Mar 2026", "marts 2026", "15.3.2026",
                                  "2026-03-31", date(2026, 3, 9)])
def test_parse_month(text):
    assert parse_month(text) == date(2026, 3, 1)


@pytest.mark.parametrize("text", ["", "2026", "13.2026", "foo 2026", "3.1800"])
def test_parse_month_refuses(text):
    with pytest.raises(InputError):
        parse_month(text)


# -- properties -----------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(start=st.integers(0, 500), lam=st.floats(0, 50), h=st.floats(0.01, 1), steps=st.integers(1, 24))
def test_mean_follows_the_closed_form(start, lam, h, steps):
    a = 1 - h
    for k, (mean, var) in enumerate(project(start, lam, h, steps), start=1):
        assert math.isclose(mean, start * a ** k + lam * (1 - a ** k) / h, rel_tol=1e-9, abs_tol=1e-9)
        assert var >= -1e-9


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), min_size=1, max_size=30),
       today=st.integers(0, 400))
def test_working_back_and_forward_meet_today(rows, today):
    months = months_back(len(rows))
    flows = {m: Flow(m, SDP, n, c) for m, (n, c) in zip(months, rows, strict=True)}
    opens = open_at_start(flows, months, today)
    stock = opens[0]
    for m in months:
        stock += flows[m].new - flows[m].closed
    assert math.isclose(stock, today)
    assert record_months(flows.values()) == months


@settings(max_examples=30, deadline=None)
@given(rows=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=6, max_size=18),
       today=st.integers(0, 300), change=st.sampled_from([0, -20, 35]))
def test_every_band_holds_its_expected_value(rows, today, change):
    flows = [Flow(m, SDP, n, c) for m, (n, c) in zip(months_back(len(rows)), rows, strict=True)]
    result = forecast(team_with(flows, count=today), TODAY, months=4, window=6, intake_change_pct=change)
    for month in result.months:
        for b in (month.cases[SDP], month.total, month.fte_needed_max):
            assert 0 <= b.low <= b.expected + 1e-9 and b.expected <= b.high + 1e-9
        assert math.isclose(month.fte_needed_max.expected, month.cases[SDP].expected / 50)
    over = [m.month for m in result.months if m.fte_needed_max.expected > m.available_fte + 1e-9]
    assert result.crosses_max == (over[0] if over else None)


def test_flows_of_the_as_of_month_or_later_are_not_history():
    """A month entered ahead (December and January on 6 December) is not counted as if it had
    happened: the forecast is the one from the months that have ended, and its window ends in
    November; with an earlier as-of date the later months are left out the same way."""
    history = constant(12, new=10, closed=10)
    ahead = [Flow(date(2026, 12, 1), SDP, 90, 0), Flow(date(2027, 1, 1), SDP, 90, 0)]
    plain = forecast(team_with(history), TODAY)
    with_ahead = forecast(team_with([*history, *ahead]), TODAY)
    assert with_ahead.methods[SDP].arrivals == 10 and with_ahead.window_months[-1] == date(2026, 11, 1)
    assert [m.total.expected for m in with_ahead.months] == [m.total.expected for m in plain.months]
    assert with_ahead.backtest == plain.backtest
    earlier = forecast(team_with([*history, *ahead]), date(2026, 8, 15))
    assert earlier.window_months[-1] == date(2026, 7, 1)
    with pytest.raises(ForecastError):
        forecast(team_with(ahead), TODAY)


def test_a_month_out_of_range_is_called_a_month_not_a_start_date(capsys):
    from conftest import run_cli

    for text in ("1800-01", "marts 2200", "1.1.1800"):
        with pytest.raises(InputError) as exc:
            parse_month(text)
        assert exc.value.message("da") == f'"{text}" er ikke en sandsynlig måned (årene 1950-2100)'
    code, _, err = run_cli(capsys, "forecast", "x.sagstal", "--as-of", "9999-12-31")
    assert code == 2 and '"9999-12-31" er ikke en sandsynlig dato (årene 1950-2100)' in err
    assert "ansættelsesdato" not in err


# -- an exit rate capped at 100 % is said, not hidden --------------------------------------------


def _disagreeing() -> Team:
    """100 open today; the last month 90,000 new and 90,000 closed: 90,000 closed against 100 open
    at its start (900 %), the five months before 10 of 100 (10 %): the mean rate, 150 %, is capped."""
    flows = [Flow(m, SDP, 10, 10) for m in months_back(6)]
    flows[-1] = Flow(flows[-1].month, SDP, 90_000, 90_000)
    return team_with(flows)


def test_a_capped_exit_rate_is_named_with_the_figures():
    from sagstal_desktop.core.forecast_text import inputs_lines, warning_lines

    result = forecast(_disagreeing(), TODAY, window=6)
    method = result.methods[SDP]
    assert method.exit_rate == 1.0 and method.capped == (90_050, 600)
    text = ("Afgangsraten for Sygedagpenge er sat til 100 %: de afsluttede sager overstiger de åbne (90.050 "
            "afsluttede mod 600 åbne ved starten af de brugte måneder). Tjek tilgang og afgang og sagstallene.")
    assert warning_lines(result, "da") == [text]
    assert inputs_lines(result, "da")[-1] == text  # the dialog's and the memo's inputs say it too
    assert forecast(team_with(constant()), TODAY).methods[SDP].capped is None
    assert warning_lines(forecast(team_with(constant()), TODAY), "da") == []

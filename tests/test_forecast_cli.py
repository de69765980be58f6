"""``sagstal flows`` and ``sagstal forecast``: import all or nothing, the JSON keys, too little
data as one line and exit 2, hostile sheets leaving the team file untouched."""

from __future__ import annotations

import json
import math
from datetime import date

import pytest
from conftest import run_cli

from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.io.document import load_team, save_team

TODAY = "6.12.2026"


@pytest.fixture
def team_file(tmp_path):
    team = Team(settings=TeamSettings(norm_set_id="ds_2020"),
                staff=[StaffMember("Anna", id="a", weekly_hours=37, counts={"sygedagpenge": 100})])
    return save_team(team, tmp_path / "team.sagstal")


def _csv(tmp_path, rows, header="Måned;Sagstype;Nye sager;Afsluttede sager", name="flows.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _constant_rows(n=12, kind="Sygedagpenge"):
    """Intake 10 and 10 closed in each of the ``n`` months up to November 2026."""
    return [f"{(10 - k) % 12 + 1}.{2026 if k <= 10 else 2025};{kind};10;10" for k in range(n)]


def test_flows_then_forecast_json_has_the_issues_keys(tmp_path, capsys, team_file):
    sheet = _csv(tmp_path, _constant_rows(12))
    code, out, err = run_cli(capsys, "flows", str(team_file), "--from", str(sheet), "--lang", "en")
    assert code == 0, err
    assert "12 rows of intake and closures stored" in out
    team = load_team(team_file)
    assert len(team.flows) == 12 and {f.case_type for f in team.flows} == {"sygedagpenge"}
    code, out, err = run_cli(capsys, "forecast", str(team_file), "--json", "--as-of", TODAY, "--months", "3")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= {"months", "method", "backtest", "crosses_max"}
    month = data["months"][0]
    assert set(month) == {"month", "cases", "total_expected", "total_low", "total_high", "fte_needed_max",
                          "available_fte"}
    assert month["month"] == "2027-01" and [m["month"] for m in data["months"]] == ["2027-01", "2027-02", "2027-03"]
    assert set(month["cases"]["sygedagpenge"]) == {"expected", "low", "high"}
    assert math.isclose(month["total_expected"], 100) and month["total_low"] < 100 < month["total_high"]
    assert math.isclose(month["fte_needed_max"]["expected"], 2.0) and month["available_fte"] == 1.0
    method = data["method"]
    assert {"window_months", "arrivals_per_month", "exit_rate", "band_pct"} <= set(method)
    assert method["window_months"] == 6 and method["arrivals_per_month"] == {"sygedagpenge": 10.0}
    assert math.isclose(method["exit_rate"]["sygedagpenge"], 0.1) and method["band_pct"] == 80
    assert method["band_method"] == "analytic"
    assert set(data["backtest"]) == {"months", "median_abs_error", "naive_median_abs_error", "coverage_pct"}
    assert data["backtest"]["months"] == 6 and data["backtest"]["median_abs_error"] == pytest.approx(0, abs=1e-9)
    assert data["crosses_max"] == "2027-01"  # 100 cases at max 50 for one person


def test_forecast_text_in_danish_says_whose_calculation_it_is(tmp_path, capsys, team_file):
    run_cli(capsys, "flows", str(team_file), "--from", str(_csv(tmp_path, _constant_rows(12))))
    code, out, _ = run_cli(capsys, "forecast", str(team_file), "--as-of", TODAY)
    assert code == 0
    assert "Sagstals beregning på teamets egne tal for tilgang og afgang" in out
    assert "januar 2027" in out and "DS' maksimum" in out
    assert "Efterprøvning" in out


@pytest.mark.parametrize(("rows", "why"), [
    ([], "ingen intake"),
    (_constant_rows(4), "4 måneder"),
])
def test_too_little_data_is_one_line_and_exit_2(tmp_path, capsys, team_file, rows, why):
    if rows:
        run_cli(capsys, "flows", str(team_file), "--from", str(_csv(tmp_path, rows)))
    code, out, err = run_cli(capsys, "forecast", str(team_file))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "Ingen prognose" in err
    if rows:
        assert "4 måneder" in err and "6" in err


def test_a_bad_sheet_imports_nothing_and_leaves_the_file(tmp_path, capsys, team_file):
    raw = team_file.read_bytes()
    sheet = _csv(tmp_path, ["2026-01;sygedagpenge;10;10", "2026-13;sygedagpenge;10;10",
                            "2026-02;sygedagpenge;-1;x", "2026-01;Sygedagpenge;1;1"])
    code, _, err = run_cli(capsys, "flows", str(team_file), "--from", str(sheet), "--lang", "en")
    assert code == 2 and team_file.read_bytes() == raw
    assert "not a month" in err and "negative" in err and "is not a number" in err
    assert "also in row 2" in err
    assert "4 errors; nothing was imported" in err.splitlines()[-1]


def test_the_problem_cap_holds(tmp_path, capsys, team_file):
    raw = team_file.read_bytes()
    sheet = _csv(tmp_path, [f"bad{i};sygedagpenge;1;1" for i in range(40)])
    code, _, err = run_cli(capsys, "flows", str(team_file), "--from", str(sheet), "--lang", "en")
    lines = err.strip().splitlines()
    assert code == 2 and team_file.read_bytes() == raw
    assert len(lines) == 12 + 2 and "28 more problems" in lines[-2]


def test_a_missing_column_and_an_unknown_type(tmp_path, capsys, team_file):
    raw = team_file.read_bytes()
    sheet = _csv(tmp_path, ["2026-01;sygedagpenge;1"], header="Month;Case type;New cases")
    code, _, err = run_cli(capsys, "flows", str(team_file), "--from", str(sheet), "--lang", "en")
    assert code == 2 and 'the column "Closed cases" is missing' in err and team_file.read_bytes() == raw
    sheet = _csv(tmp_path, ["2026-01;Hundeluftning;1;1"], name="odd.csv")
    code, _, err = run_cli(capsys, "flows", str(team_file), "--from", str(sheet), "--lang", "en")
    assert code == 2 and "--accept-warnings" in err and team_file.read_bytes() == raw
    code, _, err = run_cli(capsys, "flows", str(team_file), "--from", str(sheet), "--accept-warnings")
    assert code == 0 and load_team(team_file).flows[0].case_type == "Hundeluftning"


def test_an_xlsx_in_english_merges_over_earlier_rows(tmp_path, capsys, team_file):
    from openpyxl import Workbook

    run_cli(capsys, "flows", str(team_file), "--from", str(_csv(tmp_path, ["2026-01;sygedagpenge;5;5",
                                                                          "2026-02;sygedagpenge;6;6"])))
    book = Workbook()
    sheet = book.active
    sheet.append(["Month", "Case type", "New cases", "Closed cases"])
    sheet.append([date(2026, 2, 1), "Sickness benefit", 9, 4])
    sheet.append(["2026-03", "sygedagpenge", 7, 3])
    book.save(tmp_path / "flows.xlsx")
    code, _, err = run_cli(capsys, "flows", str(team_file), "--from", str(tmp_path / "flows.xlsx"),
                           "--accept-warnings")
    assert code == 0, err
    flows = load_team(team_file).flows
    assert [(f.month.month, f.new, f.closed) for f in flows] == [(1, 5, 5), (2, 9, 4), (3, 7, 3)]


def test_backtest_is_null_with_a_reason_under_12_months(tmp_path, capsys, team_file):
    run_cli(capsys, "flows", str(team_file), "--from", str(_csv(tmp_path, _constant_rows(8))))
    code, out, _ = run_cli(capsys, "forecast", str(team_file), "--json", "--window", "3")
    data = json.loads(out)
    assert code == 0 and data["backtest"] is None and data["backtest_reason"] == "too_few_months"
    assert data["method"]["window_months"] == 3


def test_a_case_type_with_a_control_character_is_refused(tmp_path, capsys, team_file):
    raw = team_file.read_bytes()
    sheet = _csv(tmp_path, ["2026-01;syge\x1b[2Jdagpenge;1;1"])
    code, _, err = run_cli(capsys, "flows", str(team_file), "--from", str(sheet), "--lang", "en")
    assert code == 2 and "control character" in err and team_file.read_bytes() == raw


def test_forecast_choices_out_of_bounds(tmp_path, capsys, team_file):
    run_cli(capsys, "flows", str(team_file), "--from", str(_csv(tmp_path, _constant_rows(12))))
    for args in (("--window", "2"), ("--months", "0"), ("--intake-change", "-99"), ("--scenario", "nope")):
        code, out, err = run_cli(capsys, "forecast", str(team_file), *args)
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, args


def test_the_demo_has_24_months_and_a_backtest(capsys, demo_file):
    code, out, err = run_cli(capsys, "forecast", str(demo_file), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["backtest"]["months"] == 18 and len(data["months"]) == 6
    assert set(data["method"]["arrivals_per_month"]) == {"sygedagpenge", "jobafklaring"}


def test_forecast_text_table_is_in_aligned_columns(tmp_path, capsys, team_file):
    """The month table is columns (month left, figures right-aligned), not cells joined by " | "."""
    assert run_cli(capsys, "flows", str(team_file), "--from", str(_csv(tmp_path, _constant_rows(12))))[0] == 0
    code, out, _ = run_cli(capsys, "forecast", str(team_file), "--as-of", TODAY)
    assert code == 0 and " | " not in out
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("Måned "))
    table = lines[head:head + 7]
    assert table[1].startswith("januar 2027") and table[6].startswith("juni 2027")
    assert len({len(row) for row in table}) == 1  # every row ends where the header ends
    # constant intake 10 and exit rate 10 % from 100 cases: 100 expected, 100 / 50 = 2,0 FTE at the
    # maximum, against Anna's 1,0 available FTE
    assert all(row.split()[2] == "100" and "2,0 (" in row and row.endswith("  1,0") for row in table[1:])


def test_a_capped_exit_rate_is_a_warning_in_the_text_and_the_json(tmp_path, capsys, team_file):
    # 100 open today; November 90,000 new and 90,000 closed against 100 open at its start
    rows = [f"{m}.2026;Sygedagpenge;10;10" for m in range(6, 11)] + ["11.2026;Sygedagpenge;90000;90000"]
    code, _, err = run_cli(capsys, "flows", str(team_file), "--from", str(_csv(tmp_path, rows)))
    assert code == 0, err
    code, out, err = run_cli(capsys, "forecast", str(team_file), "--json", "--as-of", TODAY, "--window", "6")
    assert code == 0, err
    data = json.loads(out)
    assert data["method"]["exit_rate"] == {"sygedagpenge": 1.0}
    assert data["warnings"] == ["Afgangsraten for Sygedagpenge er sat til 100 %: de afsluttede sager overstiger de "
                                "åbne (90.050 afsluttede mod 600 åbne ved starten af de brugte måneder). Tjek tilgang "
                                "og afgang og sagstallene."]
    code, out, _ = run_cli(capsys, "forecast", str(team_file), "--as-of", TODAY, "--window", "6", "--lang", "en")
    assert code == 0 and "The exit rate for Sickness benefit is set to 100%: the closed cases exceed" in out

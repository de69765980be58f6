"""``sagstal scenario add``, ``scenarios`` and ``compare``: JSON keys, the summary's figures per
variant, the Excel export and one-line errors."""

from __future__ import annotations

import json

import openpyxl
import pytest
from conftest import run_cli as run

from sagstal_desktop.io.document import load_team


@pytest.fixture
def team_file(tmp_path, capsys):
    path = tmp_path / "demo.sagstal"
    assert run(capsys, "demo", "-o", str(path))[0] == 0
    assert run(capsys, "scenario", "add", str(path), "--name", "Barsel", "--absent",
               "Anne Holm:1.1.2027:31.3.2027")[0] == 0
    assert run(capsys, "scenario", "add", str(path), "--name", "En mere", "--add-position", "37")[0] == 0
    assert run(capsys, "scenario", "add", str(path), "--name", "Uden", "--absent", "Anne Holm:1.1.2027:31.3.2027",
               "--no-redistribute")[0] == 0
    return path


def test_scenarios_are_stored_and_listed(team_file, capsys):
    code, out, _ = run(capsys, "scenarios", str(team_file), "--json")
    data = json.loads(out)
    assert code == 0 and [s["name"] for s in data["scenarios"]] == ["Barsel", "En mere", "Uden"]
    assert data["scenarios"][0]["absences"][0]["start"] == "2027-01-01"
    assert data["scenarios"][1]["staff_count"] == 13 and data["scenarios"][2]["redistribute"] is False
    assert data["scenarios"][1]["positions_take_cases"] is True
    assert len(load_team(team_file).staff) == 12  # the team itself is unchanged
    code, out, _ = run(capsys, "scenarios", str(team_file))
    assert "Barsel: 12 medarbejdere; Anne Holm: Sygefravær 1.1.2027–31.3.2027" in out


def test_compare_json_equals_summary_on_each_variant(team_file, capsys):
    code, out, _ = run(capsys, "compare", str(team_file), "--as-of", "2027-02-01", "--json")
    data = json.loads(out)
    assert code == 0 and set(data) == {"file", "as_of", "current", "scenarios"}
    _, summary_out, _ = run(capsys, "summary", str(team_file), "--as-of", "2027-02-01", "--json")
    alone = json.loads(summary_out)
    assert data["current"]["summary"] == alone["summary"]
    assert data["current"]["staff"] == alone["staff"]
    leave, more, without = data["scenarios"]
    assert set(leave["summary"]) == set(alone["summary"]) and set(leave["staff"][0]) == set(alone["staff"][0])
    anne = leave["staff"][0]
    assert anne["capacity_fte"] == 0 and anne["total_cases"] == 0 and leave["without_caseworker"] == {}
    assert sum(a["cases"] for a in leave["assigned"]) == alone["staff"][0]["total_cases"]
    assert leave["summary"]["total_cases"] == alone["summary"]["total_cases"]
    assert more["summary"]["available_fte"] == pytest.approx(alone["summary"]["available_fte"] + 1)
    anne_id = alone["staff"][0]["id"]
    held = {t: n for t, n in alone["staff"][0]["counts"].items() if n}
    assert without["without_caseworker"][anne_id] == held == {"sygedagpenge": 57}
    # before the leave the absence has no effect
    _, out, _ = run(capsys, "compare", str(team_file), "--as-of", "2026-12-01", "--json", "--scenario", "Barsel")
    before = json.loads(out)
    assert before["scenarios"][0]["summary"] == before["current"]["summary"]


def test_compare_writes_excel_and_errors_are_one_line(team_file, tmp_path, capsys):
    out_path = tmp_path / "sammenligning.xlsx"
    code, _, _ = run(capsys, "compare", str(team_file), "--scenario", "En mere", "-o", str(out_path))
    assert code == 0
    sheet = openpyxl.load_workbook(out_path)["Sammenligning"]
    assert [c.value for c in sheet[1]] == [None, "Nuværende team", "En mere"]
    code, _, err = run(capsys, "compare", str(team_file), "--scenario", "Findes ikke")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Findes ikke" in err
    code, _, err = run(capsys, "scenario", "add", str(team_file), "--name", "Barsel")
    assert code == 2 and "exists" in err
    code, _, err = run(capsys, "scenario", "add", str(team_file), "--name", "X", "--absent", "Nobody")
    assert code == 2 and "Nobody" in err


def test_scenario_list_is_the_same_as_scenarios(team_file, capsys):
    for extra in ((), ("--json",), ("--lang", "en")):
        code, listed, _ = run(capsys, "scenario", "list", str(team_file), *extra)
        assert code == 0
        assert listed == run(capsys, "scenarios", str(team_file), *extra)[1]
    assert "Barsel" in listed


def test_scenario_add_with_every_option_to_another_file(team_file, tmp_path, capsys):
    out = tmp_path / "ny.sagstal"
    args = ("scenario", "add", str(team_file), "--name", "Alt", "--absent", "Anne Holm:1.2.2027:30.4.2027",
            "--vacant", "Camilla Nørgaard", "--add-position", "37", "--remove", "Dorthe Ågaard",
            "--norms", "ds_2020", "--no-redistribute", "-o", str(out))
    assert run(capsys, *args)[0] == 0
    team = load_team(out)
    alt = next(s for s in team.scenarios if s.name == "Alt")
    names = {m["name"] for m in alt.inputs["staff"]}
    assert "Dorthe Ågaard" not in names and len(names) == 12  # one removed, one added
    kinds = sorted(a.kind for a in alt.absences)
    assert kinds == ["sick", "vacant"] and alt.redistribute is False
    assert "Alt" not in [s.name for s in load_team(team_file).scenarios]  # FILE itself unchanged
    code, _, err = run(capsys, *args)
    assert code == 2 and len(err.strip().splitlines()) == 1  # the output exists: --force needed
    assert run(capsys, *args, "--force")[0] == 0


def test_summary_of_a_scenario_gives_the_windows_figures(team_file, capsys):
    """``summary --scenario`` is the scenario computed as the window and compare compute it."""
    code, out, _ = run(capsys, "compare", str(team_file), "--as-of", "2027-02-01", "--json")
    leave, more, without = json.loads(out)["scenarios"]
    code, out, _ = run(capsys, "summary", str(team_file), "--scenario", "Barsel", "--as-of", "2027-02-01", "--json")
    data = json.loads(out)
    assert code == 0 and data["scenario"] == "Barsel"
    assert data["summary"] == leave["summary"] and data["staff"] == leave["staff"]
    anne = data["staff"][0]
    assert anne["absent"] is True and anne["absence"] == "sick" and anne["capacity_fte"] == 0
    assert not any(p["absent"] for p in data["staff"][1:])
    assert data["summary"]["unassigned_cases"] == 0 and data["summary"]["absent_count"] == 1
    # without redistribution: Anne's 57 cases are without a caseworker
    _, out, _ = run(capsys, "summary", str(team_file), "--scenario", "Uden", "--as-of", "2027-02-01", "--json")
    assert json.loads(out)["summary"]["unassigned_cases"] == 57 == without["summary"]["unassigned_cases"]
    # the added position takes cases: fewer over the maximum than the team
    _, out, _ = run(capsys, "summary", str(team_file), "--scenario", "En mere", "--as-of", "2027-02-01", "--json")
    extra = json.loads(out)
    _, out, _ = run(capsys, "summary", str(team_file), "--as-of", "2027-02-01", "--json")
    team = json.loads(out)
    assert extra["staff"][-1]["total_cases"] == sum(t["cases"] for t in more["taken"]) > 0
    assert extra["summary"]["over_count"] < team["summary"]["over_count"]
    assert team["scenario"] is None and team["summary"]["unassigned_cases"] == 0
    # text: the absence and the scenario named; an unknown name is one line, exit 2
    code, out, _ = run(capsys, "summary", str(team_file), "--scenario", "Uden", "--as-of", "2027-02-01")
    assert code == 0 and "Scenarie: Uden" in out and "Sager uden sagsbehandler: 57" in out
    assert "Sygefravær" in next(line for line in out.splitlines() if line.startswith("Anne Holm"))
    code, _, err = run(capsys, "summary", str(team_file), "--scenario", "Nope", "--lang", "en")
    assert code == 2 and "no scenario named 'Nope'" in err and len(err.strip().splitlines()) == 1


def test_an_added_position_may_start_empty(team_file, capsys):
    assert run(capsys, "scenario", "add", str(team_file), "--name", "Tom", "--add-position", "37",
               "--no-positions-take-cases")[0] == 0
    _, out, _ = run(capsys, "summary", str(team_file), "--scenario", "Tom", "--as-of", "2027-02-01", "--json")
    data = json.loads(out)
    assert data["staff"][-1]["total_cases"] == 0
    _, out, _ = run(capsys, "summary", str(team_file), "--as-of", "2027-02-01", "--json")
    assert data["summary"]["over_count"] == json.loads(out)["summary"]["over_count"]  # nothing moved

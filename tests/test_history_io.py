"""History import (older team files, spreadsheets of dated figures), the pandas frame, the xlsx
export, and the ``snapshot`` / ``history`` commands."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest
from conftest import run_cli as run

from sagstal_desktop.core.history import add_snapshot, ordered_snapshots, snapshot_norm_set
from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.trend import trend_rows
from sagstal_desktop.io.document import load_team, save_team
from sagstal_desktop.io.history_import import same_team, snapshot_from_file, snapshots_from_table
from sagstal_desktop.io.history_table import export_trend_xlsx, trend_frame

JSON_KEYS = {"date", "label", "norm_set", "staff", "cases", "available_fte", "fte_needed_max", "fte_needed_min",
             "over_count", "average_fte_caseload"}


def _state(team):
    return (team.info, team.settings, [(m.id, m.name, m.weekly_hours, m.counts) for m in team.staff],
            [s.to_dict() for s in team.custom_norm_sets])


def test_importing_an_older_file_adds_its_state_and_changes_nothing_else(tmp_path, demo):
    older = copy.deepcopy(demo)
    older.snapshots = []
    for person in older.staff:
        person.counts = {t: n // 2 for t, n in person.counts.items()}
    older_path = save_team(older, tmp_path / "older.sagstal")
    before_bytes = older_path.read_bytes()
    current = demo.copy()
    state, count = _state(current), len(current.snapshots)
    snapshot, read = snapshot_from_file(older_path, date(2024, 6, 1), "Fra gammel fil")
    assert same_team(current, read)
    add_snapshot(current, snapshot)
    assert older_path.read_bytes() == before_bytes
    assert _state(current) == state and len(current.snapshots) == count + 1
    row = trend_rows(current)[0]
    assert (row.date, row.label, row.origin) == (date(2024, 6, 1), "Fra gammel fil", "file")
    expected = summarize(older, date(2024, 6, 1))
    assert row.cases == expected.total_cases
    assert row.fte_needed_max == pytest.approx(expected.fte_needed_max)
    assert snapshot.data["source_file"] == "older.sagstal"


def _write_csv(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_spreadsheet_of_dated_figures(tmp_path, demo):
    path = _write_csv(tmp_path / "tal.csv",
                      "Dato;Årsværk til rådighed;Årsværk ved maksimum;Årsværk ved minimum;Sager;Normsæt;Betegnelse\n"
                      "01-02-2025;9,5;9,0;12,5;420;ds_2020;Feb\n"
                      "01-01-2025;9,5;8,5;11,8;400;DS 2020;\n")
    result = snapshots_from_table(path, demo)
    assert not result.problems
    team = demo.copy()
    for snapshot in result.snapshots:
        add_snapshot(team, snapshot)
    rows = trend_rows(team)[:2]
    assert [r.date for r in rows] == [date(2025, 1, 1), date(2025, 2, 1)]
    assert (rows[1].available_fte, rows[1].fte_needed_max, rows[1].fte_needed_min) == (9.5, 9.0, 12.5)
    assert (rows[1].cases, rows[1].staff, rows[1].over_count, rows[1].label) == (420, None, None, "Feb")
    assert rows[0].norm_set == "ds_2020" and snapshot_norm_set(ordered_snapshots(team)[0]).id == "ds_2020"


def test_a_title_above_the_table_is_skipped(tmp_path, demo):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Team Nord: udvikling"])
    sheet.append([])
    sheet.append(["Dato", "Årsværk til sagsbehandling", "Årsværk ved maksimum", "Årsværk ved minimum"])
    sheet.append([date(2025, 2, 1), 9.5, 9.0, 12.5])
    book.save(tmp_path / "tal.xlsx")
    result = snapshots_from_table(tmp_path / "tal.xlsx", demo)
    assert not result.errors and len(result.snapshots) == 1
    assert result.snapshots[0].data["figures"]["fte_needed_min"] == 12.5
    assert result.snapshots[0].data["as_of"] == "2025-02-01"


def test_a_title_above_a_csv_table_is_skipped_and_rows_keep_their_width(tmp_path, demo):
    path = _write_csv(tmp_path / "tal.csv",
                      "Team Nord: udvikling\n"
                      "\n"
                      "Dato;Årsværk til sagsbehandling;Årsværk ved maksimum;Årsværk ved minimum;Sager\n"
                      "01-02-2025;9,5;9;12,5;420\n"
                      "01-03-2025;9,8;9,1;12,7;431\n")
    result = snapshots_from_table(path, demo)
    assert not result.problems
    figures = [s.data["figures"] for s in result.snapshots]
    assert [(f["available_fte"], f["fte_needed_max"], f["fte_needed_min"], f["cases"]) for f in figures] == [
        (9.5, 9.0, 12.5, 420), (9.8, 9.1, 12.7, 431)]


def test_spreadsheet_problems_name_row_and_column(tmp_path, demo):
    path = _write_csv(tmp_path / "tal.csv",
                      "Dato;Årsværk til rådighed;Årsværk ved maksimum;Årsværk ved minimum\n"
                      "01-02-2025;9,5;abc;12\n"
                      "01-02-2025;9,5;13;12\n")
    result = snapshots_from_table(path, demo)
    assert result.snapshots == []
    messages = [p.message("da") for p in result.errors]
    assert any("række 2" in m and "Årsværk ved maksimum" in m for m in messages)
    assert any("række 3" in m for m in messages)
    missing = snapshots_from_table(_write_csv(tmp_path / "m.csv", "Dato;Sager\n01-01-2025;3\n"), demo)
    assert any("Årsværk til sagsbehandling" in p.message("da") for p in missing.errors)


def test_frame_and_xlsx_export_round_trip(tmp_path, demo):
    rows = trend_rows(demo)
    frame = trend_frame(rows)
    assert len(frame) == 12 and str(frame.index.dtype).startswith("datetime64")
    assert list(frame.index[frame["norm_set_changed"]].date) == [date(2026, 3, 1)]
    assert frame["shortfall_max"].iloc[-1] == pytest.approx(rows[-1].fte_needed_max - rows[-1].available_fte)
    path = export_trend_xlsx(rows, tmp_path / "udvikling.xlsx")
    back = snapshots_from_table(path, demo)
    assert not back.errors
    team = demo.copy()
    team.snapshots = []
    for snapshot in back.snapshots:
        add_snapshot(team, snapshot)
    again = trend_rows(team)
    assert [(r.date, r.cases, r.over_count, r.norm_set, r.label) for r in again] == [
        (r.date, r.cases, r.over_count, r.norm_set, r.label) for r in rows]
    assert [r.fte_needed_max for r in again] == pytest.approx([r.fte_needed_max for r in rows])


@pytest.mark.parametrize(("lang", "sheets", "headers", "note"), [
    ("da", ["Udvikling", "Kilde"],
     ["Dato", "Betegnelse", "Normsæt", "Medarbejdere", "Sager", "Årsværk til sagsbehandling", "Årsværk ved maksimum",
      "Årsværk ved minimum", "Over maksimum", "Gns. sagstal pr. fuldtid"],
     "Sagstals egen beregning på teamets registrerede input på hver dato, målt mod det normsæt, der gjaldt da."),
    ("en", ["History", "Source"],
     ["Date", "Label", "Norm set", "Staff", "Cases", "Available casework FTE", "FTE needed at max",
      "FTE needed at min", "Over max", "Average full-time caseload"],
     "Sagstal's own calculation on the team's recorded inputs on each date, measured against the norm set in use "
     "then."),
])
def test_the_xlsx_export_speaks_the_chosen_language_and_reads_back(tmp_path, demo, lang, sheets, headers, note):
    """Sheet names and the note come from the text layer, the headers from the history import's
    own table: each language's file is read back with the same snapshots."""
    from openpyxl import load_workbook

    rows = trend_rows(demo)
    path = export_trend_xlsx(rows, tmp_path / f"history-{lang}.xlsx", lang)
    book = load_workbook(path)
    assert book.sheetnames == sheets
    assert [c.value for c in next(book[sheets[0]].iter_rows(max_row=1))] == headers
    assert [[c.value for c in row] for row in book[sheets[1]].iter_rows()] == [[sheets[1]], [note]]
    back = snapshots_from_table(path, demo)
    assert not back.errors and [s.label for s in back.snapshots] == [r.label for r in rows]


def test_cli_snapshot_and_history_json(tmp_path, capsys, demo):
    path = save_team(demo, tmp_path / "team.sagstal")
    code, out, err = run(capsys, "snapshot", str(path), "--date", "2026-11-30", "--label", "November")
    assert code == 0, err
    code, out, _ = run(capsys, "history", str(path), "--json")
    data = json.loads(out)
    assert [set(s) for s in data["snapshots"]] == [JSON_KEYS] * 13
    dates = [s["date"] for s in data["snapshots"]]
    assert dates == sorted(dates) and dates[-1] == "2026-11-30"
    last = data["snapshots"][-1]
    expected = summarize(load_team(path), date(2026, 11, 30))
    assert last["label"] == "November" and last["cases"] == expected.total_cases == 507
    assert last["fte_needed_max"] == pytest.approx(expected.fte_needed_max)
    assert last["over_count"] == expected.over_count and last["norm_set"] == "ds_2020"
    code, out, _ = run(capsys, "history", str(path))
    assert code == 0 and "November" in out and "Sagstals egen beregning" in out


def test_cli_snapshot_from_older_file_needs_a_date_and_the_same_team(tmp_path, capsys, demo):
    path = save_team(demo, tmp_path / "team.sagstal")
    other = demo.copy()
    other.info.team_name = "Team Syd"
    other_path = save_team(other, tmp_path / "syd.sagstal")
    code, _, err = run(capsys, "snapshot", str(path), "--from", str(other_path))
    assert code == 2 and "--date" in err
    code, _, err = run(capsys, "snapshot", str(path), "--from", str(other_path), "--date", "2024-01-31")
    assert code == 2 and "--other-team" in err and len(load_team(path).snapshots) == 12
    older = save_team(demo, tmp_path / "old.sagstal")
    assert run(capsys, "snapshot", str(path), "--from", str(older), "--date", "2024-01-31")[0] == 0
    assert trend_rows(load_team(path))[0].date == date(2024, 1, 31)


def test_a_date_given_twice_names_both_rows(tmp_path, demo):
    path = _write_csv(tmp_path / "tal.csv",
                      "Dato;Årsværk til sagsbehandling;Årsværk ved maksimum;Årsværk ved minimum\n"
                      "01-02-2025;9,5;9;12,5\n"
                      "01-03-2025;9,6;9;12,5\n"
                      "01-02-2025;9,7;9;12,5\n")
    result = snapshots_from_table(path, demo)
    assert result.snapshots == []  # any error blocks the import
    (error,) = result.errors
    assert "række 4" in error.message("da") and "række 2" in error.message("da")
    assert "row 2" in error.message("en")


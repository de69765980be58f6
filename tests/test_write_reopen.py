"""Every file Sagstal writes opens again, and every limit the reader keeps holds at the input.

Issue 21: each reproduction of "a successful command leaves a team file that Sagstal refuses to
open" now ends in exit 2 with one line and the file untouched; ``save_team`` reads back what it
wrote with the reader's own checks before it replaces anything (the same message as opening);
the one atomic writer leaves nothing behind on a full disk and writes through a symbolic link;
the JSON budget refuses a bomb quickly."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from conftest import TODAY
from conftest import run_cli as run

from sagstal_desktop.core.validation import InputError, check_label, parse_number
from sagstal_desktop.io import team_schema
from sagstal_desktop.io.document import DocumentError, load_team, save_team, validate_team

LONG = "L" * 201


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _unchanged(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    load_team(path)  # and it opens


# -- item 1: the reproductions ------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ("snapshot", "{f}", "--label", LONG),
    ("snapshot", "{f}", "--label", "a\x1b[31mb"),
    ("scenario", "add", "{f}", "--name", "Z", "--add-position", "48,01"),
    ("scenario", "add", "{f}", "--name", "Z", "--add-position", "100"),
    ("scenario", "add", "{f}", "--name", LONG),
    ("scenario", "add", "{f}", "--name", "Z", "--ceiling", "0,01"),
    ("scenario", "add", "{f}", "--name", "Z", "--ceiling", "100001"),
    ("scenario", "add", "{f}", "--name", "Z", "--target", "0"),
    ("scenario", "add", "{f}", "--name", "Z", "--target", "-3"),
    ("distribute", "{f}", "--time-limit", "-1"),
    ("distribute", "{f}", "--time-limit", "nan"),
])
def test_a_value_the_reader_would_refuse_is_refused_at_the_cli(demo_file, capsys, args):
    before = demo_file.read_bytes()
    code, out, err = run(capsys, *(a.format(f=demo_file) for a in args))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err and "\x1b" not in err
    _unchanged(demo_file, before)
    assert _leftovers(demo_file.parent) == []


def test_import_with_a_300_character_team_name_is_refused(demo_file, tmp_path, capsys):
    csv = tmp_path / "one.csv"
    assert run(capsys, "export", str(demo_file), "-o", str(csv))[0] == 0
    before = demo_file.read_bytes()
    code, _out, err = run(capsys, "import", str(csv), "--into", str(demo_file), "-o", str(demo_file), "--force",
                          "--accept-warnings", "--team-name", "T" * 300)
    assert code == 2 and "200" in err
    _unchanged(demo_file, before)


def _history_csv(path: Path, *rows: str) -> Path:
    head = "Dato;Betegnelse;Årsværk til sagsbehandling;Årsværk ved maksimum;Årsværk ved minimum\n"
    path.write_text(head + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("row", [
    "01-02-2025;a;2000000000;9;12",  # above the reader's 1e9
    "01-02-2025;a;" + "9" * 400 + ";9;12",  # infinity
    "01-02-2025;" + LONG + ";9;9;12",
    "01-02-2025;a;1E+308;9;12",
    "01-02-2025;a;١٢;9;12",  # Arabic-Indic digits
    "01-02-2025;a\x1b[2J;9;9;12",
])
def test_snapshot_from_a_spreadsheet_refuses_what_the_reader_would(demo_file, tmp_path, capsys, row):
    before = demo_file.read_bytes()
    code, _out, err = run(capsys, "snapshot", str(demo_file), "--from", str(_history_csv(tmp_path / "h.csv", row)),
                          "--lang", "en")
    assert code == 2 and "nothing was imported" in err and "Traceback" not in err
    _unchanged(demo_file, before)


def test_snapshot_from_an_xlsx_with_year_1_is_refused(demo_file, tmp_path, capsys):
    from datetime import datetime

    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Dato", "Årsværk til sagsbehandling", "Årsværk ved maksimum", "Årsværk ved minimum"])
    ws.append([datetime(1, 1, 1), 9, 9, 12])
    book.save(tmp_path / "h.xlsx")
    before = demo_file.read_bytes()
    code, _out, err = run(capsys, "snapshot", str(demo_file), "--from", str(tmp_path / "h.xlsx"), "--lang", "en")
    assert code == 2 and "0001-01-01" in err
    _unchanged(demo_file, before)


def test_10001_history_rows_are_refused_at_the_cap_without_reading_them_all(demo_file, tmp_path, capsys):
    from datetime import date, timedelta

    rows = [f"{(date(2000, 1, 1) + timedelta(days=i)).strftime('%d-%m-%Y')};x;9;9;12" for i in range(10_001)]
    before = demo_file.read_bytes()
    code, _out, err = run(capsys, "snapshot", str(demo_file), "--from", str(_history_csv(tmp_path / "h.csv", *rows)),
                          "--lang", "en")
    assert code == 2 and "Traceback" not in err
    _unchanged(demo_file, before)


def test_the_snapshot_cap_is_a_clear_message(demo, tmp_path, monkeypatch):
    from sagstal_desktop.core import history
    from sagstal_desktop.core.defaults import defaults

    assert defaults()["max_snapshots"] == 1000 and team_schema.TABLES["snapshots"].row_limit() == 1000
    monkeypatch.setitem(defaults(), "max_snapshots", len(demo.snapshots) + 1)
    history.add_snapshot(demo, history.make_snapshot(demo, "ok", as_of=TODAY))
    with pytest.raises(history.SnapshotCapError) as caught:
        history.add_snapshot(demo, history.make_snapshot(demo, "one too many", as_of=TODAY))
    assert caught.value.message("en") == f"A team file holds at most {len(demo.snapshots)} snapshots; delete older " \
                                         "ones first."


def test_the_scenario_and_absence_caps(demo, monkeypatch):
    from sagstal_desktop.core import scenarios as sc
    from sagstal_desktop.core.defaults import defaults
    from sagstal_desktop.core.scenario_model import Absence

    assert (defaults()["max_scenarios"], defaults()["max_absences"]) == (100, 1000)
    monkeypatch.setitem(defaults(), "max_scenarios", 2)
    monkeypatch.setitem(defaults(), "max_absences", 1)
    demo.scenarios[:] = [sc.derive(demo, "A"), sc.derive(demo, "B")]
    with pytest.raises(sc.ScenarioError, match="at most 2 scenarios"):
        sc.derive(demo, "C")
    scenario = demo.scenarios[0]
    ids = [m.id for m in demo.staff]
    sc.set_absence(scenario, Absence(ids[0], "vacant"))
    sc.set_absence(scenario, Absence(ids[0], "other"))  # replacing one's own absence is no new one
    with pytest.raises(sc.ScenarioError, match="at most 1 absences"):
        sc.set_absence(scenario, Absence(ids[1], "vacant"))


# -- save_team checks what it wrote with the reader's checks ------------------------------


def _forced(team, path: Path, sql: str, *params) -> Path:
    """``team`` saved, then changed behind the program's back (what the reader must refuse)."""
    save_team(team, path)
    with sqlite3.connect(path) as db:
        db.execute(sql, params)
    db.close()
    return path


def test_save_refuses_what_load_refuses_with_the_same_message(demo, tmp_path):
    demo.info.team_name = "T" * 201
    forced = demo.copy()
    forced.info.team_name = "ok"
    bad = _forced(forced, tmp_path / "t.sagstal", "UPDATE team SET value = json_set(value, '$.team_name', ?) "
                  "WHERE key = 'info'", "T" * 201)
    with pytest.raises(DocumentError) as opening:
        load_team(bad)
    target = tmp_path / "t.sagstal"
    before = target.read_bytes()
    with pytest.raises(DocumentError) as saving:
        save_team(demo, target)
    assert saving.value.message("en") == opening.value.message("en")
    assert saving.value.message("da") == opening.value.message("da")
    assert "longer than 200 characters" in saving.value.message("en")
    assert target.read_bytes() == before and _leftovers(tmp_path) == []
    with pytest.raises(DocumentError):
        validate_team(demo, target)  # the same check without a file


@pytest.mark.parametrize("change", [
    lambda t: setattr(t.staff[0], "weekly_hours", float("nan")),
    lambda t: setattr(t.staff[0], "weekly_hours", 49.0),
    lambda t: t.staff[0].counts.update(x=100_001),
    lambda t: setattr(t.staff[0], "note", "n" * 2001),
    lambda t: setattr(t.snapshots[0], "label", LONG),
    lambda t: t.snapshots[0].data["figures"].update(available_fte=float("inf")),
    lambda t: t.snapshots[0].data["figures"].update(available_fte=2e9),
])
def test_save_never_writes_a_file_that_does_not_open(demo, tmp_path, change):
    from sagstal_desktop.core.history import take_snapshot

    take_snapshot(demo, "", TODAY)
    change(demo)
    target = tmp_path / "t.sagstal"
    with pytest.raises(DocumentError):
        save_team(demo, target)
    assert not target.exists() and _leftovers(tmp_path) == []


def test_import_of_200001_staff_rows_does_not_leave_an_unopenable_file(demo, tmp_path):
    from sagstal_desktop.core.model import StaffMember

    demo.staff[:] = [StaffMember(name=f"P{i}", weekly_hours=37) for i in range(200_001)]
    with pytest.raises(DocumentError) as caught:
        validate_team(demo, tmp_path / "t.sagstal")
    assert "200000" in caught.value.message("en")


# -- the JSON budget ------------------------------------------------------------------------


def test_a_json_bomb_is_refused_before_it_is_parsed(demo, tmp_path, monkeypatch):
    """The issue's bomb is one snapshot holding 20 million ``[]`` (63 MB; refused in 0.7 s and
    420 MB, see the closing note); here the budget is lowered to keep the test small."""
    del demo.snapshots[1:]
    path = _forced(demo, tmp_path / "bomb.sagstal", "UPDATE snapshots SET data = ?",
                   '{"inputs": {"x": [' + ",".join(["[]"] * 300_000) + "]}}")
    monkeypatch.setattr(team_schema, "MAX_JSON_NODES", 500_000)
    parsed = []
    monkeypatch.setattr(team_schema, "json_depth", lambda obj: parsed.append(obj) or 1)
    facts = team_schema.json_facts  # snapshots are measured by json_facts (depth, strings, numbers at once)
    monkeypatch.setattr(team_schema, "json_facts", lambda obj: parsed.append(obj) or facts(obj))
    with pytest.raises(DocumentError) as caught:
        load_team(path)
    assert "more JSON values than a team file may hold in all (500000)" in caught.value.message("en")
    assert not any(isinstance(p, dict) and "inputs" in p for p in parsed)  # refused before it was parsed
    monkeypatch.undo()
    assert len(load_team(path).snapshots) == 1  # within the real budget the same file opens


def test_json_cost_is_an_upper_bound_on_values_and_keys():
    import json

    for text in ('[]', '[[], [], []]', '{"a": 1, "b": [1, 2, {"c": "x,y"}]}', '"a"', '{"a": {"b": {}}}'):
        nodes, stack = 0, [json.loads(text)]
        while stack:
            item = stack.pop()
            nodes += 1
            if isinstance(item, dict):
                nodes += len(item)
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
        assert team_schema.json_cost(text) >= nodes, text


# -- the atomic writer ---------------------------------------------------------------------


def _full_disk(monkeypatch):
    """Every fsync fails as on a full disk (the writer's last step before the rename)."""
    def no_space(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)


@pytest.mark.parametrize("command", [
    ("export", "{f}", "-o", "{o}/x.xlsx"),
    ("export", "{f}", "-o", "{o}/x.csv"),
    ("compare", "{f}", "-o", "{o}/x.xlsx"),
    ("memo", "{f}", "-o", "{o}/x.pdf"),
    ("snapshot", "{f}"),
    ("scenario", "add", "{f}", "--name", "Fuld disk"),
    ("template", "-o", "{o}/x.xlsx"),
])
def test_a_full_disk_is_one_clear_line_and_nothing_is_left(demo_file, tmp_path, capsys, monkeypatch, command):
    out = tmp_path / "out"
    out.mkdir()
    before = demo_file.read_bytes()
    _full_disk(monkeypatch)
    code, _stdout, err = run(capsys, *(a.format(f=demo_file, o=out) for a in command))
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "drevet er fuldt" in err and os.strerror(errno.ENOSPC) not in err  # Danish, not the system's English
    assert list(out.iterdir()) == [] and _leftovers(demo_file.parent) == []
    monkeypatch.undo()
    _unchanged(demo_file, before)


def test_saving_through_a_symbolic_link_writes_the_file_it_points_to(demo, tmp_path):
    real = save_team(demo, tmp_path / "shared" / "team.sagstal") if (tmp_path / "shared").mkdir() is None else None
    link = tmp_path / "team.sagstal"
    link.symlink_to(real)
    demo.info.team_name = "Via linket"
    save_team(demo, link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_team(real).info.team_name == "Via linket"


def test_user_outputs_follow_the_umask_and_recovery_copies_stay_private(demo, tmp_path):
    from sagstal_desktop.io.compare_table import export_xlsx as export_comparison
    from sagstal_desktop.io.exporter import export_team
    from sagstal_desktop.io.safe_files import default_file_mode

    def mode(p: Path) -> int:
        return stat.S_IMODE(p.stat().st_mode)

    from sagstal_desktop.core.comparison import compare

    export_team(demo, tmp_path / "a.xlsx")
    export_team(demo, tmp_path / "a.csv")
    export_comparison(compare(demo, None, TODAY, "en"), tmp_path / "c.xlsx")
    save_team(demo, tmp_path / "t.sagstal")
    for name in ("a.xlsx", "a.csv", "c.xlsx", "t.sagstal"):
        assert mode(tmp_path / name) == default_file_mode(), name
    save_team(demo, tmp_path / "r.sagstal", private=True)
    assert mode(tmp_path / "r.sagstal") == 0o600
    (tmp_path / "a.csv").chmod(0o640)
    export_team(demo, tmp_path / "a.csv")
    assert mode(tmp_path / "a.csv") == 0o640  # a replaced file keeps its mode


# -- the one parser ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["١٢", "۱۲", "１２", "1" + "0" * 400, "1e5", "nan", "inf"])
def test_the_number_parser_reads_ascii_digits_and_finite_numbers_only(text):
    with pytest.raises(InputError):
        parse_number(text)


def test_labels_refuse_control_characters_and_length():
    assert check_label("  Kvartal 3 ") == "Kvartal 3"
    for bad in ("a\nb", "a\x1b[2Jb", "a\x9bb", "a\x00", "L" * 201):
        with pytest.raises(InputError):
            check_label(bad)


def test_compare_json_has_no_nan_or_infinity():
    import io
    import json

    from sagstal_desktop.cli.common import print_json

    out = io.StringIO()
    print_json({"a": float("nan"), "b": [float("inf"), 1.5], "c": "x\x9by"}, out)
    assert json.loads(out.getvalue()) == {"a": None, "b": [None, 1.5], "c": "x\x9by"}
    assert "\x9b" not in out.getvalue()


def test_a_stored_target_caseload_outside_the_range_is_refused(demo, tmp_path):
    from sagstal_desktop.core import scenarios as sc

    demo.scenarios.append(sc.derive(demo, "Mål"))
    for stored in ("nan", "inf", 1e-320, 0, -5):
        path = _forced(demo, tmp_path / "t.sagstal", "UPDATE scenarios SET data = json_set(data, "
                       "'$.target_caseload', ?)", stored)
        with pytest.raises(DocumentError):
            load_team(path)


# -- no crash: the memo ------------------------------------------------------------------------


def test_a_history_whose_figures_are_all_zero_draws(demo):
    from sagstal_desktop.core.history import SnapshotFigures, figures_snapshot, morning_of
    from sagstal_desktop.core.trend import trend_rows
    from sagstal_desktop.report.fonts import register_fonts
    from sagstal_desktop.report.history_chart import trend_chart

    register_fonts()
    zero = SnapshotFigures(staff=0, cases=0, available_fte=0.0, fte_needed_max=0.0, fte_needed_min=0.0,
                           fte_needed_mid=None, over_count=0, average_fte_caseload=0.0)
    demo.snapshots[:] = [figures_snapshot(d, zero, "", None, "x.csv", morning_of(d))
                         for d in (TODAY.replace(month=1), TODAY.replace(month=2))]
    drawing = trend_chart(trend_rows(demo), 480, "da")  # ZeroDivisionError before issue 21
    assert drawing.width == 480


def test_a_memo_with_the_most_scenarios_lays_them_out_in_tables_of_five(demo, tmp_path):
    import subprocess

    from sagstal_desktop.core import scenarios as sc
    from sagstal_desktop.report.options import MemoOptions
    from sagstal_desktop.report.pdf import write_memo
    from sagstal_desktop.report.scenario_section import column_groups

    assert column_groups(13) == [[0, 1, 2, 3, 4, 5], [0, 6, 7, 8, 9, 10], [0, 11, 12]]
    assert column_groups(1) == [[0]]
    for i in range(100):  # max_scenarios
        demo.scenarios.append(sc.derive(demo, f"Variant {i + 1:03d}"))
    write_memo(demo, tmp_path / "m.pdf", MemoOptions(lang="en", as_of=TODAY))  # reportlab LayoutError before
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "m.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert all(f"Variant {i + 1:03d}" in text for i in range(100))


# -- the window's input paths --------------------------------------------------------------------


def test_the_window_refuses_a_scenario_name_or_a_scenario_the_file_cannot_keep(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from sagstal_desktop.core.defaults import defaults

    bar, warned = window.scenario_bar, []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    assert not bar.create("N" * 201) and "longer than 200 characters" in warned[-1]
    assert not bar.create("Ny\x1b[2J") and "control character" in warned[-1]
    monkeypatch.setitem(defaults(), "max_scenarios", len(window.document().file_team().scenarios) + 1)
    assert bar.create("Den sidste")
    assert not bar.create("En for meget") and warned[-1] == "A team file holds at most " \
        f"{defaults()['max_scenarios']} scenarios; delete one first."
    assert [s.name for s in window.document().file_team().scenarios][-1] == "Den sidste"


# -- streaming imports: a budget on cells --------------------------------------------------------


def test_a_sheet_of_too_many_cells_is_refused_with_its_own_message(tmp_path, monkeypatch):
    from sagstal_desktop.io import table_reader

    monkeypatch.setattr(table_reader, "MAX_CELLS", 1_000)
    csv = tmp_path / "celler.csv"
    csv.write_text("Navn;Timer;" + ";".join(f"k{i}" for i in range(18)) + "\n"
                   + "".join(f"P{i};37;" + ";".join("1" * 18) + "\n" for i in range(60)), encoding="utf-8")
    with pytest.raises(table_reader.ReadError) as caught:
        table_reader.read_table(csv)
    assert caught.value.code == "too_many_cells"
    assert caught.value.message("en") == "celler.csv: the sheet has more than 1.000 cells; split it into smaller files."
    assert caught.value.message("da") == "celler.csv: arket har mere end 1.000 celler; del det op i mindre filer."
    csv.write_text("Navn;Timer" + ";" * 40 + "\n" + "".join(f"P{i};37" + ";" * 40 + "\n" for i in range(200)),
                   encoding="utf-8")
    assert len(table_reader.read_table(csv).rows) == 200  # empty cells cost nothing and are not counted


def test_the_team_settings_dialog_refuses_control_characters(qtbot, demo):
    from PySide6.QtWidgets import QDialog

    from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog

    dialog = TeamSettingsDialog(demo)
    qtbot.addWidget(dialog)
    dialog.team_name.setText("Team \x1b[2JSyd")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "control character" in dialog.error.text() or "styretegn" in dialog.error.text()
    dialog.team_name.setText("Team Syd")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.result_info().team_name == "Team Syd"


def test_the_memo_names_twelve_changes_of_a_scenario_and_counts_the_rest(demo):
    from sagstal_desktop.core import scenarios as sc
    from sagstal_desktop.core.model import StaffMember
    from sagstal_desktop.core.scenario_model import Absence
    from sagstal_desktop.report.scenario_section import MAX_PARTS, memo_sentence

    demo.staff += [StaffMember(name=f"Person {i:03d}", weekly_hours=37) for i in range(40)]
    scenario = sc.derive(demo, "Mange fraværende")
    scenario.absences = [Absence(m.id, "vacant") for m in demo.staff]
    n = len(demo.staff)
    sentence = memo_sentence(scenario, demo, "en")
    assert MAX_PARTS == 12 and sentence.endswith(f"; and {n - 12} more changes.")
    assert sentence.count(";") == 12
    assert memo_sentence(scenario, demo, "da").endswith(f"; og {n - 12} ændringer mere.")
    scenario.absences = scenario.absences[:2]
    assert "more change" not in memo_sentence(scenario, demo, "en")


def test_200001_staff_rows_are_refused_before_they_are_parsed(tmp_path, capsys):
    from conftest import run_cli

    sheet = tmp_path / "hold.csv"
    sheet.write_text("Navn;Timer\n" + "".join(f"P{i};37\n" for i in range(200_001)), encoding="utf-8")
    code, out, err = run_cli(capsys, "import", str(sheet), "-o", str(tmp_path / "t.sagstal"), "--lang", "en")
    assert code == 2
    assert "the file has 200,001 rows of staff; a team file holds at most 200,000" in out + err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hold.csv"]


def test_a_compiled_check_gives_what_check_gives():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    fields = [f for table in team_schema.TABLES.values() for f in table.fields]
    values = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63), st.floats(), st.text(max_size=300),
                       st.binary(max_size=4), st.sampled_from(["[]", "{}", "2026-01-01", "x" * 201]))

    def outcome(check, value):
        try:
            got = check(value, "t", 1)
        except team_schema.Violation as v:
            return ("violation", v.reason)
        return ("ok", type(got), got if got == got else "nan")

    @settings(max_examples=300, deadline=None)
    @given(index=st.integers(0, len(fields) - 1), value=values)
    def same(index, value):
        field = fields[index]
        assert outcome(field.compiled(), value) == outcome(field.check, value)

    same()

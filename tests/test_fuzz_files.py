"""Hostile and unlucky files end in a clean refusal: our error type or exit 2 (1 for an import
check with problems), one line, no traceback, within a time budget, the input byte-identical
and no partial output or temporary file left. The corpus is generated (tests/fuzz_corpus.py);
``bench/fuzz_files.py`` runs the same corpus, and more, in subprocesses with a time limit."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import time
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path

import fuzz_corpus as fc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sagstal_desktop.cli import main
from sagstal_desktop.cli.common import terminal_text
from sagstal_desktop.io.document import DocumentError, load_team
from sagstal_desktop.io.exporter import neutralise_formula

BUDGET_SECONDS = 10.0
_FIXTURE = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _run(argv: list[str]) -> tuple[int, str, str, float]:
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue(), time.perf_counter() - started


def _clean_refusal(code: int, err: str, seconds: float, codes: tuple[int, ...] = (2,), one_line: bool = True) -> None:
    assert code in codes, err
    assert "Traceback" not in err and err.strip()
    if one_line:
        assert err.count("\n") == 1
    assert seconds < BUDGET_SECONDS


@pytest.mark.parametrize(("name", "build"), [c for c in fc.sagstal_cases() if c[0] != "name_ansi"],
                         ids=[c[0] for c in fc.sagstal_cases() if c[0] != "name_ansi"])
def test_every_crafted_team_file_is_refused_cleanly_and_left_untouched(tmp_path, name, build):
    path = build(tmp_path)
    if path is None:
        pytest.skip("not possible on this platform")
    before = fc.snapshot_folder(tmp_path)
    code, _out, err, seconds = _run(["summary", str(path)])
    _clean_refusal(code, err, seconds)
    with pytest.raises(DocumentError) as info:
        load_team(path)
    assert info.value.message("da") and info.value.message("en")
    assert fc.snapshot_folder(tmp_path) == before  # byte-identical, nothing added


def test_a_bad_value_is_named_by_table_field_and_value_in_both_languages(tmp_path):
    path = dict(fc.sagstal_cases())["hours_inf"](tmp_path)
    with pytest.raises(DocumentError) as info:
        load_team(path)
    assert info.value.message("da") == ('team.sagstal: tabel "staff", felt "weekly_hours", række 2: værdien inf er '
                                        "ikke et endeligt tal. Filen er ikke ændret.")
    english = info.value.message("en")
    assert 'table "staff", field "weekly_hours", row 2: the value inf is not a finite number' in english


def test_views_and_triggers_never_run(tmp_path):
    path = dict(fc.sagstal_cases())["staff_view_recursive"](tmp_path)
    code, _out, err, seconds = _run(["summary", str(path), "--lang", "en"])
    assert code == 2 and 'view "staff"' in err and seconds < 2


def test_a_name_with_escape_sequences_prints_without_them(tmp_path):
    path = dict(fc.sagstal_cases())["name_ansi"](tmp_path)
    code, out, _err, _s = _run(["summary", str(path)])
    assert code == 0 and "Rød" in out
    assert "\x1b" not in out and "\x07" not in out


@pytest.mark.parametrize(("name", "build"), fc.sheet_cases(), ids=[c[0] for c in fc.sheet_cases()])
def test_every_crafted_spreadsheet_is_refused_cleanly(tmp_path, name, build):
    path = build(tmp_path)
    if path is None:
        pytest.skip("not possible on this platform")
    before = fc.snapshot_folder(tmp_path)
    code, out, err, seconds = _run(["import", str(path), "--check"])
    _clean_refusal(code, err + out, seconds, codes=(1, 2), one_line=False)
    target = tmp_path / "out.sagstal"
    code, out, err, seconds = _run(["import", str(path), "-o", str(target)])
    _clean_refusal(code, err, seconds, codes=(1, 2), one_line=False)
    assert fc.snapshot_folder(tmp_path) == before  # no team file, no temp file


def test_a_missing_sheet_part_and_a_zip_bomb_have_their_own_messages(tmp_path):
    from sagstal_desktop.io.table_reader import ReadError, read_table

    cases = dict(fc.sheet_cases())
    for name, code in (("xlsx_missing_sheet_part", "corrupt"), ("xlsx_zip_bomb", "bomb"),
                       ("xlsx_rows_far_apart", "too_many_rows"), ("csv_many_columns", "too_many_columns")):
        folder = tmp_path / name
        folder.mkdir()
        with pytest.raises(ReadError) as info:
            read_table(cases[name](folder))
        assert info.value.code == code, name


def test_defusedxml_guards_openpyxl():
    import openpyxl

    assert openpyxl.DEFUSEDXML is True


def test_the_dimension_bomb_stays_small_in_memory(tmp_path):
    path = fc.dimension_bomb(tmp_path)
    script = (
        "import resource, sys\n"
        "from sagstal_desktop.cli import main\n"
        "code = main(['import', sys.argv[1], '--check'])\n"
        "try:  # the child's own peak (ru_maxrss is kept across exec: it would include pytest's)\n"
        "    print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')))\n"
        "except (OSError, StopIteration):\n"
        "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
        "sys.exit(code)\n"
    )
    if sys.platform == "win32":
        pytest.skip("resource is POSIX-only")
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode in (1, 2) and "Traceback" not in done.stderr
    peak_mb = int(done.stdout.strip().splitlines()[-1]) / 1024
    assert peak_mb < 500


# -- random mutations ------------------------------------------------------------------------


@given(seed=st.integers(0, 2**32 - 1))
@_FIXTURE
def test_random_byte_flips_open_or_are_refused(tmp_path_factory, seed):
    folder = tmp_path_factory.mktemp("flip")
    path = fc.flip_bytes(folder, seed)
    before = path.read_bytes()
    started = time.perf_counter()
    try:
        load_team(path)
    except DocumentError as exc:
        assert exc.message("da")
    assert time.perf_counter() - started < BUDGET_SECONDS
    assert path.read_bytes() == before


_ANY_SQL = (st.none() | st.integers(-(2**63), 2**63 - 1) | st.floats() | st.text(max_size=300)
            | st.binary(max_size=20))


@given(field=st.sampled_from(["name", "weekly_hours", "other_hours", "other_tasks", "start_date", "note", "id"]),
       value=_ANY_SQL)
@_FIXTURE
def test_any_value_in_any_staff_field_is_used_only_when_it_fits(tmp_path_factory, field, value):
    folder = tmp_path_factory.mktemp("value")
    path = fc._set_staff(field, value)(folder)
    try:
        team = load_team(path)
    except DocumentError as exc:
        assert "staff" in exc.message("en")
        return
    person = next(p for p in team.staff if p.id == value) if field == "id" else team.staff[1]
    assert isinstance(person.name, str) and 0 <= person.weekly_hours <= 48 and 0 <= person.other_hours <= 48
    assert person.start_date is None or 1900 <= person.start_date.year <= 2200


_JSON = st.recursive(st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                                 max_size=4), max_leaves=12)
_SETTING_KEYS = ["norm_set_id", "newcomer_reduction", "newcomer_months", "cost_per_fte", "cost_source",
                 "budget_years", "budget_first_year"]


@given(settings_value=st.dictionaries(st.sampled_from(_SETTING_KEYS), _JSON, max_size=4) | _JSON)
@_FIXTURE
def test_any_settings_json_is_used_only_when_it_fits(tmp_path_factory, settings_value):
    folder = tmp_path_factory.mktemp("json")
    path = fc._set_json("settings", json.dumps(settings_value))(folder)
    try:
        team = load_team(path)
    except DocumentError as exc:
        assert exc.message("en").endswith("The file has not been changed.")
        return
    s = team.settings
    assert 1 <= s.budget_years <= 10 and 0 <= s.newcomer_reduction <= 1 and 0 <= s.newcomer_months <= 36
    assert s.cost_per_fte is None or 0 <= s.cost_per_fte <= 1e9
    team.norm_set()  # known


# -- memo inputs -----------------------------------------------------------------------------


@pytest.mark.parametrize("length", [5_000, 131_000])
def test_the_memo_lays_out_very_long_names(tmp_path, demo, length):
    from sagstal_desktop.report.options import MemoOptions
    from sagstal_desktop.report.pdf import write_memo

    demo.staff[0].name = "N" * length
    demo.info.team_name = "T" * length
    demo.settings.cost_per_fte = 550_000.0
    demo.settings.cost_source = "K" * length
    started = time.perf_counter()
    pages = write_memo(demo, tmp_path / "memo.pdf", MemoOptions(as_of=date(2026, 11, 22)))
    assert pages >= 1 and time.perf_counter() - started < 30
    assert [p.name for p in tmp_path.iterdir()] == ["memo.pdf"]


@pytest.mark.parametrize("years", [0, 1000, 10**7])
def test_budget_years_out_of_range_are_refused_on_the_command_line_and_clamped_in_the_memo(tmp_path, demo, years):
    from sagstal_desktop.io.document import save_team
    from sagstal_desktop.report.options import MemoOptions
    from sagstal_desktop.report.pdf import write_memo

    path = save_team(demo, tmp_path / "team.sagstal")
    code, _o, err, seconds = _run(["memo", str(path), "-o", str(tmp_path / "m.pdf"), "--budget-years", str(years)])
    _clean_refusal(code, err, seconds)
    assert not (tmp_path / "m.pdf").exists()
    demo.settings.budget_years = years  # set in code, past every check at input
    demo.settings.budget_first_year = years
    demo.settings.cost_per_fte = 500_000.0
    started = time.perf_counter()
    assert write_memo(demo, tmp_path / "m.pdf", MemoOptions(as_of=date(2026, 11, 22))) >= 1
    assert time.perf_counter() - started < 30


# -- exports and terminal --------------------------------------------------------------------


@given(st.text(max_size=30))
def test_no_exported_text_cell_starts_a_formula(text):
    cell = neutralise_formula(text)
    plain_number = text.strip() == text and text.lstrip("+-").replace(",", "").replace(".", "").isdigit()
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or plain_number
    assert cell in (text, "'" + text)


def test_the_csv_export_quotes_formulas_and_keeps_numbers(tmp_path, demo):
    from sagstal_desktop.io.exporter import export_csv

    demo.staff[0].name = "=HYPERLINK(\"http://x\")"
    demo.staff[1].name = "@SUM(1)"
    demo.staff[2].note = "-3"
    export_csv(demo, tmp_path / "t.csv", as_of=date(2026, 11, 22))
    text = (tmp_path / "t.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'@SUM(1)" in text
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


@given(st.text())
def test_terminal_text_has_no_control_characters(text):
    shown = terminal_text(text)
    assert all(ch in "\n\t" or (ord(ch) >= 0x20 and not 0x7F <= ord(ch) <= 0x9F) for ch in shown)


# -- temporary files -------------------------------------------------------------------------


def test_an_interrupted_save_export_and_memo_leave_no_temp_file(tmp_path, demo, monkeypatch):
    from sagstal_desktop.io import document, exporter
    from sagstal_desktop.io.document import save_team
    from sagstal_desktop.report import pdf

    def interrupt(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(document, "_write", interrupt)
    with pytest.raises(KeyboardInterrupt):
        save_team(demo, tmp_path / "team.sagstal")
    monkeypatch.setattr(exporter, "staff_table", interrupt)
    with pytest.raises(KeyboardInterrupt):
        exporter.export_csv(demo, tmp_path / "t.csv")
    monkeypatch.setattr(pdf.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        pdf.write_memo(demo, tmp_path / "m.pdf")
    assert list(tmp_path.iterdir()) == []


def test_stale_temp_files_of_a_killed_save_are_removed_at_the_next_open_and_save(tmp_path, demo):
    from sagstal_desktop.io.document import save_team
    from sagstal_desktop.io.safe_files import lock_temp, release_temp

    path = save_team(demo, tmp_path / "team.sagstal")
    stale = tmp_path / ".team.sagstal.abc123xy.tmp"
    stale.write_bytes(b"names")
    held = tmp_path / ".team.sagstal.held0000.tmp"
    held.write_bytes(b"in use")
    other = tmp_path / ".other.sagstal.abc123xy.tmp"  # another file's: never ours to remove
    other.write_bytes(b"x")
    fd = lock_temp(os.open(held, os.O_RDWR))
    try:
        old = time.time() - 5
        for file in (stale, held, other):
            os.utime(file, (old, old))
        load_team(path)
        assert not stale.exists() and other.exists()
        assert held.exists() or os.name != "posix"  # a running save's file is left alone
        stale.write_bytes(b"names")
        os.utime(stale, (old, old))
        save_team(demo, path)
        assert not stale.exists()
    finally:
        release_temp(fd)


_KILLED_SAVE = """
import sys
from sagstal_desktop.io.document import save_team
sys.path.insert(0, sys.argv[2])
import fuzz_corpus
team = fuzz_corpus.base_team()
team.staff = team.staff * 300
for p in team.staff:
    p.id = None
from sagstal_desktop.core.model import new_id
for p in team.staff:
    p.id = new_id()
print("ready", flush=True)
while True:
    save_team(team, sys.argv[1])
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_killed_saves_leave_the_old_or_new_file_and_no_temp_file_after_the_next_save(tmp_path, demo):
    import signal

    from sagstal_desktop.io.document import save_team

    path = save_team(demo, tmp_path / "team.sagstal")
    tests = str(Path(__file__).parent)
    for i in range(3):
        proc = subprocess.Popen([sys.executable, "-c", _KILLED_SAVE, str(path), tests], stdout=subprocess.PIPE)
        assert proc.stdout.readline().startswith(b"ready")
        time.sleep(0.05 + 0.07 * i)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        load_team(path)  # always a whole file, old or new
    time.sleep(1.1)
    save_team(demo, path)
    assert [p.name for p in tmp_path.iterdir()] == ["team.sagstal"]


# -- recovery files --------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_recovery_copies_are_private_and_hold_an_absolute_path(qtbot, tmp_path, demo, monkeypatch):
    from sagstal_desktop.gui import team_document as gui_document
    from sagstal_desktop.gui.team_document import AUTOSAVE_INTERVAL_MS, Document
    from sagstal_desktop.user_folders import recovery_dir

    assert AUTOSAVE_INTERVAL_MS <= 2000
    monkeypatch.chdir(tmp_path)
    doc = Document(demo, Path("team.sagstal"), as_of=date(2026, 11, 22))
    doc.set_count(doc.team.staff[0].id, "sygedagpenge", 7, "edit")
    assert doc.autosave_in_background()
    doc.wait_for_autosave(30)
    folder = recovery_dir()
    assert folder.stat().st_mode & 0o777 == 0o700 and folder.parent.stat().st_mode & 0o777 == 0o700
    files = sorted(folder.iterdir())
    assert len(files) == 2 and all(f.stat().st_mode & 0o777 == 0o600 for f in files)
    meta = json.loads(next(f for f in files if f.suffix == ".json").read_text(encoding="utf-8"))
    assert meta["path"] == str(tmp_path / "team.sagstal")
    assert gui_document._absolute(Path("x")) == tmp_path / "x"
    doc.close()
    assert list(folder.iterdir()) == []


def test_a_recovery_record_with_a_relative_path_is_offered_without_it(tmp_path):
    from sagstal_desktop.gui.team_document import find_recoverable
    from sagstal_desktop.io.document import save_team
    from sagstal_desktop.user_folders import recovery_dir

    folder = recovery_dir()
    save_team(fc.base_team(), folder / "old.sagstal")
    (folder / "old.json").write_text(json.dumps({"path": "team.sagstal", "pid": 2**22 + 12345}), encoding="utf-8")
    found = find_recoverable()
    assert len(found) == 1 and found[0].original_path is None


def test_sqlite_reading_has_defensive_settings():
    from sagstal_desktop.io.document import _defensive_connection

    db = _defensive_connection()
    assert db.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    assert db.getlimit(sqlite3.SQLITE_LIMIT_LENGTH) <= 64 * 1024 * 1024


def test_sqlite_work_has_a_budget(tmp_path, monkeypatch):
    from sagstal_desktop.io import document, team_schema

    path = fc.valid_file(tmp_path)
    load_team(path)
    monkeypatch.setattr(document, "_STEPS_PER_CALL", 100)
    monkeypatch.setattr(team_schema, "MAX_SQL_STEPS", 200)
    with pytest.raises(DocumentError) as info:
        load_team(path)
    assert info.value.code == "too_slow" and "tager for lang tid" in info.value.message("da")


def test_numbers_that_slip_through_are_formatted_not_raised():
    from sagstal_desktop.core.formatting import format_dkk, format_number

    assert format_number(float("nan")) == "–" and format_dkk(float("inf")) == "–"
    assert format_dkk(1e308, "en").startswith("DKK 100,000,000,000,000,00")
    assert format_number(1234.56, 1, "da") == "1.234,6"


def test_every_field_the_model_saves_is_in_the_reader_schema():
    """A new field needs its line in io/team_schema.py, or the reader would drop it."""
    from dataclasses import fields

    from sagstal_desktop.core.model import TeamInfo, TeamSettings
    from sagstal_desktop.io.team_schema import TABLES, json_objects

    for key, cls in (("info", TeamInfo), ("settings", TeamSettings)):
        assert {f.name for f in fields(cls)} == {f.name for f in json_objects()[key]}
    db = sqlite3.connect(":memory:")
    from sagstal_desktop.io.document import _SCHEMA

    db.executescript(_SCHEMA)
    for name, table in TABLES.items():
        assert set(table.columns) == {row[1] for row in db.execute(f"PRAGMA table_info({name})")}, name


def test_recovery_liveness_check_never_signals_on_windows(monkeypatch):
    """On Windows ``os.kill(pid, 0)`` terminates the process; the check (one, in io.file_lock, for
    the recovery copies and the file locks) must look it up instead."""
    import sys as _sys

    from sagstal_desktop.io import file_lock

    calls = []
    monkeypatch.setattr(file_lock.os, "kill", lambda *a: calls.append(a))
    monkeypatch.setattr(file_lock, "_windows_process_alive", lambda pid: pid == 4242)
    monkeypatch.setattr(_sys, "platform", "win32")
    assert file_lock.process_alive(4242) is True
    assert file_lock.process_alive(4243) is False
    assert calls == []


# -- writing commands: write, then reopen (issue 21) -----------------------------------------


@pytest.mark.parametrize("case", fc.write_cases(), ids=[c[0] for c in fc.write_cases()])
def test_every_writing_command_leaves_files_that_open_again(tmp_path, case):
    """Accepted: every file written opens again (a team file with the reader, a workbook without
    formula or control character, a CSV without a formula start, a PDF). Refused: one clean
    message, and the folder byte for byte as it was (no partial output, no temporary file)."""
    _name, build, side, argv = case
    path = build(tmp_path)
    extra = side(tmp_path) if side is not None else None
    before = fc.snapshot_folder(tmp_path)
    code, out, err, seconds = _run(argv(path, extra, tmp_path))
    assert code in (0, 1, 2) and "Traceback" not in err and seconds < BUDGET_SECONDS, err
    assert "\x1b" not in out + err and "\x07" not in out + err
    if code == 0:
        assert fc.reopen_problems(tmp_path, before) == []
        load_team(path)  # the input team file opens too (it may have been changed in place)
    else:
        assert err.strip(), "a refusal says why"
        assert fc.snapshot_folder(tmp_path) == before


def test_the_write_corpus_holds_both_outcomes(tmp_path):
    """The corpus is not all refusals: the ordinary arguments are accepted and written."""
    outcomes = {}
    for name, build, side, argv in fc.write_cases():
        if name in ("snapshot_label_'Kvartal '", "snapshot_from_ok", "scenario_add_ok", "import_into_team_name_ok",
                    "snapshot_label_'L" + "L" * 7 + "'", "scenario_add_hours_100"):
            folder = tmp_path / str(len(outcomes))
            folder.mkdir()
            path = build(folder)
            extra = side(folder) if side is not None else None
            outcomes[name] = _run(argv(path, extra, folder))[0]
    assert outcomes == {"snapshot_label_'Kvartal '": 0, "snapshot_from_ok": 0, "scenario_add_ok": 0,
                        "import_into_team_name_ok": 0, "snapshot_label_'LLLLLLLL'": 2, "scenario_add_hours_100": 2}

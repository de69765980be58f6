"""Recovering unsaved changes to a shared team file after a crash treats the file as opening it
does: its edit lock is taken (a crashed Sagstal's lock is stale and taken over), someone else's
live lock is announced (who, since when) with the choice to open the recovered work anyway or
save it as a new file, and a save merges with what others wrote to the file since the recovered
version was read instead of overwriting it. A recovered new team has no file and takes no lock.

Two "users" are simulated with the lock's owner fields (another login and computer, a fresh
heartbeat); a crash with the process id of a process that has ended."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TODAY
from PySide6.QtWidgets import QFileDialog, QMessageBox
from test_gui_shared_file import Clicker

from sagstal_desktop.core.history import make_snapshot
from sagstal_desktop.gui import team_document
from sagstal_desktop.gui.team_document import find_recoverable
from sagstal_desktop.io import file_lock
from sagstal_desktop.io.document import load_team, save_team
from sagstal_desktop.io.file_lock import edit_lock_path, read_lock
from sagstal_desktop.user_folders import recovery_dir


@pytest.fixture
def team_file(tmp_path, demo):
    path = tmp_path / "team.sagstal"
    save_team(demo, path)
    return path


@pytest.fixture
def recover_yes(monkeypatch):
    """Answer "Recover unsaved changes?" (Yes or No) with Yes, the window's other questions with Discard."""
    asked: list[str] = []

    def question(parent, title, text, buttons=QMessageBox.StandardButton.NoButton, *a, **k):
        asked.append(text)
        yes = QMessageBox.StandardButton.Yes
        return yes if buttons & yes else QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _ended_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _rewrite_pid(path: Path, pid: int) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["pid"] = pid
    path.write_text(json.dumps(data), encoding="utf-8")


def _crash(win) -> None:
    """The Sagstal of ``win`` stops as a crash stops it: its recovery copy and its edit lock stay
    behind, naming a process that has ended; nothing of it runs or cleans up any more."""
    doc = win.document()
    doc.autosave_now()  # the last tick of the autosave timer (the copy may be up to date already)
    doc._autosave_timer.stop()
    win.shared._heartbeat.stop()
    win.shared._check.stop()
    dead = _ended_pid()
    _rewrite_pid(recovery_dir() / f"{doc._session}.json", dead)
    if win.shared.lock is not None:
        _rewrite_pid(win.shared.lock.lock_file, dead)
        win.shared.lock.held = False  # closing the test's window must not remove it
    doc.discard_recovery = lambda: None
    team_document._LIVE_SESSIONS.discard(doc._session)


def _anna_opens(path: Path) -> str:
    """Anna has ``path`` open on her PC (a live lock: another computer, a fresh heartbeat)."""
    edit_lock_path(path).write_text(json.dumps({
        "app": "sagstal", "login": "anna", "computer": "PC-ANNA", "since": "2026-12-06T09:15:00",
        "pid": 4242, "token": "anna"}), encoding="utf-8")
    return edit_lock_path(path).read_text(encoding="utf-8")


def _someone_else_saves(path: Path, change) -> None:
    team = load_team(path)
    change(team)
    save_team(team, path)


def _set_count(win, row: int, case_type: str, value: str) -> None:
    model = win.model()
    assert model.setData(model.index(row, model.column_of_case_type(case_type)), value)


def _edit_and_crash(make_window, team_file, count: str = "41"):
    first = make_window()
    assert first.files.open_path(team_file)
    assert first.shared.lock is not None
    _set_count(first, 0, "sygedagpenge", count)
    _crash(first)
    assert [f.original_path for f in find_recoverable()] == [team_file]
    return first


def test_recovering_changes_to_a_file_takes_its_edit_lock(make_window, team_file, recover_yes):
    _edit_and_crash(make_window, team_file)
    win = make_window()
    assert win.files.offer_recovery()
    assert win.document_path() == team_file and win.isWindowModified()
    assert win.team().staff[0].counts["sygedagpenge"] == 41
    assert win.shared.lock is not None and read_lock(edit_lock_path(team_file)).token == win.shared.lock.token
    assert win.shared.bar.text().startswith("team.sagstal had a lock left by a Sagstal that is no longer running")
    assert win.files.save()
    assert load_team(team_file).staff[0].counts["sygedagpenge"] == 41
    assert read_lock(edit_lock_path(team_file)).token == win.shared.lock.token
    assert find_recoverable() == []
    assert win.close()
    assert not edit_lock_path(team_file).exists()


def test_a_save_after_recovery_merges_a_write_made_since_the_crash(make_window, team_file, recover_yes, qtbot):
    _edit_and_crash(make_window, team_file)

    def theirs(team):
        team.staff[1].weekly_hours = 30.0
        team.snapshots.append(make_snapshot(team, "udefra", as_of=TODAY))

    _someone_else_saves(team_file, theirs)
    win = make_window()
    assert win.files.offer_recovery()
    qtbot.waitUntil(lambda: win.shared.bar.text().startswith("team.sagstal has been changed outside this window"),
                    timeout=5000)
    clicker = Clicker("Merge")
    assert win.files.save()
    assert clicker.texts == ["team.sagstal has been changed by someone else since you opened it. Saving now would "
                             "overwrite their changes."]
    saved = load_team(team_file)
    assert saved.staff[0].counts["sygedagpenge"] == 41  # the recovered work
    assert saved.staff[1].weekly_hours == 30.0 and saved.snapshots[-1].label == "udefra"  # theirs, kept
    assert not win.isWindowModified()


def test_someone_elses_lock_is_announced_and_open_anyway_merges_on_save(make_window, team_file, recover_yes):
    _edit_and_crash(make_window, team_file)
    annas = _anna_opens(team_file)
    win = make_window()
    clicker = Clicker("Open anyway (merge when saving)")
    assert win.files.offer_recovery()
    assert clicker.texts == ["team.sagstal is already open for editing. Open by anna on PC-ANNA since "
                             "2026-12-06 09:15."]
    assert win.document_path() == team_file and win.isWindowModified() and win.shared.lock is None
    assert win.team().staff[0].counts["sygedagpenge"] == 41
    assert edit_lock_path(team_file).read_text(encoding="utf-8") == annas  # anna's lock stays hers
    _someone_else_saves(team_file, lambda team: setattr(team.staff[1], "weekly_hours", 30.0))  # anna saves
    clicker = Clicker("Merge")
    assert win.files.save()
    saved = load_team(team_file)
    assert saved.staff[0].counts["sygedagpenge"] == 41 and saved.staff[1].weekly_hours == 30.0
    assert edit_lock_path(team_file).read_text(encoding="utf-8") == annas


def test_someone_elses_lock_is_announced_in_danish(make_window, team_file, recover_yes, danish):
    _edit_and_crash(make_window, team_file)
    _anna_opens(team_file)
    win = make_window(lang="da")
    clicker = Clicker("Åbn alligevel (flet ved gem)")
    assert win.files.offer_recovery()
    assert clicker.texts == ["team.sagstal er allerede åben for redigering. Åben af anna på PC-ANNA siden "
                             "6.12.2026 kl. 09.15."]
    assert win.document_path() == team_file and win.shared.lock is None


def test_someone_elses_lock_and_save_as_a_new_file(make_window, team_file, tmp_path, recover_yes, monkeypatch):
    _edit_and_crash(make_window, team_file)
    annas = _anna_opens(team_file)
    before = team_file.read_bytes()
    mine = tmp_path / "mine.sagstal"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(mine), ""))
    win = make_window()
    _clicker = Clicker("Save as a new file…")
    assert win.files.offer_recovery()
    assert load_team(mine).staff[0].counts["sygedagpenge"] == 41
    assert team_file.read_bytes() == before
    assert edit_lock_path(team_file).read_text(encoding="utf-8") == annas
    assert win.document_path() == mine and not win.isWindowModified()
    assert read_lock(edit_lock_path(mine)).token == win.shared.lock.token


def test_save_as_a_new_file_cancelled_keeps_the_work_unsaved(make_window, team_file, recover_yes, monkeypatch):
    _edit_and_crash(make_window, team_file)
    _anna_opens(team_file)
    before = team_file.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    win = make_window()
    _clicker = Clicker("Save as a new file…")
    assert win.files.offer_recovery()
    assert win.document_path() is None and win.isWindowModified()
    assert win.team().staff[0].counts["sygedagpenge"] == 41
    assert win.windowTitle().startswith("Recovered changes to team")
    assert team_file.read_bytes() == before
    recovery = list(recovery_dir().glob("*.json"))  # the work is in this window's recovery copy
    assert [json.loads(f.read_text(encoding="utf-8"))["path"] for f in recovery] == [None]


def test_cancel_at_someone_elses_lock_keeps_the_recovery_copy(make_window, team_file, recover_yes):
    _edit_and_crash(make_window, team_file)
    annas = _anna_opens(team_file)
    before = team_file.read_bytes()
    win = make_window()
    _clicker = Clicker("Cancel")
    assert not win.files.offer_recovery()
    assert win.document_path() is None and win.shared.lock is None
    assert team_file.read_bytes() == before
    assert edit_lock_path(team_file).read_text(encoding="utf-8") == annas
    found = find_recoverable()  # offered again at the next start
    assert [f.original_path for f in found] == [team_file]
    assert load_team(found[0].team_file).staff[0].counts["sygedagpenge"] == 41


def test_a_recovered_new_team_takes_no_lock(make_window, demo, tmp_path, recover_yes):
    first = make_window(demo.copy())
    assert first.document_path() is None
    _set_count(first, 0, "sygedagpenge", "41")
    _crash(first)
    win = make_window()
    assert win.files.offer_recovery()
    assert win.document_path() is None and win.shared.path is None and win.shared.lock is None
    assert win.team().staff[0].counts["sygedagpenge"] == 41
    assert [p for p in tmp_path.rglob("*") if p.name.startswith(".~")] == []


def test_the_base_is_written_once_per_read_and_a_damaged_record_is_ignored(make_window, team_file, recover_yes):
    win = make_window()
    assert win.files.open_path(team_file)
    doc = win.document()
    _set_count(win, 0, "sygedagpenge", "41")
    assert doc.autosave_now()
    base = recovery_dir() / f"{doc._session}.base"
    record = json.loads((recovery_dir() / f"{doc._session}.json").read_text(encoding="utf-8"))
    assert load_team(base).staff[0].counts["sygedagpenge"] == load_team(team_file).staff[0].counts["sygedagpenge"]
    assert record["base"]["sha256"] == file_lock.fingerprint(team_file).sha256
    written = base.stat().st_mtime_ns
    base.write_bytes(base.read_bytes())  # a later autosave must not write it again: its time shows
    touched = base.stat().st_mtime_ns
    _set_count(win, 0, "sygedagpenge", "42")
    assert doc.autosave_now()
    assert base.stat().st_mtime_ns == touched and touched >= written
    assert win.files.save()
    assert list(recovery_dir().iterdir()) == []  # a save removes the copy, its record and its base
    _set_count(win, 0, "sygedagpenge", "43")
    assert doc.autosave_now() and load_team(base).staff[0].counts["sygedagpenge"] == 42  # the base is the save
    _crash(win)
    meta = recovery_dir() / f"{doc._session}.json"
    data = json.loads(meta.read_text(encoding="utf-8"))
    data["base"] = {"size": "many", "mtime_ns": 1, "sha256": 5}  # damaged: the file as it is now is the base
    meta.write_text(json.dumps(data), encoding="utf-8")
    (recovery_dir() / "junk.json").write_text("[1, 2]", encoding="utf-8")  # not a record at all
    (recovery_dir() / "junk.sagstal").write_text("x", encoding="utf-8")
    found = find_recoverable()
    assert [(f.original_path, f.base_file, f.base_print) for f in found] == [(team_file, None, None)]
    other = make_window()
    assert other.files.offer_recovery()
    assert other.team().staff[0].counts["sygedagpenge"] == 43 and other.shared.lock is not None
    assert not other.shared.changed_outside()
    assert other.files.save() and load_team(team_file).staff[0].counts["sygedagpenge"] == 43

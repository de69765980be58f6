"""The window on a shared team file (issue 22): a second window is told who has the file open
(read-only, a copy, anyway), a stale lock is taken over with a note, a change made elsewhere
shows a bar at once, a save merges the other writer's snapshots (the issue's repro) or shows a
conflict, a Windows sharing violation keeps the work, and opening the open file reloads it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from conftest import TODAY
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QToolBar

from sagstal_desktop.cli import main as cli_main
from sagstal_desktop.core.history import make_snapshot
from sagstal_desktop.core.scenarios import derive
from sagstal_desktop.io import file_lock
from sagstal_desktop.io.document import load_team, save_team
from sagstal_desktop.io.file_lock import computer_name, edit_lock_path, login_name, read_lock


class Clicker:
    """Answers the message boxes the window opens, in order: clicks the button with each
    queued text and records each box's text. A box it cannot answer is closed after a few
    seconds (the test then fails on what it expected, instead of hanging)."""

    def __init__(self, *labels: str) -> None:
        self.labels, self.texts, self._done, self._tries = list(labels), [], [], 0
        QTimer.singleShot(0, self._look)

    def _look(self) -> None:
        if not self.labels:
            return
        self._tries += 1
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible() and widget not in self._done:
                texts = [b.text().replace("&", "") for b in widget.buttons()]
                if self.labels[0] in texts:
                    self.texts.append(widget.text())
                    self._done.append(widget)
                    widget.buttons()[texts.index(self.labels.pop(0))].click()
                elif self._tries > 250:
                    self.texts.append(f"unanswered: {widget.text()} {texts}")
                    widget.reject()
                break
        QTimer.singleShot(20, self._look)


@pytest.fixture
def team_file(tmp_path, demo):
    path = tmp_path / "team.sagstal"
    save_team(demo, path)
    return path


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    return shown


def _set_count(win, row: int, case_type: str, value: str) -> None:
    model = win.model()
    assert model.setData(model.index(row, model.column_of_case_type(case_type)), value)


def _someone_else_saves(path, change) -> None:
    team = load_team(path)
    change(team)
    save_team(team, path)


def test_a_second_window_is_told_who_has_the_file_open(make_window, team_file, monkeypatch):
    first = make_window()
    assert first.files.open_path(team_file)
    assert read_lock(edit_lock_path(team_file)).token == first.shared.lock.token
    second = make_window()
    clicker = Clicker("Open read-only")
    assert second.files.open_path(team_file)
    assert len(clicker.texts) == 1
    assert clicker.texts[0].startswith(f"team.sagstal is already open for editing. Open by {login_name()} on "
                                       f"{computer_name()} since ")
    assert second.shared.read_only and second.shared.lock is None
    assert second.windowTitle().startswith("team.sagstal (read-only)")
    before = team_file.read_bytes()
    _set_count(second, 0, "sygedagpenge", "44")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert not second.files.save()  # read-only: Save asks for another name (cancelled here)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(team_file), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    assert not second.files.save()  # ... and not the same name
    assert shown == ["team.sagstal is open read-only here because someone else has it open. Save your changes "
                     "under another name."]
    assert team_file.read_bytes() == before
    third = make_window()
    _clicker = Clicker("Open a copy")
    assert third.files.open_path(team_file)
    assert third.document_path() is None and third.windowTitle().startswith("Copy of team")
    fourth = make_window()
    _clicker = Clicker("Open anyway")
    assert fourth.files.open_path(team_file)
    assert fourth.document_path() == team_file and fourth.shared.lock is None
    assert read_lock(edit_lock_path(team_file)).token == first.shared.lock.token
    assert first.close()
    assert not edit_lock_path(team_file).exists()


def test_a_stale_lock_is_taken_over_with_a_note(make_window, team_file, qtbot):
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    edit_lock_path(team_file).write_text(json.dumps({
        "app": "sagstal", "login": "anna", "computer": computer_name(), "since": "2026-12-06T09:15:00",
        "pid": proc.pid, "token": "crashed"}), encoding="utf-8")
    win = make_window()
    assert win.files.open_path(team_file)
    assert win.shared.bar.text().startswith("team.sagstal had a lock left by a Sagstal that is no longer running "
                                            "(Open by anna on ")
    assert "This window has taken it over." in win.shared.bar.text()
    assert read_lock(edit_lock_path(team_file)).token == win.shared.lock.token
    # the note is a bar of its own below the tool bars, as wide as they are, with only its OK button
    # (a widget in a tool bar hides through its action: the others left empty buttons beside the note)
    bar = win.shared.bar
    win.show()
    qtbot.waitExposed(win)
    bars = [b for b in win.findChildren(QToolBar) if b is not bar and b.isVisible()]
    assert bars and all(bar.geometry().top() >= b.geometry().bottom() for b in bars)
    assert bar.width() >= max(b.width() for b in bars) - 2
    assert [b.text() for b in (bar.reload_button, bar.merge_button, bar.close_button) if b.isVisible()] == ["OK"]


def test_the_issue_repro_five_snapshots_survive_an_edit_and_save(make_window, team_file, qtbot, capsys):
    win = make_window()
    assert win.files.open_path(team_file)
    before = len(load_team(team_file).snapshots)
    for i in range(5):  # the window holds the file: the command refuses, nothing is lost
        assert cli_main(["snapshot", str(team_file), "--label", f"cli {i}", "--lang", "en"]) == 2
    assert "team.sagstal is open for editing. Open by" in capsys.readouterr().err
    for i in range(5):  # ... unless told to go ahead: then the window must merge them
        assert cli_main(["snapshot", str(team_file), "--label", f"cli {i}", "--ignore-lock"]) == 0
    qtbot.waitUntil(lambda: win.shared.bar.isVisible(), timeout=5000)  # at once, not modal
    assert win.shared.bar.text().startswith("team.sagstal has been changed outside this window")
    assert QApplication.activeModalWidget() is None
    _set_count(win, 0, "sygedagpenge", "41")
    clicker = Clicker("Merge")
    assert win.files.save()  # Ctrl+S
    assert clicker.texts == ["team.sagstal has been changed by someone else since you opened it. Saving now would "
                             "overwrite their changes."]
    saved = load_team(team_file)
    assert [s.label for s in saved.snapshots][before:] == [f"cli {i}" for i in range(5)]
    assert saved.staff[0].counts["sygedagpenge"] == 41
    assert not win.isWindowModified() and not win.shared.bar.isVisible()
    assert cli_main(["history", str(team_file), "--json", "--pretty"]) == 0
    assert sum('"label": "cli ' in line for line in capsys.readouterr().out.splitlines()) == 5


def test_a_conflict_on_the_same_cell_is_shown_and_the_user_chooses(make_window, team_file, demo):
    win = make_window()
    assert win.files.open_path(team_file)
    name = demo.staff[0].name

    def theirs(team):
        team.staff[0].counts["sygedagpenge"] = 12
        team.staff[1].weekly_hours = 30.0
        team.scenarios.append(derive(team, "Deres"))

    _someone_else_saves(team_file, theirs)
    _set_count(win, 0, "sygedagpenge", "41")
    clicker = Clicker("Merge", "Keep mine")
    assert win.files.save()
    assert len(clicker.texts) == 2
    assert f"{name}, Sickness benefit: yours 41, theirs 12" in clicker.texts[1]
    saved = load_team(team_file)
    assert saved.staff[0].counts["sygedagpenge"] == 41  # mine, as chosen
    assert saved.staff[1].weekly_hours == 30.0 and [s.name for s in saved.scenarios][-1] == "Deres"
    assert win.team().staff[1].weekly_hours == 30.0  # the window shows the merged team


def test_cancelling_the_conflict_changes_nothing_and_reload_takes_theirs(make_window, team_file):
    win = make_window()
    assert win.files.open_path(team_file)
    _someone_else_saves(team_file, lambda team: team.staff[0].counts.__setitem__("sygedagpenge", 12))
    theirs_bytes = team_file.read_bytes()
    _set_count(win, 0, "sygedagpenge", "41")
    _clicker = Clicker("Merge", "Cancel")
    assert not win.files.save()
    assert team_file.read_bytes() == theirs_bytes
    assert win.team().staff[0].counts["sygedagpenge"] == 41 and win.isWindowModified()
    _clicker = Clicker("Reload theirs")  # the question "lose your changes?" is answered Discard (conftest)
    assert not win.files.save()
    assert win.team().staff[0].counts["sygedagpenge"] == 12 and not win.isWindowModified()
    assert team_file.read_bytes() == theirs_bytes


def test_opening_the_open_file_again_reloads_it(make_window, team_file):
    win = make_window()
    assert win.files.open_path(team_file)
    token = win.shared.lock.token
    _someone_else_saves(team_file, lambda team: team.snapshots.append(make_snapshot(team, "udefra", as_of=TODAY)))
    assert win.files.open_file(team_file)  # no "open elsewhere" question: the lock is this window's
    assert win.team().snapshots[-1].label == "udefra"
    assert win.shared.lock.token == token and not win.shared.changed_outside()


def test_a_windows_sharing_violation_keeps_the_work_and_the_recovery_copy(make_window, team_file, monkeypatch,
                                                                          warnings):
    from sagstal_desktop.user_folders import recovery_dir

    win = make_window()
    assert win.files.open_path(team_file)
    before = team_file.read_bytes()
    real_setting = file_lock._setting
    monkeypatch.setattr(file_lock, "_setting",
                        lambda key: 0.3 if key == "save_replace_retry_seconds" else real_setting(key))
    calls = []

    def replace(src, dst):
        if str(dst) == str(team_file):
            calls.append(dst)
            error = PermissionError(13, "The process cannot access the file")
            error.winerror = 32
            raise error
        os.replace.__wrapped__(src, dst)

    real_replace = os.replace
    replace.__wrapped__ = real_replace
    monkeypatch.setattr(os, "replace", replace)
    _set_count(win, 0, "sygedagpenge", "41")
    start = time.monotonic()
    assert not win.files.save()
    assert time.monotonic() - start < 5
    assert len(calls) == 3
    assert warnings and "could not be saved because another program has it open" in warnings[0]
    assert team_file.read_bytes() == before
    assert win.isWindowModified() and win.team().staff[0].counts["sygedagpenge"] == 41
    copies = list(recovery_dir().glob("*.sagstal"))
    assert len(copies) == 1 and load_team(copies[0]).staff[0].counts["sygedagpenge"] == 41
    assert sorted(p.name for p in team_file.parent.iterdir()) == [".~lock.team.sagstal#", "team.sagstal"]
    monkeypatch.setattr(os, "replace", real_replace)
    assert win.files.save()  # the other program has let go
    assert load_team(team_file).staff[0].counts["sygedagpenge"] == 41
    assert list(recovery_dir().glob("*.sagstal")) == []


def test_the_bar_merges_without_saving(make_window, team_file, qtbot):
    win = make_window()
    assert win.files.open_path(team_file)
    _set_count(win, 0, "sygedagpenge", "41")
    _someone_else_saves(team_file, lambda team: team.snapshots.append(make_snapshot(team, "udefra", as_of=TODAY)))
    theirs_bytes = team_file.read_bytes()
    qtbot.waitUntil(lambda: win.shared.bar.isVisible(), timeout=5000)
    assert win.shared.bar.merge_button.isVisible() and win.shared.bar.merge_button.text() == "Merge"
    win.shared.bar.merge_button.click()
    assert not win.shared.bar.isVisible()
    assert win.team().snapshots[-1].label == "udefra" and win.team().staff[0].counts["sygedagpenge"] == 41
    assert win.isWindowModified() and team_file.read_bytes() == theirs_bytes  # merged here, not yet saved
    assert win.files.save()  # no question now: the file is what was merged
    saved = load_team(team_file)
    assert saved.snapshots[-1].label == "udefra" and saved.staff[0].counts["sygedagpenge"] == 41
    win.document().undo_stack.undo()  # the merge was one step; the edit before it stays
    assert win.team().staff[0].counts["sygedagpenge"] == 41 and win.team().snapshots[-1].label != "udefra"


def test_the_file_given_at_start_is_locked_or_announced_and_conflict_copies_are_mentioned(
        qapp, qtbot, team_file, demo, monkeypatch):
    from sagstal_desktop.gui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    (team_file.parent / "team-PC-NAVN.sagstal").write_bytes(team_file.read_bytes())
    first = MainWindow(load_team(team_file), team_file, as_of=TODAY, lang="en")
    qtbot.addWidget(first)
    assert not edit_lock_path(team_file).exists()  # the window alone does not lock: the start does
    first.files.claim_started_file(team_file)
    assert read_lock(edit_lock_path(team_file)).token == first.shared.lock.token
    assert first.last_message().startswith("Copies that a synchronising program may have made lie beside the "
                                           "file: team-PC-NAVN.sagstal.")
    second = MainWindow(load_team(team_file), team_file, as_of=TODAY, lang="en")
    qtbot.addWidget(second)
    clicker = Clicker("Cancel")
    second.files.claim_started_file(team_file)
    assert clicker.texts and "is already open for editing. Open by" in clicker.texts[0]
    assert second.shared.read_only and second.shared.lock is None  # cancelled: look, do not write
    assert second.windowTitle().startswith("team.sagstal (read-only)")
    assert first.close() and not edit_lock_path(team_file).exists()


@pytest.mark.parametrize("edited", [False, True])
def test_the_change_bar_is_as_tall_as_its_lines_at_1366_wide(make_window, team_file, qtbot, edited):
    """The bar's text wraps at the window's width, and the bar is no taller than those lines (or
    its buttons) and its margins: it was four lines tall for two lines of text and took two
    rows of the table at 1366×768."""
    win = make_window()
    win.resize(1366, 700)
    assert win.files.open_path(team_file)
    if edited:  # the longer text: merge or reload
        _set_count(win, 0, "sygedagpenge", "41")
    _someone_else_saves(team_file, lambda team: setattr(team.staff[0], "weekly_hours", 30))
    bar = win.shared.bar
    qtbot.waitUntil(lambda: bar.isVisible(), timeout=5000)
    qtbot.wait(50)
    label = bar.label
    assert bar.width() >= 1300 and label.width() >= 900
    lines = label.heightForWidth(label.width())
    line = label.fontMetrics().lineSpacing()
    assert lines <= 2 * line + 2, "the text fits two lines across a 1366 px window"
    content = max(lines, *(b.sizeHint().height() for b in (bar.reload_button, bar.close_button)))
    assert label.height() <= content
    assert bar.height() <= content + 12, (bar.height(), content)

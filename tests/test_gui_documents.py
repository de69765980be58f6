"""Files in the window: save / close / open round trips, the unsaved-changes prompt, damaged
files, recent files, and recovery after a crash (a real crashed process)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import TODAY
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sagstal_desktop.gui.actions import Act, Menu
from sagstal_desktop.gui.team_document import find_recoverable

Button = QMessageBox.StandardButton


class Answers:
    """Stands in for QMessageBox.question: gives the queued answers and records the texts."""

    def __init__(self, *answers: QMessageBox.StandardButton) -> None:
        self.answers, self.asked = list(answers), []

    def __call__(self, parent, title, text, *args, **kwargs):
        self.asked.append(text)
        return self.answers.pop(0) if self.answers else Button.Discard


@pytest.fixture
def answers(monkeypatch):
    fake = Answers()
    monkeypatch.setattr(QMessageBox, "question", fake)
    return fake


@pytest.fixture
def make_window(qapp, qtbot, answers):
    from sagstal_desktop.gui import qt_language
    from sagstal_desktop.gui.main_window import MainWindow

    qt_language.install_translations(qapp, "en")  # whatever an earlier test left installed
    def make(team=None, path=None, demo=False):
        win = MainWindow(team, path, demo=demo or team is None, as_of=TODAY, lang="en")
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        return win

    return make


def _set_count(win, row: int, case_type: str, value: str) -> None:
    model = win.model()
    assert model.setData(model.index(row, model.column_of_case_type(case_type)), value)


def test_save_close_open_round_trip(make_window, demo, tmp_path, monkeypatch):
    target = tmp_path / "team nord"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    win = make_window(demo, demo=True)
    _set_count(win, 2, "sygedagpenge", "45")
    assert win.isWindowModified()
    assert win.files.save()  # the demo has no file yet: Save asks where (Save As)
    saved = tmp_path / "team nord.sagstal"
    assert saved.is_file()
    assert win.document_path() == saved
    assert win.windowTitle() == "team nord.sagstal[*] – Sagstal"
    assert not win.isWindowModified()
    assert win.close()

    again = make_window(demo)
    assert again.files.open_path(saved)
    assert again.document_path() == saved
    assert [(m.name, m.weekly_hours, m.other_hours, m.start_date, m.counts) for m in again.team().staff] == [
        (m.name, m.weekly_hours, m.other_hours, m.start_date, m.counts) for m in win.team().staff]
    assert again.team().settings == win.team().settings
    assert again.summary().persons[2].fte_caseload == pytest.approx(55.5)
    assert not again.isWindowModified()
    assert again.files.recent_files()[0] == saved.resolve()

    from sagstal_desktop.gui.app import start_file

    assert start_file(None, demo=False) == saved.resolve()  # the next start opens the last file
    assert start_file(None, demo=True) is None


def test_save_writes_to_the_open_file_without_asking(make_window, demo, tmp_path, monkeypatch):
    from sagstal_desktop.io.document import load_team, save_team

    path = tmp_path / "t.sagstal"
    save_team(demo, path)
    win = make_window(load_team(path), path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("must not ask"))
    _set_count(win, 0, "sygedagpenge", "50")
    win.actions[Act.SAVE].trigger()
    assert load_team(path).staff[0].counts["sygedagpenge"] == 50
    assert not win.isWindowModified()


def test_closing_with_unsaved_changes_asks_first(make_window, demo, answers):
    win = make_window(demo)
    win.close()  # nothing changed: no question
    assert answers.asked == []

    win = make_window(demo)
    _set_count(win, 0, "sygedagpenge", "50")
    answers.answers = [Button.Cancel]
    assert not win.close()
    assert win.isVisible()
    assert len(answers.asked) == 1 and "not saved" in answers.asked[0]
    assert win.team().staff[0].counts["sygedagpenge"] == 50

    answers.answers = [Button.Discard]
    assert win.close()
    assert len(answers.asked) == 2


def test_new_and_open_ask_before_dropping_changes(make_window, demo, answers):
    win = make_window(demo)
    _set_count(win, 0, "sygedagpenge", "50")
    answers.answers = [Button.Cancel]
    win.actions[Act.NEW].trigger()
    assert len(win.team().staff) == 12
    answers.answers = [Button.Discard]
    win.actions[Act.NEW].trigger()
    assert win.team().staff == []
    assert win.windowTitle().startswith("Untitled team")
    assert win.summary_panel.value("staff") == "0 persons"


def test_a_damaged_file_shows_the_core_message_and_changes_nothing(make_window, demo, tmp_path, monkeypatch):
    from sagstal_desktop.io.document import DocumentError, load_team

    bad = tmp_path / "broken.sagstal"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x13" * 600)
    with pytest.raises(DocumentError) as caught:
        load_team(bad)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    win = make_window(demo)
    _set_count(win, 0, "sygedagpenge", "50")
    before = win.team().copy()
    assert not win.files.open_path(bad)
    assert shown == [caught.value.message("en")]
    assert win.team().staff == before.staff
    assert win.isWindowModified()
    assert win.document().undo_stack.count() == 1
    assert bad.read_bytes().startswith(b"SQLite format 3")


def test_a_damaged_file_shows_the_same_danish_text_as_the_cli(qapp, qtbot, answers, demo, tmp_path, monkeypatch):
    from sagstal_desktop.gui import qt_language
    from sagstal_desktop.gui.main_window import MainWindow
    from sagstal_desktop.io.document import save_team

    bad = save_team(demo, tmp_path / "hold.sagstal")
    data = bad.read_bytes()
    bad.write_bytes(data[: len(data) // 3])
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    win = MainWindow(demo, None, as_of=TODAY, lang="da")
    qtbot.addWidget(win)
    try:
        assert not win.files.open_path(bad)
    finally:
        qt_language.install_translations(qapp, "en")
    assert shown == ["hold.sagstal er beskadiget og kan ikke åbnes: dens indre opbygning er ødelagt. "
                     "Filen er ikke ændret."]


_CRASH = textwrap.dedent("""
    import os, sys
    from datetime import date
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from sagstal_desktop.gui.main_window import MainWindow
    from sagstal_desktop.io.document import load_team
    path = sys.argv[1]
    win = MainWindow(load_team(path), path, as_of=date(2026, 11, 22), lang="en")
    model = win.model()
    model.setData(model.index(2, model.column_of_case_type("sygedagpenge")), "47")
    assert win.document().autosave_now()
    os._exit(3)  # a crash: no close, no clean-up
""")


def test_a_crash_leaves_a_recovery_file_that_the_next_start_offers(make_window, demo, tmp_path, answers):
    from sagstal_desktop.io.document import save_team

    path = tmp_path / "team.sagstal"
    save_team(demo, path)
    done = subprocess.run([sys.executable, "-c", _CRASH, str(path)], env=dict(os.environ), timeout=120,
                          capture_output=True, text=True)
    assert done.returncode == 3, done.stderr
    found = find_recoverable()
    assert len(found) == 1 and found[0].original_path == path

    win = make_window(demo)
    answers.answers = [Button.Yes]
    assert win.files.offer_recovery()
    assert "team.sagstal" in answers.asked[0]
    assert win.team().staff[2].counts["sygedagpenge"] == 47
    assert win.document_path() == path
    assert win.isWindowModified()
    assert not found[0].team_file.exists()  # taken over by this session
    assert find_recoverable() == []
    answers.answers = [Button.Discard]
    win.close()
    assert list(Path(os.environ["SAGSTAL_DATA_DIR"], "recovery").iterdir()) == []


def test_declining_recovery_removes_the_copy(make_window, demo, tmp_path, answers):
    from sagstal_desktop.io.document import save_team

    path = tmp_path / "team.sagstal"
    save_team(demo, path)
    subprocess.run([sys.executable, "-c", _CRASH, str(path)], env=dict(os.environ), timeout=120, check=False)
    assert len(find_recoverable()) == 1
    win = make_window(demo)
    answers.answers = [Button.No]
    assert not win.files.offer_recovery()
    assert find_recoverable() == []
    assert win.team().staff[2].counts["sygedagpenge"] == 40


def test_autosave_writes_only_with_changes_and_a_save_removes_the_copy(make_window, demo, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "x.sagstal"), ""))
    win = make_window(demo)
    doc = win.document()
    assert not doc.autosave_now()
    _set_count(win, 0, "sygedagpenge", "50")
    assert doc.autosave_now()
    assert not doc.autosave_now()  # nothing new since
    recovery = Path(os.environ["SAGSTAL_DATA_DIR"], "recovery")
    assert len(list(recovery.glob("*.sagstal"))) == 1
    assert find_recoverable() == []  # this process's own document is never offered
    assert win.files.save()
    assert list(recovery.iterdir()) == []


def test_open_team_as_new_is_unsaved_and_titled(make_window, demo):
    win = make_window(demo)
    other = demo.copy()
    other.staff = other.staff[:2]
    win.open_team_as_new(other, "Imported team")
    assert win.windowTitle() == "Imported team[*] – Sagstal"
    assert win.isWindowModified()
    assert win.document_path() is None
    assert win.summary().staff_count == 2


def test_recent_files_menu_lists_and_opens_saved_files(make_window, demo, tmp_path, monkeypatch):
    from sagstal_desktop.io.document import save_team

    first, second = tmp_path / "a.sagstal", tmp_path / "b.sagstal"
    other = demo.copy()
    other.staff = other.staff[:4]
    save_team(demo, first)
    save_team(other, second)
    win = make_window(demo)
    assert win.files.open_path(first) and win.files.open_path(second)
    menu = win.actions.menus[Menu.RECENT]
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()] == ["b.sagstal", "a.sagstal"]
    menu.actions()[1].trigger()
    assert win.document_path() == first
    assert win.summary().staff_count == 12
    first.unlink()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: warnings.append(text))
    assert not win.files.open_path(first)
    assert "does not exist" in warnings[0]
    assert first.resolve() not in win.files.recent_files()  # a vanished file leaves the list


def test_recovery_prompt_time_is_in_the_windows_language():
    from sagstal_desktop import i18n
    from sagstal_desktop.gui.handlers.files import _saved_at_text

    before = i18n.current_language()
    try:
        i18n.set_language("da")
        assert _saved_at_text("2026-11-30T22:34:01") == "30.11.2026 kl. 22.34"
        i18n.set_language("en")
        assert _saved_at_text("2026-11-30T22:34:01") == "2026-11-30 22:34"
        assert _saved_at_text("not a time") == "not a time"  # a damaged record is shown as it is
    finally:
        i18n.set_language(before)

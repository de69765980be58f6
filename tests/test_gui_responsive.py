"""Nothing stalls the window: while a 10,000-person team is saved and a 1,000-person memo is
exported, the GUI thread's event loop keeps turning (a QTimer counter keeps ticking while the
work runs in its worker thread), the saved file and the memo are complete, and a second save
started during a save is refused."""

from __future__ import annotations

import threading
import time

import pytest
from conftest import TODAY
from helpers.teams import uniform_team as big_team
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog

from sagstal_desktop.gui.handlers import memo as memo_actions
from sagstal_desktop.io import document as team_io
from sagstal_desktop.report import pdf
from sagstal_desktop.report.options import MemoOptions


class Ticker:
    """Counts the ticks of a 5 ms QTimer on the GUI thread."""

    def __init__(self) -> None:
        self.ticks = 0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.ticks += 1


def ticks_during(monkeypatch, module, name: str, ticker: Ticker, seen: dict, *, ticks: int = 3) -> None:
    """Wrap ``module.name`` so that, before returning, it waits (up to 20 s) until the GUI thread's
    timer has ticked ``ticks`` times since the call began. That can only happen if the event loop
    turns while the call runs: called on the GUI thread, it would wait in vain and the test fails."""
    original = getattr(module, name)

    def wrapped(*args, **kwargs):
        before, started = ticker.ticks, time.perf_counter()
        result = original(*args, **kwargs)
        seen.update(seconds=time.perf_counter() - started, ticks_while_working=ticker.ticks - before)
        deadline = time.monotonic() + 20
        while ticker.ticks - before < ticks and time.monotonic() < deadline:
            time.sleep(0.001)
        seen.update(ticks=ticker.ticks - before, thread=threading.current_thread())
        return result

    monkeypatch.setattr(module, name, wrapped)


def test_saving_ten_thousand_people_keeps_the_event_loop_turning(qtbot, make_window, tmp_path, monkeypatch):
    win = make_window(big_team(10_000))
    qtbot.waitUntil(lambda: win.chart_host().chart() is not None, timeout=20000)  # made with the window
    target = tmp_path / "stort team.sagstal"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    ticker, seen = Ticker(), {}
    ticks_during(monkeypatch, team_io, "save_team", ticker, seen)
    assert win.files.save()
    assert seen["thread"] is not threading.main_thread()
    assert seen["ticks"] >= 3, seen  # the loop turned while the worker was writing
    assert team_io.load_team(target) == win.team()
    assert not win.isWindowModified()
    assert win.document_path() == target


def test_opening_ten_thousand_people_keeps_the_event_loop_turning(qtbot, make_window, tmp_path, monkeypatch):
    path = team_io.save_team(big_team(10_000), tmp_path / "stort team.sagstal")
    win = make_window()
    ticker, seen = Ticker(), {}
    ticks_during(monkeypatch, team_io, "load_team", ticker, seen)
    assert win.files.open_path(path)
    assert seen["thread"] is not threading.main_thread()
    assert seen["ticks"] >= 3, seen
    assert len(win.team().staff) == 10_000 and win.document_path() == path


def test_a_second_save_during_a_save_is_refused(qtbot, make_window, tmp_path, monkeypatch):
    win = make_window(big_team(200))
    target = tmp_path / "team.sagstal"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    original, release, calls, second = team_io.save_team, threading.Event(), [], []

    def slow_save(team, path, **kwargs):
        calls.append(path)
        assert release.wait(10)
        return original(team, path, **kwargs)

    def try_again() -> None:
        second.append((win.files._save_to(target), win.last_message()))
        release.set()

    monkeypatch.setattr(team_io, "save_team", slow_save)
    QTimer.singleShot(20, try_again)
    assert win.files.save()
    assert second == [(False, "A save is already running.")] and len(calls) == 1
    assert team_io.load_team(target) == win.team()


def test_edits_made_while_saving_keep_the_document_modified(qtbot, make_window, tmp_path, monkeypatch):
    win = make_window(big_team(50))
    target = tmp_path / "team.sagstal"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    original, release = team_io.save_team, threading.Event()

    def slow_save(team, path, **kwargs):
        assert release.wait(10)
        return original(team, path, **kwargs)

    def edit() -> None:
        model = win.model()
        assert model.setData(model.index(0, model.column_of_case_type("sygedagpenge")), "99")
        release.set()

    monkeypatch.setattr(team_io, "save_team", slow_save)
    QTimer.singleShot(20, edit)
    assert win.files.save()
    assert team_io.load_team(target).staff[0].counts["sygedagpenge"] == 30  # the copy taken at Save
    assert win.team().staff[0].counts["sygedagpenge"] == 99
    assert win.isWindowModified()  # the file lacks the later edit


@pytest.mark.parametrize("people", [1000])
def test_exporting_a_big_memo_keeps_the_event_loop_turning(qtbot, make_window, tmp_path, monkeypatch, people):
    win = make_window(big_team(people))
    qtbot.waitUntil(lambda: win.chart_host().chart() is not None, timeout=20000)  # made with the window
    target = tmp_path / "notat.pdf"
    monkeypatch.setattr(memo_actions, "ask_options", lambda w, purpose: MemoOptions(as_of=TODAY))
    monkeypatch.setattr(memo_actions, "ask_save_path", lambda w, suggested: target)
    ticker, seen = Ticker(), {}
    ticks_during(monkeypatch, pdf, "write_memo", ticker, seen)
    memo_actions.export_memo(win)
    assert seen["thread"] is not threading.main_thread()
    assert seen["ticks"] >= 3, seen
    assert target.read_bytes().startswith(b"%PDF")
    assert "notat.pdf" in win.last_message()


def test_a_slow_save_shows_progress_without_cancel(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

    win = make_window(big_team(20))
    target = tmp_path / "team.sagstal"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    original, release, shown = team_io.save_team, threading.Event(), []

    def slow_save(team, path, **kwargs):
        assert release.wait(20)  # held until the progress dialog has been seen
        return original(team, path, **kwargs)

    def look() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        if dialogs:
            shown.append((dialogs[0].labelText(), [b.text() for b in dialogs[0].findChildren(QPushButton)
                                                   if b.isVisible()]))
            release.set()
        else:
            QTimer.singleShot(10, look)

    monkeypatch.setattr(team_io, "save_team", slow_save)
    QTimer.singleShot(0, look)
    assert win.files.save()
    assert shown == [("Saving team.sagstal…", [])]  # a save runs to its end: no Cancel button
    assert target.is_file()

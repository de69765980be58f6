"""Start-up: the real entry point paints the window's frame before the modules of its contents are
imported, and before pandas, reportlab, openpyxl, numpy, pyqtgraph or a solver (highspy) are
imported; the contents follow in the next event-loop turn with the load chart (QPainter, no
pyqtgraph) showing every bar, and nothing heavy is imported after it either while the window sits
idle. Runs in a fresh process, because this test process has imported them already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

_CHILD = textwrap.dedent("""
    import json, os, sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    HEAVY = ("pandas", "reportlab", "openpyxl", "pyqtgraph", "numpy", "highspy", "babel", "scipy")
    CONTENTS = ("sagstal_desktop.core.load", "sagstal_desktop.gui.team_document",
                "sagstal_desktop.gui.models.staff_model", "sagstal_desktop.gui.window_ui", "sagstal_desktop.gui.icons")
    seen = {"ticks": 0}
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: seen.__setitem__("ticks", seen["ticks"] + 1))

    class Probe(QObject):
        def eventFilter(self, obj, event):
            if (not seen.get("title") and event.type() == QEvent.Type.Paint and obj.isWidgetType()
                    and isinstance(obj.window(), QMainWindow)):
                seen["at_paint"] = [m for m in HEAVY if m in sys.modules]
                seen["contents_at_paint"] = [m for m in CONTENTS if m in sys.modules]
                seen["title"] = obj.window().windowTitle()
                seen["painted"] = time.perf_counter()
                ticker.start()
                at_first_paint()
            return False

    def at_first_paint():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
        waited = time.perf_counter() - seen["painted"]
        if not window.is_ready() and waited < 10:  # the contents are built just after the frame's paint
            QTimer.singleShot(1, at_first_paint)
            return
        chart = window.chart_host().chart()
        seen["chart"] = chart is not None
        seen["bars"] = len(chart.bars()) if chart is not None else 0
        QTimer.singleShot(400, idle)  # the window sits idle a moment after its first paint

    def idle():
        seen["later"] = [m for m in HEAVY if m in sys.modules]
        print(json.dumps(seen), flush=True)
        os._exit(0)

    app = QApplication(sys.argv[:1])
    probe = Probe()
    app.installEventFilter(probe)
    from sagstal_desktop.gui.app import main
    main(["--demo", "--lang", sys.argv[1]])
""")


@pytest.mark.parametrize("lang", ["en", "da"])
def test_window_paints_its_frame_first_then_its_contents_with_the_chart(lang):
    done = subprocess.run([sys.executable, "-c", _CHILD, lang], env=dict(os.environ), capture_output=True,
                          text=True, timeout=120)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("{")), None)
    assert line, done.stderr
    seen = json.loads(line)
    assert seen["at_paint"] == [], seen["at_paint"]
    assert seen["title"].startswith("Demo team (not saved)" if lang == "en" else "Demoteam (ikke gemt)")
    # the frame paints first: the modules of the window's contents are imported after that paint
    assert seen["contents_at_paint"] == [], seen["contents_at_paint"]
    assert seen["chart"] is True
    assert seen["bars"] == 12  # the demo team's bars are there once the contents are
    # not after the contents either: the table's numbers and dates are formatted by core.formatting
    # with the CLDR symbols of resources/number_formats.json, not by Babel (~55 ms with its Danish data)
    assert not {"pandas", "reportlab", "openpyxl", "highspy", "pyqtgraph", "numpy", "babel"} & set(seen["later"])
    assert seen["ticks"] >= 3, seen  # the event loop kept turning while the window sat idle


def test_qt_binding_keeps_references_to_none(qapp):
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call of a method that
    returns nothing, so a running window crashed after a few seconds ("deallocating None").
    pyproject.toml excludes it; this catches a broken binding before a user does."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("x")
        label.update()
    assert sys.getrefcount(None) >= before - 20


_OPEN_CHILD = textwrap.dedent("""
    import json, os, sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    seen = {"ticks": 0, "ticks_at_ready": None}
    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(lambda: seen.__setitem__("ticks", seen["ticks"] + 1))

    class Probe(QObject):
        def eventFilter(self, obj, event):
            if (not seen.get("title") and event.type() == QEvent.Type.Paint and obj.isWidgetType()
                    and isinstance(obj.window(), QMainWindow)):
                seen["title"] = obj.window().windowTitle()
                ticker.start()
                QTimer.singleShot(0, wait)
            return False

    def wait():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
        if not window.is_ready():
            QTimer.singleShot(1, wait)
            return
        seen["staff"] = len(window.team().staff)
        seen["ticks_at_ready"] = seen["ticks"]
        seen["path"] = str(window.document_path())
        print(json.dumps(seen), flush=True)
        os._exit(0)

    app = QApplication(sys.argv[:1])
    probe = Probe()
    app.installEventFilter(probe)
    from sagstal_desktop.gui.app import main
    main([sys.argv[1], "--lang", "en"])
""")


def test_a_big_start_file_is_opened_while_the_frame_keeps_painting(tmp_path):
    from sagstal_desktop.core.model import StaffMember, Team
    from sagstal_desktop.io.document import save_team

    team = Team()
    team.staff = [StaffMember(name=f"Medarbejder {i}", weekly_hours=37.0,
                              counts={"sygedagpenge": 30 + i % 40, "jobafklaringsforloeb": i % 7}, id=f"id{i:06d}")
                  for i in range(10_000)]
    path = save_team(team, tmp_path / "big.sagstal")
    env = dict(os.environ, SAGSTAL_CONFIG_DIR=str(tmp_path / "config"), SAGSTAL_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", _OPEN_CHILD, str(path)], env=env, capture_output=True, text=True,
                          timeout=120)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("{")), None)
    assert line, done.stderr
    seen = json.loads(line)
    assert seen["title"].startswith("big.sagstal")  # the frame names the file before it is read
    assert seen["staff"] == 10_000 and seen["path"] == str(path)
    # the file is read in a worker thread: the GUI thread's 5 ms timer kept ticking meanwhile
    assert seen["ticks_at_ready"] >= 5, seen


_BROKEN_CHILD = textwrap.dedent("""
    import json, os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

    seen = {}

    def warning(parent, title, text, *args, **kwargs):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
        seen.update(title=title, text=text, ready=window.is_ready(), staff=len(window.team().staff),
                    window_title=window.windowTitle())
        QTimer.singleShot(0, lambda: (print(json.dumps(seen), flush=True), os._exit(0)))
        return QMessageBox.StandardButton.Ok

    QMessageBox.warning = staticmethod(warning)
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(20000, lambda: os._exit(3))
    from sagstal_desktop.gui.app import main
    main([sys.argv[1], "--lang", "en"])
""")


def test_a_damaged_start_file_is_reported_over_the_built_window(tmp_path):
    bad = tmp_path / "broken.sagstal"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x13" * 600)
    env = dict(os.environ, SAGSTAL_CONFIG_DIR=str(tmp_path / "config"), SAGSTAL_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", _BROKEN_CHILD, str(bad)], env=env, capture_output=True, text=True,
                          timeout=120)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("{")), None)
    assert line, done.stderr
    seen = json.loads(line)
    assert seen["title"] == "Cannot open the file" and "broken.sagstal" in seen["text"]
    assert seen["ready"] and seen["staff"] == 12  # the demo team is open behind the message
    assert seen["window_title"].startswith("Demo team (not saved)")
    assert bad.read_bytes().startswith(b"SQLite format 3")  # the file is left as it was

"""Start-up: the real entry point paints the window before pandas, reportlab, openpyxl, numpy,
pyqtgraph, a solver (highspy) or Babel are imported (core.formatting paints the numbers without it);
the chart (pyqtgraph) appears just after the first paint, imported on a background thread while the
window answers input. Runs in a fresh process, because this test process has imported them already."""

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
    seen = {"ticks": 0}
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: seen.__setitem__("ticks", seen["ticks"] + 1))

    class Probe(QObject):
        def eventFilter(self, obj, event):
            if (not seen.get("title") and event.type() == QEvent.Type.Paint and obj.isWidgetType()
                    and isinstance(obj.window(), QMainWindow)):
                seen["at_paint"] = [m for m in HEAVY if m in sys.modules]
                seen["title"] = obj.window().windowTitle()
                seen["painted"] = time.perf_counter()
                ticker.start()
                poll()
            return False

    def poll():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
        waited = time.perf_counter() - seen["painted"]
        if window.chart_host().chart() is None and waited < 10:
            QTimer.singleShot(5, poll)
            return
        seen["chart"] = window.chart_host().chart() is not None
        seen["chart_after"] = waited
        seen["ticks_until_chart"] = seen["ticks"]
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
def test_window_paints_before_heavy_imports_and_the_chart_follows(lang):
    done = subprocess.run([sys.executable, "-c", _CHILD, lang], env=dict(os.environ), capture_output=True,
                          text=True, timeout=120)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("{")), None)
    assert line, done.stderr
    seen = json.loads(line)
    # Nothing heavy: not pandas, reportlab, openpyxl, numpy, pyqtgraph, a solver; the texts are stdlib
    # gettext (.mo), and the table's numbers and dates are formatted by core.formatting with the CLDR
    # symbols of resources/number_formats.json, not by Babel (~55 ms to import with its Danish data).
    assert seen["at_paint"] == [], seen["at_paint"]
    assert not {"pandas", "reportlab", "openpyxl", "pyqtgraph", "numpy", "highspy", "scipy"} & set(seen["at_paint"])
    assert seen["title"].startswith("Demo team (not saved)" if lang == "en" else "Demoteam (ikke gemt)")
    assert seen["chart"] is True
    assert "pyqtgraph" in seen["later"]
    assert not {"pandas", "reportlab", "openpyxl", "highspy"} & set(seen["later"])
    # pyqtgraph is imported off the GUI thread: the event loop kept turning until the chart came
    assert seen["ticks_until_chart"] >= 3, seen


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

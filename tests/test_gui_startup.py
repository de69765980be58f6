"""Start-up: the real entry point paints the window before pandas, reportlab, openpyxl, numpy,
pyqtgraph or a solver (highspy) are imported (Babel, the one number formatter, paints the numbers);
the load chart (QPainter, no pyqtgraph) is made with the window and shows every bar at the first
paint, and nothing heavy is imported after it either while the window sits idle. Runs in a fresh
process, because this test process has imported them already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

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
                at_first_paint()
            return False

    def at_first_paint():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
        chart = window.chart_host().chart()
        seen["chart"] = chart is not None
        seen["bars_at_paint"] = len(chart.bars()) if chart is not None else 0
        QTimer.singleShot(400, idle)  # the window sits idle a moment after its first paint

    def idle():
        seen["later"] = [m for m in HEAVY if m in sys.modules]
        print(json.dumps(seen), flush=True)
        os._exit(0)

    app = QApplication(sys.argv[:1])
    probe = Probe()
    app.installEventFilter(probe)
    from sagstal_desktop.gui.app import main
    main(["--demo", "--lang", "en"])
""")


def test_window_paints_before_heavy_imports_with_its_chart():
    done = subprocess.run([sys.executable, "-c", _CHILD], env=dict(os.environ), capture_output=True, text=True,
                          timeout=120)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("{")), None)
    assert line, done.stderr
    seen = json.loads(line)
    # Babel is the one number/date formatter (core.formatting) and the table's first paint shows Danish
    # numbers, so it is needed to paint: measured here (2 cores) about 25 ms CPU to import babel.numbers
    # and 20 ms for the first Danish format (CLDR data), 4 ms for English. Nothing else heavy: not
    # pandas, reportlab, openpyxl, numpy, pyqtgraph, a solver; the texts are stdlib gettext (.mo).
    assert set(seen["at_paint"]) <= {"babel"}, seen["at_paint"]
    assert not {"pandas", "reportlab", "openpyxl", "pyqtgraph", "numpy", "highspy", "scipy"} & set(seen["at_paint"])
    assert seen["title"].startswith("Demo team (not saved)")
    assert seen["chart"] is True
    assert seen["bars_at_paint"] == 12  # the demo team's bars are there at the first paint
    assert not {"pandas", "reportlab", "openpyxl", "highspy", "pyqtgraph", "numpy"} & set(seen["later"])
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

"""Start-up time to the first paint of Sagstal's main window, against a bare QMainWindow.

Each run is a separate Python process; the time runs from just before the process is started
to the first paint event of the window (so interpreter and import time count), and, for
Sagstal, on to the first paint of the window's contents once they are made (the staff table
with the team, ready for the first edit, and the load chart). Bytecode is
cached in a temporary folder after a warm-up run (as in an installed program). The two kinds
alternate, and the median of the runs is printed for each, with the ratio. The Sagstal run
goes through the real entry point (``sagstal_desktop.gui.app.main --demo``) and also reports
whether pandas, reportlab, openpyxl or pyqtgraph were imported before the first paint.

The paints are timed by wrapping ``paintEvent`` (of the bare window, of Sagstal's frame, and,
once the contents are made, of the staff table and the chart: contents count as painted when
both have painted). An earlier version watched every event of the application with a Python
event filter; that filter alone cost Sagstal's start some 20 ms (a Python call for each of the
thousands of events while the window is built, and PySide's enum types for the event classes),
which the program itself never pays.

    .venv/bin/python bench/bench_startup.py [--runs 9] [--platform offscreen|xcb] [--compare CHECKOUT]

A third kind, the floor, is a minimal PySide6 window with a 12 x 20 table, a tool bar, five menus
and a label, and none of Sagstal's code: what any PySide6 program with a table pays. A fourth,
"lean", is the least of Sagstal a window can show: its staff table and load chart over the demo
team in a QMainWindow, without menus, tool bar, translations, settings or the summary panel.

``--compare /path/to/other/checkout`` also starts that checkout's Sagstal (its folder first on
``PYTHONPATH``) in the same alternation, so a change is measured against the code before it in
one run (its first paint and its contents painted). The checkout must have the frame-first
window (``gui/window_frame.py``, c6cce58 or later).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

_PROBE = """
import json, os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

HEAVY = ("pandas", "reportlab", "openpyxl", "pyqtgraph", "numpy", "highspy", "babel")
seen = {}

def done():
    print(json.dumps(seen), flush=True)
    os._exit(0)

def first_paint():
    if not seen:
        seen.update(painted=time.time(), cpu=time.process_time(), loaded=[m for m in HEAVY if m in sys.modules])

def all_painted():  # the bare window and the floor: the first paint is the whole window
    first_paint()
    seen["chart"], seen["chart_cpu"] = seen["painted"], seen["cpu"]
    done()

app = QApplication(sys.argv[:1])
if sys.argv[1] == "bare":
    class Bare(QMainWindow):
        def paintEvent(self, event):
            super().paintEvent(event)
            all_painted()
    window = Bare()
    window.resize(1280, 800)
    window.show()
    app.exec()
elif sys.argv[1] == "minimal":
    # the floor for a window with a table: PySide6 alone, none of Sagstal's code
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel, QSplitter, QTableView

    class Model(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):
            return 12

        def columnCount(self, parent=QModelIndex()):
            return 20

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return f"{index.row()},{index.column()}" if role == Qt.ItemDataRole.DisplayRole else None

    class Table(QTableView):
        def paintEvent(self, event):
            super().paintEvent(event)
            all_painted()

    window = QMainWindow()
    window.resize(1280, 800)
    tools = window.addToolBar("tools")
    for name in ("Ny", "Åbn", "Gem", "Fortryd", "Gentag", "Notat"):
        tools.addAction(QAction(name, window))
    for title in ("Filer", "Rediger", "Vis", "Planlæg", "Hjælp"):
        menu = window.menuBar().addMenu(title)
        for k in range(8):
            menu.addAction(QAction(f"{title} {k}", window))
    splitter = QSplitter(Qt.Orientation.Vertical)
    table = Table()
    table.setModel(Model(table))
    splitter.addWidget(table)
    splitter.addWidget(QLabel("12 medarbejdere"))
    window.setCentralWidget(splitter)
    window.statusBar().showMessage("Klar")
    window.show()
    app.exec()
elif sys.argv[1] == "lean":
    # the least of Sagstal a window can show: its staff table and load chart over the demo team,
    # and nothing else (no menus, tool bar, translations, settings, summary panel)
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QSplitter, QTableView

    from sagstal_desktop.core.demo import demo_team
    from sagstal_desktop.gui.team_document import Document
    from sagstal_desktop.gui.models.staff_model import StaffTableModel
    from sagstal_desktop.gui.widgets.frozen_table import FrozenColumnTable
    from sagstal_desktop.gui.widgets.load_chart import LoadChart

    class Table(FrozenColumnTable):
        def paintEvent(self, event):
            QTableView.paintEvent(self, event)
            all_painted()

    window = QMainWindow()
    window.resize(1280, 800)
    document = Document(demo_team(None), None, demo=True, parent=window)
    splitter = QSplitter(Qt.Orientation.Vertical)
    table = Table()
    table.setModel(StaffTableModel(document, "da", window))
    chart = LoadChart()
    chart.show_summary(document.summary, "da", document.norm_set())
    splitter.addWidget(table)
    splitter.addWidget(chart)
    window.setCentralWidget(splitter)
    window.show()
    app.exec()
else:
    from sagstal_desktop.gui import window_frame

    def contents_painted(name, paint):
        def wrapped(self, event):
            paint(self, event)
            seen.setdefault(name, (time.time(), time.process_time()))
            if "table_paint" in seen and "chart_paint" in seen:  # the later of the two
                seen["chart"], seen["chart_cpu"] = max(seen.pop("table_paint"), seen.pop("chart_paint"))
                done()
        return wrapped

    def watch_contents():
        # once the contents are made: time the first paint of the staff table and of the chart
        from PySide6.QtWidgets import QTableView
        from sagstal_desktop.gui.widgets.frozen_table import FrozenColumnTable
        from sagstal_desktop.gui.widgets.load_chart import LoadChart
        FrozenColumnTable.paintEvent = contents_painted("table_paint", QTableView.paintEvent)
        LoadChart.paintEvent = contents_painted("chart_paint", LoadChart.paintEvent)

    frame_paint, build = window_frame.FramedWindow.paintEvent, window_frame.FramedWindow._build_pending
    def paint(self, event):
        frame_paint(self, event)
        first_paint()
    def build_then_watch(self):
        build(self)
        watch_contents()
    window_frame.FramedWindow.paintEvent = paint
    window_frame.FramedWindow._build_pending = build_then_watch
    from sagstal_desktop.gui.app import main
    main(["--demo"])
"""


HEAVY = ("pandas", "reportlab", "openpyxl", "pyqtgraph", "numpy", "highspy", "babel")


def run_once(kind: str, env: dict[str, str], compare: str | None = None) -> dict:
    python = sys.executable
    if kind == "compare":
        # the checkout's own virtual environment if it has one (an editable install there finds
        # its own folder, ahead of PYTHONPATH), else this Python with the checkout first on the path
        own = os.path.join(compare, ".venv", "Scripts" if os.name == "nt" else "bin", "python")
        python = own if os.path.exists(own) else python
        env = dict(env, PYTHONPATH=os.pathsep.join(p for p in (compare, env.get("PYTHONPATH")) if p))
    started = time.time()
    # started from the data folder, not from a checkout: ``python -c`` puts the current folder
    # first on sys.path, which would find this checkout's package even for ``--compare``
    done = subprocess.run([python, "-c", _PROBE, kind if kind in ("bare", "minimal", "lean") else "sagstal"], env=env,
                          capture_output=True, text=True, timeout=120, cwd=os.path.dirname(env["SAGSTAL_DATA_DIR"]))
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("{")), None)
    if line is None:
        raise RuntimeError(f"{kind} run failed:\n{done.stderr}")
    result = json.loads(line)
    result["painted"] -= started
    result["chart"] -= started
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--platform", default=None, help="QT_QPA_PLATFORM (default: xcb with $DISPLAY, else offscreen)")
    parser.add_argument("--compare", default=None, help="another checkout of Sagstal to time in the same run")
    args = parser.parse_args()
    platform = args.platform or ("xcb" if os.environ.get("DISPLAY") else "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM=platform, SAGSTAL_DATA_DIR=os.path.join(tmp, "data"),
                   SAGSTAL_CONFIG_DIR=os.path.join(tmp, "config"), PYTHONPYCACHEPREFIX=os.path.join(tmp, "pyc"))
        # An installed program has compiled bytecode; keep it (in the temporary folder) for both kinds.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        run_once("bare", env)  # warm the file cache once for both
        run_once("sagstal", env)
        kinds = ["bare", "minimal", "lean", "sagstal"] + (["compare"] if args.compare else [])
        if args.compare:
            run_once("compare", env, args.compare)
        times: dict[str, list[float]] = {kind: [] for kind in kinds}
        cpu: dict[str, list[float]] = {kind: [] for kind in kinds}
        chart: dict[str, list[float]] = {kind: [] for kind in kinds}
        chart_cpu: list[float] = []
        loaded: set[str] = set()
        for _ in range(args.runs):
            for kind in times:
                result = run_once(kind, env, args.compare)
                times[kind].append(result["painted"])
                cpu[kind].append(result["cpu"])
                chart[kind].append(result["chart"])
                if kind == "sagstal":
                    chart_cpu.append(result["chart_cpu"])
                    loaded.update(result["loaded"])
    bare, ours = statistics.median(times["bare"]), statistics.median(times["sagstal"])
    ready = statistics.median(chart["sagstal"])
    bare_cpu, ours_cpu, ready_cpu = (statistics.median(x) for x in (cpu["bare"], cpu["sagstal"], chart_cpu))
    print(f"platform: {platform}, runs: {args.runs} each (separate processes, alternating)")
    print(f"bare QMainWindow  first paint: median {bare * 1000:7.1f} ms  "
          f"(min {min(times['bare']) * 1000:.1f}, max {max(times['bare']) * 1000:.1f})")
    print(f"Sagstal window    first paint: median {ours * 1000:7.1f} ms  "
          f"(min {min(times['sagstal']) * 1000:.1f}, max {max(times['sagstal']) * 1000:.1f})")
    print(f"ratio Sagstal / bare: {ours / bare:.2f}")
    print(f"Sagstal contents painted (table, chart): median {ready * 1000:7.1f} ms, {(ready - ours) * 1000:.0f} ms "
          f"after the first paint; ratio contents / bare first paint: {ready / bare:.2f}")
    print(f"CPU seconds of the process (steadier on a busy machine): bare {bare_cpu * 1000:.0f} ms, Sagstal first "
          f"paint {ours_cpu * 1000:.0f} ms (ratio {ours_cpu / bare_cpu:.2f}), contents {ready_cpu * 1000:.0f} ms "
          f"(ratio {ready_cpu / bare_cpu:.2f})")
    floor, floor_cpu = statistics.median(chart["minimal"]), statistics.median(cpu["minimal"])
    print(f"floor: a minimal PySide6 window (12 x 20 table, tool bar, menus, label; no Sagstal code) painted "
          f"{floor * 1000:.1f} ms (ratio {floor / bare:.2f}), CPU {floor_cpu * 1000:.0f} ms "
          f"(ratio {floor_cpu / bare_cpu:.2f})")
    lean, lean_cpu = statistics.median(chart["lean"]), statistics.median(cpu["lean"])
    print(f"Sagstal's staff table and load chart alone (demo team; no menus, tool bar, translations or summary) "
          f"painted {lean * 1000:.1f} ms (ratio {lean / bare:.2f}), CPU {lean_cpu * 1000:.0f} ms "
          f"(ratio {lean_cpu / bare_cpu:.2f})")
    if args.compare:
        other, other_cpu = statistics.median(times["compare"]), statistics.median(cpu["compare"])
        other_ready = statistics.median(chart["compare"])
        print(f"compared checkout {args.compare}: first paint median {other * 1000:.1f} ms (ratio "
              f"{other / bare:.2f}), CPU {other_cpu * 1000:.0f} ms (ratio {other_cpu / bare_cpu:.2f}), contents "
              f"painted {other_ready * 1000:.1f} ms (ratio {other_ready / bare:.2f})")
    print("imported before first paint: " + (", ".join(sorted(loaded)) or "none of " + ", ".join(HEAVY)))


if __name__ == "__main__":
    main()

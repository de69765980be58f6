"""Start-up time to the first paint of Sagstal's main window, against a bare QMainWindow.

Each run is a separate Python process; the time runs from just before the process is started
to the first paint event of the window (so interpreter and import time count), and, for
Sagstal, on to the first paint of the window's contents once they are made (the staff table
with the team, ready for the first edit, and the load chart). Bytecode is
cached in a temporary folder after a warm-up run (as in an installed program). The two kinds
alternate, and the median of the runs is printed for each, with the ratio. The Sagstal run
goes through the real entry point (``sagstal_desktop.gui.app.main --demo``) and also reports
whether pandas, reportlab, openpyxl or pyqtgraph were imported before the first paint.

    .venv/bin/python bench/bench_startup.py [--runs 9] [--platform offscreen|xcb] [--compare CHECKOUT]

``--compare /path/to/other/checkout`` also starts that checkout's Sagstal (its folder first on
``PYTHONPATH``) in the same alternation, so a change is measured against the code before it in
one run.
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
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

HEAVY = ("pandas", "reportlab", "openpyxl", "pyqtgraph", "numpy", "highspy", "babel")
seen = {}

def contents_made(window):
    ready = getattr(window, "is_ready", lambda: True)()  # older checkouts build at once
    return ready and window.chart_host().chart() is not None

class Paints(QObject):
    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.Paint or not obj.isWidgetType():
            return False
        window = obj.window()
        if not isinstance(window, QMainWindow):
            return False
        if not seen:
            seen.update(painted=time.time(), cpu=time.process_time(), loaded=[m for m in HEAVY if m in sys.modules])
            if sys.argv[1] == "bare":
                seen["chart"], seen["chart_cpu"] = seen["painted"], seen["cpu"]
                done()
        elif "made" in seen and window.centralWidget() is not None and window.centralWidget().isAncestorOf(obj):
            # the contents (staff table, chart) made and now painted: the first edit can start
            seen["chart"], seen["chart_cpu"] = time.time(), time.process_time()
            done()
        return False

def wait_for_contents():
    window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)), None)
    if window is None or not contents_made(window):
        QTimer.singleShot(1, wait_for_contents)
        return
    seen["made"] = time.time()
    window.centralWidget().update()  # paint what is made (it may have painted before the chart came)

def done():
    print(json.dumps(seen), flush=True)
    os._exit(0)

app = QApplication(sys.argv[:1])
probe = Paints()
app.installEventFilter(probe)
if sys.argv[1] == "bare":
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    app.exec()
else:
    QTimer.singleShot(0, wait_for_contents)
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
    done = subprocess.run([python, "-c", _PROBE, "bare" if kind == "bare" else "sagstal"], env=env,
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
        kinds = ["bare", "sagstal"] + (["compare"] if args.compare else [])
        if args.compare:
            run_once("compare", env, args.compare)
        times: dict[str, list[float]] = {kind: [] for kind in kinds}
        cpu: dict[str, list[float]] = {kind: [] for kind in kinds}
        chart: list[float] = []
        chart_cpu: list[float] = []
        loaded: set[str] = set()
        for _ in range(args.runs):
            for kind in times:
                result = run_once(kind, env, args.compare)
                times[kind].append(result["painted"])
                cpu[kind].append(result["cpu"])
                if kind == "sagstal":
                    chart.append(result["chart"])
                    chart_cpu.append(result["chart_cpu"])
                    loaded.update(result["loaded"])
    bare, ours = statistics.median(times["bare"]), statistics.median(times["sagstal"])
    ready = statistics.median(chart)
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
    if args.compare:
        other, other_cpu = statistics.median(times["compare"]), statistics.median(cpu["compare"])
        print(f"compared checkout {args.compare}: first paint median {other * 1000:.1f} ms (ratio "
              f"{other / bare:.2f}), CPU {other_cpu * 1000:.0f} ms (ratio {other_cpu / bare_cpu:.2f})")
    print("imported before first paint: " + (", ".join(sorted(loaded)) or "none of " + ", ".join(HEAVY)))


if __name__ == "__main__":
    main()

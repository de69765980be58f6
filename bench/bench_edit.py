"""Benchmark of one edit in the main window: a case-count edit typed into the staff table, through
the undo command, the recompute and every live view (table, chart, summary panel) until the
pending repaints are done, offscreen. Teams of 1,000 and 5,000 staff, the table unsorted and
sorted by load (``QSortFilterProxyModel`` on the load column).

Baseline, measured in the same run: ``core.load.summarize`` alone on the same team (the
recompute every edit needs). Prints medians in milliseconds; ``--json`` for machine use.

    .venv/bin/python bench/bench_edit.py [--repeat 21] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_USER_DIRS = tempfile.mkdtemp(prefix="sagstal-bench-")
os.environ["SAGSTAL_CONFIG_DIR"] = str(Path(_USER_DIRS) / "config")  # never touch the user's settings
os.environ["SAGSTAL_DATA_DIR"] = str(Path(_USER_DIRS) / "data")

from bench_core import DAY, make_team  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from sagstal_desktop.core.load import summarize  # noqa: E402

SIZES = (1_000, 5_000)
CASE_TYPES = 12
TARGET_MS = 30.0


def _median(times: list[float]) -> float:
    return statistics.median(times)


def _window(staff: int, sort_by_load: bool):
    from sagstal_desktop.gui.main_window import MainWindow

    window = MainWindow(make_team(staff, CASE_TYPES), None, as_of=DAY, lang="da")
    window.resize(1280, 800)
    window.show()
    window.chart_host().chart()
    QApplication.processEvents()
    model = window.model()
    if sort_by_load:
        window.table.sortByColumn(model.column_of("load"), Qt.SortOrder.DescendingOrder)
    QApplication.processEvents()
    return window


def edit_ms(staff: int, sort_by_load: bool, repeat: int) -> float:
    """Median time of one count edit typed into the (possibly sorted) table, views updated."""
    window = _window(staff, sort_by_load)
    model, view_model = window.model(), window.table.model()
    row = staff // 2
    column = model.column_of_case_type(model.case_types()[0])
    member_id = model.member_id(row)
    times = []
    for i in range(repeat + 1):
        source = model.index(model.row_of(member_id), column)
        index = view_model.mapFromSource(source) if view_model is not model else source
        value = str(7 + i % 2)
        start = time.perf_counter()
        view_model.setData(index, value, Qt.ItemDataRole.EditRole)
        QApplication.processEvents()  # the views repaint what the edit invalidated
        elapsed = (time.perf_counter() - start) * 1000
        if i:  # the first edit warms caches
            times.append(elapsed)
    window.document().undo_stack.clear()
    window.document().close()
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return _median(times)


def summary_ms(staff: int, repeat: int) -> float:
    team = make_team(staff, CASE_TYPES)
    summarize(team, DAY)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        summarize(team, DAY)
        times.append((time.perf_counter() - start) * 1000)
    return _median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    results: dict[str, float] = {}
    for staff in SIZES:
        results[f"summary_{staff}_ms"] = summary_ms(staff, args.repeat)
        results[f"edit_{staff}_ms"] = edit_ms(staff, False, args.repeat)
        results[f"edit_sorted_{staff}_ms"] = edit_ms(staff, True, args.repeat)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"edit latency, median of {args.repeat} edits, {CASE_TYPES} case types (baseline: summarize() alone)")
    for staff in SIZES:
        print(f"  {staff:>5,} staff: summarize {results[f'summary_{staff}_ms']:7.1f} ms   "
              f"edit {results[f'edit_{staff}_ms']:7.1f} ms   "
              f"edit sorted by load {results[f'edit_sorted_{staff}_ms']:7.1f} ms")
    worst = max(results["edit_5000_ms"], results["edit_sorted_5000_ms"])
    print(f"  target: edit at 5,000 staff <= {TARGET_MS:.0f} ms -> {'met' if worst <= TARGET_MS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""``sagstal-desktop --self-test``: check an installed or frozen program end to end.

Opens the demo team in the main window, waits for the first paint and the load chart, computes
the summary, writes the PDF memo, renders its first page as the preview does (PDFium), exports
the team's history (pandas, openpyxl) to a temporary folder, draws the history's trend chart
(pyqtgraph), distributes new cases of two types with the planner's integer program (HiGHS),
writes a long date in both languages (Babel's Danish and English locale data), sorts Danish
words with Qt's collation and computes the digests the anonymisation and the file lock use;
then closes the window and exits 0 with one line on stdout. A frozen bundle that left out a
library or data file one of these needs fails here (``tests/test_bundle.py``). Any failure
gives one line on stderr and exit 1. Nothing is written to the user's files (the demo team is
never saved; the memo goes to a temporary folder).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def _say(line: str, *, error: bool = False) -> None:
    stream = sys.stderr if error else sys.stdout
    if stream is not None:  # a windowed Windows build has no console streams
        print(line, file=stream, flush=True)


def check_window(window) -> str:
    """Compute, build the chart, write the memo and export the history for ``window``'s team;
    return a summary line."""
    from sagstal_desktop.core.trend import trend_rows
    from sagstal_desktop.io.history_table import export_trend_xlsx
    from sagstal_desktop.report.options import MemoOptions
    from sagstal_desktop.report.pdf import write_memo

    if not window.chart_host().chart().bars():
        raise RuntimeError("the load chart shows no bars")
    summary = window.summary()
    if not window.team().staff:
        raise RuntimeError("the demo team is empty")
    with tempfile.TemporaryDirectory(prefix="sagstal-self-test-") as tmp:
        target = Path(tmp) / "memo.pdf"
        pages = write_memo(window.team(), target, MemoOptions(lang=window.language()),
                           summary=summary, norm_set=window.norm_set())
        if pages < 1 or not target.read_bytes().startswith(b"%PDF"):
            raise RuntimeError("the memo is not a PDF")
        preview_page(target)
        rows = trend_rows(window.team())
        workbook = export_trend_xlsx(rows, Path(tmp) / "history.xlsx", window.language())
        if not workbook.read_bytes().startswith(b"PK"):
            raise RuntimeError("the history export is not an xlsx workbook")
    trend_chart(rows, window.language())
    cases = plan_cases(window.team())
    long_dates()
    danish_collation()
    digests()
    numpy_arithmetic()
    return (f"{len(window.team().staff)} persons, memo {pages} pages, history {len(rows)} snapshots, "
            f"plan {cases} cases")


def preview_page(memo: Path) -> None:
    """Render the memo's first page as the preview and printing do (PDFium, pypdfium2)."""
    from PySide6.QtGui import QColor

    from sagstal_desktop.gui.printing.memo_pages import PdfPages

    pages = PdfPages(memo)
    try:
        image = pages.render(0, 48)
    finally:
        pages.close()
    white = QColor("white").rgb()
    if image.isNull() or all(image.pixel(x, y) == white for y in range(0, image.height(), 4)
                             for x in range(0, image.width(), 4)):
        raise RuntimeError("the memo's preview page is blank")


def trend_chart(rows, lang: str) -> None:
    """Draw the history's trend chart (pyqtgraph) off screen."""
    from sagstal_desktop.gui.widgets.trend_chart import TrendChart

    chart = TrendChart()
    chart.resize(640, 420)
    chart.show_rows(rows, lang)
    if chart.grab().isNull() or not chart.fte_plot.listDataItems():
        raise RuntimeError("the trend chart draws nothing")
    chart.deleteLater()


def plan_cases(team) -> int:
    """Distribute new cases of the first two case types someone may receive: more than one type
    is solved by the integer program (HiGHS); return how many cases were given out."""
    from sagstal_desktop.core.planning.distribute import distribute
    from sagstal_desktop.core.planning.problem import build_problem

    problem = build_problem(team)
    types = [t for t in problem.norm_set.case_type_ids if problem.receivers(t)][:2]
    if len(types) < 2:
        raise RuntimeError("the demo team has fewer than two case types to plan")
    incoming = dict.fromkeys(types, 3)
    plan = distribute(team, incoming, exact=True)
    given = sum(a.cases for a in plan.assignments)
    if given != sum(incoming.values()) or plan.levels_proven < 1:
        raise RuntimeError("the planner's integer program gave out the wrong number of cases")
    return given


def danish_collation() -> None:
    """Qt sorts (its file dialog, for one) with the Danish collation: Z before Æ, Ø, Å (ICU's
    Danish data on Linux, Windows' own on Windows; the lean bundle keeps it)."""
    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale("da_DK"))
    words = sorted(["Åse", "Øre", "Æble", "Zoe"], key=collator.sortKey)
    if words != ["Zoe", "Æble", "Øre", "Åse"]:
        raise RuntimeError(f"Qt's Danish collation sorts {words}")


def digests() -> None:
    """The digests the anonymisation (keyed BLAKE2b) and the file lock (SHA-256) use, without
    OpenSSL (the bundle leaves it out; Python has its own)."""
    import hashlib

    if (hashlib.blake2b(b"abc", digest_size=16).hexdigest() != "cf4ab791c62b8d2b2109c90275287816"
            or hashlib.sha256(b"abc").hexdigest()[:16] != "ba7816bf8f01cfea"):
        raise RuntimeError("hashlib computes wrong digests")


def numpy_arithmetic() -> None:
    """numpy's products and linear algebra give exact answers on small whole numbers (the bundle's
    numpy is built without OpenBLAS, build_spec/numpy_without_blas.py: its own loops and
    lapack_lite)."""
    import numpy as np

    a = np.array([[2.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 4.0]])
    x = np.array([1.0, -2.0, 3.0])
    if (a @ x).tolist() != [0.0, -2.0, 10.0] or not np.allclose(np.linalg.solve(a, a @ x), x):
        raise RuntimeError("numpy computes wrong products")


def long_dates() -> None:
    """A long date in Danish and in English (Babel, imported on first use)."""
    from datetime import date

    from sagstal_desktop.core.formatting import format_long_date

    day = date(2026, 11, 23)
    if (format_long_date(day, "da"), format_long_date(day, "en")) != ("23. november 2026", "23 November 2026"):
        raise RuntimeError("the long dates are wrong")


def run_self_test(app: QApplication, lang: str) -> int:
    """Run the self-test in ``app``'s event loop; return the exit code."""
    from sagstal_desktop import __version__
    from sagstal_desktop.gui.main_window import MainWindow

    started = time.perf_counter()
    window = MainWindow(None, None, demo=True, lang=lang)
    window.show()
    result: dict[str, object] = {"code": 1}

    def run() -> None:
        try:
            result["line"] = check_window(window)
            window.close()
            result["code"] = 0
        except Exception as exc:  # the self-test reports every failure as one line
            result["error"] = f"{type(exc).__name__}: {exc}".splitlines()[0]
        app.exit(int(result["code"]))  # type: ignore[call-overload]

    QTimer.singleShot(0, run)
    code = app.exec()
    if code == 0 and result["code"] == 0:
        _say(f"sagstal-desktop {__version__} self-test OK: {result['line']}, "
             f"{time.perf_counter() - started:.1f} s")
        return 0
    _say(f"sagstal-desktop self-test FAILED: {result.get('error', f'exit code {code}')}", error=True)
    return 1

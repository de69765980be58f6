"""``sagstal-desktop --self-test``: check an installed or frozen program end to end.

Opens the demo team in the main window, waits for the first paint and the load chart, computes
the summary, writes the PDF memo and the team's history (pandas, openpyxl) to a temporary
folder, closes the window and exits 0 with one
line on stdout. Any failure gives one line on stderr and exit 1. Nothing is written to the
user's files (the demo team is never saved; the memo goes to a temporary folder).
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
        rows = trend_rows(window.team())
        workbook = export_trend_xlsx(rows, Path(tmp) / "history.xlsx", window.language())
        if not workbook.read_bytes().startswith(b"PK"):
            raise RuntimeError("the history export is not an xlsx workbook")
    return f"{len(window.team().staff)} persons, memo {pages} pages, history {len(rows)} snapshots"


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

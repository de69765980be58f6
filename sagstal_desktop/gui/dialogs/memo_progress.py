"""Building the memo PDF in a worker thread with a progress dialog and Cancel.

reportlab is pure Python, so the build runs in a ``QThread``; the window keeps repainting and
the progress dialog (window-modal) shows how far the layout has come. The PDF is written to a
temporary file beside the target and moved into place only when complete.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from sagstal_desktop.core.load import TeamSummary
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.report.options import MemoOptions

STEPS = 1000


class MemoBuildCancelled(Exception):
    """The user cancelled the memo."""


class MemoWorker(QThread):
    """Writes one memo; ``pages`` or ``error`` tell the outcome after ``finished``."""

    progressed = Signal(int)

    def __init__(self, team: Team, target: Path, options: MemoOptions, summary: TeamSummary | None,
                 norm_set: NormSet | None) -> None:
        super().__init__()
        self.team, self.target, self.options = team, target, options
        self.summary, self.norm_set = summary, norm_set
        self.cancel_event = threading.Event()
        self.pages: int | None = None
        self.error: BaseException | None = None

    def run(self) -> None:  # the worker thread
        from sagstal_desktop.report.pdf import MemoCancelled, write_memo

        def progress(fraction: float) -> None:
            if self.cancel_event.is_set():
                raise MemoCancelled
            self.progressed.emit(int(fraction * STEPS))

        try:
            self.pages = write_memo(self.team, self.target, self.options, summary=self.summary,
                                    norm_set=self.norm_set, progress=progress)
        except BaseException as exc:  # handed to the GUI thread
            self.error = exc


def build_memo_with_progress(parent: QWidget | None, team: Team, target: Path, options: MemoOptions,
                             summary: TeamSummary | None = None, norm_set: NormSet | None = None,
                             min_duration_ms: int = 300) -> int:
    """Write the memo to ``target`` off the GUI thread; return its page count. Raises
    ``MemoBuildCancelled`` on Cancel and re-raises the build's own error (e.g. ``MemoError``).
    ``team`` should be a copy: the window may change its own team meanwhile."""
    from sagstal_desktop.report.pdf import MemoCancelled

    worker = MemoWorker(team, target, options, summary, norm_set)
    dialog = QProgressDialog(QCoreApplication.translate("MemoProgress", "Writing the memo…"),
                             QCoreApplication.translate("MemoProgress", "Cancel"), 0, STEPS, parent)
    dialog.setObjectName("memoProgressDialog")
    dialog.setWindowTitle(QCoreApplication.translate("MemoProgress", "Memo"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(min_duration_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    dialog.canceled.connect(worker.cancel_event.set)
    worker.progressed.connect(dialog.setValue)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    worker.start()
    if not worker.isFinished():
        loop.exec()
    worker.wait()
    dialog.canceled.disconnect(worker.cancel_event.set)  # closing the dialog emits canceled
    dialog.close()
    dialog.deleteLater()
    worker.deleteLater()
    if isinstance(worker.error, MemoCancelled):
        raise MemoBuildCancelled
    if worker.error is not None:
        raise worker.error
    return worker.pages or 0

"""Running slow work (reading a large spreadsheet, writing the memo) off the GUI thread, with a
window-modal progress dialog and a Cancel button. The window keeps repainting meanwhile.

``run_with_progress`` runs any job; ``read_with_progress`` a spreadsheet job (a reader that stops
on Cancel raises ``ReadCancelled``); ``build_memo_with_progress`` writes the memo PDF (reportlab
is pure Python, so the window keeps repainting; the PDF is written to a temporary file beside the
target and moved into place only when complete).

A job is ``job(progress, cancelled) -> result``: it calls ``progress(done, total)`` now and then
and stops, by raising an exception of its own, when ``cancelled()`` turns true.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.core.load import TeamSummary
    from sagstal_desktop.core.model import Team
    from sagstal_desktop.core.norms import NormSet
    from sagstal_desktop.report.options import MemoOptions

#: Progress steps of the memo build.
MEMO_STEPS = 1000

Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class Cancelled(Exception):
    """The user pressed Cancel (or closed the progress dialog)."""


class MemoBuildCancelled(Exception):
    """The user cancelled the memo."""


class Worker(QThread):
    """Runs one job; ``result`` or ``error`` tell the outcome after ``finished``."""

    progressed = Signal(int, int)

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self.cancel_event = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:  # the worker thread
        try:
            self.result = self._job(self.progressed.emit, self.cancel_event.is_set)
        except BaseException as exc:  # handed to the GUI thread and re-raised there
            self.error = exc


def run_with_progress(parent: QWidget | None, label: str, job: Job, *, title: str | None = None,
                      cancel_errors: tuple[type[BaseException], ...] = (), min_duration_ms: int = 400,
                      cancellable: bool = True) -> Any:
    """Run ``job`` in a worker thread while a modal progress dialog (shown only if the job takes
    longer than ``min_duration_ms``) offers Cancel. Returns the job's result and re-raises its
    exception; raises ``Cancelled`` when the user cancelled (the job stopped with one of
    ``cancel_errors``, or finished without a result). ``cancellable=False`` shows no Cancel
    button (a job that must finish, such as an atomic save)."""
    worker = Worker(job)
    dialog = QProgressDialog(label, _("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title or _("Sagstal"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(min_duration_ms)
    dialog.setValue(0)  # starts the show timer with min_duration_ms (else Qt's 4 s for a job with no progress)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.canceled.connect(worker.cancel_event.set)

    def show_progress(done: int, total: int) -> None:
        if dialog.wasCanceled():  # also when cancelled by Esc or by closing, not only the button
            worker.cancel_event.set()
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    worker.progressed.connect(show_progress)
    # QProgressDialog shows itself only from setValue: a job that reports no progress (a save) is
    # shown by this timer once it has run for min_duration_ms
    show_later = QTimer()
    show_later.setSingleShot(True)
    show_later.timeout.connect(lambda: None if worker.isFinished() else dialog.show())
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    worker.start()
    show_later.start(min_duration_ms)
    if not worker.isFinished():
        loop.exec()
    show_later.stop()
    worker.wait()
    dialog.canceled.disconnect(worker.cancel_event.set)  # closing the dialog emits canceled
    dialog.close()
    dialog.deleteLater()
    cancelled = worker.cancel_event.is_set()
    worker.deleteLater()
    if isinstance(worker.error, cancel_errors) or (cancelled and worker.error is None and worker.result is None):
        raise Cancelled
    if worker.error is not None:
        raise worker.error
    return worker.result


def read_with_progress(parent: QWidget | None, label: str, job: Job, min_duration_ms: int = 400) -> Any:
    """Run a spreadsheet job; raises ``Cancelled`` when the user cancels it."""
    from sagstal_desktop.io.table_reader import ReadCancelled

    return run_with_progress(parent, label, job, cancel_errors=(ReadCancelled,), min_duration_ms=min_duration_ms)


def memo_job(team: Team, target: Path, options: MemoOptions, summary: TeamSummary | None,
             norm_set: NormSet | None) -> Job:
    """A background job that writes the memo and returns its page count."""

    def job(progress, cancelled) -> int:
        from sagstal_desktop.report.pdf import MemoCancelled, write_memo

        def report(fraction: float) -> None:
            if cancelled():
                raise MemoCancelled
            progress(int(fraction * MEMO_STEPS), MEMO_STEPS)

        return write_memo(team, target, options, summary=summary, norm_set=norm_set, progress=report)

    return job


def build_memo_with_progress(parent: QWidget | None, team: Team, target: Path, options: MemoOptions,
                             summary: TeamSummary | None = None, norm_set: NormSet | None = None,
                             min_duration_ms: int = 300) -> int:
    """Write the memo to ``target`` off the GUI thread; return its page count. Raises
    ``MemoBuildCancelled`` on Cancel and re-raises the build's own error (e.g. ``MemoError``).
    ``team`` should be a copy: the window may change its own team meanwhile."""
    from sagstal_desktop.report.pdf import MemoCancelled

    try:
        pages = run_with_progress(
            parent, _("Writing the memo…"),
            memo_job(team, target, options, summary, norm_set),
            title=_("Memo"),
            cancel_errors=(MemoCancelled,), min_duration_ms=min_duration_ms,
        )
    except Cancelled:
        raise MemoBuildCancelled from None
    return pages or 0

"""Running a slow file job (reading or writing a large spreadsheet) off the GUI thread, with a
progress dialog and a Cancel button. The window stays responsive; the job checks ``cancelled()``
and stops by raising ``ReadCancelled``."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from sagstal_desktop.io.table_reader import ReadCancelled

# job(progress(done, total), cancelled() -> bool) -> result
Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Worker(QThread):
    progressed = Signal(int, int)

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self.cancel_event = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:  # runs in the worker thread
        try:
            self.result = self._job(self._report, self.cancel_event.is_set)
        except BaseException as exc:  # handed to the GUI thread, re-raised there
            self.error = exc

    def _report(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)


class Cancelled(Exception):
    """The user pressed Cancel."""


def run_with_progress(parent: QWidget | None, label: str, job: Job, min_duration_ms: int = 400) -> Any:
    """Run ``job`` in a worker thread while a modal progress dialog (shown only if it takes longer
    than ``min_duration_ms``) offers Cancel. Returns the job's result, re-raises its exception,
    and raises ``Cancelled`` if the user cancelled."""
    worker = _Worker(job)
    dialog = QProgressDialog(label, QCoreApplication.translate("ImportProgress", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ImportProgress", "Sagstal"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(min_duration_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(worker.cancel_event.set)

    def show_progress(done: int, total: int) -> None:
        if dialog.wasCanceled():  # also when cancelled by Esc or closing, not only the button
            worker.cancel_event.set()
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    worker.progressed.connect(show_progress)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    worker.start()
    if not worker.isFinished():
        loop.exec()
    worker.wait()
    dialog.close()
    dialog.deleteLater()
    cancelled = worker.cancel_event.is_set()
    worker.deleteLater()
    if isinstance(worker.error, ReadCancelled) or (cancelled and worker.error is None and worker.result is None):
        raise Cancelled
    if worker.error is not None:
        raise worker.error
    return worker.result

"""Reading or writing a large spreadsheet off the GUI thread with progress and Cancel (see
``gui/background.py``); a reader that stops on Cancel raises ``ReadCancelled``."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from sagstal_desktop.gui.background import Cancelled, Job
from sagstal_desktop.gui.background import run_with_progress as _run
from sagstal_desktop.io.table_reader import ReadCancelled

__all__ = ["Cancelled", "run_with_progress"]


def run_with_progress(parent: QWidget | None, label: str, job: Job, min_duration_ms: int = 400) -> Any:
    """Run a spreadsheet job; raises ``Cancelled`` when the user cancels it."""
    return _run(parent, label, job, cancel_errors=(ReadCancelled,), min_duration_ms=min_duration_ms)

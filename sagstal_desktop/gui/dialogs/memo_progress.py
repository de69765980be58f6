"""Building the memo PDF in a worker thread with a progress dialog and Cancel (see
``gui/background.py``). reportlab is pure Python, so the window keeps repainting; the PDF is
written to a temporary file beside the target and moved into place only when complete.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from sagstal_desktop.core.load import TeamSummary
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.gui.background import Cancelled, run_with_progress
from sagstal_desktop.i18n import _
from sagstal_desktop.report.options import MemoOptions

STEPS = 1000


class MemoBuildCancelled(Exception):
    """The user cancelled the memo."""


def memo_job(team: Team, target: Path, options: MemoOptions, summary: TeamSummary | None,
             norm_set: NormSet | None):
    """A background job that writes the memo and returns its page count."""

    def job(progress, cancelled) -> int:
        from sagstal_desktop.report.pdf import MemoCancelled, write_memo

        def report(fraction: float) -> None:
            if cancelled():
                raise MemoCancelled
            progress(int(fraction * STEPS), STEPS)

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

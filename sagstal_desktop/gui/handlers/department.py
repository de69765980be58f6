"""File → Open department…: choose a folder of team files (or the files), read them read-only in
a worker with progress (``io.department_reader``; Cancel stops between files), roll them up
(``core.department``) and show the department view (``gui/dialogs/department.py``).

A team opened from the view opens in the window as any file does (after offering to save the
current one), read-only without asking when its team leader has it open. The questions to the
user are module-level functions so tests can answer them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sagstal_desktop.i18n import N_, _

if TYPE_CHECKING:
    from sagstal_desktop.gui.window_api import WindowApi

_FILTERS = {"pdf": N_("PDF files (*.pdf)"), "xlsx": N_("Excel workbooks (*.xlsx)")}


# -- questions (tests replace these) ---------------------------------------------------------


def ask_department_paths(window: WindowApi) -> list[Path] | None:
    """A folder of team files, or team files; None when the user cancels."""
    box = QMessageBox(QMessageBox.Icon.Question, _("Open department"),
                      _("Open a folder of team files, or choose the team files?"), QMessageBox.StandardButton.NoButton,
                      window)
    folder = box.addButton(_("&Folder…"), QMessageBox.ButtonRole.AcceptRole)
    files = box.addButton(_("F&iles…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(folder)
    box.exec()
    start = str(window.document_path().parent) if window.document_path() else ""
    if box.clickedButton() is folder:
        chosen = QFileDialog.getExistingDirectory(window, _("Open department"), start)
        return [Path(chosen)] if chosen else None
    if box.clickedButton() is files:
        names, _filter = QFileDialog.getOpenFileNames(window, _("Open department"), start,
                                                      _("Sagstal team files (*.sagstal)"))
        return [Path(n) for n in names] or None
    return None


def ask_save_path(parent: QWidget, title: str, suggested: str, suffix: str) -> Path | None:
    from sagstal_desktop.gui.dialogs.file_dialogs import ask_save_path as ask

    return ask(parent, title, suggested, _(_FILTERS[suffix]), f".{suffix}")


# -- the action ------------------------------------------------------------------------------


def open_department(window: WindowApi, paths: list[Path] | None = None) -> None:
    """File → Open department…"""
    paths = paths or ask_department_paths(window)
    if not paths:
        return
    department = read_with_progress(window, paths)
    if department is None:
        return
    show_department(window, department)


def read_with_progress(window: WindowApi, paths: list[Path]):
    """The department of ``paths`` read in a worker; None (with a message) when it cannot be read
    or the user cancelled."""
    from sagstal_desktop.core.department import roll_up
    from sagstal_desktop.gui.background import Cancelled, run_with_progress
    from sagstal_desktop.io.department_reader import NoTeamFiles, ReadCancelled, read_department

    as_of = window.summary().as_of  # the date the window computes for (today)

    def job(progress, cancelled):
        return roll_up(read_department(paths, progress, cancelled), as_of)

    try:
        return run_with_progress(window, _("Reading the team files…"), job, title=_("Open department"),
                                 cancel_errors=(ReadCancelled,))
    except Cancelled:
        return None
    except NoTeamFiles as exc:
        QMessageBox.warning(window, _("Open department"), exc.message(window.language()))
        return None


def show_department(window: WindowApi, department):
    """The department view for ``department`` (a window of its own, closed with the main window)."""
    from sagstal_desktop.gui.dialogs.department import DepartmentView

    view = DepartmentView(window, department, lambda path: open_team(window, path),
                          lambda *args: ask_save_path(*args))  # looked up when asked (tests answer it)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view.show()
    view.raise_()
    view.activateWindow()
    return view


def open_team(window: WindowApi, path: Path) -> bool:
    """Open ``path`` in the window (after offering to save); read-only when someone has it open."""
    from sagstal_desktop.gui.shared_file import OPEN_READ_ONLY
    from sagstal_desktop.io.file_lock import edit_lock_holder

    if not window.files.maybe_save():
        return False
    holder = edit_lock_holder(path)
    locked = holder is not None and not holder.is_stale() and not window.shared.is_open_here(path)
    opened = window.files.open_path(path, how=OPEN_READ_ONLY if locked else None)
    if opened:
        window.raise_()
        window.activateWindow()
    return opened

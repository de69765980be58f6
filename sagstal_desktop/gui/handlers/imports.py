"""File-menu handlers for spreadsheets: import (into the open team or as a new team), export and
the blank template. Each takes the main window (``gui/window_api.WindowApi``) and returns None.

Reading, checking and writing large files run in a worker thread with progress and Cancel; the
preview dialog shows the column use, rows and problems before anything changes, and the import
is applied as one undoable step (``window.import_rows``: the core operation ``sagstal import
--into`` makes) or opened as a new document.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from sagstal_desktop.core.model import Team
from sagstal_desktop.gui.background import Cancelled, read_with_progress
from sagstal_desktop.gui.dialogs.file_dialogs import ask_open_path, ask_save_path
from sagstal_desktop.i18n import _, tr

if TYPE_CHECKING:
    from sagstal_desktop.gui.window_api import WindowApi


def _start_dir(window: WindowApi) -> str:
    path = window.document_path()
    return str(Path(path).parent) if path else str(Path.home())


def _ask_open(window: WindowApi) -> Path | None:
    filters = ";;".join([
        _("Spreadsheets (*.xlsx *.csv)"),
        _("Excel workbook (*.xlsx)"),
        _("CSV file (*.csv)"),
        _("All files (*)"),
    ])
    title = _("Import spreadsheet")
    return ask_open_path(window, title, filters, _start_dir(window))


def _warn(window: QWidget, title: str, text: str) -> None:
    QMessageBox.warning(window, title, text)


def read_and_check(window: WindowApi, path: Path, norm_set, sheet: str | None = None):
    """Read and check ``path`` in the background. Returns (table, plan), or None after a message
    (unreadable file) or a cancel."""
    from sagstal_desktop.io.importer import analyze
    from sagstal_desktop.io.table_reader import ReadError, read_table

    lang = window.language()

    def job(progress, cancelled):
        table = read_table(path, sheet, progress, cancelled)
        return table, analyze(table, norm_set, None, progress, cancelled)

    try:
        label = _("Reading {name}…").format(name=path.name)
        return read_with_progress(window, label, job)
    except Cancelled:
        window.show_status(_("Import cancelled; nothing was changed."))
    except ReadError as exc:
        _warn(window, _("Import spreadsheet"),
              exc.message(lang) + "\n\n" + _("Nothing was changed."))
    except Exception as exc:  # never lose the user's work over an unexpected file
        from sagstal_desktop.io.problems import failure_detail

        text = _("The file {name} cannot be read: {detail}.")
        _warn(window, _("Import spreadsheet"),
              text.format(name=path.name, detail=failure_detail(exc, str(exc), lang)) + "\n\n"
              + _("Nothing was changed."))
    return None


def _import(window: WindowApi, as_new: bool, path: Path | None) -> None:
    from sagstal_desktop.gui.dialogs.import_preview import ImportPreviewDialog

    path = path or _ask_open(window)
    if path is None:
        return
    # a new team is measured against the default set for new teams, as `sagstal import` and New
    # team do: the same spreadsheet gives the same team whichever way it comes in
    norm_set = Team().norm_set() if as_new else window.norm_set()
    loaded = read_and_check(window, path, norm_set)
    if loaded is None:
        return
    table, plan = loaded
    dialog = ImportPreviewDialog(table, norm_set, None if as_new else window.team(), window, plan,
                                 suggested_name=path.stem)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        window.show_status(_("Import cancelled; nothing was changed."))
        return
    if as_new:
        team = dialog.result_team()
        window.open_team_as_new(team, team.info.team_name or path.stem)
    else:
        plan = dialog.plan()
        window.import_rows(plan.rows, dialog.mode(), plan.present, plan.norm_set.full_time_hours,
                           dialog.description())
    window.show_status(dialog.description())


def import_into_current(window: WindowApi, path: Path | str | None = None) -> None:
    """File → Import spreadsheet…: import into the open team (one undoable step)."""
    _import(window, False, Path(path) if path else None)


def import_as_new(window: WindowApi, path: Path | str | None = None) -> None:
    """File → Import as new team…: open the file's staff as a new, unsaved team."""
    _import(window, True, Path(path) if path else None)


def _ask_save(window: WindowApi, title: str, default_name: str) -> Path | None:
    start = Path(_start_dir(window)) / default_name
    return ask_save_path(window, title, start, _("Excel workbook (*.xlsx)"), ".xlsx",
                         others=[(_("CSV file, Danish Excel (*.csv)"), ".csv")])


def export_spreadsheet_anonymised(window: WindowApi, path: Path | str | None = None) -> None:
    """File → Export anonymised spreadsheet…: as ``export_spreadsheet`` with the memo's
    anonymisation (labels drawn afresh, load bands and status only; "… (anonymiseret).xlsx")."""
    export_spreadsheet(window, path, anonymise=True)


def export_spreadsheet(window: WindowApi, path: Path | str | None = None, anonymise: bool = False) -> None:
    """File → Export spreadsheet…: the team as .xlsx (staff, summary, norms) or .csv."""
    from sagstal_desktop.io.exporter import ExportError, export_csv, export_xlsx

    team = window.team()
    stem = (Path(window.document_path()).stem if window.document_path() else None) or team.info.team_name or "team"
    title = _("Export spreadsheet")
    if anonymise:
        from sagstal_desktop.core.anonymise import anonymised_title

        # the file's name may name a person, the team's seldom; the name says it is anonymised
        stem = anonymised_title(team.info.team_name or "team", window.language())
        title = _("Export anon&ymised spreadsheet…").replace("&", "")
    target = Path(path) if path else _ask_save(window, title, f"{stem}.xlsx")
    if target is None:
        return
    lang, norm_set, as_of = window.language(), window.norm_set(), window.summary().as_of
    snapshot = team.copy()  # the worker reads a copy, never the live team

    def job(progress, cancelled):
        def report(done: int, total: int) -> None:
            if cancelled():
                from sagstal_desktop.io.table_reader import ReadCancelled

                raise ReadCancelled
            progress(done, total)

        if target.suffix.lower() == ".csv":
            export_csv(snapshot, target, lang, as_of, norm_set, anonymise)
        else:
            export_xlsx(snapshot, target, lang, as_of, norm_set, report, anonymise)
        return target

    try:
        label = _("Writing {name}…").format(name=target.name)
        read_with_progress(window, label, job)
    except Cancelled:
        window.show_status(_("Export cancelled."))
        return
    except ExportError as exc:
        _warn(window, _("Export spreadsheet"), exc.message(lang))
        return
    window.show_status(_("Exported to {path}").format(path=target))


def export_template(window: WindowApi, path: Path | str | None = None) -> None:
    """File → Export blank template…: the import headers for the chosen norm set."""
    from sagstal_desktop.io.exporter import ExportError, write_template

    lang = window.language()
    default = tr("template.xlsx", lang)
    title = _("Export blank template")
    target = Path(path) if path else _ask_save(window, title, default)
    if target is None:
        return
    try:
        write_template(target, window.norm_set(), lang)
    except ExportError as exc:
        _warn(window, _("Export blank template"), exc.message(lang))
        return
    window.show_status(_("Template written to {path}").format(path=target))

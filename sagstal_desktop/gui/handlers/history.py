"""Handlers for the team's history: open the history window, take / relabel / delete a snapshot,
import earlier team files and spreadsheets of dated figures, export to Excel, and the offer of a
snapshot after saving when the month has none.

Each change is one undoable step (``Document.set_snapshots``: the history only). The
questions to the user are module-level functions so tests can answer them. pandas and openpyxl
are imported only when a spreadsheet is read or written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from sagstal_desktop.core import history
from sagstal_desktop.core.formatting import format_date
from sagstal_desktop.core.operations import add_snapshots
from sagstal_desktop.gui.dialogs.common import ok_cancel_buttons
from sagstal_desktop.gui.dialogs.file_dialogs import ask_open_path, ask_save_path
from sagstal_desktop.i18n import _
from sagstal_desktop.io.problems import system_reason

if TYPE_CHECKING:
    from sagstal_desktop.gui.window_api import WindowApi

_DECLINED = "sagstal_snapshot_declined"  # document property: the month whose offer was declined


# -- questions (tests replace these) ---------------------------------------------------------


def ask_label(window: WindowApi, title: str, current: str = "") -> str | None:
    from sagstal_desktop.core.validation import InputError, check_label

    text, ok = QInputDialog.getText(window, title, _("Label (optional):"),
                                    QLineEdit.EchoMode.Normal, current)
    if not ok:
        return None
    try:
        return check_label(text)  # the bounds the team file keeps (length, no control characters)
    except InputError as exc:
        show_problems(window, title, [exc.message(window.language())])
        return None


def ask_export_path(window: WindowApi, suggested: Path) -> Path | None:
    return ask_save_path(window, _("Export history"), suggested, _("Excel workbooks (*.xlsx)"), ".xlsx")


def ask_date(window: WindowApi, file_name: str, suggested: date) -> tuple[date, str] | None:
    """The day an older file shows, confirmed by the user, and a label; None if cancelled."""
    dialog = QDialog(window)
    dialog.setWindowTitle(_("Older team file"))
    intro = QLabel(_("Which day does {file} show? Its state becomes a snapshot of that "
                                               "day; nothing else in the team changes.").format(file=file_name))
    intro.setWordWrap(True)
    edit = QDateEdit(QDate(suggested.year, suggested.month, suggested.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d.M.yyyy")
    label = QLineEdit()
    form = QFormLayout()
    form.addRow(_("Date:"), edit)
    form.addRow(_("Label (optional):"), label)
    buttons = ok_cancel_buttons(dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(intro)
    layout.addLayout(form)
    layout.addWidget(buttons)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    chosen = edit.date()
    result = (date(chosen.year(), chosen.month(), chosen.day()), label.text().strip()) if accepted else None
    dialog.deleteLater()
    return result


def confirm(window: WindowApi, title: str, text: str) -> bool:
    answer = QMessageBox.question(window, title, text)
    return answer == QMessageBox.StandardButton.Yes


def show_problems(window: WindowApi, title: str, lines: list[str]) -> None:
    QMessageBox.warning(window, title, "\n".join(lines))


# -- the history window ----------------------------------------------------------------------


def show_history(window: WindowApi) -> None:
    """Open (or raise) the history window."""
    from sagstal_desktop.gui.dialogs.history import HistoryDialog, HistoryHandlers

    dialog = window.findChild(HistoryDialog, "historyDialog")
    if dialog is None:
        dialog = HistoryDialog(window, HistoryHandlers(
            take_snapshot=take_snapshot, relabel_snapshot=relabel_snapshot, delete_snapshot=delete_snapshot,
            import_older_file=import_older_file, import_spreadsheet=import_spreadsheet,
            export_history=export_history))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def _changed(window: WindowApi, change, description: str) -> bool:
    """Apply ``change`` to a copy of the team and set the copy's snapshots as one step; False
    (with a message, nothing changed) if the file holds ``max_snapshots`` already."""
    team = window.document().history_team().copy()
    try:
        change(team)
    except history.SnapshotCapError as exc:
        show_problems(window, description, [exc.message(window.language())])
        return False
    window.document().set_snapshots(team.snapshots, description)
    return True


# -- snapshots -------------------------------------------------------------------------------


def _same_day(window: WindowApi, day: date) -> list[int]:
    """Positions of the history's snapshots of ``day``."""
    snapshots = window.document().history_team().snapshots
    return [i for i, snapshot in enumerate(snapshots) if history.snapshot_date(snapshot) == day]


def _add_replacing(window: WindowApi, same_day: list[int], make, description: str) -> bool:
    """One step: delete the snapshots at ``same_day`` (positions), then add ``make(team)``."""

    def change(team) -> None:
        for position in reversed(same_day):
            history.delete_snapshot(team, position)
        add_snapshots(team, [make(team)])

    return _changed(window, change, description)


def take_snapshot(window: WindowApi, label: str | None = None) -> bool:
    """Record the team as it is today (the date the window computes for), with a label. When the
    history already has a snapshot of that date, asks whether to replace it (No: nothing changes)."""
    day = window.document().as_of
    lang = window.language()
    same_day = _same_day(window, day)
    if same_day and not confirm(window, _("Take snapshot"), _(
            "The history already has a snapshot of {date}. Replace it with today's figures?").format(
                date=format_date(day, lang))):
        return False
    if label is None:
        label = ask_label(window, _("Take snapshot"))
        if label is None:
            return False
    if not _add_replacing(window, same_day, lambda team: history.make_snapshot(team, label, as_of=day),
                          _("Replace snapshot") if same_day else _("Take snapshot")):
        return False
    window.show_status(_("Snapshot of {date} taken").format(
        date=format_date(day, window.language())))
    return True


def relabel_snapshot(window: WindowApi, position: int, current: str = "") -> bool:
    label = ask_label(window, _("Relabel snapshot"), current)
    if label is None:
        return False
    _changed(window, lambda team: history.relabel_snapshot(team, position, label),
             _("Relabel snapshot"))
    return True


def delete_snapshot(window: WindowApi, position: int) -> None:
    day = history.snapshot_date(window.document().history_team().snapshots[position])
    _changed(window, lambda team: history.delete_snapshot(team, position),
             _("Delete snapshot"))
    window.show_status(_("Snapshot of {date} deleted (Ctrl+Z undoes it)").format(
        date=format_date(day, window.language())))


def import_older_file(window: WindowApi, path: Path | None = None) -> bool:
    """Add an older copy of the team file as a snapshot on the day the user confirms."""
    from sagstal_desktop.io.document import DocumentError
    from sagstal_desktop.io.history_import import same_team, snapshot_from_file, suggested_date

    title = _("Import older team file")
    path = path or ask_open_path(window, title, _("Sagstal team files (*.sagstal)"))
    if path is None:
        return False
    try:
        suggested = suggested_date(path)
    except OSError:
        suggested = date.today()
    answer = ask_date(window, path.name, suggested)
    if answer is None:
        return False
    day, label = answer
    from sagstal_desktop.core.validation import InputError, check_label

    try:
        label = check_label(label)
    except InputError as exc:
        show_problems(window, title, [exc.message(window.language())])
        return False
    try:
        snapshot, older = snapshot_from_file(path, day, label)
    except DocumentError as error:
        show_problems(window, title, [error.message(window.language())])
        return False
    if not same_team(window.document().history_team(), older) and not confirm(
            window, title, _("{file} is the team \"{other}\", not \"{team}\". Add it to "
                                                       "this team's history anyway?").format(
                file=path.name, other=older.info.team_name, team=window.document().history_team().info.team_name)):
        return False
    same_day = _same_day(window, day)
    if same_day and not confirm(window, title, _(
            "The history already has a snapshot of {date}. Replace it with {file}?").format(
                date=format_date(day, window.language()), file=path.name)):
        return False
    if not _add_replacing(window, same_day, lambda _team: snapshot, title):
        return False
    window.show_status(_("{file} added as the snapshot of {date}").format(
        file=path.name, date=format_date(day, window.language())))
    return True


def import_spreadsheet(window: WindowApi, path: Path | None = None) -> bool:
    """Add one snapshot per row of a spreadsheet of dated team figures."""
    from sagstal_desktop.io.history_import import snapshots_from_table
    from sagstal_desktop.io.problems import problem_lines
    from sagstal_desktop.io.table_reader import ReadError

    title = _("Import history from a spreadsheet")
    path = path or ask_open_path(window, title, _("Spreadsheets (*.xlsx *.csv)"))
    if path is None:
        return False
    lang = window.language()
    try:
        result = snapshots_from_table(path, window.document().history_team())
    except ReadError as error:
        show_problems(window, title, [error.message(lang)])
        return False
    if result.refused:
        show_problems(window, title, [_("Nothing was imported:"), *problem_lines(result.problems, lang)])
        return False

    def add_all(team) -> None:
        add_snapshots(team, result.snapshots)  # the core operation ``sagstal snapshot`` uses

    if not _changed(window, add_all, title):
        return False
    window.show_status(_("{count} snapshots imported from {file}").format(
        count=len(result.snapshots), file=path.name))
    return True


def export_history(window: WindowApi, path: Path | None = None) -> bool:
    from sagstal_desktop.core.trend import trend_rows
    from sagstal_desktop.io.history_table import export_trend_xlsx

    rows = trend_rows(window.document().history_team())
    folder = window.document_path().parent if window.document_path() else Path.home()
    name = _("{team} history.xlsx").format(team=window.document().history_team().info.team_name or _("team"))
    path = path or ask_export_path(window, folder / name)
    if path is None:
        return False
    try:
        export_trend_xlsx(rows, path, window.language())
    except OSError as error:
        show_problems(window, _("Export history"), [f"{path}: {system_reason(error, window.language())}"])
        return False
    window.show_status(_("History exported to {file}").format(file=path.name))
    return True


# -- the offer after saving ------------------------------------------------------------------


def offer_snapshot(window: WindowApi) -> QMessageBox | None:
    """After a save: if the month has no snapshot, ask (without blocking) whether to take one.
    Yes takes it and saves again. Returns the question box, or None when nothing is asked."""
    document = window.document()
    today = document.as_of
    month = f"{today.year}-{today.month:02d}"
    due = history.snapshot_due(document.history_team(), today)
    if document.path is None or not due or document.property(_DECLINED) == month:
        return None
    box = QMessageBox(QMessageBox.Icon.Question, _("Snapshot for the history"),
                      _("The team's history has no snapshot for this month yet. Take one "
                                                  "now (today's figures, saved in the file)?"),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    box.setObjectName("snapshotOffer")
    box.setDefaultButton(QMessageBox.StandardButton.Yes)

    def answered(button) -> None:
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:
            months = _("January February March April May June July August September "
                                                 "October November December").split()
            take_snapshot(window, f"{months[today.month - 1]} {today.year}")
            window.files.save()
        else:
            document.setProperty(_DECLINED, month)
        box.deleteLater()

    box.buttonClicked.connect(answered)
    box.open()
    return box

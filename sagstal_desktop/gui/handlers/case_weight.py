"""Case weight in the window (issue 27): Edit → "Sagernes tyngde i feltet…" (Ctrl+L while the
staff table has the focus, and its context menu) opens the split editor on the current count
cell (``gui/dialogs/case_split.py``); the split is one undoable edit through
``core.operations.set_levels`` (``Document.set_levels``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.gui.window_api import WindowApi


def current_count_cell(window: WindowApi) -> tuple[int, int, str] | None:
    """(row, column, case type) of the table's current cell when it is a count, else None."""
    from sagstal_desktop.gui.refused_input import source_index

    index = source_index(window.table.currentIndex())
    if not index.isValid():
        return None
    case_type = window.model().case_type_at(index.column())
    return None if case_type is None else (index.row(), index.column(), case_type)


def split_dialog(window: WindowApi, row: int, column: int, case_type: str):
    from sagstal_desktop.gui.dialogs.case_split import CaseSplitDialog

    model = window.model()
    member = window.team().staff[row]
    cell = _("Row {row} ({name}), {column}").format(row=row + 1, name=member.name, column=model.column_title(column))
    return CaseSplitDialog(member, case_type, window.team().settings.weighting, cell, window.language(), window)


def apply_split(window: WindowApi, row: int, column: int, case_type: str, dialog) -> None:
    member = window.team().staff[row]
    split = dialog.split()
    if (member.levels.get(case_type) or {}) == split:
        return
    from sagstal_desktop.gui.case_weight_text import split_line

    text = _("Case weight of {column} for {name}: {split}").format(
        column=window.model().column_title(column), name=member.name,
        split=split_line(dialog.total, split, window.language()))
    window.document().set_levels(member.id, case_type, split or None, text)
    window.show_status(_("{what}. Ctrl+Z undoes it.").format(what=text))


def edit_split(window: WindowApi) -> None:
    """Edit → Case weight of the count…: the split of the current count cell."""
    cell = current_count_cell(window)
    if cell is None:
        window.show_status(_("Choose a cell with a count of cases first (a case type's column)."))
        return
    row, column, case_type = cell
    if not window.team().staff[row].counts.get(case_type):
        window.show_status(_("The cell holds no cases to split."))
        return
    dialog = split_dialog(window, row, column, case_type)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        apply_split(window, row, column, case_type, dialog)
    dialog.deleteLater()

"""Excel habits in the staff table: copy a rectangular block as tab-separated text (numbers as the
table shows them: Danish decimal comma), paste such a block from Excel or LibreOffice (rows past
the end become new people), and fill down (Ctrl+D). A paste or a fill down is ONE undoable step
(``Document.apply_cells``); every cell is read with the same parsers as typing
(``core/cell_input.py``), refused cells are left unchanged, kept visible in their cell and named
in a message (row, column, value, reason). Computed columns are skipped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from sagstal_desktop.core.model import StaffMember
from sagstal_desktop.core.operations import current_value
from sagstal_desktop.core.validation import InputError
from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.gui.main_window import MainWindow


def parse_block(text: str) -> list[list[str]]:
    """Tab-separated rows (as Excel and LibreOffice put them on the clipboard) as a grid of texts;
    a final line break and quotes around a cell are dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    grid = []
    for line in lines:
        cells = []
        for cell in line.split("\t"):
            cell = cell.strip()
            if len(cell) >= 2 and cell[0] == cell[-1] == '"':
                cell = cell[1:-1].replace('""', '"')
            cells.append(cell)
        grid.append(cells)
    return grid


def block_text(grid: list[list[str]]) -> str:
    """A grid of texts as tab-separated lines (the clipboard format of spreadsheets)."""
    return "".join("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row) + "\n" for row in grid)


@dataclass
class _Plan:
    """What a paste or fill down will do: cell edits, new people, refused cells."""

    edits: list[tuple[str, str, Any]] = field(default_factory=list)
    new_members: list[StaffMember] = field(default_factory=list)
    refused: list[tuple[str, int, str, str]] = field(default_factory=list)  # member id, column, text, message
    cells: int = 0


class TableClipboard:
    """Copy, paste and fill down for ``window``'s staff table."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    # -- selection ------------------------------------------------------------------------
    def _selected(self) -> list[QModelIndex]:
        table = self._window.table
        indexes = table.selectionModel().selectedIndexes()
        if not indexes and table.currentIndex().isValid():
            indexes = [table.currentIndex()]
        return indexes

    # -- copy --------------------------------------------------------------------------------
    def copy(self) -> str:
        """Put the selected rectangle on the clipboard as tab-separated text (and return it)."""
        indexes = self._selected()
        if not indexes:
            return ""
        view = self._window.table.model()
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        grid = [[str(view.index(r, c).data() or "") if (r, c) in chosen else "" for c in columns] for r in rows]
        text = block_text(grid)
        QGuiApplication.clipboard().setText(text)
        self._window.show_status(_("Copied {rows} × {columns} cells.").format(rows=len(rows),
                                                                                 columns=len(columns)))
        return text

    # -- paste -------------------------------------------------------------------------------
    def paste(self, text: str | None = None) -> None:
        """Paste a tab-separated block at the current cell (the top-left of the selection)."""
        grid = parse_block(QGuiApplication.clipboard().text() if text is None else text)
        if not grid:
            self._window.show_status(_("The clipboard holds no cells to paste."))
            return
        indexes = self._selected()
        top = min((i.row() for i in indexes), default=0)
        left = min((i.column() for i in indexes), default=0)
        plan = self._plan_paste(grid, top, left)
        width = max(len(row) for row in grid)
        if plan.new_members:
            what = _("Paste {rows} × {columns} cells ({new} new staff)").format(
                rows=len(grid), columns=width, new=len(plan.new_members))
        else:
            what = _("Paste {rows} × {columns} cells").format(rows=len(grid), columns=width)
        self._apply(plan, what)

    def _plan_paste(self, grid: list[list[str]], top: int, left: int) -> _Plan:
        window, model = self._window, self._window.model()
        view, staff = window.table.model(), window.document().team.staff
        plan = _Plan()
        columns = model.columnCount()
        for offset, cells in enumerate(grid):
            view_row = top + offset
            if view_row < view.rowCount():
                source_row = view.mapToSource(view.index(view_row, 0)).row()
                member, new = staff[source_row], False
            else:
                if not any(cells):
                    continue
                member = StaffMember(name=_("New staff member"),
                                     counts=dict.fromkeys(model.case_types(), 0))
                source_row, new = len(staff) + len(plan.new_members), True
                plan.new_members.append(member)
            scratch = StaffMember(**{**member.__dict__, "counts": dict(member.counts)})
            for step, value in enumerate(cells):
                column = left + step
                if column >= columns or model.computed_at(column) is not None or (new and value == ""):
                    continue
                self._plan_cell(plan, scratch, member, source_row, column, value, new)
        return plan

    def _plan_cell(self, plan: _Plan, scratch: StaffMember, member: StaffMember, row: int, column: int,
                   value: str, new: bool) -> None:
        model = self._window.model()
        plan.cells += 1
        try:
            key, parsed = model.parse(scratch, column, value)
        except InputError as error:
            name = scratch.name
            plan.refused.append((member.id, column, value, model.refusal_message(row, column, error, name)))
            return
        if key.startswith("count:"):
            scratch.counts[key.removeprefix("count:")] = parsed
        else:
            setattr(scratch, key, parsed)
        if new or current_value(member, key) != parsed:
            plan.edits.append((member.id, key, parsed))
        if not new:
            model.clear_refused(row, column)

    # -- fill down ------------------------------------------------------------------------------
    def fill_down(self) -> None:
        """Copy the top selected cell of each selected column into the selected cells below it
        (one selected cell: from the cell above), as one undoable step."""
        window, model = self._window, self._window.model()
        view, staff = window.table.model(), window.document().team.staff
        by_column: dict[int, list[int]] = {}
        for index in self._selected():
            by_column.setdefault(index.column(), []).append(index.row())
        plan = _Plan()
        for column, rows in sorted(by_column.items()):
            rows = sorted(rows)
            if model.computed_at(column) is not None:
                continue
            if len(rows) == 1:
                if rows[0] == 0:
                    continue
                rows = [rows[0] - 1, rows[0]]
            value = str(view.index(rows[0], column).data(Qt.ItemDataRole.EditRole) or "")  # as typed
            for view_row in rows[1:]:
                source_row = view.mapToSource(view.index(view_row, column)).row()
                member = staff[source_row]
                scratch = StaffMember(**{**member.__dict__, "counts": dict(member.counts)})
                self._plan_cell(plan, scratch, member, source_row, column, value, False)
        self._apply(plan, _("Fill down {cells} cells").format(cells=plan.cells))

    # -- both ------------------------------------------------------------------------------
    def _apply(self, plan: _Plan, what: str) -> None:
        window, model = self._window, self._window.model()
        window.document().apply_cells(plan.edits, what, plan.new_members)
        for member_id, column, value, message in plan.refused:
            model.mark_refused(model.row_of(member_id), column, value, message, announce=False)
        changed = len({(m, k) for m, k, _unused in plan.edits})
        if plan.refused:
            first = plan.refused[0][3]
            text = _("{what}: {changed} cells changed, {refused} refused. {first}").format(
                what=what, changed=changed, refused=len(plan.refused), first=first)
            if len(plan.refused) > 1:
                others = "; ".join(m for *_unused, m in plan.refused[1:4])
                text += " " + _("Also: {others}").format(others=others)
            window.show_status(text, 0)
        else:
            window.show_status(_("{what}: {changed} cells changed.").format(what=what, changed=changed))

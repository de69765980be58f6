"""Intake and closures (Team → Intake and closures…): a month × case type table of new and closed
cases, the forecast's input. Every cell is read by ``core.validation``'s parsers (through
``core.flows.make_flow``); a cell that does not parse is named (month row, column) and the dialog
stays open. Paste from Excel (Ctrl+V or the button): a block of cells at the current cell, or a
list with the headers Måned/Month, Sagstype/Case type, Nye sager/New cases, Afsluttede
sager/Closed cases (as the import reads it).

    dialog = FlowsDialog(team, norm_set, today, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        flows = dialog.flows()
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.core.flows import Flow, FlowError, check_flows, make_flow, month_after
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet, case_type_name
from sagstal_desktop.core.validation import InputError, is_blank
from sagstal_desktop.gui.dialogs.common import error_label, ok_cancel_buttons, show_error, ui_language
from sagstal_desktop.i18n import _

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
#: Months shown for a team without flows: the year before the current month.
EMPTY_MONTHS = 12


def _month_text(month: date) -> str:
    return f"{month:%Y-%m}"


class FlowsDialog(QDialog):
    """Edits the team's intake and closures; the caller stores ``flows()`` as one step."""

    def __init__(self, team: Team, norm_set: NormSet, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flowsDialog")
        self.setWindowTitle(_("Intake and closures"))
        self._lang = ui_language(parent)
        self._norm_set = norm_set
        counts_types = [t for m in team.staff for t, n in m.counts.items() if n]
        self.types: list[str] = list(dict.fromkeys([*sorted({f.case_type for f in team.flows}),
                                                     *sorted(set(counts_types))]))
        months = sorted({f.month for f in team.flows})
        if not months:
            first = month_after(today.replace(day=1), -EMPTY_MONTHS)
            months = [month_after(first, k) for k in range(EMPTY_MONTHS)]
        intro = QLabel(_("New and closed cases per month and case type: the forecast's input (Team → Forecast…). "
                         "An empty cell counts as 0. Paste from Excel with Ctrl+V: a block of cells, or a list "
                         "with the columns Month, Case type, New cases, Closed cases."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between its cells
        prototype = QTableWidgetItem()  # a count typed into an empty cell is right-aligned too
        prototype.setTextAlignment(RIGHT)
        self.table.setItemPrototype(prototype)
        self.table.setObjectName("flowsTable")
        self.table.setAccessibleName(_("Intake and closures per month"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self._set_columns()
        by_key = {(f.month, f.case_type): f for f in team.flows}
        for month in months:
            row = self._add_row(_month_text(month))
            for i, case_type in enumerate(self.types):
                flow = by_key.get((month, case_type))
                if flow is not None:
                    self._put(row, 1 + 2 * i, str(flow.new))
                    self._put(row, 2 + 2 * i, str(flow.closed))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.add_month_button = self._button(_("Add &month"), self.add_month)
        self.add_type_button = self._button(_("Add case &type…"), self.ask_case_type)
        self.remove_button = self._button(_("&Remove selected months"), self.remove_selected)
        self.paste_button = self._button(_("&Paste from Excel"), self.paste)
        self.import_button = self._button(_("&Import spreadsheet…"), self.import_file)
        QShortcut(QKeySequence.StandardKey.Paste, self.table, activated=self.paste)
        self.error = error_label(self)
        self.error.setAccessibleName(_("Problem"))
        buttons = ok_cancel_buttons(self)
        row_of_buttons = QHBoxLayout()
        for button in (self.add_month_button, self.add_type_button, self.remove_button, self.paste_button,
                       self.import_button):
            row_of_buttons.addWidget(button)
        row_of_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_of_buttons)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._flows: list[Flow] = []
        self._team = team
        from sagstal_desktop.gui.screen_fit import fit_to_screen

        fit_to_screen(self, 900, 560, remember=False)

    # -- building ----------------------------------------------------------------------------
    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        return button

    def _set_columns(self) -> None:
        heads = [_("Month")]
        for case_type in self.types:
            name = case_type_name(case_type, self._lang)
            heads += [_("{type}: new").format(type=name), _("{type}: closed").format(type=name)]
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        self.table.resizeColumnsToContents()

    def _add_row(self, month_text: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._put(row, 0, month_text)
        return row

    def _put(self, row: int, column: int, text: str) -> None:
        item = QTableWidgetItem(text)
        if column:  # counts right-aligned, as in every table of the program; the month left
            item.setTextAlignment(RIGHT)
        self.table.setItem(row, column, item)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def add_case_type(self, case_type: str) -> int:
        """The first column of ``case_type`` (added at the end if new)."""
        if case_type not in self.types:
            self.types.append(case_type)
            keep = [[self._text(r, c) for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]
            self._set_columns()
            for r, values in enumerate(keep):
                for c, text in enumerate(values):
                    if text:
                        self._put(r, c, text)
        return 1 + 2 * self.types.index(case_type)

    def ask_case_type(self) -> None:
        names = {case_type_name(t, self._lang): t for t in self._norm_set.case_type_ids() if t not in self.types}
        if not names:
            return
        chosen, ok = QInputDialog.getItem(self, _("Add case type"), _("Case type:"), list(names), 0, False)
        if ok and chosen in names:
            self.add_case_type(names[chosen])

    def add_month(self) -> None:
        """A row for the month after the last one (or the current month for an empty table)."""
        last = None
        for row in range(self.table.rowCount()):
            try:
                month = make_flow(self._text(row, 0), "x", 0, 0).month
            except InputError:
                continue
            last = month if last is None or month > last else last
        self._add_row(_month_text(month_after(last) if last else date.today().replace(day=1)))

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def _row_of_month(self, month: date) -> int:
        for row in range(self.table.rowCount()):
            try:
                if make_flow(self._text(row, 0), "x", 0, 0).month == month:
                    return row
            except InputError:
                continue
        return self._add_row(_month_text(month))

    # -- import and paste ----------------------------------------------------------------------
    def import_file(self, path=None) -> bool:
        """Rows from a spreadsheet (``io.flows_import``: the import's validation and problem cap)
        into the table, over the months and types it names; with any error nothing is taken and
        the problems are shown. Returns whether rows were taken."""
        from sagstal_desktop.gui.dialogs.file_dialogs import ask_open_path
        from sagstal_desktop.io.flows_import import flows_from_table
        from sagstal_desktop.io.problems import problem_lines
        from sagstal_desktop.io.table_reader import ReadError

        path = path or ask_open_path(self, _("Import intake and closures"), _("Spreadsheets (*.xlsx *.csv)"))
        if not path:
            return False
        try:
            read = flows_from_table(path, self._team)
        except ReadError as exc:
            show_error(self.error, exc.message(self._lang))
            return False
        if read.refused:
            show_error(self.error, "\n".join(problem_lines(read.problems, self._lang)))
            return False
        for flow in read.flows:
            row, column = self._row_of_month(flow.month), self.add_case_type(flow.case_type)
            self._put(row, column, str(flow.new))
            self._put(row, column + 1, str(flow.closed))
        show_error(self.error, "\n".join(problem_lines(read.problems, self._lang)))  # warnings, if any
        return True

    # -- paste ---------------------------------------------------------------------------------
    def paste(self, text: str | None = None) -> None:
        """Cells from the clipboard (or ``text``): a list with the import's headers, else a block
        at the current cell."""
        text = QGuiApplication.clipboard().text() if text is None else text
        cells = [line.split("\t") for line in text.replace("\r\n", "\n").rstrip("\n").split("\n")]
        if not cells or not any(any(c.strip() for c in line) for line in cells):
            return
        from sagstal_desktop.io.columns import normalize
        from sagstal_desktop.io.flows_import import _case_type_lookup, _headers

        known = _headers()
        keys = [known.get(normalize(c)) for c in cells[0]]
        if {"month", "case_type", "new", "closed"} <= set(keys):
            where = {k: keys.index(k) for k in ("month", "case_type", "new", "closed")}
            types = _case_type_lookup(self.types)
            problems = []
            for number, line in enumerate(cells[1:], start=2):
                values = {k: line[i] if i < len(line) else "" for k, i in where.items()}
                if all(is_blank(v) for v in values.values()):
                    continue
                try:
                    flow = make_flow(values["month"], values["case_type"], values["new"], values["closed"])
                except InputError as exc:
                    problems.append(_("Line {n}: {problem}").format(n=number, problem=exc.message(self._lang)))
                    continue
                case_type = types.get(normalize(flow.case_type), flow.case_type)
                row, column = self._row_of_month(flow.month), self.add_case_type(case_type)
                self._put(row, column, str(flow.new))
                self._put(row, column + 1, str(flow.closed))
            show_error(self.error, "\n".join(problems[:5]))
            return
        top, left = max(self.table.currentRow(), 0), max(self.table.currentColumn(), 0)
        for r, line in enumerate(cells):
            row = top + r
            while row >= self.table.rowCount():
                self._add_row("")
            for c, value in enumerate(line):
                if left + c < self.table.columnCount():
                    self._put(row, left + c, value.strip())

    # -- reading -------------------------------------------------------------------------------
    def read(self) -> tuple[list[Flow], str]:
        """The table's flows and "", or [] and the first problem (row, case type, message). A row
        without figures is left out, whatever its month says."""
        flows = []
        for row in range(self.table.rowCount()):
            month_text = self._text(row, 0)
            values = [self._text(row, c) for c in range(1, self.table.columnCount())]
            if is_blank(month_text) and all(is_blank(v) for v in values):
                continue
            for i, case_type in enumerate(self.types):
                new, closed = values[2 * i], values[2 * i + 1]
                if is_blank(new) and is_blank(closed):
                    continue
                try:
                    flows.append(make_flow(month_text, case_type, new, closed))
                except InputError as exc:
                    return [], _("Row {row}, {type}: {problem}").format(
                        row=row + 1, type=case_type_name(case_type, self._lang), problem=exc.message(self._lang))
        try:
            return check_flows(flows), ""
        except FlowError as exc:
            if exc.code == "duplicate":
                return [], _("The month {value} is in the table twice.").format(value=exc.value.split()[0])
            return [], _("The team file holds at most {cap} rows of intake and closures.").format(cap=exc.limit)

    def accept(self) -> None:
        flows, problem = self.read()
        if problem:
            show_error(self.error, problem)
            return
        self._flows = flows
        super().accept()

    def flows(self) -> list[Flow]:
        return list(self._flows)

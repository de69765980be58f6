"""The import preview: how the file's columns are used (changeable), its rows, and every problem,
before anything changes. Import is possible only without errors, and with warnings only once the
user has accepted them. The dialog never touches the team; ``result_team()`` builds the new one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.gui.dialogs.common import error_label, show_error, ui_language
from sagstal_desktop.gui.models.import_problems_model import ProblemsModel
from sagstal_desktop.gui.models.import_rows_model import RowsModel, cell_text
from sagstal_desktop.i18n import _, ngettext
from sagstal_desktop.io import columns as col
from sagstal_desktop.io.importer import MERGE, REPLACE_COUNTS, REPLACE_TEAM, ImportPlan, analyze, describe
from sagstal_desktop.io.problems import column_letter
from sagstal_desktop.io.table_reader import RawTable

# Tables larger than this are re-checked in the background (with progress and cancel).
BACKGROUND_ROWS = 20_000


class ImportPreviewDialog(QDialog):
    """Preview and confirm an import. ``team`` is the open team (None: import as a new team)."""

    def __init__(self, table: RawTable, norm_set: NormSet, team: Team | None = None,
                 parent: QWidget | None = None, plan: ImportPlan | None = None, suggested_name: str = "") -> None:
        super().__init__(parent)
        self._lang = ui_language(parent)
        self._table, self._norm_set, self._team = table, norm_set, team
        self._plan = plan or analyze(table, norm_set)
        self._targets = [None, *col.all_targets(norm_set)]
        self.setWindowTitle(_("Import spreadsheet") if team is not None else _("Import as new team"))
        from sagstal_desktop.gui.screen_fit import fit_to_screen

        fit_to_screen(self, 980, 640, remember=False)
        layout = QVBoxLayout(self)

        self._info = QLabel(self)
        self._info.setWordWrap(True)
        layout.addWidget(self._info)
        sheet_row = QHBoxLayout()
        self._sheet_label = QLabel(_("Sheet:"), self)
        self._sheet_box = QComboBox(self)
        self._sheet_box.addItems(table.sheets)
        if table.sheet in table.sheets:
            self._sheet_box.setCurrentIndex(table.sheets.index(table.sheet))
        self._sheet_box.currentTextChanged.connect(self._sheet_changed)
        sheet_row.addWidget(self._sheet_label)
        sheet_row.addWidget(self._sheet_box)
        sheet_row.addStretch(1)
        layout.addLayout(sheet_row)
        for widget in (self._sheet_label, self._sheet_box):
            widget.setVisible(len(table.sheets) > 1)

        self._tabs = QTabWidget(self)
        self._tabs.setAccessibleName(_("Import preview"))
        self._mapping_table = QTableWidget(0, 4, self)
        self._mapping_table.setHorizontalHeaderLabels(
            [_("Column"), _("Header in the file"), _("Used as"), _("First value")])
        self._mapping_table.verticalHeader().hide()
        self._mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._mapping_table.horizontalHeader().setStretchLastSection(True)
        self._mapping_table.setAccessibleName(_("Columns"))
        self._mapping_table.setTabKeyNavigation(False)  # Tab goes on; the arrows move in the table
        self._combos: list[QComboBox] = []
        self._row_lookup: dict[int, int] | None = None
        self._fill_mapping_table()
        self._tabs.addTab(self._mapping_table, _("Columns"))

        self._rows_model = RowsModel(table, self)
        self._rows_view = QTableView(self)
        self._rows_view.setAccessibleName(_("Rows"))
        self._rows_view.setTabKeyNavigation(False)
        self._rows_view.setModel(self._rows_model)
        self._rows_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._tabs.addTab(self._rows_view, _("Rows"))

        self._problems_model = ProblemsModel(self)
        self._problems_model.set_severity_names(_("Error"), _("Warning"))
        self._problem_headers = [_("Kind"), _("Row"), _("Column"), _("Value"),
                                 _("Problem")]
        self._problems_view = QTableView(self)
        self._problems_view.setAccessibleName(_("Problems"))
        self._problems_view.setTabKeyNavigation(False)
        self._problems_view.setModel(self._problems_model)
        self._problems_view.setWordWrap(True)
        self._problems_view.verticalHeader().hide()
        self._problems_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._problems_view.doubleClicked.connect(self._show_problem_cell)
        self._tabs.addTab(self._problems_view, _("Problems"))
        layout.addWidget(self._tabs, 1)

        self._mode_buttons = QButtonGroup(self)
        if team is not None:
            box = QGroupBox(_("People already in the team (matched by name)"), self)
            box_layout = QVBoxLayout(box)
            for mode, text in (
                (MERGE, _("Merge: update them with the file's filled-in cells and keep their other counts")),
                (REPLACE_COUNTS, _("Replace their case counts with the file's")),
                (REPLACE_TEAM, _("Replace the whole team: people not in the file are removed")),
            ):
                button = QRadioButton(text, box)
                button.setProperty("mode", mode)
                button.setChecked(mode == MERGE)
                self._mode_buttons.addButton(button)
                box_layout.addWidget(button)
            self._mode_buttons.buttonToggled.connect(lambda *_unused: self._update_state())
            layout.addWidget(box)
        else:  # a new team: what the memo's header and the window title name it by
            box = QGroupBox(_("The new team"), self)
            form = QFormLayout(box)
            self.municipality, self.department, self.team_name = QLineEdit(box), QLineEdit(box), QLineEdit(box)
            from sagstal_desktop.core.validation import limits

            for edit in (self.municipality, self.department, self.team_name):
                edit.setMaxLength(int(limits()["max_name_length"]))
            self.team_name.setText(suggested_name)
            form.addRow(_("Municipality:"), self.municipality)
            form.addRow(_("Department:"), self.department)
            form.addRow(_("Team name:"), self.team_name)
            layout.addWidget(box)

        self._changes = QLabel(self)
        layout.addWidget(self._changes)
        self._accept_warnings = QCheckBox(self)
        self._accept_warnings.toggled.connect(lambda *_unused: self._update_state())
        layout.addWidget(self._accept_warnings)
        self._status = error_label(self)
        layout.addWidget(self._status)

        bottom = QHBoxLayout()
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Import"))
        self._buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        bottom.addStretch(1)
        bottom.addWidget(self._buttons)
        layout.addLayout(bottom)
        self._show_plan()

    # -- public --------------------------------------------------------------------------------
    def plan(self) -> ImportPlan:
        return self._plan

    def mode(self) -> str:
        button = self._mode_buttons.checkedButton()
        return button.property("mode") if button is not None else MERGE

    def set_mode(self, mode: str) -> None:
        for button in self._mode_buttons.buttons():
            if button.property("mode") == mode:
                button.setChecked(True)

    def set_target(self, column: int, target: str | None) -> None:
        """Use column ``column`` for ``target`` (as choosing it in the combo box does)."""
        self._combos[column].setCurrentIndex(self._targets.index(target))

    def accept_warnings(self, accepted: bool = True) -> None:
        self._accept_warnings.setChecked(accepted)

    def can_import(self) -> bool:
        return self._buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()

    def result_team(self) -> Team:
        """The team to apply (a new team when importing as new); the open team is not changed."""
        if self._team is None:
            import dataclasses

            team = self._plan.new_team()
            team.info = dataclasses.replace(team.info, municipality=self.municipality.text().strip(),
                                            department=self.department.text().strip(),
                                            team_name=self.team_name.text().strip())
            return team
        return self._plan.apply(self._team, self.mode())

    def description(self) -> str:
        return describe(self._plan, self._plan.changes(self._team, self.mode()), self._lang)

    def accept(self) -> None:
        if self.can_import():
            super().accept()

    # -- internals -----------------------------------------------------------------------------
    def _sheet_changed(self, sheet: str) -> None:
        """Read another sheet of the workbook (in the background) and check it."""
        from sagstal_desktop.gui.background import Cancelled, read_with_progress
        from sagstal_desktop.io.table_reader import ReadError, read_table

        if not sheet or sheet == self._table.sheet:
            return

        def job(progress, cancelled):
            table = read_table(self._table.path, sheet, progress, cancelled)
            return table, analyze(table, self._norm_set, None, progress, cancelled)

        try:
            table, plan = read_with_progress(self, _("Reading the sheet…"), job)
        except (Cancelled, ReadError) as exc:
            self._sheet_box.blockSignals(True)
            self._sheet_box.setCurrentIndex(self._table.sheets.index(self._table.sheet))
            self._sheet_box.blockSignals(False)
            if isinstance(exc, ReadError):
                show_error(self._status, exc.message(self._lang))
            return
        self._table, self._plan = table, plan
        self._row_lookup = None
        self._rows_model.set_table(table)
        self._fill_mapping_table()
        self._show_plan()

    def _fill_mapping_table(self) -> None:
        table = self._mapping_table
        table.clearContents()
        self._combos = []
        table.setRowCount(len(self._table.headers))
        for i, header in enumerate(self._table.headers):
            table.setItem(i, 0, QTableWidgetItem(column_letter(i)))
            table.setItem(i, 1, QTableWidgetItem(header))
            combo = QComboBox(table)
            for target in self._targets:
                combo.addItem(col.target_label(target, self._lang))
            combo.setCurrentIndex(self._targets.index(self._plan.mapping[i]))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self._combos.append(combo)
            table.setCellWidget(i, 2, combo)
            first = next((r[i] for r in self._table.rows if r[i] is not None and str(r[i]).strip()), None)
            table.setItem(i, 3, QTableWidgetItem(cell_text(first)))

    def _mapping_changed(self, *_args: Any) -> None:
        mapping = [self._targets[c.currentIndex()] for c in self._combos]
        if len(self._table.rows) > BACKGROUND_ROWS:
            from sagstal_desktop.gui.background import Cancelled, read_with_progress

            try:
                plan = read_with_progress(self, _("Checking the rows…"),
                                         lambda progress, cancelled: analyze(self._table, self._norm_set, mapping,
                                                                             progress, cancelled))
            except Cancelled:
                self._restore_combos()
                return
        else:
            plan = analyze(self._table, self._norm_set, mapping)
        self._plan = plan
        self._show_plan()

    def _restore_combos(self) -> None:
        for combo, target in zip(self._combos, self._plan.mapping, strict=True):
            combo.blockSignals(True)
            combo.setCurrentIndex(self._targets.index(target))
            combo.blockSignals(False)

    def _show_plan(self) -> None:
        plan, table = self._plan, self._table
        sheet_word = _("sheet")
        where = table.file_name + (f" – {sheet_word} \"{table.sheet}\"" if table.sheet else "")
        self._info.setText(_("{where}: {rows} rows, {columns} columns. Check how each column is used, the "
                                   "rows and the problems below. Nothing changes until you press Import.")
                           .format(where=where, rows=self._n(len(table.rows)), columns=self._n(len(table.headers))))
        self._rows_model.set_plan(plan, self._lang)
        self._rows_view.resizeColumnsToContents()  # Qt measures only a sample of the rows
        self._problems_model.set_problems(plan.problems, self._lang, self._problem_headers)
        self._problems_view.resizeColumnsToContents()
        self._problems_view.horizontalHeader().setStretchLastSection(True)
        errors, warnings = len(plan.errors), len(plan.warnings)
        self._tabs.setTabText(2, _("Problems ({count})").format(count=self._n(errors + warnings)))
        if errors:
            self._tabs.setCurrentIndex(2)
        self._accept_warnings.setText(ngettext("I have read the warning; import anyway",
                                               "I have read the {count} warnings; import anyway", warnings).format(
            count=self._n(warnings)))
        self._accept_warnings.setVisible(warnings > 0 and errors == 0)
        self._update_state()

    def _n(self, count: int) -> str:
        """A count in the dialog's language (10.000 in Danish)."""
        return format_number(count, 0, self._lang)

    def _update_state(self) -> None:
        plan = self._plan
        errors, warnings = len(plan.errors), len(plan.warnings)
        message = ""
        if errors:
            message = _("{count} errors: nothing can be imported until they are fixed in the file (or the "
                              "column use is changed). Nothing has been changed.").format(count=self._n(errors))
        elif not plan.rows:
            message = _("There are no rows to import.")
        elif warnings and not self._accept_warnings.isChecked():
            message = _("Read the warnings and tick the box to import anyway.")
        show_error(self._status, message)
        ok = not message
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        if errors:
            self._changes.setText("")
            return
        changes = plan.changes(self._team, self.mode())
        if self._team is None:
            self._changes.setText(ngettext("A new team with {count} person will be opened.",
                                           "A new team with {count} people will be opened.",
                                           len(changes.added)).format(count=self._n(len(changes.added))))
        else:
            self._changes.setText(_("{added} new, {updated} updated, {removed} removed.").format(
                added=self._n(len(changes.added)), updated=self._n(len(changes.updated)),
                removed=self._n(len(changes.removed))))

    def _show_problem_cell(self, index: QModelIndex) -> None:
        problem = self._problems_model.problem(index.row())
        if problem.row is None or problem.row not in self._row_index():
            return
        row = self._row_index()[problem.row]
        column = problem.column_index or 0
        self._tabs.setCurrentIndex(1)
        target = self._rows_model.index(row, column)
        self._rows_view.scrollTo(target)
        self._rows_view.setCurrentIndex(target)

    def _row_index(self) -> dict[int, int]:
        if self._row_lookup is None:
            self._row_lookup = {n: i for i, n in enumerate(self._table.row_numbers)}
        return self._row_lookup

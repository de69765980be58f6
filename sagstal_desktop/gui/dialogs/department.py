"""The department view (issue 26, item 5): many team files, one picture.

One row per team (sortable; a double-click or Enter opens that team in the window, read-only
when its team leader has it open), the total last, a chart of the teams' loads against the range
with its text alternative, the problems, the question "where do N new positions do most good?",
"Anonymise" (team-level figures only, teams under k staff merged into "øvrige teams"), export
to Excel and the department memo. The figures are ``core.department``'s, through
``core.department_view`` (the memo's rows too). The slow steps (positions, memo, workbook) run
in a worker with progress (``gui/background.py``). Fits a 1280x680 screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.core.department import Department
from sagstal_desktop.core.department_view import position_rows
from sagstal_desktop.core.formatting import format_date, format_number, format_percent
from sagstal_desktop.core.wording import fill, format_load
from sagstal_desktop.gui.models.department_model import (
    COLUMNS,
    HIDDEN_COLUMNS,
    ROW_ROLE,
    DepartmentSortProxy,
    DepartmentTableModel,
)
from sagstal_desktop.i18n import N_, NP_, ptr, tr
from sagstal_desktop.io.problems import system_reason

if TYPE_CHECKING:
    from sagstal_desktop.gui.window_api import WindowApi

TEXTS = {
    "title": N_("Department"),
    "summary": N_("{files} · as of {date} · measured against {sets}"),
    "own_sets": N_("each team's own norm set"),
    "table": N_("Teams"),
    "chart_tab": N_("&Loads"),
    "problems_tab": N_("&Problems ({n})"),
    "positions_tab": N_("New &positions"),
    "chart": N_("Chart of the teams' loads"),
    "chart_text": N_("The chart in words"),
    "problems": N_("Problems"),
    "no_problems": N_("No problems: every file could be read, and the teams measure alike."),
    "problems_counted": N_("{kind}: {n}"),
    "positions_label": N_("New &full-time positions:"),
    "positions_spin": N_("Number of new full-time positions"),
    "compute": N_("&Compute"),
    "positions_table": N_("Where the new positions do most good"),
    "positions_intro": N_("Sagstal's calculation: the positions placed so that the highest team load at <max> after "
                          "is as low as possible, then the next (leximin), beside a split in proportion to FTE "
                          "needed at <max>."),
    "positions_result": N_("Highest team load: {before} now, {after} with the best placing, {prop} with the "
                           "proportional split. {proof}"),
    "optimal": N_("The solver proved the placing optimal (gap 0)."),
    "gap": N_("The solver stopped at its time limit; the placing is the best found, within a proven gap of {gap}."),
    "computing": N_("Placing the positions…"),
    "anonymise": N_("&Anonymise"),
    "anonymise_tip": N_("Team-level figures only; teams with fewer than {k} staff are merged into \"other teams\"."),
    "export": N_("&Export to Excel…"),
    "export_tip_anonymised": N_("The workbook holds every team's figures; turn Anonymise off to export it."),
    "memo": N_("&Memo…"),
    "close": N_("Close"),
    "columns": N_("C&olumns"),
    "columns_tip": N_("Show or hide the table's columns (FTE at mid and at min are hidden at first)."),
    "help": N_("&Help"),
    "open_hint": N_("Double-click a team, or press Enter, to open its file in the window."),
    "export_title": N_("Export department"),
    "memo_title": N_("Department memo"),
    "writing": N_("Writing {file}…"),
    "written": N_("Saved {file}"),
    "cannot_write": N_("Cannot write the file"),
    "positions_error": N_("Cannot place the positions"),
}
#: The help page's section on the department (``resources/help/help_*.html``).
HELP_ANCHOR = "afdeling"
#: The positions table's column heads (the memo's short forms).
POSITION_HEADS = (NP_("memo table", "Team"), NP_("memo table", "Load now"), NP_("memo table", "New FTE"),
                  NP_("memo table", "Load after"), NP_("memo table", "New FTE, proportional"),
                  NP_("memo table", "Load after, proportional"))


class DepartmentView(QDialog):
    """The department view; ``open_team(path)`` is called for a team to open, and
    ``ask_save_path(parent, title, suggested name, suffix)`` for a file to write."""

    def __init__(self, window: WindowApi, department: Department, open_team: Callable[[Path], object],
                 ask_save_path: Callable[[QWidget, str, str, str], Path | None]) -> None:
        super().__init__(window)
        from sagstal_desktop.core.planning.positions import max_steps
        from sagstal_desktop.gui.widgets.department_chart import DepartmentChart

        self.setObjectName("departmentView")
        self._window = window
        self.department = department
        self._open_team = open_team
        self._ask_save_path = ask_save_path
        self.lang = window.language()
        self.plan = None

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = DepartmentTableModel(self)
        self.proxy = DepartmentSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the files' order until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between its rows
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self.open_index)  # a double-click, or Enter
        self.hint = hint = QLabel(self)
        hint.setStyleSheet("color: #555;")
        # the secondary columns (FTE at mid and at min) hidden until chosen, so the table fits
        self.columns_button = QToolButton(self)
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.columns_menu = QMenu(self.columns_button)
        self.columns_button.setMenu(self.columns_menu)
        self.column_actions = {}
        for column, key in enumerate(COLUMNS[1:], start=1):
            action = QAction(self.columns_menu)
            action.setCheckable(True)
            action.setChecked(key not in HIDDEN_COLUMNS)
            action.toggled.connect(lambda on, c=column: self.table.setColumnHidden(c, not on))
            self.table.setColumnHidden(column, key in HIDDEN_COLUMNS)
            self.columns_menu.addAction(action)
            self.column_actions[key] = action

        self.chart = DepartmentChart(self)
        self.chart.setMinimumHeight(150)
        self.chart_text = QLabel(self)
        self.chart_text.setWordWrap(True)
        self.chart_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        chart_page = QWidget(self)
        chart_layout = QVBoxLayout(chart_page)
        chart_layout.addWidget(self.chart, 1)
        chart_layout.addWidget(self.chart_text)

        self.problems = QListWidget(self)
        self.problems.setWordWrap(True)

        self.positions_spin = QSpinBox(self)
        self.positions_spin.setRange(1, max_steps())
        self.positions_spin.setValue(1)
        self.spin_label = spin_label = QLabel(self)
        spin_label.setBuddy(self.positions_spin)
        self.compute_button = QPushButton(self)
        self.compute_button.clicked.connect(self.compute_positions)
        self.positions_note = QLabel(self)
        self.positions_note.setWordWrap(True)
        self.positions_table = QTableWidget(0, len(POSITION_HEADS), self)
        self.positions_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.positions_table.setTabKeyNavigation(False)
        self.positions_table.verticalHeader().hide()
        self.positions_table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.positions_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        positions_page = QWidget(self)
        positions_layout = QVBoxLayout(positions_page)
        ask = QHBoxLayout()
        ask.addWidget(spin_label)
        ask.addWidget(self.positions_spin)
        ask.addWidget(self.compute_button)
        ask.addStretch(1)
        positions_layout.addLayout(ask)
        positions_layout.addWidget(self.positions_note)
        positions_layout.addWidget(self.positions_table, 1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(chart_page, "")
        self.tabs.addTab(self.problems, "")
        self.tabs.addTab(positions_page, "")

        self.anonymise_box = QCheckBox(self)
        self.anonymise_box.toggled.connect(lambda _on: self.refresh())
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_workbook)
        self.memo_button = QPushButton(self)
        self.memo_button.clicked.connect(self.write_memo)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        self.help_button = QPushButton(self)
        self.help_button.clicked.connect(self.show_help)
        for button in (self.compute_button, self.export_button, self.memo_button, self.close_button,
                       self.help_button):
            button.setAutoDefault(False)  # Enter in the table opens a team, never a button
        buttons = QHBoxLayout()
        buttons.addWidget(self.anonymise_box)
        buttons.addWidget(self.help_button)
        buttons.addStretch(1)
        for button in (self.export_button, self.memo_button, self.close_button):
            buttons.addWidget(button)

        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        below = QHBoxLayout()
        below.addWidget(hint, 1)
        below.addWidget(self.columns_button)
        upper_layout.addLayout(below)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.refresh()
        self._retranslate()
        from sagstal_desktop.gui.screen_fit import fit_to_screen

        fit_to_screen(self, 1180, 620)  # fits 1280x680

    # -- helpers ------------------------------------------------------------------------
    def t(self, key: str) -> str:
        return fill(tr(TEXTS[key], self.lang), self.department.words_kind, self.lang)

    def changeEvent(self, event: QEvent) -> None:
        """The language switched while the view is open: every text again, in the new language."""
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "columns_menu"):
            lang = self._window.language()
            if lang != self.lang:
                self.lang = lang
                self.refresh()
                self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        """The fixed texts and every control's accessible name, in the UI language (names without
        mnemonics); ``refresh`` fills the rest."""
        from sagstal_desktop.core.anonymise import min_staff

        spin_label = self.spin_label
        self.setWindowTitle(self.t("title"))
        self.hint.setText(self.t("open_hint"))
        spin_label.setText(self.t("positions_label"))
        for widget, key in ((self.compute_button, "compute"), (self.anonymise_box, "anonymise"),
                            (self.export_button, "export"), (self.memo_button, "memo"),
                            (self.close_button, "close"), (self.help_button, "help"),
                            (self.columns_button, "columns")):
            widget.setText(self.t(key))
        self.anonymise_box.setToolTip(self.t("anonymise_tip").format(k=min_staff()))
        self.columns_button.setToolTip(self.t("columns_tip"))
        for key, action in self.column_actions.items():
            action.setText(self.model.full_title(key, self.lang))
        self.tabs.setTabText(0, self.t("chart_tab"))
        self.tabs.setTabText(2, self.t("positions_tab"))

        def plain(key: str) -> str:
            return self.t(key).replace("&", "")

        for widget, key in ((self.table, "table"), (self.chart, "chart"), (self.chart_text, "chart_text"),
                            (self.problems, "problems"), (self.positions_spin, "positions_spin"),
                            (self.compute_button, "compute"), (self.positions_table, "positions_table"),
                            (self.anonymise_box, "anonymise"), (self.export_button, "export"),
                            (self.memo_button, "memo"), (self.close_button, "close"), (self.help_button, "help"),
                            (self.tabs, "title"), (self.columns_button, "columns")):
            widget.setAccessibleName(plain(key))
        self.chart.viewport().setAccessibleName(plain("chart"))  # the viewport takes the focus
        spin_label.setAccessibleName(plain("positions_label"))
        self.summary.setAccessibleName(plain("title"))
        self.positions_note.setAccessibleName(plain("positions_table"))

    @property
    def anonymised(self) -> bool:
        return self.anonymise_box.isChecked()

    def refresh(self) -> None:
        """Show the department (anonymised or not): table, chart, problems, positions."""
        dep, lang = self.department, self.lang
        self.model.set_department(dep, lang, self.anonymised)
        sets = (dep.chosen_norm_set.name(lang) if dep.chosen_norm_set is not None else self.t("own_sets"))
        self.summary.setText(self.t("summary").format(files=dep.files_text(lang), date=format_date(dep.as_of, lang),
                                                      sets=sets))
        rows = [r for r in self.model.rows()[:-1] if r.counted]
        need = dep.totals.fte_needed
        min_line = need["max"] / need["min"] if need["min"] > 0 else None
        self.chart.show_rows([r.name for r in rows], [r.load_max for r in rows], min_line, dep.words_kind, lang)
        self.chart_text.setText(self.chart.text())
        self._show_problems()
        self._show_positions()
        self.export_button.setEnabled(not self.anonymised)
        self.memo_button.setEnabled(bool(dep.counted_teams))  # no team read: nothing to write about
        self.compute_button.setEnabled(bool(dep.counted_teams))
        self.export_button.setToolTip(self.t("export_tip_anonymised") if self.anonymised else "")

    def _show_problems(self) -> None:
        from sagstal_desktop.io.department_export import PROBLEM_LABELS

        dep, lang = self.department, self.lang
        self.problems.clear()
        if self.anonymised:  # counted by kind: no file or person names
            counts: dict[str, int] = {}
            for problem in dep.problems:
                counts[problem.kind] = counts.get(problem.kind, 0) + 1
            items = [self.t("problems_counted").format(kind=tr(PROBLEM_LABELS[k], lang), n=n)
                     for k, n in counts.items()]
        else:
            items = [f"{tr(PROBLEM_LABELS[p.kind], lang)}: {p.message(lang)}" for p in dep.problems]
        self.problems.addItems(items or [self.t("no_problems")])
        self.tabs.setTabText(1, self.t("problems_tab").format(n=len(dep.problems)))

    def _show_positions(self) -> None:
        table, plan, lang = self.positions_table, self.plan, self.lang
        table.setHorizontalHeaderLabels([ptr("memo table", h, lang) for h in POSITION_HEADS])
        if plan is None:
            table.setRowCount(0)
            self.positions_note.setText(self.t("positions_intro"))
            return
        rows = position_rows(self.department, plan, self.anonymised, lang)
        table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells = [row.name, format_load(row.load_before, lang), format_number(row.extra_fte, 1, lang),
                     format_load(row.load_after, lang), format_number(row.proportional_fte, 2, lang),
                     format_load(row.load_after_proportional, lang)]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(i, j, item)

        def top(loads: list) -> str:
            return format_load(None if any(v is None for v in loads) else max(loads, default=None), lang)

        proof = self.t("optimal") if plan.optimal else self.t("gap").format(gap=format_percent(plan.gap, 1, lang))
        self.positions_note.setText(" ".join([self.t("positions_intro"), self.t("positions_result").format(
            before=top([r.load_before for r in rows]), after=top([r.load_after for r in rows]),
            prop=top([r.load_after_proportional for r in rows]), proof=proof)]))

    # -- actions ------------------------------------------------------------------------
    def show_help(self) -> None:
        """The help page at its section on the department (``#afdeling``)."""
        from sagstal_desktop.gui.dialogs.help import HelpDialog

        self._window.show_help()
        dialog = self._window.findChild(HelpDialog)
        if dialog is not None:
            dialog.browser.scrollToAnchor(HELP_ANCHOR)

    def open_index(self, index) -> None:
        """Open the team of the row at ``index`` (not the total, nor merged teams)."""
        row = self.proxy.data(index, ROW_ROLE)
        if row is not None and row.file:
            self._open_team(Path(row.file))

    def compute_positions(self) -> None:
        from sagstal_desktop.core.planning.positions import PositionError, department_positions
        from sagstal_desktop.gui.background import Cancelled, run_with_progress

        n = self.positions_spin.value()
        try:
            self.plan = run_with_progress(
                self, self.t("computing"),
                lambda _progress, cancelled: department_positions(self.department, float(n), cancelled=cancelled))
        except Cancelled:
            return
        except PositionError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.t("positions_error"), exc.message(self.lang))
            return
        self._show_positions()

    def export_workbook(self) -> None:
        from sagstal_desktop.io.department_export import export_department

        if self.anonymised:
            return
        target = self._ask_save_path(self, self.t("export_title"), "afdeling.xlsx", "xlsx")
        if target is not None:
            self._write(target, lambda: export_department(self.department, target, self.lang, self.plan))

    def write_memo(self) -> None:
        from sagstal_desktop.report.department_memo import write_department_memo

        target = self._ask_save_path(self, self.t("memo_title"), "afdeling.pdf", "pdf")
        if target is not None:
            anonymise, plan = self.anonymised, self.plan
            self._write(target, lambda: write_department_memo(self.department, target, self.lang, anonymise, plan))

    def _write(self, target: Path, job: Callable[[], object]) -> bool:
        from PySide6.QtWidgets import QMessageBox

        from sagstal_desktop.gui.background import Cancelled, run_with_progress

        try:
            run_with_progress(self, self.t("writing").format(file=target.name), lambda _p, _c: job(),
                              cancellable=False)
        except Cancelled:
            return False
        except OSError as exc:
            QMessageBox.warning(self, self.t("cannot_write"), f"{target}: {system_reason(exc, self.lang)}")
            return False
        except Exception as exc:  # MemoError: the reason with the file's name
            from sagstal_desktop.report.pdf import MemoError

            if not isinstance(exc, MemoError):
                raise
            QMessageBox.warning(self, self.t("cannot_write"), exc.message(self.lang))
            return False
        self._window.show_status(self.t("written").format(file=target.name))
        return True

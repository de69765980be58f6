"""The history window (Team → History…): the trend chart over the table of snapshots, with
buttons to take, relabel and delete snapshots, import earlier files, and export to Excel.

Non-modal; it follows the document (``changed``) so undo/redo of snapshot changes shows at
once. The chart (pyqtgraph) is created here, when the window opens. Changes go through
``Document.set_snapshots`` (one undoable step each).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.gui.models.trend_model import TrendTableModel
from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.gui.window_api import WindowApi


@dataclass(frozen=True)
class HistoryHandlers:
    """What the dialog's buttons do (``gui/handlers/history.py`` hands them in): each takes the
    main window (and for relabel/delete the snapshot's position, and for relabel its label)."""

    take_snapshot: Callable[..., Any]
    relabel_snapshot: Callable[..., Any]
    delete_snapshot: Callable[..., Any]
    import_older_file: Callable[..., Any]
    import_spreadsheet: Callable[..., Any]
    export_history: Callable[..., Any]


class HistoryDialog(QDialog):
    """Chart and table of the team's snapshots; the buttons call ``handlers``."""

    def __init__(self, window: WindowApi, handlers: HistoryHandlers) -> None:
        super().__init__(window)
        self._handlers = handlers
        from sagstal_desktop.gui.widgets.trend_chart import TrendChart

        self.setObjectName("historyDialog")
        self.setWindowTitle(_("History"))
        self._window = window
        self.chart = TrendChart(self)
        for part in (self.chart, self.chart.viewport()):
            part.setAccessibleName(_("History chart"))
            part.setAccessibleDescription(_("The table below the chart holds the same figures, one row per snapshot."))
        self.chart.setMinimumHeight(380)
        self.model = TrendTableModel(self)
        self.table = QTableView(self)
        self.table.setAccessibleName(_("Snapshots"))
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next control; the arrows move in the table
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.relabel())
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")

        self.take_button = QPushButton(_("Take snapshot…"), self)
        self.relabel_button = QPushButton(_("Relabel…"), self)
        self.delete_button = QPushButton(_("Delete"), self)
        self.import_file_button = QPushButton(_("From older team file…"), self)
        self.import_table_button = QPushButton(_("From spreadsheet…"), self)
        self.export_button = QPushButton(_("Export to Excel…"), self)
        self.close_button = QPushButton(_("Close"), self)
        actions = handlers
        self.take_button.clicked.connect(lambda: actions.take_snapshot(window))
        self.relabel_button.clicked.connect(self.relabel)
        self.delete_button.clicked.connect(self.delete)
        self.import_file_button.clicked.connect(lambda: actions.import_older_file(window))
        self.import_table_button.clicked.connect(lambda: actions.import_spreadsheet(window))
        self.export_button.clicked.connect(lambda: actions.export_history(window))
        self.close_button.clicked.connect(self.close)

        buttons = QHBoxLayout()
        for button in (self.take_button, self.relabel_button, self.delete_button, self.import_file_button,
                       self.import_table_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.table)
        lower_layout.addWidget(self.note)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([430, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        from sagstal_desktop.gui.screen_fit import fit_to_screen, remember_size

        fit_to_screen(self, 1100, 720)
        self.finished.connect(lambda _result=0: remember_size(self))
        self._following = False
        self._follow()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    def _follow(self) -> None:
        """Follow the document's changes (again, after the window was closed and is shown anew)."""
        if not self._following:
            self._window.document().changed.connect(self._on_change)
            self._following = True

    def showEvent(self, event) -> None:
        # closed and opened again (Team → History keeps the one window): the open team's history
        # now, whatever happened while it was closed (File → New team, Open, undo)
        if not self._following:
            self._follow()
            self.refresh()
        super().showEvent(event)

    def _on_change(self, change) -> None:
        if change.snapshots_changed or change.settings_changed or change.norm_sets_changed:
            self.refresh()

    def refresh(self) -> None:
        """Show the document's current snapshots."""
        lang = self._window.language()
        self.model.set_team(self._window.document().history_team(), lang)
        rows = self.model.rows()
        self.chart.show_rows(rows, lang)
        if rows:
            self.table.selectRow(len(rows) - 1)
            self.note.setText(_("The figures are Sagstal's own calculation on the team's recorded inputs on "
                                      "each date, measured against the norm set chosen then; they are not "
                                      "recomputed when norm sets change."))
        else:
            self.note.setText(_("No snapshots yet. Take one now, or import earlier files."))
        self._update_buttons()

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        has = self.selected_row() is not None
        self.relabel_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.export_button.setEnabled(self.model.rowCount() > 0)

    def relabel(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._handlers.relabel_snapshot(self._window, self.model.position(row), self.model.rows()[row].label)

    def delete(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._handlers.delete_snapshot(self._window, self.model.position(row))

    def closeEvent(self, event) -> None:
        document = self._window.document()
        with contextlib.suppress(RuntimeError, TypeError):
            document.changed.disconnect(self._on_change)
        self._following = False
        super().closeEvent(event)

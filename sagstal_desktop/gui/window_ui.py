"""The main window's widgets and their arrangement: the staff table on top; the status legend
and the load chart beside the team summary below, in two splitters the window remembers; the
tool bar with the norm-set chooser and the row filter; the "computed for" date in the status
bar. Only construction: the window wires the widgets to its document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.gui.actions import Act
from sagstal_desktop.gui.chart_order import ChartFollowsTable
from sagstal_desktop.gui.models.staff_filter import StaffFilterProxy
from sagstal_desktop.gui.widgets.chart_host import ChartHost
from sagstal_desktop.gui.widgets.filter_bar import FilterBar
from sagstal_desktop.gui.widgets.frozen_table import FrozenColumnTable
from sagstal_desktop.gui.widgets.legend import StatusLegend
from sagstal_desktop.gui.widgets.norm_box import NormSetBox
from sagstal_desktop.gui.widgets.summary_panel import SummaryPanel

if TYPE_CHECKING:
    from sagstal_desktop.gui.menus import WindowActions


@dataclass
class Workspace:
    """The window's central widgets."""

    table: FrozenColumnTable
    filter_bar: FilterBar
    summary_panel: SummaryPanel
    summary_scroll: QScrollArea
    chart_host: ChartHost
    legend: StatusLegend
    main_splitter: QSplitter
    bottom_splitter: QSplitter
    norm_combo: NormSetBox
    norm_label: QLabel
    as_of_label: QLabel


def _staff_table(window: QMainWindow, model: QAbstractItemModel) -> FrozenColumnTable:
    table = FrozenColumnTable(window)
    table.setObjectName("staffTable")
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)  # blocks, as in Excel
    table.setAlternatingRowColors(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                          | QAbstractItemView.EditTrigger.EditKeyPressed
                          | QAbstractItemView.EditTrigger.AnyKeyPressed)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.verticalHeader().setDefaultSectionSize(window.fontMetrics().height() + 10)
    table.frozen.verticalHeader().setDefaultSectionSize(window.fontMetrics().height() + 10)
    return table


#: The summary's least width (px); wider when its figures need it (``_CompactSummary.fit_width``).
SUMMARY_MIN_WIDTH = 300


class _CompactSummary(QObject):
    """Makes the summary panel compact when its view is too short for it (``fit_height``), and
    keeps its view at least as wide as the panel's narrowest layout (its grids of figures do not
    wrap: a narrower view cut off their right-hand side, e.g. "Mangel" and "Årlig udgift")."""

    def __init__(self, panel: SummaryPanel, scroll: QScrollArea) -> None:
        super().__init__(scroll)
        self._panel, self._scroll = panel, scroll
        panel.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._panel:
            if event.type() == QEvent.Type.LayoutRequest:
                self.fit_width()
            return False
        if event.type() == QEvent.Type.Resize:
            view = self._scroll.viewport()
            self._panel.fit_height(view.height(), view.width())
        return False

    def fit_width(self) -> None:
        scroll = self._scroll
        needed = (self._panel.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
                  + 2 * scroll.frameWidth())
        scroll.setMinimumWidth(max(SUMMARY_MIN_WIDTH, needed))


def build_workspace(window: QMainWindow, model: QAbstractItemModel) -> Workspace:
    """Make the central widgets (the table shows ``model``) and set them into ``window``."""
    table = _staff_table(window, model)
    summary_panel = SummaryPanel(window)
    summary_scroll = QScrollArea(window)
    summary_scroll.setWidgetResizable(True)
    summary_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    summary_scroll.setWidget(summary_panel)
    summary_scroll.setMinimumWidth(SUMMARY_MIN_WIDTH)
    summary_scroll.viewport().installEventFilter(_CompactSummary(summary_panel, summary_scroll))
    chart_host = ChartHost(window)
    legend = StatusLegend(window)
    chart_side = QWidget(window)
    chart_layout = QVBoxLayout(chart_side)
    chart_layout.setContentsMargins(0, 0, 0, 0)
    chart_layout.setSpacing(4)
    chart_layout.addWidget(legend)
    chart_layout.addWidget(chart_host, 1)

    bottom = QSplitter(Qt.Orientation.Horizontal, window)
    bottom.setObjectName("bottomSplitter")
    bottom.addWidget(chart_side)
    bottom.addWidget(summary_scroll)
    bottom.setStretchFactor(0, 3)
    bottom.setStretchFactor(1, 2)
    main = QSplitter(Qt.Orientation.Vertical, window)
    main.setObjectName("mainSplitter")
    filter_bar = FilterBar(model, window)  # the window puts it in its tool bar (rows for the table)
    main.addWidget(table)
    main.addWidget(bottom)
    main.setStretchFactor(0, 1)
    main.setStretchFactor(1, 1)
    window.setCentralWidget(main)
    if isinstance(model, StaffFilterProxy):
        ChartFollowsTable(chart_host, model, table)
    norm_combo, norm_label, as_of_label = NormSetBox(window), QLabel(window), QLabel(window)
    window.statusBar().addPermanentWidget(as_of_label)
    window.setTabOrder(norm_combo, table)
    window.setTabOrder(table, summary_scroll)
    return Workspace(table, filter_bar, summary_panel, summary_scroll, chart_host, legend, main, bottom,
                     norm_combo, norm_label, as_of_label)


def build_toolbar(window: QMainWindow, actions: WindowActions, ui: Workspace) -> QToolBar:
    """The main tool bar: file, undo, staff rows, the norm set, settings and memo, the row filter."""
    bar = QToolBar(window)
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    bar.addActions([actions[Act.NEW], actions[Act.OPEN], actions[Act.SAVE]])
    bar.addSeparator()
    bar.addActions([actions[Act.UNDO], actions[Act.REDO]])
    bar.addSeparator()
    bar.addActions([actions[Act.ADD], actions[Act.DUPLICATE], actions[Act.REMOVE]])
    bar.addSeparator()
    bar.addWidget(ui.norm_label)
    bar.addWidget(ui.norm_combo)
    bar.addAction(actions[Act.NORM_SETS])
    bar.addSeparator()
    bar.addActions([actions[Act.SETTINGS], actions[Act.EXPORT_MEMO]])
    bar.addSeparator()
    bar.addWidget(ui.filter_bar)
    window.addToolBar(bar)
    return bar

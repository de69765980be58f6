"""The load chart follows the staff table: after the table's proxy sorts or filters, the chart
shows the same people in the same order (``LoadChart.set_order``), once per burst of changes;
when the table's current person changes, the chart scrolls their bar into sight."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QTimer
from PySide6.QtWidgets import QTableView

from sagstal_desktop.gui.models.staff_filter import StaffFilterProxy
from sagstal_desktop.gui.models.staff_model import MEMBER_ID_ROLE
from sagstal_desktop.gui.widgets.chart_host import ChartHost

#: The chart takes the table's new order this long after the last change (a burst of edits in a
#: table sorted by load, or typing in the search field, reorders the chart once).
REORDER_DELAY_MS = 60


class ChartFollowsTable(QObject):
    """Keeps ``host``'s chart in ``proxy``'s order and filter."""

    def __init__(self, host: ChartHost, proxy: StaffFilterProxy, table: QTableView | None = None) -> None:
        super().__init__(host)
        self._host, self._proxy = host, proxy
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REORDER_DELAY_MS)
        self._timer.timeout.connect(self.apply)
        for signal in (proxy.layoutChanged, proxy.modelReset, proxy.rowsInserted, proxy.rowsRemoved):
            signal.connect(self._timer.start)
        if table is not None:
            table.selectionModel().currentRowChanged.connect(self._on_current)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._host.chart().bring_into_sight(str(current.data(MEMBER_ID_ROLE)))

    def apply(self) -> None:
        """Give the chart the table's rows now (also called by the timer)."""
        sorted_or_filtered = self._proxy.sortColumn() >= 0 or self._proxy.is_filtered()
        self._host.chart().set_order(self._proxy.source_rows() if sorted_or_filtered else None)

"""The load chart follows the staff table: after the table's proxy sorts or filters, the chart
shows the same people in the same order (``LoadChart.set_order``), once per burst of changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from sagstal_desktop.gui.models.staff_filter import StaffFilterProxy
from sagstal_desktop.gui.widgets.chart_host import ChartHost


class ChartFollowsTable(QObject):
    """Keeps ``host``'s chart in ``proxy``'s order and filter."""

    def __init__(self, host: ChartHost, proxy: StaffFilterProxy) -> None:
        super().__init__(host)
        self._host, self._proxy = host, proxy
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.apply)
        for signal in (proxy.layoutChanged, proxy.modelReset, proxy.rowsInserted, proxy.rowsRemoved):
            signal.connect(self._timer.start)
        host.chart_created.connect(self.apply)

    def apply(self) -> None:
        """Give the chart the table's rows now (also called by the timer)."""
        chart = self._host.chart()
        if chart is None:
            return
        sorted_or_filtered = self._proxy.sortColumn() >= 0 or self._proxy.is_filtered()
        chart.set_order(self._proxy.source_rows() if sorted_or_filtered else None)

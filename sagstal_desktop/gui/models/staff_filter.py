"""The staff table's sorting and filtering proxy: search by name (any part, case-insensitive)
and show only some statuses (e.g. only those over the maximum). The table, its frozen name
column and the load chart all show the rows this proxy lets through, in its order."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from sagstal_desktop.core.load import Status
from sagstal_desktop.gui.models.staff_model import COL_NAME, SORT_ROLE, STATUS_ROLE


class StaffFilterProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; ``set_search`` and ``set_statuses`` filter the rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._search = ""
        self._statuses: frozenset[Status] | None = None

    def set_search(self, text: str) -> None:
        """Show only people whose name contains ``text`` (ignoring case); "" shows everyone."""
        text = text.strip().casefold()
        if text != self._search:
            self._refilter(lambda: setattr(self, "_search", text))

    def set_statuses(self, statuses: frozenset[Status] | None) -> None:
        """Show only people with one of ``statuses``; None shows every status."""
        if statuses != self._statuses:
            self._refilter(lambda: setattr(self, "_statuses", statuses))

    def _refilter(self, change) -> None:
        """Apply ``change`` to the filter and filter the rows again (Qt 6.9+ way when there)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def is_filtered(self) -> bool:
        return bool(self._search) or self._statuses is not None

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.is_filtered():
            return True
        model = self.sourceModel()
        index = model.index(source_row, COL_NAME, source_parent)
        if self._search and self._search not in str(index.data() or "").casefold():
            return False
        return self._statuses is None or index.data(STATUS_ROLE) in self._statuses

    def source_rows(self) -> list[int]:
        """The source rows shown, in the shown order."""
        return [self.mapToSource(self.index(row, 0)).row() for row in range(self.rowCount())]

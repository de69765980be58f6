"""The import preview's rows: the file's rows as read, the cells with errors marked, each column
headed by the field it is read into."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from sagstal_desktop.io import columns as col
from sagstal_desktop.io.importer import ImportPlan
from sagstal_desktop.io.problems import ERROR, column_letter
from sagstal_desktop.io.table_reader import RawTable

ERROR_BG = QColor("#f8d7d7")
ERROR_ROW_BG = QColor("#fdf0f0")
WARNING_BG = QColor("#fff4d6")


def cell_text(value: Any) -> str:
    """A file cell as shown: dates in ISO form, whole numbers without a decimal point."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class RowsModel(QAbstractTableModel):
    """The file's rows as read, with the cells that have errors marked."""

    def __init__(self, table: RawTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self._mapping: list[str | None] = [None] * len(table.headers)
        self._lang = "da"
        self._cell_errors: dict[tuple[int, int], str] = {}
        self._row_errors: set[int] = set()

    def set_table(self, table: RawTable) -> None:
        self.beginResetModel()
        self._table = table
        self._mapping = [None] * len(table.headers)
        self._cell_errors, self._row_errors = {}, set()
        self.endResetModel()

    def set_plan(self, plan: ImportPlan, lang: str) -> None:
        self.beginResetModel()
        self._mapping, self._lang = list(plan.mapping), lang
        self._cell_errors, self._row_errors = {}, set()
        for p in plan.problems:
            if p.severity == ERROR and p.row is not None and p.row != plan.table.header_row:
                self._row_errors.add(p.row)
                if p.column_index is not None:
                    self._cell_errors[(p.row, p.column_index)] = p.detail(lang)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        number = self._table.row_numbers[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(self._table.rows[index.row()][index.column()])
        if role == Qt.ItemDataRole.BackgroundRole:
            if (number, index.column()) in self._cell_errors:
                return QBrush(ERROR_BG)
            if number in self._row_errors:
                return QBrush(ERROR_ROW_BG)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_errors.get((number, index.column()))
        if role == Qt.ItemDataRole.ForegroundRole and self._mapping[index.column()] in (None, col.COMPUTED):
            return QBrush(QColor("#888888"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._table.row_numbers[section])
        header = self._table.headers[section] or column_letter(section)
        return f"{header}\n→ {col.target_label(self._mapping[section], self._lang)}"

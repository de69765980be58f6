"""The import preview's problems: every problem of an import plan, errors first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QWidget

from sagstal_desktop.gui.models.import_rows_model import ERROR_BG, WARNING_BG
from sagstal_desktop.io.problems import ERROR, Problem, column_letter


class ProblemsModel(QAbstractTableModel):
    """Every problem of a plan: kind, row, column, value, message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []
        self._lang = "da"
        self._headers: list[str] = []
        self._severity_names = ("Error", "Warning")

    def set_problems(self, problems: list[Problem], lang: str, headers: list[str]) -> None:
        self.beginResetModel()
        # errors first, then warnings, each in file order
        self._problems = sorted(problems, key=lambda p: (p.severity != ERROR, p.row or 0, p.column_index or 0))
        self._lang, self._headers = lang, headers
        self.endResetModel()

    def problem(self, row: int) -> Problem:
        return self._problems[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self._problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if p.column_index is None:
                column = ""
            elif p.column:
                column = f"{p.column} ({column_letter(p.column_index)})"
            else:
                column = column_letter(p.column_index)
            row = "" if p.row is None else str(p.row)
            return (self._severity_text(p), row, column, p.value or "", p.detail(self._lang))[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ERROR_BG if p.severity == ERROR else WARNING_BG)
        if role == Qt.ItemDataRole.ToolTipRole:
            return p.message(self._lang)
        return None

    def _severity_text(self, p: Problem) -> str:
        return self._severity_names[0] if p.severity == ERROR else self._severity_names[1]

    def set_severity_names(self, error: str, warning: str) -> None:
        self._severity_names = (error, warning)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

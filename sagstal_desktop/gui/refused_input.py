"""Refused input stays where it was typed: the staff table's cell keeps the refused text, marked
with a red border and background, the message as its tooltip and in the status bar, until the
cell is corrected or the user presses Esc on it (``StaffTableModel.mark_refused``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractProxyModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView

from sagstal_desktop.gui.models.staff_model import REFUSED_BORDER, StaffTableModel

if TYPE_CHECKING:
    from sagstal_desktop.gui.main_window import MainWindow


def source_index(index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
    """``index`` in the staff model, through any proxies."""
    index = QModelIndex(index)
    while isinstance(index.model(), QAbstractProxyModel):
        index = index.model().mapToSource(index)
    return index


class RefusedCellDelegate(QStyledItemDelegate):
    """Paints a red border around cells holding refused input."""

    def __init__(self, model: StaffTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        source = source_index(index)
        if source.isValid() and self._model.refused(source.row(), source.column()):
            painter.save()
            painter.setPen(QPen(QColor(REFUSED_BORDER), 2))
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()


class RefusedInput(QObject):
    """Wires a window's table: the delegate, Esc to dismiss, and the status-bar message."""

    def __init__(self, window: MainWindow, tables: list[QTableView]) -> None:
        super().__init__(window)
        self._window, self._model = window, window.model()
        self._message = ""
        self.delegate = RefusedCellDelegate(self._model, self)
        for table in tables:
            table.setItemDelegate(self.delegate)
            table.installEventFilter(self)
        self._model.input_refused.connect(self._on_refused)
        self._model.refusal_cleared.connect(self._on_cleared)

    def _on_refused(self, message: str) -> None:
        self._message = message
        self._window.show_status(message, 0)  # stays until corrected or dismissed

    def _on_cleared(self) -> None:
        if self._window.statusBar().currentMessage() == self._message:
            self._window.statusBar().clearMessage()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape and isinstance(watched, QTableView)
                and watched.state() != QTableView.State.EditingState):
            index = source_index(watched.currentIndex())
            if index.isValid() and self._model.clear_refused(index.row(), index.column()):
                return True
        return super().eventFilter(watched, event)

"""Mouse, wheel and keys for the load chart (``LoadChart`` mixes this in before ``QWidget``):
hovering a row (name or bar) marks it and, after Qt's tooltip delay, shows its figures; a click
selects the person; the wheel scrolls three rows a notch (touchpads in finer steps); Up/Down,
Page Up/Down and Home/End choose a person (their figures are shown and read out as the chart's
accessible description), Enter or Space selects them in the table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QToolTip

#: Rows moved by one notch of the wheel.
WHEEL_ROWS = 3


class ChartInput:
    """Event handlers over the chart's rows; the chart keeps the state they change."""

    _hover: int | None
    _current: str | None
    _wheel_rest: int

    def _set_hover(self, index: int | None) -> None:
        """Mark the row under the mouse (repainting the rows that change)."""
        if index != self._hover:
            for old in (self._hover, index):
                if old is not None:
                    self.update(self.row_rect(old).toAlignedRect())
            self._hover = index
            self.setCursor(Qt.CursorShape.ArrowCursor if index is None else Qt.CursorShape.PointingHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_hover(self.bar_at(event.position()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hover(None)
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            self._current = self._bars[index].member_id
            self.update()
            self.person_clicked.emit(self._current)
            return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bar_at(QPointF(event.pos()))
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.describe(index), self,
                                  self.row_rect(index).toAlignedRect())
            return True
        return super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self._scroll.isHidden():
            event.ignore()
            return
        self._wheel_rest += event.angleDelta().y()
        steps = int(self._wheel_rest / (120 / WHEEL_ROWS))
        if steps:
            self._wheel_rest -= round(steps * 120 / WHEEL_ROWS)
            self._scroll.setValue(self._scroll.value() - steps)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._bars:
            super().keyPressEvent(event)
            return
        key, Key = event.key(), Qt.Key
        if key in (Key.Key_Return, Key.Key_Enter, Key.Key_Space) and self._current in self._index:
            self.person_clicked.emit(self._current)
            return
        current = self._index.get(self._current, -1) if self._current else -1
        page = max(1, self.rows_in_sight() - 1)
        moves = {Key.Key_Up: current - 1, Key.Key_Down: current + 1, Key.Key_PageUp: current - page,
                 Key.Key_PageDown: current + page, Key.Key_Home: 0, Key.Key_End: len(self._bars) - 1}
        if key not in moves:
            super().keyPressEvent(event)
            return
        index = self._first if current < 0 else min(max(moves[key], 0), len(self._bars) - 1)
        first = self._first  # scroll no more than needed to show the row
        self._make_current(index, index if index < first else index - self.rows_in_sight() + 1)
        self.setAccessibleDescription(self.describe(index).replace("\n", ", "))
        QToolTip.showText(self.mapToGlobal(self.bar_centre(index).toPoint()), self.describe(index), self)

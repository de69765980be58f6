"""The planning dialog's two small charts, drawn with QPainter (no pyqtgraph on the dialog's path):

* ``LoadPairChart``: one row per person, a grey bar for the load before and a coloured bar for the
  load after (red above 100 %), with the 100 % line;
* ``TradeoffChart``: one bar per K (at most K moved cases) for the lowest possible highest load,
  the number of staff over the maximum written above the bar where it changes, the chosen K
  highlighted; a click chooses a K (``k_clicked``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from sagstal_desktop.core.formatting import format_percent
from sagstal_desktop.core.planning.result import PersonChange, TradeoffPoint

#: After the plan: the status colours of "within" and "over" (``status_style``), beside a grey "before".
BEFORE, AFTER, OVER, LINE, CHOSEN = "#b9b9b9", "#38a169", "#b03a2e", "#1a1a1a", "#2f5fa0"
_ROW = 22


def _top(values: Sequence[float | None]) -> float:
    return max([1.2, *(v * 1.05 for v in values if v is not None)])


class LoadPairChart(QWidget):
    """Before/after bars per person (in the order given)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loadPairChart")
        self._persons: list[PersonChange] = []
        self._lang = "da"
        self._labels = ("", "")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def show_persons(self, persons: Sequence[PersonChange], lang: str, before: str, after: str) -> None:
        self._persons, self._lang, self._labels = list(persons), lang, (before, after)
        self.setMinimumHeight(_ROW * len(self._persons) + 40)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, _ROW * max(1, len(self._persons)) + 40)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if not self._persons:
            return
        metrics = self.fontMetrics()
        name_w = min(max(metrics.horizontalAdvance(p.name) for p in self._persons) + 10, self.width() // 3)
        left, right = name_w, self.width() - 10
        top = _top([v for p in self._persons for v in (p.load_before, p.load_after)])
        scale = (right - left) / top
        y = 26.0
        self._legend(painter, left)
        for person in self._persons:
            painter.setPen(QColor(LINE))
            painter.drawText(QRectF(2, y, name_w - 6, _ROW - 2), int(Qt.AlignmentFlag.AlignRight
                                                                   | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(person.name, Qt.TextElideMode.ElideRight, name_w - 6))
            for offset, value, colour in ((2, person.load_before, BEFORE),
                                          (10, person.load_after, OVER if (person.load_after or 0) > 1 + 1e-9
                                           else AFTER)):
                if value is not None:
                    painter.fillRect(QRectF(left, y + offset, value * scale, 8), QColor(colour))
            y += _ROW
        painter.setPen(QPen(QColor(LINE), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(left + scale, 22), QPointF(left + scale, y))
        painter.end()

    def _legend(self, painter: QPainter, left: float) -> None:
        x = left
        for colour, text in ((BEFORE, self._labels[0]), (AFTER, self._labels[1])):
            painter.fillRect(QRectF(x, 6, 12, 10), QColor(colour))
            painter.setPen(QColor(LINE))
            painter.drawText(QPointF(x + 16, 16), text)
            x += 28 + self.fontMetrics().horizontalAdvance(text)
        painter.drawText(QPointF(x, 16), "┆ 100 %")


class TradeoffChart(QWidget):
    """Highest load per K; the chosen K highlighted; click a bar to choose it."""

    k_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tradeoffChart")
        self._points: list[TradeoffPoint] = []
        self._chosen: int | None = None
        self._lang = "da"
        self.setMinimumHeight(130)

    def show_points(self, points: Sequence[TradeoffPoint], chosen: int | None, lang: str) -> None:
        self._points, self._chosen, self._lang = list(points), chosen, lang
        self.update()

    def _range(self) -> tuple[float, float]:
        """(bottom, top) of the load axis: from just below the lowest bar (the differences between
        K are what the chart shows; the axis is labelled at both ends), 100 % always inside."""
        loads = [p.max_load for p in self._points if p.max_load is not None] or [1.0]
        low = max(0.0, math.floor(min(min(loads), 1.0) * 10 - 1) / 10)
        return low, max(loads) * 1.02 + 0.01

    def _bars(self) -> list[tuple[QRectF, TradeoffPoint]]:
        if not self._points:
            return []
        left, bottom, top_margin = 44.0, self.height() - 18.0, 16.0
        width = (self.width() - left - 6) / len(self._points)
        low, high = self._range()
        scale = (bottom - top_margin) / (high - low)
        bars = []
        for i, point in enumerate(self._points):
            height = max(0.0, ((point.max_load or low) - low) * scale)
            bars.append((QRectF(left + i * width + 1, bottom - height, max(1.0, width - 2), height), point))
        return bars

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        bars = self._bars()
        if not bars:
            return
        bottom, (low, high) = self.height() - 18.0, self._range()
        scale = (bottom - 16.0) / (high - low)
        align_right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        previous_over = None
        for rect, point in bars:
            colour = CHOSEN if point.max_moves == self._chosen else (OVER if (point.max_load or 0) > 1 + 1e-9
                                                                      else AFTER)
            painter.fillRect(rect, QColor(colour))
            painter.setPen(QColor(LINE))
            if len(bars) <= 12 or point.max_moves % 5 == 0:
                painter.drawText(QRectF(rect.left() - 6, bottom + 2, rect.width() + 12, 14),
                                 int(Qt.AlignmentFlag.AlignHCenter), str(point.max_moves))
            if point.over_count != previous_over:  # staff over the maximum, where it changes
                painter.drawText(QRectF(rect.left() - 8, rect.top() - 15, rect.width() + 16, 14),
                                 int(Qt.AlignmentFlag.AlignHCenter), str(point.over_count))
                previous_over = point.over_count
        for value in (low, high - 0.01):
            y = bottom - (value - low) * scale
            painter.drawText(QRectF(0, y - 8, 40, 16), align_right, format_percent(value, 0, self._lang))
        if low < 1.0 < high:
            y = bottom - (1.0 - low) * scale
            painter.setPen(QPen(QColor(LINE), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(44, y), QPointF(self.width() - 6, y))
            painter.setPen(QColor(LINE))
            painter.drawText(QRectF(0, y - 8, 40, 16), align_right, format_percent(1.0, 0, self._lang))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for rect, point in self._bars():
            if rect.left() - 1 <= event.position().x() <= rect.right() + 1:
                self.k_clicked.emit(point.max_moves)
                return
        super().mousePressEvent(event)

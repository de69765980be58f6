"""The load chart's drawing: the grid, one row (name and bar), the load axis with its ticks and
title, and the two level lines with their labels. Colours as in the planning dialog's charts
(``plan_charts.py``) and the status colours of ``status_style``; lines on half pixels so that
they stay sharp with antialiasing."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from sagstal_desktop.gui.status_style import TEXT_COLOUR

BACKGROUND = "#ffffff"
AXIS_TEXT = "#333333"
AXIS_LINE = "#666666"
GRID = "#e6e6e6"
HOVER = "#eef3fa"
CURRENT = "#dbe6f4"
MAX_LINE = "#b0302a"
MIN_LINE = "#2f5f9e"

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CENTRE = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop


def _sharp(x: float) -> float:
    """The middle of the pixel column at ``x`` (a one-pixel line there is not smeared)."""
    return round(x) + 0.5


def grid(painter: QPainter, plot: QRectF, xs: list[float]) -> None:
    """Light vertical lines at the ticks, behind the bars."""
    painter.setPen(QPen(QColor(GRID), 1))
    for x in xs[1:]:
        painter.drawLine(QPointF(_sharp(x), plot.top()), QPointF(_sharp(x), plot.bottom()))


def row(painter: QPainter, rect: QRectF, bar: QRectF, *, name: str, name_right: float, colour: str,
        hovered: bool, current: bool, focused: bool) -> None:
    """One person's row: a band when under the mouse or chosen, the name (cut to fit the column)
    right-aligned left of the plot, and the bar (a thin mark at 0 when there is no load)."""
    if current or hovered:
        painter.fillRect(rect, QColor(CURRENT if current else HOVER))
    if focused:
        painter.setPen(QPen(QColor(AXIS_LINE), 1, Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    painter.setPen(QColor(TEXT_COLOUR))
    width = name_right - 4
    text = painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, int(width))
    painter.drawText(QRectF(4, rect.top(), width, rect.height()), _RIGHT, text)
    painter.fillRect(bar if bar.width() >= 1 else bar.adjusted(0, 0, 2, 0), QColor(colour))


def axis(painter: QPainter, plot: QRectF, ticks: list[tuple[float, str]], title: str, width: int, height: int,
         shown_right: int | None) -> None:
    """The axis lines left of and below the bars, tick marks and labels (only those that fit the
    chart), and the title centred under the plot, moved right of the "1–25 of 300" label when it
    would touch it."""
    painter.setPen(QPen(QColor(AXIS_LINE), 1))
    left, bottom = _sharp(plot.left()) - 1, _sharp(plot.bottom())
    painter.drawLine(QPointF(left, plot.top()), QPointF(left, bottom))
    painter.drawLine(QPointF(left, bottom), QPointF(plot.right(), bottom))
    metrics = painter.fontMetrics()
    line = metrics.height()
    for x, label in ticks:
        painter.setPen(QPen(QColor(AXIS_LINE), 1))
        painter.drawLine(QPointF(_sharp(x), bottom), QPointF(_sharp(x), bottom + 4))
        half = metrics.horizontalAdvance(label) / 2 + 2
        if x + half <= width - 2:
            painter.setPen(QColor(AXIS_TEXT))
            painter.drawText(QRectF(x - half, bottom + 5, 2 * half, line), _CENTRE, label)
    title_px = metrics.horizontalAdvance(title) + 4
    x = plot.center().x() - title_px / 2
    if shown_right is not None:
        x = max(x, shown_right + 16)
    x = max(4.0, min(x, width - 4 - title_px))
    painter.setPen(QColor(AXIS_TEXT))
    painter.drawText(QRectF(x, height - line - 4, title_px, line), _CENTRE, title)


def focus_frame(painter: QPainter, plot: QRectF) -> None:
    """A dotted frame round the bars: the chart has the keyboard focus but no person is chosen yet."""
    painter.setPen(QPen(QColor(AXIS_LINE), 1, Qt.PenStyle.DotLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(plot.adjusted(0.5, 0.5, -0.5, -0.5))


def max_line(painter: QPainter, plot: QRectF, x: float, label: str, width: int) -> None:
    """The 100 % line, its label right of it above the bars (left of it when the chart is too
    narrow)."""
    painter.setPen(QPen(QColor(MAX_LINE), 2))
    painter.drawLine(QPointF(round(x), plot.top() - 6), QPointF(round(x), plot.bottom()))
    label_px = painter.fontMetrics().horizontalAdvance(label) + 4
    left = x + 5 if x + 5 + label_px <= width - 2 else x - 5 - label_px
    painter.drawText(QRectF(left, 2, label_px, plot.top() - 4), _LEFT, label)


def min_line(painter: QPainter, plot: QRectF, x: float, label: str) -> None:
    """The dashed DS min line, its label left of it above the bars."""
    painter.setPen(QPen(QColor(MIN_LINE), 1.5, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(_sharp(x), plot.top() - 6), QPointF(_sharp(x), plot.bottom()))
    label_px = painter.fontMetrics().horizontalAdvance(label) + 4
    painter.drawText(QRectF(max(2.0, x - 5 - label_px), 2, label_px, plot.top() - 4), _RIGHT, label)

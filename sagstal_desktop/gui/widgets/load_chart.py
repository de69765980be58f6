"""The load chart (pyqtgraph): one horizontal bar per person, its load in % of DS max, coloured
by status, with the 100 % line (DS max) and the DS min level of the team's mix of cases.
Names are on the vertical axis; clicking a bar selects the person, hovering shows the figures.

The bars follow the staff table: its sort order and its filter (``set_order``). Big teams stay
readable: every bar is one row of ``ROW_PX`` pixels with its name, and as many rows as fit are
shown at a time; the wheel or the scroll bar beside the chart moves through the rest while the
load axis and the DS lines stay where they are ("Viser 1–25 af 300" under the axis).

``show_summary`` redraws every bar; ``update_members`` redraws only the bars of the people an
edit changed (the bars are one item that repaints only the rows it is asked to, so one edit on a
team of thousands repaints one bar). ``bars_updated`` names the bar indices each update touched.

Imported only by ``ChartHost.ensure_chart`` (after the first paint).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QCursor, QFontMetrics, QPainter, QPen, QPicture
from PySide6.QtWidgets import QGraphicsItem, QLabel, QScrollBar, QStyleOptionGraphicsItem, QToolTip, QWidget

from sagstal_desktop.core.formatting import format_number, format_percent
from sagstal_desktop.core.load import Status, TeamSummary
from sagstal_desktop.core.wording import format_load
from sagstal_desktop.gui.widgets import status_style
from sagstal_desktop.i18n import _

BAR_THICKNESS = 0.7
#: Height of one bar's row in pixels (a name's line height and some air).
ROW_PX = 20
#: Widest name column in pixels (longer names are cut; hovering shows them whole).
MAX_NAME_PX = 200


class Bar(NamedTuple):
    """What one bar shows (also read by tests)."""

    member_id: str
    name: str
    load_pct: float  # 0 when not computable
    colour: str  # "#rrggbb"
    status: Status


class BarsItem(pg.GraphicsObject):
    """Horizontal bars from 0, bar ``i`` centred on y = i. The bars are drawn in chunks of
    ``CHUNK`` rows, each recorded once as a ``QPicture``: ``set_bar`` changes one bar, re-records
    its chunk only and repaints only its rows; ``paint`` replays the chunks in the exposed area."""

    CHUNK = 128

    def __init__(self, brushes: dict[Status, QBrush], pens: dict[Status, QPen]) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self._brushes, self._pens = brushes, pens
        self._widths: list[float] = []
        self._statuses: list[Status] = []
        self._pictures: dict[int, QPicture] = {}  # recorded chunks, by chunk number
        self._bounds = QRectF()

    def _compute_bounds(self) -> QRectF:
        if not self._widths:
            return QRectF()
        half = BAR_THICKNESS / 2
        return QRectF(0.0, -half, max(max(self._widths), 0.0), len(self._widths) - 1 + 2 * half)

    def _rect(self, index: int) -> QRectF:
        return QRectF(0.0, index - BAR_THICKNESS / 2, self._widths[index], BAR_THICKNESS)

    def set_bars(self, widths: list[float], statuses: list[Status]) -> None:
        """Replace every bar."""
        self.prepareGeometryChange()
        self._widths, self._statuses = list(widths), list(statuses)
        self._pictures.clear()
        self._bounds = self._compute_bounds()
        self.update()

    def set_bar(self, index: int, width: float, status: Status) -> None:
        """Change one bar; only its rows are repainted (and the bounds, if it was or is the widest)."""
        dirty = self._rect(index)
        self._widths[index], self._statuses[index] = width, status
        self._pictures.pop(index // self.CHUNK, None)
        dirty = dirty.united(self._rect(index))
        bounds = self._compute_bounds()
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.update(dirty)

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def _picture(self, chunk: int) -> QPicture:
        picture = self._pictures.get(chunk)
        if picture is None:
            picture = self._pictures[chunk] = QPicture()
            painter = QPainter(picture)
            first = chunk * self.CHUNK
            by_status: dict[Status, list[QRectF]] = {}
            for index in range(first, min(first + self.CHUNK, len(self._widths))):
                by_status.setdefault(self._statuses[index], []).append(self._rect(index))
            for status, rects in by_status.items():
                painter.setPen(self._pens[status])
                painter.setBrush(self._brushes[status])
                painter.drawRects(rects)
            painter.end()
        return picture

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, _widget: QWidget | None = None) -> None:
        if not self._widths:
            return
        exposed = option.exposedRect
        first = max(0, math.floor(exposed.top()))
        last = min(len(self._widths) - 1, math.ceil(exposed.bottom()))
        for chunk in range(first // self.CHUNK, last // self.CHUNK + 1):
            self._picture(chunk).play(painter)


class LoadChart(pg.PlotWidget):
    """Bars of load % of DS max per person."""

    person_clicked = Signal(str)  # member id
    bars_updated = Signal(object)  # tuple of the bar indices an update redrew

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self._bars: list[Bar] = []
        self._lang = "da"
        self._min_level: float | None = None
        self._summary: TeamSummary | None = None
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(x=True, y=False, alpha=0.25)
        view = plot.getViewBox()
        view.invertY(True)
        for axis in ("left", "bottom"):
            plot.getAxis(axis).setTextPen("#222")
            plot.getAxis(axis).setPen("#666")
        # Every name must show: let the labels fill the whole axis (the default hides them at 80 %).
        plot.getAxis("left").setStyle(textFillLimits=[(0, 1.0)], autoExpandTextSpace=True)
        self._brushes = {status: pg.mkBrush(status_style.bar_hex(status)) for status in Status}
        self._pens = {status: pg.mkPen(status_style.bar_hex(status)) for status in Status}
        self._index: dict[str, int] = {}  # bar index of each member id
        self._rows: list[int] = []  # the summary row of each bar
        self._order: list[int] | None = None  # summary rows in the table's order and filter (None: all)
        self._first = 0  # the first bar in sight
        self._name_widths: dict[str, int] = {}  # pixels of each name shown so far
        self._named: tuple | None = None  # (first bar, names) the ticks show
        self._scroll = QScrollBar(Qt.Orientation.Vertical, self)
        self._scroll.setObjectName("chartScroll")
        self._scroll.valueChanged.connect(self._on_scroll)
        self._scroll.hide()
        self.shown_label = QLabel(self)
        self.shown_label.setObjectName("chartShownRange")
        self.shown_label.setStyleSheet("QLabel { background: rgba(255,255,255,220); color: #333; padding: 1px 4px; }")
        self.shown_label.hide()
        view.sigResized.connect(self._on_view_resized)
        self._x_top = 0.0
        self._bar_item = BarsItem(self._brushes, self._pens)
        plot.addItem(self._bar_item)
        self._max_line = pg.InfiniteLine(
            pos=100, angle=90, pen=pg.mkPen("#b0302a", width=2),
            label="", labelOpts={"position": 0.02, "color": "#b0302a", "anchors": [(0, 0), (0, 0)]})
        self._min_line = pg.InfiniteLine(
            pos=70, angle=90, pen=pg.mkPen("#2f5f9e", width=1.5, style=Qt.PenStyle.DashLine),
            label="", labelOpts={"position": 0.02, "color": "#2f5f9e", "anchors": [(1, 0), (1, 0)]})
        plot.addItem(self._max_line)
        plot.addItem(self._min_line)
        self.scene().sigMouseClicked.connect(self._on_click)
        self.scene().sigMouseMoved.connect(self._on_hover)
        self.retranslate()

    # -- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        norm_set = getattr(self, "_norm_set", None)
        self._update_shown_label()
        self._max_line.label.setFormat(status_style.measure_text(
            _("DS max 100 %"), "line_max", norm_set))
        self._update_min_label()

    def _update_min_label(self) -> None:
        if self._min_level is not None:
            text = status_style.measure_text(_("DS min {pct}"), "line_min",
                                             getattr(self, "_norm_set", None), self._lang)
            text = text.format(pct=format_percent(self._min_level / 100, 0, self._lang))
            if text != self._min_line.label.format:
                self._min_line.label.setFormat(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- data --------------------------------------------------------------------------
    def show_summary(self, summary: TeamSummary, lang: str, norm_set=None) -> None:
        """Redraw every bar from a summary (new people, a new norm set, a new language...);
        ``norm_set`` names the measure."""
        changed = norm_set is not getattr(self, "_norm_set", None)
        self._summary, self._lang, self._norm_set = summary, lang, norm_set
        if changed:
            self.retranslate()
        persons = summary.persons
        ids, names = persons.column("member_id"), persons.column("name")
        loads, statuses = persons.column("load_max"), persons.column("status")
        count = len(ids)
        self._rows = (list(range(count)) if self._order is None
                      else [row for row in self._order if 0 <= row < count])
        self._bars = [
            Bar(ids[row], names[row], 0.0 if loads[row] is None else loads[row] * 100,
                status_style.bar_hex(statuses[row]), statuses[row])
            for row in self._rows
        ]
        self._index = {bar.member_id: i for i, bar in enumerate(self._bars)}
        self._bar_item.set_bars([b.load_pct for b in self._bars], [b.status for b in self._bars])
        self._update_names()
        self._update_levels(summary)
        count = len(self._bars)
        self._apply_window()
        self.bars_updated.emit(tuple(range(count)))

    def set_order(self, rows: list[int] | None) -> None:
        """Show the bars of these summary rows in this order (the table's sort and filter);
        None shows every person in the team's order."""
        rows = None if rows is None else list(rows)
        if rows != self._order:
            self._order = rows
            if self._summary is not None:
                self.show_summary(self._summary, self._lang, getattr(self, "_norm_set", None))

    # -- the rows in sight -----------------------------------------------------------------
    def rows_in_sight(self) -> int:
        """How many bars fit the chart's height."""
        height = self.getPlotItem().getViewBox().sceneBoundingRect().height()
        return max(3, int(height // ROW_PX) - 1) if height > 0 else 25

    def shown_range(self) -> tuple[int, int]:
        """The first and the last bar in sight (0-based)."""
        return self._first, min(len(self._bars), self._first + self.rows_in_sight()) - 1

    def scroll_to(self, first: int) -> None:
        """Bring bar ``first`` to the top (as far as the bars go)."""
        self._scroll.setValue(first)
        self._apply_window()

    def bring_into_sight(self, member_id: str) -> None:
        """Scroll the bar of ``member_id`` into sight (if it is shown at all)."""
        index = self._index.get(member_id)
        if index is None:
            return
        first, last = self.shown_range()
        if not first <= index <= last:
            self.scroll_to(max(0, index - self.rows_in_sight() // 2))

    def _on_scroll(self, value: int) -> None:
        if value != self._first:
            self._apply_window()

    def _apply_window(self) -> None:
        rows, count = self.rows_in_sight(), len(self._bars)
        spare = max(0, count - rows)
        self._scroll.blockSignals(True)
        self._scroll.setRange(0, spare)
        self._scroll.setPageStep(rows)
        self._scroll.blockSignals(False)
        self._scroll.setVisible(spare > 0)
        self._first = min(self._scroll.value(), spare)
        # room above the first bar for the line labels
        self.getPlotItem().setYRange(self._first - 1.3, self._first + max(rows, 1) - 0.4, padding=0)
        self._name_bars_in_sight()
        self._place_scroll()
        self._update_shown_label()

    def _update_shown_label(self) -> None:
        norm_set = getattr(self, "_norm_set", None)
        bottom = status_style.measure_text(_("Load in % of DS max"), "load_axis", norm_set)
        if self.getPlotItem().getAxis("bottom").labelText != bottom:
            self.getPlotItem().setLabel("bottom", bottom)
        count = len(self._bars)
        first, last = self.shown_range()
        if count > last + 1 or first > 0:
            self.shown_label.setText(_("{first}–{last} of {count} · scroll for more").format(
                first=first + 1, last=last + 1, count=count))
            self.shown_label.adjustSize()
            self.shown_label.show()
        else:
            self.shown_label.hide()

    def _place_scroll(self) -> None:
        width = self._scroll.sizeHint().width()
        self._scroll.setGeometry(self.width() - width, 0, width, self.height())
        self.shown_label.move(2, self.height() - self.shown_label.height() - 2)  # under the names

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if hasattr(self, "_scroll"):
            self._place_scroll()

    def _on_view_resized(self, *_args: object) -> None:
        """The plot area changed size: as many rows as now fit, room for the 100 % label."""
        self._apply_window()
        self._x_top = -1.0
        if self._summary is not None:
            self._update_levels(self._summary)

    def wheelEvent(self, event) -> None:
        steps = -round(event.angleDelta().y() / 120 * 3)
        if steps and self._scroll.isVisible():
            self._scroll.setValue(self._scroll.value() + steps)
        event.accept()

    def update_members(self, summary: TeamSummary, member_ids: Iterable[str]) -> None:
        """Redraw only the bars of ``member_ids`` (same people, same order as the last summary)."""
        self._summary = summary
        changed = sorted(self._index[m] for m in member_ids if m in self._index)
        renamed = False
        for index in changed:
            person = summary.persons[self._rows[index]]
            load = 0.0 if person.load_max is None else person.load_max * 100
            bar = Bar(person.member_id, person.name, load, status_style.bar_hex(person.status), person.status)
            renamed = renamed or bar.name != self._bars[index].name
            self._bars[index] = bar
            self._bar_item.set_bar(index, bar.load_pct, bar.status)
        if renamed:
            self._update_names()
        self._update_levels(summary)
        self.bars_updated.emit(tuple(changed))

    def _update_names(self) -> None:
        """The name column's width (from every shown name, each measured once) and the names of
        the bars in sight."""
        left = self.getPlotItem().getAxis("left")
        metrics = QFontMetrics(left.style["tickFont"] or self.font())
        widths = self._name_widths
        for bar in self._bars:
            if bar.name not in widths:
                widths[bar.name] = min(metrics.horizontalAdvance(bar.name), MAX_NAME_PX)
        left.setWidth(max([widths[b.name] for b in self._bars] + [30]) + 16)
        self._named = None
        self._name_bars_in_sight()

    def _name_bars_in_sight(self) -> None:
        """Ticks for the bars in sight only (a few dozen, whatever the team's size)."""
        first, last = self._first, min(len(self._bars), self._first + self.rows_in_sight() + 1)
        names = tuple(b.name for b in self._bars[first:last])
        if self._named == (first, names):
            return
        self._named = (first, names)
        left = self.getPlotItem().getAxis("left")
        metrics = QFontMetrics(left.style["tickFont"] or self.font())
        left.setTicks([[(first + i, metrics.elidedText(name, Qt.TextElideMode.ElideRight, MAX_NAME_PX))
                        for i, name in enumerate(names)]])

    def _update_levels(self, summary: TeamSummary) -> None:
        """The DS min line and the horizontal range (cheap; after every update)."""
        if summary.fte_needed_min > 0:
            self._min_level = summary.fte_needed_max / summary.fte_needed_min * 100
            # move the line only when it moves on screen (a quarter pixel): a repaint of the
            # line is a repaint of every bar it crosses
            pixel = self.getPlotItem().getViewBox().viewPixelSize()[0]
            if abs(self._min_line.value() - self._min_level) >= pixel / 4:
                self._min_line.setPos(self._min_level)
            self._min_line.show()
        else:
            self._min_level = None
            self._min_line.hide()
        self._update_min_label()
        top = max([b.load_pct for b in self._bars] + [100.0]) * 1.08
        # room right of the 100 % line for its label ("DS maks. 100 %"), whatever the width
        plot_px = self.getPlotItem().getViewBox().sceneBoundingRect().width()
        label_px = QFontMetrics(self.font()).horizontalAdvance(self._max_line.label.format) + 14
        if plot_px > label_px * 1.5:
            top = max(top, 100 / (1 - label_px / plot_px))
        if top != self._x_top:
            self._x_top = top
            self.getPlotItem().setXRange(0, top, padding=0)

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def min_level(self) -> float | None:
        """The DS min level in % of DS max for the team's mix of cases (None without cases)."""
        return self._min_level

    # -- mouse -------------------------------------------------------------------------
    def bar_at(self, scene_pos: QPointF) -> int | None:
        """Index of the bar under a scene position, or None."""
        view = self.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            return None
        point = view.mapSceneToView(scene_pos)
        index = round(point.y())
        if 0 <= index < len(self._bars) and abs(point.y() - index) <= BAR_THICKNESS / 2:
            return index
        return None

    def bar_centre(self, index: int) -> QPointF:
        """Scene position of the middle of a bar (for tests and keyboard users)."""
        width = max(self._bars[index].load_pct, 1.0)
        return self.getPlotItem().getViewBox().mapViewToScene(QPointF(width / 2, index))

    def _on_click(self, event) -> None:
        index = self.bar_at(event.scenePos())
        if index is not None:
            self.person_clicked.emit(self._bars[index].member_id)

    def describe(self, index: int) -> str:
        """The hover text of a bar: name, load, caseload, cases, status."""
        lang = self._lang
        person = self._summary.persons[self._rows[index]]
        norm_set = getattr(self, "_norm_set", None)
        text = status_style.measure_text(_(
            "{name}\nLoad: {load} of DS max\nFull-time caseload: {fte}\nCases: {cases}\n{status}"
        ), "load_tip", norm_set, lang)
        return text.format(name=person.name, load=format_load(person.load_max, lang, 1),
                           fte=format_number(person.fte_caseload, 1, lang), cases=person.total_cases,
                           status=status_style.label(person.status, norm_set, lang))

    def _on_hover(self, scene_pos: QPointF) -> None:
        index = self.bar_at(scene_pos)
        if index is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), self.describe(index), self)

"""The load chart, drawn with QPainter: one horizontal bar per person, its load in % of DS max,
coloured by status, with the 100 % line (DS max) and the DS min level of the team's mix of cases.
Names are on the left; clicking a row selects the person, hovering shows the figures, and the
keyboard moves through the people (``load_chart_input.py``).

The bars follow the staff table: its sort order and its filter (``set_order``). Big teams stay
readable: every bar is one row with its name (``ROW_PX``; rows shrink to ``MIN_ROW_PX`` when that
shows the whole team), and as many rows as fit are shown at a time; the wheel or the scroll bar
beside the chart moves through the rest while the load axis and the lines stay where they are
("Viser 1–25 af 300" under the names).

``show_summary`` redraws every bar; ``update_members`` repaints only the rows of the people an
edit changed (all of the chart only when the axis, the name column or the DS min line moves), so
one edit on a team of thousands repaints one row. ``bars_updated`` names the bar indices each
update touched. A plain widget (no pyqtgraph, no numpy): the window makes it in its constructor.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QScrollBar, QSizePolicy, QWidget

from sagstal_desktop.core.formatting import format_number, format_percent
from sagstal_desktop.core.load import Status, TeamSummary
from sagstal_desktop.core.wording import format_load
from sagstal_desktop.gui import status_style
from sagstal_desktop.gui.widgets import load_chart_paint as paint
from sagstal_desktop.gui.widgets.load_chart_input import ChartInput
from sagstal_desktop.gui.widgets.load_chart_layout import (
    BAR_SHARE,
    MAX_NAME_PX,
    MIN_ROW_PX,
    ROW_PX,
    axis_ticks,
    axis_top,
    row_height,
    rows_in_sight,
)
from sagstal_desktop.i18n import _, ngettext

__all__ = ["MAX_NAME_PX", "MIN_ROW_PX", "ROW_PX", "Bar", "LoadChart"]

#: Space around the plot and between its parts, in pixels.
PAD = 8


#: Bars read out in the chart's text alternative (the staff table lists every person).
TEXT_ALTERNATIVE_BARS = 100

class Bar(NamedTuple):
    """What one bar shows (also read by tests)."""

    member_id: str
    name: str
    load_pct: float  # 0 when not computable
    colour: str  # "#rrggbb"
    status: Status


class LoadChart(ChartInput, QWidget):
    """Bars of load % of DS max per person."""

    person_clicked = Signal(str)  # member id
    bars_updated = Signal(object)  # tuple of the bar indices an update redrew

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loadChart")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # paintEvent fills its area
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._bars: list[Bar] = []
        self._rows: list[int] = []  # the summary row of each bar
        self._index: dict[str, int] = {}  # bar index of each member id
        self._order: list[int] | None = None  # summary rows in the table's order and filter (None: all)
        self.absent: dict[str, str] = {}  # member id -> the absence in words, in an open scenario
        self._summary: TeamSummary | None = None
        self._lang, self._norm_set = "da", None
        self._min_level: float | None = None
        self._top = 100.0  # the load at the axis's right end
        self._first = 0  # the first bar in sight
        self._hover: int | None = None  # the bar under the mouse
        self._current: str | None = None  # the person chosen in the table or with the keys
        self._name_widths: dict[str, int] = {}  # pixels of each name shown so far
        self._name_px = 30  # the name column's width
        self._wheel_rest = 0
        self._max_text = self._min_text = self._axis_text = ""
        self._scroll = QScrollBar(Qt.Orientation.Vertical, self)
        self._scroll.setObjectName("chartScroll")
        self._scroll.valueChanged.connect(self._on_scroll)
        self._scroll.hide()
        self.shown_label = QLabel(self)
        self.shown_label.setObjectName("chartShownRange")
        self.shown_label.setStyleSheet(f"QLabel {{ color: {paint.AXIS_TEXT}; }}")
        self.shown_label.hide()
        self.retranslate()

    # -- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        norm_set = self._norm_set
        self.setAccessibleName(_("Load chart"))
        self._describe_all()
        self._axis_text = status_style.measure_text(_("Load in % of DS max"), "load_axis", norm_set)
        if self._summary is not None and self._summary.weighted:
            self._axis_text = _("{title} (weighted; unweighted in the hover text)").format(title=self._axis_text)
        self._max_text = status_style.measure_text(_("DS max 100%"), "line_max", norm_set)
        self._update_min_text()
        self._update_shown_label()
        self.update()

    def _update_min_text(self) -> None:
        self._min_text = ""
        if self._min_level is not None:
            text = status_style.measure_text(_("DS min {pct}"), "line_min", self._norm_set, self._lang)
            self._min_text = text.format(pct=format_percent(self._min_level / 100, 0, self._lang))

    def axis_label(self) -> str:
        """The load axis's title."""
        return self._axis_text

    def line_labels(self) -> tuple[str, str]:
        """The labels of the 100 % line and of the DS min line ("" without it)."""
        return self._max_text, self._min_text

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._name_widths.clear()
            self._measure_names()
            self._apply_window()
        super().changeEvent(event)

    # -- data --------------------------------------------------------------------------
    def show_summary(self, summary: TeamSummary, lang: str, norm_set=None) -> None:
        """Redraw every bar from a summary (new people, a new norm set, a new language...);
        ``norm_set`` names the measure."""
        was_weighted = self._summary is not None and self._summary.weighted
        changed = norm_set is not self._norm_set or lang != self._lang or summary.weighted != was_weighted
        self._summary, self._lang, self._norm_set = summary, lang, norm_set
        persons = summary.persons
        ids, names = persons.column("member_id"), persons.column("name")
        loads, statuses = persons.column("load_max"), persons.column("status")
        count = len(ids)
        self._rows = (list(range(count)) if self._order is None
                      else [row for row in self._order if 0 <= row < count])
        absent = self.absent
        self._bars = [
            Bar(ids[row], f"{names[row]} ({absent[ids[row]]})" if ids[row] in absent else names[row],
                0.0 if loads[row] is None else loads[row] * 100,
                status_style.bar_hex(statuses[row]), statuses[row])
            for row in self._rows
        ]
        self._index = {bar.member_id: i for i, bar in enumerate(self._bars)}
        self._measure_names()
        self._update_levels(summary)
        if changed:
            self.retranslate()
        else:
            self._describe_all()
        self._apply_window()
        self.update()
        self.bars_updated.emit(tuple(range(len(self._bars))))

    def text_alternative(self) -> str:
        """The chart in words, for a screen reader (its accessible description): every bar's
        person, load and status, in the chart's order."""
        if self._summary is None:
            return ""
        persons = self._summary.persons
        lines = []
        for row in self._rows[:TEXT_ALTERNATIVE_BARS]:
            person = persons[row]
            load = format_load(person.load_max, self._lang, 1)
            lines.append(f"{person.name}: {load}, {status_style.label(person.status, self._norm_set, self._lang)}")
        more = len(self._rows) - TEXT_ALTERNATIVE_BARS
        if more > 0:
            lines.append(ngettext("{n} more person in the staff table", "{n} more people in the staff table",
                                  more).format(n=more))
        return "; ".join(lines)

    def _describe_all(self) -> None:
        intro = _("One bar per person: the load, coloured by status, with the maximum and the minimum as "
                  "lines. Up and Down choose a person, Enter selects them in the table.")
        bars = self.text_alternative()
        self.setAccessibleDescription(f"{intro} {bars}." if bars else intro)

    def set_order(self, rows: list[int] | None) -> None:
        """Show the bars of these summary rows in this order (the table's sort and filter);
        None shows every person in the team's order."""
        rows = None if rows is None else list(rows)
        if rows != self._order:
            self._order = rows
            if self._summary is not None:
                self.show_summary(self._summary, self._lang, self._norm_set)

    def update_members(self, summary: TeamSummary, member_ids: Iterable[str]) -> None:
        """Redraw only the bars of ``member_ids`` (same people, same order as the last summary)."""
        self._summary = summary
        changed = sorted(self._index[m] for m in member_ids if m in self._index)
        before = self._look()
        renamed = False
        for index in changed:
            person = summary.persons[self._rows[index]]
            load = 0.0 if person.load_max is None else person.load_max * 100
            bar = Bar(person.member_id, person.name, load, status_style.bar_hex(person.status), person.status)
            renamed = renamed or bar.name != self._bars[index].name
            self._bars[index] = bar
        if renamed:
            self._measure_names()
        self._update_levels(summary)
        self._describe_all()
        if self._look() != before:  # the axis, the name column or a line moved: all of it
            self._apply_window()
            self.update()
        else:
            first, last = self.shown_range()
            for index in changed:
                if first <= index <= last:
                    self.update(self.row_rect(index).toAlignedRect())
        self.bars_updated.emit(tuple(changed))

    def _measure_names(self) -> None:
        """The name column's width, from every shown name (each measured once)."""
        metrics, widths = self.fontMetrics(), self._name_widths
        for bar in self._bars:
            if bar.name not in widths:
                widths[bar.name] = min(metrics.horizontalAdvance(bar.name), MAX_NAME_PX)
        self._name_px = max([widths[b.name] for b in self._bars] + [30])

    def _update_levels(self, summary: TeamSummary) -> None:
        """The DS min level and the axis's range (cheap; after every update)."""
        if summary.fte_needed_min > 0:
            self._min_level = summary.fte_needed_max / summary.fte_needed_min * 100
        else:
            self._min_level = None
        self._update_min_text()
        plot_px = self.plot_rect().width()
        label_px = self.fontMetrics().horizontalAdvance(self._max_text) + 14
        self._top = axis_top((b.load_pct for b in self._bars), plot_px, label_px)

    def _look(self) -> tuple:
        """What the whole chart shows beyond the rows: when it changes, everything is repainted.
        The DS min line counts as moved when it moves a quarter pixel."""
        x_min = None if self._min_level is None else round(self.x_of(self._min_level) * 4)
        return self._name_px, self._top, x_min, self._min_text, self._lang

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def min_level(self) -> float | None:
        """The DS min level in % of DS max for the team's mix of cases (None without cases)."""
        return self._min_level

    # -- geometry ------------------------------------------------------------------------
    def plot_rect(self) -> QRectF:
        """The area of the bars, in the chart's coordinates (names left of it, the axis below)."""
        line = self.fontMetrics().height()
        left = self._name_px + 2 * PAD
        right = PAD + (0 if self._scroll.isHidden() else self._scroll.sizeHint().width() + 2)
        top, bottom = line + 8, 2 * line + 16
        return QRectF(left, top, max(1, self.width() - left - right), self.height() - top - bottom)

    def _row_px(self) -> int:
        return row_height(len(self._bars), self.plot_rect().height(), self.fontMetrics().height())

    def x_of(self, load_pct: float) -> float:
        """The x coordinate of a load (in % of DS max)."""
        plot = self.plot_rect()
        return plot.left() + load_pct / self._top * plot.width()

    def row_rect(self, index: int) -> QRectF:
        """The row of bar ``index`` (name and bar), in the chart's coordinates."""
        plot, row = self.plot_rect(), self._row_px()
        return QRectF(0, plot.top() + (index - self._first) * row, plot.right() + PAD / 2, row)

    def bar_rect(self, index: int) -> QRectF:
        """The bar of ``index``, on whole pixels (sharp edges)."""
        row, plot = self.row_rect(index), self.plot_rect()
        height = max(2, round(row.height() * BAR_SHARE))
        width = round(self.x_of(self._bars[index].load_pct) - plot.left())
        return QRectF(round(plot.left()), round(row.top() + (row.height() - height) / 2), width, height)

    def bar_at(self, pos: QPointF) -> int | None:
        """Index of the bar whose row (name or bar) is under a position of the chart, or None."""
        plot, row = self.plot_rect(), self._row_px()
        first, last = self.shown_range()
        if not 0 <= pos.x() <= plot.right() or pos.y() < plot.top():
            return None
        index = first + int((pos.y() - plot.top()) // row)
        return index if index <= last else None

    def bar_centre(self, index: int) -> QPointF:
        """The middle of a bar, in the chart's coordinates (for tests and keyboard users)."""
        bar = self.bar_rect(index)
        return QPointF(bar.left() + max(bar.width(), 2) / 2, bar.center().y())

    def ticks(self) -> list[tuple[float, str]]:
        """(x, label) of the load axis's ticks: round loads in the language's number format."""
        plot, lang = self.plot_rect(), self._lang
        label_px = self.fontMetrics().horizontalAdvance(format_number(self._top, 0, lang))
        return [(self.x_of(t), format_number(t, 0, lang)) for t in axis_ticks(self._top, plot.width(), label_px)]

    # -- the rows in sight -----------------------------------------------------------------
    def rows_in_sight(self) -> int:
        """How many bars fit the chart's height."""
        height = self.plot_rect().height()
        return rows_in_sight(height, self._row_px()) if height > 0 else 25

    def shown_range(self) -> tuple[int, int]:
        """The first and the last bar in sight (0-based)."""
        return self._first, min(len(self._bars), self._first + self.rows_in_sight()) - 1

    def names_in_sight(self) -> list[tuple[int, str]]:
        """(bar index, name as drawn: cut at ``MAX_NAME_PX``) of the rows in sight."""
        first, last = self.shown_range()
        metrics = self.fontMetrics()
        return [(i, metrics.elidedText(self._bars[i].name, Qt.TextElideMode.ElideRight, MAX_NAME_PX))
                for i in range(first, last + 1)]

    def scroll_to(self, first: int) -> None:
        """Bring bar ``first`` to the top (as far as the bars go)."""
        self._scroll.setValue(first)
        self._apply_window()

    def bring_into_sight(self, member_id: str) -> None:
        """Mark the bar of ``member_id`` as the current one and scroll it into sight (if shown)."""
        index = self._index.get(member_id)
        if index is not None:
            self._make_current(index, max(0, index - self.rows_in_sight() // 2))

    def _make_current(self, index: int, top_if_hidden: int) -> None:
        """Mark bar ``index`` as the current one; out of sight, scroll bar ``top_if_hidden`` to the top."""
        self._current = self._bars[index].member_id
        first, last = self.shown_range()
        if not first <= index <= last:
            self.scroll_to(top_if_hidden)
        self.update()

    def _on_scroll(self, value: int) -> None:
        if value != self._first:
            self._apply_window()

    def _apply_window(self) -> None:
        """The scroll bar and the first bar in sight for the current size and bars."""
        rows, count = self.rows_in_sight(), len(self._bars)
        spare = max(0, count - rows)
        self._scroll.blockSignals(True)
        self._scroll.setRange(0, spare)
        self._scroll.setPageStep(rows)
        self._scroll.blockSignals(False)
        if self._scroll.isHidden() == (spare > 0):
            self._scroll.setVisible(spare > 0)
            if self._summary is not None:  # the plot's width changed: the axis too
                self._update_levels(self._summary)
        first = min(self._scroll.value(), spare)
        if first != self._first:
            self._first, self._hover = first, None
        self._update_shown_label()
        plot = self.plot_rect()
        width = self._scroll.sizeHint().width()
        self._scroll.setGeometry(self.width() - width - PAD // 2, round(plot.top()), width, round(plot.height()))
        self.update()

    def _update_shown_label(self) -> None:
        count = len(self._bars)
        first, last = self.shown_range()
        if count > last + 1 or first > 0:
            self.shown_label.setText(_("{first}–{last} of {count} · scroll for more").format(
                first=format_number(first + 1, 0, self._lang), last=format_number(last + 1, 0, self._lang),
                count=format_number(count, 0, self._lang)))
            self.shown_label.adjustSize()
            self.shown_label.move(4, self.height() - self.shown_label.height() - 3)  # under the names
            self.shown_label.show()
        else:
            self.shown_label.hide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._summary is not None:
            self._update_levels(self._summary)
        self._apply_window()

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(event.rect(), QColor(paint.BACKGROUND))
        plot = self.plot_rect()
        if plot.height() <= 0:
            painter.end()
            return
        ticks = self.ticks()
        paint.grid(painter, plot, [x for x, _label in ticks])
        first, last = self.shown_range()
        exposed = QRectF(event.rect())
        current = self._index.get(self._current) if self._current else None
        if current is None and self.hasFocus():
            paint.focus_frame(painter, plot)
        for index in range(first, last + 1):
            row = self.row_rect(index)
            if not row.intersects(exposed):
                continue
            bar = self._bars[index]
            paint.row(painter, row, self.bar_rect(index), name=bar.name, name_right=plot.left() - PAD,
                      colour=bar.colour, hovered=index == self._hover, current=index == current,
                      focused=index == current and self.hasFocus())
        paint.axis(painter, plot, ticks, self._axis_text, self.width(), self.height(),
                   None if self.shown_label.isHidden() else self.shown_label.geometry().right())
        paint.max_line(painter, plot, self.x_of(100.0), self._max_text, self.width())
        if self._min_level is not None:
            paint.min_line(painter, plot, self.x_of(self._min_level), self._min_text)
        painter.end()

    # -- the hover text ----------------------------------------------------------------------
    def describe(self, index: int) -> str:
        """The hover text of a bar: name, load, caseload, cases, status."""
        lang = self._lang
        person = self._summary.persons[self._rows[index]]
        text = status_style.measure_text(_(
            "{name}\nLoad: {load} of DS max\nFull-time caseload: {fte}\nCases: {cases}\n{status}"
        ), "load_tip", self._norm_set, lang)
        text = text.format(name=person.name, load=format_load(person.load_max, lang, 1),
                           fte=format_number(person.fte_caseload, 1, lang), cases=person.total_cases,
                           status=status_style.label(person.status, self._norm_set, lang))
        if self._summary.weighted:  # case weight on: the bar is the weighted load; the unweighted beside
            text += "\n" + _("Unweighted: {load} ({status}). The bar and the status follow the weighted load.").format(
                load=format_load(person.load_max_unweighted, lang, 1),
                status=status_style.label(person.status_unweighted, self._norm_set, lang))
        return text

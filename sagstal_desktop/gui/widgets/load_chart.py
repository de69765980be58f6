"""The load chart (pyqtgraph): one horizontal bar per person, its load in % of DS max, coloured
by status, with the 100 % line (DS max) and the DS min level of the team's mix of cases.
Names are on the vertical axis; clicking a bar selects the person, hovering shows the figures.

Imported only by ``ChartHost.ensure_chart`` (after the first paint).
"""

from __future__ import annotations

from typing import NamedTuple

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QCursor, QFontMetrics
from PySide6.QtWidgets import QToolTip, QWidget

from sagstal_desktop.core.formatting import format_number, format_percent
from sagstal_desktop.core.load import Status, TeamSummary
from sagstal_desktop.core.wording import format_load
from sagstal_desktop.gui.widgets import status_style

translate = QCoreApplication.translate
BAR_THICKNESS = 0.7
MAX_NAMED_BARS = 60


class Bar(NamedTuple):
    """What one bar shows (also read by tests)."""

    member_id: str
    name: str
    load_pct: float  # 0 when not computable
    colour: str  # "#rrggbb"
    status: Status


class LoadChart(pg.PlotWidget):
    """Bars of load % of DS max per person."""

    person_clicked = Signal(str)  # member id

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
        self._bar_item = pg.BarGraphItem(x0=[], y=[], height=BAR_THICKNESS, width=[])
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
        self.getPlotItem().setLabel("bottom", status_style.measure_text(
            translate("LoadChart", "Load in % of DS max"), "load_axis", norm_set))
        self._max_line.label.setFormat(status_style.measure_text(
            translate("LoadChart", "DS max 100 %"), "line_max", norm_set))
        self._update_min_label()

    def _update_min_label(self) -> None:
        if self._min_level is not None:
            text = status_style.measure_text(translate("LoadChart", "DS min {pct}"), "line_min",
                                             getattr(self, "_norm_set", None), self._lang)
            self._min_line.label.setFormat(text.format(pct=format_percent(self._min_level / 100, 0, self._lang)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- data --------------------------------------------------------------------------
    def show_summary(self, summary: TeamSummary, lang: str, norm_set=None) -> None:
        """Redraw from a summary (called after every recompute); ``norm_set`` names the measure."""
        changed = norm_set is not getattr(self, "_norm_set", None)
        self._summary, self._lang, self._norm_set = summary, lang, norm_set
        if changed:
            self.retranslate()
        persons = summary.persons
        ids, names = persons.column("member_id"), persons.column("name")
        loads, statuses = persons.column("load_max"), persons.column("status")
        self._bars = [
            Bar(mid, name, 0.0 if load is None else load * 100, status_style.bar_hex(status), status)
            for mid, name, load, status in zip(ids, names, loads, statuses, strict=True)
        ]
        count = len(self._bars)
        self._bar_item.setOpts(
            x0=[0.0] * count, y=list(range(count)), height=BAR_THICKNESS,
            width=[b.load_pct for b in self._bars],
            # pyqtgraph 0.14 fails on empty pen lists: give a single (unused) pen then
            brushes=[self._brushes[b.status] for b in self._bars] if count else None,
            pens=[self._pens[b.status] for b in self._bars] if count else None,
            pen=pg.mkPen("#888"), brush=pg.mkBrush("#888"),
        )
        left = self.getPlotItem().getAxis("left")
        if count <= MAX_NAMED_BARS:
            left.setTicks([[(i, b.name) for i, b in enumerate(self._bars)]])
            metrics = QFontMetrics(left.style["tickFont"] or self.font())
            left.setWidth(max([metrics.horizontalAdvance(b.name) for b in self._bars] + [30]) + 16)
        else:  # too many to name: row numbers (hovering still names the person)
            left.setTicks(None)
            left.setWidth(50)
        if summary.fte_needed_min > 0:
            self._min_level = summary.fte_needed_max / summary.fte_needed_min * 100
            self._min_line.setPos(self._min_level)
            self._min_line.show()
        else:
            self._min_level = None
            self._min_line.hide()
        self._update_min_label()
        top = max([b.load_pct for b in self._bars] + [100.0])
        self.getPlotItem().setXRange(0, top * 1.08, padding=0)
        self.getPlotItem().setYRange(-1.3, max(count, 1) - 0.4, padding=0)  # room above for line labels

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
        person = self._summary.persons[index]
        norm_set = getattr(self, "_norm_set", None)
        text = status_style.measure_text(translate(
            "LoadChart", "{name}\nLoad: {load} of DS max\nFull-time caseload: {fte}\nCases: {cases}\n{status}"
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

"""The department view's chart (pyqtgraph): each team's load at the maximum as a horizontal bar
against the range (a line at 100 % = the maximum, a dashed line at the department's minimum on
the same scale), with a text alternative that says the same in words (``text()``, shown under
the chart and given as the chart's accessible description).

Imported only when the department view opens (pyqtgraph is not on the start-up path).
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from sagstal_desktop.core.wording import fill, format_load
from sagstal_desktop.i18n import N_, tr

OVER = (192, 57, 43)
WITHIN = (31, 58, 95)
#: The axes' text (team names, ticks, the axis title) and lines: as the history chart's.
AXIS_TEXT, AXIS_LINE = "#222222", "#666666"

_TEXTS = {
    "axis": N_("Team load, % of <max_abbr>"),
    "max": N_("<max_short> 100%"),
    "min": N_("<min_short> {pct}"),
    "row": N_("{team}: {load}"),
    "none": N_("{team}: no available casework FTE"),
    "alt": N_("Team load at <max> (100% = exactly <max>; <min> at {min}): {rows}."),
}


class DepartmentChart(pg.PlotWidget):
    """Bars of the teams' loads at the maximum."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        for axis in ("left", "bottom"):  # pyqtgraph's grey text is too faint on white (WCAG AA)
            self.getPlotItem().getAxis(axis).setTextPen(AXIS_TEXT)
            self.getPlotItem().getAxis(axis).setPen(AXIS_LINE)
        # the axis starts at 0: let its "0" stand half over the left edge instead of hiding it
        self.getPlotItem().getAxis("bottom").setStyle(hideOverlappingLabels=15)
        self._text = ""
        self.names: list[str] = []
        self.loads: list[float | None] = []

    def show_rows(self, names: Sequence[str], loads: Sequence[float | None], min_line: float | None, kind: str,
                  lang: str) -> None:
        """Show one bar per team (top to bottom in the order given)."""
        self.clear()
        self.names, self.loads = list(names), list(loads)
        plot = self.getPlotItem()
        n = len(names)
        ys = [n - 1 - i for i in range(n)]
        shown = [(y, load * 100) for y, load in zip(ys, loads, strict=True) if load is not None]
        for colour, pick in ((OVER, lambda v: v > 100 + 1e-7), (WITHIN, lambda v: v <= 100 + 1e-7)):
            part = [(y, v) for y, v in shown if pick(v)]
            if part:
                self.addItem(pg.BarGraphItem(x0=[0] * len(part), y=[y for y, _ in part], height=0.6,
                                             width=[v for _, v in part], brush=pg.mkBrush(*colour), pen=None))

        def text(key: str) -> str:
            return fill(tr(_TEXTS[key], lang), kind, lang)

        line = pg.InfiniteLine(pos=100, angle=90, pen=pg.mkPen(OVER, width=2),
                               label=text("max"), labelOpts={"position": 0.97, "color": OVER})
        self.addItem(line)
        if min_line:
            self.addItem(pg.InfiniteLine(pos=min_line * 100, angle=90,
                                         pen=pg.mkPen((110, 110, 110), width=1, style=Qt.PenStyle.DashLine),
                                         label=text("min").format(pct=format_load(min_line, lang)),
                                         labelOpts={"position": 0.97, "color": (90, 90, 90)}))
        left = plot.getAxis("left")
        left.setTicks([[(y, name) for y, name in zip(ys, names, strict=True)]])
        widest = max((self.fontMetrics().horizontalAdvance(name) for name in names), default=40)
        left.setWidth(min(widest + 16, 260))
        plot.setLabel("bottom", text("axis"), color=AXIS_TEXT)
        top = max([v for _, v in shown] + [100.0] + ([min_line * 100] if min_line else []))
        plot.setXRange(0, top * 1.08, padding=0)
        plot.setYRange(-0.7, n + 0.4, padding=0)  # a free row at the top for the lines' labels
        rows = [tr(_TEXTS["row"], lang).format(team=name, load=format_load(load, lang)) if load is not None
                else tr(_TEXTS["none"], lang).format(team=name) for name, load in zip(names, loads, strict=True)]
        self._text = text("alt").format(min=format_load(min_line, lang), rows="; ".join(rows))
        self.setAccessibleDescription(self._text)

    def text(self) -> str:
        """The chart in words (its text alternative)."""
        return self._text

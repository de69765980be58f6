"""The trend chart (pyqtgraph): available casework FTE against FTE needed at the maximum of the norm set in
use on each date, with the band up to its minimum; beneath it staff over the maximum (bars) and
the average full-time caseload; a dashed line labelled with the new norm set where it changed.
The x axis is time (days; ``x_of``): snapshots stand as far apart as their dates, ticks at the
starts of months. The axes' numbers are in the language's notation ("45,2"); without snapshots
the chart says so instead of showing empty axes.

Imported only when the history dialog opens (pyqtgraph is not on the start-up path).
"""

from __future__ import annotations

import itertools
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from sagstal_desktop.core.formatting import format_date, format_number
from sagstal_desktop.core.trend import TrendRow, change_marks
from sagstal_desktop.i18n import N_, _, tr

AVAILABLE = "#1f3a5f"
NEEDED_MAX = "#c0392b"
BAND = (192, 57, 43, 45)
OVER = "#e3a39a"
AVERAGE = "#2e8b57"
CHANGE = "#7d5ba6"
#: The months' short names, as the memo's chart has them (``report.history_chart``).
MONTHS = N_("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")


def month_label(row: TrendRow | date, lang: str) -> str:
    day = row if isinstance(row, date) else row.date
    return f"{tr(MONTHS, lang).split()[day.month - 1]} {day.year % 100:02d}"


def x_of(day: date) -> float:
    """A date's place on the time axis (days)."""
    return float(day.toordinal())


def month_ticks(first: date, last: date, lang: str, most: int = 12) -> list[tuple[float, str]]:
    """Ticks at the first of every n-th month from ``first``'s month to ``last``'s (at most
    ``most``), labelled "maj 26"."""
    from sagstal_desktop.core.trend import month_starts

    return [(x_of(day), month_label(day, lang)) for day in month_starts(first, last, most)]


class NumberAxis(pg.AxisItem):
    """A value axis whose numbers are in the language's notation ("45,2", "1.200")."""

    lang = "da"

    def tickStrings(self, values, scale, spacing):
        decimals = 0 if spacing >= 1 else (1 if spacing >= 0.1 else 2)
        return [format_number(v * scale, decimals, self.lang) for v in values]


class TrendChart(pg.GraphicsLayoutWidget):
    """Three stacked plots sharing the x axis (one step per snapshot)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.rows: list[TrendRow] = []
        self._lang = "da"
        self.axes = [NumberAxis("left") for _i in range(3)]
        # the first plot's title and legend on rows of their own above it: a legend inside the
        # plot hid the norm-set change's label under it when the plot is short (1280x680)
        self.fte_title = self.addLabel("", row=0, col=0, color="#222", size="9pt")
        self.legend = pg.LegendItem(labelTextColor="#222", colCount=3, horSpacing=16)
        self.legend.setMaximumHeight(self.fontMetrics().height() + 8)
        self.addItem(self.legend, row=1, col=0)
        self.fte_plot = self.addPlot(row=2, col=0, axisItems={"left": self.axes[0]})
        self.over_plot = self.addPlot(row=3, col=0, axisItems={"left": self.axes[1]})
        self.average_plot = self.addPlot(row=4, col=0, axisItems={"left": self.axes[2]})
        for row, stretch in enumerate((0, 0, 3, 1, 1)):
            self.ci.layout.setRowStretchFactor(row, stretch)
        for plot in self.plots():
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=False, y=False)
            plot.showGrid(x=False, y=True, alpha=0.25)
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setTextPen("#222")
                plot.getAxis(axis).setPen("#666")
            plot.getAxis("left").setWidth(48)
        self.over_plot.setXLink(self.fte_plot)
        self.average_plot.setXLink(self.fte_plot)
        for plot in (self.fte_plot, self.over_plot):
            plot.getAxis("bottom").setStyle(showValues=False)
        self.change_lines: list[pg.InfiniteLine] = []
        self.empty_text = pg.TextItem("", color="#555", anchor=(0.5, 0.5))
        self.retranslate()

    def plots(self) -> tuple:
        return (self.fte_plot, self.over_plot, self.average_plot)

    def retranslate(self) -> None:
        title = _("Available casework FTE and FTE needed at the norm set's max "
                                        "(band: up to its min)")
        self.fte_title.setText(title, color="#222", size="9pt")
        self.over_plot.setTitle(_("Staff over the norm set's max"), color="#222", size="9pt")
        self.average_plot.setTitle(_("Average full-time caseload"), color="#222", size="9pt")
        self.show_rows(self.rows, self._lang)

    def show_rows(self, rows: list[TrendRow], lang: str) -> None:
        """Draw ``rows`` (date order)."""
        self.rows, self._lang = list(rows), lang
        for axis in self.axes:
            axis.lang = lang
        for plot in self.plots():
            plot.clear()
        self.legend.clear()
        self.change_lines = []
        for plot in self.plots():
            plot.getAxis("left").setStyle(showValues=bool(rows))
        self.average_plot.getAxis("bottom").setStyle(showValues=bool(rows))
        if not rows:  # no snapshots: say so, no empty axes numbered 0.1 ... 0.9
            self.empty_text.setText(_("No snapshots yet"))
            self.fte_plot.addItem(self.empty_text)
            for plot in self.plots():
                plot.setXRange(0, 1, padding=0)
                plot.setYRange(0, 1, padding=0)
            self.empty_text.setPos(0.5, 0.5)
            return
        for plot in self.plots():
            plot.enableAutoRange(axis="y")  # after an empty chart's fixed range
        xs = [x_of(r.date) for r in rows]
        gaps = [b - a for a, b in itertools.pairwise(xs)]
        bar_width = 0.55 * min(gaps) if gaps and min(gaps) > 0 else 16.0
        low = pg.PlotDataItem(xs, [r.fte_needed_max for r in rows], pen=pg.mkPen(NEEDED_MAX, width=2),
                              symbol="o", symbolSize=5, symbolBrush=NEEDED_MAX, symbolPen=None,
                              name=_("FTE needed at max"))
        high = pg.PlotDataItem(xs, [r.fte_needed_min for r in rows], pen=pg.mkPen((192, 57, 43, 80), width=1))
        band = pg.FillBetweenItem(low, high, brush=pg.mkBrush(*BAND))
        available = pg.PlotDataItem(xs, [r.available_fte for r in rows], pen=pg.mkPen(AVAILABLE, width=2.5),
                                    symbol="s", symbolSize=5, symbolBrush=AVAILABLE, symbolPen=None,
                                    name=_("Available casework FTE"))
        self.fte_plot.addItem(band)
        self.fte_plot.addItem(high)
        self.fte_plot.addItem(low)
        self.fte_plot.addItem(available)
        self.legend.addItem(low, _("FTE needed at max"))
        self.legend.addItem(available, _("Available casework FTE"))
        self.legend.addItem(pg.BarGraphItem(x=[0], height=[0], width=0, brush=pg.mkBrush(*BAND), pen=None),
                            _("Range up to min"))
        overs = [(x, r.over_count) for x, r in zip(xs, rows, strict=True) if r.over_count is not None]
        if overs:
            self.over_plot.addItem(pg.BarGraphItem(x=[x for x, _ in overs], height=[c for _, c in overs],
                                                   width=bar_width,
                                                   brush=pg.mkBrush(OVER), pen=None))
        self.over_plot.setYRange(0, max([c for _, c in overs] + [1]) + 0.5, padding=0)
        averages = [(x, r.average_fte_caseload) for x, r in zip(xs, rows, strict=True)
                    if r.average_fte_caseload is not None]
        if averages:
            self.average_plot.addItem(pg.PlotDataItem([x for x, _ in averages], [v for _, v in averages],
                                                      pen=pg.mkPen(AVERAGE, width=2), symbol="o", symbolSize=4,
                                                      symbolBrush=AVERAGE, symbolPen=None))
        for i, mark in change_marks(rows, lang):  # a change of norm set or of case weighting
            for plot in self.plots():
                pen = pg.mkPen(CHANGE, width=1.2, style=Qt.PenStyle.DashLine)
                line = pg.InfiniteLine(pos=(xs[i - 1] + xs[i]) / 2 if i else xs[i], angle=90, pen=pen)
                plot.addItem(line)
                if plot is self.fte_plot:
                    line.label = pg.InfLineLabel(line, text=mark, position=0.97,
                                                 anchors=[(0, 0), (0, 0)], color=CHANGE)
                    line.setToolTip(_("Norm set changed on {date}: {name}").format(
                        date=format_date(rows[i].date, lang), name=rows[i].norm_set_name(lang)))
                    self.change_lines.append(line)
        ticks = month_ticks(rows[0].date, rows[-1].date, lang)
        margin = max(bar_width, 0.04 * (xs[-1] - xs[0]))
        for plot in self.plots():
            plot.getAxis("bottom").setTicks([ticks])
            plot.setXRange(min(xs[0], ticks[0][0]) - margin, xs[-1] + margin, padding=0)
        values = [v for r in rows for v in (r.available_fte, r.fte_needed_max, r.fte_needed_min)]
        low, high = min(values), max(values)
        span = max(high - low, 1.0)
        self.fte_plot.setYRange(low - 0.1 * span, high + 0.25 * span, padding=0)  # room for the change's label

"""The forecast (Team → Forecast…): expected cases and their band per month as a chart (pyqtgraph)
and as a table (the text alternative), FTE needed at the maximum against casework FTE per month,
the month the team is expected to pass the maximum, a what-if slider for the intake, and the
backtest line. The chart, the table and the method with the backtest each have a tab.
Computed by ``core.forecast`` on the team's own intake and closures; the words come from
``core.forecast_text`` (as in the memo and the CLI).

Non-modal; it follows the document (``changed`` and ``flows_changed``).
"""

from __future__ import annotations

import contextlib

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.core.forecast import Forecast, ForecastError, forecast
from sagstal_desktop.core.forecast_text import (
    backtest_text,
    crossing_text,
    error_message,
    inputs_lines,
    method_text,
    month_text,
    source_text,
)
from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.core.validation import limits
from sagstal_desktop.core.wording import fill
from sagstal_desktop.gui.dialogs.common import error_label, show_error, ui_language
from sagstal_desktop.gui.widgets.trend_chart import NumberAxis
from sagstal_desktop.i18n import _

EXPECTED, BAND = "#1f3a5f", (31, 58, 95, 50)
NEEDED, NEEDED_BAND, AVAILABLE = "#c0392b", (192, 57, 43, 45), "#2e8b57"
#: The legends' and the axes' text (dark on the chart's white).
LEGEND_TEXT = "#222222"
#: Each plot's least height, in lines of the dialog's text: room for three labelled ticks of the
#: left axis a blank line apart (pyqtgraph drops tick labels that would touch), so a plot shows
#: a level and a direction (84 px at a 14 px line, 102 px at a 17 px one).
PLOT_MIN_LINES = 6
#: The what-if slider's steps (percent).
SLIDER_STEP = 5


class ForecastDialog(QDialog):
    """The forecast of ``document``'s team; recomputed when a choice or the team changes."""

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("forecastDialog")
        self.setWindowTitle(_("Forecast"))
        self._document = document
        self._lang = ui_language(parent)
        self.result: Forecast | None = None
        lim = limits()
        self.months = self._spin(1, int(lim["forecast_max_months"]), int(lim["forecast_months"]),
                                 _("Months ahead"))
        self.window_months = self._spin(int(lim["forecast_min_window_months"]), 120, int(lim["forecast_window_months"]),
                                 _("Months averaged over"))
        self.scenario = QComboBox()
        self.scenario.setAccessibleName(_("Available FTE from"))
        low, high = lim["forecast_intake_change_range"]
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("intakeSlider")
        self.slider.setAccessibleName(_("What-if: intake changed by percent"))
        self.slider.setRange(max(int(low), -50), min(int(high), 100))
        self.slider.setSingleStep(SLIDER_STEP)
        self.slider.setPageStep(SLIDER_STEP * 2)
        self.slider.setTickInterval(25)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider_label = QLabel()
        self.slider_label.setMinimumWidth(60)
        form = QFormLayout()
        form.addRow(_("Months ahead:"), self.months)
        form.addRow(_("Months averaged over:"), self.window_months)
        form.addRow(_("Available FTE from:"), self.scenario)
        what_if = QHBoxLayout()
        what_if.addWidget(self.slider, 1)
        what_if.addWidget(self.slider_label)
        form.addRow(_("What-if, intake:"), what_if)
        self.error = error_label(self)
        self.error.setObjectName("forecastError")
        self.crossing = QLabel()
        self.crossing.setObjectName("crossingLabel")
        self.crossing.setWordWrap(True)
        self.crossing.setStyleSheet("QLabel { font-weight: bold; }")
        self.backtest = QLabel()
        self.backtest.setObjectName("backtestLabel")
        self.backtest.setWordWrap(True)
        self.method = QLabel()
        self.method.setWordWrap(True)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet("QLabel { color: #555; }")
        self.chart = pg.GraphicsLayoutWidget()
        self.chart.setObjectName("forecastChart")
        for part in (self.chart, self.chart.viewport()):  # the viewport takes the focus
            part.setAccessibleName(_("Forecast chart: expected cases and FTE per month; the table has the same "
                                     "figures"))
        self.chart.setBackground("w")
        self.axes = [NumberAxis("left"), NumberAxis("left")]
        # each plot's legend on a row of its own above it: never over the band or the lines
        self.legends = [pg.LegendItem(labelTextColor=LEGEND_TEXT, colCount=2, horSpacing=24),
                        pg.LegendItem(labelTextColor=LEGEND_TEXT, colCount=2, horSpacing=24)]
        self.chart.addItem(self.legends[0], row=0, col=0)
        self.cases_plot = self.chart.addPlot(row=1, col=0, axisItems={"left": self.axes[0]})
        self.chart.addItem(self.legends[1], row=2, col=0)
        self.fte_plot = self.chart.addPlot(row=3, col=0, axisItems={"left": self.axes[1]})
        grid = self.chart.ci.layout
        for row, stretch in enumerate((0, 1, 0, 1)):
            grid.setRowStretchFactor(row, stretch)
        for legend in self.legends:  # one line of text high
            legend.setMaximumHeight(self.fontMetrics().height() + 10)
        for plot in (self.cases_plot, self.fte_plot):
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=False, y=False)
            plot.showGrid(y=True, alpha=0.2)
            for axis in ("left", "bottom"):  # dark text, as the history chart's (pyqtgraph's grey is faint)
                plot.getAxis(axis).setTextPen(LEGEND_TEXT)
                plot.getAxis(axis).setPen("#666666")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("forecastTable")
        self.table.setAccessibleName(_("Forecast as a table"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        # the backtest, the method and the source scroll in a pane of their own
        notes = QWidget()
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(6, 6, 6, 6)
        for label in (self.backtest, self.method, self.source):
            notes_layout.addWidget(label)
        notes_layout.addStretch(1)
        self.notes = QScrollArea()
        self.notes.setObjectName("forecastNotes")
        self.notes.setWidget(notes)
        self.notes.setWidgetResizable(True)
        self.notes.setFrameShape(QFrame.Shape.NoFrame)
        self.notes.setAccessibleName(_("How the forecast is made"))
        # the chart, the table (its text alternative) and the notes each on a tab of the whole
        # height: stacked in one splitter, the two plots were 50 px high in a 640 px dialog
        self.chart.setMinimumHeight(self._chart_minimum_height())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("forecastTabs")
        self.tabs.setAccessibleName(_("Forecast as a chart, as a table, and how it is made"))
        self.tabs.addTab(self.chart, _("Chart"))
        self.tabs.addTab(self.table, _("Table"))
        self.tabs.addTab(self.notes, _("Method and backtest"))
        self.close_button = QPushButton(_("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.crossing)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._fill_scenarios()
        for signal in (self.months.valueChanged, self.window_months.valueChanged, self.slider.valueChanged,
                       self.scenario.currentIndexChanged):
            signal.connect(self.refresh)
        document.changed.connect(self._team_changed)
        document.flows_changed.connect(self.refresh)
        from sagstal_desktop.gui.screen_fit import fit_to_screen

        fit_to_screen(self, 980, 640)
        self.refresh()

    def plot_min_height(self) -> int:
        """The least height of each plot's drawing area (``PLOT_MIN_LINES`` lines of text)."""
        return PLOT_MIN_LINES * self.fontMetrics().lineSpacing()

    def _chart_minimum_height(self) -> int:
        """The chart's least height: two plots of ``plot_min_height``, each with its legend row
        above and its month axis (a line of text, the ticks and a gap) below."""
        line = self.fontMetrics().lineSpacing()
        legend, month_axis = line + 10, line + 2 * 10
        return 2 * (self.plot_min_height() + legend + month_axis)

    def _spin(self, low: int, high: int, value: int, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setAccessibleName(name)
        return spin

    def _fill_scenarios(self) -> None:
        chosen = self.scenario.currentData()
        self.scenario.blockSignals(True)
        self.scenario.clear()
        self.scenario.addItem(_("The team"), "")
        for scenario in self._document.history_team().scenarios:
            self.scenario.addItem(scenario.name, scenario.name)
        index = self.scenario.findData(chosen) if chosen else 0
        self.scenario.setCurrentIndex(max(index, 0))
        self.scenario.blockSignals(False)

    def _team_changed(self, _change) -> None:
        self._fill_scenarios()
        self.refresh()

    def intake_change(self) -> float:
        return float(self.slider.value())

    # -- computing -----------------------------------------------------------------------------
    def refresh(self) -> None:
        lang = self._lang
        change = self.intake_change()
        sign = "+" if change > 0 else ""
        self.slider_label.setText(f"{sign}{format_number(change, 0, lang)} %")
        team = self._document.history_team()
        try:
            self.result = forecast(team, self._document.as_of, self.months.value(), self.window_months.value(), change,
                                   self.scenario.currentData() or "", norm_set=self._document.norm_set())
        except ForecastError as exc:
            self.result = None
            show_error(self.error, error_message(exc, lang))
            for label in (self.crossing, self.backtest, self.method, self.source):
                label.clear()
            self.table.setRowCount(0)
            self.cases_plot.clear()
            self.fte_plot.clear()
            return
        show_error(self.error, "")
        result, norm_set = self.result, self._document.norm_set()
        self.crossing.setText(crossing_text(result, norm_set, lang))
        self.backtest.setText(backtest_text(result, lang))
        self.method.setText(method_text(result, lang) + "\n" + "\n".join(inputs_lines(result, lang)))
        self.source.setText(_("Source: {source}.").format(source=source_text(lang)))
        self._fill_table(result, norm_set)
        self._draw(result, norm_set)

    def _fill_table(self, result: Forecast, norm_set) -> None:
        lang = self._lang
        heads = [_("Month"), _("Expected cases"), _("Band"), fill(_("FTE needed at <max>"), norm_set, lang),
                 _("Band of FTE"), _("Casework FTE")]
        self.table.setHorizontalHeaderLabels(heads)
        self.table.setRowCount(len(result.months))
        for row, m in enumerate(result.months):
            values = [month_text(m.month, lang), format_number(m.total.expected, 0, lang),
                      f"{format_number(m.total.low, 0, lang)}–{format_number(m.total.high, 0, lang)}",
                      format_number(m.fte_needed_max.expected, 2, lang),
                      f"{format_number(m.fte_needed_max.low, 2, lang)}–{format_number(m.fte_needed_max.high, 2, lang)}",
                      format_number(m.available_fte, 2, lang)]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def _draw(self, result: Forecast, norm_set) -> None:
        lang = self._lang
        for axis in self.axes:
            axis.lang = lang
        xs = list(range(len(result.months)))
        ticks = [[(x, month_text(m.month, lang)[:3] + " " + f"{m.month.year % 100:02d}")
                  for x, m in zip(xs, result.months, strict=True)]]
        self.cases_plot.clear()
        self.fte_plot.clear()
        legend = self.legends[0]
        legend.clear()
        low = pg.PlotDataItem(xs, [m.total.low for m in result.months], pen=pg.mkPen(BAND[:3], width=1))
        high = pg.PlotDataItem(xs, [m.total.high for m in result.months], pen=pg.mkPen(BAND[:3], width=1))
        self.cases_plot.addItem(low)
        self.cases_plot.addItem(high)
        self.cases_plot.addItem(pg.FillBetweenItem(low, high, brush=pg.mkBrush(*BAND)))
        expected = self.cases_plot.plot(xs, [m.total.expected for m in result.months],
                                        pen=pg.mkPen(EXPECTED, width=2.5), symbol="o", symbolSize=5,
                                        symbolBrush=EXPECTED)
        legend.addItem(expected, _("Expected cases (band: {pct})").format(
            pct=format_number(result.band_pct, 0, lang) + " %"))
        f_legend = self.legends[1]
        f_legend.clear()
        f_low = pg.PlotDataItem(xs, [m.fte_needed_max.low for m in result.months], pen=pg.mkPen(NEEDED_BAND[:3]))
        f_high = pg.PlotDataItem(xs, [m.fte_needed_max.high for m in result.months], pen=pg.mkPen(NEEDED_BAND[:3]))
        self.fte_plot.addItem(f_low)
        self.fte_plot.addItem(f_high)
        self.fte_plot.addItem(pg.FillBetweenItem(f_low, f_high, brush=pg.mkBrush(*NEEDED_BAND)))
        needed = self.fte_plot.plot(xs, [m.fte_needed_max.expected for m in result.months],
                                    pen=pg.mkPen(NEEDED, width=2))
        available = self.fte_plot.plot(xs, [m.available_fte for m in result.months],
                                       pen=pg.mkPen(AVAILABLE, width=2.5, style=Qt.PenStyle.DashLine))
        f_legend.addItem(needed, fill(_("FTE needed at <max>"), norm_set, lang))
        f_legend.addItem(available, _("Casework FTE"))
        for plot in (self.cases_plot, self.fte_plot):
            plot.getAxis("bottom").setTicks(ticks)

    def closeEvent(self, event) -> None:
        for signal, slot in ((self._document.changed, self._team_changed),
                             (self._document.flows_changed, self.refresh)):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        super().closeEvent(event)



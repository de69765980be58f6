"""The forecast in the window (issue 28): Team → Intake and closures… (a month × type table,
paste from Excel, one undoable step) and Team → Forecast… (chart, table, crossing month, what-if
slider, backtest line)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import TODAY
from PySide6.QtWidgets import QDialog

from sagstal_desktop.core.flows import Flow
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.gui.actions import Act
from sagstal_desktop.gui.dialogs.flows import FlowsDialog
from sagstal_desktop.gui.dialogs.forecast import ForecastDialog


def _forecast(window) -> ForecastDialog:
    window.actions[Act.FORECAST].trigger()
    dialog = window.findChild(ForecastDialog, "forecastDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_forecast_window_shows_the_demo(window, qtbot):
    dialog = _forecast(window)
    qtbot.addWidget(dialog)
    assert dialog.result is not None and dialog.table.rowCount() == 6
    first = dialog.result.months[0]
    assert dialog.table.item(0, 0).text() == "December 2026"
    assert dialog.table.item(0, 1).text() == f"{first.total.expected:,.0f}"
    assert dialog.backtest.text().startswith("Backtest: for 18 past months")
    assert "not expected to pass DS maximum" in dialog.crossing.text()
    assert "Sagstal's calculation on the team's own figures" in dialog.source.text()
    assert len(dialog.cases_plot.listDataItems()) >= 3 and len(dialog.fte_plot.listDataItems()) >= 4
    for widget in (dialog.months, dialog.window_months, dialog.scenario, dialog.slider, dialog.table, dialog.chart):
        assert widget.accessibleName()
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 680


def test_the_what_if_slider_moves_the_forecast_and_finds_the_crossing(window, qtbot):
    dialog = _forecast(window)
    before = dialog.result.months[-1].total.expected
    dialog.slider.setValue(30)
    assert dialog.slider_label.text() == "+30 %"
    assert dialog.result.intake_change_pct == 30 and dialog.result.months[-1].total.expected > before
    month = dialog.result.crosses_max
    assert month is not None
    assert f"expected to pass DS maximum in {month:%B %Y}" in dialog.crossing.text()


def test_too_little_data_is_said_in_the_window(make_window, qtbot):
    team = Team(settings=TeamSettings(norm_set_id="ds_2020"), staff=[StaffMember("A", counts={"sygedagpenge": 9})])
    window = make_window(team)
    dialog = _forecast(window)
    assert dialog.result is None and dialog.table.rowCount() == 0
    assert dialog.error.isVisible() and dialog.error.text().startswith("No forecast")


def test_flows_dialog_reads_cells_and_a_pasted_list(qtbot, demo):
    dialog = FlowsDialog(demo, demo.norm_set(), TODAY)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 24 and dialog.types == ["jobafklaring", "sygedagpenge"]
    flows, problem = dialog.read()
    assert problem == "" and flows == demo.flows
    dialog.paste("Måned\tSagstype\tNye sager\tAfsluttede sager\n2026-11\tSygedagpenge\t70\t50\n"
                 "2026-12\tJobafklaringsforløb\t3\t1\n")
    flows, problem = dialog.read()
    assert problem == ""
    by_key = {(f.month, f.case_type): f for f in flows}
    assert by_key[(date(2026, 11, 1), "sygedagpenge")] == Flow(date(2026, 11, 1), "sygedagpenge", 70, 50)
    assert by_key[(date(2026, 12, 1), "jobafklaring")].new == 3
    assert dialog.table.rowCount() == 26  # the demo (made on 22.11.2026) has flows up to October
    dialog.table.setCurrentCell(0, 1)
    dialog.paste("x\t2")
    flows, problem = dialog.read()
    assert flows == [] and problem.startswith("Row 1, Job clarification programme:") and "is not a number" in problem
    dialog.accept()
    assert not dialog.error.isHidden() and dialog.result() != QDialog.DialogCode.Accepted


def test_intake_and_closures_are_one_undoable_step(window, qtbot, monkeypatch):
    document = window.document()
    before = list(document.history_team().flows)

    def fill_and_accept(dialog):
        dialog.paste("Month\tCase type\tNew cases\tClosed cases\n2026-10\tsygedagpenge\t99\t1")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FlowsDialog, "exec", fill_and_accept)
    forecast_window = _forecast(window)
    window.actions[Act.FLOWS].trigger()
    flows = document.history_team().flows
    assert Flow(date(2026, 10, 1), "sygedagpenge", 99, 1) in flows and len(flows) == len(before)
    assert forecast_window.result.methods["sygedagpenge"].arrivals != pytest.approx(
        sum(f.new for f in before if f.case_type == "sygedagpenge" and f.month >= date(2026, 5, 1)) / 6)
    document.undo_stack.undo()
    assert document.history_team().flows == before


def test_the_memo_options_offer_the_forecast_unchecked(qtbot, demo):
    from sagstal_desktop.gui.dialogs.memo_options import MemoOptionsDialog

    dialog = MemoOptionsDialog(demo, demo.norm_set(), "en", None, "export", today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.forecast.isEnabled() and not dialog.forecast.isChecked()
    assert dialog.options(TODAY).include_forecast is False
    dialog.forecast.setChecked(True)
    assert dialog.options(TODAY).include_forecast is True
    bare = Team(staff=[StaffMember("A", counts={"sygedagpenge": 3})])
    other = MemoOptionsDialog(bare, bare.norm_set(), "en", None, "export", today=TODAY)
    qtbot.addWidget(other)
    assert not other.forecast.isEnabled() and "Intake and closures" in other.forecast.toolTip()


def test_flows_dialog_imports_a_sheet_all_or_nothing(qtbot, demo, tmp_path):
    dialog = FlowsDialog(demo, demo.norm_set(), TODAY)
    qtbot.addWidget(dialog)
    bad = tmp_path / "bad.csv"
    bad.write_text("Måned;Sagstype;Nye sager;Afsluttede sager\n2026-11;sygedagpenge;5;1\n2026-12;sygedagpenge;-2;1\n",
                   encoding="utf-8")
    assert not dialog.import_file(bad)
    assert "negative" in dialog.error.text() and dialog.table.rowCount() == 24
    good = tmp_path / "good.csv"
    good.write_text("Month;Case type;New cases;Closed cases\n2026-11;Sickness benefit;5;1\n", encoding="utf-8")
    assert dialog.import_file(good)
    flows, problem = dialog.read()
    assert problem == "" and Flow(date(2026, 11, 1), "sygedagpenge", 5, 1) in flows


def test_the_forecast_fits_980x640_with_legends_beside_the_plots_and_a_close_button(window, qtbot):
    """At the dialog's size on a 1280×720 screen: the chart, the table and the long method text
    each have a tab of the whole height, so the table shows every month of the default six; each
    legend sits on its own row (never over the band or the lines) in dark text; "Luk"/"Close"
    closes the dialog."""
    dialog = _forecast(window)
    qtbot.addWidget(dialog)
    dialog.resize(980, 640)
    assert dialog.tabs.currentWidget() is dialog.chart  # the chart first
    dialog.tabs.setCurrentWidget(dialog.table)
    qtbot.wait(50)
    rows_seen = dialog.table.viewport().height() // dialog.table.rowHeight(0)
    assert rows_seen >= dialog.table.rowCount() == 6
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["Chart", "Table", "Method and backtest"]
    assert dialog.tabs.accessibleName()
    assert dialog.notes.accessibleName() and dialog.method.parent() is dialog.notes.widget()
    assert dialog.backtest.parent() is dialog.notes.widget()
    dialog.tabs.setCurrentWidget(dialog.chart)
    qtbot.wait(50)
    for legend, plot in zip(dialog.legends, (dialog.cases_plot, dialog.fte_plot), strict=True):
        assert legend.items, "the legend lists the plot's lines"
        box = legend.sceneBoundingRect()
        assert not box.intersects(plot.getViewBox().sceneBoundingRect())
        assert legend.opts["labelTextColor"] == "#222222"
    assert dialog.close_button.text() == "Close"
    dialog.close_button.click()
    assert not dialog.isVisible()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_forecast_plots_stay_readable_in_a_dialog_640_high(make_window, qapp, qtbot, monkeypatch, lang):
    """On a 1280×680 available screen (1280×720 less a task bar, or 1920×1080 at 150 %) the
    dialog opens 980×640 and each plot's drawing area is at least six lines of text high (three
    labelled ticks a blank line apart: ``PLOT_MIN_LINES``) and never under 80 px; the two plots
    were 50 px high there. The dialog still needs no more than the screen."""
    from PySide6.QtCore import QRect

    from sagstal_desktop.gui import qt_language, screen_fit
    from sagstal_desktop.gui.dialogs.forecast import PLOT_MIN_LINES

    monkeypatch.setattr(screen_fit, "available_geometry", lambda _widget=None: QRect(0, 0, 1280, 680))
    qt_language.install_translations(qapp, lang)
    dialog = _forecast(make_window(lang=lang))
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    assert (dialog.width(), dialog.height()) == (980, 640)
    need = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    assert need.width() <= 1280 and need.height() <= 680 - 40  # a title bar (as tests/test_gui_fit.py)
    least = PLOT_MIN_LINES * dialog.fontMetrics().lineSpacing()
    assert least >= 80 and dialog.plot_min_height() == least
    for plot in (dialog.cases_plot, dialog.fte_plot):
        box = plot.getViewBox().sceneBoundingRect()
        assert box.height() >= least, (box.height(), least)
        assert box.width() >= 800
    # the y axis labels at least three ticks (pyqtgraph drops labels that would touch)
    for plot in (dialog.cases_plot, dialog.fte_plot):
        axis = plot.getAxis("left")
        low, high = plot.getViewBox().viewRange()[1]
        ticks = [value for _spacing, values in axis.tickValues(low, high, axis.height()) for value in values]
        assert len([v for v in ticks if low <= v <= high]) >= 3
    qt_language.install_translations(qapp, "en")


def test_flows_counts_are_right_aligned_and_the_month_left(qtbot, demo):
    from PySide6.QtCore import Qt

    dialog = FlowsDialog(demo, demo.norm_set(), TODAY)
    qtbot.addWidget(dialog)
    right = Qt.AlignmentFlag.AlignRight
    assert all(Qt.AlignmentFlag(dialog.table.item(0, c).textAlignment()) & right
               for c in range(1, dialog.table.columnCount()))
    assert not Qt.AlignmentFlag(dialog.table.item(0, 0).textAlignment()) & right
    assert Qt.AlignmentFlag(dialog.table.itemPrototype().textAlignment()) & right


def test_the_forecast_axes_are_dark_enough_to_read(window, qtbot):
    from colour_science import contrast

    dialog = _forecast(window)
    qtbot.addWidget(dialog)
    for plot in (dialog.cases_plot, dialog.fte_plot):
        for axis in ("left", "bottom"):
            assert contrast(plot.getAxis(axis).textPen().color().name(), "#ffffff") >= 4.5, axis


def test_a_capped_exit_rate_is_said_in_the_window(make_window, qtbot):
    from sagstal_desktop.core import operations as ops
    from sagstal_desktop.core.flows import Flow, month_after

    months = [month_after(date(2026, 10, 1), k - 5) for k in range(6)]  # the last month ended by TODAY
    flows = [Flow(m, "sygedagpenge", 10, 10) for m in months[:-1]] + [Flow(months[-1], "sygedagpenge", 90_000, 90_000)]
    team = Team(settings=TeamSettings(norm_set_id="ds_2020"),
                staff=[StaffMember("A", counts={"sygedagpenge": 100})])
    ops.set_flows(team, flows)
    dialog = _forecast(make_window(team))
    assert dialog.result.methods["sygedagpenge"].capped == (90_050, 600)
    assert ("The exit rate for Sickness benefit is set to 100%: the closed cases exceed the open ones (90,050 closed "
            "against 600 open at the start of the months used).") in dialog.method.text()

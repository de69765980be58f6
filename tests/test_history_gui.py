"""The history in the window: the trend view (chart and table), taking, relabelling, deleting
and importing snapshots as undoable steps, the offer after saving, export, memo option."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import TODAY
from PySide6.QtWidgets import QMessageBox

from sagstal_desktop.core.trend import trend_rows
from sagstal_desktop.gui.actions import Act
from sagstal_desktop.gui.handlers import history as history_actions
from sagstal_desktop.gui.models.trend_model import COLUMNS
from sagstal_desktop.io.document import load_team, save_team


@pytest.fixture
def window(qapp, qtbot, demo, monkeypatch):
    from sagstal_desktop.gui import qt_language
    from sagstal_desktop.gui.main_window import MainWindow

    qt_language.install_translations(qapp, "en")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win = MainWindow(demo, None, demo=True, as_of=TODAY, lang="en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _dialog(window):
    from sagstal_desktop.gui.dialogs.history import HistoryDialog

    window.actions[Act.HISTORY].trigger()
    dialog = window.findChild(HistoryDialog, "historyDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_trend_view_shows_the_demo_year(window, qtbot):
    dialog = _dialog(window)
    model, chart = dialog.model, dialog.chart
    assert model.rowCount() == 12 and model.columnCount() == len(COLUMNS)
    rows = trend_rows(window.team())
    assert model.text(0, "date") == "2025-11-01" and model.text(11, "cases") == str(rows[-1].cases)
    assert model.text(4, "norm_set") == rows[4].norm_set_name("en")
    # a time axis: the norm-set change midway between the dates of snapshots 4 and 5
    middle = (rows[3].date.toordinal() + rows[4].date.toordinal()) / 2
    assert len(chart.change_lines) == 1 and chart.change_lines[0].value() == pytest.approx(middle)
    curves = {item.name(): item for item in chart.fte_plot.listDataItems() if item.name()}
    available = curves["Available casework FTE"].getData()[1]
    assert list(available) == pytest.approx([r.available_fte for r in rows])
    window.actions[Act.HISTORY].trigger()  # a second trigger raises the same window
    from sagstal_desktop.gui.dialogs.history import HistoryDialog

    assert len(window.findChildren(HistoryDialog)) == 1


def test_take_relabel_delete_are_undoable(window, qtbot, monkeypatch):
    dialog = _dialog(window)
    monkeypatch.setattr(history_actions, "ask_label", lambda *a, **k: "Status november")
    window.actions[Act.TAKE_SNAPSHOT].trigger()
    assert dialog.model.rowCount() == 13
    assert dialog.model.text(12, "date") == "2026-11-22" and dialog.model.text(12, "label") == "Status november"
    assert window.document().is_modified()
    monkeypatch.setattr(history_actions, "ask_label", lambda *a, **k: "Ny betegnelse")
    dialog.table.selectRow(0)
    dialog.relabel()
    assert dialog.model.text(0, "label") == "Ny betegnelse"
    dialog.table.selectRow(1)
    dialog.delete_button.click()
    assert dialog.model.rowCount() == 12 and dialog.model.text(1, "date") == "2026-01-01"
    stack = window.document().undo_stack
    stack.undo()
    stack.undo()
    stack.undo()
    assert dialog.model.rowCount() == 12 and dialog.model.text(0, "label") == "Årsopgørelse"
    assert len(window.team().snapshots) == 12


def test_import_older_file_and_spreadsheet(window, tmp_path, monkeypatch, demo):
    older = demo.copy()
    older.snapshots = []
    for person in older.staff:
        person.counts = {t: n // 2 for t, n in person.counts.items()}
    path = save_team(older, tmp_path / "older.sagstal")
    monkeypatch.setattr(history_actions, "ask_date", lambda *a, **k: (date(2024, 12, 31), "Gammel fil"))
    assert history_actions.import_older_file(window, path)
    rows = trend_rows(window.team())
    assert (rows[0].date, rows[0].label, rows[0].origin) == (date(2024, 12, 31), "Gammel fil", "file")
    assert [m.counts for m in window.team().staff] == [m.counts for m in demo.staff]  # nothing else changed
    asked = []  # the same date again: asked first; No changes nothing
    monkeypatch.setattr(history_actions, "confirm", lambda w, title, text: asked.append(text) or False)
    assert not history_actions.import_older_file(window, path)
    assert asked == ["The history already has a snapshot of 2024-12-31. Replace it with older.sagstal?"]
    assert len(window.team().snapshots) == 13
    sheet = tmp_path / "tal.csv"
    sheet.write_text("Dato;Årsværk til rådighed;Årsværk ved maksimum;Årsværk ved minimum\n"
                     "1.6.2024;9;8;11\n", encoding="utf-8")
    assert history_actions.import_spreadsheet(window, sheet)
    assert trend_rows(window.team())[0].date == date(2024, 6, 1)
    bad = tmp_path / "bad.csv"
    bad.write_text("Dato;Årsværk til rådighed\n1.6.2024;9\n", encoding="utf-8")
    shown: list[list[str]] = []
    monkeypatch.setattr(history_actions, "show_problems", lambda _w, _t, lines: shown.append(lines))
    assert not history_actions.import_spreadsheet(window, bad)
    assert shown and any("Årsværk ved maksimum" in line or "FTE needed at max" in line for line in shown[0])
    assert len(window.team().snapshots) == 14


def test_export_history_xlsx(window, tmp_path):
    import openpyxl

    target = tmp_path / "udvikling.xlsx"
    assert history_actions.export_history(window, target)
    sheet = openpyxl.load_workbook(target).worksheets[0]
    assert sheet.max_row == 13 and sheet.cell(1, 1).value == "Date"


def test_offer_after_save_takes_and_saves_a_snapshot(window, qtbot, tmp_path):
    path = tmp_path / "team.sagstal"
    assert window.files._save_to(path)
    box = window.findChild(QMessageBox, "snapshotOffer")
    assert box is not None and box.isVisible()  # asked without blocking
    box.button(QMessageBox.StandardButton.Yes).click()
    saved = load_team(path)
    assert len(saved.snapshots) == 13 and trend_rows(saved)[-1].date == TODAY
    assert trend_rows(saved)[-1].label == "November 2026"
    assert not window.document().is_modified()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "snapshotOffer") is None)
    assert window.files._save_to(path)  # the month now has a snapshot: no question
    assert window.findChild(QMessageBox, "snapshotOffer") is None


def test_declined_offer_is_not_repeated_this_month(window, qtbot, tmp_path):
    path = tmp_path / "team.sagstal"
    assert window.files._save_to(path)
    window.findChild(QMessageBox, "snapshotOffer").button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "snapshotOffer") is None)
    assert window.files._save_to(path)
    assert window.findChild(QMessageBox, "snapshotOffer") is None
    assert len(load_team(path).snapshots) == 12


def test_memo_options_history_checkbox(qtbot, demo):
    from sagstal_desktop.gui.dialogs.memo_options import MemoOptionsDialog

    dialog = MemoOptionsDialog(demo, demo.norm_set(), "en", None, "export", today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.history.isEnabled() and dialog.history.isChecked()
    assert dialog.options(TODAY).history_from is None  # the default: the last 12
    dialog.history_from.setCurrentIndex(3)
    assert dialog.options(TODAY).history_from == date(2026, 2, 1)
    dialog.history.setChecked(False)
    assert not dialog.options(TODAY).include_history
    demo.snapshots = demo.snapshots[:1]
    single = MemoOptionsDialog(demo, demo.norm_set(), "en", None, "export", today=TODAY)
    qtbot.addWidget(single)
    assert not single.history.isEnabled() and not single.options(TODAY).include_history


def test_a_snapshot_edit_tells_the_views_only_the_history_changed(window, monkeypatch):
    seen = []
    window.document().changed.connect(seen.append)
    before = window.document().summary
    assert history_actions.take_snapshot(window, "Nu")
    assert len(seen) == 1 and seen[0].snapshots_changed and not seen[0].all_rows and not seen[0].rows
    assert not (seen[0].structure_changed or seen[0].settings_changed or seen[0].norm_sets_changed)
    assert window.document().summary.total_cases == before.total_cases
    window.document().undo_stack.undo()
    assert len(seen) == 2 and seen[1].snapshots_changed and len(window.team().snapshots) == 12


def test_history_follows_the_open_team_and_the_chart_reads_as_time(window, qtbot, monkeypatch):
    """File → New team (also while the history window is closed) gives an empty history; a
    second snapshot on one date asks first; the chart's x axis is time and its numbers Danish."""
    from sagstal_desktop.gui.widgets.trend_chart import NumberAxis, month_ticks, x_of

    dialog = _dialog(window)
    assert dialog.model.rowCount() == 12
    dialog.close()
    window.files.new_document()
    window.actions[Act.HISTORY].trigger()  # the same window, shown again: the new team's (empty) history
    assert dialog.isVisible() and dialog.model.rowCount() == 0
    assert dialog.chart.empty_text.toPlainText() == "No snapshots yet"
    assert dialog.chart.empty_text.scene() is not None
    monkeypatch.setattr(history_actions, "ask_label", lambda *a, **k: "")
    assert history_actions.take_snapshot(window)
    assert dialog.model.rowCount() == 1 and dialog.chart.empty_text.scene() is None
    # the same date again: asked; No leaves the one snapshot, Yes replaces it
    asked = []
    monkeypatch.setattr(history_actions, "confirm", lambda w, title, text: asked.append(text) or False)
    assert not history_actions.take_snapshot(window)
    assert dialog.model.rowCount() == 1 and "already has a snapshot of 2026-11-22" in asked[0]
    monkeypatch.setattr(history_actions, "ask_label", lambda *a, **k: "Replaced")
    monkeypatch.setattr(history_actions, "confirm", lambda w, title, text: True)
    assert history_actions.take_snapshot(window)
    assert dialog.model.rowCount() == 1 and dialog.model.text(0, "label") == "Replaced"
    window.document().undo_stack.undo()
    assert dialog.model.text(0, "label") == ""
    # time: ticks at month starts, placed by date; numbers in the language's notation
    ticks = month_ticks(date(2026, 3, 15), date(2026, 7, 2), "da")
    assert ticks == [(x_of(date(2026, m, 1)), f"{name} 26") for m, name in
                     zip(range(3, 8), ("mar", "apr", "maj", "jun", "jul"), strict=True)]
    assert x_of(date(2026, 7, 31)) - x_of(date(2026, 7, 1)) == 30
    axis = NumberAxis("left")
    axis.lang = "da"
    assert axis.tickStrings([45.2, 1200.0], 1.0, 0.1) == ["45,2", "1.200,0"]
    axis.lang = "en"
    assert axis.tickStrings([45.2], 1.0, 0.1) == ["45.2"]


def test_the_norm_set_change_label_is_clear_of_the_legend_at_1280_by_680(window, qtbot, monkeypatch):
    """The legend has a row of its own above the first plot, so the dashed line's label ("DS
    2020") lies inside the plot and clear of the legend even in the dialog's size on a 1280×680
    screen (it was half under the legend there); the legend lists the three series."""
    from PySide6.QtCore import QRect

    from sagstal_desktop.gui import screen_fit

    monkeypatch.setattr(screen_fit, "available_geometry", lambda _widget=None: QRect(0, 0, 1280, 680))
    dialog = _dialog(window)
    qtbot.wait(50)
    assert dialog.height() <= 680
    chart = dialog.chart
    legend = chart.legend.sceneBoundingRect()
    assert [label.text for _sample, label in chart.legend.items] == [
        "FTE needed at max", "Available casework FTE", "Range up to min"]
    plot = chart.fte_plot.getViewBox().sceneBoundingRect()
    label = chart.change_lines[0].label.sceneBoundingRect()
    assert not label.intersects(legend), (label, legend)
    assert plot.contains(label), (label, plot)
    assert not legend.intersects(plot)

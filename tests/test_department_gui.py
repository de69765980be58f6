"""The department view (issue 26, item 5): File → Open department… reads the team files in a
worker, the view shows the figures of ``department_json``, sorts with the total last, anonymises
(small teams merged into "other teams"), opens a team (read-only when locked), places positions,
and writes the memo and the workbook."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import TODAY
from department_helpers import make_folder, make_team
from PySide6.QtCore import Qt

from sagstal_desktop.core.anonymise import min_staff
from sagstal_desktop.core.department import department_json, roll_up
from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.core.wording import format_load
from sagstal_desktop.gui.actions import Act
from sagstal_desktop.gui.handlers import department as handlers
from sagstal_desktop.gui.models.department_model import COLUMNS, SORT_ROLE
from sagstal_desktop.io.department_reader import read_department
from sagstal_desktop.io.document import save_team


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    base = tmp_path_factory.mktemp("department_gui")
    make_folder(base / "teams")
    return base / "teams"


def _view(window, qtbot, monkeypatch, paths):
    from sagstal_desktop.gui.dialogs.department import DepartmentView

    monkeypatch.setattr(handlers, "ask_department_paths", lambda _w: paths)
    window.actions[Act.OPEN_DEPARTMENT].trigger()
    view = window.findChild(DepartmentView, "departmentView")
    assert view is not None
    qtbot.waitExposed(view)
    return view


def _column(view, key):
    return COLUMNS.index(key)


def test_the_view_shows_the_figures_of_department_json(window, qtbot, monkeypatch, folder):
    view = _view(window, qtbot, monkeypatch, [folder])
    data = department_json(roll_up(read_department([folder]), TODAY), "en")
    model = view.model
    assert model.rowCount() == len(data["teams"]) + 1  # 11 read (one a copy) + the total
    assert "11 of 12 team files" in view.summary.text()
    for i, team in enumerate(data["teams"]):
        def cell(key, i=i):
            return model.data(model.index(i, _column(view, key)))

        def value(key, i=i):
            return model.data(model.index(i, _column(view, key)), SORT_ROLE)

        assert cell("team").startswith(team["team_name"])
        assert value("staff") == team["staff"] and value("cases") == team["cases"]
        assert value("available") == team["available_fte"]
        assert value("need_max") == team["fte_needed"]["max"] and value("need_min") == team["fte_needed"]["min"]
        assert value("short_max") == team["shortfall_fte"]["max"]
        assert value("load") * 100 == pytest.approx(team["load_max_pct"], abs=1e-12)
        assert value("over") == team["over_count"] and value("free_fte") == team["free_fte"]
        assert cell("available") == format_number(team["available_fte"], 2, "en")
        assert cell("load") == format_load(team["load_max_pct"] / 100, "en")
        assert cell("sustained") == ("yes" if team["sustained_overload"] else "no")
        assert ("(copy)" in cell("team")) == (not team["counted"])
    total = model.rows()[-1]
    assert total.staff == data["total"]["staff"] and total.cases == data["total"]["cases"]
    assert total.fte_needed["max"] == data["total"]["fte_needed"]["max"]
    assert total.available_fte == data["total"]["available_fte"]
    # the problems: the same three files as the JSON names
    assert view.problems.count() == len(data["problems"])
    listed = "\n".join(view.problems.item(i).text() for i in range(view.problems.count()))
    for name in ("other.sagstal", "team00 (1).sagstal", "zz damaged.sagstal"):
        assert name in listed
    # the chart and its text alternative: one bar per counted team
    assert view.chart.names == [t["team_name"] for t in data["teams"] if t["counted"]]
    for team in data["teams"]:
        if team["counted"]:
            assert f"{team['team_name']}: {format_load(team['load_max_pct'] / 100, 'en')}" in view.chart_text.text()
    # every control has an accessible name; the view fits 1280x680
    for widget in (view.table, view.chart, view.problems, view.positions_spin, view.compute_button,
                   view.positions_table, view.anonymise_box, view.export_button, view.memo_button, view.close_button):
        assert widget.accessibleName()
    assert view.width() <= 1280 and view.height() <= 680
    view.close()


def test_sorting_keeps_the_total_last(window, qtbot, monkeypatch, folder):
    view = _view(window, qtbot, monkeypatch, [folder])
    proxy = view.proxy
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        view.table.sortByColumn(_column(view, "load"), order)
        loads = [proxy.data(proxy.index(r, _column(view, "load")), SORT_ROLE) for r in range(proxy.rowCount() - 1)]
        assert loads == sorted(loads, reverse=order == Qt.SortOrder.DescendingOrder)
        assert proxy.data(proxy.index(proxy.rowCount() - 1, 0)) == "Total"
    view.close()


def test_anonymise_merges_small_teams_and_names_no_one(window, qtbot, monkeypatch, tmp_path):
    teams = tmp_path / "small"
    teams.mkdir()
    save_team(make_team(1, staff=12), teams / "big.sagstal")
    save_team(make_team(4, staff=6), teams / "mid.sagstal")
    small = make_team(2, staff=3)
    small.info.team_name = "Lillebitte Team"
    save_team(small, teams / "small.sagstal")
    tiny = make_team(3, staff=1)
    tiny.info.team_name = "Eneste Team"
    save_team(tiny, teams / "tiny.sagstal")
    view = _view(window, qtbot, monkeypatch, [teams])
    names = [r.name for r in view.model.rows()]
    assert names == ["Team 01", "Team 04", "Lillebitte Team", "Eneste Team", "Total"]
    view.anonymise_box.setChecked(True)
    rows = view.model.rows()
    assert [r.name for r in rows] == ["Team 01", "other teams", "Total"]
    # 3 + 1 staff < k: the smallest other team (Team 04, 6 staff) is merged with them
    assert min_staff() == 5 and rows[1].staff == 10 and rows[1].teams == 3
    assert sum(r.staff for r in rows[:-1]) == rows[-1].staff
    shown = " ".join(view.model.data(view.model.index(r, c)) for r in range(view.model.rowCount())
                     for c in range(view.model.columnCount()))
    shown += view.chart_text.text() + " ".join(view.problems.item(i).text() for i in range(view.problems.count()))
    assert "Lillebitte" not in shown and "Eneste" not in shown and "Team 04" not in shown
    assert "Medarbejder" not in shown
    assert not view.export_button.isEnabled()  # the workbook is not anonymised
    # positions, anonymised: the small teams' shares summed into their row
    view.positions_spin.setValue(2)
    view.compute_button.click()
    assert view.positions_table.rowCount() == len(rows) - 1
    total = sum(float(view.positions_table.item(r, 2).text()) for r in range(view.positions_table.rowCount()))
    assert total == pytest.approx(2.0)
    assert view.plan.optimal and "proved the placing optimal" in view.positions_note.text()
    view.anonymise_box.setChecked(False)
    assert view.positions_table.rowCount() == 4
    view.close()


def test_enter_opens_the_team_read_only_when_it_is_locked(window, qtbot, monkeypatch, folder, tmp_path):
    copy = tmp_path / "open"
    shutil.copytree(folder, copy)
    target = copy / "team03.sagstal"
    from sagstal_desktop.io.file_lock import EditLock

    lock = EditLock(target)
    lock.acquire()  # the team leader has it open
    try:
        view = _view(window, qtbot, monkeypatch, [copy])
        row = next(r for r in range(view.proxy.rowCount())
                   if view.proxy.data(view.proxy.index(r, 0)).startswith("Team 03"))
        assert "(open for editing)" in view.proxy.data(view.proxy.index(row, 0))
        view.table.setFocus()
        view.table.setCurrentIndex(view.proxy.index(row, 0))
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
        assert window.document_path() == target
        assert window.shared.read_only
        assert window.team().info.team_name == "Team 03"
    finally:
        lock.release()
    # the total row opens nothing
    view.open_index(view.proxy.index(view.proxy.rowCount() - 1, 0))
    assert window.document_path() == target


def test_memo_and_workbook_from_the_view(window, qtbot, monkeypatch, folder, tmp_path):
    from conftest import pdf_text

    view = _view(window, qtbot, monkeypatch, [folder])
    pdf, xlsx = tmp_path / "afdeling.pdf", tmp_path / "afdeling.xlsx"
    monkeypatch.setattr(handlers, "ask_save_path", lambda _p, _t, name, _s: pdf if name.endswith("pdf") else xlsx)
    view.memo_button.click()
    text = " ".join(pdf_text(pdf).split())
    data = department_json(view.department, "en")
    assert "Memo on the department's caseloads and staffing" in text
    assert format_number(data["total"]["fte_needed"]["max"], 2, "en") in text
    # the memo and the window show the same figures: each row of the view, cell by cell, is a row of the memo
    keys = ("team", "staff", "cases", "available", "need_max", "need_min", "short_max", "load", "over", "free_fte",
            "sustained")
    model = view.model
    for r in range(model.rowCount()):
        row = " ".join(model.data(model.index(r, COLUMNS.index(key))) for key in keys)
        assert row in text, row
    view.export_button.click()
    import openpyxl

    book = openpyxl.load_workbook(xlsx, read_only=True)
    assert len(book.sheetnames) == 4
    book.close()
    assert json.dumps(data)  # the figures shown are the JSON's
    view.close()


def test_help_opens_at_the_department_section(window, qtbot, monkeypatch, folder):
    from sagstal_desktop.gui.dialogs.help import HelpDialog

    view = _view(window, qtbot, monkeypatch, [folder])
    view.help_button.click()
    help_dialog = window.findChild(HelpDialog)
    assert help_dialog is not None and help_dialog.isVisible()
    text = help_dialog.plain_text()
    assert "File → Open department…" in text and "Anonymise shows team-level figures only" in text
    assert "sagstal memo --department DIR -o afdeling.pdf" in text
    assert help_dialog.browser.verticalScrollBar().value() > 0  # scrolled to #afdeling, near the end
    view.close()


def test_the_open_question_offers_a_folder_files_and_annuller(make_window, danish, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    win = make_window(lang="da")
    seen: list[str] = []

    def answer(box):  # the user reads the buttons and presses Annuller
        seen.extend(b.text().replace("&", "") for b in box.buttons())
        next(b for b in box.buttons() if b.text() == "Annuller").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert handlers.ask_department_paths(win) is None  # cancelled: nothing read
    assert sorted(seen) == ["Annuller", "Filer…", "Mappe…"]
    assert win.actions[Act.OPEN_DEPARTMENT].text() == "Åbn a&fdeling…"


def test_the_table_fits_1180_wide_in_danish_and_the_hidden_columns_can_be_chosen(window, qtbot, monkeypatch,
                                                                                 folder):
    """Two-line heads and the secondary columns (FTE at mid and at min) behind "Kolonner": no
    sideways scrolling in the 1180-wide view; the chooser brings a column back."""
    window.set_language("da")
    view = _view(window, qtbot, monkeypatch, [folder])
    view.resize(1180, 620)
    qtbot.wait(50)
    header = view.table.horizontalHeader()
    assert view.columns_button.text() == "&Kolonner" and view.columns_button.accessibleName() == "Kolonner"
    assert [view.table.isColumnHidden(c) for c in range(len(COLUMNS))] == [k in ("need_mid", "need_min")
                                                                           for k in COLUMNS]
    assert header.length() <= view.table.viewport().width()
    assert view.table.horizontalScrollBar().maximum() == 0
    assert view.model.headerData(_column(view, "need_max"), Qt.Orientation.Horizontal) == "Årsværk\nved maks."
    view.column_actions["need_mid"].trigger()
    assert not view.table.isColumnHidden(_column(view, "need_mid"))
    view.column_actions["need_mid"].trigger()
    assert view.table.isColumnHidden(_column(view, "need_mid"))


def test_switching_the_language_while_the_view_is_open_translates_it(window, qtbot, monkeypatch, folder):
    window.set_language("da")
    view = _view(window, qtbot, monkeypatch, [folder])
    assert view.windowTitle() == "Afdeling" and "teamfiler" in view.summary.text()
    danish_chart_text = view.chart_text.text()
    window.set_language("en")
    qtbot.waitUntil(lambda: view.windowTitle() == "Department")
    assert "11 of 12 team files" in view.summary.text()
    assert view.export_button.text() == "&Export to Excel…"
    assert view.export_button.accessibleName() == "Export to Excel…"
    assert view.tabs.tabText(0) == "&Loads" and view.tabs.tabText(1).startswith("&Problems (")
    assert view.model.headerData(_column(view, "load"), Qt.Orientation.Horizontal) == "Load"
    assert view.model.data(view.model.index(view.model.rowCount() - 1, 0)) == "Total"
    assert view.column_actions["need_max"].text() == view.model.full_title("need_max", "en")
    assert view.chart_text.text() == view.chart.text() != danish_chart_text


def test_the_chart_text_is_dark_enough_to_read(window, qtbot, monkeypatch, folder):
    """Team names, ticks and the axis title at WCAG AA (4.5:1) on the chart's white."""
    from colour_science import contrast

    view = _view(window, qtbot, monkeypatch, [folder])
    plot = view.chart.getPlotItem()
    for axis in ("left", "bottom"):
        assert contrast(plot.getAxis(axis).textPen().color().name(), "#ffffff") >= 4.5, axis
    assert 'color: #222222' in plot.getAxis("bottom").label.toHtml().replace("color:#", "color: #")


def test_the_chart_labels_the_minimum_with_its_percentage_and_its_axis_starts_at_0(qtbot):
    from pyqtgraph import InfiniteLine
    from PySide6.QtGui import QImage, QPainter

    from sagstal_desktop.gui.widgets.department_chart import DepartmentChart

    chart = DepartmentChart()
    qtbot.addWidget(chart)
    chart.resize(800, 400)
    chart.show_rows(["Nord", "Syd"], [0.9, 1.2], 35 / 50, "ds", "da")
    chart.show()
    qtbot.waitExposed(chart)
    labels = [item.label.toPlainText() for item in chart.getPlotItem().items if isinstance(item, InfiniteLine)]
    assert labels == ["DS maks. 100 %", "DS min. 70 %"]
    axis = chart.getPlotItem().getAxis("bottom")
    image = QImage(800, 400, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        drawn = [text for _, _, text in axis.generateDrawSpecs(painter)[2]]
    finally:
        painter.end()
    assert chart.getPlotItem().viewRange()[0][0] == 0
    assert drawn[0] == "0"  # the first tick label drawn is the axis' start

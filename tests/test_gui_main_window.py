"""The main window driven with pytest-qt: edits recompute table, summary and chart; undo;
refused input; staff rows; norm-set choice; chart clicks; sorting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit

from sagstal_desktop.core.load import Status
from sagstal_desktop.gui import status_style
from sagstal_desktop.gui.actions import Act


def _cell(win, name: str, column: int):
    """The view (proxy) index of ``name``'s row in ``column``."""
    model = win.model()
    row = next(r for r, m in enumerate(win.team().staff) if m.name == name)
    return win.table.model().mapFromSource(model.index(row, column))


def _person(win, name: str):
    return next(p for p in win.summary().persons if p.name == name)


def _text(win, name: str, key: str) -> str:
    return _cell(win, name, win.model().column_of(key)).data()


def test_opens_on_the_demo_with_hand_computed_figures(window):
    assert window.windowTitle().startswith("Demo team (not saved)")
    assert window.document_path() is None
    assert not window.isWindowModified()
    assert _text(window, "Camilla Nørgaard", "fte") == "0.81"  # 30 / 37
    assert _text(window, "Camilla Nørgaard", "load") == "98.7%"  # 40 / 50 / (30 / 37)
    assert _text(window, "Camilla Nørgaard", "fte_caseload") == "49.3"  # 40 * 37 / 30
    assert _text(window, "Camilla Nørgaard", "status") == "Within DS range"
    panel = window.summary_panel
    assert panel.value("available") == "10.83"
    assert panel.value("needed_max") == "10.45"
    assert panel.value("shortfall_max") == "0.38 surplus"
    assert panel.value("shortfall_mid") == "1.31 short"
    assert panel.value("over") == "5 of 12 (42%)"
    assert panel.value("average") == "45.8"  # 507 cases * 37 / 410 casework hours
    assert panel.value("range") == "35-48.5"
    assert "Sickness benefit: 57" in panel.national_text()  # the 2023 survey's national average
    assert "Source:" in panel.national_text()
    assert panel.value("cost_mid") == "DKK 518,226"  # 1.3057 FTE * 396,900 DKK


def test_editing_a_count_recomputes_everything_and_undo_restores(window, qtbot):
    index = _cell(window, "Camilla Nørgaard", window.model().column_of_case_type("sygedagpenge"))
    assert window.table.model().setData(index, "45")

    # 45 / 50 / (30 / 37) = 1.11; 45 * 37 / 30 = 55.5
    assert _text(window, "Camilla Nørgaard", "load") == "111.0%"
    assert _text(window, "Camilla Nørgaard", "fte_caseload") == "55.5"
    assert _text(window, "Camilla Nørgaard", "status") == "Over DS max"
    load_index = _cell(window, "Camilla Nørgaard", window.model().column_of("load"))
    assert load_index.data(Qt.ItemDataRole.BackgroundRole) == status_style.background(Status.OVER)
    panel = window.summary_panel
    assert panel.value("needed_max") == "10.55"  # 10.4533 + 5 / 50
    assert panel.value("over") == "6 of 12 (50%)"
    assert panel.value("average") == "46.2"  # 512 * 37 / 410
    assert panel.value("shortfall_max") == "0.28 surplus"
    chart = window.chart_host().chart()
    bar = next(b for b in chart.bars() if b.name == "Camilla Nørgaard")
    assert bar.load_pct == pytest.approx(111.0)
    assert bar.colour == status_style.bar_hex(Status.OVER)
    assert window.isWindowModified()

    window.actions[Act.UNDO].trigger()
    assert window.team().staff[2].counts["sygedagpenge"] == 40
    assert _text(window, "Camilla Nørgaard", "load") == "98.7%"
    assert _text(window, "Camilla Nørgaard", "status") == "Within DS range"
    assert panel.value("over") == "5 of 12 (42%)"
    assert next(b for b in chart.bars() if b.name == "Camilla Nørgaard").load_pct == pytest.approx(98.6667, abs=1e-3)
    assert chart.bars()[2].colour == status_style.bar_hex(Status.WITHIN)
    assert not window.isWindowModified()

    window.actions[Act.REDO].trigger()
    assert _text(window, "Camilla Nørgaard", "load") == "111.0%"


@pytest.mark.parametrize(
    ("column", "typed", "expected"),
    [
        ("hours", "abc", '"abc" is not a number'),
        ("hours", "300", '"300" hours is outside 0-48'),
        ("count", "-3", '"-3" is negative'),
        ("count", "4,5", '"4,5" is not a whole number of cases'),
        ("count", "ti", '"ti" is not a number'),
        ("other", "40", "more than the 30 weekly hours"),
        ("start", "31.2.2020", "is not a date"),
        ("name", "  ", "the name is empty"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(window, column, typed, expected):
    from sagstal_desktop.gui.models.staff_model import COL_HOURS, COL_NAME, COL_OTHER_HOURS, COL_START

    columns = {"hours": COL_HOURS, "other": COL_OTHER_HOURS, "start": COL_START, "name": COL_NAME,
               "count": window.model().column_of_case_type("sygedagpenge")}
    before = window.team().copy()
    index = _cell(window, "Camilla Nørgaard", columns[column])
    assert not window.table.model().setData(index, typed)
    message = window.last_message()
    assert expected in message
    assert "Camilla Nørgaard" in message and "Row 3" in message
    assert window.statusBar().currentMessage() == message
    assert window.team().staff == before.staff
    assert window.document().undo_stack.count() == 0
    assert not window.isWindowModified()


def test_bad_input_typed_into_the_cell_editor_is_refused(window, qtbot):
    from sagstal_desktop.gui.models.staff_model import COL_HOURS

    index = _cell(window, "Camilla Nørgaard", COL_HOURS)
    window.table.setCurrentIndex(index)
    window.table.edit(index)
    editor = window.table.findChild(QLineEdit)
    assert editor is not None
    editor.setText("300")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits in a queued call
    qtbot.waitUntil(lambda: window.last_message() != "", timeout=2000)
    assert "Weekly hours" in window.last_message() and '"300" hours is outside 0-48' in window.last_message()
    assert window.team().staff[2].weekly_hours == 30
    qtbot.waitUntil(lambda: window.table.findChild(QLineEdit) is None, timeout=2000)  # old editor gone
    window.table.edit(index)
    editor = window.table.findChild(QLineEdit)
    editor.setText("32,5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.team().staff[2].weekly_hours != 30, timeout=2000)
    assert window.team().staff[2].weekly_hours == 32.5
    assert index.data() == "32.5"


def test_weekly_hours_below_other_hours_are_refused(window):
    from sagstal_desktop.gui.models.staff_model import COL_HOURS

    index = _cell(window, "Dorthe Ågaard", COL_HOURS)  # 37 h with 6 h TR work
    assert not window.table.model().setData(index, "5")
    assert "Dorthe Ågaard" in window.last_message()
    assert window.team().staff[3].weekly_hours == 37


def test_add_duplicate_remove_staff_are_undoable(window):
    stack = window.document().undo_stack
    window.select_member(window.team().staff[0].id)
    window.actions[Act.DUPLICATE].trigger()
    assert [m.name for m in window.team().staff[:2]] == ["Anne Holm", "Anne Holm (copy)"]
    assert window.team().staff[1].counts == window.team().staff[0].counts
    assert window.team().staff[1].id != window.team().staff[0].id
    assert window.summary_panel.value("staff") == "13 persons"

    window.select_member(window.team().staff[1].id)
    window.actions[Act.REMOVE].trigger()
    assert len(window.team().staff) == 12
    assert "Anne Holm (copy)" in window.last_message()

    window.actions[Act.ADD].trigger()
    window.table.closePersistentEditor(window.table.currentIndex())
    added = window.team().staff[-1] if window.team().staff[-1].name == "New staff member" else None
    assert added is not None or any(m.name == "New staff member" for m in window.team().staff)
    new = next(m for m in window.team().staff if m.name == "New staff member")
    assert new.counts == {"sygedagpenge": 0, "jobafklaring": 0}
    assert _person(window, "New staff member").status is Status.BELOW  # 0 cases, 37 h
    assert stack.count() == 3
    for _ in range(3):
        stack.undo()
    assert [m.name for m in window.team().staff] == [p.name for p in window.summary().persons]
    assert len(window.team().staff) == 12
    assert not window.isWindowModified()


def test_norm_set_choice_recomputes_and_is_undoable(window):
    combo = window.norm_combo
    index = combo.findData("ds_current")
    assert index >= 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert window.norm_set().id == "ds_current"
    # newer DS set: sygedagpenge 25-45 -> 40 / 45 / (30 / 37) = 1.0963
    assert _text(window, "Camilla Nørgaard", "load") == "109.6%"
    window.document().undo_stack.undo()
    assert window.norm_set().id == "ds_2020"
    assert combo.currentData() == "ds_2020"
    assert _text(window, "Camilla Nørgaard", "load") == "98.7%"


def test_clicking_a_bar_selects_the_row_and_hover_text_has_the_figures(window, qtbot):
    chart = window.chart_host().chart()
    qtbot.wait(10)
    pos = chart.bar_centre(2)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(round(pos.x()), round(pos.y())))
    assert window.selected_member_ids() == [window.team().staff[2].id]
    assert chart.bar_at(pos) == 2
    text = chart.describe(2)
    assert "Camilla Nørgaard" in text and "98.7%" in text and "49.3" in text and "Within DS range" in text
    assert chart.min_level() == pytest.approx(10.4533333 / 14.4857143 * 100, rel=1e-6)


def test_chart_is_made_with_the_window(window):
    assert window.chart_host().chart() is not None
    assert len(window.chart_host().chart().bars()) == 12


def test_sorting_by_load_orders_rows(window):
    column = window.model().column_of("load")
    window.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    first = window.table.model().index(0, 0).data()
    last = window.table.model().index(11, 0).data()
    assert (first, last) == ("Karin Østergaard", "Hanne Kjær")  # 58.0 % and 126.0 %
    # editing while sorted still changes the right person
    index = _cell(window, "Ida Bech", window.model().column_of_case_type("sygedagpenge"))
    assert window.table.model().setData(index, "21")
    assert next(m for m in window.team().staff if m.name == "Ida Bech").counts["sygedagpenge"] == 21


def test_show_all_case_types_adds_columns_and_counts_there(window):
    window.set_show_all_case_types(True)
    model = window.model()
    assert "born_familie" in model.case_types() and len(model.case_types()) > 10
    index = _cell(window, "Anne Holm", model.column_of_case_type("integration"))
    assert index.data() == ""
    assert window.table.model().setData(index, "3")
    assert _person(window, "Anne Holm").total_cases == 60
    window.set_show_all_case_types(False)
    assert "integration" in model.case_types()  # Anne now holds such cases
    window.document().undo_stack.undo()
    assert "integration" not in model.case_types()


def test_apply_team_is_one_undo_step(window):
    new_team = window.team().copy()
    new_team.info.team_name = "Team Syd"
    new_team.staff = new_team.staff[:3]
    window.apply_team(new_team, "Import")
    assert window.summary().staff_count == 3
    assert window.model().rowCount() == 3
    window.document().undo_stack.undo()
    assert window.summary().staff_count == 12
    assert window.team().info.team_name == "Team Nord"


def test_formula_tooltips_use_the_norm_sets_full_time_hours(window):
    model = window.model()
    tip = model.headerData(model.column_of("fte"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "/ 37, reduced for newcomers" in tip
    tip = model.headerData(model.column_of("fte_caseload"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "× 37 / casework hours" in tip and "{fth}" not in tip


def test_each_name_has_a_status_marker_and_says_the_status(window):
    """The status is seen beside the (frozen) name without scrolling to the Status column: a square in
    the status's colour, and the status in words as the name's tooltip."""
    from sagstal_desktop.gui.models.staff_model import COL_NAME

    model = window.model()
    for row, person in enumerate(window.summary().persons):
        icon = model.data(model.index(row, COL_NAME), Qt.ItemDataRole.DecorationRole)
        image = icon.pixmap(status_style.MARKER_PX, status_style.MARKER_PX).toImage()
        centre = image.pixelColor(status_style.MARKER_PX // 2, status_style.MARKER_PX // 2)
        assert centre.name() == status_style.bar_hex(person.status)
        tooltip = model.data(model.index(row, COL_NAME), Qt.ItemDataRole.ToolTipRole)
        assert tooltip.splitlines()[0] == status_style.label(person.status, window.norm_set(), "en")
        assert model.data(model.index(row, COL_NAME + 1), Qt.ItemDataRole.DecorationRole) is None
    statuses = {p.status for p in window.summary().persons}
    assert {Status.OVER, Status.WITHIN, Status.BELOW} <= statuses  # the demo shows all three

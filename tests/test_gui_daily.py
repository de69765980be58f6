"""Daily use (issue 13): refused input stays visible, undo texts say what they undo, Excel-style
copy, paste and fill down as one undo step each."""

from __future__ import annotations

import pytest
from helpers.teams import big_demo_team as _big_team
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from sagstal_desktop.gui.actions import Act
from sagstal_desktop.gui.models.staff_model import COL_HOURS, COL_NAME, COL_OTHER_HOURS, REFUSED_BACKGROUND


def _view_index(win, name: str, column: int):
    row = next(r for r, m in enumerate(win.team().staff) if m.name == name)
    return win.table.model().mapFromSource(win.model().index(row, column))


def _sick(win) -> int:
    return win.model().column_of_case_type("sygedagpenge")


def test_refused_value_stays_marked_with_its_message_until_esc(window, qtbot):
    index = _view_index(window, "Bo Jensen", _sick(window))
    assert not window.table.model().setData(index, "mange")
    assert index.data() == "mange"  # still visible where it was typed
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert '"mange" is not a number' in tip and "Bo Jensen" in tip
    assert index.data(Qt.ItemDataRole.BackgroundRole).name() == REFUSED_BACKGROUND
    assert window.statusBar().currentMessage() == tip
    assert window.team().staff[1].counts["sygedagpenge"] == 48
    qtbot.wait(50)
    assert window.statusBar().currentMessage() == tip  # no timeout: it stays

    window.table.setFocus()
    window.table.setCurrentIndex(index)
    qtbot.keyClick(window.table, Qt.Key.Key_Escape)
    assert index.data() == "48"
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    assert window.statusBar().currentMessage() == ""


def test_a_corrected_value_clears_the_mark(window):
    index = _view_index(window, "Bo Jensen", COL_HOURS)
    assert not window.table.model().setData(index, "99")
    assert index.data() == "99"
    assert window.table.model().setData(index, "32")
    assert index.data() == "32"
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    assert window.model().refused(index.row(), COL_HOURS) is None




def test_undo_and_redo_texts_say_what_they_undo(make_window, danish):
    window = make_window(lang="da")
    index = _view_index(window, "Bo Jensen", _sick(window))
    assert window.table.model().setData(index, "50")
    stack = window.document().undo_stack
    assert stack.undoText() == "Sygedagpenge for Bo Jensen 48 → 50"
    assert window.actions[Act.UNDO].text() == "&Fortryd: Sygedagpenge for Bo Jensen 48 → 50"
    window.actions[Act.UNDO].trigger()
    assert window.team().staff[1].counts["sygedagpenge"] == 48
    assert window.actions[Act.REDO].text() == "&Gentag: Sygedagpenge for Bo Jensen 48 → 50"
    assert window.actions[Act.UNDO].text() == "&Fortryd"
    hours = _view_index(window, "Bo Jensen", COL_HOURS)
    assert window.table.model().setData(hours, "32,5")
    assert stack.undoText() == "Timer pr. uge for Bo Jensen 37 → 32,5"


def _select(window, top_left, bottom_right):
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    window.table.setCurrentIndex(top_left)
    window.table.selectionModel().select(QItemSelection(top_left, bottom_right),
                                         QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_copy_gives_tab_separated_text_with_danish_decimal_comma(make_window, danish):
    window = make_window(lang="da")
    window.document().set_member_field(window.team().staff[1].id, "weekly_hours", 32.5, "x")
    _select(window, _view_index(window, "Anne Holm", COL_NAME), _view_index(window, "Bo Jensen", COL_HOURS))
    text = window.clipboard.copy()
    assert text == "Anne Holm\t37\nBo Jensen\t32,5\n"
    assert QGuiApplication.clipboard().text() == text


def test_paste_a_block_with_a_bad_cell_is_one_undo_step_naming_the_refused_cell(window):
    sick = _sick(window)
    assert window.model().case_type_at(sick + 1) == "jobafklaring"
    before = window.team().copy()
    stack = window.document().undo_stack
    # three rows (Anne, Bo, Camilla) × two columns (sickness benefit, job clarification), one bad cell
    _select(window, _view_index(window, "Anne Holm", sick), _view_index(window, "Anne Holm", sick))
    window.clipboard.paste("50\t1\n49\tfire\n1.000\t3\n")
    staff = window.team().staff
    assert [m.counts["sygedagpenge"] for m in staff[:3]] == [50, 49, 1000]  # "1.000" is a thousand
    assert [m.counts["jobafklaring"] for m in staff[:3]] == [1, 4, 3]  # Bo's "fire" refused: still 4
    assert stack.count() == 1
    message = window.last_message()
    assert "Row 2 (Bo Jensen), Job clarification" in message and '"fire"' in message
    assert "5 cells changed, 1 refused" in message
    bad = _view_index(window, "Bo Jensen", sick + 1)
    assert bad.data() == "fire" and "fire" in bad.data(Qt.ItemDataRole.ToolTipRole)
    window.actions[Act.UNDO].trigger()
    assert window.team().staff == before.staff
    assert stack.count() == 1 and not stack.canUndo()


def test_paste_rows_beyond_the_end_adds_people_in_one_step(window):
    last = window.team().staff[-1]
    _select(window, _view_index(window, last.name, COL_NAME), _view_index(window, last.name, COL_NAME))
    window.clipboard.paste(f"{last.name}\t37\t0\nNy Person\t30\t2\nAnden Ny\t37,5\t0\n")
    staff = window.team().staff
    assert len(staff) == 14
    assert [(m.name, m.weekly_hours, m.other_hours) for m in staff[-2:]] == [("Ny Person", 30, 2),
                                                                             ("Anden Ny", 37.5, 0)]
    assert window.model().rowCount() == 14
    assert window.document().undo_stack.count() == 1
    window.actions[Act.UNDO].trigger()
    assert len(window.team().staff) == 12


def test_fill_down_copies_the_top_cell_as_one_step(window):
    column = COL_OTHER_HOURS
    window.document().set_member_field(window.team().staff[0].id, "other_hours", 3.0, "x")
    _select(window, _view_index(window, "Anne Holm", column), _view_index(window, "Emil Sørensen", column))
    stack = window.document().undo_stack
    window.actions[Act.FILL_DOWN].trigger()
    assert [m.other_hours for m in window.team().staff[:5]] == [3, 3, 3, 3, 3]
    assert stack.count() == 2
    assert stack.undoText() == "Fill down 4 cells"
    window.actions[Act.UNDO].trigger()
    assert [m.other_hours for m in window.team().staff[:5]] == [3, 0, 0, 6, 0]


@pytest.mark.parametrize("area", [(1366, 728), (1024, 600)])
def test_the_window_and_the_memo_preview_fit_the_available_screen(make_window, monkeypatch, area):
    from PySide6.QtCore import QSize

    from sagstal_desktop.gui import screen_fit

    monkeypatch.setattr(screen_fit, "available_size", lambda _widget=None: QSize(*area))
    window = make_window(show=False)
    assert window.width() <= area[0] and window.height() <= area[1]
    assert window.size() == QSize(min(1280, int(area[0] * 0.96)), min(800, int(area[1] * 0.96), area[1] - 40))
    from PySide6.QtWidgets import QDialog

    dialog = QDialog()
    dialog.setObjectName("memoPreviewDialog")
    screen_fit.fit_to_screen(dialog, 900, 1000)
    assert dialog.height() == min(int(area[1] * 0.96), area[1] - 40) and dialog.width() == 900


def test_a_resized_dialog_is_remembered_but_still_fits(qapp, monkeypatch):
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QDialog

    from sagstal_desktop.gui import screen_fit

    monkeypatch.setattr(screen_fit, "available_size", lambda _widget=None: QSize(1366, 728))
    dialog = QDialog()
    dialog.setObjectName("helpDialog")
    dialog.resize(700, 500)
    screen_fit.remember_size(dialog)
    again = QDialog()
    again.setObjectName("helpDialog")
    screen_fit.fit_to_screen(again, 900, 700)
    assert again.size() == QSize(700, 500)
    monkeypatch.setattr(screen_fit, "available_size", lambda _widget=None: QSize(640, 480))
    screen_fit.fit_to_screen(again, 900, 700)
    assert again.size() == QSize(614, 440)  # 480 less 40 for the window frame


def test_new_team_dialog_shows_the_chosen_columns_and_the_empty_hint(window, qtbot):
    from sagstal_desktop.gui.dialogs.new_team import NewTeamDialog

    window.files.maybe_save = lambda: True
    window.actions[Act.NEW].trigger()
    dialog = window.findChild(NewTeamDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.norm_combo.setCurrentIndex(dialog.norm_combo.findData("ds_2020"))
    dialog.check_type("sygedagpenge")
    dialog.check_type("jobafklaring")
    dialog.municipality.setText("Aarhus Kommune")
    dialog.team_name.setText("Team Syd")
    dialog.accept()
    team = window.team()
    assert team.staff == [] and team.settings.norm_set_id == "ds_2020"
    assert (team.info.municipality, team.info.team_name) == ("Aarhus Kommune", "Team Syd")
    assert window.model().case_types() == ["sygedagpenge", "jobafklaring"]
    assert window.windowTitle().startswith("Team Syd")
    assert window.empty_hint.isVisible()
    assert "no staff yet" in window.empty_hint.title.text()
    qtbot.mouseClick(window.empty_hint.buttons[Act.ADD], Qt.MouseButton.LeftButton)
    assert len(window.team().staff) == 1
    assert window.team().staff[0].counts == {"sygedagpenge": 0, "jobafklaring": 0}  # the columns persist
    assert not window.empty_hint.isVisible()



def test_the_empty_hint_stays_centred_in_the_table_while_shown(window, qtbot):
    from sagstal_desktop.core.model import Team

    window.show()
    qtbot.waitExposed(window)
    window.files.start_team(Team(), ["sygedagpenge"])
    hint, viewport = window.empty_hint, window.table.viewport()
    assert hint.isVisible() and hint.parentWidget() is viewport

    def centred() -> bool:
        return abs(hint.geometry().center().x() - viewport.rect().center().x()) <= 1

    assert centred()
    window.resize(window.width() + 300, window.height())
    qtbot.waitUntil(lambda: viewport.width() > 0 and centred())
    window.staff.add()  # hidden once the team has staff
    assert not hint.isVisible()
    window.document().undo_stack.undo()  # empty again: shown, and it follows the viewport again
    assert hint.isVisible()
    window.resize(window.width() - 400, window.height())
    qtbot.waitUntil(centred)

def test_pasting_into_an_empty_team_adds_the_people(window):
    from sagstal_desktop.core.model import Team

    window.files.start_team(Team(), ["sygedagpenge"])
    window.clipboard.paste("Bo Jensen\t37\t0\t1.3.2020\t48\nAnne Holm\t30\t2\t\t40\n")
    staff = window.team().staff
    assert [(m.name, m.weekly_hours, m.other_hours, m.counts) for m in staff] == [
        ("Bo Jensen", 37, 0, {"sygedagpenge": 48}), ("Anne Holm", 30, 2, {"sygedagpenge": 40})]
    assert staff[0].start_date.isoformat() == "2020-03-01" and staff[1].start_date is None
    assert window.document().undo_stack.count() == 1
    assert not window.empty_hint.isVisible()


def test_filter_by_status_and_search_by_name_also_filter_the_chart(window, qtbot):
    from sagstal_desktop.core.load import Status

    chart = window.chart_host().chart()
    qtbot.waitUntil(lambda: len(chart.bars()) == 12, timeout=3000)
    over = {p.name for p in window.summary().persons if p.status == Status.OVER}
    window.filter_bar.choose("over")
    view = window.table.model()
    shown = {view.index(r, COL_NAME).data() for r in range(view.rowCount())}
    assert shown == over and len(over) == 5
    qtbot.waitUntil(lambda: {b.name for b in chart.bars()} == over, timeout=2000)
    assert window.filter_bar.count.text() == "Showing 5 of 12"
    window.filter_bar.search.setText("bo j")
    assert [view.index(r, COL_NAME).data() for r in range(view.rowCount())] == (
        ["Bo Jensen"] if "Bo Jensen" in over else [])
    window.filter_bar.choose("all")
    assert [view.index(r, COL_NAME).data() for r in range(view.rowCount())] == ["Bo Jensen"]
    qtbot.waitUntil(lambda: [b.name for b in chart.bars()] == ["Bo Jensen"], timeout=2000)
    assert "Bo Jensen" in chart.describe(0)
    window.filter_bar.search.clear()
    qtbot.waitUntil(lambda: len(chart.bars()) == 12, timeout=2000)


def test_the_chart_follows_the_tables_sort(window, qtbot):
    chart = window.chart_host().chart()
    window.table.sortByColumn(window.model().column_of("load"), Qt.SortOrder.DescendingOrder)
    loads = sorted((p.load_max for p in window.summary().persons), reverse=True)
    qtbot.waitUntil(lambda: [round(b.load_pct, 6) for b in chart.bars()] == [round(v * 100, 6) for v in loads],
                    timeout=2000)
    top = chart.bars()[0]
    assert top.name == max(window.summary().persons, key=lambda p: p.load_max).name
    assert chart.describe(0).startswith(top.name)


def test_the_name_column_stays_visible_after_scrolling_right(make_window, qtbot):
    window = make_window(_big_team(300))
    window.resize(900, 600)
    window.set_show_all_case_types(True)
    qtbot.wait(20)
    bar = window.table.horizontalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    assert window.table.columnViewportPosition(COL_NAME) < 0  # the table's own name column is scrolled away
    frozen = window.table.frozen
    assert frozen.isVisible() and frozen.width() == window.table.columnWidth(COL_NAME)
    assert frozen.x() <= window.table.verticalHeader().width() + window.table.frameWidth()
    row = frozen.rowAt(5)
    assert frozen.model().index(row, COL_NAME).data() == window.table.model().index(row, COL_NAME).data()
    window.table.verticalScrollBar().setValue(100)
    assert frozen.verticalScrollBar().value() == 100  # scrolls with the table
    assert frozen.rowAt(0) == window.table.rowAt(0)


@pytest.mark.parametrize("size", [300, 1000])
def test_the_chart_stays_readable_for_big_teams(make_window, qtbot, size):
    from sagstal_desktop.gui.widgets.load_chart import ROW_PX

    window = make_window(_big_team(size))
    window.resize(1280, 737)
    chart = window.chart_host().chart()
    qtbot.waitUntil(lambda: len(chart.bars()) == size, timeout=5000)
    qtbot.waitUntil(lambda: chart.plot_rect().height() > 150, timeout=3000)
    first, last = chart.shown_range()
    height = chart.plot_rect().height()
    assert last >= 6
    assert first == 0 and (last + 1) * ROW_PX <= height  # every bar in sight has a row of its own
    ticks = chart.names_in_sight()
    assert [name for _, name in ticks][:last + 1] == [b.name for b in chart.bars()[:last + 1]]  # named
    assert len(ticks) <= last + 2  # only the bars in sight get a name
    assert chart.shown_label.isVisible() and f"of {size:,}" in chart.shown_label.text()  # 1,000 in English
    chart.scroll_to(size - 5)
    first, last = chart.shown_range()
    assert last == size - 1 and first == size - (last - first + 1)
    plot = chart.plot_rect()
    assert plot.top() <= chart.row_rect(first).top() and chart.row_rect(last).bottom() <= plot.bottom()
    ticks = chart.names_in_sight()
    assert ticks[0] == (first, chart.bars()[first].name) and ticks[-1][0] == size - 1


def test_ctrl_v_pastes_a_3x4_block_from_the_clipboard_with_one_bad_cell(make_window, qtbot, danish):
    from sagstal_desktop.gui.models.staff_model import COL_START

    window = make_window(lang="da")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # shortcuts need the active window
    before = window.team().copy()
    # hours, other hours, start date, sickness benefit for Anne, Bo and Camilla; Bo's start date is bad
    QGuiApplication.clipboard().setText("32,5\t2\t1.2.2019\t50\r\n37\t0\t31.2.2020\t47\r\n30\t1,5\t3.3.2021\t41\r\n")
    start = _view_index(window, "Anne Holm", COL_HOURS)
    _select(window, start, start)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    staff = window.team().staff
    assert [(m.weekly_hours, m.other_hours, m.counts["sygedagpenge"]) for m in staff[:3]] == [
        (32.5, 2, 50), (37, 0, 47), (30, 1.5, 41)]
    assert [m.start_date.isoformat() for m in staff[:3]] == ["2019-02-01", before.staff[1].start_date.isoformat(),
                                                             "2021-03-03"]
    message = window.last_message()
    assert "Række 2 (Bo Jensen), Ansat:" in message and "31.2.2020" in message
    assert _view_index(window, "Bo Jensen", COL_START).data() == "31.2.2020"  # shown, marked
    stack = window.document().undo_stack
    assert stack.count() == 1 and stack.undoText() == "Indsæt 3 × 4 celler"
    stack.undo()
    assert window.team().staff == before.staff


def test_the_chart_scrolls_to_the_person_chosen_in_the_table(make_window, qtbot):
    window = make_window(_big_team(300))
    window.resize(1280, 737)
    chart = window.chart_host().chart()
    qtbot.waitUntil(lambda: len(chart.bars()) == 300, timeout=5000)
    assert chart.shown_range()[0] == 0
    member = window.team().staff[250]
    window.select_member(member.id)
    first, last = chart.shown_range()
    assert first <= 250 <= last


def test_a_click_on_the_frozen_name_header_sorts_the_table(window, qtbot):
    frozen = window.table.frozen
    header = frozen.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center())
    view = window.table.model()
    names = [view.index(r, COL_NAME).data() for r in range(view.rowCount())]
    assert names == sorted(names, key=str.casefold)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center())
    names = [view.index(r, COL_NAME).data() for r in range(view.rowCount())]
    assert names == sorted(names, key=str.casefold, reverse=True)
    assert window.table.horizontalHeader().sortIndicatorSection() == COL_NAME


def test_the_wrapped_cost_source_keeps_a_length_limit(qapp):
    from sagstal_desktop.gui.widgets.wrapped_line import WrappedLineEdit

    field = WrappedLineEdit("Vores beregning", lines=3)
    field.setMaxLength(10)
    assert field.text() == "Vores bere"
    field.setText("a\nb")
    assert field.text() == "a b"  # one line of text, whatever was pasted


def test_counts_in_the_window_have_thousands_separators_in_danish(make_window, qtbot):
    window = make_window(_big_team(1000))
    window.set_language("da")
    window.chart_host().chart().scroll_to(0)
    assert "af 1.000" in window.chart_host().chart().shown_label.text()
    assert "af 1.000" in window.summary_panel._values["over"].text()
    window.filter_bar.search.setText("Anne")
    qtbot.waitUntil(lambda: "af 1.000" in window.filter_bar.count.text(), timeout=2000)

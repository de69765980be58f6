"""The load chart (QPainter): rows shrink so the demo team fits, the load axis has round ticks
in the language's number format whose labels never touch, an edit repaints only its person's row
(and nothing when that row is out of sight), the wheel and the keyboard move through the people,
hovering shows the figures, and the chart has an accessible name."""

from __future__ import annotations

import itertools
import math

import pytest
from helpers.teams import scaled_team as _big_team
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QHelpEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.gui.widgets.load_chart_layout import (
    MIN_ROW_PX,
    ROW_PX,
    TICK_GAP_PX,
    axis_ticks,
    axis_top,
    row_height,
    rows_in_sight,
)


def test_rows_shrink_only_when_that_shows_every_bar():
    assert row_height(12, 300, 15) == ROW_PX  # fits at full height
    assert row_height(12, 237, 15) == 19  # 12 × 20 = 240 > 237: 19 px rows show all 12
    assert row_height(14, 237, 15) == MIN_ROW_PX  # 237 // 14 = 16: just fits
    assert row_height(15, 237, 15) == ROW_PX  # 15 would need 15 px rows: scroll at full height instead
    assert row_height(300, 237, 15) == ROW_PX
    assert row_height(12, 237, 22) == 26  # a big font: a line and some air, scrolling
    assert rows_in_sight(237, 20) == 11 and rows_in_sight(10, 20) == 1


def test_the_axis_leaves_room_right_of_the_longest_bar_and_the_100_line_label():
    assert axis_top([50.0, 80.0], 500, 114) == pytest.approx(100 / (1 - 114 / 500))  # the label's room
    assert axis_top([150.0], 500, 114) == pytest.approx(162.0)  # 8 % over the longest bar
    assert axis_top([], 100, 114) == pytest.approx(108.0)  # too narrow for the label's room


@pytest.mark.parametrize("top", [108.0, 129.5, 162.0, 740.0, 1296.0, 25_000.0])
@pytest.mark.parametrize("plot_px", [120.0, 480.0, 900.0])
def test_ticks_are_round_steps_from_zero_with_room_for_their_labels(top, plot_px):
    label_px = 40.0
    ticks = axis_ticks(top, plot_px, label_px)
    assert ticks[0] == 0 and ticks[-1] <= top
    step = ticks[1] - ticks[0]
    exponent = math.floor(math.log10(step))
    assert round(step / 10 ** exponent, 9) in (1, 2, 5)
    assert all(b - a == pytest.approx(step) for a, b in itertools.pairwise(ticks))
    assert step / top * plot_px >= label_px + TICK_GAP_PX  # labels never touch
    assert top - ticks[-1] < step  # up to the axis's end


def test_the_demo_team_fits_the_chart_at_the_default_size(make_window, qtbot):
    window = make_window()
    window.resize(1280, 737)  # the window on a 1366 × 768 screen
    chart = window.chart_host().chart()
    qtbot.waitUntil(lambda: chart.plot_rect().height() > 200, timeout=3000)
    assert chart.shown_range() == (0, 11)
    assert chart.shown_label.isHidden()
    assert chart.row_rect(11).bottom() <= chart.plot_rect().bottom()
    assert chart.row_rect(0).height() >= MIN_ROW_PX


def test_axis_labels_are_danish_numbers_and_do_not_touch(make_window, qtbot, demo):
    team = demo.copy()
    team.staff[0].counts["sygedagpenge"] = 600  # 1,200 % of the maximum
    window = make_window(team, lang="da")
    chart = window.chart_host().chart()
    ticks = chart.ticks()
    labels = [label for _x, label in ticks]
    assert any("." in label for label in labels)  # thousands as 1.000
    step = float(labels[1].replace(".", ""))
    assert labels == [format_number(i * step, 0, "da") for i in range(len(labels))]
    metrics = chart.fontMetrics()
    spans = [(x - metrics.horizontalAdvance(text) / 2, x + metrics.horizontalAdvance(text) / 2) for x, text in ticks]
    assert all(right + 8 <= left for (_l, right), (left, _r) in itertools.pairwise(spans))
    assert max(b.load_pct for b in chart.bars()) == pytest.approx(1200, rel=0.01)
    assert chart.x_of(max(b.load_pct for b in chart.bars())) < chart.plot_rect().right()  # the bar fits


class _Paints(QObject):
    """The areas of the paint events a widget gets."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.rects: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, _obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
        return False


def test_an_edit_repaints_its_row_only_and_nothing_out_of_sight(make_window, qtbot, demo):
    window = make_window(_big_team(demo, 300))
    window.resize(1280, 737)
    chart = window.chart_host().chart()
    qtbot.waitUntil(lambda: chart.plot_rect().height() > 150, timeout=3000)
    QApplication.processEvents()
    paints = _Paints(chart)
    model = window.model()
    column = model.column_of_case_type("sygedagpenge")
    row = 4  # in sight; its load stays under the longest bar
    assert row <= chart.shown_range()[1]
    before = chart.bars()[row].load_pct
    assert model.setData(model.index(row, column), str(window.team().staff[row].counts["sygedagpenge"] - 3))
    qtbot.waitUntil(lambda: bool(paints.rects), timeout=2000)
    assert chart.bars()[row].load_pct < before
    assert paints.rects and all(chart.row_rect(row).toAlignedRect().contains(r) for r in paints.rects)

    paints.rects.clear()
    hidden = 250  # out of sight
    assert model.setData(model.index(hidden, column), str(window.team().staff[hidden].counts["sygedagpenge"] - 3))
    qtbot.wait(50)
    assert paints.rects == []


def test_wheel_and_keys_move_through_the_people_and_enter_selects(make_window, qtbot, demo):
    window = make_window(_big_team(demo, 300))
    window.resize(1280, 737)
    chart = window.chart_host().chart()
    qtbot.waitUntil(lambda: chart.plot_rect().height() > 150, timeout=3000)
    centre = QPointF(chart.plot_rect().center())
    wheel = QWheelEvent(centre, chart.mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(chart, wheel)
    assert chart.shown_range()[0] == 3  # three rows a notch
    chart.bring_into_sight(window.team().staff[3].id)
    chart.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_End, Qt.Key.Key_Up):
        qtbot.keyClick(chart, key)
    first, last = chart.shown_range()
    assert last == 299 and first <= 298  # End scrolled to the last row
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert window.selected_member_ids() == [window.team().staff[298].id]
    assert "Anne Holm 0288" not in chart.accessibleDescription()
    assert window.team().staff[298].name in chart.accessibleDescription()  # read out to screen readers


def test_hover_shows_the_figures_and_the_chart_has_a_name(make_window, qtbot):
    window = make_window()
    chart = window.chart_host().chart()
    assert chart.accessibleName() == "Load chart"
    window.set_language("da")
    assert chart.accessibleName() == "Belastningsdiagram"
    assert chart.accessibleDescription().startswith("Én bjælke pr. medarbejder")
    centre = chart.bar_centre(2).toPoint()
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, centre, chart.mapToGlobal(centre)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == chart.describe(2)
    assert "Camilla Nørgaard" in QToolTip.text() and "98,7 %" in QToolTip.text()
    QToolTip.hideText()
    name_pos = QPointF(10, chart.row_rect(5).center().y())  # the name column chooses the row too
    assert chart.bar_at(name_pos) == 5
    assert chart.bar_at(QPointF(10, chart.plot_rect().top() - 2)) is None  # above the rows

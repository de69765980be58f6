"""Case weight in the window (issue 27): the team settings' weighting, the split editor on a
count (one undoable edit; refused input named), both figures in the table, chart, summary and
legend, and new cases at a level in "Fordel nye sager"."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from sagstal_desktop.core.case_weight import Weighting
from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.wording import format_load
from sagstal_desktop.gui.actions import TABLE_ACTS, Act
from sagstal_desktop.gui.case_weight_text import split_line
from sagstal_desktop.gui.dialogs.case_split import CaseSplitDialog
from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog
from sagstal_desktop.gui.handlers import case_weight as split_actions
from sagstal_desktop.gui.widgets.summary_panel import SummaryPanel
from tests.conftest import TODAY

POINTS = Weighting("points", (1.0, 1.5, 2.0), "enkel", "Aftalt på teammødet 3.3.2026")


def _team(weighting: Weighting = POINTS) -> Team:
    """Two full-time caseworkers (37 h, DS max 45 sygedagpenge cases): A holds 38, B 30."""
    return Team(settings=TeamSettings(weighting=weighting),
                staff=[StaffMember(name="Anne", weekly_hours=37, start_date=date(2015, 1, 1),
                                   counts={"sygedagpenge": 38}),
                       StaffMember(name="Bent", weekly_hours=37, start_date=date(2015, 1, 1),
                                   counts={"sygedagpenge": 30})])


def _current(window, row: int, key_or_type: str) -> None:
    model = window.model()
    column = (model.column_of_case_type(key_or_type) if key_or_type in model.case_types()
              else model.column_of(key_or_type))
    index = window._proxy.mapFromSource(model.index(row, column))
    window.table.setCurrentIndex(index)


def _text(window, row: int, key: str) -> str:
    model = window.model()
    return model.index(row, model.column_of(key)).data()


def test_split_edit_changes_the_weighted_load_and_undo_restores_it(make_window, monkeypatch):
    window = make_window(_team())
    model = window.model()
    assert model.computed_keys()[3:] == ("load", "status", "load_unweighted")
    # unsplit, every case counts as enkel (1 point): 38 / 45 / 1 FTE
    assert _text(window, 0, "load") == format_load(38 / 45, "en", 1) == _text(window, 0, "load_unweighted")
    _current(window, 0, "sygedagpenge")
    dialog = split_actions.split_dialog(window, 0, model.column_of_case_type("sygedagpenge"), "sygedagpenge")
    dialog.fields["enkel"].setText("30")
    dialog.fields["kompleks"].setText("6")
    dialog.fields["saerligt"].setText("2")
    assert dialog.line.text() == "38 = 30 simple + 6 complex + 2 very complex"
    monkeypatch.setattr(CaseSplitDialog, "exec", lambda self: (self.accept(), self.result())[1])
    monkeypatch.setattr(split_actions, "split_dialog", lambda *a: dialog)
    window.actions[Act.CASE_SPLIT].trigger()
    # hand-computed: 30 × 1 + 6 × 1,5 + 2 × 2 = 43 points against DS max 45 for 1 FTE
    assert window.team().staff[0].levels == {"sygedagpenge": {"enkel": 30, "kompleks": 6, "saerligt": 2}}
    assert window.summary().persons[0].load_max == pytest.approx(43 / 45)
    assert _text(window, 0, "load") == format_load(43 / 45, "en", 1) == "95.6%"
    assert _text(window, 0, "load_unweighted") == format_load(38 / 45, "en", 1) == "84.4%"
    tip = model.index(0, model.column_of_case_type("sygedagpenge")).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("38 = 30 simple + 6 complex + 2 very complex")
    load_tip = model.index(0, model.column_of("load")).data(Qt.ItemDataRole.ToolTipRole)
    assert "unweighted 84.4%" in load_tip and "Status follows the weighted load" in load_tip
    assert "unweighted 84.4%" in model.index(0, model.column_of("load")).data(
        Qt.ItemDataRole.AccessibleDescriptionRole)
    stack = window.document().undo_stack
    assert stack.count() == 1 and "Case weight of" in stack.undoText()
    stack.undo()
    assert window.team().staff[0].levels == {}
    assert _text(window, 0, "load") == "84.4%"
    stack.redo()
    assert _text(window, 0, "load") == "95.6%"


def test_split_refused_names_the_cell_and_changes_nothing(make_window):
    window = make_window(_team())
    model = window.model()
    column = model.column_of_case_type("sygedagpenge")
    dialog = split_actions.split_dialog(window, 0, column, "sygedagpenge")
    dialog.fields["kompleks"].setText("30")
    dialog.fields["saerligt"].setText("9")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == ("Row 1 (Anne), Sickness benefit: 39 cases at a level are more than the 38 "
                                   "cases of the type – not changed.")
    dialog.fields["saerligt"].setText("-2")
    dialog.accept()
    assert dialog.error.text().startswith("Row 1 (Anne), Sickness benefit, very complex: \"-2\"")
    assert window.team().staff[0].levels == {} and window.document().undo_stack.count() == 0


def test_split_action_on_a_non_count_cell_says_so(make_window):
    window = make_window(_team())
    _current(window, 0, "load")
    window.actions[Act.CASE_SPLIT].trigger()
    assert "count of cases" in window.last_message()
    assert Act.CASE_SPLIT in TABLE_ACTS  # in the table's context menu
    assert window.actions[Act.CASE_SPLIT].shortcut().toString() == "Ctrl+L"


def test_lower_count_drops_the_split_and_undo_brings_it_back(make_window):
    team = _team()
    team.staff[0].levels = {"sygedagpenge": {"kompleks": 20}}
    window = make_window(team)
    index = window.model().index(0, window.model().column_of_case_type("sygedagpenge"))
    assert window.model().setData(index, "10")
    assert window.team().staff[0].levels == {}
    window.document().undo_stack.undo()
    assert window.team().staff[0].levels == {"sygedagpenge": {"kompleks": 20}}
    # hand-computed: 18 × 1 + 20 × 1,5 = 48 points / 45
    assert window.summary().persons[0].load_max == pytest.approx(48 / 45)


def test_off_leaves_the_window_figures_unchanged(make_window, demo):
    plain = make_window(demo)
    texts = [[plain.model().index(r, c).data() for c in range(plain.model().columnCount())]
             for r in range(plain.model().rowCount())]
    legend = plain.legend.texts()
    needed = plain.summary_panel.value("needed_max")
    split = demo.copy()
    split.staff[0].levels = {next(iter(split.staff[0].counts)): {"saerligt": 1}}  # a split, weighting off
    window = make_window(split)
    assert window.model().computed_keys() == ("fte", "total", "fte_caseload", "load", "status")
    assert [[window.model().index(r, c).data() for c in range(window.model().columnCount())]
            for r in range(window.model().rowCount())] == texts
    assert window.legend.texts() == legend and window.summary_panel.value("needed_max") == needed


def test_settings_dialog_sets_the_weighting_as_one_undoable_step(make_window, monkeypatch):
    window = make_window(_team(Weighting()))
    window.team().staff[0].levels = {"sygedagpenge": {"saerligt": 9}}
    dialog = TeamSettingsDialog(window.team(), window)
    assert dialog.weighting_mode.currentData() == "off" and not dialog.weighting_points["kompleks"].isEnabled()
    for widget in (dialog.weighting_mode, dialog.weighting_default, dialog.weighting_note,
                   *dialog.weighting_points.values()):
        assert widget.accessibleName()
    dialog.weighting_mode.setCurrentIndex(dialog.weighting_mode.findData("points"))
    assert dialog.weighting_points["kompleks"].isEnabled()
    hint = dialog.sizeHint()
    assert hint.width() <= 1280 and hint.height() <= 680  # fits a 1280x680 screen
    dialog.weighting_points["saerligt"].setText("0")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text().startswith("Points for very complex cases: \"0\" points must be more than 0")
    dialog.weighting_points["saerligt"].setText("2,5")
    dialog.weighting_note.setText("Teammøde 3.3.2026")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    weighting = dialog.result_settings().weighting
    assert weighting == Weighting("points", (1.0, 1.0, 2.5), "enkel", "Teammøde 3.3.2026")
    window.document().set_settings(dialog.result_info(), dialog.result_settings(), "Change team settings")
    # hand-computed: 29 × 1 + 9 × 2,5 = 51,5 points / 45
    assert window.summary().persons[0].load_max == pytest.approx(51.5 / 45)
    assert "load_unweighted" in window.model().computed_keys()
    assert any("Status follows the weighted load" in t for t in window.legend.texts())
    assert window.summary_panel._values["needed_max"].toolTip() == (
        f"Weighted cases: {(51.5 + 30) / 45:.2f}; unweighted: {(38 + 30) / 45:.2f}.")
    window.document().undo_stack.undo()
    assert window.team().settings.weighting == Weighting()
    assert window.model().computed_keys()[-2:] == ("load", "status")
    assert window.summary().persons[0].load_max == pytest.approx(38 / 45)


def test_summary_chart_show_both_figures(make_window):
    team = _team()
    team.staff[0].levels = {"sygedagpenge": {"saerligt": 38}}
    window = make_window(team)
    summary = window.summary()
    # hand-computed: 76 points / 45 = 1,69 over; unweighted 38/45 within
    assert summary.over_count == 1 and summary.over_count_unweighted == 0
    assert window.summary_panel.value("over") == "1 of 2 (50%)"
    assert window.summary_panel._values["over"].toolTip() == "Status follows the weighted load; unweighted 0."
    assert "Without case weight: 1.51 FTE needed at the maximum; 0 staff over it." in (
        window.summary_panel._norm_label.text())  # (38 + 30) / 45 = 1.51 unweighted
    tip = window.summary_panel._values["needed_max"].toolTip()
    assert tip == f"Weighted cases: {(76 + 30) / 45:.2f}; unweighted: {(38 + 30) / 45:.2f}."
    chart = window._chart_host.chart()
    index = next(i for i, bar in enumerate(chart.bars()) if bar.name == "Anne")
    assert "Unweighted: 84.4%" in chart.describe(index)
    assert "weighted" in chart.axis_label()


def test_distribute_new_cases_at_a_level(make_window):
    from sagstal_desktop.gui.handlers import planning as planning_actions

    window = make_window(_team())
    dialog = planning_actions.planning_dialog(window, "distribute")
    tab = dialog.distribute_tab
    assert tab.level_combo.accessibleName() and tab.level() is None
    tab.level_combo.setCurrentIndex(tab.level_combo.findData("kompleks"))
    tab.incoming_model.set_count("sygedagpenge", 4)
    tab.compute()
    given = {a.member_id: a.cases for a in tab.plan.assignments}
    assert sum(given.values()) == 4
    assert planning_actions.apply_plan(window, dialog)
    for member in window.team().staff:
        if given.get(member.id):
            assert member.levels == {"sygedagpenge": {"kompleks": given[member.id]}}
    # hand-computed: Bent (30) takes all 4 at 1,5 points: 30 + 6 = 36 < Anne's 38
    bent = window.team().staff[1]
    assert given == {bent.id: 4}
    assert window.summary().persons[1].load_max == pytest.approx(36 / 45)
    window.document().undo_stack.undo()
    assert bent.counts == {"sygedagpenge": 30} and bent.levels == {}


def test_split_line_names_the_rest_not_assessed():
    assert split_line(38, {"kompleks": 6}, "da") == "38 = 6 kompleks + 32 ikke vurderet"
    assert split_line(5, {}, "da") == "5 = 5 ikke vurderet"
    assert dataclasses.replace(POINTS).on
    assert TODAY


def test_planning_preview_shows_the_unweighted_loads_beside(make_window):
    from sagstal_desktop.gui.handlers import planning as planning_actions

    team = _team()
    team.staff[0].levels = {"sygedagpenge": {"saerligt": 10}}  # Anne: 28 + 20 = 48 points
    window = make_window(team)
    dialog = planning_actions.planning_dialog(window, "distribute")
    tab = dialog.distribute_tab
    tab.incoming_model.set_count("sygedagpenge", 2)
    tab.compute()
    model = tab.panel.model
    assert model.headerData(2, Qt.Orientation.Horizontal).startswith("After, weighted")
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Anne")
    assert model.index(row, 1).data() == format_load(48 / 45, "en", 1)
    assert model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole) == (
        f"Weighted: {format_load(48 / 45, 'en', 1)}; unweighted: {format_load(38 / 45, 'en', 1)}.")


def test_history_table_gives_the_unweighted_figures_of_a_weighted_snapshot(qapp):
    from sagstal_desktop.core.history import take_snapshot
    from sagstal_desktop.gui.models.trend_model import COLUMNS, TrendTableModel

    team = _team()
    team.staff[0].levels = {"sygedagpenge": {"saerligt": 38}}  # 76 points: over; unweighted 38/45 within
    take_snapshot(team, "vægtet", TODAY)
    team.settings = dataclasses.replace(team.settings, weighting=Weighting())
    take_snapshot(team, "uvægtet", date(2026, 11, 23))
    model = TrendTableModel()
    model.set_team(team, "en")
    over, need = COLUMNS.index("over_count"), COLUMNS.index("fte_needed_max")
    assert model.index(0, over).data() == "1" and model.index(1, over).data() == "0"
    assert model.index(0, over).data(Qt.ItemDataRole.ToolTipRole) == "Case-weighted: 1; unweighted: 0."
    assert model.index(0, need).data(Qt.ItemDataRole.ToolTipRole) == (
        f"Case-weighted: {(76 + 30) / 45:.1f}; unweighted: {(38 + 30) / 45:.1f}.")
    assert model.index(0, COLUMNS.index("norm_set")).data().endswith(" · weighted")
    assert model.index(1, need).data(Qt.ItemDataRole.ToolTipRole) is None  # measured without case weight


def test_comparison_table_gives_the_unweighted_figures(qapp):
    from sagstal_desktop.core.comparison import compare
    from sagstal_desktop.gui.models.compare_model import CompareTableModel

    team = _team()
    team.staff[0].levels = {"sygedagpenge": {"saerligt": 38}}
    model = CompareTableModel()
    model.set_comparison(compare(team, as_of=TODAY, lang="en"), "en")
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    over = next(r for label, r in rows.items() if label.startswith("Staff over"))
    assert model.index(over, 1).data() == "1"
    assert model.index(over, 1).data(Qt.ItemDataRole.ToolTipRole) == "Case-weighted: 1; unweighted: 0."
    anne = rows["Anne"]
    assert model.index(anne, 1).data() == f"{76 / 45 * 100:.0f} %"
    assert model.index(anne, 1).data(Qt.ItemDataRole.ToolTipRole) == (
        f"Case-weighted: {76 / 45 * 100:.0f} %; unweighted: {38 / 45 * 100:.0f} %.")
    team.settings = dataclasses.replace(team.settings, weighting=Weighting())
    model.set_comparison(compare(team, as_of=TODAY, lang="en"), "en")
    assert model.index(anne, 1).data(Qt.ItemDataRole.ToolTipRole) is None


def test_settings_dialog_sets_the_weighting(qtbot, demo, danish):
    dialog = TeamSettingsDialog(demo)
    qtbot.addWidget(dialog)
    assert dialog.weighting_mode.currentData() == "off"
    assert not dialog.weighting_points["kompleks"].isEnabled()  # points only in points mode
    assert dialog.weighting_mode.accessibleName() == "Sagernes tyngde"
    dialog.weighting_mode.setCurrentIndex(dialog.weighting_mode.findData("points"))
    assert dialog.weighting_points["kompleks"].isEnabled()
    dialog.weighting_points["kompleks"].setText("1,5")
    dialog.weighting_points["saerligt"].setText("2")
    dialog.weighting_default.setCurrentIndex(dialog.weighting_default.findData("kompleks"))
    dialog.weighting_note.setText("Teamets vurdering 2026")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_settings().weighting == Weighting("points", (1.0, 1.5, 2.0), "kompleks",
                                                           "Teamets vurdering 2026")
    assert dialog.result_info() == demo.info


@pytest.mark.parametrize("value", ["0", "-1", "abc", "1000"])
def test_settings_dialog_refuses_a_bad_point(qtbot, demo, danish, value):
    dialog = TeamSettingsDialog(demo)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.weighting_mode.setCurrentIndex(dialog.weighting_mode.findData("points"))
    dialog.weighting_points["saerligt"].setText(value)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Point for sager, der er særligt kompliceret" in dialog.error.text()
    assert dialog.result_settings() == demo.settings


def test_summary_panel_shows_the_unweighted_figures(qtbot, demo):
    demo.settings.weighting = Weighting("range", default_level="kompleks")
    summary = summarize(demo)
    panel = SummaryPanel()
    qtbot.addWidget(panel)
    panel.show_summary(summary, demo.norm_set(), "en")
    assert panel.value("needed_max") == f"{summary.fte_needed_max:.2f}"
    assert summary.fte_needed_max > summary.fte_needed_max_unweighted
    text = panel._norm_label.text()
    assert f"Without case weight: {summary.fte_needed_max_unweighted:.2f} FTE needed at the maximum" in text
    assert "Status follows the weighted load." in text
    assert panel._level_header[1].text() == "FTE needed for the weighted cases"
    demo.settings.weighting = Weighting()
    panel.show_summary(summarize(demo), demo.norm_set(), "en")
    assert "Without case weight" not in panel._norm_label.text()
    assert panel._level_header[1].text() == "FTE needed"


def test_status_stays_in_sight_in_a_1280_wide_window_with_case_weight(make_window, demo, qtbot):
    """On a 1280×720 screen the window is 1259 wide: with the case weight's extra load column the
    status still ends inside the table (it follows the weighted load; the name column gives way),
    and a wider window gives the name column its width back."""
    import copy

    team = copy.deepcopy(demo)
    team.settings = dataclasses.replace(team.settings, weighting=POINTS)
    window = make_window(team)
    window.set_language("da")
    window.resize(1259, 640)
    qtbot.wait(50)
    model, header = window.model(), window.table.horizontalHeader()
    status = model.column_of("status")
    assert model.computed_keys()[-3:] == ("load", "status", "load_unweighted")
    assert header.sectionPosition(status) + header.sectionSize(status) <= window.table.viewport().width()
    metrics = window.table.fontMetrics()
    assert header.sectionSize(status) >= max(metrics.horizontalAdvance(str(model.index(r, status).data()))
                                             for r in range(model.rowCount()))
    assert header.sectionSize(0) >= max(metrics.horizontalAdvance(p.name) for p in team.staff)
    window.resize(1900, 900)
    qtbot.wait(50)
    assert header.sectionSize(0) == 180


def test_the_summary_is_not_cut_off_in_a_1280_wide_window(make_window, demo, qtbot):
    """Its grid of FTE, shortfall and cost does not wrap: the summary's view is at least as wide as
    the panel needs (with the case weight's longer heads), so nothing on its right is hidden."""
    import copy

    team = copy.deepcopy(demo)
    team.settings = dataclasses.replace(team.settings, weighting=POINTS)
    window = make_window(team)
    window.set_language("da")
    window.resize(1259, 640)
    qtbot.wait(50)
    panel, view = window.summary_panel, window._summary_scroll.viewport()
    assert window.width() == 1259 and window.minimumSizeHint().width() <= 1259  # nothing forces it wider
    assert panel.minimumSizeHint().width() <= panel.width() <= view.width()
    assert window.table.viewport().width() > 900  # the table keeps most of the width
    # the legend's "Status følger den vægtede belastning" is a line of its own, under the swatches
    note = window.legend.findChild(QLabel, "legendWeighted")
    assert note.isVisible() and note.wordWrap() and note.text().startswith("Status følger den vægtede")
    assert window.legend.minimumSizeHint().width() < 700


def test_rebalance_preview_counts_the_moved_cases_at_their_level(make_window):
    from sagstal_desktop.gui.handlers import planning as planning_actions

    team = _team()
    team.staff[0].levels = {"sygedagpenge": {"saerligt": 38}}  # Anne: 76 points of 45
    window = make_window(team)
    dialog = planning_actions.planning_dialog(window, "rebalance")
    tab = dialog.rebalance_tab
    tab.start()
    tab.choose(2)
    assert [(m.from_name, m.to_name, m.cases) for m in tab.plan.moves] == [("Anne", "Bent", 2)]
    headline = tab.panel.headline.text()
    # the loads are the real ones: Anne 36 very complex cases at 2 points, Bent 30 + 2 x 2 points
    assert format_load(72 / 45, "en", 1) in headline and "Proven optimal." in headline
    assert planning_actions.apply_plan(window, dialog)
    assert [m.levels for m in window.team().staff] == [{"sygedagpenge": {"saerligt": 36}},
                                                       {"sygedagpenge": {"saerligt": 2}}]
    assert window.summary().persons[1].load_max == pytest.approx(34 / 45)


def test_rebalance_preview_says_why_nothing_is_proven(make_window):
    from sagstal_desktop.core.planning.case_levels import with_levels
    from sagstal_desktop.core.planning.problem import build_problem
    from sagstal_desktop.core.planning.rebalance import rebalance
    from sagstal_desktop.gui.handlers import planning as planning_actions

    team = _team()
    team.staff[0].counts = {"sygedagpenge": 20, "jobafklaring": 20}
    team.staff[0].levels = {"sygedagpenge": {"saerligt": 20}}
    window = make_window(team)
    # the plan as it may be stated without the level-exact model (no time left for it)
    plan = with_levels(rebalance(window.team(), 1, TODAY, window.norm_set()), build_problem(window.team(), TODAY), 1)
    assert plan.other_level_cases == 1 and not plan.optimal
    dialog = planning_actions.planning_dialog(window, "rebalance")
    panel = dialog.rebalance_tab.panel
    panel.show_plan(plan, [], "")
    assert "Proven optimal" not in panel.headline.text()
    assert panel.headline.text().endswith(
        "The plan is computed with every moved case counted as simple, but 1 of the cases the plan could move is "
        "assessed at another level; so it is not proven that the plan is the best. The loads are the real ones "
        "after the move. 1 of the moved cases is assessed at another level and counts at its own level in the "
        "loads.")

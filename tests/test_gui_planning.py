"""The planning dialog and the competences dialog in the window (qtbot): distribute new cases
and rebalance on the demo team, apply as one undoable step, cancel, and edit competences."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from sagstal_desktop.core.change import count_column
from sagstal_desktop.core.competences import area_entry
from sagstal_desktop.core.planning import distribute, rebalance
from sagstal_desktop.gui.actions import HANDLERS, Act, Menu
from sagstal_desktop.gui.background import Cancelled
from sagstal_desktop.gui.handlers import planning as planning_actions
from tests.conftest import TODAY


def _counts(window) -> dict[str, dict[str, int]]:
    return {m.id: dict(m.counts) for m in window.team().staff}


def _lines(panel) -> list[str]:
    return [panel.proposal_list.item(i).text() for i in range(panel.proposal_list.count())]


def test_distribute_ten_sickness_cases_preview_apply_undo(window):
    before = _counts(window)
    expected = distribute(window.team(), {"sygedagpenge": 10}, TODAY, window.norm_set())
    dialog = planning_actions.planning_dialog(window, "distribute")
    tab = dialog.distribute_tab
    assert not dialog.apply_button.isEnabled()
    tab.incoming_model.set_count("sygedagpenge", 10)
    tab.compute()
    # the preview: every person, load before and after, sorted by load after
    rows = tab.panel.model.persons()
    assert {p.member_id for p in rows} == {m.id for m in window.team().staff}
    after = [p.load_after for p in rows]
    assert after == sorted(after, reverse=True)
    model = tab.panel.model
    assert model.rowCount() == 12 and model.columnCount() == 3
    assert "DS max" in model.headerData(1, Qt.Orientation.Horizontal)
    assert model.index(0, 1).data().endswith("%") and model.index(0, 2).data().endswith("%")
    assert _lines(tab.panel) == ["1 sickness benefit case to Ida Bech", "9 sickness benefit cases to Karin Østergaard"]
    assert "Proven optimal" in tab.panel.headline.text()
    assert dialog.apply_button.isEnabled()

    assert planning_actions.apply_plan(window, dialog)
    stack = window.document().undo_stack
    assert stack.undoText() == "Distribute 10 new cases"
    given = {a.member_id: a.cases for a in expected.assignments}
    assert sum(given.values()) == 10
    for member in window.team().staff:
        assert member.counts["sygedagpenge"] == before[member.id]["sygedagpenge"] + given.get(member.id, 0)
        assert member.counts["jobafklaring"] == before[member.id]["jobafklaring"]
    stack.undo()
    assert _counts(window) == before
    stack.redo()
    assert sum(m.counts["sygedagpenge"] for m in window.team().staff) == sum(
        c["sygedagpenge"] for c in before.values()) + 10


def test_rebalance_at_most_eight_moves_apply_undo(window):
    before = _counts(window)
    dialog = planning_actions.planning_dialog(window, "rebalance")
    tab = dialog.rebalance_tab
    assert dialog.current_tab() is tab
    tab.start()
    points = tab.tradeoff_model.points()
    assert [p.max_moves for p in points] == list(range(len(points)))
    # the default K: the fewest moves reaching the best plan with at most 20 (the list stops there)
    default = rebalance(window.team(), 20, TODAY, window.norm_set())
    assert tab.k_spin.value() == tab.default_k() == default.moved_cases == points[-1].max_moves
    assert tab.plan.moves == default.moves
    tab.choose(8)
    expected = rebalance(window.team(), 8, TODAY, window.norm_set())
    assert tab.plan.moves == expected.moves and expected.moved_cases <= 8
    assert _lines(tab.panel) == ["1 sickness benefit case from Anne Holm to Karin Østergaard",
                                 "7 sickness benefit cases from Hanne Kjær to Karin Østergaard"]
    assert tab.tradeoff_table.selectionModel().selectedRows()[0].row() == 8
    assert tab.panel.headline.text() == ("Highest load: 126.0% → 112.0% of DS maximum. Staff over DS maximum: "
                                         "5 → 5. Proven optimal. Moved cases: 8.")

    planning_actions.apply_plan(window, dialog)
    assert window.document().undo_stack.undoText() == "Move 8 cases between staff"
    team_after = {m.id: m.counts for m in expected.team_after.staff}
    moved = 0
    for member in window.team().staff:
        assert member.counts == team_after[member.id]
        moved += sum(max(0, before[member.id][t] - n) for t, n in member.counts.items())
    assert moved == 8
    for case_type in ("sygedagpenge", "jobafklaring"):  # totals per type unchanged
        assert sum(m.counts[case_type] for m in window.team().staff) == sum(c[case_type] for c in before.values())
    window.document().undo_stack.undo()
    assert _counts(window) == before


def test_apply_counts_is_one_step_naming_exactly_the_changed_rows(window):
    document = window.document()
    staff = document.team.staff
    seen = []
    document.changed.connect(seen.append)
    old = staff[0].counts["sygedagpenge"]
    document.apply_counts({staff[0].id: {"sygedagpenge": old + 2}, staff[1].id: {"sygedagpenge": staff[1].counts[
        "sygedagpenge"]}}, "plan")
    assert document.undo_stack.count() == 1
    assert seen[-1].rows == frozenset({staff[0].id}) and seen[-1].columns == frozenset({count_column("sygedagpenge")})
    document.apply_counts({staff[1].id: {"sygedagpenge": staff[1].counts["sygedagpenge"]}}, "nothing")
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert staff[0].counts["sygedagpenge"] == old


@pytest.mark.parametrize("mode", ["distribute", "rebalance"])
def test_cancel_changes_nothing(window, monkeypatch, mode):
    from sagstal_desktop.gui.dialogs import planning

    before = _counts(window)

    def run_then_cancel(dialog):
        if mode == "distribute":
            dialog.distribute_tab.incoming_model.set_count("sygedagpenge", 10)
            dialog.distribute_tab.compute()
        else:
            dialog.rebalance_tab.start()
        assert dialog.changes()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(planning.PlanningDialog, "exec", run_then_cancel)
    window.actions[Act.DISTRIBUTE if mode == "distribute" else Act.REBALANCE].trigger()
    assert _counts(window) == before
    assert window.document().undo_stack.count() == 0
    assert window.last_message() == "Planning closed; nothing was changed."


def test_cancelled_computation_leaves_no_proposal(window):
    from sagstal_desktop.gui.dialogs.planning import PlanningDialog

    def cancelled(_label, _job):
        raise Cancelled

    dialog = PlanningDialog(window.team(), window.norm_set(), TODAY, ["sygedagpenge"], window, runner=cancelled)
    dialog.distribute_tab.incoming_model.set_count("sygedagpenge", 3)
    dialog.distribute_tab.compute()
    assert dialog.distribute_tab.plan is None and not dialog.apply_button.isEnabled()
    assert "cancelled" in dialog.distribute_tab.panel.message.text()


def test_a_type_nobody_may_take_gives_a_clear_message(window):
    document = window.document()
    for member in list(document.team.staff):
        document.set_competences(member.id, ("jobafklaring",), True, "only job clarification")
    dialog = planning_actions.planning_dialog(window, "distribute")
    tab = dialog.distribute_tab
    tab.incoming_model.set_count("sygedagpenge", 4)
    tab.compute()
    assert tab.plan is None and not dialog.apply_button.isEnabled()
    assert tab.panel.message.text().startswith("Nobody may take new sickness benefit cases")
    assert tab.panel.model.rowCount() == 0
    tab.incoming_model.set_count("sygedagpenge", 0)
    tab.compute()
    assert tab.panel.message.text() == "Enter the number of new cases for at least one case type."


def test_competences_dialog_edit_saved_in_team_and_undone(window, monkeypatch):
    from sagstal_desktop.gui.dialogs.competences import CompetencesDialog

    model = window.model()
    column = model.competence_column()
    member = window.team().staff[8]  # Ida Bech
    row = model.row_of(member.id)
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Competences"
    assert model.index(row, column).data() == "All"
    assert not model.flags(model.index(row, column)) & Qt.ItemFlag.ItemIsEditable

    def edit(dialog):
        assert dialog.default_box.isChecked() and not dialog.tree.isEnabled()
        dialog.default_box.setChecked(False)
        for group in window.norm_set().groups:
            dialog.set_area_checked(group.id, False)
        assert not dialog._buttons.button(dialog._buttons.StandardButton.Ok).isEnabled()  # nothing checked
        dialog.set_type_checked("jobafklaring", True)
        dialog.no_new_box.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CompetencesDialog, "exec", edit)
    window.select_member(member.id)
    index = window.table.model().index(window.table.currentIndex().row(), column)
    window.table.activated.emit(index)  # as a double-click or Enter on the competence column (Qt emits activated)
    group = window.norm_set().norm_for("jobafklaring").group_id
    whole_area = len(window.norm_set().group(group).types) == 1
    assert member.competences == ((area_entry(group),) if whole_area else ("jobafklaring",))
    assert member.takes_new_cases is False
    assert model.index(row, column).data().startswith("\u2298 ")
    assert "Takes no new cases" in model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
    stack = window.document().undo_stack
    assert stack.count() == 1 and stack.undoText() == "Change competences of Ida Bech"
    stack.undo()
    assert member.competences == () and member.takes_new_cases is True
    assert model.index(row, column).data() == "All"


def test_competences_dialog_keeps_entries_and_reads_back(window):
    from sagstal_desktop.gui.dialogs.competences import CompetencesDialog

    member = window.team().staff[0]
    member.competences = ("sygedagpenge", "some_subtype_not_listed")
    dialog = CompetencesDialog(member, window.team(), window.norm_set(), window)
    assert not dialog.default_box.isChecked()
    assert "sygedagpenge" in dialog.competences() or area_entry(
        window.norm_set().norm_for("sygedagpenge").group_id) in dialog.competences()
    assert dialog.competences()[-1] == "some_subtype_not_listed"
    dialog.default_box.setChecked(True)
    assert dialog.competences() == ()


def test_planning_menu_entries(window):
    team_menu = window.actions.menus[Menu.TEAM]
    texts = [a.text() for a in team_menu.actions()]
    assert texts[:2] == ["&Distribute new cases…", "&Rebalance cases…"]
    assert window.actions[Act.COMPETENCES] in window.actions.menus[Menu.EDIT].actions()
    assert window.actions[Act.COMPETENCES] in window.table.actions()
    for act in (Act.DISTRIBUTE, Act.REBALANCE, Act.COMPETENCES):
        assert HANDLERS[act][0] == "handlers.planning"
        assert callable(getattr(planning_actions, HANDLERS[act][1]))


def test_danish_wording(make_window):
    window = make_window(lang="da")
    from PySide6.QtWidgets import QApplication

    from sagstal_desktop.gui import qt_language

    qt_language.install_translations(QApplication.instance(), "da")
    dialog = planning_actions.planning_dialog(window, "distribute")
    tab = dialog.distribute_tab
    tab.incoming_model.set_count("sygedagpenge", 10)
    tab.compute()
    assert _lines(tab.panel) == ["1 sygedagpenge-sag til Ida Bech", "9 sygedagpenge-sager til Karin Østergaard"]
    assert tab.panel.headline.text() == ("Højeste belastning: 126,0 % → 126,0 % af DS' maksimum. Medarbejdere over "
                                         "DS' maksimum: 5 → 5. Bevist optimal.")
    assert tab.panel.model.headerData(2, Qt.Orientation.Horizontal) == "Efter\n(% af DS' maks.)"
    assert dialog.apply_button.text() == "Anvend"
    assert window.model().index(0, window.model().competence_column()).data() == "Alle"
    window.set_language("da")
    team_menu = [a.text() for a in window.actions.menus[Menu.TEAM].actions()]
    assert team_menu[:2] == ["&Fordel nye sager…", "&Omfordel sager…"]
    assert window.actions[Act.COMPETENCES].text() == "Kom&petencer…"


def _large_team(staff: int = 200):
    import random

    from sagstal_desktop.core.model import StaffMember, Team, TeamSettings

    rng = random.Random(7)
    team = Team(settings=TeamSettings(norm_set_id="ds_current"))
    types = ("sygedagpenge", "jobafklaring", "fleksjob", "integration")
    norm_set = team.norm_set()
    for i in range(staff):
        held = rng.sample(types, 2)
        counts = {t: round(rng.uniform(0.3, 0.7) * norm_set.norm_for(t).max) for t in held}
        team.staff.append(StaffMember(name=f"Medarbejder {i}", counts=counts,
                                      competences=tuple(held) if rng.random() < 0.7 else ()))
    return team


def test_large_team_trade_off_reports_progress_and_can_be_cancelled(make_window):
    from sagstal_desktop.gui.dialogs.planning import PlanningDialog

    window = make_window(_large_team())
    calls = []

    def cancel_after_two_points(_label, job):  # as run_with_progress does, cancelling mid-way
        from sagstal_desktop.core.planning.errors import PlanningCancelled

        try:
            return job(lambda done, total: calls.append((done, total)), lambda: len(calls) >= 2)
        except PlanningCancelled:
            raise Cancelled from None

    dialog = PlanningDialog(window.team(), window.norm_set(), TODAY, ["sygedagpenge"], window, "rebalance",
                            runner=cancel_after_two_points)
    dialog.rebalance_tab.start()
    assert calls == [(1, 21), (2, 21)]  # progress per trade-off point, stopped at the next one
    assert dialog.rebalance_tab.plan is None and not dialog.rebalance_tab.started
    assert "cancelled" in dialog.rebalance_tab.panel.message.text()
    assert window.document().undo_stack.count() == 0


def test_distribute_two_types_matches_the_core_proposal(window):
    incoming = {"sygedagpenge": 5, "jobafklaring": 3}
    expected = distribute(window.team(), incoming, TODAY, window.norm_set())
    dialog = planning_actions.planning_dialog(window, "distribute")
    for case_type, cases in incoming.items():
        dialog.distribute_tab.incoming_model.set_count(case_type, cases)
    dialog.distribute_tab.compute()
    assert dialog.distribute_tab.plan.assignments == expected.assignments
    before = _counts(window)
    planning_actions.apply_plan(window, dialog)
    for case_type, cases in incoming.items():
        assert sum(m.counts[case_type] for m in window.team().staff) == sum(
            c[case_type] for c in before.values()) + cases
    assert window.document().undo_stack.count() == 1


def test_balanced_team_has_no_moves_and_nothing_to_apply(make_window):
    from sagstal_desktop.core.model import StaffMember, Team

    team = Team(staff=[StaffMember(name="A", counts={"sygedagpenge": 40}),
                       StaffMember(name="B", counts={"sygedagpenge": 40})])
    window = make_window(team)
    dialog = planning_actions.planning_dialog(window, "rebalance")
    dialog.rebalance_tab.start()
    assert [p.max_moves for p in dialog.rebalance_tab.points] == [0]
    assert dialog.rebalance_tab.plan.moves == ()
    assert _lines(dialog.rebalance_tab.panel) == ["No moves lower the highest load."]
    assert not dialog.apply_button.isEnabled() and dialog.changes() == {}


def test_cancel_in_the_progress_dialog_stops_a_long_rebalance(make_window, qtbot):
    import time

    from planning_helpers import generated_team
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog

    # the plan for the default K takes several seconds (the 30-person team of _large_team is
    # planned in half a second since the leximin's strengthenings: done before the cancel came)
    window = make_window(generated_team(200, 7))

    def press_cancel():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()
                   and w.labelText() == "Calculating what each number of moves achieves…"]  # plan and trade-off
        if not dialogs:
            QTimer.singleShot(100, press_cancel)
            return
        dialogs[0].canceled.emit()

    dialog = planning_actions.planning_dialog(window, "rebalance")
    QTimer.singleShot(100, press_cancel)
    start = time.perf_counter()
    dialog.rebalance_tab.start()
    assert time.perf_counter() - start < 3  # the dialog shows after 0.4 s; the next solve stops
    tab = dialog.rebalance_tab
    assert not tab.points and tab.plan is None and not tab.started  # the default plan was cancelled
    assert tab.panel.message.text() == "The calculation was cancelled; nothing was changed."
    assert not dialog.apply_button.isEnabled()


def test_the_measure_is_named_by_the_chosen_set(window):
    window.choose_norm_set("ds_2015_types")  # the 2015 survey set: not DS's own figures
    dialog = planning_actions.planning_dialog(window, "distribute")
    tab = dialog.distribute_tab
    tab.incoming_model.set_count("sygedagpenge", 10)
    tab.compute()
    assert "of the set's maximum" in tab.panel.headline.text() and "DS" not in tab.panel.headline.text()
    assert tab.panel.model.headerData(1, Qt.Orientation.Horizontal) == "Before\n(% of the set's max)"
    header = dialog.rebalance_tab.tradeoff_model.headerData(2, Qt.Orientation.Horizontal)
    assert header == "Staff over\nthe set's maximum"


def test_the_aim_is_chosen_in_the_dialog(window):
    dialog = planning_actions.planning_dialog(window, "rebalance")
    tab = dialog.rebalance_tab
    tab.start()
    assert tab.aim() == "even" and "Staff over DS maximum: 5 → 5." in tab.panel.headline.text()
    tab.aim_combo.setCurrentIndex(tab.aim_combo.findData("fewest-over"))
    assert tab.plan.aim == "fewest-over" and tab.plan.over_count_after == 1
    assert "Staff over DS maximum: 5 → 1." in tab.panel.headline.text()
    assert tab.points[-1].max_moves == tab.default_k() == tab.plan.max_moves
    tab.choose(3)
    assert tab.plan.aim == "fewest-over" and tab.plan.max_moves == 3 and tab.plan.over_count_after == 4


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_name_in_the_before_after_table_is_whole_at_1280_by_680(make_window, qapp, qtbot, monkeypatch, lang):
    """In the dialog's size on a 1280×680 screen the table beside the chart is as wide as its
    names and two load columns need ("Bo …" and "Karin …" were cut short at 150 %), and the
    chart keeps its share of the row."""
    from PySide6.QtCore import QRect

    from sagstal_desktop.gui import qt_language, screen_fit
    from sagstal_desktop.gui.widgets.planning_result import CHART_SHARE_MIN

    monkeypatch.setattr(screen_fit, "available_geometry", lambda _widget=None: QRect(0, 0, 1280, 680))
    qt_language.install_translations(qapp, lang)
    try:
        window = make_window(lang=lang)
        dialog = planning_actions.planning_dialog(window, "rebalance")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        tab = dialog.rebalance_tab
        tab.start()
        qtbot.wait(50)
        panel = tab.panel
        table, model = panel.table, panel.model
        assert dialog.width() <= 1280 and model.rowCount() == 12
        metrics = table.fontMetrics()
        widest = max(metrics.horizontalAdvance(model.index(row, 0).data()) for row in range(model.rowCount()))
        assert table.columnWidth(0) >= widest + 6, (table.columnWidth(0), widest)
        for column in (1, 2):
            assert table.columnWidth(column) >= table.sizeHintForColumn(column)
        sizes = panel.splitter.sizes()
        assert sizes[1] >= int(sum(sizes) * CHART_SHARE_MIN) - 1
    finally:
        qt_language.install_translations(qapp, "en")

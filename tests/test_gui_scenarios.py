"""Scenarios in the window: the bar shows which variant is open, editing a scenario uses the same
table and undo and never changes the team, absences through the dialog, the comparison and its
Excel export, and saving the file with its scenarios."""

from __future__ import annotations

from datetime import timedelta

import openpyxl
import pytest
from conftest import TODAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.model import StaffMember
from sagstal_desktop.gui.dialogs.absence import AbsenceDialog
from sagstal_desktop.gui.dialogs.compare import CompareDialog
from sagstal_desktop.gui.handlers import scenarios as scenario_actions
from sagstal_desktop.io.document import load_team


def test_create_edit_switch_and_undo(window, monkeypatch):
    doc, bar = window.document(), window.scenario_bar
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    assert bar.chooser.currentText() == "Current team" and not bar.act_absence.isEnabled()
    camilla = next(m for m in doc.team.staff if m.name == "Camilla Nørgaard")
    assert bar.create("More hours")
    assert doc.scenario_name == "More hours" and "More hours" in window.windowTitle()
    assert bar.chooser.currentText() == "More hours" and "scenario" in bar.state.text()
    doc.set_member_field(camilla.id, "weekly_hours", 37.0, "hours")  # the same table and undo
    assert window.summary().persons[2].capacity == pytest.approx(1.0)
    assert not bar.create("More hours") and "More hours" in warned[0]  # a taken name is refused
    scenario_actions.open_variant(doc, None)
    assert doc.scenario_name is None and doc.team.member(camilla.id).weekly_hours == 30.0
    assert window.summary().persons[2].capacity == pytest.approx(30 / 37)
    assert doc.team.scenarios[0].inputs["staff"][2]["weekly_hours"] == 37.0
    doc.undo_stack.undo()  # back into the scenario, with its edit
    assert doc.scenario_name == "More hours" and doc.team.member(camilla.id).weekly_hours == 37.0
    doc.undo_stack.undo()  # the edit
    assert doc.team.member(camilla.id).weekly_hours == 30.0
    assert bar.rename("Renamed") and doc.scenario_name == "Renamed"
    scenario_actions.delete_open(doc)
    assert doc.scenario_name is None and doc.team.scenarios == []
    doc.undo_stack.undo()
    assert doc.scenario_name == "Renamed"


def test_absence_compare_export_and_save(window, qtbot, tmp_path, monkeypatch):
    doc, bar = window.document(), window.scenario_bar
    base = summarize(doc.team, TODAY)
    assert bar.create("Leave")
    doc.add_members(len(doc.team.staff), [StaffMember("New", weekly_hours=37.0)], "add")
    anne = doc.team.staff[0]
    dialog = AbsenceDialog(doc.team, [], True, TODAY, window)
    qtbot.addWidget(dialog)
    assert not dialog.add_absence(anne.id, "sick", TODAY, TODAY - timedelta(days=1))  # refused
    assert dialog.add_absence(anne.id, "parental", TODAY - timedelta(days=10), TODAY + timedelta(days=80))
    assert dialog.list.count() == 1 and "Anne Holm" in dialog.list.item(0).text()
    monkeypatch.setattr(AbsenceDialog, "exec", lambda self: (self.add_absence(
        anne.id, "parental", TODAY - timedelta(days=10), TODAY + timedelta(days=80)), QDialog.DialogCode.Accepted)[1])
    bar.edit_absences()
    assert scenario_actions.open_absences(doc)[0][0].member_id == anne.id
    assert "1 absent" in bar.state.text()

    scenario_actions.set_target(doc, 40.0)
    assert scenario_actions.open_target(doc) == 40.0
    compare = CompareDialog(doc, window)
    qtbot.addWidget(compare)
    current, leave = compare.comparison.figures
    assert current["target_extra_fte"] is None
    # the demo's 507 cases: cases / 40 - cases / the variant's average full-time caseload
    average = leave["average_fte_caseload"]
    assert leave["target_extra_fte"] == pytest.approx(507 / 40 - 507 / average)
    assert current["available_fte"] == pytest.approx(base.available_fte)
    # Anne (1.0 FTE) away, one 37-hour position more: the same available FTE, the same cases
    assert leave["available_fte"] == pytest.approx(base.available_fte)
    assert leave["fte_needed_max"] == pytest.approx(base.fte_needed_max) and leave["absent_count"] == 1
    model = compare.model
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Leave"
    rows = {model.text(r, 0): r for r in range(model.rowCount())}
    assert model.text(rows["Absent / vacant"], 2) == "1"
    assert model.text(rows["Anne Holm (absent)"], 2) == "–"
    before = TODAY - timedelta(days=30)  # before the leave: no effect
    compare.as_of.setDate(compare.as_of.date().addDays(-30))
    assert compare.comparison.as_of == before and compare.comparison.figures[1]["absent_count"] == 0
    path = tmp_path / "compare.xlsx"
    compare.export(path)
    sheet = openpyxl.load_workbook(path)["Comparison"]
    assert [c.value for c in sheet[1]] == [None, "Current team", "Leave"]

    doc.save(tmp_path / "team.sagstal")
    opened = load_team(tmp_path / "team.sagstal")
    assert len(opened.staff) == len(base.persons) and opened.scenarios[0].name == "Leave"
    assert len(opened.scenarios[0].inputs["staff"]) == len(base.persons) + 1
    assert opened.scenarios[0].absences[0].kind == "parental"


def test_history_stays_the_teams_while_a_scenario_is_open(window, monkeypatch):
    from sagstal_desktop.gui.handlers import history as history_actions

    doc, bar = window.document(), window.scenario_bar
    before = len(doc.team.snapshots)
    assert before >= 2  # the demo ships with a year of snapshots
    assert bar.create("Leave")
    assert doc.history_team() is doc.base and len(doc.history_team().snapshots) == before
    monkeypatch.setattr(history_actions, "ask_label", lambda *a, **k: "During a scenario")
    assert history_actions.take_snapshot(window)
    assert len(doc.history_team().snapshots) == before + 1
    scenario_actions.open_variant(doc, None)  # back to the team: the snapshot is the team's
    assert doc.history_team() is doc.team and len(doc.team.snapshots) == before + 1
    assert doc.file_team().snapshots[-1].label == "During a scenario"
    doc.undo_stack.undo()  # back into the scenario
    doc.undo_stack.undo()  # the snapshot
    assert len(doc.history_team().snapshots) == before

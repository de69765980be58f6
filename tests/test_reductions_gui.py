"""Dated reductions in the window: the dialog (add, edit, remove; each one's state on the date
computed) and Edit → Reductions…, one undo step, with hand-computed capacities."""

from __future__ import annotations

from datetime import date, timedelta

from conftest import TODAY
from PySide6.QtCore import QDate, Qt

from sagstal_desktop.core.reductions import Reduction
from sagstal_desktop.gui.actions import TABLE_ACTS, Act
from sagstal_desktop.gui.dialogs.reductions import ReductionsDialog
from sagstal_desktop.gui.handlers import reductions as reduction_actions


def close(a: float, b: float) -> bool:
    """Equal to rounding (no pytest.approx: it may touch numpy while the chart imports it)."""
    return abs(a - b) < 1e-9


def capacity(window, name: str) -> float:
    persons = window.summary().persons
    return dict(zip(persons.column("name"), persons.column("capacity"), strict=True))[name]


def test_tr_reduction_from_today_lowers_capacity_and_undo_restores(window, monkeypatch):
    camilla = next(m for m in window.team().staff if m.name == "Camilla Nørgaard")
    assert close(capacity(window, camilla.name), 30 / 37)
    window.select_member(camilla.id)
    monkeypatch.setattr(reduction_actions, "ask_reductions", lambda w, m: (Reduction(5.0, "tr", TODAY),))
    window.actions[Act.REDUCTIONS].trigger()
    assert close(capacity(window, camilla.name), (30 - 5) / 37)  # 25 casework hours of 37
    assert window.document().undo_stack.count() == 1
    assert camilla.name in window.document().undo_stack.undoText()
    window.actions[Act.UNDO].trigger()
    assert close(capacity(window, camilla.name), 30 / 37)
    assert window.team().member(camilla.id).reductions == ()
    window.actions[Act.REDO].trigger()
    assert window.team().member(camilla.id).reductions == (Reduction(5.0, "tr", TODAY),)


def test_future_reduction_has_no_effect_today(window, monkeypatch):
    bo = next(m for m in window.team().staff if m.name == "Bo Jensen")
    window.select_member(bo.id)
    later = Reduction(10.0, "project", TODAY + timedelta(days=1), TODAY + timedelta(days=90))
    monkeypatch.setattr(reduction_actions, "ask_reductions", lambda w, m: (later,))
    window.actions[Act.REDUCTIONS].trigger()
    assert window.team().member(bo.id).reductions == (later,)
    assert close(capacity(window, bo.name), 1.0)
    # cancelled or unchanged: no undo step
    monkeypatch.setattr(reduction_actions, "ask_reductions", lambda w, m: None)
    window.actions[Act.REDUCTIONS].trigger()
    monkeypatch.setattr(reduction_actions, "ask_reductions", lambda w, m: (later,))
    window.actions[Act.REDUCTIONS].trigger()
    assert window.document().undo_stack.count() == 1


def test_action_is_in_the_edit_menu_and_the_table_menu(window):
    assert Act.REDUCTIONS in TABLE_ACTS
    assert window.actions[Act.REDUCTIONS] in window.table.actions()
    edit_menu = window.menuBar().actions()[1].menu()
    assert window.actions[Act.REDUCTIONS] in edit_menu.actions()


def test_dialog_adds_edits_removes_and_shows_states(qtbot, demo):
    member = demo.staff[1]
    member.reductions = (Reduction(2.0, "amr", date(2026, 1, 1), date(2026, 6, 30)),)
    dialog = ReductionsDialog(member, TODAY)
    qtbot.addWidget(dialog)
    assert dialog.list.item(0).text().startswith("ended: ")
    dialog.reason.setCurrentIndex(dialog.reason.findData("tr"))
    dialog.hours.setValue(5.0)
    dialog.has_start.setChecked(True)
    dialog.start.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    dialog._add_clicked()
    assert dialog.reductions()[1] == Reduction(5.0, "tr", TODAY)
    assert dialog.list.item(1).text().startswith("active: ")
    dialog.start.setDate(QDate(2027, 1, 1))
    dialog._update_clicked()  # the new row is selected: it is changed in place
    assert dialog.reductions()[1] == Reduction(5.0, "tr", date(2027, 1, 1))
    assert dialog.list.item(1).text().startswith("scheduled: ")
    dialog.has_end.setChecked(True)
    dialog.end.setDate(QDate(2026, 12, 31))
    dialog._update_clicked()
    assert dialog.error.text() and dialog.reductions()[1].end is None  # ends before it starts: refused
    dialog.list.setCurrentRow(0)
    assert dialog.reason.currentData() == "amr" and dialog.hours.value() == 2.0
    dialog._remove_clicked()
    assert dialog.reductions() == (Reduction(5.0, "tr", date(2027, 1, 1)),)
    assert dialog.list.count() == 1 and dialog.list.item(0).foreground().color() == Qt.GlobalColor.darkGray

"""The document says what changed, and the views update only that: one count edit on a team of
5,000 names one row, repaints one table row and redraws one chart bar; undo emits the same
change; a norm-set switch is one settings command that refills the norm-set box once."""

from __future__ import annotations

import copy

import pytest
from conftest import TODAY
from helpers.teams import random_team
from PySide6.QtCore import QModelIndex, Qt

from sagstal_desktop.core.change import ALL, Change, count_column
from sagstal_desktop.core.model import StaffMember, Team, TeamInfo, TeamSettings
from sagstal_desktop.core.norms import builtin_norm_sets
from sagstal_desktop.gui.commands import SetSettingsCommand
from sagstal_desktop.gui.team_document import Document

BIG = 5_000
CASE_TYPES = ("sygedagpenge", "sdp_kat1", "jobafklaring")


def _big_team(staff: int = BIG) -> Team:
    return random_team(staff, seed=8)


class _Recorder:
    """Collects the document's changes, the model's dataChanged rows and the chart's bar updates."""

    def __init__(self, window) -> None:
        self.changes: list[Change] = []
        self.model_rows: list[tuple[int, int]] = []
        self.bars: list[tuple[int, ...]] = []
        self.resets = 0
        window.document().changed.connect(self.changes.append)
        model = window.model()
        model.dataChanged.connect(lambda tl, br, _roles=(): self.model_rows.append((tl.row(), br.row())))
        model.modelReset.connect(self._reset)
        window.chart_host().chart().bars_updated.connect(self.bars.append)

    def _reset(self) -> None:
        self.resets += 1

    def clear(self) -> None:
        self.changes.clear()
        self.model_rows.clear()
        self.bars.clear()
        self.resets = 0


@pytest.fixture
def big_window(make_window, monkeypatch):
    from sagstal_desktop.gui.menus import WindowActions
    from sagstal_desktop.gui.widgets.norm_box import NormSetBox

    calls = {"combo": 0, "undo_actions": 0}
    fill, update = NormSetBox.fill, WindowActions.show_undo_state

    def counted_fill(self, *args):
        calls["combo"] += 1
        fill(self, *args)

    def counted_update(self, *args):
        calls["undo_actions"] += 1
        update(self, *args)

    monkeypatch.setattr(NormSetBox, "fill", counted_fill)
    monkeypatch.setattr(WindowActions, "show_undo_state", counted_update)
    win = make_window(_big_team())
    win.chart_host().chart()
    win.calls = calls
    yield win
    win.document().undo_stack.blockSignals(True)  # the counting wrappers must not outlive the window


def _count_index(window, row: int, case_type: str) -> QModelIndex:
    model = window.model()
    return model.index(row, model.column_of_case_type(case_type))


def _assert_one_row(window, recorder: _Recorder, row: int, case_type: str) -> None:
    member_id = window.model().member_id(row)
    assert recorder.changes == [Change(frozenset({member_id}), frozenset({count_column(case_type)}))]
    assert recorder.model_rows and {r for pair in recorder.model_rows for r in pair} == {row}
    assert recorder.resets == 0
    assert recorder.bars == [(row,)]
    bar, person = window.chart_host().chart().bars()[row], window.summary().persons[row]
    assert bar.member_id == member_id and bar.load_pct == pytest.approx(person.load_max * 100)


def test_one_count_edit_on_5000_staff_names_one_row_repaints_one_row_and_one_bar(big_window):
    window, row, case_type = big_window, 2_345, CASE_TYPES[1]
    recorder = _Recorder(window)
    before = window.summary().persons[row].load_max
    window.calls.update(combo=0, undo_actions=0)

    assert window.model().setData(_count_index(window, row, case_type), "40")

    assert window.team().staff[row].counts[case_type] == 40
    assert window.summary().persons[row].load_max > before
    _assert_one_row(window, recorder, row, case_type)
    # the model's signals for that row: the edited cell, then the computed columns
    model = window.model()
    column = model.column_of_case_type(case_type)
    assert recorder.model_rows == [(row, row), (row, row)]
    assert window.calls == {"combo": 0, "undo_actions": 1}
    assert model.index(row, column).data() == "40"

    recorder.clear()
    window.calls.update(combo=0, undo_actions=0)
    window.document().undo_stack.undo()
    assert window.summary().persons[row].load_max == before
    _assert_one_row(window, recorder, row, case_type)
    assert window.calls == {"combo": 0, "undo_actions": 1}


def test_one_edit_in_the_table_sorted_by_load_still_names_one_row(big_window):
    window, case_type = big_window, CASE_TYPES[0]
    model, proxy = window.model(), window.table.model()
    window.table.sortByColumn(model.column_of("load"), Qt.SortOrder.DescendingOrder)
    top = proxy.mapToSource(proxy.index(0, 0)).row()  # the most loaded person
    recorder = _Recorder(window)

    assert proxy.setData(proxy.mapFromSource(_count_index(window, top, case_type)), "0")

    _assert_one_row(window, recorder, top, case_type)
    assert proxy.mapToSource(proxy.index(0, 0)).row() != top  # the sorted view moved the row


def test_a_norm_set_switch_is_one_settings_command_and_refills_the_box_once(big_window):
    window = big_window
    document = window.document()
    team, staff = window.team(), window.team().staff
    old_id = team.settings.norm_set_id
    new_id = next(s.id for s in builtin_norm_sets() if s.id != old_id)
    recorder = _Recorder(window)
    window.calls.update(combo=0, undo_actions=0)
    depth = document.undo_stack.count()

    window.norm_combo.setCurrentIndex(window.norm_combo.findData(new_id))
    window.norm_combo.activated.emit(window.norm_combo.currentIndex())

    assert document.undo_stack.count() == depth + 1
    assert isinstance(document.undo_stack.command(depth), SetSettingsCommand)
    assert window.team() is team and window.team().staff is staff  # not a copy of the whole team
    assert team.settings.norm_set_id == new_id and window.norm_set().id == new_id
    assert recorder.changes == [Change(ALL, settings_changed=True)]
    assert window.calls == {"combo": 1, "undo_actions": 1}
    assert window.norm_combo.currentData() == new_id

    recorder.clear()
    window.calls.update(combo=0, undo_actions=0)
    document.undo_stack.undo()
    assert team.settings.norm_set_id == old_id and window.norm_set().id == old_id
    assert recorder.changes == [Change(ALL, settings_changed=True)]
    assert window.calls == {"combo": 1, "undo_actions": 1}
    assert window.norm_combo.currentData() == old_id


def test_a_settings_change_that_keeps_the_norm_set_repaints_every_row_but_keeps_the_box(big_window):
    window = big_window
    recorder = _Recorder(window)
    window.calls.update(combo=0, undo_actions=0)
    settings = copy.copy(window.team().settings)
    settings.newcomer_months += 1
    window.document().set_settings(window.team().info, settings, "newcomers")
    assert recorder.changes == [Change(ALL, settings_changed=True)]
    assert recorder.model_rows == [(0, BIG - 1)] and recorder.resets == 0
    assert recorder.bars == [tuple(range(BIG))]
    assert window.calls == {"combo": 0, "undo_actions": 1}


# -- the document alone -----------------------------------------------------------------------
@pytest.fixture
def document(qapp, demo):
    doc = Document(demo, as_of=TODAY)
    yield doc
    doc.close()


def _changes(document: Document) -> list[Change]:
    seen: list[Change] = []
    document.changed.connect(seen.append)
    return seen


def test_every_document_edit_emits_one_change_on_redo_and_on_undo(document):
    seen = _changes(document)
    first, second = document.team.staff[0], document.team.staff[1]
    stack = document.undo_stack
    edits = [
        (lambda: document.set_member_field(first.id, "weekly_hours", 20.0, "hours"),
         Change(frozenset({first.id}), frozenset({"weekly_hours"}))),
        (lambda: document.set_count(second.id, "sygedagpenge", 3, "count"),
         Change(frozenset({second.id}), frozenset({"count:sygedagpenge"}))),
        (lambda: document.add_members(1, [StaffMember(name="Ny")], "add"), Change(ALL, structure_changed=True)),
        (lambda: document.remove_members([first.id], "remove"), Change(ALL, structure_changed=True)),
        (lambda: document.set_settings(TeamInfo(team_name="Syd"), TeamSettings(newcomer_months=3), "settings"),
         Change(ALL, settings_changed=True)),
        (lambda: document.set_norm_sets([], "norm sets"), Change(ALL, norm_sets_changed=True)),
        (lambda: document.replace_team(Team(), "import"), Change.everything()),
    ]
    for edit, expected in edits:
        seen.clear()
        edit()
        assert seen == [expected]
        seen.clear()
        stack.undo()
        assert seen == [expected]
        stack.redo()


def test_document_edits_round_trip_through_undo(document):
    first = document.team.staff[0]
    hours, count = first.weekly_hours, first.counts.get("sygedagpenge")
    old_settings = (document.team.info.team_name, document.team.settings.newcomer_months)
    document.set_member_field(first.id, "weekly_hours", 20.0, "hours")
    document.set_count(first.id, "sygedagpenge", 99, "count")
    document.set_settings(TeamInfo(team_name="Syd"), TeamSettings(newcomer_months=3), "settings")
    assert (first.weekly_hours, first.counts["sygedagpenge"]) == (20.0, 99)
    assert (document.team.info.team_name, document.team.settings.newcomer_months) == ("Syd", 3)
    for _ in range(3):
        document.undo_stack.undo()
    assert (first.weekly_hours, first.counts.get("sygedagpenge")) == (hours, count)
    assert (document.team.info.team_name, document.team.settings.newcomer_months) == old_settings


def test_choosing_the_chosen_norm_set_pushes_nothing(document):
    document.set_norm_set_choice(document.team.settings.norm_set_id, "same")
    assert document.undo_stack.count() == 0


def test_the_window_computes_a_team_of_thousands_with_numpy(big_window):
    """The window computes the team again at every edit: from 1,000 persons with numpy (about 3 times
    faster than plain Python; a command computing once keeps plain Python and skips numpy's import)."""
    import sys

    from sagstal_desktop.core.load import NUMPY_FROM_STAFF, NUMPY_LOADED_FROM_STAFF, uses_numpy

    assert uses_numpy(NUMPY_LOADED_FROM_STAFF) and "numpy" in sys.modules
    assert not uses_numpy(NUMPY_LOADED_FROM_STAFF - 1)
    assert NUMPY_FROM_STAFF > len(big_window.team().staff) >= NUMPY_LOADED_FROM_STAFF

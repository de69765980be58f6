"""The team edits owned by the core (``core/operations.py``): each checks, applies and returns
what changed; refused input leaves the team as it was; the window's undo commands and the CLI
make the same edits through them; one parser reads a typed count everywhere."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from sagstal_desktop.core import operations as ops
from sagstal_desktop.core.change import ALL, Change, count_column
from sagstal_desktop.core.demo import demo_team
from sagstal_desktop.core.history import SnapshotCapError, make_snapshot
from sagstal_desktop.core.scenario_model import Scenario
from sagstal_desktop.core.scenarios import ScenarioError, derive
from sagstal_desktop.core.serialize import member_to_dict, team_inputs
from sagstal_desktop.core.validation import InputError, limits


@pytest.fixture
def team():
    return demo_team(date(2026, 3, 1))


def _state(team) -> str:
    return repr([member_to_dict(m) for m in team.staff]) + repr(team_inputs(team))


def test_set_count_checks_applies_and_names_the_cell(team):
    member = team.staff[0]
    change = ops.set_count(team, member.id, "sygedagpenge", "1.000")
    assert member.counts["sygedagpenge"] == 1000
    assert change == Change(frozenset({member.id}), frozenset({count_column("sygedagpenge")}))
    before = copy.deepcopy(member.counts)
    for bad in ("-1", "1,000", "4,5", "tre", 100_001):
        with pytest.raises(InputError):
            ops.set_count(team, member.id, "sygedagpenge", bad)
        assert member.counts == before
    ops.set_count(team, member.id, "sygedagpenge", None)
    assert "sygedagpenge" not in member.counts


def test_set_counts_is_all_or_nothing(team):
    a, b = team.staff[0], team.staff[1]
    before = _state(team)
    with pytest.raises(InputError):
        ops.set_counts(team, {a.id: {"sygedagpenge": 3}, b.id: {"sygedagpenge": -2}})
    assert _state(team) == before
    with pytest.raises(KeyError):
        ops.set_counts(team, {a.id: {"sygedagpenge": 3}, "nobody": {"sygedagpenge": 1}})
    assert _state(team) == before
    change = ops.set_counts(team, {a.id: {"sygedagpenge": 3}, b.id: {"jobafklaring": 7}})
    assert (a.counts["sygedagpenge"], b.counts["jobafklaring"]) == (3, 7)
    assert change.rows == frozenset({a.id, b.id})
    assert change.columns == frozenset({count_column("sygedagpenge"), count_column("jobafklaring")})


def test_member_fields_are_checked_as_typed(team):
    member = team.staff[0]
    assert ops.set_member_field(team, member.id, "weekly_hours", "30,5") == Change.cells(member.id, "weekly_hours")
    assert member.weekly_hours == 30.5
    ops.set_member_field(team, member.id, "start_date", "1.3.2020")
    assert member.start_date == date(2020, 3, 1)
    for field, bad in (("weekly_hours", "99"), ("name", "  "), ("start_date", "31.2.2026"), ("name", "a\x1bb")):
        before = getattr(member, field)
        with pytest.raises(InputError):
            ops.set_member_field(team, member.id, field, bad)
        assert getattr(member, field) == before
    with pytest.raises(ValueError, match="not an editable field"):
        ops.set_member_field(team, member.id, "id", "x")


def test_set_cells_checks_every_value_before_setting_any(team):
    a, b = team.staff[0], team.staff[1]
    before = _state(team)
    with pytest.raises(InputError):
        ops.set_cells(team, [(a.id, "name", "Ny"), (b.id, count_column("sygedagpenge"), "x")])
    assert _state(team) == before
    change = ops.set_cells(team, [(a.id, "name", "Ny"), (b.id, count_column("sygedagpenge"), "12")])
    assert a.name == "Ny" and b.counts["sygedagpenge"] == 12
    assert change.rows == frozenset({a.id, b.id}) and not change.structure_changed


def test_remove_and_restore_members_round_trip(team):
    ids = [team.staff[1].id, team.staff[3].id]
    order = [m.id for m in team.staff]
    removed = ops.members_at(team, ids)
    assert ops.remove_members(team, ids) == Change(ALL, structure_changed=True)
    assert [m.id for m in team.staff] == [i for i in order if i not in ids]
    ops.restore_members(team, removed)
    assert [m.id for m in team.staff] == order
    with pytest.raises(ValueError):  # an id the team has already
        ops.insert_members(team, 0, [copy.deepcopy(team.staff[0])])
    assert [m.id for m in team.staff] == order


def test_add_scenario_refuses_a_taken_name_and_leaves_the_team(team):
    ops.add_scenario(team, derive(team, "Plan A"))
    with pytest.raises(ScenarioError):
        ops.add_scenario(team, Scenario("Plan A", team_inputs(team)))
    with pytest.raises(ScenarioError):
        ops.add_scenario(team, Scenario("  ", team_inputs(team)))
    assert [s.name for s in team.scenarios] == ["Plan A"]


def test_add_snapshots_is_all_or_nothing_at_the_cap(team, monkeypatch):
    held = len(team.snapshots)
    cap = int(limits()["max_snapshots"])
    monkeypatch.setitem(limits(), "max_snapshots", held + 1)
    try:
        new = [make_snapshot(team, "a", as_of=date(2026, 4, 1)), make_snapshot(team, "b", as_of=date(2026, 5, 1))]
        with pytest.raises(SnapshotCapError):
            ops.add_snapshots(team, new)
        assert len(team.snapshots) == held
        assert ops.add_snapshots(team, new[:1]) == Change.history()
        assert team.snapshots[-1].label == "a"
    finally:
        monkeypatch.setitem(limits(), "max_snapshots", cap)


def test_apply_plan_sets_exactly_the_plans_counts(team):
    from sagstal_desktop.core.planning import distribute

    plan = distribute(team, {"sygedagpenge": 5}, date(2026, 3, 1), team.norm_set(), time_limit=20)
    before = sum(m.counts.get("sygedagpenge", 0) for m in team.staff)
    change = ops.apply_plan(team, plan.team_after)
    assert sum(m.counts.get("sygedagpenge", 0) for m in team.staff) == before + 5
    after = {m.id: m.counts.get("sygedagpenge", 0) for m in plan.team_after.staff}
    assert {m.id: m.counts.get("sygedagpenge", 0) for m in team.staff} == after
    assert change.rows == frozenset(a.member_id for a in plan.assignments)


def test_distribute_dialog_reads_counts_as_the_staff_table_does(qapp):
    from sagstal_desktop.gui.models.planning_models import IncomingModel

    model = IncomingModel(["sygedagpenge"], "da")
    index = model.index(0, 1)
    assert model.setData(index, "1.000") and model.incoming() == {"sygedagpenge": 1000}
    for refused in ("1,000", "-1", "4,5", "tre"):
        assert not model.setData(index, refused)
    assert model.incoming() == {"sygedagpenge": 1000}


def test_the_window_edits_through_the_core_operations(window):
    document = window.document()
    member = document.team.staff[0]
    with pytest.raises(InputError):  # refused by the operation before anything is pushed
        document.set_count(member.id, "sygedagpenge", -1, "x")
    assert document.undo_stack.count() == 0
    document.set_count(member.id, "sygedagpenge", 17, "x")
    assert member.counts["sygedagpenge"] == 17
    document.undo_stack.undo()
    assert member.counts.get("sygedagpenge") != 17

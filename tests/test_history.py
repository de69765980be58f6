"""Snapshots: stored with their norm ranges, in date order, through save/open; the trend rows."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from itertools import pairwise

import pytest

from sagstal_desktop.core import history
from sagstal_desktop.core.history import (
    add_snapshot,
    delete_snapshot,
    make_snapshot,
    ordered_snapshots,
    relabel_snapshot,
    snapshot_date,
    snapshot_due,
    snapshot_norm_set,
    snapshot_team,
    take_snapshot,
)
from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.norms import NormSet, custom_norm_set, find_norm_set
from sagstal_desktop.core.trend import norm_set_changes, shortfall_run, trend_rows
from sagstal_desktop.io.document import load_team, save_team


def _one_person_team(cases: int, norm_set_id: str = "ds_2020") -> Team:
    return Team(settings=TeamSettings(norm_set_id=norm_set_id),
                staff=[StaffMember("A", 37.0, counts={"sygedagpenge": cases})])


def test_snapshot_stores_inputs_figures_and_the_norm_ranges():
    team = _one_person_team(60)
    snap = take_snapshot(team, "Marts", date(2026, 3, 1), datetime(2026, 3, 2, 10, 0))
    assert team.snapshots == [snap]
    assert snap.data["inputs"]["staff"][0]["counts"] == {"sygedagpenge": 60}
    stored = NormSet.from_dict(snap.data["norm_set"])
    assert stored.norm_for("sygedagpenge").max == find_norm_set("ds_2020").norm_for("sygedagpenge").max
    # ds_2020 sygedagpenge 35-50: 60 cases need 60/50 = 1.2 FTE at max and 60/35 at min
    assert snap.data["figures"]["fte_needed_max"] == pytest.approx(1.2)
    assert snap.data["figures"]["fte_needed_min"] == pytest.approx(60 / 35)
    assert snap.data["figures"]["over"] == 1
    assert snapshot_date(snap) == date(2026, 3, 1)


def test_snapshots_survive_save_and_open_in_date_order(tmp_path):
    team = _one_person_team(40)
    take_snapshot(team, "later", date(2026, 5, 1), datetime(2026, 5, 1, 9))
    take_snapshot(team, "earlier", date(2026, 2, 1), datetime(2026, 5, 2, 9))  # taken later, dated earlier
    add_snapshot(team, make_snapshot(team, "middle", date(2026, 3, 1), datetime(2026, 5, 3, 9)))
    loaded = load_team(save_team(team, tmp_path / "t.sagstal"))
    assert [s.label for s in ordered_snapshots(loaded)] == ["earlier", "middle", "later"]
    assert [r.date for r in trend_rows(loaded)] == [date(2026, 2, 1), date(2026, 3, 1), date(2026, 5, 1)]
    assert [s.data for s in ordered_snapshots(loaded)] == [s.data for s in ordered_snapshots(team)]


def test_figures_stay_after_the_norm_sets_ranges_change(tmp_path):
    loft = custom_norm_set("loft", "Loft", find_norm_set("ds_2020"), {"sygedagpenge": (30, 40)}, "Byrådet")
    team = _one_person_team(80, "loft")
    team.custom_norm_sets.append(loft)
    take_snapshot(team, "", date(2026, 1, 1), datetime(2026, 1, 1, 9))
    before = trend_rows(team)[0]
    assert before.fte_needed_max == pytest.approx(2.0)  # 80 / 40
    # the team edits its own norm set: the old snapshot still reads 80 / 40
    team.custom_norm_sets = [custom_norm_set("loft", "Loft", find_norm_set("ds_2020"), {"sygedagpenge": (40, 60)},
                                             "Byrådet")]
    loaded = load_team(save_team(team, tmp_path / "t.sagstal"))
    after = trend_rows(loaded)[0]
    assert after == before
    assert snapshot_norm_set(loaded.snapshots[0]).norm_for("sygedagpenge").max == 40
    assert summarize(loaded).fte_needed_max == pytest.approx(80 / 60)  # today's figure does change


def test_an_old_snapshot_without_norm_ranges_falls_back_to_the_set_id():
    team = _one_person_team(50)
    snap = take_snapshot(team, "", date(2026, 1, 1))
    del snap.data["norm_set"]
    assert snapshot_norm_set(snap).id == "ds_2020"
    assert trend_rows(team)[0].norm_set == "ds_2020"


def test_trend_figures_equal_summary_on_each_snapshots_inputs(demo):
    rows = trend_rows(demo)
    assert len(rows) == 12
    for row, snap in zip(rows, ordered_snapshots(demo), strict=True):
        s = summarize(snapshot_team(snap), row.date, snapshot_norm_set(snap))
        assert (row.staff, row.cases, row.over_count) == (s.staff_count, s.total_cases, s.over_count)
        assert row.available_fte == pytest.approx(s.available_fte)
        assert row.fte_needed_max == pytest.approx(s.fte_needed_max)
        assert row.fte_needed_min == pytest.approx(s.fte_needed_min)
        assert row.average_fte_caseload == pytest.approx(s.average_fte_caseload)


def test_demo_history_is_monthly_and_marks_the_norm_set_change(demo):
    rows = trend_rows(demo)
    assert [(r.date.year, r.date.month) for r in rows] == [(2025, 11), (2025, 12)] + [(2026, m) for m in range(1, 11)]
    assert norm_set_changes(rows) == [4]
    assert {r.norm_set for r in rows[:4]} == {"ds_2015_types"} and {r.norm_set for r in rows[4:]} == {"ds_2020"}
    assert rows[0].cases < rows[-1].cases
    # plausible month-to-month change: never more than 7 % of the cases
    assert all(abs(b.cases - a.cases) <= 0.07 * a.cases for a, b in pairwise(rows))
    assert rows[-1].staff == rows[0].staff + 1  # the newcomer


def test_period_and_last(demo):
    assert len(trend_rows(demo, last=3)) == 3
    assert trend_rows(demo, last=3)[-1].date == date(2026, 10, 1)
    rows = trend_rows(demo, start=date(2026, 3, 1), end=date(2026, 5, 31))
    assert [r.date.month for r in rows] == [3, 4, 5]


def test_delete_and_relabel():
    team = _one_person_team(40)
    for month in (1, 2, 3):
        take_snapshot(team, f"m{month}", date(2026, month, 1))
    relabel_snapshot(team, 1, "  Februar  ")
    removed = delete_snapshot(team, 0)
    assert removed.label == "m1"
    assert [s.label for s in team.snapshots] == ["Februar", "m3"]
    assert [r.label for r in trend_rows(team)] == ["Februar", "m3"]


def test_snapshot_due_when_the_month_has_none():
    team = _one_person_team(40)
    assert snapshot_due(team, date(2026, 3, 15))
    take_snapshot(team, "", date(2026, 3, 1))
    assert not snapshot_due(team, date(2026, 3, 31))
    assert snapshot_due(team, date(2026, 4, 1))


def test_shortfall_run_counts_back_from_the_newest():
    team = _one_person_team(40)  # 40 / 50 = 0.8 FTE needed < 1 available
    for month, cases in ((1, 60), (2, 40), (3, 60), (4, 70)):
        team.staff[0].counts["sygedagpenge"] = cases
        take_snapshot(team, "", date(2026, month, 1))
    assert shortfall_run(trend_rows(team)) == 2


def test_figures_only_snapshot():
    figures = history.SnapshotFigures(staff=10, cases=400, available_fte=9.5, fte_needed_max=9.0,
                                      fte_needed_min=11.0, fte_needed_mid=None, over_count=None,
                                      average_fte_caseload=None)
    snap = history.figures_snapshot(date(2025, 6, 1), figures, "Regneark", find_norm_set("ds_2020"), "tal.xlsx")
    assert snapshot_team(snap) is None
    team = Team()
    add_snapshot(team, snap)
    row = trend_rows(team)[0]
    assert (row.cases, row.over_count, row.norm_set, row.origin) == (400, None, "ds_2020", "table")
    assert dataclasses.asdict(history.snapshot_figures(snap)) == dataclasses.asdict(figures)


def test_an_edited_own_norm_set_is_marked_as_a_change():
    base = find_norm_set("ds_2020")
    team = _one_person_team(80, "loft")
    team.custom_norm_sets = [custom_norm_set("loft", "Loft", base, {"sygedagpenge": (30, 40)}, "Byrådet")]
    take_snapshot(team, "", date(2026, 1, 1))
    take_snapshot(team, "", date(2026, 2, 1))
    team.custom_norm_sets = [custom_norm_set("loft", "Loft", base, {"sygedagpenge": (40, 60)}, "Byrådet")]
    take_snapshot(team, "", date(2026, 3, 1))
    rows = trend_rows(team)
    assert norm_set_changes(rows) == [2]
    assert [r.fte_needed_max for r in rows] == pytest.approx([2.0, 2.0, 80 / 60])
    assert not rows[0].measured_by_ds and trend_rows(_snapshotted(_one_person_team(10)))[0].measured_by_ds


def _snapshotted(team: Team) -> Team:
    take_snapshot(team, "", date(2026, 1, 1))
    return team


@pytest.mark.parametrize(("path", "value"), [
    (("figures", "available_fte"), "ti"),
    (("figures", "fte_needed_max"), -1.0),
    (("figures", "staff"), 2.5),
    (("as_of",), "i går"),
    (("origin",), "regnemaskine"),
    (("figures",), [1, 2]),
])
def test_the_reader_refuses_a_snapshot_whose_figures_do_not_fit(tmp_path, path, value):
    import json
    import sqlite3

    from sagstal_desktop.io.document import DocumentError

    team = _one_person_team(40)
    take_snapshot(team, "", date(2026, 1, 1))
    file = save_team(team, tmp_path / "t.sagstal")  # before the change: save_team refuses such data
    data = team.snapshots[0].data
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with sqlite3.connect(file) as db:  # the program itself would never write these
        db.execute("UPDATE snapshots SET data = ?", (json.dumps(data),))
    db.close()
    before = file.read_bytes()
    with pytest.raises(DocumentError):
        load_team(file)
    assert file.read_bytes() == before

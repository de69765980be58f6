"""Case weight in planning, scenarios and history (issue 27): weighted loads when on, new cases
at a level, splits that follow moved cases, a snapshot's weighting and the trend's mark."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from conftest import run_cli

from sagstal_desktop.core.case_weight import Weighting, move_cases
from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.operations import apply_plan
from sagstal_desktop.core.planning import distribute
from sagstal_desktop.core.planning.rebalance import rebalance
from sagstal_desktop.io.document import load_team, save_team

DAY = date(2026, 11, 22)
RANGE = Weighting("range")


def team(weighting: Weighting = RANGE) -> Team:
    """Two full-time caseworkers on sygedagpenge (DS 2020: 35-50)."""
    return Team(settings=TeamSettings(norm_set_id="ds_2020", weighting=weighting), staff=[
        StaffMember("Anna", counts={"sygedagpenge": 35}, levels={"sygedagpenge": {"saerligt": 35}}),  # 35/35 = 100 %
        StaffMember("Bo", counts={"sygedagpenge": 40}),  # 40/50 = 80 %, nothing assessed (enkel)
    ])


def test_distribute_uses_the_weighted_loads():
    # unweighted Anna (70 %) is the lighter and would get the case; weighted she is at 100 %
    plan = distribute(team(), {"sygedagpenge": 1}, DAY)
    assert [(a.name, a.cases) for a in plan.assignments] == [("Bo", 1)]
    off = distribute(team(Weighting()), {"sygedagpenge": 1}, DAY)
    assert [(a.name, a.cases) for a in off.assignments] == [("Anna", 1)]


def test_new_cases_at_a_level_weigh_and_are_recorded():
    # 10 new særligt komplicerede cases: each 1/35 of a position (range mode); Anna at 35/35,
    # Bo at 40/50: the leximin optimum by brute force over Anna's share a
    t = team()
    plan = distribute(t, {"sygedagpenge": 10}, DAY, level="saerligt")
    given = {a.name: a.cases for a in plan.assignments}
    loads = {p.name: p.load_after for p in plan.persons}
    assert sum(given.values()) == 10
    # hand check of the leximin optimum: Anna 35 + a særligt, Bo 40 enkel + b særligt, a + b = 10
    def vector(a):
        return sorted([round((35 + a) / 35, 9), round(40 / 50 + (10 - a) / 35, 9)], reverse=True)

    optimum = min(vector(a) for a in range(11))  # a = 1 and a = 2 tie; the tie-break favours Anna
    best = given.get("Anna", 0)
    assert vector(best) == optimum and best == 2
    assert loads["Bo"] == pytest.approx(0.8 + (10 - best) / 35)
    after = plan.team_after
    assert after.staff[1].levels == {"sygedagpenge": {"saerligt": 10 - best}}
    apply_plan(t, after)
    assert t.staff[1].counts == {"sygedagpenge": 50 - best} and t.staff[1].levels == after.staff[1].levels
    assert summarize(t, DAY).persons[1].load_max == pytest.approx(loads["Bo"])


def test_moved_cases_take_their_level_along():
    giver = StaffMember("A", counts={"x": 10}, levels={"x": {"kompleks": 4, "saerligt": 3}})
    taker = StaffMember("B", counts={"x": 2}, levels={"x": {"saerligt": 1}})
    move_cases(giver, taker, "x", 5)  # 3 not assessed first, then 2 kompleks
    assert giver.counts == {"x": 5} and giver.levels == {"x": {"kompleks": 2, "saerligt": 3}}
    assert taker.counts == {"x": 7} and taker.levels == {"x": {"saerligt": 1, "kompleks": 2}}
    move_cases(giver, taker, "x", 5)
    assert giver.levels == {} and taker.levels == {"x": {"saerligt": 4, "kompleks": 4}}


def test_rebalance_keeps_every_split_within_its_count():
    t = Team(settings=TeamSettings(norm_set_id="ds_2020", weighting=RANGE), staff=[
        StaffMember("Anna", counts={"sygedagpenge": 45}, levels={"sygedagpenge": {"saerligt": 40}}),
        StaffMember("Bo", counts={"sygedagpenge": 10}),
    ])
    plan = rebalance(t, 10, DAY)
    assert plan.moves
    for member in plan.team_after.staff:
        for case_type, split in member.levels.items():
            assert sum(split.values()) <= member.counts[case_type]
    apply_plan(t, plan.team_after)
    assert [m.levels for m in t.staff] == [m.levels for m in plan.team_after.staff]
    assert summarize(t, DAY).persons[0].load_max < 45 / 35  # weighted: Anna was at 40/35 + 5/50


def test_distribute_cli_level_option(tmp_path, capsys):
    path = save_team(team(), tmp_path / "t.sagstal")
    code, _out, err = run_cli(capsys, "distribute", str(path), "--add", "sygedagpenge=3", "--level", "kompleks",
                              "-o", str(path), "--force")
    assert code == 0, err
    bo = load_team(path).staff[1]
    assert bo.counts == {"sygedagpenge": 43} and bo.levels == {"sygedagpenge": {"kompleks": 3}}
    code, _out, err = run_cli(capsys, "distribute", str(path), "--add", "sygedagpenge=3", "--level", "tung")
    assert code == 2 and '"tung" er ikke et niveau' in err


# -- history ---------------------------------------------------------------------------------


def test_a_snapshot_records_its_weighting_and_the_trend_marks_a_change(tmp_path):
    from conftest import pdf_text

    from sagstal_desktop.core.history import make_snapshot
    from sagstal_desktop.core.trend import change_marks, norm_set_changes, trend_rows, weighting_changes
    from sagstal_desktop.report.options import MemoOptions
    from sagstal_desktop.report.pdf import write_memo

    t = team(Weighting())
    t.snapshots.append(make_snapshot(t, as_of=date(2026, 9, 1), taken_at=datetime(2026, 9, 1, 12)))
    t.settings.weighting = RANGE
    weighted = make_snapshot(t, as_of=date(2026, 10, 1), taken_at=datetime(2026, 10, 1, 12))
    t.snapshots.append(weighted)
    assert "weighting" not in t.snapshots[0].data["figures"]
    assert weighted.data["figures"]["weighting"]["mode"] == "range"
    # weighted: Anna 35/35 + Bo 40/50 = 1.8 FTE needed at the maximum (unweighted 75/50 = 1.5)
    assert weighted.data["figures"]["fte_needed_max"] == pytest.approx(1.8)
    back = load_team(save_team(t, tmp_path / "h.sagstal"))
    rows = trend_rows(back)
    assert rows[1].weighting == ("range", RANGE.points, "enkel") and rows[0].weighting == ()
    assert weighting_changes(rows) == [1] and norm_set_changes(rows) == []
    assert change_marks(rows, "da") == [(1, "Sagstyngde: interval")]
    path = tmp_path / "m.pdf"
    write_memo(back, path, MemoOptions(as_of=DAY))
    text = " ".join(pdf_text(path).replace("\u00ad", "").split())
    assert ("Vægtningen af sagernes tyngde skiftede 1. oktober 2026 fra »ingen vægtning« til »sagens placering i "
            "normsættets interval« (stiplet linje)") in text


def test_a_snapshot_with_a_bad_weighting_is_refused(tmp_path):
    import sqlite3

    from sagstal_desktop.core.history import make_snapshot
    from sagstal_desktop.io.document import DocumentError

    t = team()
    t.snapshots.append(make_snapshot(t, as_of=date(2026, 10, 1)))
    path = save_team(t, tmp_path / "h.sagstal")
    db = sqlite3.connect(path)
    db.execute("UPDATE snapshots SET data = json_set(data, '$.figures.weighting.mode', 'heavy')")
    db.commit()
    db.close()
    with pytest.raises(DocumentError) as info:
        load_team(path)
    assert '"heavy"' in info.value.message("da")

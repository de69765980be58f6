"""Scenarios: absences by date, redistribution by the distribution rule, dated reductions,
operations that never touch the team, and the team file's round trip and migration."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from sagstal_desktop.core import scenarios as sc
from sagstal_desktop.core.load import Status, summarize
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.planning import distribute
from sagstal_desktop.core.reductions import Reduction, ReductionState
from sagstal_desktop.core.scenario_model import Absence
from sagstal_desktop.core.serialize import team_inputs
from sagstal_desktop.io import document

BEFORE, DURING = date(2026, 11, 22), date(2027, 1, 15)
LEAVE = Absence("a", "sick", date(2026, 12, 1), date(2027, 2, 28))


def team() -> Team:
    """ds_2020: sygedagpenge max 50, jobparate_o30 max 55 (another area)."""
    return Team(settings=TeamSettings(norm_set_id="ds_2020"), staff=[
        StaffMember("Anna", id="a", counts={"sygedagpenge": 40, "jobparate_o30": 5}),
        StaffMember("Bo", id="b", counts={"sygedagpenge": 30}, competences=("sygedagpenge",)),
        StaffMember("Cai", id="c", counts={"sygedagpenge": 20, "jobparate_o30": 11}),
    ])


def loads(summary) -> list:
    return [None if x is None else round(x, 9) for x in summary.persons.column("load_max")]


def test_absence_outside_the_date_has_no_effect():
    result = sc.evaluate(team(), BEFORE, [LEAVE])
    assert result.absent == {} and result.assigned == () and result.without_caseworker == {}
    assert loads(result.summary) == loads(summarize(team(), BEFORE))
    assert result.summary.available_fte == pytest.approx(3.0)


def test_absent_cases_are_redistributed_to_competent_colleagues_by_the_distribution_rule():
    result = sc.evaluate(team(), DURING, [LEAVE])
    anna, bo, cai = result.summary.persons
    assert anna.capacity == 0 and anna.status is Status.NOT_COMPUTABLE and anna.total_cases == 0
    assert result.summary.available_fte == pytest.approx(2.0)
    # Bo may not take jobparate_o30: all 5 go to Cai; totals per type unchanged
    counts = {m.id: m.counts for m in result.team.staff}
    assert counts["b"].get("jobparate_o30", 0) == 0 and counts["c"]["jobparate_o30"] == 16
    assert result.summary.cases_by_type == summarize(team(), DURING).cases_by_type
    # equals the distribution rule run on the team with Anna's capacity at 0
    away = team()
    away.staff[0].weekly_hours, away.staff[0].takes_new_cases = 0.0, False
    plan = distribute(away, {"sygedagpenge": 40, "jobparate_o30": 5}, DURING)
    expected = {p.member_id: p.load_after for p in plan.persons if p.member_id != "a"}
    assert {"b": bo.load_max, "c": cai.load_max} == pytest.approx(expected)
    assert result.cases_without_caseworker == 0
    assert sum(a.cases for a in result.assigned) == 45


def test_one_type_redistribution_by_hand():
    """40 sygedagpenge cases (0.02 each) onto Bo at 30/50 and Cai at 24/50 + 11/55 = 0.68:
    leximin gives Bo 22 (1.04) and Cai 18 (1.04)."""
    small = team()
    small.staff[0].counts = {"sygedagpenge": 40}
    small.staff[2].counts["sygedagpenge"] = 24
    result = sc.evaluate(small, DURING, [LEAVE])
    counts = {m.id: m.counts for m in result.team.staff}
    assert counts["b"]["sygedagpenge"] == 52 and counts["c"]["sygedagpenge"] == 42
    assert loads(result.summary)[1:] == [1.04, 1.04]


def test_without_redistribution_the_cases_are_reported_without_a_caseworker():
    result = sc.evaluate(team(), DURING, [LEAVE], redistribute=False)
    assert result.without_caseworker == {"a": {"sygedagpenge": 40, "jobparate_o30": 5}}
    assert result.cases_without_caseworker == 45
    base = summarize(team(), DURING)
    assert result.summary.fte_needed_max == pytest.approx(base.fte_needed_max)
    assert result.summary.shortfall() == pytest.approx(base.shortfall() + 1.0)
    assert loads(result.summary)[1:] == loads(base)[1:]


def test_cases_nobody_may_take_stay_without_a_caseworker():
    only = team()
    only.staff[2].competences = ("sygedagpenge",)
    result = sc.evaluate(only, DURING, [LEAVE])
    assert result.without_caseworker == {"a": {"jobparate_o30": 5}}


def test_a_vacancy_is_absent_on_every_date():
    result = sc.evaluate(team(), BEFORE, [Absence("b", "vacant")], redistribute=False)
    assert result.absent == {"b": "vacant"} and result.summary.persons[1].capacity == 0


def test_dated_reductions_by_date():
    reduction = Reduction(7.4, "tr", date(2027, 1, 1), date(2027, 6, 30))
    person = StaffMember("Dea", id="d", counts={"sygedagpenge": 40}, reductions=(reduction,),
                         start_date=date(2027, 1, 1))
    one = Team(settings=TeamSettings(norm_set_id="ds_2020", newcomer_reduction=0.25, newcomer_months=6),
               staff=[person])
    capacity = {day: summarize(one, day).persons[0].capacity
                for day in (date(2026, 12, 31), date(2027, 3, 1), date(2027, 7, 1))}
    # before: no reduction but a newcomer-to-be (start date still to come): 0.75
    assert capacity[date(2026, 12, 31)] == pytest.approx(0.75)
    assert capacity[date(2027, 3, 1)] == pytest.approx(29.6 / 37 * 0.75)  # 0.6
    assert capacity[date(2027, 7, 1)] == pytest.approx(1.0)
    assert [reduction.state(d) for d in capacity] == [
        ReductionState.SCHEDULED, ReductionState.ACTIVE, ReductionState.ARCHIVED]
    assert person.casework_hours_on(date(2027, 3, 1)) == pytest.approx(29.6)
    # the numpy path (large teams) follows the same rule
    many = Team(settings=one.settings, staff=[person] * 1000)
    assert summarize(many, date(2027, 3, 1)).persons[999].capacity == pytest.approx(0.6)


def test_operations_change_the_scenario_never_the_team():
    base = team()
    before = team_inputs(base)
    s = sc.derive(base, "To stillinger mere")
    new = sc.add_position(s, base, "Ny", 37.0, ("sygedagpenge",))
    sc.set_hours(s, base, "b", weekly_hours=30.0, other_hours=2.0)
    sc.move_cases(s, base, "a", new, "sygedagpenge", 10)
    sc.remove_position(s, base, "c")
    sc.set_norm_set(s, base, "ds_current")
    sc.set_target_caseload(s, 40.0)
    base.scenarios.append(s)
    assert team_inputs(base) == before
    variant = sc.materialise(s, base)
    assert [m.name for m in variant.staff] == ["Anna", "Bo", "Ny"]
    assert variant.member(new).counts == {"sygedagpenge": 10} and variant.member("a").counts["sygedagpenge"] == 30
    assert (variant.member("b").weekly_hours, variant.member("b").other_hours) == (30.0, 2.0)
    copy = sc.derive(base, "Kopi", s)
    assert copy.based_on == "To stillinger mere" and copy.inputs == s.inputs
    with pytest.raises(sc.ScenarioError):
        sc.derive(base, "To stillinger mere")
    with pytest.raises(sc.ScenarioError):
        sc.move_cases(s, base, "a", new, "sygedagpenge", 31)


def test_own_ceiling_and_target_caseload():
    base = team()
    s = sc.derive(base, "Loft 40")
    made = sc.set_own_ceiling(s, base, 40.0, "Loft 40")
    assert made in base.custom_norm_sets and base.settings.norm_set_id == "ds_2020"
    result = sc.evaluate_scenario(s, base, BEFORE)
    assert result.norm_set.norm_for("sygedagpenge").max == 40.0
    assert result.summary.fte_needed_max == pytest.approx(106 / 40)
    sc.set_target_caseload(s, 30.0)
    result = sc.evaluate_scenario(s, base, BEFORE)
    # 106 cases on 3 full-time people (106/3 each); at 30: 106/30 - 3 FTE more
    assert result.target.extra_fte == pytest.approx(106 / 30 - 3)


def test_save_and_open_round_trip_scenarios_absences_and_reductions(tmp_path):
    base = team()
    base.staff[1].reductions = (Reduction(3.0, "amr", date(2027, 1, 1), None, "AMR"),)
    s = sc.derive(base, "Barsel")
    sc.set_absence(s, Absence("a", "parental", date(2027, 1, 1), date(2027, 12, 31)))
    s.redistribute = False
    base.scenarios.append(s)
    path = document.save_team(base, tmp_path / "t.sagstal")
    opened = document.load_team(path)
    assert opened == base
    assert opened.scenarios[0].absences == [Absence("a", "parental", date(2027, 1, 1), date(2027, 12, 31))]
    assert opened.staff[1].reductions[0].reason == "amr"
    assert opened.scenarios[0].inputs["staff"][1]["reductions"][0]["start"] == "2027-01-01"


def test_a_version_2_file_opens_with_no_scenarios_and_no_reductions(tmp_path):
    path = document.save_team(team(), tmp_path / "old.sagstal")
    db = sqlite3.connect(path)
    db.execute("ALTER TABLE staff DROP COLUMN reductions")
    db.execute("DROP TABLE scenarios")
    db.execute("DROP TABLE flows")  # version 4's addition
    db.execute("DROP TABLE case_levels")  # version 4's addition (case weight)
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    raw = path.read_bytes()
    opened = document.load_team(path)
    assert path.read_bytes() == raw  # migrated in memory only
    assert opened.scenarios == [] and all(m.reductions == () for m in opened.staff)
    assert opened == team()


def _tamper(path, sql: str, *params) -> None:
    db = sqlite3.connect(path)
    db.execute(sql, params)
    db.commit()
    db.close()


@pytest.mark.parametrize(("change", "reason"), [
    (lambda d: d["inputs"]["staff"][0].update(weekly_hours=1e9), "is outside"),
    (lambda d: d["inputs"]["staff"][0]["counts"].update(sygedagpenge=-3), "is outside"),
    (lambda d: d["inputs"]["settings"].update(norm_set_id="nowhere"), "not a known norm set"),
    (lambda d: d["absences"].append({"member_id": "a", "kind": "holiday"}), "not a valid scenario"),
    (lambda d: d["inputs"]["staff"][1].update(reductions=[{"hours": -1.0}]), "is outside"),
])
def test_a_tampered_scenario_is_refused_and_the_file_left_alone(tmp_path, change, reason):
    import json

    base = team()
    base.scenarios.append(sc.derive(base, "S"))
    path = document.save_team(base, tmp_path / "t.sagstal")
    data = base.scenarios[0].to_dict()
    change(data)
    _tamper(path, "UPDATE scenarios SET data = ?", json.dumps(data))
    raw = path.read_bytes()
    with pytest.raises(document.DocumentError) as info:
        document.load_team(path)
    assert reason in info.value.message("en") and path.read_bytes() == raw


def test_a_tampered_dated_reduction_is_refused(tmp_path):
    path = document.save_team(team(), tmp_path / "t.sagstal")
    _tamper(path, "UPDATE staff SET reductions = ?", '[{"hours": 4, "reason": "tr", "start": "2027-13-01"}]')
    with pytest.raises(document.DocumentError) as info:
        document.load_team(path)
    assert "reductions" in info.value.message("en")


# -- an added position takes cases by the same rule --------------------------------------------


def _extra(team_: Team, member: StaffMember, take: bool = True) -> sc.VariantResult:
    scenario = sc.derive(team_, "Extra")
    variant = sc.materialise(scenario, team_)
    variant.staff.append(member)
    sc.store(scenario, variant)
    scenario.positions_take_cases = take
    return sc.evaluate_scenario(scenario, team_, BEFORE)


def test_an_added_position_takes_cases_until_the_loads_meet():
    """One type, equal capacities: 60 + 40 cases and an empty 37-hour position. The lowest possible
    highest load is ceil(100 / 3) = 34 cases (brute force below); the rule reaches it, moving cases
    only to the new position, and the totals stay."""
    base = Team(settings=TeamSettings(norm_set_id="ds_2020"), staff=[
        StaffMember("A", id="a", counts={"sygedagpenge": 60}), StaffMember("B", id="b", counts={"sygedagpenge": 40})])
    result = _extra(base, StaffMember("Ny", id="n"))
    counts = [m.counts.get("sygedagpenge", 0) for m in result.team.staff]
    best = min(max(x, y, 100 - x - y) for x in range(61) for y in range(41) if 100 - x - y >= 0
               and x <= 60 and y <= 40)  # any split where A and B only give
    assert sum(counts) == 100 and max(counts) == best == 34 and sorted(counts) == [33, 33, 34]
    assert {t.from_id for t in result.taken} == {"a", "b"} and {t.member_id for t in result.taken} == {"n"}
    assert sum(t.cases for t in result.taken) == counts[2]
    assert result.summary.over_count == 0  # 34 / 50: nobody over the maximum any more
    assert summarize(base, BEFORE).over_count == 1  # A at 60 / 50 before
    # the option off: the position starts empty, nothing moves
    off = _extra(base, StaffMember("Ny", id="n"), take=False)
    assert off.taken == () and [sum(m.counts.values()) for m in off.team.staff] == [60, 40, 0]


def test_an_added_position_takes_only_what_it_may_and_not_from_the_absent():
    """The new position may take jobparate_o30 only; Anna (absent) hands hers to colleagues first."""
    result = _extra(team(), StaffMember("Ny", id="n", competences=("jobparate_o30",)))
    assert {t.case_type for t in result.taken} == {"jobparate_o30"}
    new = result.team.member("n")
    assert set(new.counts) == {"jobparate_o30"} and new.counts["jobparate_o30"] > 0
    total = sum(sum(m.counts.values()) for m in result.team.staff)
    assert total == sum(sum(m.counts.values()) for m in team().staff)
    scenario = sc.derive(team(), "Both")
    variant = sc.materialise(scenario, team())
    variant.staff.append(StaffMember("Ny", id="n"))
    sc.store(scenario, variant)
    sc.set_absence(scenario, LEAVE)
    both = sc.evaluate_scenario(scenario, team(), DURING)
    assert "a" not in {t.from_id for t in both.taken}  # the absent gives by redistribution, not to the position
    assert sum(both.team.member("a").counts.values()) == 0
    # every move lowered the higher of the two loads: no giver ends below the new position's level
    loads_after = dict(zip(both.summary.persons.column("member_id"), both.summary.persons.column("load_max"),
                           strict=True))
    assert all(loads_after[t.from_id] >= loads_after["n"] - 1 / 50 for t in both.taken)

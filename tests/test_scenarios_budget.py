"""Issue 25: redistributing absent colleagues' cases in a scenario has a bounded time budget
(``core.scenarios.REDISTRIBUTION_TIME_LIMIT``): a big team gets the best plan found in it, every
case handed on, and the result says whether the plan is proven."""

from __future__ import annotations

import random
import time

from conftest import TODAY

from sagstal_desktop.core import scenarios
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.scenario_model import Absence

TYPES = ("born_familie", "voksenhandicap", "jobparate_o30", "aktivitetsparate_o30", "sygedagpenge", "fleksjob")


def _team(staff: int, seed: int = 3) -> Team:
    rng = random.Random(seed)
    team = Team(settings=TeamSettings(norm_set_id="ds_current"))
    for i in range(staff):
        held = rng.sample(TYPES, 3)
        team.staff.append(StaffMember(name=f"P{i}", weekly_hours=rng.choice([37.0, 30.0]),
                                      counts={t: rng.randint(3, 12) for t in held}, competences=tuple(held)))
    return team


def test_a_big_team_is_redistributed_within_the_budget_with_every_case_handed_on(monkeypatch):
    monkeypatch.setattr(scenarios, "REDISTRIBUTION_TIME_LIMIT", 0.3)
    team = _team(800)
    away = [team.staff[i] for i in (1, 100, 300, 500, 700)]
    held: dict[str, int] = {}
    for member in away:
        for t, n in member.counts.items():
            held[t] = held.get(t, 0) + n
    start = time.perf_counter()
    result = scenarios.evaluate(team, TODAY, [Absence(m.id) for m in away])
    assert time.perf_counter() - start < 0.3 + 8  # the budget, plus the summaries and the model set-up
    given: dict[str, int] = {}
    for a in result.assigned:
        given[a.case_type] = given.get(a.case_type, 0) + a.cases
    assert given == held
    assert result.cases_without_caseworker == 0
    assert sum(sum(m.counts.values()) for m in result.team.staff) == sum(sum(m.counts.values()) for m in team.staff)


def test_a_small_team_is_proven():
    team = _team(12)
    result = scenarios.evaluate(team, TODAY, [Absence(team.staff[0].id), Absence(team.staff[5].id)])
    assert result.assigned and result.redistribution_proven and result.redistribution_levels >= 1


def test_a_hand_over_the_budget_cut_short_is_said_in_the_memo_and_the_json(monkeypatch, tmp_path, capsys):
    """The memo's scenario section and ``summary --scenario --json`` say when the hand-over of
    absent colleagues' cases is the best found, not proven (the budget ended first)."""
    import json
    import subprocess

    from sagstal_desktop.cli import main
    from sagstal_desktop.core import scenarios as sc
    from sagstal_desktop.io.document import save_team
    from sagstal_desktop.report.options import MemoOptions
    from sagstal_desktop.report.pdf import write_memo

    monkeypatch.setattr(scenarios, "REDISTRIBUTION_TIME_LIMIT", 0.0)
    team = _team(60)
    scenario = sc.derive(team, "Fravær")
    for member in team.staff[:6]:
        sc.set_absence(scenario, Absence(member.id))
    team.scenarios.append(scenario)
    result = scenarios.evaluate(team, TODAY, list(scenario.absences))
    assert not result.redistribution_proven  # no time: the quick plan, unproven
    memo = tmp_path / "notat.pdf"
    write_memo(team, memo, MemoOptions(as_of=TODAY))
    text = " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(memo), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "I Fravær er de fraværende kollegers sager fordelt så jævnt, som Sagstal kunne finde inden for 0 " \
           "sekunder" in text and "ikke bevist" in text
    file = tmp_path / "t.sagstal"
    save_team(team, file)
    assert main(["summary", str(file), "--scenario", "Fravær", "--as-of", TODAY.isoformat(), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["redistribution_proven"] is False
    monkeypatch.setattr(scenarios, "REDISTRIBUTION_TIME_LIMIT", 2.0)
    write_memo(team, memo, MemoOptions(as_of=TODAY, scenarios=()))  # no scenario section, no sentence
    assert "ikke bevist" not in subprocess.run(["pdftotext", "-enc", "UTF-8", str(memo), "-"],
                                               capture_output=True, text=True, check=True).stdout

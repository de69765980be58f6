"""The target scenario prints its own result, and a surplus has one convention everywhere
(issue 20, item 5): a surplus is a negative shortfall (or negative extra FTE) and costs 0, in the
summary, in ``compare`` (table, workbook, --json) and in the memo."""

from __future__ import annotations

import json
from datetime import date

import openpyxl
import pytest
from conftest import pdf_text
from conftest import run_cli as run

from sagstal_desktop.core import scenarios as sc
from sagstal_desktop.core.comparison import compare
from sagstal_desktop.core.model import StaffMember, Team, TeamInfo, TeamSettings
from sagstal_desktop.core.whatif import TargetWhatIf
from sagstal_desktop.io.document import save_team
from sagstal_desktop.report.options import MemoOptions
from sagstal_desktop.report.pdf import write_memo

AS_OF = date(2026, 11, 22)
COST = 450_000.0


def team() -> Team:
    """Four full-timers with 40 sickness-benefit cases each: 160 cases, 4 FTE, an average
    full-time caseload of 40 (DS 2020: 35-50). Targets 35 (more FTE) and 50 (a surplus)."""
    staff = [StaffMember(f"P{i}", 37.0, counts={"sygedagpenge": 40}, start_date=date(2015, 1, 1)) for i in range(4)]
    t = Team(info=TeamInfo("K", "Jobcenter", "Team M", "team_leader"),
             settings=TeamSettings(norm_set_id="ds_2020", cost_per_fte=COST), staff=staff)
    for target in (35.0, 50.0):
        s = sc.derive(t, f"Mål {target:.0f}")
        sc.set_target_caseload(s, target)
        t.scenarios.append(s)
    return t


def test_a_surplus_costs_nothing():
    assert TargetWhatIf(160, 40, 35, COST).yearly_cost == pytest.approx((160 / 35 - 4) * COST)
    surplus = TargetWhatIf(160, 40, 50, COST)
    assert surplus.extra_fte == pytest.approx(-0.8) and surplus.yearly_cost == 0.0
    assert TargetWhatIf(160, 40, 50).yearly_cost is None


def test_compare_gives_each_target_its_own_result():
    result = compare(team(), None, AS_OF)
    current, up, down = result.figures
    assert current["target_fte"] is None and current["target_yearly_cost"] is None
    assert up["target_fte"] == pytest.approx(160 / 35)
    assert up["target_extra_fte"] == pytest.approx(160 / 35 - 4)
    assert up["target_yearly_cost"] == pytest.approx((160 / 35 - 4) * COST)  # 257.142,86 kr.
    assert down["target_extra_fte"] == pytest.approx(-0.8) and down["target_yearly_cost"] == 0.0
    # the summary's convention: at DS max the team needs 3,2 FTE and has 4, a surplus of 0,8 at no cost
    assert current["shortfall_fte"] == pytest.approx(-0.8) and current["yearly_cost"] == 0.0


def test_compare_json_and_workbook_use_the_summarys_convention(tmp_path, capsys):
    path = tmp_path / "mål.sagstal"
    save_team(team(), path)
    code, out, err = run(capsys, "compare", str(path), "--as-of", "22.11.2026", "--json")
    assert code == 0, err
    data = json.loads(out)
    up, down = (s["target"] for s in data["scenarios"])
    assert up["fte_at_target"] == pytest.approx(160 / 35) and up["yearly_cost"] == pytest.approx((160 / 35 - 4) * COST)
    assert down["extra_fte"] == pytest.approx(-0.8) and down["yearly_cost"] == 0  # never negative
    assert data["current"]["summary"]["yearly_cost"]["max"] == 0 and data["current"]["summary"]["shortfall_fte"][
        "max"] == pytest.approx(-0.8)
    book = tmp_path / "mål.xlsx"
    assert run(capsys, "compare", str(path), "--as-of", "22.11.2026", "-o", str(book))[0] == 0
    rows = {r[0]: r[1:] for r in openpyxl.load_workbook(book).worksheets[0].iter_rows(values_only=True)}
    costs = rows["Årlig udgift til de ekstra årsværk ved målsagstallet"]
    assert costs[0] is None and costs[1] == pytest.approx(257_142.857, abs=0.01) and costs[2] == 0


def test_the_memo_prints_the_targets_own_result(tmp_path):
    target = tmp_path / "notat.pdf"
    write_memo(team(), target, MemoOptions(as_of=AS_OF))
    layout = pdf_text(target)
    text = " ".join(layout.split())

    def row(start: str) -> str:  # the table row's figures (its label may wrap onto a second line)
        line = next(x for x in layout.splitlines() if x.strip().startswith(start))
        return " ".join(line.split())

    assert row("Årsværk der skal til ved målsagstallet").endswith("– 4,57 3,20")  # 160/35, 160/50: two decimals
    assert row("Ekstra årsværk ved målsagstallet").endswith("– 0,57 -0,80")
    assert row("Årlig udgift til de ekstra").endswith("– 257.143 kr. 0 kr.")
    assert "Målsagstal (Sagstals beregning" in text and "(0 ved overskud)" in text

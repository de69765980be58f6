"""What a rebalance says about its proof, in the CLI and the planning dialog: a plan whose
highest load is proven but whose lower levels were cut short by the time limit says so (no
"distance to the optimum" of up to 100 %), in Danish and English."""

from __future__ import annotations

import dataclasses

import pytest
from planning_helpers import AS_OF

from sagstal_desktop.cli.planning import _proof
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.planning import rebalance


@pytest.fixture
def plan():
    team = Team(settings=TeamSettings(norm_set_id="ds_2020"), staff=[
        StaffMember("A", counts={"sygedagpenge": 60}), StaffMember("B", counts={"sygedagpenge": 20})])
    found = rebalance(team, 5, AS_OF)
    assert found.optimal and found.max_load_proven and found.moved_cases == 5
    return found


def test_cli_proof(plan):
    top_only = dataclasses.replace(plan, optimal=False, gap=1.0)
    unproven = dataclasses.replace(plan, optimal=False, gap=0.25, max_load_proven=False)
    assert _proof(plan, "da") == "Bevist optimal"
    assert _proof(top_only, "da") == ("Højeste belastning bevist optimal; de lavere belastninger og antallet af "
                                      "flyttede sager ikke bevist optimale inden for tidsgrænsen")
    assert _proof(top_only, "en").startswith("Highest load proven optimal; the lower loads")
    assert _proof(unproven, "da") == "Ikke bevist optimal inden for tidsgrænsen (gab 25,00 %)"


def test_dialog_proof(qtbot, qapp, plan):
    from sagstal_desktop.gui import qt_language
    from sagstal_desktop.gui.widgets.planning_result import PlanResultPanel

    qt_language.install_translations(qapp, "da")
    try:
        panel = PlanResultPanel(plan.team_after.norm_set(), "da", "Flytninger")
        qtbot.addWidget(panel)
        text = panel.proof_text(dataclasses.replace(plan, optimal=False, gap=1.0))
        assert text == ("Højeste belastning bevist optimal; tidsgrænsen blev nået, før de lavere belastninger og "
                        "antallet af flyttede sager var bevist optimale.")
        assert "100" not in text
    finally:
        qt_language.install_translations(qapp, "en")

"""The memo's section "Sagernes tyngde" (issue 27), read back with pdftotext: only when the
weighting is on; the mode and its source; DS' sentence quoted as the seed has it; assessed and
not assessed; unweighted → weighted per person (anonymised: bands only); the sensitivity check."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from conftest import TODAY, pdf_text
from test_sources_exact import _seed_text

from sagstal_desktop.core.case_weight import Weighting
from sagstal_desktop.core.case_weight_check import sensitivity
from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.model import StaffMember, Team, TeamInfo, TeamSettings
from sagstal_desktop.report.case_weight_section import DS_QUOTE
from sagstal_desktop.report.options import MemoOptions
from sagstal_desktop.report.pdf import write_memo

POINTS = Weighting("points", (1.0, 1.5, 2.0), "enkel", "Teamets vurdering på personalemødet 3.11.2026")
HEADING = "Sagernes tyngde"


def team(weighting: Weighting = POINTS) -> Team:
    """Full-time caseworkers on sygedagpenge (DS 2020: 35-50)."""
    staff = [
        StaffMember("Anna", counts={"sygedagpenge": 40}, levels={"sygedagpenge": {"saerligt": 10}}),  # 50/50
        StaffMember("Bo", counts={"sygedagpenge": 20}, levels={"sygedagpenge": {"enkel": 20}}),  # 20/50
        StaffMember("Cai", counts={"sygedagpenge": 36}),  # 36/50, nothing assessed
        StaffMember("Dan", counts={"sygedagpenge": 30}, levels={"sygedagpenge": {"kompleks": 30}}),  # 45/50
    ]
    return Team(info=TeamInfo("K", "Jobcenter", "Team T", "team_leader"),
                settings=TeamSettings(norm_set_id="ds_2020", weighting=weighting), staff=staff)


def memo(t: Team, tmp_path, name: str = "m.pdf", **options) -> str:
    path = tmp_path / name
    write_memo(t, path, MemoOptions(as_of=TODAY, generated=datetime(2026, 11, 22, 9, 30), **options))
    return " ".join(pdf_text(path).replace("\u00ad", "").split())


def test_the_sensitivity_check_by_hand():
    t = team()
    check = sensitivity(t, summarize(t, TODAY), t.norm_set())
    # +0.25: Anna (30*1.25 + 10*2.25)/50 = 120 % over, Dan 30*1.75/50 = 105 % over;
    # -0.25: Cai 36*0.75 = 27 < 35, below; Bo stays below either way
    assert check.points_switch == 3
    # the 66 cases not assessed all særligt (2 points): Anna 80/50, Cai 72/50 over; all enkel: as now
    assert (check.unassessed_cases, check.unassessed_switch) == (66, 2)


def test_points_section(tmp_path):
    text = memo(team(), tmp_path)
    section = text[text.index(HEADING):text.index("Kilde: Sagstals beregning på teamets egne tal (sager, deres")]
    assert ("Teamet har valgt egne point pr. niveau: enkel 1, kompleks 1,5, særligt kompliceret 2." in section)
    assert "Pointene er teamets valg, ikke DS'; teamet angiver som kilde: Teamets vurdering på personalemødet " \
           "3.11.2026. DS skriver:" in section  # the note ends its sentence
    assert f"DS skriver: “{DS_QUOTE}”" in section
    assert ("Af teamets 126 sager er 60 vurderet (20 enkle, 30 komplekse, 10 særligt komplicerede), og 66 er ikke "
            "vurderet; sager, der ikke er vurderet, tæller som enkle.") in section
    # FTE needed for the weighted cases: (50 + 20 + 36 + 45) / 50 = 3,02; unweighted 126 / 50 = 2,52
    assert "Uden den skulle der 2,52 årsværk til ved DS' maksimum i stedet for 3,02" in section
    assert "Anna 80,0 % 100,0 % Inden for DS-interval" in section
    assert "Dan 60,0 % 90,0 % Inden for DS-interval" in section
    assert "Bo 40,0 %" not in section  # unchanged: not in the short table
    assert "3 medarbejdere skifter status, hvis hvert point flyttes 0,25 op eller ned." in section
    assert ("2 medarbejdere skifter status, hvis alle sager, der ikke er vurderet, i stedet er særligt "
            "komplicerede – eller alle enkle.") in section


def test_the_quote_is_ds_own_words():
    assert " ".join(DS_QUOTE.split()) in _seed_text("002_472d325cdad6f9e7.txt")


def test_range_section_is_the_teams_reading_not_a_ds_rule(tmp_path):
    text = memo(team(Weighting("range", note="ignored in range mode")), tmp_path)
    assert ("enkle sager måles mod DS' maksimum, komplekse sager mod DS' midtpunkt og særligt komplicerede sager "
            "mod DS' minimum. Det er teamets læsning af DS' interval, ikke en regel fra DS.") in text
    assert "hvert point" not in text  # no points check in range mode
    assert "i stedet er særligt komplicerede – eller alle enkle" in text


def test_no_section_while_off(tmp_path):
    text = memo(team(Weighting()), tmp_path)
    assert HEADING not in text and "sagstyngde" not in text.lower()


@pytest.mark.parametrize("extra", [0, 2])
def test_anonymised_section_names_no_one_and_shows_bands(tmp_path, extra):
    t = team()
    t.staff += [StaffMember(f"Ekstra {i}", counts={"sygedagpenge": 30}) for i in range(extra)]
    text = memo(t, tmp_path, anonymise=True)
    section = text[text.index(HEADING):]
    section = section[:section.index("Kilde: Sagstals beregning på teamets egne tal (sager, deres")]
    for name in ("Anna", "Bo", "Cai", "Dan", "Ekstra"):
        assert not re.search(rf"\b{name}\b", section), name
    assert "100,0 %" not in section and "90,0 %" not in section  # no exact loads
    if extra:  # 6 staff with a load (k = 5): labels with their two bands
        assert "Belastning i intervaller" in section and "80–100 %" in section
    else:
        assert "viser dette anonymiserede notat ingen tal pr. medarbejder om sagernes tyngde" in section


def test_the_summary_says_the_figures_are_weighted(tmp_path):
    text = memo(team(), tmp_path)
    summary = text[text.index("Sammenfatning"):text.index("Belastning pr. medarbejder")]
    assert ("Årsværk der skal til, belastning og status er i dette notat beregnet for de vægtede sager, som teamet "
            "har valgt (se »Sagernes tyngde«); status følger den vægtede belastning. Uden sagstyngde skulle der "
            "2,52 årsværk til ved DS' maksimum.") in summary

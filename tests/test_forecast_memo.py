"""The memo's optional section "Prognose" (issue 28), read back with pdftotext: plain Danish, every
figure labelled as Sagstal's calculation on the team's own figures, the measure named by the set."""

from __future__ import annotations

import re
from datetime import date

from conftest import pdf_text, run_cli

from sagstal_desktop.core import operations as ops
from sagstal_desktop.core.demo import demo_team
from sagstal_desktop.core.flows import Flow, month_after
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.report.options import MemoOptions
from sagstal_desktop.report.pdf import write_memo

AS_OF = date(2026, 12, 1)
SOURCE = "Sagstals beregning på teamets egne tal for tilgang og afgang"
#: Words a politician should not meet in the section.
JARGON = ("Poisson", "binomial", "lambda", "λ", "delta", "normalfordeling", "varians", "backtest", "FTE")


def section(text: str) -> str:
    """The section from its heading to the next section's heading."""
    start = re.search(r"^\s*Prognose\s*$", text, re.M)
    assert start, "no section Prognose"
    rest = text[start.end():]
    end = re.search(r"^\s*(Landstal|Budget|Scenarier|Metode)", rest, re.M)
    return rest[:end.start()] if end else rest


def memo(tmp_path, team, **options) -> str:
    path = tmp_path / "memo.pdf"
    write_memo(team, path, MemoOptions(as_of=AS_OF, include_forecast=True, **options))
    return pdf_text(path, raw=True)


def test_the_demo_memo_has_the_section_in_plain_danish(tmp_path, capsys):
    path = tmp_path / "demo.sagstal"
    run_cli(capsys, "demo", "-o", str(path))
    code, _, err = run_cli(capsys, "memo", str(path), "-o", str(tmp_path / "m.pdf"), "--forecast", "--as-of",
                           "1.12.2026")
    assert code == 0, err
    text = " ".join(section(pdf_text(tmp_path / "m.pdf", raw=True)).split())
    assert "gennemsnitlige antal nye sager pr. måned over de seneste 6 måneder" in text
    assert "Sygedagpenge: 61,3 nye sager om måneden, 16,0 % af de åbne sager afsluttet om måneden, 366 sager i dag" \
        in text
    assert "De åbne sager ved starten af 12 måneder (december 2025–november 2026) er tallene fra øjebliksbilleder" \
        in text
    assert "januar 2027" in text and "juni 2027" in text and "Årsværk ved DS' maksimum" in text
    assert "Efterprøvning: For 18 tidligere måneder" in text
    assert SOURCE in text
    assert not [word for word in JARGON if re.search(rf"\b{word}\b", text, re.I)]


def test_no_section_unless_chosen(tmp_path):
    path = tmp_path / "plain.pdf"
    write_memo(demo_team(AS_OF), path, MemoOptions(as_of=AS_OF))
    assert not re.search(r"^\s*Prognose\s*$", pdf_text(path, raw=True), re.M)


def test_the_survey_set_is_never_called_ds(tmp_path):
    from sagstal_desktop.core.norms import find_norm_set

    path = tmp_path / "survey.pdf"
    write_memo(demo_team(AS_OF), path, MemoOptions(as_of=AS_OF, include_forecast=True),
               norm_set=find_norm_set("ds_2015_types"))
    text = " ".join(section(pdf_text(path, raw=True)).split())
    assert "normsættets maksimum" in text and "DS' maksimum" not in text


def test_crossing_and_a_what_if(tmp_path):
    text = " ".join(section(memo(tmp_path, demo_team(AS_OF), forecast_intake_change=20)).split())
    assert "Hvad nu hvis: tilgangen ændret med +20 %" in text
    assert re.search(r"Teamet ventes at komme over DS' maksimum i \w+ 2027", text)


def test_too_little_data_and_worse_than_naive_are_said_plainly(tmp_path):
    team = Team(settings=TeamSettings(norm_set_id="ds_2020"), staff=[StaffMember("A", counts={"sygedagpenge": 40})])
    text = " ".join(section(memo(tmp_path, team)).split())
    assert "Ingen prognose: teamfilen har ingen tilgang og afgang pr. måned" in text
    ops.set_flows(team, [Flow(month_after(date(2026, 11, 1), -k), "sygedagpenge", 20 * (k % 2), 0)
                         for k in range(15)])
    text = " ".join(section(memo(tmp_path, team, forecast_window=3)).split())
    assert "Metoden ramte dårligere end blot at antage, at antallet af sager forbliver som i dag" in text


def test_anonymised_memo_leaves_out_available_fte_that_one_persons_change_would_show(tmp_path):
    """The demo's newcomer stops being new in May 2027: the available casework FTE per month
    (10,83 then 11,08) would tell a reader who knows the team who is new and by how much their
    hours are reduced. Anonymised, the column and the crossing month are left out, and why is
    said; the named memo keeps them; a team whose hours do not change keeps them anonymised."""
    from sagstal_desktop.core.anonymise import forecast_singles_out

    team = demo_team(AS_OF)
    named = " ".join(section(memo(tmp_path, team)).split())
    assert "Årsværk til sagsbehandling" in named and "10,83" in named and "11,08" in named
    anonymised = " ".join(section(memo(tmp_path, team, anonymise=True)).split())
    assert "10,83" not in anonymised and "11,08" not in anonymised
    assert "Årsværk til sagsbehandling pr. måned og den måned, teamet ville komme over DS' maksimum, er udeladt" \
        in anonymised and "færre end 5 medarbejdere" in anonymised
    assert "januar 2027" in anonymised and SOURCE in anonymised  # the cases forecast stays
    months = [month_after(AS_OF, k) for k in range(7)]
    assert forecast_singles_out(team, months)
    steady = Team(settings=TeamSettings(norm_set_id="ds_2020"),
                  staff=[StaffMember(f"P{i}", id=f"p{i}", counts={"sygedagpenge": 40}) for i in range(6)])
    assert not forecast_singles_out(steady, months)


def test_a_capped_exit_rate_is_said_in_the_section(tmp_path):
    months = [month_after(date(2026, 11, 1), k - 5) for k in range(6)]
    flows = [Flow(m, "sygedagpenge", 10, 10) for m in months[:-1]] + [Flow(months[-1], "sygedagpenge", 90_000, 90_000)]
    team = Team(settings=TeamSettings(norm_set_id="ds_2020"), staff=[StaffMember("A", counts={"sygedagpenge": 100})])
    ops.set_flows(team, flows)
    text = " ".join(section(memo(tmp_path, team)).split())
    assert ("Afgangsraten for Sygedagpenge er sat til 100 %: de afsluttede sager overstiger de åbne (90.050 "
            "afsluttede mod 600 åbne ved starten af de brugte måneder).") in text

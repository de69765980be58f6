"""Every memo sentence that names a source says only what that source says (issue 20, item 4).

Each entry pins one of the memo's source sentences (as printed in a Danish memo) to the seed
passage it rests on: the passage must stand in the seed, the memo must print the sentence, and
the sentence must carry the words that keep it within the passage and none of the words that
would claim more ("Kun …", "som DS anbefaler", a fleksjob remark where it does not apply).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from conftest import TODAY
from test_memo_pdf import pdf_text, write
from test_sources_exact import _seed_text

from sagstal_desktop.core.model import StaffMember, Team, TeamInfo, TeamSettings

SURVEY_2023 = "002_472d325cdad6f9e7.txt"
AGENCY_NOTE = "003_366ee61f76b870c8.txt"
BI08 = "004_d0cc99d380065f70.txt"


@dataclass(frozen=True)
class Pinned:
    """A memo sentence (found by ``start``) and the seed passage(s) it rests on."""

    start: str  # the sentence's first words in the Danish memo
    seed: str
    passages: tuple[str, ...]  # as in the seed (whitespace ignored)
    must: tuple[str, ...] = ()  # words the sentence carries
    must_not: tuple[str, ...] = ()  # words that would claim more than the passage


PINNED = (
    Pinned("Kilden nævner blandt andet JobFirst og IPS", AGENCY_NOTE,
           ("Det drejer sig blandt andet om Jobfirst og IPS-projektet", "igangværende projekter"),
           must=("blandt andet", "positiv effekt", "igangværende projekter", "ingen effekt"),
           must_not=("Kun JobFirst", "dokumenteret effekt")),
    Pinned("Arbejdstid til sagsbehandling (årsværk): c =", SURVEY_2023,
           ("anbefaler, at socialrådgivere, der arbejder på nedsat tid eller som også varetager arbejdsopgaver, "
            "der ikke er sagsarbejde, har færre sager. De samme gælder for socialrådgivere, der deltager i "
            "efteruddannelse.",),
           must=("Sagstals metode", "færre sager", "nedsat tid", "efteruddannelse", "intet om at trække timer fra"),
           must_not=("som DS anbefaler",)),
    Pinned("At nedsætte sagstallet i forhold til timerne er metodens antagelse", SURVEY_2023,
           ("har færre sager",), must=("færre sager", "ikke hvor mange færre")),
    Pinned("Nyansatte: c nedsættes", SURVEY_2023,
           ("Hvis socialrådgiveren er nyansat eller nyuddannet bør sagstallet være lavere i en periode på ca. 6 "
            "måneder",), must=("ca. 6 måneder", "lokal antagelse")),
    Pinned("DS' intervaller forudsætter normale forhold", SURVEY_2023,
           ("baseret på normaltilstand, hvor der ikke er langtidssygemeldinger, barsler uden vikar eller vakante "
            "stillinger i afdelingen", "fordelingen mellem enkle, komplekse og særligt komplicerede sager"),
           must=("langtidssygdom", "barsel uden vikar", "vakante stillinger", "tyngde")),
    Pinned("Et årsværk er en fuldtidsstilling på 37 timer om ugen", SURVEY_2023,
           ("socialrådgiver ansat 37 timer om ugen",)),
    Pinned("Landstallene er gennemsnit pr. arbejdsplads", SURVEY_2023,
           ("Samlet set overholdes DS’ vejledende sagstal på 53 procent af arbejdspladserne",
            "Når der regnes gennemsnit ud i kommunen, tages der ikke højde for nedsat tid"),
           must=("ikke omregnet efter timer",)),
    Pinned("DS spurgte i februar-marts 2023 sine tillidsrepræsentanter", SURVEY_2023,
           ("Spørgeskemaet er blevet sendt til 429 tillidsrepræsentanter i kommunerne, hvoraf 214",),
           must=("214 af 429", "pr. arbejdsplads, ikke pr. medarbejder")),
    Pinned("Til sammenligning: Københavns Kommune foreslog i budgetforslag BI08", BI08,
           ("ca. 70 sager", "anbefaler mellem 35-50 sager", "ned på 50 borgere"),
           must=("fra ca. 70 til 50 sager", "(DS: 35-50)", "angiver ikke antal stillinger eller pris pr. stilling")),
    Pinned("På tidspunktet for DS' undersøgelse i 2023 havde fleksjob intet DS-interval", SURVEY_2023,
           ("’Fleksjobområdet’ fremgår ikke af tabellen, da DS aktuelt ikke har et specifikt vejledende sagstal",
            "Fleksjob indgår på undersøgelsestidspunktet i DS’ vejledende sagstal for ’Ressourceforløb, afklaring "
            "af førtidspension og fleksjob’"),
           must=("På tidspunktet for DS' undersøgelse i 2023", "samlet")),
)


def fleksjob_team(norm_set_id: str = "ds_2020") -> Team:
    staff = [StaffMember(f"P{i}", 37.0, counts={"fleksjob": 30 + i, "sygedagpenge": 10}) for i in range(3)]
    return Team(info=TeamInfo("K", "Jobcenter", "Team F", "team_leader"),
                settings=TeamSettings(norm_set_id=norm_set_id, cost_per_fte=450_000.0), staff=staff)


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def sentence(text: str, start: str) -> str:
    """The sentence(s) of the memo's bullet or paragraph that begins with ``start``."""
    at = text.find(start)
    assert at >= 0, f"the memo does not print {start!r}"
    rest = text[at:]
    end = re.search(r" • |\[\d+\] [A-ZÆØÅ]| (Kilde|Projekt|Normer for) ", rest[len(start):])
    return rest[: len(start) + end.start()] if end else rest


@pytest.fixture(scope="module")
def memo_text(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("pinned")
    return _flat(pdf_text(write(fleksjob_team(), folder)))


@pytest.mark.parametrize("pin", PINNED, ids=[p.start[:30] for p in PINNED])
def test_each_source_sentence_says_what_its_seed_says(pin, memo_text):
    seed = _seed_text(pin.seed)
    for passage in pin.passages:
        assert " ".join(passage.split()) in seed, f"{pin.seed} does not say {passage!r}"
    said = sentence(memo_text, pin.start)
    for word in pin.must:
        assert word in said, (word, said)
    for word in pin.must_not:
        assert word not in said, (word, said)


def test_no_memo_claims_only_jobfirst_and_ips(memo_text):
    assert "Kun JobFirst" not in memo_text and "som DS anbefaler" not in memo_text
    assert "Dokumenteret effekt" not in memo_text and "Positiv effekt ifølge kilden (blandt andre)" in memo_text


def test_the_fleksjob_remark_only_where_it_applies(demo, tmp_path):
    """Printed for DS's 2020 ranges and a team with fleksjob cases; not for DS's newer overview
    (which has a fleksjob range), not for a team without fleksjob cases."""
    remark = "intet DS-interval"
    with_cases = _flat(pdf_text(write(fleksjob_team("ds_2020"), tmp_path, "a.pdf")))
    newer = _flat(pdf_text(write(fleksjob_team("ds_current"), tmp_path, "b.pdf")))
    without = _flat(pdf_text(write(demo, tmp_path, "c.pdf")))  # ds_2020, sygedagpenge only
    assert remark in with_cases
    assert remark not in newer
    assert remark not in without


def test_derived_figures_are_labelled_as_sagstals_calculation(memo_text):
    summary = memo_text[memo_text.index("Sammenfatning"):memo_text.index("Belastning pr. medarbejder")]
    assert "Sagstals beregning: årsværk der skal til = teamets sager af hver sagstype / DS' maksimum" in summary
    assert "mangel = årsværk der skal til − årsværk til sagsbehandling (negativ: overskud)" in summary
    assert "Årlig udgift = manglen × udgiften pr. årsværk (0 ved overskud)." in summary
    assert re.search(r"Kilde: Sagstals beregning på teamets egne tal \(sager og timer pr. medarbejder pr. "
                     r"22\. november 2026\) og intervallerne i [^\[]+\[\d", summary)
    staff_note = memo_text[memo_text.index("Belastning: sagsstammen i procent"):]
    assert staff_note[staff_note.index("Kilde:"):].startswith("Kilde: Sagstals beregning på teamets egne tal")
    assert "Sagstals beregning: årsværk der skal til ved DS' maksimum / årsværk der skal til ved DS' minimum" \
        in memo_text
    assert str(TODAY.day) + ". november" in summary
    assert "Sagstals beregning: udgiften til at dække teamets mangel på årsværk" in memo_text  # the budget

"""The memo says exactly what its sources carry (issue 9): derived figures say so, the measure is
named by the chosen norm set, unmeasured cases are reported, numbers agree with their labels,
and method caveats are printed. Memo text is read back with pdftotext."""

from __future__ import annotations

from pathlib import Path

from test_memo_pdf import pdf_text, write

from sagstal_desktop.assets import resource_path


def flat(text: str) -> str:
    return " ".join(text.split())


def test_derived_cost_per_fte_says_vores_beregning_with_its_assumption(demo, tmp_path):
    assert demo.settings.cost_per_fte == 396_900
    assert demo.settings.cost_source.startswith("Vores beregning")
    assert "5.000 borgere går fra 70 til 50" in demo.settings.cost_source
    assert "28,57 årsværk" in demo.settings.cost_source
    text = flat(pdf_text(write(demo, tmp_path)))
    assert text.count("396.900 kr.") >= 1
    for at in [i for i in range(len(text)) if text.startswith("396.900 kr.", i)]:
        assert "Vores beregning" in text[at:at + 200], text[at:at + 200]
    assert "Forslaget angiver ikke antal stillinger eller pris pr. stilling." in text
    for lang, words in (("da", "vores beregning"), ("en", "our own calculation")):
        help_text = flat(Path(resource_path("help", f"help_{lang}.html")).read_text(encoding="utf-8"))
        assert words in help_text and ("28,57" in help_text or "28.57" in help_text)


def _claims(text: str) -> str:
    """The memo's own text: everything before the source list (titles there may say "DS")."""
    body = flat(text)
    return body[:body.rindex("Kilder ")]


def _source_entry(text: str, number: int) -> str:
    body = flat(text)
    sources = body[body.rindex("Kilder "):]
    start = sources.index(f"[{number}] ")
    nxt = sources.find(f"[{number + 1}] ", start)
    return sources[start:nxt if nxt > 0 else None]


DS_ONLY = ("DS' maksimum", "over DS'", "DS' midtpunkt", "DS' minimum", "DS maks.", "DS min.", "DS-interval for")


def test_memo_against_the_2015_survey_set_never_says_ds_maximum(demo, tmp_path):
    demo.settings.norm_set_id = "ds_2015_types"
    text = pdf_text(write(demo, tmp_path))
    claims = _claims(text)
    for phrase in DS_ONLY:
        assert phrase not in claims, phrase
    assert "normsættets maksimum" in claims
    assert "socialrådgivernes egne vurderinger" in claims and "ikke DS' vejledende sagstal" in claims
    import re

    number = int(re.search(r"Målt mod DS-undersøgelse 2015, sagstyper \(beskæftigelsesområdet\) \[(\d+)\]",
                           claims).group(1))
    assert "Undersøgelse af socialrådgiveres sagstal på beskæftigelsesområdet" in _source_entry(text, number)


def test_memo_against_an_own_ceiling_cites_the_councils_decision(demo, tmp_path):
    import re

    from sagstal_desktop.core.norms import custom_norm_set, find_norm_set

    note = "Byrådets beslutning om loft over sagstal, 12.3.2026"
    ceiling = custom_norm_set("loft_2026", "Kommunens loft 2026", find_norm_set("ds_2020"),
                              {"sygedagpenge": (35, 45), "jobafklaring": (35, 45)}, note)
    demo.custom_norm_sets.append(ceiling)
    demo.settings.norm_set_id = ceiling.id
    text = pdf_text(write(demo, tmp_path))
    claims = _claims(text)
    for phrase in DS_ONLY:
        assert phrase not in claims, phrase
    number = int(re.search(r"Målt mod Kommunens loft 2026 \[(\d+)\]", claims).group(1))
    entry = _source_entry(text, number)
    assert note in entry and "Guiden" not in entry and "Dansk Socialrådgiverforening" not in entry
    assert "Normsættet er teamets eget" in claims


def test_ds_sets_keep_ds_wording(demo, tmp_path):
    claims = _claims(pdf_text(write(demo, tmp_path)))
    assert "over DS' maksimum" in claims and "Intervallerne er Dansk Socialrådgiverforenings vejledende" in claims


def test_person_with_only_unmeasured_cases_is_reported_not_below(demo, tmp_path):
    import re

    demo.staff[0].counts = {"dagpenge": 40}  # Anne Holm: a type ds_2020 has no range for
    demo.staff[1].counts["dagpenge"] = 5  # Bo Jensen: partly unmeasured (48 + 4 measured is over anyway)
    demo.staff[2].counts["dagpenge"] = 3  # Camilla Nørgaard: 40 measured on 30 h, plus 3 unmeasured
    text = pdf_text(write(demo, tmp_path))
    body = flat(text)
    total = sum(sum(m.counts.values()) for m in demo.staff)
    assert f"48 af teamets {total:,} sager har ingen norm i dette normsæt og indgår ikke.".replace(",", ".") in body
    raw = flat(pdf_text(write(demo, tmp_path, name="raw.pdf"), raw=True))
    assert re.search(r"Anne Holm 37,0 0,0 1,00 0 40 40 40,0 – Uden norm \(40\)", raw)
    assert re.search(r"Camilla Nørgaard 30,0 0,0 0,81 40 3 43 53,0 99 % Delvis uden norm \(3\)", raw)
    # one word per status in every layer (core.wording.status_label), so the memo says "Over DS' maksimum"
    assert "Bo Jensen 37,0 0,0 1,00 52 5 57 57,0 105 % Over DS' maksimum (5)" in raw
    # the glossary's term for casework FTE ("Årsværk til sagsbehandling", never "Årsværk til sager")
    assert "Årsværk til sagsbehandling for sager med norm 9,69" in raw  # raw: the longer label wraps in its cell
    assert "Delvis uden norm" in body and "c × sager med norm / alle sager" in body


def test_budget_rows_add_up_as_printed(demo, tmp_path):
    import re

    from sagstal_desktop.core.whatif import budget_table

    rows, total = budget_table(518_226, 2027, 4)  # the demo's yearly cost at the midpoint
    assert [r.thousand_dkk for r in rows] == [518, 518, 518, 518] and total == 2_072  # never 2.073
    path = write(demo, tmp_path)
    text = flat(pdf_text(path))
    raw = flat(pdf_text(path, raw=True))
    budget = raw[raw.index("Budget "):raw.index("Til sammenligning")]
    lines = re.findall(r"årsværk\) ((?:[\d.]+ ){4})([\d.]+)", budget)
    assert len(lines) == 2, budget  # midpoint and minimum (no shortfall at the maximum)
    for years, printed_total in lines:
        values = [int(v.replace(".", "")) for v in years.split()]
        assert sum(values) == int(printed_total.replace(".", ""))
    assert "kr.." not in text


def test_a_load_over_100_never_prints_as_100(demo, tmp_path):
    from conftest import TODAY

    from sagstal_desktop.core.load import Status, summarize
    from sagstal_desktop.core.wording import format_load

    member = demo.staff[0]  # Anne Holm: 50 cases on 36.9 h against max 50 = 100.27 %
    member.weekly_hours, member.counts = 36.9, {"sygedagpenge": 50, "jobafklaring": 0}
    person = summarize(demo, TODAY).persons[0]
    assert person.status is Status.OVER and round(person.load_max * 100, 2) == 100.27
    assert format_load(person.load_max) == "100,3 %"
    raw = flat(pdf_text(write(demo, tmp_path), raw=True))
    assert "Anne Holm 36,9 0,0 1,00 50 0 50 50,1 100,3 % Over" in raw
    assert "100 % Over" not in raw
    assert format_load(1.0) == "100 %" and format_load(0.99996) == "99,996 %" and format_load(0.87) == "87 %"


def test_ranges_and_counts_read_right():
    from sagstal_desktop.core.formatting import format_range
    from sagstal_desktop.core.wording import plural

    assert format_range(25, 45.00000000001) == "25-45" and format_range(35, 48.3) == "35-48,3"
    assert plural(1, "gyldig række", "gyldige rækker") == "1 gyldig række"
    assert plural(2, "gyldig række", "gyldige rækker") == "2 gyldige rækker"


def test_method_caveats_and_uneven_spread(demo, tmp_path):
    from conftest import TODAY

    from sagstal_desktop.core.load import summarize

    text = flat(pdf_text(write(demo, tmp_path)))
    method = text[text.index("Forudsætninger og metode"):]
    assert "er metodens antagelse: DS siger, at medarbejdere på nedsat tid eller med andre opgaver skal have " \
           "færre sager, men ikke hvor mange færre." in method
    assert "Landstallene er gennemsnit pr. arbejdsplads, som tillidsrepræsentanter har indberettet" in method
    assert "DS' minimum er den nedre grænse af et interval, ikke et krav om normering." in method
    # issue 20: the flexi-job remark is true of DS's 2020 ranges only, and only for a team with such cases
    assert "fleksjob" not in method.lower()
    assert "gennemsnit pr. arbejdsplads, ikke pr. medarbejder" in text[:text.index("Forudsætninger og metode")]
    summary = summarize(demo, TODAY)
    assert summary.shortfall("max") < 0 and summary.over_count == 5 and summary.uneven
    assert ("Teamet har de årsværk, der skal til ved DS' maksimum, men 5 medarbejdere ligger over: sagerne er "
            "skævt fordelt mellem medarbejderne.") in text
    en = flat(pdf_text(write(demo, tmp_path, name="en.pdf", lang="en")))
    assert "but 5 people are over: the cases are unevenly spread" in en

"""The PDF memo: its figures as the core computes them, Danish letters, page numbers, sources,
anonymisation (text, metadata and raw bytes), long teams, English, and safe writing."""

from __future__ import annotations

import contextlib
import re
import subprocess
import zlib
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import TODAY, pdf_text

from sagstal_desktop.core.formatting import format_dkk, format_number, format_percent, format_range
from sagstal_desktop.core.load import Status, summarize
from sagstal_desktop.core.norms import find_norm_set
from sagstal_desktop.core.references import budget_case, reference_caseloads
from sagstal_desktop.core.survey import survey_2023
from sagstal_desktop.core.whatif import budget_table
from sagstal_desktop.core.wording import status_label
from sagstal_desktop.report import content
from sagstal_desktop.report.options import MemoOptions
from sagstal_desktop.report.pdf import MemoCancelled, MemoError, write_memo
from sagstal_desktop.report.texts import staff_letters, texts

GENERATED = datetime(2026, 11, 22, 9, 30)




def pdf_info(path: Path) -> str:
    return subprocess.run(["pdfinfo", "-enc", "UTF-8", str(path)], check=True, capture_output=True, text=True).stdout


def page_count(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", pdf_info(path), re.M).group(1))


def raw_pdf_strings(path: Path) -> bytes:
    """The file's bytes plus every stream inflated, so compression hides nothing."""
    data = path.read_bytes()
    parts = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        with contextlib.suppress(zlib.error):  # not every stream is deflated
            parts.append(zlib.decompress(match.group(1)))
    return b"\n".join(parts)


def write(team, tmp_path: Path, name: str = "memo.pdf", **kwargs) -> Path:
    target = tmp_path / name
    options = MemoOptions(as_of=TODAY, generated=GENERATED, **kwargs)
    write_memo(team, target, options)
    return target


@pytest.fixture
def demo_memo(demo, tmp_path) -> tuple[Path, str]:
    path = write(demo, tmp_path)
    return path, pdf_text(path)


def test_key_figures_are_the_core_figures(demo, demo_memo):
    _path, text = demo_memo
    summary = summarize(demo, TODAY)
    flat = " ".join(text.split())
    n = format_number
    assert f"Sager i alt {n(summary.total_cases, 0)}" in flat
    assert f"Årsværk til sagsbehandling {n(summary.available_fte, 2)}" in flat
    needed = " ".join(n(summary.fte_needed(level), 2) for level in ("max", "mid", "min"))
    assert f"Årsværk der skal til {needed}" in flat
    assert f"overskud {n(-summary.shortfall('max'), 2)}" in flat
    assert f"mangler {n(summary.shortfall('mid'), 2)}" in flat
    assert f"mangler {n(summary.shortfall('min'), 2)}" in flat
    costs = " ".join(format_dkk(summary.yearly_cost(level)) for level in ("max", "mid", "min"))
    assert f"Årlig udgift til manglen {costs}" in flat
    assert f"Medarbejdere over DS' maksimum {summary.over_count} af {summary.computable_count}" in flat
    low, high = summary.effective_range
    assert (f"Gennemsnitligt fuldtidssagstal {n(summary.average_fte_caseload, 1)} "
            f"(DS-interval for teamets sager: {format_range(low, high)})") in flat
    # hand-checked against `sagstal summary` of the demo
    assert summary.over_count == 5 and n(summary.available_fte, 2) == "10,83"


def test_every_staff_row_carries_the_core_figures(demo, demo_memo):
    _path, text = demo_memo
    summary = summarize(demo, TODAY)
    members = {m.id: m for m in demo.staff}
    lines = text.splitlines()
    status = {s.value: status_label(s, "da") for s in Status}  # one wording everywhere (core.wording)
    for p in summary.persons:
        m = members[p.member_id]
        cells = [format_number(p.weekly_hours, 1), format_number(m.other_hours, 1), format_number(p.capacity, 2),
                 str(m.counts["sygedagpenge"]), str(m.counts["jobafklaring"]), str(p.total_cases),
                 format_number(p.fte_caseload, 1), format_percent(p.load_max, 0)]
        pattern = re.escape(p.name) + r"(?: \*)?\s+" + r"\s+".join(re.escape(c) for c in cells)
        # the status cell wraps onto a second line: its first word ends the row's first line
        pattern += r"\s+" + re.escape(status[p.status.value].split()[0])
        assert any(re.search(pattern, line) for line in lines), f"row of {p.name} not found"
        assert status[p.status.value] in " ".join(text.split())
        # the chart labels each bar with the same percentage
    assert text.count("Emil Sørensen *") == 1  # the newcomer is marked in the table
    assert "Nyansat: arbejdstiden til sagsbehandling er nedsat med 25 % de første 6 måneder" in " ".join(text.split())


def test_danish_letters_survive_extraction(demo_memo):
    _path, text = demo_memo
    for word in ("Dorthe Ågaard", "Karin Østergaard", "Camilla Nørgaard", "Hanne Kjær", "Årsværk", "Forudsætninger"):
        assert word in text


def test_page_numbers_footer_and_metadata(demo_memo):
    path, _text = demo_memo
    pages = page_count(path)
    assert pages >= 3
    for page in range(1, pages + 1):
        page_text = pdf_text(path, page=page)
        assert f"Side {page} af {pages}" in page_text
        assert "Dannet 22.11.2026 kl. 09.30 med Sagstal" in page_text
    info = pdf_info(path)
    assert "Notat om sagstal og normering – Eksempel Kommune – Team Nord" in info
    assert re.search(r"^Author:\s+Teamleder$", info, re.M)
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info, re.M)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    # every font in the memo is embedded (bullets, table cells and charts included: no Helvetica)
    assert rows and all(row[1] == "TrueType" and row[-5:-2] == ["yes", "yes", "yes"] for row in rows), fonts


def test_sources_section_cites_every_source_used(demo, demo_memo):
    _path, text = demo_memo
    flat = " ".join(text.split())
    sources_part = flat[flat.rindex("Kilder "):]
    norm_set = demo.norm_set()
    survey = survey_2023()
    cases = budget_case()
    refs = reference_caseloads()
    for source in (norm_set.source, survey.source, survey.areas["sygedagpenge"].source, cases.source, refs.source):
        assert source.cite("da") in sources_part
    numbers = [int(x) for x in re.findall(r"\[(\d+)\] [A-ZÆØÅ]", sources_part)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 5
    # every reference number used in the text has an entry
    used = {int(n) for group in re.findall(r"\[([\d, ]+)\]", flat[:flat.rindex("Kilder ")]) for n in group.split(",")}
    assert used <= set(numbers)


def test_national_budget_and_reference_sections(demo, demo_memo):
    _path, text = demo_memo
    flat = " ".join(text.split())
    area = survey_2023().areas["sygedagpenge"]
    assert f"{area.average_2023} ({area.average_2019})" in flat
    assert format_percent(area.too_high_pct / 100) in flat
    assert f"{area.within} / {area.within + area.over} ({format_percent(area.within_pct / 100)})" in flat
    newer = find_norm_set("ds_current").norm_for("sygedagpenge")
    assert format_range(newer.min, newer.max) in flat
    summary = summarize(demo, TODAY)
    rows, total = budget_table(summary.yearly_cost("mid"), demo.settings.budget_first_year, 4)
    year_cells = " ".join(format_number(r.thousand_dkk, 0) for r in rows)
    assert f"{year_cells} {format_number(total, 0)}" in flat
    assert "1.000 kr. " + str(demo.settings.budget_first_year) in flat
    assert "11.340" in flat and "45.360" in flat  # BI08 for comparison
    in_order = " ".join(pdf_text(_path, raw=True).split())  # table cells one after the other
    for project in reference_caseloads().projects:
        assert project.caseload("da") in in_order


def test_optional_sections_can_be_left_out(demo, tmp_path):
    path = write(demo, tmp_path, include_national=False, include_budget=False, include_references=False)
    text = pdf_text(path)
    assert "Landstal fra DS' undersøgelse 2023" not in text
    assert "Budget" not in text.replace("budgetforslag", "")
    assert "Sagsstammer i projekter" not in text
    assert "Forudsætninger og metode" in text and "Kilder" in text


def test_budget_years_option(demo, tmp_path):
    path = write(demo, tmp_path, budget_years=6, budget_first_year=2030)
    flat = " ".join(pdf_text(path).split())
    assert "1.000 kr. 2030 2031 2032 2033 2034 2035 I alt" in flat


def test_no_cost_no_budget(demo, tmp_path):
    demo.settings.cost_per_fte = None
    text = " ".join(pdf_text(write(demo, tmp_path)).split())
    assert "Årlig udgift" not in text and "1.000 kr.," not in text
    assert "Der er ikke angivet en årsværkspris" in text


def test_anonymised_memo_has_no_names_anywhere(demo, tmp_path):
    path = write(demo, tmp_path, anonymise=True)
    text = pdf_text(path) + pdf_text(path, layout=False)
    info = pdf_info(path)
    raw = raw_pdf_strings(path)
    for member in demo.staff:
        first, last = member.name.split(" ", 1)
        for needle in (member.name, last) + ((first,) if len(first) > 3 else ()):
            assert needle not in text, needle
            assert needle not in info, needle
            for encoding in ("utf-8", "latin-1", "utf-16-be"):  # Danish names all fit Latin-1
                assert needle.encode(encoding) not in raw, (needle, encoding)
        day = member.start_date
        for stamp in (day.isoformat(), day.strftime("%d.%m.%Y"), day.strftime("%d-%m-%Y"), day.strftime("%d/%m/%Y")):
            assert stamp not in text and stamp.encode() not in raw
    # issue 20: labels are drawn afresh for each memo; per person only the load band and status
    lines = [line for line in text.splitlines() if re.match(r"\s*Medarbejder [A-Z]+\s+\S", line)]
    labels = [re.match(r"\s*(Medarbejder [A-Z]+)", line).group(1) for line in lines]
    assert sorted(set(labels)) == sorted(f"Medarbejder {staff_letters(i)}" for i in range(len(demo.staff)))
    assert "Medarbejderne er anonymiseret" in text
    # Anne Holm's 114 % shows only as the band 100–120 %, beside no count of cases
    over = [line for line in lines if "100–120 %" in line]
    assert over and all(re.fullmatch(r"\s*Medarbejder [A-Z]+\s+100–120 %\s+Over DS' maksimum\s*", x) for x in over)
    assert "114 %" not in text


def test_staff_letters_beyond_z():
    assert [staff_letters(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


def _big_team(demo, size: int):
    from helpers.teams import scaled_team

    return scaled_team(demo, size, name="Person {i:04d}")


def test_thousand_people_give_many_pages_with_repeated_header(demo, tmp_path):
    team = _big_team(demo, 1000)
    path = write(team, tmp_path, full_list=True)  # a team this large lists everyone only on request (appendix)
    pages = page_count(path)
    assert pages >= 15
    table_pages = 0
    for page in range(1, pages + 1):
        page_text = pdf_text(path, page=page)
        if re.search(r"^\s*Person \d{4}", page_text, re.M):
            table_pages += 1
            assert re.search(r"^\s*Navn\s+Timer.*Årsværk.*Belastning", page_text, re.M), f"no header on page {page}"
    assert table_pages >= 15
    text = " ".join(pdf_text(path, raw=True).split())
    assert all(f"Person {i:04d}" in text for i in (0, 1, 499, 998, 999))
    summary = summarize(team, TODAY)
    assert "I alt (1.000 medarbejdere)" in text
    assert format_number(summary.available_fte, 2) in text


def test_person_without_casework_hours_is_not_computable(demo, tmp_path):
    demo.staff[0].other_hours = 37.0
    text = pdf_text(write(demo, tmp_path))
    assert re.search(r"Anne Holm\s+37,0\s+37,0\s+0,00\s+57\s+0\s+57\s+–\s+–\s+Kan ikke", text)
    assert "1 medarbejder har ingen timer til sagsbehandling, og belastningen kan ikke beregnes." in " ".join(
        text.split())  # singular, not "medarbejder(e)" (issue 9)


def test_many_case_types_fall_back_to_areas(demo, tmp_path):
    types = ["born_familie", "born_handicap", "sygedagpenge", "jobafklaring", "integration"]
    for i, member in enumerate(demo.staff):
        member.counts = {t: (i + k) % 7 + 1 for k, t in enumerate(types)}
    demo.settings.norm_set_id = "ds_current"
    summary = summarize(demo, TODAY)
    assert content.case_columns(summary, demo.norm_set(), "da", "type") is None  # five types do not fit
    areas = content.case_columns(summary, demo.norm_set(), "da", "area")
    assert areas.kind == "area" and areas.keys == ("born", "sygedagpenge", "integration")
    # an area's column is labelled as the area's total, not as one of its case types
    assert areas.headers == ("Børneområdet i alt", "Sygedagpenge i alt", "Integration (flygtninge) i alt")
    text = pdf_text(write(demo, tmp_path))
    assert re.search(r"Navn\s+Timer\s+Timer\s+Årsværk\s+Børneområdet\s+Sygedagpenge\s+Integration\s+Sager", text)
    first = demo.staff[0].counts  # Anne Holm: born 1+2, sygedagpenge 3+4, integration 5
    assert re.search(r"Anne Holm\s+37,0\s+0,0\s+1,00\s+3\s+7\s+5\s+15\s", text), first


def test_too_many_areas_leave_only_the_total(demo, tmp_path):
    types = ["born_familie", "voksenhandicap", "jobparate_o30", "sygedagpenge", "integration"]
    for member in demo.staff:
        member.counts = dict.fromkeys(types, 2)
    demo.settings.norm_set_id = "ds_current"
    text = pdf_text(write(demo, tmp_path))
    assert re.search(r"Anne Holm\s+37,0\s+0,0\s+1,00\s+10\s+10,0\s", text)
    flat = " ".join(text.split())
    for case_type in types:  # the team's cases per type are still in the norms table
        from sagstal_desktop.core.norms import case_type_name

        assert f"{case_type_name(case_type)} {2 * len(demo.staff)}" in flat


def test_english_memo_has_no_danish_labels(demo, tmp_path):
    demo.settings.cost_source = "derived from budget proposal BI08"
    path = write(demo, tmp_path, lang="en")
    text = " ".join(pdf_text(path).split())
    proper = {demo.info.municipality, demo.info.department, demo.info.team_name}
    for name in proper:
        text = text.replace(name, "")
    da, en = dict(texts("da")), dict(texts("en"))
    for s in Status:  # the memo words statuses as everywhere else (core.wording)
        da[f"status_{s.value}"], en[f"status_{s.value}"] = status_label(s, "da"), status_label(s, "en")
    prefixes = ("h_", "col_", "status_", "nat_", "ref_", "norm_", "level_", "role_", "m_", "budget_")
    checked = 0
    for key, danish in da.items():
        if not key.startswith(prefixes) and key not in ("title", "summary", "date", "author", "norm_set"):
            continue
        fragment = re.split(r"\{[^}]*\}", danish)[0].strip()
        if len(fragment) < 5 or fragment == en[key].split("{")[0].strip():
            continue
        checked += 1
        assert fragment not in text, f"Danish text {fragment!r} ({key}) in the English memo"
    assert checked > 40
    for word in ("Side ", "Kilde", "Dannet", "Medarbejder", "Årsværk", "mangler", "overskud", "Sager"):
        assert word not in text
    assert "Memo on caseloads and staffing" in text and "Page 1 of" in text and "Union representative" not in text
    assert "Team leader" in text and "Sources" in text
    summary = summarize(demo, TODAY)
    assert format_number(summary.available_fte, 2, "en") in text
    assert format_dkk(summary.yearly_cost("mid"), "en") in text


def test_tr_role_text(demo, tmp_path):
    demo.info.author_role = "tr"
    path = write(demo, tmp_path)
    assert "Tillidsrepræsentant (TR)" in pdf_text(path)
    assert re.search(r"^Author:\s+Tillidsrepræsentant \(TR\)$", pdf_info(path), re.M)


def test_write_is_atomic_and_cancel_leaves_nothing(demo, tmp_path):
    target = tmp_path / "memo.pdf"
    target.write_bytes(b"old memo")

    def cancel(fraction: float) -> None:
        if fraction > 0.15:
            raise MemoCancelled

    with pytest.raises(MemoCancelled):
        write_memo(demo, target, MemoOptions(as_of=TODAY), progress=cancel)
    assert target.read_bytes() == b"old memo"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.pdf"]
    seen: list[float] = []
    pages = write_memo(demo, target, MemoOptions(as_of=TODAY), progress=seen.append)
    assert pages == page_count(target) and seen[-1] == 1.0 and seen == sorted(seen)
    assert [p.name for p in tmp_path.iterdir()] == ["memo.pdf"]


def test_unwritable_folder_is_a_memo_error(demo, tmp_path):
    with pytest.raises(MemoError):
        write_memo(demo, tmp_path / "missing" / "memo.pdf", MemoOptions(as_of=TODAY))


def test_font_fallback_is_reportlabs_vera(monkeypatch):
    from sagstal_desktop.report import fonts

    monkeypatch.setattr(fonts, "font_dirs", lambda: [])
    fonts.find_fonts.cache_clear()
    try:
        found = fonts.find_fonts()
        assert found.regular.name == "Vera.ttf" and found.regular.is_file() and found.bold.is_file()
    finally:
        fonts.find_fonts.cache_clear()


def test_font_dir_override(monkeypatch, tmp_path):
    import shutil

    from sagstal_desktop.report import fonts

    vera = fonts.bundled_fallback()
    shutil.copy(vera.regular, tmp_path / "DejaVuSans.ttf")
    shutil.copy(vera.bold, tmp_path / "DejaVuSans-Bold.ttf")
    monkeypatch.setenv("SAGSTAL_FONT_DIR", str(tmp_path))
    fonts.find_fonts.cache_clear()
    try:
        assert fonts.find_fonts().regular == tmp_path / "DejaVuSans.ttf"
    finally:
        fonts.find_fonts.cache_clear()


def test_memo_uses_the_given_summary_only_when_it_fits(demo):
    from sagstal_desktop.report.pdf import memo_inputs

    summary = summarize(demo, TODAY)
    same, _ns = memo_inputs(demo, MemoOptions(as_of=TODAY), summary)
    assert same is summary
    other, ns = memo_inputs(demo, MemoOptions(as_of=TODAY), summary, find_norm_set("ds_current"))
    assert other is not summary and other.norm_set_id == "ds_current" == ns.id
    later, _ns = memo_inputs(demo, MemoOptions(as_of=date(2027, 6, 1)), summary)
    assert later.as_of == date(2027, 6, 1)

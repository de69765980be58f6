"""Export → import round-trips every input field (xlsx and csv, Danish and English headers),
also for generated teams with Danish names; and the exported files look as documented."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.norms import catalogue, find_norm_set
from sagstal_desktop.io.exporter import export_csv, export_xlsx, write_template
from sagstal_desktop.io.importer import import_file, name_key

FIELDS = ("name", "weekly_hours", "other_hours", "other_tasks", "start_date", "counts", "note")
TODAY = date(2026, 11, 22)


def _inputs(team: Team) -> list[tuple]:
    return [tuple(getattr(p, f) for f in FIELDS) for p in team.staff]


def _round_trip(team: Team, path, lang: str = "da") -> Team:
    if path.suffix == ".csv":
        export_csv(team, path, lang, TODAY)
    else:
        export_xlsx(team, path, lang, TODAY)
    plan = import_file(path, team.norm_set())
    assert plan.errors == [], [p.message() for p in plan.errors]
    return plan.new_team()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_demo_round_trip(tmp_path, demo, suffix, lang):
    demo.staff[0].note = 'Linje 1\nLinje 2; med "citat"'
    demo.staff[1].name = "=SUM(A1:A3)"  # stays text, never a formula
    demo.staff[2].weekly_hours = 32.75
    back = _round_trip(demo, tmp_path / f"hold{suffix}", lang)
    assert _inputs(back) == _inputs(demo)


_LETTERS = "abcdefghijklmnoprstuvyzæøåÆØÅABEKLMS"
_names = st.text(alphabet=_LETTERS + " -'.=", min_size=1, max_size=25).map(lambda s: " ".join(s.split())).filter(
    lambda s: s and s[0] not in "-'.")
_text = st.text(alphabet=_LETTERS + " ,;\"\n0123456789%§", max_size=40).map(str.strip)
_types = sorted(catalogue())


@st.composite
def _members(draw) -> StaffMember:
    # hours as people type them (xlsx keeps numbers to Excel's 15 significant digits)
    weekly = round(draw(st.floats(min_value=0, max_value=48, allow_nan=False)), 4)
    other = round(draw(st.floats(min_value=0, max_value=weekly, allow_nan=False)), 4)
    counts = draw(st.dictionaries(st.sampled_from(_types), st.integers(0, 100_000), max_size=6))
    start = draw(st.none() | st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
    return StaffMember(name=draw(_names), weekly_hours=weekly, other_hours=other, other_tasks=draw(_text),
                       start_date=start, counts=counts, note=draw(_text))


@st.composite
def _teams(draw) -> Team:
    people = draw(st.lists(_members(), min_size=1, max_size=8, unique_by=lambda p: name_key(p.name)))
    norm_id = draw(st.sampled_from(["ds_current", "ds_2020", "ds_2015_types"]))
    return Team(settings=TeamSettings(norm_set_id=norm_id), staff=people)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(team=_teams(), suffix=st.sampled_from([".xlsx", ".csv"]))
def test_generated_teams_round_trip(tmp_path, team, suffix):
    back = _round_trip(team, tmp_path / f"gen{suffix}")
    assert _inputs(back) == _inputs(team)


@pytest.mark.parametrize("hours", [0.1 + 0.2, 1e-7, 47.99999999999999, 1 / 3])
def test_csv_keeps_every_digit(tmp_path, hours):
    team = Team(staff=[StaffMember("Å", weekly_hours=hours, other_hours=hours / 7)])
    back = _round_trip(team, tmp_path / "cifre.csv")
    assert _inputs(back) == _inputs(team)


def test_xlsx_layout(tmp_path, demo):
    import openpyxl

    path = tmp_path / "hold.xlsx"
    export_xlsx(demo, path, "da", TODAY)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Medarbejdere", "Opsummering", "Normer"]
    ws = book["Medarbejdere"]
    headers = [c.value for c in ws[1]]
    assert headers[:5] == ["Navn", "Timer pr. uge", "Timer til andre opgaver", "Andre opgaver", "Ansat"]
    assert headers[-5:] == ["Årsværk til sagsbehandling", "Sager i alt", "Fuldtidssagstal",
                            "Belastning (andel af DS' maksimum)", "Status"]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "B2"
    assert ws.column_dimensions["A"].width >= len("Camilla Nørgaard")
    anne = [c.value for c in ws[2]]
    assert anne[0] == "Anne Holm" and anne[1] == 37 and isinstance(anne[4], datetime)
    assert ws.cell(row=2, column=5).number_format == "dd-mm-yyyy"
    summary = summarize(demo, TODAY)
    result = summary.persons[0]
    load_col = headers.index("Belastning (andel af DS' maksimum)")
    assert anne[load_col] == pytest.approx(result.load_max)
    assert ws.cell(row=2, column=load_col + 1).number_format == "0.0%"
    assert anne[headers.index("Sager i alt")] == 57
    assert anne[-1] == "Over DS' maksimum"  # the status as worded everywhere (core.wording)
    facts = {row[0].value: row[1].value for row in book["Opsummering"].iter_rows(min_row=2)}
    assert facts["Sager i alt"] == summary.total_cases
    assert facts["Årsværk der skal til ved DS' maksimum"] == pytest.approx(summary.fte_needed("max"))
    assert facts["Normsæt"] == demo.norm_set().name("da")
    norms = book["Normer"]
    rows = list(norms.iter_rows(min_row=2, values_only=True))
    sdp = next(r for r in rows if r[2] == "sygedagpenge")
    norm = demo.norm_set().norm_for("sygedagpenge")
    assert (sdp[3], sdp[4], sdp[6]) == (norm.min, norm.max, norm.source.cite("da"))


def test_xlsx_english_headers(tmp_path, demo):
    import openpyxl

    path = tmp_path / "team.xlsx"
    export_xlsx(demo, path, "en", TODAY)
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["Staff", "Summary", "Norms"]
    first = next(book["Staff"].iter_rows(max_row=1, values_only=True))
    assert first[:5] == ("Name", "Weekly hours", "Hours on other tasks", "Other tasks", "Start date")


def test_csv_is_danish_excel_form(tmp_path, demo):
    demo.staff[2].weekly_hours = 32.5
    path = tmp_path / "hold.csv"
    export_csv(demo, path, "da", TODAY)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data[3:].decode("utf-8").split("\r\n")
    assert lines[0].startswith("Navn;Timer pr. uge;Timer til andre opgaver;Andre opgaver;Ansat;")
    camilla = lines[3].split(";")
    assert camilla[0] == "Camilla Nørgaard" and camilla[1] == "32,5"
    assert camilla[4] == demo.staff[2].start_date.strftime("%d-%m-%Y")
    assert "," in camilla[-3] and camilla[-2].endswith(" %")


def test_template_headers_match_export_input_columns(tmp_path, demo):
    import openpyxl

    norm_set = find_norm_set("ds_2015_types")
    path = tmp_path / "skabelon.xlsx"
    write_template(path, norm_set, "da")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Medarbejdere", "Vejledning"]
    headers = [c.value for c in book["Medarbejdere"][1]]
    demo.settings.norm_set_id = "ds_2015_types"
    demo.staff = []
    export_xlsx(demo, tmp_path / "tom.xlsx", "da", TODAY)
    exported = [c.value for c in openpyxl.load_workbook(tmp_path / "tom.xlsx")["Medarbejdere"][1]]
    assert headers == exported[: len(headers)] and len(exported) == len(headers) + 5
    assert headers[5] == "§ 56-sager"
    help_text = [r[0] for r in book["Vejledning"].iter_rows(values_only=True)]
    assert help_text[0] == "Sådan udfylder du skabelonen"
    assert any(norm_set.source.cite("da") in line for line in help_text)
    # the template, filled in by hand, imports
    ws = book["Medarbejdere"]
    ws.append(["Søs Ågård", 37, 0, None, "1.3.2026", 12, None, 30])
    book.save(path)
    plan = import_file(path, norm_set)
    assert plan.problems == []
    person = plan.new_team().staff[0]
    assert person.counts == {"sdp_56": 12, "sdp_kat2": 30} and person.start_date == date(2026, 3, 1)


def test_csv_template(tmp_path):
    path = tmp_path / "skabelon.csv"
    write_template(path, find_norm_set("ds_current"), "en")
    text = path.read_bytes().decode("utf-8-sig")
    assert text.startswith("Name;Weekly hours;Hours on other tasks;Other tasks;Start date;Children and families;")
    assert text.endswith(";Integration;Note\r\n")


def test_cancelled_or_failed_export_leaves_no_file(tmp_path, demo):
    from sagstal_desktop.io.exporter import ExportError
    from sagstal_desktop.io.table_reader import ReadCancelled

    demo.staff = demo.staff * 400  # 4,800 rows: progress is reported every 2,000

    def cancel(done: int, total: int) -> None:
        raise ReadCancelled

    target = tmp_path / "ud.xlsx"
    with pytest.raises(ReadCancelled):
        export_xlsx(demo, target, "da", TODAY, progress=cancel)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ExportError) as info:
        export_csv(demo, tmp_path / "mangler" / "ud.csv")
    assert info.value.message("da").startswith("Filen ud.csv kunne ikke skrives: ")

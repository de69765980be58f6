"""Bad input: each kind gives the exact problem (file, row, column, value, message) and nothing is
applied; warnings are reported, never silently dropped."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from sagstal_desktop.core.norms import find_norm_set
from sagstal_desktop.io.importer import MERGE, REPLACE_TEAM, import_file

DS_2020 = find_norm_set("ds_2020")


def _csv(tmp_path: Path, text: str, name: str = "hold.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8-sig"))
    return path


def _assert_nothing_applied(plan, team):
    before = copy.deepcopy(team)
    for mode in (MERGE, REPLACE_TEAM):
        with pytest.raises(ValueError, match="cannot be applied"):
            plan.apply(team, mode)
    with pytest.raises(ValueError):
        plan.new_team()
    assert team == before


HEADER = "Navn;Timer pr. uge;Timer til andre opgaver;Ansat;Sygedagpenge;Jobafklaringsforløb\n"

# (cell line, column header, column letter, value, Danish message, English message)
BAD_CELLS = [
    ("Anne;37;0;;tre;0", "Sygedagpenge", "E", "tre", '"tre" er ikke et tal', '"tre" is not a number'),
    ("Anne;37;0;;12,5;0", "Sygedagpenge", "E", "12,5", '"12,5" er ikke et helt antal sager',
     '"12,5" is not a whole number of cases'),
    ("Anne;37;0;;-3;0", "Sygedagpenge", "E", "-3", '"-3" er negativ', '"-3" is negative'),
    ("Anne;49;0;;10;0", "Timer pr. uge", "B", "49", '"49" timer ligger uden for 0-48',
     '"49" hours is outside 0-48'),
    ("Anne;-1;0;;10;0", "Timer pr. uge", "B", "-1", '"-1" timer ligger uden for 0-48',
     '"-1" hours is outside 0-48'),
    ("Anne;;0;;10;0", "Timer pr. uge", "B", "", "skal udfyldes", "a value is required"),
    ("Anne;30;31;;10;0", "Timer til andre opgaver", "C", "31",
     '"31" timer til andre opgaver er flere end de 30 ugentlige timer',
     '"31" hours on other tasks is more than the 30 weekly hours'),
    ("Anne;37;0;32.13.2026;10;0", "Ansat", "D", "32.13.2026",
     '"32.13.2026" er ikke en dato (skriv fx 1.3.2026 eller 2026-03-01)',
     '"32.13.2026" is not a date (use 1.3.2026 or 2026-03-01)'),
    (";37;0;;10;0", "Navn", "A", "", "navnet er tomt", "the name is empty"),
]


@pytest.mark.parametrize("line,column,letter,value,danish,english", BAD_CELLS)
def test_bad_cell(tmp_path, demo, line, column, letter, value, danish, english):
    path = _csv(tmp_path, HEADER + "Bo;37;0;1.3.2026;5;5\n" + line + "\n")
    plan = import_file(path, DS_2020)
    [problem] = plan.errors
    assert (problem.file, problem.row, problem.column, problem.value) == ("hold.csv", 3, column, value)
    assert problem.detail("da") == danish and problem.detail("en") == english
    assert problem.message("da") == f'hold.csv, række 3, kolonne "{column}" ({letter}): {danish}'
    assert problem.message("en") == f'hold.csv, row 3, column "{column}" ({letter}): {english}'
    _assert_nothing_applied(plan, demo)


def test_duplicate_names_case_and_space_insensitive(tmp_path, demo):
    path = _csv(tmp_path, HEADER + "Åse  Holm;37;0;;1;0\nBo;37;0;;1;0\nåse holm ;30;0;;2;0\n")
    plan = import_file(path, DS_2020)
    [problem] = plan.errors
    assert (problem.code, problem.row, problem.column) == ("duplicate_name", 4, "Navn")
    assert problem.detail("da") == '"åse holm" er også navnet i række 2; hvert navn må kun forekomme én gang'
    assert problem.detail("en") == '"åse holm" is also the name in row 2; every name must be unique'
    _assert_nothing_applied(plan, demo)


def test_header_only(tmp_path, demo):
    plan = import_file(_csv(tmp_path, HEADER), DS_2020)
    [problem] = plan.errors
    assert problem.message("da") == "hold.csv, række 1: filen har en overskriftsrække, men ingen medarbejdere"
    _assert_nothing_applied(plan, demo)


def test_no_name_column(tmp_path, demo):
    plan = import_file(_csv(tmp_path, "Person;Timer\nAnne;37\n"), DS_2020)
    codes = sorted(p.code for p in plan.errors)
    assert codes == ["no_name_column"]
    assert [p.code for p in plan.warnings] == ["unknown_column"]
    _assert_nothing_applied(plan, demo)


def test_two_columns_for_one_field(tmp_path, demo):
    plan = import_file(_csv(tmp_path, "Navn;Timer;Sygedagpenge\nA;37;3\n"), DS_2020,
                       mapping=["name", "weekly_hours", "weekly_hours"])
    [problem] = plan.errors
    assert problem.column == "Sygedagpenge"
    assert problem.detail("da") == 'denne kolonne og kolonnen "Timer" (B) bruges begge til Timer pr. uge'
    assert problem.detail("en") == 'this column and column "Timer" (B) are both used for Weekly hours'
    _assert_nothing_applied(plan, demo)


def test_every_error_is_reported_not_just_the_first(tmp_path):
    path = _csv(tmp_path, HEADER + "A;tre;0;;x;1\nA;37;0;;-1;1,5\n")
    plan = import_file(path, DS_2020)
    found = [(p.row, p.column_index, p.code) for p in plan.errors]
    assert found == [(2, 1, "not_number"), (2, 4, "not_number"), (3, 0, "duplicate_name"),
                     (3, 4, "negative"), (3, 5, "not_whole")]
    assert plan.rows == []


def test_unknown_columns_are_warnings_and_kept_visible(tmp_path, demo):
    path = _csv(tmp_path, "Navn;Timer;Sygedagpenge;Afdeling;;Kaffe\nAnne;37;40;Nord;x;\n")
    plan = import_file(path, DS_2020)
    assert plan.ok
    warnings = [(p.code, p.column, p.column_index) for p in plan.warnings]
    assert warnings == [("unknown_column", "Afdeling", 3), ("headerless_column", "", 4),
                        ("unknown_column", "Kaffe", 5)]
    assert plan.warnings[0].message("da") == (
        'hold.csv, række 1, kolonne "Afdeling" (D): ukendt kolonne; den bliver ikke importeret')
    assert plan.warnings[1].message("en") == (
        "hold.csv, row 1, column E: this column has values but no header; it will not be imported")
    # warnings do not block: the caller decides (the dialog asks, the CLI needs --accept-warnings)
    team = plan.apply(demo, MERGE)
    assert team.staff[-1].name == "Anne" and team.staff[-1].counts == {"sygedagpenge": 40}


def test_missing_hours_and_counts_columns_warn(tmp_path):
    plan = import_file(_csv(tmp_path, "Name\nKim\n"), DS_2020)
    assert [p.code for p in plan.warnings] == ["no_count_columns", "no_hours_column"]
    assert plan.warnings[1].detail("da") == "ingen kolonne indeholder ugentlige timer; nye medarbejdere får 37 timer"
    assert plan.new_team().staff[0].weekly_hours == 37.0


def test_case_type_the_norm_set_cannot_measure_warns_only_with_cases(tmp_path):
    ds_current = find_norm_set("ds_current")
    path = _csv(tmp_path, "Navn;Timer;Revalideringssager;Dagpengesager\nA;37;4;0\n")
    plan = import_file(path, ds_current)
    [warning] = plan.warnings
    assert (warning.code, warning.column) == ("uncovered_type", "Revalideringssager")
    assert plan.new_team().staff[0].counts == {"revalidering": 4, "dagpenge": 0}


@pytest.mark.parametrize("text,expected", [
    ("1.3.2026", (2026, 3, 1)), ("01-03-2026", (2026, 3, 1)), ("1/3/26", (2026, 3, 1)),
    ("2026-03-01", (2026, 3, 1)), ("46082", (2026, 3, 1)), ("31.12.1999", (1999, 12, 31)),
])
def test_danish_dates_and_excel_serials(tmp_path, text, expected):
    from datetime import date

    plan = import_file(_csv(tmp_path, f"Navn;Timer;Ansat\nA;37;{text}\n"), DS_2020)
    assert plan.ok
    assert plan.new_team().staff[0].start_date == date(*expected)


def test_decimal_comma_in_comma_separated_file_is_an_error(tmp_path, demo):
    path = _csv(tmp_path, "Name,Hours,Sickness benefit\nLars,37,41\nKim,32,5,41\n")
    plan = import_file(path, DS_2020)
    [problem] = plan.errors
    assert (problem.code, problem.row, problem.column) == ("ragged_row", 3, None)
    assert problem.message("en") == (
        "hold.csv, row 3: the row has 4 values but the header only 3 columns; is a decimal comma used in a "
        "comma-separated file, or a separator inside a value without quotes?")
    _assert_nothing_applied(plan, demo)


def test_excel_sep_line_names_the_separator(tmp_path):
    path = _csv(tmp_path, "sep=,\nNavn,Timer,Sygedagpenge\nA,37,4\nB,x,1\n")
    plan = import_file(path, DS_2020)
    assert plan.table.delimiter == "," and plan.table.header_row == 1
    [problem] = plan.errors
    assert (problem.row, problem.column, problem.value) == (3, "Timer", "x")


def test_uncovered_warning_names_the_norm_set_in_each_language(tmp_path):
    ds_current = find_norm_set("ds_current")
    plan = import_file(_csv(tmp_path, "Navn;Timer;Dagpengesager\nA;37;4\n"), ds_current)
    [warning] = plan.warnings
    assert f'normsættet "{ds_current.name("da")}" har ingen norm' in warning.detail("da")
    assert f'the norm set "{ds_current.name("en")}" has no norm' in warning.detail("en")

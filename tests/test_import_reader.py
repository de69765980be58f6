"""Reading spreadsheet files: CSV dialects and encodings, xlsx, header detection, unreadable files."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from sagstal_desktop.core.norms import find_norm_set
from sagstal_desktop.io.importer import analyze
from sagstal_desktop.io.table_reader import ReadCancelled, ReadError, read_table

FIXTURES = Path(__file__).parent / "fixtures" / "import"
DS_2020 = find_norm_set("ds_2020")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_danish_excel_csv_cp1252_semicolon_decimal_comma():
    table = read_table(FIXTURES / "danish_excel_cp1252.csv")
    assert table.encoding == "cp1252" and table.delimiter == ";"
    assert table.headers[0] == "Navn" and table.headers[6] == "Jobafklaringsforløb"
    plan = analyze(table, DS_2020)
    assert plan.problems == []
    team = plan.new_team()
    soeren, aase, mikkel = team.staff
    assert (soeren.name, soeren.weekly_hours, soeren.start_date) == ("Søren Ærø", 37.0, date(2026, 3, 1))
    assert soeren.counts == {"sygedagpenge": 45, "jobafklaring": 3}
    assert (aase.name, aase.weekly_hours, aase.other_hours, aase.other_tasks) == ("Åse Østergård", 32.5, 4.5,
                                                                                  "TR-arbejde")
    assert aase.start_date == date(2019, 8, 1) and aase.note == "Går ned i tid"
    assert aase.counts == {"sygedagpenge": 30, "jobafklaring": 0}
    assert mikkel.counts == {"sygedagpenge": 12} and mikkel.other_hours == 0.0 and mikkel.start_date is None


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")])
def test_semicolon_csv_encodings(tmp_path, encoding, bom):
    text = "navn;TIMER;  Sygedagpenge \nÆble Øgård;37;40\n"
    path = _write(tmp_path, "t.csv", bom + text.encode(encoding))
    table = read_table(path)
    assert table.headers == ["navn", "TIMER", "Sygedagpenge"]
    plan = analyze(table, DS_2020)
    assert plan.ok and plan.new_team().staff[0].name == "Æble Øgård"
    assert plan.new_team().staff[0].counts == {"sygedagpenge": 40}


def test_comma_separated_utf8_with_quoted_decimal(tmp_path):
    path = _write(tmp_path, "en.csv", b'Name,Hours,Sickness benefit\n"Lars Winther","32,5",41\n')
    table = read_table(path)
    assert table.delimiter == ","
    person = analyze(table, DS_2020).new_team().staff[0]
    assert (person.name, person.weekly_hours, person.counts) == ("Lars Winther", 32.5, {"sygedagpenge": 41})


def test_utf16_tab_separated_unicode_text(tmp_path):
    path = _write(tmp_path, "u.txt", "Navn\tTimer\nÅse\t30\n".encode("utf-16"))
    table = read_table(path)
    assert table.delimiter == "\t" and table.rows == [["Åse", "30"]]


def test_title_rows_and_blank_rows_keep_excel_row_numbers(tmp_path):
    text = "Team Nord – sagstal;;\n\nNavn;Timer;Sygedagpenge\nA;37;1\n\n;;\nB;tre;2\n"
    table = read_table(_write(tmp_path, "t.csv", text.encode()))
    assert table.header_row == 3
    assert table.row_numbers == [4, 7]
    plan = analyze(table, DS_2020)
    [problem] = plan.errors
    assert (problem.row, problem.column, problem.value) == (7, "Timer", "tre")


def test_xlsx_types_and_sheet_choice(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Noter"
    book.active.append(["ikke dette ark"])
    ws = book.create_sheet("Medarbejdere")
    ws.append(["Navn", "Timer", "Ansat", "Sygedagpenge"])
    ws.append(["Bo", 37, datetime(2020, 3, 1), 40])
    ws.append(["Eva", 30.5, 45000, 12])  # an Excel serial day number
    other = book.create_sheet("Andet")
    other.append(["Name", "Hours"])
    other.append(["Kim", 20])
    path = tmp_path / "t.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.sheet == "Medarbejdere" and table.sheets == ["Noter", "Medarbejdere", "Andet"]
    team = analyze(table, DS_2020).new_team()
    assert [(p.name, p.weekly_hours, p.start_date) for p in team.staff] == [
        ("Bo", 37.0, date(2020, 3, 1)), ("Eva", 30.5, date(2023, 3, 15))]
    assert read_table(path, sheet="andet").rows == [["Kim", 20]]
    with pytest.raises(ReadError) as info:
        read_table(path, sheet="Findes ikke")
    assert info.value.message("da") == 't.xlsx har intet ark med navnet "Findes ikke".'


def test_password_protected_xlsx_is_reported():
    with pytest.raises(ReadError) as info:
        read_table(FIXTURES / "password_protected.xlsx")
    assert info.value.code == "encrypted"
    assert info.value.message("da").startswith("password_protected.xlsx er beskyttet med adgangskode.")
    assert info.value.message("en").startswith("password_protected.xlsx is protected with a password.")


def test_old_xls_is_reported(tmp_path):
    path = _write(tmp_path, "gammel.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ReadError) as info:
        read_table(path)
    assert info.value.code == "xls"
    assert "gammel.xls er en gammel Excel 97-2003-fil (.xls)" in info.value.message("da")


@pytest.mark.parametrize("data", [b"PK\x03\x04 this is not really a zip file", b"hello, I am not a workbook"])
def test_corrupt_xlsx_is_reported(tmp_path, data):
    with pytest.raises(ReadError) as info:
        read_table(_write(tmp_path, "skadet.xlsx", data))
    assert info.value.code == "corrupt"
    assert info.value.detail == "File is not a zip file"  # the zip reader's own text, kept on the error
    assert info.value.message("da") == (
        "skadet.xlsx er beskadiget eller ikke en Excel-projektmappe: den er ikke pakket som en "
        ".xlsx-projektmappe, eller den er afkortet (kun en del af den blev gemt eller kopieret).")


@pytest.mark.parametrize("detail,reason", [
    ("Bad CRC-32 for file 'xl/worksheets/sheet1.xml'", "dens zip-pakke er beskadiget"),
    ("Truncated file header", "filen er afkortet (kun en del af den blev gemt eller kopieret)"),
    ("\"There is no item named 'xl/workbook.xml' in the archive\"", "en del af projektmappen mangler"),
])
def test_zip_reasons_are_translated(detail, reason):
    text = ReadError("corrupt", "ark.xlsx", detail).message("da")
    assert text == f"ark.xlsx er beskadiget eller ikke en Excel-projektmappe: {reason}."


def test_an_unknown_workbook_error_is_left_out_of_the_danish_message():
    error = ReadError("corrupt", "ark.xlsx", "Some Unforeseen Error")
    assert error.message("da") == "ark.xlsx er beskadiget eller ikke en Excel-projektmappe."
    assert "Some Unforeseen Error" in error.message("en")


def test_truncated_xlsx_is_reported(tmp_path, demo):
    from sagstal_desktop.io.exporter import export_xlsx

    good = tmp_path / "good.xlsx"
    export_xlsx(demo, good)
    data = good.read_bytes()
    with pytest.raises(ReadError) as info:
        read_table(_write(tmp_path, "halv.xlsx", data[: len(data) // 2]))
    assert info.value.code == "corrupt"


@pytest.mark.parametrize("name,data", [("tom.csv", b""), ("tom2.csv", b"\xef\xbb\xbf \r\n;;\r\n"),
                                       ("tom.xlsx", b"")])
def test_empty_files(tmp_path, name, data):
    with pytest.raises(ReadError) as info:
        read_table(_write(tmp_path, name, data))
    assert info.value.code in ("empty", "corrupt")
    if name.endswith(".csv"):
        assert info.value.message("da") == f"Filen {name} er tom."


def test_empty_xlsx_sheet(tmp_path):
    import openpyxl

    path = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(ReadError) as info:
        read_table(path)
    assert info.value.message("en") == "The file blank.xlsx is empty."


def test_missing_file_and_unknown_format(tmp_path):
    with pytest.raises(ReadError) as info:
        read_table(tmp_path / "findes-ikke.csv")
    assert info.value.message("da") == "Filen findes-ikke.csv findes ikke."
    with pytest.raises(ReadError) as info:
        read_table(_write(tmp_path, "billede.png", b"\x89PNG\r\n"))
    assert info.value.code == "format"


def test_binary_file_named_csv(tmp_path):
    with pytest.raises(ReadError) as info:
        read_table(_write(tmp_path, "x.csv", b"\x00\x01\x02binary\x00"))
    assert info.value.code == "encoding"


def test_reading_can_be_cancelled(tmp_path):
    lines = ["Navn;Timer"] + [f"P{i};37" for i in range(5000)]
    path = _write(tmp_path, "big.csv", "\n".join(lines).encode())
    seen: list[tuple[int, int]] = []
    table = read_table(path, progress=lambda d, t: seen.append((d, t)))
    assert len(table.rows) == 5000 and seen and seen[0][0] == 2000
    with pytest.raises(ReadCancelled):
        read_table(path, cancelled=lambda: True)


def test_xlsx_cells_of_other_types(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Navn", "Timer", "Sygedagpenge", "Note"])
    ws.append([1234, 37, 3.0, 12.0])  # employee number as name, a whole float count, a number as note
    ws.append(["Bo", True, datetime(2026, 1, 1), None])
    path = tmp_path / "typer.xlsx"
    book.save(path)
    plan = analyze(read_table(path), DS_2020)
    assert [(p.row, p.column, p.value, p.code) for p in plan.errors] == [
        (3, "Timer", "True", "not_number"), (3, "Sygedagpenge", "2026-01-01 00:00:00", "not_number")]
    [row] = plan.rows
    assert (row.name, row.counts, row.values["note"]) == ("1234", {"sygedagpenge": 3}, "12")


def test_a_looping_or_dangling_link_is_named_as_a_link(tmp_path):
    loop = tmp_path / "loop.xlsx"
    try:
        loop.symlink_to(loop.name)
    except OSError:
        pytest.skip("no symbolic links here")
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "gone.csv")
    with pytest.raises(ReadError) as info:
        read_table(loop)
    assert info.value.code == "link_loop"
    assert info.value.message("da").startswith("loop.xlsx er et link, der går i ring")
    with pytest.raises(ReadError) as info:
        read_table(dangling)
    assert info.value.code == "dangling_link"
    assert info.value.message("da").startswith("dangling.csv er et link, der ikke fører nogen steder hen")
    with pytest.raises(ReadError) as info:
        read_table(tmp_path / "gone.csv")
    assert info.value.code == "missing"

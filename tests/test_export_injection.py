"""Every exporter, over hostile names: no formula reaches a workbook, no CSV cell starts a
formula, no control character reaches a cell, and nothing is left half-written (issue 21,
items 4 and 6). The names come from an old file (the input refuses control characters now,
``test_import_refuses_control_characters``), so they are put in the team directly."""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

import pytest
from conftest import TODAY

from sagstal_desktop.io.cell_guard import FORMULA_START

HOSTILE = ["=HYPERLINK(\"http://x\";\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "a\x1b[31mb\x07",
           "nul\x00l", "c1\x9bx", "=1+1\x0b"]
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture
def hostile(demo):
    from sagstal_desktop.core import scenarios as sc
    from sagstal_desktop.core.history import make_snapshot
    from sagstal_desktop.core.norms import custom_norm_set
    from sagstal_desktop.core.own_norm_sets import new_set_id
    from sagstal_desktop.core.scenario_model import Scenario

    team = demo
    for person, name in zip(team.staff, HOSTILE, strict=False):
        person.name = name
    team.info.team_name, team.info.municipality = "=cmd|' /C calc'!A0", "@Kommune"
    own = custom_norm_set(new_set_id(team.custom_norm_sets), "=Loft\x1b", team.norm_set())
    team.custom_norm_sets.append(own)
    team.snapshots[:] = [make_snapshot(team, label, as_of=TODAY.replace(month=m), norm_set=own)
                         for m, label in enumerate(HOSTILE[:5], start=1)]
    team.scenarios[:] = [Scenario(name, sc.team_inputs(team)) for name in HOSTILE[:4]]
    return team


def _workbook_cells(path: Path) -> list[object]:
    import openpyxl

    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in z.read(name).decode("utf-8"), name  # no formula anywhere
    book = openpyxl.load_workbook(path)
    cells = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                cells.append(cell.value)
    return cells


def _check_texts(values: list[object], *, csv_cells: bool) -> None:
    texts = [v for v in values if isinstance(v, str)]
    assert texts
    for text in texts:
        assert not _CONTROLS.search(text.replace("\t", "").replace("\n", "").replace("\r", "")), repr(text)
        if csv_cells:
            assert not text.startswith(FORMULA_START) or re.fullmatch(r"[+-]?\d+(?:[.,]\d+)?", text), repr(text)
    joined = "\n".join(texts)
    assert "HYPERLINK" in joined  # the names are there, as text


def _all_exports(team, folder: Path) -> dict[str, Path]:
    from sagstal_desktop.core.comparison import compare
    from sagstal_desktop.core.trend import trend_rows
    from sagstal_desktop.io.compare_table import export_xlsx as export_comparison
    from sagstal_desktop.io.exporter import export_csv, export_xlsx
    from sagstal_desktop.io.history_table import export_trend_xlsx

    out = {
        "export.xlsx": folder / "export.xlsx", "export.csv": folder / "export.csv",
        "anonymised.xlsx": folder / "anonymised.xlsx", "compare.xlsx": folder / "compare.xlsx",
        "history.xlsx": folder / "history.xlsx",
    }
    export_xlsx(team, out["export.xlsx"], "da", TODAY)
    export_csv(team, out["export.csv"], "da", TODAY)
    export_xlsx(team, out["anonymised.xlsx"], "en", TODAY, anonymise=True)
    export_comparison(compare(team, None, TODAY, "en"), out["compare.xlsx"], "en")
    export_trend_xlsx(trend_rows(team), out["history.xlsx"], "en")
    return out


def test_every_exporter_writes_hostile_names_as_plain_text(hostile, tmp_path):
    written = _all_exports(hostile, tmp_path)
    for name, path in written.items():
        if name.endswith(".csv"):
            with open(path, encoding="utf-8-sig", newline="") as fh:
                values = [cell for row in csv.reader(fh, delimiter=";") for cell in row]
            _check_texts(values, csv_cells=True)
            assert "'=HYPERLINK" in "\n".join(values) and "'@SUM(A1)" in values
        elif name == "anonymised.xlsx":
            _workbook_cells(path)  # no formula; the names themselves are replaced
        else:
            _check_texts(_workbook_cells(path), csv_cells=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(written)  # no temporary file left


def test_the_comparison_and_history_exports_keep_the_names(hostile, tmp_path):
    import openpyxl

    written = _all_exports(hostile, tmp_path)
    comparison = [c.value for ws in openpyxl.load_workbook(written["compare.xlsx"]).worksheets
                  for row in ws.iter_rows() for c in row]
    assert "=HYPERLINK(\"http://x\";\"y\")" in comparison and "a[31mb" in comparison and "+1+1" in comparison
    history = [c.value for ws in openpyxl.load_workbook(written["history.xlsx"]).worksheets
               for row in ws.iter_rows() for c in row]
    assert "@SUM(A1)" in history and "=HYPERLINK(\"http://x\";\"y\")" in history and "-2+3" in history


def test_import_refuses_control_characters_in_names(tmp_path, capsys):
    from conftest import run_cli as run

    source = tmp_path / "hold.csv"
    source.write_text("Navn;Timer\nAnne\x1b[2J;37\nBo;37\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(source), "-o", str(tmp_path / "t.sagstal"), "--lang", "en",
                         "--check")
    assert code == 1 and "control character" in out + err and "\x1b" not in out + err  # --check: 1 = errors

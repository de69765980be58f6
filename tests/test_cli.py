"""The ``sagstal`` command line: demo, norms, summary, whatif; errors are one line, exit 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import run_cli as run


def test_demo_refuses_to_overwrite_without_force(demo_file, capsys):
    code, _, err = run(capsys, "demo", "-o", str(demo_file))
    assert code == 2 and "--force" in err and len(err.strip().splitlines()) == 1
    assert run(capsys, "demo", "-o", str(demo_file), "--force")[0] == 0


def test_summary_json_has_the_hand_computed_figures(demo_file, capsys):
    code, out, _ = run(capsys, "summary", str(demo_file), "--json", "--as-of", "2026-11-22")
    assert code == 0
    data = json.loads(out)
    assert data["norm_set"]["id"] == "ds_2020" and data["as_of"] == "2026-11-22"
    camilla = next(p for p in data["staff"] if p["name"] == "Camilla Nørgaard")
    assert round(camilla["capacity_fte"], 3) == 0.811
    assert round(camilla["load_max_pct"], 1) == 98.7
    assert round(camilla["fte_caseload"], 1) == 49.3
    assert camilla["status"] == "within"
    summary = data["summary"]
    assert summary["total_cases"] == 507 and summary["over_count"] == 5 and summary["staff_count"] == 12
    assert summary["fte_needed"]["max"] == pytest.approx(366 / 50 + 141 / 45)
    assert summary["cost_per_fte"] == 396_900
    assert [a["area"] for a in data["national_2023"]] == ["sygedagpenge", "jobafklaring"]
    assert data["national_2023"][0]["average_2023"] == 57


def test_summary_against_another_norm_set(demo_file, capsys):
    code, out, _ = run(capsys, "summary", str(demo_file), "--json", "--norms", "ds_current")
    assert code == 0
    data = json.loads(out)
    assert data["norm_set"]["id"] == "ds_current"
    assert data["summary"]["fte_needed"]["max"] == pytest.approx(507 / 45)  # both types: 25-45


def test_summary_text_is_danish_by_default(demo_file, capsys):
    code, out, _ = run(capsys, "summary", str(demo_file), "--as-of", "22.11.2026")
    assert code == 0
    assert "Camilla Nørgaard" in out and "98,7 %" in out and "Inden for DS-interval" in out
    assert "Medarbejdere over DS' maksimum: 5 / 12" in out
    code, out, _ = run(capsys, "summary", str(demo_file), "--lang", "en")
    assert "Staff over DS maximum: 5 / 12" in out and "98.7%" in out


def test_whatif_copenhagen(capsys):
    code, out, _ = run(capsys, "whatif", "--cases", "5000", "--current", "70", "--target", "50", "--json")
    assert code == 0 and round(json.loads(out)["extra_fte"], 2) == 28.57
    code, out, _ = run(capsys, "whatif", "--cases", "5.000", "--current", "70", "--target", "50",
                       "--cost-per-fte", "396.900")
    assert "Ekstra årsværk: 28,57" in out and "Årlig udgift: 11.340.000 kr." in out


def test_norms_lists_sets_with_sources(capsys):
    code, out, _ = run(capsys, "norms")
    assert code == 0
    assert "ds_current" in out and "ds_2020" in out and "ds_2015_types" in out
    assert "Kilde: Dansk Socialrådgiverforening" in out
    assert "n=56" in out and "for få svar" in out
    code, out, _ = run(capsys, "norms", "ds_2020", "--json")
    assert json.loads(out)[0]["groups"][8]["max"] == 50


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["summary", "/nonexistent/x.sagstal", "--lang", "en"], "does not exist"),
        (["summary", __file__, "--lang", "en"], "not a Sagstal team file"),
        (["summary", "/nonexistent/x.sagstal"], "findes ikke"),  # a file's message in the command's language
        (["summary", __file__], "ikke en Sagstal-teamfil"),
        (["whatif", "--cases", "tre", "--current", "70", "--target", "50", "--lang", "en"], '"tre" is not a number'),
        (["whatif", "--cases", "10", "--current", "0", "--target", "50", "--lang", "en"], "above zero"),
        (["--lang", "en", "nonsense"], "invalid choice"),
        (["summary", "--lang", "en"], "required"),
        (["summary", "x", "--as-of", "32.13.2026", "--lang", "en"], "not a date"),
        (["norms", "nope", "--lang", "en"], "unknown norm set"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(capsys, args, needle):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert needle in err and len(err.strip().splitlines()) == 1


def test_unknown_norm_set_for_a_team(demo_file, capsys):
    code, _, err = run(capsys, "summary", str(demo_file), "--norms", "ds_1999", "--lang", "en")
    assert code == 2 and "unknown norm set 'ds_1999'" in err and "ds_2020" in err


def test_installed_command_prints_no_traceback(tmp_path):
    bad = tmp_path / "bad.sagstal"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    result = subprocess.run([sys.executable, "-m", "sagstal_desktop", "summary", str(bad), "--lang", "en"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "damaged" in result.stderr
    danish = subprocess.run([sys.executable, "-m", "sagstal_desktop", "summary", str(bad)],
                            capture_output=True, text=True, check=False)
    assert danish.returncode == 2 and "beskadiget" in danish.stderr and "Traceback" not in danish.stderr


def test_a_damaged_team_file_is_explained_in_danish(demo_file, capsys):
    data = demo_file.read_bytes()
    demo_file.write_bytes(data[: len(data) // 3])
    code, _, err = run(capsys, "summary", str(demo_file))
    assert code == 2 and "malformed" not in err
    assert f"{demo_file.name} er beskadiget og kan ikke åbnes: dens indre opbygning er ødelagt." in err


def test_a_non_zip_workbook_is_explained_in_danish(tmp_path, capsys):
    bad = tmp_path / "ark.xlsx"
    bad.write_bytes(b"hello, I am not a workbook")
    code, _, err = run(capsys, "import", str(bad), "--check")
    assert code == 2 and "zip file" not in err
    assert "ark.xlsx er beskadiget eller ikke en Excel-projektmappe: den er ikke pakket som" in err


def test_core_imports_no_qt_pandas_or_reportlab():
    code = (
        "import sys; import sagstal_desktop.cli as c; "
        "import sagstal_desktop.core.load, sagstal_desktop.core.survey, sagstal_desktop.core.demo, "
        "sagstal_desktop.core.history, sagstal_desktop.core.whatif, sagstal_desktop.core.formatting, "
        "sagstal_desktop.core.validation, sagstal_desktop.io.document; "
        "from sagstal_desktop.core.demo import demo_team; from sagstal_desktop.core.load import summarize; "
        "summarize(demo_team()); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pandas', 'reportlab', 'openpyxl', "
        "'pyqtgraph')]; print(bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"

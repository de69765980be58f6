"""``sagstal memo``: writes the memo, honours its options, and fails in one line."""

from __future__ import annotations

import pytest
from conftest import TODAY
from conftest import pdf_text as text_of

from sagstal_desktop import cli
from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.norms import find_norm_set
from sagstal_desktop.io.document import save_team


@pytest.fixture
def team_file(demo, tmp_path):
    path = tmp_path / "demo.sagstal"
    save_team(demo, path)
    return path


def test_memo_command_writes_the_pdf(team_file, tmp_path, demo, capsys):
    out = tmp_path / "memo.pdf"
    assert cli.main(["memo", str(team_file), "-o", str(out), "--as-of", TODAY.isoformat()]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(str(out)) and "sider" in printed
    text = text_of(out)
    summary = summarize(demo, TODAY)
    assert "Dorthe Ågaard" in text and format_number(summary.available_fte, 2) in text
    assert "22. november 2026" in text


def test_memo_command_options(team_file, tmp_path, demo):
    out = tmp_path / "memo.pdf"
    args = ["memo", str(team_file), "-o", str(out), "--anonymise", "--lang", "en", "--norms", "ds_current",
            "--as-of", "2026-11-22", "--no-references", "--budget-years", "2", "--budget-first-year", "2031"]
    assert cli.main(args) == 0
    text = " ".join(text_of(out).split())
    assert "Staff member A" in text and "Anne Holm" not in text
    assert find_norm_set("ds_current").name("en") in text
    assert "Caseloads in projects with documented effects" not in text
    assert "DKK 1,000 2031 2032 Total" in text
    summary = summarize(demo, TODAY, find_norm_set("ds_current"))
    assert format_number(summary.fte_needed("max"), 2, "en") in text


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--budget-years", "0", "--lang", "en"], "must be 1-10"),
        (["--budget-years", "x", "--lang", "en"], "is not a whole number"),
        (["--norms", "nope", "--lang", "en"], "unknown norm set 'nope'"),
        (["--lang", "en", "--lang", "de"], "invalid choice"),
        (["--as-of", "31.02.2026"], "--as-of"),
    ],
)
def test_memo_command_bad_arguments(team_file, tmp_path, capsys, extra, message):
    assert cli.main(["memo", str(team_file), "-o", str(tmp_path / "m.pdf"), *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "m.pdf").exists()


def test_memo_command_refuses_to_overwrite_and_bad_places(team_file, tmp_path, capsys):
    out = tmp_path / "memo.pdf"
    out.write_bytes(b"keep me")
    assert cli.main(["memo", str(team_file), "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err and out.read_bytes() == b"keep me"
    assert cli.main(["memo", str(team_file), "-o", str(out), "--force"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert cli.main(["memo", str(team_file), "-o", str(tmp_path / "no" / "m.pdf"), "--lang", "en"]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert cli.main(["memo", str(tmp_path / "missing.sagstal"), "-o", str(tmp_path / "x.pdf")]) == 2
    assert capsys.readouterr().err.strip()

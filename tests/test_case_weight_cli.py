"""``sagstal weighting`` and the case-weight keys of ``summary --json`` (issue 27)."""

from __future__ import annotations

import json

from conftest import run_cli

from sagstal_desktop.core.case_weight import Weighting
from sagstal_desktop.io.document import load_team, save_team
from sagstal_desktop.io.file_lock import EditLock


def test_weighting_command_writes_the_setting(demo_file, capsys):
    code, out, err = run_cli(capsys, "weighting", str(demo_file), "--mode", "points",
                             "--points", "enkel=1,kompleks=1.5,saerligt=2", "--note", "Teamets vurdering 2026",
                             "--default-level", "kompleks")
    assert code == 0, err
    assert load_team(demo_file).settings.weighting == Weighting("points", (1.0, 1.5, 2.0), "kompleks",
                                                                "Teamets vurdering 2026")
    assert "kompleks 1,5, særligt kompliceret 2" in out and "kilde: Teamets vurdering 2026" in out
    # points named later keep the others; the note stays unless given
    assert run_cli(capsys, "weighting", str(demo_file), "--mode", "range")[0] == 0
    assert load_team(demo_file).settings.weighting == Weighting("range", (1.0, 1.5, 2.0), "kompleks",
                                                                "Teamets vurdering 2026")
    assert run_cli(capsys, "weighting", str(demo_file), "--mode", "off", "--lang", "en")[1].strip().endswith(
        "Case weight: off (every case counts alike)")


def test_bad_input_is_one_message_exit_2_and_the_file_untouched(demo_file, capsys):
    before = demo_file.read_bytes()
    for args, words in ((["--mode", "heavy"], '"heavy" er ikke en vægtning'),
                        (["--mode", "points", "--points", "kompleks=0"], "skal være over 0"),
                        (["--mode", "points", "--points", "tung=2"], '"tung" er ikke et niveau'),
                        (["--mode", "points", "--points", "kompleks=1,kompleks=2"],
                         'niveauet "kompleks" er nævnt to gange'),
                        (["--mode", "points", "--default-level", "x"], '"x" er ikke et niveau'),
                        (["--mode", "points", "--note", "a\x1bb"], "styretegn")):
        code, _out, err = run_cli(capsys, "weighting", str(demo_file), *args)
        assert code == 2 and words in err, err
        assert len(err.strip().splitlines()) == 1
    assert demo_file.read_bytes() == before


def test_weighting_is_refused_while_the_file_is_open_for_editing(demo_file, capsys):
    lock = EditLock(demo_file)
    lock.acquire()
    try:
        before = demo_file.read_bytes()
        code, _out, err = run_cli(capsys, "weighting", str(demo_file), "--mode", "range")
        assert code == 2 and "--ignore-lock" in err
        assert demo_file.read_bytes() == before
        assert run_cli(capsys, "weighting", str(demo_file), "--mode", "range", "--ignore-lock")[0] == 0
    finally:
        lock.release()


def test_summary_json_has_levels_unweighted_load_and_weighting(demo_file, capsys):
    team = load_team(demo_file)
    first = team.staff[0]
    case_type, total = next(iter(first.counts.items()))
    first.levels = {case_type: {"saerligt": total}}
    save_team(team, demo_file)
    code, out, _ = run_cli(capsys, "summary", str(demo_file), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["weighting"] == {"mode": "off", "points": {"enkel": 1.0, "kompleks": 1.0, "saerligt": 1.0},
                                 "default_level": "enkel", "note": ""}
    person = data["staff"][0]
    assert person["counts_by_level"][case_type] == {"saerligt": total}
    assert person["load_max_pct_unweighted"] == person["load_max_pct"]  # off: the same figure
    assert data["summary"]["fte_needed_from_weighted_cases"] is False
    assert run_cli(capsys, "weighting", str(demo_file), "--mode", "range")[0] == 0
    weighted = json.loads(run_cli(capsys, "summary", str(demo_file), "--json")[1])
    p = weighted["staff"][0]
    assert p["load_max_pct_unweighted"] == person["load_max_pct"]
    norm = team.norm_set().norm_for(case_type)
    # every one of the type's cases against its minimum instead of its maximum
    share = total / norm.max / (p["load_max_pct_unweighted"] / 100)  # the type's share of the load
    expected = p["load_max_pct_unweighted"] + share * (norm.max / norm.min - 1) * p["load_max_pct_unweighted"]
    assert abs(p["load_max_pct"] - expected) < 1e-9
    assert weighted["summary"]["fte_needed_from_weighted_cases"] is True
    assert weighted["summary"]["fte_needed_unweighted"] == data["summary"]["fte_needed"]
    assert weighted["summary"]["fte_needed"]["max"] > data["summary"]["fte_needed"]["max"]
    assert weighted["summary"]["assessed_cases"] == total


def test_summary_text_table_stays_aligned_with_both_loads(demo_file, capsys):
    """With case weight on, the load column holds "unweighted → weighted": the header and every
    row keep the status column at one place (it drifted by the loads' widths)."""
    assert run_cli(capsys, "weighting", str(demo_file), "--mode", "points", "--points", "kompleks=1.5")[0] == 0
    code, out, _ = run_cli(capsys, "summary", str(demo_file))
    assert code == 0
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("Navn"))
    table = lines[head:lines.index("", head)]
    assert len(table) > 3 and all(" → " in row for row in table[1:]), table
    status_at = table[0].index("Status")
    assert all(row[status_at - 2:status_at] == "  " and row[status_at] != " " for row in table[1:]), table
    assert {len(row[:status_at].rstrip()) for row in table} == {status_at - 2}  # loads right-aligned under the head


def test_import_without_output_says_so_in_danish(demo_file, tmp_path, capsys):
    sheet = tmp_path / "s.csv"
    sheet.write_text("Navn;Sygedagpenge\nAnne;3\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "import", str(sheet), "--into", str(demo_file))
    assert code == 2 and out == ""
    assert err.strip() == "import: angiv -o TEAM.sagstal, eller --check for kun at kontrollere filen"

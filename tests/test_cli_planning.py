"""``sagstal distribute`` and ``sagstal rebalance``: JSON keys, Danish text, -o writes the plan,
and unknown types, negative numbers and types nobody may take give one line and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import run_cli as run

from sagstal_desktop.io.document import load_team


def test_distribute_json(demo_file, capsys):
    code, out, err = run(capsys, "distribute", str(demo_file), "--add", "Sygedagpenge=10", "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert set(data) == {"assignments", "persons", "max_load_pct_before", "max_load_pct_after", "optimal", "gap_pct",
                         "over_count_before", "over_count_after", "pushed_over", "levels_proven"}
    assert [(a["name"], a["case_type"], a["cases"]) for a in data["assignments"]] == [
        ("Ida Bech", "sygedagpenge", 1), ("Karin Østergaard", "sygedagpenge", 9)]
    assert set(data["assignments"][0]) == {"member_id", "name", "case_type", "cases"}
    assert set(data["persons"][0]) == {"member_id", "name", "load_max_pct_before", "load_max_pct_after"}
    karin = next(p for p in data["persons"] if p["name"] == "Karin Østergaard")
    assert karin["load_max_pct_before"] == pytest.approx(58.0) and karin["load_max_pct_after"] == pytest.approx(76.0)
    assert data["max_load_pct_before"] == pytest.approx(126.0) == data["max_load_pct_after"]
    assert data["optimal"] is True and data["gap_pct"] == 0 and data["levels_proven"] == 0  # water-filling


def test_distribute_several_types_text_and_output(demo_file, tmp_path, capsys):
    out_file = tmp_path / "plan.sagstal"
    code, out, _ = run(capsys, "distribute", str(demo_file), "--add", "sygedagpenge=4", "--add",
                       "Job clarification programme=3", "-o", str(out_file))
    assert code == 0
    assert "sygedagpenge-sag" in out and "jobafklaringsforløb-sag" in out and "Bevist optimal" in out
    before, after = load_team(demo_file), load_team(out_file)
    added = {t: sum(m.counts.get(t, 0) for m in after.staff) - sum(m.counts.get(t, 0) for m in before.staff)
             for t in ("sygedagpenge", "jobafklaring")}
    assert added == {"sygedagpenge": 4, "jobafklaring": 3}
    assert run(capsys, "distribute", str(demo_file), "--add", "sygedagpenge=1", "-o", str(out_file))[0] == 2


@pytest.mark.parametrize(("add", "needle"), [
    ("skolevæsen=3", "\"skolevæsen\" er ikke en sagstype"),
    ("sygedagpenge=-2", "antallet af nye sygedagpenge-sager er negativt (-2)"),
    ("integration=3", "ingen må tage nye integration-sager"),
    ("sygedagpenge=tre", "er ikke et helt tal"),
])
def test_distribute_errors(demo_file, capsys, add, needle):
    code, out, err = run(capsys, "distribute", str(demo_file), "--add", add)
    assert code == 2 and out == "" and needle in err and len(err.strip().splitlines()) == 1


def test_distribute_error_in_english(demo_file, capsys):
    _code, _out, err = run(capsys, "distribute", str(demo_file), "--add", "integration=3", "--lang", "en")
    assert "nobody may take new integration cases" in err


def test_rebalance_json(demo_file, capsys):
    code, out, _ = run(capsys, "rebalance", str(demo_file), "--max-moves", "8", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"aim", "max_moves", "moves", "moved_cases", "max_load_pct_before", "max_load_pct_after",
                         "over_count_before", "over_count_after", "pushed_over", "persons",
                         "tradeoff", "optimal", "gap_pct", "max_load_proven", "levels_proven",
                         "staff_at_proven_levels", "loads_proven", "other_level_cases", "other_level_moved"}
    assert data["other_level_cases"] == data["other_level_moved"] == 0  # no case weight
    assert data["aim"] == "even" and data["max_moves"] == 8
    assert set(data["moves"][0]) == {"from_id", "from_name", "to_id", "to_name", "case_type", "cases"}
    assert data["moved_cases"] == sum(m["cases"] for m in data["moves"]) == 8
    assert data["max_load_pct_before"] == pytest.approx(126.0) and data["max_load_pct_after"] == pytest.approx(112.0)
    assert set(data["tradeoff"][0]) == {"max_moves", "max_load_pct", "over_count"}
    assert data["tradeoff"][0] == {"max_moves": 0, "max_load_pct": pytest.approx(126.0), "over_count": 5}
    highest = [p["max_load_pct"] for p in data["tradeoff"]]
    assert highest == sorted(highest, reverse=True) and data["tradeoff"][8]["max_load_pct"] == pytest.approx(112.0)
    assert data["optimal"] is True and data["max_load_proven"] is True


def test_rebalance_text_danish_and_output(demo_file, tmp_path, capsys):
    out_file = tmp_path / "flyt.sagstal"
    code, out, _ = run(capsys, "rebalance", str(demo_file), "--max-moves", "8", "-o", str(out_file))
    assert code == 0
    assert "7 sygedagpenge-sager fra Hanne Kjær til Karin Østergaard" in out
    assert "Højeste belastning: 126,0 % → 112,0 %" in out
    after = load_team(out_file)
    assert sum(sum(m.counts.values()) for m in after.staff) == sum(sum(m.counts.values())
                                                                  for m in load_team(demo_file).staff)


def test_rebalance_without_limit_and_negative_limit(demo_file, capsys):
    code, out, _ = run(capsys, "rebalance", str(demo_file), "--json")
    data = json.loads(out)
    assert code == 0 and data["max_load_pct_after"] == pytest.approx(min(p["max_load_pct"] for p in data["tradeoff"]))
    code, _out, err = run(capsys, "rebalance", str(demo_file), "--max-moves", "-1")
    assert code == 2 and "negativt" in err


def test_installed_command_prints_only_json(demo_file):
    result = subprocess.run([sys.executable, "-m", "sagstal_desktop", "distribute", str(demo_file), "--add",
                             "sygedagpenge=3", "--add", "jobafklaring=2", "--json"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["optimal"] is True  # no solver banner in the output


def test_rebalance_aims(demo_file, capsys):
    """The demo team: five staff over DS's maximum. Even loads with the default K (20 moves) keeps
    five over; fewest-over brings it to one (with a higher highest load)."""
    code, out, _ = run(capsys, "rebalance", str(demo_file), "--json")
    even = json.loads(out)
    code2, out2, _ = run(capsys, "rebalance", str(demo_file), "--json", "--aim", "fewest-over")
    fewest = json.loads(out2)
    assert code == code2 == 0
    assert even["aim"] == "even" and fewest["aim"] == "fewest-over"
    assert even["over_count_before"] == fewest["over_count_before"] == 5
    assert even["over_count_after"] == 5 and fewest["over_count_after"] == 1
    assert fewest["pushed_over"] == [] and fewest["optimal"] is True
    assert [p["over_count"] for p in fewest["tradeoff"]][-1] == 1
    assert fewest["max_load_pct_after"] > even["max_load_pct_after"]
    code, out, _ = run(capsys, "rebalance", str(demo_file), "--aim", "fewest-over")
    assert "Medarbejdere over DS' maksimum: 5 → 1." in out
    code, _out, err = run(capsys, "rebalance", str(demo_file), "--aim", "fair")
    assert code == 2 and "fair" in err

"""The department overview (issue 26): reading many team files read-only, the roll-up against
each team's own ``summary --json``, the problems, the trend and sustained overload, the CLI and
the workbook."""

from __future__ import annotations

import json
import os
from datetime import date, datetime

import pytest
from conftest import run_cli as run
from department_helpers import DAY, make_folder, make_team

from sagstal_desktop.core.department import TeamSource, department_json, roll_up
from sagstal_desktop.core.history import SnapshotFigures, figures_snapshot


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    base = tmp_path_factory.mktemp("department")
    return base, make_folder(base / "teams")


def _state(folder_path):
    """Every file in the folder: name, bytes and modification time (nothing may change)."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder_path.iterdir())}


def test_done_when_totals_are_the_sum_of_each_teams_summary_and_problems_name_the_three(folder, capsys):
    _, files = folder
    before = _state(files["team0"].parent)
    code, out, err = run(capsys, "department", str(files["team0"].parent), "--json", "--as-of", "2026-11-22")
    assert code == 0, err
    data = json.loads(out)
    assert _state(files["team0"].parent) == before  # nothing written, nothing tidied, nothing added
    assert data["files_total"] == 12 and data["files_read"] == 11
    counted = [t for t in data["teams"] if t["counted"]]
    assert len(counted) == 10 and data["total"]["teams"] == 10
    sums: dict = {"staff": 0, "cases": 0, "available_fte": 0.0, "over_count": 0,
                  "fte_needed": dict.fromkeys(("max", "mid", "min"), 0.0),
                  "shortfall_fte": dict.fromkeys(("max", "mid", "min"), 0.0),
                  "yearly_cost": dict.fromkeys(("max", "mid", "min"), 0.0)}
    for team in counted:
        code, out, _ = run(capsys, "summary", team["file"], "--json", "--as-of", "2026-11-22")
        summary = json.loads(out)["summary"]
        assert team["staff"] == summary["staff_count"] and team["cases"] == summary["total_cases"]
        assert team["fte_needed"] == summary["fte_needed"] and team["shortfall_fte"] == summary["shortfall_fte"]
        assert team["yearly_cost"] == summary["yearly_cost"] and team["over_count"] == summary["over_count"]
        sums["staff"] += summary["staff_count"]
        sums["cases"] += summary["total_cases"]
        sums["available_fte"] += summary["available_fte"]
        sums["over_count"] += summary["over_count"]
        for key in ("fte_needed", "shortfall_fte", "yearly_cost"):
            for level in ("max", "mid", "min"):
                sums[key][level] += summary[key][level]
    total = data["total"]
    assert total["staff"] == sums["staff"] == 300 and total["cases"] == sums["cases"]
    assert total["over_count"] == sums["over_count"]
    assert total["available_fte"] == pytest.approx(sums["available_fte"], rel=1e-12)
    for key in ("fte_needed", "shortfall_fte", "yearly_cost"):
        assert total[key] == pytest.approx(sums[key], rel=1e-12)
    named = {p["file"] for p in data["problems"]}
    assert named == {str(files["other"]), str(files["copy"]), str(files["damaged"])}
    kinds = {p["file"]: p["kind"] for p in data["problems"]}
    assert kinds[str(files["other"])] == "norm_set" and kinds[str(files["copy"])] == "duplicate_team"
    assert kinds[str(files["damaged"])] == "unreadable"
    assert {"file", "kind", "message"} == set(data["problems"][0])
    copy = next(t for t in data["teams"] if t["file"] == str(files["copy"]))
    assert copy["counted"] is False and copy["copy_of"] == str(files["team0"])
    keys = {"file", "team_name", "norm_set", "staff", "cases", "fte_needed", "available_fte", "shortfall_fte",
            "yearly_cost", "over_count", "sustained_overload", "last_saved", "last_snapshot"}
    assert keys <= set(data["teams"][0]) and set(total) >= keys - {"file", "team_name", "norm_set", "last_saved",
                                                                  "last_snapshot"}


def test_text_is_danish_with_n_of_m_and_strict_exits_2(folder, capsys):
    _, files = folder
    code, out, _ = run(capsys, "department", str(files["team0"].parent), "--as-of", "2026-11-22")
    assert code == 0
    assert "11 af 12 teamfiler" in out and "tælles én gang" in out
    assert "zz damaged.sagstal er beskadiget" in out  # the reader's own message, in Danish
    code, out, _ = run(capsys, "department", str(files["team0"].parent), "--as-of", "2026-11-22", "--lang", "en")
    assert "11 of 12 team files" in out and "zz damaged.sagstal is damaged" in out
    assert run(capsys, "department", str(files["team0"].parent), "--strict")[0] == 2
    alike = [str(files[f"team{i}"]) for i in range(3)]
    assert run(capsys, "department", *alike, "--strict", "--as-of", "2026-11-22")[0] == 0


def test_a_file_open_for_editing_is_read_and_its_lock_left_alone(folder, capsys):
    from sagstal_desktop.io.file_lock import EditLock, edit_lock_path

    _, files = folder
    lock = EditLock(files["team2"])
    lock.acquire()
    try:
        lock_bytes = edit_lock_path(files["team2"]).read_bytes()
        code, out, _ = run(capsys, "department", str(files["team2"]), str(files["team3"]), "--json",
                           "--as-of", "2026-11-22")
        assert code == 0
        teams = json.loads(out)["teams"]
        assert [t["open_for_editing"] for t in teams] == [True, False] and teams[0]["counted"]
        assert edit_lock_path(files["team2"]).read_bytes() == lock_bytes
    finally:
        lock.release()


def test_norms_measures_every_team_against_one_set_and_says_which_teams_that_changes(folder, capsys):
    _, files = folder
    code, out, _ = run(capsys, "department", str(files["team0"].parent), "--json", "--as-of", "2026-11-22",
                       "--norms", "ds_current")
    data = json.loads(out)
    assert code == 0 and data["norms"] == "ds_current"
    assert {p["kind"] for p in data["problems"]} == {"duplicate_team", "unreadable"}
    changed = {c["file"] for c in data["norms_changed"]}
    assert changed == {str(files[f"team{i}"]) for i in range(9)}  # not "other" (its own set), not the copy
    team = next(t for t in data["teams"] if t["file"] == str(files["team4"]))
    _, out, _ = run(capsys, "summary", str(files["team4"]), "--json", "--as-of", "2026-11-22", "--norms", "ds_current")
    assert team["fte_needed"] == json.loads(out)["summary"]["fte_needed"] and team["norm_set"] == "ds_current"
    code, _, err = run(capsys, "department", str(files["team4"]), "--norms", "nope")
    assert code == 2 and "nope" in err and len(err.strip().splitlines()) == 1


def _source(team, name, saved=None):
    return TeamSource(name, team, last_saved=saved or datetime(2026, 11, 20, 9, 0), digest=name)


def test_the_same_person_in_two_teams_by_id_or_by_name_and_start_date():
    a, b, c = make_team(1, staff=4, snapshots=0), make_team(2, staff=4, snapshots=0), make_team(3, staff=4, snapshots=0)
    b.staff[0].id = a.staff[1].id  # the same id
    c.staff[2].name, c.staff[2].start_date = " medarbejder  1-3 ", a.staff[3].start_date  # name and start date
    c.staff[3].name, c.staff[3].start_date = a.staff[2].name, None  # the name alone is not enough
    dep = roll_up([_source(a, "a"), _source(b, "b"), _source(c, "c")], DAY)
    people = [(p.file, p.other_file) for p in dep.problems if p.kind == "duplicate_person"]
    assert people == [("b", "a"), ("c", "a")]
    assert "(Medarbejder 2-0)" in dep.problems[0].message("en") and dep.totals.staff == 12  # counted in both


def test_a_copy_with_the_same_staff_is_one_team_even_when_saved_again():
    a = make_team(1, staff=4, snapshots=0)
    again = a.copy()
    again.info.team_name = "Team 01 (gemt igen)"
    dep = roll_up([_source(a, "a"), _source(again, "b")], DAY)
    assert [p.kind for p in dep.problems] == ["duplicate_team"] and dep.totals.teams == 1
    assert dep.totals.staff == 4 and not dep.teams[1].counted


def test_stale_files_and_snapshots_after_60_days():
    team = make_team(1, staff=3, snapshots=2)  # snapshots on 1.9. and 1.10.2026
    fresh = roll_up([_source(team, "a", datetime(2026, 11, 1))], DAY)
    assert fresh.problems == ()
    dep = roll_up([_source(team, "a", datetime(2026, 6, 1))], date(2026, 12, 1))  # snapshot 61 days old
    (problem,) = dep.problems
    assert problem.kind == "stale"
    assert "1.10.2026" in problem.message("da") and "1.6.2026" in problem.message("da")
    edge = roll_up([_source(team, "a", datetime(2026, 11, 1))], date(2026, 11, 30))  # exactly 60 days: not stale
    assert edge.problems == ()


def test_settings_that_change_the_figures():
    a, b, c = (make_team(i, staff=3, snapshots=0) for i in (1, 2, 3))
    c.settings.cost_per_fte = 600_000.0
    c.settings.newcomer_reduction = 0.5  # c has a newcomer (its first person): the figures change
    b.settings.newcomer_months = 3  # b's newcomer started 2 months ago: still new with 3 months
    dep = roll_up([_source(a, "a"), _source(b, "b"), _source(c, "c")], DAY)
    assert [(p.file, p.kind) for p in dep.problems] == [("c", "settings")]
    text = dep.problems[0].message("en")
    assert "50%" in text and "cost per FTE" in text and "months" not in text
    b.settings.newcomer_months = 1  # now b's newcomer is no longer new: it changes b's figures
    dep = roll_up([_source(a, "a"), _source(b, "b"), _source(c, "c")], DAY)
    assert [(p.file, p.kind) for p in dep.problems] == [("b", "settings"), ("c", "settings")]


def _figures(need: float, available: float = 10.0, staff: int = 10) -> SnapshotFigures:
    return SnapshotFigures(staff=staff, cases=int(need * 50), available_fte=available, fte_needed_max=need,
                           fte_needed_min=need * 1.2, fte_needed_mid=need * 1.1, over_count=1,
                           average_fte_caseload=None)


def _history(team, points):
    team.snapshots = [figures_snapshot(day, _figures(need)) for day, need in points]


def test_sustained_overload_is_3_of_the_last_4_monthly_snapshots():
    team = make_team(1, staff=3, snapshots=0)
    over, under = 11.0, 9.0
    _history(team, [(date(2026, 6, 5), over), (date(2026, 7, 5), over), (date(2026, 8, 5), under),
                    (date(2026, 9, 5), over), (date(2026, 10, 5), under)])
    dep = roll_up([_source(team, "a")], DAY)
    assert not dep.teams[0].sustained_overload  # last four: over, under, over, under
    _history(team, [(date(2026, 7, 5), over), (date(2026, 8, 5), under), (date(2026, 9, 5), over),
                    (date(2026, 10, 5), over)])
    assert roll_up([_source(team, "a")], DAY).teams[0].sustained_overload
    # the latest snapshot of a month counts; one after the date measured does not
    _history(team, [(date(2026, 8, 5), over), (date(2026, 9, 5), over), (date(2026, 10, 1), over),
                    (date(2026, 10, 30), under), (date(2026, 11, 25), under)])
    row = roll_up([_source(team, "a")], DAY).teams[0]
    assert [p.month for p in row.months] == [date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 1)]
    assert [p.over for p in row.months] == [True, True, False] and not row.sustained_overload
    assert row.last_snapshot == date(2026, 10, 30)


def test_the_trend_is_aligned_by_month():
    a, b = make_team(1, staff=3, snapshots=0), make_team(2, staff=5, snapshots=0)
    _history(a, [(date(2026, 9, 3), 11.0), (date(2026, 10, 28), 12.0)])
    _history(b, [(date(2026, 10, 2), 8.0)])
    trend = roll_up([_source(a, "a"), _source(b, "b")], DAY).trend
    assert [(m.month, m.teams, m.fte_needed_max, m.available_fte, m.teams_over) for m in trend] == [
        (date(2026, 9, 1), 1, 11.0, 10.0, 1), (date(2026, 10, 1), 2, 20.0, 20.0, 1)]
    assert trend[1].staff == 20 and trend[1].shortfall_max == 0.0


def test_free_capacity_at_the_maximum_in_fte_and_cases():
    from sagstal_desktop.core.model import StaffMember

    team = make_team(1, staff=0, snapshots=0)
    team.staff = [StaffMember(name="A", weekly_hours=37.0, counts={"sygedagpenge": 25}),
                  StaffMember(name="B", weekly_hours=37.0, counts={"sygedagpenge": 25})]  # DS 2020: max 50
    busy = make_team(2, staff=0, snapshots=0)
    busy.staff = [StaffMember(name="C", weekly_hours=37.0, counts={"sygedagpenge": 75})]
    dep = roll_up([_source(team, "a"), _source(busy, "b")], DAY)
    free, short = dep.teams
    assert free.free_fte == pytest.approx(1.0) and free.free_cases == pytest.approx(50.0)
    assert short.free_fte == 0.0 and short.free_cases == 0.0
    assert dep.totals.free_fte == pytest.approx(1.0) and dep.totals.shortfall_fte["max"] == pytest.approx(-0.5)
    assert free.load_max == pytest.approx(0.5) and short.load_max == pytest.approx(1.5)


def test_department_json_in_the_core_matches_the_cli(folder, capsys):
    from sagstal_desktop.io.department_reader import read_department

    _, files = folder
    dep = roll_up(read_department([files["team0"].parent]), DAY)
    _, out, _ = run(capsys, "department", str(files["team0"].parent), "--json", "--as-of", "2026-11-22")
    assert json.loads(out) == json.loads(json.dumps(department_json(dep)))


def test_reader_progress_and_empty_or_missing_paths(tmp_path, folder, capsys):
    from sagstal_desktop.io.department_reader import NoTeamFiles, read_department

    _, files = folder
    seen = []
    sources = read_department([files["team0"].parent], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(i, 12) for i in range(1, 13)] and len(sources) == 12
    with pytest.raises(NoTeamFiles):
        read_department([tmp_path])
    code, _, err = run(capsys, "department", str(tmp_path))
    assert code == 2 and "ingen teamfiler" in err
    code, out, _ = run(capsys, "department", str(files["team0"]), str(tmp_path / "missing.sagstal"), "--json",
                       "--as-of", "2026-11-22")
    data = json.loads(out)
    assert code == 0 and data["problems"][0]["kind"] == "unreadable" and data["files_read"] == 1


def test_workbook_has_one_sheet_per_view_and_guards_cells(tmp_path, folder, capsys):
    import openpyxl

    from sagstal_desktop.io.document import save_team

    _, files = folder
    evil = make_team(7, staff=3, snapshots=0)
    evil.info.team_name = "=HYPERLINK(\"http://x\")"
    save_team(evil, tmp_path / "evil.sagstal")
    out_file = tmp_path / "afdeling.xlsx"
    code, _, err = run(capsys, "department", str(files["team0"]), str(tmp_path / "evil.sagstal"), "--as-of",
                       "2026-11-22", "--positions", "2", "-o", str(out_file), "--lang", "en")
    assert code == 0, err
    book = openpyxl.load_workbook(out_file)
    assert book.sheetnames == ["Teams", "Total", "Problems", "Trend", "Positions"]
    teams = list(book["Teams"].iter_rows(values_only=True))
    assert teams[0][0] == "Team" and teams[1][0] == "Team 00" and teams[2][0] == '=HYPERLINK("http://x")'
    assert book["Teams"]["A3"].data_type == "s"  # text, never a formula
    total = {row[0]: row[1] for row in book["Total"].iter_rows(values_only=True)}
    assert total["Staff"] == 33
    positions = list(book["Positions"].iter_rows(values_only=True))
    assert sum(row[2] for row in positions[1:]) == 2
    assert all(cell.data_type != "f" for ws in book for row in ws.iter_rows() for cell in row)
    assert run(capsys, "department", str(files["team0"]), "-o", str(out_file))[0] == 2  # exists: --force


def test_positions_in_json(folder, capsys):
    _, files = folder
    code, out, _ = run(capsys, "department", str(files["team0"].parent), "--json", "--as-of", "2026-11-22",
                       "--positions", "3")
    data = json.loads(out)
    assert code == 0 and data["positions_plan"]["optimal"] is True
    positions = data["positions"]
    assert len(positions) == 10 and sum(p["extra_fte"] for p in positions) == 3
    assert {"team_name", "extra_fte", "load_max_pct_before", "load_max_pct_after"} <= set(positions[0])
    top_before = max(p["load_max_pct_before"] for p in positions)
    assert max(p["load_max_pct_after"] for p in positions) < top_before
    assert sum(p["proportional_fte"] for p in positions) == pytest.approx(3)
    code, _, err = run(capsys, "department", str(files["team0"]), "--positions", "1,5")
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "department", str(files["team0"]), str(files["team1"]), "--json",
                       "--positions", "1,5", "--position-hours", "18,5")
    assert code == 0 and sum(p["extra_fte"] for p in json.loads(out)["positions"]) == 1.5


def test_nothing_written_even_with_leftover_temp_files(folder, capsys):
    """The reader does not tidy a team's folder (another user's save may be under way)."""
    _, files = folder
    leftover = files["team5"].with_name(".team05.sagstal.abcd1234.tmp")
    leftover.write_bytes(b"x")
    old = 1_000_000_000
    os.utime(leftover, (old, old))
    try:
        assert run(capsys, "department", str(files["team5"]), "--json")[0] == 0
        assert leftover.exists()
    finally:
        leftover.unlink()


def test_text_table_formats_counts_in_danish_and_aligns_columns(tmp_path, capsys):
    """Cases over 999 are written "1.456" (Danish), not "1456", in the team rows and the total;
    every line of the table is as wide as its header."""
    from sagstal_desktop.io.document import save_team

    files = [save_team(make_team(seed), tmp_path / f"t{seed}.sagstal") for seed in (1, 2)]
    code, out, _ = run(capsys, "department", *map(str, files), "--as-of", "2026-11-22")
    assert code == 0
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("Team "))
    table = lines[head:head + 4]
    cases = [int(r.split()[3].replace(".", "")) for r in table[1:3]]
    assert all(c > 999 for c in cases)
    for row, n in zip(table[1:3], cases, strict=True):
        assert f"{n // 1000}.{n % 1000:03d}" in row.split() and str(n) not in row.split()
    total = sum(cases)
    assert table[3].startswith("I alt") and f"{total // 1000}.{total % 1000:03d}" in table[3].split()
    assert {len(line) for line in table[:3]} == {len(table[0])}


def test_a_department_where_no_file_can_be_read_is_one_line_exit_2_nothing_written(tmp_path, capsys):
    fifo = tmp_path / "pipe.sagstal"
    os.mkfifo(fifo)
    target = tmp_path / "out.xlsx"
    code, out, err = run(capsys, "department", str(tmp_path / "missing.sagstal"), str(fifo), "-o", str(target))
    assert code == 2 and out == "" and not target.exists()
    assert err.count("\n") == 1 and "ingen af de 2 teamfiler kunne læses" in err
    assert "missing.sagstal findes ikke" in err and "pipe.sagstal er ikke en almindelig fil" in err


def test_a_team_with_case_weight_on_is_a_settings_problem():
    """A weighted team's FTE needed and loads are its weighted ones (issue 27): rolled up beside
    unweighted teams without a word, the total mixes two measures. It is named, with its mode."""
    from sagstal_desktop.core.case_weight import Weighting

    a, b, c = (make_team(i, staff=3, snapshots=0) for i in (1, 2, 3))
    dep = roll_up([_source(a, "a"), _source(b, "b"), _source(c, "c")], DAY)
    assert not dep.problems
    c.settings.weighting = Weighting("points", (1.0, 1.5, 2.0), "enkel", "TR-aftale")
    dep = roll_up([_source(a, "a"), _source(b, "b"), _source(c, "c")], DAY)
    assert [(p.file, p.kind) for p in dep.problems] == [("c", "settings")]
    assert ("sagstyngde med teamets egne point (enkel 1, kompleks 1,5, særligt kompliceret 2), og sager, der ikke "
            "er vurderet, tæller som enkel (de fleste teams: sagstyngde fra)") in dep.problems[0].message("da")
    b.settings.weighting = c.settings.weighting
    a.settings.weighting = Weighting("range")
    dep = roll_up([_source(a, "a"), _source(b, "b"), _source(c, "c")], DAY)
    assert [(p.file, p.kind) for p in dep.problems] == [("a", "settings")]
    assert "case weight by the norm set's range" in dep.problems[0].message("en")


def test_workbook_numbers_have_formats_and_the_cost_is_labelled(tmp_path, folder, capsys):
    """FTE with two decimals, loads with one, cases and kroner whole (Danish Excel: "1.491",
    "30,99"), not 13 decimals in General; the yearly cost is named by the measure and as
    Sagstal's calculation."""
    import openpyxl

    _, files = folder
    out_file = tmp_path / "afdeling.xlsx"
    code, _, err = run(capsys, "department", str(files["team0"]), str(files["team1"]), "--as-of", "2026-11-22",
                       "--positions", "1", "-o", str(out_file))
    assert code == 0, err
    book = openpyxl.load_workbook(out_file)
    ws = book["Teams"]
    head = {cell.value: cell.column_letter for cell in ws[1]}
    cost = "Årlig udgift til manglen ved DS' maksimum (Sagstals beregning)"
    expected = {"Sager": "#,##0", "Årsværk der skal til ved DS' maksimum": "0.00", "Årsværk til sagsbehandling": "0.00",
                "Teamets belastning, % af DS' maksimum": "0.0", cost: "#,##0", "Medarbejdere": "#,##0"}
    for title, fmt in expected.items():
        assert ws[f"{head[title]}2"].number_format == fmt, title
    assert ws[f"{head['Sager']}2"].value > 999
    total = {row[0].value: row[1].number_format for row in book["I alt"].iter_rows(min_row=2)}
    assert total["Sager"] == "#,##0" and total["Årsværk til sagsbehandling"] == "0.00" and total[cost] == "#,##0"
    positions = book["Stillinger"]
    assert positions["C2"].number_format == "0.00" and positions["D2"].number_format == "0.0"


def test_text_says_the_derived_figures_are_sagstals_calculation_by_the_sets_name(tmp_path, capsys):
    from sagstal_desktop.io.document import save_team

    files = [str(save_team(make_team(seed, staff=3), tmp_path / f"t{seed}.sagstal")) for seed in (1, 2)]
    out = run(capsys, "department", *files, "--as-of", "2026-11-22")[1]
    assert ("Årsværk der skal til, mangel, ledig kapacitet og udgift er Sagstals beregning på hver teamfils egne tal "
            "(sager, timer, årsværkspris) målt mod DS' maksimum.") in out
    out = run(capsys, "department", *files, "--as-of", "2026-11-22", "--norms", "ds_2015_types")[1]
    assert "Sagstals beregning" in out and "målt mod normsættets maksimum." in out and "DS' maksimum" not in out


def test_a_self_looping_link_is_reported_as_a_link_not_as_missing(tmp_path, capsys):
    loop = tmp_path / "loop.sagstal"
    try:
        loop.symlink_to(loop.name)
    except OSError:
        pytest.skip("no symbolic links here")
    code, _, err = run(capsys, "department", str(loop))
    assert code == 2 and "findes ikke" not in err and "symbolic" not in err
    assert "loop.sagstal er et link, der går i ring" in err

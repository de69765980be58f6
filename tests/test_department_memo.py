"""The department memo (issue 26, item 6): ``sagstal memo --department``. Its figures are the
JSON's (``sagstal department --json``), read back with pdftotext; anonymised it names no staff
member and no small team; small teams are merged into "øvrige teams" of at least k staff."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import pytest
from conftest import run_cli as run
from department_helpers import DAY, make_folder, make_team

from sagstal_desktop.core.anonymise import min_staff
from sagstal_desktop.core.department import TeamSource, roll_up
from sagstal_desktop.core.department_view import overview_rows
from sagstal_desktop.core.formatting import format_number, format_percent
from sagstal_desktop.core.model import StaffMember
from sagstal_desktop.core.wording import format_load
from sagstal_desktop.io.document import save_team


def text_of(path) -> str:
    args = ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"]
    return " ".join(subprocess.run(args, capture_output=True, text=True, check=True).stdout.split())


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    base = tmp_path_factory.mktemp("department_memo")
    make_folder(base / "teams")
    return base


def _num(value, decimals=2):
    return format_number(value, decimals, "da")


def _load(pct):
    return format_load(None if pct is None else pct / 100, "da")


def test_the_memo_shows_the_figures_of_the_json(folder, capsys):
    teams = str(folder / "teams")
    code, out, _ = run(capsys, "department", teams, "--json", "--positions", "3", "--as-of", DAY.isoformat())
    assert code == 0
    data = json.loads(out)
    pdf = folder / "afdeling.pdf"
    code, out, err = run(capsys, "memo", "--department", teams, "-o", str(pdf), "--positions", "3",
                         "--as-of", DAY.isoformat())
    assert code == 0, err
    assert "afdeling.pdf" in out
    text = text_of(pdf)
    assert "Notat om afdelingens sagstal og normering" in text
    assert "11 af 12 teamfiler" in text
    for team in data["teams"]:
        name = team["team_name"] + (" (kopi)" if not team["counted"] else "")
        row = " ".join([name, _num(team["staff"], 0), _num(team["cases"], 0), _num(team["available_fte"]),
                        _num(team["fte_needed"]["max"]), _num(team["fte_needed"]["min"]),
                        _num(team["shortfall_fte"]["max"]), _load(team["load_max_pct"]), _num(team["over_count"], 0),
                        _num(team["free_fte"]), "ja" if team["sustained_overload"] else "nej"])
        assert row in text, row
    total = data["total"]
    row = " ".join(["I alt", _num(total["staff"], 0), _num(total["cases"], 0), _num(total["available_fte"]),
                    _num(total["fte_needed"]["max"]), _num(total["fte_needed"]["min"]),
                    _num(total["shortfall_fte"]["max"]), _load(total["load_max_pct"]), _num(total["over_count"], 0),
                    _num(total["free_fte"]), f"{total['sustained_overload']} af {total['teams']}"])
    assert row in text, row
    # the department in brief: the same totals in words
    assert (f"Afdelingens {total['teams']} teams har {_num(total['staff'], 0)} medarbejdere og "
            f"{_num(total['cases'], 0)} sager") in text  # counts with the Danish thousands separator
    assert (f"skal der {_num(total['fte_needed']['max'])} årsværk til sagsbehandling til; teamene har "
            f"{_num(total['available_fte'])} (Sagstals beregning)") in text
    # positions: the leximin answer beside the proportional split, per team
    for share in data["positions"]:
        row = " ".join([share["team_name"], _load(share["load_max_pct_before"]), _num(share["extra_fte"], 1),
                        _load(share["load_max_pct_after"]), _num(share["proportional_fte"]),
                        _load(share["load_max_pct_after_proportional"])])
        assert row in text, row
    assert "Løseren beviste, at placeringen er optimal" in text
    # the trend: one row per month, the JSON's sums
    for month in data["trend"]:
        assert (f"{month['teams']} {_num(month['staff'], 0)} {_num(month['cases'], 0)} "
                f"{_num(month['available_fte'])}") in text
    # problems name the three files; every figure names its source
    for name in ("other.sagstal", "team00 (1).sagstal", "zz damaged.sagstal"):
        assert name in text
    assert "Kilde: Sagstals beregning på teamenes egne tal" in text
    assert "Kilder [1]" in text


def test_english_memo(folder, capsys):
    pdf = folder / "department.pdf"
    code, _, err = run(capsys, "memo", "--department", str(folder / "teams"), "-o", str(pdf), "--lang", "en",
                       "--as-of", DAY.isoformat())
    assert code == 0, err
    text = text_of(pdf)
    assert "Memo on the department's caseloads and staffing" in text
    assert "11 of 12 team files" in text
    assert "Where new positions do most good" not in text  # only with --positions


def _small_department(tmp_path):
    """Three teams of 12, 3 and 1 staff (the two small ones under k), a person in two teams."""
    folder = tmp_path / "small"
    folder.mkdir()
    big, small, tiny = make_team(1, staff=12), make_team(2, staff=3), make_team(3, staff=1)
    small.info.team_name, tiny.info.team_name = "Lillebitte Team", "Eneste Team"
    # the same person (name and start date) in two teams: the problem names her
    shared = StaffMember(name="Ingrid Særnavn", weekly_hours=37.0, start_date=date(2021, 3, 1),
                         counts={"sygedagpenge": 30})
    big.staff.append(shared)
    small.staff.append(StaffMember(name="Ingrid Særnavn", weekly_hours=37.0, start_date=date(2021, 3, 1),
                                   counts={"sygedagpenge": 10}))
    for team, name in ((big, "big"), (small, "small"), (tiny, "tiny")):
        save_team(team, folder / f"{name}.sagstal")
    return folder, (big, small, tiny)


def test_the_anonymised_memo_names_no_staff_member_and_no_small_team(tmp_path, capsys):
    assert min_staff() == 5  # the threshold the anonymised team memo uses too
    folder, teams = _small_department(tmp_path)
    pdf = tmp_path / "anonym.pdf"
    code, _, err = run(capsys, "memo", "--department", str(folder), "-o", str(pdf), "--anonymise", "--positions",
                       "2", "--as-of", DAY.isoformat())
    assert code == 0, err
    text = text_of(pdf)
    assert "(anonymiseret)" in text
    for team in teams:
        for person in team.staff:
            assert person.name not in text
    assert "Særnavn" not in text
    assert "Lillebitte" not in text and "Eneste" not in text
    assert "small.sagstal" not in text and "tiny.sagstal" not in text
    assert "Team 01" in text  # 13 staff: shown by name
    # the small teams (3 + 1 + the shared person = 5 staff) make one row "øvrige teams"
    dep = roll_up([TeamSource(str(folder / f"{n}.sagstal"), t) for n, t in zip(("big", "small", "tiny"), teams,
                                                                                strict=True)], DAY)
    small = [r for r in dep.teams if r.staff < min_staff()]
    staff = sum(r.staff for r in small)
    cases = sum(r.cases for r in small)
    assert staff == 5
    assert f"øvrige teams {staff} {cases} " in text
    assert "Person i to teams: 1" in text  # counted by kind, without names
    assert "Højeste teambelastning: 106 % nu" in text  # of the rows shown, not of the 1-person team


def test_overview_rows_merge_small_teams_into_a_row_of_at_least_k_staff():
    k = min_staff()
    teams = [make_team(10, staff=k + 7), make_team(11, staff=k), make_team(12, staff=k + 1),
             make_team(13, staff=2), make_team(14, staff=1)]
    dep = roll_up([TeamSource(f"t{i}.sagstal", t) for i, t in enumerate(teams)], DAY)
    plain = overview_rows(dep)
    assert [r.name for r in plain] == ["Team 10", "Team 11", "Team 12", "Team 13", "Team 14"]
    rows = overview_rows(dep, anonymise=True)
    # 2 + 1 = 3 staff < k: the smallest other team (Team 11, k staff) joins them
    assert [r.name for r in rows] == ["Team 10", "Team 12", "øvrige teams"]
    merged = rows[-1]
    assert merged.staff == k + 3 and merged.teams == 3
    parts = [r for r in plain if r.name in ("Team 11", "Team 13", "Team 14")]
    assert merged.cases == sum(r.cases for r in parts)
    assert merged.available_fte == pytest.approx(sum(r.available_fte for r in parts))
    assert merged.load_max == pytest.approx(sum(r.fte_needed["max"] for r in parts)
                                            / sum(r.available_fte for r in parts))
    assert sum(r.staff for r in rows) == dep.totals.staff
    # no small team: nothing merged
    big = roll_up([TeamSource("a", make_team(20, staff=k)), TeamSource("b", make_team(21, staff=k + 2))], DAY)
    assert [r.name for r in overview_rows(big, anonymise=True)] == ["Team 20", "Team 21"]


def test_bad_input_writes_nothing(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    pdf = tmp_path / "x.pdf"
    code, _, err = run(capsys, "memo", "--department", str(empty), "-o", str(pdf))
    assert code == 2 and "teamfiler" in err
    assert not pdf.exists()
    team = save_team(make_team(1, staff=3), tmp_path / "t.sagstal")
    code, _, err = run(capsys, "memo", str(team), "--department", str(team), "-o", str(pdf))
    assert code == 2 and "ikke begge" in err
    code, _, err = run(capsys, "memo", "-o", str(pdf))
    assert code == 2
    unreadable = tmp_path / "unreadable"
    unreadable.mkdir()
    (unreadable / "x.sagstal").write_bytes(b"not a team file")
    code, _, err = run(capsys, "memo", "--department", str(unreadable), "-o", str(pdf))
    assert code == 2 and "ingen teamfil kunne læses" in err and "x.sagstal" in err
    assert not pdf.exists()


def test_a_load_label_just_under_100_percent_is_not_covered_by_the_100_percent_line():
    """Bars at 96–99 % end just before the 100 % line: their labels go past the line (and are
    drawn over the lines), so no label's text box is crossed by the 100 % or the minimum's line."""
    from reportlab.graphics.shapes import Line, String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from sagstal_desktop.report.department_chart import load_chart
    from sagstal_desktop.report.fonts import REGULAR, register_fonts

    register_fonts()
    loads = [0.96, 0.97, 0.98, 0.99, 1.0, 0.70, 0.71, 1.2, 0.5]
    drawing = load_chart([f"Team {i}" for i in range(len(loads))], loads, 400, "da", "DS maks. 100 %",
                         min_line=0.71, min_label="DS min.")
    lines = [item.x1 for item in drawing.contents if isinstance(item, Line) and item.strokeWidth >= 0.9]
    assert len(lines) == 2  # the 100 % line and the minimum's (the grid's lines are 0.4 wide)
    labels = {item.text: item for item in drawing.contents if isinstance(item, String) and item.text.endswith("%")
              and item.fontSize == 6.5 and item.textAnchor == "start"}
    for load in loads:
        label = labels[format_percent(load, 0, "da")]
        right = label.x + stringWidth(label.text, REGULAR, 6.5)
        assert not any(label.x - 0.5 < x < right + 0.5 for x in lines), (label.text, lines)
    order = drawing.contents
    assert max(order.index(item) for item in order if isinstance(item, Line)) < min(order.index(v) for v in
                                                                                      labels.values())


def test_a_team_just_over_or_under_100_percent_is_not_labelled_100_percent_in_the_chart():
    """The bar of a team at 100,3 % is red (over): its label says "100,3 %" as the tables do, not
    "100 %" (and 99,8 % says so); the labels still clear the 100 % line."""
    from reportlab.graphics.shapes import Line, String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from sagstal_desktop.report.department_chart import load_chart
    from sagstal_desktop.report.fonts import REGULAR, register_fonts

    register_fonts()
    drawing = load_chart(["A", "B", "C"], [1.003, 0.998, 1.0], 400, "da", "DS maks. 100 %")
    texts = [item.text for item in drawing.contents if isinstance(item, String) and item.textAnchor == "start"
             and item.fontSize == 6.5]
    assert texts == ["100,3 %", "99,8 %", "100 %"]
    line = next(item.x1 for item in drawing.contents if isinstance(item, Line) and item.strokeWidth >= 1.1)
    for item in drawing.contents:
        if isinstance(item, String) and item.textAnchor == "start" and item.text in texts:
            assert not item.x - 0.5 < line < item.x + stringWidth(item.text, REGULAR, 6.5) + 0.5, item.text

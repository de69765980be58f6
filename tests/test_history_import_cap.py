"""A history import from a huge bad spreadsheet keeps the first ``max_import_problems`` problems
and says how many more there were (Danish and English, plural forms, thousands separators), in
the library, the ``snapshot --from`` command and the window; the file is still refused whole."""

from __future__ import annotations

import pytest
from conftest import run_cli as run

from sagstal_desktop.gui.handlers import history as history_actions
from sagstal_desktop.io.document import load_team, save_team
from sagstal_desktop.io.history_import import snapshots_from_table
from sagstal_desktop.io.problems import ERROR, Problem, ProblemList, problem_cap, problem_lines

HEADER = "Dato;Årsværk til sagsbehandling;Årsværk ved maksimum;Årsværk ved minimum\n"
CAP = 12  # resources/defaults.json, max_import_problems


def _repeated_dates(path, rows: int):
    """A CSV whose ``rows`` rows all give the same date: every row after the first is an error."""
    path.write_text(HEADER + "01-02-2025;9,5;9;12,5\n" * rows, encoding="utf-8")
    return path


def test_the_cap_is_the_figure_in_the_defaults():
    assert problem_cap() == CAP


def test_5000_repeated_dates_give_the_cap_and_how_many_more(tmp_path, demo):
    result = snapshots_from_table(_repeated_dates(tmp_path / "tal.csv", 5000), demo)
    assert result.snapshots == [] and result.refused
    assert len(result.problems) == CAP and all(p.is_error for p in result.problems)
    assert (result.problems.more, result.problems.error_count, result.problems.total) == (4987, 4999, 4999)
    assert [p.row for p in result.problems] == list(range(3, 3 + CAP))  # the first ones, in file order
    da = problem_lines(result.problems, "da")
    assert len(da) == CAP + 1
    assert da[0] == "fejl: tal.csv, række 3, kolonne \"Dato\" (A): datoen står også i række 2"
    assert da[-1] == "… og 4.987 problemer mere"
    en = problem_lines(result.problems, "en")
    assert en[0] == "error: tal.csv, row 3, column \"Dato\" (A): the date is also in row 2"
    assert en[-1] == "… and 4,987 more problems"


def test_one_more_problem_is_singular(tmp_path, demo):
    result = snapshots_from_table(_repeated_dates(tmp_path / "tal.csv", CAP + 2), demo)
    assert result.problems.more == 1
    assert problem_lines(result.problems, "da")[-1] == "… og 1 problem mere"
    assert problem_lines(result.problems, "en")[-1] == "… and 1 more problem"


def test_exactly_the_cap_has_no_more_line(tmp_path, demo):
    result = snapshots_from_table(_repeated_dates(tmp_path / "tal.csv", CAP + 1), demo)
    lines = problem_lines(result.problems, "da")
    assert len(lines) == CAP and not any("mere" in line for line in lines) and result.refused


def test_a_small_bad_file_lists_every_problem(tmp_path, demo):
    path = tmp_path / "tal.csv"
    path.write_text("Dato;Årsværk til rådighed;Årsværk ved maksimum;Årsværk ved minimum;Farve\n"
                    "01-02-2025;9,5;abc;12;rød\n"
                    "01-02-2025;9,5;13;12;blå\n", encoding="utf-8")
    result = snapshots_from_table(path, demo)
    assert result.snapshots == [] and result.problems.more == 0
    lines = problem_lines(result.problems, "da")
    assert len(lines) == 3
    assert lines[0] == "advarsel: tal.csv, kolonne \"Farve\" (E): ukendt kolonne; den bliver ikke importeret"
    assert lines[1].startswith("fejl: tal.csv, række 2, kolonne \"Årsværk ved maksimum\" (C): ")
    assert lines[2].startswith("fejl: tal.csv, række 3, kolonne \"Årsværk ved maksimum\" (C): ")


def test_an_error_past_the_cap_still_refuses_the_file(tmp_path, demo):
    """More unknown columns (warnings) than the cap, then a missing required column: the error
    is only counted, and the file is refused all the same."""
    unknown = ";".join(f"Ekstra {i}" for i in range(CAP + 3))
    path = tmp_path / "tal.csv"
    path.write_text(f"Dato;Årsværk ved maksimum;Årsværk ved minimum;{unknown}\n"
                    "01-02-2025;9;12,5" + ";x" * (CAP + 3) + "\n", encoding="utf-8")
    result = snapshots_from_table(path, demo)
    assert result.errors == [] and result.problems.more_errors == 1 and result.refused
    assert result.snapshots == []
    assert problem_lines(result.problems, "en")[-1] == "… and 4 more problems"  # 3 warnings, 1 error


def test_a_problem_past_the_cap_is_not_worded():
    built: list[int] = []

    def build(n: int) -> Problem:
        built.append(n)
        return Problem(ERROR, "x", "f.csv", n, None, None, None, "da", "en")

    problems = ProblemList(cap=2)
    for n in range(5):
        problems.add(ERROR, lambda n=n: build(n))
    assert built == [0, 1] and [p.row for p in problems] == [0, 1]
    assert (problems.more, problems.more_errors, problems.error_count) == (3, 3, 5)


@pytest.mark.parametrize(("lang", "more", "total"), [
    ("da", "… og 4.987 problemer mere", "tal.csv: 4.999 fejl; intet er importeret"),
    ("en", "… and 4,987 more problems", "tal.csv: 4,999 errors; nothing was imported"),
])
def test_cli_snapshot_from_a_huge_bad_file(tmp_path, capsys, demo, lang, more, total):
    team_path = save_team(demo, tmp_path / "team.sagstal")
    before = team_path.read_bytes()
    sheet = _repeated_dates(tmp_path / "tal.csv", 5000)
    code, out, err = run(capsys, "snapshot", str(team_path), "--from", str(sheet), "--lang", lang)
    lines = err.strip().splitlines()
    assert code == 2 and out == ""
    assert len(lines) == CAP + 2 and lines[-2:] == [more, total]
    assert lines[0].startswith("fejl: tal.csv, række 3" if lang == "da" else "error: tal.csv, row 3")
    assert team_path.read_bytes() == before and len(load_team(team_path).snapshots) == 12


def test_cli_snapshot_from_a_small_bad_file_lists_every_problem(tmp_path, capsys, demo):
    team_path = save_team(demo, tmp_path / "team.sagstal")
    sheet = _repeated_dates(tmp_path / "tal.csv", 3)
    code, _, err = run(capsys, "snapshot", str(team_path), "--from", str(sheet))
    assert code == 2
    assert err.strip().splitlines() == [
        "fejl: tal.csv, række 3, kolonne \"Dato\" (A): datoen står også i række 2",
        "fejl: tal.csv, række 4, kolonne \"Dato\" (A): datoen står også i række 2",
        "tal.csv: 2 fejl; intet er importeret",
    ]


@pytest.mark.parametrize(("lang", "heading", "more"), [
    ("da", "Intet er importeret:", "… og 4.987 problemer mere"),
    ("en", "Nothing was imported:", "… and 4,987 more problems"),
])
def test_window_shows_the_cap_and_how_many_more(qapp, make_window, tmp_path, monkeypatch, lang, heading, more):
    from sagstal_desktop.gui import qt_language

    qt_language.install_translations(qapp, lang)  # make_window puts English back afterwards
    window = make_window(lang=lang)
    count = len(window.team().snapshots)
    shown: list[list[str]] = []
    monkeypatch.setattr(history_actions, "show_problems", lambda _w, _t, lines: shown.append(lines))
    assert not history_actions.import_spreadsheet(window, _repeated_dates(tmp_path / "tal.csv", 5000))
    (lines,) = shown
    assert len(lines) == CAP + 2 and lines[0] == heading and lines[-1] == more
    assert len(window.team().snapshots) == count and not window.document().undo_stack.canUndo()

"""``sagstal import / export / template`` on the command line."""

from __future__ import annotations

from pathlib import Path

from sagstal_desktop.cli import main
from sagstal_desktop.io.document import load_team, save_team

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_import_round_trip(tmp_path, capsys, demo):
    source = tmp_path / "demo.sagstal"
    save_team(demo, source)
    for suffix in (".xlsx", ".csv"):
        sheet = tmp_path / f"hold{suffix}"
        code, out, _ = _run(capsys, "export", str(source), "-o", str(sheet), "--as-of", "2026-11-22")
        assert code == 0 and out.strip() == str(sheet)
        target = tmp_path / f"ny{suffix}.sagstal"
        code, out, err = _run(capsys, "import", str(sheet), "-o", str(target), "--norms", "ds_2020")
        assert code == 0, err
        assert out.splitlines()[0] == f"Import fra hold{suffix} (12 nye, 0 opdateret)"
        back = load_team(target)
        assert back.settings.norm_set_id == "ds_2020"
        assert [(p.name, p.weekly_hours, p.other_hours, p.start_date, p.counts) for p in back.staff] == [
            (p.name, p.weekly_hours, p.other_hours, p.start_date, p.counts) for p in demo.staff]


def test_check_mode_reports_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "fejl.csv"
    bad.write_text("Navn;Timer;Sygedagpenge\nAnne;37;tre\nBo;60;2\n", encoding="utf-8")
    target = tmp_path / "x.sagstal"
    code, out, _ = _run(capsys, "import", str(bad), "--check")
    assert code == 1
    assert out.splitlines() == [
        'fejl: fejl.csv, række 2, kolonne "Sygedagpenge" (C): "tre" er ikke et tal',
        'fejl: fejl.csv, række 3, kolonne "Timer" (B): "60" timer ligger uden for 0-48',
        "fejl.csv: 0 gyldige rækker, 2 fejl, 0 advarsler",
    ]
    code, _out, err = _run(capsys, "import", str(bad), "-o", str(target), "--lang", "en")
    assert code == 2 and not target.exists()
    assert err.splitlines()[-1] == "fejl.csv: 2 errors; nothing was imported"
    good = tmp_path / "ok.csv"
    good.write_text("Navn;Timer\nA;37\n", encoding="utf-8")
    code, out, _ = _run(capsys, "import", str(good), "--check")
    assert code == 0 and out.splitlines()[-1] == "ok.csv: 1 gyldig række, 0 fejl, 1 advarsel"  # singular forms


def test_warnings_need_acceptance(tmp_path, capsys):
    sheet = tmp_path / "ekstra.csv"
    sheet.write_text("Navn;Timer;Sygedagpenge;Kaffe\nA;37;3;sort\n", encoding="utf-8")
    target = tmp_path / "t.sagstal"
    code, _out, err = _run(capsys, "import", str(sheet), "-o", str(target))
    assert code == 2 and not target.exists()
    assert 'kolonne "Kaffe" (D): ukendt kolonne' in err
    code, _out, _err = _run(capsys, "import", str(sheet), "-o", str(target), "--accept-warnings")
    assert code == 0 and [p.name for p in load_team(target).staff] == ["A"]


def test_into_existing_team_merge_and_unchanged_on_error(tmp_path, capsys, demo):
    team_file = tmp_path / "hold.sagstal"
    save_team(demo, team_file)
    before = team_file.read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text("Navn;Timer;Sygedagpenge\nAnne Holm;37;-5\n", encoding="utf-8")
    code, _out, err = _run(capsys, "import", str(bad), "--into", str(team_file), "-o", str(team_file))
    assert code == 2 and '"-5" er negativ' in err
    assert team_file.read_bytes() == before
    good = tmp_path / "good.csv"
    good.write_text("Navn;Timer;Sygedagpenge\nanne holm;30;10\nNy;37;1\n", encoding="utf-8")
    code, out, _ = _run(capsys, "import", str(good), "--into", str(team_file), "-o", str(team_file),
                        "--mode", "replace-counts")
    assert code == 0 and out.splitlines()[0] == "Import fra good.csv (1 ny, 1 opdateret)"
    merged = load_team(team_file)
    assert merged.staff[0].counts == {"sygedagpenge": 10} and merged.staff[0].weekly_hours == 30
    assert len(merged.staff) == 13


def test_unreadable_file_is_one_line(tmp_path, capsys):
    code, _out, err = _run(capsys, "import", str(FIXTURES / "password_protected.xlsx"), "--check")
    assert code == 2 and len(err.splitlines()) == 1
    assert err.startswith("password_protected.xlsx er beskyttet med adgangskode.")


def test_template_and_refusals(tmp_path, capsys):
    target = tmp_path / "skabelon.xlsx"
    code, out, _ = _run(capsys, "template", "-o", str(target), "--norms", "ds_2015_types")
    assert code == 0 and target.exists() and out.strip() == str(target)
    code, _out, err = _run(capsys, "template", "-o", str(target), "--lang", "en")
    assert code == 2 and "exists; use --force" in err
    code, _out, err = _run(capsys, "template", "-o", str(tmp_path / "x.pdf"), "--lang", "en")
    assert code == 2 and err.strip() == "x.pdf: the output must end in .xlsx or .csv"
    code, _out, err = _run(capsys, "template", "-o", str(tmp_path / "y.xlsx"), "--norms", "nope", "--lang", "en")
    assert code == 2 and "unknown norm set 'nope'" in err
    code, _out, err = _run(capsys, "import", str(target))
    assert code == 2 and "angiv -o TEAM.sagstal" in err  # Danish (was English in Danish output)


def test_import_sets_the_team_names_for_the_memo_header(tmp_path, capsys):
    sheet = tmp_path / "hold.csv"
    sheet.write_text("Navn;Timer;Sygedagpenge\nAnne;37;40\n", encoding="utf-8")
    target = tmp_path / "hold.sagstal"
    code, _out, err = _run(capsys, "import", str(sheet), "-o", str(target), "--municipality", "Aarhus Kommune",
                          "--department", "Jobcenter Syd", "--team-name", "Team Sygedagpenge", "--author-role", "tr")
    assert code == 0, err
    team = load_team(target)
    assert (team.info.municipality, team.info.department, team.info.team_name, team.info.author_role) == (
        "Aarhus Kommune", "Jobcenter Syd", "Team Sygedagpenge", "tr")
    assert team.settings.norm_set_id == "ds_current"  # the standard set, as a new team in the window
    assert "Målt mod normsættet DS nyeste (vælg et andet med --norms)" in err
    # --into keeps the names it is not given
    code, _, err = _run(capsys, "import", str(sheet), "-o", str(target), "--into", str(target), "--team", "Team Nord")
    assert code == 0, err
    team = load_team(target)
    assert (team.info.municipality, team.info.team_name) == ("Aarhus Kommune", "Team Nord")


def test_the_window_and_the_command_line_give_the_same_result_for_the_same_set(tmp_path, capsys):
    """The same spreadsheet, measured against the same set, gives the same team and loads."""
    from datetime import date

    from sagstal_desktop.core.load import summarize
    from sagstal_desktop.core.norms import default_norm_set
    from sagstal_desktop.io.importer import import_file

    sheet = tmp_path / "hold.csv"
    sheet.write_text("Navn;Timer;Timer til andre opgaver;Sygedagpenge;Jobafklaring\nAnne;37;0;40;2\nBo;30;2;35;0\n",
                     encoding="utf-8")
    target = tmp_path / "hold.sagstal"
    assert _run(capsys, "import", str(sheet), "-o", str(target))[0] == 0
    cli = load_team(target)
    window = import_file(sheet, default_norm_set()).new_team()  # what New team + import gives in the window
    assert [(p.name, p.weekly_hours, p.other_hours, p.counts) for p in cli.staff] == [
        (p.name, p.weekly_hours, p.other_hours, p.counts) for p in window.staff]
    day = date(2026, 11, 22)
    assert [p.load_max for p in summarize(cli, day).persons] == [p.load_max for p in summarize(window, day).persons]

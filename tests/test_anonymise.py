"""Anonymisation that cannot be undone by order or detail (issue 9, item 7): labels in an order
unrelated to names and to the team's order, stable per document; no start dates, newcomer mark
or individual hours in the memo's text or metadata; an anonymised spreadsheet export."""

from __future__ import annotations

import csv
import re
from datetime import date

from conftest import TODAY
from test_memo_pdf import pdf_info, pdf_text, raw_pdf_strings, write

from sagstal_desktop.core.anonymise import anonymous_labels, by_load, label_numbers
from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.model import StaffMember, Team, TeamInfo, TeamSettings

NAMES = ["Anders", "Birgit", "Carsten", "Ditte", "Erik", "Frida", "Gorm", "Helle"]


def alphabetical_team() -> Team:
    """A team whose order is also alphabetical, with fixed ids (as saved in a team file)."""
    staff = [StaffMember(name, 37.0 - i, float(i % 3), start_date=date(2026, 10, 1) if i == 2 else date(2015, 1, 1),
                         counts={"sygedagpenge": 30 + 3 * i}, id=f"{i:032x}")
             for i, name in enumerate(NAMES)]
    return Team(info=TeamInfo("Eksempel Kommune", "Jobcenter", "Team Syd", "tr"),
                settings=TeamSettings(norm_set_id="ds_2020"), staff=staff)


def test_label_order_is_unrelated_to_names_and_team_order_and_stable():
    team = alphabetical_team()
    ids = [m.id for m in team.staff]
    numbers = label_numbers(ids)
    in_team_order = [numbers[i] for i in ids]
    assert in_team_order != list(range(len(ids)))  # not A, B, C, … down the (alphabetical) team
    assert sorted(in_team_order) == list(range(len(ids)))
    assert label_numbers(list(reversed(ids))) == numbers  # the team's order does not matter
    renamed = anonymous_labels(ids)
    for member in team.staff:
        member.name = "Zz " + member.name  # names do not matter either
    assert anonymous_labels(ids) == renamed == anonymous_labels(ids)  # stable: tomorrow gives the same
    assert by_load([0.5, None, 1.2, 0.9]) == [2, 3, 0, 1]
    assert label_numbers(ids, "another document") != numbers  # the salt, not the ids alone, sets the order


def test_labels_are_stable_through_saving_and_opening(tmp_path):
    from sagstal_desktop.core.serialize import settings_from_dict
    from sagstal_desktop.io.document import load_team, save_team
    from sagstal_desktop.report.content import case_columns, staff_rows

    team = alphabetical_team()
    assert len(team.settings.anonymise_salt) == 32 and team.settings.anonymise_salt != TeamSettings().anonymise_salt
    save_team(team, tmp_path / "hold.sagstal")
    again = load_team(tmp_path / "hold.sagstal")
    assert again.settings.anonymise_salt == team.settings.anonymise_salt

    def labels(t):
        summary = summarize(t, TODAY)
        rows = staff_rows(t, summary, case_columns(summary, t.norm_set(), "da", "none"), "da", True)
        return [r.label for r in rows]

    assert labels(again) == labels(team)
    assert settings_from_dict({}).anonymise_salt == ""  # a file from before the salt: ids alone, still stable


def test_anonymised_memo_leaves_out_order_hours_dates_and_newcomers(tmp_path):
    team = alphabetical_team()
    path = write(team, tmp_path, anonymise=True)
    text = pdf_text(path)
    body = " ".join(text.split())
    info = pdf_info(path)
    raw = raw_pdf_strings(path)
    for member in team.staff:
        assert member.name not in body and member.name not in info and member.name.encode() not in raw
        day = member.start_date
        for stamp in (day.isoformat(), f"{day.day}.{day.month}.{day.year}", day.strftime("%d.%m.%Y")):
            assert stamp not in body and stamp not in info
    assert "* Nyansat" not in body and not re.search(r"Medarbejder [A-Z]+ \*", body)  # no newcomer mark
    rows = [line for line in text.splitlines() if re.match(r"\s*Medarbejder [A-Z]+\s", line)]
    table_rows = [r for r in rows if "–" in r]
    assert len(table_rows) == len(NAMES)
    for row in table_rows:  # no individual hours, other hours or capacity
        assert re.match(r"\s*Medarbejder [A-Z]+\s+–\s+–\s+–\s", row), row
    labels = [re.match(r"\s*(Medarbejder [A-Z]+)", r).group(1) for r in table_rows]
    team_order = [f"Medarbejder {chr(65 + i)}" for i in range(len(NAMES))]
    assert labels != team_order  # neither the team's nor the alphabetical order
    loads = [float(m.group(1).replace(",", ".")) for r in table_rows if (m := re.search(r"(\d+(?:,\d+)?) %", r))]
    assert loads == sorted(loads, reverse=True)  # sorted by load
    summary = summarize(team, TODAY)
    hours = sum(m.weekly_hours for m in team.staff)
    assert re.search(rf"I alt \({len(NAMES)} medarbejdere\)\s+{hours:.1f}".replace(".", ","), text)  # totals stay
    assert summary.staff_count == len(NAMES)
    assert "Team Syd" in info and "Anders" not in info


def test_anonymised_export_has_the_same_rules(tmp_path):
    from sagstal_desktop.io.exporter import export_csv, export_xlsx

    team = alphabetical_team()
    target = tmp_path / "anonym.csv"
    export_csv(team, target, "da", TODAY, anonymise=True)
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[0] == "Navn" and "Ansat" not in header and "Timer pr. uge" not in header
    assert "Timer til andre opgaver" not in header and "Årsværk til sagsbehandling" not in header
    text = "\n".join(";".join(r) for r in rows)
    for member in team.staff:
        assert member.name not in text
    labels = [r[0] for r in body]
    assert sorted(labels) == sorted(anonymous_labels([m.id for m in team.staff], "da", team.settings.anonymise_salt)
                                    .values())
    assert labels != [f"Medarbejder {chr(65 + i)}" for i in range(len(NAMES))]
    load_col = header.index("Belastning (andel af DS' maksimum)")
    loads = [float(r[load_col].replace(" %", "").replace(",", ".")) for r in body]
    assert loads == sorted(loads, reverse=True)
    import openpyxl

    xlsx = tmp_path / "anonym.xlsx"
    export_xlsx(team, xlsx, "da", TODAY, anonymise=True)
    book = openpyxl.load_workbook(xlsx)
    cells = " ".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row)
    for member in team.staff:
        assert member.name not in cells
    assert "2015" not in " ".join(str(c.value) for c in book["Medarbejdere"]["A"])


def test_cli_and_window_export_anonymised(qapp, qtbot, demo, monkeypatch, tmp_path):
    from test_gui_wording import _window

    from sagstal_desktop.cli import main
    from sagstal_desktop.gui import import_actions
    from sagstal_desktop.io.document import save_team

    path = tmp_path / "demo.sagstal"
    save_team(demo, path)
    out = tmp_path / "anonym.csv"
    assert main(["export", str(path), "-o", str(out), "--anonymise", "--as-of", "22.11.2026"]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "Medarbejder A" in text and "Anne Holm" not in text and "Ansat" not in text.splitlines()[0]
    win = _window(qapp, qtbot, demo, monkeypatch)
    target = tmp_path / "vindue.xlsx"
    import_actions.export_spreadsheet_anonymised(win, target)
    import openpyxl

    cells = " ".join(str(c.value) for ws in openpyxl.load_workbook(target).worksheets for r in ws.iter_rows()
                     for c in r)
    assert "Staff member" in cells or "Medarbejder" in cells
    for member in demo.staff:
        assert member.name not in cells
    from sagstal_desktop.gui.actions import Act

    assert Act.EXPORT_SHEET_ANONYMISED in win.actions.actions

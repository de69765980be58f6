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


def test_label_order_is_unrelated_to_names_and_team_order_and_drawn_afresh():
    team = alphabetical_team()
    ids = [m.id for m in team.staff]
    numbers = label_numbers(ids, "one output")
    in_team_order = [numbers[i] for i in ids]
    assert in_team_order != list(range(len(ids)))  # not A, B, C, … down the (alphabetical) team
    assert sorted(in_team_order) == list(range(len(ids)))
    assert label_numbers(list(reversed(ids)), "one output") == numbers  # the team's order does not matter
    assert label_numbers(ids, "another output") != numbers  # the salt, not the ids alone, sets the order
    # issue 20: without a salt every call draws a fresh one, so two outputs' labels are unrelated
    draws = {tuple(anonymous_labels(ids).values()) for _ in range(5)}
    assert len(draws) == 5
    assert by_load([0.5, None, 1.2, 0.9]) == [2, 3, 0, 1]


def test_bands_and_threshold_are_data_values():
    from sagstal_desktop.core.anonymise import band_edges, band_text, load_band, min_staff, rows_allowed
    from sagstal_desktop.core.defaults import defaults

    assert min_staff() == defaults()["anonymise_min_staff"] == 5
    assert band_edges() == (0.8, 1.0, 1.2)
    assert [load_band(x) for x in (0.0, 0.79, 0.8, 0.95, 1.0, 1.0000000000000002, 1.01, 1.2, 1.21, 3.0, None)] == [
        0, 0, 0, 1, 1, 1, 2, 2, 3, 3, None]
    assert [band_text(i) for i in range(4)] == ["under 80 %", "80–100 %", "100–120 %", "over 120 %"]
    assert [band_text(i, "en") for i in range(4)] == ["under 80%", "80–100%", "100–120%", "over 120%"]
    assert not rows_allowed(4) and rows_allowed(5)


def test_anonymised_memo_shows_labels_bands_and_status_only(tmp_path):
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
    rows = [line for line in text.splitlines() if re.match(r"\s*Medarbejder [A-Z]+\s+\S", line)]
    assert len(rows) == len(NAMES)
    bands = ["over 120 %", "100–120 %", "80–100 %", "under 80 %"]
    order = []
    for row in rows:  # the label, the band, the status: no hours, cases, capacity or exact load
        m = re.fullmatch(r"\s*(Medarbejder [A-Z]+)\s+(under 80 %|80–100 %|100–120 %|over 120 %)\s+(.+?)\s*", row)
        assert m, row
        assert not re.search(r"\d", m.group(3)), row
        order.append((bands.index(m.group(2)), m.group(1)))
    assert order == sorted(order, key=lambda x: (x[0], len(x[1]), x[1]))  # by band, then by label
    summary = summarize(team, TODAY)
    counts = {b: 0 for b in range(4)}
    from sagstal_desktop.core.anonymise import load_band

    for load in summary.persons.column("load_max"):
        counts[load_band(load)] += 1
    for band, n in counts.items():  # the band table counts the same
        label = ["under 80 %", "80–100 %", "100–120 %", "over 120 %"][band]
        assert re.search(rf"^\s*{label}\s+{n}\s", text, re.M), (label, n)
    assert "Team Syd (anonymiseret)" in info  # issue 20: the title says so
    assert "Anders" not in info


def test_below_k_staff_the_memo_and_export_give_team_figures_only(tmp_path):
    from sagstal_desktop.io.exporter import export_csv

    team = alphabetical_team()
    team.staff = team.staff[:4]
    text = " ".join(pdf_text(write(team, tmp_path, anonymise=True)).split())
    assert "Teamet har 4 medarbejdere med en belastning, færre end 5" in text
    assert not re.search(r"Medarbejder [A-Z]+ ", text.replace("Medarbejder A, B", ""))
    assert "%" in text and "under 80 %" not in text and "80–100 %" not in text
    target = tmp_path / "lille.csv"
    export_csv(team, target, "da", TODAY, anonymise=True)
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert len(rows) == 2 and rows[1][0].startswith("Færre end 5 medarbejdere med en belastning")


def test_anonymised_export_has_the_same_rules(tmp_path):
    from sagstal_desktop.io.exporter import export_csv, export_xlsx

    team = alphabetical_team()
    target = tmp_path / "anonym.csv"
    export_csv(team, target, "da", TODAY, anonymise=True)
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header == ["Medarbejder", "Belastningsinterval (andel af DS' maksimum)", "Status"]
    text = "\n".join(";".join(r) for r in rows)
    for member in team.staff:
        assert member.name not in text
    labels = [r[0] for r in body]
    assert sorted(labels) == sorted(f"Medarbejder {chr(65 + i)}" for i in range(len(NAMES)))
    bands = ["over 120 %", "100–120 %", "80–100 %", "under 80 %"]
    keys = [(bands.index(r[1]), len(r[0]), r[0]) for r in body]
    assert keys == sorted(keys)
    again = tmp_path / "igen.csv"
    export_csv(team, again, "da", TODAY, anonymise=True)
    assert again.read_text(encoding="utf-8-sig") != target.read_text(encoding="utf-8-sig")  # labels drawn afresh
    import openpyxl

    xlsx = tmp_path / "anonym.xlsx"
    export_xlsx(team, xlsx, "da", TODAY, anonymise=True)
    book = openpyxl.load_workbook(xlsx)
    cells = " ".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row)
    for member in team.staff:
        assert member.name not in cells
    assert "2015" not in " ".join(str(c.value) for c in book["Medarbejdere"]["A"])
    summary = {r[0].value: r[1].value for r in book.worksheets[1].iter_rows()}
    assert summary["Teamets sager: Sygedagpenge"] == sum(m.counts["sygedagpenge"] for m in team.staff)


def test_cli_and_window_export_anonymised(qapp, qtbot, demo, monkeypatch, tmp_path):
    from test_gui_wording import _window

    from sagstal_desktop.cli import main
    from sagstal_desktop.gui.handlers import imports as import_actions
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


def test_anonymised_files_say_so_in_their_default_names(qapp, qtbot, demo, monkeypatch):
    """Issue 20: "… (anonymiseret)" in the default file name of the memo and the spreadsheet."""
    from test_gui_wording import _window

    from sagstal_desktop.gui.handlers import imports as import_actions
    from sagstal_desktop.gui.handlers import memo as memo_actions
    from sagstal_desktop.report.options import MemoOptions

    win = _window(qapp, qtbot, demo, monkeypatch, lang="da")
    named = memo_actions.suggested_name(win, MemoOptions(anonymise=True, lang="da"))
    assert named.name.endswith("(anonymiseret).pdf") and named.name.startswith("Sagstal-notat")
    assert "anonym" not in memo_actions.suggested_name(win, MemoOptions(lang="da")).name
    asked = []
    monkeypatch.setattr(import_actions, "_ask_save", lambda w, title, name: asked.append(name))
    import_actions.export_spreadsheet_anonymised(win)
    assert asked == [f"{demo.info.team_name} (anonymiseret).xlsx"]


def test_compare_workbook_anonymised(tmp_path, capsys):
    import openpyxl
    from conftest import run_cli

    from sagstal_desktop.core import scenarios as sc
    from sagstal_desktop.core.scenario_model import Absence
    from sagstal_desktop.io.document import save_team

    team = alphabetical_team()
    team.staff += [StaffMember(name, 37.0, counts={"sygedagpenge": 40}) for name in ("Ib", "Jette")]
    leave = sc.derive(team, "Birgits sygefravær")  # one person: left out (issue 20, second pass)
    sc.set_absence(leave, Absence(team.staff[1].id, "sick", date(2026, 11, 1), date(2027, 1, 31)))
    five = sc.derive(team, "Birgit, Carsten, Ditte, Erik og Frida på kursus")  # five: shown, unnamed
    for member in team.staff[1:6]:
        sc.set_absence(five, Absence(member.id, "other", date(2026, 11, 1), date(2026, 11, 30)))
    team.scenarios += [leave, five]
    path = tmp_path / "hold.sagstal"
    save_team(team, path)
    out = tmp_path / "sammenligning.xlsx"
    code, _out, err = run_cli(capsys, "compare", str(path), "--as-of", "22.11.2026", "-o", str(out), "--anonymise")
    assert code == 0, err
    book = openpyxl.load_workbook(out)
    cells = " ".join(str(c) for ws in book.worksheets for r in ws.iter_rows(values_only=True) for c in r)
    for member in team.staff:
        assert member.name not in cells
    assert "Birgit" not in cells and "Scenarie 1" in cells
    assert "Scenarie 2" not in cells
    assert [ws.title for ws in book.worksheets] == ["Sammenligning", "Belastningsintervaller", "Bemærkning"]
    assert book.worksheets[2]["A2"].value.startswith("1 scenarie er udeladt, fordi dets tal vedrører færre end 5 ")
    assert "1 scenarie er udeladt" in _out  # the command says so too
    bands = {r[0]: r[1:] for r in book.worksheets[1].iter_rows(values_only=True)}
    band_rows = [v for k, v in bands.items() if re.fullmatch(r"(under|over) \d+ %|\d+–\d+ %", str(k))]
    assert len(band_rows) == 4 and sum(v[0] for v in band_rows) == len(team.staff)  # the current team, by band
    assert bands[next(k for k in bands if str(k).startswith("Ingen belastning"))] == (0, 5)  # five away
    refused = tmp_path / "ikke.xlsx"
    code, _out, err = run_cli(capsys, "compare", str(path), "--anonymise", "--json")
    assert code == 2 and "--anonymise" in err and not refused.exists()


def test_anonymous_scenario_sentences_count_at_team_level():
    """Issue 20: no label, date, reason or hours beside an absence; changes counted, not described."""
    from sagstal_desktop.core import scenarios as sc
    from sagstal_desktop.core.scenario_describe import describe
    from sagstal_desktop.core.scenario_model import Absence

    team = alphabetical_team()
    leave = sc.derive(team, "Orlov og ledig stilling")
    sc.set_absence(leave, Absence(team.staff[1].id, "sick", date(2026, 12, 6), date(2027, 3, 6)))
    sc.set_absence(leave, Absence(team.staff[4].id, "vacant"))
    hours = sc.derive(team, "Timer")
    sc.set_hours(hours, team, team.staff[2].id, weekly_hours=32.5, other_hours=11.5)
    removed = sc.derive(team, "Nedlagt")
    sc.remove_position(removed, team, team.staff[0].id)
    assert describe(leave, team, "da", anonymous=True) == "Fravær for 2 medarbejdere, sagerne fordelt på kolleger."
    assert describe(hours, team, "da", anonymous=True) == (
        "Andre ugentlige timer for 1 medarbejder; andre timer til øvrige opgaver for 1 medarbejder.")
    assert describe(removed, team, "en", anonymous=True) == "1 position removed."
    named = describe(leave, team, "da")  # the team leader's own memo still names and dates
    assert "Birgit fraværende 6.12.2026–6.3.2027" in named and "Erik" in named


def test_anonymised_outputs_show_only_scenarios_that_single_no_one_out():
    """Issue 20, second pass: a scenario that changes fewer than k persons, or persons another shown
    scenario changes differently, is left out; one that changes no person is shown."""
    from sagstal_desktop.core import scenarios as sc
    from sagstal_desktop.core.anonymise import left_out_text, person_changes, shown_scenarios
    from sagstal_desktop.core.reductions import Reduction
    from sagstal_desktop.core.scenario_model import Absence

    as_of = date(2026, 11, 22)
    team = alphabetical_team()
    team.staff += [StaffMember(name, 37.0, counts={"sygedagpenge": 40}) for name in ("Ib", "Jette")]
    ids = [m.id for m in team.staff]

    def away(name: str, indexes, start=None) -> sc.Scenario:
        made = sc.derive(team, name)
        for i in indexes:
            sc.set_absence(made, Absence(ids[i], "sick", start))
        team.scenarios.append(made)
        return made

    added = sc.derive(team, "Ny stilling")
    sc.add_position(added, team, "Ny", 37.0)
    ceiling = sc.derive(team, "Loft")
    sc.set_own_ceiling(ceiling, team, 40, "Loft 40")
    target = sc.derive(team, "Mål")
    sc.set_target_caseload(target, 35)
    team.scenarios += [added, ceiling, target]
    away("Birgit syg", [1])
    hours = sc.derive(team, "Timer")
    sc.set_hours(hours, team, ids[3], weekly_hours=30.0)
    newcomer = sc.derive(team, "Ingen nedsættelse for nye")  # concerns the one newcomer (Carsten)
    variant = sc.materialise(newcomer, team)
    variant.settings.newcomer_reduction = 0.0
    sc.store(newcomer, variant)
    dated = sc.derive(team, "Kursus")  # a dated reduction on the day concerns the person
    variant = sc.materialise(dated, team)
    variant.staff[4].reductions = (Reduction(5.0, "training", date(2026, 11, 1), date(2026, 12, 31)),)
    sc.store(dated, variant)
    team.scenarios += [hours, newcomer, dated]
    five = away("Fem væk", range(5))
    same = away("Fem væk med loft", range(5))
    sc.set_own_ceiling(same, team, 40, "Loft 40 igen")
    away("Fire af dem og en anden", range(1, 6))  # A − B would be Anders and Frida
    away("Fem andre", range(5, 10))  # disjoint from the first five: shown
    away("Fire nu, en i 2030", [*range(5, 9)])
    sc.set_absence(team.scenarios[-1], Absence(ids[9], "sick", date(2030, 1, 1)))  # not away on the day
    hidden = away("Syg, og sager flyttet mellem fire", [9])  # the absence's FTE would stand alone
    for giver, taker in ((5, 6), (7, 8)):
        sc.move_cases(hidden, team, ids[giver], ids[taker], "sygedagpenge", 3)
    names = [s.name for s in team.scenarios]

    assert len(person_changes(hidden, team, as_of)) == 5
    assert list(person_changes(five, team, as_of)) == ids[:5]
    assert list(person_changes(newcomer, team, as_of)) == [ids[2]]
    assert list(person_changes(dated, team, as_of)) == [ids[4]]
    assert person_changes(dated, team, date(2027, 1, 15)) == {}  # after the reduction: nobody
    assert person_changes(added, team, as_of) == person_changes(ceiling, team, as_of) == {}
    shown, left_out = shown_scenarios(team, names, as_of)
    assert shown == ["Ny stilling", "Loft", "Mål", "Fem væk", "Fem væk med loft", "Fem andre"]
    assert left_out == 7
    assert shown_scenarios(team, names, as_of, k=1)[0] == [
        "Ny stilling", "Loft", "Mål", "Birgit syg", "Timer", "Ingen nedsættelse for nye", "Kursus", "Fem andre"]
    assert left_out_text(1, "en").startswith("1 scenario is left out because its figures concern fewer than 5 ")
    assert left_out_text(2, "da").startswith("2 scenarier er udeladt, fordi deres tal vedrører færre end 5 ")


def test_anonymised_memo_leaves_out_a_history_that_singles_someone_out():
    """Issue 20, second pass: consecutive snapshots that differ in the hours of 1 to k − 1 persons
    leave the history out (also when the ids changed, and for rows of figures only); cases alone do not."""
    from dataclasses import replace

    from sagstal_desktop.core.anonymise import history_singles_out
    from sagstal_desktop.core.history import figures_snapshot, make_snapshot, snapshot_figures

    team = alphabetical_team()
    october = make_snapshot(team, as_of=date(2026, 10, 31))
    for member in team.staff:
        member.counts = {"sygedagpenge": member.counts["sygedagpenge"] + 2}
    busy = make_snapshot(team, as_of=date(2026, 11, 30))
    assert not history_singles_out([october, busy])
    team.staff[0].counts = {"sygedagpenge": 1}  # one person's cases
    assert not history_singles_out([busy, make_snapshot(team, as_of=date(2026, 12, 31))])
    team.staff[4].weekly_hours = 30.0  # one person's hours
    assert history_singles_out([october, busy, make_snapshot(team, as_of=date(2026, 12, 31))])
    team.staff[4].weekly_hours = 37.0 - 4
    renamed = team.copy()
    for i, member in enumerate(renamed.staff):
        member.id = f"{i + 100:032x}"  # new ids: every person looks changed, the states do not
    assert not history_singles_out([busy, make_snapshot(renamed, as_of=date(2026, 12, 31))])
    left = team.copy()
    left.staff = [m for m in left.staff if m.name != "Birgit"]
    for member in left.staff:
        member.id = f"{int(member.id, 16) + 100:032x}"
    assert history_singles_out([busy, make_snapshot(left, as_of=date(2026, 12, 31))])
    # Carsten is new until 1.4.2027 (6 months from 1.10.2026): his reduction ends between these
    march, april = (make_snapshot(team, as_of=day) for day in (date(2027, 3, 31), date(2027, 4, 30)))
    assert history_singles_out([march, april])
    figures = snapshot_figures(busy)
    same = figures_snapshot(date(2026, 12, 31), figures)
    assert not history_singles_out([busy, same])
    assert history_singles_out([busy, figures_snapshot(date(2026, 12, 31), replace(figures, available_fte=6.5))])


def test_window_memo_anonymised_leaves_out_what_would_single_someone_out(qtbot, demo, tmp_path, monkeypatch):
    """Issue 20, second pass: the window's anonymised memo (File → Export memo…, anonymised) leaves out
    a scenario of one absence and the demo's history (a newcomer joins in September 2026), and says so;
    a scenario of five absences stays, unnamed."""
    from conftest import pdf_text as gui_pdf_text
    from test_memo_gui import FakeWindow

    from sagstal_desktop.core import scenarios as sc
    from sagstal_desktop.core.scenario_model import Absence
    from sagstal_desktop.gui.handlers import memo as memo_actions
    from sagstal_desktop.report.options import MemoOptions

    one = sc.derive(demo, f"{demo.staff[0].name} syg")
    sc.set_absence(one, Absence(demo.staff[0].id, "sick"))
    five = sc.derive(demo, "Kursus for fem")
    for member in demo.staff[1:6]:
        sc.set_absence(five, Absence(member.id, "other"))
    demo.scenarios += [one, five]
    window = FakeWindow(demo, tmp_path / "team.sagstal")
    qtbot.addWidget(window)
    target = tmp_path / "notat.pdf"
    monkeypatch.setattr(memo_actions, "ask_options", lambda w, purpose: MemoOptions(anonymise=True, as_of=TODAY))
    monkeypatch.setattr(memo_actions, "ask_save_path", lambda w, suggested: target)
    memo_actions.export_memo(window)
    text = " ".join(gui_pdf_text(target).split())
    assert "Scenarie 1: Fravær for 5 medarbejdere, sagerne fordelt på kolleger." in text
    assert "Scenarie 2" not in text and demo.staff[0].name not in text
    assert "1 scenarie er udeladt, fordi dets tal vedrører færre end 5 medarbejdere" in text
    assert "Afsnittet Udvikling er udeladt af dette anonymiserede notat" in text
    monkeypatch.setattr(memo_actions, "ask_options", lambda w, purpose: MemoOptions(as_of=TODAY))
    memo_actions.export_memo(window)  # the team leader's own memo keeps both scenarios and the history
    named = " ".join(gui_pdf_text(target).split())
    assert "er udeladt" not in named and f"{demo.staff[0].name} fraværende" in named and "Udvikling" in named

"""An open scenario is what the window computes and shows: the absent person has capacity 0 and
is marked absent, their cases sit with colleagues (or as cases without a caseworker), an added
position takes cases, and the figures equal Compare's (``core.comparison``)."""

from __future__ import annotations

import pytest
from conftest import TODAY

from sagstal_desktop.core import scenarios as sc
from sagstal_desktop.core.comparison import compare
from sagstal_desktop.core.scenario_model import Absence
from sagstal_desktop.gui.handlers import scenarios as scenario_actions
from sagstal_desktop.i18n import tr


def sick_leave_team(demo):
    ida = next(m for m in demo.staff if m.name == "Ida Bech")  # 20 sygedagpenge + 10 jobafklaring
    scenario = sc.derive(demo, "Sygemelding Ida Bech")
    sc.set_absence(scenario, Absence(ida.id, "sick"))
    extra = sc.derive(demo, "Ekstra stilling")
    sc.add_position(extra, demo, "Ekstra stilling 37 timer", 37.0)
    demo.scenarios += [scenario, extra]
    return demo, ida


def test_open_sick_leave_scenario_shows_the_absent_person_absent(make_window, demo, danish):
    team, ida = sick_leave_team(demo)
    window = make_window(team, lang="da")
    doc, model = window.document(), window.model()
    before = window.summary_panel.value("available")
    scenario_actions.open_variant(doc, "Sygemelding Ida Bech")
    expected = compare(team, ["Sygemelding Ida Bech"], TODAY).results[1]
    # the same computation as Compare: every figure equal
    assert doc.summary.available_fte == pytest.approx(expected.summary.available_fte)
    assert doc.summary.over_count == expected.summary.over_count
    assert window.summary_panel.value("available") != before
    row = model.row_of(ida.id)
    assert model.index(row, model.column_of("fte")).data() == "0,00"
    assert model.index(row, model.column_of("status")).data() == "Sygefravær"
    sdp = model.column_of_case_type("sygedagpenge")
    assert model.index(row, sdp).data() == "20 \u2212 20"  # entered, then handed on
    assert model.index(row, model.column_of("total")).data() == "0"
    # her 30 cases are with colleagues: their cells say "entered + received", totals follow
    received = {a.member_id: 0 for a in expected.assigned}
    for a in expected.assigned:
        received[a.member_id] += a.cases
    assert sum(received.values()) == 30
    for member_id, n in received.items():
        r = model.row_of(member_id)
        member = doc.team.member(member_id)
        total = model.index(r, model.column_of("total")).data()
        assert int(total) == sum(member.counts.values()) + n
    some = expected.assigned[0]
    cell = model.index(model.row_of(some.member_id), model.column_of_case_type(some.case_type)).data()
    assert "+" in cell
    assert window.summary_panel.value("absent") == "1"
    bars = {bar.member_id: bar for bar in window.chart_host().chart().bars()}
    assert bars[ida.id].name == "Ida Bech (sygefravær)" and bars[ida.id].load_pct == 0
    assert [bar.load_pct for bar in bars.values() if bar.member_id != ida.id] == pytest.approx(
        [p.load_max * 100 for p in expected.summary.persons if p.member_id != ida.id])
    # without redistribution her cases are cases without a caseworker
    scenario_actions.set_absences(doc, [Absence(ida.id, "sick")], False)
    assert window.summary_panel.value("unassigned") == "30"
    assert "30 sager uden sagsbehandler" in model.index(row, model.column_of("status")).data()
    # back to the team: nothing absent
    scenario_actions.open_variant(doc, None)
    assert window.summary_panel.value("available") == before
    assert window.chart_host().chart().bars()[row].name == "Ida Bech"
    assert model.index(row, model.column_of("status")).data() != "Sygefravær"


def test_an_added_position_takes_cases_in_the_window(make_window, demo):
    team, _ida = sick_leave_team(demo)
    window = make_window(team, lang="da")
    doc, model = window.document(), window.model()
    over_before = doc.summary.over_count
    scenario_actions.open_variant(doc, "Ekstra stilling")
    new = doc.team.staff[-1]
    total = int(model.index(model.row_of(new.id), model.column_of("total")).data())
    assert total > 0 and doc.summary.over_count < over_before
    expected = compare(team, ["Ekstra stilling"], TODAY).figures[1]
    assert doc.summary.over_count == expected["over_count"]
    # the option off: the position starts empty (and is stored with the scenario)
    scenario_actions.set_absences(doc, [], True, positions_take_cases=False)
    assert model.index(model.row_of(new.id), model.column_of("total")).data() == "0"
    assert doc.file_team().scenarios[1].positions_take_cases is False


def test_memo_from_an_open_scenario_is_the_scenarios(make_window, demo, danish, tmp_path, monkeypatch):
    import subprocess

    from PySide6.QtWidgets import QDialog

    from sagstal_desktop.gui.dialogs.memo_options import MemoOptionsDialog
    from sagstal_desktop.gui.handlers import memo as memo_actions

    team, _ida = sick_leave_team(demo)
    window = make_window(team, lang="da")
    scenario_actions.open_variant(window.document(), "Sygemelding Ida Bech")
    monkeypatch.setattr(MemoOptionsDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    options = memo_actions.ask_options(window, "export")
    assert options.scenario == "Sygemelding Ida Bech" and options.scenarios == ()
    assert "fordelt på kolleger med kompetence efter fordelingsreglen" in options.scenario_sentence
    target = tmp_path / "notat.pdf"
    monkeypatch.setattr(memo_actions, "ask_options", lambda w, purpose: options)
    monkeypatch.setattr(memo_actions, "ask_save_path", lambda w, suggested: target)
    memo_actions.export_memo(window)
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(target), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    assert flat.startswith(tr("Memo on caseloads and staffing", "da") + " – scenariet “Sygemelding Ida Bech”")
    assert "Notatet viser scenariet “Sygemelding Ida Bech”" in flat
    summary = window.document().summary  # the scenario's figures, as the window shows them
    from sagstal_desktop.core.formatting import format_number

    assert format_number(summary.available_fte, 2, "da") in flat
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("Ida Bech "))
    assert "0,00" in lines[at]  # capacity 0 and her cases with colleagues: 0 cases
    assert "(sygefravær)" in lines[at] + lines[at + 1]  # the staff table says she is away
    pdfinfo = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert "scenariet “Sygemelding Ida Bech”" in pdfinfo


def test_chart_names_are_whole_and_fte_has_two_decimals():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from sagstal_desktop.report.fonts import REGULAR, register_fonts
    from sagstal_desktop.report.scenario_chart import name_lines
    from sagstal_desktop.report.scenario_section import cell_text

    register_fonts()
    lines = name_lines("Ekstra stilling 37 timer", 80, REGULAR, 7.5)
    assert " ".join(lines) == "Ekstra stilling 37 timer" and len(lines) == 2
    assert all(stringWidth(line, REGULAR, 7.5) <= 80 for line in lines)
    assert name_lines("Ekstra stilling 37 timer", 200, REGULAR, 7.5) == ["Ekstra stilling 37 timer"]
    # the memo's one precision for FTE: as in the summary ("6,75", "-0,16")
    assert cell_text("available_fte", 6.754, "da") == "6,75"
    assert cell_text("shortfall_fte", -0.158, "da") == "-0,16"
    assert cell_text("average_fte_caseload", 45.23, "da") == "45,2"


def test_choosing_a_variant_does_not_mark_the_team_unsaved(make_window, demo):
    team, _ida = sick_leave_team(demo)
    window = make_window(team)
    doc = window.document()
    doc.undo_stack.setClean()
    doc._forced_modified = False
    window.scenario_bar.chooser.setCurrentIndex(1)
    window.scenario_bar.chooser.activated.emit(1)  # as a click chooses it
    assert doc.scenario_name == "Sygemelding Ida Bech"
    assert not doc.is_modified() and not window.isWindowModified()
    first = doc.team.staff[0]
    doc.set_member_field(first.id, "weekly_hours", 30.0, "hours")  # an edit in the scenario: unsaved
    assert doc.is_modified() and window.isWindowModified()
    doc.undo_stack.undo()
    assert not doc.is_modified() and not window.isWindowModified()
    scenario_actions.open_variant(doc, None)
    doc.undo_stack.undo()  # back over the opening: still nothing to save
    assert doc.scenario_name == "Sygemelding Ida Bech" and not doc.is_modified()
    scenario_actions.set_absences(doc, [], True)  # changing the scenario's absences changes the file
    assert doc.is_modified()


def test_ctrl_f_focuses_the_search_box_and_typing_leaves_the_name_alone(window, qtbot):
    from PySide6.QtCore import Qt

    name = window.team().staff[0].name
    window.table.setFocus()
    window.select_member(window.team().staff[0].id)
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.filter_bar.search
    assert search.hasFocus()
    qtbot.keyClicks(search, "Bo")
    assert search.text() == "Bo" and window.team().staff[0].name == name
    assert window.filter_bar.count.text().startswith("Showing 1 of")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.table.hasFocus()


def test_an_anonymised_scenario_memo_names_nobody(make_window, demo, danish, tmp_path, monkeypatch):
    import subprocess

    from PySide6.QtWidgets import QDialog

    from sagstal_desktop.gui.dialogs.memo_options import MemoOptionsDialog
    from sagstal_desktop.gui.handlers import memo as memo_actions

    team, _ida = sick_leave_team(demo)
    window = make_window(team, lang="da")
    scenario_actions.open_variant(window.document(), "Sygemelding Ida Bech")  # the scenario's name holds a name
    monkeypatch.setattr(MemoOptionsDialog, "exec", lambda self: (self.anonymise.setChecked(True),
                                                                 QDialog.DialogCode.Accepted)[1])
    options = memo_actions.ask_options(window, "export")
    assert options.anonymise and options.scenario == "Scenarie 1"
    # the sentence counts and names no one, not even by a label (issue 20: no label beside an absence)
    assert options.scenario_sentence == "Fravær for 1 medarbejder, sagerne fordelt på kolleger."
    target = tmp_path / "anonym.pdf"
    monkeypatch.setattr(memo_actions, "ask_options", lambda w, purpose: options)
    monkeypatch.setattr(memo_actions, "ask_save_path", lambda w, suggested: target)
    memo_actions.export_memo(window)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "scenariet “Scenarie 1”" in " ".join(text.split())
    flat = " ".join(text.split())
    assert [m.name for m in team.staff if m.name in flat] == []  # nobody named anywhere
    assert "Ida" not in flat.split()


def test_absence_dialog_opens_on_the_selected_person(make_window, demo, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from sagstal_desktop.gui.dialogs.absence import AbsenceDialog

    team, ida = sick_leave_team(demo)
    window = make_window(team)
    scenario_actions.open_variant(window.document(), "Sygemelding Ida Bech")
    hanne = next(m for m in window.document().team.staff if m.name == "Hanne Kjær")
    window.select_member(hanne.id)
    seen = []
    monkeypatch.setattr(AbsenceDialog, "exec", lambda self: seen.append(
        (self.person.currentData(), self.positions_box.isChecked())) or QDialog.DialogCode.Rejected)
    window.scenario_bar.act_absence.trigger()
    assert seen == [(hanne.id, True)]
    assert ida.id != hanne.id

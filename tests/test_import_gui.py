"""The import/export actions and dialogs, driven against a small stand-in for the main window
that has the main window's API for handlers (``gui/window_api.WindowApi``)."""

from __future__ import annotations

import copy
import time
from datetime import date
from pathlib import Path

import pytest
from helpers.windows import FakeWindow
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from sagstal_desktop.core.model import Team
from sagstal_desktop.gui.actions import Act
from sagstal_desktop.gui.background import Cancelled, read_with_progress
from sagstal_desktop.gui.dialogs import import_preview
from sagstal_desktop.gui.dialogs.import_preview import ImportPreviewDialog
from sagstal_desktop.gui.handlers import imports as import_actions
from sagstal_desktop.io.importer import REPLACE_TEAM, analyze
from sagstal_desktop.io.table_reader import ReadCancelled, read_table

FIXTURES = Path(__file__).parent / "fixtures" / "import"
TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _english_ui(qapp):
    """The English source strings, whatever an earlier test installed."""
    from sagstal_desktop.gui import qt_language

    qt_language.install_translations(qapp, "en")


@pytest.fixture
def window(qtbot, demo):
    win = FakeWindow(demo)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def seen_dialogs(monkeypatch):
    """Replace the modal exec: record the dialog, tick "accept warnings", press Import."""
    seen: list[ImportPreviewDialog] = []

    def fake_exec(self: ImportPreviewDialog) -> int:
        seen.append(self)
        self.accept_warnings(True)
        self.accept()
        return self.result()

    monkeypatch.setattr(ImportPreviewDialog, "exec", fake_exec)
    return seen


@pytest.fixture
def boxes(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def _csv(tmp_path: Path, text: str, name: str = "hold.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_into_current_is_one_apply_with_description(tmp_path, window, seen_dialogs, demo):
    before = copy.deepcopy(demo)
    path = _csv(tmp_path, "Navn;Timer;Sygedagpenge\nAnne Holm;30;50\nNy Person;37;12\n")
    import_actions.import_into_current(window, path)
    [dialog] = seen_dialogs
    assert dialog.windowTitle() == "Import spreadsheet"
    [(team, description)] = window.applied
    assert description == "Import fra hold.csv (1 ny, 1 opdateret)"
    assert team.staff[0].counts == {"sygedagpenge": 50, "jobafklaring": 0} and team.staff[-1].name == "Ny Person"
    assert demo == before  # the live team object was never modified
    assert window.statuses[-1] == description


def test_import_as_new_opens_new_document(tmp_path, window, seen_dialogs):
    path = _csv(tmp_path, "Name;Hours;Sickness benefit\nKim;37;40\n", "nyt hold.csv")
    import_actions.import_as_new(window, path)
    assert window.applied == []
    [(team, title)] = window.opened
    assert title == "nyt hold" and [p.name for p in team.staff] == ["Kim"]
    # asked for municipality and team name (the memo's header): the team name proposed from the file
    [dialog] = seen_dialogs
    assert dialog.team_name.text() == "nyt hold" and team.info.team_name == "nyt hold"
    dialog.municipality.setText("Aarhus Kommune")
    dialog.team_name.setText("Team Syd")
    named = dialog.result_team()
    assert (named.info.municipality, named.info.team_name) == ("Aarhus Kommune", "Team Syd")
    # measured like `sagstal import` and New team: the default set for new teams, not the open team's
    from sagstal_desktop.io.importer import import_file

    assert window.norm_set().id != Team().norm_set().id  # the fixture's open team uses another set
    assert team.settings.norm_set_id == Team().norm_set().id
    cli_team = import_file(path, Team().norm_set(), None).new_team()
    assert [(m.name, m.weekly_hours, dict(m.counts)) for m in team.staff] == \
        [(m.name, m.weekly_hours, dict(m.counts)) for m in cli_team.staff]


def test_errors_block_the_import(tmp_path, window, seen_dialogs, demo, qtbot):
    path = _csv(tmp_path, "Navn;Timer;Sygedagpenge\nAnne Holm;37;tre\n")
    import_actions.import_into_current(window, path)
    [dialog] = seen_dialogs
    qtbot.addWidget(dialog)
    assert not dialog.can_import() and dialog.result() == QDialog.DialogCode.Rejected
    assert window.applied == [] and window.statuses[-1] == "Import cancelled; nothing was changed."
    assert dialog._status.text().startswith("1 errors: nothing can be imported")
    problems = dialog._problems_model
    assert problems.rowCount() == 1
    cells = [problems.index(0, c).data() for c in range(5)]
    assert cells == ["Error", "2", "Sygedagpenge (C)", "tre", '"tre" er ikke et tal']
    rows = dialog._rows_model
    assert rows.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == '"tre" er ikke et tal'
    assert rows.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert rows.headerData(0, Qt.Orientation.Vertical) == "2"


def test_warnings_must_be_accepted(tmp_path, qtbot, demo):
    path = _csv(tmp_path, "Navn;Timer;Sygedagpenge;Kaffe\nA;37;1;sort\n")
    table = read_table(path)
    dialog = ImportPreviewDialog(table, demo.norm_set(), demo)
    qtbot.addWidget(dialog)
    assert not dialog.can_import()
    assert dialog._tabs.tabText(2) == "Problems (1)"
    dialog.accept_warnings(True)
    assert dialog.can_import()
    dialog.set_mode(REPLACE_TEAM)
    assert dialog._changes.text() == "1 new, 0 updated, 12 removed."
    assert [p.name for p in dialog.result_team().staff] == ["A"]


def test_changing_the_column_mapping_rechecks(tmp_path, qtbot, window, demo):
    path = _csv(tmp_path, "Person;Timer;Sager\nA;37;4\n")
    dialog = ImportPreviewDialog(read_table(path), demo.norm_set(), demo, window)
    qtbot.addWidget(dialog)
    assert [p.code for p in dialog.plan().errors] == ["no_name_column"]
    dialog.set_target(0, "name")
    dialog.set_target(2, "count:sygedagpenge")
    assert dialog.plan().problems == [] and dialog.can_import()
    assert dialog.result_team().staff[-1].counts == {"sygedagpenge": 4}
    assert dialog._rows_model.headerData(2, Qt.Orientation.Horizontal) == "Sager\n→ Sager: Sygedagpenge"


def test_unreadable_files_give_a_message_and_change_nothing(window, seen_dialogs, boxes, tmp_path):
    import_actions.import_into_current(window, FIXTURES / "password_protected.xlsx")
    import_actions.import_into_current(window, _csv(tmp_path, "", "tom.csv"))
    assert seen_dialogs == [] and window.applied == []
    assert boxes[0].startswith("password_protected.xlsx er beskyttet med adgangskode.")
    assert boxes[0].endswith("Nothing was changed.")
    assert boxes[1].startswith("Filen tom.csv er tom.")


def test_hand_made_xlsx_in_template_layout(tmp_path, window, seen_dialogs):
    import openpyxl

    from sagstal_desktop.io.exporter import write_template

    path = tmp_path / "skabelon.xlsx"
    import_actions.export_template(window, path)
    assert window.statuses[-1] == f"Template written to {path}"
    book = openpyxl.load_workbook(path)
    ws = book["Medarbejdere"]
    headers = [c.value for c in ws[1]]
    row = [None] * len(headers)
    row[0], row[1], row[4] = "Søren Ærø", 32.5, "01-03-2026"
    row[headers.index("Sygedagpenge")] = 38
    ws.append(row)
    book.save(path)
    import_actions.import_into_current(window, path)
    [dialog] = seen_dialogs
    assert dialog.plan().problems == []
    team, _description = window.applied[-1]
    person = team.staff[-1]
    assert (person.name, person.weekly_hours, person.counts) == ("Søren Ærø", 32.5, {"sygedagpenge": 38})
    assert write_template  # the same writer the CLI uses


def test_export_actions_write_files(tmp_path, window, monkeypatch):
    xlsx = tmp_path / "ud.xlsx"
    import_actions.export_spreadsheet(window, xlsx)
    assert xlsx.exists() and window.statuses[-1] == f"Exported to {xlsx}"
    # the save dialog without a suffix, CSV filter chosen
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "ud2"), "CSV file, Danish Excel (*.csv)"))
    import_actions.export_spreadsheet(window)
    assert (tmp_path / "ud2.csv").read_bytes().startswith(b"\xef\xbb\xbfNavn;")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    import_actions.export_spreadsheet(window)  # cancelled file dialog: nothing happens
    assert len(window.statuses) == 2


def test_export_failure_is_reported(tmp_path, window, boxes):
    import_actions.export_spreadsheet(window, tmp_path / "mangler" / "ud.xlsx")
    assert boxes and boxes[0].startswith("Filen ud.xlsx kunne ikke skrives:")


def test_background_job_can_be_cancelled_and_window_stays_responsive(qtbot, window):
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)

    def press_cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                widget.findChild(QPushButton).click()

    QTimer.singleShot(600, press_cancel)

    def job(progress, cancelled):
        done = 0
        give_up = time.monotonic() + 20  # the test fails instead of hanging if Cancel never arrives
        while not cancelled() and time.monotonic() < give_up:
            done += 1
            progress(done % 100, 100)
            time.sleep(0.005)
        if cancelled():
            raise ReadCancelled
        return "not cancelled"

    with pytest.raises(Cancelled):
        read_with_progress(window, "Reading…", job, min_duration_ms=100)
    timer.stop()
    assert len(ticks) >= 10  # the GUI thread kept running its event loop


def test_background_job_errors_are_reraised(window):
    def job(progress, cancelled):
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        read_with_progress(window, "x", job)
    assert read_with_progress(window, "x", lambda p, c: 42) == 42


@pytest.mark.slow
def test_hundred_thousand_rows_import_in_background(tmp_path, window, seen_dialogs, monkeypatch):
    monkeypatch.setattr(import_preview, "BACKGROUND_ROWS", 1000)
    lines = ["Navn;Timer pr. uge;Ansat;Sygedagpenge;Jobafklaringsforløb"]
    lines += [f"Person {i};37;1.3.2020;{i % 60};{i % 7}" for i in range(100_000)]
    path = _csv(tmp_path, "\n".join(lines), "stor.csv")
    import_actions.import_as_new(window, path)
    [(team, _title)] = window.opened
    assert len(team.staff) == 100_000 and team.staff[-1].counts == {"sygedagpenge": 99_999 % 60,
                                                                     "jobafklaring": 99_999 % 7}
    # re-checking after a mapping change also runs in the background
    dialog = seen_dialogs[0]
    dialog.set_target(4, None)
    assert len(dialog.plan().rows) == 100_000 and "count:jobafklaring" not in dialog.plan().present


def test_preview_in_english(tmp_path, qtbot, demo):
    win = FakeWindow(demo, lang="en")
    qtbot.addWidget(win)
    path = _csv(tmp_path, "Navn;Timer;Sygedagpenge\nA;x;1\n")
    table = read_table(path)
    dialog = ImportPreviewDialog(table, demo.norm_set(), demo, win, analyze(table, demo.norm_set()))
    qtbot.addWidget(dialog)
    assert dialog._problems_model.index(0, 4).data() == '"x" is not a number'
    assert dialog._rows_model.headerData(1, Qt.Orientation.Horizontal) == "Timer\n→ Weekly hours"


def test_choosing_another_sheet_rereads_it(tmp_path, qtbot, window):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Medarbejdere"
    book.active.append(["Navn", "Timer", "Sygedagpenge"])
    book.active.append(["A", 37, "tre"])
    other = book.create_sheet("Forår")
    other.append(["Name", "Hours", "Sickness benefit"])
    other.append(["Bø", 30, 12])
    path = tmp_path / "to ark.xlsx"
    book.save(path)
    table = read_table(path)
    dialog = ImportPreviewDialog(table, window.norm_set(), window.team(), window)
    qtbot.addWidget(dialog)
    assert not dialog._sheet_box.isHidden() and not dialog.can_import()
    # double-clicking a problem shows its cell among the rows
    dialog._show_problem_cell(dialog._problems_model.index(0, 0))
    assert dialog._tabs.currentIndex() == 1 and dialog._rows_view.currentIndex().column() == 2
    dialog._sheet_box.setCurrentText("Forår")
    assert dialog.plan().table.sheet == "Forår" and dialog.can_import()
    assert dialog._mapping_table.rowCount() == 3 and dialog._mapping_table.item(1, 1).text() == "Hours"
    assert dialog.result_team().staff[-1].counts == {"sygedagpenge": 12}


@pytest.fixture
def main_window(make_window):
    return make_window(lang="da", show=False)


def test_real_window_menu_import_is_one_undo_step(tmp_path, main_window, seen_dialogs, monkeypatch):
    path = _csv(tmp_path, "Navn;Timer pr. uge;Sygedagpenge\nAnne Holm;30;50\nNy Person;37;12\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    before = [(p.name, dict(p.counts)) for p in main_window.team().staff]
    main_window.run_handler(Act.IMPORT_CURRENT)
    assert seen_dialogs[0].windowTitle() == "Import spreadsheet"
    team = main_window.team()
    assert len(team.staff) == 13 and team.staff[0].counts["sygedagpenge"] == 50
    assert main_window.summary().staff_count == 13
    assert main_window.last_message() == "Import fra hold.csv (1 ny, 1 opdateret)"
    stack = main_window.document().undo_stack
    assert stack.undoText() == "Import fra hold.csv (1 ny, 1 opdateret)"
    stack.undo()
    assert [(p.name, dict(p.counts)) for p in main_window.team().staff] == before


def test_real_window_import_as_new_and_export(tmp_path, main_window, seen_dialogs, monkeypatch):
    path = _csv(tmp_path, "Name;Hours;Sickness benefit\nKim;37;40\n", "nyt.csv")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    main_window.run_handler(Act.IMPORT_NEW)
    assert [p.name for p in main_window.team().staff] == ["Kim"]
    assert main_window.document_path() is None
    target = tmp_path / "ud.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    main_window.run_handler(Act.EXPORT_SHEET)
    back = read_table(target)
    assert back.sheet == "Medarbejdere" and back.rows[0][:2] == ["Kim", 37]

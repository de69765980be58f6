"""The window's wiring to the dialogs and actions of other modules: team settings and own norm
sets are applied as one undo step; import/memo handlers are imported when used and get the
window; Help and About open."""

from __future__ import annotations

import sys
import types

import pytest
from conftest import TODAY
from PySide6.QtWidgets import QDialog, QMessageBox

from sagstal_desktop.gui.actions import Act


def test_team_settings_dialog_result_is_one_undo_step(window, monkeypatch):
    from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog

    def fake_exec(dialog):
        dialog.team_name.setText("Team Syd")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(TeamSettingsDialog, "exec", fake_exec)
    window.actions[Act.SETTINGS].trigger()
    assert window.team().info.team_name == "Team Syd"
    assert window.document().undo_stack.count() == 1
    window.document().undo_stack.undo()
    assert window.team().info.team_name == "Team Nord"


def test_cancelled_settings_change_nothing(window, monkeypatch):
    from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog

    monkeypatch.setattr(TeamSettingsDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    window.actions[Act.SETTINGS].trigger()
    assert window.document().undo_stack.count() == 0


def test_own_norm_set_appears_in_the_chooser_and_can_be_chosen(window, monkeypatch):
    from sagstal_desktop.gui.dialogs.norm_editor import NormSetEditorDialog

    def fake_exec(dialog):
        dialog.create_set("ds_2020", "Loft 2026")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NormSetEditorDialog, "exec", fake_exec)
    window.actions[Act.NORM_SETS].trigger()
    own = window.team().custom_norm_sets
    assert [s.name("en") for s in own] == ["Loft 2026"]
    index = window.norm_combo.findData(own[0].id)
    assert window.norm_combo.itemText(index) == "Loft 2026 (own)"
    window.norm_combo.setCurrentIndex(index)
    window.norm_combo.activated.emit(index)
    assert window.norm_set().id == own[0].id
    assert window.document().undo_stack.count() == 2


@pytest.mark.parametrize(("action", "module", "function"), [
    (Act.IMPORT_CURRENT, "handlers.imports", "import_into_current"),
    (Act.IMPORT_NEW, "handlers.imports", "import_as_new"),
    (Act.EXPORT_SHEET, "handlers.imports", "export_spreadsheet"),
    (Act.EXPORT_TEMPLATE, "handlers.imports", "export_template"),
    (Act.EXPORT_MEMO, "handlers.memo", "export_memo"),
    (Act.PREVIEW_MEMO, "handlers.memo", "preview_memo"),
    (Act.PRINT_MEMO, "handlers.memo", "print_memo"),
])
def test_file_menu_handlers_get_the_window(window, monkeypatch, action, module, function):
    calls = []
    fake = types.ModuleType(f"sagstal_desktop.gui.{module}")
    setattr(fake, function, calls.append)
    monkeypatch.setitem(sys.modules, f"sagstal_desktop.gui.{module}", fake)
    window.actions[action].trigger()
    assert calls == [window]


def test_help_and_about_open(window, monkeypatch):
    from sagstal_desktop.gui.dialogs.about import AboutDialog
    from sagstal_desktop.gui.dialogs.help import HelpDialog

    opened = []
    monkeypatch.setattr(HelpDialog, "show", lambda d: opened.append(type(d).__name__))
    monkeypatch.setattr(AboutDialog, "exec", lambda d: opened.append(type(d).__name__) or 0)
    window.actions[Act.HELP].trigger()
    window.actions[Act.ABOUT].trigger()
    assert opened == ["HelpDialog", "AboutDialog"]


def test_shortcuts(window):
    from PySide6.QtGui import QKeySequence

    a = window.actions
    assert a[Act.NEW].shortcut() == QKeySequence("Ctrl+N")
    assert a[Act.OPEN].shortcut() == QKeySequence("Ctrl+O")
    assert a[Act.SAVE].shortcut() == QKeySequence("Ctrl+S")
    assert a[Act.UNDO].shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Y") in a[Act.REDO].shortcuts()
    assert a[Act.REMOVE].shortcut() == QKeySequence("Delete")
    assert a[Act.EDIT_CELL].shortcut() == QKeySequence("F2")
    assert a[Act.IMPORT_CURRENT].shortcut() == QKeySequence("Ctrl+I")
    assert a[Act.EXPORT_MEMO].shortcut() == QKeySequence("Ctrl+E")
    assert a[Act.PRINT_MEMO].shortcut() == QKeySequence("Ctrl+P")


def test_delete_key_in_the_table_removes_the_selected_person(window, qtbot):
    from PySide6.QtCore import Qt

    window.table.setFocus()
    window.select_member(window.team().staff[0].id)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert [m.name for m in window.team().staff][:1] == ["Bo Jensen"]
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.team().staff[0].name == "Anne Holm"


def test_layout_is_remembered(qtbot, demo, monkeypatch):
    from sagstal_desktop.gui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    first = MainWindow(demo, None, demo=True, as_of=TODAY, lang="en")
    qtbot.addWidget(first)
    first.show()
    first.resize(790, 560)  # the offscreen screen is 800 x 600
    first.table.horizontalHeader().resizeSection(0, 250)
    first.set_show_all_case_types(True)
    first.close()
    second = MainWindow(demo, None, demo=True, as_of=TODAY, lang="en")
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (790, 560)
    assert second.table.horizontalHeader().sectionSize(0) == 250
    assert second.model().show_all_case_types()


def test_help_is_one_non_modal_window(window, qtbot):
    from sagstal_desktop.gui.dialogs.help import HelpDialog

    window.actions[Act.HELP].trigger()  # returns at once: exec() would block here
    helps = window.findChildren(HelpDialog)
    assert len(helps) == 1 and helps[0].isVisible() and not helps[0].isModal()
    window.actions[Act.HELP].trigger()
    assert window.findChildren(HelpDialog) == helps
    helps[0].close()

"""Keyboard only: a whole task done with keys alone (new team → add people → distribute new
cases → export the memo), the staff table and the competence editor driven by keys, menus with
a mnemonic for every command, and Tab reaching every control of every dialog."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import pdf_text
from dialog_registry import DIALOGS
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QWidget

from sagstal_desktop.gui import qt_language
from sagstal_desktop.gui.actions import ACTIONS, MENUS, Menu
from sagstal_desktop.i18n import tr

Key, Mod = Qt.Key, Qt.KeyboardModifier


def press(qtbot, key, modifier=Mod.NoModifier) -> None:
    """A key press sent to whatever has the keyboard focus (as a real key would go)."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)
    QApplication.processEvents()  # as between two real key presses (an editor commits queued)


def type_text(qtbot, text: str) -> None:
    """Typed key by key, each to the widget that has the focus then (the first key of a table
    cell opens its editor, the next ones go to the editor)."""
    for char in text:
        target = QApplication.focusWidget()
        assert target is not None
        qtbot.keyClicks(target, char)
        QApplication.processEvents()


def tab_to(qtbot, wanted: Callable[[QWidget], bool], limit: int = 40) -> QWidget:
    """Press Tab until the focus is on a widget ``wanted`` accepts."""
    for _ in range(limit):
        focus = QApplication.focusWidget()
        if focus is not None and wanted(focus):
            return focus
        press(qtbot, Key.Key_Tab)
    raise AssertionError(f"Tab never reached the control; focus on {QApplication.focusWidget()!r}")


def back_to(qtbot, window) -> None:
    """The window active again after a dialog closed (the system gives it back the focus; the
    offscreen platform of the tests does not by itself)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def when_modal(kind: type, then: Callable[[QDialog], None], qtbot, seen: list) -> None:
    """Run ``then(dialog)`` once a modal ``kind`` is shown (from inside its ``exec``)."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            seen.append(dialog)
            try:
                dialog.activateWindow()  # the system gives a new dialog the focus; offscreen Qt does not
                qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
                then(dialog)
            except BaseException as exc:  # never leave the dialog's exec() waiting: fail after it
                seen.append(exc)
                dialog.reject()
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def test_a_whole_task_by_keys_alone(make_window, qapp, qtbot, tmp_path, monkeypatch):
    from sagstal_desktop.gui.dialogs.memo_options import MemoOptionsDialog
    from sagstal_desktop.gui.dialogs.new_team import NewTeamDialog
    from sagstal_desktop.gui.dialogs.planning import PlanningDialog

    qt_language.install_translations(qapp, "da")
    window = make_window(lang="da")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.table.setFocus()

    # -- new team: Ctrl+N, the fields in tab order, a case type ticked with Space, the button ---
    press(qtbot, Key.Key_N, Mod.ControlModifier)
    dialog = window.findChild(NewTeamDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.municipality)
    type_text(qtbot, "Eksempel Kommune")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "Jobcenter")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "Team Tast")
    tab_to(qtbot, lambda w: w is dialog.types)
    press(qtbot, Key.Key_Home)
    area = dialog.types.currentItem()
    sickness = next(i for i in range(dialog.types.topLevelItemCount())
                    if any(dialog.types.topLevelItem(i).child(r).data(0, Qt.ItemDataRole.UserRole + 1) == "sygedagpenge"
                           for r in range(dialog.types.topLevelItem(i).childCount())))
    for _ in range(sickness):
        press(qtbot, Key.Key_Down)
    area = dialog.types.currentItem()
    press(qtbot, Key.Key_Space)
    assert area.checkState(0) == Qt.CheckState.Checked
    tab_to(qtbot, lambda w: getattr(w, "text", lambda: "")() == "Opret team")
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.team().info.team_name == "Team Tast" and window.team().staff == []
    assert "sygedagpenge" in window.model().case_types()

    # -- two people: Ctrl+Shift+N opens the new row's name for typing; Tab moves on -----------
    back_to(qtbot, window)
    assert QApplication.focusWidget() is window.table
    people = [("Anne", "37", "30"), ("Bo", "30", "10")]
    for name, hours, cases in people:
        press(qtbot, Key.Key_N, Mod.ControlModifier | Mod.ShiftModifier)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        type_text(qtbot, name)
        press(qtbot, Key.Key_Tab)  # commits and moves to the next cell: hours; typing replaces it
        type_text(qtbot, hours)
        press(qtbot, Key.Key_Return)
        sick_column = window.model().column_of_case_type("sygedagpenge")
        for _ in range(20):
            if window.table.currentIndex().column() >= sick_column:
                break
            press(qtbot, Key.Key_Right)
        type_text(qtbot, cases)
        press(qtbot, Key.Key_Return)
    staff = window.team().staff
    assert [(m.name, m.weekly_hours, m.counts.get("sygedagpenge")) for m in staff] == [("Anne", 37.0, 30),
                                                                                        ("Bo", 30.0, 10)]

    # -- distribute 8 new cases: Ctrl+Shift+F, the count typed in its cell, Enter computes ------
    seen: list = []

    def distribute(dialog: PlanningDialog) -> None:
        table = tab_to(qtbot, lambda w: w is dialog.distribute_tab.incoming_table)
        row = dialog.distribute_tab.incoming_model._types.index("sygedagpenge")
        while table.currentIndex().row() < row:
            press(qtbot, Key.Key_Down)
        if table.currentIndex().column() < 1:
            press(qtbot, Key.Key_Right)
        type_text(qtbot, "8")
        press(qtbot, Key.Key_Return)  # ends the edit
        press(qtbot, Key.Key_Return)  # the default button: Calculate proposal
        qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=20000)
        tab_to(qtbot, lambda w: w is dialog.apply_button)
        press(qtbot, Key.Key_Space)

    when_modal(PlanningDialog, distribute, qtbot, seen)
    back_to(qtbot, window)
    press(qtbot, Key.Key_F, Mod.ControlModifier | Mod.ShiftModifier)
    assert seen, "Ctrl+Shift+F opened no planning dialog"
    _raise_from(seen)
    counts = {m.name: m.counts["sygedagpenge"] for m in window.team().staff}
    assert sum(counts.values()) == 48  # 40 + the 8 new ones
    # by hand (DS 2020, sygedagpenge max 50): Anne 37 h carries 50 cases at 100 %, so 30 is 60,0 %;
    # Bo 30 h carries 50·30/37 = 40,5, so 10 is 24,7 %. Each new case goes to the lower load: all
    # 8 to Bo (18 cases = 44,4 %, still below Anne's 60,0 %, which stays the highest load)
    assert counts == {"Anne": 30, "Bo": 18}

    # -- the memo: Ctrl+E, Enter in the options, the file name typed in the save dialog -------
    target = tmp_path / "notat tast.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _typed_save_dialog(qtbot, target))
    when_modal(MemoOptionsDialog, lambda dialog: press(qtbot, Key.Key_Return), qtbot, seen)
    back_to(qtbot, window)
    press(qtbot, Key.Key_E, Mod.ControlModifier)
    qtbot.waitUntil(lambda: target.exists() or isinstance(seen[-1], BaseException), timeout=30000)
    _raise_from(seen)
    text = pdf_text(target)
    assert "Team Tast" in text and "Anne" in text and "Bo" in text
    qt_language.install_translations(qapp, "en")


def test_the_competence_editor_by_keys(make_window, qapp, qtbot):
    """End goes to the competence column, Enter opens its editor; Space unticks the default,
    the arrows and Space tick one case type, and the OK button is reached with Tab."""
    from sagstal_desktop.gui.dialogs.competences import CompetencesDialog

    window = make_window()
    back_to(qtbot, window)
    window.table.setFocus()
    row = next(r for r, m in enumerate(window.team().staff) if m.name == "Ida Bech")
    window.table.setCurrentIndex(window.table.model().index(0, 1))
    for _ in range(row):
        press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_End)
    assert window.table.currentIndex().column() == window.model().competence_column()
    seen: list = []

    def edit(dialog: CompetencesDialog) -> None:
        tab_to(qtbot, lambda w: w is dialog.default_box)
        press(qtbot, Key.Key_Space)  # off: choose the case types
        tab_to(qtbot, lambda w: w is dialog.tree)
        press(qtbot, Key.Key_Home)
        for _ in range(dialog.tree.topLevelItemCount()):  # every area off, from the top
            if dialog.tree.currentItem().checkState(0) != Qt.CheckState.Unchecked:
                press(qtbot, Key.Key_Space)
                if dialog.tree.currentItem().checkState(0) != Qt.CheckState.Unchecked:
                    press(qtbot, Key.Key_Space)  # partly checked → checked → unchecked
            press(qtbot, Key.Key_Down)
        press(qtbot, Key.Key_Home)
        press(qtbot, Key.Key_Space)  # the first area on
        tab_to(qtbot, lambda w: w is dialog.no_new_box)
        press(qtbot, Key.Key_Space)
        tab_to(qtbot, lambda w: getattr(w, "text", lambda: "")() == "OK")
        press(qtbot, Key.Key_Space)

    when_modal(CompetencesDialog, edit, qtbot, seen)
    press(qtbot, Key.Key_Return)
    assert seen, "Enter on the competence column opened no editor"
    _raise_from(seen)
    member = window.team().staff[row]
    first_area = window.norm_set().groups[0]
    assert member.takes_new_cases is False
    assert member.competences and all(entry.endswith(first_area.id) or entry in first_area.case_type_ids
                                      for entry in member.competences), member.competences


def _raise_from(seen: list) -> None:
    for item in seen:
        if isinstance(item, BaseException):
            raise item


def _typed_save_dialog(qtbot, target):
    """A save dialog (Qt's own, not the platform's) whose file name is typed and confirmed with
    Enter, as a keyboard user would."""
    def ask(parent, title, start, filters, *args, **kwargs):
        dialog = QFileDialog(parent, title, str(start), filters)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)

        def type_name() -> None:
            field = dialog.findChild(QLineEdit, "fileNameEdit")
            field.setFocus()
            field.selectAll()
            qtbot.keyClicks(field, str(target))
            qtbot.keyClick(field, Key.Key_Return)

        QTimer.singleShot(50, type_name)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.selectedFiles()[0], dialog.selectedNameFilter()
        return "", ""
    return ask


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_menu_command_has_its_own_mnemonic(lang):
    problems = []
    for menu in Menu:
        letters: dict[str, str] = {}
        for spec in ACTIONS:
            if spec.menu is not menu or menu is Menu.LANGUAGE:
                continue
            text = tr(spec.text, lang)
            if text.count("&") != 1 or text.endswith("&"):
                problems.append(f"{text!r} has no single mnemonic")
                continue
            letter = text[text.index("&") + 1].casefold()
            if letter in letters:
                problems.append(f"{text!r} and {letters[letter]!r} share &{letter}")
            letters[letter] = text
        for title, parent, _after in MENUS.values():
            if parent is menu:
                letter = tr(title, lang)[tr(title, lang).index("&") + 1].casefold()
                if letter in letters:
                    problems.append(f"submenu {tr(title, lang)!r} and {letters[letter]!r} share &{letter}")
    bar = [tr(title, lang) for title, parent, _a in MENUS.values() if parent is None]
    bar_letters = [t[t.index("&") + 1].casefold() for t in bar]
    assert len(set(bar_letters)) == len(bar_letters), bar
    assert problems == [], problems


def test_tab_reaches_every_control_of_every_dialog(make_window, qapp, qtbot, tmp_path):
    window = make_window()
    problems = []
    for name, (_cls, factory) in DIALOGS.items():
        dialog = factory(window, tmp_path)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        try:
            def active(d=dialog) -> bool:  # the rebalance tab computes first (its progress window)
                d.activateWindow()
                return QApplication.activeWindow() is d
            qtbot.waitUntil(active, timeout=20000)
        except Exception:
            raise AssertionError(f"{name}: not active; {QApplication.activeWindow()!r}") from None
        if QApplication.focusWidget() is None or QApplication.focusWidget().window() is not dialog:
            dialog.focusNextChild()
        wanted = {w for w in dialog.findChildren(QWidget)
                  if w.isVisibleTo(dialog) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                  and w.window() is dialog and w.focusProxy() is None}
        reached = set()
        for _ in range(3 * len(wanted) + 80):  # a text browser stops at each of its links first
            focus = QApplication.focusWidget()
            if focus is not None:
                reached.add(focus)
            qtbot.keyClick(focus or dialog, Key.Key_Tab)
        missed = [f"{type(w).__name__} {w.objectName()!r} {getattr(w, 'text', lambda: '')()!r}"
                  for w in wanted - reached if not _inside_tabbed_editor(w, reached) and not _radio_reached(w, reached)]
        if missed:
            problems.append(f"{name}: Tab never reaches {missed}")
        dialog.close()
    assert problems == [], problems


def _radio_reached(widget: QWidget, reached: set) -> bool:
    """Tab stops at the chosen radio button of a group; the arrow keys choose among them."""
    from PySide6.QtWidgets import QRadioButton

    return isinstance(widget, QRadioButton) and any(
        isinstance(w, QRadioButton) and w.parentWidget() is widget.parentWidget() for w in reached)


def _inside_tabbed_editor(widget: QWidget, reached: set) -> bool:
    """A control inside a composite that takes the focus as a whole (a spin box's line edit)."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent in reached:
            return True
        parent = parent.parentWidget()
    return False

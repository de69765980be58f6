"""The main window's actions and menus: texts (translated), shortcuts, icons, and wiring to the
window's slots. Actions and menus are named by ``Act`` and ``Menu`` (``gui/actions.py``).
Import/export and memo handlers of other modules are imported inside the slot
(``MainWindow.run_handler``) so the window starts without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu

from sagstal_desktop.gui.actions import HANDLERS, Act, Menu
from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.gui.main_window import MainWindow



def _texts() -> dict[Act | Menu, str]:
    """Menu and action texts in the current language."""
    return {
        Menu.FILE: _("&File"),
        Menu.RECENT: _("Open &recent"),
        Menu.EDIT: _("&Edit"),
        Menu.VIEW: _("&View"),
        Menu.LANGUAGE: _("&Language"),
        Menu.TEAM: _("&Team"),
        Menu.HELP: _("&Help"),
        Act.NEW: _("&New team"),
        Act.OPEN: _("&Open…"),
        Act.SAVE: _("&Save"),
        Act.SAVE_AS: _("Save &as…"),
        Act.IMPORT_CURRENT: _("&Import spreadsheet…"),
        Act.IMPORT_NEW: _("Import as new &team…"),
        Act.EXPORT_SHEET: _("Export spreads&heet…"),
        Act.EXPORT_SHEET_ANONYMISED: _("Export anon&ymised spreadsheet…"),
        Act.EXPORT_TEMPLATE: _("Export &blank template…"),
        Act.EXPORT_MEMO: _("Export &memo…"),
        Act.PREVIEW_MEMO: _("Memo pre&view…"),
        Act.PRINT_MEMO: _("&Print…"),
        Act.QUIT: _("&Quit"),
        Act.UNDO: _("&Undo"),
        Act.REDO: _("&Redo"),
        Act.ADD: _("&Add staff member"),
        Act.DUPLICATE: _("D&uplicate staff member"),
        Act.REMOVE: _("Re&move staff member"),
        Act.EDIT_CELL: _("&Edit cell"),
        Act.COPY: _("&Copy cells"),
        Act.PASTE: _("&Paste cells"),
        Act.FILL_DOWN: _("&Fill down"),
        Act.REDUCTIONS: _("Re&ductions (other tasks)…"),
        Act.SHOW_ALL: _("Show &all case types of the norm set"),
        Act.FIND: _("&Find staff member"),
        Act.COMPETENCES: _("Compe&tences…"),
        Act.DISTRIBUTE: _("&Distribute new cases…"),
        Act.REBALANCE: _("&Rebalance cases…"),
        Act.SETTINGS: _("Team &settings…"),
        Act.NORM_SETS: _("&Own norm sets…"),
        Act.HISTORY: _("&History…"),
        Act.TAKE_SNAPSHOT: _("Take s&napshot…"),
        Act.HELP: _("&Help"),
        Act.ABOUT: _("&About Sagstal"),
        Act.LANG_DA: "Dansk",
        Act.LANG_EN: "English",
    }


def _icon(name: str) -> QIcon:
    try:
        from sagstal_desktop.gui.icons import icon
    except ImportError:
        return QIcon()
    return icon(name)


class WindowActions:
    """Every action of the main window (``window.actions[Act.SAVE]``), and its menus."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.actions: dict[Act, QAction] = {}
        self.menus: dict[Menu, QMenu] = {}
        w, files = window, window.files
        std = QKeySequence.StandardKey
        self._add(Act.NEW, files.new_document, [QKeySequence(std.New)], "new")
        self._add(Act.OPEN, lambda: files.open_file(), [QKeySequence(std.Open)], "open")
        self._add(Act.SAVE, files.save, [QKeySequence(std.Save)], "save")
        self._add(Act.SAVE_AS, files.save_as, [QKeySequence("Ctrl+Shift+S")])
        icons = {Act.IMPORT_CURRENT: "import", Act.EXPORT_SHEET: "export", Act.EXPORT_MEMO: "memo",
                 Act.PRINT_MEMO: "print"}
        for act in HANDLERS:
            self._add(act, lambda _checked=False, a=act: w.run_handler(a), icon=icons.get(act))
        self.actions[Act.IMPORT_CURRENT].setShortcut(QKeySequence("Ctrl+I"))
        self.actions[Act.EXPORT_MEMO].setShortcut(QKeySequence("Ctrl+E"))
        self.actions[Act.PRINT_MEMO].setShortcut(QKeySequence(std.Print))
        self._add(Act.QUIT, w.close, [QKeySequence("Ctrl+Q")])
        self._add(Act.UNDO, w.document().undo_stack.undo, [QKeySequence(std.Undo)], "undo")
        self._add(Act.REDO, w.document().undo_stack.redo, [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")],
                  "redo")
        self._add(Act.ADD, w.staff.add, [QKeySequence("Ctrl+Shift+N"), QKeySequence(Qt.Key.Key_Insert)],
                  "add_person")
        self._add(Act.DUPLICATE, w.staff.duplicate, [QKeySequence("Ctrl+Shift+D")], "duplicate")
        self._add(Act.REMOVE, w.staff.remove, [QKeySequence(Qt.Key.Key_Delete)], "remove_person")
        self._add(Act.EDIT_CELL, w.staff.edit_current_cell, [QKeySequence(Qt.Key.Key_F2)])
        self._add(Act.COPY, w.clipboard.copy, [QKeySequence(std.Copy)])
        self._add(Act.PASTE, lambda: w.clipboard.paste(), [QKeySequence(std.Paste)])
        self._add(Act.FILL_DOWN, w.clipboard.fill_down, [QKeySequence("Ctrl+D")])
        self._add(Act.FIND, w.focus_search, [QKeySequence(std.Find)])
        self._add(Act.SHOW_ALL, w.set_show_all_case_types)
        self.actions[Act.SHOW_ALL].setCheckable(True)
        self._add(Act.SETTINGS, w.edit_team_settings, icon="settings")
        self._add(Act.NORM_SETS, w.edit_norm_sets, icon="norms")
        self._add(Act.HELP, w.show_help, [QKeySequence(std.HelpContents)], "help")
        self._add(Act.ABOUT, w.show_about, icon="about")
        self.language_group = QActionGroup(window)
        for lang in ("da", "en"):
            action = self._add(Act.language(lang), lambda _checked=False, code=lang: w.set_language(code))
            action.setCheckable(True)
            self.language_group.addAction(action)
        # Delete and F2 act on the table only, so they never steal keys from other fields.
        for act in (Act.REMOVE, Act.EDIT_CELL, Act.COPY, Act.PASTE, Act.FILL_DOWN):
            self.actions[act].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._build_menus()
        self._competences_on_table()
        self.retranslate()

    def __getitem__(self, act: Act) -> QAction:
        return self.actions[act]

    def _add(self, act: Act, slot, shortcuts: list[QKeySequence] | None = None, icon: str | None = None) -> QAction:
        action = QAction(self._window)
        action.setObjectName(f"action_{act.value}")
        if icon:
            action.setIcon(_icon(icon))
        if shortcuts:
            action.setShortcuts(shortcuts)
        action.triggered.connect(slot)
        self.actions[act] = action
        return action

    def _build_menus(self) -> None:
        bar, a, menus = self._window.menuBar(), self.actions, self.menus
        file = menus[Menu.FILE] = bar.addMenu("")
        file.addActions([a[Act.NEW], a[Act.OPEN]])
        recent = menus[Menu.RECENT] = file.addMenu("")
        recent.aboutToShow.connect(self._fill_recent)
        file.addActions([a[Act.SAVE], a[Act.SAVE_AS]])
        file.addSeparator()
        file.addActions([a[Act.IMPORT_CURRENT], a[Act.IMPORT_NEW], a[Act.EXPORT_SHEET], a[Act.EXPORT_SHEET_ANONYMISED],
                         a[Act.EXPORT_TEMPLATE]])
        file.addSeparator()
        file.addActions([a[Act.EXPORT_MEMO], a[Act.PREVIEW_MEMO], a[Act.PRINT_MEMO]])
        file.addSeparator()
        file.addAction(a[Act.QUIT])
        edit = menus[Menu.EDIT] = bar.addMenu("")
        edit.addActions([a[Act.UNDO], a[Act.REDO]])
        edit.addSeparator()
        edit.addActions([a[Act.ADD], a[Act.DUPLICATE], a[Act.REMOVE], a[Act.EDIT_CELL], a[Act.COMPETENCES],
                         a[Act.REDUCTIONS]])
        edit.addSeparator()
        edit.addActions([a[Act.COPY], a[Act.PASTE], a[Act.FILL_DOWN]])
        view = menus[Menu.VIEW] = bar.addMenu("")
        view.addActions([a[Act.FIND], a[Act.SHOW_ALL]])
        language = menus[Menu.LANGUAGE] = view.addMenu("")
        language.addActions([a[Act.LANG_DA], a[Act.LANG_EN]])
        team = menus[Menu.TEAM] = bar.addMenu("")
        team.addActions([a[Act.DISTRIBUTE], a[Act.REBALANCE]])
        team.addSeparator()
        team.addActions([a[Act.SETTINGS], a[Act.NORM_SETS]])
        team.addSeparator()
        team.addActions([a[Act.HISTORY], a[Act.TAKE_SNAPSHOT]])
        help_menu = menus[Menu.HELP] = bar.addMenu("")
        help_menu.addActions([a[Act.HELP], a[Act.ABOUT]])

    def _competences_on_table(self) -> None:
        """The staff table's context menu holds its actions (``TABLE_ACTS``); a double-click on
        the competence column opens the competences dialog."""
        table, window = self._window.table, self._window
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        def double_clicked(index) -> None:
            if index.column() == window.model().competence_column():
                window.run_handler(Act.COMPETENCES)

        table.doubleClicked.connect(double_clicked)

    def _fill_recent(self) -> None:
        menu = self.menus[Menu.RECENT]
        menu.clear()
        files = self._window.files.recent_files()
        for path in files:
            action = menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self._window.files.open_file(p))
        if not files:
            empty = menu.addAction(_("(no recent files)"))
            empty.setEnabled(False)

    def retranslate(self) -> None:
        texts = _texts()
        for act, action in self.actions.items():
            action.setText(texts[act])
        for menu_name, menu in self.menus.items():
            menu.setTitle(texts[menu_name])
        tips = {
            Act.REMOVE: _("Remove the selected staff members (Delete). Undo with Ctrl+Z."),
            Act.COMPETENCES: _("The case types the selected person may take, and \"takes no new cases\"."),
            Act.DISTRIBUTE: _("Propose who takes new cases: the highest load as low as possible."),
            Act.REBALANCE: _("Propose which cases to move to lower the highest load, with few moves."),
            Act.FIND: _("Search the staff by name (Ctrl+F); Enter goes back to the table."),
            Act.SHOW_ALL: _(
                                    "Show a column for every case type of the norm set, also empty ones."),
        }
        for act, tip in tips.items():
            self.actions[act].setToolTip(tip)
            self.actions[act].setStatusTip(tip)

    def show_undo_state(self, stack: QUndoStack) -> None:
        """Undo and Redo enabled, named and explained after what the undo stack holds."""
        undo, redo = self.actions[Act.UNDO], self.actions[Act.REDO]
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        undo.setText(_("&Undo: {what}").format(what=stack.undoText()) if stack.canUndo() else _("&Undo"))
        redo.setText(_("&Redo: {what}").format(what=stack.redoText()) if stack.canRedo() else _("&Redo"))
        undo.setToolTip(_("Undo: {what}").format(what=stack.undoText()) if stack.canUndo() else _("Nothing to undo"))
        redo.setToolTip(_("Redo: {what}").format(what=stack.redoText()) if stack.canRedo() else _("Nothing to redo"))

"""The main window's actions and menus: texts (translated), shortcuts, icons, and wiring to the
window's slots. Import/export and memo handlers of other modules are imported inside the slot
(``MainWindow.run_handler``) so the window starts without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from sagstal_desktop.gui.main_window import MainWindow

translate = QCoreApplication.translate

#: (action name, module, function) of handlers owned by the import and memo helpers.
HANDLERS = {
    "import_current": ("import_actions", "import_into_current"),
    "import_new": ("import_actions", "import_as_new"),
    "export_sheet": ("import_actions", "export_spreadsheet"),
    "export_sheet_anonymised": ("import_actions", "export_spreadsheet_anonymised"),
    "export_template": ("import_actions", "export_template"),
    "export_memo": ("memo_actions", "export_memo"),
    "preview_memo": ("memo_actions", "preview_memo"),
    "print_memo": ("memo_actions", "print_memo"),
    "history": ("history_actions", "show_history"),
    "take_snapshot": ("history_actions", "take_snapshot"),
}


def _texts() -> dict[str, str]:
    """Menu and action texts in the current language."""
    return {
        "menu_file": translate("MainWindow", "&File"),
        "menu_recent": translate("MainWindow", "Open &recent"),
        "menu_edit": translate("MainWindow", "&Edit"),
        "menu_view": translate("MainWindow", "&View"),
        "menu_language": translate("MainWindow", "&Language"),
        "menu_team": translate("MainWindow", "&Team"),
        "menu_help": translate("MainWindow", "&Help"),
        "new": translate("MainWindow", "&New team"),
        "open": translate("MainWindow", "&Open…"),
        "save": translate("MainWindow", "&Save"),
        "save_as": translate("MainWindow", "Save &as…"),
        "import_current": translate("MainWindow", "&Import spreadsheet…"),
        "import_new": translate("MainWindow", "Import as new &team…"),
        "export_sheet": translate("MainWindow", "Export spreads&heet…"),
        "export_sheet_anonymised": translate("MainWindow", "Export anon&ymised spreadsheet…"),
        "export_template": translate("MainWindow", "Export &blank template…"),
        "export_memo": translate("MainWindow", "Export &memo…"),
        "preview_memo": translate("MainWindow", "Memo pre&view…"),
        "print_memo": translate("MainWindow", "&Print…"),
        "quit": translate("MainWindow", "&Quit"),
        "undo": translate("MainWindow", "&Undo"),
        "redo": translate("MainWindow", "&Redo"),
        "add": translate("MainWindow", "&Add staff member"),
        "duplicate": translate("MainWindow", "D&uplicate staff member"),
        "remove": translate("MainWindow", "Re&move staff member"),
        "edit_cell": translate("MainWindow", "&Edit cell"),
        "show_all": translate("MainWindow", "Show &all case types of the norm set"),
        "settings": translate("MainWindow", "Team &settings…"),
        "norm_sets": translate("MainWindow", "&Own norm sets…"),
        "history": translate("MainWindow", "&History…"),
        "take_snapshot": translate("MainWindow", "Take s&napshot…"),
        "help": translate("MainWindow", "&Help"),
        "about": translate("MainWindow", "&About Sagstal"),
        "lang_da": "Dansk",
        "lang_en": "English",
    }


def _icon(name: str) -> QIcon:
    try:
        from sagstal_desktop.gui.icons import icon
    except ImportError:
        return QIcon()
    return icon(name)


class WindowActions:
    """Every action of the main window, by name (``actions["save"]``), and its menus."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        w = window
        std = QKeySequence.StandardKey
        self._add("new", w.new_document, [QKeySequence(std.New)], "new")
        self._add("open", lambda: w.open_file(), [QKeySequence(std.Open)], "open")
        self._add("save", w.save, [QKeySequence(std.Save)], "save")
        self._add("save_as", w.save_as, [QKeySequence("Ctrl+Shift+S")])
        for name in HANDLERS:
            self._add(name, lambda _checked=False, n=name: w.run_handler(n),
                      icon={"import_current": "import", "export_sheet": "export", "export_memo": "memo",
                            "print_memo": "print"}.get(name))
        self.actions["import_current"].setShortcut(QKeySequence("Ctrl+I"))
        self.actions["export_memo"].setShortcut(QKeySequence("Ctrl+E"))
        self.actions["print_memo"].setShortcut(QKeySequence(std.Print))
        self._add("quit", w.close, [QKeySequence("Ctrl+Q")])
        self._add("undo", w.document().undo_stack.undo, [QKeySequence(std.Undo)], "undo")
        self._add("redo", w.document().undo_stack.redo, [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")],
                  "redo")
        self._add("add", w.add_staff, [QKeySequence("Ctrl+Shift+N"), QKeySequence(Qt.Key.Key_Insert)],
                  "add_person")
        self._add("duplicate", w.duplicate_staff, [QKeySequence("Ctrl+D")], "duplicate")
        self._add("remove", w.remove_staff, [QKeySequence(Qt.Key.Key_Delete)], "remove_person")
        self._add("edit_cell", w.edit_current_cell, [QKeySequence(Qt.Key.Key_F2)])
        self._add("show_all", w.set_show_all_case_types)
        self.actions["show_all"].setCheckable(True)
        self._add("settings", w.edit_team_settings, icon="settings")
        self._add("norm_sets", w.edit_norm_sets, icon="norms")
        self._add("help", w.show_help, [QKeySequence(std.HelpContents)], "help")
        self._add("about", w.show_about, icon="about")
        self.language_group = QActionGroup(window)
        for lang in ("da", "en"):
            action = self._add(f"lang_{lang}", lambda _checked=False, code=lang: w.set_language(code))
            action.setCheckable(True)
            self.language_group.addAction(action)
        # Delete and F2 act on the table only, so they never steal keys from other fields.
        for name in ("remove", "edit_cell"):
            self.actions[name].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._build_menus()
        self.retranslate()

    def _add(self, name: str, slot, shortcuts: list[QKeySequence] | None = None, icon: str | None = None) -> QAction:
        action = QAction(self._window)
        action.setObjectName(f"action_{name}")
        if icon:
            action.setIcon(_icon(icon))
        if shortcuts:
            action.setShortcuts(shortcuts)
        action.triggered.connect(slot)
        self.actions[name] = action
        return action

    def _build_menus(self) -> None:
        bar = self._window.menuBar()
        a = self.actions
        file = self.menus["menu_file"] = bar.addMenu("")
        file.addActions([a["new"], a["open"]])
        recent = self.menus["menu_recent"] = file.addMenu("")
        recent.aboutToShow.connect(self._fill_recent)
        file.addActions([a["save"], a["save_as"]])
        file.addSeparator()
        file.addActions([a["import_current"], a["import_new"], a["export_sheet"], a["export_sheet_anonymised"],
                         a["export_template"]])
        file.addSeparator()
        file.addActions([a["export_memo"], a["preview_memo"], a["print_memo"]])
        file.addSeparator()
        file.addAction(a["quit"])
        edit = self.menus["menu_edit"] = bar.addMenu("")
        edit.addActions([a["undo"], a["redo"]])
        edit.addSeparator()
        edit.addActions([a["add"], a["duplicate"], a["remove"], a["edit_cell"]])
        view = self.menus["menu_view"] = bar.addMenu("")
        view.addAction(a["show_all"])
        language = self.menus["menu_language"] = view.addMenu("")
        language.addActions([a["lang_da"], a["lang_en"]])
        team = self.menus["menu_team"] = bar.addMenu("")
        team.addActions([a["settings"], a["norm_sets"]])
        team.addSeparator()
        team.addActions([a["history"], a["take_snapshot"]])
        help_menu = self.menus["menu_help"] = bar.addMenu("")
        help_menu.addActions([a["help"], a["about"]])

    def _fill_recent(self) -> None:
        menu = self.menus["menu_recent"]
        menu.clear()
        files = self._window.recent_files()
        for path in files:
            action = menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self._window.open_file(p))
        if not files:
            empty = menu.addAction(translate("MainWindow", "(no recent files)"))
            empty.setEnabled(False)

    def retranslate(self) -> None:
        texts = _texts()
        for name, action in self.actions.items():
            action.setText(texts[name])
        for name, menu in self.menus.items():
            menu.setTitle(texts[name])
        tips = {
            "remove": translate("MainWindow", "Remove the selected staff members (Delete). Undo with Ctrl+Z."),
            "show_all": translate("MainWindow", "Show a column for every case type of the norm set, also empty ones."),
        }
        for name, tip in tips.items():
            self.actions[name].setToolTip(tip)
            self.actions[name].setStatusTip(tip)

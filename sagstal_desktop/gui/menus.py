"""The main window's QActions and menus, built from the one table of declarations
(``gui/actions.py``: ``ACTIONS``, ``MENUS``): texts (translated here), shortcuts, icons, and
wiring to the handlers.
Import/export and memo handlers of other modules are imported inside the slot
(``MainWindow.run_handler``) so the window starts without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QUndoStack
from PySide6.QtWidgets import QMenu

from sagstal_desktop.gui.actions import ACTIONS, MENUS, Act, Action, Menu
from sagstal_desktop.gui.shortcut_keys import key_sequence
from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.gui.main_window import MainWindow



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
        self.language_group = QActionGroup(window)
        for spec in ACTIONS:
            action = self._add(spec)
            if spec.act in (Act.LANG_DA, Act.LANG_EN):
                self.language_group.addAction(action)
        self._build_menus()
        self._competences_on_table()
        self.retranslate()

    def __getitem__(self, act: Act) -> QAction:
        return self.actions[act]

    def _add(self, spec: Action) -> QAction:
        action = QAction(self._window)
        action.setObjectName(f"action_{spec.act.value}")
        if spec.icon:
            action.setIcon(_icon(spec.icon))
        if spec.shortcuts:
            action.setShortcuts([key_sequence(text) for text in spec.shortcuts])
        if spec.table_keys:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setCheckable(spec.checkable)
        action.triggered.connect(lambda checked=False, a=spec: self._run(a, checked))
        self.actions[spec.act] = action
        return action

    def _run(self, spec: Action, checked: bool) -> None:
        """Run the action's handler: a handler module's function (``MainWindow.run_handler``) or
        the window method its path names (looked up now: the window's parts exist by then)."""
        if ":" in spec.handler:
            self._window.run_handler(spec.act)
            return
        target = self._window
        for part in spec.handler.split("."):
            target = getattr(target, part.removesuffix("()"))
            if part.endswith("()"):
                target = target()
        target(*spec.args, *((bool(checked),) if spec.checkable and not spec.args else ()))

    def _build_menus(self) -> None:
        bar, menus = self._window.menuBar(), self.menus
        for menu, (_title, parent, _after) in MENUS.items():
            if parent is None:
                menus[menu] = bar.addMenu("")
        sections: dict[Menu, int] = {}
        for spec in ACTIONS:
            menu = menus.get(spec.menu)
            if menu is None:  # a submenu, made where it stands in its parent
                continue
            if spec.menu in sections and sections[spec.menu] != spec.section:
                menu.addSeparator()
            sections[spec.menu] = spec.section
            menu.addAction(self.actions[spec.act])
            for sub, (_title, parent, after) in MENUS.items():
                if parent == spec.menu and after == spec.act:
                    menus[sub] = menu.addMenu("")
                    menus[sub].addActions([self.actions[a.act] for a in ACTIONS if a.menu == sub])
        menus[Menu.RECENT].aboutToShow.connect(self._fill_recent)

    def _competences_on_table(self) -> None:
        """The staff table's context menu holds its actions (``TABLE_ACTS``); a double-click on
        the competence column (or Enter or F2 on it) opens the competences dialog."""
        table, window = self._window.table, self._window
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        def activated(index) -> None:  # a double-click, or Enter from the keyboard
            if index.column() == window.model().competence_column():
                window.run_handler(Act.COMPETENCES)

        table.activated.connect(activated)

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
        for spec in ACTIONS:
            action = self.actions[spec.act]
            action.setText(_(spec.text))  # the language names ("Dansk", "English") stay as they are
            if spec.tip:
                action.setToolTip(_(spec.tip))
                action.setStatusTip(_(spec.tip))
        for menu_name, menu in self.menus.items():
            menu.setTitle(_(MENUS[menu_name][0]))

    def show_undo_state(self, stack: QUndoStack) -> None:
        """Undo and Redo enabled, named and explained after what the undo stack holds."""
        undo, redo = self.actions[Act.UNDO], self.actions[Act.REDO]
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        undo.setText(_("&Undo: {what}").format(what=stack.undoText()) if stack.canUndo() else _("&Undo"))
        redo.setText(_("&Redo: {what}").format(what=stack.redoText()) if stack.canRedo() else _("&Redo"))
        undo.setToolTip(_("Undo: {what}").format(what=stack.undoText()) if stack.canUndo() else _("Nothing to undo"))
        redo.setToolTip(_("Redo: {what}").format(what=stack.redoText()) if stack.canRedo() else _("Nothing to redo"))

"""The names of the main window's actions and menus. Code and tests refer to an action by its
``Act`` member (``window.actions[Act.SAVE]``), never by a string."""

from __future__ import annotations

import enum


class Act(enum.Enum):
    """Every action of the main window; the value names its Qt object (``action_<value>``)."""

    NEW = "new"
    OPEN = "open"
    SAVE = "save"
    SAVE_AS = "save_as"
    IMPORT_CURRENT = "import_current"
    IMPORT_NEW = "import_new"
    EXPORT_SHEET = "export_sheet"
    EXPORT_SHEET_ANONYMISED = "export_sheet_anonymised"
    EXPORT_TEMPLATE = "export_template"
    EXPORT_MEMO = "export_memo"
    PREVIEW_MEMO = "preview_memo"
    PRINT_MEMO = "print_memo"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    ADD = "add"
    DUPLICATE = "duplicate"
    REMOVE = "remove"
    EDIT_CELL = "edit_cell"
    COPY = "copy"
    PASTE = "paste"
    FILL_DOWN = "fill_down"
    REDUCTIONS = "reductions"
    SHOW_ALL = "show_all"
    FIND = "find"
    COMPETENCES = "competences"
    DISTRIBUTE = "distribute"
    REBALANCE = "rebalance"
    SETTINGS = "settings"
    NORM_SETS = "norm_sets"
    HISTORY = "history"
    TAKE_SNAPSHOT = "take_snapshot"
    HELP = "help"
    ABOUT = "about"
    LANG_DA = "lang_da"
    LANG_EN = "lang_en"

    @classmethod
    def language(cls, lang: str) -> Act:
        """The action that switches to ``lang`` ("da" or "en")."""
        return {"da": cls.LANG_DA, "en": cls.LANG_EN}[lang]


class Menu(enum.Enum):
    """The main window's menus."""

    FILE = "file"
    RECENT = "recent"
    EDIT = "edit"
    VIEW = "view"
    LANGUAGE = "language"
    TEAM = "team"
    HELP = "help"


#: Actions of the staff table itself (its context menu; Ctrl+C/V/D act while it has the focus).
TABLE_ACTS = (Act.REMOVE, Act.EDIT_CELL, Act.DUPLICATE, Act.ADD, Act.COPY, Act.PASTE, Act.FILL_DOWN,
              Act.COMPETENCES, Act.REDUCTIONS)

#: Handlers owned by the import, memo, history and planning modules: action -> (module in gui/, function).
HANDLERS = {
    Act.IMPORT_CURRENT: ("import_actions", "import_into_current"),
    Act.IMPORT_NEW: ("import_actions", "import_as_new"),
    Act.EXPORT_SHEET: ("import_actions", "export_spreadsheet"),
    Act.EXPORT_SHEET_ANONYMISED: ("import_actions", "export_spreadsheet_anonymised"),
    Act.EXPORT_TEMPLATE: ("import_actions", "export_template"),
    Act.EXPORT_MEMO: ("memo_actions", "export_memo"),
    Act.PREVIEW_MEMO: ("memo_actions", "preview_memo"),
    Act.PRINT_MEMO: ("memo_actions", "print_memo"),
    Act.COMPETENCES: ("planning_actions", "edit_competences"),
    Act.DISTRIBUTE: ("planning_actions", "distribute_cases"),
    Act.REBALANCE: ("planning_actions", "rebalance_cases"),
    Act.HISTORY: ("history_actions", "show_history"),
    Act.TAKE_SNAPSHOT: ("history_actions", "take_snapshot"),
    Act.REDUCTIONS: ("reduction_actions", "edit_reductions"),
}

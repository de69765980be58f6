"""The main window's actions and menus, declared once. Code and tests refer to an action by its
``Act`` member (``window.actions[Act.SAVE]``), never by a string; ``ACTIONS`` holds each
action's text, shortcuts, icon, tip, menu place and handler in one ``Action`` row, and
``gui/menus.py`` builds the QActions and menus from it. A new menu command is one row here and
one handler function (in ``gui/handlers/``). Qt-free: imported before the window is painted."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sagstal_desktop.i18n import N_


class Act(enum.Enum):
    """Every action of the main window; the value names its Qt object (``action_<value>``)."""

    NEW = "new"
    OPEN = "open"
    OPEN_DEPARTMENT = "open_department"
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
    CASE_SPLIT = "case_split"
    SHOW_ALL = "show_all"
    FIND = "find"
    COMPETENCES = "competences"
    DISTRIBUTE = "distribute"
    REBALANCE = "rebalance"
    SETTINGS = "settings"
    NORM_SETS = "norm_sets"
    HISTORY = "history"
    TAKE_SNAPSHOT = "take_snapshot"
    FLOWS = "flows"
    FORECAST = "forecast"
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


@dataclass(frozen=True)
class Action:
    """One action of the main window.

    ``handler``: ``"module:function"`` is a function of ``gui/<module>.py`` (a handler module,
    imported when first run) called with the window; otherwise a path of window attributes
    (``"files.save"``, ``"document().undo_stack.undo"``) to the method called, with ``args``
    (a checkable action: with its checked state). ``shortcuts``: key sequences as text
    ("Ctrl+Shift+S"), ``"std:<QKeySequence.StandardKey>"`` or ``"key:<Qt.Key>"``; the first is
    the one the menu shows. ``section``: a separator stands between sections of one menu.
    ``table``: its place in the staff table's context menu (0: not there); ``table_keys``: its shortcuts act only
    while the table has the focus (so Delete and F2 never steal keys from other fields).
    ``help``: the id of the help page's section that explains it (every action has one; a test
    checks that the section exists in both languages)."""

    act: Act
    text: str
    menu: Menu
    handler: str
    section: int = 0
    shortcuts: tuple[str, ...] = ()
    icon: str | None = None
    tip: str = ""
    args: tuple = ()
    checkable: bool = False
    table: int = 0
    table_keys: bool = False
    help: str = ""


#: The help page section (``<h2 id=...>`` of ``resources/help/help_<lang>.html``) that explains
#: each action: F1's list of shortcuts and the test that the help covers every menu item read it.


#: Menus in menu-bar order with their titles; a submenu names its parent and the action after
#: which it stands.
MENUS: dict[Menu, tuple[str, Menu | None, Act | None]] = {
    Menu.FILE: (N_("&File"), None, None),
    Menu.RECENT: (N_("Open &recent"), Menu.FILE, Act.OPEN),
    Menu.EDIT: (N_("&Edit"), None, None),
    Menu.VIEW: (N_("&View"), None, None),
    Menu.LANGUAGE: (N_("&Language"), Menu.VIEW, Act.SHOW_ALL),
    Menu.TEAM: (N_("&Team"), None, None),
    Menu.HELP: (N_("&Help"), None, None),
}

_A = Action
#: Every action, in menu order.
ACTIONS: tuple[Action, ...] = (
    _A(Act.NEW, N_("&New team"), Menu.FILE, "files.new_document", 0, ("std:New",), "new", help="filer"),
    _A(Act.OPEN, N_("&Open…"), Menu.FILE, "files.open_file", 0, ("std:Open",), "open", help="filer"),
    _A(Act.OPEN_DEPARTMENT, N_("Open &department…"), Menu.FILE, "handlers.department:open_department", 0,
       tip=N_("Many teams' files at once: a folder of team files, read only (Help: Department)."), help="afdeling"),
    _A(Act.SAVE, N_("&Save"), Menu.FILE, "files.save", 0, ("std:Save",), "save", help="filer"),
    _A(Act.SAVE_AS, N_("Save &as…"), Menu.FILE, "files.save_as", 0, ("Ctrl+Shift+S",), help="filer"),
    _A(Act.IMPORT_CURRENT, N_("&Import spreadsheet…"), Menu.FILE, "handlers.imports:import_into_current", 1,
       ("Ctrl+I",), "import", help="filer"),
    _A(Act.IMPORT_NEW, N_("Import as new &team…"), Menu.FILE, "handlers.imports:import_as_new", 1, help="filer"),
    _A(Act.EXPORT_SHEET, N_("Export spreads&heet…"), Menu.FILE, "handlers.imports:export_spreadsheet", 1,
       icon="export", help="filer"),
    _A(Act.EXPORT_SHEET_ANONYMISED, N_("Export anon&ymised spreadsheet…"), Menu.FILE,
       "handlers.imports:export_spreadsheet_anonymised", 1, help="anonym"),
    _A(Act.EXPORT_TEMPLATE, N_("Export &blank template…"), Menu.FILE, "handlers.imports:export_template", 1,
       help="filer"),
    _A(Act.EXPORT_MEMO, N_("Export &memo…"), Menu.FILE, "handlers.memo:export_memo", 2, ("Ctrl+E",), "memo",
       help="notat"),
    _A(Act.PREVIEW_MEMO, N_("Memo pre&view…"), Menu.FILE, "handlers.memo:preview_memo", 2, ("Ctrl+Shift+E",),
       help="notat"),
    _A(Act.PRINT_MEMO, N_("&Print…"), Menu.FILE, "handlers.memo:print_memo", 2, ("std:Print",), "print", help="notat"),
    _A(Act.QUIT, N_("&Quit"), Menu.FILE, "close", 3, ("Ctrl+Q",), help="filer"),
    _A(Act.UNDO, N_("&Undo"), Menu.EDIT, "document().undo_stack.undo", 0, ("std:Undo",), "undo", help="redigering"),
    _A(Act.REDO, N_("&Redo"), Menu.EDIT, "document().undo_stack.redo", 0, ("Ctrl+Y", "Ctrl+Shift+Z"), "redo",
       help="redigering"),
    _A(Act.ADD, N_("&Add staff member"), Menu.EDIT, "staff.add", 1, ("Ctrl+Shift+N", "key:Key_Insert"),
       "add_person", table=4, help="redigering"),
    _A(Act.DUPLICATE, N_("Dup&licate staff member"), Menu.EDIT, "staff.duplicate", 1, ("Ctrl+Shift+D",),
       "duplicate", table=3, help="redigering"),
    _A(Act.REMOVE, N_("Re&move staff member"), Menu.EDIT, "staff.remove", 1, ("key:Key_Delete",), "remove_person",
       N_("Remove the selected staff members (Delete). Undo with Ctrl+Z."), table=1, table_keys=True,
       help="redigering"),
    _A(Act.EDIT_CELL, N_("&Edit cell"), Menu.EDIT, "staff.edit_current_cell", 1, ("key:Key_F2",),
       table=2, table_keys=True, help="redigering"),
    _A(Act.COMPETENCES, N_("Compe&tences…"), Menu.EDIT, "handlers.planning:edit_competences", 1,
       tip=N_("The case types the selected person may take, and \"takes no new cases\"."), table=8,
       help="planlaegning"),
    _A(Act.REDUCTIONS, N_("Re&ductions (other tasks)…"), Menu.EDIT, "handlers.reductions:edit_reductions", 1,
       table=9, help="redigering"),
    _A(Act.CASE_SPLIT, N_("Case &weight of the count…"), Menu.EDIT, "handlers.case_weight:edit_split", 1,
       ("Ctrl+L",), tip=N_("How many of the cell's cases are simple, complex and very complex (Ctrl+L)."),
       table=10, table_keys=True, help="tyngde"),
    _A(Act.COPY, N_("&Copy cells"), Menu.EDIT, "clipboard.copy", 2, ("std:Copy",), table=5, table_keys=True,
       help="redigering"),
    _A(Act.PASTE, N_("&Paste cells"), Menu.EDIT, "clipboard.paste", 2, ("std:Paste",), table=6,
       table_keys=True, help="redigering"),
    _A(Act.FILL_DOWN, N_("&Fill down"), Menu.EDIT, "clipboard.fill_down", 2, ("Ctrl+D",), table=7,
       table_keys=True, help="redigering"),
    _A(Act.FIND, N_("&Find staff member"), Menu.VIEW, "focus_search", 0, ("std:Find",),
       tip=N_("Search the staff by name (Ctrl+F); Enter goes back to the table."), help="visning"),
    _A(Act.SHOW_ALL, N_("Show &all case types of the norm set"), Menu.VIEW, "set_show_all_case_types",
       tip=N_("Show a column for every case type of the norm set, also empty ones."), checkable=True, help="visning"),
    _A(Act.LANG_DA, "Dansk", Menu.LANGUAGE, "set_language", args=("da",), checkable=True, help="visning"),
    _A(Act.LANG_EN, "English", Menu.LANGUAGE, "set_language", args=("en",), checkable=True, help="visning"),
    _A(Act.DISTRIBUTE, N_("&Distribute new cases…"), Menu.TEAM, "handlers.planning:distribute_cases", 0,
       ("Ctrl+Shift+F",), tip=N_("Propose who takes new cases: the highest load as low as possible."),
       help="planlaegning"),
    _A(Act.REBALANCE, N_("&Rebalance cases…"), Menu.TEAM, "handlers.planning:rebalance_cases", 0,
       ("Ctrl+Shift+R",), tip=N_("Propose which cases to move to lower the highest load, with few moves."),
       help="planlaegning"),
    _A(Act.SETTINGS, N_("Team &settings…"), Menu.TEAM, "edit_team_settings", 1, icon="settings", help="indstillinger"),
    _A(Act.NORM_SETS, N_("&Own norm sets…"), Menu.TEAM, "edit_norm_sets", 1, icon="norms", help="normsaet"),
    _A(Act.HISTORY, N_("&History…"), Menu.TEAM, "handlers.history:show_history", 2, ("Ctrl+Shift+H",),
       help="udvikling"),
    _A(Act.TAKE_SNAPSHOT, N_("Take s&napshot…"), Menu.TEAM, "handlers.history:take_snapshot", 2, help="udvikling"),
    _A(Act.FLOWS, N_("&Intake and closures…"), Menu.TEAM, "handlers.forecast:edit_flows", 3,
       tip=N_("New and closed cases per month and case type: the forecast's input."), help="prognose"),
    _A(Act.FORECAST, N_("&Forecast…"), Menu.TEAM, "handlers.forecast:show_forecast", 3,
       tip=N_("The next months' caseload from intake and closures, with a band and a backtest."), help="prognose"),
    _A(Act.HELP, N_("&Help"), Menu.HELP, "show_help", 0, ("std:HelpContents",), "help", help="tastatur"),
    _A(Act.ABOUT, N_("&About Sagstal"), Menu.HELP, "show_about", 0, icon="about", help="kilder"),
)
del _A

#: Each action's declaration.

#: Actions of the staff table itself (its context menu; Ctrl+C/V/D act while it has the focus).
TABLE_ACTS = tuple(a.act for a in sorted((a for a in ACTIONS if a.table), key=lambda a: a.table))

#: Actions whose handler is a function of a handler module: action -> (module in gui/, function).
HANDLERS = {a.act: tuple(a.handler.split(":")) for a in ACTIONS if ":" in a.handler}

"""Context help: F1 in a dialog opens the help page at the section about that dialog.

``DIALOG_HELP`` maps each dialog class (by name) to its section (``<h2 id=...>`` of
``resources/help/help_<lang>.html``); the tests check that every dialog class of the program has
an entry and that the section exists. ``ContextHelp`` is an application-wide event filter (a
modal dialog blocks the main window's own F1 shortcut), installed once by the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

#: Dialog class name -> the help section that explains it.
DIALOG_HELP: dict[str, str] = {
    "AboutDialog": "kilder",
    "AbsenceDialog": "hvadnu",
    "CaseSplitDialog": "tyngde",
    "CompareDialog": "hvadnu",
    "CompetencesDialog": "planlaegning",
    "DepartmentView": "afdeling",
    "FlowsDialog": "prognose",
    "ForecastDialog": "prognose",
    "HelpDialog": "tastatur",
    "HistoryDialog": "udvikling",
    "ImportPreviewDialog": "filer",
    "MemoOptionsDialog": "notat",
    "MemoPreviewDialog": "notat",
    "NewNormSetDialog": "normsaet",
    "NewTeamDialog": "filer",
    "NormSetEditorDialog": "normsaet",
    "PlanningDialog": "planlaegning",
    "ReductionsDialog": "redigering",
    "TeamSettingsDialog": "indstillinger",
}


def help_section(dialog: QWidget) -> str | None:
    """The section about ``dialog`` (its class or a base class), or None."""
    for cls in type(dialog).__mro__:
        if cls.__name__ in DIALOG_HELP:
            return DIALOG_HELP[cls.__name__]
    return None


def open_help(dialog: QDialog, section: str) -> QDialog:
    """Show the help page at ``section`` in ``dialog``'s language, as a child of ``dialog`` (so it
    can be used while a modal dialog is open). One help window per dialog."""
    from sagstal_desktop.gui.dialogs.common import ui_language
    from sagstal_desktop.gui.dialogs.help import HelpDialog

    lang = ui_language(dialog)
    helper = dialog.findChild(HelpDialog, "contextHelp")
    if helper is None or helper.language() != lang:
        helper = HelpDialog(dialog, lang)
        helper.setObjectName("contextHelp")
    helper.show()
    helper.show_section(section)
    helper.raise_()
    helper.activateWindow()
    return helper


class ContextHelp(QObject):
    """Turns F1 in a dialog with a help section into ``open_help``."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_F1:
            window = watched.window() if isinstance(watched, QWidget) else None
            if isinstance(window, QDialog) and window.objectName() != "contextHelp":
                from sagstal_desktop.gui.dialogs.help import HelpDialog

                if isinstance(window, HelpDialog):
                    window.show_section(DIALOG_HELP["HelpDialog"])
                    return True
                section = help_section(window)
                if section:
                    open_help(window, section)
                    return True
        return False


_installed: list[ContextHelp] = []


def install(app: QApplication | None = None) -> None:
    """Install the F1 filter on the application (once)."""
    app = app or QApplication.instance()
    if app is not None and not _installed:
        _installed.append(ContextHelp(app))
        app.installEventFilter(_installed[0])

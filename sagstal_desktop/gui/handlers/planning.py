"""Planning handlers (``HANDLERS`` in ``gui/actions.py``): Team → "Fordel nye sager…" and
"Omfordel sager…" open the planning dialog and apply its proposal as one undoable step
(``Document.apply_counts``); Edit → "Kompetencer…" (also a double-click on the staff table's
competence column) edits one person's competences (``Document.set_competences``). Each handler
takes the main window and returns None; the dialogs and the solver are imported only here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.gui.window_api import WindowApi


def planning_dialog(window: WindowApi, mode: str):
    """A planning dialog on the window's team (not shown)."""
    from sagstal_desktop.gui.dialogs.planning import PlanningDialog

    norm_set = window.norm_set()
    types = [t for t in window.model().case_types() if norm_set.norm_for(t) is not None]
    types = types or list(norm_set.case_type_ids)
    return PlanningDialog(window.team(), norm_set, window.summary().as_of, types, window, mode)


def apply_plan(window: WindowApi, dialog) -> bool:
    """Apply the dialog's proposal as one undoable step; False when there is nothing to apply."""
    changes = dialog.changes()
    if not changes:
        return False
    text = dialog.description()
    window.document().apply_counts(changes, text, dialog.levels())
    window.show_status(_("{what}. Ctrl+Z undoes it.").format(what=text))
    return True


def _open(window: WindowApi, mode: str) -> None:
    dialog = planning_dialog(window, mode)
    if dialog.exec() != QDialog.DialogCode.Accepted or not apply_plan(window, dialog):
        window.show_status(_("Planning closed; nothing was changed."))
    dialog.deleteLater()


def distribute_cases(window: WindowApi) -> None:
    """Team → Distribute new cases…"""
    _open(window, "distribute")


def rebalance_cases(window: WindowApi) -> None:
    """Team → Rebalance cases…"""
    _open(window, "rebalance")


def competences_dialog(window: WindowApi, member_id: str):
    from sagstal_desktop.gui.dialogs.competences import CompetencesDialog

    return CompetencesDialog(window.team().member(member_id), window.team(), window.norm_set(), window)


def apply_competences(window: WindowApi, member_id: str, dialog) -> None:
    name = window.team().member(member_id).name
    window.document().set_competences(member_id, dialog.competences(), dialog.takes_new_cases(),
                                      _("Change competences of {name}").format(name=name))


def edit_competences(window: WindowApi) -> None:
    """Edit → Competences…: the current person's competences and "takes no new cases"."""
    ids = window.selected_member_ids()
    if not ids:
        window.show_status(_("Select a staff member first."))
        return
    dialog = competences_dialog(window, ids[0])
    if dialog.exec() == QDialog.DialogCode.Accepted:
        apply_competences(window, ids[0], dialog)
    dialog.deleteLater()

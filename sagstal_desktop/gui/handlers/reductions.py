"""Edit → Reductions…: the dated reductions of the selected staff member, one undo step
(``Document.set_member_field(member_id, "reductions", ...)``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from sagstal_desktop.core.model import StaffMember
from sagstal_desktop.core.reductions import Reduction
from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.gui.window_api import WindowApi


def ask_reductions(window: WindowApi, member: StaffMember) -> tuple[Reduction, ...] | None:
    """The reductions dialog for ``member``; None if cancelled (module-level so tests answer it)."""
    from sagstal_desktop.gui.dialogs.reductions import ReductionsDialog

    dialog = ReductionsDialog(member, window.summary().as_of, window)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    result = dialog.reductions() if accepted else None
    dialog.deleteLater()
    return result


def edit_reductions(window: WindowApi) -> None:
    """Open the dialog for the selected person and store a changed list as one undo step."""
    ids = window.selected_member_ids()
    if not ids:
        window.show_status(_("Select a staff member first."))
        return
    document = window.document()
    member = document.team.member(ids[0])
    reductions = ask_reductions(window, member)
    if reductions is None or reductions == tuple(member.reductions):
        return
    document.set_member_field(member.id, "reductions", reductions,
                              _("Change reductions of {name}").format(name=member.name))

"""Adding, duplicating and removing staff rows, each one undoable document edit. New rows go
after the selected ones; the new row is selected (and a new person's name opened for editing).
Texts keep the main window's translation context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sagstal_desktop.core.case_weight import copy_levels
from sagstal_desktop.core.model import StaffMember, new_id
from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.gui.window_api import WindowApi


class StaffActions:
    """The Edit menu's row commands for ``window``'s table."""

    def __init__(self, window: WindowApi) -> None:
        self._window = window

    @staticmethod
    def tr(text: str) -> str:
        return _(text)

    def add(self) -> None:
        window, document = self._window, self._window.document()
        member = StaffMember(name=_("New staff member"),
                             counts=dict.fromkeys(window.model().case_types(), 0))
        ids = window.selected_member_ids()
        staff = document.team.staff
        position = (max(i for i, m in enumerate(staff) if m.id in ids) + 1) if ids else len(staff)
        document.add_members(position, [member], _("Add staff member"))
        window.select_member(member.id)
        window.table.edit(window.table.currentIndex())

    def duplicate(self) -> None:
        window, document = self._window, self._window.document()
        ids = window.selected_member_ids()
        if not ids:
            window.show_status(_("Select the staff members to duplicate first."))
            return
        staff = document.team.staff
        copies = []
        for member in (m for m in staff if m.id in ids):
            clone = StaffMember(**{**member.__dict__, "counts": dict(member.counts), "id": new_id(),
                                    "levels": copy_levels(member.levels)})
            clone.name = _("{name} (copy)").format(name=member.name)
            copies.append(clone)
        position = max(i for i, m in enumerate(staff) if m.id in ids) + 1
        document.add_members(position, copies, _("Duplicate staff"))
        window.select_member(copies[0].id)

    def remove(self) -> None:
        window, document = self._window, self._window.document()
        ids = window.selected_member_ids()
        if not ids:
            window.show_status(_("Select the staff members to remove first."))
            return
        names = [document.team.member(i).name for i in ids]
        document.remove_members(ids, _("Remove staff"))
        window.show_status(_("Removed {names}. Ctrl+Z brings them back.").format(names=", ".join(names)))

    def edit_current_cell(self) -> None:
        index = self._window.table.currentIndex()
        if index.isValid() and index.column() == self._window.model().competence_column():
            from sagstal_desktop.gui.actions import Act

            self._window.run_handler(Act.COMPETENCES)  # its editor is a dialog
        elif index.isValid():
            self._window.table.edit(index)

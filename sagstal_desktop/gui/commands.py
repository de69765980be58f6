"""Undoable edits of the team (QUndoCommand). Each one changes the core ``Team`` held by a
``Document`` and then asks the document to recompute once (``Document.touch``).

Commands find staff members by id, never by row: rows move when the table is sorted or
when staff are added or removed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from sagstal_desktop.core.model import StaffMember, Team

if TYPE_CHECKING:
    from sagstal_desktop.gui.document import Document

#: StaffMember attributes a table cell may change.
MEMBER_FIELDS = ("name", "weekly_hours", "other_hours", "other_tasks", "start_date", "note")


class SetMemberFieldCommand(QUndoCommand):
    """Change one attribute of one staff member (name, hours, start date...)."""

    def __init__(self, document: Document, member_id: str, field: str, value: Any, text: str) -> None:
        super().__init__(text)
        if field not in MEMBER_FIELDS:
            raise ValueError(f"not an editable field: {field}")
        self._document, self._member_id, self._field = document, member_id, field
        self._new = value
        self._old = getattr(document.team.member(member_id), field)

    def _set(self, value: Any) -> None:
        setattr(self._document.team.member(self._member_id), self._field, value)
        self._document.touch()

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


class SetCountCommand(QUndoCommand):
    """Change how many cases of one case type a staff member holds."""

    def __init__(self, document: Document, member_id: str, case_type: str, count: int, text: str) -> None:
        super().__init__(text)
        self._document, self._member_id, self._case_type = document, member_id, case_type
        self._new = count
        self._old: int | None = document.team.member(member_id).counts.get(case_type)  # None: no entry

    def _set(self, count: int | None) -> None:
        counts = self._document.team.member(self._member_id).counts
        if count is None:
            counts.pop(self._case_type, None)
        else:
            counts[self._case_type] = count
        self._document.touch()

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


class InsertMembersCommand(QUndoCommand):
    """Add staff members at a position (new, duplicated or pasted rows)."""

    def __init__(self, document: Document, position: int, members: list[StaffMember], text: str) -> None:
        super().__init__(text)
        self._document, self._position, self._members = document, position, list(members)

    def redo(self) -> None:
        staff = self._document.team.staff
        staff[self._position:self._position] = self._members
        self._document.touch()

    def undo(self) -> None:
        ids = {m.id for m in self._members}
        self._document.team.staff[:] = [m for m in self._document.team.staff if m.id not in ids]
        self._document.touch()


class RemoveMembersCommand(QUndoCommand):
    """Remove staff members; undo puts them back where they were."""

    def __init__(self, document: Document, member_ids: list[str], text: str) -> None:
        super().__init__(text)
        self._document = document
        wanted = set(member_ids)
        self._removed = [(i, m) for i, m in enumerate(document.team.staff) if m.id in wanted]

    def redo(self) -> None:
        ids = {m.id for _unused, m in self._removed}
        self._document.team.staff[:] = [m for m in self._document.team.staff if m.id not in ids]
        self._document.touch()

    def undo(self) -> None:
        staff = self._document.team.staff
        for index, member in self._removed:
            staff.insert(index, member)
        self._document.touch()


class ReplaceTeamCommand(QUndoCommand):
    """Swap in a whole new team (settings, norm sets, an import...) as one step."""

    def __init__(self, document: Document, new_team: Team, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._old, self._new = document.team, new_team

    def redo(self) -> None:
        self._document.set_team_object(self._new)

    def undo(self) -> None:
        self._document.set_team_object(self._old)

"""Undoable edits of the team (QUndoCommand). Each one changes the core ``Team`` held by a
``Document`` and then hands the document one ``Change`` naming what it changed
(``Document.apply_change``), on redo and on undo alike: the document recomputes once and the
views update only that.

Commands find staff members by id, never by row: rows move when the table is sorted or
when staff are added or removed. Use the ``Document`` methods (``set_count`` ...) rather than
these classes directly.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from sagstal_desktop.core.model import Snapshot, StaffMember, Team, TeamInfo, TeamSettings
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.gui.change import ALL, Change, count_column

if TYPE_CHECKING:
    from sagstal_desktop.gui.document import Document

#: StaffMember attributes a table cell may change.
MEMBER_FIELDS = ("name", "weekly_hours", "other_hours", "other_tasks", "start_date", "note", "reductions")
#: The columns a competence edit changes.
COMPETENCE_COLUMNS = frozenset({"competences", "takes_new_cases"})


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
        self._document.apply_change(Change.cells(self._member_id, self._field))

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
        self._document.apply_change(Change.cells(self._member_id, count_column(self._case_type)))

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


_ROWS_CHANGED = Change(ALL, structure_changed=True)


class InsertMembersCommand(QUndoCommand):
    """Add staff members at a position (new, duplicated or pasted rows)."""

    def __init__(self, document: Document, position: int, members: list[StaffMember], text: str) -> None:
        super().__init__(text)
        self._document, self._position, self._members = document, position, list(members)

    def redo(self) -> None:
        staff = self._document.team.staff
        staff[self._position:self._position] = self._members
        self._document.apply_change(_ROWS_CHANGED)

    def undo(self) -> None:
        ids = {m.id for m in self._members}
        self._document.team.staff[:] = [m for m in self._document.team.staff if m.id not in ids]
        self._document.apply_change(_ROWS_CHANGED)


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
        self._document.apply_change(_ROWS_CHANGED)

    def undo(self) -> None:
        staff = self._document.team.staff
        for index, member in self._removed:
            staff.insert(index, member)
        self._document.apply_change(_ROWS_CHANGED)


class SetSettingsCommand(QUndoCommand):
    """Change the team's description and settings (also the choice of norm set)."""

    def __init__(self, document: Document, info: TeamInfo, settings: TeamSettings, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._old = (copy.copy(document.team.info), copy.copy(document.team.settings))
        self._new = (copy.copy(info), copy.copy(settings))

    def _set(self, values: tuple[TeamInfo, TeamSettings]) -> None:
        team = self._document.team
        team.info, team.settings = copy.copy(values[0]), copy.copy(values[1])
        self._document.apply_change(Change(ALL, settings_changed=True))

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


class SetNormSetsCommand(QUndoCommand):
    """Replace the team's own norm sets (the chosen set may be one of them)."""

    def __init__(self, document: Document, norm_sets: list[NormSet], text: str) -> None:
        super().__init__(text)
        self._document = document
        self._old, self._new = list(document.team.custom_norm_sets), list(norm_sets)

    def _set(self, norm_sets: list[NormSet]) -> None:
        self._document.team.custom_norm_sets = list(norm_sets)
        self._document.apply_change(Change(ALL, norm_sets_changed=True))

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


class SetCompetencesCommand(QUndoCommand):
    """Change what case types one person may take and whether they take new cases."""

    def __init__(self, document: Document, member_id: str, competences: tuple[str, ...], takes_new_cases: bool,
                 text: str) -> None:
        super().__init__(text)
        self._document, self._member_id = document, member_id
        member = document.team.member(member_id)
        self._old = (tuple(member.competences), bool(member.takes_new_cases))
        self._new = (tuple(competences), bool(takes_new_cases))

    def _set(self, values: tuple[tuple[str, ...], bool]) -> None:
        member = self._document.team.member(self._member_id)
        member.competences, member.takes_new_cases = values
        self._document.apply_change(Change(frozenset({self._member_id}), COMPETENCE_COLUMNS))

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


class SetCountsCommand(QUndoCommand):
    """Set many case counts at once (a planning proposal): member id -> case type -> count."""

    def __init__(self, document: Document, changes: dict[str, dict[str, int]], text: str) -> None:
        super().__init__(text)
        self._document = document
        self._new = {m: dict(counts) for m, counts in changes.items() if counts}
        self._old = {m: {t: document.team.member(m).counts.get(t) for t in counts}  # None: no entry
                     for m, counts in self._new.items()}
        columns = {count_column(t) for counts in self._new.values() for t in counts}
        self._change = Change(frozenset(self._new), frozenset(columns))

    def _set(self, values: dict[str, dict[str, int | None]]) -> None:
        team = self._document.team
        for member_id, by_type in values.items():
            counts = team.member(member_id).counts
            for case_type, count in by_type.items():
                if count is None:
                    counts.pop(case_type, None)
                else:
                    counts[case_type] = count
        self._document.apply_change(self._change)

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


class SetSnapshotsCommand(QUndoCommand):
    """Replace the team's snapshots (take, relabel, delete, import): the history only."""

    def __init__(self, document: Document, snapshots: list[Snapshot], text: str) -> None:
        super().__init__(text)
        self._document = document
        self._old, self._new = list(document.history_team().snapshots), list(snapshots)

    def _set(self, snapshots: list[Snapshot]) -> None:
        self._document.history_team().snapshots = list(snapshots)
        self._document.apply_change(Change.history())

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


class ReplaceTeamCommand(QUndoCommand):
    """Swap in a whole new team (an import) as one step."""

    def __init__(self, document: Document, new_team: Team, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._old, self._new = document.team, new_team

    def redo(self) -> None:
        self._document.set_team_object(self._new)

    def undo(self) -> None:
        self._document.set_team_object(self._old)


class SetVariantCommand(QUndoCommand):
    """Open another variant, or change the scenarios (the whole state before and after)."""

    def __init__(self, document: Document, team: Team, base: Team | None, scenario_name: str | None,
                 text: str) -> None:
        super().__init__(text)
        self._document = document
        self._old = (document.team, document.base, document.scenario_name)
        self._new = (team, base, scenario_name)
        self.view_only = False  # only opens another variant (Document.set_variant)

    def redo(self) -> None:
        self._document.set_variant_state(*self._new)

    def undo(self) -> None:
        self._document.set_variant_state(*self._old)


class ApplyCellsCommand(QUndoCommand):
    """Several cells of several people at once (a paste, a fill down), optionally with new people
    appended at the end first: one undo step, one recomputation, one ``Change``."""

    def __init__(self, document: Document, edits: list[tuple[str, str, Any]], new_members: list[StaffMember],
                 text: str) -> None:
        super().__init__(text)
        from sagstal_desktop.gui.models.cell_input import current_value

        self._document, self._new_members = document, list(new_members)
        added = {m.id: m for m in self._new_members}
        self._edits = []  # (member id, key, old, new); old of a new member is what it was made with
        for member_id, key, value in edits:
            member = added.get(member_id) or document.team.member(member_id)
            self._edits.append((member_id, key, current_value(member, key), value))
        rows = frozenset(m for m, *_ in self._edits) | frozenset(added)
        self._change = Change(ALL if added else rows, frozenset(k for _, k, _, _ in self._edits),
                              structure_changed=bool(added))

    def _member(self, member_id: str) -> StaffMember:
        return self._document.team.member(member_id)

    def redo(self) -> None:
        from sagstal_desktop.gui.models.cell_input import set_value

        self._document.team.staff.extend(self._new_members)
        for member_id, key, _old, new in self._edits:
            set_value(self._member(member_id), key, new)
        self._document.apply_change(self._change)

    def undo(self) -> None:
        from sagstal_desktop.gui.models.cell_input import set_value

        for member_id, key, old, _new in reversed(self._edits):
            set_value(self._member(member_id), key, old)
        ids = {m.id for m in self._new_members}
        if ids:
            self._document.team.staff[:] = [m for m in self._document.team.staff if m.id not in ids]
        self._document.apply_change(self._change)

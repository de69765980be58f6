"""Undoable edits of the team (QUndoCommand). Each one wraps a core operation
(``core/operations.py``: the CLI makes the same edits through the same functions) on the ``Team``
held by a ``Document``, and hands the document the ``Change`` the operation returns
(``Document.apply_change``), on redo and on undo alike: the document recomputes once and the
views update only that. Undo puts back the state stored when the command was made.

Commands find staff members by id, never by row: rows move when the table is sorted or
when staff are added or removed. Use the ``Document`` methods (``set_count`` ...) rather than
these classes directly.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from sagstal_desktop.core import operations as ops
from sagstal_desktop.core.case_weight import check_levels
from sagstal_desktop.core.change import Change, count_column
from sagstal_desktop.core.model import Snapshot, StaffMember, Team, TeamInfo, TeamSettings
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.core.operations import COMPETENCE_COLUMNS, MEMBER_FIELDS

if TYPE_CHECKING:
    from sagstal_desktop.gui.team_document import Document

__all__ = ["COMPETENCE_COLUMNS", "MEMBER_FIELDS"]


class SetMemberFieldCommand(QUndoCommand):
    """Change one attribute of one staff member (name, hours, start date...)."""

    def __init__(self, document: Document, member_id: str, field: str, value: Any, text: str) -> None:
        super().__init__(text)
        if field not in MEMBER_FIELDS:
            raise ValueError(f"not an editable field: {field}")
        self._document, self._member_id, self._field = document, member_id, field
        member = document.team.member(member_id)
        self._new = ops.checked_value(member, field, value)  # refused here, before the push
        self._old = getattr(member, field)

    def redo(self) -> None:
        self._document.apply_change(ops.set_member_field(self._document.team, self._member_id, self._field,
                                                         self._new))

    def undo(self) -> None:
        ops.put_value(self._document.team.member(self._member_id), self._field, self._old)
        self._document.apply_change(Change.cells(self._member_id, self._field))


class SetCountCommand(QUndoCommand):
    """Change how many cases of one case type a staff member holds."""

    def __init__(self, document: Document, member_id: str, case_type: str, count: int, text: str) -> None:
        super().__init__(text)
        self._document, self._member_id, self._case_type = document, member_id, case_type
        member = document.team.member(member_id)
        self._new = ops.checked_value(member, count_column(case_type), count)
        self._old: int | None = member.counts.get(case_type)  # None: no entry
        # a lower count may drop the person's case-weight split of the type: put back on undo
        self._old_split = ops.current_value(member, ops.levels_column(case_type))

    def redo(self) -> None:
        self._document.apply_change(ops.set_count(self._document.team, self._member_id, self._case_type,
                                                  self._new))

    def undo(self) -> None:
        member = self._document.team.member(self._member_id)
        ops.put_value(member, count_column(self._case_type), self._old)
        ops.put_value(member, ops.levels_column(self._case_type), self._old_split)
        self._document.apply_change(Change.cells(self._member_id, count_column(self._case_type)))


class SetLevelsCommand(QUndoCommand):
    """Split one person's count of one case type by case-weight level (``core/case_weight.py``);
    undo puts back the split before."""

    def __init__(self, document: Document, member_id: str, case_type: str, split: dict[str, int] | None,
                 text: str) -> None:
        super().__init__(text)
        self._document, self._member_id, self._case_type = document, member_id, case_type
        member = document.team.member(member_id)
        self._new = ops.checked_value(member, ops.levels_column(case_type), split)  # refused before the push
        self._old = ops.current_value(member, ops.levels_column(case_type))

    def redo(self) -> None:
        self._document.apply_change(ops.set_levels(self._document.team, self._member_id, self._case_type,
                                                   self._new))

    def undo(self) -> None:
        ops.put_value(self._document.team.member(self._member_id), ops.levels_column(self._case_type), self._old)
        self._document.apply_change(Change.cells(self._member_id, count_column(self._case_type)))


class InsertMembersCommand(QUndoCommand):
    """Add staff members at a position (new, duplicated or pasted rows)."""

    def __init__(self, document: Document, position: int, members: list[StaffMember], text: str) -> None:
        super().__init__(text)
        self._document, self._position, self._members = document, position, list(members)

    def redo(self) -> None:
        self._document.apply_change(ops.insert_members(self._document.team, self._position, self._members))

    def undo(self) -> None:
        self._document.apply_change(ops.remove_members(self._document.team, [m.id for m in self._members]))


class RemoveMembersCommand(QUndoCommand):
    """Remove staff members; undo puts them back where they were."""

    def __init__(self, document: Document, member_ids: list[str], text: str) -> None:
        super().__init__(text)
        self._document = document
        self._removed = ops.members_at(document.team, member_ids)

    def redo(self) -> None:
        self._document.apply_change(ops.remove_members(self._document.team, [m.id for _i, m in self._removed]))

    def undo(self) -> None:
        self._document.apply_change(ops.restore_members(self._document.team, self._removed))


class SetSettingsCommand(QUndoCommand):
    """Change the team's description and settings (also the choice of norm set)."""

    def __init__(self, document: Document, info: TeamInfo, settings: TeamSettings, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._old = (copy.copy(document.team.info), copy.copy(document.team.settings))
        self._new = (copy.copy(info), copy.copy(settings))

    def _set(self, values: tuple[TeamInfo, TeamSettings]) -> None:
        team, (info, settings) = self._document.team, values
        # the case weight through its own operation (checked as the CLI checks it), the rest as before
        change = ops.set_settings(team, info, dataclasses.replace(settings, weighting=team.settings.weighting))
        if settings.weighting != team.settings.weighting:
            change = ops.set_weighting(team, settings.weighting)  # every row, settings changed: as above
        self._document.apply_change(change)

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
        self._document.apply_change(ops.set_norm_sets(self._document.team, norm_sets))

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
        self._document.apply_change(ops.set_competences(self._document.team, self._member_id, *values))

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


class SetCountsCommand(QUndoCommand):
    """Set many case counts at once (a planning proposal): member id -> case type -> count."""

    def __init__(self, document: Document, changes: dict[str, dict[str, int]], text: str,
                 levels: dict[str, dict[str, dict[str, int]]] | None = None) -> None:
        super().__init__(text)
        self._document = document
        self._new = {m: dict(counts) for m, counts in changes.items() if counts}
        # the plan's case-weight splits (new cases at a chosen level), set after the counts
        self._new_levels = {m: {t: dict(s) for t, s in split.items()} for m, split in (levels or {}).items()
                            if m in self._new}
        self._old = {m: {t: document.team.member(m).counts.get(t) for t in counts}  # None: no entry
                     for m, counts in self._new.items()}
        # a lower count may drop a person's case-weight split (core.case_weight.fit_levels): kept for undo
        self._old_levels = {m: {t: dict(s) for t, s in document.team.member(m).levels.items()} for m in self._new}

    def redo(self) -> None:
        team = self._document.team
        change = ops.set_counts(team, self._new)
        for member_id, split in self._new_levels.items():
            member = team.member(member_id)
            member.levels = check_levels(split, member.counts)
        self._document.apply_change(change)

    def undo(self) -> None:
        team = self._document.team
        for member_id, by_type in self._old.items():
            for case_type, count in by_type.items():
                ops.put_value(team.member(member_id), count_column(case_type), count)
            team.member(member_id).levels = {t: dict(s) for t, s in self._old_levels[member_id].items()}
        columns = {count_column(t) for counts in self._old.values() for t in counts}
        self._document.apply_change(Change(frozenset(self._old), frozenset(columns)))


class SetSnapshotsCommand(QUndoCommand):
    """Replace the team's snapshots (take, relabel, delete, import): the history only."""

    def __init__(self, document: Document, snapshots: list[Snapshot], text: str) -> None:
        super().__init__(text)
        self._document = document
        self._old, self._new = list(document.history_team().snapshots), list(snapshots)

    def _set(self, snapshots: list[Snapshot]) -> None:
        self._document.apply_change(ops.set_snapshots(self._document.history_team(), snapshots))

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


class SetFlowsCommand(QUndoCommand):
    """Replace the team's intake and closures per month and case type (the forecast's input);
    kept with the team itself, like its history, also while a scenario is open."""

    def __init__(self, document: Document, flows: list, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._old, self._new = list(document.history_team().flows), list(flows)

    def _set(self, flows: list) -> None:
        self._document.apply_change(ops.set_flows(self._document.history_team(), flows))
        self._document.flows_changed.emit()

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


class ReplaceTeamCommand(QUndoCommand):
    """Swap in a whole team computed by the core (``core.merge.merge_teams``: changes saved by
    others merged in) as one step."""

    def __init__(self, document: Document, new_team: Team, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._old, self._new = document.team, new_team

    def redo(self) -> None:
        self._document.set_team_object(self._new)

    def undo(self) -> None:
        self._document.set_team_object(self._old)


class ImportRowsCommand(QUndoCommand):
    """An import into the open team (``core.operations.import_rows``, as ``sagstal import --into``)
    as one step: the rows are applied to a copy of the team when the command is made (refused
    input raises here, before the push); redo swaps that copy in, undo the team as it was."""

    def __init__(self, document: Document, rows: list[ops.ImportRow], mode: str, present: frozenset[str],
                 full_time_hours: float | None, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._old = document.team
        self._new = document.team.copy()
        self.change = ops.import_rows(self._new, rows, mode, present, full_time_hours)

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
        self._document, self._new_members = document, list(new_members)
        added = {m.id: m for m in self._new_members}
        self._edits = []  # (member id, key, old, new); old of a new member is what it was made with
        self._old_splits = []  # a lower count may drop a case-weight split: (member id, levels key, split)
        for member_id, key, value in edits:
            member = added.get(member_id) or document.team.member(member_id)
            self._edits.append((member_id, key, ops.current_value(member, key), value))
            if key.startswith("count:") and member_id not in added:
                levels_key = ops.levels_column(key.removeprefix("count:"))
                self._old_splits.append((member_id, levels_key, ops.current_value(member, levels_key)))

    def _member(self, member_id: str) -> StaffMember:
        return self._document.team.member(member_id)

    def redo(self) -> None:
        self._change = ops.set_cells(self._document.team, [(m, k, new) for m, k, _old, new in self._edits],
                                     self._new_members)
        self._document.apply_change(self._change)

    def undo(self) -> None:
        for member_id, key, old, _new in reversed(self._edits):
            ops.put_value(self._member(member_id), key, old)
        for member_id, key, split in self._old_splits:
            ops.put_value(self._member(member_id), key, split)
        ids = [m.id for m in self._new_members]
        if ids:
            ops.remove_members(self._document.team, ids)
        self._document.apply_change(self._change)

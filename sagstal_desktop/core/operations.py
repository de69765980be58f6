"""The edits of a team, owned by the core (as Anki's collection operations are): each one
checks its input with ``core.validation``'s parsers, applies it to the ``Team`` and returns the
``Change`` that names what changed. The window's undo commands (``gui/commands.py``) and the
CLI's writing commands (``snapshot``, ``scenario add``, ``distribute/rebalance -o``) make every
edit through these functions, so the two cannot drift. (An import is applied by
``io.importer.ImportPlan.apply``, the one function both the window's import and
``sagstal import --into`` use: reading a spreadsheet belongs to ``io``.)

Refused input raises ``InputError`` (a value), ``KeyError`` (an unknown person),
``ScenarioError`` or ``SnapshotCapError``, and leaves the team as it was.

``put_value`` and ``restore_members`` are the unchecked halves used to undo: they put back a
state the team held before.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sagstal_desktop.core.case_weight import Weighting, check_levels, copy_levels, fit_levels, parse_split
from sagstal_desktop.core.change import ALL, Change, count_column
from sagstal_desktop.core.model import Snapshot, StaffMember, Team, TeamInfo, TeamSettings
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.core.validation import (
    InputError,
    check_length,
    check_name,
    parse_count,
    parse_date,
    parse_hours,
    parse_other_hours,
)

#: StaffMember attributes an edit may change.
MEMBER_FIELDS = ("name", "weekly_hours", "other_hours", "other_tasks", "start_date", "note", "reductions")
#: The columns a competence edit changes.
COMPETENCE_COLUMNS = frozenset({"competences", "takes_new_cases"})
#: Rows added, removed or reordered.
ROWS_CHANGED = Change(ALL, structure_changed=True)


# -- one value -----------------------------------------------------------------------------


def levels_column(case_type: str) -> str:
    """The key of a person's case-weight split of one type: ``"levels:<case type id>"`` (a
    value is level -> n, ``core/case_weight.py``; None or empty: nothing assessed)."""
    return f"levels:{case_type}"


def checked_value(member: StaffMember, key: str, value: Any) -> Any:
    """``value`` as ``member`` would hold it under ``key`` (a field of ``MEMBER_FIELDS``,
    ``count_column(case type)`` or ``levels_column(case type)``; a count of None removes the
    entry), checked as the reader checks a file's value. Raises ``InputError`` (a value) or
    ``ValueError`` (an unknown field)."""
    if key.startswith("count:"):
        return None if value is None else parse_count(value)
    if key.startswith("levels:"):
        if not value:
            return None
        return parse_split(value, member.counts.get(key.removeprefix("levels:"), 0)) or None
    if key not in MEMBER_FIELDS:
        raise ValueError(f"not an editable field: {key}")
    if key == "name":
        return check_name(value)
    if key == "weekly_hours":
        return parse_hours(value)
    if key == "other_hours":
        return parse_other_hours(value)
    if key == "start_date":
        return parse_date(value)
    if key in ("other_tasks", "note"):
        return check_length("" if value is None else str(value), "max_text_length")
    from sagstal_desktop.core.reductions import Reduction

    if not all(isinstance(r, Reduction) for r in value or ()):
        raise ValueError("reductions must be Reduction objects")
    return value


def current_value(member: StaffMember, key: str) -> Any:
    """What ``member`` holds under ``key`` (a field, or a count: None when no entry)."""
    if key.startswith("count:"):
        return member.counts.get(key.removeprefix("count:"))
    if key.startswith("levels:"):
        split = member.levels.get(key.removeprefix("levels:"))
        return dict(split) if split else None
    return getattr(member, key)


def put_value(member: StaffMember, key: str, value: Any) -> None:
    """Put ``value`` under ``key`` unchecked (a count of None removes the entry): the undo half.
    A count that no longer holds the person's split of that type drops the split (its cases
    become not assessed; ``core.case_weight.fit_levels``): undo a count with its split
    (``current_value(member, levels_column(t))`` before, put back after the count)."""
    if key.startswith("count:"):
        case_type = key.removeprefix("count:")
        if value is None:
            member.counts.pop(case_type, None)
        else:
            member.counts[case_type] = value
        if member.levels:
            fit_levels(member.levels, case_type, value)
    elif key.startswith("levels:"):
        case_type = key.removeprefix("levels:")
        if value:
            member.levels[case_type] = dict(value)
        else:
            member.levels.pop(case_type, None)
    else:
        setattr(member, key, value)


def set_member_field(team: Team, member_id: str, field: str, value: Any) -> Change:
    """Set one attribute of one person (``MEMBER_FIELDS``)."""
    if field not in MEMBER_FIELDS:
        raise ValueError(f"not an editable field: {field}")
    member = team.member(member_id)
    put_value(member, field, checked_value(member, field, value))
    return Change.cells(member_id, field)


def set_count(team: Team, member_id: str, case_type: str, count: int | None) -> Change:
    """Set how many cases of ``case_type`` one person holds (None: no entry)."""
    member = team.member(member_id)
    key = count_column(case_type)
    put_value(member, key, checked_value(member, key, count))
    return Change.cells(member_id, key)


def set_levels(team: Team, member_id: str, case_type: str, split: Mapping[str, Any] | None) -> Change:
    """Set how many of one person's cases of ``case_type`` are at each level (level ->
    count as typed; None or empty: none assessed). The sum may not exceed the person's count
    of the type (``InputError`` "levels_over_total"); the rest are not assessed."""
    member = team.member(member_id)
    key = levels_column(case_type)
    put_value(member, key, checked_value(member, key, split))
    return Change.cells(member_id, count_column(case_type))


def set_weighting(team: Team, weighting: Weighting) -> Change:
    """Set the team's case weighting (``core/case_weight.py``): every figure is recomputed."""
    if not isinstance(weighting, Weighting):
        raise ValueError("weighting must be a Weighting")
    check_length(weighting.note, "max_text_length")
    team.settings = dataclasses.replace(team.settings, weighting=weighting)
    return Change(ALL, settings_changed=True)


def set_counts(team: Team, changes: Mapping[str, Mapping[str, int | None]]) -> Change:
    """Set many counts at once (member id -> case type -> count; None removes the entry). All
    are checked before any is set."""
    checked = {member_id: {t: None if n is None else parse_count(n) for t, n in counts.items()}
               for member_id, counts in changes.items() if counts}
    members = {member_id: team.member(member_id) for member_id in checked}
    for member_id, counts in checked.items():
        for case_type, count in counts.items():
            put_value(members[member_id], count_column(case_type), count)
    return Change(frozenset(checked), frozenset(count_column(t) for c in checked.values() for t in c))


def count_changes(before: Team, after: Team) -> dict[str, dict[str, int]]:
    """Member id -> case type -> new count, for every count that differs (a plan's proposal)."""
    old = {m.id: m.counts for m in before.staff}
    changes: dict[str, dict[str, int]] = {}
    for member in after.staff:
        held = old.get(member.id, {})
        differing = {t: n for t, n in member.counts.items() if held.get(t, 0) != n}
        if differing:
            changes[member.id] = differing
    return changes


def level_changes(before: Team, after: Team) -> dict[str, dict[str, dict[str, int]]]:
    """Member id -> the person's whole case-weight split in ``after``, for every person whose
    split differs from ``before``'s (a plan's new cases at a chosen level, moved cases)."""
    old = {m.id: m.levels for m in before.staff}
    return {m.id: copy_levels(m.levels) for m in after.staff if m.id in old and (old[m.id] or {}) != m.levels}


def apply_plan(team: Team, team_after: Team) -> Change:
    """Apply a plan (``PlanOutcome.team_after``, computed from ``team``): its new counts, and
    its case-weight splits (``level_changes``)."""
    levels = level_changes(team, team_after)
    change = set_counts(team, count_changes(team, team_after))
    for member_id, split in levels.items():
        member = team.member(member_id)
        member.levels = check_levels(split, member.counts) if split else {}
    return change


def set_cells(team: Team, edits: Sequence[tuple[str, str, Any]],
              new_members: Sequence[StaffMember] = ()) -> Change:
    """Several cells of several people at once (a paste, a fill down): ``edits`` are (member id,
    field or ``count_column(case type)``, value); ``new_members`` are appended at the end first.
    Every value is checked before anything is set."""
    added = {m.id: m for m in new_members}
    checked = []
    for member_id, key, value in edits:
        member = added.get(member_id) or team.member(member_id)
        checked.append((member, key, checked_value(member, key, value)))
    team.staff.extend(new_members)
    for member, key, value in checked:
        put_value(member, key, value)
    rows = frozenset(m for m, *_ in edits) | frozenset(added)
    return Change(ALL if added else rows, frozenset(k for _, k, _ in edits), structure_changed=bool(added))


# -- people --------------------------------------------------------------------------------


def insert_members(team: Team, position: int, members: Sequence[StaffMember]) -> Change:
    """Add people at ``position`` (new, duplicated or pasted rows). Ids must be new."""
    present = {m.id for m in team.staff}
    ids = [m.id for m in members]
    if len(set(ids)) != len(ids) or present.intersection(ids):
        raise ValueError("a staff member with this id is already on the team")
    for member in members:
        check_name(member.name)
    team.staff[position:position] = list(members)
    return ROWS_CHANGED


def members_at(team: Team, member_ids: Iterable[str]) -> list[tuple[int, StaffMember]]:
    """(position, member) of each of ``member_ids`` on the team, in staff order."""
    wanted = set(member_ids)
    return [(i, m) for i, m in enumerate(team.staff) if m.id in wanted]


def remove_members(team: Team, member_ids: Iterable[str]) -> Change:
    """Remove people by id (unknown ids are ignored)."""
    ids = set(member_ids)
    team.staff[:] = [m for m in team.staff if m.id not in ids]
    return ROWS_CHANGED


def restore_members(team: Team, removed: Sequence[tuple[int, StaffMember]]) -> Change:
    """Put removed people back where they were (``members_at`` before the removal)."""
    for index, member in removed:
        team.staff.insert(index, member)
    return ROWS_CHANGED


def set_competences(team: Team, member_id: str, competences: Sequence[str], takes_new_cases: bool) -> Change:
    """Set the case types and areas one person may take (empty: the default) and whether they
    take new cases (entries: case type ids or ``core.competences.area_entry`` ids)."""
    member = team.member(member_id)
    wanted = tuple(competences)
    for competence in wanted:
        if not isinstance(competence, str) or not competence.strip():
            raise InputError("unknown_competence", str(competence))
        check_length(competence)
    member.competences, member.takes_new_cases = wanted, bool(takes_new_cases)
    return Change(frozenset({member_id}), COMPETENCE_COLUMNS)


# -- the team as a whole -------------------------------------------------------------------


def set_settings(team: Team, info: TeamInfo, settings: TeamSettings) -> Change:
    """Set the team's description and settings (also the choice of norm set)."""
    team.info, team.settings = copy.copy(info), copy.copy(settings)
    return Change(ALL, settings_changed=True)


def set_norm_sets(team: Team, norm_sets: Sequence[NormSet]) -> Change:
    """Replace the team's own norm sets."""
    team.custom_norm_sets = list(norm_sets)
    return Change(ALL, norm_sets_changed=True)


def set_snapshots(team: Team, snapshots: Sequence[Snapshot]) -> Change:
    """Replace the team's snapshots (its history); no staff figure changes."""
    team.snapshots = list(snapshots)
    return Change.history()


def add_snapshots(team: Team, snapshots: Sequence[Snapshot]) -> Change:
    """Add snapshots in date order. Raises ``SnapshotCapError`` (nothing added) if they do not
    all fit under ``max_snapshots``."""
    from sagstal_desktop.core.history import add_snapshot, check_snapshot_room

    check_snapshot_room(team, len(snapshots))
    for snapshot in snapshots:
        add_snapshot(team, snapshot)
    return Change.history()


def add_scenario(team: Team, scenario: Any) -> Change:
    """Add a scenario (``core/scenarios.py``'s ``derive``) to the team's scenarios. Raises
    ``ScenarioError`` for an empty name, one the team has already, or a full file
    (``max_scenarios``), as ``derive`` does."""
    from sagstal_desktop.core.scenarios import new_scenario_name

    name = new_scenario_name(team, scenario.name)
    scenario.name = name
    team.scenarios.append(scenario)
    return Change(frozenset(), frozenset())

"""The edits of a team, owned by the core (as Anki's collection operations are): each one
checks its input with ``core.validation``'s parsers, applies it to the ``Team`` and returns the
``Change`` that names what changed. The window's undo commands (``gui/commands.py``) and the
CLI's writing commands (``snapshot``, ``scenario add``, ``import``, ``distribute/rebalance -o``)
make every edit through these functions, so the two cannot drift. An import is applied by
``import_rows``: ``io/importer.py`` reads and checks the spreadsheet and hands over its rows as
plain data (``ImportRow``).

Refused input raises ``InputError`` (a value), ``KeyError`` (an unknown person),
``ScenarioError`` or ``SnapshotCapError``, and leaves the team as it was.

``put_value`` and ``restore_members`` are the unchecked halves used to undo: they put back a
state the team held before.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sagstal_desktop.core.case_weight import Weighting, check_levels, copy_levels, fit_levels, parse_split
from sagstal_desktop.core.change import ALL, Change, count_column
from sagstal_desktop.core.model import Snapshot, StaffMember, Team, TeamInfo, TeamSettings
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.core.validation import (
    CONTROL_CHARACTERS,
    MAX_COUNT,
    InputError,
    check_length,
    check_name,
    limits,
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


def set_flows(team: Team, flows: Iterable[Any]) -> Change:
    """Replace the team's intake and closures per month and type (``core.flows.Flow``; the
    forecast's input). Raises ``FlowError`` (a month and type twice, more than
    ``max_flow_rows``) and leaves the team as it was; no staff figure changes."""
    from sagstal_desktop.core.flows import Flow, check_flows

    flows = list(flows)
    if not all(isinstance(f, Flow) for f in flows):
        raise ValueError("flows must be Flow objects")
    team.flows = check_flows(flows)
    return Change(frozenset(), frozenset())


def add_scenario(team: Team, scenario: Any) -> Change:
    """Add a scenario (``core/scenarios.py``'s ``derive``) to the team's scenarios. Raises
    ``ScenarioError`` for an empty name, one the team has already, or a full file
    (``max_scenarios``), as ``derive`` does."""
    from sagstal_desktop.core.scenarios import new_scenario_name

    name = new_scenario_name(team, scenario.name)
    scenario.name = name
    team.scenarios.append(scenario)
    return Change(frozenset(), frozenset())


def rename_scenario(team: Team, old: str, name: str) -> Change:
    """Rename scenario ``old`` (and what is based on it). Raises ``ScenarioError`` for an unknown
    scenario, an empty name or one the team has already."""
    from sagstal_desktop.core.scenarios import ScenarioError, find

    name = name.strip()
    find(team, old)
    if name == old:
        return Change(frozenset(), frozenset())
    if not name or any(s.name == name for s in team.scenarios):
        raise ScenarioError(name)
    for scenario in team.scenarios:
        if scenario.name == old:
            scenario.name = name
        elif scenario.based_on == old:
            scenario.based_on = name
    return Change(frozenset(), frozenset())


def remove_scenario(team: Team, name: str) -> Change:
    """Remove scenario ``name`` (an unknown name: nothing changes)."""
    team.scenarios = [s for s in team.scenarios if s.name != name]
    return Change(frozenset(), frozenset())


def set_scenario_absences(team: Team, name: str, absences: Sequence[Any], redistribute: bool,
                          positions_take_cases: bool | None = None) -> Change:
    """Replace scenario ``name``'s absences and its rules (whether absent colleagues' cases are
    redistributed; whether added positions take cases, None: unchanged)."""
    from sagstal_desktop.core.scenario_model import Absence
    from sagstal_desktop.core.scenarios import find

    if not all(isinstance(a, Absence) for a in absences):
        raise ValueError("absences must be Absence objects")
    scenario = find(team, name)
    scenario.absences, scenario.redistribute = list(absences), bool(redistribute)
    if positions_take_cases is not None:
        scenario.positions_take_cases = bool(positions_take_cases)
    return Change(frozenset(), frozenset())


# -- an import -----------------------------------------------------------------------------

#: How an import meets the team: ``MERGE`` (matched people get the file's non-empty cells, their
#: other counts are kept; new people are added), ``REPLACE_COUNTS`` (as MERGE, but a matched
#: person's counts are the file's), ``REPLACE_TEAM`` (the staff becomes the file's rows; matched
#: people keep their id; people not in the file are removed).
MERGE, REPLACE_COUNTS, REPLACE_TEAM = "merge", "replace_counts", "replace_team"
IMPORT_MODES = (MERGE, REPLACE_COUNTS, REPLACE_TEAM)
#: The StaffMember fields an imported row may set, and what a present but empty column resets to
#: when a matched person's values are replaced.
IMPORT_FIELDS = ("weekly_hours", "other_hours", "other_tasks", "start_date", "note", "competences",
                 "takes_new_cases")
_IMPORTABLE = frozenset(IMPORT_FIELDS)
_IMPORT_RESETS = {"other_hours": 0.0, "other_tasks": "", "start_date": None, "note": "", "competences": (),
                  "takes_new_cases": True}


def name_key(name: str) -> str:
    """How an import matches names: case-insensitive, spaces collapsed."""
    return " ".join(name.split()).casefold()


@dataclass
class ImportRow:
    """One valid row of a read spreadsheet: the values of its non-empty cells."""

    row: int
    name: str
    values: dict[str, Any] = field(default_factory=dict)  # field (IMPORT_FIELDS) -> parsed value
    counts: dict[str, int] = field(default_factory=dict)  # case type -> count (non-empty cells only)
    #: case weight: case type -> level -> n (non-empty level cells only; ``core/case_weight.py``)
    levels: dict[str, dict[str, int]] = field(default_factory=dict)


#: How a spreadsheet's level column is named among the import's targets: "level:<level>:<type>".
LEVEL_TARGET_PREFIX = "level:"


def level_target(case_type: str, level: str) -> str:
    """The import target of the column holding ``case_type``'s cases at ``level``."""
    return f"{LEVEL_TARGET_PREFIX}{level}:{case_type}"


def level_of_target(target: str | None) -> tuple[str, str] | None:
    """(case type, level) of a level target, else None."""
    if target and target.startswith(LEVEL_TARGET_PREFIX):
        level, _sep, case_type = target[len(LEVEL_TARGET_PREFIX):].partition(":")
        return case_type, level
    return None


def _check_import_rows(rows: Sequence[ImportRow]) -> list[str]:
    """The rows' name keys, after checking every row as ``import_rows`` says (in bulk: an import
    has up to 100,000 rows, each already parsed by the reader; one by one only to name a fault)."""
    names = [row.name for row in rows]
    limit = int(limits()["max_name_length"])
    if names and (not set(map(type, names)) <= {str} or max(map(len, names)) > limit
                  or not all(map(str.strip, names)) or CONTROL_CHARACTERS.search("".join(names))):
        for name in names:
            check_name(name)
    if not all(map(_IMPORTABLE.issuperset, (row.values for row in rows))):
        fields = next(row.values.keys() - _IMPORTABLE for row in rows if not _IMPORTABLE.issuperset(row.values))
        raise ValueError(f"not an importable field: {sorted(fields)[0]}")
    counts = [n for row in rows for n in row.counts.values()]
    if counts and (not set(map(type, counts)) <= {int} or min(counts) < 0 or max(counts) > MAX_COUNT):
        for count in counts:
            if parse_count(count) != count or type(count) is not int:
                raise ValueError(f"an imported count must be a whole number from 0 to {MAX_COUNT}")
    keys = [name_key(name) for name in names]
    if len(set(keys)) != len(keys):
        seen: set[str] = set()
        twice = next(name for name, key in zip(names, keys, strict=True) if key in seen or seen.add(key))
        raise ValueError(f"the name {twice!r} is imported twice")
    return keys


def import_rows(team: Team, rows: Sequence[ImportRow], mode: str = MERGE,
                present: Iterable[str] = (), full_time_hours: float | None = None) -> Change:
    """Apply the rows of a read spreadsheet to ``team`` in ``mode`` (``IMPORT_MODES``).
    ``present``: the fields the file has a column for (with ``REPLACE_*`` a matched person's
    value of a present but empty column is reset); ``full_time_hours``: a new person's weekly
    hours when the file gives none (default: the team's norm set's). Everything is checked before
    anything changes: an unknown mode or field, an empty or repeated name or a count that is not a
    whole number raises (``InputError`` or ``ValueError``) and leaves the team as it was."""
    if mode not in IMPORT_MODES:
        raise ValueError(f"unknown mode {mode!r}")
    keys = _check_import_rows(rows)
    hours = team.norm_set().full_time_hours if full_time_hours is None else full_time_hours
    present = frozenset(present)
    by_key: dict[str, StaffMember] = {}
    for person in team.staff:
        by_key.setdefault(name_key(person.name), person)
    new_staff: list[StaffMember] = []
    for row, key in zip(rows, keys, strict=True):
        person = by_key.get(key)
        if person is None:
            new_staff.append(_imported_member(row, hours))
            continue
        _update_imported(person, row, present, replace=mode != MERGE)
        if mode == REPLACE_TEAM:
            new_staff.append(person)
    team.staff = new_staff if mode == REPLACE_TEAM else team.staff + new_staff
    return ROWS_CHANGED


def _imported_member(row: ImportRow, full_time_hours: float) -> StaffMember:
    values = row.values
    return StaffMember(
        name=row.name,
        weekly_hours=values.get("weekly_hours", full_time_hours),  # full time if no column
        other_hours=values.get("other_hours", 0.0),
        other_tasks=values.get("other_tasks", ""),
        start_date=values.get("start_date"),
        counts=dict(row.counts),
        note=values.get("note", ""),
        competences=values.get("competences", ()),
        takes_new_cases=values.get("takes_new_cases", True),
        levels={t: dict(split) for t, split in row.levels.items()},
    )


def _update_imported(person: StaffMember, row: ImportRow, present: frozenset[str], replace: bool) -> None:
    # a matched person keeps the name as written in the team (the file may differ in case/spaces)
    for target in IMPORT_FIELDS:
        if target in row.values:
            setattr(person, target, row.values[target])
        elif replace and target in present and target in _IMPORT_RESETS:
            setattr(person, target, _IMPORT_RESETS[target])
    if replace:
        person.counts = dict(row.counts)
    else:
        person.counts = {**person.counts, **row.counts}
    # case weight: a type with level columns in the file takes the file's split (none: not
    # assessed); otherwise the person's split is kept as far as it fits the new count
    level_types = {t for t, _level in filter(None, map(level_of_target, present))}
    levels = {t: dict(split) for t, split in person.levels.items()}
    for case_type in list(levels):
        if case_type in level_types and case_type in row.counts:
            del levels[case_type]
        else:
            fit_levels(levels, case_type, person.counts.get(case_type))
    for case_type, split in row.levels.items():
        levels[case_type] = dict(split)
    person.levels = levels

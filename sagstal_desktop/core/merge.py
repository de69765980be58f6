"""Three-way merge of a team: what I opened (``base``), what I have now (``mine``) and what is
on disk now (``theirs``, saved meanwhile by someone else or a ``sagstal`` command).

Every part is merged on its own, and a change on one side only is taken:

* snapshots (identified by their content: date, label and figures) and scenarios (by name):
  the ones the other writer added are kept beside mine, the ones removed on one side and
  untouched on the other go;
* staff by id, and within a person each field and each case count on its own (a "cell");
  people added on either side are kept;
* the team's description and settings field by field; the own norm sets by id; intake and
  closures by month and case type.

When both sides changed the same cell, person, scenario, norm set or setting differently,
that is a ``Conflict``: it is listed, never resolved silently. ``merge_teams`` takes the side
``prefer`` names for them (mine by default) so that a result exists; the window shows the
list first and lets the user choose.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any

from sagstal_desktop.core.case_weight import fit_levels
from sagstal_desktop.core.model import Snapshot, StaffMember, Team, TeamInfo, TeamSettings

#: The fields of a person merged one by one (``counts`` are merged per case type).
MEMBER_FIELDS = ("name", "weekly_hours", "other_hours", "other_tasks", "start_date", "note", "competences",
                 "takes_new_cases", "reductions")

MINE, THEIRS = "mine", "theirs"


@dataclass(frozen=True)
class Conflict:
    """Both sides changed one thing differently. ``kind``: "cell" (a person's field or a case
    count: ``field`` is the field name or "count:<case type>"), "person" (removed on one side,
    changed on the other), "scenario", "norm_set", "flow" (a month and case type of intake and
    closures: ``label`` "YYYY-MM type", values (new, closed)), "info" or "settings" (``field`` names it).
    ``label`` is the person's or scenario's name; ``mine`` / ``theirs`` the two values (None:
    removed)."""

    kind: str
    key: str
    label: str
    field: str
    mine: Any
    theirs: Any


@dataclass
class MergeResult:
    """The merged team, the conflicts, and what the other side brought in (for a message)."""

    team: Team
    conflicts: list[Conflict] = field(default_factory=list)
    snapshots_added: int = 0
    scenarios_added: int = 0
    changes_taken: int = 0  # cells, people, scenarios and settings taken from the other side


def _pick(base: Any, mine: Any, theirs: Any) -> tuple[str | None, bool]:
    """Which side a three-way choice takes ("mine", "theirs") and whether it is a conflict."""
    if mine == theirs or theirs == base:
        return MINE, False
    if mine == base:
        return THEIRS, False
    return None, True


def _snapshot_key(s: Snapshot) -> str:
    return json.dumps([s.taken_at.isoformat(), s.label, s.data], sort_keys=True, ensure_ascii=False, default=str)


def _merge_snapshots(base: Team, mine: Team, theirs: Team, result: MergeResult) -> list[Snapshot]:
    """Multiset merge: a snapshot is kept (mine + theirs - base) times (the same number when
    both sides agree); mine keep their order, the other side's new ones go in date order."""
    from sagstal_desktop.core.history import add_snapshot

    b, m, t = (Counter(_snapshot_key(s) for s in x.snapshots) for x in (base, mine, theirs))
    target = {k: m[k] if m[k] == t[k] else max(0, m[k] + t[k] - b[k]) for k in m | t}
    kept: Counter[str] = Counter()
    merged = Team(snapshots=[])
    for s in mine.snapshots:
        key = _snapshot_key(s)
        if kept[key] < target[key]:
            kept[key] += 1
            merged.snapshots.append(s)
    for s in theirs.snapshots:
        key = _snapshot_key(s)
        if kept[key] < target[key]:
            kept[key] += 1
            add_snapshot(merged, Snapshot(s.taken_at, s.label, s.data, None))
            result.snapshots_added += 1
    return merged.snapshots


def _merge_objects(kind: str, base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any],
                   order_mine: list[str], order_theirs: list[str], result: MergeResult, prefer: str,
                   added_counter: str | None = None) -> list[tuple[str, str]]:
    """Three-way merge of whole objects by key (compared by value, None: absent). Returns
    (key, side) in the merged order: mine's order, then the other side's new keys in theirs."""
    out: list[tuple[str, str]] = []
    for key in [*order_mine, *(k for k in order_theirs if k not in mine)]:
        b, m, t = base.get(key), mine.get(key), theirs.get(key)
        side, conflict = _pick(b, m, t)
        if conflict:
            result.conflicts.append(Conflict(kind, key, key, "", m, t))
            side = prefer
        if side == THEIRS and m != t:
            result.changes_taken += 1
            if added_counter and b is None and m is None:
                setattr(result, added_counter, getattr(result, added_counter) + 1)
        if (mine if side == MINE else theirs).get(key) is not None:
            out.append((key, side))
    return out


def _member_values(member: StaffMember) -> dict[str, Any]:
    values = {name: getattr(member, name) for name in MEMBER_FIELDS}
    values.update({f"count:{t}": n for t, n in member.counts.items()})
    values.update({f"levels:{t}": split for t, split in member.levels.items()})  # case weight
    return values


def _merge_member(base: StaffMember, mine: StaffMember, theirs: StaffMember, result: MergeResult,
                  prefer: str) -> StaffMember:
    b, m, t = _member_values(base), _member_values(mine), _member_values(theirs)
    merged = _copy_member(mine)
    merged.counts = {}
    merged.levels = {}
    keys = [*m, *(k for k in t if k not in m)]
    for key in keys:
        side, conflict = _pick(b.get(key), m.get(key), t.get(key))
        if conflict:
            result.conflicts.append(Conflict("cell", mine.id, mine.name, key, m.get(key), t.get(key)))
            side = prefer
        if side == THEIRS and m.get(key) != t.get(key):
            result.changes_taken += 1
        value = (m if side == MINE else t).get(key)
        if key.startswith("count:"):
            if value is not None:
                merged.counts[key[len("count:"):]] = value
        elif key.startswith("levels:"):
            if value:
                merged.levels[key[len("levels:"):]] = dict(value)
        else:
            setattr(merged, key, value)
    for case_type in list(merged.levels):  # a split taken from one side must fit the count taken
        fit_levels(merged.levels, case_type, merged.counts.get(case_type))
    return merged


def _copy_member(member: StaffMember) -> StaffMember:
    import copy

    clone = copy.copy(member)
    clone.counts = dict(member.counts)
    clone.levels = {t: dict(split) for t, split in member.levels.items()}
    return clone


def _merge_staff(base: Team, mine: Team, theirs: Team, result: MergeResult, prefer: str) -> list[StaffMember]:
    b = {p.id: p for p in base.staff}
    m = {p.id: p for p in mine.staff}
    t = {p.id: p for p in theirs.staff}
    out: list[StaffMember] = []
    order = [*m, *(k for k in t if k not in m)]
    for pid in order:
        bp, mp, tp = b.get(pid), m.get(pid), t.get(pid)
        if mp is not None and tp is not None:
            out.append(_merge_member(bp, mp, tp, result, prefer) if bp is not None else
                       _merge_member(mp, mp, tp, result, prefer))
            continue
        present = mp if mp is not None else tp
        if bp is None:  # added on one side
            if mp is None:
                result.changes_taken += 1
            out.append(_copy_member(present))
            continue
        # removed on one side: fine if the other side left the person as they were
        if _member_values(present) == _member_values(bp):
            if mp is not None:
                result.changes_taken += 1  # their removal taken
            continue
        result.conflicts.append(Conflict("person", pid, present.name, "", mp.name if mp is not None else None,
                                         tp.name if tp is not None else None))
        if (prefer == MINE and mp is not None) or (prefer == THEIRS and tp is not None):
            out.append(_copy_member(present))
    return out


def _merge_fields(kind: str, cls: type, base: Any, mine: Any, theirs: Any, result: MergeResult,
                  prefer: str) -> Any:
    b, m, t = ({f.name: getattr(x, f.name) for f in fields(cls)} for x in (base, mine, theirs))
    values = {}
    for f in fields(cls):
        side, conflict = _pick(b[f.name], m[f.name], t[f.name])
        if conflict and f.compare:
            result.conflicts.append(Conflict(kind, f.name, f.name, f.name, m[f.name], t[f.name]))
            side = prefer
        elif conflict:
            side = MINE  # not a choice a person makes (e.g. the anonymisation salt)
        if side == THEIRS and m[f.name] != t[f.name]:
            result.changes_taken += 1
        values[f.name] = (m if side == MINE else t)[f.name]
    return cls(**values)


def merge_teams(base: Team, mine: Team, theirs: Team, prefer: str = MINE) -> MergeResult:
    """Merge ``mine`` and ``theirs``, both changed from ``base``. Conflicts take ``prefer``'s
    side and are listed in the result. The three teams are not changed."""
    if prefer not in (MINE, THEIRS):
        raise ValueError(prefer)
    result = MergeResult(Team())
    team = result.team
    team.info = _merge_fields("info", TeamInfo, base.info, mine.info, theirs.info, result, prefer)
    team.settings = _merge_fields("settings", TeamSettings, base.settings, mine.settings, theirs.settings,
                                  result, prefer)
    team.staff = _merge_staff(base, mine, theirs, result, prefer)
    sets = [{s.id: s for s in x.custom_norm_sets} for x in (base, mine, theirs)]
    keyed = [{k: json.dumps(v.to_dict(), sort_keys=True, default=str) for k, v in d.items()} for d in sets]
    team.custom_norm_sets = [(sets[1] if side == MINE else sets[2])[key] for key, side in _merge_objects(
        "norm_set", *keyed, list(sets[1]), list(sets[2]), result, prefer)]
    team.snapshots = _merge_snapshots(base, mine, theirs, result)
    scen = [{s.name: s for s in x.scenarios} for x in (base, mine, theirs)]
    keyed = [{k: json.dumps(v.to_dict(), sort_keys=True, default=str) for k, v in d.items()} for d in scen]
    team.scenarios = [(scen[1] if side == MINE else scen[2])[key].copy() for key, side in _merge_objects(
        "scenario", *keyed, list(scen[1]), list(scen[2]), result, prefer, "scenarios_added")]
    # intake and closures (the forecast's input) by month and case type, compared by their figures
    flows = [{f"{f.month:%Y-%m} {f.case_type}": f for f in x.flows} for x in (base, mine, theirs)]
    keyed = [{k: (f.new, f.closed) for k, f in d.items()} for d in flows]
    team.flows = [(flows[1] if side == MINE else flows[2])[key] for key, side in _merge_objects(
        "flow", *keyed, list(flows[1]), list(flows[2]), result, prefer)]
    return result

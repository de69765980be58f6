"""Dated snapshots of a team: what the caseload was, and what it showed, on a given day.

A snapshot's ``data`` (JSON in the team file) holds

* ``as_of``: the day the snapshot describes (its date in the history);
* ``origin``: ``"taken"`` (in the program), ``"file"`` (an older copy of the team file) or
  ``"table"`` (a row of a spreadsheet of dated team figures), and ``source_file`` for imports;
* ``inputs``: the team's inputs on that day (not for spreadsheet rows, which hold figures only);
* ``norm_set``: the whole norm set measured against (its ranges), so an old snapshot reads the
  same after the norm sets change; older snapshots without it fall back to the set's id;
* ``figures``: the key figures computed then (``summarize``), stored as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.model import Snapshot, Team
from sagstal_desktop.core.norms import NormError, NormSet, find_norm_set
from sagstal_desktop.core.serialize import info_from_dict, member_from_dict, settings_from_dict, team_inputs
from sagstal_desktop.i18n import N_, tr

#: The version of the snapshot data written here (1: figures and inputs only).
SNAPSHOT_FORMAT = 2
ORIGINS = ("taken", "file", "table")


@dataclass(frozen=True)
class SnapshotFigures:
    """The key figures a snapshot records (FTE = full-time casework positions)."""

    staff: int | None  # None: not given (a spreadsheet row without it)
    cases: int | None
    available_fte: float
    fte_needed_max: float
    fte_needed_min: float
    fte_needed_mid: float | None
    over_count: int | None
    average_fte_caseload: float | None


def make_snapshot(team: Team, label: str = "", as_of: date | None = None, taken_at: datetime | None = None,
                  norm_set: NormSet | None = None, origin: str = "taken", source_file: str = "") -> Snapshot:
    """A snapshot of ``team`` on ``as_of`` (default today) against ``norm_set`` (default the
    team's); the team is not changed."""
    if origin not in ORIGINS:
        raise ValueError(f"unknown snapshot origin {origin!r}")
    as_of = as_of or date.today()
    norm_set = norm_set or team.norm_set()
    summary = summarize(team, as_of, norm_set)
    figures = {
        "as_of": as_of.isoformat(),
        "norm_set": summary.norm_set_id,
        "staff": summary.staff_count,
        "cases": summary.total_cases,
        "available_fte": summary.available_fte,
        "fte_needed_max": summary.fte_needed_max,
        "fte_needed_mid": summary.fte_needed_mid,
        "fte_needed_min": summary.fte_needed_min,
        "over": summary.over_count,
        "average_fte_caseload": summary.average_fte_caseload,
    }
    if summary.weighted:  # the case weighting the figures were measured with (absent: off)
        figures["weighting"] = summary.weighting.to_dict()
    data: dict[str, Any] = {
        "format": SNAPSHOT_FORMAT,
        "as_of": as_of.isoformat(),
        "origin": origin,
        "inputs": team_inputs(team),
        "norm_set": norm_set.to_dict(),
        "figures": figures,
    }
    if source_file:
        data["source_file"] = source_file
    return Snapshot(taken_at=(taken_at or datetime.now()).replace(microsecond=0), label=label, data=data)


def take_snapshot(team: Team, label: str = "", as_of: date | None = None,
                  taken_at: datetime | None = None) -> Snapshot:
    """Record the team's inputs and key figures now; appended to ``team.snapshots``."""
    snapshot = make_snapshot(team, label, as_of, taken_at)
    check_snapshot_room(team)
    team.snapshots.append(snapshot)
    return snapshot


def figures_snapshot(as_of: date, figures: SnapshotFigures, label: str = "", norm_set: NormSet | None = None,
                     source_file: str = "", taken_at: datetime | None = None) -> Snapshot:
    """A snapshot of figures only (a row of a spreadsheet of dated team figures)."""
    data: dict[str, Any] = {
        "format": SNAPSHOT_FORMAT,
        "as_of": as_of.isoformat(),
        "origin": "table",
        "figures": {
            "as_of": as_of.isoformat(),
            "norm_set": norm_set.id if norm_set else None,
            "staff": figures.staff,
            "cases": figures.cases,
            "available_fte": figures.available_fte,
            "fte_needed_max": figures.fte_needed_max,
            "fte_needed_mid": figures.fte_needed_mid,
            "fte_needed_min": figures.fte_needed_min,
            "over": figures.over_count,
            "average_fte_caseload": figures.average_fte_caseload,
        },
    }
    if norm_set is not None:
        data["norm_set"] = norm_set.to_dict()
    if source_file:
        data["source_file"] = source_file
    return Snapshot(taken_at=(taken_at or datetime.now()).replace(microsecond=0), label=label, data=data)


# -- reading a snapshot ---------------------------------------------------------------------


def snapshot_date(snapshot: Snapshot) -> date:
    """The day the snapshot describes (older snapshots: the day it was taken)."""
    text = snapshot.data.get("as_of") or snapshot.data.get("figures", {}).get("as_of")
    return date.fromisoformat(text) if text else snapshot.taken_at.date()


def snapshot_origin(snapshot: Snapshot) -> str:
    return str(snapshot.data.get("origin") or "taken")


def snapshot_norm_set(snapshot: Snapshot, custom: list[NormSet] | tuple[NormSet, ...] = ()) -> NormSet | None:
    """The norm set the snapshot was measured against: the stored copy, else (older snapshots)
    the set with the stored id; None if neither is there."""
    stored = snapshot.data.get("norm_set")
    if isinstance(stored, dict):
        try:
            return NormSet.from_dict(stored)
        except NormError:
            pass
    set_id = snapshot.data.get("figures", {}).get("norm_set")
    if not set_id:
        return None
    try:
        return find_norm_set(str(set_id), custom)
    except KeyError:
        return None


def snapshot_team(snapshot: Snapshot) -> Team | None:
    """The team as it was when the snapshot was taken (None for a figures-only snapshot)."""
    inputs = snapshot.data.get("inputs")
    if not isinstance(inputs, dict):
        return None
    return Team(
        info=info_from_dict(inputs.get("info", {})),
        settings=settings_from_dict(inputs.get("settings", {})),
        staff=[member_from_dict(m) for m in inputs.get("staff", [])],
    )


def snapshot_staff(snapshot: Snapshot) -> list:
    """The staff as they were when the snapshot was taken."""
    return [member_from_dict(m) for m in snapshot.data.get("inputs", {}).get("staff", [])]


def snapshot_figures(snapshot: Snapshot) -> SnapshotFigures:
    """The figures as recorded (never recomputed: they read the same after norm sets change)."""
    f = snapshot.data.get("figures", {})

    def opt(key: str, kind: type) -> Any:
        value = f.get(key)
        return None if value is None else kind(value)

    return SnapshotFigures(
        staff=opt("staff", int),
        cases=opt("cases", int),
        available_fte=float(f.get("available_fte") or 0.0),
        fte_needed_max=float(f.get("fte_needed_max") or 0.0),
        fte_needed_min=float(f.get("fte_needed_min") or 0.0),
        fte_needed_mid=opt("fte_needed_mid", float),
        over_count=opt("over", int),
        average_fte_caseload=opt("average_fte_caseload", float),
    )


# -- the team's list of snapshots ----------------------------------------------------------


def ordered_positions(team: Team) -> list[int]:
    """Positions in ``team.snapshots`` in date order (then by when they were taken)."""
    return sorted(range(len(team.snapshots)),
                  key=lambda i: (snapshot_date(team.snapshots[i]), team.snapshots[i].taken_at, i))


def ordered_snapshots(team: Team) -> list[Snapshot]:
    """The team's snapshots in date order."""
    return [team.snapshots[i] for i in ordered_positions(team)]


class SnapshotCapError(ValueError):
    """The team file holds ``max_snapshots`` snapshots already (resources/defaults.json)."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        super().__init__(self.message("en"))

    def message(self, lang: str = "da") -> str:
        return tr(N_("A team file holds at most {cap} snapshots; delete older ones first."), lang).format(
            cap=format_number(self.cap, 0, lang))


def snapshot_room(team: Team) -> int:
    """How many more snapshots the team file can hold (``max_snapshots``)."""
    from sagstal_desktop.core.validation import limits

    return max(0, int(limits()["max_snapshots"]) - len(team.snapshots))


def check_snapshot_room(team: Team, adding: int = 1) -> None:
    """Raise ``SnapshotCapError`` if ``adding`` more snapshots would pass ``max_snapshots``."""
    if adding > snapshot_room(team):
        from sagstal_desktop.core.validation import limits

        raise SnapshotCapError(int(limits()["max_snapshots"]))


def add_snapshot(team: Team, snapshot: Snapshot) -> int:
    """Insert ``snapshot`` in date order; returns its position in ``team.snapshots``. Raises
    ``SnapshotCapError`` if the file holds ``max_snapshots`` already."""
    check_snapshot_room(team)
    day = snapshot_date(snapshot)
    position = len(team.snapshots)
    for i, other in enumerate(team.snapshots):
        if snapshot_date(other) > day:
            position = i
            break
    team.snapshots.insert(position, snapshot)
    return position


def delete_snapshot(team: Team, position: int) -> Snapshot:
    """Remove the snapshot at ``position`` in ``team.snapshots`` and return it."""
    return team.snapshots.pop(position)


def relabel_snapshot(team: Team, position: int, label: str) -> None:
    """Give the snapshot at ``position`` a new label (its figures stay as they are)."""
    team.snapshots[position].label = label.strip()


def snapshot_due(team: Team, today: date) -> bool:
    """True when no snapshot describes ``today``'s month: the month has changed since the last
    one (or there is none), so saving the team is a good moment to take one."""
    return not any((d.year, d.month) == (today.year, today.month)
                   for d in (snapshot_date(s) for s in team.snapshots))


def morning_of(day: date) -> datetime:
    """A snapshot's ``taken_at`` for a day given without a time (imports, the demo)."""
    return datetime.combine(day, time(9, 0))

"""The department overview as rows to show: one per team, or anonymised (issue 26, items 5-6).

Pure Python; the window's table (``gui/models/department_model.py``) and the department memo
(``report/department_memo.py``) both show these rows, so they show the same figures, the ones of
``core.department`` (and ``department_json``).

Anonymised (``anonymise=True``): team-level figures only, for the counted teams (a copy of a
file is left out: it is counted once already), and every team with fewer than k staff (k =
``core.anonymise.min_staff()``, the threshold of the anonymised team memo) merged into one row
"øvrige teams" (other teams). When the merged teams hold fewer than k staff together, the
smallest of the other teams are merged with them until the row holds at least k (or every team
is in it), so that no row describes fewer than k persons. No file names, dates or person names.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sagstal_desktop.core.anonymise import min_staff
from sagstal_desktop.core.department import LEVELS, Department, TeamRow, team_load
from sagstal_desktop.i18n import N_, tr

OTHER_TEAMS = N_("other teams")


@dataclass(frozen=True)
class OverviewRow:
    """One row of the overview: a team, the merged small teams, or the total."""

    name: str
    files: tuple[str, ...]
    teams: int
    staff: int
    cases: int
    fte_needed: dict[str, float]
    available_fte: float
    shortfall_fte: dict[str, float]
    over_count: int
    known_status_count: int
    within_or_below_count: int
    free_fte: float
    free_cases: float
    sustained_teams: int
    counted: bool = True
    merged: bool = False
    copy_of: str | None = None
    open_for_editing: bool = False

    @property
    def load_max(self) -> float | None:
        return team_load(self.fte_needed["max"], self.available_fte)

    @property
    def share_within_max(self) -> float | None:
        return self.within_or_below_count / self.known_status_count if self.known_status_count else None

    @property
    def file(self) -> str | None:
        """The team's file (None for a merged row)."""
        return self.files[0] if len(self.files) == 1 and not self.merged else None


def team_row(row: TeamRow) -> OverviewRow:
    sm = row.summary
    return OverviewRow(
        name=row.display_name, files=(row.file,), teams=1, staff=row.staff, cases=row.cases,
        fte_needed={lvl: row.fte_needed(lvl) for lvl in LEVELS}, available_fte=row.available_fte,
        shortfall_fte={lvl: row.shortfall(lvl) for lvl in LEVELS}, over_count=row.over_count,
        known_status_count=sm.below_count + sm.within_count + sm.over_count,
        within_or_below_count=sm.below_count + sm.within_count, free_fte=row.free_fte,
        free_cases=row.free_cases or 0.0, sustained_teams=int(row.sustained_overload), counted=row.counted,
        copy_of=row.copy_of, open_for_editing=row.locked_by is not None)


def merge_rows(name: str, rows: Sequence[OverviewRow], merged: bool = True) -> OverviewRow:
    """``rows`` summed into one row called ``name``."""
    return OverviewRow(
        name=name, files=tuple(f for r in rows for f in r.files), teams=sum(r.teams for r in rows),
        staff=sum(r.staff for r in rows), cases=sum(r.cases for r in rows),
        fte_needed={lvl: math.fsum(r.fte_needed[lvl] for r in rows) for lvl in LEVELS},
        available_fte=math.fsum(r.available_fte for r in rows),
        shortfall_fte={lvl: math.fsum(r.shortfall_fte[lvl] for r in rows) for lvl in LEVELS},
        over_count=sum(r.over_count for r in rows), known_status_count=sum(r.known_status_count for r in rows),
        within_or_below_count=sum(r.within_or_below_count for r in rows),
        free_fte=math.fsum(r.free_fte for r in rows), free_cases=math.fsum(r.free_cases for r in rows),
        sustained_teams=sum(r.sustained_teams for r in rows), merged=merged)


def small_team_groups(rows: Sequence[OverviewRow]) -> tuple[list[OverviewRow], list[OverviewRow]]:
    """(rows kept, rows merged): the teams under k staff merged, grown to k staff from the
    smallest of the others (see the module docstring)."""
    k = min_staff()
    kept = [r for r in rows if r.staff >= k]
    small = [r for r in rows if r.staff < k]
    if small:
        kept.sort(key=lambda r: r.staff)
        while kept and sum(r.staff for r in small) < k:
            small.append(kept.pop(0))
        order = {id(r): i for i, r in enumerate(rows)}
        kept.sort(key=lambda r: order[id(r)])
    return kept, small


def overview_rows(department: Department, anonymise: bool = False, lang: str = "da") -> list[OverviewRow]:
    """The rows to show: every team file read (copies marked ``counted`` False), or anonymised."""
    rows = [team_row(row) for row in department.teams]
    if not anonymise:
        return rows
    kept, small = small_team_groups([r for r in rows if r.counted])
    if small:
        kept.append(merge_rows(tr(OTHER_TEAMS, lang), small))
    return kept


def total_row(department: Department, name: str) -> OverviewRow:
    """The total of the counted teams (``core.department.Totals``) as a row."""
    total = department.totals
    return OverviewRow(
        name=name, files=(), teams=total.teams, staff=total.staff, cases=total.cases,
        fte_needed=dict(total.fte_needed), available_fte=total.available_fte,
        shortfall_fte=dict(total.shortfall_fte), over_count=total.over_count,
        known_status_count=total.known_status_count, within_or_below_count=total.within_or_below_count,
        free_fte=total.free_fte, free_cases=total.free_cases, sustained_teams=total.sustained_overload_teams,
        merged=True)


@dataclass(frozen=True)
class PositionRow:
    """One row of the positions answer (a team, or the merged small teams when anonymised)."""

    name: str
    load_before: float | None
    extra_fte: float
    load_after: float | None
    proportional_fte: float
    load_after_proportional: float | None


def position_rows(department: Department, plan, anonymise: bool = False, lang: str = "da") -> list[PositionRow]:
    """The plan's shares (``core.planning.positions.PositionPlan``) as rows; anonymised, the
    shares of the merged teams summed and their loads those of the merged row."""
    rows = [PositionRow(s.team_name, s.load_before, s.extra_fte, s.load_after, s.proportional_fte,
                        s.load_after_proportional) for s in plan.shares]
    if not anonymise:
        return rows
    overview = [team_row(row) for row in department.counted_teams]
    _kept, small = small_team_groups(overview)
    merged_files = {f for r in small for f in r.files}
    if not merged_files:
        return rows
    out = [r for r, s in zip(rows, plan.shares, strict=True) if s.file not in merged_files]
    shares = [s for s in plan.shares if s.file in merged_files]
    need = math.fsum(r.fte_needed["max"] for r in small)
    available = math.fsum(r.available_fte for r in small)
    extra = math.fsum(s.extra_fte for s in shares)
    prop = math.fsum(s.proportional_fte for s in shares)

    def load(more: float) -> float | None:
        if need <= 0:
            return 0.0
        return team_load(need, available + more)

    out.append(PositionRow(tr(OTHER_TEAMS, lang), load(0.0), extra, load(extra), prop, load(prop)))
    return out

"""The team's development over time: one row of key figures per snapshot, in date order.

The figures are those each snapshot recorded (the app's own calculation on the team's inputs
on that day, against the norm ranges stored with it); nothing is recomputed against today's
norm sets.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sagstal_desktop.core.history import (
    ordered_snapshots,
    snapshot_date,
    snapshot_figures,
    snapshot_norm_set,
    snapshot_origin,
)
from sagstal_desktop.core.model import Team
from sagstal_desktop.i18n import N_, tr

#: How many snapshots the memo shows when no period is chosen.
DEFAULT_LAST = 12


@dataclass(frozen=True)
class TrendRow:
    """One snapshot's key figures (FTE = full-time casework positions of 37 h)."""

    date: date
    label: str
    norm_set: str | None  # the id of the norm set measured against
    norm_set_name_da: str
    norm_set_name_en: str
    staff: int | None  # None: a spreadsheet row without it
    cases: int | None
    available_fte: float
    fte_needed_max: float
    fte_needed_min: float
    over_count: int | None  # None for spreadsheet rows without it
    average_fte_caseload: float | None
    origin: str
    norm_set_kind: str = ""  # "ds", "survey" or "custom" ("" if unknown)
    norm_ranges: tuple = ()  # ((case type, min, max), ...) measured against: tells edited sets apart
    #: The case weighting measured with (``core/case_weight.py``): (mode, points, default level),
    #: () when off or for a snapshot from before case weight
    weighting: tuple = ()

    @property
    def measured_by_ds(self) -> bool:
        """Whether the row is measured against one of DS's own norm sets."""
        return self.norm_set_kind == "ds"

    @property
    def shortfall_max(self) -> float:
        """FTE needed at DS max minus available FTE (negative: a surplus)."""
        return self.fte_needed_max - self.available_fte

    def norm_set_name(self, lang: str = "da") -> str:
        return self.norm_set_name_da if lang == "da" else self.norm_set_name_en

    def to_json(self) -> dict[str, Any]:
        """The keys ``sagstal history --json`` gives per snapshot."""
        data = asdict(self)
        return {
            "date": self.date.isoformat(),
            "label": self.label,
            "norm_set": self.norm_set,
            **{k: data[k] for k in ("staff", "cases", "available_fte", "fte_needed_max", "fte_needed_min",
                                    "over_count", "average_fte_caseload")},
        }


def trend_rows(team: Team, start: date | None = None, end: date | None = None,
               last: int | None = None) -> list[TrendRow]:
    """The team's snapshots as trend rows in date order, within [start, end] and then the
    ``last`` ones (None: all)."""
    rows = []
    for snapshot in period_snapshots(team, start, end):
        day = snapshot_date(snapshot)
        figures = snapshot_figures(snapshot)
        norm_set = snapshot_norm_set(snapshot, team.custom_norm_sets)
        set_id = norm_set.id if norm_set else snapshot.data.get("figures", {}).get("norm_set")
        rows.append(TrendRow(
            date=day,
            label=snapshot.label,
            norm_set=set_id,
            norm_set_name_da=norm_set.short_name("da") if norm_set else (set_id or ""),
            norm_set_name_en=norm_set.short_name("en") if norm_set else (set_id or ""),
            staff=figures.staff,
            cases=figures.cases,
            available_fte=figures.available_fte,
            fte_needed_max=figures.fte_needed_max,
            fte_needed_min=figures.fte_needed_min,
            over_count=figures.over_count,
            average_fte_caseload=figures.average_fte_caseload,
            origin=snapshot_origin(snapshot),
            norm_set_kind=norm_set.kind if norm_set else "",
            norm_ranges=tuple((n.case_type, n.min, n.max) for n in norm_set.type_norms) if norm_set else (),
            weighting=snapshot_weighting(snapshot),
        ))
    if last is not None and last > 0:
        rows = rows[-last:]
    return rows


def period_snapshots(team: Team, start: date | None = None, end: date | None = None,
                     last: int | None = None) -> list:
    """The snapshots ``trend_rows`` makes its rows of, in the same order."""
    chosen = [s for s in ordered_snapshots(team)
              if not ((start and snapshot_date(s) < start) or (end and snapshot_date(s) > end))]
    return chosen[-last:] if last is not None and last > 0 else chosen


def norm_set_changes(rows: list[TrendRow]) -> list[int]:
    """Indexes of the rows measured against another norm set than the row before, or against
    the same set with other ranges (a team's own set that was edited)."""
    return [i for i in range(1, len(rows))
            if (rows[i].norm_set, rows[i].norm_ranges) != (rows[i - 1].norm_set, rows[i - 1].norm_ranges)]


def snapshot_weighting(snapshot) -> tuple:
    """(mode, points, default level) of the case weighting a snapshot was measured with, () when
    off (``core.history.make_snapshot`` records it in the figures while it is on)."""
    from sagstal_desktop.core.case_weight import Weighting

    stored = snapshot.data.get("figures", {}).get("weighting")
    if not isinstance(stored, dict):
        return ()
    try:
        weighting = Weighting.from_dict(stored)
    except (ValueError, TypeError):
        return ()
    return (weighting.mode, weighting.points, weighting.default_level) if weighting.on else ()


def weighting_changes(rows: list[TrendRow]) -> list[int]:
    """Indexes of the rows measured with another case weighting than the row before (marked in
    the trend as a change of norm set is)."""
    return [i for i in range(1, len(rows)) if rows[i].weighting != rows[i - 1].weighting]


_WEIGHTING_MARKS = {"": N_("Case weight off"), "range": N_("Case weight: range"),
                    "points": N_("Case weight: points")}


def change_marks(rows: list[TrendRow], lang: str = "da") -> list[tuple[int, str]]:
    """(row index, label) of every change the trend marks with a dashed line: a change of norm
    set (labelled with the new set's name) or of case weighting (labelled with its mode)."""
    sets, weights = set(norm_set_changes(rows)), set(weighting_changes(rows))
    marks = []
    for i in sorted(sets | weights):
        label = rows[i].norm_set_name(lang) if i in sets else ""
        if i in weights:
            mode = rows[i].weighting[0] if rows[i].weighting else ""
            label = " · ".join(x for x in (label, tr(_WEIGHTING_MARKS[mode], lang)) if x)
        marks.append((i, label))
    return marks


def shortfall_run(rows: list[TrendRow]) -> int:
    """How many of the latest rows in a row show a shortfall at DS max (FTE needed above
    available), counted back from the newest."""
    run = 0
    for row in reversed(rows):
        if row.shortfall_max <= 0:
            break
        run += 1
    return run


def month_starts(first: date, last: date, most: int = 12) -> list[date]:
    """The first of every n-th month from ``first``'s month to ``last``'s, n chosen so that there
    are at most ``most`` (the ticks of a trend chart's time axis, in the window and the memo)."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    every = max(1, -(-months // most))
    starts = []
    for k in range(0, months, every):
        index = first.month - 1 + k
        starts.append(date(first.year + index // 12, index % 12 + 1, 1))
    return starts

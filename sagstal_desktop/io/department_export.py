"""The department overview as an Excel workbook: one sheet per view (teams, total, problems,
trend, and positions when placed), laid out with pandas (imported when a workbook is made) and
written through the one atomic writer, every text through the cell guard (``io.cell_guard``).

The figures are ``core.department``'s (and ``core.planning.positions``'), unrounded; the sheets
only lay them out.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from sagstal_desktop.core.department import Department, Totals
from sagstal_desktop.core.wording import fill
from sagstal_desktop.i18n import N_, tr

if TYPE_CHECKING:
    import pandas

    from sagstal_desktop.core.planning.positions import PositionPlan

SHEETS = {"teams": N_("Teams"), "total": N_("Total"), "problems": N_("Problems"), "trend": N_("Trend"),
          "positions": N_("Positions")}

#: Column titles (English msgids; <max> etc. filled with the department's measure).
COLUMNS = {
    "team": N_("Team"), "file": N_("File"), "norm_set": N_("Norm set"), "staff": N_("Staff"), "cases": N_("Cases"),
    "need_max": N_("FTE needed at <max>"), "need_mid": N_("FTE needed at <mid>"), "need_min": N_("FTE needed at <min>"),
    "available": N_("Available casework FTE"), "short_max": N_("Shortfall at <max> (FTE)"),
    "short_mid": N_("Shortfall at <mid> (FTE)"), "short_min": N_("Shortfall at <min> (FTE)"),
    "cost": N_("Yearly cost of the shortfall at <max> (Sagstal's calculation)"),
    "load": N_("Team load, % of <max_abbr>"),
    "over": N_("Staff over <max_abbr>"), "within": N_("Share within <max_abbr>, %"),
    "free_fte": N_("Free capacity at <max_abbr> (FTE)"), "free_cases": N_("Free capacity at <max_abbr> (cases)"),
    "sustained": N_("Sustained overload"), "saved": N_("Last saved"), "snapshot": N_("Latest snapshot"),
    "counted": N_("Counted in the total"), "kind": N_("Kind"), "message": N_("Message"), "month": N_("Month"),
    "teams": N_("Teams"), "teams_over": N_("Teams over <max_abbr>"), "extra": N_("New FTE (best placing)"),
    "before": N_("Load before, %"), "after": N_("Load after, %"), "prop": N_("New FTE (proportional split)"),
    "after_prop": N_("Load after proportional split, %"), "figure": N_("Figure"), "value": N_("Value"),
}
_YES, _NO = N_("yes"), N_("no")
#: How each problem kind is named in the workbook and in the text output.
PROBLEM_LABELS = {
    "unreadable": N_("Cannot be read"), "norm_set": N_("Another norm set"),
    "duplicate_person": N_("Person in two teams"), "duplicate_team": N_("Copy of a team"), "stale": N_("Out of date"),
    "settings": N_("Other settings"),
}


#: Excel number formats per column key (the codes are the same in every locale; Danish Excel shows
#: "1.014" and "10,45"): FTE with two decimals, percentages with one, counts and kroner whole.
_FORMATS = {
    **dict.fromkeys(("need_max", "need_mid", "need_min", "available", "short_max", "short_mid", "short_min",
                     "free_fte", "extra", "prop"), "0.00"),
    **dict.fromkeys(("load", "within", "before", "after", "after_prop"), "0.0"),
    **dict.fromkeys(("staff", "cases", "over", "teams", "teams_over", "free_cases", "cost"), "#,##0"),
}


def number_formats(department: Department, lang: str) -> dict[str, str]:
    """Column title (in ``lang``) -> its Excel number format."""
    t = titles(department, lang)
    return {t[key]: fmt for key, fmt in _FORMATS.items()}


def _format_sheet(ws, formats: dict[str, str]) -> None:
    """Give the numbers of a sheet their format: by the column's title, or on the total's sheet
    (figure, value) by the row's figure."""
    rows = list(ws.iter_rows())
    if not rows:
        return
    heads = [cell.value for cell in rows[0]]
    for row in rows[1:]:
        by_row = formats.get(row[0].value) if len(heads) == 2 else None
        for head, cell in zip(heads, row, strict=False):
            fmt = by_row if by_row is not None and head != heads[0] else formats.get(head)
            if fmt is not None and isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                cell.number_format = fmt


def _pct(fraction: float | None) -> float | None:
    return None if fraction is None else fraction * 100


def titles(department: Department, lang: str) -> dict[str, str]:
    """Every column title in ``lang`` with the department's words for the measure."""
    return {key: fill(tr(text, lang), department.words_kind, lang) for key, text in COLUMNS.items()}


def teams_frame(department: Department, lang: str = "da") -> pandas.DataFrame:
    """One row per team file read (copies marked as not counted)."""
    import pandas as pd

    t = titles(department, lang)
    rows = []
    for row in department.teams:
        cost = row.yearly_cost("max")
        rows.append({
            t["team"]: row.display_name, t["file"]: row.file, t["norm_set"]: row.norm_set.short_name(lang),
            t["staff"]: row.staff, t["cases"]: row.cases, t["need_max"]: row.fte_needed("max"),
            t["need_mid"]: row.fte_needed("mid"), t["need_min"]: row.fte_needed("min"),
            t["available"]: row.available_fte, t["short_max"]: row.shortfall("max"),
            t["short_mid"]: row.shortfall("mid"), t["short_min"]: row.shortfall("min"), t["cost"]: cost,
            t["load"]: _pct(row.load_max), t["over"]: row.over_count, t["within"]: _pct(row.share_within_max),
            t["free_fte"]: row.free_fte, t["free_cases"]: row.free_cases,
            t["sustained"]: tr(_YES if row.sustained_overload else _NO, lang),
            t["saved"]: row.last_saved.replace(microsecond=0) if row.last_saved else None,
            t["snapshot"]: row.last_snapshot, t["counted"]: tr(_YES if row.counted else _NO, lang),
        })
    return pd.DataFrame(rows, columns=[t[k] for k in (
        "team", "file", "norm_set", "staff", "cases", "need_max", "need_mid", "need_min", "available", "short_max",
        "short_mid", "short_min", "cost", "load", "over", "within", "free_fte", "free_cases", "sustained", "saved",
        "snapshot", "counted")])


def total_frame(department: Department, lang: str = "da") -> pandas.DataFrame:
    """The total as rows of (figure, value)."""
    import pandas as pd

    t = titles(department, lang)
    total: Totals = department.totals
    cost = total.yearly_cost["max"] if total.yearly_cost is not None else None
    figures = [
        (tr(N_("Team files read"), lang), department.files_text(lang)),
        (tr(N_("Teams counted"), lang), total.teams), (t["staff"], total.staff), (t["cases"], total.cases),
        (t["need_max"], total.fte_needed["max"]), (t["need_mid"], total.fte_needed["mid"]),
        (t["need_min"], total.fte_needed["min"]), (t["available"], total.available_fte),
        (t["short_max"], total.shortfall_fte["max"]), (t["short_mid"], total.shortfall_fte["mid"]),
        (t["short_min"], total.shortfall_fte["min"]), (t["cost"], cost), (t["load"], _pct(total.load_max)),
        (t["over"], total.over_count), (t["within"], _pct(total.share_within_max)),
        (t["free_fte"], total.free_fte), (t["free_cases"], total.free_cases),
        (tr(N_("Teams in sustained overload"), lang), total.sustained_overload_teams),
    ]
    return pd.DataFrame(figures, columns=[t["figure"], t["value"]], dtype=object)


def problems_frame(department: Department, lang: str = "da") -> pandas.DataFrame:
    import pandas as pd

    t = titles(department, lang)
    return pd.DataFrame([(p.file, tr(PROBLEM_LABELS[p.kind], lang), p.message(lang)) for p in department.problems],
                        columns=[t["file"], t["kind"], t["message"]])


def trend_frame(department: Department, lang: str = "da") -> pandas.DataFrame:
    import pandas as pd

    t = titles(department, lang)
    return pd.DataFrame(
        [(m.month.isoformat()[:7], m.teams, m.staff, m.cases, m.fte_needed_max, m.fte_needed_min, m.available_fte,
          m.shortfall_max, m.over_count, m.teams_over) for m in department.trend],
        columns=[t["month"], t["teams"], t["staff"], t["cases"], t["need_max"], t["need_min"], t["available"],
                 t["short_max"], t["over"], t["teams_over"]])


def positions_frame(department: Department, plan: PositionPlan, lang: str = "da") -> pandas.DataFrame:
    import pandas as pd

    t = titles(department, lang)
    return pd.DataFrame(
        [(s.team_name, s.file, s.extra_fte, _pct(s.load_before), _pct(s.load_after), s.proportional_fte,
          _pct(s.load_after_proportional)) for s in plan.shares],
        columns=[t["team"], t["file"], t["extra"], t["before"], t["after"], t["prop"], t["after_prop"]])


def export_department(department: Department, path: str | os.PathLike[str], lang: str = "da",
                      plan: PositionPlan | None = None) -> None:
    """The workbook: Teams, Total, Problems, Trend (and Positions with ``plan``). Raises
    ``atomic_write.WriteFailed`` (an OSError) if it cannot be written; nothing is left behind."""
    import pandas as pd

    from sagstal_desktop.io.atomic_write import atomic_path
    from sagstal_desktop.io.cell_guard import guard_frame, guard_workbook

    frames = {
        "teams": teams_frame(department, lang), "total": total_frame(department, lang),
        "problems": problems_frame(department, lang), "trend": trend_frame(department, lang),
    }
    if plan is not None:
        frames["positions"] = positions_frame(department, plan, lang)
    with atomic_path(path) as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        for key, frame in frames.items():
            guard_frame(frame).to_excel(writer, sheet_name=tr(SHEETS[key], lang), index=False)
        formats = number_formats(department, lang)
        for ws in writer.book.worksheets:
            _format_sheet(ws, formats)
        guard_workbook(writer.book)

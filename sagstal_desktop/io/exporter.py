"""Exporting a team to ``.xlsx`` or ``.csv``, and writing a blank import template.

* ``.xlsx``: a staff sheet (the input columns, then the computed ones), a summary sheet and a
  norms sheet naming the source of every range. Header row bold and frozen, numbers as numbers,
  dates as dates, Danish headers by default.
* ``.csv``: the staff sheet as Danish Excel opens it: ``;`` separator, decimal comma, UTF-8
  with BOM.
* template: the export's input headers for a norm set, plus an instruction sheet.

The input columns are exactly what the importer reads back, so export -> import round-trips
every input field. Files are written to a temporary file and renamed into place.
"""

from __future__ import annotations

import contextlib
import csv
import os
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sagstal_desktop.core.competences import format_competences, format_takes_new_cases
from sagstal_desktop.core.formatting import format_percent, spreadsheet_date_format
from sagstal_desktop.core.load import TeamSummary, summarize
from sagstal_desktop.core.model import StaffMember, Team
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.core.wording import fill, status_phrase
from sagstal_desktop.i18n import N_, NP_, ptr, tr
from sagstal_desktop.io import columns as col
from sagstal_desktop.io.cell_guard import neutralise_formula as neutralise_formula  # re-exported: its old home
from sagstal_desktop.io.cell_guard import safe_text

SHEET_NAMES = {  # msgids in the context "sheet"
    "staff": NP_("sheet", "Staff"),
    "summary": NP_("sheet", "Summary"),
    "norms": NP_("sheet", "Norms"),
    "help": NP_("sheet", "Instructions"),
}


class ExportError(Exception):
    """A file that could not be written; ``message(lang)`` says which and why."""

    def __init__(self, path: Path | str, detail: str) -> None:
        self.path, self.detail = Path(path), detail
        super().__init__(self.message("en"))

    def message(self, lang: str = "da") -> str:
        from sagstal_desktop.io.problems import failure_detail

        return tr("The file {name} could not be written: {detail}.", lang).format(
            name=self.path.name, detail=failure_detail(self, self.detail, lang))


def sheet_name(key: str, lang: str = "da") -> str:
    return ptr("sheet", SHEET_NAMES[key], lang)


@contextlib.contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder that replaces ``path`` on success
    (``io.atomic_write.atomic_path``: locked, fsynced, the user's file mode, written through a
    symbolic link, removed on every failure); an OSError becomes ``ExportError``."""
    from sagstal_desktop.io.atomic_write import WriteFailed, atomic_path

    try:
        with atomic_path(path) as tmp:
            yield tmp
    except WriteFailed as exc:
        raise ExportError(path, exc.detail) from exc


# -- rows --------------------------------------------------------------------------------------


def _extra_types(team: Team) -> set[str]:
    return {t for p in team.staff for t in p.counts}


def uses_planning_columns(team: Team) -> bool:
    """True if anyone has competences or does not take new cases (then those columns are written)."""
    return any(p.competences or not p.takes_new_cases for p in team.staff)


def level_columns(team: Team) -> set[tuple[str, str]]:
    """(case type, level) of every case-weight split someone holds: the level columns to write."""
    return {(t, level) for p in team.staff for t, split in p.levels.items() for level, n in split.items() if n}


def _input_values(person: StaffMember, targets: list[str], norm_set: NormSet, lang: str) -> list[Any]:
    out: list[Any] = []
    for target in targets:
        case_type = col.case_type_of(target)
        if case_type is not None:
            out.append(person.counts.get(case_type))
        elif target.startswith(col.LEVEL_PREFIX):
            level_type, level = col.level_of(target)
            out.append((person.levels.get(level_type) or {}).get(level) or None)
        elif target == col.COMPETENCES:
            out.append(format_competences(person.competences, norm_set, lang) or None)
        elif target == col.TAKES_NEW_CASES:
            out.append(format_takes_new_cases(person.takes_new_cases, lang))
        else:
            value = getattr(person, target)
            out.append(value if value != "" else None)
    return out


def staff_table(team: Team, lang: str = "da", as_of: date | None = None, norm_set: NormSet | None = None,
                anonymise: bool = False) -> tuple[list[str], list[str], list[list[Any]], TeamSummary]:
    """(targets, headers, rows, summary) of the staff sheet: input columns then computed ones.
    Computed targets are ``computed:<key>``. ``anonymise``: the rule of ``core.anonymise``: a
    label drawn for this export, the load band and the status per person, nothing else; no
    rows at all below k staff with a load (the summary sheet keeps the team's figures)."""
    norm_set = norm_set or team.norm_set()
    summary = summarize(team, as_of, norm_set)
    if anonymise:
        return (*anonymous_staff_table(summary, norm_set, lang), summary)
    inputs = col.input_headers(norm_set, lang, _extra_types(team), planning=uses_planning_columns(team),
                               levels=level_columns(team))
    targets = [t for t, _h in inputs] + [f"computed:{k}" for k, _msg in col.COMPUTED_HEADERS]
    headers = [h for _t, h in inputs] + col.computed_headers(norm_set, lang)
    weighted = summary.weighted
    if weighted:  # the unweighted load beside the case-weighted one
        key, message = col.UNWEIGHTED_LOAD_HEADER
        targets.insert(len(targets) - 1, f"computed:{key}")
        headers.insert(len(headers) - 1, col.header_text(message, lang))
    results = {p.member_id: p for p in summary.persons}
    input_targets = [t for t, _h in inputs]
    rows = []
    for person in team.staff:
        result = results[person.id]
        status = status_phrase(result.status, norm_set, lang, result.uncovered_cases, result.total_cases)
        values = _input_values(person, input_targets, norm_set, lang)
        if weighted:
            rows.append([*values, result.capacity, result.total_cases, result.fte_caseload, result.load_max,
                         result.load_max_unweighted, status])
        else:
            rows.append([*values, result.capacity, result.total_cases, result.fte_caseload, result.load_max, status])
    return targets, headers, rows, summary


#: The anonymised staff sheet's columns: the label, the load band, the status.
ANONYMISED_TARGETS = (col.NAME, "computed:load_band", "computed:status")


def anonymous_staff_table(summary: TeamSummary, norm_set: NormSet, lang: str
                          ) -> tuple[list[str], list[str], list[list[Any]]]:
    """The anonymised staff sheet: labels drawn afresh (``core.anonymise``), each person's load
    band and status (no count of unmeasured cases), sorted by band then label; no rows below k
    staff with a load."""
    from sagstal_desktop.core.anonymise import (
        anonymous_labels,
        anonymous_order,
        band_text,
        load_band,
        min_staff,
        rows_allowed,
    )
    from sagstal_desktop.core.load import Status
    from sagstal_desktop.core.wording import status_label

    headers = [tr("Staff member", lang), fill(tr("Load band (share of <max>)", lang), norm_set, lang),
               tr("Status", lang)]
    persons = summary.persons
    ids = persons.column("member_id")
    statuses = persons.column("status")
    bands = [None if status is Status.UNMEASURED else load_band(load)
             for load, status in zip(persons.column("load_max"), statuses, strict=True)]
    if not rows_allowed(sum(1 for b in bands if b is not None)):
        note = tr("Fewer than {k} staff with a load: no rows per person, so that no one can be recognised; "
                  "the team's figures are on the summary sheet.", lang).format(k=min_staff())
        return list(ANONYMISED_TARGETS), headers, [[note, None, None]]
    labels = anonymous_labels(ids, lang)
    label_list = [labels[i] for i in ids]
    rows = [[label_list[i], "–" if bands[i] is None else band_text(bands[i], lang),
             status_label(statuses[i], lang, norm_set)] for i in anonymous_order(bands, label_list)]
    return list(ANONYMISED_TARGETS), headers, rows


# -- xlsx --------------------------------------------------------------------------------------
# Written in openpyxl's write-only mode: 100,000 rows stream out instead of building a sheet.


def _text_cell(ws, value: str):
    """A string cell that is never taken for a formula and holds no control character
    (``io.cell_guard.safe_text``)."""
    from openpyxl.cell import WriteOnlyCell

    value = safe_text(value)
    if not value.startswith("="):
        return value
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"
    return cell


def _cell(ws, value: Any, number_format: str | None = None):
    if isinstance(value, str):
        return _text_cell(ws, value)
    if number_format is None or value is None:
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = number_format
    return cell


def _start_sheet(ws, headers: list[str], widths: list[int], freeze: str = "B2") -> None:
    """Column widths, frozen header row and the bold header (before any other row)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(8, min(width + 2, 45))
    ws.freeze_panes = freeze
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    cells = []
    for header in headers:
        cell = WriteOnlyCell(ws, value=header)
        cell.font, cell.alignment = bold, wrap
        cells.append(cell)
    ws.append(cells)


def _widths(headers: list[str], rows: list[list[Any]]) -> list[int]:
    widths = [min(len(h), 30) for h in headers]
    for row in rows[:200]:
        for i, value in enumerate(row):
            if value is not None:
                widths[i] = max(widths[i], len(str(value)) if isinstance(value, str) else 10)
    return widths


def _number_format(target: str, lang: str) -> str | None:
    if target == col.START_DATE:
        return spreadsheet_date_format(lang)
    if target in (col.WEEKLY_HOURS, col.OTHER_HOURS):
        return "0.0#"
    if target == "computed:capacity":
        return "0.00"
    if target == "computed:fte_caseload":
        return "0.0"
    if target in ("computed:load_max", "computed:load_max_unweighted"):
        return "0.0%"
    return None


def export_xlsx(team: Team, path: Path | str, lang: str = "da", as_of: date | None = None,
                norm_set: NormSet | None = None, progress: Callable[[int, int], None] | None = None,
                anonymise: bool = False) -> None:
    """Write the staff, summary and norms sheets to ``path`` (atomically); ``anonymise`` as in
    ``staff_table`` (the summary sheet holds only team figures)."""
    import openpyxl  # lazily

    norm_set = norm_set or team.norm_set()
    targets, headers, rows, summary = staff_table(team, lang, as_of, norm_set, anonymise)
    with _atomic(Path(path)) as tmp:
        book = openpyxl.Workbook(write_only=True)
        try:
            ws = book.create_sheet(sheet_name("staff", lang))
            _start_sheet(ws, headers, _widths(headers, rows))
            formats = [_number_format(t, lang) for t in targets]
            for r, row in enumerate(rows, start=1):
                ws.append([_cell(ws, value, fmt) for value, fmt in zip(row, formats, strict=True)])
                if progress is not None and r % 2000 == 0:
                    progress(r, len(rows))
            _summary_sheet(book.create_sheet(sheet_name("summary", lang)), team, summary, norm_set, lang,
                           per_type=anonymise)
            _norms_sheet(book.create_sheet(sheet_name("norms", lang)), norm_set, lang)
        except BaseException:
            _discard(book)
            raise
        book.save(tmp)


def _discard(book) -> None:
    """Close the sheets of an abandoned write-only workbook and remove their temporary files."""
    for ws in book.worksheets:
        with contextlib.suppress(Exception):
            ws.close()
        out = getattr(getattr(ws, "_writer", None), "out", None)
        if isinstance(out, str):
            with contextlib.suppress(OSError):
                os.unlink(out)


def _summary_sheet(ws, team: Team, summary: TeamSummary, norm_set: NormSet, lang: str,
                   per_type: bool = False) -> None:
    """The team's figures; ``per_type``: also the team's cases per case type (an anonymised
    export gives no cases per person, so the team's totals per type stand here)."""
    rows: list[tuple[str, Any, str | None]] = [
        (tr("Municipality", lang), team.info.municipality or None, None),
        (tr("Department", lang), team.info.department or None, None),
        (tr("Team", lang), team.info.team_name or None, None),
        (tr("Norm set", lang), norm_set.name(lang), None),
        (tr("Source", lang), norm_set.source.cite(lang) if norm_set.source else None, None),
        (tr("As of", lang), summary.as_of, spreadsheet_date_format(lang)),
        (tr("Staff", lang), summary.staff_count, "0"),
        (tr("Total cases", lang), summary.total_cases, "0"),
        (tr("Cases with no norm in the set", lang), summary.total_cases - summary.covered_cases, "0"),
        (tr("Available casework FTE", lang), summary.available_fte, "0.00"),
    ]
    levels = (("max", N_("FTE needed at <max>"), N_("Shortfall (+) / surplus (-) at maximum")),
              ("mid", N_("FTE needed at <mid>"), N_("Shortfall (+) / surplus (-) at midpoint")),
              ("min", N_("FTE needed at <min>"), N_("Shortfall (+) / surplus (-) at minimum")))
    for level, needed, shortfall in levels:
        rows.append((fill(tr(needed, lang), norm_set, lang), summary.fte_needed(level), "0.00"))
        rows.append((tr(shortfall, lang), summary.shortfall(level), "0.00"))
    rows += [
        (tr("Yearly cost at maximum (DKK)", lang), summary.yearly_cost("max"), "#,##0"),
        (tr("Source of the cost per FTE", lang), team.settings.cost_source or None, None),
        (fill(tr("Staff over <max>", lang), norm_set, lang), summary.over_count, "0"),
        (tr("Staff partly unmeasured", lang), summary.partly_unmeasured_count, "0"),
        (tr("Staff with no norm for any of their cases", lang), summary.unmeasured_count, "0"),
        (fill(tr("Share within <max>", lang), norm_set, lang), summary.share_within_max, "0%"),
        (tr("Average FTE caseload", lang), summary.average_fte_caseload, "0.0"),
    ]
    if summary.effective_range:
        lo, hi = summary.effective_range
        rows.append((fill(tr("<Range> for the team's cases (min)", lang), norm_set, lang), lo, "0.0"))
        rows.append((fill(tr("<Range> for the team's cases (max)", lang), norm_set, lang), hi, "0.0"))
    if per_type:
        from sagstal_desktop.core.norms import case_type_name

        cases = dict(summary.cases_by_type)
        for case_type, n in summary.uncovered_by_type.items():
            cases[case_type] = cases.get(case_type, 0) + n
        rows += [(tr("Team's cases: {type}", lang).format(type=case_type_name(t, lang)), n, "0")
                 for t, n in cases.items() if n]
    _start_sheet(ws, [tr("Figure", lang), tr("Value", lang)], [45, 40], freeze="A2")
    for label, value, fmt in rows:
        ws.append([_cell(ws, label), _cell(ws, value, fmt)])


def _norms_sheet(ws, norm_set: NormSet, lang: str) -> None:
    from sagstal_desktop.core.norms import case_type_name

    headers = [tr("Area", lang), tr("Case type", lang), "Id", tr("Minimum", lang), tr("Maximum", lang),
               tr("Inherits the area's range", lang), tr("Source", lang)]
    rows = []
    for group in norm_set.groups:
        for norm in group.types:
            source = norm.source.cite(lang) if norm.source else None
            rows.append([group.name(lang), case_type_name(norm.case_type, lang), norm.case_type, norm.min, norm.max,
                         tr("yes", lang) if norm.inherited else tr("no", lang), source])
    _start_sheet(ws, headers, _widths(headers, rows))
    for row in rows:
        ws.append([_cell(ws, v) for v in row])
    ws.append([])
    ws.append([_cell(ws, tr("Norm set", lang)), _cell(ws, norm_set.name(lang))])
    if norm_set.source:
        ws.append([_cell(ws, tr("Source", lang)), _cell(ws, norm_set.source.cite(lang))])


# -- csv ---------------------------------------------------------------------------------------


def csv_number(value: float | int) -> str:
    """A number as Danish Excel reads it: decimal comma, no thousands separator, no exponent,
    and every digit Python needs to give the same float back."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return format(Decimal(repr(float(value))), "f").replace(".", ",")


def _csv_cell(value: Any, target: str) -> str:
    if value is None:
        return ""
    if target in ("computed:load_max", "computed:load_max_unweighted"):
        return format_percent(value, 1, "da")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return csv_number(value)
    return safe_text(str(value), csv=True)


def export_csv(team: Team, path: Path | str, lang: str = "da", as_of: date | None = None,
               norm_set: NormSet | None = None, anonymise: bool = False) -> None:
    """The staff sheet as Danish-Excel CSV (``;``, decimal comma, UTF-8 with BOM)."""
    targets, headers, rows, _summary = staff_table(team, lang, as_of, norm_set, anonymise)
    with _atomic(Path(path)) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow([safe_text(h, csv=True) for h in headers])
        writer.writerows([_csv_cell(v, t) for v, t in zip(row, targets, strict=True)] for row in rows)


def export_team(team: Team, path: Path | str, lang: str = "da", as_of: date | None = None,
                norm_set: NormSet | None = None, anonymise: bool = False) -> None:
    """Export by the file's suffix: ``.csv`` or ``.xlsx``."""
    if Path(path).suffix.lower() == ".csv":
        export_csv(team, path, lang, as_of, norm_set, anonymise)
    else:
        export_xlsx(team, path, lang, as_of, norm_set, anonymise=anonymise)


# -- template ----------------------------------------------------------------------------------

_INSTRUCTIONS = (
    N_("How to fill in the template"),
    N_("Write one staff member per row on the sheet \"{sheet}\". Keep the headers in row 1."),
    N_("Name: required, and each name only once."),
    N_("Weekly hours: 0-{max_hours}, e.g. 37 or 32.5."),
    N_("Hours on other tasks: hours a week for e.g. union work or projects (0 if none)."),
    N_("Start date: the date the person was hired, e.g. 1.3.2026 or 2026-03-01 (may be empty)."),
    N_("One column per case type: the number of cases (whole numbers, 0 or more). Empty cells count as 0."),
    N_("Norm set: {norm_set}."),
    N_("Import the file in Sagstal with File > Import spreadsheet…"),
)


def write_template(path: Path | str, norm_set: NormSet, lang: str = "da") -> None:
    """A blank sheet with the export's input headers for ``norm_set`` (``.xlsx`` with an
    instruction sheet, or ``.csv`` with the header row only)."""
    from sagstal_desktop.core.validation import limits

    headers = [h for _t, h in col.input_headers(norm_set, lang, planning=False)]
    path = Path(path)
    if path.suffix.lower() == ".csv":
        with _atomic(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh, delimiter=";", lineterminator="\r\n").writerow(headers)
        return
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet(sheet_name("staff", lang))
    _start_sheet(ws, headers, [len(h) for h in headers])
    help_ws = book.create_sheet(sheet_name("help", lang))
    help_ws.column_dimensions["A"].width = 100
    source = norm_set.source.cite(lang) if norm_set.source else ""
    label = norm_set.name(lang) + (f" ({source})" if source else "")
    for r, line in enumerate(_INSTRUCTIONS):
        text = tr(line, lang).format(sheet=ws.title, max_hours=limits()["max_weekly_hours"], norm_set=label)
        cell = WriteOnlyCell(help_ws, value=text)
        if r == 0:
            cell.font = Font(bold=True, size=13)
        help_ws.append([cell])
    with _atomic(path) as tmp:
        book.save(tmp)

"""Intake and closures from a spreadsheet (``.xlsx`` or ``.csv``, read by ``table_reader``).

One row per month and case type. Headers are matched in Danish or English ignoring case and
spaces (``FLOW_COLUMNS``): ``Måned``/``Month``, ``Sagstype``/``Case type``, ``Nye sager``/``New
cases`` and ``Afsluttede sager``/``Closed cases``, all required. A case type is its id or its name
in either language (``sygedagpenge``, "Sygedagpenge"); a type the catalogue and the team do not
know is kept as written, with a warning (its cases are unmeasured in the forecast). Every value
goes through ``core.validation``'s parsers (``core.flows.make_flow``); every problem names file,
row and column; the first ``max_import_problems`` problems are kept, the rest counted; with any
error nothing is imported. ``merged`` puts the file's rows over the team's: a month and type in
the file replaces the team's row, the others stay.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from sagstal_desktop.core.flows import Flow, check_flows
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.validation import InputError, check_label, is_blank, limits, parse_count, parse_month
from sagstal_desktop.i18n import N_
from sagstal_desktop.io.columns import _case_type_lookup, normalize
from sagstal_desktop.io.history_import import _add, map_columns
from sagstal_desktop.io.problems import ERROR, WARNING, ProblemList, ReadResult, from_input_error
from sagstal_desktop.io.table_reader import read_table

#: Spreadsheet columns: key -> (Danish header, English header, further accepted headers).
FLOW_COLUMNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "month": ("Måned", "Month", ("maaned", "md.", "periode", "period")),
    "case_type": ("Sagstype", "Case type", ("type", "sagsområde", "område", "area")),
    "new": ("Nye sager", "New cases", ("tilgang", "nye", "intake", "new")),
    "closed": ("Afsluttede sager", "Closed cases", ("afgang", "afsluttet", "lukkede sager", "closed", "exits")),
}


@dataclass
class FlowImport(ReadResult):
    """The flows read from a spreadsheet and the problems found; any error refuses the file."""

    flows: list[Flow] = field(default_factory=list)
    problems: ProblemList = field(default_factory=ProblemList)


def _case_type(value: Any) -> str:
    text = check_label(value)
    if not text:
        raise InputError("empty", "")
    return text


#: Each column's parser (``core.validation``), in the order the cells are checked.
_PARSERS: tuple[tuple[str, Callable[[Any], Any]], ...] = (
    ("month", parse_month), ("case_type", _case_type), ("new", parse_count), ("closed", parse_count))


def _headers() -> dict[str, str]:
    known: dict[str, str] = {}
    for key, (da, en, more) in FLOW_COLUMNS.items():
        for header in (da, en, *more):
            known[normalize(header)] = key
    return known


def _names_a_month(known: dict[str, str]) -> Callable[[list[Any]], bool]:
    return lambda cells: any(known.get(normalize(c)) == "month" for c in cells if not is_blank(c))


def merged(old: Iterable[Flow], new: Iterable[Flow]) -> list[Flow]:
    """``old`` with ``new`` put over it: a month and type in ``new`` replaces ``old``'s row."""
    out = {(f.month, f.case_type): f for f in old}
    out.update({(f.month, f.case_type): f for f in new})
    return list(out.values())


def flows_from_table(path: str | Path, team: Team, sheet: str | None = None) -> FlowImport:
    """Read a spreadsheet of intake and closures (raises ``ReadError`` if it cannot be read)."""
    known = _headers()
    cap = int(limits()["max_flow_rows"])
    table = read_table(path, sheet, is_header=_names_a_month(known), max_rows=cap + 50)
    file = table.file_name
    result = FlowImport()
    headers, rows, numbers = table.headers, table.rows, table.row_numbers
    columns = map_columns(headers, known, file, result.problems)
    for key, (da, en, _more) in FLOW_COLUMNS.items():
        if key not in columns:
            _add(result.problems, ERROR, file, None, None, None, None, N_("the column \"{header}\" is missing"),
                 header=(da, en))
    if result.refused:
        return result
    types = _case_type_lookup([t for m in team.staff for t in m.counts] + [f.case_type for f in team.flows])
    seen: dict[tuple[date, str], int] = {}
    unknown: set[str] = set()
    for row, number in zip(rows, numbers, strict=True):
        values = {k: row[i] if i < len(row) else None for k, i in columns.items()}
        if all(is_blank(v) for v in values.values()):
            continue
        parsed: dict[str, Any] = {}
        for key, parser in _PARSERS:
            try:
                parsed[key] = parser(values[key])
            except InputError as exc:
                index = columns[key]
                result.problems.add(ERROR, partial(from_input_error, exc, file, number, headers[index], index))
        if len(parsed) < len(_PARSERS):
            continue
        flow = Flow(parsed["month"], parsed["case_type"], parsed["new"], parsed["closed"])
        type_id = types.get(normalize(flow.case_type))
        if type_id is None:
            type_id = flow.case_type
            if type_id not in unknown:
                unknown.add(type_id)
                index = columns["case_type"]
                _add(result.problems, WARNING, file, number, headers[index], index, type_id,
                     N_("not a known case type; imported as written, and its cases are unmeasured"))
        flow = Flow(flow.month, type_id, flow.new, flow.closed)
        where = (flow.month, type_id)
        if where in seen:
            index = columns["month"]
            _add(result.problems, ERROR, file, number, headers[index], index, f"{flow.month:%Y-%m} {type_id}",
                 N_("this month and case type is also in row {row}"), row=seen[where])
            continue
        seen[where] = number
        result.flows.append(flow)
    if not result.flows and not result.refused:
        _add(result.problems, ERROR, file, None, None, None, None, N_("the file has no rows of figures"))
    if not result.refused and len(merged(team.flows, result.flows)) > cap:
        _add(result.problems, ERROR, file, None, None, None, None,
             N_("the team file holds at most {cap} rows of intake and closures"), cap=cap)
    if result.refused:
        result.flows = []
    else:
        result.flows = check_flows(result.flows)
    return result

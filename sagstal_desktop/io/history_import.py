"""Earlier files as history: snapshots from older copies of the team file, and from a spreadsheet
of dated team figures.

* An older ``.sagstal`` copy is read with ``load_team`` (never written to); its own state
  (inputs, its norm set, the figures computed from them) becomes one snapshot dated on the day
  the user confirms. The team being added to is not otherwise changed.
* A spreadsheet (``.xlsx`` or ``.csv``, read by ``table_reader``) holds one row per date. Headers
  are matched in Danish or English ignoring case and spaces (see ``HISTORY_COLUMNS``): ``Dato``,
  ``Årsværk til sagsbehandling`` (or ``Årsværk til rådighed``), ``Årsværk ved maksimum`` and
  ``Årsværk ved minimum`` are required;
  ``Betegnelse``, ``Normsæt`` (id or name), ``Medarbejdere``, ``Sager``, ``Over maksimum`` and
  ``Gns. sagstal pr. fuldtid`` are optional. Every problem names file, row and column; with any
  error no snapshot is made. The first ``max_import_problems`` problems are kept, the rest only
  counted (``ProblemList``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from sagstal_desktop.core.history import SnapshotFigures, figures_snapshot, make_snapshot, morning_of, snapshot_room
from sagstal_desktop.core.model import Snapshot, Team
from sagstal_desktop.core.norms import NormSet, builtin_norm_sets
from sagstal_desktop.core.validation import (
    InputError,
    check_label,
    is_blank,
    limits,
    parse_count,
    parse_date,
    parse_number,
)
from sagstal_desktop.i18n import N_, tr
from sagstal_desktop.io.columns import normalize
from sagstal_desktop.io.document import load_team
from sagstal_desktop.io.problems import ERROR, WARNING, Problem, ProblemList, ReadResult, from_input_error
from sagstal_desktop.io.table_reader import read_table

#: Spreadsheet columns: key -> (Danish header, English header, further accepted headers, required).
HISTORY_COLUMNS: dict[str, tuple[str, str, tuple[str, ...], bool]] = {
    "date": ("Dato", "Date", ("dag", "day", "opgjort", "as of"), True),
    "label": ("Betegnelse", "Label", ("note", "navn", "name", "beskrivelse"), False),
    "norm_set": ("Normsæt", "Norm set", ("norm", "normer", "norms"), False),
    "staff": ("Medarbejdere", "Staff", ("antal medarbejdere", "ansatte", "staff count"), False),
    "cases": ("Sager", "Cases", ("sager i alt", "antal sager", "total cases"), False),
    "available_fte": ("Årsværk til sagsbehandling", "Available casework FTE",
                      ("årsværk til rådighed", "available fte", "fte available", "årsværk"), True),
    "fte_needed_max": ("Årsværk ved maksimum", "FTE needed at max",
                       ("årsværk ved max", "årsværk ved ds' maksimum", "fte at max"), True),
    "fte_needed_min": ("Årsværk ved minimum", "FTE needed at min",
                       ("årsværk ved min", "årsværk ved ds' minimum", "fte at min"), True),
    "over_count": ("Over maksimum", "Over max", ("medarbejdere over maksimum", "staff over max", "over"), False),
    "average_fte_caseload": ("Gns. sagstal pr. fuldtid", "Average full-time caseload",
                             ("gennemsnitligt fuldtidssagstal", "gns. fuldtidssagstal", "average fte caseload"),
                             False),
}


#: Rows read from a history sheet at most (beyond the team file's room for snapshots): enough to
#: report every problem of a sheet several times too long, and a bound on the memory used.
ROWS_READ = 20_000


@dataclass
class HistoryImport(ReadResult):
    """The snapshots read from a spreadsheet and the problems found (the first ones kept, the
    rest counted); any error, kept or counted, refuses the whole file."""

    snapshots: list[Snapshot] = field(default_factory=list)
    problems: ProblemList = field(default_factory=ProblemList)


def suggested_date(path: str | Path) -> date:
    """The day an older file most likely shows: the day it was last saved."""
    return datetime.fromtimestamp(Path(path).stat().st_mtime).date()


def snapshot_from_file(path: str | Path, as_of: date, label: str = "") -> tuple[Snapshot, Team]:
    """The older team file's own state on ``as_of`` (raises ``DocumentError``); also returns
    the team read, so the caller can check it is the same team (``same_team``)."""
    older = load_team(path, remember=False)  # an older team is read, never saved back
    snapshot = make_snapshot(older, label, as_of=as_of, taken_at=morning_of(as_of), norm_set=older.norm_set(),
                             origin="file", source_file=Path(path).name)
    return snapshot, older


def same_team(a: Team, b: Team) -> bool:
    """Whether two team files name the same team (municipality and team name)."""
    return ((a.info.municipality.strip().casefold(), a.info.team_name.strip().casefold())
            == (b.info.municipality.strip().casefold(), b.info.team_name.strip().casefold()))


def _headers() -> dict[str, str]:
    known: dict[str, str] = {}
    for key, (da, en, more, _required) in HISTORY_COLUMNS.items():
        for header in (da, en, *more):
            known[normalize(header)] = key
    return known


def _problem(severity: str, file: str, row: int | None, column: str | None, index: int | None,
             value: str | None, message: str, /, **params: object) -> Problem:
    """A problem worded in Danish and English (``message`` is the English msgid; a parameter given
    as a (Danish, English) pair is used in each language). The leading parameters are positional
    only, so the message may have a placeholder of the same name ("also in row {row}")."""
    da = {k: v[0] if isinstance(v, tuple) else v for k, v in params.items()}
    en = {k: v[1] if isinstance(v, tuple) else v for k, v in params.items()}
    return Problem(severity, "history", file, row, column, index, value, tr(message, "da").format(**da),
                   message.format(**en))


def _add(problems: ProblemList, severity: str, file: str, row: int | None, column: str | None, index: int | None,
         value: str | None, message: str, /, **params: object) -> None:
    """Add a ``_problem`` to ``problems``; past the cap it is only counted, never worded."""
    problems.add(severity, lambda: _problem(severity, file, row, column, index, value, message, **params))


def map_columns(headers: list[str], known: dict[str, str], file: str, problems: ProblemList) -> dict[str, int]:
    """Which column holds each known field (``known``: normalised header -> field): an unknown
    header is a warning, a field's second column an error (the history and the flows import)."""
    columns: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = known.get(normalize(header))
        if key is None:
            if header:
                _add(problems, WARNING, file, None, header, index, None, N_("unknown column; it will not be imported"))
        elif key in columns:
            _add(problems, ERROR, file, None, header, index, None, N_("the column appears twice"))
        else:
            columns[key] = index
    return columns


def _find_norm_set(text: str, custom: list[NormSet]) -> NormSet | None:
    wanted = normalize(text)
    for norm_set in (*custom, *builtin_norm_sets()):
        names = (norm_set.id, norm_set.name_da, norm_set.name_en, norm_set.short_da, norm_set.short_en)
        if wanted in {normalize(n) for n in names}:
            return norm_set
    return None


def _names_a_date(known: dict[str, str]) -> Callable[[list[Any]], bool]:
    """The header test of a history table: the row names a date column (a title above is skipped)."""
    return lambda cells: any(known.get(normalize(c)) == "date" for c in cells if not is_blank(c))


def snapshots_from_table(path: str | Path, team: Team, sheet: str | None = None) -> HistoryImport:
    """Read a spreadsheet of dated team figures (raises ``ReadError`` if it cannot be read)."""
    known = _headers()
    # a sheet far longer than the team file's room for snapshots is refused without reading it all
    room = snapshot_room(team)
    table = read_table(path, sheet, is_header=_names_a_date(known), max_rows=max(room + 50, ROWS_READ))
    file = table.file_name
    result = HistoryImport()
    headers, rows, numbers = table.headers, table.rows, table.row_numbers
    columns = map_columns(headers, known, file, result.problems)
    for key, (da, en, _more, required) in HISTORY_COLUMNS.items():
        if required and key not in columns:
            _add(result.problems, ERROR, file, None, None, None, None, N_("the column \"{header}\" is missing"),
                 header=(da, en))
    if result.refused:
        return result
    seen: dict[date, int] = {}
    for row, number in zip(rows, numbers, strict=True):
        snapshot = _row_snapshot(row, number, columns, headers, file, team, seen, result.problems)
        if snapshot is not None:
            result.snapshots.append(snapshot)
    if not rows:
        _add(result.problems, ERROR, file, None, None, None, None, N_("the file has no rows of figures"))
    if not result.refused and len(result.snapshots) > room:
        _add(result.problems, ERROR, file, None, None, None, None,
             N_("the file has {rows} rows of figures; the team file has room for {room} more snapshots (at most "
                "{cap})"), rows=len(result.snapshots), room=room, cap=int(limits()["max_snapshots"]))
    if result.refused:
        result.snapshots = []
    return result


def _row_snapshot(row: list[Any], number: int, columns: dict[str, int], headers: list[str], file: str, team: Team,
                  seen: dict[date, int], problems: ProblemList) -> Snapshot | None:
    values: dict[str, Any] = {}
    failed = False

    def parse(key: str, parser: Callable[[Any], Any]) -> None:
        nonlocal failed
        index = columns.get(key)
        if index is None or is_blank(row[index]):
            if HISTORY_COLUMNS[key][3]:
                _add(problems, ERROR, file, number, headers[index] if index is not None else None, index, None,
                     N_("the cell must be filled in"))
                failed = True
            values[key] = None
            return
        try:
            values[key] = parser(row[index])
        except InputError as exc:
            problems.add(ERROR, partial(from_input_error, exc, file, number, headers[index], index))
            failed = True

    def fte(value: Any) -> float:
        from sagstal_desktop.io.team_schema import MAX_SNAPSHOT_FIGURE

        number_ = parse_number(value)
        if number_ < 0:
            raise InputError("negative", str(value))
        if number_ > MAX_SNAPSHOT_FIGURE:  # the bound the team file keeps (io.team_schema)
            raise InputError("too_large", str(value), MAX_SNAPSHOT_FIGURE)
        return number_

    parse("date", parse_date)
    for key in ("available_fte", "fte_needed_max", "fte_needed_min", "average_fte_caseload"):
        parse(key, fte)
    for key in ("staff", "cases", "over_count"):
        parse(key, parse_count)
    parse("label", check_label)
    parse("norm_set", lambda v: str(v).strip())
    if failed:
        return None
    day: date = values["date"]
    if day in seen:
        index = columns["date"]
        _add(problems, ERROR, file, number, headers[index], index, day.isoformat(), N_("the date is also in row {row}"),
             row=seen[day])
        return None
    seen[day] = number
    if values["fte_needed_max"] > values["fte_needed_min"]:
        index = columns["fte_needed_max"]
        _add(problems, ERROR, file, number, headers[index], index, str(row[index]),
             N_("FTE needed at max cannot exceed FTE needed at min"))
        return None
    norm_set = None
    if values["norm_set"]:
        norm_set = _find_norm_set(values["norm_set"], team.custom_norm_sets)
        if norm_set is None:
            index = columns["norm_set"]
            _add(problems, ERROR, file, number, headers[index], index, values["norm_set"], N_("unknown norm set"))
            return None
    figures = SnapshotFigures(
        staff=values["staff"], cases=values["cases"], available_fte=values["available_fte"],
        fte_needed_max=values["fte_needed_max"], fte_needed_min=values["fte_needed_min"], fte_needed_mid=None,
        over_count=values["over_count"], average_fte_caseload=values["average_fte_caseload"],
    )
    return figures_snapshot(day, figures, values["label"] or "", norm_set, file, morning_of(day))

"""Importing staff and case counts from a read table: checking every cell, then a plan.

``analyze(table, norm_set, mapping)`` parses each row with the core validation parsers and
returns an ``ImportPlan``: the parsed rows and every problem found (file, row, column, value,
message in Danish and English). Nothing changes until the caller applies the plan, and a plan
with errors refuses to be applied. The rows are applied by the core operation
``core.operations.import_rows`` (the one the window's import and ``sagstal import --into`` make);
``ImportPlan.apply`` does so on a copy of the team. The modes (``MERGE``, ``REPLACE_COUNTS``,
``REPLACE_TEAM``) are described there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sagstal_desktop.core.competences import parse_competences, parse_takes_new_cases
from sagstal_desktop.core.model import Team, TeamSettings
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.core.operations import (
    IMPORT_MODES,
    MERGE,
    REPLACE_COUNTS,
    REPLACE_TEAM,
    ImportRow,
    import_rows,
    name_key,
)
from sagstal_desktop.core.validation import (
    InputError,
    check_length,
    check_name,
    future_start,
    is_blank,
    limits,
    parse_count,
    parse_date,
    parse_hours,
    parse_other_hours,
)
from sagstal_desktop.i18n import ntr, tr
from sagstal_desktop.io import columns as col
from sagstal_desktop.io.gc_pause import paused_gc
from sagstal_desktop.io.problems import ERROR, WARNING, Problem, column_letter, from_input_error, make
from sagstal_desktop.io.table_reader import RawTable, ReadCancelled, read_table
from sagstal_desktop.io.team_schema import TABLES

MODES = IMPORT_MODES
__all__ = ["MERGE", "MODES", "REPLACE_COUNTS", "REPLACE_TEAM", "ImportPlan", "ParsedRow", "analyze", "describe",
           "import_file", "name_key"]

#: One valid row: the values of its non-empty cells, by target (plain data for the core).
ParsedRow = ImportRow


@dataclass
class Changes:
    """What applying a plan does to a team, for the preview and the undo text."""

    added: list[str]
    updated: list[str]
    removed: list[str]


@dataclass
class ImportPlan:
    """The result of checking a table: rows to import and problems. Apply only if ``ok``."""

    table: RawTable
    norm_set: NormSet
    mapping: list[str | None]
    rows: list[ParsedRow]
    problems: list[Problem]
    present: frozenset[str]  # targets with a column in the file

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not any(p.severity == ERROR for p in self.problems)

    def _check_ok(self) -> None:
        if not self.ok:
            raise ValueError(f"the import has {len(self.errors)} error(s) and cannot be applied")

    # -- applying (by the core operation) ----------------------------------------------------
    def new_team(self, settings: TeamSettings | None = None) -> Team:
        """A new team holding the file's staff, measured against the plan's norm set."""
        self._check_ok()
        team = Team(settings=settings or TeamSettings(norm_set_id=self.norm_set.id))
        if settings is None and self.norm_set.kind == "custom":
            team.custom_norm_sets = [self.norm_set]
        self.apply_to(team, MERGE)
        return team

    def apply(self, team: Team, mode: str = MERGE) -> Team:
        """A copy of ``team`` with the file applied in ``mode``; ``team`` itself is unchanged."""
        self._check_ok()
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        with paused_gc():
            result = team.copy()
        self.apply_to(result, mode)
        return result

    def apply_to(self, team: Team, mode: str = MERGE) -> None:
        """Apply the file to ``team`` itself (``core.operations.import_rows``)."""
        self._check_ok()
        with paused_gc():
            import_rows(team, self.rows, mode, self.present, self.norm_set.full_time_hours)

    def changes(self, team: Team | None, mode: str = MERGE) -> Changes:
        existing = {name_key(p.name): p.name for p in team.staff} if team else {}
        in_file = {name_key(r.name) for r in self.rows}
        added = [r.name for r in self.rows if name_key(r.name) not in existing]
        updated = [existing[name_key(r.name)] for r in self.rows if name_key(r.name) in existing]
        removed = [n for k, n in existing.items() if k not in in_file] if mode == REPLACE_TEAM else []
        return Changes(added, updated, removed)


# -- analysis ------------------------------------------------------------------------------------


def analyze(table: RawTable, norm_set: NormSet, mapping: Sequence[str | None] | None = None,
            progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> ImportPlan:
    """Check every mapped cell of ``table``; ``mapping`` defaults to the guessed one.
    ``progress(done, total)`` is called now and then; ``cancelled()`` -> True stops with
    ``ReadCancelled``."""
    mapping = list(mapping) if mapping is not None else col.guess_mapping(table.headers, norm_set)
    if len(mapping) != len(table.headers):
        raise ValueError("the mapping must have one target per column")
    file = table.file_name
    problems = _column_problems(table, norm_set, mapping)
    present = frozenset(t for t in mapping if t is not None and t != col.COMPUTED)
    if not table.rows:
        problems.append(make(ERROR, "no_rows", file, row=table.header_row))
    rows: list[ParsedRow] = []
    limit = TABLES["staff"].row_limit()  # the reader's bound: refused before any row is parsed
    if len(table.rows) > limit:
        problems.append(make(ERROR, "too_many_staff", file, rows=_thousands(len(table.rows)),
                             limit=_thousands(limit)))
    elif col.NAME in present:
        with paused_gc():
            rows = _parse_rows(table, mapping, problems, progress, cancelled, norm_set)
    return ImportPlan(table, norm_set, mapping, rows, problems, present)


def _column_problems(table: RawTable, norm_set: NormSet, mapping: list[str | None]) -> list[Problem]:
    file, header_row = table.file_name, table.header_row
    problems: list[Problem] = []
    first_of: dict[str, int] = {}
    for index, (header, target) in enumerate(zip(table.headers, mapping, strict=True)):
        if target is None:
            if header.strip():
                problems.append(make(WARNING, "unknown_column", file, header_row, header, index))
            elif any(r[index] is not None and str(r[index]).strip() for r in table.rows):
                problems.append(make(WARNING, "headerless_column", file, header_row, header, index))
            continue
        if target == col.COMPUTED:
            continue
        if target in first_of:
            other = first_of[target]
            problems.append(make(ERROR, "double_target", file, header_row, header, index,
                                 other=table.headers[other], other_letter=column_letter(other),
                                 target=(col.target_label(target, "da"), col.target_label(target, "en"))))
            continue
        first_of[target] = index
        case_type = col.case_type_of(target)
        if case_type is not None and norm_set.norm_for(case_type) is None and _has_cases(table.rows, index):
            problems.append(make(WARNING, "uncovered_type", file, header_row, header, index,
                                 norm_set=(norm_set.name("da"), norm_set.name("en"))))
    for number, cells in table.ragged_rows:
        problems.append(make(ERROR, "ragged_row", file, number, cells=cells, columns=len(table.headers)))
    if col.NAME not in first_of:
        problems.append(make(ERROR, "no_name_column", file, header_row))
    elif not any(col.case_type_of(t) for t in first_of):
        problems.append(make(WARNING, "no_count_columns", file, header_row))
    if col.NAME in first_of and col.WEEKLY_HOURS not in first_of:
        problems.append(make(WARNING, "no_hours_column", file, header_row, hours=norm_set.full_time_hours))
    return problems


def _thousands(n: int) -> tuple[str, str]:
    """``n`` with Danish and English thousands separators (for ``make``)."""
    return f"{n:,}".replace(",", "."), f"{n:,}"


def _has_cases(rows: list[list[Any]], index: int) -> bool:
    return any(not is_blank(r[index]) and str(r[index]).strip() not in ("0", "0.0", "0,0") for r in rows)


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _parse_rows(table: RawTable, mapping: list[str | None], problems: list[Problem],
                progress: Callable[[int, int], None] | None,
                cancelled: Callable[[], bool] | None, norm_set: NormSet) -> list[ParsedRow]:
    file = table.file_name
    headers = table.headers
    used: dict[str, int] = {}
    for index, target in enumerate(mapping):
        if target is not None and target != col.COMPUTED:
            used.setdefault(target, index)
    name_i = used[col.NAME]
    hours_i = used.get(col.WEEKLY_HOURS)
    other_i = used.get(col.OTHER_HOURS)
    date_i = used.get(col.START_DATE)
    text_fields = [(t, used[t]) for t in (col.OTHER_TASKS, col.NOTE) if t in used]
    parsed_fields = [(t, used[t], parser) for t, parser in (
        (col.COMPETENCES, lambda value: parse_competences(value, norm_set)),
        (col.TAKES_NEW_CASES, parse_takes_new_cases),
    ) if t in used]
    count_cols = [(col.case_type_of(t), i) for t, i in used.items() if col.case_type_of(t)]
    count_cols.sort(key=lambda item: item[1])
    level_cols = sorted(((*col.level_of(t), i) for t, i in used.items() if col.level_of(t)), key=lambda c: c[2])
    first_row_of: dict[str, int] = {}
    rows: list[ParsedRow] = []
    total = len(table.rows)

    def fail(exc: InputError, number: int, index: int) -> None:
        problems.append(from_input_error(exc, file, number, headers[index], index))

    for position, (number, cells) in enumerate(zip(table.row_numbers, table.rows, strict=True)):
        if position % 5000 == 0:
            if cancelled is not None and cancelled():
                raise ReadCancelled
            if progress is not None:
                progress(position, total)
        ok = True
        try:
            raw_name = cells[name_i]
            name = check_name(None if raw_name is None else _text(raw_name))
        except InputError as exc:
            fail(exc, number, name_i)
            name, ok = "", False
        if name:
            key = name_key(name)
            if key in first_row_of:
                problems.append(make(ERROR, "duplicate_name", file, number, headers[name_i], name_i,
                                     value=name, first=first_row_of[key]))
                ok = False
            else:
                first_row_of[key] = number
        parsed = ParsedRow(number, name)
        weekly: float | None = None
        if hours_i is not None:
            try:
                weekly = parse_hours(cells[hours_i])
                parsed.values[col.WEEKLY_HOURS] = weekly
            except InputError as exc:
                fail(exc, number, hours_i)
                ok = False
        if other_i is not None and not is_blank(cells[other_i]):
            try:
                parsed.values[col.OTHER_HOURS] = parse_other_hours(
                    cells[other_i], weekly if weekly is not None else float(limits()["max_weekly_hours"]))
            except InputError as exc:
                fail(exc, number, other_i)
                ok = False
        if date_i is not None and not is_blank(cells[date_i]):
            try:
                parsed.values[col.START_DATE] = day = parse_date(cells[date_i])
                if future_start(day, date.today()):
                    problems.append(make(WARNING, "future_start", file, number, headers[date_i], date_i,
                                         _text(cells[date_i]), starts=(future_start(day, date.today(), "da"),
                                                                       future_start(day, date.today(), "en"))))
            except InputError as exc:
                fail(exc, number, date_i)
                ok = False
        for target, index in text_fields:
            if not is_blank(cells[index]):
                try:
                    parsed.values[target] = check_length(_text(cells[index]), "max_text_length")
                except InputError as exc:
                    fail(exc, number, index)
                    ok = False
        for target, index, parser in parsed_fields:
            if not is_blank(cells[index]):
                try:
                    parsed.values[target] = parser(cells[index])
                except InputError as exc:
                    fail(exc, number, index)
                    ok = False
        for case_type, index in count_cols:
            value = cells[index]
            if is_blank(value):
                continue
            try:
                parsed.counts[case_type] = parse_count(value)
            except InputError as exc:
                fail(exc, number, index)
                ok = False
        for case_type, level, index in level_cols:
            value = cells[index]
            if is_blank(value):
                continue
            try:
                n = parse_count(value)
                split = parsed.levels.setdefault(case_type, {})
                if n:
                    split[level] = n
                total = parsed.counts.get(case_type, 0)
                if sum(split.values()) > total:  # more at a level than the total: this cell says so
                    raise InputError("levels_over_total", sum(split.values()), total)
            except InputError as exc:
                fail(exc, number, index)
                ok = False
        parsed.levels = {t: split for t, split in parsed.levels.items() if split}
        if ok:
            rows.append(parsed)
    if progress is not None:
        progress(total, total)
    return rows


def import_file(path: Path | str, norm_set: NormSet, sheet: str | None = None,
                mapping: Sequence[str | None] | None = None) -> ImportPlan:
    """Read and check a file in one go (CLI, tests). Raises ``ReadError`` if it cannot be read."""
    return analyze(read_table(path, sheet), norm_set, mapping)


def describe(plan: ImportPlan, changes: Changes, lang: str = "da") -> str:
    """A one-line description of an import (the undo text)."""
    added, updated, removed = len(changes.added), len(changes.updated), len(changes.removed)
    parts = [ntr("{n} added", "{n} added", added, lang).format(n=added),
             ntr("{n} updated", "{n} updated", updated, lang).format(n=updated)]
    if removed:
        parts.append(ntr("{n} removed", "{n} removed", removed, lang).format(n=removed))
    return tr("Import from {name} ({changes})", lang).format(name=plan.table.file_name, changes=", ".join(parts))


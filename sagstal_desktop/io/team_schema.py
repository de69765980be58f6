"""What a ``.sagstal`` file may hold: every table, column and JSON field with its type and bounds.

The reader (``io/document.py``) reads only the tables named here, only the columns named here,
and checks every value with ``Field.check`` before anything reaches the core. A value that does
not fit raises ``Violation`` (table, field, row, value, reason); the reader turns it into a
``DocumentError`` with a Danish and an English message. One more column is one more ``Field``
line in ``TABLES`` (and a migration for older files).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from itertools import compress, repeat
from operator import is_
from typing import Any, NamedTuple

from sagstal_desktop.core.validation import (
    MAX_COUNT,
    budget_first_year_range,
    budget_years_range,
    limits,
    shorten,
)

# Budgets that keep a hostile file from taking the program's memory or time.
MAX_FILE_BYTES = 256 * 1024 * 1024  # a 100,000-person team with snapshots is far smaller
# SQLite virtual-machine steps for reading one file: a 32 MB file of 100,000 staff takes about
# 9 million, a file at the size budget well under 100 million; about 15 s on a 2026 laptop.
MAX_SQL_STEPS = 300_000_000
MAX_SQL_VALUE_BYTES = 64 * 1024 * 1024  # one text or blob value inside the file
MAX_JSON_DEPTH = 32
# The work of decoding a file's JSON values, counted before each is parsed: an upper bound on
# the values and keys it holds (its brackets, braces, commas and colons), summed over the file.
# Decoding costs about 45 bytes of memory per unit (measured: 4 million empty lists, 600,000
# staff-like objects, 6 million numbers), so the budget keeps a hostile file under about 500 MB
# and 3 s. A snapshot costs about 36 per person (2,200 for a team of 60, whose 1,000 snapshots
# use 2.2 million); a team of 2,000 reaches the budget at about 170 snapshots.
MAX_JSON_NODES = 10_000_000
ID_LENGTH = 128  # staff ids, case-type ids, norm-set ids, JSON keys
YEAR_RANGE = (1900, 2200)  # dates in a file (start dates, snapshot times)
MAX_MONEY = 1e9  # DKK a year per full-time caseworker

TEXT, REAL, INT, DATE, DATETIME, JSON = "text", "real", "int", "date", "datetime", "json"


class Violation(ValueError):
    """A value in the file that does not fit the schema. ``reason`` is a key of
    ``DocumentError._REASONS``; ``limit`` is shown with it."""

    def __init__(self, table: str, field: str, row: int | None, value: Any, reason: str, limit: Any = "") -> None:
        self.table, self.field, self.row, self.value, self.reason, self.limit = table, field, row, value, reason, limit
        super().__init__(f"{table}.{field} row {row}: {show_value(value)} ({reason})")


def show_value(value: Any) -> str:
    """A value as a message shows it: short, one line, no control characters."""
    if value is None:
        return "NULL"
    if isinstance(value, bytes | bytearray | memoryview):
        return f"BLOB ({len(bytes(value))} bytes)"
    if isinstance(value, float | int) and not isinstance(value, bool):
        return repr(value)
    if isinstance(value, str):
        cleaned = "".join(ch if ch.isprintable() else "?" for ch in shorten(value, 40))
        return f'"{cleaned}"'
    return shorten(type(value).__name__, 40)


@dataclass(frozen=True, slots=True)
class Field:
    """One column (or one key of a JSON object) and what it may hold."""

    name: str
    kind: str  # TEXT, REAL, INT, DATE, DATETIME or JSON
    nullable: bool = False
    max_len: int | str = ID_LENGTH  # TEXT/JSON: characters; a str names a limit in defaults.json
    low: float | None = None  # REAL/INT: inclusive bounds
    high: float | str | None = None  # a str names a limit in defaults.json
    json_type: type = dict  # JSON: the top-level type
    item_type: type | None = None  # JSON list: the type of every item (strings at most ID_LENGTH)

    def check(self, value: Any, table: str, row: int | None) -> Any:
        """The value as the model wants it (a date for DATE, a parsed object for JSON), or
        ``Violation``."""
        if value is None:
            if self.nullable:
                return None
            raise Violation(table, self.name, row, value, "null")
        checker = _CHECKERS[self.kind]
        return checker(self, value, table, row)

    def check_with_facts(self, value: Any, table: str, row: int | None) -> tuple[Any, JsonFacts | None]:
        """``check``, and for a JSON value also its ``json_facts`` (found while checking its
        depth), for ``check_strings``; None for other kinds."""
        if value is None or self.kind != JSON:
            return self.check(value, table, row), None
        return _json(self, value, table, row, facts=True)

    def compiled(self) -> Callable[[Any, str, int | None], Any]:
        """``check`` with its limits looked up once: the common case (a value of the right type
        within bounds) is one type test and one comparison; everything else goes through
        ``check``, which gives the same result and the same ``Violation``. For reading many rows."""
        check = self.check
        if self.kind == TEXT:
            limit = self.length_limit()

            def text(value: Any, table: str, row: int | None) -> Any:
                if value.__class__ is str and len(value) <= limit:
                    return value
                return check(value, table, row)
            return text
        high = self.high_limit()
        if self.kind in (REAL, INT) and self.low is not None and high is not None:
            low = self.low
            if self.kind == INT:
                def whole(value: Any, table: str, row: int | None) -> Any:
                    if value.__class__ is int and low <= value <= high:
                        return value
                    return check(value, table, row)
                return whole

            def real(value: Any, table: str, row: int | None) -> Any:
                if value.__class__ is float and low <= value <= high:  # NaN and infinities fail here
                    return value
                return check(value, table, row)
            return real
        return check

    def converter(self) -> Callable[[Any, str, int | None], Any]:
        """``compiled``, and for a DATE field also remembered by value (a team's start dates
        repeat): a value seen once is not parsed again. Only values that pass are remembered,
        so a bad value raises its ``Violation`` every time."""
        check = self.compiled()
        if self.kind != DATE:
            return check
        seen: dict[str, Any] = {}

        def remembered(value: Any, table: str, row: int | None) -> Any:
            if value.__class__ is str:
                found = seen.get(value)
                if found is None:
                    found = seen[value] = check(value, table, row)
                return found
            return check(value, table, row)
        return remembered

    def clean_sql(self) -> str | None:
        """An SQL condition on the column that holds only when ``check`` surely passes: text (of
        the right length, counted in bytes, at least its characters), a whole number or a real
        number within bounds (all given back unchanged), a date as ``YYYY-MM-DD`` that exists and
        lies within ``YEAR_RANGE``, or the empty JSON value of the field's type (``[]``, ``{}``);
        ``bulk_values`` gives the last two as ``check`` would. None for kinds that are always
        checked in Python (date-times, JSON that is not empty, numbers without bounds). A value
        where it does not hold is checked by ``check``. Text is compared byte by byte (``COLLATE
        BINARY``): a file's own collation cannot make another text equal."""
        column = '"' + self.name.replace('"', '""') + '"'
        if self.kind == TEXT:
            condition = f"typeof({column}) = 'text' AND length(CAST({column} AS BLOB)) <= {self.length_limit()}"
        elif self.kind in (INT, REAL) and self.low is not None and self.high_limit() is not None:
            kind = "integer" if self.kind == INT else "real"
            condition = (f"typeof({column}) = '{kind}' AND {column} >= {_sql_number(self.low)} "
                         f"AND {column} <= {_sql_number(self.high_limit())}")
        elif self.kind == DATE:
            # date(x, '+0 days') writes the day x names as YYYY-MM-DD, an impossible day (02-30)
            # moved on (date(x) alone keeps it): a ten-byte text equal to it is a real date
            condition = (f"typeof({column}) = 'text' AND length(CAST({column} AS BLOB)) = 10 "
                         f"AND date({column}, '+0 days') = {column} COLLATE BINARY AND {column} COLLATE BINARY "
                         f"BETWEEN '{YEAR_RANGE[0]:04d}-01-01' AND '{YEAR_RANGE[1]:04d}-12-31'")
        elif self.kind == JSON and self.json_type in (list, dict):
            empty = "[]" if self.json_type is list else "{}"
            condition = f"typeof({column}) = 'text' AND {column} = '{empty}' COLLATE BINARY"
        else:
            return None
        return f"({column} IS NULL OR ({condition}))" if self.nullable else f"({condition})"

    @property
    def converts(self) -> bool:
        """Whether ``check`` gives a value meeting ``clean_sql`` back as another object (a date,
        an empty list or dict): ``bulk_values`` makes them."""
        return self.kind in (DATE, JSON)

    def bulk_values(self, values: Sequence[Any], facts: bool = False) -> Sequence[Any]:
        """A whole column of values that meet ``clean_sql``, each as ``check`` gives it (with
        ``facts``, a JSON value as ``check_with_facts`` gives it): each distinct date parsed once,
        a new empty list or dict for every JSON value. Other kinds come back as they are."""
        if self.kind == DATE:
            parsed = {value: self.check(value, "", None) for value in set(values)}
            return list(map(parsed.__getitem__, values))
        if self.kind == JSON:
            make = self.json_type
            return [(make(), _EMPTY_FACTS) for _ in values] if facts else [make() for _ in values]
        return values

    def length_limit(self) -> int:
        return int(limits()[self.max_len]) if isinstance(self.max_len, str) else self.max_len

    def high_limit(self) -> float | None:
        return float(limits()[self.high]) if isinstance(self.high, str) else self.high


def _sql_number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def bulk_clean(db: Any, table: Table) -> list[bool]:
    """For each field of ``table`` (an sqlite3 connection's table with these columns): whether
    every value in it meets ``Field.clean_sql``. The common case (every value meets it) costs one
    pass over the table that finds no row outside the conditions; only when one is found does a
    second pass tell the columns apart (and those columns are then checked value by value)."""
    conditions = [f.clean_sql() for f in table.fields]
    tests = [c for c in conditions if c is not None]
    if not tests:
        return [False] * len(conditions)
    offender = db.execute(f'SELECT 1 FROM "{table.name}" WHERE ({" AND ".join(tests)}) IS NOT 1 LIMIT 1').fetchone()
    if offender is None:  # NULL (unknown) counts as an offender: IS NOT 1
        return [c is not None for c in conditions]
    row = db.execute("SELECT " + ", ".join(f"max(CASE WHEN {c} THEN 0 ELSE 1 END)" for c in tests)
                     + f' FROM "{table.name}"').fetchone()
    flags = iter(row)
    return [False if c is None else next(flags) in (0, None) for c in conditions]


def _text(f: Field, value: Any, table: str, row: int | None) -> str:
    if not isinstance(value, str):
        raise Violation(table, f.name, row, value, "not_text")
    if len(value) > f.length_limit():
        raise Violation(table, f.name, row, value, "too_long", f.length_limit())
    return value


def _number(f: Field, value: Any, table: str, row: int | None, whole: bool) -> float | int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Violation(table, f.name, row, value, "not_whole" if whole else "not_number")
    if isinstance(value, float) and not math.isfinite(value):
        raise Violation(table, f.name, row, value, "not_finite")
    if whole and not (isinstance(value, int) or value.is_integer()):
        raise Violation(table, f.name, row, value, "not_whole")
    high = f.high_limit()
    if (f.low is not None and value < f.low) or (high is not None and value > high):
        raise Violation(table, f.name, row, value, "out_of_range", f"{_plain(f.low)}–{_plain(high)}")
    return int(value) if whole else float(value)


def _plain(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else str(x)


def _real(f: Field, value: Any, table: str, row: int | None) -> float:
    return float(_number(f, value, table, row, whole=False))


def _int(f: Field, value: Any, table: str, row: int | None) -> int:
    return int(_number(f, value, table, row, whole=True))


def _date(f: Field, value: Any, table: str, row: int | None) -> date | datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise Violation(table, f.name, row, value, "not_date")
    try:
        parsed = datetime.fromisoformat(value) if f.kind == DATETIME else date.fromisoformat(value)
    except ValueError:
        raise Violation(table, f.name, row, value, "not_date") from None
    if not YEAR_RANGE[0] <= parsed.year <= YEAR_RANGE[1]:
        raise Violation(table, f.name, row, value, "out_of_range", f"{YEAR_RANGE[0]}–{YEAR_RANGE[1]}")
    return parsed


#: The empty JSON values most rows hold (no competences, no reductions), parsed without the parser.
_EMPTY_JSON: dict[str, type] = {"[]": list, "{}": dict}


#: What is left of the JSON budget of the file being read (None: no budget, e.g. a value
#: checked on its own).
_JSON_LEFT: ContextVar[list[int] | None] = ContextVar("json_budget", default=None)


@contextmanager
def json_budget(nodes: int | None = None) -> Iterator[None]:
    """Check every JSON value decoded inside the block against one shared budget of ``nodes``
    (``json_cost``); a value that would go over it raises ``Violation`` (reason ``too_complex``)
    before it is parsed."""
    token = _JSON_LEFT.set([MAX_JSON_NODES if nodes is None else nodes])
    try:
        yield
    finally:
        _JSON_LEFT.reset(token)


def json_cost(text: str) -> int:
    """An upper bound on the values and keys in JSON ``text``, without parsing it."""
    return text.count("[") + text.count("{") + text.count(",") + text.count(":") + 1


def _charge(f: Field, text: str, table: str, row: int | None) -> None:
    left = _JSON_LEFT.get()
    if left is None:
        return
    cost = json_cost(text)
    if cost > left[0]:
        raise Violation(table, f.name, row, text, "too_complex", MAX_JSON_NODES)
    left[0] -= cost


def _json(f: Field, value: Any, table: str, row: int | None, facts: bool = False) -> Any:
    """The parsed value; with ``facts``, (the parsed value, its ``json_facts``)."""
    import json

    empty = _EMPTY_JSON.get(value) if isinstance(value, str) else None
    if empty is not None and empty is f.json_type:
        # what json.loads gives, and an empty value passes every check below
        return (empty(), _EMPTY_FACTS) if facts else empty()
    text = _text(f, value, table, row)
    _charge(f, text, table, row)
    try:
        parsed = json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise Violation(table, f.name, row, value, "too_deep", MAX_JSON_DEPTH) from None
    except ValueError:
        raise Violation(table, f.name, row, value, "not_json") from None
    if not isinstance(parsed, f.json_type):
        raise Violation(table, f.name, row, value, "wrong_json_type")
    found = json_facts(parsed) if facts else None
    if (json_depth(parsed) if found is None else found.depth) > MAX_JSON_DEPTH:
        raise Violation(table, f.name, row, value, "too_deep", MAX_JSON_DEPTH)
    if f.item_type is not None:
        for item in parsed:
            if not isinstance(item, f.item_type) or isinstance(item, bool):
                raise Violation(table, f.name, row, value, "wrong_json_type")
            if isinstance(item, str) and len(item) > ID_LENGTH:
                raise Violation(table, f.name, row, item, "too_long", ID_LENGTH)
    return (parsed, found) if facts else parsed


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # NaN, Infinity: Python's json accepts them by default


def json_depth(obj: Any) -> int:
    """The nesting depth of parsed JSON (iterative, level by level: no recursion on a deep
    input, and scalars are never looked at twice); stops counting past ``MAX_JSON_DEPTH``."""
    depth, level = 0, [obj]
    while level:
        depth += 1
        if depth > MAX_JSON_DEPTH:
            return depth
        below: list[Any] = []
        for item in level:
            kind = type(item)
            if kind is dict:
                below.extend(item.values())
            elif kind is list:
                below.extend(item)
        level = [item for item in below if type(item) in _CONTAINERS]
        if below and not level:
            depth += 1  # the scalars one level down
    return depth


_CONTAINERS = (dict, list)
_IS_CONTAINER = {dict, list}.__contains__


class JsonFacts(NamedTuple):
    """What ``check_strings`` asks of parsed JSON, found in one pass: its depth (as
    ``json_depth``), its longest key, its longest string, whether every float is finite."""

    depth: int
    longest_key: int
    longest_string: int
    finite: bool


_EMPTY_FACTS = JsonFacts(1, 0, 0, True)


def json_facts(obj: Any) -> JsonFacts:
    """``JsonFacts`` of JSON as ``json.loads`` gives it (dicts, lists, str, int, float, bool,
    None; exactly those types), level by level like ``json_depth``: the strings, floats and
    keys of a level are measured by built-in functions, not by a Python step per value. Stops
    past ``MAX_JSON_DEPTH`` (the value is then refused as too deep; the rest is not measured)."""
    depth, below = 0, [obj]
    longest_key = longest_string = 0
    finite = True
    while below:
        depth += 1
        types = list(map(type, below))
        if str in types:
            longest_string = max(longest_string, *map(len, compress(below, map(is_, types, repeat(str)))))
        if finite and float in types:
            finite = all(map(math.isfinite, compress(below, map(is_, types, repeat(float)))))
        level = list(compress(below, map(_IS_CONTAINER, types)))
        if not level or depth > MAX_JSON_DEPTH:
            break
        below = []
        for item in level:
            if item.__class__ is dict:
                if item:
                    longest_key = max(longest_key, *map(len, item))
                    below.extend(item.values())
            else:
                below.extend(item)
    return JsonFacts(depth, longest_key, longest_string, finite)


_CHECKERS = {TEXT: _text, REAL: _real, INT: _int, DATE: _date, DATETIME: _date, JSON: _json}


@dataclass(frozen=True, slots=True)
class Table:
    """One table the reader reads: its columns in order, its row budget and its order."""

    name: str
    fields: tuple[Field, ...]
    max_rows: int | str  # a str names a limit in defaults.json (``max_snapshots``, ``max_scenarios``)
    order_by: str

    def row_limit(self) -> int:
        return int(limits()[self.max_rows]) if isinstance(self.max_rows, str) else self.max_rows

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


_NAME, _FREE = "max_name_length", "max_text_length"
_HOURS = "max_weekly_hours"
_POSITION = Field("position", INT, low=0, high=10_000_000)

#: A person's own fields: a staff row's and a scenario's team inputs' alike.
_PERSON = (
    Field("name", TEXT, max_len=_NAME),
    Field("weekly_hours", REAL, low=0, high=_HOURS),
    Field("other_hours", REAL, low=0, high=_HOURS),
    Field("other_tasks", TEXT, max_len=_FREE),
    Field("start_date", DATE, nullable=True),
    Field("note", TEXT, max_len=_FREE),
)

#: The tables of the current schema version, as the reader checks them.
TABLES: dict[str, Table] = {t.name: t for t in (
    Table("team", (Field("key", TEXT, max_len=64), Field("value", JSON, max_len=1_000_000)), 100, "key"),
    Table("staff", (
        Field("id", TEXT),
        _POSITION,
        *_PERSON,
        Field("competences", JSON, max_len=100_000, json_type=list, item_type=str),  # since version 2
        Field("takes_new_cases", INT, low=0, high=1),  # since version 2
        Field("reductions", JSON, max_len=100_000, json_type=list, item_type=dict),  # since version 3
    ), 200_000, "position"),
    Table("case_counts", (
        Field("staff_id", TEXT),
        Field("case_type", TEXT),
        _POSITION,
        Field("count", INT, low=0, high=MAX_COUNT),
    ), 5_000_000, "staff_id, position"),
    Table("case_levels", (  # since version 4: case weight, how many of a count are at each level
        Field("staff_id", TEXT),
        Field("case_type", TEXT),
        Field("level", TEXT, max_len=16),
        Field("count", INT, low=0, high=MAX_COUNT),
    ), 15_000_000, "staff_id, case_type, level"),
    Table("norm_sets", (Field("id", TEXT), _POSITION, Field("data", JSON, max_len=4_000_000)), 1_000, "position"),
    Table("snapshots", (
        Field("id", INT, low=0, high=2**53),
        Field("taken_at", DATETIME),
        Field("label", TEXT, max_len=_NAME),
        Field("data", JSON, max_len=MAX_SQL_VALUE_BYTES),
    ), "max_snapshots", "taken_at, id"),
    Table("scenarios", (  # since version 3
        Field("name", TEXT, max_len=_NAME),
        _POSITION,
        Field("data", JSON, max_len=MAX_SQL_VALUE_BYTES),
    ), "max_scenarios", "position"),
    Table("flows", (  # since version 4: intake and closures per month and case type (core/flows.py)
        Field("month", DATE),
        Field("case_type", TEXT, max_len=_NAME),
        Field("new", INT, low=0, high=MAX_COUNT),
        Field("closed", INT, low=0, high=MAX_COUNT),
    ), "max_flow_rows", "month, case_type"),
)}

#: Tables added after version 1: the schema version that added them (older files get them by migration).
TABLE_SINCE = {"scenarios": 3, "flows": 4, "case_levels": 4}

#: One dated reduction (a staff row's ``reductions`` list, and a scenario's staff), since version 3.
REDUCTION_FIELDS = (
    Field("hours", REAL, low=0, high=_HOURS),
    Field("reason", TEXT, max_len=32),
    Field("start", DATE, nullable=True),
    Field("end", DATE, nullable=True),
    Field("note", TEXT, max_len=_FREE),
)

#: A staff member in a scenario's team inputs (``core.serialize.member_to_dict``).
MEMBER_FIELDS = (Field("id", TEXT), *_PERSON)


def check_member(member: dict[str, Any], row: int | None) -> None:
    """A scenario's staff member: the same bounds as a staff row, counts within MAX_COUNT."""
    if not isinstance(member, dict):
        raise Violation("scenarios", "data", row, member, "wrong_json_type")
    for f in MEMBER_FIELDS:
        if f.name in member:
            f.check(member[f.name], "scenarios.staff", row)
    counts = member.get("counts") or {}
    if not isinstance(counts, dict):
        raise Violation("scenarios", "counts", row, counts, "wrong_json_type")
    count = Field("count", INT, low=0, high=MAX_COUNT)
    for case_type, n in counts.items():
        count.check(n, "scenarios.counts", row)
        if len(case_type) > ID_LENGTH:
            raise Violation("scenarios", "counts", row, case_type, "too_long", ID_LENGTH)
    levels = member.get("levels") or {}
    if not isinstance(levels, dict):
        raise Violation("scenarios", "levels", row, levels, "wrong_json_type")
    check_levels_of(levels, counts, "scenarios.levels", row)


def check_levels_of(levels: dict[str, Any], counts: dict[str, Any], table: str, row: int | None) -> dict:
    """One person's case-weight split (case type -> level -> n) against the person's counts:
    known levels, whole counts 0..MAX_COUNT, their sum at most the type's count. Raises
    ``Violation``; returns the split cleaned (``core.case_weight.check_levels``)."""
    from sagstal_desktop.core.case_weight import LEVELS, LevelError, check_levels

    count = Field("count", INT, low=0, high=MAX_COUNT)
    for case_type, split in levels.items():
        if len(case_type) > ID_LENGTH:
            raise Violation(table, "case_type", row, case_type, "too_long", ID_LENGTH)
        if not isinstance(split, dict):
            raise Violation(table, "count", row, split, "wrong_json_type")
        for level, n in split.items():
            if level not in LEVELS:
                raise Violation(table, "level", row, level, "out_of_range", ", ".join(LEVELS))
            count.check(n, table, row)
    try:
        return check_levels(levels, counts)
    except LevelError as exc:
        raise Violation(table, "count", row, exc.value, "levels_over_total", exc.total) from None


def check_weighting(data: Any, table: str = "team.settings") -> dict[str, Any]:
    """The case weighting of the settings (``core.case_weight.Weighting.to_dict``), checked:
    a known mode and default level, points per known level > 0 and at most
    ``case_weight_max_points``, a note within the text limit."""
    from sagstal_desktop.core.case_weight import LEVELS, MODES, max_points

    if not isinstance(data, dict):
        raise Violation(table, "weighting", None, data, "wrong_json_type")
    out: dict[str, Any] = {}
    if "mode" in data:
        out["mode"] = Field("mode", TEXT, max_len=16).check(data["mode"], table, None)
        if out["mode"] not in MODES:
            raise Violation(table, "weighting.mode", None, out["mode"], "out_of_range", ", ".join(MODES))
    if "default_level" in data:
        out["default_level"] = Field("default_level", TEXT, max_len=16).check(data["default_level"], table, None)
        if out["default_level"] not in LEVELS:
            raise Violation(table, "weighting.default_level", None, out["default_level"], "out_of_range",
                            ", ".join(LEVELS))
    if "note" in data:
        out["note"] = Field("weighting.note", TEXT, max_len=_FREE).check(data["note"], table, None)
    if "points" in data:
        points = data["points"]
        if not isinstance(points, dict):
            raise Violation(table, "weighting.points", None, points, "wrong_json_type")
        top = max_points()
        field = Field("weighting.points", REAL, low=0, high=top)
        out["points"] = {}
        for level, value in points.items():
            if level not in LEVELS:
                raise Violation(table, "weighting.points", None, level, "out_of_range", ", ".join(LEVELS))
            number = field.check(value, table, None)
            if number <= 0:
                raise Violation(table, "weighting.points", None, value, "out_of_range", f"> 0–{_plain(top)}")
            out["points"][level] = number
    return out


@cache
def json_objects() -> dict[str, tuple[Field, ...]]:
    """The JSON objects stored under keys of the ``team`` table, field by field. Keys the
    program does not know are ignored (a later version may add some); missing ones take the
    default."""
    years_low, years_high = budget_years_range()
    first_low, first_high = budget_first_year_range()
    return {
        "info": (
            Field("municipality", TEXT, max_len=_NAME),
            Field("department", TEXT, max_len=_NAME),
            Field("team_name", TEXT, max_len=_NAME),
            Field("author_role", TEXT, max_len=32),
        ),
        "settings": (
            Field("norm_set_id", TEXT),
            Field("newcomer_reduction", REAL, low=0, high=1),
            Field("newcomer_months", INT, low=0, high="max_newcomer_months"),
            Field("cost_per_fte", REAL, nullable=True, low=0, high=MAX_MONEY),
            Field("cost_source", TEXT, max_len=_FREE),
            Field("budget_years", INT, low=years_low, high=years_high),
            Field("budget_first_year", INT, nullable=True, low=first_low, high=first_high),
            Field("anonymise_salt", TEXT, max_len=64),
            Field("weighting", JSON),  # since version 4: an object, checked by ``check_weighting``
        ),
    }


#: The most FTE, or cases per full-time position, a snapshot may record (far above any team).
MAX_SNAPSHOT_FIGURE = 1e9


@cache
def snapshot_fields() -> dict[str, tuple[Field, ...]]:
    """The JSON of a snapshot (``snapshots.data``, written by ``core.history``): its own keys
    (``data``) and its key figures (``figures``). ``inputs`` and ``norm_set`` must be objects;
    ``origin`` one of ``core.history.ORIGINS``. Keys a later version adds are kept unchecked."""
    staff_high = TABLES["staff"].row_limit()
    return {
        "data": (
            Field("format", INT, low=1, high=100),
            Field("as_of", DATE),
            Field("origin", TEXT, max_len=16),
            Field("source_file", TEXT, max_len=_FREE),
        ),
        "figures": (
            Field("as_of", DATE),
            Field("norm_set", TEXT, nullable=True),
            Field("staff", INT, nullable=True, low=0, high=staff_high),
            Field("cases", INT, nullable=True, low=0, high=staff_high * MAX_COUNT),
            Field("available_fte", REAL, low=0, high=MAX_SNAPSHOT_FIGURE),
            Field("fte_needed_max", REAL, low=0, high=MAX_SNAPSHOT_FIGURE),
            Field("fte_needed_mid", REAL, nullable=True, low=0, high=MAX_SNAPSHOT_FIGURE),
            Field("fte_needed_min", REAL, low=0, high=MAX_SNAPSHOT_FIGURE),
            Field("over", INT, nullable=True, low=0, high=staff_high),
            Field("average_fte_caseload", REAL, nullable=True, low=0, high=MAX_SNAPSHOT_FIGURE),
        ),
    }


def check_snapshot(data: Any, row: int) -> None:
    """Check a snapshot's parsed JSON against ``snapshot_fields`` (raises ``Violation``); the
    data is kept as it is."""
    from sagstal_desktop.core.history import ORIGINS

    if not isinstance(data, dict):
        raise Violation("snapshots", "data", row, data, "wrong_json_type")
    for key in ("inputs", "norm_set", "figures"):
        if key in data and not isinstance(data[key], dict):
            raise Violation("snapshots", f"data.{key}", row, data[key], "wrong_json_type")
    for part, fields in snapshot_fields().items():
        obj, table = (data, "snapshots") if part == "data" else (data.get(part, {}), "snapshots.figures")
        for f in fields:
            if f.name in obj:
                f.check(obj[f.name], table, row)
    weighting = data.get("figures", {}).get("weighting")
    if weighting is not None:  # since version 4: the case weighting measured with
        check_weighting(weighting, "snapshots.figures")
    origin = data.get("origin")
    if origin is not None and origin not in ORIGINS:
        raise Violation("snapshots", "origin", row, origin, "out_of_range", ", ".join(ORIGINS))


def check_object(key: str, data: dict[str, Any]) -> dict[str, Any]:
    """The known fields of the ``team`` table's JSON object ``key``, each checked (in the
    model's types: JSON numbers come as int or float)."""
    out: dict[str, Any] = {}
    for f in json_objects().get(key, ()):
        if f.name in data and f.kind != JSON:
            out[f.name] = f.check(data[f.name], f"team.{key}", None)
    if key == "settings" and "weighting" in data:  # since version 4
        out["weighting"] = check_weighting(data["weighting"], f"team.{key}")
    return out


def check_strings(obj: Any, table: str, field: str, row: int | None, max_len: int,
                  facts: JsonFacts | None = None) -> None:
    """Every string (and key) inside parsed JSON is at most ``max_len`` characters, and every
    number is finite. ``facts``: ``json_facts(obj)``, found while parsing; when they show it
    all holds, the values are not walked again (the walk names the first fault)."""
    if (facts is not None and facts.finite and facts.longest_key <= ID_LENGTH
            and facts.longest_string <= max_len):
        return
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for k, v in item.items():
                if len(k) > ID_LENGTH:
                    raise Violation(table, field, row, k, "too_long", ID_LENGTH)
                stack.append(v)
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and len(item) > max_len:
            raise Violation(table, field, row, item, "too_long", max_len)
        elif isinstance(item, float) and not math.isfinite(item):
            raise Violation(table, field, row, item, "not_finite")

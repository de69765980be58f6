"""The rows a team is written as: one image of every table of the team file, keyed by the
table's primary key (issue 25, saving only what changed).

``document._write`` inserts these rows (a full write), and ``io/incremental_save.py`` compares
the image of the team being saved with the image of the file on disk, row by row, to write only
the rows that differ. One builder for both, so an incremental save puts exactly the rows in the
file that a full write would.

A key that occurs twice (two people with one id, two scenarios with one name, two norm sets
with one id, a month and case type twice in the flows) raises ``sqlite3.IntegrityError`` with
SQLite's own words, as inserting the rows would.
"""

from __future__ import annotations

import json
import operator
import sqlite3
from dataclasses import dataclass, field

from sagstal_desktop.core.model import Team
from sagstal_desktop.core.serialize import info_to_dict, settings_to_dict

#: A person's own values as the model holds them, in the order of the table's columns after
#: ``id`` and ``position`` (``staff_row`` makes the row of them). Compared as they are, so an
#: unchanged person costs no conversion.
_PERSON = operator.attrgetter("id", "name", "weekly_hours", "other_hours", "other_tasks", "start_date", "note",
                              "competences", "takes_new_cases", "reductions")


_ID, _COUNTS, _LEVELS = operator.attrgetter("id"), operator.attrgetter("counts"), operator.attrgetter("levels")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def staff_row(person: tuple, position: int) -> tuple:
    """The ``staff`` row of a person's values (``_PERSON``) at ``position``."""
    sid, name, hours, other, tasks, start, note, competences, takes_new, reductions = person
    return (sid, position, name, hours, other, tasks, start.isoformat() if start else None, note,
            _dumps(list(competences)) if competences else "[]", int(takes_new),
            _dumps([r.to_dict() for r in reductions]) if reductions else "[]")


def staff_json_chars(row: tuple) -> int:
    """The characters of JSON text in a ``staff`` row (competences and reductions)."""
    return len(row[8]) + len(row[10])


@dataclass(eq=False)
class Image:
    """A team's rows, per table: primary key -> row (the table's columns in order).

    The staff are lists in the team's order (the position is the index): ``order`` the ids,
    ``persons`` each person's values as the model holds them (``_PERSON``), ``types`` and
    ``values`` each person's case types and counts (as given: ``int()`` when written); the
    dicts ``staff`` (id -> values) and ``counts`` (id -> (types, values)) are made from them
    when first needed. ``levels`` is per person (id -> ((case type, level, n), ...) sorted,
    only n > 0)."""

    team: dict[str, tuple] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    persons: list[tuple] = field(default_factory=list)
    types: list[tuple] = field(default_factory=list)
    values: list[tuple] = field(default_factory=list)
    levels: dict[str, tuple] = field(default_factory=dict)
    norm_sets: dict[str, tuple] = field(default_factory=dict)
    snapshots: dict[int, tuple] = field(default_factory=dict)
    scenarios: dict[str, tuple] = field(default_factory=dict)
    flows: dict[tuple, tuple] = field(default_factory=dict)
    #: characters of JSON text outside the staff rows, and in them (None until counted: the
    #: staff's JSON is made only for rows written), together an upper bound of the reader's
    #: JSON budget's cost (``team_schema.json_cost``)
    json_chars: int = 0
    staff_json_chars: int | None = None
    #: rows of the table ``case_counts``
    n_counts: int = 0
    #: id -> index in ``order``, made when first needed (``place``)
    positions: dict[str, int] | None = None
    _staff: dict[str, tuple] | None = None
    _counts: dict[str, tuple[tuple, tuple]] | None = None

    def place(self) -> dict[str, int]:
        """Each person's position (index in ``order``)."""
        if self.positions is None:
            self.positions = dict(zip(self.order, range(len(self.order)), strict=True))
        return self.positions

    @property
    def staff(self) -> dict[str, tuple]:
        """id -> the person's values; ``sqlite3.IntegrityError`` if an id occurs twice."""
        if self._staff is None:
            staff = dict(zip(self.order, self.persons, strict=True))
            if len(staff) != len(self.order):
                raise _unique("staff", "*id")
            self._staff = staff
        return self._staff

    @property
    def counts(self) -> dict[str, tuple[tuple, tuple]]:
        """id -> (case types, counts)."""
        if self._counts is None:
            self._counts = dict(zip(self.order, zip(self.types, self.values, strict=True), strict=True))
        return self._counts

    def count_rows(self) -> int:
        return self.n_counts

    def level_rows(self) -> int:
        return sum(len(v) for v in self.levels.values())

    # -- the SQL rows, in the order a full write inserts them ------------------------------
    def _by_id(self) -> list[int]:
        return sorted(range(len(self.order)), key=self.order.__getitem__)

    def staff_rows(self) -> list[tuple]:
        """By id, the order of the table's primary key (the reader orders by position); counts
        the staff's JSON on the way."""
        persons = self.persons
        rows = [staff_row(persons[i], i) for i in self._by_id()]
        self.staff_json_chars = sum(map(staff_json_chars, rows))
        return rows

    def count_rows_sql(self, ids=None) -> list[tuple]:
        """By person id, then position: each row lands next to the one before in the key's
        index instead of at a random place (half the time for 100,000 rows); the reader takes
        this order as it is (``document._counts``). ``ids``: only these people's rows."""
        places = self._by_id() if ids is None else [self.place()[sid] for sid in ids]
        out = []
        order, types, values = self.order, self.types, self.values
        for i in places:
            sid = order[i]
            out.extend((sid, t, j, int(n)) for j, (t, n) in enumerate(zip(types[i], values[i], strict=True)))
        return out

    def level_rows_sql(self, ids=None) -> list[tuple]:
        ids = sorted(self.levels) if ids is None else ids
        return [(sid, *row) for sid in ids for row in self.levels.get(sid, ())]


def _first(row: tuple) -> object:
    return row[0]


def _unique(table: str, columns: str) -> sqlite3.IntegrityError:
    return sqlite3.IntegrityError(f"UNIQUE constraint failed: {columns.replace('*', table + '.')}")


def image(team: Team) -> Image:
    """The rows of ``team`` as a full write stores them."""
    img = Image()
    chars = n_counts = 0
    for key, value in (("info", _dumps(info_to_dict(team.info))),
                       ("settings", _dumps(settings_to_dict(team.settings)))):
        img.team[key] = (key, value)
        chars += len(value)
    # column by column, in C (map, zip): a Python loop per person would cost several times more
    members = team.staff
    img.order = list(map(_ID, members))
    img.persons = list(map(_PERSON, members))
    owns = list(map(_COUNTS, members))
    img.types = list(map(tuple, owns))
    img.values = list(map(tuple, map(dict.values, owns)))
    n_counts = sum(map(len, img.types))
    for m in filter(_LEVELS, members):
        rows = tuple(sorted((t, level, int(n)) for t, split in m.levels.items() for level, n in split.items() if n))
        if rows:
            img.levels[m.id] = rows
    for i, s in enumerate(team.custom_norm_sets):
        if s.id in img.norm_sets:
            raise _unique("norm_sets", "*id")
        data = _dumps(s.to_dict())
        chars += len(data)
        img.norm_sets[s.id] = (s.id, i, data)
    for i, s in enumerate(team.snapshots, start=1):
        data = _dumps(s.data)
        chars += len(data)
        img.snapshots[i] = (i, s.taken_at.isoformat(), s.label, data)
    for i, s in enumerate(team.scenarios):
        if s.name in img.scenarios:
            raise _unique("scenarios", "*name")
        data = _dumps(s.to_dict())
        chars += len(data)
        img.scenarios[s.name] = (s.name, i, data)
    for f in team.flows:
        key = (f.month.isoformat(), f.case_type)
        if key in img.flows:
            raise _unique("flows", "*month, *case_type")
        img.flows[key] = (*key, f.new, f.closed)
    img.json_chars, img.n_counts = chars, n_counts
    return img

"""Issue 25, item 1: the reader's checks in bulk (``team_schema.Field.clean_sql``, one SQL pass per
table) give the same team, or the same message naming table, field, row and value, as checking
every value in Python (``Field.check``), the old way, kept as the oracle here.

The bad values are made from the schema itself: for every column of every table, one value
breaking each of its rules (missing, wrong type, below and above its bounds, too long, not a
date, a date out of range, not JSON, the wrong JSON type, too deep)."""

from __future__ import annotations

import math
import sqlite3
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from unittest import mock

import fuzz_corpus as fc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sagstal_desktop.core import scenarios as sc
from sagstal_desktop.core.flows import Flow
from sagstal_desktop.core.reductions import Reduction
from sagstal_desktop.io import document
from sagstal_desktop.io import team_schema as schema
from sagstal_desktop.io.document import DocumentError, load_team, save_team

S = schema


@contextmanager
def value_by_value():
    """The old reader: no column cleared by the SQL pass, every value through ``Field.check``
    (nor by the passes that check and fetch at once: ``_clean_rows``, ``_count_columns``)."""
    with mock.patch.object(schema, "bulk_clean", lambda db, spec: [False] * len(spec.fields)), \
            mock.patch.object(document, "_clean_rows", lambda *args: None), \
            mock.patch.object(document, "_count_columns", lambda *args: None):
        yield


def full_team():
    """A small valid team with a row in every table of the schema."""
    team = fc.base_team()
    first, second = team.staff[0], team.staff[1]
    case_type = next(t for t, n in first.counts.items() if n >= 3)
    team.staff[0] = replace(first, levels={case_type: {"enkel": 2, "kompleks": 1}})
    team.staff[1] = replace(second, competences=("sygedagpenge",),
                            reductions=(Reduction(4.0, "other", date(2026, 1, 1), None, "tillidshverv"),))
    team.scenarios.append(sc.derive(team, "Kopi"))
    team.flows = [Flow(date(2026, 1, 1), "sygedagpenge", 5, 3), Flow(date(2026, 2, 1), "sygedagpenge", 4, 6)]
    return team


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> bytes:
    path = save_team(full_team(), tmp_path_factory.mktemp("bulk") / "full.sagstal")
    db = sqlite3.connect(path)
    try:
        for table in S.TABLES:  # every table holds a row to spoil
            assert db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] >= 1, table
    finally:
        db.close()
    return path.read_bytes()


def bad_values(f: schema.Field) -> list[tuple[str, object]]:
    """(reason, value): one value breaking each rule of ``f``, from its own definition."""
    out: list[tuple[str, object]] = [] if f.nullable else [("null", None)]
    if f.kind == S.TEXT:
        limit = f.length_limit()
        out += [("not_text", 7), ("not_text", b"\x00a"), ("too_long", "x" * (limit + 1)),
                ("too_long", "æ" * (limit + 1))]
    elif f.kind in (S.INT, S.REAL):
        low, high = f.low, f.high_limit()
        whole = f.kind == S.INT
        out += [("not_whole" if whole else "not_number", "12"), ("out_of_range", low - 1),
                ("out_of_range", high + 1 if whole else high * 2 + 1)]
        out += [("not_whole", low + 0.5)] if whole else [("not_finite", math.inf), ("not_finite", -math.inf)]
    elif f.kind == S.DATE:
        out += [("not_date", "2026-13-01"), ("not_date", "2026-02-30"), ("not_date", 20260101),
                ("not_date", "2026-01-01\x00x"), ("out_of_range", "1899-12-31"), ("out_of_range", "2201-01-01")]
    elif f.kind == S.DATETIME:
        out += [("not_date", "2026-01-01T25:00:00"), ("out_of_range", "1899-12-31T10:00:00")]
    elif f.kind == S.JSON:
        wrong = "{}" if f.json_type is list else "[]"
        deep = "[" * 40 + "]" * 40 if f.json_type is list else '{"a":' * 40 + "1" + "}" * 40
        out += [("not_json", "[1,"), ("not_json", "[NaN]"), ("wrong_json_type", wrong), ("too_deep", deep),
                ("not_text", 5)]
    return [(reason, value) for reason, value in out
            if not (isinstance(value, str) and len(value) > 1_100_000)]  # not 64 MB values here


CASES = [(table.name, f.name, reason, value)
         for table in S.TABLES.values() for f in table.fields for reason, value in bad_values(f)]


def _spoil(path: Path, table: str, column: str, value: object) -> int:
    """Put ``value`` into ``column`` of the last row of ``table`` (in the reader's order), the
    table rebuilt without types or constraints; the row's number in that order."""
    spec = S.TABLES[table]
    db = sqlite3.connect(path, isolation_level=None)
    try:
        fc._loosen(db, table)
        rowids = [r for (r,) in db.execute(f'SELECT rowid FROM "{table}" ORDER BY {spec.order_by}')]
        db.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (value, rowids[-1]))
        db.execute("VACUUM")
    finally:
        db.close()
    return len(rowids)


@pytest.mark.parametrize(("table", "column", "reason", "value"), CASES,
                         ids=[f"{t}.{c}-{r}-{i}" for i, (t, c, r, _v) in enumerate(CASES)])
def test_one_bad_value_in_any_column_gives_the_message_checking_every_value_gave(
        tmp_path, template, table, column, reason, value):
    path = tmp_path / "team.sagstal"
    path.write_bytes(template)
    row = _spoil(path, table, column, value)
    before = path.read_bytes()
    with pytest.raises(DocumentError) as bulk:
        load_team(path)
    with value_by_value(), pytest.raises(DocumentError) as each:
        load_team(path)
    for lang in ("da", "en"):
        assert bulk.value.message(lang) == each.value.message(lang)
    assert bulk.value.code == "invalid_value"
    params = bulk.value.params
    # the value's own table, field and row (a column of the table's order may move the row)
    assert (params["table"], params["field"], params["reason"]) == (table, column, reason)
    if column not in S.TABLES[table].order_by:
        assert params["row"] == row
    assert path.read_bytes() == before


def test_the_full_team_reads_the_same_either_way(tmp_path, template):
    path = tmp_path / "team.sagstal"
    path.write_bytes(template)
    bulk = load_team(path)
    with value_by_value():
        each = load_team(path)
    assert bulk == each
    assert bulk.staff[1].competences == ("sygedagpenge",) and bulk.staff[1].reductions[0].note == "tillidshverv"
    assert [m.start_date for m in bulk.staff] == [m.start_date for m in each.staff]
    assert all(type(m.start_date) is date for m in bulk.staff if m.start_date is not None)


# -- random rows: bulk and value by value agree ------------------------------------------------


def _good(f: schema.Field) -> st.SearchStrategy:
    """Values ``f`` accepts (and some at its edges)."""
    if f.kind == S.TEXT:
        return st.text(max_size=min(f.length_limit(), 40)) | st.just("x" * f.length_limit())
    if f.kind == S.INT:
        return st.integers(int(f.low), int(min(f.high_limit(), 2**62)))
    if f.kind == S.REAL:
        return st.floats(f.low, f.high_limit()) | st.sampled_from([f.low, f.high_limit(), int(f.low)])
    if f.kind == S.DATE:
        return st.dates(date(1900, 1, 1), date(2200, 12, 31)).map(date.isoformat)
    if f.kind == S.DATETIME:
        return st.datetimes().map(lambda d: d.isoformat())
    empty = "[]" if f.json_type is list else "{}"
    return st.sampled_from([empty, empty, '["a"]' if f.json_type is list else '{"a": 1}'])


_HOSTILE = st.one_of(
    st.none(), st.integers(-2**63, 2**63 - 1), st.floats(), st.text(max_size=200), st.binary(max_size=4),
    st.sampled_from(["[]", "{}", "[] ", " []", "[1]", "2026-02-29", "2025-02-29", "2026-1-01", "+2026-01-01",
                     "2026-01-01 ", "2026-01-01T00:00", "1900-01-01", "2200-12-31", "1899-12-31", "2201-01-01",
                     "0000-01-01", "-001-01-01", "2026-04-31", 37, 37.0, -0.0, 1e999, -1e999, 2**53, 2.5]),
)


@st.composite
def tables_with_rows(draw):
    spec = draw(st.sampled_from(list(S.TABLES.values())))
    rows = draw(st.lists(st.tuples(*[st.one_of(_good(f), _good(f), _HOSTILE) for f in spec.fields]),
                         min_size=1, max_size=4))
    return spec, rows


def _outcome(db: sqlite3.Connection, spec: schema.Table, json_facts: bool):
    try:
        rows = document._rows(db, Path("t.sagstal"), spec.name, json_facts=json_facts)
    except schema.Violation as v:
        return ("violation", v.table, v.field, v.row, schema.show_value(v.value), v.reason, v.limit)
    return [tuple((type(x), x) for x in row) for row in rows]


@settings(max_examples=300, deadline=None)
@given(tables_with_rows(), st.booleans())
def test_bulk_and_value_by_value_agree_on_random_rows(table_rows, json_facts):
    spec, rows = table_rows
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        columns = ", ".join(f'"{c}"' for c in spec.columns)
        db.execute(f'CREATE TABLE "{spec.name}" ({columns})')  # no types: each value stored as given
        db.executemany(f'INSERT INTO "{spec.name}" VALUES ({", ".join("?" * len(spec.columns))})', rows)
        bulk = _outcome(db, spec, json_facts)
        with value_by_value():
            each = _outcome(db, spec, json_facts)
    finally:
        db.close()
    assert bulk == each


def test_a_clean_date_and_empty_json_are_made_as_check_makes_them():
    start = next(f for f in S.TABLES["staff"].fields if f.name == "start_date")
    reductions = next(f for f in S.TABLES["staff"].fields if f.name == "reductions")
    values = ["2026-01-01", None, "2026-01-01", "1900-01-01"]
    made = start.bulk_values(values)
    assert made == [date(2026, 1, 1), None, date(2026, 1, 1), date(1900, 1, 1)]
    lists = reductions.bulk_values(["[]", "[]"])
    assert lists == [[], []] and lists[0] is not lists[1]  # each row its own list, as json.loads gives
    assert reductions.bulk_values(["[]"], facts=True) == [([], schema.JsonFacts(1, 0, 0, True))]

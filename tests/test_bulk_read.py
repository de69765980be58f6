"""Issue 25: the reader checks values in bulk (one SQL pass per table finds the columns whose
every value is already what the model wants) and gives the same team, or the same message
naming table, field, row and value, as checking every value in Python."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sagstal_desktop.io import document, team_schema
from sagstal_desktop.io.document import DocumentError, load_team, save_team

FIELDS = [f for table in team_schema.TABLES.values() for f in table.fields if f.clean_sql() is not None]
VALUES = st.one_of(
    st.none(), st.integers(-2**63, 2**63 - 1), st.floats(), st.text(max_size=300),
    st.text(alphabet="æøå\x00€😀a", min_size=60, max_size=140), st.binary(max_size=4),
    st.sampled_from([0, 1, 2, 0.5, 37.0, 200.0, 100_000, 100_001, 10_000_000, 2**53, 2**53 + 1, -0.0,
                     float("inf"), float("-inf"), "x" * 128, "x" * 129, "æ" * 100, "[]", "{}", "[] ",
                     "2026-01-31", "2026-02-29", "2024-02-29", "2026-04-31", "1899-12-31", "2200-12-31",
                     "2026-01-01\x00", "2026-1-1"]),
    st.dates().map(date.isoformat),
)


@settings(max_examples=400, deadline=None)
@given(index=st.integers(0, len(FIELDS) - 1), value=VALUES)
def test_a_value_the_sql_pass_lets_through_is_one_check_gives_back_unchanged(index, value):
    field = FIELDS[index]
    db = sqlite3.connect(":memory:")
    db.execute(f'CREATE TABLE t ("{field.name}")')  # no type affinity: the value is stored as given
    db.execute("INSERT INTO t VALUES (?)", (value,))
    (clean,) = db.execute(f"SELECT {field.clean_sql()} FROM t").fetchone()
    (stored,) = db.execute("SELECT * FROM t").fetchone()
    if clean:  # a date or an empty JSON value is made by bulk_values, the rest kept as it is
        got = field.check(stored, "t", 1)
        (made,) = field.bulk_values([stored])
        assert got == made and type(got) is type(made)
        if not field.converts:
            assert got == stored and type(got) is type(stored)


def value_by_value(monkeypatch) -> None:
    """The reader without its bulk passes: every value through ``Field.check``."""
    monkeypatch.setattr(team_schema, "bulk_clean", lambda db, spec: [False] * len(spec.fields))
    monkeypatch.setattr(document, "_clean_rows", lambda *args: None)
    monkeypatch.setattr(document, "_count_columns", lambda *args: None)


def _team_file(tmp_path, demo):
    path = tmp_path / "team.sagstal"
    save_team(demo, path)
    return path


BAD = [  # table, column, row (rowid), value
    ("staff", "weekly_hours", 2, "abc"), ("staff", "weekly_hours", 3, 1e999), ("staff", "weekly_hours", 1, 500.0),
    ("staff", "name", 2, "n" * 5000), ("staff", "name", 3, b"\x00\x01"), ("staff", "position", 2, 2.5),
    ("staff", "takes_new_cases", 4, 2), ("staff", "start_date", 2, "2026-13-01"), ("staff", "id", 1, None),
    ("staff", "other_hours", 2, -1.0), ("staff", "note", 5, b"\xff"), ("case_counts", "count", 7, -3),
    ("case_counts", "count", 3, 100_001), ("case_counts", "count", 4, 3.5), ("case_counts", "case_type", 2, "t" * 129),
    ("case_counts", "position", 5, "x"), ("team", "key", 1, b"k"),
]


@pytest.mark.parametrize(("table", "column", "rowid", "value"), BAD)
def test_a_bad_value_gives_the_message_checking_every_value_gives(tmp_path, demo, monkeypatch, table, column,
                                                                  rowid, value):
    path = _team_file(tmp_path, demo)
    db = sqlite3.connect(path)
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (value, rowid))
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(DocumentError) as bulk:
        load_team(path)
    value_by_value(monkeypatch)
    with pytest.raises(DocumentError) as each:
        load_team(path)
    assert bulk.value.message("en") == each.value.message("en")
    assert bulk.value.params.get("table") == table or table == "case_counts"
    assert path.read_bytes() == before


def test_a_clean_file_gives_the_same_team_either_way(tmp_path, demo, monkeypatch):
    path = _team_file(tmp_path, demo)
    bulk = load_team(path)
    value_by_value(monkeypatch)
    each = load_team(path)
    assert bulk == each
    assert [list(m.counts.items()) for m in bulk.staff] == [list(m.counts.items()) for m in each.staff]


def test_counts_stored_out_of_order_keep_the_order_of_their_positions(tmp_path, demo):
    path = _team_file(tmp_path, demo)
    expected = [list(m.counts.items()) for m in load_team(path).staff]
    db = sqlite3.connect(path)
    rows = db.execute("SELECT staff_id, case_type, position, count FROM case_counts").fetchall()
    db.execute("DELETE FROM case_counts")
    db.executemany("INSERT INTO case_counts VALUES (?, ?, ?, ?)", list(reversed(rows)))
    db.commit()
    db.close()
    assert [list(m.counts.items()) for m in load_team(path).staff] == expected


def test_counts_stored_interleaved_by_person_are_read_like_the_rows_one_by_one(tmp_path, demo, monkeypatch):
    path = _team_file(tmp_path, demo)
    db = sqlite3.connect(path)
    rows = db.execute("SELECT staff_id, case_type, position, count FROM case_counts").fetchall()
    db.execute("DELETE FROM case_counts")
    db.executemany("INSERT INTO case_counts VALUES (?, ?, ?, ?)", rows[1::2] + rows[::2])  # persons split in two
    db.commit()
    db.close()
    fast = load_team(path)
    value_by_value(monkeypatch)
    each = load_team(path)
    assert [list(m.counts.items()) for m in fast.staff] == [list(m.counts.items()) for m in each.staff]
    assert sum(sum(m.counts.values()) for m in fast.staff) == sum(n for *_, n in rows)


def _spy_rows(monkeypatch) -> list[str]:
    """The tables ``document._rows`` reads from now on."""
    read_by: list[str] = []
    rows = document._rows

    def spy(db, path, name, **kw):
        read_by.append(name)
        return rows(db, path, name, **kw)

    monkeypatch.setattr(document, "_rows", spy)
    return read_by


def test_counts_longer_than_sqlites_length_limit_are_read_row_by_row(tmp_path, monkeypatch):
    """The arrays of ``_count_columns`` exceed the limit (here lowered to 100,000 bytes, far above
    every value in the file): ``_rows`` reads the table, and the team is the same."""
    from sagstal_desktop.core.model import StaffMember, Team

    types = ["sygedagpenge", "jobafklaring", "ressourceforloeb", "born_familie", "voksenpsykiatri"]
    team = Team(staff=[StaffMember(name=f"P{i}", counts={t: (i + k) % 7 for k, t in enumerate(types)})
                       for i in range(800)])
    path = tmp_path / "big.sagstal"
    save_team(team, path)
    expected = load_team(path)
    monkeypatch.setattr(team_schema, "MAX_SQL_VALUE_BYTES", 100_000)
    (longest,) = sqlite3.connect(path).execute("SELECT length(json_group_array(staff_id)) FROM case_counts").fetchone()
    assert longest > 100_000
    read_by = _spy_rows(monkeypatch)
    got = load_team(path)
    assert "case_counts" in read_by
    assert got == expected
    assert [list(m.counts.items()) for m in got.staff] == [list(m.counts.items()) for m in expected.staff]
    assert [list(m.counts.items()) for m in got.staff] == [list(m.counts.items()) for m in team.staff]


def test_a_clean_file_reads_case_counts_in_one_pass(tmp_path, demo, monkeypatch):
    """The common case: ``_count_columns`` gives every row, ``_rows`` never reads the table."""
    path = _team_file(tmp_path, demo)
    read_by = _spy_rows(monkeypatch)
    team = load_team(path)
    assert "case_counts" not in read_by and "staff" in read_by
    assert sum(sum(m.counts.values()) for m in team.staff) == sum(sum(m.counts.values()) for m in demo.staff)


@pytest.mark.parametrize("text", ["a\x00b", 'q"uote', "back\\slash", "line\nfeed\t\x1f", "😀æ€\u2028", "\x7f", " "])
def test_case_types_of_any_text_read_in_one_pass_as_row_by_row(tmp_path, demo, monkeypatch, text):
    """``_count_columns`` carries text through JSON: every character comes back as it was."""
    path = _team_file(tmp_path, demo)
    db = sqlite3.connect(path)
    db.execute("UPDATE case_counts SET case_type = ? || case_type WHERE rowid % 2 = 0", (text,))
    db.execute("UPDATE case_counts SET staff_id = staff_id || ? WHERE 1", (text,))
    db.execute("UPDATE staff SET id = id || ? WHERE 1", (text,))
    db.commit()
    db.close()
    read_by = _spy_rows(monkeypatch)
    fast = load_team(path)
    assert "case_counts" not in read_by
    value_by_value(monkeypatch)
    each = load_team(path)
    assert [(m.id, list(m.counts.items())) for m in fast.staff] == [(m.id, list(m.counts.items())) for m in each.staff]
    assert any(text in t for m in fast.staff for t in m.counts)

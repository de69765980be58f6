"""Flows in the team file (schema 4): round trip, migration of a version-3 file, and the reader's
checks on a hostile flows table."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from sagstal_desktop.core import operations as ops
from sagstal_desktop.core.flows import Flow
from sagstal_desktop.core.model import StaffMember, Team
from sagstal_desktop.io import document
from sagstal_desktop.io.document import DocumentError, load_team, save_team


def team() -> Team:
    made = Team(staff=[StaffMember("Anna", id="a", counts={"sygedagpenge": 30})])
    ops.set_flows(made, [Flow(date(2026, 10, 1), "sygedagpenge", 7, 5), Flow(date(2026, 9, 1), "sygedagpenge", 6, 4),
                         Flow(date(2026, 10, 1), "jobafklaring", 2, 1)])
    return made


def test_flows_round_trip_in_order(tmp_path):
    back = load_team(save_team(team(), tmp_path / "t.sagstal"))
    assert back.flows == team().flows
    assert [(f.month, f.case_type) for f in back.flows] == [
        (date(2026, 9, 1), "sygedagpenge"), (date(2026, 10, 1), "jobafklaring"), (date(2026, 10, 1), "sygedagpenge")]
    assert document.SCHEMA_VERSION == 4


def test_a_version_3_file_opens_with_no_flows_and_stays_unchanged(tmp_path):
    path = save_team(team(), tmp_path / "old.sagstal")
    db = sqlite3.connect(path)
    db.execute("DROP TABLE flows")
    db.execute("DROP TABLE case_levels")  # version 4's other addition (case weight)
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    raw = path.read_bytes()
    opened = load_team(path)
    assert opened.flows == [] and opened.staff[0].counts == {"sygedagpenge": 30}
    assert path.read_bytes() == raw


def test_a_version_3_file_with_a_flows_table_is_refused(tmp_path):
    path = save_team(team(), tmp_path / "odd.sagstal")
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    with pytest.raises(DocumentError) as exc:
        load_team(path)
    assert exc.value.code == "foreign_object"


@pytest.mark.parametrize(("sql", "words"), [
    ("UPDATE flows SET month = '2026-10-15' WHERE case_type = 'jobafklaring'", "is not the first day of a month"),
    ("UPDATE flows SET month = 'oktober' WHERE case_type = 'jobafklaring'", "is not a date"),
    ("UPDATE flows SET new = -1 WHERE case_type = 'jobafklaring'", "is outside"),
    ("UPDATE flows SET closed = 1.5 WHERE case_type = 'jobafklaring'", "is not a whole number"),
    ("UPDATE flows SET case_type = 'x' || char(27) || '[2J' WHERE case_type = 'jobafklaring'", "is not a case type"),
    ("INSERT INTO flows VALUES ('2026-10-01 ', 'sygedagpenge', 1, 1)", "is not a date"),
    ("DROP TABLE flows", "has no table"),
])
def test_a_tampered_flows_table_is_refused_and_the_file_left_alone(tmp_path, sql, words):
    path = save_team(team(), tmp_path / "bad.sagstal")
    db = sqlite3.connect(path)
    db.execute(sql)
    db.commit()
    db.close()
    raw = path.read_bytes()
    with pytest.raises(DocumentError) as exc:
        load_team(path)
    assert words in exc.value.message("en")
    assert path.read_bytes() == raw


def test_the_row_budget_holds(tmp_path, monkeypatch):
    path = save_team(team(), tmp_path / "many.sagstal")
    from sagstal_desktop.core import validation

    monkeypatch.setitem(validation.limits(), "max_flow_rows", 2)
    with pytest.raises(DocumentError) as exc:
        load_team(path)
    assert exc.value.code == "too_many_rows"

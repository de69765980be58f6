"""Case weight in the team file, the spreadsheets and the JSON (issue 27): round trips, and a
hostile file's split or weighting refused with a message naming table, field and value."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date

import pytest

from sagstal_desktop.core.case_weight import Weighting
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.serialize import team_from_inputs, team_inputs
from sagstal_desktop.io import document
from sagstal_desktop.io.document import DocumentError, load_team, save_team
from sagstal_desktop.io.exporter import export_csv, export_xlsx
from sagstal_desktop.io.importer import REPLACE_COUNTS, import_file

TODAY = date(2026, 11, 22)
POINTS = Weighting(mode="points", points=(1.0, 1.5, 2.0), default_level="kompleks", note="Teamets vurdering")


def weighted_team() -> Team:
    return Team(settings=TeamSettings(norm_set_id="ds_2020", weighting=POINTS), staff=[
        StaffMember(name="Anna Berg", counts={"sygedagpenge": 38, "ressourceforloeb": 4},
                    levels={"sygedagpenge": {"enkel": 30, "kompleks": 6, "saerligt": 2}}),
        StaffMember(name="Bo Dal", counts={"sygedagpenge": 20}, levels={"sygedagpenge": {"saerligt": 5}}),
        StaffMember(name="Cai Ege", counts={"sygedagpenge": 12}),
    ])


def _levels(team: Team) -> list[tuple]:
    return [(p.name, p.counts, p.levels) for p in team.staff]


def test_file_round_trip_keeps_the_split_and_the_weighting(tmp_path):
    team = weighted_team()
    back = load_team(save_team(team, tmp_path / "t.sagstal"))
    assert _levels(back) == _levels(team)
    assert back.settings.weighting == POINTS
    assert back == team
    db = sqlite3.connect(tmp_path / "t.sagstal")
    assert db.execute("PRAGMA user_version").fetchone()[0] == document.SCHEMA_VERSION == 4
    rows = db.execute("SELECT count(*) FROM case_levels").fetchone()[0]
    assert rows == 4  # 3 levels of Anna's, 1 of Bo's


def test_a_team_without_weighting_writes_no_weighting_key(tmp_path):
    team = Team(staff=[StaffMember(name="A", counts={"sygedagpenge": 3})])
    path = save_team(team, tmp_path / "t.sagstal")
    settings = json.loads(sqlite3.connect(path).execute("SELECT value FROM team WHERE key='settings'").fetchone()[0])
    assert "weighting" not in settings
    assert load_team(path).settings.weighting == Weighting()


def test_a_version_3_file_opens_with_nothing_assessed(tmp_path):
    path = save_team(Team(staff=[StaffMember(name="A", counts={"sygedagpenge": 3})]), tmp_path / "v3.sagstal")
    db = sqlite3.connect(path)
    db.execute("DROP TABLE case_levels")
    db.execute("DROP TABLE flows")  # version 4's other addition (the forecast's input)
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    raw = path.read_bytes()
    team = load_team(path)
    assert team.staff[0].levels == {} and team.settings.weighting.mode == "off"
    assert path.read_bytes() == raw


_LOOSE = ("CREATE TABLE x AS SELECT * FROM case_levels", "DROP TABLE case_levels",  # no CHECK, no key
          "CREATE TABLE case_levels (staff_id, case_type, level, count)",
          "INSERT INTO case_levels SELECT * FROM x", "DROP TABLE x")


def _hostile(tmp_path, *sql: str) -> DocumentError:
    path = save_team(weighted_team(), tmp_path / "h.sagstal")
    db = sqlite3.connect(path)
    for statement in _LOOSE:
        db.execute(statement)
    for statement in sql:
        db.execute(statement)
    db.commit()
    db.close()
    raw = path.read_bytes()
    with pytest.raises(DocumentError) as info:
        load_team(path)
    assert path.read_bytes() == raw
    return info.value


@pytest.mark.parametrize(("sql", "words"), [
    ("UPDATE case_levels SET count = -1 WHERE level = 'saerligt'", 'felt "count"'),
    ("UPDATE case_levels SET count = 'tre' WHERE level = 'saerligt'", "ikke et helt tal"),
    ("UPDATE case_levels SET level = 'tung' WHERE level = 'kompleks'", '"tung"'),
    ("UPDATE case_levels SET count = 40 WHERE level = 'enkel'", "flere sager på et niveau end personens 38 sager"),
    ("INSERT INTO case_levels VALUES ((SELECT id FROM staff WHERE name = 'Cai Ege'), 'jobparate', 'kompleks', 1)",
     "personens 0 sager"),
    ("UPDATE team SET value = json_set(value, '$.weighting.mode', 'heavy') WHERE key = 'settings'", '"heavy"'),
    ("UPDATE team SET value = json_set(value, '$.weighting.points.kompleks', 0) WHERE key = 'settings'",
     "weighting.points"),
    ("UPDATE team SET value = json_set(value, '$.weighting.points.kompleks', -2) WHERE key = 'settings'",
     "weighting.points"),
    ("UPDATE team SET value = json_set(value, '$.weighting.points', 'x') WHERE key = 'settings'",
     "forkerte JSON-type"),
    ("UPDATE team SET value = json_set(value, '$.weighting.default_level', 'tung') WHERE key = 'settings'",
     "weighting.default_level"),
])
def test_hostile_split_or_weighting_is_refused(tmp_path, sql, words):
    error = _hostile(tmp_path, sql)
    assert error.code == "invalid_value"
    assert words in error.message("da"), error.message("da")


def test_a_duplicate_level_row_is_refused(tmp_path):
    error = _hostile(tmp_path, "INSERT INTO case_levels SELECT * FROM case_levels WHERE level = 'kompleks'")
    assert error.code == "invalid_value" and "mere end én gang" in error.message("da")


def test_save_refuses_a_split_over_the_total(tmp_path):
    team = weighted_team()
    team.staff[1].levels = {"sygedagpenge": {"saerligt": 21}}
    with pytest.raises(DocumentError):
        save_team(team, tmp_path / "bad.sagstal")
    assert not (tmp_path / "bad.sagstal").exists()


def test_scenario_inputs_keep_the_split():
    team = weighted_team()
    again = team_from_inputs(team_inputs(team))
    assert _levels(again) == _levels(team) and again.settings.weighting == POINTS


# -- spreadsheets ----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_export_import_round_trips_the_split(tmp_path, suffix, lang):
    team = weighted_team()
    path = tmp_path / f"hold{suffix}"
    (export_csv if suffix == ".csv" else export_xlsx)(team, path, lang, TODAY)
    plan = import_file(path, team.norm_set())
    assert plan.errors == [], [p.message() for p in plan.errors]
    assert _levels(plan.new_team()) == _levels(team)


def test_export_headers_and_the_unweighted_load(tmp_path):
    team = weighted_team()
    path = tmp_path / "hold.csv"
    export_csv(team, path, "da", TODAY)
    with path.open(encoding="utf-8-sig") as fh:
        header, *rows = list(csv.reader(fh, delimiter=";"))
    i = header.index("Sygedagpenge")
    assert header[i:i + 4] == ["Sygedagpenge", "Sygedagpenge (enkel)", "Sygedagpenge (kompleks)",
                               "Sygedagpenge (særligt kompliceret)"]
    assert rows[0][i:i + 4] == ["38", "30", "6", "2"]
    assert rows[1][i:i + 4] == ["20", "", "", "5"]
    assert header[-3:] == ["Belastning (andel af DS' maksimum)", "Belastning uden sagstyngde", "Status"]
    # Bo Dal: 15 not assessed at the default level (kompleks, 1.5) + 5 særligt (2): 32.5 / 50
    assert rows[1][-3] == "65,0 %" and rows[1][-2] == "40,0 %"
    plain = Team(staff=[StaffMember(name="A", counts={"sygedagpenge": 3})])
    export_csv(plain, tmp_path / "plain.csv", "da", TODAY)
    text = (tmp_path / "plain.csv").read_text(encoding="utf-8-sig")
    assert "(kompleks)" not in text and "uden sagstyngde" not in text


def _sheet(tmp_path, rows: list[list[str]]):
    path = tmp_path / "in.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    return path


def test_more_at_a_level_than_the_total_is_an_error_naming_the_cell(tmp_path):
    path = _sheet(tmp_path, [["Navn", "Sygedagpenge", "Sygedagpenge (kompleks)", "Sygedagpenge (særligt kompliceret)"],
                             ["Anna", "10", "6", "5"], ["Bo", "10", "", "10"]])
    plan = import_file(path, weighted_team().norm_set())
    assert [(p.row, p.column, p.code) for p in plan.errors] == [
        (2, "Sygedagpenge (særligt kompliceret)", "levels_over_total")]
    assert plan.errors[0].text_da == "11 sager på et niveau er flere end typens 10 sager"


def test_english_headers_and_merge_into_a_team(tmp_path):
    path = _sheet(tmp_path, [["Name", "Sickness benefit", "Sickness benefit (complex)",
                              "Sickness benefit (very complex)"], ["Anna Berg", "40", "10", "3"]])
    team = weighted_team()
    plan = import_file(path, team.norm_set())
    assert plan.errors == [], [p.message() for p in plan.errors]
    after = plan.apply(team, REPLACE_COUNTS)
    assert after.staff[0].counts == {"sygedagpenge": 40}
    assert after.staff[0].levels == {"sygedagpenge": {"kompleks": 10, "saerligt": 3}}
    assert after.staff[1].levels == team.staff[1].levels  # not in the file: unchanged

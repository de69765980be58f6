"""Competences and "takes new cases": the rule, the text form, the team file (schema 2 and the
migration from 1) and the spreadsheet round trip."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sagstal_desktop.core.competences import (
    CompetenceRule,
    area_entry,
    format_competences,
    parse_competences,
    parse_takes_new_cases,
    team_areas,
)
from sagstal_desktop.core.model import StaffMember, Team
from sagstal_desktop.core.norms import builtin_norm_sets, catalogue, find_norm_set
from sagstal_desktop.core.serialize import member_from_dict, member_to_dict
from sagstal_desktop.core.validation import InputError
from sagstal_desktop.io import document
from sagstal_desktop.io.document import load_team, save_team
from sagstal_desktop.io.exporter import export_csv, export_xlsx
from sagstal_desktop.io.importer import import_file

TODAY = date(2026, 11, 22)
DS_2020 = find_norm_set("ds_2020")


def test_defaults():
    person = StaffMember("Ny")
    assert person.competences == () and person.takes_new_cases is True
    assert member_from_dict({"id": "x", "name": "Ny", "weekly_hours": 37}).takes_new_cases is True
    person.competences, person.takes_new_cases = ("sygedagpenge", area_entry("integration")), False
    assert member_from_dict(member_to_dict(person)) == person


def test_default_is_every_type_of_the_teams_areas(demo):
    # the demo team holds sygedagpenge and jobafklaring: in ds_2020 both lie in the area "sygedagpenge"
    assert team_areas(demo, DS_2020) == {"sygedagpenge"}
    rule = CompetenceRule(demo, DS_2020)
    anne = demo.staff[0]
    assert rule.may_take(anne, "sygedagpenge") and rule.may_take(anne, "jobafklaring")
    assert rule.may_take(anne, "sdp_kat2")  # measured as sygedagpenge
    assert not rule.may_take(anne, "integration") and not rule.may_take(anne, "fleksjob")
    assert not rule.may_take(anne, "dagpenge")  # ds_2020 cannot measure it: nobody takes it


def test_a_team_without_cases_has_every_area():
    team = Team(staff=[StaffMember("A")])
    assert team_areas(team, DS_2020) == {g.id for g in DS_2020.groups}


def test_explicit_types_areas_and_sub_types(demo):
    rule = CompetenceRule(demo, DS_2020)
    person = demo.staff[0]
    person.competences = ("jobafklaring",)
    assert rule.may_take(person, "jobafklaring") and not rule.may_take(person, "sygedagpenge")
    person.competences = ("sygedagpenge",)
    assert rule.may_take(person, "sdp_kat2") and rule.may_take(person, "jobafklaring")  # catalogue sub-types
    assert not rule.may_take(person, "integration")
    person.competences = (area_entry("ressource_fleksjob"),)
    assert rule.may_take(person, "fleksjob") and rule.may_take(person, "ledighedsydelse")
    assert not rule.may_take(person, "sygedagpenge")
    person.takes_new_cases = False
    assert rule.may_take(person, "fleksjob") and not rule.may_receive(person, "fleksjob")


def test_parse_names_ids_areas_and_names_with_commas():
    ds_current = find_norm_set("ds_current")
    assert parse_competences("Sygedagpenge, Jobafklaringsforløb", DS_2020) == ("sygedagpenge", "jobafklaring")
    assert parse_competences("Sickness benefit;integration", DS_2020) == ("sygedagpenge", "integration")
    assert parse_competences("område: Sygedagpengeområdet", DS_2020) == (area_entry("sygedagpenge"),)
    assert parse_competences("Sygedagpengeområdet", DS_2020) == (area_entry("sygedagpenge"),)
    assert parse_competences("area: sygedagpenge", ds_current) == (area_entry("sygedagpenge"),)
    assert parse_competences("Ressourceforløb, førtidspension og fleksjob (øvrige), Fleksjob", DS_2020) == (
        "ressource_fleksjob", "fleksjob")
    assert parse_competences("Ressourceforløb, afklaring af førtidspension og fleksjob", DS_2020) == (
        area_entry("ressource_fleksjob"),)
    assert parse_competences("  ", DS_2020) == ()
    with pytest.raises(InputError) as info:
        parse_competences("Sygedagpenge, Skolevæsen", DS_2020)
    assert info.value.value == "Skolevæsen"
    assert info.value.message("da") == "\"Skolevæsen\" er hverken en sagstype eller et område"


@pytest.mark.parametrize("norm_set", builtin_norm_sets(), ids=lambda s: s.id)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_type_and_area_reads_back(norm_set, lang):
    entries = [*catalogue(), *(area_entry(g.id) for g in norm_set.groups)]
    text = format_competences(entries, norm_set, lang)
    assert parse_competences(text, norm_set) == tuple(entries)


@given(st.lists(st.sampled_from([*catalogue(), *(area_entry(g.id) for g in DS_2020.groups)]), unique=True))
@settings(max_examples=60, deadline=None)
def test_any_list_reads_back(entries):
    assert parse_competences(format_competences(entries, DS_2020, "da"), DS_2020) == tuple(entries)


def test_takes_new_cases_text():
    assert [parse_takes_new_cases(v) for v in ("Ja", "nej", "Yes", "no", 1, 0, None, "", True)] == [
        True, False, True, False, True, False, True, True, True]
    with pytest.raises(InputError) as info:
        parse_takes_new_cases("måske")
    assert info.value.message("en") == "\"måske\" is not yes or no"


def _planning_marks(team: Team) -> list[tuple]:
    return [(p.name, p.competences, p.takes_new_cases) for p in team.staff]


def _mark(demo: Team) -> Team:
    demo.staff[0].competences = ("sygedagpenge",)
    demo.staff[5].competences = ("jobafklaring", area_entry("ressource_fleksjob"))
    demo.staff[7].takes_new_cases = False
    return demo


def test_file_round_trip(tmp_path, demo):
    _mark(demo)
    back = load_team(save_team(demo, tmp_path / "team.sagstal"))
    assert _planning_marks(back) == _planning_marks(demo)


def test_a_version_1_file_opens_with_the_defaults_and_stays_unchanged(tmp_path, demo):
    path = save_team(demo, tmp_path / "v1.sagstal")
    db = sqlite3.connect(path)  # turn it into the version-1 layout
    db.execute("ALTER TABLE staff DROP COLUMN competences")
    db.execute("ALTER TABLE staff DROP COLUMN takes_new_cases")
    db.execute("ALTER TABLE staff DROP COLUMN reductions")  # version 3's additions
    db.execute("DROP TABLE scenarios")
    db.execute("DROP TABLE flows")  # version 4's addition
    db.execute("DROP TABLE case_levels")  # version 4's addition (case weight)
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    before = path.read_bytes()
    team = load_team(path)
    assert [(p.name, p.counts) for p in team.staff] == [(p.name, p.counts) for p in demo.staff]
    assert all(p.competences == () and p.takes_new_cases for p in team.staff)
    assert path.read_bytes() == before
    again = load_team(save_team(_mark(team), tmp_path / "v2.sagstal"))
    assert _planning_marks(again) == _planning_marks(team)
    assert sqlite3.connect(tmp_path / "v2.sagstal").execute("PRAGMA user_version").fetchone()[0] == (
        document.SCHEMA_VERSION)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_spreadsheet_round_trip(tmp_path, demo, suffix, lang):
    _mark(demo)
    path = tmp_path / f"hold{suffix}"
    (export_csv if suffix == ".csv" else export_xlsx)(demo, path, lang, TODAY)
    plan = import_file(path, demo.norm_set())
    assert plan.problems == []
    assert _planning_marks(plan.new_team()) == _planning_marks(demo)
    # importing into the team with everything reset restores the marks
    reset = demo.copy()
    for person in reset.staff:
        person.competences, person.takes_new_cases = (), True
    assert _planning_marks(plan.apply(reset, "replace_counts")) == _planning_marks(demo)


def test_csv_columns_are_read_and_unknown_names_are_problems(tmp_path):
    path = tmp_path / "hold.csv"
    path.write_text(
        "Navn;Timer;Sygedagpenge;Kompetencer;Tager nye sager\n"
        "Anne;37;10;Sygedagpenge, Jobafklaringsforløb;ja\n"
        "Bo;37;10;;nej\n"
        "Ida;37;10;Sygedagpenge, Skolevæsen;måske\n",
        encoding="utf-8",
    )
    plan = import_file(path, DS_2020)
    assert [(p.row, p.column, p.value) for p in plan.errors] == [
        (4, "Kompetencer", "Skolevæsen"), (4, "Tager nye sager", "måske")]
    assert plan.errors[0].message("da") == (
        "hold.csv, række 4, kolonne \"Kompetencer\" (D): \"Skolevæsen\" er hverken en sagstype eller et område")
    rows = {r.name: r.values for r in plan.rows}
    assert rows["Anne"] == {"weekly_hours": 37.0, "competences": ("sygedagpenge", "jobafklaring"),
                            "takes_new_cases": True}
    assert rows["Bo"] == {"weekly_hours": 37.0, "takes_new_cases": False}


def test_export_without_marks_has_no_planning_columns(tmp_path, demo):
    path = tmp_path / "hold.csv"
    export_csv(demo, path, "da", TODAY)
    assert "Kompetencer" not in path.read_text(encoding="utf-8-sig").splitlines()[0]

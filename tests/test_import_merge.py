"""Applying an import to the open team: merge, replace counts, replace the whole team."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

from sagstal_desktop.io.importer import MERGE, REPLACE_COUNTS, REPLACE_TEAM, describe, import_file


def _plan(tmp_path: Path, demo, text: str):
    path = tmp_path / "opdatering.csv"
    path.write_text(text, encoding="utf-8")
    plan = import_file(path, demo.norm_set())
    assert plan.ok, [p.message() for p in plan.problems]
    return plan


TEXT = (
    "Navn;Timer pr. uge;Ansat;Sygedagpenge;Note\n"
    "  anne   HOLM ;30;;50;\n"          # matched (case and spaces), jobafklaring not in the file
    "Bo Jensen;37;1.1.2020;;ny note\n"  # matched; sygedagpenge cell empty
    "Ny Person;32;1.2.2026;12;\n"
)


def test_merge_updates_filled_cells_keeps_other_counts_adds_new(tmp_path, demo):
    before = copy.deepcopy(demo)
    plan = _plan(tmp_path, demo, TEXT)
    team = plan.apply(demo, MERGE)
    assert demo == before  # the open team is never changed in place
    anne = team.staff[0]
    assert (anne.name, anne.weekly_hours, anne.id) == ("Anne Holm", 30.0, before.staff[0].id)
    assert anne.counts == {"sygedagpenge": 50, "jobafklaring": 0}
    assert anne.start_date == before.staff[0].start_date  # empty cell keeps the value
    bo = team.staff[1]
    assert bo.counts == before.staff[1].counts and bo.note == "ny note" and bo.start_date == date(2020, 1, 1)
    assert len(team.staff) == len(before.staff) + 1
    new = team.staff[-1]
    assert (new.name, new.weekly_hours, new.counts, new.start_date) == ("Ny Person", 32.0, {"sygedagpenge": 12},
                                                                        date(2026, 2, 1))
    changes = plan.changes(demo, MERGE)
    assert (changes.added, changes.updated, changes.removed) == (["Ny Person"], ["Anne Holm", "Bo Jensen"], [])
    assert describe(plan, changes, "da") == "Import fra opdatering.csv (1 ny, 2 opdateret)"


def test_replace_counts_replaces_matched_counts_and_clears_empty_fields(tmp_path, demo):
    plan = _plan(tmp_path, demo, TEXT)
    team = plan.apply(demo, REPLACE_COUNTS)
    assert team.staff[0].counts == {"sygedagpenge": 50}
    assert team.staff[0].start_date is None  # the file has the column and the cell is empty
    assert team.staff[1].counts == {}
    assert len(team.staff) == 13
    assert [p.name for p in team.staff[2:12]] == [p.name for p in demo.staff[2:]]


def test_replace_team_removes_people_not_in_file_keeps_ids(tmp_path, demo):
    plan = _plan(tmp_path, demo, TEXT)
    team = plan.apply(demo, REPLACE_TEAM)
    assert [p.name for p in team.staff] == ["Anne Holm", "Bo Jensen", "Ny Person"]
    assert team.staff[0].id == demo.staff[0].id and team.staff[1].id == demo.staff[1].id
    assert team.info == demo.info and team.settings == demo.settings and team.snapshots == demo.snapshots
    changes = plan.changes(demo, REPLACE_TEAM)
    assert len(changes.removed) == 10 and "Camilla Nørgaard" in changes.removed
    assert describe(plan, changes, "en") == "Import from opdatering.csv (1 added, 2 updated, 10 removed)"


def test_new_team_uses_the_norm_set(tmp_path, demo):
    plan = _plan(tmp_path, demo, TEXT)
    team = plan.new_team()
    assert team.settings.norm_set_id == "ds_2020"
    assert [p.name for p in team.staff] == ["anne   HOLM", "Bo Jensen", "Ny Person"]
    assert team.staff[0].weekly_hours == 30.0

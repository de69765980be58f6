"""The .sagstal team document: round trips, atomic saves, refusal of damaged/foreign/newer files."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sagstal_desktop.core.history import take_snapshot
from sagstal_desktop.core.model import StaffMember, Team, TeamInfo, TeamSettings
from sagstal_desktop.core.norms import custom_norm_set, find_norm_set
from sagstal_desktop.io import document
from sagstal_desktop.io.document import DocumentError, load_team, save_team


def _same(a: Team, b: Team) -> None:
    assert a.info == b.info
    assert a.settings == b.settings
    assert [(m.id, m.name, m.weekly_hours, m.other_hours, m.other_tasks, m.start_date, m.counts, m.note)
            for m in a.staff] == [(m.id, m.name, m.weekly_hours, m.other_hours, m.other_tasks, m.start_date,
                                   m.counts, m.note) for m in b.staff]
    assert [list(m.counts) for m in a.staff] == [list(m.counts) for m in b.staff]  # order kept
    assert [s.to_dict() for s in a.custom_norm_sets] == [s.to_dict() for s in b.custom_norm_sets]
    assert [(s.taken_at, s.label, s.data) for s in a.snapshots] == [(s.taken_at, s.label, s.data) for s in b.snapshots]


def test_demo_round_trips(tmp_path, demo):
    demo.custom_norm_sets.append(
        custom_norm_set("loft_2026", "Kommunens loft 2026", find_norm_set("ds_2020"), {"sygedagpenge": (35, 45)},
                        "Byrådets beslutning, budget 2026")
    )
    path = save_team(demo, tmp_path / "team.sagstal")
    _same(demo, load_team(path))


names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøåÆØÅ -'", min_size=1, max_size=30)


@st.composite
def teams(draw):
    staff = [
        StaffMember(
            name=draw(names),
            weekly_hours=draw(st.floats(0, 48, allow_nan=False)),
            other_hours=draw(st.floats(0, 10, allow_nan=False)),
            other_tasks=draw(st.text(max_size=20)),
            start_date=draw(st.none() | st.dates(date(1960, 1, 1), date(2030, 1, 1))),
            counts=draw(st.dictionaries(st.sampled_from(["sygedagpenge", "jobafklaring", "integration", "x"]),
                                        st.integers(0, 10_000), max_size=4)),
            note=draw(st.text(max_size=20)),
        )
        for _ in range(draw(st.integers(0, 8)))
    ]
    info = TeamInfo(draw(names), draw(st.text(max_size=30)), draw(names), draw(st.sampled_from(["team_leader", "tr"])))
    cfg = TeamSettings(
        norm_set_id=draw(st.sampled_from(["ds_current", "ds_2020", "ds_2015_types"])),
        newcomer_reduction=draw(st.floats(0, 1)),
        newcomer_months=draw(st.integers(0, 24)),
        cost_per_fte=draw(st.none() | st.floats(0, 2_000_000)),
        cost_source=draw(st.text(max_size=30)),
        budget_years=draw(st.integers(1, 10)),
        budget_first_year=draw(st.none() | st.integers(2020, 2040)),
    )
    team = Team(info=info, settings=cfg, staff=staff)
    if draw(st.booleans()):
        take_snapshot(team, draw(st.text(max_size=20)), date(2026, 1, 1), datetime(2026, 1, 1, 9, 30))
    return team


@given(teams())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_save_then_open_round_trips_every_field(tmp_path, team):
    path = save_team(team, tmp_path / "t.sagstal")
    _same(team, load_team(path))


def test_save_replaces_atomically_and_keeps_the_old_file_on_failure(tmp_path, demo, monkeypatch):
    path = save_team(demo, tmp_path / "team.sagstal")
    before = path.read_bytes()
    changed = demo.copy()
    changed.staff[0].counts["sygedagpenge"] = 1

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(document.os, "replace", broken_replace)
    with pytest.raises(DocumentError) as info:
        save_team(changed, path)
    assert info.value.code == "save_failed" and "the drive is full" in info.value.message("en")
    assert "drevet er fuldt" in info.value.message("da") and "No space left" not in info.value.message("da")
    assert "tidligere version er uændret" in info.value.message("da")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["team.sagstal"]  # no temp file left behind
    monkeypatch.undo()
    save_team(changed, path)
    assert load_team(path).staff[0].counts["sygedagpenge"] == 1


def test_new_file_gets_normal_permissions(tmp_path, demo):
    path = save_team(demo, tmp_path / "new.sagstal")
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


def _refused(path, code):
    before = path.read_bytes()
    stat = path.stat()
    with pytest.raises(DocumentError) as info:
        load_team(path)
    assert info.value.code == code
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stat.st_mtime_ns
    assert not list(path.parent.glob("*-journal")) and not list(path.parent.glob("*-wal"))
    return info.value


def test_truncated_file_is_refused_untouched(tmp_path, demo):
    path = save_team(demo, tmp_path / "team.sagstal")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    error = _refused(path, "damaged")
    assert "beskadiget" in error.message("da") and "team.sagstal" in error.message("da")


def test_a_damaged_file_is_explained_in_danish_without_sqlite_text(tmp_path, demo):
    path = save_team(demo, tmp_path / "team.sagstal")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    error = _refused(path, "damaged")
    assert error.detail == "database disk image is malformed"  # SQLite's own text, kept on the error
    assert error.message("da") == ("team.sagstal er beskadiget og kan ikke åbnes: dens indre opbygning er ødelagt. "
                                   "Filen er ikke ændret.")
    assert error.message("en") == ("team.sagstal is damaged and cannot be opened: its internal structure is "
                                   "broken. The file has not been changed.")


@pytest.mark.parametrize("detail,reason", [
    ("file is not a database", "indholdet er ikke en database"),
    ("file is encrypted or is not a database", "den er krypteret, eller den er slet ikke en database"),
    ("database is locked", "et andet program holder den låst"),
    ("*** in database main ***\nPage 15: free space corruption", "dens indre opbygning er ødelagt"),
])
def test_sqlite_reasons_are_translated(detail, reason):
    text = DocumentError("damaged", "hold.sagstal", detail).message("da")
    assert text == f"hold.sagstal er beskadiget og kan ikke åbnes: {reason}. Filen er ikke ændret."


def test_an_unknown_library_text_is_left_out_of_the_danish_message():
    error = DocumentError("damaged", "hold.sagstal", "Some Unforeseen Error")
    assert error.message("da") == "hold.sagstal er beskadiget og kan ikke åbnes. Filen er ikke ændret."
    assert "Some Unforeseen Error" in error.message("en")


def test_garbage_inside_a_sqlite_file_is_refused_untouched(tmp_path, demo):
    path = save_team(demo, tmp_path / "team.sagstal")
    data = bytearray(path.read_bytes())
    for i in range(4096, len(data), 97):
        data[i] = 0xFF
    path.write_bytes(bytes(data))
    _refused(path, "damaged")


def test_a_text_file_is_not_a_team_file(tmp_path):
    path = tmp_path / "notes.sagstal"
    path.write_text("navn;timer\nAnne;37\n", encoding="utf-8")
    error = _refused(path, "not_sagstal")
    assert error.message("da") == "notes.sagstal er ikke en Sagstal-teamfil."


def test_a_foreign_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sagstal"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    _refused(path, "not_sagstal")


def test_a_newer_file_format_is_refused_untouched(tmp_path, demo):
    path = save_team(demo, tmp_path / "team.sagstal")
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {document.SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    error = _refused(path, "newer")
    assert "nyere version" in error.message("da")


def test_a_missing_file(tmp_path):
    with pytest.raises(DocumentError) as info:
        load_team(tmp_path / "nope.sagstal")
    assert info.value.code == "missing"


def test_older_versions_are_migrated_in_memory_not_on_disk(tmp_path, demo, monkeypatch):
    path = save_team(demo, tmp_path / "team.sagstal")
    before = path.read_bytes()
    calls = []

    def v1_to_v2(db):
        calls.append(1)
        db.execute("UPDATE staff SET note = 'migreret'")

    current = document.SCHEMA_VERSION  # the test's "v1" is the version the file was saved in
    monkeypatch.setattr(document, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(document.MIGRATIONS, current, v1_to_v2)
    team = load_team(path)
    assert calls == [1] and {m.note for m in team.staff} == {"migreret"}
    assert path.read_bytes() == before


def test_a_looping_or_dangling_link_is_named_as_a_link(tmp_path):
    loop = tmp_path / "loop.sagstal"
    try:
        loop.symlink_to(loop.name)
    except OSError:
        pytest.skip("no symbolic links here")
    dangling = tmp_path / "dangling.sagstal"
    dangling.symlink_to(tmp_path / "gone.sagstal")
    with pytest.raises(DocumentError) as info:
        load_team(loop)
    assert info.value.code == "link_loop"
    assert info.value.message("da") == ("loop.sagstal er et link, der går i ring: det fører tilbage til sig selv og "
                                        "når aldrig frem til en fil.")
    with pytest.raises(DocumentError) as info:
        load_team(dangling)
    assert info.value.code == "dangling_link"
    assert info.value.message("da") == ("dangling.sagstal er et link, der ikke fører nogen steder hen: filen, det "
                                        "peger på, findes ikke.")
    with pytest.raises(DocumentError) as info:
        load_team(tmp_path / "gone.sagstal")
    assert info.value.code == "missing"

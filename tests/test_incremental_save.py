"""Saving only what changed (issue 25, item 3; ``io/incremental_save.py``).

A save of a file this process wrote or read, still that very file, writes only the changed rows
into a copy of it and replaces the file atomically; the result opens as the same team a full write
gives. Every other case is a full write, and every guarantee of ``save_team`` holds for both:
the file changed elsewhere, a refused team, a crash between the steps, too many changes, too
many free pages, private recovery copies, a link."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest
from conftest import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sagstal_desktop.core import history
from sagstal_desktop.core import scenarios as sc
from sagstal_desktop.core.demo import demo_team
from sagstal_desktop.core.flows import Flow
from sagstal_desktop.core.model import StaffMember, Team
from sagstal_desktop.core.reductions import Reduction
from sagstal_desktop.io import incremental_save, team_rows
from sagstal_desktop.io.document import DocumentError, load_team, save_team


@pytest.fixture(autouse=True)
def _fresh():
    incremental_save.forget()
    yield
    incremental_save.forget()


def _saves() -> dict[str, int]:
    return {k: incremental_save.stats[k] for k in ("incremental", "full")}


def _way(before: dict[str, int]) -> str:
    """Which way the one save since ``before`` went."""
    after = incremental_save.stats
    ways = [k for k in before if after[k] != before[k]]
    assert len(ways) == 1 and after[ways[0]] == before[ways[0]] + 1, (before, after)
    if ways[0] == "full":
        print("full write:", after["last_reason"])
    return ways[0]


def _full_copy(team: Team, path: Path) -> Team:
    """The team as a full write of it opens."""
    incremental_save.forget(path)
    save_team(team, path)
    return load_team(path)


def _team(staff: int = 40) -> Team:
    team = demo_team(TODAY)
    types = list(team.staff[0].counts)
    while len(team.staff) < staff:
        n = len(team.staff)
        team.staff.append(StaffMember(name=f"Person {n}", weekly_hours=37.0, start_date=date(2020, 1 + n % 12, 1),
                                      counts={t: (n * 7 + i) % 9 for i, t in enumerate(types)}))
    return team


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_second_save_writes_only_the_changed_count_and_opens_as_the_team(tmp_path):
    team = _team()
    path = tmp_path / "team.sagstal"
    before = _saves()
    save_team(team, path)
    assert _way(before) == "full"
    first = load_team(path)
    person = team.staff[7]
    case_type = next(iter(person.counts))
    person.counts[case_type] += 3
    before = _saves()
    save_team(team, path)
    assert _way(before) == "incremental"
    opened = load_team(path)
    assert opened.member(person.id).counts[case_type] == first.member(person.id).counts[case_type] + 3
    assert opened == _full_copy(team, tmp_path / "full.sagstal")
    assert _leftovers(tmp_path) == []
    with sqlite3.connect(path) as db:  # the page check the reader makes on opening
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_generated_big_team_loads_equal_to_itself_after_an_incremental_save(tmp_path):
    team = Team()
    types = ["sygedagpenge", "kontanthjaelp", "jobafklaring"]
    team.staff = [StaffMember(name=f"M {i}", weekly_hours=37.0, counts={t: i % 5 for t in types}, id=f"id{i:05d}")
                  for i in range(500)]
    path = tmp_path / "big.sagstal"
    save_team(team, path)
    for member in team.staff[::97]:
        member.counts["kontanthjaelp"] += 1
    team.staff[3].note = "ny note"
    before = _saves()
    save_team(team, path)
    assert _way(before) == "incremental"
    assert load_team(path) == team


def test_a_file_changed_elsewhere_is_written_whole(tmp_path):
    team = _team()
    path = tmp_path / "team.sagstal"
    save_team(team, path)
    with sqlite3.connect(path) as db:  # another writer, in place
        db.execute("UPDATE staff SET name = 'Someone else' WHERE position = 0")
    team.staff[1].note = "mine"
    before = _saves()
    save_team(team, path)
    assert _way(before) == "full"
    opened = load_team(path)
    assert opened.staff[0].name == team.staff[0].name and opened.staff[1].note == "mine"


def test_a_file_replaced_elsewhere_or_touched_is_written_whole(tmp_path):
    team = _team()
    path = tmp_path / "team.sagstal"
    save_team(team, path)
    other = tmp_path / "other.sagstal"
    save_team(_team(5), other)
    os.replace(other, path)  # someone else's save, an atomic replace too
    team.staff[2].note = "x"
    before = _saves()
    save_team(team, path)
    assert _way(before) == "full"
    assert load_team(path) == _full_copy(team, tmp_path / "full.sagstal")
    info = os.stat(path)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # same size and time, but touched
    team.staff[2].note = "y"
    before = _saves()
    save_team(team, path)
    assert _way(before) == "full"
    assert load_team(path).staff[2].note == "y"


def test_a_team_the_reader_would_refuse_is_refused_with_the_full_writes_message(tmp_path):
    team = _team()
    path = tmp_path / "team.sagstal"
    save_team(team, path)
    before_bytes = path.read_bytes()
    team.staff[4].weekly_hours = float("nan")
    with pytest.raises(DocumentError) as incremental:
        save_team(team, path)
    assert path.read_bytes() == before_bytes and _leftovers(tmp_path) == []
    fresh = tmp_path / "fresh.sagstal"
    with pytest.raises(DocumentError) as full:
        save_team(team, fresh)
    assert incremental.value.message("da") == full.value.message("da").replace("fresh.sagstal", "team.sagstal")
    team.staff[4].weekly_hours = 30.0  # the next save is incremental again: the file is still ours
    before = _saves()
    save_team(team, path)
    assert _way(before) == "incremental"
    assert load_team(path).staff[4].weekly_hours == 30.0


def test_an_error_while_writing_the_copy_falls_back_to_a_full_write(tmp_path, monkeypatch):
    team = _team()
    path = tmp_path / "team.sagstal"
    save_team(team, path)

    def broken(db, old, new, d):
        db.execute("BEGIN")
        db.execute("DELETE FROM case_counts")  # half done, then fails
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(incremental_save, "_apply", broken)
    team.staff[0].counts[next(iter(team.staff[0].counts))] += 1
    before = _saves()
    save_team(team, path)
    assert _way(before) == "full"
    assert load_team(path) == _full_copy(team, tmp_path / "full.sagstal")
    assert _leftovers(tmp_path) == []


def test_a_crash_between_the_steps_leaves_the_old_file_and_no_copy(tmp_path, monkeypatch):
    team = _team()
    path = tmp_path / "team.sagstal"
    save_team(team, path)
    old = path.read_bytes()
    real = incremental_save._prove_whole

    def killed(*args):
        real(*args)
        raise KeyboardInterrupt  # the process stops after the copy was changed, before the replace

    monkeypatch.setattr(incremental_save, "_prove_whole", killed)
    team.staff[0].note = "lost"
    with pytest.raises(KeyboardInterrupt):
        save_team(team, path)
    assert path.read_bytes() == old and _leftovers(tmp_path) == []


def test_more_changes_than_the_share_are_written_whole(tmp_path):
    from sagstal_desktop.core.defaults import defaults

    team = _team(200)
    path = tmp_path / "team.sagstal"
    save_team(team, path)
    share = defaults()["incremental_save_max_changed_share"]
    rows = incremental_save._total_rows(team_rows.image(team))
    changed = 0
    for member in team.staff:
        for t in member.counts:
            if changed > share * rows:
                break
            member.counts[t] += 1
            changed += 1
    before = _saves()
    save_team(team, path)
    assert _way(before) == "full"
    assert load_team(path) == _full_copy(team, tmp_path / "full.sagstal")


def test_too_many_free_pages_mean_a_full_write_without_any(tmp_path, monkeypatch):
    team = Team()
    team.staff = [StaffMember(name=f"M {i}", counts={"sygedagpenge": i % 5, "jobafklaring": 1}, id=f"id{i:05d}",
                              note="n" * 1900 if 100 <= i < 140 else "") for i in range(1000)]
    path = tmp_path / "team.sagstal"
    save_team(team, path)
    del team.staff[100:140]  # about a page each, side by side: their pages are free now
    real = incremental_save._setting
    monkeypatch.setattr(incremental_save, "_setting",
                        lambda key: 0.0 if key == "incremental_save_max_free_share" else real(key))
    before = _saves()
    save_team(team, path)
    assert _way(before) == "full"
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert load_team(path) == _full_copy(team, tmp_path / "full.sagstal")


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_a_private_recovery_copy_stays_private_and_a_link_stays_a_link(tmp_path):
    team = _team()
    recovery = tmp_path / "recovery.sagstal"
    save_team(team, recovery, private=True)
    team.staff[0].note = "a"
    before = _saves()
    save_team(team, recovery, private=True)
    assert _way(before) == "incremental"
    assert stat.S_IMODE(os.stat(recovery).st_mode) == 0o600
    real = tmp_path / "shared" / "team.sagstal"
    real.parent.mkdir()
    link = tmp_path / "link.sagstal"
    save_team(team, real)
    link.symlink_to(real)
    team.staff[0].note = "b"
    before = _saves()
    save_team(team, link)
    assert _way(before) == "incremental"
    assert link.is_symlink() and load_team(real).staff[0].note == "b"


# -- random edit sequences: incremental and full saves open as the same team ------------------


def _edit(team: Team, kind: int, a: int, b: int) -> None:
    staff = team.staff
    person = staff[a % len(staff)] if staff else None
    types = ["sygedagpenge", "kontanthjaelp", "jobafklaring", "ressourceforloeb"]
    if kind == 0 and person:
        person.counts[types[b % 4]] = b % 30
    elif kind == 1:
        staff.insert(a % (len(staff) + 1), StaffMember(name=f"Ny {b}", weekly_hours=float(20 + b % 17),
                                                       counts={types[b % 4]: b % 5}))
    elif kind == 2 and len(staff) > 1:
        del staff[a % len(staff)]
    elif kind == 3 and person:
        staff.insert(b % len(staff), staff.pop(a % len(staff)))
    elif kind == 4 and person:
        person.name, person.note = f"Navn {b}", "note " * (b % 4)
        person.start_date = None if b % 3 == 0 else date(2015 + b % 10, 1 + b % 12, 1)
    elif kind == 5 and person:
        person.competences = tuple(types[: b % 3])
        person.takes_new_cases = bool(b % 2)
        person.reductions = (Reduction(hours=float(b % 5), reason="tr"),) if b % 2 else ()
    elif kind == 6 and person:
        t = next(iter(person.counts), None)
        if t is not None:
            person.levels = {t: {"enkel": b % (person.counts[t] + 2)}} if b % 3 else {}
    elif kind == 7:
        if b % 3 and len(team.snapshots) < 5:
            history.add_snapshot(team, history.make_snapshot(team, f"Måling {b}", as_of=TODAY))
        elif team.snapshots:
            del team.snapshots[a % len(team.snapshots)]
    elif kind == 8:
        names = {s.name for s in team.scenarios}
        if b % 2 and f"Scenarie {b % 4}" not in names:
            team.scenarios.append(sc.derive(team, f"Scenarie {b % 4}"))
        elif team.scenarios:
            del team.scenarios[a % len(team.scenarios)]
    elif kind == 9:
        flow = Flow(date(2026, 1 + b % 12, 1), types[a % 4], b % 40, a % 30)
        team.flows = [f for f in team.flows if (f.month, f.case_type) != (flow.month, flow.case_type)]
        if b % 4:
            team.flows.append(flow)
    elif kind == 10:
        team.info.team_name = f"Team {b}"
        team.settings.newcomer_months = 1 + b % 12
    elif kind == 11 and person:
        person.weekly_hours = float("nan") if b % 7 == 0 else float(b % 49)  # now and then refused


EDITS = st.lists(st.tuples(st.integers(0, 11), st.integers(0, 1000), st.integers(0, 1000)), min_size=1, max_size=6)


@settings(max_examples=36, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(EDITS, min_size=1, max_size=5), st.sampled_from(["written", "read", "read_odd"]))
def test_random_edit_sequences_open_the_same_after_an_incremental_or_a_full_save(tmp_path_factory, steps, start):
    """``written``: the saves follow this process's own first save; ``read``: each step opens
    the file first (open, edit, save); ``read_odd``: the same, from a file whose rows are not
    in the form a full write gives (``_odd_file``)."""
    folder = tmp_path_factory.mktemp("edits")
    incremental, full = folder / "incremental.sagstal", folder / "full.sagstal"
    team = _team(40)
    team.flows = [Flow(date(2026, 1, 1), "sygedagpenge", 3, 2)]
    save_team(team, incremental)
    if start == "read_odd":
        _odd_file(incremental)
    for edits in steps:
        if start != "written":
            incremental_save.forget()
            read = incremental_save.stats["read"]
            team = load_team(incremental)
            assert incremental_save.stats["read"] == read + 1
        for kind, a, b in edits:
            _edit(team, kind, a, b)
        outcome = []
        for path in (incremental, full):
            if path == full:
                incremental_save.forget(full)
            before = path.read_bytes() if path.exists() else None
            try:
                save_team(team, path)
                outcome.append(None)
            except DocumentError as exc:
                outcome.append(exc.message("en").replace(path.name, "FILE"))
                assert (path.read_bytes() if path.exists() else None) == before
        assert outcome[0] == outcome[1]
        if outcome[0] is None:
            assert load_team(incremental) == load_team(full)
        else:  # a refused edit is undone, as the user would
            team = load_team(incremental)
    assert _leftovers(folder) == []


@pytest.mark.parametrize("kind", range(11))
def test_each_kind_of_edit_alone_is_saved_incrementally_and_opens_as_a_full_write(tmp_path, kind):
    team = _team(200)
    team.flows = [Flow(date(2026, 1, 1), "sygedagpenge", 3, 2)]
    path = tmp_path / "team.sagstal"
    save_team(team, path)
    for a, b in ((-10, -5), (-5, -9), (-2, -1)):  # near the end: a move shifts few positions
        _edit(team, kind, a, b)
        before = _saves()
        try:
            save_team(team, path)
        except DocumentError as exc:  # a split over the count (kind 6): refused by the full write too
            (tmp_path / "other").mkdir(exist_ok=True)
            with pytest.raises(DocumentError) as full:
                _full_copy(team, tmp_path / "other" / "team.sagstal")  # same name, another folder
            assert exc.message("en") == full.value.message("en")
            team = load_team(path)
            continue
        assert _way(before) == "incremental"
        assert load_team(path) == _full_copy(team, tmp_path / "full.sagstal")


def test_rows_that_are_not_in_the_file_as_remembered_mean_a_full_write(tmp_path):
    """The proof that the copy is whole: each statement on the case counts must change exactly
    the rows remembered, and every other table must hold as many rows as the team."""
    team = _team()
    path = tmp_path / "team.sagstal"
    save_team(team, path)
    base = incremental_save._base(path)
    person = team.staff[5]
    base.rows.types[5] = (*base.rows.types[5], "andet")  # remembered with a row the file lacks
    base.rows.values[5] = (*base.rows.values[5], 1)
    person.counts["andet"] = 2
    before = _saves()
    save_team(team, path)
    assert _way(before) == "full" and "rows changed" in incremental_save.stats["last_reason"]
    assert load_team(path) == _full_copy(team, tmp_path / "full.sagstal")
    base = incremental_save._base(path)  # and a person in the file, not remembered: one row too many
    for column in (base.rows.order, base.rows.persons, base.rows.types, base.rows.values):
        del column[6]
    base.rows.positions = None
    team.staff[7].note = "z"
    before = _saves()
    save_team(team, path)
    assert _way(before) == "full"
    assert load_team(path) == _full_copy(team, tmp_path / "full.sagstal")


@pytest.mark.parametrize("value", [-1, 10**12, 2.5])
def test_a_count_changed_in_place_is_checked_as_the_reader_checks_it(tmp_path, value):
    team = _team()
    path = tmp_path / "team.sagstal"
    save_team(team, path)
    before_bytes = path.read_bytes()
    person = team.staff[3]
    person.counts[next(iter(person.counts))] = value
    fresh = tmp_path / "other" / "team.sagstal"
    fresh.parent.mkdir()
    try:
        save_team(team, fresh)
    except DocumentError as exc:
        with pytest.raises(DocumentError) as incremental:
            save_team(team, path)
        assert incremental.value.message("en") == exc.message("en")
        assert path.read_bytes() == before_bytes
    else:
        save_team(team, path)
        assert load_team(path) == load_team(fresh)


# -- the first save after a read ----------------------------------------------------------------


def _sql(path: Path, *statements: str) -> None:
    """Change the file in place, as another program would."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            db.execute(statement)
    finally:
        db.close()


def _odd_file(path: Path) -> None:
    """Rows the reader reads as before, in another form than a full write gives them: the staff
    at positions 0, 10, 20, ..., JSON lists without spaces, the case counts stored backwards and
    at positions 0, 2, 4, ...; then a VACUUM (no free pages)."""
    _sql(path,
         "UPDATE staff SET position = position * 10",
         "UPDATE staff SET competences = '[\"a\",\"b\"]' WHERE position = 30",
         "CREATE TEMP TABLE c AS SELECT * FROM case_counts",
         "DELETE FROM case_counts",
         "INSERT INTO case_counts SELECT staff_id, case_type, position * 2, count FROM c "
         "ORDER BY staff_id DESC, position DESC",
         "VACUUM")


def _read(path: Path) -> Team:
    incremental_save.forget()
    read = incremental_save.stats["read"]
    team = load_team(path)
    assert incremental_save.stats["read"] == read + 1, incremental_save.stats["last_read_reason"]
    return team


def test_open_edit_save_writes_only_what_changed(tmp_path):
    path = tmp_path / "team.sagstal"
    save_team(_team(), path)
    team = _read(path)
    person = team.staff[9]
    case_type = next(iter(person.counts))
    person.counts[case_type] += 2
    before = _saves()
    save_team(team, path)
    assert _way(before) == "incremental"
    assert load_team(path) == team == _full_copy(team, tmp_path / "full.sagstal")
    assert _leftovers(tmp_path) == []


def test_a_read_of_another_schema_version_or_of_a_file_changed_while_read_is_not_remembered(tmp_path, monkeypatch):
    path = tmp_path / "team.sagstal"
    team = _team()
    save_team(team, path)
    old = tmp_path / "old.sagstal"  # version 3: no flows, no case weight (the reader migrates it)
    old.write_bytes(path.read_bytes())
    _sql(old, "DROP TABLE flows", "DROP TABLE case_levels", "PRAGMA user_version = 3")
    incremental_save.forget()
    read = incremental_save.stats["read"]
    older = load_team(old)
    assert incremental_save.stats["read"] == read
    older.staff[0].note = "migrated"
    before = _saves()
    save_team(older, old)
    assert _way(before) == "full"
    with sqlite3.connect(old) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 4
    real_fstat = os.fstat
    calls = []

    def fstat_touching(fd):  # the file is changed between the open and the end of the read
        calls.append(fd)
        if len(calls) == 2:
            os.utime(path, ns=(1, 1))
        return real_fstat(fd)

    monkeypatch.setattr(os, "fstat", fstat_touching)
    incremental_save.forget()
    team = load_team(path)
    monkeypatch.undo()
    assert len(calls) >= 2 and incremental_save.stats["read"] == read
    team.staff[0].note = "after"
    before = _saves()
    save_team(team, path)
    assert _way(before) == "full"


def test_a_file_changed_by_another_program_after_the_read_is_written_whole(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "team.sagstal"
    save_team(_team(), path)
    team = _read(path)
    other = ("import sys; from sagstal_desktop.io.document import load_team, save_team; "
             "t = load_team(sys.argv[1]); t.staff[0].note = 'theirs'; save_team(t, sys.argv[1])")
    subprocess.run([sys.executable, "-c", other, str(path)], check=True)
    team.staff[1].counts[next(iter(team.staff[1].counts))] += 1
    before = _saves()
    save_team(team, path)
    assert _way(before) == "full"
    assert load_team(path) == _full_copy(team, tmp_path / "full.sagstal")
    team = _read(path)  # and changed in place, same size
    _sql(path, "UPDATE staff SET note = 'x' WHERE position = 2")
    team.staff[3].note = "mine"
    before = _saves()
    save_team(team, path)
    assert _way(before) == "full"
    assert load_team(path) == _full_copy(team, tmp_path / "full.sagstal")


def _count(index: int, which: int):
    def edit(team: Team) -> None:
        counts = team.staff[index].counts
        counts[list(counts)[which]] += 1
    return edit


def _note(team: Team) -> None:
    team.staff[5].note = "ny"


def _append(team: Team) -> None:
    team.staff.append(StaffMember(name="Ny", weekly_hours=37.0))


def _flow(team: Team) -> None:
    flow = Flow(date(2026, 3, 1), "sygedagpenge", 41, 1)
    team.flows = [*(f for f in team.flows if (f.month, f.case_type) != (flow.month, flow.case_type)), flow]


@pytest.mark.parametrize(("edit", "way"), [
    (_count(5, 0), "incremental"),  # the row at position 0 (0 * 2): as remembered; the rest untouched
    (_flow, "incremental"),
    (_count(6, 1), "full"),  # the row at position 2, remembered at 1: not found
    (_note, "full"),  # the person at position 50, remembered at 5: not found
    (_append, "full"),  # a person added: the positions are not 0 .. n - 1
])
def test_rows_in_another_form_than_a_full_write_gives_are_saved_right_or_written_whole(tmp_path, edit, way):
    path = tmp_path / "team.sagstal"
    save_team(_team(), path)
    _odd_file(path)
    team = _read(path)
    edit(team)
    before = _saves()
    save_team(team, path)
    assert _way(before) == way
    assert load_team(path) == _full_copy(team, tmp_path / "full.sagstal")  # (flows: sorted)
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(("statements", "remembered"), [
    (["INSERT INTO team (key, value) VALUES ('unknown', '{}')"], False),  # a key the reader ignores
    (["INSERT INTO case_counts (staff_id, case_type, position, count) VALUES ('nobody', 'sygedagpenge', 0, 3)"],
     False),  # a count of no one
    (["CREATE TABLE extra (x)"], False),
    (["CREATE INDEX by_name ON staff (name)"], False),
    (["UPDATE team SET value = json_set(value, '$.unknown_key', 1) WHERE key = 'settings'"], True),
    (["UPDATE team SET value = replace(value, ', ', ',') WHERE key = 'info'"], True),
    (["UPDATE team SET value = replace(value, '.25', '.250') WHERE key = 'settings'"], True),
])
def test_a_file_the_team_read_does_not_account_for_is_saved_right(tmp_path, statements, remembered):
    """A file with rows the team read leaves out is never remembered; rows in another form are,
    and a save that would touch such a row does not find it and writes the whole file."""
    path = tmp_path / "team.sagstal"
    save_team(_team(), path)
    _sql(path, *statements)
    incremental_save.forget()
    read = incremental_save.stats["read"]
    team = load_team(path)
    assert incremental_save.stats["read"] == read + remembered
    team.staff[0].note = "ny"
    before = _saves()
    save_team(team, path)
    assert _way(before) == ("incremental" if remembered else "full")
    assert load_team(path) == team == _full_copy(team, tmp_path / "full.sagstal")
    if remembered:  # the team's own rows, touched: found by their remembered values or not at all
        _sql(path, *statements)
        team = _read(path)
        team.info.team_name = "Nyt navn"
        team.settings.newcomer_months = 5
        before = _saves()
        save_team(team, path)
        assert _way(before) == "full" and "rows changed" in incremental_save.stats["last_reason"]
        assert load_team(path) == team == _full_copy(team, tmp_path / "full.sagstal")


def test_a_file_the_reader_refuses_is_not_remembered(tmp_path):
    path = tmp_path / "team.sagstal"
    save_team(_team(), path)
    _sql(path, "UPDATE staff SET weekly_hours = -5 WHERE position = 0")
    incremental_save.forget()
    read = incremental_save.stats["read"]
    with pytest.raises(DocumentError):
        load_team(path)
    assert incremental_save.stats["read"] == read and incremental_save._base(path) is None


def test_a_cli_command_that_saves_back_writes_only_what_changed_and_one_that_reads_remembers_nothing(
        tmp_path, demo, capsys):
    """``sagstal snapshot FILE`` reads the file and saves it back: the save is incremental (a new
    snapshot row); ``sagstal summary FILE`` only reads: nothing is remembered for it."""
    from conftest import run_cli

    from sagstal_desktop.io import incremental_save

    path = tmp_path / "team.sagstal"
    save_team(demo, path)
    incremental_save.forget()
    reads = incremental_save.stats["read"]
    code, _out, _err = run_cli(capsys, "summary", str(path), "--json")
    assert code == 0 and incremental_save.stats["read"] == reads
    done = incremental_save.stats["incremental"]
    code, _out, err = run_cli(capsys, "snapshot", str(path), "--date", "2026-12-01", "--label", "Q4")
    assert code == 0, err
    assert incremental_save.stats["read"] == reads + 1
    assert incremental_save.stats["incremental"] == done + 1, incremental_save.stats["last_reason"]
    assert [s.label for s in load_team(path).snapshots][-1] == "Q4"

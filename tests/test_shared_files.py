"""A team file on a shared drive (issue 22): the edit lock (fresh, stale, taken over), the
short write lock, fingerprints, the simulated Windows replace failure, sync-client conflict
copies, the CLI writers (refused while the file is open, --ignore-lock, 20 at once) and the
three-way merge of a team."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import TODAY

from sagstal_desktop.cli import main as cli_main
from sagstal_desktop.core.history import make_snapshot
from sagstal_desktop.core.merge import MINE, THEIRS, merge_teams
from sagstal_desktop.core.scenarios import derive
from sagstal_desktop.io import file_lock
from sagstal_desktop.io.document import DocumentError, load_team, save_team
from sagstal_desktop.io.file_lock import (
    EditLock,
    FileLocked,
    LockBusy,
    WriteLock,
    changed_since,
    computer_name,
    conflict_copies,
    edit_lock_path,
    fingerprint,
    login_name,
    read_lock,
    write_lock_path,
)


def _dead_pid() -> int:
    """The id of a process that has just ended (reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _foreign_lock(path: Path, *, computer: str, pid: int, age: float = 0.0, login: str = "anna") -> Path:
    """A lock file as another Sagstal would leave it, ``age`` seconds without a heartbeat."""
    lock = edit_lock_path(path)
    lock.write_text(json.dumps({"app": "sagstal", "login": login, "computer": computer,
                                "since": "2026-12-06T09:15:00", "pid": pid, "token": "other"}), encoding="utf-8")
    then = time.time() - age
    os.utime(lock, (then, then))
    return lock


@pytest.fixture
def team_file(tmp_path, demo) -> Path:
    path = tmp_path / "team.sagstal"
    save_team(demo, path)
    return path


# -- the edit lock ------------------------------------------------------------------------


def test_fresh_lock_is_private_holds_only_login_and_computer_and_refuses_a_second(team_file):
    lock = EditLock(team_file)
    assert lock.acquire() is None
    lock_file = edit_lock_path(team_file)
    assert lock_file.name == ".~lock.team.sagstal#"
    assert stat.S_IMODE(lock_file.stat().st_mode) == 0o600
    record = json.loads(lock_file.read_text(encoding="utf-8"))
    assert set(record) == {"app", "login", "computer", "since", "pid", "token"}
    assert (record["login"], record["computer"], record["pid"]) == (login_name(), computer_name(), os.getpid())
    with pytest.raises(FileLocked) as raised:
        EditLock(team_file).acquire()  # another window of this (live) process
    info = raised.value.info
    assert not info.is_stale()
    since = datetime.fromisoformat(record["since"])
    assert info.message("en") == f"Open by {login_name()} on {computer_name()} since " \
        f"{since.year}-{since.month:02d}-{since.day:02d} {since.hour:02d}:{since.minute:02d}"
    assert info.message("da").startswith(f"Åben af {login_name()} på {computer_name()} siden ")
    assert f"kl. {since.hour:02d}.{since.minute:02d}" in info.message("da")
    lock.release()
    assert not lock_file.exists()


def test_heartbeat_refreshes_and_release_leaves_someone_elses_lock(team_file):
    lock = EditLock(team_file)
    lock.acquire()
    old = time.time() - 500
    os.utime(lock.lock_file, (old, old))
    assert lock.heartbeat()
    assert time.time() - lock.lock_file.stat().st_mtime < 5
    lock.lock_file.unlink()  # a sync client removed it: the heartbeat makes it again
    assert lock.heartbeat() and read_lock(lock.lock_file).token == lock.token
    lock.lock_file.unlink()
    _foreign_lock(team_file, computer="PC-ANDEN", pid=123)  # someone took over meanwhile
    assert not lock.heartbeat()
    lock.release()
    assert read_lock(edit_lock_path(team_file)).login == "anna"  # not ours: left alone


def test_stale_lock_of_a_dead_process_on_this_computer_is_taken_over_with_a_note(team_file):
    _foreign_lock(team_file, computer=computer_name(), pid=_dead_pid())
    lock = EditLock(team_file)
    replaced = lock.acquire()
    assert replaced is not None and replaced.login == "anna"  # the caller tells the user
    assert read_lock(lock.lock_file).token == lock.token
    with pytest.raises(FileLocked):
        EditLock(team_file).acquire(take_over_stale=False)


def test_lock_from_another_computer_is_stale_only_without_heartbeat(team_file):
    limit = file_lock.stale_seconds()
    assert limit == 600  # resources/defaults.json
    _foreign_lock(team_file, computer="PC-ANDEN", pid=os.getpid(), age=limit - 60)
    with pytest.raises(FileLocked) as raised:
        EditLock(team_file).acquire()
    assert raised.value.info.computer == "PC-ANDEN" and not raised.value.info.is_stale()
    _foreign_lock(team_file, computer="PC-ANDEN", pid=os.getpid(), age=limit + 60)
    lock = EditLock(team_file)
    assert lock.acquire().computer == "PC-ANDEN"


def test_an_unreadable_lock_counts_as_held(team_file):
    edit_lock_path(team_file).write_bytes(b"\x00garbage")
    with pytest.raises(FileLocked) as raised:
        EditLock(team_file).acquire()
    assert raised.value.info.login == ""
    old = time.time() - file_lock.stale_seconds() - 10
    os.utime(edit_lock_path(team_file), (old, old))  # ... until it has had no heartbeat for too long
    assert EditLock(team_file).acquire().login == ""
    write_lock_path(team_file).write_bytes(b"")  # a writer killed between making and filling its lock
    with pytest.raises(LockBusy), WriteLock(team_file, wait=0.2):
        pass
    old = time.time() - 61
    os.utime(write_lock_path(team_file), (old, old))
    with WriteLock(team_file, wait=0.2):
        pass
    assert not write_lock_path(team_file).exists()


# -- the write lock -----------------------------------------------------------------------


def test_write_lock_waits_then_gives_up_and_stale_write_lock_is_removed(team_file):
    with WriteLock(team_file):
        start = time.monotonic()
        with pytest.raises(LockBusy) as raised, WriteLock(team_file, wait=0.3):
            pass
        assert 0.3 <= time.monotonic() - start < 2
        assert "is being saved by another program" in raised.value.message("en")
    assert not write_lock_path(team_file).exists()
    _foreign_lock(team_file, computer=computer_name(), pid=_dead_pid()).rename(write_lock_path(team_file))
    with WriteLock(team_file, wait=0.3):  # left by a killed command: removed, not waited for
        assert read_lock(write_lock_path(team_file)).pid == os.getpid()
    assert not write_lock_path(team_file).exists()


# -- fingerprints, Windows replace, conflict copies ---------------------------------------


def test_fingerprint_sees_changed_bytes_not_a_touch(team_file, demo):
    known = fingerprint(team_file)
    assert known.size == team_file.stat().st_size
    later = time.time() + 5
    os.utime(team_file, (later, later))
    assert not changed_since(team_file, known)
    demo.staff[0].counts["sygedagpenge"] = 99
    save_team(demo, team_file)
    assert changed_since(team_file, known)
    team_file.unlink()
    assert changed_since(team_file, known)


def _sharing_violation() -> PermissionError:
    error = PermissionError(13, "The process cannot access the file because it is being used by another process")
    error.winerror = 32  # ERROR_SHARING_VIOLATION, as Windows sets it
    return error


def test_windows_sharing_violation_is_waited_out(team_file, demo, monkeypatch):
    real, calls = os.replace, []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) <= 3:
            raise _sharing_violation()
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    demo.staff[0].counts["sygedagpenge"] = 77
    save_team(demo, team_file)
    assert len(calls) == 4
    assert load_team(team_file).staff[0].counts["sygedagpenge"] == 77
    assert sorted(p.name for p in team_file.parent.iterdir()) == ["team.sagstal"]


def test_windows_sharing_violation_that_lasts_leaves_the_old_file_and_no_leftovers(team_file, demo, monkeypatch):
    before = team_file.read_bytes()
    calls = []

    def replace(src, dst):
        calls.append(dst)
        raise _sharing_violation()

    monkeypatch.setattr(os, "replace", replace)
    demo.staff[0].counts["sygedagpenge"] = 77
    start = time.monotonic()
    with pytest.raises(DocumentError) as raised:
        save_team(demo, team_file)
    assert raised.value.code == "in_use"
    assert 1.5 < time.monotonic() - start < 6  # about save_replace_retry_seconds (2 s)
    assert len(calls) == 20
    assert "another program has it open" in raised.value.message("en")
    assert team_file.read_bytes() == before
    assert sorted(p.name for p in team_file.parent.iterdir()) == ["team.sagstal"]


def test_sync_client_conflict_copies_are_found(tmp_path):
    for name in ("Team Nord.sagstal", "Team Nord-PC-NAVN.sagstal", "Team Nord (1).sagstal",
                 "Team Nord-DESKTOP-AB12CD.sagstal", "Team Syd.sagstal", "Team Nord.xlsx", "Team Nord (x).sagstal"):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in conflict_copies(tmp_path / "Team Nord.sagstal")] == [
        "Team Nord (1).sagstal", "Team Nord-DESKTOP-AB12CD.sagstal", "Team Nord-PC-NAVN.sagstal"]
    assert conflict_copies(tmp_path / "missing" / "x.sagstal") == []


# -- the command line ---------------------------------------------------------------------


def _history_labels(path: Path) -> list[str]:
    return [s.label for s in load_team(path).snapshots]


def test_writing_commands_refuse_while_the_file_is_open_read_commands_do_not(team_file, capsys):
    lock = EditLock(team_file)
    lock.acquire()
    before = team_file.read_bytes()
    writers = [["snapshot", str(team_file), "--label", "x"],
               ["scenario", "add", str(team_file), "--name", "Sygdom"],
               ["distribute", str(team_file), "--add", "sygedagpenge=3", "-o", str(team_file), "--force"],
               ["rebalance", str(team_file), "--max-moves", "1", "-o", str(team_file), "--force"]]
    for argv in writers:
        assert cli_main([*argv, "--lang", "en"]) == 2, argv
        err = capsys.readouterr().err
        assert f"team.sagstal is open for editing. Open by {login_name()} on {computer_name()} since" in err
        assert "--ignore-lock" in err
        assert team_file.read_bytes() == before
    assert cli_main(["snapshot", str(team_file), "--label", "x"]) == 2
    assert "er åben for redigering. Åben af" in capsys.readouterr().err  # Danish by default
    assert cli_main(["history", str(team_file), "--json"]) == 0  # reading ignores the lock
    assert cli_main(["summary", str(team_file)]) == 0
    capsys.readouterr()
    assert cli_main(["snapshot", str(team_file), "--label", "trods", "--ignore-lock"]) == 0
    assert _history_labels(team_file)[-1] == "trods"
    assert read_lock(edit_lock_path(team_file)).token == lock.token  # the window's lock stays


def test_a_stale_lock_is_removed_by_a_command_with_a_note(team_file, capsys):
    _foreign_lock(team_file, computer=computer_name(), pid=_dead_pid())
    assert cli_main(["snapshot", str(team_file), "--label", "efter nedbrud", "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert "had a lock left by a Sagstal that is no longer running (Open by anna on" in err
    assert not edit_lock_path(team_file).exists()
    assert _history_labels(team_file)[-1] == "efter nedbrud"


def test_a_command_gives_up_on_a_busy_file_with_exit_2(team_file, capsys, monkeypatch):
    waits = {"write_lock_wait_seconds": 0.3}
    real = file_lock._setting
    monkeypatch.setattr(file_lock, "_setting", lambda key: waits.get(key, real(key)))
    before = team_file.read_bytes()
    with WriteLock(team_file):
        assert cli_main(["snapshot", str(team_file), "--lang", "en"]) == 2
    assert "team.sagstal is being saved by another program; gave up after 0 seconds" in capsys.readouterr().err
    assert team_file.read_bytes() == before


def test_distribute_onto_its_own_file_refuses_when_it_changed_meanwhile(team_file, capsys, monkeypatch):
    from sagstal_desktop.cli import planning

    real = planning._read_print

    def changed_after_reading(args):
        seen = real(args)
        team = load_team(team_file)
        team.snapshots.append(make_snapshot(team, "imens", as_of=TODAY))
        save_team(team, team_file)  # another writer, while the plan is computed
        return seen

    monkeypatch.setattr(planning, "_read_print", changed_after_reading)
    assert cli_main(["distribute", str(team_file), "--add", "sygedagpenge=3", "-o", str(team_file), "--force",
                     "--lang", "en"]) == 2
    assert "was changed by someone else while this command ran; nothing was written" in capsys.readouterr().err
    assert _history_labels(team_file)[-1] == "imens"


def test_twenty_concurrent_snapshots_none_lost(team_file):
    before = len(load_team(team_file).snapshots)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    run = "import sys; from sagstal_desktop.cli import main; sys.exit(main())"
    procs = [subprocess.Popen([sys.executable, "-c", run, "snapshot", str(team_file), "--label",
                               f"samtidig {i}", "--lang", "en"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env, text=True) for i in range(20)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    ok = {f"samtidig {i}" for i, (code, _err) in enumerate(results) if code == 0}
    for code, err in results:
        assert code in (0, 2)
        if code == 2:
            assert "is being saved by another program" in err
    labels = _history_labels(team_file)
    assert len(labels) == before + len(ok)
    assert ok <= set(labels)
    assert len(ok) >= 10  # a 5-second wait is ample for 20 short writes on this machine
    assert sorted(p.name for p in team_file.parent.iterdir()) == ["team.sagstal"]  # no locks, no temp files


# -- the three-way merge ------------------------------------------------------------------


def test_merge_keeps_their_snapshots_and_scenarios_beside_my_edits(demo):
    base = demo.copy()
    mine, theirs = base.copy(), base.copy()
    mine.staff[0].counts["sygedagpenge"] = 41
    mine.scenarios.append(derive(mine, "Min plan"))
    mine.snapshots.append(make_snapshot(mine, "min", as_of=TODAY))
    for i in range(5):
        theirs.snapshots.append(make_snapshot(theirs, f"cli {i}", as_of=TODAY))
    theirs.scenarios.append(derive(theirs, "Deres plan"))
    theirs.staff[1].weekly_hours = 30.0
    result = merge_teams(base, mine, theirs)
    assert result.conflicts == []
    assert (result.snapshots_added, result.scenarios_added) == (5, 1)
    labels = [s.label for s in result.team.snapshots]
    assert sorted(labels[len(base.snapshots):]) == sorted(["min", *(f"cli {i}" for i in range(5))])
    assert [s.name for s in result.team.scenarios] == [*(s.name for s in base.scenarios), "Min plan", "Deres plan"]
    assert result.team.staff[0].counts["sygedagpenge"] == 41
    assert result.team.staff[1].weekly_hours == 30.0
    assert [p.id for p in result.team.staff] == [p.id for p in base.staff]
    assert mine.staff[1].weekly_hours != 30.0  # the inputs are not changed


def test_merge_takes_their_removals_and_additions_of_people_and_snapshots(demo):
    base = demo.copy()
    base.snapshots = [make_snapshot(base, "a", as_of=TODAY), make_snapshot(base, "b", as_of=TODAY)]
    mine, theirs = base.copy(), base.copy()
    gone = theirs.staff.pop(2)
    del theirs.snapshots[0]
    new = theirs.staff[0].__class__(name="Ny kollega", weekly_hours=37.0)
    theirs.staff.append(new)
    mine.staff[5].note = "min note"
    result = merge_teams(base, mine, theirs)
    assert result.conflicts == []
    ids = [p.id for p in result.team.staff]
    assert gone.id not in ids and ids[-1] == new.id
    assert [s.label for s in result.team.snapshots] == ["b"]
    assert next(p for p in result.team.staff if p.id == mine.staff[5].id).note == "min note"


def test_merge_shows_a_conflict_on_the_same_cell_and_person_never_resolves_it_silently(demo):
    base = demo.copy()
    mine, theirs = base.copy(), base.copy()
    mine.staff[0].counts["sygedagpenge"] = 41
    theirs.staff[0].counts["sygedagpenge"] = 12
    mine.staff[3].name = "Ny navn"  # changed by me ...
    victim = theirs.staff.pop(3)  # ... removed by them
    theirs.scenarios = [derive(theirs, "Plan")]
    mine.scenarios = [derive(mine, "Plan")]  # both made "Plan", from different teams
    mine.info.team_name, theirs.info.team_name = "Nord", "Syd"
    result = merge_teams(base, mine, theirs)
    kinds = {(c.kind, c.field) for c in result.conflicts}
    assert ("cell", "count:sygedagpenge") in kinds and ("person", "") in kinds and ("scenario", "") in kinds
    assert ("info", "team_name") in kinds
    cell = next(c for c in result.conflicts if c.kind == "cell")
    assert (cell.label, cell.mine, cell.theirs) == (mine.staff[0].name, 41, 12)
    assert result.team.staff[0].counts["sygedagpenge"] == 41 and result.team.info.team_name == "Nord"
    assert victim.id in [p.id for p in result.team.staff]
    other = merge_teams(base, mine, theirs, THEIRS)
    assert other.team.staff[0].counts["sygedagpenge"] == 12 and other.team.info.team_name == "Syd"
    assert victim.id not in [p.id for p in other.team.staff]
    assert len(other.conflicts) == len(result.conflicts)
    with pytest.raises(ValueError):
        merge_teams(base, mine, theirs, "both")
    assert merge_teams(base, mine, mine, MINE).conflicts == []


def test_merge_keeps_intake_and_closures_from_both_sides(demo):
    """The forecast's input is merged by month and case type like everything else: a month the
    other writer imported (``sagstal flows``) is kept beside mine, and nobody's rows are dropped."""
    import dataclasses

    from sagstal_desktop.core.flows import Flow

    base = demo.copy()
    assert base.flows  # the demo team has 24 months of intake and closures
    mine, theirs = base.copy(), base.copy()
    first, second = base.flows[0], base.flows[1]
    theirs.flows = [*theirs.flows, Flow(date(2027, 1, 1), first.case_type, 30, 20)]  # imported by them
    mine.flows = [dataclasses.replace(f, new=f.new + 1) if f == second else f for f in mine.flows]  # edited by me
    result = merge_teams(base, mine, theirs)
    assert result.conflicts == []
    by_key = {(f.month, f.case_type): f for f in result.team.flows}
    assert len(result.team.flows) == len(base.flows) + 1
    assert by_key[(date(2027, 1, 1), first.case_type)].new == 30
    assert by_key[(second.month, second.case_type)].new == second.new + 1
    # both changed the same month and type: a conflict, never resolved silently
    theirs.flows = [dataclasses.replace(f, closed=f.closed + 5) if f == second else f for f in theirs.flows]
    result = merge_teams(base, mine, theirs)
    flows = [c for c in result.conflicts if c.kind == "flow"]
    assert [c.label for c in flows] == [f"{second.month:%Y-%m} {second.case_type}"]
    assert (flows[0].mine, flows[0].theirs) == ((second.new + 1, second.closed), (second.new, second.closed + 5))


def test_a_command_killed_inside_the_write_lock_leaves_nothing_that_blocks_the_next(team_file):
    hold = ("import sys, time; from sagstal_desktop.io.file_lock import WriteLock\n"
            "with WriteLock(sys.argv[1]):\n    print('held', flush=True); time.sleep(60)")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-c", hold, str(team_file)], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout.readline().strip() == "held"
    proc.kill()
    proc.wait()
    proc.stdout.close()
    assert write_lock_path(team_file).exists()  # what a killed writer leaves ...
    start = time.monotonic()
    assert cli_main(["snapshot", str(team_file), "--label", "efter kill"]) == 0  # ... is removed, not waited for
    assert time.monotonic() - start < 3
    assert _history_labels(team_file)[-1] == "efter kill"
    assert sorted(p.name for p in team_file.parent.iterdir()) == ["team.sagstal"]


def test_a_conflict_on_intake_and_closures_is_worded_in_danish(demo, danish):
    from sagstal_desktop.core.merge import Conflict
    from sagstal_desktop.gui.shared_file import conflict_lines

    conflict = Conflict("flow", "2026-10 sygedagpenge", "2026-10 sygedagpenge", "", (31, 25), None)
    assert conflict_lines([conflict], "da") == [
        "Tilgang og afgang 2026-10 sygedagpenge: din 31 nye, 25 afsluttede, den andens fjernet"]

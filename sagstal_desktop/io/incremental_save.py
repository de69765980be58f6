"""Saving only what changed (issue 25): SQLite updates in a copy of the file, then the same
atomic replace as a full write.

A full save writes the whole database anew and reads all of it back with the reader's checks;
at 10,000 staff that is CPU work (about 0.7 s), not disk work. When this process wrote the file
on disk itself (``save_team``, full or incremental) and it is still that very file, the save
instead

1. compares the rows of the team (``team_rows.image``) with the rows it wrote then, by primary
   key, and gives up (a full write instead) when more than ``incremental_save_max_changed_share``
   of the rows differ;
2. checks the rows that differ with the reader's own checks (``document.validate_team`` on a team
   of just those rows and what they are checked against: the changed people with their counts
   and levels, the team's settings and norm sets, the changed snapshots and scenarios, all the
   flows if any changed; a count changed in place, the person's case types as before and no split
   by level, with the reader's own field for the column); the checks that span the whole file
   (rows per table, the JSON budget) are made on the counts of the new rows. Anything the reader
   could refuse goes to the full write, which refuses it with the reader's own message;
3. copies the file into the atomic writer's temporary file beside it (``atomic_write.atomic_path``),
   checking while it reads that it is the file written (device, inode, size, modification and
   change time: a stricter test than the window's and the commands' own ``changed_since``, which
   trusts size and time), applies the differences in one transaction, and proves the result
   whole: the schema version, the page count against the size, the rows each statement on the
   case counts and levels changed against the rows remembered, and the number of rows of every
   other table against the team's; more free pages than ``incremental_save_max_free_share`` of the
   file also means a full write (which leaves none);
4. then fsync and the atomic replace; a crash before the replace leaves the old file as it was
   (the copy is the temporary file, removed by the next save).

The same holds for a file this process READ (``remember_read``, called by ``document.read_team``
once every check of the reader passed): the rows remembered are then ``team_rows.image`` of the
team read, with the identity of the bytes read (taken from the open file before and after the
read; a file changed while read is not remembered). Those rows may differ in form from the rows
in the file (a value the reader converts, JSON written another way, a position out of the usual
run), so a read is remembered only when the file is of the current schema version with exactly
the tables, columns and indexes a full write makes, in UTF-8, with as many rows in every table
as the team has, and snapshots numbered 1, 2, ... in the reader's order; the characters of JSON
text in the file are counted (the reader's JSON budget is then known exactly: the staff's in
``Image.staff_json_chars``, the rest beyond the team's rows in ``Base.json_extra``). And every
statement proves the rows it touches are the rows remembered: a row deleted or updated is found
by every one of its remembered values, and each statement must change exactly the number of rows
remembered; before a row is inserted or moved in a table ordered by position (staff, norm sets,
scenarios) the positions in the copy must be 0, 1, ... n - 1 (the reader's order is then the
remembered one). Rows the save does not touch stay as they were in the file and open as they
opened before. A count's position within a person is not checked for the rows not touched: the
reader orders a person's counts by it, and no statement changes another person's rows.

Every other case (no file written or read by this process, the file changed or replaced since,
another schema version, any error) is a full write, so each guarantee of ``save_team`` holds for
both. What was written or read is remembered for at most ``incremental_save_remembered_files`` files. The
rows remembered hold the model's values as they are (tuples, dates, frozen reductions, JSON
text, copies of the counts): nothing an edit changes in place.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sagstal_desktop.core.defaults import defaults
from sagstal_desktop.core.model import Team
from sagstal_desktop.io import team_schema as schema
from sagstal_desktop.io.team_rows import Image, image, staff_json_chars, staff_row


@dataclass(frozen=True)
class Base:
    """A file this process wrote: who it is on disk, the rows in it, and its free pages."""

    ident: tuple[int, ...]
    rows: Image
    pages: int
    free_pages: int
    #: characters of JSON text outside the staff in the file beyond those of ``rows`` (a file
    #: read may hold JSON written another way; the rows a save touches are the remembered ones,
    #: so this stays as it is)
    json_extra: int = 0


_LOCK = threading.Lock()
_BASES: OrderedDict[str, Base] = OrderedDict()

#: For tests and the benchmark: how many saves went which way, and why the last save that
#: could have been incremental was not.
stats: dict[str, int | str] = {"incremental": 0, "full": 0, "last_reason": "", "read": 0, "last_read_reason": ""}


class _NotThisWay(Exception):
    """The incremental path does not apply; a full write follows."""


class _NotNow(_NotThisWay):
    """Not this save (too many changes, a value the full write must judge), but the file on
    disk is still the one remembered."""


def _setting(key: str) -> float:
    return float(defaults()[key])


def _ident(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _key(path: Path) -> str:
    # the file ``atomic_write.real_target`` gives, without importing the writer's modules into a
    # program that only reads (``summary`` loads no ``tempfile``)
    target = os.path.realpath(path) if os.path.islink(path) else os.fspath(path)
    return os.path.normcase(os.path.abspath(target))


def forget(path: str | os.PathLike[str] | None = None) -> None:
    """Forget what was written to ``path`` (every file if None): its next save is a full write."""
    with _LOCK:
        if path is None:
            _BASES.clear()
        else:
            _BASES.pop(_key(Path(path)), None)


def remember(path: Path, rows: Image, written: os.stat_result, pages: int, free_pages: int,
             json_extra: int = 0) -> None:
    """``rows`` were just written to ``path`` through a temporary file that was ``written``
    before the replace. Remembered only if ``path`` is now that file (no one replaced it since)."""
    from sagstal_desktop.io.atomic_write import real_target

    key = _key(path)
    try:
        now = os.stat(real_target(path))
    except OSError:
        now = None
    with _LOCK:
        _BASES.pop(key, None)
        if now is None or (now.st_ino, now.st_size, now.st_mtime_ns) != (
                written.st_ino, written.st_size, written.st_mtime_ns):
            return
        _BASES[key] = Base(_ident(now), rows, pages, free_pages, json_extra)
        while len(_BASES) > max(0, int(_setting("incremental_save_remembered_files"))):
            _BASES.popitem(last=False)


def _keep(key: str, base: Base) -> None:
    with _LOCK:
        _BASES.pop(key, None)
        _BASES[key] = base
        while len(_BASES) > max(0, int(_setting("incremental_save_remembered_files"))):
            _BASES.popitem(last=False)


#: The JSON columns outside the staff (``Image.json_chars`` counts the same text).
_JSON_COLUMNS = (("team", "value"), ("norm_sets", "data"), ("snapshots", "data"), ("scenarios", "data"))


def remember_read(path: Path, team: Team, db: sqlite3.Connection, ident: os.stat_result,
                  master: list[tuple]) -> bool:
    """``team`` was just read from ``path`` (the bytes of the file ``ident``, now in ``db``, read
    and checked without a change of the file's identity; the file's schema version is the
    current one). Remember its rows if the file holds them as a full write of ``team`` would, as
    far as a save relies on it (see the module's text); ``master`` is what a full write puts in
    ``sqlite_master``, sorted. A record of the very same file is kept as it is (the rows this
    process wrote are the file's own, those of the team read may differ in form). Never raises;
    True if remembered."""
    known = _base(path)
    if known is not None and known.ident == _ident(ident):  # written (or read) here: its rows are the file's
        return _not_read("remembered")
    try:
        if db.execute("PRAGMA encoding").fetchone()[0] != "UTF-8":
            return _not_read("encoding")
        if sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()) != master:
            return _not_read("schema")
        if any(s.id != i for i, s in enumerate(team.snapshots, start=1)):
            return _not_read("snapshot ids")
        rows = image(team)
        for table, n in _table_sizes(rows).items():
            if db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] != n:
                return _not_read(f"rows of {table}")
        chars = sum(db.execute(f"SELECT coalesce(sum(length({column})), 0) FROM {table}").fetchone()[0]
                    for table, column in _JSON_COLUMNS)
        rows.staff_json_chars = int(db.execute(
            "SELECT coalesce(sum(length(competences) + length(reductions)), 0) FROM staff").fetchone()[0])
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        free = db.execute("PRAGMA freelist_count").fetchone()[0]
        if pages * db.execute("PRAGMA page_size").fetchone()[0] != ident.st_size:
            return _not_read("size")
    except Exception as exc:  # a read is never spoilt by what it remembers
        return _not_read(repr(exc))
    _keep(_key(path), Base(_ident(ident), rows, pages, free, chars - rows.json_chars))
    stats["read"] += 1
    return True


def _not_read(reason: str) -> bool:
    stats["last_read_reason"] = reason
    return False


def _base(path: Path) -> Base | None:
    with _LOCK:
        base = _BASES.get(_key(path))
        if base is not None:
            _BASES.move_to_end(_key(path))
        return base


# -- the differences ------------------------------------------------------------------------


@dataclass
class Diff:
    """What to write: per table the keys gone and the rows new or changed; per person the
    case counts and levels to write."""

    team: tuple[list, list]
    staff: tuple[list, list, list]  # (ids gone, rows changed, rows new)
    counts_updated: list[tuple]  # (count, staff id, case type, position, count before) where only counts changed
    counts_rewritten: list[str]  # people whose count rows are deleted and written again
    levels_rewritten: list[str]
    norm_sets: tuple[list, list]
    snapshots: tuple[list, list]
    scenarios: tuple[list, list]
    flows: tuple[list, list]
    people: set[str]  # people whose rows change (to be checked)
    positions: dict[str, int]  # their places in the team
    gone_counts: dict[str, int]  # the people gone: how many count rows they had
    rows: int = 0  # rows written or deleted
    #: the staff rows as remembered: of the people gone, and of those changed (as ``staff[1]``)
    staff_was: tuple[list, list] = ((), ())
    #: the order of the staff changed (people moved, new or gone)
    moved: bool = False


_CHUNK = 256  # values compared at once (in C) before looking at each one


def _changed_at(was: list, now: list) -> list[int]:
    """The indices where two lists of one length differ: compared a chunk at a time in C, and
    one by one only in a chunk that differs."""
    out = []
    for i in range(0, len(now), _CHUNK):
        if was[i:i + _CHUNK] != now[i:i + _CHUNK]:
            out.extend(j for j in range(i, min(i + _CHUNK, len(now))) if was[j] != now[j])
    return out


_MISSING = object()


def _differing(old: dict, new: dict) -> tuple[list, list]:
    """(keys gone, keys new or with a changed value) of two dicts."""
    if len(old) == len(new) and list(old) == list(new):
        keys = list(new)
        return [], [keys[i] for i in _changed_at(list(old.values()), list(new.values()))]
    get = old.get
    return [k for k in old if k not in new], [k for k, row in new.items() if get(k, _MISSING) != row]


def _keyed(old: dict, new: dict) -> tuple[list, list]:
    """(keys gone, rows new or changed)."""
    gone, changed = _differing(old, new)
    return gone, [new[k] for k in changed]


def diff(old: Image, new: Image) -> Diff:
    """What to write to turn the file holding ``old`` into one holding ``new``."""
    if old.order == new.order:  # the same people in the same order (the usual save): by index
        new.positions = old.positions
        order = new.order
        staff_gone = []
        staff_keys = {order[i] for i in _changed_at(old.persons, new.persons)}
        count_keys = [order[i] for i in sorted(set(_changed_at(old.types, new.types))
                                               | set(_changed_at(old.values, new.values)))]
    else:  # by id (raises sqlite3.IntegrityError for an id twice: the full write refuses it)
        staff_gone, changed = _differing(old.staff, new.staff)
        was = old.place()
        staff_keys = set(changed) | {sid for i, sid in enumerate(new.order) if was.get(sid) != i}
        count_keys = _differing(old.counts, new.counts)[1]
    people = set(staff_keys)
    old_levels, new_levels = old.levels, new.levels  # only people with a split are in them
    levels = sorted(sid for sid in old_levels.keys() | new_levels.keys() if old_levels.get(sid) != new_levels.get(sid))
    people.update(levels)
    positions = new.place() if people or count_keys else {}
    people &= positions.keys()  # not the people gone
    staff_changed, staff_new = [], []
    json_chars = old.staff_json_chars
    if json_chars is None:
        raise _NotThisWay("staff JSON not counted")
    was_at = old.place() if staff_keys or staff_gone else {}
    gone_rows, changed_was = [], []
    for sid in staff_gone:
        row = staff_row(old.persons[was_at[sid]], was_at[sid])
        json_chars -= staff_json_chars(row)
        gone_rows.append(row)
    for sid in sorted(staff_keys, key=positions.__getitem__):
        i = positions[sid]
        row = staff_row(new.persons[i], i)
        json_chars += staff_json_chars(row)
        if sid in was_at:
            was_row = staff_row(old.persons[was_at[sid]], was_at[sid])
            json_chars -= staff_json_chars(was_row)
            staff_changed.append(row)
            changed_was.append(was_row)
        else:
            staff_new.append(row)
    new.staff_json_chars = json_chars
    updated, rewritten = [], []
    rows = 0
    old_at = old.place() if count_keys or staff_gone else {}
    for sid in count_keys:
        j = old_at.get(sid)
        was = (old.types[j], old.values[j]) if j is not None else None
        i = positions[sid]
        now_types, now_values = new.types[i], new.values[i]
        if was is not None and was[0] == now_types:
            for j, (t, a, b) in enumerate(zip(now_types, was[1], now_values, strict=True)):
                if a != b:
                    updated.append((int(b), sid, t, j, int(a)))
            if sid in new_levels:  # the split is checked against the counts
                people.add(sid)
        else:
            rewritten.append(sid)
            rows += len(now_types) + (len(was[0]) if was else 0)
            people.add(sid)
    gone_counts = {sid: len(old.types[old_at[sid]]) for sid in staff_gone}
    d = Diff(_keyed(old.team, new.team), (staff_gone, staff_changed, staff_new), updated, rewritten,
             levels, _keyed(old.norm_sets, new.norm_sets), _keyed(old.snapshots, new.snapshots),
             _keyed(old.scenarios, new.scenarios), _keyed(old.flows, new.flows), people, positions,
             gone_counts, staff_was=(gone_rows, changed_was), moved=old.order != new.order)
    d.rows = (rows + sum(gone_counts.values()) + len(updated) + len(staff_gone) + len(staff_changed)
              + len(staff_new) + sum(len(old_levels.get(s, ())) + len(new_levels.get(s, ())) for s in levels)
              + sum(len(a) + len(b) for a, b in (d.team, d.norm_sets, d.snapshots, d.scenarios, d.flows)))
    return d


def _total_rows(img: Image) -> int:
    return (len(img.team) + len(img.order) + img.count_rows() + img.level_rows() + len(img.norm_sets)
            + len(img.snapshots) + len(img.scenarios) + len(img.flows))


def _table_sizes(img: Image) -> dict[str, int]:
    return {"team": len(img.team), "staff": len(img.order), "case_counts": img.count_rows(),
            "case_levels": img.level_rows(), "norm_sets": len(img.norm_sets), "snapshots": len(img.snapshots),
            "scenarios": len(img.scenarios), "flows": len(img.flows)}


# -- the checks -----------------------------------------------------------------------------


def _check(team: Team, new: Image, d: Diff, sizes: dict[str, int], path: Path, check: Callable[..., None],
           json_extra: int = 0) -> None:
    """The reader's checks on the rows that change (raises ``_NotThisWay`` where the full write
    must decide, ``DocumentError`` never: the full write gives the reader's message)."""
    for table, n in sizes.items():
        if n > schema.TABLES[table].row_limit():
            raise _NotNow(table)
    # each JSON value costs at most its length + 1 in the reader's budget (team_schema.json_cost)
    values = len(new.team) + 2 * len(new.order) + len(new.norm_sets) + len(new.snapshots) + len(new.scenarios)
    if new.json_chars + json_extra + (new.staff_json_chars or 0) + values > schema.MAX_JSON_NODES:
        raise _NotNow("json budget")
    # a count changed in place (the person's case types as before, no split by level) is
    # checked as the reader checks the column; everything else through the reader itself
    count = next(f for f in schema.TABLES["case_counts"].fields if f.name == "count")
    try:
        for n, *_where in d.counts_updated:
            count.check(n, "case_counts", None)
    except schema.Violation as exc:
        raise _NotNow("refused") from exc
    settings_changed = bool(d.team[0] or d.team[1] or d.norm_sets[0] or d.norm_sets[1])
    changed_snapshots = {row[0] for row in d.snapshots[1]}
    changed_scenarios = {row[0] for row in d.scenarios[1]}
    probe = Team(
        info=team.info, settings=team.settings,
        staff=[team.staff[i] for i in sorted(d.positions[sid] for sid in d.people)],
        custom_norm_sets=list(team.custom_norm_sets),
        snapshots=[s for i, s in enumerate(team.snapshots, start=1) if i in changed_snapshots],
        scenarios=[s for s in team.scenarios if settings_changed or s.name in changed_scenarios],
        flows=list(team.flows) if d.flows[0] or d.flows[1] else [],
    )
    try:
        check(probe, path)
    except Exception as exc:  # a DocumentError, or anything: the full write decides
        raise _NotNow("refused") from exc


# -- writing --------------------------------------------------------------------------------


def _copy(target: Path, base: Base, tmp: Path) -> None:
    """Copy ``target`` into ``tmp``, proving it is the file ``base`` was written as."""
    # never blocks, should a pipe have taken the file's place since (as document._read_bytes)
    fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if _ident(os.fstat(fd)) != base.ident:
            raise _NotThisWay("changed")
        with open(tmp, "wb") as dst:
            _copy_bytes(fd, dst.fileno(), base.ident[2])
        if _ident(os.fstat(fd)) != base.ident:  # written to while copied
            raise _NotThisWay("changed")
    finally:
        os.close(fd)


def _copy_bytes(src: int, dst: int, size: int) -> None:
    """Copy ``size`` bytes from the start of ``src`` into ``dst``: in the kernel where the system
    can (Linux ``sendfile``, half the time of a copy through Python), else in chunks."""
    done = 0
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            while done < size:
                sent = os.sendfile(dst, src, done, size - done)
                if sent == 0:
                    break
                done += sent
    os.lseek(src, done, os.SEEK_SET)
    os.lseek(dst, done, os.SEEK_SET)
    while done < size:
        chunk = os.read(src, min(1 << 22, size - done))
        if not chunk:
            raise _NotThisWay("short")
        view = memoryview(chunk)
        while view:
            view = view[os.write(dst, view):]
        done += len(chunk)
    if os.read(src, 1):
        raise _NotThisWay("longer")


def exact(cursor: sqlite3.Cursor, rows: int) -> None:
    """The statement changed ``rows`` rows (else the file is not what was remembered)."""
    if cursor.rowcount != rows:
        raise _NotThisWay(f"{cursor.rowcount} rows changed, not {rows}")


_STAFF_COLUMNS = ("id", "position", "name", "weekly_hours", "other_hours", "other_tasks", "start_date", "note",
                  "competences", "takes_new_cases", "reductions")
#: The small tables: (table, columns, columns of the key).
_SMALL = (("team", ("key", "value"), 1), ("norm_sets", ("id", "position", "data"), 1),
          ("snapshots", ("id", "taken_at", "label", "data"), 1), ("scenarios", ("name", "position", "data"), 1),
          ("flows", ("month", "case_type", "new", "closed"), 2))
#: The tables the reader orders by position: a row inserted or moved there needs the others
#: at 0, 1, ... n - 1.
_BY_POSITION = ("staff", "norm_sets", "scenarios")


def _where(columns: tuple[str, ...]) -> str:
    """A row found by every one of its values (``IS``: a NULL is found too)."""
    return " AND ".join(f"{c} IS ?" for c in columns)


def _positions_in_run(db: sqlite3.Connection, table: str, n: int) -> None:
    """The positions of ``table`` are 0, 1, ... n - 1, each once (else the reader's order of the
    rows not touched could differ from the order remembered)."""
    found = db.execute(f"SELECT count(*), count(DISTINCT position), min(position), max(position), "
                       f"sum(typeof(position) <> 'integer') FROM {table}").fetchone()
    if found != ((n, n, 0, n - 1, 0) if n else (0, 0, None, None, None)):
        raise _NotThisWay(f"positions of {table}")


def _apply(db: sqlite3.Connection, old: Image, new: Image, d: Diff) -> None:
    ex, many = db.execute, db.executemany
    ex("BEGIN")
    # where rows are inserted or moved in a table ordered by position, the copy's positions must
    # be the remembered ones
    if d.moved:
        _positions_in_run(db, "staff", len(old.order))
    for table, old_rows, (gone, changed) in (("norm_sets", old.norm_sets, d.norm_sets),
                                             ("scenarios", old.scenarios, d.scenarios)):
        if gone or changed:
            _positions_in_run(db, table, len(old_rows))
    staff_gone, staff_changed, staff_new = d.staff
    gone_rows, changed_was = d.staff_was
    where = _where(_STAFF_COLUMNS)
    columns = ", ".join(_STAFF_COLUMNS)
    # every row deleted or updated is found by all its remembered values, and each statement
    # changes exactly the rows remembered (else the file is not as remembered: a full write)
    exact(many(f"DELETE FROM staff WHERE {where}", gone_rows), len(gone_rows))
    exact(many(f"UPDATE staff SET {', '.join(f'{c} = ?' for c in _STAFF_COLUMNS)} WHERE {where}",
               [(*row, *was) for row, was in zip(staff_changed, changed_was, strict=True)]), len(staff_changed))
    exact(many(f"INSERT INTO staff ({columns}) VALUES ({', '.join('?' * len(_STAFF_COLUMNS))})", staff_new),
          len(staff_new))
    # the big tables: each statement must touch exactly the rows the file was written with
    # (``_prove_whole`` counts the others)
    exact(many("DELETE FROM case_counts WHERE staff_id = ?", [(s,) for s in staff_gone]),
          sum(d.gone_counts.values()))
    exact(many("UPDATE case_counts SET count = ? WHERE staff_id = ? AND case_type = ? AND position = ? AND count = ?",
               d.counts_updated), len(d.counts_updated))
    was = old.place()
    before = [s for s in d.counts_rewritten if s in was]
    exact(many("DELETE FROM case_counts WHERE staff_id = ?", [(s,) for s in before]),
          sum(len(old.types[was[s]]) for s in before))
    rows = new.count_rows_sql(d.counts_rewritten)
    exact(many("INSERT INTO case_counts (staff_id, case_type, position, count) VALUES (?, ?, ?, ?)", rows),
          len(rows))
    exact(many("DELETE FROM case_levels WHERE staff_id = ?", [(s,) for s in d.levels_rewritten if s in old.levels]),
          sum(len(old.levels[s]) for s in d.levels_rewritten if s in old.levels))
    rows = new.level_rows_sql([s for s in d.levels_rewritten if s in new.levels])
    exact(many("INSERT INTO case_levels (staff_id, case_type, level, count) VALUES (?, ?, ?, ?)", rows), len(rows))
    for (table, cols, nkey), old_rows, (gone, changed) in zip(
            _SMALL, (old.team, old.norm_sets, old.snapshots, old.scenarios, old.flows),
            (d.team, d.norm_sets, d.snapshots, d.scenarios, d.flows), strict=True):
        where = _where(cols)
        exact(many(f"DELETE FROM {table} WHERE {where}", [old_rows[k] for k in gone]), len(gone))
        keys = [row[0] if nkey == 1 else tuple(row[:nkey]) for row in changed]
        updated = [(*row, *old_rows[k]) for k, row in zip(keys, changed, strict=True) if k in old_rows]
        exact(many(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in cols)} WHERE {where}", updated),
              len(updated))
        inserted = [row for k, row in zip(keys, changed, strict=True) if k not in old_rows]
        exact(many(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", inserted),
              len(inserted))
    ex("COMMIT")


def _prove_whole(db: sqlite3.Connection, tmp: Path, sizes: dict[str, int], ids: tuple[int, int]) -> tuple[int, int]:
    """The schema, the pages against the file's size, and every table's rows as many as the
    team's (the case counts and levels by the rows each statement changed, in ``_apply``);
    (pages, free pages)."""
    if (db.execute("PRAGMA application_id").fetchone()[0], db.execute("PRAGMA user_version").fetchone()[0]) != ids:
        raise _NotThisWay("schema")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    free = db.execute("PRAGMA freelist_count").fetchone()[0]
    if pages * db.execute("PRAGMA page_size").fetchone()[0] != os.path.getsize(tmp):
        raise _NotThisWay("size")
    for table, n in sizes.items():
        if table in ("case_counts", "case_levels"):
            continue
        if db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] != n:
            raise _NotThisWay(f"rows of {table}")
    if free > _setting("incremental_save_max_free_share") * pages:
        raise _NotThisWay("free pages")
    return pages, free


def save(team: Team, new: Image, path: Path, *, private: bool, check: Callable[..., None],
         ids: tuple[int, int]) -> bool:
    """Save ``team`` (its rows ``new``) to ``path`` incrementally if this process wrote the
    file on disk and it is unchanged since (True); False: nothing was written, make a full
    write. ``check(team, path)`` raises what opening ``team`` saved to ``path`` would raise
    (``document.validate_team``); ``ids`` are the file's application id and schema version.
    Raises only ``atomic_write.WriteFailed`` for a replace refused because another program
    holds the file (a full write would be refused the same way)."""
    from sagstal_desktop.io.atomic_write import WriteFailed, atomic_path, real_target

    base = _base(path)
    if base is None:
        return False
    target = real_target(path)
    try:
        if _ident(os.stat(target)) != base.ident:
            raise _NotThisWay("changed")
        if base.free_pages > _setting("incremental_save_max_free_share") * base.pages:
            raise _NotThisWay("free pages")
        d = diff(base.rows, new)
        if d.rows > _setting("incremental_save_max_changed_share") * max(1, _total_rows(new)):
            raise _NotNow("too many changes")
        sizes = _table_sizes(new)
        _check(team, new, d, sizes, path, check, base.json_extra)
        with atomic_path(path, private=private, suffix=".tmp") as tmp:
            _copy(target, base, tmp)
            db = sqlite3.connect(tmp, isolation_level=None)
            try:
                db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, schema.MAX_SQL_VALUE_BYTES)
                db.execute("PRAGMA journal_mode = OFF")  # the temporary file is the copy: on failure it goes
                db.execute("PRAGMA synchronous = OFF")  # flushed with fsync before it replaces anything
                if db.execute("PRAGMA user_version").fetchone()[0] != ids[1]:
                    raise _NotThisWay("schema")
                _apply(db, base.rows, new, d)
                pages, free = _prove_whole(db, tmp, sizes, ids)
            finally:
                db.close()
            if os.path.getsize(tmp) > schema.MAX_FILE_BYTES:
                raise _NotThisWay("too large")
            written = os.stat(tmp)
    except WriteFailed as exc:
        forget(path)
        stats["last_reason"] = repr(exc)
        if exc.in_use:
            raise
        return False
    except _NotNow as exc:
        stats["last_reason"] = str(exc)
        return False
    except Exception as exc:  # any other failure: nothing was replaced; the full write decides
        stats["last_reason"] = repr(exc)
        forget(path)
        return False
    remember(path, new, written, pages, free, base.json_extra)
    stats["incremental"] += 1
    return True

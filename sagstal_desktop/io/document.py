"""The team document: one ``.sagstal`` file per team, SQLite as an application file format.

* The file is recognised by SQLite's ``application_id`` (``SGST``) and carries its schema
  version in ``user_version``. Older versions are migrated in memory when opened; the file
  itself changes only when the user saves.
* Opening never writes: the file is read through a read-only, immutable connection and copied
  into memory. A damaged, foreign or newer file raises ``DocumentError`` and stays untouched.
* Saving is atomic: a complete new database is written to a temporary file in the same folder,
  flushed to disk (fsync), and renamed over the old file; the folder is fsynced too.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from operator import itemgetter
from pathlib import Path
from typing import ClassVar

from sagstal_desktop.core.flows import Flow, FlowError, check_flows
from sagstal_desktop.core.model import Snapshot, StaffMember, Team
from sagstal_desktop.core.norms import NormError, NormSet, find_norm_set
from sagstal_desktop.core.reductions import Reduction
from sagstal_desktop.core.scenario_model import Scenario
from sagstal_desktop.core.serialize import info_from_dict, settings_from_dict
from sagstal_desktop.core.validation import caseload_range, check_label, limits
from sagstal_desktop.i18n import N_, tr
from sagstal_desktop.io import team_rows
from sagstal_desktop.io import team_schema as schema
from sagstal_desktop.io.gc_pause import paused_gc
from sagstal_desktop.io.links import link_problem
from sagstal_desktop.io.problems import failure_detail, known_reason
from sagstal_desktop.io.safe_files import remove_stale_temps
from sagstal_desktop.io.team_rows import Image

APPLICATION_ID = 0x53475354  # "SGST"
SCHEMA_VERSION = 4
SUFFIX = ".sagstal"
_SQLITE_HEADER = b"SQLite format 3\x00"
_STEPS_PER_CALL = 10_000  # SQLite virtual-machine steps between two calls of the budget check

_SCHEMA = """
CREATE TABLE team (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    weekly_hours REAL NOT NULL,
    other_hours REAL NOT NULL DEFAULT 0,
    other_tasks TEXT NOT NULL DEFAULT '',
    start_date TEXT,
    note TEXT NOT NULL DEFAULT '',
    competences TEXT NOT NULL DEFAULT '[]',
    takes_new_cases INTEGER NOT NULL DEFAULT 1,
    reductions TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE case_counts (
    staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    case_type TEXT NOT NULL,
    position INTEGER NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (staff_id, case_type)
);
CREATE TABLE case_levels (
    staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    case_type TEXT NOT NULL,
    level TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (staff_id, case_type, level)
);
CREATE TABLE norm_sets (id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY,
    taken_at TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL
);
CREATE TABLE scenarios (name TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE flows (month TEXT NOT NULL, case_type TEXT NOT NULL, new INTEGER NOT NULL, closed INTEGER NOT NULL,
    PRIMARY KEY (month, case_type));
"""


class DocumentError(Exception):
    """A file that cannot be opened or saved as a team document; ``message(lang)`` explains."""

    def __init__(self, code: str, path: Path | str, detail: str = "", **params: object) -> None:
        self.code, self.path, self.detail, self.params = code, Path(path), detail, params
        super().__init__(self.message("en"))

    # code: English msgid; {name} is the file name, {detail} and the keyword parameters as given
    _TEXTS: ClassVar[dict[str, str]] = {
        "missing": N_("The file {name} does not exist."),
        "link_loop": N_("{name} is a link that loops: it leads back to itself and never reaches a file."),
        "dangling_link": N_("{name} is a link that leads nowhere: the file it points to does not exist."),
        "unreadable": N_("The file {name} cannot be read: {detail}."),
        "not_sagstal": N_("{name} is not a Sagstal team file."),
        "damaged": N_("{name} is damaged and cannot be opened ({detail}). The file has not been changed."),
        "damaged_because": N_("{name} is damaged and cannot be opened: {reason}. The file has not been changed."),
        "damaged_plain": N_("{name} is damaged and cannot be opened. The file has not been changed."),
        "newer": N_("{name} was saved by a newer version of Sagstal (file format {detail}). Update the program "
                    "to open it. The file has not been changed."),
        "save_failed": N_("{name} could not be saved: {detail}. The previous version is unchanged."),
        "in_use": N_("{name} could not be saved because another program has it open (an antivirus program, "
                     "OneDrive or another program holding the file). The previous version is unchanged; your "
                     "changes are kept. Try again in a moment."),
        "not_regular": N_("{name} is not an ordinary file (it is a folder, a device or a pipe) and cannot be "
                          "opened."),
        "too_large": N_("{name} is {size} MB; a team file can be at most {limit} MB. The file has not been changed."),
        "too_slow": N_("{name} takes too long to read; it is damaged or not a team file. The file has not been "
                       "changed."),
        "foreign_object": N_("{name} contains a {kind} \"{object}\", which a Sagstal team file never has. The "
                             "file has not been changed."),
        "missing_table": N_("{name} has no table \"{table}\" (or it is not a table). The file has not been changed."),
        "missing_column": N_("{name}: the table \"{table}\" has no column \"{field}\". The file has not been "
                             "changed."),
        "too_many_rows": N_("{name}: the table \"{table}\" has {rows} rows; at most {limit} are allowed. The "
                            "file has not been changed."),
        "invalid_value": N_("{name}: table \"{table}\", field \"{field}\"{row}: the value {value} {reason}. The "
                            "file has not been changed."),
    }

    #: Why a value is refused (``invalid_value``); {limit} is a bound.
    _REASONS: ClassVar[dict[str, str]] = {  # reason: English msgid
        "null": N_("is missing (NULL)"),
        "not_text": N_("is not text"),
        "too_long": N_("is longer than {limit} characters"),
        "not_number": N_("is not a number"),
        "not_whole": N_("is not a whole number"),
        "not_finite": N_("is not a finite number"),
        "out_of_range": N_("is outside {limit}"),
        "not_date": N_("is not a date"),
        "not_json": N_("is not valid JSON"),
        "wrong_json_type": N_("has the wrong JSON type"),
        "too_deep": N_("is nested more than {limit} levels deep"),
        "too_complex": N_("holds more JSON values than a team file may hold in all ({limit})"),
        "too_many": N_("has more than {limit} entries"),
        "duplicate": N_("occurs more than once"),
        "unknown_norm_set": N_("is not a known norm set"),
        "bad_norm_set": N_("is not a valid norm set ({limit})"),
        "bad_reduction": N_("is not a valid list of dated reductions ({limit})"),
        "bad_scenario": N_("is not a valid scenario ({limit})"),
        "not_month": N_("is not the first day of a month"),
        "not_label": N_("is not a case type (empty, surrounded by spaces, or with a control character)"),
        "levels_over_total": N_("is more cases at a level than the person's {limit} cases of the type"),
    }

    #: SQLite's own (English) explanation of a damaged file, by a piece of its text: the message
    #: gives the translated reason instead. Anything else is shown raw in English only.
    _DAMAGE: ClassVar[tuple[tuple[str, str], ...]] = (  # (piece of SQLite's text, English msgid)
        ("malformed", N_("its internal structure is broken")),
        ("*** in database", N_("its internal structure is broken")),
        ("encrypted", N_("it is encrypted, or it is not a database at all")),
        ("not a database", N_("its contents are not a database")),
        ("locked", N_("another program is holding it locked")),
    )

    def damage_reason(self, lang: str = "da") -> str | None:
        """The translated reason a file is damaged, if SQLite's text is a known case."""
        return known_reason(self.detail, self._DAMAGE, lang)

    def message(self, lang: str = "da") -> str:
        params = dict(self.params)
        if self.code == "damaged":
            reason = self.damage_reason(lang)
            if reason is not None:
                return tr(self._TEXTS["damaged_because"], lang).format(name=self.path.name, reason=reason)
            if not lang.startswith("en") or not self.detail:  # the library's English only in English
                return tr(self._TEXTS["damaged_plain"], lang).format(name=self.path.name)
        if self.code == "invalid_value":
            limit = params.pop("limit", "")
            row = params.pop("row", None)
            params.update(reason=tr(self._REASONS[str(params.pop("reason"))], lang).format(limit=limit),
                          row="" if row is None else tr(", row {row}", lang).format(row=row))
        detail = failure_detail(self, self.detail, lang) if self.code in ("unreadable", "save_failed") else self.detail
        return tr(self._TEXTS[self.code], lang).format(name=self.path.name, detail=detail, **params)


# -- reading ------------------------------------------------------------------------------


def load_team(path: str | os.PathLike[str], *, tidy: bool = True, remember: bool | None = None) -> Team:
    """Open a team document. Raises ``DocumentError``; never modifies the file.

    The file must be an ordinary file within the size budget; its bytes are read once and
    deserialised into an in-memory SQLite database with defensive settings (untrusted schema,
    length limits, a time budget). Only the expected tables are read, after checking that each
    is a real table and that the file has no views or triggers, and every value is checked
    against ``team_schema`` before it reaches the core.

    ``tidy``: first remove leftovers of a killed save beside the file (``remove_stale_temps``);
    the department reader passes False (it touches nothing in a team's folder). ``remember``:
    as ``read_team`` (False for a read that will not be saved back: nothing to remember)."""
    return read_team(path, tidy=tidy, remember=remember)[0]


def read_team(path: str | os.PathLike[str], *, tidy: bool = True, digest: bool = False,
              remember: bool | None = None) -> tuple[Team, str]:
    """``load_team``, also giving the SHA-256 of the bytes read ("" unless ``digest``): the
    department reader tells a copy of a file by it without reading the file twice.

    ``remember`` (default: as ``tidy``, a read of a file to be worked on; the department reader
    reads hundreds and tidies none): the rows of the team read are remembered with the identity
    of the bytes read, so that the first save after the read can write only what changed
    (``incremental_save.remember_read``)."""
    with paused_gc():
        return _read_team(Path(path), tidy=tidy, digest=digest, remember=tidy if remember is None else remember)


def _read_team(path: Path, *, tidy: bool, digest: bool, remember: bool = False) -> tuple[Team, str]:
    if tidy:
        remove_stale_temps(path, ".tmp")
    read_as: list[os.stat_result] = []
    data = _read_bytes(path, read_as if remember else None)
    sha = ""
    if digest:
        import hashlib

        sha = hashlib.sha256(data).hexdigest()
    if not data.startswith(_SQLITE_HEADER):
        raise DocumentError("not_sagstal", path)
    memory = _defensive_connection()
    steps = [0]  # a budget of SQLite work, not of wall time: the same on a slow or a busy machine

    def over_budget() -> int:
        steps[0] += _STEPS_PER_CALL
        return 1 if steps[0] > schema.MAX_SQL_STEPS else 0

    memory.set_progress_handler(over_budget, _STEPS_PER_CALL)
    try:
        try:
            memory.deserialize(data)
        except (sqlite3.DatabaseError, OverflowError) as exc:
            raise DocumentError("damaged", path, str(exc)) from exc
        version = int.from_bytes(data[60:64], "big")  # the header's user_version (a migration changes it in memory)
        del data
        team = _read(memory, path)
        if read_as and version == SCHEMA_VERSION:
            from sagstal_desktop.io import incremental_save

            memory.set_progress_handler(None, 0)
            incremental_save.remember_read(path, team, memory, read_as[0], _full_write_master())
        return team, sha
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise DocumentError("too_slow", path) from exc
        raise DocumentError("damaged", path, str(exc)) from exc
    finally:
        memory.close()


def _read_bytes(path: Path, read_as: list[os.stat_result] | None = None) -> bytes:
    """The whole file, refused before reading if it is not an ordinary file or too large (a
    FIFO, a device or a folder would block or never end). ``read_as`` gets the open file's
    ``fstat`` if the file's identity (device, inode, size, times) was the same after the read
    as before it."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise DocumentError(link_problem(path, exc) or ("missing" if isinstance(exc, FileNotFoundError)
                                                        else "unreadable"),
                            path, exc.strerror or str(exc)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError("not_regular", path)
    if info.st_size > schema.MAX_FILE_BYTES:
        raise DocumentError("too_large", path, size=info.st_size // 2**20, limit=schema.MAX_FILE_BYTES // 2**20)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise DocumentError(link_problem(path, exc) or "unreadable", path, exc.strerror or str(exc)) from exc
    try:
        opened = os.fstat(fd)  # the file actually opened (it may have been swapped since the check)
        if not stat.S_ISREG(opened.st_mode):
            raise DocumentError("not_regular", path)
        if opened.st_size > schema.MAX_FILE_BYTES:
            raise DocumentError("too_large", path, size=opened.st_size // 2**20,
                                limit=schema.MAX_FILE_BYTES // 2**20)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(schema.MAX_FILE_BYTES + 1)
        if read_as is not None:
            after = os.fstat(fd)
            if _identity(after) == _identity(opened) and len(data) == after.st_size:
                read_as.append(after)
    except OSError as exc:
        raise DocumentError("unreadable", path, exc.strerror or str(exc)) from exc
    finally:
        os.close(fd)
    if len(data) > schema.MAX_FILE_BYTES:
        raise DocumentError("too_large", path, size=len(data) // 2**20, limit=schema.MAX_FILE_BYTES // 2**20)
    return data


def _identity(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


_MASTER: list[tuple] = []


def _full_write_master() -> list[tuple]:
    """What a full write puts in ``sqlite_master`` (type, name, table, SQL), sorted."""
    if not _MASTER:
        db = sqlite3.connect(":memory:")
        try:
            db.executescript(_SCHEMA)
            _MASTER[:] = sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall())
        finally:
            db.close()
    return _MASTER


def _defensive_connection() -> sqlite3.Connection:
    """An in-memory connection that treats the file's schema as untrusted."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    if hasattr(db, "setconfig") and hasattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE"):  # Python 3.12+
        db.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)
        for name in ("SQLITE_DBCONFIG_TRUSTED_SCHEMA", "SQLITE_DBCONFIG_ENABLE_TRIGGER", "SQLITE_DBCONFIG_ENABLE_VIEW"):
            if hasattr(sqlite3, name):
                db.setconfig(getattr(sqlite3, name), False)
    db.execute("PRAGMA trusted_schema = OFF")
    db.execute("PRAGMA cell_size_check = ON")
    db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, schema.MAX_SQL_VALUE_BYTES)
    db.setlimit(sqlite3.SQLITE_LIMIT_EXPR_DEPTH, 200)
    db.setlimit(sqlite3.SQLITE_LIMIT_COMPOUND_SELECT, 50)
    return db


def _read(db: sqlite3.Connection, path: Path, *, integrity: bool = True, check_only: bool = False) -> Team:
    """The team in ``db``, every value checked. With ``check_only`` (the read-back of a file just
    written) the same checks run, but rows whose every value the SQL pass has cleared are not
    fetched: the team returned then lacks its case counts."""
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise DocumentError("not_sagstal", path)
        if version > SCHEMA_VERSION:
            raise DocumentError("newer", path, str(version))
        if integrity:
            # quick_check: every page, cell and record is sound (O(N)); it leaves out only whether
            # each index matches its table, and the reader reads tables, never through an index
            check = db.execute("PRAGMA quick_check(1)").fetchone()[0]
            if check != "ok":
                raise DocumentError("damaged", path, check)
        _check_objects(db, path, version)
        _migrate(db, version)
        with schema.json_budget():
            return _read_current(db, path, check_only)
    except DocumentError:
        raise
    except schema.Violation as v:
        raise DocumentError("invalid_value", path, table=v.table, field=v.field, row=v.row,
                            value=schema.show_value(v.value), reason=v.reason, limit=v.limit) from v
    except sqlite3.OperationalError:
        raise  # an interrupt (time budget) is told apart in load_team
    except (sqlite3.DatabaseError, KeyError, ValueError, TypeError, NormError, OverflowError) as exc:
        raise DocumentError("damaged", path, str(exc) or type(exc).__name__) from exc


def _check_objects(db: sqlite3.Connection, path: Path, version: int = SCHEMA_VERSION) -> None:
    """No views or triggers (they could run hostile SQL or never end), and every table the
    reader reads is a real table."""
    kinds: dict[str, str] = {}
    for kind, name in db.execute("SELECT type, name FROM sqlite_master"):
        if kind in ("view", "trigger"):
            raise DocumentError("foreign_object", path, kind=kind, object=schema.show_value(name).strip('"'))
        kinds[str(name)] = str(kind)
    for table in schema.TABLES:
        if schema.TABLE_SINCE.get(table, 1) > version:
            if table in kinds:  # a table a later version adds, present in an older file
                raise DocumentError("foreign_object", path, kind=kinds[table], object=table)
            continue  # the migration creates it
        if kinds.get(table) != "table":
            raise DocumentError("missing_table", path, table=table)


def _rows(db: sqlite3.Connection, path: Path, name: str, *, stored_order: bool = False,
          fetch_clean: bool = True, json_facts: bool = False) -> list:
    """The checked rows of one table of ``team_schema.TABLES``, in the table's order.

    The checks run in bulk: one SQL pass over the table (``team_schema.bulk_clean``) finds the
    columns whose every value surely passes (text within its length, a whole or real number
    within its bounds, a date within range, an empty JSON list or object); those are taken as
    SQLite gives them, without a Python call per value (dates and empty JSON made column by
    column, ``Field.bulk_values``). The other columns (date-times, JSON that is not empty, and
    any column with a value outside the common case) are checked value by value as before, in
    row order, so a bad value raises the same ``Violation`` (same table, field, row and value)
    as checking every value would.

    With ``stored_order`` and a table whose every column is clean, the rows come in the order
    stored (no sort; the caller orders them if it needs to). Without ``fetch_clean`` such a table
    gives no rows at all (it has been checked in full). With ``json_facts`` a JSON column gives
    (the parsed value, its ``team_schema.json_facts``) for ``team_schema.check_strings``."""
    spec = schema.TABLES[name]
    present = {row[1] for row in db.execute(f'PRAGMA table_info("{name}")')}
    for column in spec.columns:
        if column not in present:
            raise DocumentError("missing_column", path, table=name, field=column)
    (count,) = db.execute(f'SELECT count(*) FROM "{name}"').fetchone()
    if count > spec.row_limit():
        raise DocumentError("too_many_rows", path, table=name, rows=count, limit=spec.row_limit())
    columns = ", ".join(f'"{c}"' for c in spec.columns)
    rows = _clean_rows(db, spec, columns, stored_order) if count and fetch_clean else None
    if rows is not None:
        clean = [True] * len(spec.fields)
    else:
        clean = schema.bulk_clean(db, spec) if count else [True] * len(spec.fields)
    slow = [(i, f.check_with_facts if json_facts and f.kind == schema.JSON else f.converter())
            for i, (f, ok) in enumerate(zip(spec.fields, clean, strict=True)) if not ok]
    if not slow and not fetch_clean:
        return []
    order = "" if stored_order and not slow else f" ORDER BY {spec.order_by}"
    if rows is None:
        rows = db.execute(f'SELECT {columns} FROM "{name}"{order}').fetchall()
    made = [i for i, (f, ok) in enumerate(zip(spec.fields, clean, strict=True)) if ok and f.converts]
    if made and rows:  # clean dates and empty JSON as ``check`` gives them, a column at a time
        # column by column (zip(*rows) would make an iterator per row), then back into rows
        by_column = [list(map(itemgetter(i), rows)) for i in range(len(spec.fields))]
        for i in made:
            by_column[i] = spec.fields[i].bulk_values(by_column[i], facts=json_facts)
        rows = list(zip(*by_column, strict=True))
    if not slow:
        return rows
    out = []
    for number, row in enumerate(rows, start=1):
        values = list(row)
        for i, check in slow:
            values[i] = check(values[i], name, number)
        out.append(values)
    return out


def _clean_rows(db: sqlite3.Connection, spec: schema.Table, columns: str, stored_order: bool) -> list | None:
    """Every row of the table if every value in it is clean (meets its field's
    ``Field.clean_sql``; see ``team_schema.bulk_clean``), else None: one pass both checks and
    fetches. The rows that meet every condition are fetched, and the table is clean only if they
    are all its rows, counted on the table itself (``NOT INDEXED``: not on an index, which a
    damaged or hostile file could have out of step with its table)."""
    conditions = [f.clean_sql() for f in spec.fields]
    if None in conditions:
        return None
    (count,) = db.execute(f'SELECT count(*) FROM "{spec.name}" NOT INDEXED').fetchone()
    order = "" if stored_order else f" ORDER BY {spec.order_by}"
    where = " AND ".join(f"({c})" for c in conditions)
    rows = db.execute(f'SELECT {columns} FROM "{spec.name}" WHERE {where}{order}').fetchall()
    return rows if len(rows) == count else None


def _counts(db: sqlite3.Connection, path: Path, check_only: bool = False) -> dict[str, dict[str, int]]:
    """Each person's case counts by type, in the order of their positions. The rows are read
    in stored order when they are all clean; the order written (by person, then position) is
    checked on the way, and the rows are sorted only if it does not hold.

    Each case type is one string object for all the people who hold it (``kinds``), not one
    per row as SQLite gives them: a save compares every person's case types with what it wrote
    (``io/incremental_save.py``), and 100,000 strings scattered in memory cost it five times
    as much as ten shared ones."""
    kinds: dict[str, str] = {}
    columns = None if check_only else _count_columns(db, path)
    if columns is not None:
        rows = zip(*columns, strict=True)
    else:
        rows = _rows(db, path, "case_counts", stored_order=True, fetch_clean=not check_only)
    counts: dict[str, dict[str, int]] = {}
    last_sid, last_pos, own = None, -1, None
    for sid, case_type, position, n in rows:
        if sid != last_sid:
            if sid in counts:
                break  # not grouped by person: sort below
            own = counts[sid] = {}
            last_sid, last_pos = sid, -1
        elif position <= last_pos:
            break
        own[kinds.setdefault(case_type, case_type)] = n
        last_pos = position
    else:
        return counts
    if not isinstance(rows, list):  # the rows from _count_columns, partly consumed
        rows = _rows(db, path, "case_counts", stored_order=True)
    counts = {}
    for sid, case_type, _position, n in sorted(rows, key=lambda r: (r[0], r[2])):
        counts.setdefault(sid, {})[kinds.setdefault(case_type, case_type)] = n
    return counts


def _count_columns(db: sqlite3.Connection, path: Path):
    """The columns of ``case_counts`` in stored order (four lists), as ``_rows`` gives them
    when every value passes its check unchanged, or None (then ``_rows`` reads the table, checks
    it and gives the message a bad value deserves).

    The table is read by one pass over the table itself (``NOT INDEXED``) into four JSON arrays,
    one per column (all from the same pass, so in the same order; text as JSON strings, whole
    numbers as numbers, NULL as null; a BLOB, which JSON cannot hold, or a number JSON cannot
    write ends it: None). The columns are checked whole, at C speed, by the rules of
    ``Field.check`` (text: every value a string within the length limit; whole numbers: every
    value an integer within the bounds). Four arrays and these checks cost half the time of
    100,000 rows as Python tuples checked in SQL. A table whose arrays exceed SQLite's length
    limit, or whose index counts other rows than the table holds, is read by ``_rows``."""
    spec = schema.TABLES["case_counts"]
    present = {row[1] for row in db.execute('PRAGMA table_info("case_counts")')}
    if not present.issuperset(spec.columns) or any(f.kind not in (schema.TEXT, schema.INT) for f in spec.fields):
        return None
    (count,) = db.execute('SELECT count(*) FROM "case_counts" NOT INDEXED').fetchone()
    if not count or count > spec.row_limit() or db.execute('SELECT count(*) FROM "case_counts"').fetchone()[0] != count:
        return None
    arrays = ", ".join(f'json_group_array("{c}")' for c in spec.columns)
    try:
        texts = db.execute(f'SELECT {arrays} FROM "case_counts" NOT INDEXED').fetchone()
    except sqlite3.DataError:  # an array longer than SQLite's length limit
        return None
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):  # the work budget (told apart in load_team)
            raise
        return None  # e.g. a BLOB
    import orjson

    try:
        columns = [orjson.loads(text) for text in texts]
    except orjson.JSONDecodeError:  # e.g. an infinite real
        return None
    for f, column in zip(spec.fields, columns, strict=True):
        if len(column) != count:
            return None
        if f.kind == schema.TEXT:
            if set(map(type, column)) != {str} or max(map(len, column)) > f.length_limit():
                return None
        else:
            high = f.high_limit()
            if set(map(type, column)) != {int} or (f.low is not None and min(column) < f.low) or (
                    high is not None and max(column) > high):
                return None
    return columns


def _levels(db: sqlite3.Connection, path: Path, counts: dict[str, dict[str, int]]) -> dict[str, dict]:
    """Each person's case-weight split (schema 4, table ``case_levels``): person -> case type ->
    level -> n, checked: known levels, no row twice, and per person and type at most the
    person's count of it (``team_schema.check_levels_of``)."""
    rows = _rows(db, path, "case_levels")
    if not rows:
        return {}
    wanted = {sid for sid, *_ in rows}
    held = {sid: own for sid, own in counts.items() if sid in wanted}
    if not held:  # a read-back of a file just written has no counts: fetch those needed
        for sid, case_type, n in db.execute(
                "SELECT staff_id, case_type, count FROM case_counts WHERE staff_id IN "
                "(SELECT staff_id FROM case_levels)"):
            held.setdefault(sid, {})[case_type] = n
    split: dict[str, dict[str, dict[str, int]]] = {}
    first_row: dict[str, int] = {}
    for number, (sid, case_type, level, n) in enumerate(rows, start=1):
        own = split.setdefault(sid, {}).setdefault(case_type, {})
        if level in own:
            raise schema.Violation("case_levels", "level", number, level, "duplicate")
        own[level] = n
        first_row.setdefault(sid, number)
    return {sid: schema.check_levels_of(own, held.get(sid, {}), "case_levels", first_row[sid])
            for sid, own in split.items()}


def _read_current(db: sqlite3.Connection, path: Path, check_only: bool = False) -> Team:
    meta: dict[str, dict] = {}
    for number, (key, value) in enumerate(_rows(db, path, "team"), start=1):
        if key in meta:
            raise schema.Violation("team", "key", number, key, "duplicate")
        meta[key] = value
    info = schema.check_object("info", meta.get("info", {}))
    settings = schema.check_object("settings", meta.get("settings", {}))
    team = Team(info=info_from_dict(info), settings=settings_from_dict(settings))
    counts = _counts(db, path, check_only)
    levels = _levels(db, path, counts)
    seen: set[str] = set()
    for number, (sid, _position, name, hours, other, tasks, start, note, competences, takes_new,
                 reductions) in enumerate(_rows(db, path, "staff"), start=1
    ):
        if sid in seen:
            raise schema.Violation("staff", "id", number, sid, "duplicate")
        seen.add(sid)
        team.staff.append(StaffMember(id=sid, name=name, weekly_hours=hours, other_hours=other, other_tasks=tasks,
                                      start_date=start, counts=counts.get(sid, {}), note=note,
                                      competences=tuple(competences), takes_new_cases=bool(takes_new),
                                      reductions=_reductions(reductions, number) if reductions else (),
                                      levels=levels.get(sid, {})))
    free_max = int(limits()["max_text_length"])
    for number, (_sid, _position, (data, facts)) in enumerate(
            _rows(db, path, "norm_sets", json_facts=True), start=1):
        schema.check_strings(data, "norm_sets", "data", number, free_max, facts)
        try:
            team.custom_norm_sets.append(NormSet.from_dict(data))
        except NormError as exc:
            raise schema.Violation("norm_sets", "data", number, data.get("id"), "bad_norm_set",
                                   str(exc)[:120]) from exc
    try:
        team.norm_set()
    except KeyError:
        raise schema.Violation("team.settings", "norm_set_id", None, team.settings.norm_set_id,
                               "unknown_norm_set") from None
    for number, (sid, taken_at, label, (data, facts)) in enumerate(
            _rows(db, path, "snapshots", json_facts=True), start=1):
        schema.check_strings(data, "snapshots", "data", number, free_max, facts)
        schema.check_snapshot(data, number)
        team.snapshots.append(Snapshot(taken_at=taken_at, label=label, data=data, id=sid))
    names: set[str] = set()
    for number, (name, _position, (data, facts)) in enumerate(
            _rows(db, path, "scenarios", json_facts=True), start=1):
        schema.check_strings(data, "scenarios", "data", number, free_max, facts)
        scenario = _scenario(data, number)
        if scenario.name in names or scenario.name != name:
            raise schema.Violation("scenarios", "name", number, name, "duplicate")
        names.add(scenario.name)
        set_id = (scenario.inputs.get("settings") or {}).get("norm_set_id", team.settings.norm_set_id)
        try:
            find_norm_set(str(set_id), team.custom_norm_sets)
        except KeyError:
            raise schema.Violation("scenarios", "norm_set_id", number, set_id, "unknown_norm_set") from None
        team.scenarios.append(scenario)
    team.flows = _flows(db, path)
    return team


def _flows(db: sqlite3.Connection, path: Path) -> list[Flow]:
    """The intake and closures (schema 4): each month a first day, each month and type once."""
    flows = []
    for number, (month, case_type, new, closed) in enumerate(_rows(db, path, "flows"), start=1):
        if month.day != 1:
            raise schema.Violation("flows", "month", number, month.isoformat(), "not_month")
        try:
            label = check_label(case_type)
        except ValueError:
            label = ""
        if not label or label != case_type:
            raise schema.Violation("flows", "case_type", number, case_type, "not_label")
        flows.append(Flow(month, case_type, new, closed))
    try:
        return check_flows(flows)
    except FlowError as exc:
        raise schema.Violation("flows", "month", None, exc.value, exc.code, exc.limit or "") from None


def _reductions(data: list, row: int, table: str = "staff") -> tuple[Reduction, ...]:
    """A staff row's dated reductions (schema 3), each checked."""
    try:
        made = tuple(Reduction.from_dict(_checked_reduction(item, row, table)) for item in data)
    except schema.Violation:
        raise
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise schema.Violation(table, "reductions", row, None, "bad_reduction", str(exc)[:120]) from exc
    return made


def _checked_reduction(item: dict, row: int, table: str) -> dict:
    for f in schema.REDUCTION_FIELDS:
        if f.name in item:
            f.check(item[f.name], f"{table}.reductions", row)
    return item


def _scenario(data: dict, row: int) -> Scenario:
    """A stored scenario; its team inputs are checked like the team's own (the staff's hours,
    counts and dates against the same bounds) and must make a team."""
    from sagstal_desktop.core.serialize import team_from_inputs

    try:
        low, high = caseload_range()
        if isinstance(data, dict) and data.get("target_caseload") is not None:
            schema.Field("target_caseload", schema.REAL, low=low, high=high).check(
                data["target_caseload"], "scenarios", row)
        scenario = Scenario.from_dict(data)
        if len(scenario.absences) > int(limits()["max_absences"]):
            raise schema.Violation("scenarios", "absences", row, len(scenario.absences), "too_many",
                                   int(limits()["max_absences"]))
        inputs = scenario.inputs
        schema.check_object("info", inputs.get("info") or {})
        schema.check_object("settings", inputs.get("settings") or {})
        for member in inputs.get("staff") or ():
            schema.check_member(member, row)
            _reductions(member.get("reductions") or [], row, "scenarios.staff")
        team_from_inputs(inputs)
    except schema.Violation:
        raise
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise schema.Violation("scenarios", "data", row, data.get("name") if isinstance(data, dict) else None,
                               "bad_scenario", str(exc)[:120]) from exc
    return scenario


# -- migrations ---------------------------------------------------------------------------


def _v1_to_v2(db: sqlite3.Connection) -> None:
    """Version 2 adds competences (JSON list, empty = the default) and "takes new cases"."""
    db.execute("ALTER TABLE staff ADD COLUMN competences TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE staff ADD COLUMN takes_new_cases INTEGER NOT NULL DEFAULT 1")


def _v2_to_v3(db: sqlite3.Connection) -> None:
    """Version 3 adds dated reductions (JSON list per person) and scenarios."""
    db.execute("ALTER TABLE staff ADD COLUMN reductions TEXT NOT NULL DEFAULT '[]'")
    db.execute("CREATE TABLE scenarios (name TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL)")


def _v3_to_v4(db: sqlite3.Connection) -> None:
    """Version 4 adds intake and closures per month and case type (the forecast's input) and case
    weight (the table ``case_levels``; the weighting itself is a key of the settings, absent: off):
    both tables, empty."""
    db.execute("CREATE TABLE flows (month TEXT NOT NULL, case_type TEXT NOT NULL, new INTEGER NOT NULL, "
               "closed INTEGER NOT NULL, PRIMARY KEY (month, case_type))")
    db.execute("CREATE TABLE case_levels (staff_id TEXT NOT NULL, case_type TEXT NOT NULL, level TEXT NOT NULL, "
               "count INTEGER NOT NULL CHECK (count >= 0), PRIMARY KEY (staff_id, case_type, level))")


#: MIGRATIONS[v] turns a version-v database into version v+1 (applied in memory).
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def _migrate(db: sqlite3.Connection, version: int) -> None:
    if version < 1:
        raise ValueError(f"unknown schema version {version}")
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](db)
        version += 1
        db.execute(f"PRAGMA user_version = {version}")


# -- writing ------------------------------------------------------------------------------


def _write(db: sqlite3.Connection, team: Team, rows: Image | None = None) -> None:
    """Fill an empty database (autocommit connection) in one transaction with the rows of
    ``team`` (``team_rows.image``; ``rows`` if the caller has them already)."""
    rows = team_rows.image(team) if rows is None else rows
    db.executescript(_SCHEMA)  # executescript commits first: the schema goes before BEGIN
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.execute("BEGIN")
    db.executemany("INSERT INTO team (key, value) VALUES (?, ?)", list(rows.team.values()))
    db.executemany(
        "INSERT INTO staff (id, position, name, weekly_hours, other_hours, other_tasks, start_date, note, "
        "competences, takes_new_cases, reductions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows.staff_rows(),  # by id, the order of the table's primary key (the reader orders by position)
    )
    # in the order of the table's primary key (by person id, then position): see team_rows
    db.executemany("INSERT INTO case_counts (staff_id, case_type, position, count) VALUES (?, ?, ?, ?)",
                   rows.count_rows_sql())
    db.executemany("INSERT INTO case_levels (staff_id, case_type, level, count) VALUES (?, ?, ?, ?)",
                   rows.level_rows_sql())
    db.executemany("INSERT INTO norm_sets (id, position, data) VALUES (?, ?, ?)", list(rows.norm_sets.values()))
    db.executemany("INSERT INTO snapshots (id, taken_at, label, data) VALUES (?, ?, ?, ?)",
                   list(rows.snapshots.values()))
    db.executemany("INSERT INTO scenarios (name, position, data) VALUES (?, ?, ?)", list(rows.scenarios.values()))
    db.executemany("INSERT INTO flows (month, case_type, new, closed) VALUES (?, ?, ?, ?)", list(rows.flows.values()))
    db.execute("COMMIT")


def save_team(team: Team, path: str | os.PathLike[str], *, private: bool = False) -> Path:
    """Write ``team`` to ``path`` atomically (``io.atomic_write``). Raises ``DocumentError``
    (the old file stays, no temporary file is left). With ``private`` (recovery copies) the file
    is readable by its owner only (0600 on POSIX); else it keeps the old file's mode, or gets
    the mode a new file normally gets. A ``path`` that is a symbolic link is written through.

    Before the new file replaces anything, it is read back with the reader's own checks
    (``check_written``): a team the reader would refuse is refused here, with the reader's
    message, and the file on disk stays as it was.

    When this process wrote or read the file on disk and it is still that file, only the rows that
    changed are written, into a copy of it (``io/incremental_save.py``), with the same checks
    and the same atomic replace; in every other case the whole file is written."""
    from sagstal_desktop.io import incremental_save
    from sagstal_desktop.io.atomic_write import WriteFailed, atomic_path

    path = Path(path)
    try:
        with paused_gc():  # tens of thousands of small tuples, no cycles (io/gc_pause.py)
            rows = team_rows.image(team)
            if incremental_save.save(team, rows, path, private=private, check=validate_team,
                                     ids=(APPLICATION_ID, SCHEMA_VERSION)):
                return path
        with atomic_path(path, private=private, suffix=".tmp") as tmp:
            db = sqlite3.connect(tmp, isolation_level=None)
            try:
                db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, schema.MAX_SQL_VALUE_BYTES)
                # a private temporary file, flushed with fsync before it replaces anything
                db.execute("PRAGMA journal_mode = OFF")
                db.execute("PRAGMA synchronous = OFF")
                _write(db, team, rows)
                check_written(db, path)
                pages = db.execute("PRAGMA page_count").fetchone()[0]
            finally:
                db.close()
            size = os.path.getsize(tmp)
            if size > schema.MAX_FILE_BYTES:
                raise DocumentError("too_large", path, size=size // 2**20, limit=schema.MAX_FILE_BYTES // 2**20)
            written = os.stat(tmp)
        incremental_save.remember(path, rows, written, pages, 0)
        incremental_save.stats["full"] += 1
    except WriteFailed as exc:
        raise DocumentError("in_use" if exc.in_use else "save_failed", path, exc.detail) from exc
    except (sqlite3.Error, OverflowError, ValueError, TypeError) as exc:
        # e.g. a value above SQLite's length limit, an integer beyond 64 bits, NaN in JSON
        raise DocumentError("save_failed", path, str(exc) or type(exc).__name__) from exc
    return path


def check_written(db: sqlite3.Connection, path: Path) -> None:
    """Read a database just written by ``_write`` the way ``load_team`` reads a file (the same
    schema checks, JSON budget and work budget); raises the ``DocumentError`` opening it would."""
    steps = [0]

    def over_budget() -> int:
        steps[0] += _STEPS_PER_CALL
        return 1 if steps[0] > schema.MAX_SQL_STEPS else 0

    db.set_progress_handler(over_budget, _STEPS_PER_CALL)
    try:
        _read(db, path, integrity=False, check_only=True)
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise DocumentError("too_slow", path) from exc
        raise DocumentError("damaged", path, str(exc)) from exc
    finally:
        db.set_progress_handler(None, 0)


def validate_team(team: Team, path: str | os.PathLike[str] = "team.sagstal") -> None:
    """Raise the ``DocumentError`` that opening ``team`` saved to ``path`` would raise (nothing
    is written to disk): an input path can refuse a value before it touches any file."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, schema.MAX_SQL_VALUE_BYTES)
        try:
            _write(db, team)
        except (sqlite3.Error, OverflowError, ValueError, TypeError) as exc:
            raise DocumentError("save_failed", path, str(exc) or type(exc).__name__) from exc
        check_written(db, Path(path))
    finally:
        db.close()

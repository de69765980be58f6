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

import contextlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import ClassVar
from urllib.parse import quote

from sagstal_desktop.core.model import Snapshot, StaffMember, Team
from sagstal_desktop.core.norms import NormError, NormSet
from sagstal_desktop.core.reductions import Reduction
from sagstal_desktop.core.scenario_model import Scenario
from sagstal_desktop.core.serialize import info_from_dict, info_to_dict, settings_from_dict, settings_to_dict

APPLICATION_ID = 0x53475354  # "SGST"
SCHEMA_VERSION = 3
SUFFIX = ".sagstal"
_SQLITE_HEADER = b"SQLite format 3\x00"

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
CREATE TABLE norm_sets (id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY,
    taken_at TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL
);
CREATE TABLE scenarios (name TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
"""


class DocumentError(Exception):
    """A file that cannot be opened or saved as a team document; ``message(lang)`` explains."""

    def __init__(self, code: str, path: Path | str, detail: str = "") -> None:
        self.code, self.path, self.detail = code, Path(path), detail
        super().__init__(self.message("en"))

    _TEXTS: ClassVar[dict[str, tuple[str, str]]] = {
        "missing": ("The file {name} does not exist.", "Filen {name} findes ikke."),
        "unreadable": ("The file {name} cannot be read: {detail}", "Filen {name} kan ikke læses: {detail}"),
        "not_sagstal": (
            "{name} is not a Sagstal team file.",
            "{name} er ikke en Sagstal-teamfil.",
        ),
        "damaged": (
            "{name} is damaged and cannot be opened ({detail}). The file has not been changed.",
            "{name} er beskadiget og kan ikke åbnes ({detail}). Filen er ikke ændret.",
        ),
        "newer": (
            "{name} was saved by a newer version of Sagstal (file format {detail}). "
            "Update the program to open it. The file has not been changed.",
            "{name} er gemt af en nyere version af Sagstal (filformat {detail}). "
            "Opdatér programmet for at åbne den. Filen er ikke ændret.",
        ),
        "save_failed": (
            "{name} could not be saved: {detail}. The previous version is unchanged.",
            "{name} kunne ikke gemmes: {detail}. Den tidligere version er uændret.",
        ),
    }

    def message(self, lang: str = "da") -> str:
        english, danish = self._TEXTS[self.code]
        return (danish if lang == "da" else english).format(name=self.path.name, detail=self.detail)


# -- reading ------------------------------------------------------------------------------


def load_team(path: str | os.PathLike[str]) -> Team:
    """Open a team document. Raises ``DocumentError``; never modifies the file."""
    path = Path(path)
    if not path.exists():
        raise DocumentError("missing", path)
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise DocumentError("unreadable", path, exc.strerror or str(exc)) from exc
    if header != _SQLITE_HEADER:
        raise DocumentError("not_sagstal", path)
    memory = sqlite3.connect(":memory:")
    try:
        uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
        try:
            source = sqlite3.connect(uri, uri=True)
            try:
                source.backup(memory)
            finally:
                source.close()
        except sqlite3.DatabaseError as exc:
            raise DocumentError("damaged", path, str(exc)) from exc
        return _read(memory, path)
    finally:
        memory.close()


def _read(db: sqlite3.Connection, path: Path) -> Team:
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise DocumentError("not_sagstal", path)
        if version > SCHEMA_VERSION:
            raise DocumentError("newer", path, str(version))
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise DocumentError("damaged", path, check)
        _migrate(db, version)
        return _read_current(db)
    except DocumentError:
        raise
    except (sqlite3.DatabaseError, KeyError, ValueError, TypeError, NormError) as exc:
        raise DocumentError("damaged", path, str(exc) or type(exc).__name__) from exc


def _read_current(db: sqlite3.Connection) -> Team:
    meta = {k: json.loads(v) for k, v in db.execute("SELECT key, value FROM team")}
    team = Team(info=info_from_dict(meta.get("info", {})), settings=settings_from_dict(meta.get("settings", {})))
    counts: dict[str, dict[str, int]] = {}
    for staff_id, case_type, n in db.execute(
        "SELECT staff_id, case_type, count FROM case_counts ORDER BY staff_id, position"
    ):
        counts.setdefault(staff_id, {})[case_type] = int(n)
    for row in db.execute(
        "SELECT id, name, weekly_hours, other_hours, other_tasks, start_date, note, competences, takes_new_cases, "
        "reductions FROM staff ORDER BY position"
    ):
        sid, name, hours, other, tasks, start, note, competences, takes_new, reductions = row
        team.staff.append(
            StaffMember(
                id=sid, name=name, weekly_hours=float(hours), other_hours=float(other), other_tasks=tasks,
                start_date=date.fromisoformat(start) if start else None, counts=counts.get(sid, {}), note=note,
                competences=tuple(str(c) for c in json.loads(competences)), takes_new_cases=bool(takes_new),
                reductions=tuple(Reduction.from_dict(r) for r in json.loads(reductions)),
            )
        )
    team.custom_norm_sets = [
        NormSet.from_dict(json.loads(data)) for (data,) in db.execute("SELECT data FROM norm_sets ORDER BY position")
    ]
    team.snapshots = [
        Snapshot(taken_at=datetime.fromisoformat(t), label=label, data=json.loads(data), id=sid)
        for sid, t, label, data in db.execute("SELECT id, taken_at, label, data FROM snapshots ORDER BY taken_at, id")
    ]
    team.scenarios = [
        Scenario.from_dict(json.loads(data)) for (data,) in db.execute("SELECT data FROM scenarios ORDER BY position")
    ]
    return team


# -- migrations ---------------------------------------------------------------------------


def _v1_to_v2(db: sqlite3.Connection) -> None:
    """Version 2 adds competences (JSON list, empty = the default) and "takes new cases"."""
    db.execute("ALTER TABLE staff ADD COLUMN competences TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE staff ADD COLUMN takes_new_cases INTEGER NOT NULL DEFAULT 1")


def _v2_to_v3(db: sqlite3.Connection) -> None:
    """Version 3 adds dated reductions (JSON list per person) and scenarios."""
    db.execute("ALTER TABLE staff ADD COLUMN reductions TEXT NOT NULL DEFAULT '[]'")
    db.execute("CREATE TABLE scenarios (name TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL)")


#: MIGRATIONS[v] turns a version-v database into version v+1 (applied in memory).
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3}


def _migrate(db: sqlite3.Connection, version: int) -> None:
    if version < 1:
        raise ValueError(f"unknown schema version {version}")
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](db)
        version += 1
        db.execute(f"PRAGMA user_version = {version}")


# -- writing ------------------------------------------------------------------------------


def _write(db: sqlite3.Connection, team: Team) -> None:
    """Fill an empty database (autocommit connection) in one transaction."""
    db.executescript(_SCHEMA)  # executescript commits first: the schema goes before BEGIN
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO team (key, value) VALUES (?, ?)",
        [
            ("info", json.dumps(info_to_dict(team.info), ensure_ascii=False)),
            ("settings", json.dumps(settings_to_dict(team.settings), ensure_ascii=False)),
        ],
    )
    db.executemany(
        "INSERT INTO staff (id, position, name, weekly_hours, other_hours, other_tasks, start_date, note, "
        "competences, takes_new_cases, reductions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (m.id, i, m.name, m.weekly_hours, m.other_hours, m.other_tasks,
             m.start_date.isoformat() if m.start_date else None, m.note,
             json.dumps(list(m.competences), ensure_ascii=False), int(m.takes_new_cases),
             json.dumps([r.to_dict() for r in m.reductions], ensure_ascii=False))
            for i, m in enumerate(team.staff)
        ],
    )
    db.executemany(
        "INSERT INTO case_counts (staff_id, case_type, position, count) VALUES (?, ?, ?, ?)",
        [(m.id, t, j, int(n)) for m in team.staff for j, (t, n) in enumerate(m.counts.items())],
    )
    db.executemany(
        "INSERT INTO norm_sets (id, position, data) VALUES (?, ?, ?)",
        [(s.id, i, json.dumps(s.to_dict(), ensure_ascii=False)) for i, s in enumerate(team.custom_norm_sets)],
    )
    db.executemany(
        "INSERT INTO snapshots (taken_at, label, data) VALUES (?, ?, ?)",
        [(s.taken_at.isoformat(), s.label, json.dumps(s.data, ensure_ascii=False)) for s in team.snapshots],
    )
    db.executemany(
        "INSERT INTO scenarios (name, position, data) VALUES (?, ?, ?)",
        [(s.name, i, json.dumps(s.to_dict(), ensure_ascii=False)) for i, s in enumerate(team.scenarios)],
    )
    db.execute("COMMIT")


def save_team(team: Team, path: str | os.PathLike[str]) -> Path:
    """Write ``team`` to ``path`` atomically. Raises ``DocumentError`` (the old file stays)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DocumentError("save_failed", path, exc.strerror or str(exc)) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        db = sqlite3.connect(tmp, isolation_level=None)
        try:
            # a private temporary file, flushed with fsync below before it replaces anything
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            _write(db, team)
        finally:
            db.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):  # mkstemp makes 0600; keep the old file's mode
            os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
        _fsync_dir(folder)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise DocumentError("save_failed", path, detail) from exc
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

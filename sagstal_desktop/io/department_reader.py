"""Reading a department: a folder of team files, or a list of them, read-only.

Every file goes through the one hostile-file reader (``io.document.read_team``), which never
writes; here it is also told not to tidy the folder (``tidy=False``: no leftover of someone
else's save is removed), so reading a department changes nothing on the shared drive. A file a
team leader has open for editing (its lock ``.~lock.NAME.sagstal#``, ``io/file_lock.py``) is read
all the same (the lock only guards writers) and marked as open. A file that cannot be read is
kept with the reader's own message; the rest are rolled up by ``core.department.roll_up``.

``read_department`` reports progress as (files done, files in all) after each file, and stops
with ``ReadCancelled`` when ``cancelled()`` turns true (the window runs it in a worker).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from sagstal_desktop.core.department import TeamSource
from sagstal_desktop.i18n import N_, tr
from sagstal_desktop.io.document import SUFFIX, DocumentError, read_team
from sagstal_desktop.io.gc_pause import paused_gc


class ReadCancelled(Exception):
    """The caller asked the reading to stop."""


class NoTeamFiles(Exception):
    """A folder given holds no team files (or nothing was given)."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folder = None if folder is None else Path(folder)
        super().__init__(self.message("en"))

    def message(self, lang: str = "da") -> str:
        if self.folder is None:
            return tr(N_("No team files were given."), lang)
        return tr(N_("The folder {folder} holds no team files (.sagstal)."), lang).format(folder=self.folder)


def folder_files(folder: Path) -> list[Path]:
    """The team files directly in ``folder`` (``*.sagstal``, any case; not hidden files, which
    are locks and temporary files), sorted by name."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.lower().endswith(SUFFIX) and not entry.name.startswith("."):
                found.append(Path(folder, entry.name))
    return sorted(found, key=lambda p: (p.stem.casefold(), p.name))


def team_files(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The files to read: each folder's team files (``folder_files``), each other path as given
    (a missing or odd one is listed as unreadable when read). ``NoTeamFiles`` for nothing given
    or an empty folder."""
    if not paths:
        raise NoTeamFiles()
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            try:
                inside = folder_files(path)
            except OSError:
                inside = []
            if not inside:
                raise NoTeamFiles(path)
            files.extend(inside)
        else:
            files.append(path)
    return files


def read_source(path: Path) -> TeamSource:
    """One file as a ``TeamSource``: the team, or the reader's message; never raises for a bad file."""
    from sagstal_desktop.io.file_lock import edit_lock_holder

    name = str(path)
    try:
        team, digest = read_team(path, tidy=False, digest=True)
    except DocumentError as exc:
        return TeamSource(name, None, error=exc.message)
    try:
        saved = datetime.fromtimestamp(os.stat(path).st_mtime)
    except (OSError, ValueError, OverflowError):
        saved = None
    holder = edit_lock_holder(path)
    locked = holder.message if holder is not None and not holder.is_stale() else None
    return TeamSource(name, team, last_saved=saved, digest=digest, locked_by=locked)


def read_department(paths: Sequence[str | os.PathLike[str]],
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> list[TeamSource]:
    """Every team file of ``paths`` (folders and files, see ``team_files``) read, in order."""
    files = team_files(paths)
    sources = []
    with paused_gc():  # not only within each file: between files it would pass over all teams read
        for done, path in enumerate(files, start=1):
            if cancelled is not None and cancelled():
                raise ReadCancelled
            sources.append(read_source(path))
            if progress is not None:
                progress(done, len(files))
    return sources

"""Small file-safety helpers shared by saving, exporting, the memo and the recovery copies.

* ``process_umask()``: the process's umask, read once at import (``os.umask`` changes a
  process-wide value, so it is never called again, least of all from a worker thread).
* ``private_dir(path)`` / ``make_private(path)``: folders 0700 and files 0600 on POSIX; on
  Windows the per-user application-data folder is already private and nothing is changed.
* ``temp_in(folder, prefix, suffix)``: a temporary file beside the target, created 0600.
* ``remove_stale_temps(target, suffix)``: remove our own temporary files beside ``target``
  that a killed process left behind (only our name pattern, only when older than a safe age).
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from pathlib import Path

#: A temporary file younger than this may belong to a save still running in another process.
STALE_AFTER_SECONDS = 120.0

_POSIX = os.name == "posix"


def _read_umask() -> int:
    if not _POSIX:
        return 0
    mask = os.umask(0o022)  # imported on the main thread, before any worker starts
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def process_umask() -> int:
    """The umask the process started with (0 on Windows)."""
    return _UMASK


def default_file_mode() -> int:
    """The mode a plain new file would get (0o666 less the umask)."""
    return 0o666 & ~_UMASK


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it private to the user (0700 on POSIX)."""
    path.mkdir(parents=True, exist_ok=True)
    if _POSIX:
        with contextlib.suppress(OSError):
            if stat.S_IMODE(path.stat().st_mode) != 0o700:
                path.chmod(0o700)
    return path


def make_private(path: Path) -> None:
    """Make an existing file readable and writable by its owner only (0600 on POSIX)."""
    if _POSIX:
        with contextlib.suppress(OSError):
            path.chmod(0o600)


def temp_prefix(target: Path) -> str:
    """The name prefix of our temporary files for ``target``: ``.<name>.``."""
    return f".{target.name}."


def remove_stale_temps(target: Path, suffix: str, older_than: float = STALE_AFTER_SECONDS) -> int:
    """Remove leftovers of a killed save/export/memo of ``target``: files in its folder named
    ``.<target name>.<random><suffix>`` that are regular files older than ``older_than``
    seconds. Returns how many were removed; never raises."""
    folder = target.parent if str(target.parent) else Path(".")
    prefix = temp_prefix(target)
    now = time.time()
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(suffix)):
            continue
        middle = name[len(prefix):len(name) - len(suffix)]
        if not middle or "." in middle or "/" in middle or len(middle) > 16:
            continue  # not a mkstemp name of ours
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < older_than:
                continue
            os.unlink(entry.path)
            removed += 1
        except OSError:
            continue
    return removed

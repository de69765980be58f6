"""Small file-safety helpers shared by saving, exporting, the memo and the recovery copies.

* ``process_umask()``: the process's umask, read once at import from ``/proc`` where it can be
  (``os.umask`` changes a process-wide value, which races with worker threads).
* ``private_dir(path)`` / ``make_private(path)``: folders 0700 and files 0600 on POSIX; on
  Windows the per-user application-data folder is already private and nothing is changed.
* ``temp_prefix(target)``, ``lock_temp(fd)`` / ``release_temp(fd)``: the name prefix of our
  temporary files beside a target and the lock held on one while it is written (the atomic
  writer, ``io/atomic_write.py``, makes the file).
* ``remove_stale_temps(target, suffix)``: remove our own temporary files beside ``target``
  that a killed process left behind: only our name pattern, and only when no process holds the
  file's lock (``lock_temp``; the kernel drops it when its process dies) and it is older than
  a second, or, where locks are not available, when it is older than a safe age.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from pathlib import Path

#: Without a lock to ask, a temporary file younger than this may belong to a running save.
STALE_AFTER_SECONDS = 120.0
#: A temporary file younger than this is never removed (it may be about to be locked).
MIN_AGE_SECONDS = 1.0

_POSIX = os.name == "posix"


def _read_umask() -> int:
    if not _POSIX:
        return 0
    with contextlib.suppress(OSError, ValueError):  # Linux: read without changing it
        for line in Path("/proc/self/status").read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)  # elsewhere: once, at import (the program imports this at start)
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


def lock_temp(fd: int) -> int:
    """Take an exclusive advisory lock on our open temporary file for as long as ``fd`` stays
    open (POSIX ``flock``; a killed process's lock goes with it) and return ``fd``. Elsewhere
    (Windows, where an open file cannot be renamed) ``fd`` is closed and -1 returned."""
    if not _POSIX:
        os.close(fd)
        return -1
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def release_temp(fd: int) -> None:
    """Close a descriptor ``lock_temp`` returned (dropping the lock)."""
    if fd >= 0:
        with contextlib.suppress(OSError):
            os.close(fd)


def _in_use(path: str) -> bool | None:
    """True if another open file holds the lock, False if not, None if it cannot be told."""
    if not _POSIX:
        return None
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing drops a lock taken here
    return False


def remove_stale_temps(target: Path, suffix: str, older_than: float = STALE_AFTER_SECONDS) -> int:
    """Remove leftovers of a killed save/export/memo of ``target``: regular files in its folder
    named ``.<target name>.<random><suffix>`` that no process holds locked (and at least
    ``MIN_AGE_SECONDS`` old), or older than ``older_than`` where locks cannot be asked. Returns
    how many were removed; never raises."""
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
            age = now - info.st_mtime
            if not stat.S_ISREG(info.st_mode) or age < MIN_AGE_SECONDS:
                continue
            in_use = _in_use(entry.path)
            if in_use or (in_use is None and age < older_than):
                continue
            os.unlink(entry.path)
            removed += 1
        except OSError:
            continue
    return removed

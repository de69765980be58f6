"""Give a finished temporary file the permissions a newly created file would have.

``tempfile.mkstemp`` creates files readable only by their owner; a memo replaces that file, so
it should get the usual mode (``0o666`` less the umask, or the replaced file's mode). Reading
the umask with ``os.umask`` changes it for the whole process for a moment, which races with
other threads (memos are written on a worker thread), so it is read from ``/proc`` where that
exists and otherwise left alone. On Windows there are no POSIX modes: nothing is done.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def current_umask() -> int | None:
    """The process's umask without changing it (Linux ``/proc``); None where unknown."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return None


def give_default_mode(tmp: Path, target: Path) -> None:
    """Set ``tmp``'s mode to ``target``'s if it exists, else to ``0o666`` less the umask (POSIX only)."""
    if os.name != "posix":
        return
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        umask = current_umask()
        if umask is None:
            return  # keep mkstemp's owner-only mode: safe, if stricter than usual
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)

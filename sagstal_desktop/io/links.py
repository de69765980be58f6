"""What a path that cannot be opened is, when it is a symbolic link: one that loops (leads back
to itself, ELOOP) or one that leads nowhere (its target does not exist). The readers say so
instead of "does not exist" or the system's English text."""

from __future__ import annotations

import errno
import os
from pathlib import Path

_WINDOWS_CANT_RESOLVE = 1921  # ERROR_CANT_RESOLVE_FILENAME: Windows' word for a looping link


def link_problem(path: Path, exc: OSError) -> str | None:
    """"link_loop", "dangling_link" or None (not a link's fault) for ``exc`` raised opening ``path``."""
    if exc.errno == errno.ELOOP or getattr(exc, "winerror", None) == _WINDOWS_CANT_RESOLVE:
        return "link_loop"
    if isinstance(exc, FileNotFoundError):
        try:
            if os.path.islink(path):
                return "dangling_link"
        except (OSError, ValueError):
            return None
    return None

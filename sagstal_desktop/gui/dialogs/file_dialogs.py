"""The one save dialog and the one open dialog of the window (team files, exports, the memo,
the history and the comparison all ask through these)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(parent: QWidget | None, title: str, suggested: Path | str, file_filter: str,
                  suffix: str, *, others: Sequence[tuple[str, str]] = ()) -> Path | None:
    """The save dialog; the chosen path, or None. ``others``: more (filter, suffix) choices after
    the first; a name that ends in none of the suffixes gets the chosen filter's suffix."""
    choices = [(file_filter, suffix), *others]
    chosen, selected = QFileDialog.getSaveFileName(parent, title, str(suggested), ";;".join(f for f, _s in choices))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() in {s for _f, s in choices}:
        return path
    return path.with_name(path.name + next((s for f, s in choices if f == selected), suffix))


def ask_open_path(parent: QWidget | None, title: str, file_filter: str, start: Path | str = "") -> Path | None:
    """The open dialog (in ``start``, a folder or file); the chosen path, or None."""
    name, _filter = QFileDialog.getOpenFileName(parent, title, str(start), file_filter)
    return Path(name) if name else None

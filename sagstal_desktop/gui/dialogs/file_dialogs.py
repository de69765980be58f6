"""The one save dialog and the one open dialog of the window (team files, exports, the memo,
the history and the comparison all ask through these)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(parent: QWidget | None, title: str, suggested: Path | str, file_filter: str,
                  suffix: str) -> Path | None:
    """The save dialog; the chosen path with ``suffix`` added when the name lacks it, or None."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_open_path(parent: QWidget | None, title: str, file_filter: str) -> Path | None:
    """The open dialog; the chosen path, or None."""
    name, _filter = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return Path(name) if name else None

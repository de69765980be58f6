"""A shortcut of ``Action.shortcuts`` as a ``QKeySequence`` (for the menus and the help's list
of shortcuts; the dialogs may import this, not the menus)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence


def key_sequence(text: str) -> QKeySequence:
    """A shortcut of ``Action.shortcuts``: "Ctrl+D", "std:Save" or "key:Key_Delete"."""
    if text.startswith("std:"):
        return QKeySequence(getattr(QKeySequence.StandardKey, text[4:]))
    if text.startswith("key:"):
        return QKeySequence(getattr(Qt.Key, text[4:]))
    return QKeySequence(text)

"""A main window that paints its frame first and builds its contents just after.

At start the frame (title, remembered geometry) is shown before the modules of the contents are
imported, so the window is on the screen as fast as a bare QMainWindow; the contents are built
in the event-loop turn after the frame's first paint (``build_after_paint``). Without that, a
subclass builds its contents at once in its constructor (``_build``), as tests and dialogs
expect. This module imports only PySide6.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from sagstal_desktop.core.model import Team

#: What opens the team once the frame is painted: (team or None for the demo team, its path).
Opener = Callable[[], "tuple[Team | None, Path | None]"]
#: Called once the contents are built (None) or could not be (a missing or damaged program file).
Then = Callable[[Exception | None], None]


class FramedWindow(QMainWindow):
    """``frame(...)`` then ``build_after_paint(...)``; subclasses implement ``_build`` and ``is_ready``."""

    _pending: tuple[Opener, date | None, Then] | None = None

    @classmethod
    def frame(cls, shown_name: str, lang: str) -> FramedWindow:
        """The window's frame only (title, remembered geometry): no text inside, so no font has to
        load before the first paint."""
        from sagstal_desktop.gui.screen_fit import restore_window_geometry

        window = cls(lang=lang, frame_only=True)
        window.setWindowTitle(f"{shown_name} – Sagstal")
        restore_window_geometry(window)
        return window

    def build_after_paint(self, opener: Opener, then: Then, as_of: date | None = None) -> None:
        """After the frame's first paint: open the team (``opener``), build the contents, call
        ``then(None)``; ``then(error)`` if a program file is missing or damaged (``ResourceError``)."""
        self._pending = (opener, as_of, then)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._pending is not None:
            QTimer.singleShot(0, self._build_pending)

    def _build_pending(self) -> None:
        if self._pending is None:  # built already (several paints), or closed while a frame
            return
        from sagstal_desktop.assets import ResourceError

        (opener, as_of, then), self._pending = self._pending, None
        try:
            team, path = opener()
            self._build(team, path, team is None, as_of)
        except ResourceError as exc:
            then(exc)
            return
        self.statusBar().clearMessage()
        then(None)

    def cancel_build(self) -> None:
        """Do not build the contents (the frame was closed first)."""
        self._pending = None

    def _build(self, team: Team | None, path: Path | None, demo: bool, as_of: date | None) -> None:
        raise NotImplementedError

    def is_ready(self) -> bool:
        """True once the contents are built."""
        raise NotImplementedError

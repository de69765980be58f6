"""Windows that fit the screen they open on: a default size derived from the screen's available
area (a 1366×768 laptop included), never larger than that area, and a remembered size per window
(``settings.WINDOW_SIZES``, by object name) that is shrunk to fit when the screen got smaller."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from sagstal_desktop.gui import settings

#: Share of the available area a window may take at most when it opens (room for its frame).
MAX_SHARE = 0.96
#: The main window's size the first time (fitted to the screen).
MAIN_WINDOW_SIZE = QSize(1280, 800)


def available_size(widget: QWidget | None = None) -> QSize:
    """The available area (without task bars) of the screen ``widget`` is on, or the primary one."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen is not None else QSize(1366, 728)


def fitted_size(wanted: QSize, widget: QWidget | None = None, share: float = MAX_SHARE) -> QSize:
    """``wanted``, shrunk to ``share`` of the available area where it is larger."""
    area = available_size(widget)
    return QSize(min(wanted.width(), int(area.width() * share)), min(wanted.height(), int(area.height() * share)))


def fit_to_screen(widget: QWidget, width: int, height: int, *, remember: bool = True) -> None:
    """Size ``widget`` as the user last left it (if ``remember`` and it has an object name), else
    ``width`` × ``height``; either way within the available screen area."""
    wanted = QSize(width, height)
    if remember and widget.objectName():
        stored = settings.WINDOW_SIZES.get().get(widget.objectName())
        if isinstance(stored, list) and len(stored) == 2 and all(isinstance(v, int) and v > 0 for v in stored):
            wanted = QSize(*stored)
    widget.resize(fitted_size(wanted, widget))


def remember_size(widget: QWidget) -> None:
    """Store ``widget``'s size under its object name (call when it closes)."""
    if widget.objectName():
        sizes = settings.WINDOW_SIZES.get()
        sizes[widget.objectName()] = [widget.width(), widget.height()]
        settings.WINDOW_SIZES.set(sizes)


def restore_window_geometry(window: QWidget, default: QSize = MAIN_WINDOW_SIZE) -> None:
    """Give ``window`` its remembered geometry (``settings.WINDOW_GEOMETRY``), shrunk to the screen
    if that got smaller, or ``default`` fitted to the screen."""
    geometry = settings.WINDOW_GEOMETRY.get()
    if not geometry.isEmpty() and window.restoreGeometry(geometry):
        window.resize(fitted_size(window.size(), window, share=1.0))  # the screen may be smaller now
    else:
        window.resize(fitted_size(default, window))

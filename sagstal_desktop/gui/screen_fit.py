"""Windows that fit the screen they open on.

One helper, ``available_geometry``, gives the screen area a window may use (without task bars;
``QScreen.availableGeometry``). Every window and dialog takes its size from it through
``fit_to_screen`` (a dialog) or ``restore_window_geometry`` (the main window): a default derived
from that area (a 1280×720 logical screen at 150 % with a 40 px task bar included), never larger
than it. Sizes the user chose are remembered per screen (by the screen's name and size:
``settings.WINDOW_SIZES`` for dialogs, ``settings.WINDOW_PLACES`` for the main window), so a
laptop's own panel and the office monitor each keep theirs; a window last seen on a larger or
now-disconnected screen is brought back whole onto a screen that is there."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from sagstal_desktop.gui import settings

#: Share of the available area a window may take at most when it opens (room for its frame).
MAX_SHARE = 0.96
#: Room kept for the window frame the system draws around a window (outside its own size):
#: Windows 10/11 draw a 31 px title bar and 8 px borders, in logical pixels at any scaling.
FRAME = QSize(16, 40)
#: The main window's size the first time (fitted to the screen).
MAIN_WINDOW_SIZE = QSize(1280, 800)
#: The area assumed when Qt knows no screen at all.
_NO_SCREEN = QRect(0, 0, 1366, 728)


def _screen(widget: QWidget | None) -> QScreen | None:
    screen = widget.screen() if widget is not None else None
    return screen or QGuiApplication.primaryScreen()


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The available area (without task bars) of the screen ``widget`` is on, or the primary
    one: the one place every window size is derived from."""
    screen = _screen(widget)
    return screen.availableGeometry() if screen is not None else QRect(_NO_SCREEN)


def available_size(widget: QWidget | None = None) -> QSize:
    """The size of ``available_geometry``."""
    return available_geometry(widget).size()


def screen_key(widget: QWidget | None = None) -> str:
    """The screen ``widget`` is on as a settings key: its name and available size
    ("HDMI-1 1920x1040"), so a screen that changed resolution or scaling counts as another."""
    screen = _screen(widget)
    size = available_size(widget)
    return f"{screen.name() if screen is not None else ''} {size.width()}x{size.height()}".strip()


def fitted_size(wanted: QSize, widget: QWidget | None = None, share: float = MAX_SHARE) -> QSize:
    """``wanted``, shrunk where it is larger to ``share`` of the available area and to that area
    less the window frame (``FRAME``)."""
    area = available_size(widget)
    return QSize(min(wanted.width(), int(area.width() * share), area.width() - FRAME.width()),
                 min(wanted.height(), int(area.height() * share), area.height() - FRAME.height()))


def _stored_size(value: object) -> QSize | None:
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) and v > 0 for v in value):
        return QSize(*value)
    return None


def fit_to_screen(widget: QWidget, width: int, height: int, *, remember: bool = True) -> None:
    """Size ``widget`` as the user last left it on this screen (if ``remember`` and it has an
    object name), else ``width`` × ``height``; either way within the available screen area."""
    wanted = QSize(width, height)
    if remember and widget.objectName():
        sizes = settings.WINDOW_SIZES.get()
        stored = _stored_size(sizes.get(f"{widget.objectName()}@{screen_key(widget)}"))
        stored = stored or _stored_size(sizes.get(widget.objectName()))  # saved before sizes were per screen
        wanted = stored or wanted
    widget.resize(fitted_size(wanted, widget))


def remember_size(widget: QWidget) -> None:
    """Store ``widget``'s size under its object name and screen (call when it closes)."""
    if widget.objectName():
        sizes = settings.WINDOW_SIZES.get()
        sizes[f"{widget.objectName()}@{screen_key(widget)}"] = [widget.width(), widget.height()]
        settings.WINDOW_SIZES.set(sizes)


def on_screen(rect: QRect, area: QRect) -> QRect:
    """``rect`` moved (and shrunk where it is larger) so that it lies wholly inside ``area``."""
    width, height = min(rect.width(), area.width()), min(rect.height(), area.height())
    x = min(max(rect.x(), area.x()), area.x() + area.width() - width)
    y = min(max(rect.y(), area.y()), area.y() + area.height() - height)
    return QRect(x, y, width, height)


def _screen_named(key: str) -> QScreen | None:
    for screen in QGuiApplication.screens():
        size = screen.availableGeometry().size()
        if f"{screen.name()} {size.width()}x{size.height()}".strip() == key:
            return screen
    return None


def restore_window_geometry(window: QWidget, default: QSize = MAIN_WINDOW_SIZE) -> None:
    """Give ``window`` the place it had when it was last closed on a screen that is still there
    (``settings.WINDOW_PLACES``), moved and shrunk to lie wholly inside that screen's available
    area; else its place on the primary screen; else ``default`` fitted and centred there. A
    window saved on a screen that is gone (or has changed size) opens on the primary screen."""
    places = settings.WINDOW_PLACES.get()
    last = places.get("last")
    screen = _screen_named(last) if isinstance(last, str) else None
    key = last if screen is not None else screen_key(None)
    area = screen.availableGeometry() if screen is not None else available_geometry(None)
    stored = places.get(key)
    if isinstance(stored, list) and len(stored) == 5 and all(isinstance(v, int) for v in stored[:4]):
        x, y, width, height, maximized = stored
        place = on_screen(QRect(x, y, max(width, 1), max(height, 1)), area)
        window.resize(place.size())
        window.move(place.topLeft())
        if maximized:
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    geometry = settings.WINDOW_GEOMETRY.get()  # saved before places were per screen
    if not geometry.isEmpty() and window.restoreGeometry(geometry):
        place = on_screen(window.geometry(), area)
        window.resize(place.size())
        window.move(place.topLeft())
        return
    size = fitted_size(default, window)
    window.resize(size)
    window.move(area.x() + (area.width() - size.width()) // 2, area.y() + (area.height() - size.height()) // 2)


def save_window_place(window: QWidget) -> None:
    """Remember ``window``'s place on the screen it is on now (``restore_window_geometry``)."""
    places = settings.WINDOW_PLACES.get()
    key = screen_key(window)
    normal = window.normalGeometry() if window.isMaximized() else window.geometry()
    if not normal.isValid():
        normal = window.geometry()
    places[key] = [normal.x(), normal.y(), normal.width(), normal.height(), bool(window.isMaximized())]
    places["last"] = key
    settings.WINDOW_PLACES.set(places)

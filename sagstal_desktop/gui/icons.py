"""Icons drawn as SVG line art (``resources/icons/*.svg``), sharp at any size and screen scale.

The line icons use ``stroke="currentColor"``; it is replaced by the palette's text colour when the
icon is made, so they suit light and dark themes. Each QIcon is backed by a small icon engine that
renders the SVG at the exact pixel size Qt asks for (device-pixel ratio included), so nothing is
scaled from a bitmap.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from sagstal_desktop.assets import ResourceError, resource_path

#: Every icon the program ships (file name without ``.svg``).
ICON_NAMES = (
    "new", "open", "save", "undo", "redo", "add_person", "remove_person", "duplicate", "import", "export",
    "memo", "print", "settings", "norms", "help", "about", "sagstal",
)
_FALLBACK_COLOUR = "#27323f"
_DISABLED_OPACITY = 0.38


class _SvgIconEngine(QIconEngine):
    """Renders one SVG document at whatever size and mode Qt asks for."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderer: QSvgRenderer | None = None  # parsed at the first paint (menu icons often never)

    def _svg_renderer(self) -> QSvgRenderer:
        if self._renderer is None:
            self._renderer = QSvgRenderer(QByteArray(self._svg))
        return self._renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.save()
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(painter.opacity() * _DISABLED_OPACITY)
        self._svg_renderer().render(painter, QRectF(rect))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        pixels = QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))
        pixmap = QPixmap(pixels)
        pixmap.fill(QColor(0, 0, 0, 0))  # transparent (the Qt namespace costs ~14 ms to load at start)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(0, 0, pixels.width(), pixels.height()), mode, state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._svg)

    def key(self) -> str:
        return "sagstal-svg"

    def isNull(self) -> bool:
        return not self._svg_renderer().isValid()


def _text_colour() -> str:
    app = QGuiApplication.instance()
    if app is None:
        return _FALLBACK_COLOUR
    colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    # a mid grey on a light theme reads poorly: keep our dark slate unless the theme is dark
    return colour.name() if colour.lightness() > 128 else _FALLBACK_COLOUR


@cache
def _icon(name: str, colour: str) -> QIcon:
    try:
        svg = resource_path("icons", f"{name}.svg").read_bytes()
    except OSError as exc:
        raise ResourceError(f"resources/icons/{name}.svg", exc.strerror or type(exc).__name__) from None
    svg = svg.replace(b"currentColor", colour.encode("ascii"))
    return QIcon(_SvgIconEngine(svg))


def icon(name: str) -> QIcon:
    """The icon ``name`` (one of ``ICON_NAMES``); KeyError for an unknown name."""
    if name not in ICON_NAMES:
        raise KeyError(f"no icon named {name!r}")
    return _icon(name, _text_colour())


def app_icon() -> QIcon:
    """The program's own icon (window title bar, task bar)."""
    return icon("sagstal")

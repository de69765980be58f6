"""Make ``resources/icons/sagstal.ico`` (the Windows program icon) from ``sagstal.svg``.

Renders the SVG with Qt at 16-256 px and packs the PNG images into one ICO file (the format
Windows and PyInstaller's ``icon=`` expect). Run again after changing the SVG:

    .venv/bin/python scripts/make_icon.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_of(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """An ICO file holding PNG images (size, data): header, directory, then the images."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    directory, blobs = b"", b""
    for size, png in images:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + directory + blobs


def main() -> int:
    QGuiApplication(sys.argv[:1])
    svg = (ICONS / "sagstal.svg").read_bytes()
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise SystemExit("sagstal.svg could not be read")
    (ICONS / "sagstal.ico").write_bytes(ico_bytes([(size, png_of(renderer, size)) for size in SIZES]))
    print(ICONS / "sagstal.ico")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

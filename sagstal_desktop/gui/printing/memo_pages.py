"""Memo pages as images for the preview and for printing, rendered with PDFium (pypdfium2).

QtPdf is not in PySide6-Essentials, and in PySide6 6.12 it ships with the WebEngine wheels, not
in PySide6-Addons; pypdfium2 is an 8 MB wheel with PDFium inside, renders an A4 page at screen
resolution in a few tens of milliseconds and works on Windows, macOS and Linux. It is imported
only when a memo is previewed or printed. Use one ``PdfPages`` from one thread only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

POINTS_PER_INCH = 72.0


class PdfPages:
    """An open PDF: page count, page sizes (points) and pages rendered to ``QImage``."""

    def __init__(self, path: str | Path) -> None:
        import pypdfium2

        self._pdf = pypdfium2.PdfDocument(str(path))
        self._sizes = [QSizeF(*self._pdf.get_page_size(i)) for i in range(len(self._pdf))]

    def __len__(self) -> int:
        return len(self._sizes)

    def page_size(self, index: int) -> QSizeF:
        """Page ``index`` in points (1/72 inch)."""
        return self._sizes[index]

    def render(self, index: int, dpi: float) -> QImage:
        """Page ``index`` as an opaque RGB image at ``dpi``."""
        page = self._pdf[index]
        try:
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True, may_draw_forms=False,
                                 optimize_mode="print" if dpi >= 200 else None)
            try:
                image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32)
                return image.copy()  # own the pixels: the bitmap's buffer is freed below
            finally:
                bitmap.close()
        finally:
            page.close()

    def close(self) -> None:
        self._pdf.close()

"""Printing the memo: the same PDF pages, rendered at printer resolution and drawn on a QPrinter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from sagstal_desktop.gui.dialogs.memo_pages import PdfPages

#: Pages are rasterised at the printer's resolution, but at most this (300 dpi prints text
#: sharply and keeps a page image at about 35 MB).
MAX_PRINT_DPI = 300


class PrintError(Exception):
    """The printer could not be opened."""


def page_range(printer: QPrinter, count: int) -> range:
    """The 0-based pages to print: the dialog's range if one was chosen, else all."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return range(count)
    return range(max(first, 1) - 1, min(last, count))


def print_pdf(pdf_path: str | Path, printer: QPrinter,
              progress: Callable[[int, int], bool] | None = None) -> int:
    """Print the PDF's pages on ``printer``; return the number printed. ``progress(done, total)``
    returning False stops after the current page."""
    pages = PdfPages(pdf_path)
    try:
        wanted = page_range(printer, len(pages))
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError("the printer could not be opened")
        printed = 0
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            scale_to_device = printer.resolution() / 72.0
            for n, index in enumerate(wanted):
                if n:
                    printer.newPage()
                size = pages.page_size(index)
                width, height = size.width() * scale_to_device, size.height() * scale_to_device
                fit = min(paper.width() / width, paper.height() / height, 1.0)
                width, height = width * fit, height * fit
                target = QRectF((paper.width() - width) / 2, (paper.height() - height) / 2, width, height)
                painter.drawImage(target, pages.render(index, dpi))
                printed += 1
                if progress is not None and not progress(printed, len(wanted)):
                    break
        finally:
            painter.end()
        return printed
    finally:
        pages.close()

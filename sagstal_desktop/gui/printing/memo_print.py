"""Printing the memo: the same PDF pages on a QPrinter.

Printed to a PDF file (the print dialog's "Print to file", ``QPrinter.OutputFormat.PdfFormat``)
the memo's own vector pages are written: the file itself when every page is printed, else the
chosen pages copied by PDFium (``pypdfium2``'s ``import_pages``), text and lines as vectors (a
6-page memo of 98 kB stays about that size; rasterised at 300 dpi it was 7.2 MB). A printer
device takes what Qt's paint engine gives it, and Qt cannot draw a PDF's vectors: there each page
is rendered by PDFium at the printer's resolution (at most ``MAX_PRINT_DPI``) and drawn as an
image; the spooler, not a file, receives it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from sagstal_desktop.gui.printing.memo_pages import PdfPages

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
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return _print_to_pdf_file(Path(pdf_path), Path(printer.outputFileName()), printer, progress)
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


def _print_to_pdf_file(source: Path, target: Path, printer: QPrinter,
                       progress: Callable[[int, int], bool] | None) -> int:
    """The memo's vector pages into the PDF file ``target`` (written beside it, then moved in)."""
    import shutil

    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(source))
    except (pypdfium2.PdfiumError, OSError) as exc:
        raise PrintError(str(exc)) from exc
    from sagstal_desktop.io.atomic_write import WriteFailed, atomic_path

    try:
        count = len(pdf)
        wanted = page_range(printer, count)
        chosen = []
        for index in wanted:
            chosen.append(index)
            if progress is not None and not progress(len(chosen), len(wanted)):
                break
        printed = len(chosen)
        out = pypdfium2.PdfDocument.new()
        out.import_pages(pdf, pages=chosen)  # at once: the fonts are copied once
        try:
            with atomic_path(target, suffix=".part") as tmp:  # the one atomic writer
                if printed == count:  # every page: the file itself, with its title and metadata
                    shutil.copyfile(source, tmp)
                else:
                    out.save(tmp)
        finally:
            out.close()
        return printed
    except WriteFailed as exc:
        raise PrintError(f"{target}: {exc.detail}") from exc
    except OSError as exc:
        raise PrintError(f"{target}: {exc.strerror or exc}") from exc
    finally:
        pdf.close()

"""The memo preview: the PDF's pages, rendered as the user scrolls, with zoom, page number,
"Save as PDF…" and "Print…"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.gui.printing.memo_pages import PdfPages
from sagstal_desktop.i18n import _

#: Zoom choices in percent of the page's printed size; 0 = fit the width of the window.
ZOOMS = (0, 50, 75, 100, 125, 150, 200)
SCREEN_DPI = 96.0
PAGE_GAP = 14


class MemoPreviewDialog(QDialog):
    """Shows the memo at ``pdf_path``. ``on_print`` / ``on_save`` are called with the path."""

    def __init__(self, pdf_path: str | Path, parent: QWidget | None = None,
                 on_print: Callable[[Path], None] | None = None,
                 on_save: Callable[[Path], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoPreviewDialog")
        self.setWindowTitle(_("Memo preview"))
        self.pdf_path = Path(pdf_path)
        self.pages = PdfPages(self.pdf_path)
        self._rendered: dict[int, float] = {}  # page -> dpi it was rendered at
        self._on_print, self._on_save = on_print, on_save

        self.zoom = QComboBox()
        self.zoom.setObjectName("zoomCombo")
        for value in ZOOMS:
            self.zoom.addItem(_("Fit width") if value == 0 else f"{value} %", value)
        self.zoom.currentIndexChanged.connect(self._relayout)
        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        save = QPushButton(_("Save as PDF…"))
        save.setObjectName("saveButton")
        save.setEnabled(on_save is not None)
        save.clicked.connect(lambda: self._on_save and self._on_save(self.pdf_path))
        print_button = QPushButton(_("Print…"))
        print_button.setObjectName("printButton")
        print_button.setEnabled(on_print is not None)
        print_button.clicked.connect(lambda: self._on_print and self._on_print(self.pdf_path))
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Zoom:")))
        bar.addWidget(self.zoom)
        bar.addSpacing(12)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        bar.addWidget(save)
        bar.addWidget(print_button)
        bar.addWidget(close)

        self.labels: list[QLabel] = []
        holder = QWidget()
        holder.setObjectName("pageHolder")
        holder.setStyleSheet("#pageHolder { background: #7f8790; }")
        column = QVBoxLayout(holder)
        column.setSpacing(PAGE_GAP)
        column.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        for index in range(len(self.pages)):
            label = QLabel()
            label.setObjectName(f"page{index + 1}")
            label.setStyleSheet("background: white;")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.labels.append(label)
        self.scroll = QScrollArea()
        self.scroll.setAccessibleName(_("Memo pages"))
        self.scroll.setWidget(holder)
        self.scroll.setWidgetResizable(True)
        self.scroll.verticalScrollBar().valueChanged.connect(self._schedule_render)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self, lambda: self._step_zoom(1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self, lambda: self._step_zoom(-1))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self.render_visible)
        from sagstal_desktop.gui.screen_fit import fit_to_screen, remember_size

        fit_to_screen(self, 900, 1000)  # a page's width; the height the screen allows
        self._relayout()
        self.finished.connect(self._release)
        self.finished.connect(lambda _result=0: remember_size(self))

    def _release(self, _result: int = 0) -> None:
        self._timer.stop()
        self._timer.timeout.disconnect(self.render_visible)
        self.pages.close()

    # -- zoom and layout ------------------------------------------------------------------
    def dpi(self) -> float:
        """Rendering resolution for the current zoom (device pixels per inch)."""
        value = self.zoom.currentData()
        ratio = self.devicePixelRatioF()
        if value:
            return SCREEN_DPI * value / 100 * ratio
        width_points = max(self.pages.page_size(i).width() for i in range(len(self.pages))) if len(self.pages) else 595
        room = max(self.scroll.viewport().width() - 2 * PAGE_GAP - 4, 200)
        return room / width_points * 72 * ratio

    def _step_zoom(self, step: int) -> None:
        self.zoom.setCurrentIndex(min(max(self.zoom.currentIndex() + step, 1), self.zoom.count() - 1))

    def _relayout(self) -> None:
        dpi, ratio = self.dpi(), self.devicePixelRatioF()
        for index, label in enumerate(self.labels):
            size = self.pages.page_size(index)
            label.setFixedSize(QSize(round(size.width() * dpi / 72 / ratio), round(size.height() * dpi / 72 / ratio)))
        self._schedule_render()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.zoom.currentData() == 0:
            self._relayout()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._relayout()

    def _schedule_render(self, *_args) -> None:
        self._timer.start()

    # -- rendering ------------------------------------------------------------------------
    def visible_pages(self) -> list[int]:
        top = self.scroll.verticalScrollBar().value()
        bottom = top + self.scroll.viewport().height()
        return [i for i, label in enumerate(self.labels)
                if label.y() + label.height() >= top and label.y() <= bottom]

    def render_visible(self) -> None:
        """Render the pages in view (and one on either side) at the current zoom."""
        dpi, ratio = self.dpi(), self.devicePixelRatioF()
        visible = self.visible_pages() or [0]
        wanted = set(range(max(min(visible) - 1, 0), min(max(visible) + 2, len(self.labels))))
        for index in sorted(wanted):
            if abs(self._rendered.get(index, -1) - dpi) < 0.5:
                continue
            pixmap = QPixmap.fromImage(self.pages.render(index, dpi))
            pixmap.setDevicePixelRatio(ratio)
            self.labels[index].setPixmap(pixmap)
            self._rendered[index] = dpi
        for index in list(self._rendered):  # drop far-away pages to keep memory low
            if index not in wanted and abs(index - min(visible)) > 4:
                self.labels[index].clear()
                del self._rendered[index]
        current = min(visible) + 1 if visible else 1
        self.page_label.setText(_("Page {page} of {pages}").format(page=current, pages=len(self.labels)))

    def rendered_pages(self) -> list[int]:
        return sorted(self._rendered)

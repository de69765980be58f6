"""The memo's page furniture: the footer with "Side x af y" and the running head, drawn once the
page count is known."""

from __future__ import annotations

from sagstal_desktop.report.fonts import REGULAR
from sagstal_desktop.report.memo_style import (
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    RULE,
    mm,
)


def canvas_class(footer_left: str, page_of: str, running_head: str):
    """A canvas that draws the footer with "Side x af y" once the page count is known."""
    from reportlab.lib.colors import HexColor
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            page = self._pageNumber
            grey = HexColor("#666666")
            self.setStrokeColor(HexColor(RULE))
            self.setLineWidth(0.5)
            self.line(MARGIN_X, mm(13), PAGE_W - MARGIN_X, mm(13))
            self.setFillColor(grey)
            self.setFont(REGULAR, 7.5)
            self.drawString(MARGIN_X, mm(9), footer_left)
            self.drawRightString(PAGE_W - MARGIN_X, mm(9), page_of.format(page=page, pages=total))
            if page > 1:
                self.drawString(MARGIN_X, PAGE_H - mm(12), running_head)
                self.line(MARGIN_X, PAGE_H - mm(13.5), PAGE_W - MARGIN_X, PAGE_H - mm(13.5))

    return NumberedCanvas

"""The memo's look: colours, page geometry, paragraph styles (reportlab, imported when a memo
is built) and ``esc`` for text inside paragraph markup."""

from __future__ import annotations

import html

from sagstal_desktop.core.load import Status
from sagstal_desktop.report.fonts import BOLD, COND, COND_BOLD, REGULAR

LEVELS = ("max", "mid", "min")
NAVY = "#1f3a5f"
RULE = "#b8c4d2"
HEAD_BG = "#e6ecf3"
BOX_BG = "#f3f6f9"
ZEBRA = "#f7f9fb"
#: Grey text of the charts (axis labels, notes): 5.7:1 on white, above WCAG AA's 4.5:1.
MUTED_TEXT = "#666666"
STATUS_TEXT = {Status.OVER: "#a93226", Status.WITHIN: "#1e6b43", Status.BELOW: "#2f6497",
               Status.NOT_COMPUTABLE: "#666666", Status.PARTLY_UNMEASURED: "#7d6608", Status.UNMEASURED: "#666666"}


#: Room (points) for a table's header and first rows below its heading (``table_heading``).
TABLE_START_HEIGHT = 80
#: A staff table of at most this many rows is kept on one page with its heading.
KEEP_TABLE_ROWS = 25


def mm(value: float) -> float:
    return value * 72 / 25.4


PAGE_W, PAGE_H = 595.2756, 841.8898  # A4 in points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = mm(18), mm(20), mm(20)
FRAME_W = PAGE_W - 2 * MARGIN_X


class MemoStyles:
    def __init__(self) -> None:
        from reportlab.lib.colors import HexColor
        from reportlab.lib.enums import TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        navy = HexColor(NAVY)
        self.body = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13, spaceAfter=4)
        self.title = ParagraphStyle("title", fontName=BOLD, fontSize=18, leading=22, textColor=navy, spaceAfter=8)
        self.h2 = ParagraphStyle("h2", fontName=BOLD, fontSize=12.5, leading=16, textColor=navy,
                                 spaceBefore=12, spaceAfter=5, keepWithNext=1)
        self.h3 = ParagraphStyle("h3", fontName=BOLD, fontSize=10, leading=13, textColor=navy,
                                 spaceBefore=8, spaceAfter=3, keepWithNext=1)
        self.small = ParagraphStyle("small", fontName=REGULAR, fontSize=7.5, leading=9.5,
                                    textColor=HexColor("#555555"), spaceBefore=2, spaceAfter=4)
        self.cell = ParagraphStyle("cell", fontName=COND, fontSize=8.3, leading=10)
        self.cell_bold = ParagraphStyle("cellb", parent=self.cell, fontName=COND_BOLD)
        self.box = ParagraphStyle("box", fontName=REGULAR, fontSize=8.5, leading=10.5)
        self.box_bold = ParagraphStyle("boxb", parent=self.box, fontName=BOLD)
        self.head = ParagraphStyle("head", fontName=COND_BOLD, fontSize=7.4, leading=8.7, textColor=navy)
        self.head_r = ParagraphStyle("headr", parent=self.head, alignment=TA_RIGHT)
        self.info_label = ParagraphStyle("il", fontName=REGULAR, fontSize=8.5, leading=11,
                                         textColor=HexColor("#555555"))
        self.info = ParagraphStyle("iv", fontName=BOLD, fontSize=9, leading=11.5)
        self.after_table = ParagraphStyle("after", parent=self.body, spaceBefore=6)
        self.bullet = ParagraphStyle("bullet", parent=self.body, leftIndent=11, bulletIndent=0, spaceAfter=3)
        self.source = ParagraphStyle("source", fontName=REGULAR, fontSize=8.3, leading=10.8, leftIndent=18,
                                     firstLineIndent=-18, spaceAfter=3)
        for style in vars(self).values():  # bullets too in the embedded font (reportlab's default is Helvetica)
            style.bulletFontName = REGULAR


def esc(text: str) -> str:
    """``text`` safe inside a paragraph's markup: ``&``, ``<`` and ``>`` escaped (the stdlib's
    ``html.escape``, not ``xml.sax.saxutils.escape``, whose import pulls in urllib, ssl and email)."""
    return html.escape(text, quote=False)

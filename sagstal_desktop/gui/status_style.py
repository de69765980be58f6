"""Colours for a person's status, and its labels through core.wording, shared by the table, chart and legend.

Colours are never the only cue: every place that colours by status also shows the status text.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from sagstal_desktop.core.load import Status
from sagstal_desktop.core.wording import gui_phrase, kind_of, status_explanation, status_label

#: Light cell backgrounds (dark text stays readable on them) and strong bar colours.
_BACKGROUND = {
    Status.BELOW: "#dbe8f7",
    Status.WITHIN: "#d5ecd9",
    Status.OVER: "#f6d0cc",
    Status.NOT_COMPUTABLE: "#e4e4e4",
    Status.PARTLY_UNMEASURED: "#f3e7b8",
    Status.UNMEASURED: "#ececec",
}
#: Chosen so that every two stay apart (CIEDE2000 at least 12) also as seen with protanopia and
#: deuteranopia (Machado et al. 2009), and so that the bars of the three main statuses stand out
#: from a white chart (contrast at least 3:1, WCAG 1.4.11); tests/test_colours.py checks both.
_BAR = {
    Status.BELOW: "#4a7fc1",
    Status.WITHIN: "#38a169",
    Status.OVER: "#b03a2e",
    Status.NOT_COMPUTABLE: "#7a7a7a",
    Status.PARTLY_UNMEASURED: "#d4a72c",
    Status.UNMEASURED: "#bdbdbd",
}
TEXT_COLOUR = "#1a1a1a"

ORDER = (Status.OVER, Status.WITHIN, Status.BELOW, Status.NOT_COMPUTABLE)
#: Shown in the legend only while someone has them.
UNMEASURED_ORDER = (Status.PARTLY_UNMEASURED, Status.UNMEASURED)
_UNMEASURED = frozenset(UNMEASURED_ORDER)


def _lang() -> str:
    from sagstal_desktop.gui.qt_language import current_language

    return current_language()


def measure_text(ds_text: str, key: str, norm_set=None, lang: str | None = None) -> str:
    """``ds_text`` (the translated DS wording) while the chosen set is one of DS's; for the 2015
    survey set or an own set the set's own words from ``core.wording`` (``gui_phrase(key)``)."""
    if kind_of(norm_set) == "ds" or norm_set is None:
        return ds_text
    return gui_phrase(key, norm_set, lang or _lang())


def background(status: Status) -> QColor:
    return QColor(_BACKGROUND[status])


def bar_hex(status: Status) -> str:
    return _BAR[status]


#: Side of the status marker before a name, in pixels (drawn also at twice the size for sharp
#: screens scaled 200 %).
MARKER_PX = 10


@cache
def marker(status: Status) -> QIcon:
    """A small rounded square in the status's bar colour, shown before each name in the staff
    table, so the status is seen without scrolling right to the Status column (the name's
    tooltip says it in words)."""
    icon = QIcon()
    for scale in (1, 2):
        side = MARKER_PX * scale
        pixmap = QPixmap(side, side)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(bar_hex(status)).darker(120))
        painter.setBrush(QColor(bar_hex(status)))
        inset = scale
        painter.drawRoundedRect(QRectF(inset, inset, side - 2 * inset, side - 2 * inset), 2 * scale, 2 * scale)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def label(status: Status, norm_set=None, lang: str | None = None) -> str:
    """The status as worded everywhere (``core.wording.status_label``), named by the chosen set's
    kind: "Over DS max" for DS's sets, "Over the set's max" for others."""
    return status_label(status, lang or _lang(), "ds" if norm_set is None else norm_set)


def explanation(status: Status, norm_set=None, lang: str | None = None) -> str:
    """One sentence for the legend's tooltip."""
    return status_explanation(status, "ds" if norm_set is None else norm_set, lang or _lang())

"""Colours and (through core.status_labels) the labels for a person's status, shared by the table, chart and legend.

Colours are never the only cue: every place that colours by status also shows the status text.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from sagstal_desktop.core.load import Status
from sagstal_desktop.core.status_labels import status_explanation, status_label

#: Light cell backgrounds (dark text stays readable on them) and strong bar colours.
_BACKGROUND = {
    Status.BELOW: "#dbe8f7",
    Status.WITHIN: "#d5ecd9",
    Status.OVER: "#f6d0cc",
    Status.NOT_COMPUTABLE: "#e4e4e4",
}
_BAR = {
    Status.BELOW: "#4a7fc1",
    Status.WITHIN: "#3a8f55",
    Status.OVER: "#c2412f",
    Status.NOT_COMPUTABLE: "#8c8c8c",
}
TEXT_COLOUR = "#1a1a1a"

ORDER = (Status.OVER, Status.WITHIN, Status.BELOW, Status.NOT_COMPUTABLE)


def background(status: Status) -> QColor:
    return QColor(_BACKGROUND[status])


def bar_colour(status: Status) -> QColor:
    return QColor(_BAR[status])


def bar_hex(status: Status) -> str:
    return _BAR[status]


def label(status: Status) -> str:
    """The status in the window's language, worded as everywhere else (``core.status_labels``)."""
    return status_label(status)


def explanation(status: Status) -> str:
    """One sentence for the legend's tooltip."""
    return status_explanation(status)

"""Colours and translated labels for a person's status, shared by the table, chart and legend.

Colours are never the only cue: every place that colours by status also shows the status text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from sagstal_desktop.core.load import Status

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

translate = QCoreApplication.translate

ORDER = (Status.OVER, Status.WITHIN, Status.BELOW, Status.NOT_COMPUTABLE)


def background(status: Status) -> QColor:
    return QColor(_BACKGROUND[status])


def bar_hex(status: Status) -> str:
    return _BAR[status]


def label(status: Status) -> str:
    """The status as a short translated text, e.g. "Over DS max"."""
    return {
        Status.BELOW: translate("Status", "Below DS range"),
        Status.WITHIN: translate("Status", "Within DS range"),
        Status.OVER: translate("Status", "Over DS max"),
        Status.NOT_COMPUTABLE: translate("Status", "Not computable"),
    }[status]


def explanation(status: Status) -> str:
    """One sentence for the legend's tooltip."""
    return {
        Status.BELOW: translate("Status", "Fewer cases than DS's minimum for the person's casework hours."),
        Status.WITHIN: translate("Status", "Between DS's minimum and maximum (100 % = exactly DS max)."),
        Status.OVER: translate("Status", "More cases than DS's maximum for the person's casework hours."),
        Status.NOT_COMPUTABLE: translate("Status", "No casework hours, so no load can be computed."),
    }[status]

"""The history table: one row per snapshot (date order) with its recorded key figures.

Each row also knows the snapshot's position in ``team.snapshots`` (``position(row)``), which is
what the history dialog deletes or relabels.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from sagstal_desktop.core.formatting import format_date, format_number
from sagstal_desktop.core.history import ordered_positions
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.trend import TrendRow, trend_rows
from sagstal_desktop.i18n import _

#: Column keys in display order.
COLUMNS = ("date", "label", "norm_set", "staff", "cases", "available_fte", "fte_needed_max", "fte_needed_min",
           "shortfall_max", "over_count", "average_fte_caseload")
_NUMERIC = set(COLUMNS[3:])
_ParentIndex = QModelIndex | QPersistentModelIndex


def _headers() -> dict[str, str]:
    return {
        "date": _("Date"),
        "label": _("Label"),
        "norm_set": _("Norm set"),
        "staff": _("Staff"),
        "cases": _("Cases"),
        "available_fte": _("Available casework FTE"),
        "fte_needed_max": _("FTE needed at max"),
        "fte_needed_min": _("FTE needed at min"),
        "shortfall_max": _("Shortfall at max"),
        "over_count": _("Over max"),
        "average_fte_caseload": _("Avg. full-time caseload"),
    }


def _tips() -> dict[str, str]:
    return {
        "shortfall_max": _("FTE needed at the norm set's max minus available casework FTE; "
                                                      "negative is a surplus."),
        "average_fte_caseload": _("The team's cases × 37 / casework hours."),
    }


class TrendTableModel(QAbstractTableModel):
    """Read-only rows of ``core.trend.trend_rows`` for a team."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[TrendRow] = []
        self._positions: list[int] = []
        self._lang = "da"
        self._team: Team | None = None
        self._unweighted: dict[int, dict[str, float | int | None]] = {}  # row -> figures without case weight

    def set_team(self, team: Team, lang: str = "da") -> None:
        self.beginResetModel()
        self._rows = trend_rows(team)
        self._positions = ordered_positions(team)
        self._lang = lang
        self._team, self._unweighted = team, {}
        self.endResetModel()

    def unweighted(self, row: int) -> dict[str, float | int | None] | None:
        """A case-weighted snapshot's figures recomputed without case weight from its recorded
        inputs ("fte_needed_max", "fte_needed_min", "shortfall_max", "over_count"); None for a
        snapshot measured without case weight or holding figures only."""
        if not self._rows[row].weighting or self._team is None:
            return None
        if row not in self._unweighted:
            import dataclasses

            from sagstal_desktop.core.case_weight import OFF
            from sagstal_desktop.core.history import snapshot_norm_set, snapshot_team
            from sagstal_desktop.core.load import summarize

            snapshot = self._team.snapshots[self._positions[row]]
            team = snapshot_team(snapshot)
            if team is None:
                return None
            team.settings = dataclasses.replace(team.settings, weighting=OFF)
            norm_set = snapshot_norm_set(snapshot, self._team.custom_norm_sets) or team.norm_set()
            summary = summarize(team, self._rows[row].date, norm_set)
            self._unweighted[row] = {"fte_needed_max": summary.fte_needed_max,
                                     "fte_needed_min": summary.fte_needed_min,
                                     "shortfall_max": summary.fte_needed_max - summary.available_fte,
                                     "over_count": summary.over_count}
        return self._unweighted[row]

    def rows(self) -> list[TrendRow]:
        return list(self._rows)

    def position(self, row: int) -> int:
        """The snapshot's position in ``team.snapshots``."""
        return self._positions[row]

    def rowCount(self, parent: _ParentIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ParentIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        key = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _headers()[key]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tips().get(key)
        return None

    def text(self, row: int, key: str) -> str:
        """What a cell shows."""
        r, lang = self._rows[row], self._lang
        if key == "date":
            return format_date(r.date, lang)
        if key == "label":
            return r.label
        if key == "norm_set":  # a case-weighted snapshot says so (its figures are weighted)
            return _("{name} · weighted").format(name=r.norm_set_name(lang)) if r.weighting else r.norm_set_name(lang)
        if key in ("staff", "cases", "over_count"):
            value = getattr(r, key)
            return "–" if value is None else str(value)
        if key == "shortfall_max":
            return format_number(r.shortfall_max, 1, lang)
        return format_number(getattr(r, key), 1, lang)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and key == "shortfall_max" and row.shortfall_max > 0:
            return QColor("#a93226")
        if (role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole) and row.weighting
                and key in ("norm_set", "fte_needed_max", "fte_needed_min", "shortfall_max", "over_count")):
            plain = self.unweighted(index.row())
            if key == "norm_set" or plain is None:
                return _("Measured with case weight: the figures are case-weighted.")
            value = plain[key]
            shown = str(value) if key == "over_count" else format_number(value, 1, self._lang)
            return _("Case-weighted: {weighted}; unweighted: {unweighted}.").format(
                weighted=self.text(index.row(), key), unweighted=shown)
        if role == Qt.ItemDataRole.ToolTipRole and row.origin == "table":
            return _("The team's own figures from a spreadsheet (not computed by Sagstal).")
        return None

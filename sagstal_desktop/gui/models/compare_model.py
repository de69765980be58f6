"""The comparison table in the window: the team figures (a row each) and every person's load in
each variant, one column per variant. The rows come from ``io.compare_table``'s pandas tables
(pandas is imported when the comparison is first shown); the figures are core's."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from sagstal_desktop.core.comparison import FIGURE_KEYS, Comparison
from sagstal_desktop.core.formatting import format_dkk, format_number
from sagstal_desktop.i18n import _

_WHOLE = ("over_count", "cases_without_caseworker", "absent_count")


class CompareTableModel(QAbstractTableModel):
    """Column 0: what the row is; then one column per variant (the current team first)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: tuple[str, ...] = ()
        self._rows: list[tuple[str, str, list[Any]]] = []  # (kind, label, values); kind: a figure key, "load", "head"
        self._lang = "da"
        self._comparison: Comparison | None = None
        self._load_ids: list[str] = []  # the member id of each "load" row, in order

    def set_comparison(self, comparison: Comparison, lang: str = "da") -> None:
        from sagstal_desktop.io.compare_table import figures_frame, persons_frame

        self.beginResetModel()
        self._lang, self._names = lang, comparison.names
        self._comparison = comparison
        figures, persons = figures_frame(comparison), persons_frame(comparison, lang)
        self._rows = [(key, label, list(figures.loc[label])) for key, label in zip(FIGURE_KEYS, figures.index,
                                                                                  strict=True)]
        self._rows.append(("head", comparison.labels["load"], [""] * len(self._names)))
        self._rows += [("load", str(name), [None if v != v else v for v in persons.loc[name]])
                       for name in persons.index]
        self._load_ids = ([p.member_id for p in comparison.persons] if len(comparison.persons) == len(persons.index)
                          else [])
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._names)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return "" if section == 0 else self._names[section - 1]
        return None

    def text(self, row: int, column: int) -> str:
        kind, label, values = self._rows[row]
        if column == 0:
            return label
        value = values[column - 1]
        if kind == "head" or isinstance(value, str):
            return value or ""
        if kind == "load":
            return "–" if value is None else f"{format_number(value, 0, self._lang)} %"
        if kind == "yearly_cost":
            return format_dkk(value, self._lang)
        if kind in _WHOLE:
            return str(value)
        return format_number(value, 1 if kind == "average_fte_caseload" else 2, self._lang)

    def unweighted(self, row: int, column: int) -> str | None:
        """With case weight on in the column's variant: the row's figure without case weight
        ("FTE needed", "staff over", a person's load), as shown; else None."""
        kind = self._rows[row][0]
        if self._comparison is None or column < 1 or kind not in (
                "fte_needed_max", "fte_needed_mid", "fte_needed_min", "over_count", "load"):
            return None
        summary = self._comparison.results[column - 1].summary
        if not summary.weighted:
            return None
        if kind == "over_count":
            return str(summary.over_count_unweighted)
        if kind != "load":
            return format_number(summary.fte_needed_unweighted(kind.removeprefix("fte_needed_")), 2, self._lang)
        first_load = next(i for i, r in enumerate(self._rows) if r[0] == "load")
        if not self._load_ids:
            return None
        member_id = self._load_ids[row - first_load]
        persons = summary.persons
        loads = dict(zip(persons.column("member_id"), persons.column("load_max_unweighted"), strict=True))
        value = loads.get(member_id)
        return "–" if value is None else f"{format_number(value * 100, 0, self._lang)} %"

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            plain = self.unweighted(index.row(), index.column())
            if plain is not None:
                return _("Case-weighted: {weighted}; unweighted: {unweighted}.").format(
                    weighted=self.text(index.row(), index.column()), unweighted=plain)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self._rows[index.row()][0] in ("head", "fte_needed_max",
                                                                                 "shortfall_fte"):
            font = QFont()
            font.setBold(True)
            return font
        return None

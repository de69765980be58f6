"""The department view's table (issue 26): one row per team (``core.department_view``'s rows,
the figures of ``department_json``), and the total, which stays last however the table is
sorted (``DepartmentSortProxy``).

``SORT_ROLE`` gives each cell's unrounded value (numbers sort as numbers); ``ROW_ROLE`` the
``OverviewRow``; ``TOTAL_ROLE`` is True on the total row.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont

from sagstal_desktop.core.department import Department
from sagstal_desktop.core.department_view import OverviewRow, overview_rows, total_row
from sagstal_desktop.core.formatting import format_number, format_percent
from sagstal_desktop.core.wording import format_load
from sagstal_desktop.gui.models.staff_model import wrap_header
from sagstal_desktop.i18n import N_, NP_, ptr, tr

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
TOTAL_ROLE = Qt.ItemDataRole.UserRole + 3

#: Column keys in display order (titles: ``io.department_export.COLUMNS``, the workbook's).
COLUMNS = ("team", "staff", "cases", "available", "need_max", "need_mid", "need_min", "short_max", "load", "over",
           "within", "free_fte", "free_cases", "sustained")
#: Columns hidden in the view until chosen under "Columns" (secondary: the shortfall is at max).
HIDDEN_COLUMNS = ("need_mid", "need_min")
#: The headers shown: the memo tables' short forms (the full title, the workbook's, is the tip).
HEADS = {
    "team": NP_("memo table", "Team"), "staff": NP_("memo table", "Staff"), "cases": NP_("memo table", "Cases"),
    "available": NP_("memo table", "Casework FTE"), "need_max": NP_("memo table", "FTE at max"),
    "need_mid": NP_("memo table", "FTE at mid"), "need_min": NP_("memo table", "FTE at min"),
    "short_max": NP_("memo table", "Shortfall at max"), "load": NP_("memo table", "Load"),
    "over": NP_("memo table", "Over max"), "within": NP_("memo table", "Within max"),
    "free_fte": NP_("memo table", "Free FTE"), "free_cases": NP_("memo table", "Free cases"),
    "sustained": NP_("memo table", "Sustained overload"),
}
#: Heads longer than this many characters go on two lines (split at the space nearest the middle).
HEAD_WRAP = 8
_TEXTS = {"total": N_("Total"), "copy": N_("(copy)"), "open": N_("(open for editing)"), "yes": N_("yes"),
          "no": N_("no"), "n_of": N_("{n} of {all}")}
_ParentIndex = QModelIndex | QPersistentModelIndex


def cell_value(row: OverviewRow, key: str) -> float | int | str | None:
    """The cell's unrounded value (what the table sorts by)."""
    return {
        "team": row.name, "staff": row.staff, "cases": row.cases, "available": row.available_fte,
        "need_max": row.fte_needed["max"], "need_mid": row.fte_needed["mid"], "need_min": row.fte_needed["min"],
        "short_max": row.shortfall_fte["max"], "load": row.load_max, "over": row.over_count,
        "within": row.share_within_max, "free_fte": row.free_fte, "free_cases": row.free_cases,
        "sustained": row.sustained_teams,
    }[key]


class DepartmentTableModel(QAbstractTableModel):
    """Read-only rows of a department: the teams (or anonymised), then the total."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[OverviewRow] = []
        self._titles: dict[str, str] = {}
        self._lang = "da"

    def set_department(self, department: Department, lang: str, anonymise: bool = False) -> None:
        from sagstal_desktop.io.department_export import titles

        self.beginResetModel()
        self._lang = lang
        self._titles = titles(department, lang)
        self._rows = [*overview_rows(department, anonymise, lang), total_row(department, tr(_TEXTS["total"], lang))]
        self.endResetModel()

    def full_title(self, key: str, lang: str) -> str:
        """The column's full title (the workbook's), for the column chooser."""
        return self._titles.get(key) or ptr("memo table", HEADS[key], lang)

    def rows(self) -> list[OverviewRow]:
        """Every row shown, the total last."""
        return list(self._rows)

    def rowCount(self, parent: _ParentIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ParentIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:  # two lines, so 14 columns fit a 1180-wide view
            return wrap_header(ptr("memo table", HEADS[COLUMNS[section]], self._lang), HEAD_WRAP)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._titles.get(COLUMNS[section], "")
        return None

    def text(self, row: OverviewRow, key: str) -> str:
        """The cell as shown."""
        lang = self._lang
        total = row is self._rows[-1]
        if key == "team":
            marks = [] if row.counted else [tr(_TEXTS["copy"], lang)]
            if row.open_for_editing:
                marks.append(tr(_TEXTS["open"], lang))
            return " ".join([row.name, *marks])
        if key == "sustained":
            if row.merged or total:
                return tr(_TEXTS["n_of"], lang).format(n=row.sustained_teams, all=row.teams)
            return tr(_TEXTS["yes" if row.sustained_teams else "no"], lang)
        value = cell_value(row, key)
        if key == "load":
            return format_load(row.load_max, lang)
        if key == "within":
            return format_percent(row.share_within_max, 0, lang)
        if key == "free_cases":
            return format_number(row.free_cases, 0, lang)
        return format_number(value, 0 if isinstance(value, int) else 2, lang)

    def data(self, index: _ParentIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()]
        total = index.row() == len(self._rows) - 1
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == SORT_ROLE:
            value = cell_value(row, key)
            return -1.0 if value is None else value
        if role == ROW_ROLE:
            return row
        if role == TOTAL_ROLE:
            return total
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignLeft if key == "team" else Qt.AlignmentFlag.AlignRight
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and key == "team" and row.file:
            return row.file
        return None


class DepartmentSortProxy(QSortFilterProxyModel):
    """Sorts the teams by ``SORT_ROLE``; the total stays last in either order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left, right) -> bool:
        model = self.sourceModel()
        left_total, right_total = model.data(left, TOTAL_ROLE), model.data(right, TOTAL_ROLE)
        if left_total or right_total:
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return right_total if ascending else left_total
        a, b = model.data(left, SORT_ROLE), model.data(right, SORT_ROLE)
        if isinstance(a, str) or isinstance(b, str):
            return str(a).casefold() < str(b).casefold()
        return a < b

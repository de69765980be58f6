"""Table models of the planning dialog: the new cases to distribute per case type (editable),
every person's load before and after a proposal (sorted by load after, highest first), and the
rebalancing trade-off (K moved cases at most -> highest load, staff over the maximum)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.core.norms import NormSet, case_type_name
from sagstal_desktop.core.planning.result import PersonChange, TradeoffPoint
from sagstal_desktop.core.validation import InputError, parse_count
from sagstal_desktop.core.wording import fill, format_load
from sagstal_desktop.i18n import _

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class IncomingModel(QAbstractTableModel):
    """Case type | new cases (a whole number >= 0, typed in)."""

    def __init__(self, case_types: Sequence[str], lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._types = list(case_types)
        self._lang = lang
        self._counts = dict.fromkeys(self._types, 0)

    def incoming(self) -> dict[str, int]:
        """Case type -> new cases, the types with at least one."""
        return {t: n for t, n in self._counts.items() if n}

    def set_count(self, case_type: str, count: int) -> None:
        row = self._types.index(case_type)
        self.setData(self.index(row, 1), count)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._types)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Case type"), _("New cases"))[section]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case_type = self._types[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return case_type_name(case_type, self._lang) if index.column() == 0 else self._counts[case_type]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return _RIGHT
        return None

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 1 or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            count = parse_count(value)  # the one parser of a typed count, as in the staff table
        except InputError:
            return False
        self._counts[self._types[index.row()]] = count
        self.dataChanged.emit(index, index)
        return True


class LoadChangeModel(QAbstractTableModel):
    """Name | load before | load after, highest load after first."""

    def __init__(self, norm_set: NormSet, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._norm_set, self._lang = norm_set, lang
        self._persons: list[PersonChange] = []
        self._unweighted: dict[str, tuple[float | None, float | None]] | None = None

    def set_persons(self, persons: Sequence[PersonChange],
                    unweighted: dict[str, tuple[float | None, float | None]] | None = None) -> None:
        """``unweighted``: with case weight on, member id -> unweighted load (before, after)."""
        self.beginResetModel()
        self._unweighted = unweighted
        self._persons = sorted(persons, key=lambda p: (-(p.load_after if p.load_after is not None else -1.0),
                                                       p.name.casefold()))
        self.endResetModel()

    def persons(self) -> list[PersonChange]:
        return list(self._persons)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._persons)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (_("Name"), _("Before\n(<load>)"),
                  _("After\n(<load>)"))
        title = fill(titles[section], self._norm_set, self._lang)
        if section and self._unweighted is not None:  # "Efter, vægtet" over "(% af DS' maks.)"
            first, _sep, rest = title.partition("\n")
            title = "\n".join(filter(None, (_("{title}, weighted").format(title=first), rest)))
        return title

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self._persons[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return person.name
            return format_load(person.load_before if index.column() == 1 else person.load_after, self._lang, 1)
        if (role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole) and index.column()
                and self._unweighted is not None and person.member_id in self._unweighted):
            before, after = self._unweighted[person.member_id]
            return _("Weighted: {weighted}; unweighted: {unweighted}.").format(
                weighted=format_load(person.load_before if index.column() == 1 else person.load_after, self._lang, 1),
                unweighted=format_load(before if index.column() == 1 else after, self._lang, 1))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column():
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and index.column() == 2 and person.load_after != person.load_before:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None


class TradeoffModel(QAbstractTableModel):
    """At most K moved cases | highest load | staff over the maximum | moves the plan needs."""

    def __init__(self, norm_set: NormSet, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._norm_set, self._lang = norm_set, lang
        self._points: list[TradeoffPoint] = []

    def set_points(self, points: Sequence[TradeoffPoint]) -> None:
        self.beginResetModel()
        self._points = list(points)
        self.endResetModel()

    def points(self) -> list[TradeoffPoint]:
        return list(self._points)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._points)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (_("Moves\n(at most)"),
                  _("Highest\nload"), _("Staff over\n<max>"))
        return fill(titles[section], self._norm_set, self._lang)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        point = self._points[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return format_number(point.max_moves, 0, self._lang)
            if index.column() == 1:
                return format_load(point.max_load, self._lang, 1)
            return format_number(point.over_count, 0, self._lang)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        return None

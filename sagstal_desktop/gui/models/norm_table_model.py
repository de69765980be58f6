"""Table model of one norm set's case types: area, case type, min, max (editable), base range, source.

Edits are parsed with ``core.validation`` (Danish notation: "37,5") and checked 0 < min <= max. A
refused edit leaves the set unchanged and emits ``edit_refused`` with a message that names the case
type, the column and the value; an accepted edit replaces the set and emits ``norm_set_changed``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from sagstal_desktop.core.formatting import format_number, format_range
from sagstal_desktop.core.norms import NormError, NormSet, TypeNorm, case_type_name, find_norm_set
from sagstal_desktop.core.own_norm_sets import LOCAL_DOCUMENT, with_range
from sagstal_desktop.core.sources import Source, documents
from sagstal_desktop.core.validation import InputError, parse_number
from sagstal_desktop.i18n import _

COL_AREA, COL_TYPE, COL_MIN, COL_MAX, COL_BASE, COL_SOURCE = range(6)
_OWN_FIGURE = QColor("#fff4d6")

Index = QModelIndex | QPersistentModelIndex


def _figure(value: float, lang: str) -> str:
    return format_number(value, 0 if float(value).is_integer() else 1, lang)


def _short_cite(source: Source, lang: str) -> str:
    """A citation without the publisher's name in front (the tooltip shows the full one)."""
    if source.document == LOCAL_DOCUMENT and source.section:
        return source.section  # the user's own note on where the figure comes from
    doc = documents().get(source.document)
    if doc is None:
        return source.cite(lang)
    title = doc.title(lang)
    if doc.publisher and ": " in title:  # "Publisher: Title" -> "Title"
        title = title.split(": ", 1)[1]
    return f"{title}, {source.section}" if source.section else title


class NormTableModel(QAbstractTableModel):
    """The case types of one norm set, with min and max editable."""

    norm_set_changed = Signal(object)  # the new NormSet
    edit_refused = Signal(str)  # a translated message

    def __init__(self, lang: str = "da", parent=None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._set: NormSet | None = None
        self._rows: tuple[TypeNorm, ...] = ()
        self._base: NormSet | None = None

    # -- content ------------------------------------------------------------------------
    def set_norm_set(self, norm_set: NormSet | None) -> None:
        self.beginResetModel()
        self._set = norm_set
        self._rows = norm_set.type_norms if norm_set else ()
        self._base = None
        if norm_set is not None and norm_set.based_on:
            try:
                self._base = find_norm_set(norm_set.based_on)
            except KeyError:
                self._base = None
        self.endResetModel()

    def norm_set(self) -> NormSet | None:
        return self._set

    def row_of(self, case_type: str) -> int:
        for row, norm in enumerate(self._rows):
            if norm.case_type == case_type:
                return row
        raise KeyError(case_type)

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = (_("Area"), _("Case type"), _("Min"), _("Max"),
                      _("Built-in range"), _("Source"))
            return titles[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return {
                COL_MIN: _("Fewest cases of only this type for one full-time caseworker"),
                COL_MAX: _("Most cases of only this type for one full-time caseworker"),
                COL_BASE: _("The range in the built-in set this set was copied from"),
            }.get(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (COL_MIN, COL_MAX):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._set is None:
            return None
        norm = self._rows[index.row()]
        col = index.column()
        own = norm.source is not None and norm.source.document == LOCAL_DOCUMENT
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == COL_AREA:
                return self._set.group(norm.group_id).name(self._lang)
            if col == COL_TYPE:
                return case_type_name(norm.case_type, self._lang)
            if col == COL_MIN:
                return _figure(norm.min, self._lang)
            if col == COL_MAX:
                return _figure(norm.max, self._lang)
            if col == COL_BASE:
                base = self._base.norm_for(norm.case_type) if self._base else None
                return format_range(base.min, base.max, self._lang) if base else "–"
            if col == COL_SOURCE:
                return _short_cite(norm.source, self._lang) if norm.source else "–"
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_MIN, COL_MAX, COL_BASE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and own and col in (COL_MIN, COL_MAX):
            return QBrush(_OWN_FIGURE)
        if role == Qt.ItemDataRole.FontRole and own and col in (COL_MIN, COL_MAX):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_SOURCE:
            return norm.source.cite(self._lang) if norm.source else None
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_AREA, COL_TYPE):
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self._set is None or index.column() not in (COL_MIN, COL_MAX):
            return False
        norm = self._rows[index.row()]
        column = _("Min") if index.column() == COL_MIN else _("Max")
        type_name = case_type_name(norm.case_type, self._lang)
        try:
            number = parse_number(value)
        except InputError as exc:
            self.edit_refused.emit(
                _("{type}, column {column}: {problem}").format(
                    type=type_name, column=column, problem=exc.message(self._lang))
            )
            return False
        low, high = (number, norm.max) if index.column() == COL_MIN else (norm.min, number)
        if not 0 < low <= high:
            self.edit_refused.emit(
                _("{type}, column {column}: \"{value}\" is not allowed. The minimum must be above 0 "
                        "and not above the maximum (min {low}, max {high}).").format(
                    type=type_name, column=column, value=str(value).strip(),
                    low=_figure(low, self._lang), high=_figure(high, self._lang))
            )
            return False
        if low == norm.min and high == norm.max:
            return True
        try:
            updated = with_range(self._set, norm.case_type, low, high)
        except NormError as exc:  # pragma: no cover - the range was checked above
            self.edit_refused.emit(str(exc))
            return False
        self._set = updated
        self._rows = updated.type_norms
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.norm_set_changed.emit(updated)
        return True

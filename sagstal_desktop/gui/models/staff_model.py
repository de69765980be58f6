"""The staff table: one row per staff member, editable inputs and computed load columns.

Columns: ``COL_NAME``, ``COL_HOURS``, ``COL_OTHER_HOURS``, ``COL_START``, then one column per
case type (in the chosen norm set's order, grouped by area: the types the team holds cases of,
or every type of the set with ``set_show_all_case_types``), then the computed columns
``COMPUTED`` (``column_of("load")`` etc.), and last the read-only ``competence_column()`` (what
the person may take, "Alle" by default, and the mark "tager ikke nye sager"; edited in the
competences dialog, ``gui/handlers/planning.py``). Edits are validated with ``core.validation`` and
pushed as undoable document edits; a refused value emits ``input_refused`` with a message
naming the person, the column and the value, and changes nothing.

While a scenario is open the table shows it computed (``Document.variant_result``): a person absent
on the date has the status of the absence ("Sygefravær", greyed), and a count the computation
changed (the absent's cases handed to colleagues, cases an added position takes) reads
"38 + 6" / "30 − 30" (entered, then the change), with a tooltip; the total and load columns are
the computed ones. Editing a count edits the entered figure.

The model follows the document's ``changed`` signal: an edit of one person's cell repaints that
cell and the person's computed columns only (``dataChanged`` for that row); a settings or norm-set
change repaints every row; added or removed people, or a different set of columns, reset the model.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor

from sagstal_desktop.core.cell_input import parse_cell
from sagstal_desktop.core.change import Change, case_type_of
from sagstal_desktop.core.formatting import format_date, format_number, format_percent, format_range
from sagstal_desktop.core.load import PersonResult, Status
from sagstal_desktop.core.model import StaffMember
from sagstal_desktop.core.norms import NormSet, case_type_name
from sagstal_desktop.core.operations import current_value
from sagstal_desktop.core.validation import InputError, future_start, future_start_note
from sagstal_desktop.core.wording import format_load, gui_phrase
from sagstal_desktop.gui import status_style
from sagstal_desktop.gui.commands import COMPETENCE_COLUMNS
from sagstal_desktop.gui.team_document import Document
from sagstal_desktop.i18n import _, ngettext

COL_NAME, COL_HOURS, COL_OTHER_HOURS, COL_START = range(4)
FIXED_COLUMNS = 4
COMPUTED = ("fte", "total", "fte_caseload", "load", "status")
#: The computed columns while the team's case weight is on (issue 27): the status follows the
#: weighted load and stands right after it, so it stays in sight in a 1280-wide window; the
#: unweighted load ("Belastning uvægtet"), for comparison only, comes last.
COMPUTED_WEIGHTED = ("fte", "total", "fte_caseload", "load", "status", "load_unweighted")
_FIELD_OF = {COL_NAME: "name", COL_HOURS: "weekly_hours", COL_OTHER_HOURS: "other_hours", COL_START: "start_date"}
#: The columns showing (in text or tooltip) each member field.
_COLUMNS_OF_FIELD = {"name": (COL_NAME,), "weekly_hours": (COL_HOURS,), "other_hours": (COL_OTHER_HOURS,),
                     "other_tasks": (COL_NAME, COL_OTHER_HOURS), "start_date": (COL_NAME, COL_START),
                     "note": (COL_NAME,), "reductions": (COL_OTHER_HOURS,)}
_STATUS_RANK = {Status.NOT_COMPUTABLE: -1, Status.UNMEASURED: -0.5, Status.BELOW: 0, Status.PARTLY_UNMEASURED: 0.5,
                Status.WITHIN: 1, Status.OVER: 2}

#: Role with a plain sortable value for every cell (numbers, dates as ordinals, names folded).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role with the raw ``Status`` of a row (any column).
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
#: Colours of a cell whose typed value was refused (kept visible until corrected or Esc).
REFUSED_BACKGROUND, REFUSED_TEXT, REFUSED_BORDER = "#fde2e2", "#8b0000", "#c62828"
#: Role with the member id of a row (any column).
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 3
#: The roles ``data`` answers (every other role is None at once).
_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.DecorationRole, SORT_ROLE, STATUS_ROLE, MEMBER_ID_ROLE,
    Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.AccessibleDescriptionRole,
})




def fixed_title(column: int) -> str:
    return {
        COL_NAME: _("Name"),
        COL_HOURS: _("Weekly hours"),
        COL_OTHER_HOURS: _("Hours on other tasks"),
        COL_START: _("Start date"),
    }[column]


def computed_title(key: str) -> str:
    return {
        "fte": _("Casework FTE"),
        "total": _("Total cases"),
        "fte_caseload": _("Full-time caseload"),
        "load": _("Load % of DS max"),
        "load_unweighted": _("Load unweighted"),
        "status": _("Status"),
    }[key]


def computed_tooltip(key: str, full_time_hours: float, lang: str) -> str:
    text = {
        "fte": _(
                         "Casework capacity: (weekly hours − hours on other tasks) / {fth}, reduced for newcomers."),
        "total": _("All cases the person holds."),
        "fte_caseload": _("Full-time-equivalent caseload: total cases × {fth} / casework hours."),
        "load": _(
                          "Weighted load: Σ cases / DS max of their type / casework FTE. 100 % = exactly DS max."),
        "load_unweighted": _("The load with every case counted alike (no case weight): Σ cases / DS max "
                             "of their type / casework FTE."),
        "status": _("Where the caseload lies against the DS range of the chosen norm set."),
    }[key]
    return text.format(fth=format_number(full_time_hours, 0, lang))


#: Column titles longer than this wrap onto two lines ("Timer pr. uge" -> "Timer" / "pr. uge"), so
#: the table's columns stay narrow enough to show the status at 1366 px; a case type's name, which
#: has its range on a line of its own below it, wraps only when longer than ``CASE_TYPE_WRAP``.
TITLE_WRAP, CASE_TYPE_WRAP = 10, 14


def wrap_header(text: str, width: int = TITLE_WRAP) -> str:
    """A header title on at most two lines, split at the space nearest the middle when longer than ``width``."""
    if len(text) <= width or " " not in text:
        return text
    middle = len(text) / 2
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return f"{text[:cut]}\n{text[cut + 1:]}"


def format_hours(value: float, lang: str) -> str:
    decimals = 0 if float(value).is_integer() else (1 if round(value, 1) == value else 2)
    return format_number(value, decimals, lang)


class StaffTableModel(QAbstractTableModel):
    """A table over ``document.team.staff`` and ``document.summary.persons``."""

    input_refused = Signal(str)  # a translated message: person, column, value, reason
    refusal_cleared = Signal()  # a refused value was corrected or dismissed

    def __init__(self, document: Document, lang: str = "da", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._lang = lang
        self._show_all = False
        self._chosen: list[str] = []  # case types chosen for a new team (shown while nobody holds them)
        self._norm_set: NormSet = document.norm_set()
        self._case_types: list[str] = self._wanted_case_types()
        self._computed = self._wanted_computed()
        self._ids: list[str] = [m.id for m in document.team.staff]
        self._rows: dict[str, int] = {member_id: row for row, member_id in enumerate(self._ids)}
        self._refused: dict[tuple[str, int], tuple[str, str]] = {}  # (member id, column): (text, message)
        document.changed.connect(self.on_change)

    # -- columns ---------------------------------------------------------------------
    def _wanted_case_types(self) -> list[str]:
        norm_set = self._document.norm_set()
        used: dict[str, None] = dict.fromkeys(self._chosen)
        for member in self._document.team.staff:
            used.update(dict.fromkeys(member.counts))
        listed = list(norm_set.case_type_ids)
        shown = listed if self._show_all else [t for t in listed if t in used]
        extra = [t for t in used if t not in listed]  # held under a type the set measures via its parent, or not at all
        group_order = {g.id: i for i, g in enumerate(norm_set.groups)}

        def extra_key(case_type: str) -> tuple[int, str]:
            norm = norm_set.norm_for(case_type)
            return (group_order.get(norm.group_id, len(group_order)) if norm else len(group_order), case_type)

        return shown + sorted(extra, key=extra_key)

    def _wanted_computed(self) -> tuple[str, ...]:
        return COMPUTED_WEIGHTED if self._document.team.settings.weighting.on else COMPUTED

    def computed_keys(self) -> tuple[str, ...]:
        """The computed columns shown (``COMPUTED``, or ``COMPUTED_WEIGHTED`` with case weight on)."""
        return self._computed

    def set_show_all_case_types(self, show: bool) -> None:
        self._show_all = show
        self.refresh()

    def set_chosen_case_types(self, case_types: list[str]) -> None:
        """Show these case types' columns also while nobody holds cases of them (a new team's
        choice; a whole new document clears it)."""
        self._chosen = list(case_types)
        self.refresh()

    def show_all_case_types(self) -> bool:
        return self._show_all

    def case_types(self) -> list[str]:
        return list(self._case_types)

    def case_type_at(self, column: int) -> str | None:
        index = column - FIXED_COLUMNS
        return self._case_types[index] if 0 <= index < len(self._case_types) else None

    def column_of_case_type(self, case_type: str) -> int:
        return FIXED_COLUMNS + self._case_types.index(case_type)

    def computed_at(self, column: int) -> str | None:
        index = column - FIXED_COLUMNS - len(self._case_types)
        return self._computed[index] if 0 <= index < len(self._computed) else None

    def competence_column(self) -> int:
        """The last column: the competences and the "no new cases" mark (read-only here)."""
        return FIXED_COLUMNS + len(self._case_types) + len(self._computed)

    def column_of(self, key: str) -> int:
        """Column of a computed figure: "fte", "total", "fte_caseload", "load", "load_unweighted"
        (only while the case weight is on) or "status"."""
        return FIXED_COLUMNS + len(self._case_types) + self._computed.index(key)

    def column_title(self, column: int) -> str:
        """The column's name on one line (for messages)."""
        if column < FIXED_COLUMNS:
            return fixed_title(column)
        case_type = self.case_type_at(column)
        if case_type is not None:
            return case_type_name(case_type, self._lang)
        if column == self.competence_column():
            return _("Competences")
        key = self.computed_at(column)
        if key == "load":
            title = status_style.measure_text(computed_title(key), "load_header", self._norm_set, self._lang)
            # case weight on: "Belastning vægtet" beside "Belastning uvægtet" (short, so the status stays in sight)
            return _("Load weighted") if self._computed is COMPUTED_WEIGHTED else title
        return computed_title(key)

    # -- refresh ---------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        self._all_changed()

    def on_change(self, change: Change) -> None:
        """Update what one document edit changed (see the module docstring)."""
        if change == Change.everything():
            self._chosen = []
        if change.all_rows or change.structure_changed or self._columns_may_change(change):
            self.refresh()
            return
        last_computed = self.column_of("status")
        first_computed = last_computed - len(self._computed) + 1
        for member_id in change.rows:
            row = self._rows[member_id]
            for column in sorted(self._input_columns(change.columns)):
                self.dataChanged.emit(self.index(row, column), self.index(row, column))
            self.dataChanged.emit(self.index(row, first_computed), self.index(row, last_computed))

    def _columns_may_change(self, change: Change) -> bool:
        """True when the edit may add or drop a case-type column (a first or last case of a type)."""
        if change.settings_changed or change.norm_sets_changed:
            return True
        staff = self._document.team.staff
        for column in change.columns:
            case_type = case_type_of(column)
            if case_type is None:
                continue
            if case_type not in self._case_types or any(
                    staff[self._rows[m]].counts.get(case_type) is None for m in change.rows):
                return self._wanted_case_types() != self._case_types
        return False

    def _input_columns(self, columns: frozenset[str]) -> set[int]:
        shown: set[int] = set()
        for column in columns:
            case_type = case_type_of(column)
            if case_type is not None:
                shown.add(self.column_of_case_type(case_type))
            elif column in COMPETENCE_COLUMNS:
                shown.add(self.competence_column())
            else:
                shown.update(_COLUMNS_OF_FIELD.get(column, ()))
        return shown

    def refresh(self) -> None:
        """Re-read everything: a reset when rows or columns changed, else a repaint of every cell."""
        case_types = self._wanted_case_types()
        ids = [m.id for m in self._document.team.staff]
        norm_set = self._document.norm_set()
        computed = self._wanted_computed()
        if (case_types != self._case_types or ids != self._ids or norm_set is not self._norm_set
                or computed is not self._computed):
            self.beginResetModel()
            self._case_types, self._ids, self._norm_set, self._computed = case_types, ids, norm_set, computed
            self._rows = {member_id: row for row, member_id in enumerate(ids)}
            if case_types != self._case_types:
                self._refused.clear()
            self.endResetModel()
        else:
            self._all_changed()

    def _all_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # -- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self._case_types) + len(self._computed) + 1

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.computed_at(index.column()) is None and index.column() != self.competence_column():
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole and role != Qt.ItemDataRole.ToolTipRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if section < 0 or section >= self.columnCount():
            return None
        case_type = self.case_type_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if case_type is None:
                if self.computed_at(section) == "fte_caseload":  # one long Danish word: break it
                    return _("Full-time\ncaseload")
                return wrap_header(self.column_title(section))
            norm = self._norm_set.norm_for(case_type)
            shown = format_range(norm.min, norm.max, self._lang) if norm else "–"
            return f"{wrap_header(case_type_name(case_type, self._lang), CASE_TYPE_WRAP)}\n{shown}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if case_type is not None:
                return self._case_type_tooltip(case_type)
            if section == self.competence_column():
                return _("The case types and areas the person may take (double-click to "
                                               "change). \u2298 = takes no new cases.")
            key = self.computed_at(section)
            return self._computed_tooltip(key) if key else None
        return None

    def _computed_tooltip(self, key: str, header: bool = True) -> str:
        """A computed column's tooltip, in the chosen norm set's own words; with case weight on,
        the load's formula with the levels' weights and (the header's) the team's weighting."""
        weighted = self._computed is COMPUTED_WEIGHTED
        if key == "load" and weighted:
            tip = _("Load with case weight: Σ cases × their level's weight / DS max of their type / casework FTE. "
                    "100 % = exactly DS max.")
        else:
            tip = computed_tooltip(key, self._norm_set.full_time_hours, self._lang)
        if key in ("load", "status"):
            tip = status_style.measure_text(tip, f"{key}_tooltip", self._norm_set, self._lang)
        if key in ("load", "status") and weighted and header:
            from sagstal_desktop.core.case_weight import weighting_line

            tip += "\n" + weighting_line(self._document.team.settings.weighting, self._lang)
        return tip

    def _case_type_tooltip(self, case_type: str) -> str:
        norm = self._norm_set.norm_for(case_type)
        name = case_type_name(case_type, self._lang)
        if norm is None:
            text = _("{name}: not measured by the norm set {set}; counted in the totals only.")
            return text.format(name=name, set=self._norm_set.short_name(self._lang))
        group = self._norm_set.group(norm.group_id)
        lines = [
            _("Area: {area}").format(area=group.name(self._lang)),
            _("Range per full-time caseworker: {range} ({set})").format(
                range=format_range(norm.min, norm.max, self._lang), set=self._norm_set.short_name(self._lang)),
        ]
        if norm.case_type != case_type:
            other = case_type_name(norm.case_type, self._lang)
            lines.append(_("Counted as {other}").format(other=other))
        elif norm.inherited:
            lines.append(_("No range of its own: the area's range applies."))
        if norm.source:
            lines.append(_("Source: {source}").format(source=norm.source.cite(self._lang)))
        return "\n".join(lines)

    def accessible_text(self, index: QModelIndex) -> str:
        """What a screen reader says for a cell: its column, its value (cases with their unit) and,
        for the name, case and load cells, the person's status in words ("Sygedagpenge, 38 sager,
        Over DS' maksimum"): the status is never told by the colour alone."""
        column = index.column()
        case_type = self.case_type_at(column)
        title = case_type_name(case_type, self._lang) if case_type else " ".join(self.column_title(column).split())
        shown = self.data(index, Qt.ItemDataRole.DisplayRole)
        value = " ".join(str(shown).split()) if shown not in (None, "") else _("empty")
        if case_type is not None and value.isdigit():
            value = ngettext("{n} case", "{n} cases", int(value)).format(n=value)
        parts = [title, value]
        if case_type is not None or column == COL_NAME or self.computed_at(column) == "load":
            parts.append(status_style.label(self.person(index.row()).status, self._norm_set, self._lang))
        return ", ".join(parts)

    def person(self, row: int) -> PersonResult:
        return self._document.summary.persons[row]

    def member_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, member_id: str) -> int:
        """The row of a member id (ValueError if not in the table)."""
        try:
            return self._rows[member_id]
        except KeyError:
            raise ValueError(member_id) from None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():  # the view asks ~9 roles per painted cell
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.accessible_text(index)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            tip = self.data(index, Qt.ItemDataRole.ToolTipRole)
            return " ".join(str(tip).split()) if tip else None
        member = self._document.team.staff[row]
        if role == MEMBER_ID_ROLE:
            return member.id
        if role == Qt.ItemDataRole.DecorationRole:  # the status marker before the name
            return status_style.marker(self.person(row).status) if column == COL_NAME else None
        result = self._document.variant_result
        if result is not None and (member.id in result.absent or result.assigned or result.taken):
            shown = self._scenario_data(result, member, row, column, role)
            if shown is not None:
                return shown
        if self._refused and (member.id, column) in self._refused:
            refused = self._refused_data(self._refused[(member.id, column)], role)
            if refused is not None:
                return refused
        key = self.computed_at(column)
        if key is not None:
            return self._computed_data(self.person(row), key, role)
        if column == self.competence_column():
            return self._competence_data(member, role)
        if role == STATUS_ROLE:
            return self.person(row).status
        case_type = self.case_type_at(column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if case_type is not None:
                count = member.counts.get(case_type)
                return "" if count is None else str(count)
            if column == COL_NAME:
                return member.name
            if column == COL_HOURS:
                return format_hours(member.weekly_hours, self._lang)
            if column == COL_OTHER_HOURS:
                return format_hours(member.other_hours, self._lang)
            future = future_start(member.start_date, self._document.summary.as_of, self._lang)
            if future and role == Qt.ItemDataRole.DisplayRole:
                return future  # accepted, but visibly: "starter 1.1.2030"
            return format_date(member.start_date, self._lang)
        if role == SORT_ROLE:
            if case_type is not None:
                return member.counts.get(case_type, 0)
            if column == COL_NAME:
                return member.name.casefold()
            if column == COL_START:
                return member.start_date.toordinal() if member.start_date else 0
            return getattr(member, _FIELD_OF[column])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (COL_NAME, COL_START):
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == COL_START and future_start(member.start_date, self._document.summary.as_of):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#a04000")
            if role == Qt.ItemDataRole.ToolTipRole:
                return future_start_note(self._lang)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME:
            return self._name_tooltip(row)
        if role == Qt.ItemDataRole.ToolTipRole and case_type is not None:
            return self._split_tooltip(member, case_type)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_OTHER_HOURS and member.other_tasks:
            return member.other_tasks
        return None

    def _scenario_data(self, result, member: StaffMember, row: int, column: int, role: int) -> Any:
        """What an open scenario's computation changes in a cell (None: as for the team)."""
        absent_kind = result.absent.get(member.id)
        case_type = self.case_type_at(column)
        if case_type is not None and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            delta = self._changes(result).get(member.id, {}).get(case_type, 0)
            if delta:
                entered = member.counts.get(case_type, 0)
                if role == Qt.ItemDataRole.DisplayRole:
                    return f"{entered} + {delta}" if delta > 0 else f"{entered} \u2212 {-delta}"
                if absent_kind is not None:
                    return ngettext("In this scenario {n} case is with colleagues.",
                                    "In this scenario {n} cases are with colleagues.", -delta).format(n=-delta)
                if delta > 0:
                    return ngettext("In this scenario {entered} entered, and {n} case taken over from colleagues.",
                                    "In this scenario {entered} entered, and {n} cases taken over from colleagues.",
                                    delta).format(entered=entered, n=delta)
                return ngettext("In this scenario {entered} entered, and {n} case handed to an added position.",
                                "In this scenario {entered} entered, and {n} cases handed to an added position.",
                                -delta).format(entered=entered, n=-delta)
            if absent_kind is not None and role == Qt.ItemDataRole.ToolTipRole and member.counts.get(case_type):
                return _("Without a caseworker in this scenario.")
        if absent_kind is None:
            return None
        from sagstal_desktop.core.scenario_model import absence_label

        if role == Qt.ItemDataRole.ForegroundRole and column != self.column_of("status"):
            return QColor("#777777")
        if self.computed_at(column) == "status":
            without = sum(result.without_caseworker.get(member.id, {}).values())
            if role == Qt.ItemDataRole.DisplayRole:
                text = absence_label(absent_kind, self._lang)
                if without:
                    text += " · " + ngettext("{n} case without a caseworker", "{n} cases without a caseworker",
                                             without).format(n=without)
                return text
            if role == Qt.ItemDataRole.ToolTipRole:
                return _("Absent in this scenario on the date computed: casework capacity 0.")
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor("#e6e6e6")
            if role == STATUS_ROLE:
                return None
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME:
            return _("{name} is absent in this scenario ({kind}): casework capacity 0.").format(
                name=member.name, kind=absence_label(absent_kind, self._lang).lower())
        return None

    def _changes(self, result) -> dict[str, dict[str, int]]:
        cached = getattr(self, "_changes_cache", None)
        if cached is None or cached[0] is not result:
            cached = self._changes_cache = (result, result.changes(self._document.team))
        return cached[1]

    def _competence_data(self, member, role: int) -> Any:
        from sagstal_desktop.gui.competence_text import competence_summary, competence_tooltip

        if role == Qt.ItemDataRole.DisplayRole:
            return competence_summary(member, self._norm_set, self._lang)
        if role == SORT_ROLE:
            return competence_summary(member, self._norm_set, self._lang).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return competence_tooltip(member, self._document.team, self._norm_set, self._lang)
        if role == Qt.ItemDataRole.ForegroundRole and not member.takes_new_cases:
            return QColor("#7a4b00")
        return None

    @staticmethod
    def _refused_data(entry: tuple[str, str], role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return entry[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry[1]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(REFUSED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(REFUSED_TEXT)
        return None

    def _name_tooltip(self, row: int) -> str | None:
        member, person = self._document.team.staff[row], self.person(row)
        lines = [status_style.label(person.status, self._norm_set, self._lang)]  # the marker's colour in words
        if self._computed is COMPUTED_WEIGHTED:
            lines.append(self._weight_note(person))
        if person.newcomer:
            text = _("Newcomer: capacity reduced by {pct} for the first {months} months.")
            lines.append(text.format(
                pct=format_percent(self._document.team.settings.newcomer_reduction, 0, self._lang),
                months=self._document.team.settings.newcomer_months))
        if member.other_tasks:
            lines.append(_("Other tasks: {tasks}").format(tasks=member.other_tasks))
        if member.note:
            lines.append(member.note)
        return "\n".join(lines)

    def _computed_data(self, person: PersonResult, key: str, role: int) -> Any:
        lang = self._lang
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "fte":
                return format_number(person.capacity, 2, lang)
            if key == "total":
                return format_number(person.total_cases, 0, lang)
            if key == "fte_caseload":
                return format_number(person.fte_caseload, 1, lang)
            if key == "load":
                return format_load(person.load_max, lang, 1)
            if key == "load_unweighted":
                return format_load(person.load_max_unweighted, lang, 1)
            text = status_style.label(person.status, self._norm_set, lang)
            return f"{text} ({person.uncovered_cases})" if person.uncovered_cases else text
        if role == SORT_ROLE:
            value = {"fte": person.capacity, "total": person.total_cases, "fte_caseload": person.fte_caseload,
                     "load": person.load_max, "load_unweighted": person.load_max_unweighted,
                     "status": _STATUS_RANK[person.status]}[key]
            return -1.0 if value is None else value
        if role == STATUS_ROLE:
            return person.status
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:  # both figures, for screen readers
            return self._weight_note(person) if self._computed is COMPUTED_WEIGHTED else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return None if key == "load_unweighted" else status_style.background(person.status)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(status_style.TEXT_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignLeft if key == "status" else Qt.AlignmentFlag.AlignRight
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._computed_tooltip(key, header=False)
            if key == "status" and person.uncovered_cases:
                tip += "\n" + gui_phrase("unmeasured_row", self._norm_set, lang).format(n=person.uncovered_cases)
            if key == "fte" and person.newcomer:
                tip += "\n" + _("Newcomer: reduced capacity.")
            if key in ("load", "status", "load_unweighted") and self._computed is COMPUTED_WEIGHTED:
                tip += "\n" + self._weight_note(person)
            if key == "load" and person.uncovered_cases:
                tip += "\n" + ngettext("{n} case is of a type the norm set does not measure.",
                                        "{n} cases are of types the norm set does not measure.",
                                        person.uncovered_cases).format(n=person.uncovered_cases)
            return tip
        return None

    def _weight_note(self, person: PersonResult) -> str:
        """Both figures, with case weight on: "Vægtet 104,2 % (Over DS-maks.); uvægtet 97,3 %
        (Inden for DS-spænd). Status følger den vægtede belastning." """
        lang = self._lang
        return _("Weighted {weighted} ({status}); unweighted {unweighted} ({status_unweighted}). "
                 "Status follows the weighted load.").format(
            weighted=format_load(person.load_max, lang, 1),
            status=status_style.label(person.status, self._norm_set, lang),
            unweighted=format_load(person.load_max_unweighted, lang, 1),
            status_unweighted=status_style.label(person.status_unweighted, self._norm_set, lang))

    def _split_tooltip(self, member: StaffMember, case_type: str) -> str | None:
        """The count's case-weight split: "38 = 30 enkel + 6 kompleks + 2 ikke vurderet"."""
        split = member.levels.get(case_type) if member.levels else None
        if not split:
            return None
        from sagstal_desktop.gui.case_weight_text import split_line

        text = split_line(member.counts.get(case_type, 0), split, self._lang)
        return text + "\n" + _("Case weight of the count: Ctrl+L.")

    # -- editing -------------------------------------------------------------------------
    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        editable = index.isValid() and bool(self.flags(index) & Qt.ItemFlag.ItemIsEditable)
        if not editable or role != Qt.ItemDataRole.EditRole:
            return False
        row, column = index.row(), index.column()
        member = self._document.team.staff[row]
        try:
            key, new = self.parse(member, column, value)
        except InputError as error:
            self.mark_refused(row, column, str(value), self.refusal_message(row, column, error))
            return False
        self.clear_refused(row, column)
        old = current_value(member, key)
        if old == new:
            return True
        text = self.change_text(column, member.name, old, new)
        case_type = self.case_type_at(column)
        if case_type is not None:
            self._document.set_count(member.id, case_type, new, text)
        else:
            self._document.set_member_field(member.id, key, new, text)
        return True

    def parse(self, member: StaffMember, column: int, value: Any) -> tuple[str, Any]:
        """``(field or count key, value)`` for ``value`` typed into ``column`` (``InputError`` if refused)."""
        return parse_cell(member, column, self.case_type_at(column), value,
                          format_hours(member.other_hours, self._lang))

    def shown_value(self, column: int, value: Any) -> str:
        """A cell value as the table shows it ("–" for none)."""
        if value is None or value == "":
            return "–"
        if self.case_type_at(column) is not None:
            return str(value)
        if column in (COL_HOURS, COL_OTHER_HOURS):
            return format_hours(value, self._lang)
        if column == COL_START:
            return format_date(value, self._lang)
        return str(value)

    def change_text(self, column: int, name: str, old: Any, new: Any) -> str:
        """The undo text of one cell edit: "Sygedagpenge for Bo Jensen 48 → 50"."""
        return _("{column} for {name} {old} → {new}").format(
            column=self.column_title(column), name=name, old=self.shown_value(column, old),
            new=self.shown_value(column, new))

    def refusal_message(self, row: int, column: int, error: InputError, name: str | None = None) -> str:
        """"Row 3 (Camilla Nørgaard), Weekly hours: "300" hours is outside 0-48 – not changed." """
        if name is None:
            name = self._document.team.staff[row].name
        return _("Row {row} ({name}), {column}: {reason} – not changed.").format(
            row=row + 1, name=name, column=self.column_title(column), reason=error.message(self._lang))

    # -- refused input: shown in its cell, marked, until corrected or dismissed ---------------
    def mark_refused(self, row: int, column: int, text: str, message: str, *, announce: bool = True) -> None:
        """Keep refused ``text`` visible in its cell with ``message`` (and say so, if ``announce``)."""
        self._refused[(self._ids[row], column)] = (text, message)
        index = self.index(row, column)
        self.dataChanged.emit(index, index)
        if announce:
            self.input_refused.emit(message)

    def clear_refused(self, row: int, column: int) -> bool:
        """Forget the refused input of a cell (corrected, or dismissed with Esc); True if there was one."""
        if self._refused.pop((self._ids[row], column), None) is None:
            return False
        index = self.index(row, column)
        self.dataChanged.emit(index, index)
        self.refusal_cleared.emit()
        return True

    def refused(self, row: int, column: int) -> str | None:
        """The message of a cell's refused input, or None."""
        entry = self._refused.get((self._ids[row], column))
        return entry[1] if entry else None

"""One person's competences: the areas and case types of the chosen norm set they may take (a
checkable tree; a fully checked area is stored as the whole area, ``area:<id>``), the default
(every type of the team's areas, ``core/competences.py``) and the mark "tager ikke nye sager".
Entries the tree cannot show (a sub-type of a listed type, an area of another set) are kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.core.competences import CompetenceRule, area_entry, area_of
from sagstal_desktop.core.formatting import format_range
from sagstal_desktop.core.model import StaffMember, Team
from sagstal_desktop.core.norms import NormSet, case_type_name
from sagstal_desktop.gui.dialogs.common import error_label, show_error, ui_language
from sagstal_desktop.i18n import _

_ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class CompetencesDialog(QDialog):
    """``CompetencesDialog(member, team, norm_set, parent)``; after Accept read ``competences()``
    and ``takes_new_cases()``."""

    def __init__(self, member: StaffMember, team: Team, norm_set: NormSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("competencesDialog")
        self._lang = lang = ui_language(parent)
        self._norm_set = norm_set
        self.setWindowTitle(_("Competences – {name}").format(name=member.name))
        intro = QLabel(_("Which cases may {name} take? Planning hands new or moved cases only to people "
                               "who may take them.").format(name=member.name), self)
        intro.setWordWrap(True)
        default_areas = CompetenceRule(team, norm_set).default_areas
        area_names = ", ".join(g.name(lang) for g in norm_set.groups if g.id in default_areas)
        self.default_box = QCheckBox(_("All case types of the team's areas (default)"), self)
        self.default_box.setToolTip(area_names)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("competenceTree")
        self.tree.setAccessibleName(_("Case types {name} may take").format(name=member.name))
        self.tree.setHeaderLabels([_("Area / case type"), _("Range")])
        self.tree.setColumnWidth(0, 380)
        self.no_new_box = QCheckBox(_("Takes no new cases (e.g. on leave or leaving)"), self)
        self.no_new_box.setToolTip(_("The person may still hand cases over when cases are rebalanced."))
        self._error = error_label(self)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                         | QDialogButtonBox.StandardButton.Cancel, self)
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("OK"))
        self._buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.default_box, self.tree, self.no_new_box, self._error, self._buttons):
            layout.addWidget(widget)

        entries = set(member.competences)
        self._kept = tuple(e for e in member.competences if not self._shown(e))
        for group in norm_set.groups:
            if not group.types:
                continue
            area = QTreeWidgetItem(self.tree, [group.name(lang), ""])
            area.setData(0, _ENTRY_ROLE, area_entry(group.id))
            area.setFlags(area.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            whole = area_entry(group.id) in entries or (not entries and group.id in default_areas)
            for norm in group.types:
                item = QTreeWidgetItem(area, [case_type_name(norm.case_type, lang),
                                              format_range(norm.min, norm.max, lang)])
                item.setData(0, _ENTRY_ROLE, norm.case_type)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = whole or norm.case_type in entries
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            area.setExpanded(area.checkState(0) == Qt.CheckState.PartiallyChecked
                             or (bool(entries) and area.checkState(0) == Qt.CheckState.Checked))
        self.default_box.setChecked(not member.competences)
        self.no_new_box.setChecked(not member.takes_new_cases)
        self.tree.setEnabled(not self.default_box.isChecked())
        self.default_box.toggled.connect(self._on_default)
        self.tree.itemChanged.connect(lambda *_a: self._check())
        self.no_new_box.toggled.connect(lambda *_a: self._check())
        from sagstal_desktop.gui.screen_fit import fit_to_screen, remember_size

        fit_to_screen(self, 560, 560)
        self.finished.connect(lambda _result=0: remember_size(self))
        self._check()

    def _shown(self, entry: str) -> bool:
        area = area_of(entry)
        if area is not None:
            return any(g.id == area and g.types for g in self._norm_set.groups)
        return entry in self._norm_set.case_type_ids

    def _on_default(self, checked: bool) -> None:
        self.tree.setEnabled(not checked)
        self._check()

    def _areas(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    def competences(self) -> tuple[str, ...]:
        """The entries: () for the default; whole areas as ``area:<id>``, else the checked types."""
        if self.default_box.isChecked():
            return ()
        entries: list[str] = []
        for area in self._areas():
            state = area.checkState(0)
            if state == Qt.CheckState.Checked:
                entries.append(area.data(0, _ENTRY_ROLE))
            elif state == Qt.CheckState.PartiallyChecked:
                entries.extend(area.child(j).data(0, _ENTRY_ROLE) for j in range(area.childCount())
                               if area.child(j).checkState(0) == Qt.CheckState.Checked)
        return (*entries, *(e for e in self._kept if e not in entries))

    def takes_new_cases(self) -> bool:
        return not self.no_new_box.isChecked()

    def set_type_checked(self, case_type: str, checked: bool) -> None:
        """Check or uncheck one case type (for tests and keyboard-free use)."""
        for area in self._areas():
            for j in range(area.childCount()):
                if area.child(j).data(0, _ENTRY_ROLE) == case_type:
                    area.child(j).setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def set_area_checked(self, group_id: str, checked: bool) -> None:
        for area in self._areas():
            if area.data(0, _ENTRY_ROLE) == area_entry(group_id):
                area.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _check(self) -> None:
        """Nothing checked would read as the default: refuse it and say so."""
        empty = not self.default_box.isChecked() and not self.competences()
        show_error(self._error, _("Check at least one case type, or choose the default.") if empty else "")
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not empty)

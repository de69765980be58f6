"""Starting a team from nothing: which norm set, which areas and case types the team works with
(their columns are shown at once), and the municipality, department and team name the memo's
header prints. Areas are ticked as a whole or type by type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.core.formatting import format_range
from sagstal_desktop.core.model import Team, TeamInfo, TeamSettings
from sagstal_desktop.core.norms import NormSet, builtin_norm_sets, case_type_name, default_norm_set
from sagstal_desktop.gui.dialogs.common import ok_cancel_buttons
from sagstal_desktop.i18n import _

_TYPE_ROLE = Qt.ItemDataRole.UserRole + 1


class NewTeamDialog(QDialog):
    """``NewTeamDialog(lang, parent)``; after Accept: ``team()`` and ``case_types()``."""

    def __init__(self, lang: str = "da", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.setObjectName("newTeamDialog")
        self.setWindowTitle(_("New team"))
        intro = QLabel(_("Which areas and case types does the team work with? Their columns are shown "
                               "in the table; other types can be shown later (View menu)."), self)
        intro.setWordWrap(True)
        self.municipality, self.department, self.team_name = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.norm_combo = QComboBox(self)
        self.norm_combo.setObjectName("newTeamNormSet")
        for norm_set in builtin_norm_sets():
            self.norm_combo.addItem(norm_set.short_name(lang), norm_set.id)
            self.norm_combo.setItemData(self.norm_combo.count() - 1, norm_set.name(lang), Qt.ItemDataRole.ToolTipRole)
        self.norm_combo.setCurrentIndex(max(0, self.norm_combo.findData(default_norm_set().id)))
        self.norm_combo.currentIndexChanged.connect(self._fill_types)
        form = QFormLayout()
        form.addRow(_("Municipality:"), self.municipality)
        form.addRow(_("Department:"), self.department)
        form.addRow(_("Team name:"), self.team_name)
        form.addRow(_("Norm set:"), self.norm_combo)
        self.types = QTreeWidget(self)
        self.types.setAccessibleName(_("Case types"))
        self.types.setObjectName("newTeamTypes")
        self.types.setHeaderLabels([_("Area and case type"), _("Range")])
        self.types.setColumnWidth(0, 380)
        buttons = ok_cancel_buttons(self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create team"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.types, 1)
        layout.addWidget(buttons)
        self._fill_types()
        from sagstal_desktop.gui.screen_fit import fit_to_screen

        fit_to_screen(self, 620, 640, remember=False)

    def norm_set(self) -> NormSet:
        wanted = self.norm_combo.currentData()
        return next(s for s in builtin_norm_sets() if s.id == wanted)

    def _fill_types(self) -> None:
        chosen = set(self.case_types())
        self.types.clear()
        for group in self.norm_set().groups:
            area = QTreeWidgetItem(self.types, [group.name(self._lang), format_range(group.min, group.max, self._lang)
                                                if group.max is not None else ""])
            area.setFlags(area.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            area.setCheckState(0, Qt.CheckState.Unchecked)
            for norm in group.types:
                item = QTreeWidgetItem(area, [case_type_name(norm.case_type, self._lang),
                                              format_range(norm.min, norm.max, self._lang)])
                item.setData(0, _TYPE_ROLE, norm.case_type)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if norm.case_type in chosen else Qt.CheckState.Unchecked)

    def check_area(self, index: int, checked: bool = True) -> None:
        """Tick (or untick) every case type of the ``index``-th area."""
        self.types.topLevelItem(index).setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def check_type(self, case_type: str, checked: bool = True) -> None:
        for area in range(self.types.topLevelItemCount()):
            parent = self.types.topLevelItem(area)
            for row in range(parent.childCount()):
                if parent.child(row).data(0, _TYPE_ROLE) == case_type:
                    parent.child(row).setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def case_types(self) -> list[str]:
        """The ticked case types, in the norm set's order."""
        ticked = []
        for area in range(self.types.topLevelItemCount()):
            parent = self.types.topLevelItem(area)
            for row in range(parent.childCount()):
                if parent.child(row).checkState(0) == Qt.CheckState.Checked:
                    ticked.append(parent.child(row).data(0, _TYPE_ROLE))
        return ticked

    def team(self) -> Team:
        """An empty team measured against the chosen set, with its names."""
        info = TeamInfo(municipality=self.municipality.text().strip(), department=self.department.text().strip(),
                        team_name=self.team_name.text().strip())
        return Team(info=info, settings=TeamSettings(norm_set_id=self.norm_set().id))

"""The scenario bar: which variant of the team is open (the team itself or a scenario), and the
actions that make, rename, copy and delete scenarios, mark absences and compare variants.

A toolbar of its own under the main toolbar. While a scenario is open the bar says so in colour,
so a person never mistakes a variant for the team; the window title names it too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QLineEdit, QMessageBox, QToolBar

from sagstal_desktop.core.scenarios import ScenarioError
from sagstal_desktop.gui.handlers import scenarios as actions
from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.gui.main_window import MainWindow

_OPEN_STYLE = "QLabel { color: #7a4a00; background: #fff1cc; border-radius: 3px; padding: 2px 6px; }"


class ScenarioBar(QToolBar):
    """``ScenarioBar(window)`` adds itself to the window, under the main toolbar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._document = window.document()
        self.setObjectName("scenarioToolbar")
        self.setMovable(False)
        self._label = QLabel(self)
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("scenarioChooser")
        self.chooser.setMinimumContentsLength(18)
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.chooser.activated.connect(self._on_chosen)
        self.state = QLabel(self)
        self.state.setObjectName("scenarioState")
        self.addWidget(self._label)
        self.addWidget(self.chooser)
        self.addWidget(self.state)
        self.addSeparator()
        self.act_new, self.act_copy = self._action(self._new), self._action(self._copy)
        self.act_rename, self.act_delete = self._action(self._rename), self._action(self._delete)
        self.addSeparator()
        self.act_absence, self.act_target = self._action(self.edit_absences), self._action(self._target)
        self.act_compare = self._action(self.compare)
        window.addToolBarBreak()
        window.addToolBar(self)
        self._document.changed.connect(lambda _change: self.refresh())
        self._document.state_changed.connect(self.refresh)
        self.retranslate()

    def _action(self, slot) -> QAction:
        action = QAction(self)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # -- showing the open variant --------------------------------------------------------
    def refresh(self) -> None:
        doc = self._document
        names = actions.scenario_names(doc)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        self.chooser.addItem(_("Current team"), None)
        for name in names:
            self.chooser.addItem(name, name)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(doc.scenario_name)))
        self.chooser.blockSignals(False)
        is_open = doc.scenario_name is not None
        for action in (self.act_rename, self.act_delete, self.act_absence, self.act_target):
            action.setEnabled(is_open)
        self.act_compare.setEnabled(bool(names))
        if is_open:
            absences, _redistribute = actions.open_absences(doc)
            text = _("Scenario: edits change the scenario, not the team")
            if absences:
                text += " · " + _("{n} absent").format(n=len(absences))
            self.state.setText(text)
            self.state.setToolTip(_("The table, summary and chart show the scenario computed: absent people have "
                                    "capacity 0 on the date computed, and their cases are with colleagues."))
            self.state.setStyleSheet(_OPEN_STYLE)
        else:
            self.state.setText(_("The current team"))
            self.state.setStyleSheet("")
            self.state.setToolTip("")

    def _on_chosen(self, index: int) -> None:
        actions.open_variant(self._document, self.chooser.itemData(index))

    # -- actions -------------------------------------------------------------------------
    def _ask_name(self, title: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self._window, title, _("Name of the scenario:"),
                                        QLineEdit.EchoMode.Normal, text)
        return name.strip() if ok and name.strip() else None

    def _refused(self, name: str) -> None:
        QMessageBox.warning(self._window, _("Scenario"),
                            _("A scenario needs a name that no other scenario has (“{name}”).").format(name=name))

    def _name_problem(self, name: str, new: bool) -> str | None:
        """Why ``name`` cannot be kept in the team file (too long, a control character) or, for a
        new scenario, why there is no room for one (``max_scenarios``); None if it can."""
        from sagstal_desktop.core.validation import InputError, check_label, limits

        try:
            check_label(name)
        except InputError as exc:
            return exc.message(self._window.language())
        cap = int(limits()["max_scenarios"])
        if new and len(actions.scenario_names(self._document)) >= cap:  # counted without copying the team
            return _("A team file holds at most {cap} scenarios; delete one first.").format(cap=cap)
        return None

    def _checked(self, name: str, new: bool) -> bool:
        problem = self._name_problem(name, new)
        if problem is not None:
            QMessageBox.warning(self._window, _("Scenario"), problem)
        return problem is None

    def create(self, name: str, copy_open: bool = False) -> bool:
        """Make a scenario and open it; False (with a message) for an empty or taken name, one the
        team file cannot keep, or no room for another scenario."""
        if not self._checked(name, new=True):
            return False
        try:
            actions.new_scenario(self._document, name, copy_open)
        except ScenarioError:
            self._refused(name)
            return False
        return True

    def rename(self, name: str) -> bool:
        if not self._checked(name, new=False):
            return False
        try:
            actions.rename_open(self._document, name)
        except ScenarioError:
            self._refused(name)
            return False
        return True

    def _new(self) -> None:
        name = self._ask_name(_("New scenario"))
        if name:
            self.create(name)

    def _copy(self) -> None:
        source = self._document.scenario_name
        name = self._ask_name(_("Copy scenario"), _("{name} (copy)").format(name=source) if source else "")
        if name:
            self.create(name, copy_open=True)

    def _rename(self) -> None:
        name = self._ask_name(_("Rename scenario"), self._document.scenario_name or "")
        if name:
            self.rename(name)

    def _delete(self) -> None:
        name = self._document.scenario_name
        answer = QMessageBox.question(self._window, _("Delete scenario"),
                                      _("Delete the scenario “{name}”? (Undo with Ctrl+Z.)").format(name=name))
        if answer == QMessageBox.StandardButton.Yes:
            actions.delete_open(self._document)

    def _target(self) -> None:
        current = actions.open_target(self._document)
        value, ok = QInputDialog.getDouble(
            self._window, _("Target caseload"),
            _("Cases per full-time caseworker to compare with (0: none):"), current or 0.0, 0.0, 1000.0, 1)
        if ok:
            actions.set_target(self._document, value or None)

    def edit_absences(self) -> None:
        from sagstal_desktop.gui.dialogs.absence import AbsenceDialog

        absences, redistribute = actions.open_absences(self._document)
        selected = self._window.selected_member_ids()
        dialog = AbsenceDialog(self._document.team, absences, redistribute, self._document.as_of, self._window,
                               selected=selected[0] if selected else None,
                               positions_take_cases=actions.open_positions_take_cases(self._document))
        if dialog.exec() == AbsenceDialog.DialogCode.Accepted:
            actions.set_absences(self._document, dialog.absences(), dialog.redistribute(),
                                 dialog.positions_take_cases())

    def compare(self) -> None:
        from sagstal_desktop.gui.dialogs.compare import CompareDialog

        CompareDialog(self._document, self._window).exec()

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "act_compare"):
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Scenarios"))
        self._label.setText(_("Variant:") + " ")
        self.chooser.setToolTip(_("The variant of the team shown and edited in the table"))
        texts = {self.act_new: _("New scenario…"), self.act_copy: _("Copy…"),
                 self.act_rename: _("Rename…"), self.act_delete: _("Delete"),
                 self.act_absence: _("Absence and vacancies…"), self.act_target: _("Target caseload…"),
                 self.act_compare: _("Compare…")}
        for action, text in texts.items():
            action.setText(text)
        self.act_new.setToolTip(_("A new scenario with the current team's figures"))
        self.act_copy.setToolTip(_("A new scenario with the open variant's figures"))
        self.act_compare.setToolTip(_("The current team and the scenarios side by side"))
        self.act_target.setToolTip(_("Extra FTE to bring the average caseload to a target (shown in Compare)"))
        self.refresh()

"""The planning dialog (Team → "Fordel nye sager…" / "Omfordel sager…"): two tabs, distributing
new cases and rebalancing existing ones (``planning_tabs.py``), each with a preview of every
person's load before → after. "Anvend" hands the shown tab's proposal to the caller as counts
per person (``changes()``), applied as one undoable step; "Annuller" changes nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.core.operations import count_changes, level_changes
from sagstal_desktop.gui.dialogs.common import ui_language
from sagstal_desktop.gui.widgets.planning_tabs import DistributeTab, RebalanceTab
from sagstal_desktop.i18n import _

DISTRIBUTE, REBALANCE = "distribute", "rebalance"


class PlanningDialog(QDialog):
    """``PlanningDialog(team, norm_set, as_of, case_types, parent, mode=..., runner=...)``: works on
    a copy of ``team``; ``runner(label, job)`` runs a computation (default: off the GUI thread
    with progress and Cancel)."""

    def __init__(self, team: Team, norm_set: NormSet, as_of: date, case_types: list[str],
                 parent: QWidget | None = None, mode: str = DISTRIBUTE, runner: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("planningDialog")
        self.setWindowTitle(_("Planning"))
        lang = ui_language(parent)
        self.team = team.copy()
        run = runner or self._run_in_background
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(_("Planning"))
        self.distribute_tab = DistributeTab(self.team, norm_set, as_of, lang, run, case_types, self)
        self.rebalance_tab = RebalanceTab(self.team, norm_set, as_of, lang, run, self)
        self.tabs.addTab(self.distribute_tab, _("Distribute new cases"))
        self.tabs.addTab(self.rebalance_tab, _("Rebalance cases"))
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(_("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("applyButton")
        self.apply_button.setAutoDefault(False)
        cancel = self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        for tab in (self.distribute_tab, self.rebalance_tab):
            tab.plan_changed.connect(self._update_apply)
        if mode == REBALANCE:  # computed once shown (showEvent), never in the constructor
            self.tabs.setCurrentWidget(self.rebalance_tab)
        self.tabs.currentChanged.connect(self._on_tab)
        from sagstal_desktop.gui.screen_fit import fit_to_screen, remember_size

        fit_to_screen(self, 1120, 660)
        self.finished.connect(lambda _result=0: remember_size(self))
        self._update_apply()

    def _run_in_background(self, label: str, job: Any) -> Any:
        from sagstal_desktop.core.planning.errors import PlanningCancelled
        from sagstal_desktop.gui.background import run_with_progress

        return run_with_progress(self, label, job, title=self.windowTitle(), cancel_errors=(PlanningCancelled,))

    def _on_tab(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.rebalance_tab:
            self.rebalance_tab.start()
        self._update_apply()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.tabs.currentWidget() is self.rebalance_tab and not self.rebalance_tab.started:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self.rebalance_tab.start)

    def current_tab(self) -> DistributeTab | RebalanceTab:
        return self.tabs.currentWidget()

    def changes(self) -> dict[str, dict[str, int]]:
        """The shown proposal as new counts (member id -> case type -> count); {} for none."""
        plan = self.current_tab().plan
        return count_changes(self.team, plan.team_after) if plan is not None else {}

    def levels(self) -> dict[str, dict[str, dict[str, int]]]:
        """The shown proposal's case-weight splits (member id -> the whole split after it): new
        cases at a chosen level, moved cases keeping theirs; {} for none."""
        plan = self.current_tab().plan
        return level_changes(self.team, plan.team_after) if plan is not None else {}

    def description(self) -> str:
        """The undo text: what applying the proposal does."""
        if self.current_tab() is self.distribute_tab:
            return _("Distribute {n} new cases").format(n=self.distribute_tab.added_cases())
        return _("Move {n} cases between staff").format(n=self.rebalance_tab.moved_cases())

    def _update_apply(self) -> None:
        self.apply_button.setEnabled(bool(self.changes()))

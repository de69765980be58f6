"""The planning dialog's two tabs. Each computes through ``runner(label, job)`` (the dialog runs
the job off the GUI thread with progress and Cancel, ``gui/background.py``), so the solver
(highspy) is imported only in the worker, and keeps its last proposal in ``plan``.

* ``DistributeTab``: new cases per case type → "Beregn forslag" → the proposal.
* ``RebalanceTab``: the aim (even loads, or fewest staff over the maximum), the trade-off K (at
  most K moved cases) → highest load and staff over the maximum; choosing a K (a row, a bar or
  the spin box; at first the default K: the fewest moves reaching the best plan within the cap)
  computes the plan with at most K moves.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.core.planning.result import PlanOutcome, TradeoffPoint
from sagstal_desktop.gui.background import Cancelled
from sagstal_desktop.gui.models.planning_models import IncomingModel, TradeoffModel
from sagstal_desktop.gui.widgets.plan_charts import TradeoffChart
from sagstal_desktop.gui.widgets.planning_result import PlanResultPanel
from sagstal_desktop.i18n import _

Runner = Callable[[str, Callable[..., Any]], Any]
#: The largest K the spin box offers.
MAX_K = 500


def _stop_if_cancelled(cancelled: Callable[[], bool], result: Any) -> Any:
    return None if cancelled() else result  # no result: run_with_progress raises Cancelled


class _PlanTab(QWidget):
    plan_changed = Signal()

    def __init__(self, team: Team, norm_set: NormSet, as_of: date, lang: str, runner: Runner,
                 caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.team, self.norm_set, self.as_of, self.lang, self._runner = team, norm_set, as_of, lang, runner
        self.plan: PlanOutcome | None = None
        self.panel = PlanResultPanel(norm_set, lang, caption, self)
        self.side = QVBoxLayout()
        layout = QHBoxLayout(self)
        layout.addLayout(self.side)
        layout.addWidget(self.panel, 1)

    def unweighted_loads(self, plan: PlanOutcome) -> dict[str, tuple[float | None, float | None]] | None:
        """With the team's case weight on (the plan's loads are weighted): member id ->
        (unweighted load before, after), shown beside them; None when off."""
        from sagstal_desktop.core.case_weight import OFF
        from sagstal_desktop.core.load import summarize

        if not self.team.settings.weighting.on:
            return None
        loads = []
        for team in (self.team, plan.team_after):
            plain = copy.copy(team)
            plain.settings = dataclasses.replace(team.settings, weighting=OFF)
            persons = summarize(plain, self.as_of, self.norm_set).persons
            loads.append(dict(zip(persons.column("member_id"), persons.column("load_max"), strict=True)))
        before, after = loads
        return {member_id: (before.get(member_id), after.get(member_id)) for member_id in after}

    def _reading_order(self, *side: QWidget) -> None:
        """Tab goes through the controls on the left (``side``, top to bottom), then the proposal
        on the right, as they are read (they were made the other way round)."""
        from itertools import pairwise

        from PySide6.QtWidgets import QScrollArea

        chain = [*side, self.panel.proposal_list, self.panel.table, self.panel.findChild(QScrollArea)]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _run(self, label: str, job: Callable[..., Any]) -> Any:
        """The job's result, or None after a message (cancelled, or no plan possible)."""
        from sagstal_desktop.core.planning.errors import PlanningCancelled, PlanningError

        try:
            return self._runner(label, job)
        except (Cancelled, PlanningCancelled):
            self._set_plan(None, _("The calculation was cancelled; nothing was changed."))
        except PlanningError as exc:
            self._set_plan(None, exc.message(self.lang)[:1].upper() + exc.message(self.lang)[1:] + ".")
        return None

    def _set_plan(self, plan: PlanOutcome | None, message: str = "") -> None:
        self.plan = plan
        if plan is None:
            self.panel.show_message(message)
        self.plan_changed.emit()


class DistributeTab(_PlanTab):
    """New cases per type → the leximin proposal."""

    def __init__(self, team: Team, norm_set: NormSet, as_of: date, lang: str, runner: Runner,
                 case_types: list[str], parent: QWidget | None = None) -> None:
        super().__init__(team, norm_set, as_of, lang, runner, "", parent)
        self.panel._caption.setText(_("Proposal:"))
        self.panel.proposal_list.setAccessibleName(_("Proposal"))
        self.incoming_model = IncomingModel(case_types, lang, self)
        table = self.incoming_table = QTableView(self)
        table.setObjectName("incomingTable")
        table.setAccessibleName(_("New cases per case type"))
        table.setModel(self.incoming_model)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        intro = QLabel(_("New cases per case type:"), self)
        self.compute_button = QPushButton(_("Calculate proposal"), self)
        self.compute_button.setObjectName("computeButton")
        self.compute_button.setDefault(True)
        self.compute_button.clicked.connect(self.compute)
        note = QLabel(_("Each case goes where the highest load after the distribution is lowest, "
                              "respecting competences and \"takes no new cases\"."), self)
        note.setWordWrap(True)
        self.level_combo = self._level_combo(team)
        level_row = QHBoxLayout()
        level_label = QLabel(_("Level of the new cases:"), self)
        level_label.setBuddy(self.level_combo)
        level_row.addWidget(level_label)
        level_row.addWidget(self.level_combo, 1)
        for widget in (intro, table):
            self.side.addWidget(widget)
        self.side.addLayout(level_row)
        for widget in (self.compute_button, note):
            self.side.addWidget(widget)
        table.setMinimumWidth(300)
        table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between its cells
        self._reading_order(table, self.compute_button)

    def _level_combo(self, team: Team) -> QComboBox:
        """Case weight (issue 27): the level the new cases take; "not assessed" (the first)
        counts them at the team's default level and records no split."""
        from sagstal_desktop.core import case_weight as cw

        weighting = team.settings.weighting
        combo = QComboBox(self)
        combo.setObjectName("newCaseLevel")
        combo.setAccessibleName(_("Level of the new cases"))
        combo.addItem(_("not assessed (counts as {level})").format(
            level=cw.level_name(weighting.default_level, self.lang)), None)
        for level in cw.LEVELS:
            combo.addItem(cw.level_name(level, self.lang), level)
        combo.setToolTip(_("With the team's case weight on, each new case weighs as a case of this level; a "
                           "chosen level is recorded in the receivers' split. Off: every case counts alike.")
                         if weighting.on else _("Case weight is off (Team → Team settings): every case counts "
                                                "alike; a chosen level is still recorded in the split."))
        return combo

    def level(self) -> str | None:
        """The level chosen for the new cases (None: not assessed)."""
        return self.level_combo.currentData()

    def compute(self) -> None:
        from sagstal_desktop.core.planning import assignment_text

        self.incoming_table.setFocus()  # ends an open edit
        incoming = self.incoming_model.incoming()
        if not incoming:
            self._set_plan(None, _("Enter the number of new cases for at least one case type."))
            return
        team, as_of, norm_set, level = self.team, self.as_of, self.norm_set, self.level()

        def job(_progress, cancelled):
            from sagstal_desktop.core.planning import distribute

            return _stop_if_cancelled(cancelled, distribute(team, incoming, as_of, norm_set, cancelled=cancelled,
                                                            level=level))

        plan = self._run(_("Calculating the distribution…"), job)
        if plan is None:
            return
        lines = [assignment_text(a, self.lang) for a in plan.assignments]
        self.panel.show_plan(plan, lines, _("No cases to distribute."), self.unweighted_loads(plan))
        self._set_plan(plan)

    def added_cases(self) -> int:
        return sum(a.cases for a in self.plan.assignments) if self.plan else 0


class RebalanceTab(_PlanTab):
    """The trade-off and the plan for the chosen K."""

    def __init__(self, team: Team, norm_set: NormSet, as_of: date, lang: str, runner: Runner,
                 parent: QWidget | None = None) -> None:
        super().__init__(team, norm_set, as_of, lang, runner, "", parent)
        self.panel._caption.setText(_("Moves:"))
        self.panel.proposal_list.setAccessibleName(_("Moves"))
        self.points: list[TradeoffPoint] = []
        self.tradeoff_model = TradeoffModel(norm_set, lang, self)
        table = self.tradeoff_table = QTableView(self)
        table.setObjectName("tradeoffTable")
        table.setAccessibleName(_("Moves and the highest load"))
        table.setModel(self.tradeoff_model)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        table.clicked.connect(lambda index: self.choose(self.points[index.row()].max_moves))
        table.setMinimumWidth(340)
        self.chart = TradeoffChart(self)
        self.chart.k_clicked.connect(self.choose)
        self.k_spin = QSpinBox(self)
        self.k_spin.setObjectName("maxMovesSpin")
        self.k_spin.setAccessibleName(_("Move at most"))
        self.k_spin.setRange(0, MAX_K)
        self.k_spin.editingFinished.connect(lambda: self.choose(self.k_spin.value()))
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Move at most"), self))
        row.addWidget(self.k_spin)
        row.addWidget(QLabel(_("cases"), self))
        row.addStretch(1)
        from sagstal_desktop.core.wording import fill

        self.aim_combo = QComboBox(self)
        self.aim_combo.setObjectName("aimCombo")
        self.aim_combo.addItem(_("Even loads (the highest load as low as possible)"), "even")
        self.aim_combo.addItem(fill(_("Fewest staff over <max>, then even loads"), norm_set, lang), "fewest-over")
        self.aim_combo.currentIndexChanged.connect(self._aim_changed)
        aim_row = QHBoxLayout()
        aim_label = QLabel(_("Aim:"), self)
        aim_label.setBuddy(self.aim_combo)
        aim_row.addWidget(aim_label)
        aim_row.addWidget(self.aim_combo, 1)
        intro = QLabel(_("Fewer moves or a lower highest load: choose the point worth the changes "
                               "(each change of caseworker costs the citizen)."), self)
        intro.setWordWrap(True)
        self.side.addLayout(aim_row)
        self.side.addWidget(intro)
        self.side.addWidget(table, 1)
        self.side.addWidget(self.chart)
        self.side.addLayout(row)
        table.setTabKeyNavigation(False)
        self._reading_order(self.aim_combo, table, self.chart, self.k_spin)
        self.started = False

    def start(self) -> None:
        """Compute the trade-off and the plan for the default K (once)."""
        if self.started:
            return
        self.started = True
        team, as_of, norm_set, aim = self.team, self.as_of, self.norm_set, self.aim()

        def job(progress, cancelled):
            from sagstal_desktop.core.planning.rebalance import plan_with_tradeoff

            return _stop_if_cancelled(cancelled, plan_with_tradeoff(team, None, as_of, norm_set, aim=aim,
                                                                    progress=progress, cancelled=cancelled))

        found = self._run(_("Calculating what each number of moves achieves…"), job)
        if found is None:
            self.started = False
            return
        plan, self.points = found
        self.tradeoff_model.set_points(self.points)
        self._default_k = plan.max_moves
        self._show(plan)

    def aim(self) -> str:
        """The chosen aim: "even" or "fewest-over"."""
        return self.aim_combo.currentData()

    def _aim_changed(self, _index: int) -> None:
        if not self.started:
            return
        self.started, self.plan, self.points = False, None, []
        self.tradeoff_model.set_points([])
        self.start()

    def default_k(self) -> int:
        """The default K: the fewest moves reaching the best plan for the aim within the cap."""
        return self._default_k

    _default_k = 0

    def _select(self, k: int) -> None:
        self.k_spin.setValue(k)
        self.chart.show_points(self.points, k, self.lang)
        rows = [i for i, p in enumerate(self.points) if p.max_moves == k]
        selection = self.tradeoff_table.selectionModel()
        selection.clearSelection()
        if rows:
            index = self.tradeoff_model.index(rows[0], 0)
            selection.select(index, QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
            self.tradeoff_table.scrollTo(index)

    def _show(self, plan) -> None:
        from sagstal_desktop.core.planning import move_text
        from sagstal_desktop.core.planning.rebalance import with_plan

        points = with_plan(self.points, plan)  # the row of the plan shows the plan itself
        if points != self.points:
            self.points = points
            self.tradeoff_model.set_points(points)
        self._select(plan.max_moves)
        lines = [move_text(m, self.lang) for m in plan.moves]
        self.panel.show_plan(plan, lines, _("No moves lower the highest load."), self.unweighted_loads(plan))
        if plan.moves:
            self.panel.headline.setText(self.panel.headline.text() + " " + _("Moved cases: {n}.").format(
                n=plan.moved_cases))
        self._set_plan(plan)

    def choose(self, k: int) -> None:
        """Compute and show the plan with at most ``k`` moved cases for the chosen aim."""
        self._select(k)
        if self.plan is not None and self.plan.max_moves == k:
            return  # shown already (e.g. the spin box losing focus)
        team, as_of, norm_set, aim = self.team, self.as_of, self.norm_set, self.aim()

        def job(_progress, cancelled):
            from sagstal_desktop.core.planning import rebalance

            return _stop_if_cancelled(cancelled, rebalance(team, k, as_of, norm_set, cancelled=cancelled, aim=aim))

        plan = self._run(_("Calculating the moves…"), job)
        if plan is None:
            return
        self._show(plan)

    def moved_cases(self) -> int:
        return getattr(self.plan, "moved_cases", 0) if self.plan else 0

"""The right-hand side of both planning tabs: the headline (highest load before → after, measured
against the chosen set's maximum, and whether the plan is proven optimal), the proposal as
Danish sentences ("3 sygedagpenge-sager fra Anne Holm til Ida Bech"), and every person's load
before and after as a table beside a bar chart, both sorted by load after."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.core.formatting import format_percent
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.core.planning.result import PlanOutcome
from sagstal_desktop.core.wording import fill, format_load
from sagstal_desktop.gui.dialogs.common import error_label, show_error
from sagstal_desktop.gui.models.planning_models import LoadChangeModel
from sagstal_desktop.gui.widgets.plan_charts import LoadPairChart
from sagstal_desktop.i18n import _


class WholeLabel(QLabel):
    """A word-wrapping label that keeps the height its text needs at its width (a layout inside
    a splitter does not ask a label's height for its width, so a long line was cut off)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        height = self.heightForWidth(self.width()) if self.text() else 0
        if height != self.minimumHeight():
            self.setMinimumHeight(max(height, 0))

#: The least share of the row the before/after chart keeps when the table widens for its names.
CHART_SHARE_MIN = 0.35


class PlanResultPanel(QWidget):
    """Shows one proposal (``show_plan``) or a message why there is none (``show_message``)."""

    def __init__(self, norm_set: NormSet, lang: str, list_caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._norm_set, self._lang = norm_set, lang
        self.headline = WholeLabel(self)
        self.headline.setObjectName("planHeadline")
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.message = error_label(self)
        self._caption = QLabel(list_caption, self)
        self.proposal_list = QListWidget(self)
        self.proposal_list.setObjectName("proposalList")
        self.proposal_list.setMaximumHeight(120)
        self.model = LoadChangeModel(norm_set, lang, self)
        self.table = QTableView(self)
        self.table.setAccessibleName(_("Load before and after"))
        self.table.setTabKeyNavigation(False)  # read only: Tab goes on, the arrows move in it
        self.table.setObjectName("loadChangeTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.chart = LoadPairChart(self)
        scroll = QScrollArea(self)
        scroll.setAccessibleName(_("Chart of the load before and after"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setSizes([330, 330])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.headline, self.message, self._caption, self.proposal_list):
            layout.addWidget(widget)
        layout.addWidget(splitter, 1)
        self.clear()

    def clear(self) -> None:
        self.headline.setText("")
        show_error(self.message, "")
        self.proposal_list.clear()
        self.model.set_persons([])
        self.chart.show_persons([], self._lang, "", "")

    def show_message(self, text: str) -> None:
        """No proposal: say why (e.g. nobody may take the type); the tables are emptied."""
        self.clear()
        show_error(self.message, text)

    def show_plan(self, plan: PlanOutcome, lines: Sequence[str], empty_text: str,
                  unweighted: dict[str, tuple[float | None, float | None]] | None = None) -> None:
        """``unweighted``: with case weight on, member id -> the unweighted load before and after
        (the plan's own loads are the weighted ones), shown in the loads' tooltips."""
        show_error(self.message, "")
        self.headline.setText(self.headline_text(plan))
        self.proposal_list.clear()
        self.proposal_list.addItems(list(lines) or [empty_text])
        self.model.set_persons(plan.persons, unweighted)
        self.chart.show_persons(self.model.persons(), self._lang, _("Before"), _("After"))
        self.fit_table()

    def table_width_needed(self) -> int:
        """The table's width with every name whole: the longest name (or the title) and the
        two load columns, the frame and a vertical scroll bar."""
        table, header = self.table, self.table.horizontalHeader()
        names = max(table.sizeHintForColumn(0), header.sectionSizeHint(0))
        loads = sum(max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in (1, 2))
        bar = table.style().pixelMetric(table.style().PixelMetric.PM_ScrollBarExtent, None, table)
        return names + loads + 2 * table.frameWidth() + bar

    def fit_table(self) -> None:
        """Widen the table beside the chart until no name is cut short ("Bo …" at 1280×680 at
        150 %), leaving the chart at least ``CHART_SHARE_MIN`` of the row; never narrowed."""
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if total <= 0 or sizes[0] >= self.table_width_needed():
            return
        table = min(self.table_width_needed(), int(total * (1 - CHART_SHARE_MIN)))
        if table > sizes[0]:
            self.splitter.setSizes([table, total - table])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.model.rowCount():
            self.fit_table()

    def headline_text(self, plan: PlanOutcome) -> str:
        from sagstal_desktop.core.planning.texts import over_text

        # the count over the maximum before → after, and who the plan takes over it, always said
        text = _("Highest load: {before} → {after} of <max>. {over} {proof}").format(
            before=format_load(plan.max_load_before, self._lang, 1),
            after=format_load(plan.max_load_after, self._lang, 1),
            over=over_text(plan, self._norm_set, self._lang), proof=self.proof_text(plan))
        return fill(text, self._norm_set, self._lang)

    def proof_text(self, plan: PlanOutcome) -> str:
        from sagstal_desktop.core.planning.texts import levels_text, other_level_text

        other = other_level_text(plan, self._lang)  # case weight: cases counted at another level
        if other is not None:
            return other
        if plan.optimal:
            return _("Proven optimal.")
        levels = levels_text(plan, self._lang)
        if levels is not None:
            return levels
        if getattr(plan, "max_load_proven", False):  # a rebalance: the rest was cut short
            return _("Highest load proven optimal; time limit reached before the lower loads and the "
                     "number of moved cases were proven optimal.")
        if math.isinf(plan.gap):
            return _("Time limit reached – the distance to the optimum is not known.")
        return _("Time limit reached – at most {gap} from the optimum.").format(
            gap=format_percent(plan.gap, 1, self._lang))

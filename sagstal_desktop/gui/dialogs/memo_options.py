"""The memo options dialog: language, anonymisation, optional sections (the list of every staff
member, history, scenarios, national figures, references, budget), budget years. For a team of
more than ``memo_full_list_max_staff`` staff a note below the list's checkbox says the list
goes into an appendix."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.core.formatting import format_date, format_number
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.core.validation import budget_first_year_range
from sagstal_desktop.gui.dialogs.common import ok_cancel_buttons, ui_language
from sagstal_desktop.i18n import _, ngettext
from sagstal_desktop.report.options import MAX_BUDGET_YEARS, MIN_BUDGET_YEARS, MemoOptions, full_list_max_staff

PURPOSES = ("export", "preview", "print")


class MemoOptionsDialog(QDialog):
    """Asks what the memo should contain. ``options()`` after Accepted."""

    def __init__(self, team: Team, norm_set: NormSet, lang: str, parent: QWidget | None = None,
                 purpose: str = "export", today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoOptionsDialog")
        titles = {"export": _("Export memo"), "preview": _("Memo preview"),
                  "print": _("Print memo")}
        self.setWindowTitle(titles.get(purpose, titles["export"]))
        today = today or date.today()
        settings = team.settings
        has_cost = settings.cost_per_fte is not None

        self.language = QComboBox()
        self.language.addItem("Dansk", "da")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "da" else 1)
        from sagstal_desktop.core.anonymise import min_staff

        self.anonymise = QCheckBox(_("Anonymise staff (Staff member A, B, …)"))
        self.anonymise.setToolTip(_("For readers who know the team: no name, start date, hours, cases or exact "
                                    "load of any person appears in the PDF, its metadata included. Per person only "
                                    "a label drawn afresh for this memo, the load band and the status (from {k} "
                                    "staff with a load); scenarios name no one.").format(k=min_staff()))
        self.anonymise.setChecked(team.info.author_role == "tr")

        limit = full_list_max_staff()
        self.full_list = QCheckBox(_("List every staff member"))
        self.full_list.setObjectName("memoFullList")
        self._full_list_default = len(team.staff) <= limit
        self.full_list.setChecked(self._full_list_default)
        shown_limit = format_number(limit, 0, ui_language(parent))
        self.full_list.setToolTip(_("Unchecked, the memo sums the staff up (staff per status, cases per area, the "
                                    "most loaded) instead of a row per person. Checked by default for teams of up "
                                    "to {n} staff; for a larger team the list is added as an appendix.").format(
                                        n=shown_limit))
        self.full_list_note: QLabel | None = None  # only for a team above the limit
        if len(team.staff) > limit:
            self.full_list_note = QLabel(ngettext("As an appendix: the team has more than {n} staff member",
                                                  "As an appendix: the team has more than {n} staff",
                                                  limit).format(n=shown_limit))
            self.full_list_note.setObjectName("memoFullListNote")
            self.full_list_note.setWordWrap(True)

        self.national = QCheckBox(_("National figures from DS's 2023 survey"))
        self.national.setChecked(True)
        self.references = QCheckBox(_("Caseloads in projects with documented effects"))
        self.references.setChecked(True)
        from sagstal_desktop.core.history import ordered_snapshots, snapshot_date
        from sagstal_desktop.core.trend import DEFAULT_LAST

        dates = sorted({snapshot_date(s) for s in ordered_snapshots(team)})
        self.history = QCheckBox(_("History: trend of the snapshots"))
        self.history.setChecked(len(dates) >= 2)
        self.history.setEnabled(len(dates) >= 2)
        if len(dates) < 2:
            self.history.setToolTip(_("Needs two or more snapshots (Team → History…)."))
        self.history_from = QComboBox()
        for day in dates[:-1]:
            self.history_from.addItem(format_date(day, lang), day)
        self._default_from = max(0, len(dates) - DEFAULT_LAST)
        self.history_from.setCurrentIndex(min(self._default_from, max(self.history_from.count() - 1, 0)))
        self.history_from.setToolTip(_("The first snapshot shown (default: the last 12)."))
        self.history.toggled.connect(self.history_from.setEnabled)
        self.history_from.setEnabled(self.history.isChecked())
        self.forecast = QCheckBox(_("Forecast: the next months from intake and closures"))
        self.forecast.setObjectName("memoForecast")
        self.forecast.setChecked(False)  # the section is chosen, never added silently
        self.forecast.setEnabled(bool(team.flows))
        if not team.flows:
            self.forecast.setToolTip(_("Needs intake and closures per month (Team → Intake and closures…)."))
        self.scenarios = QListWidget()
        self.scenarios.setObjectName("memoScenarios")
        for scenario in team.scenarios:
            item = QListWidgetItem(scenario.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.scenarios.addItem(item)
        self.scenarios.setMaximumHeight(18 * min(max(len(team.scenarios), 1), 5) + 8)
        self.scenarios.setToolTip(_("The scenarios the section \"Scenarios\" compares with the current team."))
        self.budget = QCheckBox(_("Budget table"))
        self.budget.setChecked(has_cost)
        self.budget.setEnabled(has_cost)
        self.budget_note: QLabel | None = None  # greyed out: says why, in sight (not only in a tooltip)
        if not has_cost:
            why = _("Enter a cost per FTE under Team → Settings to include a budget.")
            self.budget.setToolTip(why)
            self.budget_note = QLabel(why)
            self.budget_note.setObjectName("memoBudgetNote")
            self.budget_note.setWordWrap(True)
            self.budget_note.setStyleSheet("color: #555;")
        self.years = QSpinBox()
        self.years.setRange(MIN_BUDGET_YEARS, MAX_BUDGET_YEARS)
        self.years.setValue(min(max(settings.budget_years, MIN_BUDGET_YEARS), MAX_BUDGET_YEARS))
        self.first_year = QSpinBox()
        self.first_year.setRange(*budget_first_year_range())
        self.first_year.setValue(settings.budget_first_year or today.year + 1)
        self.budget.toggled.connect(self._budget_toggled)
        self._budget_toggled(self.budget.isChecked())

        form = QFormLayout()
        form.addRow(_("Language:"), self.language)
        form.addRow("", self.anonymise)
        sections = QGroupBox(_("Optional sections"))
        box = QFormLayout(sections)
        if self.full_list_note is None:
            box.addRow(self.full_list)
        else:
            style = self.full_list.style()  # the note lines up with the checkbox's text, below it
            indent = (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
                      + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing))
            self.full_list_note.setContentsMargins(indent, 0, 0, 0)
            full_list_rows = QVBoxLayout()
            full_list_rows.setSpacing(0)
            full_list_rows.addWidget(self.full_list)
            full_list_rows.addWidget(self.full_list_note)
            box.addRow(full_list_rows)
        box.addRow(self.history)
        box.addRow(_("History from:"), self.history_from)
        box.addRow(self.forecast)
        if team.scenarios:
            box.addRow(_("Scenarios:"), self.scenarios)
        box.addRow(self.national)
        box.addRow(self.references)
        box.addRow(self.budget)
        if self.budget_note is not None:
            style = self.budget.style()
            indent = (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
                      + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing))
            self.budget_note.setContentsMargins(indent, 0, 0, 0)
            box.addRow(self.budget_note)
        box.addRow(_("Budget years:"), self.years)
        box.addRow(_("First budget year:"), self.first_year)
        measured = QLabel(_("Measured against: {name}").format(name=norm_set.name(lang)))
        measured.setWordWrap(True)

        buttons = ok_cancel_buttons(self)
        ok_text = {"export": _("Export…"), "preview": _("Preview"), "print": _("Print…")}
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text.get(purpose, ok_text["export"]))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(sections)
        layout.addWidget(measured)
        layout.addWidget(buttons)

    def _budget_toggled(self, on: bool) -> None:
        self.years.setEnabled(on)
        self.first_year.setEnabled(on)

    def chosen_scenarios(self) -> tuple[str, ...] | None:
        """The checked scenarios' names (none checked: no section; a team without scenarios: None)."""
        if not self.scenarios.count():
            return None
        items = (self.scenarios.item(i) for i in range(self.scenarios.count()))
        return tuple(item.text() for item in items if item.checkState() == Qt.CheckState.Checked)

    def options(self, as_of: date | None = None) -> MemoOptions:
        """The chosen options (``as_of``: the date the window's figures are computed for)."""
        return MemoOptions(
            lang=self.language.currentData(),
            anonymise=self.anonymise.isChecked(),
            include_national=self.national.isChecked(),
            include_budget=self.budget.isChecked(),
            include_references=self.references.isChecked(),
            include_history=self.history.isChecked(),
            include_forecast=self.forecast.isChecked(),
            history_from=(self.history_from.currentData()
                          if self.history.isChecked() and self.history_from.currentIndex() != self._default_from
                          else None),
            scenarios=self.chosen_scenarios(),
            budget_years=self.years.value(),
            budget_first_year=self.first_year.value(),
            as_of=as_of,
            full_list=(None if self.full_list.isChecked() == self._full_list_default  # as by the team's size
                       else self.full_list.isChecked()),
        )

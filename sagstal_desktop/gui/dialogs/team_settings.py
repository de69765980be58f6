"""Team facts and the settings that change the computation: newcomers, cost per FTE, budget years.

Input is checked with ``core.validation`` (Danish notation accepted: "12,5", "550.000"); a bad value
keeps the dialog open with a message naming the field and the value, and nothing is changed.

    dialog = TeamSettingsDialog(team, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        info, settings = dialog.result_info(), dialog.result_settings()
"""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.core.case_weight import LEVELS, Weighting, level_name, max_points
from sagstal_desktop.core.defaults import default_note
from sagstal_desktop.core.formatting import format_number, format_value
from sagstal_desktop.core.model import AUTHOR_ROLES, Team, TeamInfo, TeamSettings
from sagstal_desktop.core.validation import (
    InputError,
    budget_years_range,
    check_label,
    check_length,
    limits,
    parse_count,
    parse_money,
    parse_number,
    parse_share,
)
from sagstal_desktop.gui.dialogs.common import error_label, ok_cancel_buttons, show_error, ui_language
from sagstal_desktop.gui.icons import icon
from sagstal_desktop.gui.widgets.wrapped_line import WrappedLineEdit
from sagstal_desktop.i18n import _

MAX_NEWCOMER_MONTHS = int(limits()["max_newcomer_months"])
MAX_BUDGET_YEARS = budget_years_range()[1]
FIRST_YEAR_RANGE = (2000, 2100)


class TeamSettingsDialog(QDialog):
    """Edits ``TeamInfo`` and ``TeamSettings``; the team itself is never changed here."""

    def __init__(self, team: Team, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = ui_language(parent)
        self._info = dataclasses.replace(team.info)
        self._settings = dataclasses.replace(team.settings)
        self.setWindowTitle(_("Team settings"))
        self.setWindowIcon(icon("settings"))

        self.municipality = QLineEdit(team.info.municipality)
        self.department = QLineEdit(team.info.department)
        self.team_name = QLineEdit(team.info.team_name)
        for field in (self.municipality, self.department, self.team_name):
            field.setMaxLength(int(limits()["max_name_length"]))
        self.author_role = QComboBox()
        role_names = {"team_leader": _("Team leader"), "tr": _("Union representative (TR)"),
                      "other": _("Other")}
        for role in AUTHOR_ROLES:
            self.author_role.addItem(role_names.get(role, role), role)
        self.author_role.setCurrentIndex(max(0, self.author_role.findData(team.info.author_role)))
        team_box = QGroupBox(_("The team"))
        team_form = QFormLayout(team_box)
        team_form.addRow(_("Municipality:"), self.municipality)
        team_form.addRow(_("Department:"), self.department)
        team_form.addRow(_("Team:"), self.team_name)
        team_form.addRow(_("Written by:"), self.author_role)

        settings = team.settings
        self.newcomer_reduction = QLineEdit(format_number(settings.newcomer_reduction * 100, 1, self._lang)
                                            .removesuffix(",0").removesuffix(".0"))
        self.newcomer_reduction.setMaximumWidth(90)
        self.newcomer_months = QSpinBox()
        self.newcomer_months.setRange(0, MAX_NEWCOMER_MONTHS)
        self.newcomer_months.setValue(settings.newcomer_months)
        self.newcomer_months.setSuffix(_(" months"))
        newcomer_note = QLabel(default_note("newcomer_reduction", self._lang))
        newcomer_note.setWordWrap(True)
        newcomer_note.setObjectName("noteLabel")
        reduction_row = QHBoxLayout()
        reduction_row.addWidget(self.newcomer_reduction)
        reduction_row.addWidget(QLabel("%"))
        reduction_row.addStretch(1)
        newcomer_box = QGroupBox(_("Newly hired staff"))
        newcomer_form = QFormLayout()
        newcomer_form.addRow(_("Capacity reduced by:"), reduction_row)
        newcomer_form.addRow(_("For the first:"), self.newcomer_months)
        newcomer_layout = QVBoxLayout(newcomer_box)
        newcomer_layout.addLayout(newcomer_form)
        newcomer_layout.addWidget(newcomer_note)

        self.cost_per_fte = QLineEdit(
            "" if settings.cost_per_fte is None else format_number(settings.cost_per_fte, 0, self._lang))
        self.cost_per_fte.setPlaceholderText(_("not set"))
        self.cost_source = WrappedLineEdit(settings.cost_source, self, lines=4)  # long references wrap, never clip
        self.cost_source.setMaxLength(int(limits()["max_text_length"]))
        self.cost_source.setPlaceholderText(_("e.g. Finance department, average salary with pension, 2026"))
        cost_note = QLabel(_(
            "Sagstal has no default figure for this. Enter your own yearly cost of one full-time caseworker "
            "(salary, pension and overhead) and note where it comes from: both are printed with every cost. "
            "Leave it empty to show staffing needs without costs."))
        cost_note.setWordWrap(True)
        cost_note.setObjectName("noteLabel")
        cost_row = QHBoxLayout()
        cost_row.addWidget(self.cost_per_fte, 1)
        cost_row.addWidget(QLabel(_("DKK a year")))
        self.budget_years = QSpinBox()
        self.budget_years.setRange(1, MAX_BUDGET_YEARS)
        self.budget_years.setValue(settings.budget_years)
        self.budget_years.setSuffix(_(" years"))
        first_year = settings.budget_first_year
        self.budget_first_year = QLineEdit("" if first_year is None else str(first_year))
        self.budget_first_year.setPlaceholderText(_("not set"))
        self.budget_first_year.setMaximumWidth(90)
        cost_box = QGroupBox(_("Cost and budget"))
        cost_form = QFormLayout()
        cost_form.addRow(_("Cost per full-time caseworker:"), cost_row)
        cost_form.addRow(_("Source of the cost figure:"), self.cost_source)
        budget_form = QFormLayout()
        budget_form.addRow(_("Budget period:"), self.budget_years)
        budget_form.addRow(_("First budget year:"), self.budget_first_year)
        cost_layout = QVBoxLayout(cost_box)
        cost_layout.addLayout(cost_form)
        cost_layout.addWidget(cost_note)
        cost_layout.addLayout(budget_form)

        weight_box = self._weighting_box(settings.weighting)

        self.error = error_label(self)
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(team_box)
        side_by_side = QHBoxLayout()  # newcomers and case weight beside each other: the dialog fits 680 px
        side_by_side.addWidget(newcomer_box, 1)
        side_by_side.addWidget(weight_box, 1)
        layout.addLayout(side_by_side)
        layout.addWidget(cost_box)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.setMinimumWidth(680)
        from sagstal_desktop.gui.screen_fit import fit_to_screen

        self.setObjectName("teamSettingsDialog")
        fit_to_screen(self, 680, self.heightForWidth(680) if self.hasHeightForWidth() else self.sizeHint().height(),
                      remember=False)

    def _weighting_box(self, weighting: Weighting) -> QGroupBox:
        """Case weight (issue 27): how the levels count, the points and their source, the level of
        cases not assessed."""
        self.weighting_mode = QComboBox()
        for mode, text in (("off", _("Off: every case alike")), ("range", _("The case's place in the range")),
                           ("points", _("The team's own points"))):
            self.weighting_mode.addItem(text, mode)
        self.weighting_mode.setCurrentIndex(max(0, self.weighting_mode.findData(weighting.mode)))
        self.weighting_mode.setAccessibleName(_("Case weight"))
        self.weighting_points: dict[str, QLineEdit] = {}
        points_row = QHBoxLayout()
        for level, value in zip(LEVELS, weighting.points, strict=True):
            field = QLineEdit(format_value(value, self._lang))
            field.setMaximumWidth(48)
            field.setAccessibleName(_("Points for {level} cases").format(level=level_name(level, self._lang)))
            field.setToolTip(level_name(level, self._lang))
            self.weighting_points[level] = field
            points_row.addWidget(field)
        points_row.addStretch(1)
        self.weighting_default = QComboBox()
        for level in LEVELS:
            self.weighting_default.addItem(level_name(level, self._lang), level)
        self.weighting_default.setCurrentIndex(max(0, self.weighting_default.findData(weighting.default_level)))
        self.weighting_default.setAccessibleName(_("Cases not assessed count as"))
        self.weighting_note = QLineEdit(weighting.note)
        self.weighting_note.setMaxLength(int(limits()["max_text_length"]))
        self.weighting_note.setPlaceholderText(_("where the points come from"))
        self.weighting_note.setAccessibleName(_("Source of the points"))
        box = QGroupBox(_("Case weight"))
        form = QFormLayout(box)
        form.addRow(_("Count levels:"), self.weighting_mode)
        form.addRow(_("Points (simple, complex, very complex):"), points_row)
        form.addRow(_("Not assessed count as:"), self.weighting_default)
        form.addRow(_("Source of the points:"), self.weighting_note)
        self.weighting_mode.currentIndexChanged.connect(self._weighting_mode_changed)
        self._weighting_mode_changed()
        return box

    def _weighting_mode_changed(self) -> None:
        points = self.weighting_mode.currentData() == "points"
        for field in (*self.weighting_points.values(), self.weighting_note):
            field.setEnabled(points)

    def _weighting(self) -> Weighting:
        """The case weighting as entered; raises ``InputError`` (shown) for a bad point or note."""
        top = max_points()

        def point(text: str) -> float:
            value = parse_number(text)
            if not 0 < value <= top:
                raise InputError("points_range", text.strip(), top)
            return float(value)

        points = tuple(self._checked(_("Points for {level} cases").format(level=level_name(level, self._lang)),
                                     field, point) for level, field in self.weighting_points.items())
        note = self._checked(_("Source of the points"), self.weighting_note,
                             lambda text: check_length(text.strip(), "max_text_length"))
        return Weighting(self.weighting_mode.currentData(), points, self.weighting_default.currentData(), note)

    # -- results ----------------------------------------------------------------------------
    def result_info(self) -> TeamInfo:
        """The team facts as entered (valid after the dialog was accepted)."""
        return dataclasses.replace(self._info)

    def result_settings(self) -> TeamSettings:
        """The settings as entered (valid after the dialog was accepted); the norm set is unchanged."""
        return dataclasses.replace(self._settings)

    # -- validation -------------------------------------------------------------------------
    def accept(self) -> None:
        try:
            reduction = self._checked(_("Capacity reduced by"), self.newcomer_reduction, parse_share)
            cost = self._checked(_("Cost per full-time caseworker"), self.cost_per_fte, parse_money)
            first_year = self._checked(_("First budget year"), self.budget_first_year, parse_count)
            # the bounds the team file keeps: no control characters (pasted escape codes) either
            for label, field in ((_("Municipality"), self.municipality), (_("Department"), self.department),
                                 (_("Team"), self.team_name)):
                self._checked(label, field, check_label)
            self._checked(_("Source of the cost per FTE"), self.cost_source,
                          lambda text: check_length(text.strip(), "max_text_length"))
            weighting = self._weighting()
        except InputError:
            return
        low, high = FIRST_YEAR_RANGE
        if self.budget_first_year.text().strip() and not low <= first_year <= high:
            show_error(self.error, _("First budget year: \"{value}\" is not a year from {low} to {high}")
                       .format(value=self.budget_first_year.text().strip(), low=low, high=high))
            self.budget_first_year.setFocus()
            return
        self._info = TeamInfo(
            municipality=self.municipality.text().strip(),
            department=self.department.text().strip(),
            team_name=self.team_name.text().strip(),
            author_role=self.author_role.currentData(),
        )
        self._settings = dataclasses.replace(
            self._settings,
            newcomer_reduction=reduction,
            newcomer_months=self.newcomer_months.value(),
            cost_per_fte=cost,
            cost_source=self.cost_source.text().strip(),
            budget_years=self.budget_years.value(),
            budget_first_year=first_year if self.budget_first_year.text().strip() else None,
            weighting=weighting,
        )
        show_error(self.error, "")
        super().accept()

    def _checked(self, label: str, field: QLineEdit, parse):
        try:
            return parse(field.text())
        except InputError as exc:
            show_error(self.error, _("{field}: {problem}").format(field=label, problem=exc.message(self._lang)))
            field.setFocus()
            field.selectAll()
            raise

"""The team summary: available FTE, FTE needed at DS min / midpoint / max, shortfall and its
yearly cost, staff over DS max, and the average full-time caseload next to the DS range and
the 2023 national average for the team's areas (with its source).

The panel only reads a ``TeamSummary``; ``value(key)`` gives a shown text (for tests).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from sagstal_desktop.core.formatting import format_dkk, format_number, format_percent, format_range
from sagstal_desktop.core.load import TeamSummary
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.core.wording import uneven_summary, unmeasured_summary
from sagstal_desktop.gui import status_style
from sagstal_desktop.i18n import _, ngettext

LEVELS = ("min", "mid", "max")




def shortfall_text(value: float, lang: str) -> str:
    """1.31 -> "1,31 short"; -0.38 -> "0,38 surplus"."""
    number = format_number(abs(value), 2, lang)
    if abs(value) < 0.005:
        return format_number(0, 2, lang)
    if value > 0:
        return _("{n} short").format(n=number)
    return _("{n} surplus").format(n=number)


class SummaryPanel(QFrame):
    """Key team figures in a grid; recomputed values are pushed in with ``show_summary``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._values: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        self._summary: TeamSummary | None = None
        self._result = None  # the open scenario's core.scenarios.VariantResult
        self._norm_set: NormSet | None = None
        self._lang = "da"
        self._compact = False
        self._view_height = self._view_width = 0  # the scroll area's view, once known
        self._texts: dict[str, str] = {}  # the norm line and the national average, in full
        self._sources: dict[str, str] = {}  # their "Source: ..." lines (a tooltip when compact)

        outer = QVBoxLayout(self)
        self._title = QLabel(self)
        self._title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        outer.addWidget(self._title)
        self._norm_label = QLabel(self)
        self._norm_label.setWordWrap(True)
        self._norm_label.setStyleSheet("color: #333;")
        outer.addWidget(self._norm_label)

        top = self._top_grid = QGridLayout()
        for row, key in enumerate(("staff", "available", "over", "average", "range", "absent", "unassigned")):
            self._add_row(top, row, key)
        for key in ("absent", "unassigned"):  # shown only in an open scenario that has them
            self._captions[key].setVisible(False)
            self._values[key].setVisible(False)
        outer.addLayout(top)

        self._level_grid = QGridLayout()
        self._level_header = [QLabel(self) for _unused in range(4)]
        for col, label in enumerate(self._level_header):
            label.setStyleSheet("font-weight: bold;")
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
            self._level_grid.addWidget(label, 0, col)
        for row, level in enumerate(LEVELS, start=1):
            caption = QLabel(self)
            self._captions[f"level_{level}"] = caption
            self._level_grid.addWidget(caption, row, 0)
            for col, kind in enumerate(("needed", "shortfall", "cost"), start=1):
                value = QLabel(self)
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self._values[f"{kind}_{level}"] = value
                self._level_grid.addWidget(value, row, col)
        outer.addLayout(self._level_grid)
        self._cost_note = QLabel(self)
        self._cost_note.setWordWrap(True)
        self._cost_note.setStyleSheet("color: #555;")
        outer.addWidget(self._cost_note)

        self._national = QLabel(self)
        self._national.setWordWrap(True)
        self._national.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self._national)
        outer.addStretch(1)
        self.retranslate()

    def _add_row(self, grid: QGridLayout, row: int, key: str) -> None:
        caption, value = QLabel(self), QLabel(self)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setWordWrap(True)
        grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        self._captions[key], self._values[key] = caption, value

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self._title.setText(_("Team summary"))
        captions = {
            "staff": _("Staff:"),
            "available": _("Available casework FTE:"),
            "over": _("Staff over DS max:"),
            "average": _("Average full-time caseload:"),
            "range": _("DS range for the team's cases:"),
            "absent": _("Absent / vacant:"),
            "unassigned": _("Cases without a caseworker:"),
            "level_min": _("At DS min"),
            "level_mid": _("At the midpoint"),
            "level_max": _("At DS max"),
        }
        self._ds_captions = captions  # DS's wording; show_summary names another set's measure its own way
        for key, text in captions.items():
            self._captions[key].setText(text)
        headers = ("", _("FTE needed"), _("Shortfall"),
                   _("Yearly cost"))
        for label, text in zip(self._level_header, headers, strict=True):
            label.setText(text)
        if self._summary is not None:
            self.show_summary(self._summary, self._norm_set, self._lang, self._result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- values ------------------------------------------------------------------------------
    def show_summary(self, summary: TeamSummary, norm_set: NormSet, lang: str, result=None) -> None:
        """``result``: the open scenario's computation (absences and cases without a caseworker
        are then shown), or None for the team itself."""
        from sagstal_desktop.core.survey import national_context, survey_2023

        self._summary, self._norm_set, self._lang, self._result = summary, norm_set, lang, result
        absent = len(result.absent) if result is not None else 0
        unassigned = result.cases_without_caseworker if result is not None else 0
        for key, n in (("absent", absent), ("unassigned", unassigned)):
            self._captions[key].setVisible(bool(n))
            self._values[key].setVisible(bool(n))
            self._values[key].setText(format_number(n, 0, lang))
        self._values["available"].setToolTip(_(
            "Sum of casework FTE: (weekly hours − other tasks) / {fth}, reduced for newcomers."
        ).format(fth=format_number(norm_set.full_time_hours, 0, lang)))
        source = norm_set.source.cite(lang) if norm_set.source else ""
        measured = _("Measured against: {name}").format(name=norm_set.name(lang))
        self._sources["norm"] = _("Source: {source}").format(source=source) if source else ""
        if source:
            measured += "\n" + self._sources["norm"]
        unmeasured = unmeasured_summary(summary.uncovered_cases, summary.total_cases, lang)
        if unmeasured:
            measured += "\n" + unmeasured
        uneven = uneven_summary(summary, norm_set, lang)
        if uneven:
            measured += "\n" + uneven
        if summary.weighted:  # case weight (issue 27): the choice, the assessed cases, the unweighted figures
            from sagstal_desktop.core.case_weight import weighting_line

            measured += "\n" + weighting_line(summary.weighting, lang) + " " + _(
                "{assessed} of {n} cases assessed.").format(assessed=format_number(summary.assessed_cases, 0, lang),
                                                            n=format_number(summary.total_cases, 0, lang))
            measured += "\n" + _(
                "Without case weight: {need} FTE needed at the maximum; {over} staff over it.").format(
                need=format_number(summary.fte_needed_max_unweighted, 2, lang),
                over=format_number(summary.over_count_unweighted, 0, lang))
        self._texts["norm"] = measured
        self._level_header[1].setText(_("FTE needed for the weighted cases") if summary.weighted
                                      else _("FTE needed"))
        for key, phrase in (("over", "over_caption"), ("range", "range_caption"), ("level_min", "level_min"),
                            ("level_max", "level_max")):
            self._captions[key].setText(status_style.measure_text(self._ds_captions[key], phrase, norm_set, lang))
        values = self._values
        values["staff"].setText(ngettext("{n} person", "{n} persons", summary.staff_count).format(
            n=format_number(summary.staff_count, 0, lang)))
        values["available"].setText(format_number(summary.available_fte, 2, lang))
        if summary.computable_count:
            values["over"].setText(_("{over} of {n} ({share})").format(
                over=format_number(summary.over_count, 0, lang), n=format_number(summary.computable_count, 0, lang),
                share=format_percent(summary.over_count / summary.computable_count, 0, lang)))
        else:
            values["over"].setText("–")
        over_tip = ""
        if summary.weighted and summary.computable_count:  # the unweighted count one hover away
            over_tip = _("Status follows the weighted load; {unweighted}.").format(
                unweighted=_("unweighted {over}").format(over=format_number(summary.over_count_unweighted, 0, lang)))
        values["over"].setToolTip(over_tip)
        values["over"].setAccessibleDescription(over_tip)
        values["average"].setText(format_number(summary.average_fte_caseload, 1, lang))
        effective = summary.effective_range
        values["range"].setText(format_range(*effective, lang) if effective else "–")
        for level in LEVELS:
            values[f"needed_{level}"].setText(format_number(summary.fte_needed(level), 2, lang))
            both = ""
            if summary.weighted:  # the unweighted figure one hover away, and for screen readers
                both = _("Weighted cases: {weighted}; unweighted: {unweighted}.").format(
                    weighted=format_number(summary.fte_needed(level), 2, lang),
                    unweighted=format_number(summary.fte_needed_unweighted(level), 2, lang))
            values[f"needed_{level}"].setToolTip(both)
            values[f"needed_{level}"].setAccessibleDescription(both)
            values[f"shortfall_{level}"].setText(shortfall_text(summary.shortfall(level), lang))
            cost = summary.yearly_cost(level)
            values[f"cost_{level}"].setText(format_dkk(cost, lang) if cost is not None else "–")
        self._cost_note.setVisible(summary.cost_per_fte is None)
        self._cost_note.setText(_(
            "Enter a yearly cost per FTE in Team → Settings to see what the shortfall costs."))
        areas = national_context(summary.cases_by_type)
        if areas:
            lines = [_("National average 2023 (full-time caseload):")]
            for area in areas:
                ds = ""
                if area.ds_min is not None:
                    ds = ", " + _("DS range then {range}").format(
                        range=format_range(area.ds_min, area.ds_max, lang))
                lines.append(f"  {area.name(lang)}: {area.average_2023} "
                             + _("({n} answers{ds})").format(n=area.answers, ds=ds))
            self._sources["national"] = _("Source: {source}").format(source=survey_2023().source.cite(lang))
            lines.append(self._sources["national"])
            self._texts["national"] = "\n".join(lines)
        else:
            self._texts["national"] = self._sources["national"] = ""
        self._show_texts()
        if self._view_height:
            self.fit_height(self._view_height, self._view_width)

    # -- a compact layout for short screens ------------------------------------------------
    def set_compact(self, compact: bool) -> None:
        """Compact: the two source citations are not shown as text but told by the tooltip and
        to a screen reader (the accessible description), so a 1366×768 screen shows every figure
        down to the national average without scrolling. The help names the sources too."""
        if compact != self._compact:
            self._compact = compact
            outer = self.layout()
            if not hasattr(self, "_full_spacing"):
                self._full_spacing = (outer.spacing(), outer.contentsMargins(), self._top_grid.verticalSpacing(),
                                      self._level_grid.verticalSpacing())
            spacing, margins, top, level = self._full_spacing
            outer.setSpacing(2 if compact else spacing)
            outer.setContentsMargins(*((6, 4, 6, 4) if compact else (margins.left(), margins.top(), margins.right(),
                                                                    margins.bottom())))
            self._top_grid.setVerticalSpacing(1 if compact else top)
            self._level_grid.setVerticalSpacing(1 if compact else level)
            self._show_texts()

    def is_compact(self) -> bool:
        return self._compact

    def fit_height(self, height: int, width: int = 0) -> None:
        """Compact when the full panel is taller than ``height`` at ``width`` (the scroll area's
        view), full again once the full panel would fit."""
        self._view_height, self._view_width = height, width or self._view_width
        self.set_compact(False)
        if self._needed_height() > height:
            self.set_compact(True)

    def _needed_height(self) -> int:
        width = self._view_width or self.width()
        if self.hasHeightForWidth() and width > 0:
            return self.heightForWidth(width)
        return self.sizeHint().height()

    def _show_texts(self) -> None:
        for key, label in (("norm", self._norm_label), ("national", self._national)):
            text, source = self._texts.get(key, ""), self._sources.get(key, "")
            if self._compact and source:
                text = "\n".join(line for line in text.split("\n") if line != source)
            label.setText(text)
            label.setToolTip(source if self._compact else "")
            label.setAccessibleDescription(source)

    def value(self, key: str) -> str:
        """The shown text of a figure: "available", "over", "average", "range", "staff",
        "needed_max", "shortfall_mid", "cost_min", ..."""
        return self._values[key].text()

    def national_text(self) -> str:
        """The national average as a whole, its source included (shown or, compact, in the tooltip)."""
        return self._texts.get("national", "")

    def caption(self, key: str) -> str:
        return self._captions[key].text()

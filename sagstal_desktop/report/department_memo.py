"""The department memo (issue 26, item 6): ``sagstal memo --department DIR -o afdeling.pdf``
and "Notat…" in the window's department view.

Sections: the department in brief, the teams side by side (table and a chart of the teams'
loads), the trend by month, where new positions do most good (with ``plan``), problems, method
and sources. The figures are ``core.department``'s (the rows of ``core.department_view``, which
the window shows too), laid out with the team memo's look (``memo_style``, ``memo_base``
helpers, ``page_layout``, ``citations``) and its wording rules: the measure named by the norm
set's kind, every derived figure said to be Sagstal's calculation, every figure with its source.

Anonymised: team-level figures only, small teams merged (``core.department_view``), no file
names, no person names, nothing per person. Written through the one atomic writer.
"""

from __future__ import annotations

import io
import os
from datetime import datetime
from pathlib import Path

from sagstal_desktop import __version__
from sagstal_desktop.core.anonymise import anonymised_title, min_staff
from sagstal_desktop.core.defaults import default_source
from sagstal_desktop.core.department import Department, sustained_rule
from sagstal_desktop.core.department_view import OverviewRow, overview_rows, position_rows, total_row
from sagstal_desktop.core.formatting import format_dkk, format_number, format_percent, format_timestamp
from sagstal_desktop.core.wording import fill, format_load, kind_note
from sagstal_desktop.i18n import N_, NP_, ptr, tr
from sagstal_desktop.report.citations import Citations
from sagstal_desktop.report.fonts import COND, COND_BOLD, REGULAR, register_fonts
from sagstal_desktop.report.memo_style import (
    FRAME_W,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    MemoStyles,
    esc,
    mm,
)
from sagstal_desktop.report.page_layout import canvas_class
from sagstal_desktop.report.text_fit import one_full_stop
from sagstal_desktop.report.texts import long_date, texts

#: The department memo's own words (English msgids; <max> etc. filled by ``core.wording.fill``).
TEXTS: dict[str, str] = {
    "title": N_("Memo on the department's caseloads and staffing"),
    "files": N_("Team files"),
    "measured": N_("Measured against"),
    "own_sets": N_("each team's own norm set: {sets}"),
    "h_brief": N_("The department in brief"),
    "brief_teams": N_("The department's {teams} teams have {staff} staff and {cases} cases."),
    "brief_need": N_("For all the teams' cases to lie within <max>, they need {need} casework FTE; they have "
                     "{available} (Sagstal's calculation)."),
    "brief_short": N_("That is a shortfall of {short} FTE at <max> ({mid} at <mid>, {min} at <min>)."),
    "brief_surplus": N_("That is a surplus of {short} FTE at <max> ({mid} at <mid>, {min} at <min>); a "
                        "negative figure is a shortfall."),
    "brief_over": N_("{over} of {known} staff hold more cases than <max> for their casework hours."),
    "brief_free": N_("Free capacity at <max>: {fte} FTE, about {cases} cases of the teams' own mix, in the teams "
                     "with a surplus (one team's surplus is not moved to cover another's shortfall)."),
    "brief_cost": N_("Closing each team's own shortfall at <max> costs {cost} a year ({teams} of {all} teams have "
                     "a cost per FTE; Sagstal's calculation)."),
    "brief_sustained": N_("{n} of {all} teams have been over <max> in at least {over} of their last {of} monthly "
                          "snapshots (sustained overload)."),
    "k_teams": N_("Teams counted"),
    "k_staff": N_("Staff"),
    "k_cases": N_("Cases"),
    "k_need_max": N_("FTE needed at <max>"),
    "k_need_mid": N_("FTE needed at <mid>"),
    "k_need_min": N_("FTE needed at <min>"),
    "k_available": N_("Available casework FTE"),
    "k_short": N_("Shortfall at <max> (FTE; negative: a surplus)"),
    "k_load": N_("Department load, % of <max_abbr>"),
    "k_over": N_("Staff over <max>"),
    "k_within": N_("Share within <max>"),
    "k_free": N_("Free capacity at <max> (FTE / cases)"),
    "k_cost": N_("Yearly cost of the shortfall at <max>"),
    "k_sustained": N_("Teams in sustained overload"),
    "derived_source": N_("Source: Sagstal's calculation on the teams' own figures (cases and hours per staff member "
                         "in each team file, as of {date}) and the ranges of {sets} {refs}."),
    "h_teams": N_("The teams side by side"),
    "teams_intro": N_("One row per team file; the total counts each team once. Load = FTE needed at <max> / "
                      "available casework FTE (Sagstal's calculation); 100% = exactly the staff <max> asks for."),
    "teams_anonymised": N_("Anonymised: team-level figures only; teams with fewer than {k} staff are merged into "
                           "\"other teams\" (with more teams if needed, so that no row describes fewer than {k} "
                           "persons)."),
    "total": N_("Total"),
    "yes": N_("yes"),
    "no": N_("no"),
    "n_of": N_("{n} of {all}"),
    "copy_mark": N_("(copy)"),
    "copy_note": N_("(copy): a copy of another team file; shown, not counted in the total."),
    "chart_caption": N_("Each team's load at <max> (Sagstal's calculation: FTE needed at <max> / available casework "
                        "FTE). The dashed line is the department's <min> on the same scale ({min_level})."),
    "h_trend": N_("Trend"),
    "trend_intro": N_("Per calendar month, each team's latest snapshot, summed over the teams with a snapshot that "
                      "month (column Teams); {n} months from {first} to {last}. The figures are Sagstal's "
                      "calculation on each team's recorded inputs on the snapshot's date, measured against the "
                      "norm set chosen then; they are stored with the snapshot, not recomputed."),
    "trend_none": N_("The teams' files hold snapshots from fewer than two months; there is no trend to show."),
    "trend_source": N_("Source: the snapshots in the team files (Sagstal's calculation on each date)."),
    "h_positions": N_("Where new positions do most good"),
    "pos_intro": N_("Sagstal's calculation: {n} new FTE, in steps of {hours} hours, placed so that the highest team "
                    "load at <max> after is as low as possible, then the second highest, and so on (leximin), with "
                    "the exact solver the planner uses (HiGHS). For comparison, a split in proportion to each "
                    "team's FTE needed at <max>."),
    "pos_result": N_("Highest team load: {before} now, {after} with the best placing, {prop} with the proportional "
                     "split."),
    "pos_optimal": N_("The solver proved the placing optimal (gap 0)."),
    "pos_gap": N_("The solver stopped at its time limit; the placing is the best found, within a proven gap of "
                  "{gap}."),
    "h_problems": N_("Problems"),
    "problems_none": N_("No problems: every file could be read, and the teams measure alike."),
    "problems_intro": N_("What keeps the teams from being compared or summed as they are:"),
    "problems_counts": N_("Anonymised: the problems are counted by kind, without file or person names."),
    "changed": N_("Measured against {set} for every team; this changes the figures of:"),
    "changed_row": N_("{team}: load {own} against its own set ({own_set}), {load} against {set}"),
    "h_method": N_("Method"),
    "m_rows": N_("Each team's figures are computed by the model of the team memo (sagstal summary) from the team "
                 "file, as of {date}; the department's figures are the sum over the teams counted. A copy of "
                 "another file is counted once."),
    "m_team_load": N_("A team's load at <max> = FTE needed at <max> / available casework FTE (the team as a whole)."),
    "m_free": N_("Free capacity at <max> = available casework FTE − FTE needed at <max> where positive (0 for a team "
                 "with a shortfall), in FTE and in cases of the team's own mix."),
    "m_cost": N_("Yearly cost = the sum of each team's shortfall at <max> × the team's cost per FTE (a team with a "
                 "surplus costs 0); teams without a cost per FTE are left out of the sum."),
    "m_trend": N_("Trend: per calendar month each team's latest snapshot, summed over the teams with a snapshot that "
                  "month."),
    "m_sustained": N_("Sustained overload: over <max> (a shortfall at <max>) in at least {over} of the team's last "
                      "{of} monthly snapshots (a local choice: one good or odd month does not change the picture, and "
                      "neither does one bad month)."),
    "m_stale": N_("A file is out of date when it was last saved, or its latest snapshot was taken, more than {days} "
                  "days before {date} (a local choice)."),
    "m_positions": N_("New positions: each team's load after = FTE needed at <max> / (available casework FTE + new "
                      "FTE). The placing minimises the highest load, then the next (leximin); among equal placings "
                      "the teams most loaded now get the positions. The proportional split gives each team new FTE "
                      "× its FTE needed at <max> / the teams' sum."),
    "m_sets": N_("Norm sets: {name}. {note}"),
    "h_sources": N_("Sources"),
    "footer": N_("Generated {when} by Sagstal {version}"),
}


#: The tables' column heads: the memo tables' short forms (context "memo table", as in the
#: history section's table).
HEADS: dict[str, str] = {
    "c_team": NP_("memo table", "Team"),
    "c_staff": NP_("memo table", "Staff"),
    "c_cases": NP_("memo table", "Cases"),
    "c_available": NP_("memo table", "Casework FTE"),
    "c_need_max": NP_("memo table", "FTE at max"),
    "c_need_min": NP_("memo table", "FTE at min"),
    "c_short": NP_("memo table", "Shortfall at max"),
    "c_load": NP_("memo table", "Load"),
    "c_over": NP_("memo table", "Over max"),
    "c_free": NP_("memo table", "Free FTE"),
    "c_sustained": NP_("memo table", "Sustained overload"),
    "c_month": NP_("memo table", "Month"),
    "c_teams": NP_("memo table", "Teams"),
    "c_teams_over": NP_("memo table", "Teams over max"),
    "c_before": NP_("memo table", "Load now"),
    "c_extra": NP_("memo table", "New FTE"),
    "c_after": NP_("memo table", "Load after"),
    "c_prop": NP_("memo table", "New FTE, proportional"),
    "c_after_prop": NP_("memo table", "Load after, proportional"),
    "figure": NP_("memo table", "Figure"),
    "value": NP_("memo table", "Value (Sagstal's calculation)"),
}


def _text(key: str, lang: str, kind: str) -> str:
    return fill(tr(TEXTS[key], lang), kind, lang)


class DepartmentMemo:
    """Lays out one department memo; each section method returns flowables."""

    def __init__(self, department: Department, lang: str = "da", anonymise: bool = False, plan=None) -> None:
        self.dep, self.lang, self.anonymise, self.plan = department, lang, anonymise, plan
        self.kind = department.words_kind
        self.styles = MemoStyles()
        self.cite = Citations(lang)
        self.memo_texts = texts(lang, None if self.kind == "ds" else "custom")
        self.rows = overview_rows(department, anonymise, lang)
        self.total = total_row(department, self.t("total"))

    # -- helpers ------------------------------------------------------------------------
    def t(self, key: str) -> str:
        return _text(key, self.lang, self.kind)

    def num(self, value: float | None, decimals: int = 2) -> str:
        return format_number(value, decimals, self.lang)

    def para(self, text: str, style=None):
        from reportlab.platypus import Paragraph

        return Paragraph(one_full_stop(text), style or self.styles.body)

    def table(self, data, widths, cmds, repeat: int = 1):
        from reportlab.platypus import LongTable, TableStyle

        table = LongTable(data, colWidths=widths, repeatRows=repeat, hAlign="LEFT")
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *cmds]))
        return table

    def grid(self, rows: int, numeric_from: int = 1, total: bool = False) -> list:
        from reportlab.lib.colors import HexColor

        from sagstal_desktop.report.memo_style import HEAD_BG, NAVY, RULE, ZEBRA

        cmds = [("FONT", (0, 0), (-1, -1), COND, 8.3), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEAD_BG)),
                ("LINEBELOW", (0, 0), (-1, 0), 0.7, HexColor(NAVY)),
                ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
                ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
        if rows > 1:
            cmds.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, HexColor(ZEBRA)]))
            cmds.append(("LINEBELOW", (0, -1), (-1, -1), 0.5, HexColor(RULE)))
        if total:
            cmds += [("FONT", (0, -1), (-1, -1), COND_BOLD, 8.3),
                     ("LINEABOVE", (0, -1), (-1, -1), 0.7, HexColor(NAVY))]
        return cmds

    def head(self, keys: list[str]) -> list:
        s = self.styles
        return [self.para(esc(ptr("memo table", HEADS[k], self.lang)), s.head if i == 0 else s.head_r)
                for i, k in enumerate(keys)]

    def norm_sets(self) -> list:
        """The norm sets measured against (the chosen one, or each counted team's own), once each."""
        if self.dep.chosen_norm_set is not None:
            return [self.dep.chosen_norm_set]
        found: dict[tuple, object] = {}
        for row in self.dep.counted_teams:
            found.setdefault((row.norm_set.id, row.norm_set.name(self.lang)), row.norm_set)
        return list(found.values())

    def sets_text(self) -> str:
        return ", ".join(ns.name(self.lang) for ns in self.norm_sets())

    def sets_refs(self) -> str:
        return self.cite.ref(*(ns.source for ns in self.norm_sets()))

    def sustained_text(self, row: OverviewRow) -> str:
        if row.teams == 1 and not row.merged:
            return self.t("yes") if row.sustained_teams else self.t("no")
        return self.t("n_of").format(n=row.sustained_teams, all=row.teams)

    # -- sections -----------------------------------------------------------------------
    def header(self) -> list:
        s = self.styles
        title = self.t("title")
        if self.anonymise:
            title = anonymised_title(title, self.lang)
        sets = self.sets_text()
        if self.dep.chosen_norm_set is None:
            sets = self.t("own_sets").format(sets=sets)
        info = [(self.memo_texts["date"], long_date(self.dep.as_of, self.lang)),
                (self.t("files"), self.dep.files_text(self.lang)),
                (self.t("measured"), sets)]
        municipalities = {row.team.info.municipality for row in self.dep.counted_teams if row.team.info.municipality}
        if len(municipalities) == 1:
            info.insert(0, (self.memo_texts["municipality"], municipalities.pop()))
        data = [[self.para(esc(k), s.info_label), self.para(esc(v), s.info)] for k, v in info]
        table = self.table(data, [mm(38), FRAME_W - mm(38)], [("VALIGN", (0, 0), (-1, -1), "TOP"),
                                                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                                               ("TOPPADDING", (0, 0), (-1, -1), 1),
                                                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)], repeat=0)
        return [self.para(esc(title), s.title), table]

    def brief(self) -> list:
        s, tot, lang = self.styles, self.total, self.lang
        over, of = sustained_rule()
        totals = self.dep.totals
        short = tot.shortfall_fte
        key = "brief_short" if short["max"] > 1e-9 else "brief_surplus"
        sentences = [
            self.t("brief_teams").format(teams=self.num(tot.teams, 0), staff=self.num(tot.staff, 0),
                                         cases=self.num(tot.cases, 0)),
            self.t("brief_need").format(need=self.num(tot.fte_needed["max"]), available=self.num(tot.available_fte)),
            self.t(key).format(short=self.num(abs(short["max"]) if key == "brief_short" else -short["max"]),
                               mid=self.num(short["mid"]), min=self.num(short["min"])),
            self.t("brief_over").format(over=self.num(tot.over_count, 0), known=self.num(tot.known_status_count, 0)),
            self.t("brief_free").format(fte=self.num(tot.free_fte), cases=self.num(tot.free_cases, 0)),
        ]
        if totals.yearly_cost is not None:
            sentences.append(self.t("brief_cost").format(cost=format_dkk(totals.yearly_cost["max"], lang),
                                                         teams=totals.yearly_cost_teams, all=totals.teams))
        sentences.append(self.t("brief_sustained").format(n=tot.sustained_teams, all=tot.teams, over=over, of=of))
        figures = [
            ("k_teams", self.num(tot.teams, 0)), ("k_staff", self.num(tot.staff, 0)),
            ("k_cases", self.num(tot.cases, 0)),
            ("k_need_max", self.num(tot.fte_needed["max"])), ("k_need_mid", self.num(tot.fte_needed["mid"])),
            ("k_need_min", self.num(tot.fte_needed["min"])), ("k_available", self.num(tot.available_fte)),
            ("k_short", self.num(short["max"])), ("k_load", format_load(tot.load_max, lang)),
            ("k_over", self.t("n_of").format(n=self.num(tot.over_count, 0), all=self.num(tot.known_status_count, 0))),
            ("k_within", format_percent(tot.share_within_max, 0, lang)),
            ("k_free", f"{self.num(tot.free_fte)} / {self.num(tot.free_cases, 0)}"),
        ]
        if totals.yearly_cost is not None:
            figures.append(("k_cost", format_dkk(totals.yearly_cost["max"], lang)))
        figures.append(("k_sustained", self.t("n_of").format(n=tot.sustained_teams, all=tot.teams)))
        data = [self.head(["figure", "value"])]
        data += [[self.para(esc(self.t(k)), s.cell), v] for k, v in figures]
        source = self.t("derived_source").format(date=long_date(self.dep.as_of, lang), sets=self.sets_text(),
                                                 refs=self.sets_refs())
        return [self.para(esc(self.t("h_brief")), s.h2), self.para(esc(" ".join(sentences))),
                self.table(data, [mm(95), mm(50)], self.grid(len(data))), self.para(esc(source), s.small)]

    def teams(self) -> list:
        from reportlab.platypus import KeepTogether

        from sagstal_desktop.report.department_chart import load_chart

        s, lang = self.styles, self.lang
        keys = ["c_team", "c_staff", "c_cases", "c_available", "c_need_max", "c_need_min", "c_short", "c_load",
                "c_over", "c_free", "c_sustained"]
        data = [self.head(keys)]
        for row in [*self.rows, self.total]:
            name = row.name if row.counted else f"{row.name} {self.t('copy_mark')}"
            style = s.cell_bold if row is self.total else s.cell
            data.append([self.para(esc(name), style), self.num(row.staff, 0), self.num(row.cases, 0),
                         self.num(row.available_fte), self.num(row.fte_needed["max"]), self.num(row.fte_needed["min"]),
                         self.num(row.shortfall_fte["max"]), format_load(row.load_max, lang),
                         self.num(row.over_count, 0), self.num(row.free_fte), self.sustained_text(row)])
        widths = [mm(30), mm(14), mm(13), mm(14), mm(15), mm(15), mm(15), mm(14), mm(12), mm(13)]
        widths.append(FRAME_W - sum(widths))
        intro = [self.t("teams_intro")]
        if self.anonymise:
            intro.append(self.t("teams_anonymised").format(k=min_staff()))
        out = [self.para(esc(self.t("h_teams")), s.h2), self.para(esc(" ".join(intro))),
               self.table(data, widths, self.grid(len(data), total=True))]
        if any(not r.counted for r in self.rows):
            out.append(self.para(esc(self.t("copy_note")), s.small))
        out += self.source()
        chart_rows = [r for r in self.rows if r.counted]
        if chart_rows:
            need = self.total.fte_needed
            min_line = need["max"] / need["min"] if need["min"] > 0 else None
            chart = load_chart([r.name for r in chart_rows], [r.load_max for r in chart_rows], FRAME_W, lang,
                               fill("<max_short> 100%", self.kind, lang),
                               min_line, fill("<min_short>", self.kind, lang))
            caption = self.t("chart_caption").format(min_level=format_percent(min_line, 0, lang))
            out.append(KeepTogether([chart, self.para(esc(caption), s.small)]))
        return out

    def source(self) -> list:
        text = self.t("derived_source").format(date=long_date(self.dep.as_of, self.lang), sets=self.sets_text(),
                                               refs=self.sets_refs())
        return [self.para(esc(text), self.styles.small)]

    def trend(self) -> list:
        from reportlab.platypus import KeepTogether

        from sagstal_desktop.report.department_chart import trend_chart

        s, lang = self.styles, self.lang
        months = list(self.dep.trend)[-12:]
        heading = self.para(esc(self.t("h_trend")), s.h2)
        if len(months) < 2:
            return [heading, self.para(esc(self.t("trend_none")))]
        names = tr(N_("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"), lang).split()

        def month(m) -> str:
            return f"{names[m.month.month - 1]} {m.month.year}"

        intro = self.t("trend_intro").format(n=len(months), first=month(months[0]), last=month(months[-1]))
        keys = ["c_month", "c_teams", "c_staff", "c_cases", "c_available", "c_need_max", "c_need_min", "c_short",
                "c_over", "c_teams_over"]
        data = [self.head(keys)]
        for m in months:
            data.append([month(m), self.num(m.teams, 0), "–" if m.staff is None else self.num(m.staff, 0),
                         "–" if m.cases is None else self.num(m.cases, 0), self.num(m.available_fte),
                         self.num(m.fte_needed_max),
                         self.num(m.fte_needed_min), self.num(m.shortfall_max),
                         "–" if m.over_count is None else self.num(m.over_count, 0), self.num(m.teams_over, 0)])
        widths = [mm(24), *[mm(15.1)] * 9]
        return [KeepTogether([heading, self.para(esc(intro)), trend_chart(months, FRAME_W, lang, self.t("k_need_max")),
                              self.table(data, widths, self.grid(len(data))),
                              self.para(esc(self.t("trend_source")), s.small)])]

    def positions(self) -> list:
        plan = self.plan
        if plan is None:
            return []
        s, lang = self.styles, self.lang
        n = format_number(plan.positions_fte, 1 if plan.positions_fte % 1 else 0, lang)
        step_hours = plan.step_fte * self.dep.full_time_hours
        hours = format_number(step_hours, 0 if abs(step_hours - round(step_hours)) < 1e-9 else 1, lang)
        rows = position_rows(self.dep, plan, self.anonymise, lang)

        def top(loads: list[float | None]) -> str:  # the rows shown (anonymised: small teams merged)
            return format_load(None if any(v is None for v in loads) else max(loads, default=None), lang)

        text = [self.t("pos_intro").format(n=n, hours=hours),
                self.t("pos_result").format(before=top([r.load_before for r in rows]),
                                            after=top([r.load_after for r in rows]),
                                            prop=top([r.load_after_proportional for r in rows]))]
        text.append(self.t("pos_optimal") if plan.optimal else
                    self.t("pos_gap").format(gap=format_percent(plan.gap, 1, lang)))
        data = [self.head(["c_team", "c_before", "c_extra", "c_after", "c_prop", "c_after_prop"])]
        for row in rows:
            data.append([self.para(esc(row.name), s.cell), format_load(row.load_before, lang),
                         self.num(row.extra_fte, 1), format_load(row.load_after, lang),
                         self.num(row.proportional_fte), format_load(row.load_after_proportional, lang)])
        widths = [mm(50)] + [mm(24)] * 4
        widths.append(FRAME_W - sum(widths))
        return [self.para(esc(self.t("h_positions")), s.h2), self.para(esc(" ".join(text))),
                self.table(data, widths, self.grid(len(data)))]

    def problems(self) -> list:
        from sagstal_desktop.io.department_export import PROBLEM_LABELS

        def problem_label(kind: str, lang: str) -> str:
            return tr(PROBLEM_LABELS[kind], lang)

        s, lang = self.styles, self.lang
        out = [self.para(esc(self.t("h_problems")), s.h2)]
        dep = self.dep
        if not dep.problems and not dep.norms_changed:
            return [*out, self.para(esc(self.t("problems_none")))]
        if dep.problems:
            if self.anonymise:
                counts: dict[str, int] = {}
                for p in dep.problems:
                    counts[p.kind] = counts.get(p.kind, 0) + 1
                out.append(self.para(esc(self.t("problems_counts"))))
                items = [f"{problem_label(kind, lang)}: {n}" for kind, n in counts.items()]
            else:
                out.append(self.para(esc(self.t("problems_intro"))))
                items = [f"{problem_label(p.kind, lang)}: {p.message(lang)}" for p in dep.problems]
            for item in items:
                para = self.para(esc(item), s.bullet)
                para.bulletText = "•"
                out.append(para)
        if dep.norms_changed and not self.anonymise and dep.chosen_norm_set is not None:
            chosen = dep.chosen_norm_set
            out.append(self.para(esc(self.t("changed").format(set=chosen.name(lang)))))
            for c in dep.norms_changed:
                para = self.para(esc(self.t("changed_row").format(
                    team=c.team_name or Path(c.file).stem, own=format_load(c.load_max_own, lang),
                    own_set=c.own_norm_set_id, load=format_load(c.load_max_chosen, lang),
                    set=chosen.short_name(lang))), s.bullet)
                para.bulletText = "•"
                out.append(para)
        from reportlab.platypus import KeepTogether

        return [KeepTogether(out[:3]), *out[3:]]  # the heading never alone at a page's foot

    def method(self) -> list:
        s, lang, mt = self.styles, self.lang, self.memo_texts
        over, of = sustained_rule()
        fth = format_number(self.dep.full_time_hours, 0, lang)
        newcomer = self.cite.ref(default_source("newcomer_months"))
        items = [
            esc(self.t("m_rows").format(date=long_date(self.dep.as_of, lang))),
            esc(mt["m_full_time"].format(fth=fth)),
            esc(mt["m_capacity"].format(fth=fth)) + " " + newcomer,
            esc(mt["m_pro_rata"]) + " " + newcomer,
            esc(mt["m_team"]),
            esc(self.t("m_team_load")),
            esc(mt["m_minimum"]),
            esc(self.t("m_free")),
            esc(self.t("m_cost")),
            esc(self.t("m_trend")),
            esc(self.t("m_sustained").format(over=over, of=of)),
            esc(self.t("m_stale").format(days=_default_value("department_stale_days"),
                                         date=long_date(self.dep.as_of, lang))),
        ]
        if self.plan is not None:
            items.append(esc(self.t("m_positions")))
        for ns in self.norm_sets():
            items.append(esc(self.t("m_sets").format(name=ns.name(lang), note=kind_note(ns, lang))) + " "
                         + self.cite.ref(ns.source))
        items.append(esc(mt["m_caveat"]) + " " + newcomer)
        out = [self.para(esc(self.t("h_method")), s.h2)]
        for text in items:
            para = self.para(text.strip(), s.bullet)
            para.bulletText = "•"
            out.append(para)
        return out

    def sources(self) -> list:
        s = self.styles
        out = [self.para(esc(self.t("h_sources")), s.h2)]
        for number, text in self.cite.entries():
            out.append(self.para(f"[{number}]&nbsp;&nbsp;{esc(text)}", s.source))
        return out

    def story(self) -> list:
        return (self.header() + self.brief() + self.teams() + self.trend() + self.positions() + self.problems()
                + self.method() + self.sources())


def _default_value(key: str):
    from sagstal_desktop.core.defaults import defaults

    return defaults()[key]


def build_department_pdf(department: Department, target, lang: str = "da", anonymise: bool = False, plan=None,
                         generated: datetime | None = None) -> int:
    """Lay out the memo into ``target`` (a path or a binary file object); return the page count."""
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    memo = DepartmentMemo(department, lang, anonymise, plan)
    story = memo.story()
    title = memo.t("title")
    if anonymise:
        title = anonymised_title(title, lang)
    when = format_timestamp(generated or datetime.now(), lang)
    pages = [0]

    def on_page(canvas, doc) -> None:
        pages[0] = doc.page

    doc = SimpleDocTemplate(
        target, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, author="", subject=memo.sets_text(),
        creator=f"Sagstal {__version__}", producer=f"Sagstal {__version__}", keywords="",
        lang="da-DK" if lang == "da" else "en-GB", initialFontName=REGULAR, initialFontSize=9)
    footer = memo.t("footer").format(when=when, version=__version__)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page,
              canvasmaker=canvas_class(footer, memo.memo_texts["page_of"], title))
    return pages[0]


def write_department_memo(department: Department, path: str | os.PathLike[str], lang: str = "da",
                          anonymise: bool = False, plan=None) -> int:
    """Write the memo to ``path`` through the one atomic writer; return its page count. Raises
    ``report.pdf.MemoError`` (with the OS's reason) if the file cannot be written."""
    from sagstal_desktop.io.atomic_write import WriteFailed, write_bytes
    from sagstal_desktop.report.pdf import MemoError

    buffer = io.BytesIO()
    pages = build_department_pdf(department, buffer, lang, anonymise, plan)
    target = Path(path)
    try:
        write_bytes(target, buffer.getbuffer(), suffix=".part")
    except WriteFailed as exc:
        raise MemoError(target, exc) from exc
    return pages


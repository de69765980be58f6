"""The memo's opening: the header (team, norm set, date), the summary box and the load chart."""

from __future__ import annotations

from sagstal_desktop.core.formatting import format_dkk, format_range
from sagstal_desktop.core.load import Status
from sagstal_desktop.core.wording import uneven_summary, unmeasured_summary
from sagstal_desktop.i18n import N_, tr
from sagstal_desktop.report import content
from sagstal_desktop.report.fonts import BOLD, REGULAR
from sagstal_desktop.report.memo_base import MemoBase
from sagstal_desktop.report.memo_style import (
    BOX_BG,
    FRAME_W,
    LEVELS,
    NAVY,
    RULE,
    esc,
    mm,
)
from sagstal_desktop.report.texts import long_date, plural

#: A memo of a scenario says so in its title and under it (``MemoOptions.scenario``).
SCENARIO_TITLE = N_("{title} – scenario “{name}”")
SCENARIO_NOTE = N_("This memo shows the scenario “{name}”, computed by Sagstal on the scenario's assumptions: "
                   "not the team's present situation.")


#: With case weight on: the summary's FTE needed, loads and statuses are the weighted ones.
WEIGHTED_NOTE = N_("FTE needed, loads and statuses in this memo are computed for the weighted cases, as the team "
                   "has chosen (see \"Case weight\"); status follows the weighted load. Without case weight, "
                   "{unweighted} FTE would be needed at <max>.")


class SummarySections(MemoBase):
    """Section methods of the memo builder (``pdf.MemoBuilder``)."""

    def header(self) -> list:
        from reportlab.lib.colors import HexColor

        t, info, s = self.t, self.team.info, self.styles
        norm_ref = self.cite.ref(self.norm_set.source)
        norm_text = esc(self.norm_set.name(self.lang)) + (f" {norm_ref}" if norm_ref else "")
        rows = [
            (t["municipality"], esc(info.municipality or "–"), t["date"], esc(long_date(self.summary.as_of,
                                                                                        self.lang))),
            (t["department"], esc(info.department or "–"), t["author"], esc(content.role_text(info.author_role,
                                                                                               self.lang))),
            (t["team"], esc(info.team_name or "–"), t["norm_set"], norm_text),
        ]
        data = [[self.para(a, s.info_label), self.para(b, s.info), self.para(c, s.info_label), self.para(d, s.info)]
                for a, b, c, d in rows]
        table = self.table(data, [mm(22), mm(62), mm(25), FRAME_W - mm(109)], [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 1.2, HexColor(NAVY)),
            ("LINEBELOW", (0, -1), (-1, -1), 0.6, HexColor(RULE)),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ])
        title = t["title"]
        if self.options.scenario:
            title = tr(SCENARIO_TITLE, self.lang).format(title=title, name=self.options.scenario)
        out = [self.para(esc(title), s.title), table]
        if self.options.scenario:
            note = tr(SCENARIO_NOTE, self.lang).format(name=self.options.scenario)
            out.append(self.para(esc(" ".join(x for x in (note, self.options.scenario_sentence) if x)), s.body))
        if self.options.anonymise:
            out.append(self.para(esc(t["anonymised_note"]), s.small))
        return out

    def summary_section(self) -> list:
        from reportlab.lib.colors import HexColor

        t, sm, s = self.t, self.summary, self.styles
        out = [self.para(esc(t["h_summary"]), s.h2)]
        sentences = []
        if sm.computable_count:
            key = "conclusion_over" if sm.over_count else "conclusion_none_over"
            sentences.append(t[key].format(over=self.num(sm.over_count, 0),
                                           computable=self.num(sm.computable_count, 0)))
        if sm.covered_cases:
            key = "conclusion_need_measured" if sm.uncovered_cases else "conclusion_need"
            sentences.append(t[key].format(
                cases=self.num(sm.covered_cases, 0), need=self.num(sm.fte_needed("max"), 2),
                available=self.num(sm.available_fte, 2)))
            sentences.append(t["conclusion_need_mid"].format(need=self.num(sm.fte_needed("mid"), 2)))
        if sm.uneven:
            sentences.append(uneven_summary(sm, self.norm_set, self.lang))
        if sm.uncovered_cases:
            sentences.append(unmeasured_summary(sm.uncovered_cases, sm.total_cases, self.lang))
        if sm.not_computable_count:
            sentences.append(plural("not_computable_note", sm.not_computable_count, self.lang).format(
                n=sm.not_computable_count))
        if sm.weighted:  # case weight (issue 27): said where the figures are, the details in its section
            from sagstal_desktop.core.wording import fill

            sentences.append(fill(tr(WEIGHTED_NOTE, self.lang), self.norm_set, self.lang).format(
                unweighted=self.num(sm.fte_needed_max_unweighted, 2)))
        out.append(self.para(esc(" ".join(sentences))))

        def shortfall_text(level: str) -> str:
            gap = sm.shortfall(level)
            if round(gap, 2) == 0:
                return t["balanced"]
            return (t["shortfall"] if gap > 0 else t["surplus"]).format(n=self.num(abs(gap), 2))

        cases = self.num(sm.total_cases, 0)
        if sm.uncovered_by_type:
            cases += " (" + t["uncovered_suffix"].format(n=self.num(sum(sm.uncovered_by_type.values()), 0)) + ")"
        label, bold = s.box, s.box_bold
        data = [
            [self.para(esc(t["cases_total"]), label), self.para(esc(cases), bold), "", ""],
            [self.para(esc(t["available_fte_measured" if sm.uncovered_cases else "available_fte"]), label),
             self.para(self.num(sm.available_fte, 2), bold), "", ""],
            ["", *(self.para(esc(t[f"level_{lv}"]), s.head_r) for lv in LEVELS)],
            [self.para(esc(t["fte_needed"]), label), *(self.num(sm.fte_needed(lv), 2) for lv in LEVELS)],
            [self.para(esc(t["shortfall_row"]), label), *(shortfall_text(lv) for lv in LEVELS)],
        ]
        if sm.cost_per_fte is not None:
            data.append([self.para(esc(t["yearly_cost"]), label),
                         *(format_dkk(sm.yearly_cost(lv), self.lang) for lv in LEVELS)])
        over = t["n_of_n"].format(n=self.num(sm.over_count, 0), total=self.num(sm.computable_count, 0))
        data.append([self.para(esc(t["over_max"]), label), self.para(esc(over), bold), "", ""])
        avg = self.num(sm.average_fte_caseload, 1)
        if sm.effective_range:
            avg = t["against_range"].format(value=avg, range=format_range(*sm.effective_range, self.lang))
        data.append([self.para(esc(t["avg_caseload"]), label), self.para(esc(avg), bold), "", ""])
        if sm.cost_per_fte is not None:
            cost = esc(format_dkk(sm.cost_per_fte, self.lang))
            cost_source = self.team.settings.cost_source.strip()
            if cost_source:
                cost += f' <font name="{REGULAR}" size="7.5">({esc(cost_source)})</font>'
            data.append([self.para(esc(t["cost_per_fte"]), label), self.para(cost, bold), "", ""])
        cmds = [
            ("BACKGROUND", (0, 0), (-1, -1), HexColor(BOX_BG)),
            ("BOX", (0, 0), (-1, -1), 0.9, HexColor(NAVY)),
            ("FONT", (1, 3), (-1, 5), BOLD, 8.5),
            ("ALIGN", (1, 3), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LINEABOVE", (0, 2), (-1, 2), 0.4, HexColor(RULE)),
            ("LINEBELOW", (1, 2), (-1, 2), 0.4, HexColor(RULE)),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ]
        level_rows = 6 if sm.cost_per_fte is not None else 5
        cmds.append(("LINEBELOW", (0, level_rows - 1), (-1, level_rows - 1), 0.4, HexColor(RULE)))
        for row, cells in enumerate(data):
            if cells[2] == "" and cells[3] == "" and row != 2:
                cmds.append(("SPAN", (1, row), (3, row)))
        col = (FRAME_W - mm(62)) / 3
        out.append(self.table(data, [mm(62), col, col, col], cmds))
        derived = t["derived_summary"].format(fth=self.num(sm.full_time_hours, 0))
        if sm.cost_per_fte is not None:
            derived += " " + t["derived_cost"]
        out.append(self.para(esc(derived), s.small))
        out += self.derived_source_line()
        return out

    def derived_source_line(self) -> list:
        """"Kilde: Sagstals beregning på teamets egne tal … og intervallerne i <set> [1]": a figure
        derived from the team's figures and the set's ranges is Sagstal's, not the set's source's."""
        refs = self.cite.ref(*{n.source for n in self.team_norms()})
        text = self.t["derived_source"].format(date=long_date(self.summary.as_of, self.lang),
                                               norm_set=self.norm_set.name(self.lang), refs=refs)
        return [self.para(esc(" ".join(text.split()).replace(" .", ".")), self.styles.small)]

    def team_norms(self):
        return [n for t in content.team_case_types(self.summary) if (n := self.norm_set.norm_for(t)) is not None]

    def chart_section(self, rows: list[content.StaffRow]) -> list:
        from reportlab.graphics.shapes import Drawing, Rect, String
        from reportlab.lib.colors import HexColor
        from reportlab.platypus import KeepTogether

        from sagstal_desktop.report.chart import STATUS_COLOURS, load_chart

        t, sm, s = self.t, self.summary, self.styles
        if not sm.computable_count:
            return []
        min_level = None
        if sm.effective_range:
            low, high = sm.effective_range
            min_level = low / high
        statuses = [r.status for r in rows]
        loads = [None if r.status is Status.UNMEASURED else r.load_max for r in rows]
        chart = load_chart([r.label for r in rows], loads, statuses, min_level, FRAME_W, self.lang, self.norm_set)
        legend = Drawing(FRAME_W, 14)
        x = 0.0
        shown = set(statuses)
        for status in (Status.OVER, Status.WITHIN, Status.BELOW, Status.PARTLY_UNMEASURED):
            if status is Status.PARTLY_UNMEASURED and status not in shown:
                continue
            legend.add(Rect(x, 3, 9, 9, fillColor=HexColor(STATUS_COLOURS[status]), strokeColor=None))
            label = content.status_text(status, self.lang, self.norm_set)
            legend.add(String(x + 13, 4.5, label, fontName=REGULAR, fontSize=8))
            from reportlab.pdfbase.pdfmetrics import stringWidth

            x += 13 + stringWidth(label, REGULAR, 8) + 16
        caption = t["chart_caption"].format(min_level=self.pct(min_level) if min_level else "–")
        block = [self.para(esc(t["h_chart"]), s.h2), self.para(esc(caption), s.small), chart, legend]
        if sm.not_computable_count:
            block.append(self.para(esc(plural("chart_not_computable", sm.not_computable_count, self.lang).format(
                n=sm.not_computable_count)), s.small))
        if sm.unmeasured_count:
            block.append(self.para(esc(t["chart_unmeasured"].format(n=sm.unmeasured_count)), s.small))
        return [KeepTogether(block)] if len(rows) <= 40 else block

"""The memo's national figures, budget table and other projects' reference caseloads."""

from __future__ import annotations

from sagstal_desktop.core.formatting import format_dkk, format_range
from sagstal_desktop.core.norms import NormSet, default_norm_set
from sagstal_desktop.core.references import budget_case, reference_caseloads
from sagstal_desktop.core.survey import national_context, survey_2023, survey_area_for
from sagstal_desktop.core.validation import budget_first_year_range, budget_years_range
from sagstal_desktop.core.whatif import budget_table
from sagstal_desktop.core.wording import term
from sagstal_desktop.report import content
from sagstal_desktop.report.fonts import BOLD, REGULAR
from sagstal_desktop.report.memo_base import MemoBase
from sagstal_desktop.report.memo_style import (
    FRAME_W,
    HEAD_BG,
    LEVELS,
    esc,
    mm,
)
from sagstal_desktop.report.texts import join_names


class ReferenceSections(MemoBase):
    """Section methods of the memo builder (``pdf.MemoBuilder``)."""

    def national_section(self) -> list:
        t, s = self.t, self.styles
        case_types = content.team_case_types(self.summary)
        areas = national_context(case_types)
        if not areas:
            return []
        survey = survey_2023()
        newer = default_norm_set()  # DS's newest ranges, the default for new teams
        intro = t["national_intro"].format(
            period=survey.period(self.lang), answered=survey.answered, sent=survey.sent,
            municipalities=survey.municipalities)
        heads = [t["nat_area"], t["nat_answers"], t["nat_avg"], t["nat_too_high"], t["nat_assessed"],
                 t["nat_range"], t["nat_within"], t["nat_newer"]]
        data = [[self.para(esc(h), s.head if i == 0 else s.head_r) for i, h in enumerate(heads)]]
        notes = []
        for area in areas:
            ref = self.cite.ref(area.source)
            avg = f"{area.average_2023} ({area.average_2019 if area.average_2019 is not None else '–'})"
            within = "–"
            if area.within is not None and area.within_pct is not None:
                within = f"{area.within} / {area.within + area.over} ({self.pct(area.within_pct / 100)})"
            newer_text = "–"
            ranges = {(n.min, n.max, n.source, self._inherited_from(newer, ct, n)) for ct in case_types
                      if (a := survey_area_for(ct)) is not None and a.id == area.id
                      and (n := newer.norm_for(ct)) is not None}
            if ranges:
                parts = []
                for lo, hi, src, inherited in sorted(ranges, key=lambda r: (r[0], r[1])):
                    same = area.ds_min is not None and (lo, hi) == (area.ds_min, area.ds_max)
                    text = t["nat_same"] if same else f"{format_range(lo, hi, self.lang)} {self.cite.ref(src)}"
                    parts.append(f"{text} {inherited}".strip())
                newer_text = ", ".join(parts)
            data.append([
                self.para(f"{esc(area.name(self.lang))} {ref}", s.cell),
                str(area.answers), avg, self.pct(area.too_high_pct / 100), str(area.assessed),
                format_range(area.ds_min, area.ds_max, self.lang), within,
                self.para(esc(newer_text), s.cell),
            ])
            if area.note(self.lang):
                notes.append(f"{area.name(self.lang)}: {area.note(self.lang)}")
        widths = [mm(37), mm(14.5), mm(21), mm(15), mm(16), mm(19), mm(24)]
        widths.append(FRAME_W - sum(widths))
        table = self.table(data, widths, self.grid_style(len(data)))
        overall = t["nat_overall"].format(
            within=survey.overall_within, answers=survey.overall_answers, pct=self.pct(survey.overall_pct / 100),
            pct_2019=self.pct(survey.overall_stated_pct_2019 / 100)) + " " + self.cite.ref(survey.source)
        out = [self.para(esc(t["h_national"]), s.h2), self.para(esc(intro)), table]
        out += [self.para(esc(n), s.small) for n in notes]
        out.append(self.para(esc(overall), s.after_table))
        out += self.source_line(survey.source, *(a.source for a in areas))
        return out

    def _inherited_from(self, norm_set: NormSet, case_type: str, norm) -> str:
        """``(Sygedagpenges interval; intet eget tal)`` when ``case_type`` has no figure of its own in
        ``norm_set`` and borrows its area's range; "" otherwise."""
        if norm.case_type == case_type and not (norm.inherited and norm.case_type != norm.group_id):
            return ""
        group = norm_set.group(norm.group_id).name(self.lang)
        return self.t["norm_inherited_from"].format(group=group)

    def budget_section(self) -> list:
        t, sm, s = self.t, self.summary, self.styles
        if sm.cost_per_fte is None:
            return []
        settings = self.team.settings
        low, high = budget_years_range()
        years = min(max(self.options.budget_years or settings.budget_years, low), high)
        first = self.options.budget_first_year or settings.budget_first_year or sm.as_of.year + 1
        first_low, first_high = budget_first_year_range()
        first = min(max(first, first_low), first_high)
        cost_source = settings.cost_source.strip()
        intro = t["budget_intro"].format(
            cost=format_dkk(sm.cost_per_fte, self.lang),
            cost_source=t["budget_cost_source"].format(source=cost_source) if cost_source else "")
        out = [self.para(esc(t["h_budget"]), s.h2)]
        rows = []
        for level in LEVELS:
            gap = sm.shortfall(level)
            if gap <= 0:
                continue
            table_rows, total = budget_table(sm.yearly_cost(level), first, years)
            label = t["budget_row"].format(level=term(level, self.norm_set, self.lang), fte=self.num(gap, 2))
            rows.append((label, table_rows, total))
        if not rows:
            out.append(self.para(esc(t["budget_none"])))
        else:
            out.append(self.para(esc(intro)))
            year_cols = [str(r.year) for r in rows[0][1]]
            small = years > 6
            label_w = mm(48 if not small else 40)
            col_w = (FRAME_W - label_w) / (len(year_cols) + 1)
            head = [self.para(esc(t["budget_unit"].format(year=first)), s.head),
                    *(self.para(y, s.head_r) for y in year_cols), self.para(esc(t["budget_total"]), s.head_r)]
            data = [head]
            for label, table_rows, total in rows:
                data.append([self.para(esc(label), s.cell), *(self.num(r.thousand_dkk, 0) for r in table_rows),
                             self.num(total, 0)])
            cmds = self.grid_style(len(data))
            cmds.append(("FONT", (-1, 1), (-1, -1), BOLD, 7 if small else 8))
            if small:
                cmds.append(("FONT", (1, 1), (-2, -1), REGULAR, 7))
            out.append(self.table(data, [label_w] + [col_w] * (len(year_cols) + 1), cmds))
        case = budget_case()
        bi08 = t["budget_bi08"].format(
            yearly=self.num(case.yearly_cost_thousand_dkk, 0), price_level=case.price_level,
            first=case.years[0], last=case.years[-1], total=self.num(case.total_thousand_dkk, 0),
            current=self.num(case.current_caseload, 0), target=self.num(case.target_caseload, 0),
            range=format_range(*case.ds_range, self.lang))
        out.append(self.para(esc(bi08) + " " + self.cite.ref(case.source), s.small))
        return out

    def references_section(self) -> list:
        from reportlab.lib.colors import HexColor

        t, s = self.t, self.styles
        refs = reference_caseloads()
        heads = [t["ref_project"], t["ref_role"], t["ref_caseload"], t["ref_effect"]]
        data = [[self.para(esc(h), s.head) for h in heads]]
        documented = [p.name for p in refs.projects if p.documented_effect]
        ongoing = [p.name for p in refs.projects if not p.documented_effect]
        group_rows = []
        previous = None
        for p in refs.projects:
            if p.documented_effect is not previous:
                previous = p.documented_effect
                group_rows.append(len(data))
                key = "ref_group_documented" if p.documented_effect else "ref_group_ongoing"
                data.append([self.para(esc(t[key]), s.cell_bold), "", "", ""])
            data.append([self.para(esc(p.name), s.cell_bold), self.para(esc(p.role(self.lang)), s.cell),
                         self.para(esc(p.caseload(self.lang)), s.cell), self.para(esc(p.effect(self.lang)), s.cell)])
        widths = [mm(40), mm(40), mm(36)]
        widths.append(FRAME_W - sum(widths))
        cmds = self.grid_style(len(data), numeric_from=99)
        for row in group_rows:
            cmds += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), HexColor(HEAD_BG))]
        intro = t["ref_intro"].format(documented=join_names(documented, self.lang),
                                      ongoing=join_names(ongoing, self.lang))
        return [self.para(esc(t["h_references"]), s.h2), self.para(esc(intro)), self.table(data, widths, cmds),
                self.para(esc(refs.considerations(self.lang)), s.after_table), *self.source_line(refs.source)]

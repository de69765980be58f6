"""The memo's method section and its list of sources."""

from __future__ import annotations

from sagstal_desktop.core.defaults import default_source
from sagstal_desktop.core.formatting import format_dkk, format_range
from sagstal_desktop.core.norms import case_type_name
from sagstal_desktop.core.survey import survey_2023
from sagstal_desktop.core.wording import kind_note
from sagstal_desktop.report import content
from sagstal_desktop.report.memo_base import MemoBase
from sagstal_desktop.report.memo_style import (
    FRAME_W,
    esc,
    mm,
)
from sagstal_desktop.report.texts import plural


class MethodSections(MemoBase):
    """Section methods of the memo builder (``pdf.MemoBuilder``)."""

    def method_section(self) -> list:
        t, sm, s, settings = self.t, self.summary, self.styles, self.team.settings
        fth = self.num(sm.full_time_hours, 0)
        ns = self.norm_set
        description = ns.description(self.lang).strip()
        items = [
            esc(t["m_norm_set"].format(name=ns.name(self.lang), description=description)) + " "
            + self.cite.ref(ns.source) + " " + esc(kind_note(ns, self.lang)),
            esc(t["m_full_time"].format(fth=fth)) + " " + self.cite.ref(ns.full_time_hours_source or ns.source),
            esc(t["m_capacity"].format(fth=fth)) + " " + self.cite.ref(default_source("newcomer_months")),
            esc(t["m_pro_rata"]) + " " + self.cite.ref(default_source("newcomer_months")),
            esc(t["m_newcomer"].format(reduction=self.pct(settings.newcomer_reduction),
                                        months=settings.newcomer_months))
            + " " + self.cite.ref(default_source("newcomer_months")),
            esc(t["m_load"]),
            esc(t["m_ftecl"].format(fth=fth)),
            esc(t["m_team"]),
            esc(t["m_minimum"]),
        ]
        if self.options.include_national:
            items.append(esc(t["m_national"]) + " " + self.cite.ref(survey_2023().source))
        if self._fleksjob_remark_applies():
            items.append(esc(t["m_fleksjob"]) + " " + self.cite.ref(survey_2023().areas["fleksjob"].source))
        if sm.cost_per_fte is not None:
            src = settings.cost_source.strip()
            items.append(esc(t["m_cost"].format(cost=format_dkk(sm.cost_per_fte, self.lang),
                                                 source=f"; {src}" if src else "")))
        else:
            items.append(esc(t["m_no_cost"]))
        if sm.uncovered_by_type:
            uncovered = sum(sm.uncovered_by_type.values())
            items.append(esc(plural("m_uncovered", uncovered, self.lang).format(n=self.num(uncovered, 0))))
        items.append(esc(t["m_caveat"]) + " " + self.cite.ref(default_source("newcomer_months")))
        out = [self.para(esc(t["h_method"]), s.h2)]
        out += [self.para(text.strip(), s.bullet) for text in items]
        for p in out[1:]:
            p.bulletText = "•"
        counts = content.team_counts(sm)
        heads = [t["norm_type"], t["norm_cases"], t["norm_range"], t["norm_source"]]
        data = [[self.para(esc(h), s.head if i != 1 else s.head_r) for i, h in enumerate(heads)]]
        for case_type in content.team_case_types(sm):
            norm = ns.norm_for(case_type)
            rng = "–"
            ref = ""
            if norm is not None:
                rng = format_range(norm.min, norm.max, self.lang)
                inherited = self._inherited_from(ns, case_type, norm)
                if inherited:
                    rng += " " + inherited
                ref = self.cite.ref(norm.source)
            data.append([self.para(esc(case_type_name(case_type, self.lang)), s.cell),
                         self.num(counts.get(case_type, 0), 0), self.para(esc(rng), s.cell), ref])
        widths = [mm(55), mm(22), mm(70)]
        widths.append(FRAME_W - sum(widths))
        cmds = self.grid_style(len(data))
        cmds.append(("ALIGN", (3, 1), (3, -1), "LEFT"))
        out += [self.para(esc(t["h_norms"]), s.h3), self.table(data, widths, cmds)]
        return out

    def _fleksjob_remark_applies(self) -> bool:
        """The remark that flexi-jobs had no DS range of their own is true of DS's ranges at the
        2023 survey only: printed for a DS set that gives flexi-jobs no figure of its own, and a
        team that holds flexi-job cases (not for DS's newer overview, which has one)."""
        from sagstal_desktop.core.wording import kind_of

        norm = self.norm_set.norm_for("fleksjob")
        holds = content.team_counts(self.summary).get("fleksjob", 0) > 0
        return holds and kind_of(self.norm_set) == "ds" and norm is not None and norm.inherited

    def sources_section(self) -> list:
        s = self.styles
        out = [self.para(esc(self.t["h_sources"]), s.h2)]
        for number, text in self.cite.entries():
            out.append(self.para(f"[{number}]&nbsp;&nbsp;{esc(text)}", s.source))
        return out

"""Build the PDF staffing memo (A4, reportlab, embedded TrueType fonts).

``write_memo(team, path, options)`` computes the team's figures with the core (or takes a
summary already computed), lays out the sections and writes the file atomically: into a
temporary file beside the target, then moved into place. reportlab is imported here, never at
program start.
"""

from __future__ import annotations

import html
import io
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from sagstal_desktop import __version__
from sagstal_desktop.core.anonymise import anonymised_title
from sagstal_desktop.core.defaults import default_source
from sagstal_desktop.core.formatting import format_dkk, format_number, format_percent, format_range, format_timestamp
from sagstal_desktop.core.load import Status, TeamSummary, summarize
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet, case_type_name, default_norm_set
from sagstal_desktop.core.references import budget_case, reference_caseloads
from sagstal_desktop.core.survey import national_context, survey_2023, survey_area_for
from sagstal_desktop.core.validation import budget_first_year_range, budget_years_range
from sagstal_desktop.core.whatif import budget_table
from sagstal_desktop.core.wording import format_load, kind_note, term, uneven_summary, unmeasured_summary
from sagstal_desktop.i18n import N_, tr
from sagstal_desktop.report import content
from sagstal_desktop.report.citations import Citations
from sagstal_desktop.report.fonts import BOLD, COND, COND_BOLD, REGULAR, register_fonts
from sagstal_desktop.report.options import MemoOptions, full_list_max_staff
from sagstal_desktop.report.texts import join_names, long_date, plural, texts

#: progress(fraction 0-1) — may raise MemoCancelled to stop the build.
Progress = Callable[[float], None]

LEVELS = ("max", "mid", "min")
NAVY = "#1f3a5f"
RULE = "#b8c4d2"
HEAD_BG = "#e6ecf3"
BOX_BG = "#f3f6f9"
ZEBRA = "#f7f9fb"
STATUS_TEXT = {Status.OVER: "#a93226", Status.WITHIN: "#1e6b43", Status.BELOW: "#2f6497",
               Status.NOT_COMPUTABLE: "#666666", Status.PARTLY_UNMEASURED: "#7d6608", Status.UNMEASURED: "#666666"}


#: Room (points) for a table's header and first rows below its heading (``table_heading``).
TABLE_START_HEIGHT = 80
#: A staff table of at most this many rows is kept on one page with its heading.
KEEP_TABLE_ROWS = 25

class MemoCancelled(Exception):
    """The user cancelled the build (raised from the progress callback)."""


class MemoError(Exception):
    """The memo could not be written (e.g. the folder is not writable)."""


#: A memo of a scenario says so in its title and under it (``MemoOptions.scenario``).
SCENARIO_TITLE = N_("{title} – scenario “{name}”")
SCENARIO_NOTE = N_("This memo shows the scenario “{name}”, computed by Sagstal on the scenario's assumptions: "
                   "not the team's present situation.")


def mm(value: float) -> float:
    return value * 72 / 25.4


PAGE_W, PAGE_H = 595.2756, 841.8898  # A4 in points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = mm(18), mm(20), mm(20)
FRAME_W = PAGE_W - 2 * MARGIN_X


class _Styles:
    def __init__(self) -> None:
        from reportlab.lib.colors import HexColor
        from reportlab.lib.enums import TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        navy = HexColor(NAVY)
        self.body = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13, spaceAfter=4)
        self.title = ParagraphStyle("title", fontName=BOLD, fontSize=18, leading=22, textColor=navy, spaceAfter=8)
        self.h2 = ParagraphStyle("h2", fontName=BOLD, fontSize=12.5, leading=16, textColor=navy,
                                 spaceBefore=12, spaceAfter=5, keepWithNext=1)
        self.h3 = ParagraphStyle("h3", fontName=BOLD, fontSize=10, leading=13, textColor=navy,
                                 spaceBefore=8, spaceAfter=3, keepWithNext=1)
        self.small = ParagraphStyle("small", fontName=REGULAR, fontSize=7.5, leading=9.5,
                                    textColor=HexColor("#555555"), spaceBefore=2, spaceAfter=4)
        self.cell = ParagraphStyle("cell", fontName=COND, fontSize=8.3, leading=10)
        self.cell_bold = ParagraphStyle("cellb", parent=self.cell, fontName=COND_BOLD)
        self.box = ParagraphStyle("box", fontName=REGULAR, fontSize=8.5, leading=10.5)
        self.box_bold = ParagraphStyle("boxb", parent=self.box, fontName=BOLD)
        self.head = ParagraphStyle("head", fontName=COND_BOLD, fontSize=7.4, leading=8.7, textColor=navy)
        self.head_r = ParagraphStyle("headr", parent=self.head, alignment=TA_RIGHT)
        self.info_label = ParagraphStyle("il", fontName=REGULAR, fontSize=8.5, leading=11,
                                         textColor=HexColor("#555555"))
        self.info = ParagraphStyle("iv", fontName=BOLD, fontSize=9, leading=11.5)
        self.after_table = ParagraphStyle("after", parent=self.body, spaceBefore=6)
        self.bullet = ParagraphStyle("bullet", parent=self.body, leftIndent=11, bulletIndent=0, spaceAfter=3)
        self.source = ParagraphStyle("source", fontName=REGULAR, fontSize=8.3, leading=10.8, leftIndent=18,
                                     firstLineIndent=-18, spaceAfter=3)
        for style in vars(self).values():  # bullets too in the embedded font (reportlab's default is Helvetica)
            style.bulletFontName = REGULAR


def _two_lines(text: str, width: Callable[[str], float] = len) -> str:
    """The wider line of ``text`` split at the space that balances two lines by ``width`` (the
    sample a wrapping column must fit): "Inden for DS-interval" -> "DS-interval". Measured in
    points (``width`` = the font's string width), a tie in characters cannot pick the narrower
    line ("Over DS'" is 8 characters like "maksimum", but narrower)."""
    words = text.split()
    if len(words) < 2:
        return text
    lines = ((" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words)))
    return min((max(pair, key=width) for pair in lines), key=width)


def _wrap_words(text: str, width: Callable[[str], float], room: float) -> str | None:
    """``text`` broken between words into lines of at most ``room`` (by ``width``), joined by
    line feeds, as a table draws a plain cell; None if a single word is wider than ``room``
    (a paragraph must break inside it)."""
    lines: list[str] = []
    for word in text.split():
        if width(word) > room:
            return None
        if lines and width(candidate := f"{lines[-1]} {word}") <= room:
            lines[-1] = candidate
        else:
            lines.append(word)
    return "\n".join(lines)


def _one_full_stop(text: str) -> str:
    """A sentence that ends in an abbreviation ends with one full stop: "kr." + "." is "kr.",
    never "kr.."."""
    import re

    return re.sub(r"\b(kr|ca|fx|nr|p/l|pr|mio)\.\.(?!\.)", r"\1.", text)


def esc(text: str) -> str:
    """``text`` safe inside a paragraph's markup: ``&``, ``<`` and ``>`` escaped (the stdlib's
    ``html.escape``, not ``xml.sax.saxutils.escape``, whose import pulls in urllib, ssl and email)."""
    return html.escape(text, quote=False)


class MemoBuilder:
    """Lays out one memo; each ``_section`` method returns flowables."""

    def __init__(self, team: Team, summary: TeamSummary, norm_set: NormSet, options: MemoOptions) -> None:
        self.team, self.summary, self.norm_set, self.options = team, summary, norm_set, options
        self.lang = options.lang
        self.t = texts(self.lang, norm_set)
        self.cite = Citations(self.lang)
        self.styles = _Styles()
        self._numbers: dict[tuple[float | None, int], str] = {}
        self._status_cells: dict[tuple[Status, int], object] = {}

    # -- helpers ------------------------------------------------------------------------
    def num(self, value: float | None, decimals: int = 1) -> str:
        """``value`` in the memo's notation; each distinct value is formatted once per memo (a
        large staff table repeats the same hours and counts thousands of times)."""
        key = (value, decimals)
        text = self._numbers.get(key)
        if text is None:
            text = self._numbers[key] = format_number(value, decimals, self.lang)
        return text

    def pct(self, fraction: float | None, decimals: int = 0) -> str:
        return format_percent(fraction, decimals, self.lang)

    def para(self, text: str, style=None):
        from reportlab.platypus import Paragraph

        return Paragraph(_one_full_stop(text), style or self.styles.body)

    def table_heading(self, text: str, style) -> list:
        """A heading kept with the first rows of the long table after it, while the table may still
        split across pages (a heading with ``keepWithNext`` keeps the whole table with it, and a
        table that does not fit below moves to the next page, leaving the rest of this one empty)."""
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import CondPageBreak

        free = ParagraphStyle(f"{style.name}_free", parent=style, keepWithNext=0)
        return [CondPageBreak(style.spaceBefore + style.leading + style.spaceAfter + TABLE_START_HEIGHT),
                self.para(text, free)]

    def source_line(self, *sources) -> list:
        refs = self.cite.ref(*sources)
        return [self.para(esc(self.t["source_line"].format(refs=refs)), self.styles.small)] if refs else []

    def table(self, data, widths, style_cmds, repeat: int = 1, long: bool = False):
        from reportlab.platypus import LongTable, Table, TableStyle

        cls = LongTable if long else Table
        table = cls(data, colWidths=widths, repeatRows=repeat, hAlign="LEFT")
        # cells without a FONT command in the embedded font too (reportlab's default is Helvetica)
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *style_cmds]))
        return table

    def grid_style(self, rows: int, header_rows: int = 1, numeric_from: int = 1) -> list:
        from reportlab.lib.colors import HexColor

        cmds = [
            ("FONT", (0, 0), (-1, -1), COND, 8.3),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HexColor(HEAD_BG)),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.7, HexColor(NAVY)),
            ("ALIGN", (numeric_from, header_rows), (-1, -1), "RIGHT"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if rows > header_rows:
            cmds.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [None, HexColor(ZEBRA)]))
            cmds.append(("LINEBELOW", (0, -1), (-1, -1), 0.5, HexColor(RULE)))
        return cmds

    # -- sections -----------------------------------------------------------------------
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

    def staff_columns(self) -> tuple[content.CaseColumns, list[float]]:
        """The finest case split that leaves the name column room, and the column widths."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        t, s, lang = self.t, self.styles, self.lang
        head_size, pad = s.head.fontSize, 7.5

        def need(header: str, sample: str, font: str = COND) -> float:
            word = max(stringWidth(w, COND_BOLD, head_size) for w in header.split())
            return max(word, stringWidth(sample, font, 8.3)) + pad

        def font_of(status: Status) -> str:
            return COND_BOLD if status is Status.OVER else COND

        def status_sample(status: Status) -> str:
            font = font_of(status)
            return _two_lines(self._status_cell_text(status, most_uncovered), lambda x: stringWidth(x, font, 8.3))

        sm, num = self.summary, self.num
        most_uncovered = max(sm.persons.column("uncovered_cases"), default=0)
        hours = num(sum(m.weekly_hours for m in self.team.staff), 1)
        other = num(sum(m.other_hours for m in self.team.staff), 1)
        fixed = [need(t["col_hours"], max("37,0", hours, key=len)), need(t["col_other"], max("10,0", other, key=len)),
                 need(t["col_fte"], max("0,00", num(sm.available_fte, 2), key=len)),
                 need(t["col_total"], max("9.999", num(sm.total_cases, 0), key=len)),
                 need(t["col_ftecl"], "999,9"), need(t["col_load"], "100,3 %"),
                 max(need(t["col_status"], status_sample(status), font_of(status)) for status in Status) + 2]
        # Finest split first with a comfortable name column, then a narrower one (names wrap).
        for kind, name_min in (("type", 28), ("area", 28), ("type", 18), ("area", 18), ("none", 0)):
            columns = content.case_columns(self.summary, self.norm_set, lang, kind)
            if columns is None or (kind == "area" and len(columns.keys) < 2):
                continue  # a single area column would only repeat the total
            team_split = columns.split(content.team_counts(sm))
            case_w = [max(need(h, max("9.999", num(n, 0), key=len)), mm(12))
                      for h, n in zip(columns.headers, team_split, strict=True)]
            name_w = FRAME_W - sum(fixed) - sum(case_w)
            if name_w >= mm(name_min) or kind == "none":
                return columns, [name_w, *fixed[:3], *case_w, *fixed[3:]]
        raise AssertionError("unreachable")

    def _status_cell_text(self, status: Status, uncovered: int) -> str:
        """The staff table's status cell: the label, and the count of cases with no norm if any."""
        text = content.status_text(status, self.lang, self.norm_set)
        if uncovered:
            text = self.t["status_unmeasured_count"].format(status=text, n=self.num(uncovered, 0))
        return text

    def _status_cell(self, status: Status, uncovered: int, room: float):
        """The staff table's status cell, once per (status, count): a plain string, on two lines
        where one is too narrow (the table's commands colour it, bold when over); a paragraph
        only if even two lines do not fit."""
        key = (status, uncovered)
        cell = self._status_cells.get(key)
        if cell is None:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            text = self._status_cell_text(status, uncovered)
            font = COND_BOLD if status is Status.OVER else COND
            cell = text
            if stringWidth(text, font, 8.3) > room:
                words = text.split()
                splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
                best = min(splits, key=lambda lines: max(stringWidth(x, font, 8.3) for x in lines), default=None)
                if best is not None and max(stringWidth(x, font, 8.3) for x in best) <= room:
                    cell = "\n".join(best)
                else:
                    cell = self.para(self._status_markup(status, text), self.styles.cell)
            self._status_cells[key] = cell
        return cell

    @staticmethod
    def _status_markup(status: Status, text: str) -> str:
        """The status cell as a paragraph: coloured (and bold when over) as the table's commands say."""
        markup = esc(text)
        if status is Status.OVER:
            markup = f'<font name="{COND_BOLD}">{markup}</font>'
        if status is not Status.WITHIN:
            markup = f'<font color="{STATUS_TEXT[status]}">{markup}</font>'
        return markup

    def staff_table(self, rows: list[content.StaffRow], columns: content.CaseColumns, widths: list[float],
                    totals: bool = True):
        """The staff table for ``rows`` (every person, or a selection without the totals row), laid
        out in time linear in the rows: each row is built once from plain strings where they fit,
        repeated numbers are formatted once, and reportlab splits it page by page (``PagedTable``)."""
        from reportlab.lib.colors import HexColor
        from reportlab.pdfbase.pdfmetrics import stringWidth

        from sagstal_desktop.report.staff_table import PagedTable

        t, sm, s = self.t, self.summary, self.styles
        heads = [t["col_name"], t["col_hours"], t["col_other"], t["col_fte"], *columns.headers, t["col_total"],
                 t["col_ftecl"], t["col_load"], t["col_status"]]
        # The header as plain text broken between words (a paragraph is measured again on every
        # page the header repeats on), styled as the paragraph style ``head`` by the commands.
        head = s.head
        header = [_wrap_words(h, lambda x: stringWidth(x, head.fontName, head.fontSize), width - 6)
                  or self.para(esc(h), head if i in (0, len(heads) - 1) else s.head_r)
                  for i, (h, width) in enumerate(zip(heads, widths, strict=True))]
        data = [header]
        # plain cells of two or more lines as tall as paragraphs (leading 10)
        cmds = [("FONT", (0, 1), (-1, -1), COND, 8.3, 10) if cmd[0] == "FONT" else cmd
                for cmd in self.grid_style(len(rows) + (2 if totals else 1))]
        cmds += [("FONT", (0, 0), (-1, 0), head.fontName, head.fontSize, head.leading),
                 ("TEXTCOLOR", (0, 0), (-1, 0), head.textColor), ("ALIGN", (1, 0), (-2, 0), "RIGHT")]
        status_col = len(widths) - 1
        num = self.num
        loads: dict[float | None, str] = {}
        colours = {status: HexColor(colour) for status, colour in STATUS_TEXT.items()}
        name_room, status_room = widths[0] - 6, widths[-1] - 6
        for i, row in enumerate(rows, start=1):
            label = row.label + (" *" if row.newcomer else "")
            if stringWidth(label, COND, 8.3) > name_room:
                label = _wrap_words(label, lambda x: stringWidth(x, COND, 8.3), name_room) or self.para(
                    esc(label), s.cell)
            load = loads.get(row.load_max)
            if load is None:
                load = loads[row.load_max] = format_load(row.load_max, self.lang)
            data.append([
                label, num(row.weekly_hours, 1), num(row.other_hours, 1), num(row.capacity, 2),
                *(num(n, 0) for n in row.split), num(row.total_cases, 0), num(row.fte_caseload, 1),
                "–" if row.status is Status.UNMEASURED else load,
                self._status_cell(row.status, row.uncovered_cases, status_room),
            ])
            if row.status is not Status.WITHIN:
                cmds.append(("TEXTCOLOR", (status_col, i), (status_col, i), colours[row.status]))
            if row.status is Status.OVER:
                cmds.append(("FONT", (status_col - 1, i), (status_col, i), COND_BOLD, 8.3, 10))
        cmds.append(("ALIGN", (status_col, 1), (status_col, -1), "LEFT"))
        if totals:
            team_split = columns.split(content.team_counts(sm))
            hours = sum(m.weekly_hours for m in self.team.staff)
            other = sum(m.other_hours for m in self.team.staff)
            label = plural("totals", sm.staff_count, self.lang).format(n=num(sm.staff_count, 0))
            data.append([
                self.para(esc(label), s.cell_bold), num(hours, 1),
                num(other, 1), num(sm.available_fte, 2), *(num(n, 0) for n in team_split), num(sm.total_cases, 0),
                num(sm.average_fte_caseload, 1), "", t["status_total"].format(n=sm.over_count),
            ])
            cmds += [("FONT", (0, -1), (-1, -1), COND_BOLD, 8.3, 10),
                     ("LINEABOVE", (0, -1), (-1, -1), 0.8, HexColor(NAVY)),
                     ("BACKGROUND", (0, -1), (-1, -1), HexColor(HEAD_BG))]
        return PagedTable(data, widths, cmds, repeat_rows=1)  # linear in the rows, however many

    def staff_notes(self, rows: list[content.StaffRow]) -> list:
        """The lines under a staff table: what the columns mean, the newcomer mark, the sources."""
        t, sm, num = self.t, self.summary, self.num
        newcomer = ""
        if any(row.newcomer for row in rows):
            newcomer = t["newcomer_note"].format(reduction=self.pct(self.team.settings.newcomer_reduction),
                                                 months=self.team.settings.newcomer_months)
        note = t["staff_note"].format(fth=num(sm.full_time_hours, 0), newcomer=newcomer)
        if any(row.uncovered_cases for row in rows):
            note += " " + t["staff_note_unmeasured"]
        return [self.para(esc(note), self.styles.small), *self.derived_source_line()]

    def staff_section(self, rows: list[content.StaffRow], columns: content.CaseColumns, widths: list[float]) -> list:
        table = self.staff_table(rows, columns, widths)
        heading = esc(self.t["h_staff"])
        # a short table stays on one page with its heading; a long one starts below it
        head = [self.para(heading, self.styles.h2)] if len(rows) <= KEEP_TABLE_ROWS else self.table_heading(
            heading, self.styles.h2)
        return [*head, table, *self.staff_notes(rows)]

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

    def story(self, progress: Progress | None = None) -> list:
        lang, opts, sm = self.lang, self.options, self.summary
        appendix: list = []
        if opts.anonymise:  # per person only what cannot be traced back (core.anonymise)
            from sagstal_desktop.report.anonymous_section import band_section, list_sections

            anonymous = content.anonymous_rows(sm, lang)  # labels drawn for this memo alone
            story = self.header() + self.summary_section() + band_section(self, anonymous)
            main, appendix = list_sections(self, anonymous)
            story += main
            if progress:
                progress(0.3)
            return self._later_sections(story) + appendix
        columns, widths = self.staff_columns()
        rows = content.staff_rows(self.team, sm, columns, lang)
        if progress:
            progress(0.1)
        story = self.header() + self.summary_section()
        story += self.chart_section(rows)
        if progress:
            progress(0.2)
        everyone = opts.list_everyone(sm.staff_count)
        if everyone and sm.staff_count <= full_list_max_staff():
            story += self.staff_section(rows, columns, widths)
        else:  # a large team (or the list left out): an overview, the full list as the appendix
            from sagstal_desktop.report.staff_overview import appendix_section, overview_section

            story += overview_section(self, rows, columns, widths, appendix=everyone)
            if everyone:
                appendix = appendix_section(self, rows, columns, widths)
        if progress:
            progress(0.3)
        return self._later_sections(story) + appendix

    def _later_sections(self, story: list) -> list:
        """The sections after the staff: history, scenarios, national figures, budget, other
        projects, method and sources."""
        opts = self.options
        if opts.include_history:
            from sagstal_desktop.report.history_section import history_section

            story += history_section(self)
        if opts.scenarios != () and self.team.scenarios:
            from sagstal_desktop.report.scenario_section import scenario_section

            story += scenario_section(self)
        if opts.include_national:
            story += self.national_section()
        if opts.include_budget:
            story += self.budget_section()
        if opts.include_references:
            story += self.references_section()
        story += self.method_section()
        story += self.sources_section()
        return story


def _canvas_class(footer_left: str, page_of: str, running_head: str):
    """A canvas that draws the footer with "Side x af y" once the page count is known."""
    from reportlab.lib.colors import HexColor
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            page = self._pageNumber
            grey = HexColor("#666666")
            self.setStrokeColor(HexColor(RULE))
            self.setLineWidth(0.5)
            self.line(MARGIN_X, mm(13), PAGE_W - MARGIN_X, mm(13))
            self.setFillColor(grey)
            self.setFont(REGULAR, 7.5)
            self.drawString(MARGIN_X, mm(9), footer_left)
            self.drawRightString(PAGE_W - MARGIN_X, mm(9), page_of.format(page=page, pages=total))
            if page > 1:
                self.drawString(MARGIN_X, PAGE_H - mm(12), running_head)
                self.line(MARGIN_X, PAGE_H - mm(13.5), PAGE_W - MARGIN_X, PAGE_H - mm(13.5))

    return NumberedCanvas


def build_pdf(team: Team, target, options: MemoOptions, summary: TeamSummary, norm_set: NormSet,
              progress: Progress | None = None) -> int:
    """Lay out the memo into ``target`` (a path or a binary file object); return the page count."""
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    t = texts(options.lang)
    fitted, fitted_set = content.fit_text(team, norm_set)
    if fitted is not team or fitted_set is not norm_set:
        team, norm_set = fitted, fitted_set
        summary = summarize(team, summary.as_of, norm_set)
    builder = MemoBuilder(team, summary, norm_set, options)
    story = builder.story(progress)
    generated = options.generated or datetime.now()
    when = format_timestamp(generated, options.lang)
    team_name = " – ".join(x for x in (team.info.municipality, team.info.team_name) if x)
    title = t["title"]
    if options.scenario:
        title = tr(SCENARIO_TITLE, options.lang).format(title=title, name=options.scenario)
    title = f"{title} – {team_name}" if team_name else title
    if options.anonymise:  # the title says what the reader holds (issue 20)
        title = anonymised_title(title, options.lang)
    estimated = 4 + (summary.staff_count / 48 if options.list_everyone(summary.staff_count) else 2)
    pages = [0]

    def on_page(canvas, doc) -> None:
        pages[0] = doc.page
        if progress:
            progress(min(0.35 + 0.6 * doc.page / estimated, 0.95))

    doc = SimpleDocTemplate(
        target, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, author=content.role_text(team.info.author_role, options.lang),
        subject=norm_set.name(options.lang), creator=f"Sagstal {__version__}", producer=f"Sagstal {__version__}",
        keywords="", lang="da-DK" if options.lang == "da" else "en-GB", initialFontName=REGULAR, initialFontSize=9,
    )
    canvas_cls = _canvas_class(t["footer_generated"].format(when=when, version=__version__), t["page_of"], title)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=canvas_cls)
    if progress:
        progress(1.0)
    return pages[0]


def memo_inputs(team: Team, options: MemoOptions, summary: TeamSummary | None = None,
                norm_set: NormSet | None = None) -> tuple[TeamSummary, NormSet]:
    """The summary and norm set a memo uses: the given ones if they fit ``options``, else computed."""
    norm_set = norm_set or team.norm_set()
    as_of = options.as_of or (summary.as_of if summary is not None else date.today())
    if summary is None or summary.norm_set_id != norm_set.id or summary.as_of != as_of:
        summary = summarize(team, as_of, norm_set)
    return summary, norm_set


def write_memo(team: Team, path: str | os.PathLike, options: MemoOptions | None = None, *,
               summary: TeamSummary | None = None, norm_set: NormSet | None = None,
               progress: Progress | None = None) -> int:
    """Write the memo to ``path`` atomically; return its page count. Raises MemoError (with the
    OS's reason) if the file cannot be written and MemoCancelled if ``progress`` cancels."""
    options = options or MemoOptions()
    summary, norm_set = memo_inputs(team, options, summary, norm_set)
    target = Path(path)
    # Laid out in memory first: a memo killed while laying out leaves no file at all, and the
    # temporary file below exists only while the finished bytes are written and synced.
    buffer = io.BytesIO()
    pages = build_pdf(team, buffer, options, summary, norm_set, progress)
    from sagstal_desktop.io.atomic_write import WriteFailed, write_bytes

    try:
        write_bytes(target, buffer.getbuffer(), suffix=".part")
    except WriteFailed as exc:
        raise MemoError(f"{target}: {exc.detail}") from exc
    return pages

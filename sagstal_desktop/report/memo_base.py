"""The memo builder's common ground: the team, its one summary, the norm set and options, and
the helpers every section uses (numbers, paragraphs, tables, source lines). The sections
(``summary_section``, ``staff_section``, ``reference_sections``, ``method_section`` and the
section modules that take a builder) build on it; ``pdf.MemoBuilder`` puts them together."""

from __future__ import annotations

from collections.abc import Callable

from sagstal_desktop.core.formatting import format_number, format_percent
from sagstal_desktop.core.load import Status, TeamSummary
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.report.citations import Citations
from sagstal_desktop.report.fonts import COND, REGULAR
from sagstal_desktop.report.memo_style import (
    HEAD_BG,
    NAVY,
    RULE,
    TABLE_START_HEIGHT,
    ZEBRA,
    MemoStyles,
    esc,
)
from sagstal_desktop.report.options import MemoOptions
from sagstal_desktop.report.text_fit import one_full_stop
from sagstal_desktop.report.texts import texts

#: progress(fraction 0-1) — may raise MemoCancelled to stop the build.
Progress = Callable[[float], None]


class MemoBase:
    """One memo's inputs and helpers; each section method of the builder returns flowables."""

    def __init__(self, team: Team, summary: TeamSummary, norm_set: NormSet, options: MemoOptions) -> None:
        self.team, self.summary, self.norm_set, self.options = team, summary, norm_set, options
        self.lang = options.lang
        self.t = texts(self.lang, norm_set)
        self.cite = Citations(self.lang)
        self.styles = MemoStyles()
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

        return Paragraph(one_full_stop(text), style or self.styles.body)

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

"""The memo's staff table: the columns that fit, the status cells, the notes under the table."""

from __future__ import annotations

from functools import cached_property

from sagstal_desktop.core.load import Status
from sagstal_desktop.core.wording import format_load
from sagstal_desktop.report import content
from sagstal_desktop.report.fonts import COND, COND_BOLD
from sagstal_desktop.report.memo_base import MemoBase
from sagstal_desktop.report.memo_style import (
    FRAME_W,
    HEAD_BG,
    KEEP_TABLE_ROWS,
    NAVY,
    STATUS_TEXT,
    esc,
    mm,
)
from sagstal_desktop.report.text_fit import two_lines, wrap_words
from sagstal_desktop.report.texts import plural


class StaffSections(MemoBase):
    """Section methods of the memo builder (``pdf.MemoBuilder``). Every figure is read from the
    memo's one summary (``self.summary``): the rows from its persons, the totals row from its
    sums and from ``staff_hours``, the hours summed over the same persons."""

    @cached_property
    def staff_hours(self) -> tuple[float, float]:
        """The staff's weekly hours and hours on other tasks (``content.staff_hours``)."""
        return content.staff_hours(self.team, self.summary)

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
            return two_lines(self._status_cell_text(status, most_uncovered), lambda x: stringWidth(x, font, 8.3))

        sm, num = self.summary, self.num
        most_uncovered = max(sm.persons.column("uncovered_cases"), default=0)
        hours, other = (num(total, 1) for total in self.staff_hours)
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
        header = [wrap_words(h, lambda x: stringWidth(x, head.fontName, head.fontSize), width - 6)
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
                label = wrap_words(label, lambda x: stringWidth(x, COND, 8.3), name_room) or self.para(
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
            hours, other = self.staff_hours
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

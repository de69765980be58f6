"""A long table that reportlab lays out in linear time.

reportlab's ``Table.split`` builds the rest of a split table as a new ``Table`` and measures all
of its rows again at every page break, so a table of n rows costs O(n²) (a 10,000-person memo
took 12 s, 100,000 did not finish). ``PagedTable`` keeps the rows and hands reportlab only a
block a little larger than one page at a time: reportlab's own ``split`` (with its repeat-rows
machinery) cuts the block at the page end, and the rest stays a ``PagedTable`` that has measured
nothing yet. Each row is measured about twice in all, and every page looks exactly as with one
big table: the header rows repeated on each page, the same row heights, styles and breaks.

Style commands are given as for the whole table (rows may be negative); they are mapped onto
each block the way ``Table.split`` maps them onto its parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

#: Rows in the first block tried on a page; doubled until the block overflows the page.
FIRST_BLOCK = 48

#: Measuring stops past this height (points; more than any page, A3 is 1,191). ``KeepTogether`` and other
#: measuring callers offer "unlimited" room; they only need to see that the table is taller
#: than a page, and measuring every row there would cost O(n) per call.
MEASURE_CAP = 2_000.0

Command = tuple[Any, ...]


class BlockStyles:
    """The whole table's style commands, indexed by row once, mapped onto blocks on request."""

    def __init__(self, cmds: Sequence[Command], nrows: int) -> None:
        self.nrows = nrows
        self._wide: list[tuple[int, Command, int, int]] = []  # commands over several rows (few)
        self._by_row: dict[int, list[tuple[int, Command, int, int]]] = {}  # one-row commands
        for order, cmd in enumerate(cmds):
            sr, er = cmd[1][1], cmd[2][1]
            if isinstance(sr, str) or isinstance(er, str):  # "splitfirst", "splitlast", "inrowsplit…"
                self._wide.append((order, cmd, -1, -1))
                continue
            sr, er = sr + nrows if sr < 0 else sr, er + nrows if er < 0 else er
            entry = (order, cmd, sr, er)
            if sr == er:
                self._by_row.setdefault(sr, []).append(entry)
            else:
                self._wide.append(entry)

    def _between(self, lo: int, hi: int) -> list[tuple[int, Command, int, int]]:
        found = [e for e in self._wide if e[2] < 0 or (e[2] < hi and e[3] >= lo)]
        for row in range(lo, hi):
            found += self._by_row.get(row, ())
        return sorted(found, key=lambda e: e[0])  # later commands win, as in the whole table

    def for_block(self, header: int, start: int, stop: int) -> list[Command]:
        """The commands for a block of the header rows ``[0, header)`` and the body rows
        ``[start, stop)``, mapped as reportlab maps them onto the parts of a split table."""
        out: list[Command] = []
        if start == header:  # the first block is a plain prefix of the table: keep ranges whole
            for _, cmd, sr, er in self._between(0, stop):
                out.append(cmd if sr < 0 else (cmd[0], (cmd[1][0], sr), (cmd[2][0], min(er, stop - 1)), *cmd[3:]))
            return out
        for _, cmd, sr, er in self._between(0, header):
            if sr < 0:
                out.append(cmd)
            else:
                out.append((cmd[0], (cmd[1][0], sr), (cmd[2][0], min(er, header - 1)), *cmd[3:]))
        for _, cmd, sr, er in self._between(start, stop):
            if sr < 0:
                continue  # special rows were added with the header
            lo, hi = max(sr, start), min(er, stop - 1)
            out.append((cmd[0], (cmd[1][0], lo - start + header), (cmd[2][0], hi - start + header), *cmd[3:]))
        return out


class BlockTable(Table):
    """A ``Table`` that writes its plain-text cells into one PDF text object, where reportlab
    begins and ends a text object for every string (the bulk of a long table's drawing time).
    Cells it does not handle (flowables, centred or decimal text, links, text direction) are drawn
    by reportlab after the pending text is written out, so the content stream keeps the cells'
    order and the page looks the same."""

    _text: Any = None
    _text_state: tuple[Any, ...] = ()

    def _drawCell(self, cellval, cellstyle, pos, size) -> None:
        just = cellstyle.alignment
        if (not isinstance(cellval, str) or just not in ("LEFT", "RIGHT") or cellstyle.valign != "TOP"
                or cellstyle.direction or cellstyle.shaping or cellstyle.href or cellstyle.destination):
            self._flush_text()
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        if not cellval:
            return
        text = self._text
        if text is None:
            text = self._text = self.canv.beginText()
            self._text_state = ()
        font, font_size, leading, colour = cellstyle.fontname, cellstyle.fontsize, cellstyle.leading, cellstyle.color
        if self._text_state[:3] != (font, font_size, leading):
            text.setFont(font, font_size, leading)
        if not self._text_state or self._text_state[3] != colour:
            text.setFillColor(colour)
        self._text_state = (font, font_size, leading, colour)
        colpos, rowpos = pos
        colwidth, rowheight = size
        y = rowpos + rowheight - cellstyle.topPadding - font_size
        if just == "LEFT":
            x = colpos + cellstyle.leftPadding
            for line in cellval.split("\n"):
                text.setTextOrigin(x, y)
                text.textOut(line)
                y -= leading
        else:
            right = colpos + colwidth - cellstyle.rightPadding
            for line in cellval.split("\n"):
                text.setTextOrigin(right - stringWidth(line, font, font_size), y)
                text.textOut(line)
                y -= leading

    def _flush_text(self) -> None:
        if self._text is not None:
            self.canv.drawText(self._text)
            self._text = None

    def _drawLines(self) -> None:
        self._flush_text()
        super()._drawLines()

    def draw(self) -> None:
        self._text = None
        super().draw()
        self._flush_text()  # a table without lines


class PagedTable(Flowable):
    """``PagedTable(data, col_widths, style_cmds, repeat_rows=1)``: a ``Table`` for many rows."""

    def __init__(self, data: list[list[Any]], col_widths: Sequence[float], style_cmds: Sequence[Command] | BlockStyles,
                 repeat_rows: int = 1, h_align: str = "LEFT", *, start: int | None = None,
                 first_block: int = FIRST_BLOCK, row_height: float | None = None) -> None:
        super().__init__()
        self._data, self._widths = data, list(col_widths)
        self._styles = style_cmds if isinstance(style_cmds, BlockStyles) else BlockStyles(style_cmds, len(data))
        self._header = repeat_rows
        self._start = repeat_rows if start is None else start
        self._first_block = max(first_block, 1)
        self._row_height = row_height  # the lowest body row seen so far: how many rows could fit
        self.hAlign = h_align
        self._block: Table | None = None  # the block last wrapped (drawn, if it holds every row)
        self._blocks: dict[tuple[float, float], Table] = {}  # by the room offered

    def rows_left(self) -> int:
        """Body rows this part still holds."""
        return len(self._data) - self._start

    def _make_block(self, stop: int) -> Table:
        h = self._header
        data = self._data[:h] + self._data[self._start:stop] if self._start > h else self._data[:stop]
        table = BlockTable(data, colWidths=self._widths, repeatRows=h, hAlign=self.hAlign)
        table.setStyle(TableStyle(self._styles.for_block(h, self._start, stop)))
        return table

    def _fit_block(self, avail_w: float, avail_h: float) -> Table:
        """A block that either holds every remaining row or is taller than ``avail_h``."""
        known = self._blocks.get((avail_w, avail_h))
        if known is not None:
            self._block = known
            return known
        n, size = len(self._data), self._first_block
        if self._row_height:  # no more rows than could fit, and a couple to overflow the room
            size = min(size, int(avail_h / self._row_height) + 2)
        while True:
            stop = min(n, self._start + size)
            block = self._make_block(stop)
            _, height = block.wrap(avail_w, avail_h)
            body = block._rowHeights[self._header:]
            if body:
                self._row_height = min(body) if self._row_height is None else min(self._row_height, *body)
            if height > min(avail_h, MEASURE_CAP) or stop >= n:
                self._block = self._blocks[avail_w, avail_h] = block
                return block
            size *= 2

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        block = self._fit_block(avail_w, avail_h)
        self.width, self.height = block._width, block._height
        return self.width, self.height

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        block = self._fit_block(avail_w, avail_h)
        parts = block.split(avail_w, avail_h)
        self._blocks.clear()
        if not parts:
            return []
        used = len(parts[0]._cellvalues) - self._header  # body rows on this page
        if used <= 0:
            return []
        rest = self._start + used
        if rest >= len(self._data):
            return [parts[0]]
        return [parts[0], PagedTable(self._data, self._widths, self._styles, self._header, self.hAlign, start=rest,
                                     first_block=used + 8, row_height=self._row_height)]

    def draw(self) -> None:
        block = self._block
        if block is None or len(block._cellvalues) - self._header < self.rows_left():
            raise RuntimeError("PagedTable drawn without being split to the page")
        block.canv = self.canv
        try:
            block.draw()
        finally:
            del block.canv

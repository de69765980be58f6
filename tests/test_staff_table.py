"""``PagedTable`` lays a long table out exactly as one reportlab ``Table`` would (same pages,
header repeated, same styles), measuring each row a bounded number of times (linear time)."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Table, TableStyle

from sagstal_desktop.report import staff_table
from sagstal_desktop.report.staff_table import BlockStyles, PagedTable


def _table_data(rows: int) -> tuple[list[list], list]:
    cell = getSampleStyleSheet()["BodyText"]
    data: list[list] = [["Navn", "Timer", "Sager", "Status"]]
    cmds: list = [
        ("FONT", (0, 0), (-1, -1), "Helvetica", 8),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor("#dde5ee")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.7, HexColor("#1f3a5f")),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, HexColor("#f3f5f8")]),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, HexColor("#999999")),
    ]
    for i in range(1, rows + 1):
        name = f"Person {i:05d}" if i % 7 else Paragraph(f"Person {i:05d} med et meget langt navn " * 2, cell)
        data.append([name, f"{30 + i % 8},0", str(i % 41), "Over" if i % 5 == 0 else "I interval"])
        if i % 5 == 0:
            cmds.append(("TEXTCOLOR", (3, i), (3, i), HexColor("#b00020")))
            cmds.append(("FONT", (2, i), (3, i), "Helvetica-Bold", 8))
    data.append(["I alt", "", str(sum(i % 41 for i in range(1, rows + 1))), ""])
    cmds += [("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 8), ("LINEABOVE", (0, -1), (-1, -1), 0.8, HexColor("#000"))]
    return data, cmds


def _pdf(flowables) -> bytes:
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=True)
    doc.build(flowables)
    return out.getvalue()


@pytest.mark.parametrize("rows", [0, 1, 30, 47, 48, 49, 95, 400])
def test_pages_are_byte_identical_to_one_reportlab_table(rows):
    data, cmds = _table_data(rows)
    heading = Paragraph("Medarbejdere", getSampleStyleSheet()["Heading2"])

    def whole():
        table = Table(data, colWidths=[200, 60, 60, 80], repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(cmds))
        return table

    paged = PagedTable(data, [200, 60, 60, 80], cmds, repeat_rows=1)
    assert _pdf([heading, whole()]) == _pdf([heading, paged])
    # inside KeepTogether (as after a keep-with-next heading) too
    paged = PagedTable(data, [200, 60, 60, 80], cmds, repeat_rows=1)
    assert _pdf([KeepTogether([heading, whole()])]) == _pdf([KeepTogether([heading, paged])])


def _rows_measured(rows: int, monkeypatch) -> int:
    measured = [0]
    original = Table._calc_height

    def counting(self, *args, **kwargs):
        measured[0] += len(self._cellvalues)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Table, "_calc_height", counting)
    data, cmds = _table_data(rows)
    _pdf([KeepTogether([Paragraph("Medarbejdere"), PagedTable(data, [200, 60, 60, 80], cmds)])])
    monkeypatch.setattr(Table, "_calc_height", original)
    return measured[0]


def test_rows_are_measured_a_bounded_number_of_times(monkeypatch):
    small, large = _rows_measured(1_000, monkeypatch), _rows_measured(8_000, monkeypatch)
    assert large / 8_000 < 6  # each row measured a few times, not once per page
    assert large / small < 8 * 1.25  # linear: 8 times the rows, about 8 times the work


def test_block_styles_map_rows_like_a_split():
    cmds = [("FONT", (0, 0), (-1, -1), "Helvetica", 8), ("TEXTCOLOR", (3, 5), (3, 5), "red"),
            ("LINEBELOW", (0, -1), (-1, -1), 0.5, "black"), ("ROWBACKGROUNDS", (0, 1), (-1, -1), ["white", "grey"]),
            ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 1, "blue")]
    styles = BlockStyles(cmds, nrows=12)
    first = styles.for_block(1, 1, 4)  # header + rows 1-3 (a prefix)
    assert ("FONT", (0, 0), (-1, 3), "Helvetica", 8) in first
    assert not any(c[0] in ("TEXTCOLOR", "LINEBELOW") for c in first)
    later = styles.for_block(1, 4, 12)  # header + rows 4-11
    assert ("FONT", (0, 0), (-1, 0), "Helvetica", 8) in later and ("FONT", (0, 1), (-1, 8), "Helvetica", 8) in later
    assert ("TEXTCOLOR", (3, 2), (3, 2), "red") in later
    assert ("LINEBELOW", (0, 8), (-1, 8), 0.5, "black") in later
    assert ("ROWBACKGROUNDS", (0, 1), (-1, 8), ["white", "grey"]) in later  # restarts per page, as reportlab
    assert cmds[-1] in later and cmds[-1] in first


def test_a_table_drawn_without_split_is_refused():
    data, cmds = _table_data(3)
    table = PagedTable(data, [200, 60, 60, 80], cmds)
    with pytest.raises(RuntimeError):
        table.draw()
    assert A4[1] < staff_table.MEASURE_CAP

"""The department memo's charts (reportlab.graphics, vector): the teams' loads against the
maximum (horizontal bars), and the department's trend by month (available casework FTE against
FTE needed at the maximum, with the band down to the minimum)."""

from __future__ import annotations

from collections.abc import Sequence

from sagstal_desktop.core.department import DepartmentMonth
from sagstal_desktop.core.formatting import format_percent
from sagstal_desktop.core.wording import format_load
from sagstal_desktop.report.chart_axis import axis_range
from sagstal_desktop.report.fonts import BOLD, REGULAR
from sagstal_desktop.report.history_chart import AVAILABLE, BAND, NEEDED_MAX, _chart_texts, _legend, fte_panel
from sagstal_desktop.report.memo_style import MUTED_TEXT

OVER = "#c0392b"
WITHIN = "#1f3a5f"
MISSING = MUTED_TEXT  # a "–" for a team with no load: text, so at the memo's readable grey


def load_chart(names: Sequence[str], loads: Sequence[float | None], width: float, lang: str,
               max_label: str, min_line: float | None = None, min_label: str = ""):
    """One bar per team: its load at the maximum in % (100 % = exactly the maximum); a team
    without available FTE gets no bar. ``min_line``: the minimum's level as a load (dashed)."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib.colors import HexColor
    from reportlab.pdfbase.pdfmetrics import stringWidth

    grey = HexColor(MUTED_TEXT)
    bar_h, gap, top, bottom = 10.0, 4.0, 14.0, 16.0
    label_w = min(max((stringWidth(n, REGULAR, 7) for n in names), default=40) + 8, width * 0.35)
    height = top + bottom + len(names) * (bar_h + gap)
    drawing = Drawing(width, height)
    x0 = label_w
    plot_w = width - x0 - 30
    values = [v * 100 for v in loads if v is not None] + [100.0] + ([min_line * 100] if min_line else [])
    _, hi, step = axis_range(0, max(values) * 1.05, 6)

    def x_of(v: float) -> float:
        return x0 + plot_w * v / hi

    for i in range(int(hi / step) + 1):
        tick = i * step
        drawing.add(Line(x_of(tick), bottom, x_of(tick), height - top, strokeColor=HexColor("#dddddd"),
                         strokeWidth=0.4))
        drawing.add(String(x_of(tick), bottom - 9, format_percent(tick / 100, 0, lang), fontName=REGULAR,
                           fontSize=6.5, fillColor=grey, textAnchor="middle"))
    # the vertical lines (100 % and the minimum): a bar's label that would cross one goes just past it
    lines = sorted([x_of(100)] + ([x_of(min_line * 100)] if min_line else []))
    labels = []
    for i, (name, load) in enumerate(zip(names, loads, strict=True)):
        y = height - top - (i + 1) * (bar_h + gap) + gap / 2
        shown = name
        while stringWidth(shown, REGULAR, 7) > label_w - 6 and len(shown) > 4:
            shown = shown[:-2] + "…"
        drawing.add(String(x0 - 4, y + 2.5, shown, fontName=REGULAR, fontSize=7, textAnchor="end"))
        if load is None:
            drawing.add(String(x0 + 2, y + 2.5, "–", fontName=REGULAR, fontSize=7, fillColor=HexColor(MISSING)))
            continue
        colour = OVER if load > 1 + 1e-9 else WITHIN
        drawing.add(Rect(x0, y, max(x_of(load * 100) - x0, 0.5), bar_h, fillColor=HexColor(colour),
                         strokeColor=None))
        text = format_load(load, lang)  # 100,3 %, never "100 %" on a red bar (as the tables and team chart)
        left = x_of(load * 100) + 2
        for line in lines:
            if left - 1 < line < left + stringWidth(text, REGULAR, 6.5) + 1:
                left = line + 2
        labels.append(String(left, y + 2.5, text, fontName=REGULAR, fontSize=6.5, fillColor=grey))
    drawing.add(Line(x_of(100), bottom, x_of(100), height - top + 4, strokeColor=HexColor(OVER), strokeWidth=1.1))
    drawing.add(String(x_of(100), height - top + 6, max_label, fontName=BOLD, fontSize=6.5,
                       fillColor=HexColor(OVER), textAnchor="middle"))
    if min_line:
        drawing.add(Line(x_of(min_line * 100), bottom, x_of(min_line * 100), height - top + 4,
                         strokeColor=grey, strokeWidth=0.9, strokeDashArray=(3, 2)))
        drawing.add(String(x_of(min_line * 100), height - top + 6, min_label, fontName=REGULAR, fontSize=6.5,
                           fillColor=grey, textAnchor="middle"))
    for label in labels:  # over the lines, never under them
        drawing.add(label)
    return drawing


def trend_chart(months: Sequence[DepartmentMonth], width: float, lang: str, needed_label: str):
    """The department's FTE by month (two or more months): available casework FTE, FTE needed at
    the maximum (``needed_label`` names it by the norm set), and the band down to the minimum (the
    figures the snapshots recorded, summed)."""
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib.colors import HexColor

    t = _chart_texts(lang)
    grey = HexColor(MUTED_TEXT)
    plot_h, legend_h, bottom = 140.0, 24.0, 16.0
    height = legend_h + plot_h + bottom + 8
    drawing = Drawing(width, height)
    x0, right = 34.0, 10.0
    plot_w = width - x0 - right
    n = len(months)

    def x_of(i: int) -> float:
        return x0 + plot_w * (i + 0.5) / n

    fte_panel(drawing, months, x_of, bottom, plot_h, x0, plot_w, t["fte"], lang)
    names = t["months"].split()
    every = max(1, -(-n // 12))
    for i, m in enumerate(months):
        if i % every == 0:
            drawing.add(String(x_of(i), 5, f"{names[m.month.month - 1]} {m.month.year % 100:02d}", fontName=REGULAR,
                               fontSize=6.5, fillColor=grey, textAnchor="middle"))
    items = [(t["available"], AVAILABLE, "line"), (needed_label, NEEDED_MAX, "line"), (t["band"], BAND, "box")]
    _legend(drawing, items, x0, height - 10, x0 + plot_w)
    return drawing

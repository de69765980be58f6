"""The memo's trend chart (reportlab.graphics, vector): available casework FTE against FTE needed at the
maximum of the norm set in use on each date, with the band up to its minimum; beneath it staff
over the maximum (bars) with the average full-time caseload (line); a dashed line where the
norm set changed. The x axis is time: snapshots stand as far apart as their dates, labels at the
starts of months."""

from __future__ import annotations

import itertools

from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.core.trend import TrendRow, change_marks
from sagstal_desktop.i18n import N_, translator
from sagstal_desktop.report.chart_axis import axis_range, draw_grid, tick_values
from sagstal_desktop.report.fonts import BOLD, REGULAR
from sagstal_desktop.report.memo_style import MUTED_TEXT

AVAILABLE = "#1f3a5f"
NEEDED_MAX = "#c0392b"
BAND = "#f5d5d0"
OVER = "#e3a39a"
AVERAGE = "#2e8b57"
CHANGE = "#7d5ba6"

_TEXTS: dict[str, str] = {
    "available": N_("Available casework FTE"),
    "needed_max": N_("FTE needed at the norm set's max"),
    "band": N_("Range up to min"),
    "over": N_("Staff over max"),
    "average": N_("Average full-time caseload (right axis)"),
    "fte": N_("FTE"),
    "count": N_("Count"),
}
#: Month abbreviations for the axis, one msgid (split on spaces).
_MONTHS = N_("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")


def _chart_texts(lang: str) -> dict[str, str]:
    gettext = translator(lang).gettext
    return {key: gettext(text) for key, text in _TEXTS.items()} | {"months": gettext(_MONTHS)}


def month_ticks(first, last, lang: str, most: int = 12) -> list[tuple[int, str]]:
    """(day ordinal, "maj 26") at the first of every n-th month from ``first``'s month on (at most
    ``most`` labels; the first label may lie before ``first``, and is then left out)."""
    from sagstal_desktop.core.trend import month_starts

    names = _chart_texts(lang)["months"].split()
    return [(day.toordinal(), f"{names[day.month - 1]} {day.year % 100:02d}")
            for day in month_starts(first, last, most)]


def trend_chart(rows: list[TrendRow], width: float, lang: str):
    """A Drawing ``width`` points wide for two or more rows."""
    from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
    from reportlab.lib.colors import HexColor

    t = _chart_texts(lang)
    grey = HexColor(MUTED_TEXT)
    top_h, low_h, gap, legend_h, bottom = 150.0, 62.0, 26.0, 40.0, 16.0
    height = legend_h + top_h + gap + low_h + bottom
    drawing = Drawing(width, height)
    x0, right = 34.0, 34.0
    plot_w = width - x0 - right
    # a time axis: snapshots as far apart as their dates (days), a margin of half the closest gap
    days = [r.date.toordinal() for r in rows]
    span = max(days[-1] - days[0], 1)
    gaps = [b - a for a, b in itertools.pairwise(days) if b > a]
    margin = max(min(gaps, default=30) / 2, span * 0.03)

    def x_day(day: float) -> float:
        return x0 + plot_w * (day - days[0] + margin) / (span + 2 * margin)

    def x_of(i: int) -> float:
        return x_day(days[i])

    # -- top panel: FTE ---------------------------------------------------------------------
    top_base = bottom + low_h + gap
    fte_panel(drawing, rows, x_of, top_base, top_h, x0, plot_w, t["fte"], lang)

    # -- lower panel: staff over max (bars, left axis), average caseload (line, right axis) --
    overs = [r.over_count for r in rows]
    top_count = max([c for c in overs if c is not None] + [1])
    _, count_hi, count_step = axis_range(0, top_count, 3)
    count_step = max(count_step, 1)

    def y_count(v: float) -> float:
        return bottom + low_h * v / count_hi

    draw_grid(drawing, x0, plot_w, 0.0, count_hi, count_step, y_count, lang, font_size=6.5, line_width=0.4)
    drawing.add(String(x0 - 3, bottom + low_h + 6, t["count"], fontName=BOLD, fontSize=6.5, fillColor=grey,
                       textAnchor="end"))
    bar_w = min(plot_w * min(gaps, default=30) / (span + 2 * margin) * 0.55, 18)
    for i, count in enumerate(overs):
        if count:
            drawing.add(Rect(x_of(i) - bar_w / 2, bottom, bar_w, y_count(count) - bottom,
                             fillColor=HexColor(OVER), strokeColor=None))
    averages = [(i, r.average_fte_caseload) for i, r in enumerate(rows) if r.average_fte_caseload is not None]
    if averages:
        a_lo, a_hi, a_step = axis_range(min(v for _, v in averages) * 0.97, max(v for _, v in averages) * 1.02, 3)

        def y_avg(v: float) -> float:
            return bottom + low_h * (v - a_lo) / (a_hi - a_lo)

        for tick in tick_values(a_lo, a_hi, a_step):
            drawing.add(String(x0 + plot_w + 3, y_avg(tick) - 2.3, format_number(tick, 0, lang),
                               fontName=REGULAR, fontSize=6.5, fillColor=HexColor(AVERAGE)))
        drawing.add(PolyLine([c for i, v in averages for c in (x_of(i), y_avg(v))],
                             strokeColor=HexColor(AVERAGE), strokeWidth=1.3))

    # -- x labels, norm-set changes, legend -----------------------------------------------
    for day, label in month_ticks(rows[0].date, rows[-1].date, lang):
        if x0 <= x_day(day) <= x0 + plot_w:
            drawing.add(String(x_day(day), 5, label, fontName=REGULAR, fontSize=6.5, fillColor=grey,
                               textAnchor="middle"))
    for i, mark in change_marks(rows, lang):  # a change of norm set or of case weighting
        x = (x_of(i - 1) + x_of(i)) / 2
        drawing.add(Line(x, bottom, x, top_base + top_h, strokeColor=HexColor(CHANGE), strokeWidth=0.9,
                         strokeDashArray=(3, 2)))
        drawing.add(String(x + 2, top_base + top_h - 8, mark, fontName=BOLD, fontSize=6.5,
                           fillColor=HexColor(CHANGE)))
    items = [(t["available"], AVAILABLE, "line"), (t["needed_max"], NEEDED_MAX, "line"), (t["band"], BAND, "box"),
             (t["over"], OVER, "box"), (t["average"], AVERAGE, "line")]
    _legend(drawing, items, x0, height - 10, x0 + plot_w)
    return drawing


def fte_panel(drawing, items, x_of, base: float, plot_h: float, x0: float, plot_w: float, label: str,
              lang: str) -> None:
    """The FTE panel of a trend chart: the band from FTE needed at the maximum down to the
    minimum, and the lines with points of FTE needed at the maximum and available casework FTE.
    ``items`` have ``available_fte``, ``fte_needed_max`` and ``fte_needed_min``; item i stands at
    ``x_of(i)``; the panel's bottom is ``base``, its height ``plot_h``."""
    from reportlab.graphics.shapes import Polygon, PolyLine, Rect, String
    from reportlab.lib.colors import HexColor

    values = [v for r in items for v in (r.available_fte, r.fte_needed_max, r.fte_needed_min)]
    lo, hi, step = axis_range(min(values) * 0.95, max(values) * 1.03)

    def y_of(v: float) -> float:
        return base + plot_h * (v - lo) / (hi - lo)

    draw_grid(drawing, x0, plot_w, lo, hi, step, y_of, lang, font_size=6.5, line_width=0.4)
    drawing.add(String(x0 - 3, base + plot_h + 6, label, fontName=BOLD, fontSize=6.5,
                       fillColor=HexColor(MUTED_TEXT), textAnchor="end"))
    band = [c for i, r in enumerate(items) for c in (x_of(i), y_of(r.fte_needed_min))]
    band += [c for i in reversed(range(len(items))) for c in (x_of(i), y_of(items[i].fte_needed_max))]
    drawing.add(Polygon(band, fillColor=HexColor(BAND), strokeColor=None))
    for key, colour in (("fte_needed_max", NEEDED_MAX), ("available_fte", AVAILABLE)):
        points = [c for i, r in enumerate(items) for c in (x_of(i), y_of(getattr(r, key)))]
        drawing.add(PolyLine(points, strokeColor=HexColor(colour), strokeWidth=1.6))
        for i, r in enumerate(items):
            drawing.add(Rect(x_of(i) - 1.6, y_of(getattr(r, key)) - 1.6, 3.2, 3.2, fillColor=HexColor(colour),
                             strokeColor=None))


def _legend(drawing, items, x_start: float, y: float, x_end: float) -> None:
    from reportlab.graphics.shapes import Line, Rect, String
    from reportlab.lib.colors import HexColor
    from reportlab.pdfbase.pdfmetrics import stringWidth

    x = x_start
    for label, colour, kind in items:
        width = 14 + stringWidth(label, REGULAR, 7) + 12
        if x + width > x_end:
            x, y = x_start, y - 11
        if kind == "line":
            drawing.add(Line(x, y + 2.5, x + 10, y + 2.5, strokeColor=HexColor(colour), strokeWidth=1.6))
        else:
            drawing.add(Rect(x, y - 0.5, 10, 7, fillColor=HexColor(colour), strokeColor=None))
        drawing.add(String(x + 14, y, label, fontName=REGULAR, fontSize=7))
        x += width

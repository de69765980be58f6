"""The memo's vector chart: each person's load as % of DS max, bars coloured by status, the
100 % line and the team's DS-minimum level (reportlab.graphics, so it prints sharply)."""

from __future__ import annotations

from sagstal_desktop.core.formatting import format_percent
from sagstal_desktop.core.load import Status
from sagstal_desktop.core.wording import format_load
from sagstal_desktop.report.fonts import BOLD, REGULAR
from sagstal_desktop.report.memo_style import MUTED_TEXT
from sagstal_desktop.report.texts import texts

#: Status colours (print well in colour, stay distinct in grey and, as the window's, with
#: protanopia and deuteranopia: tests/test_colours.py).
STATUS_COLOURS = {
    Status.OVER: "#b03a2e",
    Status.WITHIN: "#38a169",
    Status.BELOW: "#4a7fc1",
    Status.NOT_COMPUTABLE: "#7a7a7a",
    Status.PARTLY_UNMEASURED: "#d4a72c",
    Status.UNMEASURED: "#bdbdbd",
}

#: Up to this many persons get one labelled horizontal bar each; more get a sorted column chart.
LABELLED_LIMIT = 40
#: Up to this many persons the sorted chart draws a column each; more are drawn as step outlines.
COLUMNS_UP_TO = 200


def _fit(text: str, width: float, size: float = 7.5) -> str:
    """``text`` cut with an ellipsis to fit ``width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, REGULAR, size) <= width:
        return text
    while text and stringWidth(text + "…", REGULAR, size) > width:
        text = text[:-1]
    return text + "…"


def _axis_top(loads: list[float]) -> float:
    """Axis maximum in percent: at least 150, rounded up to 25, at most 300 (longer bars are cut)."""
    top = max([150.0, *(v * 100 + 10 for v in loads)])
    return min(300.0, -(-top // 25) * 25)


def load_chart(labels: list[str], loads: list[float | None], statuses: list[Status], min_level: float | None,
               width: float, lang: str, norm_set=None):
    """A Drawing ``width`` points wide. ``min_level``: DS min as a fraction of DS max (or None)."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib.colors import HexColor, white
    from reportlab.pdfbase.pdfmetrics import stringWidth

    t = texts(lang, norm_set)
    shown = [(lab, v, s) for lab, v, s in zip(labels, loads, statuses, strict=True) if v is not None]
    top = _axis_top([v for _, v, _ in shown])
    grey, dark = HexColor(MUTED_TEXT), HexColor("#222222")
    if len(shown) <= LABELLED_LIMIT:
        bar, gap, label_w, right = 11.0, 3.0, 118.0, 34.0
        plot_h = max(len(shown), 1) * (bar + gap)
        height = plot_h + 34
        drawing = Drawing(width, height)
        x0, plot_w = label_w, width - label_w - right
        y_top = height - 6

        def x_of(pct: float) -> float:
            return x0 + plot_w * min(pct, top) / top

        for tick in range(0, int(top) + 1, 50 if top > 200 else 25):
            x = x_of(tick)
            drawing.add(Line(x, 22, x, y_top, strokeColor=HexColor("#e3e3e3"), strokeWidth=0.4))
            drawing.add(String(x, 12, format_percent(tick / 100, 0, lang), fontName=REGULAR, fontSize=6.5,
                               fillColor=grey, textAnchor="middle"))
        _reference_lines(drawing, shown, top, min_level, (lang, norm_set), 22, x0, plot_w, y_top)
        for i, (label, value, status) in enumerate(shown):
            y = y_top - (i + 1) * (bar + gap) + gap
            drawing.add(String(x0 - 4, y + 2.5, _fit(label, label_w - 8), fontName=REGULAR, fontSize=7.5,
                               fillColor=dark, textAnchor="end"))
            drawing.add(Rect(x0, y, x_of(value * 100) - x0, bar, fillColor=HexColor(STATUS_COLOURS[status]),
                             strokeColor=None))
            text = format_load(value, lang)
            text_x = x_of(value * 100) + 2
            drawing.add(Rect(text_x, y + 0.5, stringWidth(text, REGULAR, 7) + 2, bar - 1, fillColor=white,
                             strokeColor=None))
            drawing.add(String(text_x + 1, y + 2.5, text, fontName=REGULAR, fontSize=7, fillColor=dark))
    else:
        shown.sort(key=lambda item: -item[1])
        height = 190.0
        drawing = Drawing(width, height)
        x0, plot_w, bottom, y_top = 34.0, width - 40.0, 22.0, height - 8
        plot_h = y_top - bottom

        def y_of(pct: float) -> float:
            return bottom + plot_h * min(pct, top) / top

        for tick in range(0, int(top) + 1, 50):
            y = y_of(tick)
            drawing.add(Line(x0, y, x0 + plot_w, y, strokeColor=HexColor("#e3e3e3"), strokeWidth=0.4))
            drawing.add(String(x0 - 3, y - 2, format_percent(tick / 100, 0, lang), fontName=REGULAR,
                               fontSize=6.5, fillColor=grey, textAnchor="end"))
        step = plot_w / len(shown)
        if len(shown) <= COLUMNS_UP_TO:
            for i, (_label, value, status) in enumerate(shown):
                drawing.add(Rect(x0 + i * step, bottom, max(step * 0.85, 0.3), y_of(value * 100) - bottom,
                                 fillColor=HexColor(STATUS_COLOURS[status]), strokeColor=None))
        else:
            _step_areas(drawing, shown, x0, step, bottom, y_of)
        drawing.add(String(x0 + plot_w / 2, 8, t["chart_sorted"], fontName=REGULAR, fontSize=7, fillColor=grey,
                           textAnchor="middle"))
        _reference_lines(drawing, shown, top, min_level, (lang, norm_set), bottom, x0, plot_w, y_top)
    return drawing


def _step_areas(drawing, shown, x0: float, step: float, bottom: float, y_of) -> None:
    """The sorted loads of many persons as one filled step outline per run of a status: the same
    picture as a column per person (columns this narrow print without gaps), in time linear in the
    persons without a shape object for each."""
    from reportlab.graphics.shapes import Polygon
    from reportlab.lib.colors import HexColor

    start = 0
    while start < len(shown):
        status = shown[start][2]
        stop = start
        points = [x0 + start * step, bottom]
        while stop < len(shown) and shown[stop][2] is status:
            y = y_of(shown[stop][1] * 100)
            points += [x0 + stop * step, y, x0 + (stop + 1) * step, y]
            stop += 1
        points += [x0 + stop * step, bottom]
        drawing.add(Polygon(points, fillColor=HexColor(STATUS_COLOURS[status]), strokeColor=None, strokeWidth=0))
        start = stop


def _reference_lines(drawing, shown, top, min_level, lang_set, bottom, x0, plot_w, y_top) -> None:
    """The 100 % line and the minimum line, labelled by the norm set's words, across the plot."""
    from reportlab.graphics.shapes import Line, String
    from reportlab.lib.colors import HexColor

    lang, norm_set = lang_set
    t = texts(lang, norm_set)
    labelled = len(shown) <= LABELLED_LIMIT
    lines = [(1.0, t["chart_line_max"], HexColor("#7a1f16"), None)]
    if min_level is not None and 0 < min_level < 1:
        lines.append((min_level, t["chart_line_min"].format(pct=format_percent(min_level, 0, lang)),
                      HexColor("#1f4e79"), (3, 2)))
    for level, label, colour, dash in lines:
        pct = level * 100
        if labelled:
            x = x0 + plot_w * pct / top
            drawing.add(Line(x, bottom, x, y_top + 2, strokeColor=colour, strokeWidth=1.1, strokeDashArray=dash))
            drawing.add(String(x, 2, label, fontName=BOLD, fontSize=6.5, fillColor=colour, textAnchor="middle"))
        else:
            y = bottom + (y_top - bottom) * pct / top
            drawing.add(Line(x0, y, x0 + plot_w, y, strokeColor=colour, strokeWidth=1.1, strokeDashArray=dash))
            drawing.add(String(x0 + plot_w - 2, y + 2, label, fontName=BOLD, fontSize=6.5, fillColor=colour,
                               textAnchor="end"))

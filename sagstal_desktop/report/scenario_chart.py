"""The memo's scenario chart (reportlab.graphics, vector): for the current team and each chosen
scenario, available casework FTE beside FTE needed at the maximum of the variant's norm set,
with a tick at FTE needed at its minimum."""

from __future__ import annotations

from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.i18n import N_, translator
from sagstal_desktop.report.chart_axis import axis_range, draw_grid
from sagstal_desktop.report.fonts import BOLD, REGULAR
from sagstal_desktop.report.memo_style import MUTED_TEXT

AVAILABLE = "#1f3a5f"
NEEDED_MAX = "#c0392b"
NEEDED_MIN = "#555555"

_TEXTS: dict[str, str] = {"fte": N_("FTE")}


def name_lines(text: str, room: float, font: str, size: float, lines: int = 2) -> list[str]:
    """``text`` broken at spaces into at most ``lines`` lines each at most ``room`` points wide; only
    a word wider than the room, or a rest past the last line, is cut with "…"."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def fit(line: str) -> str:
        if stringWidth(line, font, size) <= room:
            return line
        while line and stringWidth(line + "…", font, size) > room:
            line = line[:-1]
        return line.rstrip() + "…"

    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and stringWidth(f"{line} {words[0]}", font, size) <= room:
            line = f"{line} {words.pop(0)}"
        if words and len(out) == lines - 1:
            line = f"{line} {' '.join(words)}"
            words = []
        out.append(fit(line))
    return out


def scenario_chart(names: list[str], figures: list[dict], labels: dict[str, str], width: float, lang: str):
    """A Drawing ``width`` points wide: one group of bars per variant (``figures`` and ``labels``
    as in ``core.comparison``: the legend names the measure the way the table does)."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib.colors import HexColor
    from reportlab.pdfbase.pdfmetrics import stringWidth

    gettext = translator(lang).gettext
    t = {key: gettext(text) for key, text in _TEXTS.items()}
    t |= {"available": labels["available_fte"], "needed_max": labels["fte_needed_max"],
          "needed_min": labels["fte_needed_min"]}
    grey = HexColor(MUTED_TEXT)
    plot_h, bottom = 120.0, 34.0
    legend = [("available", AVAILABLE, "bar"), ("needed_max", NEEDED_MAX, "bar"), ("needed_min", NEEDED_MIN, "line")]
    item_w = [12 + stringWidth(t[key], REGULAR, 7.5) + 16 for key, _c, _k in legend]
    legend_rows = 1 if sum(item_w) <= width - 40 else 2
    legend_h = 14.0 + 12.0 * legend_rows
    drawing = Drawing(width, legend_h + plot_h + bottom)
    x0, right = 34.0, 8.0
    plot_w = width - x0 - right
    values = [float(f[k]) for f in figures for k in ("available_fte", "fte_needed_max", "fte_needed_min")
              if f[k] is not None]
    lo, hi, step = axis_range(0.0, max(values or [1.0]) * 1.05)
    hi = max(hi, step)

    def y_of(v: float) -> float:
        return bottom + plot_h * (v - lo) / (hi - lo)

    draw_grid(drawing, x0, plot_w, lo, hi, step, y_of, lang, font_size=7, line_width=0.5)
    drawing.add(String(x0 - 3, bottom + plot_h + 6, t["fte"], fontName=REGULAR, fontSize=7, fillColor=grey,
                       textAnchor="end"))
    n = max(len(figures), 1)
    group = plot_w / n
    bar = min(group * 0.3, 28.0)
    for i, (name, f) in enumerate(zip(names, figures, strict=True)):
        centre = x0 + group * (i + 0.5)
        for offset, key, colour in ((-bar, "available_fte", AVAILABLE), (0.0, "fte_needed_max", NEEDED_MAX)):
            value = f[key]
            if value is None:
                continue
            drawing.add(Rect(centre + offset, y_of(0), bar, y_of(float(value)) - y_of(0), fillColor=HexColor(colour),
                             strokeColor=None))
            drawing.add(String(centre + offset + bar / 2, y_of(float(value)) + 2, format_number(value, 2, lang),
                               fontName=REGULAR, fontSize=6.5, fillColor=grey, textAnchor="middle"))
        if f["fte_needed_min"] is not None:
            y = y_of(float(f["fte_needed_min"]))
            drawing.add(Line(centre - 2, y, centre + bar + 2, y, strokeColor=HexColor(NEEDED_MIN), strokeWidth=1.4))
        font = BOLD if i == 0 else REGULAR
        for row, line in enumerate(name_lines(name, group - 6, font, 7.5)):  # the whole name, on two lines if need be
            drawing.add(String(centre, bottom - 11 - 9 * row, line, fontName=font, fontSize=7.5,
                               fillColor=HexColor("#222222"), textAnchor="middle"))
    drawing.add(Line(x0, y_of(0), x0 + plot_w, y_of(0), strokeColor=grey, strokeWidth=0.6))
    x, y = x0 + 4, bottom + plot_h + legend_h - 10
    for (key, colour, kind), w in zip(legend, item_w, strict=True):
        if x + w > width and x > x0 + 4:
            x, y = x0 + 4, y - 12
        if kind == "bar":
            drawing.add(Rect(x, y, 9, 7, fillColor=HexColor(colour), strokeColor=None))
        else:
            drawing.add(Line(x, y + 3.5, x + 9, y + 3.5, strokeColor=HexColor(colour), strokeWidth=1.4))
        drawing.add(String(x + 12, y + 0.5, t[key], fontName=REGULAR, fontSize=7.5, fillColor=HexColor("#222222")))
        x += w
    return drawing

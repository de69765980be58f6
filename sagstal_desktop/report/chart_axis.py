"""Value axes for the memo's reportlab charts: round tick steps and the grid lines with their
labels (the history and scenario charts share them); the round steps are ``core.axis_steps``'s."""

from __future__ import annotations

import math
from collections.abc import Callable

from sagstal_desktop.core.axis_steps import nice_step, tick_values
from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.report.fonts import REGULAR
from sagstal_desktop.report.memo_style import MUTED_TEXT


def axis_range(low: float, high: float, ticks: int = 5) -> tuple[float, float, float]:
    """(bottom, top, step): ``low``-``high`` widened to whole steps of ``nice_step``. A range of
    one value (every figure 0, or all equal) is widened to one unit above it (never zero wide:
    charts divide by top - bottom)."""
    if not high > low:
        high = low + 1.0
    step = nice_step(high - low, ticks)
    bottom, top = math.floor(low / step) * step, math.ceil(high / step) * step
    if not top > bottom:
        top = bottom + step
    return bottom, top, step


def draw_grid(drawing, x0: float, width: float, low: float, high: float, step: float,
              y_of: Callable[[float], float], lang: str, *, font_size: float, line_width: float) -> None:
    """Grid lines across the plot at every tick, each labelled left of ``x0``."""
    from reportlab.graphics.shapes import Line, String
    from reportlab.lib.colors import HexColor

    grey, light = HexColor(MUTED_TEXT), HexColor("#e3e3e3")
    for tick in tick_values(low, high, step):
        y = y_of(tick)
        drawing.add(Line(x0, y, x0 + width, y, strokeColor=light, strokeWidth=line_width))
        drawing.add(String(x0 - 3, y - font_size * 0.36, format_number(tick, 0 if step >= 1 else 1, lang),
                           fontName=REGULAR, fontSize=font_size, fillColor=grey, textAnchor="end"))

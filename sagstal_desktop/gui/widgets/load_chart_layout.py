"""Where the load chart's parts go, as plain arithmetic on pixel sizes: the rows (how high, how
many in sight), the load axis (its range, with room for the 100 % line's label) and its round
ticks. The chart widget (``load_chart.py``) only paints and answers input."""

from __future__ import annotations

from collections.abc import Iterable

from sagstal_desktop.report.chart_axis import nice_step, tick_values

#: Height of one bar's row in pixels (a name's line height and some air).
ROW_PX = 20
#: Rows shrink down to this height when that lets every bar fit without scrolling.
MIN_ROW_PX = 16
#: Widest name column in pixels (longer names are cut; hovering shows them whole).
MAX_NAME_PX = 200
#: The bar's share of its row's height.
BAR_SHARE = 0.7
#: Headroom right of the longest bar (the axis runs to 108 % of it).
HEADROOM = 1.08
#: Pixels between two tick labels at least.
TICK_GAP_PX = 24


def row_height(count: int, space: float, line_px: int) -> int:
    """The height of one row: ``ROW_PX`` (and always a line of text and some air); when the
    rows would not all fit the ``space`` but would at ``MIN_ROW_PX`` or more, they shrink so
    that every bar is in sight without scrolling."""
    full = max(ROW_PX, line_px + 4)
    least = max(MIN_ROW_PX, line_px + 1)
    if count <= 0 or count * full <= space:
        return full
    fit = int(space // count)
    return fit if fit >= least else full


def rows_in_sight(space: float, row_px: int) -> int:
    """How many whole rows fit ``space`` pixels (at least one)."""
    return max(1, int(space // row_px))


def axis_top(loads: Iterable[float], plot_px: float, label_px: float) -> float:
    """The load (in %) at the right end of the axis: above the longest bar and the 100 % line,
    with room right of that line for its ``label_px`` wide label when the plot is wide enough."""
    top = max(max(loads, default=0.0), 100.0) * HEADROOM
    if plot_px > label_px * 1.5:
        top = max(top, 100 / (1 - label_px / plot_px))
    return top


def axis_ticks(top: float, plot_px: float, label_px: float) -> list[float]:
    """Round loads from 0 to ``top`` to label, spaced so that labels ``label_px`` wide never
    touch (at most ten)."""
    wanted = max(1, min(10, int(plot_px // (label_px + TICK_GAP_PX))))
    step = nice_step(top, wanted)
    return [tick for tick in tick_values(0.0, top, step) if tick <= top]

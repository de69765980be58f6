"""Round steps for a value axis (1, 2 or 5 times a power of ten) and the ticks they give; shared
by the memo's charts (``report/chart_axis.py``) and the window's load chart."""

from __future__ import annotations

import math
from collections.abc import Iterator


def nice_step(span: float, ticks: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about ``ticks`` ticks."""
    raw = max(span, 1e-9) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def tick_values(low: float, high: float, step: float) -> Iterator[float]:
    """``low``, ``low + step``, … up to ``high`` (inclusive)."""
    tick = low
    while tick <= high + 1e-9:
        yield tick
        tick += step

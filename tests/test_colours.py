"""Colours a colour-blind reader can tell apart, and text everyone can read.

Status and chart colours are compared as seen with normal vision, protanopia and deuteranopia
(Machado et al. 2009, severity 1.0) by their CIEDE2000 difference; text colours against their
backgrounds by the WCAG 2.1 contrast ratio, in the window and in the memo. The formulas are
checked against published values first (``colour_science``)."""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import pytest
from colour_science import ciede2000, contrast, lab, rgb, seen_difference, simulate

from sagstal_desktop.core.load import Status
from sagstal_desktop.gui import status_style
from sagstal_desktop.gui.widgets import load_chart_paint, plan_charts
from sagstal_desktop.report import chart as memo_chart
from sagstal_desktop.report import memo_style

ROOT = Path(__file__).resolve().parent.parent
VISIONS = ("normal", "protanopia", "deuteranopia")
#: Two status colours must differ by at least this CIEDE2000 (1-2 is just noticeable; ~10 and
#: more reads as another category at a glance, for small marks such as the table's status squares).
APART = 12.0
AA_TEXT = 4.5
AA_GRAPHICS = 3.0


# -- the formulas against published values -------------------------------------------------------
def test_the_formulas_reproduce_published_values():
    # Sharma, Wu, Dalal (2005), table 1, pairs 1 and 17
    assert ciede2000((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50.0, 2.5, 0.0), (73.0, 25.0, -18.0)) == pytest.approx(27.1492, abs=1e-4)
    # WCAG: black on white is 21:1, #767676 on white is the lightest grey that passes AA (4.54:1)
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    # sRGB white in CIELAB, and Machado's matrices keep grey grey and turn red and green alike
    assert lab(rgb("#ffffff")) == pytest.approx((100.0, 0.0, 0.0), abs=0.01)
    assert simulate("#808080", "deuteranopia") == pytest.approx(rgb("#808080"), abs=0.005)
    assert seen_difference("#ff0000", "#00ff00", "deuteranopia") < seen_difference("#ff0000", "#00ff00", "normal") / 2


def _far_apart(palette: dict, what: str) -> list[str]:
    return [f"{what}: {a} / {b} only {seen_difference(palette[a], palette[b], vision):.1f} apart ({vision})"
            for vision in VISIONS for a, b in combinations(palette, 2)
            if seen_difference(palette[a], palette[b], vision) < APART]


def test_status_colours_stay_apart_with_protanopia_and_deuteranopia():
    window = {status.name: status_style.bar_hex(status) for status in Status}
    memo = {status.name: colour for status, colour in memo_chart.STATUS_COLOURS.items()}
    assert set(window) == set(memo) == {s.name for s in Status}
    assert _far_apart(window, "window") + _far_apart(memo, "memo") == []


def test_chart_colours_stay_apart():
    pairs = {
        "load chart lines": {"max": load_chart_paint.MAX_LINE, "min": load_chart_paint.MIN_LINE},
        "plan chart": {"before": plan_charts.BEFORE, "after": plan_charts.AFTER, "over": plan_charts.OVER},
    }
    problems = [p for name, palette in pairs.items() for p in _far_apart(palette, name)]
    assert problems == []


def test_status_bars_stand_out_from_the_chart():
    for status in (Status.OVER, Status.WITHIN, Status.BELOW):
        assert contrast(status_style.bar_hex(status), load_chart_paint.BACKGROUND) >= AA_GRAPHICS, status
        assert contrast(memo_chart.STATUS_COLOURS[status], "#ffffff") >= AA_GRAPHICS, status


# -- text contrast ------------------------------------------------------------------------------
def test_table_text_on_every_status_background(qapp):
    for status in Status:
        ratio = contrast(status_style.TEXT_COLOUR, status_style.background(status).name())
        assert ratio >= AA_TEXT, (status, ratio)


def _style_colours() -> list[tuple[str, str, str | None]]:
    """(file, text colour, its own background or None) of every ``color: #...`` in the GUI's style sheets."""
    found = []
    for path in sorted((ROOT / "sagstal_desktop" / "gui").rglob("*.py")):
        for rule in re.findall(r"[^{]*\{[^}]*\}|color:[^;\"]*;", path.read_text(encoding="utf-8")):
            for colour in re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", rule):
                background = re.search(r"background(?:-color)?:\s*(#[0-9a-fA-F]{3,6})", rule)
                found.append((path.name, colour, background.group(1) if background else None))
    return found


def _long(hex_colour: str) -> str:
    text = hex_colour.lstrip("#")
    return "#" + ("".join(c * 2 for c in text) if len(text) == 3 else text)


def test_every_coloured_text_of_the_window_reads_at_aa(qapp):
    from PySide6.QtGui import QPalette

    palette = qapp.palette()
    grounds = [palette.color(QPalette.ColorRole.Window).name(), palette.color(QPalette.ColorRole.Base).name()]
    colours = _style_colours()
    assert len(colours) >= 8  # the scan finds the style sheets
    problems = []
    for name, colour, own in colours:
        for ground in [own] if own else grounds:
            ratio = contrast(_long(colour), _long(ground))
            if ratio < AA_TEXT:
                problems.append(f"{name}: {colour} on {ground} is {ratio:.2f}:1")
    for text in (load_chart_paint.AXIS_TEXT,):
        assert contrast(text, load_chart_paint.BACKGROUND) >= AA_TEXT
    from sagstal_desktop.gui.models import staff_model

    assert contrast(staff_model.REFUSED_TEXT, staff_model.REFUSED_BACKGROUND) >= AA_TEXT
    assert problems == []


def test_memo_text_reads_at_aa():
    grounds = {"white": "#ffffff", "head": memo_style.HEAD_BG, "box": memo_style.BOX_BG, "zebra": memo_style.ZEBRA}
    texts = {"navy": memo_style.NAVY, "muted": memo_style.MUTED_TEXT, "grey notes": "#555555",
             **{f"status {s.name}": c for s, c in memo_style.STATUS_TEXT.items()}}
    problems = [f"{t} on {g}: {contrast(tc, gc):.2f}:1" for t, tc in texts.items() for g, gc in grounds.items()
                if contrast(tc, gc) < AA_TEXT]
    assert problems == []


def test_the_memo_uses_no_text_colour_that_fails():
    """Every colour written as a text colour in report/ (textColor=, fillColor= of a String) passes."""
    problems = []
    for path in sorted((ROOT / "sagstal_desktop" / "report").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        for colour in re.findall(r"textColor=HexColor\(\"(#[0-9a-fA-F]{6})\"\)", source):
            if contrast(colour, "#ffffff") < AA_TEXT:
                problems.append(f"{path.name}: {colour}")
    assert problems == []

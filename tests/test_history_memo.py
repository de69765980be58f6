"""The memo's section "Udvikling": shown with two or more snapshots, left out with --no-history,
its table holds the snapshots' own figures, and the period can be chosen."""

from __future__ import annotations

import re
from datetime import date

import pytest
from conftest import TODAY
from conftest import pdf_text as text_of

from sagstal_desktop import cli
from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.core.history import take_snapshot
from sagstal_desktop.core.trend import trend_rows
from sagstal_desktop.io.document import save_team


def memo(tmp_path, team, *extra: str) -> str:
    source = save_team(team, tmp_path / "team.sagstal")
    out = tmp_path / "memo.pdf"
    assert cli.main(["memo", str(source), "-o", str(out), "--force", "--as-of", TODAY.isoformat(), *extra]) == 0
    return text_of(out)


def test_history_section_with_the_last_twelve_snapshots(tmp_path, demo):
    take_snapshot(demo, "November", TODAY)  # 13 snapshots: the memo shows the last 12
    text = memo(tmp_path, demo)
    assert re.search(r"^\s*Udvikling\s*$", text, re.M)  # the heading
    flat = " ".join(text.split())
    assert "Teamets udvikling i 12 opgørelser fra 1. december 2025 til 22. november 2026" in flat
    assert "Sagstals egen beregning på teamets registrerede input" in flat
    assert "Normsættet skiftede 1. marts 2026" in flat
    rows = trend_rows(demo)[-12:]
    in_order = " ".join(text_of(tmp_path / "memo.pdf", raw=True).split())
    for r in rows:
        cells = (f"{r.date.day}.{r.date.month}.{r.date.year}", str(r.staff), str(r.cases),
                 format_number(r.available_fte, 2), format_number(r.fte_needed_max, 2),
                 format_number(r.fte_needed_min, 2))  # FTE with 2 decimals, as in the memo's summary
        assert all(c in in_order for c in cells)
    assert "1.11.2025" not in in_order  # the 13th-last is left out


def test_no_history_leaves_the_section_out(tmp_path, demo):
    text = memo(tmp_path, demo, "--no-history")
    assert "Udvikling" not in text and "opgørelser fra" not in text


def test_fewer_than_two_snapshots_no_section(tmp_path, demo):
    demo.snapshots = demo.snapshots[:1]
    assert "Udvikling" not in memo(tmp_path, demo)


def test_chosen_period(tmp_path, demo):
    flat = " ".join(memo(tmp_path, demo, "--history-from", "2026-04-01", "--history-to", "30.6.2026").split())
    assert "Teamets udvikling i 3 opgørelser fra 1. april 2026 til 1. juni 2026" in flat
    assert "Normsættet skiftede" not in flat


def test_english_history(tmp_path, demo):
    flat = " ".join(memo(tmp_path, demo, "--lang", "en").split())
    assert "History" in flat and "Sagstal's own calculation on the team's recorded inputs" in flat
    assert date(2026, 3, 1).isoformat() in flat


def test_wording_names_the_maximum_by_the_norm_set(tmp_path, demo):
    flat = " ".join(memo(tmp_path, demo).split())  # the 2015 survey set is among the rows: not "DS' maksimum"
    assert "I ingen af opgørelserne oversteg årsværk ved normsættets maksimum årsværk til sagsbehandling" in flat
    demo.snapshots = demo.snapshots[4:]  # DS 2020 only
    flat = " ".join(memo(tmp_path, demo).split())
    assert "I ingen af opgørelserne oversteg årsværk ved DS' maksimum årsværk til sagsbehandling" in flat


def test_memo_trend_chart_places_snapshots_by_date(demo):
    """Snapshots on 1 Jan, 1 Feb and 1 Jun: the markers stand 31 and 120 days apart, in proportion."""
    from reportlab.graphics.shapes import Rect

    from sagstal_desktop.report.history_chart import AVAILABLE, month_ticks, trend_chart

    for day in (date(2026, 1, 1), date(2026, 2, 1), date(2026, 6, 1)):
        take_snapshot(demo, "", day)
    rows = [r for r in trend_rows(demo) if r.date in (date(2026, 1, 1), date(2026, 2, 1), date(2026, 6, 1))]
    rows = sorted({r.date: r for r in rows}.values(), key=lambda r: r.date)
    drawing = trend_chart(rows, 480, "da")
    xs = sorted({round(item.x + item.width / 2, 6) for item in drawing.contents
                 if isinstance(item, Rect) and item.width == 3.2 and item.fillColor.hexval()[2:] == AVAILABLE[1:]})
    assert len(xs) == 3
    assert (xs[2] - xs[1]) / (xs[1] - xs[0]) == pytest.approx(120 / 31)
    assert [label for _day, label in month_ticks(date(2026, 1, 1), date(2026, 6, 1), "da")] == [
        "jan 26", "feb 26", "mar 26", "apr 26", "maj 26", "jun 26"]

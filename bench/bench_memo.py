"""How long the PDF memo takes for a 50- and a 1,000-person team (median of several runs).

Targets (issue): under 1 s for 50 persons and under 5 s for 1,000. Baseline, in the same run: a
bare reportlab document with only the staff table (same rows, font, repeated header). Run:
    .venv/bin/python bench/bench_memo.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from sagstal_desktop.core.demo import demo_team
from sagstal_desktop.core.model import StaffMember, Team
from sagstal_desktop.report.options import MemoOptions
from sagstal_desktop.report.pdf import write_memo

TODAY = date(2026, 11, 22)


def team_of(size: int) -> Team:
    """The demo team grown to ``size`` persons (its people repeated, with numbered names)."""
    team = demo_team(TODAY)
    base = team.staff
    team.staff = [
        StaffMember(name=f"{p.name} {i:04d}", weekly_hours=p.weekly_hours, other_hours=p.other_hours,
                    start_date=p.start_date, counts=dict(p.counts))
        for i, p in ((i, base[i % len(base)]) for i in range(size))
    ]
    return team


def time_memo(team: Team, folder: Path, runs: int) -> tuple[float, int, list[float]]:
    times, pages = [], 0
    options = MemoOptions(as_of=TODAY, generated=datetime(2026, 11, 22, 12, 0))
    for run in range(runs):
        start = time.perf_counter()
        pages = write_memo(team, folder / f"memo-{len(team.staff)}-{run}.pdf", options)
        times.append(time.perf_counter() - start)
    return statistics.median(times), pages, times


def baseline(team: Team, path: Path) -> int:
    """Baseline: a bare reportlab document holding just the staff table (same rows, same font,
    repeated header), what any PDF of this team must at least cost."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    from sagstal_desktop.report.fonts import REGULAR, register_fonts

    register_fonts()
    rows = [["Navn", "Timer", "Sager"]] + [
        [p.name, f"{p.weekly_hours:.1f}", str(sum(p.counts.values()))] for p in team.staff
    ]
    table = Table(rows, repeatRows=1)
    table.setStyle([("FONT", (0, 0), (-1, -1), REGULAR, 8)])
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([table])
    return doc.page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_memo(team_of(12), folder / "warm-up.pdf", MemoOptions(as_of=TODAY))  # fonts, imports
        for size, target in ((50, 1.0), (1000, 5.0)):
            team = team_of(size)
            median, pages, times = time_memo(team, folder, args.runs)
            base = []
            for run in range(args.runs):
                start = time.perf_counter()
                baseline(team, folder / f"base-{size}-{run}.pdf")
                base.append(time.perf_counter() - start)
            base_median = statistics.median(base)
            verdict = "OK" if median < target else "SLOW"
            runs = ", ".join(f"{t:.2f}" for t in times)
            print(f"{size:>5} persons: median {median:.2f} s over {len(times)} runs ({runs}); "
                  f"{pages} pages; target < {target:.0f} s: {verdict}; baseline (bare staff table) "
                  f"{base_median:.2f} s, ratio {median / base_median:.1f}x")


if __name__ == "__main__":
    main()

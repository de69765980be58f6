"""What the history costs: trend rows and the pandas frame for 12 and 240 snapshots, and the demo
memo with the section "Udvikling" against the same memo without it (the baseline, same run).
Medians of several runs. Run:
    .venv/bin/python bench/bench_history.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from sagstal_desktop.core.demo import demo_team
from sagstal_desktop.core.history import make_snapshot
from sagstal_desktop.core.load import add_months
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.trend import trend_rows
from sagstal_desktop.report.options import MemoOptions
from sagstal_desktop.report.pdf import write_memo

TODAY = date(2026, 11, 22)


def team_with(snapshots: int) -> Team:
    """The demo team with ``snapshots`` monthly snapshots of its current state."""
    team = demo_team(TODAY)
    team.snapshots = [make_snapshot(team, "", add_months(TODAY, -i)) for i in range(snapshots)]
    return team


def median_time(job: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    from sagstal_desktop.io.history_table import trend_frame

    for count in (12, 240):
        team = team_with(count)
        rows_s = median_time(lambda team=team: trend_rows(team), runs)
        rows = trend_rows(team)
        frame_s = median_time(lambda rows=rows: trend_frame(rows), runs)
        print(f"{count:4d} snapshots: trend rows {rows_s * 1000:7.2f} ms, pandas frame {frame_s * 1000:7.2f} ms")
    team = demo_team(TODAY)
    generated = datetime(2026, 11, 22, 12, 0)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = median_time(lambda: write_memo(team, folder / "a.pdf", MemoOptions(
            as_of=TODAY, generated=generated, include_history=False)), runs)
        with_history = median_time(lambda: write_memo(team, folder / "b.pdf", MemoOptions(
            as_of=TODAY, generated=generated)), runs)
    print(f"demo memo: without history {base * 1000:.0f} ms (baseline), with history {with_history * 1000:.0f} ms "
          f"(+{(with_history - base) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()

"""Benchmark: import (read + check + build the team) and export of large spreadsheets.

    .venv/bin/python bench/bench_import.py [--rows 10000] [--repeat 7]

Generates a team of ``rows`` people (Danish names, hours, start dates, two to four case types),
exports it as Danish-Excel CSV and as xlsx with Sagstal's own exporter, then times importing
each file (``read_table`` + ``analyze`` + ``new_team``) and prints the medians, with a baseline
measured in the same run: reading every cell with the csv module / openpyxl and nothing else.
Targets from the issue: a 10,000-row CSV under 0.5 s, a 10,000-row xlsx under 3 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path


def make_team(rows: int):
    from sagstal_desktop.core.model import StaffMember, Team, TeamSettings

    first = ("Søren", "Åse", "Bjørn", "Mette", "Jens", "Ærtebjørg", "Nikolaj", "Ida", "Øjvind", "Karen")
    last = ("Ærø", "Østergård", "Jensen", "Mølgaard", "Nørgaard", "Holm", "Bech", "Kjær")
    types = ("sygedagpenge", "jobafklaring", "ressourceforloeb", "fleksjob")
    staff = []
    for i in range(rows):
        counts = {t: (i * (k + 3)) % 60 for k, t in enumerate(types[: 2 + i % 3])}
        staff.append(StaffMember(
            name=f"{first[i % len(first)]} {last[i % len(last)]} {i}",
            weekly_hours=(37.0, 32.5, 30.0, 25.0)[i % 4],
            other_hours=(0.0, 0.0, 4.5, 6.0)[i % 4],
            other_tasks="TR-arbejde" if i % 4 == 3 else "",
            start_date=date(2010, 1, 1) + timedelta(days=(i * 37) % 6000),
            counts=counts,
        ))
    return Team(settings=TeamSettings(norm_set_id="ds_2020"), staff=staff)


def raw_read(path: Path) -> int:
    """Baseline: just reading every cell (no header matching, no checks), the cheapest honest read."""
    if path.suffix == ".csv":
        import csv

        with open(path, encoding="utf-8-sig", newline="") as fh:
            return sum(1 for _ in csv.reader(fh, delimiter=";"))
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()


def timed(func: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)

    from sagstal_desktop.io.exporter import export_csv, export_xlsx
    from sagstal_desktop.io.importer import analyze
    from sagstal_desktop.io.table_reader import read_table

    team = make_team(args.rows)
    norm_set = team.norm_set()
    print(f"{args.rows} rows, median of {args.repeat} runs (Python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory() as tmp:
        for suffix, exporter in ((".csv", export_csv), (".xlsx", export_xlsx)):
            path = Path(tmp) / f"bench{suffix}"
            export_time, _ = timed(lambda p=path, e=exporter: e(team, p, "da", date(2026, 11, 22)),
                                   max(1, args.repeat // 3))
            read_time, table = timed(lambda p=path: read_table(p), args.repeat)
            check_time, plan = timed(lambda t=table: analyze(t, norm_set), args.repeat)
            total_time, _ = timed(lambda p=path: analyze(read_table(p), norm_set).new_team(), args.repeat)
            base_time, _ = timed(lambda p=path: raw_read(p), args.repeat)
            assert plan.ok and len(plan.rows) == args.rows, [p.message() for p in plan.problems[:3]]
            size = path.stat().st_size / 1e6
            print(f"{suffix:5} ({size:.1f} MB): import {total_time:.3f} s (read {read_time:.3f} s, "
                  f"check {check_time:.3f} s); baseline raw read {base_time:.3f} s (ratio "
                  f"{total_time / base_time:.1f}x); export {export_time:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

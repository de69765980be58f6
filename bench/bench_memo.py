"""How the PDF memo scales with the team: time per person from 1,000 to 16,000 persons.

For each size in ``--sizes``: the memo with every person listed (``full_list=True``, the appendix
"Bilag: alle medarbejdere") written in this process (median of ``--runs``, plus CPU seconds),
pages, and milliseconds per person; and the default memo (an overview for a team this large).
For the sizes in ``--whole``: the whole process (``python -m sagstal_desktop memo``, interpreter
and imports included) with the default memo and with ``--full-list``. Baselines measured in the
same run: a bare reportlab document with only a three-column staff table (same rows, font,
repeated header) in one ``Table``, what reportlab itself costs (skipped above
``--baseline-max``: it grows quadratically); and the floor of any whole process, an interpreter
that only imports reportlab's platypus. Targets (issue 14): 1,000 persons <= 0.6 s whole
process, 10,000 <= 5 s, time per person flat from 1,000 to 16,000.

The whole-process runs are timed as an installed program runs: with bytecode (``.pyc``) written
and used (``PYTHONDONTWRITEBYTECODE`` removed for the child; one untimed run first).

    .venv/bin/python bench/bench_memo.py [--sizes 1000 2000 4000 8000 16000] [--runs 3]
    .venv/bin/python bench/bench_memo.py --sizes 100000 --runs 1 --whole   # once, ~1 minute
    git archive main | tar -x -C /tmp/main-src && .venv/bin/python bench/bench_memo.py --reference /tmp/main-src
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
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


def time_memo(team: Team, folder: Path, runs: int, full_list: bool | None = True) -> tuple[float, float, int]:
    """Median wall seconds, median CPU seconds and pages of ``runs`` memos written in-process."""
    walls, cpus, pages = [], [], 0
    options = MemoOptions(as_of=TODAY, generated=datetime(2026, 11, 22, 12, 0), full_list=full_list)
    for run in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        pages = write_memo(team, folder / f"memo-{len(team.staff)}-{run}.pdf", options)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), pages


def _child_env(source: Path | None = None) -> dict[str, str]:
    """The environment of a timed child: bytecode written and read, as in an installed program;
    with ``source``, the package imported from that checkout instead."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if source is not None:
        env["PYTHONPATH"] = str(source)
    return env


def whole_process(team: Team, folder: Path, runs: int, *extra: str, source: Path | None = None) -> float:
    """Median wall seconds of ``python -m sagstal_desktop memo FILE`` (a fresh process each run;
    ``source``: a checkout of another revision, e.g. ``git archive main | tar -x -C DIR``)."""
    from sagstal_desktop.io.document import save_team

    team_file = folder / f"team-{len(team.staff)}.sagstal"
    if not team_file.exists():
        save_team(team, team_file)
    times = []
    for run in range(runs + 1):  # the first run writes the bytecode and is not timed
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sagstal_desktop", "memo", str(team_file), "-o",
                        str(folder / f"whole-{run}.pdf"), "--force", "--as-of", TODAY.isoformat(), *extra],
                       check=True, capture_output=True, env=_child_env(source), cwd=folder)  # not this checkout
        if run:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_floor(runs: int) -> float:
    """Baseline: median wall seconds of an interpreter that only imports reportlab's platypus."""
    times = []
    for run in range(runs + 1):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import reportlab.platypus"], check=True, env=_child_env())
        if run:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


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
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000, 16000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--whole", type=int, nargs="*", default=[1000, 10000],
                        help="sizes also timed as a whole process (give no number for all --sizes)")
    parser.add_argument("--baseline-max", type=int, default=16000)
    parser.add_argument("--reference", type=Path, default=None, metavar="DIR",
                        help="also time the whole process of the checkout in DIR (e.g. main) in the same run")
    args = parser.parse_args()
    whole = set(args.sizes if args.whole == [] else args.whole)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_memo(team_of(12), folder / "warm-up.pdf", MemoOptions(as_of=TODAY))  # fonts, imports
        line = (f"baseline: interpreter importing reportlab.platypus {import_floor(args.runs):.2f} s; "
                f"demo team (12) whole process {whole_process(team_of(12), folder, args.runs):.2f} s")
        if args.reference:
            line += f" ({args.reference}: {whole_process(team_of(12), folder, args.runs, source=args.reference):.2f} s)"
        print(line, flush=True)
        for size in sorted(set(args.sizes) | whole):
            team = team_of(size)
            line = f"{size:>6} persons:"
            if size in args.sizes:
                wall, cpu, pages = time_memo(team, folder, args.runs)
                line += (f" full list in-process median {wall:6.2f} s (CPU {cpu:6.2f} s), {pages:>5} pages, "
                         f"{wall / size * 1000:.3f} ms/person")
                if size <= args.baseline_max:
                    base = []
                    for run in range(args.runs):
                        start = time.perf_counter()
                        baseline(team, folder / f"base-{size}-{run}.pdf")
                        base.append(time.perf_counter() - start)
                    line += f"; baseline (bare 3-column Table) {statistics.median(base):.2f} s"
                wall, _, pages = time_memo(team, folder, args.runs, full_list=None)
                line += f"; default (overview) in-process {wall:.2f} s, {pages} pages"
            if size in whole:
                line += (f"; whole process: default {whole_process(team, folder, args.runs):.2f} s, "
                         f"--full-list {whole_process(team, folder, args.runs, '--full-list'):.2f} s")
                if args.reference:
                    line += f"; {args.reference} {whole_process(team, folder, args.runs, source=args.reference):.2f} s"
            print(line, flush=True)


if __name__ == "__main__":
    main()

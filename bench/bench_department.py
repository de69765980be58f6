"""Benchmark of the department roll-up (issues 25 and 26): ``sagstal department DIR --json``
as a whole process on folders of 100 and 1,000 team files of 30 staff (targets: 1 s and 10 s).

Two kinds of file: without snapshots, and with 12 monthly snapshots each (every snapshot holds
the team's inputs, so such a file is several times larger and its reading costs more). The
baseline, measured in the same run, is a whole process that reads every table of every file with
Python's sqlite3 and nothing else; and ``python -c pass`` (the interpreter's start). Prints the
medians; ``--json`` for machine use.

    .venv/bin/python bench/bench_department.py [--repeat 3] [--counts 100,1000] [--snapshots 0,12]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from department_helpers import make_team  # noqa: E402

from sagstal_desktop.io.document import save_team  # noqa: E402

PY = sys.executable
RAW = """
import os, sqlite3, sys
for name in sorted(os.listdir(sys.argv[1])):
    db = sqlite3.connect(f"file:{os.path.join(sys.argv[1], name)}?mode=ro&immutable=1", uri=True)
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        db.execute(f'SELECT * FROM "{table}"').fetchall()
    db.close()
"""
#: The ``sagstal`` command as its entry point runs it.
CLI = "import sys; from sagstal_desktop.cli import main; sys.exit(main())"
TARGETS = {100: 1.0, 1000: 10.0}


def make_folder(folder: Path, count: int, snapshots: int) -> int:
    """``count`` team files of 30 staff, each its own team (``tests/department_helpers.make_team``);
    returns the folder's size in bytes."""
    folder.mkdir(parents=True)
    for i in range(count):
        save_team(make_team(i, snapshots=snapshots), folder / f"team{i:04d}.sagstal")
    return sum(p.stat().st_size for p in folder.iterdir())


def timed(args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds user + system) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {args}")
    return wall, usage.ru_utime + usage.ru_stime


def median(args: list[str], repeat: int) -> tuple[float, float]:
    """Median wall and median CPU seconds (on a shared machine the CPU time is what the program
    itself costs; the wall time includes waiting for a core)."""
    runs = [timed(args) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--counts", default="100,1000")
    parser.add_argument("--snapshots", default="0,12")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results: dict = {"python_start_s": median([PY, "-c", "pass"], args.repeat)[0], "load_average": os.getloadavg(),
                     "runs": []}
    base = Path(tempfile.mkdtemp(prefix="bench_department_"))
    try:
        for snapshots in map(int, args.snapshots.split(",")):
            for count in map(int, args.counts.split(",")):
                folder = base / f"{count}_{snapshots}"
                size = make_folder(folder, count, snapshots)
                command = [PY, "-c", CLI, "department", str(folder), "--json", "--as-of", "2026-11-22"]
                seconds, cpu = median(command, args.repeat)
                raw, raw_cpu = median([PY, "-c", RAW, str(folder)], args.repeat)
                results["runs"].append({"files": count, "staff_per_file": 30, "snapshots_per_file": snapshots,
                                        "folder_mb": round(size / 2**20, 1), "department_s": round(seconds, 3),
                                        "department_cpu_s": round(cpu, 3), "raw_sqlite_s": round(raw, 3),
                                        "raw_sqlite_cpu_s": round(raw_cpu, 3), "target_s": TARGETS.get(count),
                                        "within_target": seconds <= TARGETS.get(count, float("inf"))})
    finally:
        shutil.rmtree(base, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"python start: {results['python_start_s']:.3f} s; load average {results['load_average']}")
        for run in results["runs"]:
            print(f"{run['files']:>5} files x 30 staff, {run['snapshots_per_file']:>2} snapshots each "
                  f"({run['folder_mb']} MB): department {run['department_s']:.3f} s wall, "
                  f"{run['department_cpu_s']:.3f} s CPU (target {run['target_s']} s, "
                  f"{'met' if run['within_target'] else 'MISSED'} in wall time); raw sqlite read "
                  f"{run['raw_sqlite_s']:.3f} s wall, {run['raw_sqlite_cpu_s']:.3f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

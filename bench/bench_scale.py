"""Benchmark at department scale (issue 25), every path against a baseline measured in the same run:

* open and ``summary --json`` of teams of 1,000 / 10,000 / 100,000 staff x 10 case types, each
  a whole process (``sagstal summary FILE --json > file``), against a whole process that reads
  every table of the same file with Python's sqlite3 and nothing else;
* open 10,000 staff the way the window's worker does (read with the file's fingerprint, then
  numpy's warm-up for the window's computation), a whole process, against the same raw read;
* save 10,000 staff against copying the file (read + write + fsync): the whole file
  (``save_team`` as a first save: write, read back with the reader's checks, fsync, rename) and
  only what changed (the next saves, ``io/incremental_save.py``), after one person's count
  changed and after 1 % of the staff got a case more; and the first save after opening the file
  (nothing remembered from a save: the rows of the team read), after one person's count changed;
* 100,000 staff: open, summary and memo each finish; peak memory (RSS) of each child process;
* planning at 15 / 200 / 1,000 staff (``bench_planning.make_team``, 10 case types, ``--seeds``
  teams each): distribute new cases of 5 types (10 / 100 / 100) and rebalance with K = 5 and 20 /
  20 / 20 moved cases, within ``--time-limit`` (default 10 s, the commands' default), wall and
  CPU seconds, whether proven, the gap and the leximin levels (and staff) proven; the 15-person
  team again beside a CPU hog (a busy machine); baselines: ``summarize()`` of the same team and,
  for the distribution at 200, the case-count model the pattern model replaced; for rebalance at
  15 and 200, the leximin without the move limit's bounds (``rebalance.BUDGET_BOUNDS`` off) and
  with them but without bounding the columns of persons who give nothing (``milp.FIX_COLUMNS`` off);
* a scenario with 5 absent colleagues on 2,000 staff (redistribution within its budget).

Prints medians and ratios; ``--json`` for machine use. Each child process is timed by the wall
clock and by the CPU it used (user + system, from ``wait4``): on a shared machine the CPU figures
move less. The machine's load average is printed at the start and the end.

The package's modules are compiled to bytecode first (``compileall``, into ``__pycache__`` as an
install does), so that a child does not compile every module from source on each start (as it
would under ``PYTHONDONTWRITEBYTECODE``); ``--no-bytecode`` leaves that out.

    .venv/bin/python bench/bench_scale.py [--repeat 3] [--sizes 1000,10000,100000] [--no-memo]
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sagstal_desktop.core.model import StaffMember, Team, TeamSettings  # noqa: E402
from sagstal_desktop.core.norms import catalogue  # noqa: E402
from sagstal_desktop.io.document import load_team, save_team  # noqa: E402

PY = sys.executable
RAW = """
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro&immutable=1", uri=True)
for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
    db.execute(f'SELECT * FROM "{name}"').fetchall()
"""
OPEN = "import sys; from sagstal_desktop.io.document import load_team; load_team(sys.argv[1])"
WINDOW = """
import sys
from pathlib import Path
from sagstal_desktop.core.load import prefer_numpy, warm_up
from sagstal_desktop.io.document import load_team
from sagstal_desktop.io.file_lock import fingerprint
path = Path(sys.argv[1])
print_before = fingerprint(path)  # what the window's worker does (gui: read_in_background)
team = load_team(path)
prefer_numpy()
warm_up(len(team.staff))
"""
#: The same inside a running program (the window has its modules and numpy loaded before the
#: user opens a file): the worker's steps timed against the raw read, both in one process.
WINDOW_WARM = """
import json, sqlite3, statistics, sys, time
from pathlib import Path
import numpy
from sagstal_desktop.core.load import prefer_numpy, warm_up
from sagstal_desktop.io.document import load_team
from sagstal_desktop.io.file_lock import fingerprint
path = Path(sys.argv[1])

def raw():
    db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        db.execute(f'SELECT * FROM "{name}"').fetchall()
    db.close()

def window():
    fingerprint(path)
    team = load_team(path)
    prefer_numpy()
    warm_up(len(team.staff))

out = {}
for name, fn in (("raw", raw), ("window", window)):
    fn()
    times = []
    for _ in range(5):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    out[name] = statistics.median(times)
print(json.dumps(out))
"""
SUMMARY = "import sys; from sagstal_desktop.cli import main; sys.exit(main(['summary', sys.argv[1], '--json']))"
MEMO = ("import sys; from sagstal_desktop.cli import main; "
        "sys.exit(main(['memo', sys.argv[1], '-o', sys.argv[2], '--force', '--as-of', '2026-11-22']))")


def make_team(staff: int, types: int = 10, seed: int = 1) -> Team:
    rng = random.Random(seed)
    case_types = list(catalogue())[:types]
    team = Team(settings=TeamSettings(norm_set_id="ds_2015_types"))
    for i in range(staff):
        team.staff.append(StaffMember(
            name=f"Medarbejder {i}", weekly_hours=rng.choice([37.0, 37.0, 32.0, 30.0, 25.0]),
            other_hours=rng.choice([0.0, 0.0, 4.0]), start_date=date(2020 + rng.randint(0, 6), rng.randint(1, 12), 1),
            counts={t: rng.randint(0, 4) for t in case_types}))
    return team


def child(code: str, *args: str, stdout=subprocess.DEVNULL) -> tuple[float, float, float]:
    """Seconds, peak RSS (MB) and CPU seconds (user + system) of one whole ``python -c code args``
    process."""
    start = time.perf_counter()
    proc = subprocess.Popen([PY, "-c", code, *args], stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"child failed ({proc.returncode}): {err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # maxrss: KB on Linux


def median_child(code: str, *args: str, repeat: int, out: Path | None = None) -> tuple[float, float, float]:
    runs = []
    for _ in range(repeat):
        if out is None:
            runs.append(child(code, *args))
        else:
            with out.open("wb") as fh:
                runs.append(child(code, *args, stdout=fh))
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs), statistics.median(r[2] for r in runs)


def median_call(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def copy_file(source: Path, target: Path) -> None:
    with source.open("rb") as src, target.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.flush()
        os.fsync(dst.fileno())


def saving(path: Path, target: Path, repeat: int) -> dict:
    """Save the team of ``path`` to ``target``: a full write (``incremental_save.forget`` first:
    what every save was before), then, as the window's next saves, incremental saves after one
    person's count changed and after 1 % of the staff got one more case each (the edit itself
    untimed). The saved file must load as the team."""
    from sagstal_desktop.io import incremental_save

    team = load_team(path)
    rng = random.Random(5)
    types = list(team.staff[0].counts)

    def full() -> None:
        incremental_save.forget()
        save_team(team, target)

    def edited(edit) -> float:
        times = []
        for _ in range(repeat):
            edit()
            before = incremental_save.stats["incremental"]
            start = time.perf_counter()
            save_team(team, target)
            times.append(time.perf_counter() - start)
            if incremental_save.stats["incremental"] != before + 1:
                raise SystemExit("the save was not incremental")
        return statistics.median(times)

    def one() -> None:
        rng.choice(team.staff).counts[types[0]] += 1

    def one_percent() -> None:
        for member in rng.sample(team.staff, max(1, len(team.staff) // 100)):
            member.counts[rng.choice(types)] += 1

    out = {"save_s": median_call(full, repeat), "save_one_s": edited(one), "save_1pct_s": edited(one_percent)}
    if load_team(target) != team:
        raise SystemExit("the incrementally saved file does not load as the team")

    def after_open() -> float:
        """Open the file (nothing remembered from a save: as a program just started), change one
        person's count, save: only the save timed."""
        times = []
        for _ in range(repeat):
            incremental_save.forget()
            opened = load_team(target)
            rng.choice(opened.staff).counts[types[0]] += 1
            before = incremental_save.stats["incremental"]
            start = time.perf_counter()
            save_team(opened, target)
            times.append(time.perf_counter() - start)
            if incremental_save.stats["incremental"] != before + 1:
                raise SystemExit(f"the save after open was not incremental: {incremental_save.stats['last_reason']}")
            if load_team(target) != opened:
                raise SystemExit("the file saved after open does not load as the team")
        return statistics.median(times)

    out["save_after_open_s"] = after_open()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--no-memo", action="store_true", help="leave out the memo of the largest team")
    parser.add_argument("--no-planning", action="store_true")
    parser.add_argument("--only-planning", action="store_true", help="leave out open, summary and save")
    parser.add_argument("--seeds", type=int, default=3, help="generated teams per planning size (default 3)")
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds per plan (default 10)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="do not compile the package to bytecode first (each child compiles what has none)")
    args = parser.parse_args()
    if not args.no_bytecode:
        subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "sagstal_desktop")], check=True,
                       stdout=subprocess.DEVNULL)
    sizes = [] if args.only_planning else [int(x) for x in args.sizes.split(",")]
    results: dict[str, object] = {"sizes": {}, "load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for n in sizes:
            path = folder / f"team_{n}.sagstal"
            save_team(make_team(n), path)
            repeat = args.repeat if n <= 10_000 else 1
            raw_s, raw_mb, raw_cpu = median_child(RAW, str(path), repeat=repeat)
            open_s, open_mb, open_cpu = median_child(OPEN, str(path), repeat=repeat)
            summary_s, summary_mb, summary_cpu = median_child(SUMMARY, str(path), repeat=repeat,
                                                              out=folder / "summary.json")
            row = {"file_mb": path.stat().st_size / 2**20, "raw_s": raw_s, "raw_mb": raw_mb, "raw_cpu_s": raw_cpu,
                   "open_s": open_s, "open_mb": open_mb, "open_cpu_s": open_cpu, "summary_s": summary_s,
                   "summary_mb": summary_mb, "summary_cpu_s": summary_cpu,
                   "json_mb": (folder / "summary.json").stat().st_size / 2**20}
            if n == 10_000:
                row["window_open_s"], row["window_open_mb"], row["window_open_cpu_s"] = median_child(
                    WINDOW, str(path), repeat=repeat)
                warm = subprocess.run([PY, "-c", WINDOW_WARM, str(path)], capture_output=True, text=True, check=True,
                                      cwd=ROOT)
                row["window_warm"] = json.loads(warm.stdout)
                row.update(saving(path, folder / "saved.sagstal", repeat))
                row["copy_s"] = median_call(lambda p=path: copy_file(p, folder / "copied.sagstal"), repeat)
            if n == max(sizes) and not args.no_memo:
                row["memo_s"], row["memo_mb"], row["memo_cpu_s"] = child(MEMO, str(path), str(folder / "memo.pdf"))
            results["sizes"][n] = row
    if not args.no_planning:
        results["planning"] = planning(args.time_limit, args.seeds)
    results["load_after"] = os.getloadavg()
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print("load average (1, 5, 15 min) before {:.2f} {:.2f} {:.2f}, after {:.2f} {:.2f} {:.2f}; bytecode {}".format(
        *results["load_before"], *results["load_after"], "not compiled first" if args.no_bytecode else "compiled"))
    for n, row in results["sizes"].items():
        print(f"{n:,} staff ({row['file_mb']:.1f} MB): raw sqlite3 read {row['raw_s']:.2f} s "
              f"(cpu {row['raw_cpu_s']:.2f}); "
              f"open {row['open_s']:.2f} s ({row['open_s'] / row['raw_s']:.1f} x; cpu {row['open_cpu_s']:.2f} s, "
              f"{row['open_cpu_s'] / row['raw_cpu_s']:.1f} x; {row['open_mb']:.0f} MB); "
              f"summary --json {row['summary_s']:.2f} s ({row['summary_s'] / row['raw_s']:.1f} x; "
              f"cpu {row['summary_cpu_s']:.2f} s, {row['summary_cpu_s'] / row['raw_cpu_s']:.1f} x; "
              f"{row['summary_mb']:.0f} MB peak, {row['json_mb']:.1f} MB of JSON)")
        if "window_open_s" in row:
            print(f"  window's open (worker path, whole process) {row['window_open_s']:.2f} s "
                  f"({row['window_open_s'] / row['raw_s']:.1f} x the raw read; cpu {row['window_open_cpu_s']:.2f} s, "
                  f"{row['window_open_cpu_s'] / row['raw_cpu_s']:.1f} x)")
            warm = row["window_warm"]
            print(f"  window's open in a running program {warm['window']:.3f} s against the raw read in the same "
                  f"process {warm['raw']:.3f} s ({warm['window'] / warm['raw']:.1f} x)")
            print(f"  save, only what changed: one person's count {row['save_one_s']:.3f} s "
                  f"({row['save_one_s'] / row['copy_s']:.1f} x), 1 % of the staff {row['save_1pct_s']:.3f} s "
                  f"({row['save_1pct_s'] / row['copy_s']:.1f} x); the whole file {row['save_s']:.2f} s "
                  f"({row['save_s'] / row['copy_s']:.1f} x); copying the file {row['copy_s']:.3f} s")
            print(f"  save after open (read, one count changed) {row['save_after_open_s']:.3f} s "
                  f"({row['save_after_open_s'] / row['copy_s']:.1f} x the copy)")
        if "memo_s" in row:
            print(f"  memo {row['memo_s']:.1f} s (cpu {row['memo_cpu_s']:.1f} s), {row['memo_mb']:.0f} MB peak")
    for n, rows in results.get("planning", {}).items():
        if n == "scenario":
            print(f"scenario, 2,000 staff, 5 absent: {rows['seconds']:.2f} s, redistribution "
                  f"{'proven' if rows['proven'] else 'not proven'} ({rows['levels']} levels proven)")
            continue
        for row in rows:
            print_planning(n, row)
    return 0


def print_planning(n: str, row: dict) -> None:
    def dist(d: dict) -> str:
        return (f"distribute {d['cases']} cases of 5 types {d['seconds']:.2f} s (cpu {d['cpu_s']:.2f} s), "
                f"{'proven' if d['optimal'] else 'not proven'} (gap {d['gap_pct']:.3g} %, {d['levels']} levels)")

    def reb(r: dict) -> str:
        proof = ("proven" if r["optimal"] else "loads proven, moves not" if r["loads_proven"] else
                 f"{r['levels']} levels ({r['staff_proven']} staff) proven, gap of the next {r['gap_pct']:.3g} %")
        return f"rebalance K = {r['k']} {r['seconds']:.2f} s (cpu {r['cpu_s']:.2f} s), {proof}"

    print(f"planning, {n} staff, seed {row['seed']} (summarize() {row['baseline_s'] * 1000:.1f} ms): "
          f"{dist(row['distribute'])}; {reb(row['rebalance'])}")
    if "rebalance_without_bounds" in row:
        print(f"  baseline, rebalance without the move limit's bounds: {reb(row['rebalance_without_bounds'])}")
    if "rebalance_without_fixing" in row:
        print(f"  baseline, rebalance without bounding the columns of persons who give nothing: "
              f"{reb(row['rebalance_without_fixing'])}")
    if "busy" in row:
        print(f"  beside a CPU hog: {dist(row['busy']['distribute'])}; {reb(row['busy']['rebalance'])}")
        if "rebalance_without_bounds" in row["busy"]:
            print(f"    baseline beside the hog, without the bounds: {reb(row['busy']['rebalance_without_bounds'])}")
    if "case_count_model" in row:
        print(f"  baseline, the case-count model: {dist(row['case_count_model'])}")


def _timed(fn) -> tuple[float, float, object]:
    """Wall seconds, CPU seconds of this process, and the result of ``fn()``."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - start, time.process_time() - cpu, result


class CpuHog:
    """A busy machine: one child process spinning on a core while the block runs."""

    def __enter__(self) -> CpuHog:
        self.proc = subprocess.Popen([PY, "-c", "while True: pass"])
        return self

    def __exit__(self, *exc) -> None:
        self.proc.kill()
        self.proc.wait()


def planning(time_limit: float, seeds: int = 3) -> dict:
    """Distribute 5 types x ``cases`` and rebalance with K moves at 15 / 200 / 1,000 staff (seeds
    7, 8, ...: medians and the worst), the 15-person team again beside a CPU hog, and, as the
    same-run baseline of the distribution, the case-count model (``patterns.MAX_PATTERNS`` -1)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_planning import DAY, TYPES
    from bench_planning import make_team as planning_team

    from sagstal_desktop.core import scenarios
    from sagstal_desktop.core.load import summarize
    from sagstal_desktop.core.planning import distribute, patterns, rebalance
    from sagstal_desktop.core.scenario_model import Absence

    rebalancing = importlib.import_module("sagstal_desktop.core.planning.rebalance")  # the module, not the function
    milp = importlib.import_module("sagstal_desktop.core.planning.milp")

    distribute(planning_team(15), dict.fromkeys(TYPES[:5], 1), DAY)  # imports highspy and numpy

    def one(team, cases: int, k: int, case_count_model: bool = False) -> dict:
        incoming = dict.fromkeys(TYPES[:5], cases)
        saved = patterns.MAX_PATTERNS
        if case_count_model:
            patterns.MAX_PATTERNS = -1
        try:
            wall, cpu, plan = _timed(lambda: distribute(team, incoming, DAY, time_limit=time_limit))
        finally:
            patterns.MAX_PATTERNS = saved
        d = {"cases": 5 * cases, "seconds": wall, "cpu_s": cpu, "optimal": plan.optimal, "gap_pct": plan.gap * 100,
             "levels": plan.levels_proven}
        if case_count_model:
            return {"distribute": d}
        def reb(bounds: bool, fixing: bool = True) -> dict:
            rebalancing.BUDGET_BOUNDS = bounds
            milp.FIX_COLUMNS = fixing
            try:
                wall, cpu, moved = _timed(lambda: rebalance(team, k, DAY, time_limit=time_limit))
            finally:
                rebalancing.BUDGET_BOUNDS = True
                milp.FIX_COLUMNS = True
            return {"k": k, "seconds": wall, "cpu_s": cpu, "optimal": moved.optimal, "gap_pct": moved.gap * 100,
                    "max_load_proven": moved.max_load_proven, "levels": moved.levels_proven,
                    "staff_proven": moved.staff_proven, "loads_proven": moved.loads_proven}

        out = {"distribute": d, "rebalance": reb(True)}
        if len(team.staff) <= 200:  # the same-run baseline: the leximin without the move limit's bounds
            out["rebalance_without_bounds"] = reb(False)
            out["rebalance_without_fixing"] = reb(True, fixing=False)  # milp.fix_columns off
        return out

    out: dict = {}
    for n, cases, k in ((15, 2, 5), (15, 2, 20), (200, 20, 20), (1000, 20, 20)):
        runs = []
        for seed in range(7, 7 + seeds):
            team = planning_team(n, seed)
            summarize(team, DAY)
            runs.append({"seed": seed, "baseline_s": median_call(lambda t=team: summarize(t, DAY), 5),
                         **one(team, cases, k)})
            if n == 15:
                with CpuHog():
                    runs[-1]["busy"] = one(team, cases, k)
            if n == 200:
                runs[-1]["case_count_model"] = one(team, cases, k, case_count_model=True)["distribute"]
        out[f"{n}_k{k}"] = runs
    team = planning_team(2000)
    start = time.perf_counter()
    result = scenarios.evaluate(team, DAY, [Absence(team.staff[i].id) for i in (3, 50, 400, 900, 1500)])
    out["scenario"] = {"seconds": time.perf_counter() - start, "proven": result.redistribution_proven,
                       "levels": result.redistribution_levels}
    return out


if __name__ == "__main__":
    raise SystemExit(main())

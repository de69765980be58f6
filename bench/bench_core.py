"""Benchmark of the core: team summary (recompute) for 1,000 and 10,000 staff x 30 case types,
as the window computes it (numpy from 1,000 persons, ``core.load.prefer_numpy``) and as a
command computing once does (plain Python below 50,000 persons, no numpy import), and
saving/opening a 10,000-person team file.

Baseline, measured in the same run: the plain one-case-at-a-time implementation of the same
definitions (``tests/oracle.py``). Prints medians and ratios; ``--json`` for machine use.

    .venv/bin/python bench/bench_core.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from oracle import oracle_team  # noqa: E402

from sagstal_desktop.core import load  # noqa: E402
from sagstal_desktop.core.load import summarize  # noqa: E402
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings  # noqa: E402
from sagstal_desktop.core.norms import catalogue, find_norm_set  # noqa: E402
from sagstal_desktop.io.document import load_team, save_team  # noqa: E402

DAY = date(2026, 11, 22)


def make_team(staff: int, types: int = 30, seed: int = 1) -> Team:
    """``staff`` people, each holding all ``types`` case types (27 from the catalogue + unknown)."""
    rng = random.Random(seed)
    case_types = [*list(catalogue())[:27], "lokal_1", "lokal_2", "lokal_3"][:types]
    team = Team(settings=TeamSettings(norm_set_id="ds_2015_types"))
    for i in range(staff):
        team.staff.append(
            StaffMember(
                name=f"Medarbejder {i}",
                weekly_hours=rng.choice([37.0, 37.0, 32.0, 30.0, 25.0]),
                other_hours=rng.choice([0.0, 0.0, 0.0, 4.0, 6.0]),
                start_date=date(2020 + rng.randint(0, 6), rng.randint(1, 12), 1),
                counts={t: rng.randint(0, 4) for t in case_types},
            )
        )
    return team


def median_ms(fn, repeat: int) -> float:
    fn()  # warm-up (imports numpy on the first call)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results: dict[str, float] = {}
    norm_set = find_norm_set("ds_2015_types")
    for staff in (1_000, 10_000):  # first as a command: numpy is not imported yet
        team = make_team(staff)
        results[f"command_{staff}_ms"] = median_ms(lambda t=team: summarize(t, DAY), args.repeat)
    load.prefer_numpy()  # then as the window
    for staff in (1_000, 10_000):
        team = make_team(staff)
        results[f"summary_{staff}_ms"] = median_ms(lambda t=team: summarize(t, DAY), args.repeat)
        results[f"baseline_{staff}_ms"] = median_ms(lambda t=team: oracle_team(t, norm_set, DAY),
                                                    max(3, args.repeat // 3))
    team = make_team(10_000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.sagstal"
        results["save_10000_ms"] = median_ms(lambda: save_team(team, path), max(3, args.repeat // 3))
        results["open_10000_ms"] = median_ms(lambda: load_team(path), max(3, args.repeat // 3))
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"core benchmark, median of {args.repeat} runs (baseline: plain per-case loop, tests/oracle.py)")
    for staff in (1_000, 10_000):
        fast, base = results[f"summary_{staff}_ms"], results[f"baseline_{staff}_ms"]
        print(f"  team summary {staff:>6,} staff x 30 types: {fast:8.1f} ms   baseline {base:8.1f} ms   "
              f"ratio {base / fast:5.1f}x   (a command, plain Python: {results[f'command_{staff}_ms']:.1f} ms)")
    print(f"  save 10,000-person team file:   {results['save_10000_ms']:8.1f} ms")
    print(f"  open 10,000-person team file:   {results['open_10000_ms']:8.1f} ms")
    target = results["summary_10000_ms"]
    print(f"  target: 10,000 x 30 under 50 ms in the window -> {'met' if target < 50 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

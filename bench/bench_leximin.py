"""Benchmark of the rebalance leximin's strengthenings, each measured against the same run with it
switched off (issue 25, item 4: "measure each change"):

* rebalance 200 staff x 10 types at K = 20 (``bench_planning.make_team``, seeds 7, 8, 9): all
  strengthenings on; then each one off in turn; then all of them off (the model before them);
* the 15-person teams at K = 5 and K = 20, idle and beside a CPU hog (a busy machine);
* distribute 100 new cases (5 types x 20) on the 200-person teams (it shares ``milp.leximin``).

The strengthenings (module switches, True in the program):

* ``rebalance.SUPPLY_BOUNDS``: what a person may receive is bounded by what the givers may give;
* ``milp.HEURISTIC_START``: a greedy placing of the received cases is tried before a level's solves;
* ``milp.DROP_DEAD_FLAGS``: flag columns of earlier levels fixed at 0 once the load keeps their row;
* ``milp.COMPACT``: those columns and their rows deleted from the model;
* ``milp.STEPS``: rooms rounded down to the gcd of the live coefficients (whole cases);
* ``milp.FIX_MIDWAY``: ``fix_columns`` also once the spare cases are spent mid-way;
* ``milp.ROW_DIVISOR``: load rows held divided by their common factor (HiGHS's numerics).

Prints wall and CPU seconds, proven or not, the proven gap and the leximin levels proven;
``--json`` for machine use.

    .venv/bin/python bench/bench_leximin.py [--time-limit 10] [--seeds 7,8,9] [--only all,none]
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_planning import DAY, TYPES, make_team  # noqa: E402

from sagstal_desktop.core.planning import distribute, rebalance  # noqa: E402

MILP = importlib.import_module("sagstal_desktop.core.planning.milp")
REBALANCE = importlib.import_module("sagstal_desktop.core.planning.rebalance")
SWITCHES = (("SUPPLY_BOUNDS", REBALANCE), ("HEURISTIC_START", MILP), ("DROP_DEAD_FLAGS", MILP), ("COMPACT", MILP),
            ("STEPS", MILP), ("FIX_MIDWAY", MILP), ("ROW_DIVISOR", MILP))


class CpuHog:
    """A busy machine: one child process spinning on a core while the block runs."""

    def __enter__(self) -> CpuHog:
        self.proc = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        return self

    def __exit__(self, *exc) -> None:
        self.proc.kill()
        self.proc.wait()


def switched(off: tuple[str, ...]):
    """Set the named switches off (all others on); returns a function restoring them."""
    saved = [(module, name, getattr(module, name)) for name, module in SWITCHES]
    for name, module in SWITCHES:
        setattr(module, name, name not in off)

    def restore() -> None:
        for module, name, value in saved:
            setattr(module, name, value)
    return restore


def timed(fn) -> dict:
    start, cpu = time.perf_counter(), time.process_time()
    plan = fn()
    out = {"seconds": time.perf_counter() - start, "cpu_s": time.process_time() - cpu, "optimal": plan.optimal,
           "gap_pct": plan.gap * 100, "levels": plan.levels_proven,
           "loads": sorted((round(p.load_after, 9) for p in plan.persons if p.load_after is not None), reverse=True)}
    return out


def variants(only: str | None) -> list[tuple[str, tuple[str, ...]]]:
    every = [("all", ())] + [(f"without {name}", (name,)) for name, _m in SWITCHES] + [
        ("none (the model before)", tuple(name for name, _m in SWITCHES))]
    if not only:
        return every
    wanted = set(only.split(","))
    return [v for v in every if v[0] in wanted or (v[0].startswith("without ") and v[0][8:] in wanted)
            or (v[0].startswith("none") and "none" in wanted)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--seeds", default="7,8,9")
    parser.add_argument("--only", help="variants: all, none, or switch names (comma-separated)")
    parser.add_argument("--no-small", action="store_true", help="leave out the 15-person teams")
    parser.add_argument("--no-distribute", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    rebalance(make_team(15, 7), 5, DAY)  # imports highspy and numpy
    results: dict = {"rebalance_200_k20": {}, "small": {}, "distribute_200": {}}
    for name, off in variants(args.only):
        restore = switched(off)
        try:
            for seed in seeds:
                team = make_team(200, seed)
                row = timed(lambda t=team: rebalance(t, 20, DAY, time_limit=args.time_limit))
                first = results["rebalance_200_k20"].get("all", {}).get(seed)
                if first is not None and first["optimal"] and row["optimal"]:  # two proofs: one optimum
                    row["same_optimum_as_all"] = row["loads"] == first["loads"]
                results["rebalance_200_k20"].setdefault(name, {})[seed] = row
                if not args.json:
                    same = {True: ", the same optimum as with all", False: ", ANOTHER optimum than with all"}.get(
                        row.get("same_optimum_as_all"), "")
                    print(f"rebalance 200 x 10, K = 20, seed {seed} [{name}]: {describe(row)}{same}", flush=True)
        finally:
            restore()
    if not args.no_small:
        for k in (5, 20):
            for seed in seeds:
                team = make_team(15, seed)
                idle = timed(lambda t=team, k=k: rebalance(t, k, DAY, time_limit=args.time_limit))
                with CpuHog():
                    busy = timed(lambda t=team, k=k: rebalance(t, k, DAY, time_limit=args.time_limit))
                results["small"][f"k{k}_seed{seed}"] = {"idle": idle, "busy": busy}
                if not args.json:
                    print(f"rebalance 15 staff, K = {k}, seed {seed}: idle {describe(idle)}; beside a CPU hog "
                          f"{describe(busy)}", flush=True)
    if not args.no_distribute:
        incoming = dict.fromkeys(TYPES[:5], 20)
        for seed in seeds:
            team = make_team(200, seed)
            row = timed(lambda t=team: distribute(t, incoming, DAY, time_limit=args.time_limit))
            results["distribute_200"][seed] = row
            if not args.json:
                print(f"distribute 100 (5 types) on 200, seed {seed}: {describe(row)}", flush=True)
    if args.json:
        print(json.dumps(without_loads(results), indent=2))
    return 0


def without_loads(value):
    """``value`` without the load vectors (kept only to compare the optima)."""
    if isinstance(value, dict):
        return {k: without_loads(v) for k, v in value.items() if k != "loads"}
    return value


def describe(row: dict) -> str:
    proof = "proven" if row["optimal"] else f"NOT proven, gap {row['gap_pct']:.3g} %"
    return f"{row['seconds']:.2f} s (cpu {row['cpu_s']:.2f} s), {proof}, {row['levels']} levels proven"


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark of case distribution planning on a 200-person team with 10 case types:

* distribute 1, 2 and 5 new cases of each of the 10 types (exact integer program, HiGHS);
* the rebalance trade-off for K = 0 ... 20 moved cases (with the proven gap where the time
  limit stops a step short of a proof);
* the rebalance plan for K = 0, 5, 10 and 20 (target <= 2 s each), its highest load against the
  trade-off's proven point for the same K;
* the plan at K = 20 again without the move limit's bounds (``rebalance.BUDGET_BOUNDS`` off, a
  same-run baseline of the leximin), and with the bounds but without bounding the columns of
  persons who give nothing (``milp.FIX_COLUMNS`` off);
* the default plan with its trade-off list (``plan_with_tradeoff``) for both aims, ``even`` and
  ``fewest-over``, within the time limit (the staff over DS's maximum before -> after);

baseline, measured in the same run: ``summarize()`` of the same team (the load computation every
plan starts from). Prints medians; ``--json`` for machine use.

    .venv/bin/python bench/bench_planning.py [--repeat 3] [--time-limit 5]
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sagstal_desktop.core.load import summarize  # noqa: E402
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings  # noqa: E402
from sagstal_desktop.core.planning import distribute, rebalance, tradeoff  # noqa: E402
from sagstal_desktop.core.planning.rebalance import plan_with_tradeoff  # noqa: E402

DAY = date(2026, 11, 22)
TYPES = ("born_familie", "voksenhandicap", "jobparate_o30", "aktivitetsparate_o30", "job_udd_u30",
         "aktivitetsparate_u30", "sygedagpenge", "ressourceforloeb", "fleksjob", "integration")


def make_team(staff: int = 200, seed: int = 7) -> Team:
    """Each person works in 2-3 of the 10 areas with a load of 60-130 % of DS's maximum;
    seven in ten have those types as explicit competences, the rest the default; one in twenty
    takes no new cases."""
    rng = random.Random(seed)
    team = Team(settings=TeamSettings(norm_set_id="ds_current"))
    norm_set = team.norm_set()
    for i in range(staff):
        held = rng.sample(TYPES, rng.choice([2, 2, 3]))
        hours, other = rng.choice([37.0, 37.0, 37.0, 32.0, 30.0, 25.0]), rng.choice([0.0, 0.0, 0.0, 4.0])
        target = rng.uniform(0.6, 1.3) * (hours - other) / norm_set.full_time_hours
        shares = [rng.random() + 0.2 for _ in held]
        counts = {t: round(target * share / sum(shares) * norm_set.norm_for(t).max)
                  for t, share in zip(held, shares, strict=True)}
        team.staff.append(StaffMember(
            name=f"Medarbejder {i}", weekly_hours=hours, other_hours=other, counts=counts,
            competences=tuple(held) if rng.random() < 0.7 else (), takes_new_cases=rng.random() > 0.05,
        ))
    return team


def median_s(fn, repeat: int) -> tuple[float, object]:
    result = fn()  # warm-up (imports highspy and numpy)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--time-limit", type=float, default=5.0, help="seconds per plan (default 5)")
    args = parser.parse_args()
    team = make_team()
    baseline, _ = median_s(lambda: summarize(team, DAY), max(args.repeat, 15))
    distribution = {}
    for per_type in (1, 2, 5):
        incoming = dict.fromkeys(TYPES, per_type)
        seconds, plan = median_s(lambda inc=incoming: distribute(team, inc, DAY, time_limit=args.time_limit),
                                 args.repeat)
        distribution[sum(incoming.values())] = {
            "median_s": seconds, "optimal": plan.optimal, "gap_pct": plan.gap * 100,
            "max_load_pct": [plan.max_load_before * 100, plan.max_load_after * 100],
        }
    trade_s, points = median_s(lambda: tradeoff(team, DAY, cap=20, time_limit=args.time_limit, until=20),
                               args.repeat)
    unproven = [p for p in points if not p.optimal]
    plans = {}
    for k in (0, 5, 10, 20):
        seconds, plan = median_s(lambda k=k: rebalance(team, k, DAY, time_limit=args.time_limit), args.repeat)
        point = points[min(k, len(points) - 1)]
        plans[k] = {
            "median_s": seconds, "optimal": plan.optimal, "max_load_proven": plan.max_load_proven,
            "moved_cases": plan.moved_cases, "max_load_pct": plan.max_load_after * 100,
            "tradeoff_max_load_pct": point.max_load * 100, "tradeoff_optimal": point.optimal,
            "levels_proven": plan.levels_proven, "staff_proven": plan.staff_proven, "loads_proven": plan.loads_proven,
        }
    # same-run baseline of the plan at K = 20: the leximin without the move limit's bounds
    rebalancing = importlib.import_module("sagstal_desktop.core.planning.rebalance")  # the module
    rebalancing.BUDGET_BOUNDS = False
    try:
        seconds, plan = median_s(lambda: rebalance(team, 20, DAY, time_limit=args.time_limit), args.repeat)
    finally:
        rebalancing.BUDGET_BOUNDS = True
    without_bounds = {"median_s": seconds, "optimal": plan.optimal, "levels_proven": plan.levels_proven,
                      "staff_proven": plan.staff_proven, "loads_proven": plan.loads_proven,
                      "max_load_pct": plan.max_load_after * 100}
    # and with the bounds but without bounding the columns of persons who give nothing
    milp = importlib.import_module("sagstal_desktop.core.planning.milp")
    milp.FIX_COLUMNS = False
    try:
        seconds, plan = median_s(lambda: rebalance(team, 20, DAY, time_limit=args.time_limit), args.repeat)
    finally:
        milp.FIX_COLUMNS = True
    without_fixing = {"median_s": seconds, "optimal": plan.optimal, "levels_proven": plan.levels_proven,
                      "staff_proven": plan.staff_proven, "loads_proven": plan.loads_proven,
                      "max_load_pct": plan.max_load_after * 100}
    defaults_ = {}
    for aim in ("even", "fewest-over"):
        seconds, (plan, listed) = median_s(lambda aim=aim: plan_with_tradeoff(team, None, DAY, aim=aim,
                                                                              time_limit=args.time_limit), 1)
        defaults_[aim] = {"seconds": seconds, "optimal": plan.optimal, "max_moves": plan.max_moves,
                          "over_count": [plan.over_count_before, plan.over_count_after],
                          "max_load_pct": plan.max_load_after * 100, "points": len(listed)}
    results = {
        "staff": len(team.staff), "types": len(TYPES), "baseline_summary_s": baseline,
        "distribute": distribution,
        "tradeoff_s": trade_s, "tradeoff_points": len(points),
        "tradeoff_unproven": [{"max_moves": p.max_moves, "gap_pct": p.gap * 100} for p in unproven],
        "tradeoff_max_load_pct": [round(p.max_load * 100, 2) for p in points],
        "rebalance": plans,
        "rebalance_k20_without_bounds": without_bounds,
        "rebalance_k20_without_fixing": without_fixing,
        "default_plan": defaults_,
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"team: {len(team.staff)} staff x {len(TYPES)} case types; baseline summarize(): "
          f"{baseline * 1000:.2f} ms (median)")
    for cases, found in distribution.items():
        print(f"distribute {cases} new cases (10 types): {found['median_s']:.3f} s (median; target <= 0.2 s), "
              f"optimal={found['optimal']}, gap={found['gap_pct']:.3g} %, max load "
              f"{found['max_load_pct'][0]:.1f} % -> {found['max_load_pct'][1]:.1f} %")
    print(f"rebalance trade-off K = 0..{len(points) - 1}: {trade_s:.3f} s (median; target <= 5 s), "
          f"{len(points) - len(unproven)} of {len(points)} points proven; highest load by K: "
          f"{', '.join(f'{p.max_load * 100:.1f}' for p in points)} %")
    for p in unproven:
        print(f"  K = {p.max_moves}: not proven optimal within the time limit, gap {p.gap * 100:.3g} %")
    for k, found in plans.items():
        proof = ("proven optimal" if found["optimal"] else
                 "every load proven, the fewest moves not" if found["loads_proven"] else
                 f"{found['levels_proven']} levels ({found['staff_proven']} staff) proven, lower levels cut short"
                 if found["levels_proven"] else
                 "highest load proven, lower levels cut short" if found["max_load_proven"] else "not proven")
        print(f"rebalance K = {k}: {found['median_s']:.3f} s (median; target <= 2 s), {found['moved_cases']} moved, "
              f"highest load {found['max_load_pct']:.2f} % (trade-off point {found['tradeoff_max_load_pct']:.2f} %"
              f"{'' if found['tradeoff_optimal'] else ', unproven'}), {proof}")
    found = without_bounds
    print(f"baseline, rebalance K = 20 without the move limit's bounds: {found['median_s']:.3f} s (median), "
          f"{'proven optimal' if found['optimal'] else 'every load proven' if found['loads_proven'] else ''}"
          f"{'' if found['optimal'] or found['loads_proven'] else str(found['levels_proven']) + ' levels proven'}, "
          f"highest load {found['max_load_pct']:.2f} %")
    found = without_fixing
    print(f"baseline, rebalance K = 20 without bounding the columns of persons who give nothing: "
          f"{found['median_s']:.3f} s (median), "
          f"{'proven optimal' if found['optimal'] else 'every load proven' if found['loads_proven'] else ''}"
          f"{'' if found['optimal'] or found['loads_proven'] else str(found['levels_proven']) + ' levels proven'}, "
          f"highest load {found['max_load_pct']:.2f} %")
    for aim, found in defaults_.items():
        print(f"default plan, aim {aim}: {found['seconds']:.3f} s (limit {args.time_limit:g} s), K = "
              f"{found['max_moves']}, {'proven optimal' if found['optimal'] else 'not proven'}, staff over the "
              f"maximum {found['over_count'][0]} -> {found['over_count'][1]}, highest load "
              f"{found['max_load_pct']:.1f} %, {found['points']} trade-off points")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

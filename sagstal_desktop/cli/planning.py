"""``sagstal distribute`` and ``sagstal rebalance``: who takes the next cases, and which cases
should move, as text (Danish by default) or JSON (keys documented in README.md); ``-o`` writes
the team with the plan applied."""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

from sagstal_desktop.cli.common import (
    CliError,
    add_as_of_option,
    add_lang_option,
    add_output_options,
    open_team,
    output_path,
    save_team_file,
    say,
    seconds,
)
from sagstal_desktop.i18n import N_, tr

#: Texts of the plans (English msgids; translated per call with ``--lang``).
_LABELS = {
    "name": N_("Name"),
    "before": N_("Before"),
    "after": N_("After"),
    "highest": N_("Highest load"),
    "optimal": N_("Proven optimal"),
    "unproven": N_("Not proven optimal within the time limit (gap {gap})"),
    "top_proven": N_("Highest load proven optimal; the lower loads and the number of moved cases "
                     "not proven optimal within the time limit"),
    "none": N_("No cases to distribute."),
    "no_moves": N_("No moves lower the loads."),
    "moves": N_("Moved cases"),
    "tradeoff": N_("Moves → highest load, staff over <max>"),
    "saved": N_("Saved: {file}"),
}


def _labels(lang: str) -> dict[str, str]:
    return {key: tr(message, lang) for key, message in _LABELS.items()}


def _pct(fraction: float | None) -> float | None:
    return None if fraction is None else fraction * 100


def _gap_pct(plan) -> float | None:
    return None if math.isinf(plan.gap) else plan.gap * 100


def _persons(plan) -> list[dict[str, Any]]:
    return [{"member_id": p.member_id, "name": p.name, "load_max_pct_before": _pct(p.load_before),
             "load_max_pct_after": _pct(p.load_after)} for p in plan.persons]


def _parse_add(values: list[str], norm_set, lang: str) -> dict[str, int]:
    from sagstal_desktop.core.competences import find_case_type
    from sagstal_desktop.core.planning import PlanningError

    incoming: dict[str, int] = {}
    for value in values:
        name, sep, number = value.rpartition("=")
        if not sep or not name.strip():
            raise CliError(f"distribute: --add {value!r}: write TYPE=N, e.g. sygedagpenge=10")
        try:
            cases = int(number.strip())
        except ValueError:
            raise CliError(f"distribute: --add {value!r}: {number.strip()!r} is not a whole number") from None
        case_type = find_case_type(name, norm_set)
        if case_type is None:
            raise CliError(f"distribute: {PlanningError('unknown_type', name.strip()).message(lang)}")
        incoming[case_type] = incoming.get(case_type, 0) + cases
    return incoming


def _save(plan, args) -> None:
    if args.output:
        target = output_path(args.output, args.force, (".sagstal",))
        save_team_file(plan.team_after, target, args.lang)


def _print_loads(plan, lang: str) -> None:
    from sagstal_desktop.core.formatting import format_percent

    t = _labels(lang)
    width = max([len(p.name) for p in plan.persons] + [len(t["name"])])
    say(f"{t['name']:<{width}}  {t['before']:>9}  {t['after']:>9}")
    for p in plan.persons:
        say(f"{p.name:<{width}}  {format_percent(p.load_before, 1, lang):>9}  "
              f"{format_percent(p.load_after, 1, lang):>9}")
    say(f"{t['highest']}: {format_percent(plan.max_load_before, 1, lang)} → "
          f"{format_percent(plan.max_load_after, 1, lang)}")
    say(_proof(plan, lang))


def _proof(plan, lang: str) -> str:
    from sagstal_desktop.core.formatting import format_percent

    t = _labels(lang)
    if plan.optimal:
        return t["optimal"]
    if getattr(plan, "max_load_proven", False):
        return t["top_proven"]
    gap = "?" if math.isinf(plan.gap) else format_percent(plan.gap, 2, lang)
    return t["unproven"].format(gap=gap)


def cmd_distribute(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.planning import PlanningError, assignment_text, distribute

    team = open_team(args.file)
    norm_set = team.norm_set()
    incoming = _parse_add(args.add, norm_set, args.lang)
    try:
        plan = distribute(team, incoming, args.as_of, norm_set, time_limit=args.time_limit)
    except PlanningError as exc:
        raise CliError(f"distribute: {exc.message(args.lang)}") from exc
    _save(plan, args)
    if args.json:
        json.dump({
            "assignments": [{"member_id": a.member_id, "name": a.name, "case_type": a.case_type, "cases": a.cases}
                            for a in plan.assignments],
            "persons": _persons(plan),
            "max_load_pct_before": _pct(plan.max_load_before),
            "max_load_pct_after": _pct(plan.max_load_after),
            "optimal": plan.optimal,
            "gap_pct": _gap_pct(plan),
        }, sys.stdout, ensure_ascii=False, indent=2)
        say()
        return 0
    lang, t = args.lang, _labels(args.lang)
    for assignment in plan.assignments:
        say(assignment_text(assignment, lang))
    if not plan.assignments:
        say(t["none"])
    say()
    _print_loads(plan, lang)
    if args.output:
        say(t["saved"].format(file=args.output))
    return 0


def cmd_rebalance(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.formatting import format_percent
    from sagstal_desktop.core.planning import PlanningError, move_text, rebalance, tradeoff
    from sagstal_desktop.core.planning.rebalance import TRADEOFF_CAP

    team = open_team(args.file)
    norm_set = team.norm_set()
    if args.max_moves is not None and args.max_moves < 0:
        raise CliError(f"rebalance: {PlanningError('negative_moves', args.max_moves).message(args.lang)}")
    cap = max(TRADEOFF_CAP, args.max_moves or 0)
    points = tradeoff(team, args.as_of, norm_set, cap=cap, time_limit=args.time_limit)
    max_moves = args.max_moves
    if max_moves is None:  # what full balance needs (within the cap): the fewest moves to the lowest point
        lowest = min(p.max_load for p in points if p.max_load is not None) if points[0].max_load is not None else 0
        max_moves = next((p.max_moves for p in points if (p.max_load or 0) <= lowest + 1e-9), 0)
    try:
        plan = rebalance(team, max_moves, args.as_of, norm_set, time_limit=args.time_limit)
    except PlanningError as exc:
        raise CliError(f"rebalance: {exc.message(args.lang)}") from exc
    _save(plan, args)
    if args.json:
        json.dump({
            "moves": [{"from_id": m.from_id, "from_name": m.from_name, "to_id": m.to_id, "to_name": m.to_name,
                       "case_type": m.case_type, "cases": m.cases} for m in plan.moves],
            "moved_cases": plan.moved_cases,
            "max_load_pct_before": _pct(plan.max_load_before),
            "max_load_pct_after": _pct(plan.max_load_after),
            "persons": _persons(plan),
            "tradeoff": [{"max_moves": p.max_moves, "max_load_pct": _pct(p.max_load), "over_count": p.over_count}
                         for p in points],
            "optimal": plan.optimal,
            "gap_pct": _gap_pct(plan),
            "max_load_proven": plan.max_load_proven,
        }, sys.stdout, ensure_ascii=False, indent=2)
        say()
        return 0
    lang, t = args.lang, _labels(args.lang)
    for move in plan.moves:
        say(move_text(move, lang))
    say(f"{t['moves']}: {plan.moved_cases}" if plan.moves else t["no_moves"])
    say()
    _print_loads(plan, lang)
    say()
    from sagstal_desktop.core.wording import fill

    say(fill(t["tradeoff"], norm_set, lang))  # the measure named by the chosen set
    for p in points:
        say(f"{p.max_moves:>3}  {format_percent(p.max_load, 1, lang):>9}  {p.over_count:>3}")
    if args.output:
        say(t["saved"].format(file=args.output))
    return 0


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="a .sagstal team file")
    add_as_of_option(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--time-limit", type=seconds, default=10.0, help="seconds for the solver (default 10)")
    add_output_options(p, "plan.sagstal", required=False)
    add_lang_option(p)


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``distribute`` and ``rebalance``."""
    p = sub.add_parser("distribute", help="who takes new cases (lowest loads first, leximin)")
    p.add_argument("--add", action="append", required=True, metavar="TYPE=N",
                   help="N new cases of TYPE (id, Danish or English name); repeat for more types")
    _common(p)
    p.set_defaults(func=cmd_distribute)
    p = sub.add_parser("rebalance", help="which existing cases to move to lower the highest loads")
    p.add_argument("--max-moves", type=int, default=None, metavar="K",
                   help="move at most K cases (default: what full balance needs, at most 20)")
    _common(p)
    p.set_defaults(func=cmd_rebalance)

"""``sagstal distribute`` and ``sagstal rebalance``: who takes the next cases, and which cases
should move, as text (Danish by default) or JSON (keys documented in README.md); ``-o`` writes
the team with the plan applied."""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import Any

from sagstal_desktop.cli.common import (
    CliError,
    add_as_of_option,
    add_lang_option,
    add_lock_option,
    add_output_options,
    add_pretty_option,
    cli_language,
    cli_text,
    open_team,
    output_path,
    print_json,
    same_file,
    save_unless_changed,
    say,
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
    from sagstal_desktop.core.validation import InputError, parse_count

    incoming: dict[str, int] = {}
    for value in values:
        name, sep, number = value.rpartition("=")
        if not sep or not name.strip():
            raise CliError(cli_text(N_("distribute: --add {value}: write TYPE=N, e.g. sygedagpenge=10"),
                                    value=repr(value)))
        text = number.strip()
        negative = text.startswith("-")  # the planner names a negative number of new cases
        try:
            if not text.removeprefix("-").strip():
                raise InputError("empty", text)
            cases = parse_count(text.removeprefix("-"))  # the one parser of a typed count: "1.000" is 1000
        except InputError as exc:
            if exc.code != "too_large":  # a huge whole number goes on: the planner names its limit
                raise CliError(cli_text(N_("distribute: --add {value}: {number} is not a whole number"),
                                        value=repr(value), number=repr(text))) from None
            cases = int(exc.value)
        cases = -cases if negative else cases
        case_type = find_case_type(name, norm_set)
        if case_type is None:
            raise CliError(f"distribute: {PlanningError('unknown_type', name.strip()).message(lang)}")
        incoming[case_type] = incoming.get(case_type, 0) + cases
    return incoming


def _save(plan, team, args, read) -> None:
    """Apply the plan to ``team`` (``core.operations.apply_plan``, the edit the window makes) and
    write it to ``-o``; onto the team file itself only if nobody changed the file since it was
    read (``read``: its fingerprint then)."""
    if args.output:
        from sagstal_desktop.core.operations import apply_plan

        target = output_path(args.output, args.force, (".sagstal",))
        same = same_file(target, Path(args.file))
        apply_plan(team, plan.team_after)
        save_unless_changed(team, target, read if same else None, args.lang, args.ignore_lock)


def _read_print(args):
    """The team file's fingerprint before it is read, when ``-o`` writes it back (a hash of the
    whole file: not taken when the plan goes to another file)."""
    from sagstal_desktop.io.file_lock import fingerprint

    return fingerprint(args.file) if args.output and same_file(Path(args.output), Path(args.file)) else None


def _print_loads(plan, lang: str) -> None:
    from sagstal_desktop.core.formatting import format_percent
    from sagstal_desktop.core.planning.texts import over_text

    t = _labels(lang)
    width = max([len(p.name) for p in plan.persons] + [len(t["name"])])
    say(f"{t['name']:<{width}}  {t['before']:>9}  {t['after']:>9}")
    for p in plan.persons:
        say(f"{p.name:<{width}}  {format_percent(p.load_before, 1, lang):>9}  "
              f"{format_percent(p.load_after, 1, lang):>9}")
    say(f"{t['highest']}: {format_percent(plan.max_load_before, 1, lang)} → "
          f"{format_percent(plan.max_load_after, 1, lang)}")
    say(over_text(plan, plan.team_after.norm_set(), lang))  # the count over the maximum, before → after
    say(_proof(plan, lang))


def _proof(plan, lang: str) -> str:
    from sagstal_desktop.core.formatting import format_percent
    from sagstal_desktop.core.planning.texts import levels_text, other_level_text

    t = _labels(lang)
    other = other_level_text(plan, lang)  # case weight: cases counted at another level, no proof
    if other is not None:
        return other
    if plan.optimal:
        return t["optimal"]
    levels = levels_text(plan, lang)
    if levels is not None:
        return levels
    if getattr(plan, "max_load_proven", False):
        return t["top_proven"]
    gap = "?" if math.isinf(plan.gap) else format_percent(plan.gap, 2, lang)
    return t["unproven"].format(gap=gap)


def cmd_distribute(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.planning import PlanningError, assignment_text, distribute

    _check_time_limit(args, "distribute")
    read = _read_print(args)
    team = open_team(args.file)
    norm_set = team.norm_set()
    incoming = _parse_add(args.add, norm_set, args.lang)
    try:
        plan = distribute(team, incoming, args.as_of, norm_set, time_limit=args.time_limit, level=args.level)
    except PlanningError as exc:
        raise CliError(f"distribute: {exc.message(args.lang)}") from exc
    _save(plan, team, args, read)
    if args.json:
        print_json({
            "assignments": [{"member_id": a.member_id, "name": a.name, "case_type": a.case_type, "cases": a.cases}
                            for a in plan.assignments],
            "persons": _persons(plan),
            "max_load_pct_before": _pct(plan.max_load_before),
            "max_load_pct_after": _pct(plan.max_load_after),
            **_over_keys(plan),
            "optimal": plan.optimal,
            "gap_pct": _gap_pct(plan),
            "levels_proven": plan.levels_proven,
        }, pretty=args.pretty or None)
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
    from sagstal_desktop.core.planning import PlanningError, move_text
    from sagstal_desktop.core.planning.rebalance import plan_with_tradeoff

    _check_time_limit(args, "rebalance")
    read = _read_print(args)
    team = open_team(args.file)
    norm_set = team.norm_set()
    try:
        plan, points = plan_with_tradeoff(team, args.max_moves, args.as_of, norm_set, aim=args.aim,
                                          time_limit=args.time_limit)
    except PlanningError as exc:
        raise CliError(f"rebalance: {exc.message(args.lang)}") from exc
    _save(plan, team, args, read)
    if args.json:
        print_json({
            "aim": plan.aim,
            "max_moves": plan.max_moves,
            "moves": [{"from_id": m.from_id, "from_name": m.from_name, "to_id": m.to_id, "to_name": m.to_name,
                       "case_type": m.case_type, "cases": m.cases} for m in plan.moves],
            "moved_cases": plan.moved_cases,
            "max_load_pct_before": _pct(plan.max_load_before),
            "max_load_pct_after": _pct(plan.max_load_after),
            **_over_keys(plan),
            "persons": _persons(plan),
            "tradeoff": [{"max_moves": p.max_moves, "max_load_pct": _pct(p.max_load), "over_count": p.over_count}
                         for p in points],
            "optimal": plan.optimal,
            "gap_pct": _gap_pct(plan),
            "max_load_proven": plan.max_load_proven,
            "levels_proven": plan.levels_proven,
            "staff_at_proven_levels": plan.staff_proven,
            "loads_proven": plan.loads_proven,
            "other_level_cases": plan.other_level_cases,
            "other_level_moved": plan.other_level_moved,
        }, pretty=args.pretty or None)
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


def _over_keys(plan) -> dict[str, Any]:
    return {"over_count_before": plan.over_count_before, "over_count_after": plan.over_count_after,
            "pushed_over": [{"member_id": p.member_id, "name": p.name} for p in plan.pushed_over]}


def _check_time_limit(args: argparse.Namespace, command: str) -> None:
    """``--time-limit`` as typed ("10", "1,5") made a number of seconds, 0 to a day (not negative,
    NaN or infinite); a refusal is one line in the chosen language (the parser's own type check
    would speak before ``--lang`` is known)."""
    from sagstal_desktop.core.formatting import format_number
    from sagstal_desktop.core.validation import InputError, parse_number

    text = args.time_limit
    try:
        value = text if isinstance(text, float) else parse_number(str(text))
    except InputError:
        value = math.nan
    if not (math.isfinite(value) and 0 <= value <= MAX_TIME_LIMIT):
        raise CliError(f"{command}: " + tr(_BAD_TIME_LIMIT, args.lang).format(
            value=text, most=format_number(MAX_TIME_LIMIT, 0, args.lang)))
    args.time_limit = float(value)


_BAD_TIME_LIMIT = N_("--time-limit must be a number of seconds from 0 to {most} (not {value})")
#: The longest ``--time-limit`` taken (a day): a longer one is a typing error.
MAX_TIME_LIMIT = 86_400.0


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help=N_("a .sagstal team file"))
    add_as_of_option(p)
    p.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    add_pretty_option(p)
    p.add_argument("--time-limit", default=10.0,
                   help=N_("seconds for the whole plan, every solve included (default 10)"))
    add_output_options(p, "plan.sagstal", required=False)
    add_lock_option(p)
    add_lang_option(p)


def _level(text: str) -> str:
    """An argparse type: a case-weight level (``core.case_weight.parse_level_input``)."""
    from sagstal_desktop.core.case_weight import parse_level_input
    from sagstal_desktop.core.validation import InputError

    try:
        return parse_level_input(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.message(cli_language())) from exc


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``distribute`` and ``rebalance``."""
    p = sub.add_parser("distribute", help=N_("who takes new cases (lowest loads first, leximin)"))
    p.add_argument("--add", action="append", required=True, metavar="TYPE=N",
                   help=N_("N new cases of TYPE (id, Danish or English name); repeat for more types"))
    p.add_argument("--level", type=_level, default=None, metavar="enkel|kompleks|saerligt",
                   help=N_("case weight: the new cases' level, recorded in the split (default: not assessed, "
                           "counted at the team's default level)"))
    _common(p)
    p.set_defaults(func=cmd_distribute)
    p = sub.add_parser("rebalance", help=N_("which existing cases to move to lower the highest loads"))
    p.add_argument("--max-moves", type=int, default=None, metavar="K",
                   help=N_("move at most K cases (default: the fewest moves reaching the best plan with at most 20)"))
    p.add_argument("--aim", choices=("even", "fewest-over"), default="even",
                   help=N_("even: the highest load as low as possible, then the next (default); "
                        "fewest-over: fewest staff over the maximum, then as even"))
    _common(p)
    p.set_defaults(func=cmd_rebalance)

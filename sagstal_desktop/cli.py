"""``sagstal``: the command-line interface (demo, norms, summary, what-if, and more).

Every failure is one line on stderr and exit code 2; no tracebacks. Output is Danish by
default (``--lang en`` for English); ``--json`` gives machine-readable output whose keys are
documented in README.md.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from sagstal_desktop import __version__

#: Modules that add sub-commands: each has ``register(subparsers, common)``.
COMMAND_MODULES: tuple[str, ...] = ("sagstal_desktop.io.cli", "sagstal_desktop.report.cli")


class CliError(Exception):
    """A problem to report as one line and exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(f"{self.prog}: {message}")


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("da", "en"), default="da", help="output language (default: da)")


def _as_of(text: str) -> date:
    from sagstal_desktop.core.validation import InputError, parse_date

    try:
        day = parse_date(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.message("en")) from exc
    if day is None:
        raise argparse.ArgumentTypeError("a date is required")
    return day


def _amount(text: str, *, positive: bool = False) -> float:
    """A number typed on the command line, Danish or English notation ("5.000", "396.900,5")."""
    from sagstal_desktop.core.validation import InputError, parse_money

    try:
        value = parse_money(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.message("en")) from exc
    if value is None:
        raise argparse.ArgumentTypeError("a number is required")
    if positive and value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be a number above zero")
    return value


def _positive_float(text: str) -> float:
    return _amount(text, positive=True)


def _non_negative_float(text: str) -> float:
    return _amount(text)


def open_team(path: str):
    """Load a team document or raise CliError with the document's own message."""
    from sagstal_desktop.io.document import DocumentError, load_team

    try:
        return load_team(path)
    except DocumentError as exc:
        raise CliError(exc.message("en")) from exc


def choose_norm_set(team, set_id: str | None):
    """The norm set ``--norms`` names (or the team's own choice)."""
    from sagstal_desktop.core.norms import builtin_norm_sets, find_norm_set

    wanted = set_id or team.settings.norm_set_id
    try:
        return find_norm_set(wanted, team.custom_norm_sets)
    except KeyError:
        known = ", ".join(s.id for s in (*team.custom_norm_sets, *builtin_norm_sets()))
        raise CliError(f"unknown norm set {wanted!r}; known: {known}") from None


# -- demo -----------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.demo import demo_team
    from sagstal_desktop.io.document import DocumentError, save_team

    target = Path(args.output)
    if target.exists() and not args.force:
        raise CliError(f"{target} exists; use --force to overwrite it")
    try:
        save_team(demo_team(), target)
    except DocumentError as exc:
        raise CliError(exc.message("en")) from exc
    print(target)
    return 0


# -- norms ----------------------------------------------------------------------------------


def cmd_norms(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.formatting import format_range
    from sagstal_desktop.core.norms import builtin_norm_sets, case_type_name

    sets = list(builtin_norm_sets())
    if args.file:
        sets = list(open_team(args.file).custom_norm_sets) + sets
    if args.id:
        sets = [s for s in sets if s.id == args.id]
        if not sets:
            raise CliError(f"unknown norm set {args.id!r}")
    lang = args.lang
    if args.json:
        json.dump([s.to_dict() for s in sets], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for norm_set in sets:
        default = (" (standard)" if lang == "da" else " (default)") if norm_set.is_default else ""
        print(f"{norm_set.id}: {norm_set.name(lang)}{default}")
        if norm_set.source:
            print(f"  {'Kilde' if lang == 'da' else 'Source'}: {norm_set.source.cite(lang)}")
        for group in norm_set.groups:
            print(f"  {group.name(lang)}: {format_range(group.min, group.max, lang)}")
            for norm in group.types:
                flags = []
                if norm.inherited:
                    flags.append("arver områdets interval" if lang == "da" else "inherits the area's range")
                if norm.survey is not None:
                    flags.append(f"n={norm.survey.n}")
                    if norm.few_answers:
                        flags.append("for få svar" if lang == "da" else "too few answers")
                extra = f" ({', '.join(flags)})" if flags else ""
                print(f"    - {case_type_name(norm.case_type, lang)} [{norm.case_type}]: "
                      f"{format_range(norm.min, norm.max, lang)}{extra}")
                if norm.source and not norm.inherited and norm.source != group.source:
                    print(f"      {'Kilde' if lang == 'da' else 'Source'}: {norm.source.cite(lang)}")
            if group.source:
                print(f"    {'Kilde' if lang == 'da' else 'Source'}: {group.source.cite(lang)}")
        print()
    return 0


# -- summary --------------------------------------------------------------------------------


def summary_data(team, summary, norm_set, source_file: str | None = None) -> dict[str, Any]:
    """The ``summary --json`` document (keys documented in README.md)."""
    from sagstal_desktop.core.survey import national_context

    def pct(fraction: float | None) -> float | None:
        return None if fraction is None else fraction * 100

    members = {m.id: m for m in team.staff}
    levels = ("max", "mid", "min")
    effective = summary.effective_range
    return {
        "file": source_file,
        "as_of": summary.as_of.isoformat(),
        "team": {
            "municipality": team.info.municipality,
            "department": team.info.department,
            "team_name": team.info.team_name,
            "author_role": team.info.author_role,
        },
        "norm_set": {"id": norm_set.id, "name": norm_set.name("da"), "name_en": norm_set.name("en"),
                     "full_time_hours": norm_set.full_time_hours},
        "settings": {
            "newcomer_reduction": team.settings.newcomer_reduction,
            "newcomer_months": team.settings.newcomer_months,
            "cost_per_fte": team.settings.cost_per_fte,
        },
        "staff": [
            {
                "id": p.member_id,
                "name": p.name,
                "weekly_hours": p.weekly_hours,
                "other_hours": members[p.member_id].other_hours,
                "casework_hours": p.casework_hours,
                "newcomer": p.newcomer,
                "capacity_fte": p.capacity,
                "counts": dict(members[p.member_id].counts),
                "total_cases": p.total_cases,
                "uncovered_cases": p.uncovered_cases,
                "fte_caseload": p.fte_caseload,
                "load_max_pct": pct(p.load_max),
                "load_min_pct": pct(p.load_min),
                "status": p.status.value,
            }
            for p in summary.persons
        ],
        "summary": {
            "staff_count": summary.staff_count,
            "total_cases": summary.total_cases,
            "covered_cases": summary.covered_cases,
            "cases_by_type": summary.cases_by_type,
            "uncovered_by_type": summary.uncovered_by_type,
            "available_fte": summary.available_fte,
            "fte_needed": {lvl: summary.fte_needed(lvl) for lvl in levels},
            "shortfall_fte": {lvl: summary.shortfall(lvl) for lvl in levels},
            "cost_per_fte": summary.cost_per_fte,
            "yearly_cost": None if summary.cost_per_fte is None
            else {lvl: summary.yearly_cost(lvl) for lvl in levels},
            "over_count": summary.over_count,
            "within_count": summary.within_count,
            "below_count": summary.below_count,
            "not_computable_count": summary.not_computable_count,
            "share_within_max_pct": pct(summary.share_within_max),
            "average_fte_caseload": summary.average_fte_caseload,
            "effective_range": list(effective) if effective else None,
            "groups": [
                {"id": g.group_id, "cases": g.cases, "fte_needed": {"max": g.fte_needed_max,
                 "mid": g.fte_needed_mid, "min": g.fte_needed_min}}
                for g in summary.groups
            ],
        },
        "national_2023": [
            {"area": a.id, "name": a.name_da, "answers": a.answers, "average_2023": a.average_2023,
             "average_2019": a.average_2019, "too_high_pct": a.too_high_pct, "assessed": a.assessed,
             "ds_range": [a.ds_min, a.ds_max] if a.ds_max else None, "within_pct": a.within_pct,
             "source": a.source.cite("da")}
            for a in national_context(summary.cases_by_type)
        ],
    }


_LABELS = {
    "da": {
        "norms": "Normsæt", "as_of": "Opgjort", "name": "Navn", "hours": "Timer", "fte": "Årsværk",
        "cases": "Sager", "ftecl": "Fuldtidssagstal", "load": "Belastning", "status": "Status",
        "available": "Årsværk til sagsbehandling", "need": "Årsværk der skal til ved DS' ",
        "max": "maksimum", "mid": "midtpunkt", "min": "minimum", "short": "Mangler", "surplus": "Overskud",
        "cost": "Årlig udgift (ved maksimum)", "over": "Medarbejdere over DS' maksimum",
        "avg": "Gennemsnitligt fuldtidssagstal", "range": "DS-interval for teamets sager",
        "uncovered": "Sager uden norm i normsættet",
        "below": "under", "within": "inden for", "over_s": "over", "not_computable": "kan ikke beregnes",
    },
    "en": {
        "norms": "Norm set", "as_of": "As of", "name": "Name", "hours": "Hours", "fte": "FTE",
        "cases": "Cases", "ftecl": "FTE caseload", "load": "Load", "status": "Status",
        "available": "Available casework FTE", "need": "FTE needed at DS ",
        "max": "maximum", "mid": "midpoint", "min": "minimum", "short": "Shortfall", "surplus": "Surplus",
        "cost": "Yearly cost (at maximum)", "over": "Staff over DS maximum",
        "avg": "Average full-time-equivalent caseload", "range": "DS range for the team's cases",
        "uncovered": "Cases with no norm in the set",
        "below": "below", "within": "within", "over_s": "over", "not_computable": "not computable",
    },
}


def cmd_summary(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.formatting import format_dkk, format_number, format_percent, format_range
    from sagstal_desktop.core.load import summarize

    team = open_team(args.file)
    norm_set = choose_norm_set(team, args.norms)
    summary = summarize(team, args.as_of, norm_set)
    if args.json:
        json.dump(summary_data(team, summary, norm_set, args.file), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    lang, t = args.lang, _LABELS[args.lang]
    status_text = {"below": t["below"], "within": t["within"], "over": t["over_s"],
                   "not_computable": t["not_computable"]}
    title = " – ".join(x for x in (team.info.municipality, team.info.department, team.info.team_name) if x)
    print(title)
    print(f"{t['norms']}: {norm_set.name(lang)}")
    print(f"{t['as_of']}: {summary.as_of.isoformat()}")
    print()
    width = max([len(p.name) for p in summary.persons] + [len(t["name"])])
    print(f"{t['name']:<{width}}  {t['hours']:>6}  {t['fte']:>6}  {t['cases']:>5}  {t['ftecl']:>15}  "
          f"{t['load']:>10}  {t['status']}")
    for p in summary.persons:
        print(f"{p.name:<{width}}  {format_number(p.weekly_hours, 1, lang):>6}  "
              f"{format_number(p.capacity, 2, lang):>6}  {p.total_cases:>5}  "
              f"{format_number(p.fte_caseload, 1, lang):>15}  {format_percent(p.load_max, 1, lang):>10}  "
              f"{status_text[p.status.value]}")
    print()
    print(f"{t['available']}: {format_number(summary.available_fte, 2, lang)}")
    for level in ("max", "mid", "min"):
        print(f"{t['need']}{t[level]}: {format_number(summary.fte_needed(level), 2, lang)}"
              f"  ({t['short'] if summary.shortfall(level) > 0 else t['surplus']} "
              f"{format_number(abs(summary.shortfall(level)), 2, lang)})")
    if summary.cost_per_fte is not None:
        print(f"{t['cost']}: {format_dkk(summary.yearly_cost('max'), lang)}")
    print(f"{t['over']}: {summary.over_count} / {summary.computable_count}")
    print(f"{t['avg']}: {format_number(summary.average_fte_caseload, 1, lang)}")
    if summary.effective_range:
        print(f"{t['range']}: {format_range(*summary.effective_range, lang)}")
    if summary.uncovered_by_type:
        print(f"{t['uncovered']}: {summary.uncovered_by_type}")
    return 0


# -- what-if --------------------------------------------------------------------------------


def cmd_whatif(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.formatting import format_dkk, format_number
    from sagstal_desktop.core.whatif import TargetWhatIf

    try:
        what = TargetWhatIf(args.cases, args.current, args.target, args.cost_per_fte)
    except ValueError as exc:
        raise CliError(f"whatif: {exc}") from exc
    if args.json:
        json.dump({"cases": what.cases, "current": what.current, "target": what.target,
                   "fte_now": what.fte_now, "fte_at_target": what.fte_at_target, "extra_fte": what.extra_fte,
                   "cost_per_fte": what.cost_per_fte, "yearly_cost": what.yearly_cost}, sys.stdout, indent=2)
        print()
        return 0
    lang = args.lang
    n = format_number
    if lang == "da":
        print(f"{n(what.cases, 0, lang)} sager med {n(what.current, 1, lang)} pr. medarbejder: "
              f"{n(what.fte_now, 2, lang)} årsværk")
        print(f"Med {n(what.target, 1, lang)} pr. medarbejder: {n(what.fte_at_target, 2, lang)} årsværk")
        print(f"Ekstra årsværk: {n(what.extra_fte, 2, lang)}")
        if what.yearly_cost is not None:
            print(f"Årlig udgift: {format_dkk(what.yearly_cost, lang)}")
    else:
        print(f"{n(what.cases, 0, lang)} cases at {n(what.current, 1, lang)} per worker: "
              f"{n(what.fte_now, 2, lang)} FTE")
        print(f"At {n(what.target, 1, lang)} per worker: {n(what.fte_at_target, 2, lang)} FTE")
        print(f"Extra FTE: {n(what.extra_fte, 2, lang)}")
        if what.yearly_cost is not None:
            print(f"Yearly cost: {format_dkk(what.yearly_cost, lang)}")
    return 0


# -- entry point ----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="sagstal", description="Caseloads against DS' vejledende sagstal.")
    parser.add_argument("--version", action="version", version=f"sagstal {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("demo", help="write the built-in demo team to a file")
    p.add_argument("-o", "--output", required=True, help="file to write, e.g. demo.sagstal")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("norms", help="list the norm sets and their ranges with sources")
    p.add_argument("id", nargs="?", help="only this norm set")
    p.add_argument("--file", help="also list the team file's own norm sets")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    _lang_option(p)
    p.set_defaults(func=cmd_norms)

    p = sub.add_parser("summary", help="loads and team summary for a team file")
    p.add_argument("file", help="a .sagstal team file")
    p.add_argument("--norms", help="measure against this norm set instead of the team's choice")
    p.add_argument("--as-of", type=_as_of, default=None, help="date to compute for (default: today)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    _lang_option(p)
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("whatif", help="extra staff needed to move from one caseload to another")
    p.add_argument("--cases", type=_non_negative_float, required=True, help="number of cases (citizens)")
    p.add_argument("--current", type=_positive_float, required=True, help="current cases per worker")
    p.add_argument("--target", type=_positive_float, required=True, help="target cases per worker")
    p.add_argument("--cost-per-fte", type=_non_negative_float, default=None, help="yearly DKK per FTE")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    _lang_option(p)
    p.set_defaults(func=cmd_whatif)

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        func: Callable[[argparse.Namespace], int] = args.func
        return func(args)
    except CliError as exc:
        print(str(exc).splitlines()[0] if str(exc) else "sagstal: error", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())

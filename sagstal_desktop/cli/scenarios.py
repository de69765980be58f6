"""``sagstal scenarios`` / ``scenario add`` / ``compare``: the team file's scenarios, making one,
and the current team and scenarios side by side (text, JSON or an Excel workbook)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from sagstal_desktop.cli.common import (
    CliError,
    add_as_of_option,
    add_lang_option,
    add_lock_option,
    add_pretty_option,
    as_of_date,
    ceiling_amount,
    cli_text,
    hours_amount,
    name_text,
    open_team,
    output_path,
    print_json,
    say,
    terminal_text,
    update_team_file,
)
from sagstal_desktop.core.norms import NormError
from sagstal_desktop.i18n import N_, ntr, tr


def _absence_text(absence, lang: str) -> str:
    from sagstal_desktop.core.formatting import format_date
    from sagstal_desktop.core.scenario_model import absence_label

    label = absence_label(absence.kind, lang)
    if absence.kind == "vacant":
        return label
    return f"{label} {format_date(absence.start, lang) or '…'}–{format_date(absence.end, lang) or '…'}"


def cmd_scenarios(args: argparse.Namespace) -> int:
    team = open_team(args.file)
    names = {m.id: m.name for m in team.staff}
    if args.json:
        print_json({"file": args.file, "scenarios": [
            {"name": s.name, "based_on": s.based_on or None, "staff_count": len(s.inputs.get("staff") or ()),
             "norm_set": (s.inputs.get("settings") or {}).get("norm_set_id"), "redistribute": s.redistribute,
             "positions_take_cases": s.positions_take_cases, "target_caseload": s.target_caseload,
             "absences": [a.to_dict() for a in s.absences]}
            for s in team.scenarios]}, pretty=args.pretty or None)
        return 0
    if not team.scenarios:
        say(tr("No scenarios in the file.", args.lang))
    for s in team.scenarios:
        staff = {m["id"]: m["name"] for m in s.inputs.get("staff") or ()}
        away = ", ".join(f"{staff.get(a.member_id) or names.get(a.member_id, a.member_id)}: "
                         f"{_absence_text(a, args.lang)}" for a in s.absences)
        line = ntr("{name}: {n} staff member", "{name}: {n} staff", len(staff), args.lang).format(
            name=s.name, n=len(staff))
        say(line + (f"; {away}" if away else ""))
    return 0


def _person(team, text: str) -> str:
    """The id of the staff member named or id'd ``text``."""
    for member in team.staff:
        if text in (member.id, member.name):
            return member.id
    raise CliError(cli_text(N_("scenario add: no staff member {name}"), name=repr(text)))


def _absence(team, text: str):
    from sagstal_desktop.core.scenario_model import Absence

    person, *dates = text.split(":")
    if len(dates) not in (0, 2):
        raise CliError(cli_text(N_("scenario add: --absent {value}: give PERSON or PERSON:FROM:TO"),
                                value=repr(text)))
    try:
        start, end = ((as_of_date(d) if d else None) for d in dates) if dates else (None, None)
        return Absence(_person(team, person), "sick" if dates else "other", start, end)
    except (ValueError, argparse.ArgumentTypeError) as exc:
        raise CliError(f"scenario add: --absent {text!r}: {exc}") from exc


def cmd_scenario_add(args: argparse.Namespace) -> int:
    target = output_path(args.output, args.force, (".sagstal",)) if args.output else output_path(args.file, True)
    # read, add and save under the target's write lock (a concurrent writer is never erased)
    update_team_file(args.file, lambda team: _add_scenario(team, args), target, args.lang, args.ignore_lock)
    return 0


def _add_scenario(team, args: argparse.Namespace) -> None:
    from sagstal_desktop.core import scenarios as sc
    from sagstal_desktop.core.formatting import format_number
    from sagstal_desktop.core.operations import add_scenario
    from sagstal_desktop.core.scenario_model import Absence

    try:
        base = sc.find(team, args.based_on) if args.based_on else None
        scenario = sc.derive(team, args.name, base)
        for hours in args.add_position or ():
            sc.add_position(scenario, team, tr("New position {hours} h", args.lang).format(
                hours=format_number(hours, 0 if float(hours).is_integer() else 1, args.lang)), hours)
        for person in args.remove or ():
            sc.remove_position(scenario, team, _person(team, person))
        if args.norms:
            sc.set_norm_set(scenario, team, args.norms)
        if args.ceiling:
            sc.set_own_ceiling(scenario, team, args.ceiling, tr("Ceiling {n}", args.lang).format(
                n=format_number(args.ceiling, 0 if float(args.ceiling).is_integer() else 1, args.lang)))
        if args.target:
            sc.set_target_caseload(scenario, args.target)
        for text in args.absent or ():
            sc.set_absence(scenario, _absence(team, text))
        for person in args.vacant or ():
            sc.set_absence(scenario, Absence(_person(team, person), "vacant"))
    except (sc.ScenarioError, KeyError, NormError) as exc:
        raise CliError(f"scenario add: {terminal_text(exc)}") from exc
    scenario.redistribute = args.redistribute
    scenario.positions_take_cases = args.positions_take_cases
    try:
        add_scenario(team, scenario)  # the core operation the window's "New scenario" uses
    except sc.ScenarioError as exc:
        raise CliError(f"scenario add: {terminal_text(exc)}") from exc


def variant_data(result, lang: str) -> dict[str, Any]:
    """One variant in ``compare --json``: ``summary`` and ``staff`` as ``summary --json`` has them."""
    from sagstal_desktop.cli.summary import summary_data

    data = summary_data(result.team, result.summary, result.norm_set, result=result)
    return {
        "name": result.name or None, "norm_set": data["norm_set"], "summary": data["summary"],
        "staff": data["staff"], "absent": result.absent, "without_caseworker": result.without_caseworker,
        "assigned": [{"id": a.member_id, "name": a.name, "case_type": a.case_type, "cases": a.cases}
                     for a in result.assigned],
        "taken": [{"from_id": t.from_id, "from_name": t.from_name, "id": t.member_id, "name": t.name,
                   "case_type": t.case_type, "cases": t.cases} for t in result.taken],
        "target": None if result.target is None else {
            "target_caseload": result.target.target, "current": result.target.current,
            "fte_at_target": result.target.fte_at_target, "extra_fte": result.target.extra_fte,
            "yearly_cost": result.target.yearly_cost},
    }


def cmd_compare(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.comparison import FIGURE_KEYS, compare
    from sagstal_desktop.core.scenarios import ScenarioError

    team = open_team(args.file)
    target = output_path(args.output, args.force, (".xlsx",)) if args.output else None
    if args.anonymise and (args.json or target is None):
        raise CliError(tr("compare: --anonymise applies to the workbook (-o); the printed table and --json name "
                          "every person", args.lang))
    as_of, names, left_out = args.as_of or date.today(), args.scenario, 0
    try:
        if args.anonymise:  # leave out scenarios whose figures could single a person out
            from sagstal_desktop.core.anonymise import shown_scenarios
            from sagstal_desktop.core.scenarios import find

            names = [find(team, n).name for n in names] if names is not None else [s.name for s in team.scenarios]
            names, left_out = shown_scenarios(team, names, as_of)
        result = compare(team, names, as_of, args.lang)
    except ScenarioError as exc:
        raise CliError(f"compare: {exc}") from exc
    if target is not None:
        from sagstal_desktop.io.compare_table import export_xlsx
        from sagstal_desktop.io.problems import system_reason

        try:
            export_xlsx(result, target, args.lang, anonymise=args.anonymise, left_out=left_out)
        except OSError as exc:
            raise CliError(cli_text(N_("compare: {file} could not be written: {reason}"), file=target,
                                    reason=system_reason(exc, args.lang))) from exc
        if left_out:
            from sagstal_desktop.core.anonymise import left_out_text

            say(left_out_text(left_out, args.lang))
    if args.json:
        current, *others = result.results
        print_json({"file": args.file, "as_of": result.as_of.isoformat(), "current": variant_data(current, args.lang),
                    "scenarios": [variant_data(r, args.lang) for r in others]}, pretty=args.pretty or None)
    elif target is None:
        _print_table(result, FIGURE_KEYS, args.lang)
    return 0


def _print_table(result, keys, lang: str) -> None:
    from sagstal_desktop.core.formatting import format_dkk, format_number, format_percent

    def cell(key: str, value) -> str:
        if isinstance(value, str):
            return value
        if value is None:
            return "–"
        if key in ("yearly_cost", "target_yearly_cost"):
            return format_dkk(value, lang)
        if key in ("over_count", "cases_without_caseworker", "absent_count"):
            return str(value)
        return format_number(value, 1 if key == "average_fte_caseload" else 2, lang)

    rows = [["", *result.names]] + [[result.labels[k], *(cell(k, f[k]) for f in result.figures)] for k in keys]
    rows.append([result.labels["load"], *[""] * len(result.names)])
    rows += [[tr("{name} (absent)", lang).format(name=p.name) if any(p.absent) else p.name,
              *(format_percent(x, 0, lang) for x in p.loads)] for p in result.persons]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        say("  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(row)).rstrip())


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``scenarios`` (also ``scenario list``), ``scenario add`` and ``compare``."""
    p = sub.add_parser("scenarios", help=N_("list the scenarios in a team file"))
    p.add_argument("file", help=N_("a .sagstal team file"))
    p.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    add_pretty_option(p)
    add_lang_option(p)
    p.set_defaults(func=cmd_scenarios)

    p = sub.add_parser("scenario", help=N_("make or list the scenarios in a team file"))
    verbs = p.add_subparsers(dest="verb", required=True, metavar="VERB", parser_class=type(p))
    listing = verbs.add_parser("list", help=N_("list the scenarios in a team file (as sagstal scenarios)"))
    listing.add_argument("file", help=N_("a .sagstal team file"))
    listing.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    add_pretty_option(listing)
    add_lang_option(listing)
    listing.set_defaults(func=cmd_scenarios)
    a = verbs.add_parser("add", help=N_("add a scenario derived from the team (or another scenario)"))
    a.add_argument("file", help=N_("a .sagstal team file"))
    a.add_argument("--name", required=True, type=name_text, help=N_("the scenario's name"))
    a.add_argument("--based-on", help=N_("derive from this scenario instead of the team"))
    a.add_argument("--absent", action="append", metavar="PERSON[:FROM:TO]", help=N_("absent (name or id)"))
    a.add_argument("--vacant", action="append", metavar="PERSON", help=N_("a vacant position (name or id)"))
    a.add_argument("--add-position", action="append", type=hours_amount, metavar="HOURS")
    a.add_argument("--remove", action="append", metavar="PERSON", help=N_("remove a position with its cases"))
    a.add_argument("--norms", help=N_("measure the scenario against this norm set"))
    a.add_argument("--ceiling", type=ceiling_amount, help=N_("an own ceiling: every range's maximum set to N"))
    a.add_argument("--target", type=ceiling_amount, help=N_("a target caseload to compare with"))
    a.add_argument("--redistribute", action=argparse.BooleanOptionalAction, default=True,
                   help=N_("hand absent colleagues' cases to others (default) or leave them without a caseworker"))
    a.add_argument("--positions-take-cases", action=argparse.BooleanOptionalAction, default=True,
                   help=N_("added positions take cases from the most loaded colleagues by the same rule (default)"))
    a.add_argument("-o", "--output", help=N_("write to this file instead of changing FILE"))
    a.add_argument("--force", action="store_true", help=N_("overwrite an existing output file"))
    add_lock_option(a)
    add_lang_option(a)
    a.set_defaults(func=cmd_scenario_add)

    p = sub.add_parser("compare", help=N_("the current team and its scenarios side by side"))
    p.add_argument("file", help=N_("a .sagstal team file"))
    p.add_argument("--scenario", action="append", metavar="NAME", help=N_("compare this scenario (default: all)"))
    add_as_of_option(p)
    p.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    add_pretty_option(p)
    p.add_argument("-o", "--output", help=N_("write the comparison to an Excel workbook (.xlsx)"))
    p.add_argument("--anonymise", "--anonymize", action="store_true",
                   help=N_("the workbook without names: scenarios numbered, staff per load band instead of per person"))
    p.add_argument("--force", action="store_true", help=N_("overwrite an existing output file"))
    add_lang_option(p)
    p.set_defaults(func=cmd_compare)

"""``sagstal department DIR|FILE...``: the department overview of many team files.

Reads every team file read-only (``io.department_reader``), rolls them up with the core's model
(``core.department.roll_up``), lists what keeps the teams from being compared, and with
``--positions N`` places N new positions where they lower the highest team load most
(``core.planning.positions``). Exit 0 with problems listed; ``--strict`` exits 2 on any problem.
"""

from __future__ import annotations

import argparse

from sagstal_desktop.cli.common import (
    CliError,
    add_as_of_option,
    add_lang_option,
    add_pretty_option,
    cli_text,
    hours_amount,
    output_path,
    positive_amount,
    print_json,
    say,
)
from sagstal_desktop.i18n import N_, tr

_TEXT = {
    "title": N_("Department overview: {files}"),
    "as_of": N_("As of {date}"),
    "norms": N_("Every team measured against {set}"),
    "copies": N_("A copy of a team file is shown but counted once in the total."),
    "total": N_("Total"),
    "free": N_("Free capacity at <max>: {fte} FTE ({cases} cases); a surplus in one team is not moved to another."),
    "cost": N_("Yearly cost of closing each team's own shortfall at <max>: {cost} ({teams} of {all} teams have a "
               "cost per FTE)."),
    "calculation": N_("FTE needed, shortfall, free capacity and cost are Sagstal's calculation on each team file's "
                      "own figures (cases, hours, cost per FTE) measured against <max>."),
    "sustained": N_("Teams in sustained overload (over <max> in at least {over} of their last {of} monthly "
                    "snapshots): {teams}"),
    "problems": N_("Problems ({n}):"),
    "no_problems": N_("No problems: the teams are measured alike."),
    "changed": N_("Measured against {set} instead of their own norm set:"),
    "changed_row": N_("  {team} ({file}): own set {own}, load {own_load} -> {load}"),
    "positions": N_("Where {n} new FTE do most good (steps of {hours} hours; Sagstal's calculation):"),
    "positions_head": N_("  the highest team load from {before} to {after}; a proportional split by FTE needed gives "
                         "{prop}"),
    "not_proven": N_("  The time limit cut the search short: the best placing found, at most {gap} from the "
                     "best possible."),
    "open": N_("(open for editing)"),
    "copy": N_("(copy, not counted)"),
    "written": N_("Written: {file}"),
}
_HEAD = (N_("Team"), N_("Staff"), N_("Cases"), N_("FTE needed at <max>"), N_("Available casework FTE"),
         N_("Shortfall at <max> (FTE)"), N_("Load"), N_("Over"), N_("Sustained"), N_("Latest snapshot"))
_POS_HEAD = (N_("Team"), N_("New FTE"), N_("Load before"), N_("Load after"), N_("Proportional"),
             N_("Load after proportional"))
_YES, _NO = N_("yes"), N_("no")


def cmd_department(args: argparse.Namespace) -> int:
    from sagstal_desktop.io.gc_pause import paused_gc

    # The teams read are let go (by reference counting) before the collector runs again: its
    # passes over every team read cost about as much as the roll-up (``io.gc_pause``).
    with paused_gc():
        return _department(args)


def _department(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.department import DepartmentError, department_json, roll_up
    from sagstal_desktop.io.department_reader import NoTeamFiles, read_department

    lang = args.lang
    target = output_path(args.output, args.force, (".xlsx",)) if args.output else None
    try:
        sources = read_department(args.paths)
        if not any(source.team is not None for source in sources):
            raise CliError(cli_text(N_("department: none of the {n} team files could be read: {reasons}"),
                                    n=len(sources), reasons=" ".join(_unreadable(source, lang) for source in sources)))
        department = roll_up(sources, args.as_of, args.norms)
    except NoTeamFiles as exc:
        raise CliError(f"department: {exc.message(lang)}") from exc
    except DepartmentError as exc:
        raise CliError(f"department: {exc.message(lang)}") from exc
    plan = place_positions(department, args) if args.positions is not None else None
    if target is not None:
        from sagstal_desktop.io.department_export import export_department
        from sagstal_desktop.io.problems import system_reason

        try:
            export_department(department, target, lang, plan)
        except OSError as exc:
            raise CliError(cli_text(N_("department: {file} could not be written: {reason}"), file=target,
                                    reason=system_reason(exc, lang))) from exc
    if args.json:
        data = department_json(department, lang)
        if plan is not None:
            data["positions"] = _positions_json(plan)
            data["positions_plan"] = _plan_json(plan)
        print_json(data, pretty=args.pretty or None)
    else:
        _print(department, plan, lang)
        if target is not None:
            say(tr(_TEXT["written"], lang).format(file=target))
    return 2 if args.strict and department.problems else 0


def _unreadable(source, lang: str) -> str:
    """The reader's own message for a file that could not be read, in ``lang``."""
    error = source.error
    return error(lang) if callable(error) else str(error)


def place_positions(department, args: argparse.Namespace, command: str = "department"):
    """The ``--positions N`` (in steps of ``--position-hours``) placed across the teams, for
    ``sagstal department`` and ``sagstal memo --department``; a refusal is ``command``'s error."""
    from sagstal_desktop.core.planning.positions import PositionError, department_positions

    hours = args.position_hours if args.position_hours is not None else department.full_time_hours
    try:
        return department_positions(department, args.positions, hours / department.full_time_hours)
    except PositionError as exc:
        raise CliError(f"{command}: {exc.message(args.lang)}") from exc


def _pct(fraction: float | None) -> float | None:
    return None if fraction is None else fraction * 100


def _positions_json(plan) -> list[dict]:
    return [{"team_name": s.team_name, "extra_fte": s.extra_fte, "load_max_pct_before": _pct(s.load_before),
             "load_max_pct_after": _pct(s.load_after), "file": s.file, "proportional_fte": s.proportional_fte,
             "load_max_pct_after_proportional": _pct(s.load_after_proportional)} for s in plan.shares]


def _plan_json(plan) -> dict:
    return {"positions_fte": plan.positions_fte, "step_fte": plan.step_fte, "optimal": plan.optimal,
            "gap": plan.gap, "max_load_pct_before": _pct(plan.max_load_before),
            "max_load_pct_after": _pct(plan.max_load_after),
            "max_load_pct_after_proportional": _pct(plan.max_load_after_proportional)}


def _table(rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        line = "  ".join(cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row))
        say(line.rstrip())


def _print(department, plan, lang: str) -> None:
    from sagstal_desktop.core.department import sustained_rule
    from sagstal_desktop.core.formatting import format_date, format_dkk, format_number
    from sagstal_desktop.core.wording import fill, format_load
    from sagstal_desktop.io.department_export import PROBLEM_LABELS

    kind = department.words_kind

    def text(key: str) -> str:
        return fill(tr(_TEXT[key], lang), kind, lang)

    say(text("title").format(files=department.files_text(lang)))
    say(text("as_of").format(date=format_date(department.as_of, lang)))
    if department.chosen_norm_set is not None:
        say(text("norms").format(set=department.chosen_norm_set.name(lang)))
    say()
    rows = [[fill(tr(h, lang), kind, lang) for h in _HEAD]]
    for row in department.teams:
        marks = [text("copy")] if not row.counted else []
        if row.locked_by is not None:
            marks.append(text("open"))
        rows.append([" ".join([row.display_name, *marks]), format_number(row.staff, 0, lang),
                     format_number(row.cases, 0, lang),
                     format_number(row.fte_needed("max"), 2, lang), format_number(row.available_fte, 2, lang),
                     format_number(row.shortfall("max"), 2, lang), format_load(row.load_max, lang),
                     format_number(row.over_count, 0, lang), tr(_YES if row.sustained_overload else _NO, lang),
                     format_date(row.last_snapshot, lang) if row.last_snapshot else "–"])
    total = department.totals
    rows.append([text("total"), format_number(total.staff, 0, lang), format_number(total.cases, 0, lang),
                 format_number(total.fte_needed["max"], 2, lang),
                 format_number(total.available_fte, 2, lang), format_number(total.shortfall_fte["max"], 2, lang),
                 format_load(total.load_max, lang), format_number(total.over_count, 0, lang),
                 format_number(total.sustained_overload_teams, 0, lang), ""])
    _table(rows)
    if any(not row.counted for row in department.teams):
        say(text("copies"))
    say()
    say(text("free").format(fte=format_number(total.free_fte, 2, lang), cases=format_number(total.free_cases, 0, lang)))
    if total.yearly_cost is not None:
        say(text("cost").format(cost=format_dkk(total.yearly_cost["max"], lang), teams=total.yearly_cost_teams,
                                all=total.teams))
    say(text("calculation"))
    over, of = sustained_rule()
    say(text("sustained").format(over=over, of=of, teams=total.sustained_overload_teams))
    if department.norms_changed:
        say()
        say(text("changed").format(set=department.chosen_norm_set.name(lang)))
        for change in department.norms_changed:
            say(tr(_TEXT["changed_row"], lang).format(
                team=change.team_name, file=change.file, own=change.own_norm_set_id,
                own_load=format_load(change.load_max_own, lang), load=format_load(change.load_max_chosen, lang)))
    say()
    if department.problems:
        say(text("problems").format(n=len(department.problems)))
        for problem in department.problems:
            say(f"  - {tr(PROBLEM_LABELS[problem.kind], lang)}: {problem.message(lang)}")
    else:
        say(text("no_problems"))
    if plan is not None:
        say()
        say(text("positions").format(n=format_number(plan.positions_fte, 1 if plan.positions_fte % 1 else 0, lang),
                                     hours=format_number(plan.step_fte * department.full_time_hours, 1, lang)))
        say(text("positions_head").format(before=format_load(plan.max_load_before, lang),
                                          after=format_load(plan.max_load_after, lang),
                                          prop=format_load(plan.max_load_after_proportional, lang)))
        if not plan.optimal:
            from sagstal_desktop.core.formatting import format_percent

            say(text("not_proven").format(gap=format_percent(plan.gap, 1, lang)))
        rows = [[tr(h, lang) for h in _POS_HEAD]]
        for share in plan.shares:
            rows.append([share.team_name, format_number(share.extra_fte, 1, lang), format_load(share.load_before, lang),
                         format_load(share.load_after, lang), format_number(share.proportional_fte, 2, lang),
                         format_load(share.load_after_proportional, lang)])
        _table(rows)


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``department``."""
    p = sub.add_parser("department", help=N_("overview of many team files: a folder or a list of files"))
    p.add_argument("paths", nargs="+", metavar="DIR|FILE", help=N_("a folder of .sagstal team files, or team files"))
    p.add_argument("--norms", metavar="ID", help=N_("measure every team against this norm set"))
    add_as_of_option(p)
    p.add_argument("--positions", type=positive_amount, metavar="N",
                   help=N_("place N new full-time positions where they lower the highest team load most"))
    p.add_argument("--position-hours", type=hours_amount, metavar="H",
                   help=N_("place the positions in steps of H weekly hours (default: whole positions of 37 hours)"))
    p.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    add_pretty_option(p)
    p.add_argument("--strict", action="store_true", help=N_("exit 2 if there is any problem"))
    p.add_argument("-o", "--output", metavar="FILE", help=N_("also write the overview as a workbook (.xlsx)"))
    p.add_argument("--force", action="store_true", help=N_("overwrite an existing file"))
    add_lang_option(p)
    p.set_defaults(func=cmd_department)

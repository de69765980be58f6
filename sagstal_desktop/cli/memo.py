"""``sagstal memo FILE -o memo.pdf``: write the PDF staffing memo from the command line.

``--full-list`` / ``--no-full-list`` choose whether every staff member is listed; by default a
team of up to ``memo_full_list_max_staff`` (``resources/defaults.json``) is, a larger team gets
an overview and no list (``--full-list`` adds the list as an appendix)."""

from __future__ import annotations

import argparse

from sagstal_desktop.cli.common import (
    CliError,
    add_as_of_option,
    add_lang_option,
    as_of_date,
    choose_norm_set,
    cli_text,
    hours_amount,
    open_team,
    output_path,
    positive_amount,
    say,
)
from sagstal_desktop.core.validation import budget_first_year_range
from sagstal_desktop.i18n import N_, ntr
from sagstal_desktop.report.options import MAX_BUDGET_YEARS, MIN_BUDGET_YEARS, full_list_max_staff


def _budget_years(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(cli_text(N_("{value} is not a whole number"), value=repr(text))) from None
    if not MIN_BUDGET_YEARS <= value <= MAX_BUDGET_YEARS:
        raise argparse.ArgumentTypeError(cli_text(N_("must be {low}-{high}"), low=MIN_BUDGET_YEARS,
                                                  high=MAX_BUDGET_YEARS))
    return value


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(cli_text(N_("{value} is not a year"), value=repr(text))) from None
    low, high = budget_first_year_range()
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(cli_text(N_("{value} is not a plausible budget year"), value=repr(text)))
    return value


def _scenarios(team, args: argparse.Namespace) -> tuple[str, ...] | None:
    """The scenarios the memo compares: --no-scenarios none, --scenario NAME these, else all."""
    if args.no_scenarios:
        return ()
    if not args.scenario:
        return None
    known = {s.name for s in team.scenarios}
    unknown = [name for name in args.scenario if name not in known]
    if unknown:
        raise CliError(cli_text(N_("memo: no scenario named {name} (sagstal scenarios {file} lists them)"),
                                name=repr(unknown[0]), file=args.file))
    return tuple(args.scenario)


def cmd_department_memo(args: argparse.Namespace) -> int:
    """``sagstal memo --department DIR|FILE... -o afdeling.pdf``: the department memo (issue 26)."""
    from sagstal_desktop.cli.department import place_positions
    from sagstal_desktop.core.department import DepartmentError, roll_up
    from sagstal_desktop.io.department_reader import NoTeamFiles, read_department
    from sagstal_desktop.report.department_memo import write_department_memo
    from sagstal_desktop.report.pdf import MemoError

    if args.file is not None:
        raise CliError(cli_text(N_("memo: give either a team file or --department, not both")))
    lang = args.lang
    try:
        department = roll_up(read_department(args.department), args.as_of, args.norms)
    except (NoTeamFiles, DepartmentError) as exc:
        raise CliError(f"memo: {exc.message(lang)}") from exc
    if not department.counted_teams:  # a memo of nothing: say why instead
        reasons = " ".join(p.message(lang) for p in department.problems)
        raise CliError(cli_text(N_("memo: no team file could be read: {reasons}"), reasons=reasons))
    plan = place_positions(department, args, "memo") if args.positions is not None else None
    target = output_path(args.output, args.force)
    try:
        pages = write_department_memo(department, target, lang, args.anonymise, plan)
    except MemoError as exc:
        raise CliError(cli_text(N_("memo: cannot write {reason}"), reason=exc.message(lang))) from exc
    say(ntr("{path} ({n} page)", "{path} ({n} pages)", pages, lang).format(path=target, n=pages))
    return 0


def cmd_memo(args: argparse.Namespace) -> int:
    from sagstal_desktop.report.options import MemoOptions
    from sagstal_desktop.report.pdf import MemoError, write_memo

    if args.department:
        return cmd_department_memo(args)
    if args.file is None:
        raise CliError(cli_text(N_("memo: give a team file, or --department DIR")))
    team = open_team(args.file)
    norm_set = choose_norm_set(team, args.norms)
    target = output_path(args.output, args.force)
    options = MemoOptions(
        lang=args.lang, anonymise=args.anonymise, include_national=not args.no_national,
        include_budget=not args.no_budget, include_references=not args.no_references,
        include_history=not args.no_history, scenarios=_scenarios(team, args),
        history_from=args.history_from, history_to=args.history_to,
        budget_years=args.budget_years, budget_first_year=args.budget_first_year, as_of=args.as_of,
        full_list=args.full_list, include_forecast=args.forecast,
    )
    try:
        pages = write_memo(team, target, options, norm_set=norm_set)
    except MemoError as exc:
        raise CliError(cli_text(N_("memo: cannot write {reason}"), reason=exc.message(args.lang))) from exc
    say(ntr("{path} ({n} page)", "{path} ({n} pages)", pages, args.lang).format(path=target, n=pages))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``memo`` to the ``sagstal`` command."""
    p = sub.add_parser("memo", help=N_("write the PDF staffing memo for a team file"))
    p.add_argument("file", nargs="?", help=N_("a .sagstal team file"))
    p.add_argument("--department", nargs="+", metavar="DIR|FILE",
                   help=N_("write the department memo of these team files or folders instead"))
    p.add_argument("--positions", type=positive_amount, default=None, metavar="N",
                   help=N_("with --department: where N new full-time positions do most good"))
    p.add_argument("--position-hours", type=hours_amount, default=None, metavar="H",
                   help=N_("with --positions: place the positions in steps of H hours (default: whole positions)"))
    p.add_argument("-o", "--output", required=True, help=N_("PDF file to write, e.g. memo.pdf"))
    p.add_argument("--force", action="store_true", help=N_("overwrite an existing file"))
    p.add_argument("--anonymise", "--anonymize", action="store_true",
                   help=N_("Medarbejder A, B, … instead of names (no names anywhere in the PDF)"))
    add_lang_option(p, "memo")
    p.add_argument("--norms", help=N_("measure against this norm set instead of the team's choice"))
    add_as_of_option(p)
    p.add_argument("--no-national", action="store_true", help=N_("leave out the national figures (2023 survey)"))
    p.add_argument("--no-budget", action="store_true", help=N_("leave out the budget table"))
    p.add_argument("--no-references", action="store_true", help=N_("leave out the reference caseloads"))
    p.add_argument("--no-history", action="store_true",
                   help=N_("leave out the section on the team's development (shown with two or more snapshots)"))
    scen = p.add_mutually_exclusive_group()
    scen.add_argument("--scenario", action="append", default=[], metavar="NAME",
                      help=N_("compare the current team with this scenario (repeat for more; default: all the team's)"))
    scen.add_argument("--no-scenarios", action="store_true", help=N_("leave out the section comparing scenarios"))
    p.add_argument("--history-from", type=as_of_date, default=None,
                   help=N_("first date of the history shown (default: the last twelve snapshots)"))
    p.add_argument("--history-to", type=as_of_date, default=None, help=N_("last date of the history shown"))
    p.add_argument("--budget-years", type=_budget_years, default=None,
                   help=N_("years in the budget table (default: the team's)"))
    p.add_argument("--budget-first-year", type=_year, default=None, help=N_("first budget year (default: the team's)"))
    listing = p.add_mutually_exclusive_group()
    listing.add_argument("--full-list", dest="full_list", action="store_true", default=None,
                         help=cli_text(N_("list every staff member (for a large team as an appendix; default: "
                                          "only for teams of up to {n} staff)"), n=full_list_max_staff()))
    listing.add_argument("--no-full-list", dest="full_list", action="store_false",
                         help=N_("sum the staff up instead of listing each one"))
    p.add_argument("--forecast", action="store_true",
                   help=N_("add the section \"Prognose\": the next months' caseload from the team's intake and "
                           "closures"))
    p.set_defaults(func=cmd_memo)

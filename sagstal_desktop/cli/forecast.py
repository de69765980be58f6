"""``sagstal flows FILE --from flows.xlsx`` (store intake and closures per month and case type in a
team file: atomic, under the write lock, all or nothing) and ``sagstal forecast FILE`` (the
next months' caseload with its band, FTE needed against available FTE, and the backtest)."""

from __future__ import annotations

import argparse
import math
import sys

from sagstal_desktop.cli.common import (
    CliError,
    add_as_of_option,
    add_lang_option,
    add_lock_option,
    add_pretty_option,
    amount,
    cli_text,
    open_team,
    print_json,
    say,
    update_team_file,
)
from sagstal_desktop.i18n import N_, ntr, tr


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``flows`` and ``forecast``."""
    p = sub.add_parser("flows", help=N_("store intake and closures per month and case type from an .xlsx or .csv "
                                        "file in a team file"))
    p.add_argument("file", help=N_("a .sagstal team file"))
    p.add_argument("--from", dest="source", required=True,
                   help=N_("the spreadsheet: columns Month, Case type, New cases and Closed cases (or their "
                           "Danish names)"))
    p.add_argument("--sheet", help=N_("the sheet to read (default: the active one)"))
    p.add_argument("--accept-warnings", action="store_true", help=N_("import even if there are warnings"))
    add_lock_option(p)
    add_lang_option(p, "message")
    p.set_defaults(func=cmd_flows)

    p = sub.add_parser("forecast", help=N_("forecast the next months' caseload from intake and closures"))
    p.add_argument("file", help=N_("a .sagstal team file"))
    p.add_argument("--months", type=_whole, default=None, help=N_("months ahead (default: 6)"))
    p.add_argument("--window", type=_whole, default=None, help=N_("months of intake and closures to average over "
                                                                  "(default: 6, at least 3)"))
    p.add_argument("--intake-change", type=_percent, default=0.0, metavar="PCT",
                   help=N_("what-if: intake changed by PCT %% (e.g. 10 or -15)"))
    p.add_argument("--scenario", help=N_("compute available FTE in this scenario (its staff and absences)"))
    p.add_argument("--json", action="store_true", help=N_("print JSON"))
    add_as_of_option(p)
    add_pretty_option(p)
    add_lang_option(p)
    p.set_defaults(func=cmd_forecast)


def _whole(text: str) -> int:
    value = amount(text)
    if not float(value).is_integer():
        raise argparse.ArgumentTypeError(cli_text(N_("{value} is not a whole number"), value=text))
    return int(value)


def _percent(text: str) -> float:
    value = amount(text.strip().removesuffix("%").strip())
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(cli_text(N_("{value} is not a number"), value=text))
    return value


def cmd_flows(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.flows import FlowError
    from sagstal_desktop.core.operations import set_flows
    from sagstal_desktop.io.flows_import import flows_from_table, merged
    from sagstal_desktop.io.problems import problem_lines
    from sagstal_desktop.io.table_reader import ReadError

    lang = args.lang

    def change(team) -> int:
        try:
            read = flows_from_table(args.source, team, args.sheet)
        except ReadError as exc:
            raise CliError(exc.message(lang)) from exc
        for line in problem_lines(read.problems, lang):
            say(line, file=sys.stderr)
        file = args.source.replace("\\", "/").rsplit("/", 1)[-1]
        if read.refused:
            n = read.problems.error_count
            raise CliError(ntr("{file}: {n} error; nothing was imported", "{file}: {n} errors; nothing was imported",
                               n, lang).format(file=file, n=n))
        warnings = read.problems.total - read.problems.error_count
        if warnings and not args.accept_warnings:
            raise CliError(ntr("{file}: {n} warning; run again with --accept-warnings to import anyway",
                               "{file}: {n} warnings; run again with --accept-warnings to import anyway",
                               warnings, lang).format(file=file, n=warnings))
        try:
            set_flows(team, merged(team.flows, read.flows))  # the core operation the window uses
        except FlowError as exc:
            raise CliError(str(exc)) from exc
        return len(read.flows)

    n = update_team_file(args.file, change, lang=lang, ignore_lock=args.ignore_lock)
    say(ntr("{n} row of intake and closures stored in {name}", "{n} rows of intake and closures stored in {name}",
            n, lang).format(n=n, name=args.file))
    return 0


def cmd_forecast(args: argparse.Namespace) -> int:
    from datetime import date

    from sagstal_desktop.core.forecast import ForecastError, forecast, to_json
    from sagstal_desktop.core.forecast_text import error_message
    from sagstal_desktop.core.scenarios import ScenarioError

    lang = args.lang
    team = open_team(args.file)
    try:
        result = forecast(team, args.as_of or date.today(), args.months, args.window, args.intake_change,
                          args.scenario or "")
    except ForecastError as exc:
        raise CliError(error_message(exc, lang)) from None
    except ScenarioError:
        raise CliError(cli_text(N_("no scenario named {name}"), name=repr(args.scenario))) from None
    if args.json:
        from sagstal_desktop.core.forecast_text import warning_lines

        print_json(to_json(result, warning_lines(result, lang)), pretty=args.pretty or None)
        return 0
    for line in text_lines(result, team, lang):
        say(line)
    return 0


def text_lines(result, team, lang: str) -> list[str]:
    from sagstal_desktop.core.forecast_text import (
        backtest_text,
        crossing_text,
        inputs_lines,
        month_text,
        source_text,
    )
    from sagstal_desktop.core.formatting import format_date, format_number, format_percent
    from sagstal_desktop.core.wording import fill

    norm_set = team.norm_set()
    lines = [tr("Forecast from {day} ({source})", lang).format(day=format_date(result.as_of, lang),
                                                               source=source_text(lang))]
    if result.scenario:
        lines.append(tr("Available FTE in the scenario {name}", lang).format(name=result.scenario))
    lines.append(tr("Method: averages over the last {w} months ({first}–{last}); {pct} band computed by formula "
                    "(normal approximation)", lang).format(
        w=result.window, first=month_text(result.window_months[0], lang),
        last=month_text(result.window_months[-1], lang), pct=format_percent(result.band_pct / 100, 0, lang)))
    lines += ["  " + line for line in inputs_lines(result, lang)]
    # a table in columns: the header's cells are the translated heading split at " | "
    head = [cell.strip() for cell in fill(tr("Month | Cases expected (band) | FTE needed at <max> (band) | "
                                             "FTE available", lang), norm_set, lang).split("|")]
    one = lambda x: format_number(x, 1, lang)  # noqa: E731
    whole = lambda x: format_number(x, 0, lang)  # noqa: E731
    rows = [head] + [[month_text(m.month, lang), f"{whole(m.total.expected)} ({whole(m.total.low)}–"
                      f"{whole(m.total.high)})", f"{one(m.fte_needed_max.expected)} ({one(m.fte_needed_max.low)}–"
                      f"{one(m.fte_needed_max.high)})", one(m.available_fte)] for m in result.months]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines += ["  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                        for i, cell in enumerate(row)).rstrip() for row in rows]
    lines.append(crossing_text(result, norm_set, lang))
    lines.append(backtest_text(result, lang))
    return lines



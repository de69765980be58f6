"""``sagstal snapshot FILE`` and ``sagstal history FILE``: record a dated snapshot in a team file
(or import one from an older copy of the file or a spreadsheet of dated figures), and list the
team's history as text or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sagstal_desktop.cli.common import (
    CliError,
    add_lang_option,
    add_lock_option,
    add_pretty_option,
    as_of_date,
    cli_language,
    cli_text,
    name_text,
    open_team,
    print_json,
    say,
    terminal_text,
    update_team_file,
)
from sagstal_desktop.i18n import N_, ntr, tr


def cmd_snapshot(args: argparse.Namespace) -> int:
    from datetime import date

    from sagstal_desktop.core.history import SnapshotCapError, make_snapshot, snapshot_date
    from sagstal_desktop.core.operations import add_snapshots

    day = args.date or date.today()

    def change(team) -> list:
        if args.source is None:
            added = [make_snapshot(team, args.label, as_of=day)]
        elif Path(args.source).suffix.lower() == ".sagstal":
            added = [_from_older_file(team, args.source, args.date, args.label, args.other_team)]
        else:
            added = _from_table(team, args.source, args.sheet, args.lang)
        try:
            add_snapshots(team, added)  # the core operation the window's history uses
        except SnapshotCapError as exc:
            raise CliError(exc.message(args.lang)) from exc
        return added

    # read, add and save under the file's write lock: concurrent commands never lose a snapshot
    added = update_team_file(args.file, change, lang=args.lang, ignore_lock=args.ignore_lock)
    for snapshot in added:
        label = f" ({snapshot.label})" if snapshot.label else ""
        say(f"{Path(args.file).name}: {snapshot_date(snapshot).isoformat()}{label}")
    return 0


def _from_older_file(team, source: str, day, label: str, other_team: bool):
    from sagstal_desktop.io.document import DocumentError
    from sagstal_desktop.io.history_import import same_team, snapshot_from_file

    if day is None:
        raise CliError(cli_text(N_("{file}: give the date the older file shows with --date"),
                                file=Path(source).name))
    try:
        snapshot, older = snapshot_from_file(source, day, label)
    except DocumentError as exc:
        raise CliError(exc.message(cli_language())) from exc
    if not other_team and not same_team(team, older):
        raise CliError(cli_text(N_("{file} is the team \"{older}\", not \"{team}\"; use --other-team to add it "
                                   "anyway"), file=Path(source).name, older=older.info.team_name,
                                team=team.info.team_name))
    return snapshot


def _from_table(team, source: str, sheet: str | None, lang: str) -> list:
    """The snapshots of a spreadsheet of dated figures. Its problems go to stderr (the first
    ``max_import_problems``, then how many more); with any error nothing is added (exit 2)."""
    from sagstal_desktop.core.formatting import format_number
    from sagstal_desktop.io.history_import import snapshots_from_table
    from sagstal_desktop.io.problems import problem_lines
    from sagstal_desktop.io.table_reader import ReadError

    try:
        result = snapshots_from_table(source, team, sheet)
    except ReadError as exc:
        raise CliError(exc.message(lang)) from exc
    for line in problem_lines(result.problems, lang):
        say(line, file=sys.stderr)
    if result.refused:
        n = result.problems.error_count
        raise CliError(ntr("{file}: {n} error; nothing was imported", "{file}: {n} errors; nothing was imported",
                           n, lang).format(file=Path(source).name, n=format_number(n, 0, lang)))
    return result.snapshots


def history_data(team, source_file: str | None = None) -> dict[str, Any]:
    """The ``history --json`` document (keys documented in README.md)."""
    from sagstal_desktop.core.trend import trend_rows

    return {"file": source_file, "snapshots": [row.to_json() for row in trend_rows(team)]}


def cmd_history(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.formatting import format_date, format_number
    from sagstal_desktop.core.trend import trend_rows

    team = open_team(args.file)
    if args.json:
        print_json(history_data(team, args.file), pretty=args.pretty or None)
        return 0
    lang = args.lang
    rows = trend_rows(team)
    if not rows:
        print(tr("No snapshots.", lang))
        return 0
    headers = tuple(tr(h, lang) for h in _HEADERS)
    table = [[format_date(r.date, lang), terminal_text(r.norm_set_name(lang)), _whole(r.staff), _whole(r.cases),
              format_number(r.available_fte, 1, lang), format_number(r.fte_needed_max, 1, lang),
              format_number(r.fte_needed_min, 1, lang), _whole(r.over_count),
              format_number(r.average_fte_caseload, 1, lang), terminal_text(r.label)] for r in rows]
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(headers)]
    for row in (list(headers), *table):
        say("  ".join(cell.ljust(w) if i in (0, 1, 9) else cell.rjust(w)
                        for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip())
    print(tr("The figures are Sagstal's own calculation on the team's recorded inputs on each date.", lang))
    return 0


#: The text table's column heads.
_HEADERS = (N_("Date"), N_("Norm set"), N_("Staff"), N_("Cases"), N_("FTE"), N_("At max"), N_("At min"),
            N_("Over max"), N_("Avg. FT"), N_("Label"))


def _whole(value: int | None) -> str:
    return "–" if value is None else str(value)


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``snapshot`` and ``history``."""
    p = sub.add_parser("snapshot", help=N_("record a dated snapshot of the team in FILE (saved atomically)"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--date", type=as_of_date, default=None,
                   help=N_("the day the snapshot shows (default: today; required with an older .sagstal file)"))
    p.add_argument("--label", type=name_text, default="", help=N_("a label, e.g. 'Quarterly report'"))
    p.add_argument("--from", dest="source", metavar="SOURCE", default=None,
                   help=N_("import instead: an older .sagstal copy of the team (its state on --date), or an "
                        ".xlsx/.csv of dated team figures (one snapshot per row)"))
    p.add_argument("--sheet", default=None, help=N_("the sheet to read from an .xlsx SOURCE"))
    p.add_argument("--other-team", action="store_true", help=N_("accept an older file that names another team"))
    add_lock_option(p)
    add_lang_option(p, "message")
    p.set_defaults(func=cmd_snapshot)

    p = sub.add_parser("history", help=N_("list the team's snapshots in date order"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help=N_("machine-readable output (keys in README.md)"))
    add_pretty_option(p)
    add_lang_option(p)
    p.set_defaults(func=cmd_history)

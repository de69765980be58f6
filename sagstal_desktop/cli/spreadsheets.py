"""``sagstal import``, ``sagstal export`` and ``sagstal template``: spreadsheets on the command line.

``import FILE -o team.sagstal`` makes a team file from an .xlsx/.csv (``--into`` merges into an
existing team instead); ``--check`` only reports problems (exit 0: none, 1: errors found).
With any error nothing is written (exit 2). Warnings (unknown columns, ...) must be accepted
with ``--accept-warnings``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sagstal_desktop.cli.common import (
    CliError,
    add_as_of_option,
    add_lang_option,
    add_lock_option,
    choose_norm_set,
    cli_text,
    name_text,
    open_team,
    output_path,
    same_file,
    save_unless_changed,
    say,
)
from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.core.model import AUTHOR_ROLES, Team
from sagstal_desktop.i18n import N_, ntr, tr


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``import``, ``export`` and ``template``."""
    p = sub.add_parser("import", help=N_("import staff and case counts from an .xlsx or .csv file"))
    p.add_argument("file", help=N_("the spreadsheet (.xlsx or .csv)"))
    p.add_argument("-o", "--output", help=N_("team file to write (.sagstal)"))
    p.add_argument("--sheet", help=N_("the sheet to read (default: 'Medarbejdere'/'Staff', else the active one)"))
    p.add_argument("--check", action="store_true", help=N_("only report problems; write nothing"))
    p.add_argument("--into", help=N_("merge into this existing team file instead of making a new team"))
    p.add_argument("--mode", choices=("merge", "replace-counts", "replace-team"), default="merge",
                   help=N_("with --into: merge counts (default), replace matched people's counts, or replace the "
                        "whole staff"))
    p.add_argument("--norms", help=N_("norm set for a new team (default: the standard set, as in the window)"))
    p.add_argument("--municipality", type=name_text, help=N_("the team's municipality (printed in the memo's header)"))
    p.add_argument("--department", type=name_text, help=N_("the team's department (printed in the memo's header)"))
    p.add_argument("--team-name", "--team", dest="team_name", type=name_text,
                   help=N_("the team's name (printed in the memo's header)"))
    p.add_argument("--author-role", choices=AUTHOR_ROLES, help=N_("who writes the memo (default: team_leader)"))
    p.add_argument("--accept-warnings", action="store_true", help=N_("import even if there are warnings"))
    p.add_argument("--force", action="store_true", help=N_("overwrite an existing output file"))
    add_lock_option(p)
    add_lang_option(p, "message")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help=N_("export a team file to .xlsx or .csv"))
    p.add_argument("file", help=N_("a .sagstal team file"))
    p.add_argument("-o", "--output", required=True, help=N_("out.xlsx or out.csv"))
    p.add_argument("--norms", help=N_("measure against this norm set instead of the team's choice"))
    add_as_of_option(p)
    p.add_argument("--force", action="store_true", help=N_("overwrite an existing output file"))
    p.add_argument("--anonymise", "--anonymize", action="store_true",
                   help=N_("Medarbejder A, B, … in an order unrelated to names; no start dates, hours or notes; "
                        "sorted by load"))
    add_lang_option(p, "header")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("template", help=N_("write a blank import template (.xlsx or .csv)"))
    p.add_argument("-o", "--output", required=True, help=N_("e.g. skabelon.xlsx"))
    p.add_argument("--norms", help=N_("norm set whose case types get columns (default: the standard set)"))
    p.add_argument("--force", action="store_true", help=N_("overwrite an existing output file"))
    add_lang_option(p, "header")
    p.set_defaults(func=cmd_template)


def _target(path: str, suffixes: tuple[str, ...], force: bool) -> Path:
    return output_path(path, force, suffixes)


def _norm_set(norm_id: str | None):
    return choose_norm_set(Team(), norm_id) if norm_id else Team().norm_set()


def cmd_import(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.operations import MERGE, REPLACE_COUNTS, REPLACE_TEAM, import_rows
    from sagstal_desktop.io.file_lock import fingerprint
    from sagstal_desktop.io.importer import describe, import_file
    from sagstal_desktop.io.problems import ProblemTexts
    from sagstal_desktop.io.table_reader import ReadError

    lang = args.lang
    if not args.check and not args.output:
        raise CliError(cli_text(N_("import: give -o TEAM.sagstal, or --check to only check the file")))
    output = _target(args.output, (".sagstal",), args.force or args.into == args.output) if args.output else None
    # onto the team file itself only: a hash of the whole file, not taken for another output
    read = fingerprint(args.into) if args.into and output is not None and same_file(output, Path(args.into)) else None
    base = open_team(args.into, for_saving=read is not None) if args.into else None
    norm_set = base.norm_set() if base is not None else _norm_set(args.norms)
    try:
        plan = import_file(args.file, norm_set, args.sheet)
    except ReadError as exc:
        raise CliError(exc.message(lang)) from exc
    stream = sys.stdout if args.check else sys.stderr
    for problem in plan.problems:
        say(f"{ProblemTexts.severity(problem.severity, lang)}: {problem.message(lang)}", file=stream)
    n_err, n_warn = len(plan.errors), len(plan.warnings)
    if args.check:
        counts = [ntr("{n} valid row", "{n} valid rows", len(plan.rows), lang).format(
                      n=format_number(len(plan.rows), 0, lang)),
                  ntr("{n} error", "{n} errors", n_err, lang).format(n=format_number(n_err, 0, lang)),
                  ntr("{n} warning", "{n} warnings", n_warn, lang).format(n=format_number(n_warn, 0, lang))]
        say(f"{plan.table.file_name}: {', '.join(counts)}")
        return 1 if n_err else 0
    if n_err:
        raise CliError(ntr("{file}: {n} error; nothing was imported", "{file}: {n} errors; nothing was imported",
                           n_err, lang).format(file=plan.table.file_name, n=n_err))
    if n_warn and not args.accept_warnings:
        raise CliError(ntr("{file}: {n} warning; run again with --accept-warnings to import anyway",
                           "{file}: {n} warnings; run again with --accept-warnings to import anyway",
                           n_warn, lang).format(file=plan.table.file_name, n=n_warn))
    mode = {"merge": MERGE, "replace-counts": REPLACE_COUNTS, "replace-team": REPLACE_TEAM}[args.mode]
    changes = plan.changes(base, mode)  # named before the team changes
    if base is not None:  # the core operation the window's import makes
        team = base
        import_rows(team, plan.rows, mode, plan.present, plan.norm_set.full_time_hours)
    else:
        team = plan.new_team()
    _set_info(team, args)
    if args.into or args.norms:
        measured = tr("Measured against the norm set {name}", lang)
    else:
        measured = tr("Measured against the norm set {name} (choose another with --norms)", lang)
    say(measured.format(name=norm_set.short_name(lang)), file=sys.stderr)
    # onto the team file itself: only if nobody changed it meanwhile (else exit 2, nothing written)
    save_unless_changed(team, output, read, lang, args.ignore_lock)
    say(describe(plan, changes, lang))
    say(output)
    return 0


def _set_info(team: Team, args: argparse.Namespace) -> None:
    """Put the names given on the command line into the team's description (others stay)."""
    for field in ("municipality", "department", "team_name", "author_role"):
        value = getattr(args, field, None)
        if value is not None:
            setattr(team.info, field, value.strip())


def cmd_export(args: argparse.Namespace) -> int:
    from sagstal_desktop.io.exporter import ExportError, export_team

    team = open_team(args.file)
    norm_set = choose_norm_set(team, args.norms)
    target = _target(args.output, (".xlsx", ".csv"), args.force)
    try:
        export_team(team, target, args.lang, args.as_of, norm_set, args.anonymise)
    except ExportError as exc:
        raise CliError(exc.message(args.lang)) from exc
    say(target)
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from sagstal_desktop.io.exporter import ExportError, write_template

    target = _target(args.output, (".xlsx", ".csv"), args.force)
    try:
        write_template(target, _norm_set(args.norms), args.lang)
    except ExportError as exc:
        raise CliError(exc.message(args.lang)) from exc
    say(target)
    return 0

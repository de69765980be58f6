"""``sagstal demo`` and ``sagstal norms``: write the demo team; list the norm sets with their sources."""

from __future__ import annotations

import argparse

from sagstal_desktop.cli.common import (
    CliError,
    add_lang_option,
    add_lock_option,
    add_output_options,
    add_pretty_option,
    cli_text,
    open_team,
    output_path,
    print_json,
    save_team_file,
    say,
)
from sagstal_desktop.i18n import N_, tr


def cmd_demo(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.demo import demo_team

    target = output_path(args.output, args.force)
    save_team_file(demo_team(), target, ignore_lock=args.ignore_lock)
    say(target)
    return 0


def cmd_norms(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.formatting import format_range
    from sagstal_desktop.core.norms import builtin_norm_sets, case_type_name

    sets = list(builtin_norm_sets())
    if args.file:
        sets = list(open_team(args.file).custom_norm_sets) + sets
    if args.id:
        sets = [s for s in sets if s.id == args.id]
        if not sets:
            raise CliError(cli_text(N_("unknown norm set {name}"), name=repr(args.id)))
    lang = args.lang
    if args.json:
        print_json([s.to_dict() for s in sets], pretty=args.pretty or None)
        return 0
    for norm_set in sets:
        default = tr(" (default)", lang) if norm_set.is_default else ""
        say(f"{norm_set.id}: {norm_set.name(lang)}{default}")
        if norm_set.source:
            say(f"  {tr('Source', lang)}: {norm_set.source.cite(lang)}")
        for group in norm_set.groups:
            say(f"  {group.name(lang)}: {format_range(group.min, group.max, lang)}")
            for norm in group.types:
                flags = []
                if norm.inherited:
                    flags.append(tr("inherits the area's range", lang))
                if norm.survey is not None:
                    flags.append(f"n={norm.survey.n}")
                    if norm.few_answers:
                        flags.append(tr("too few answers", lang))
                extra = f" ({', '.join(flags)})" if flags else ""
                say(f"    - {case_type_name(norm.case_type, lang)} [{norm.case_type}]: "
                      f"{format_range(norm.min, norm.max, lang)}{extra}")
                if norm.source and not norm.inherited and norm.source != group.source:
                    say(f"      {tr('Source', lang)}: {norm.source.cite(lang)}")
            if group.source:
                say(f"    {tr('Source', lang)}: {group.source.cite(lang)}")
        say()
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``demo`` and ``norms``."""
    p = sub.add_parser("demo", help=N_("write the built-in demo team to a file"))
    add_output_options(p, "demo.sagstal")
    add_lock_option(p)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("norms", help=N_("list the norm sets and their ranges with sources"))
    p.add_argument("id", nargs="?", help=N_("only this norm set"))
    p.add_argument("--file", help=N_("also list the team file's own norm sets"))
    p.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    add_pretty_option(p)
    add_lang_option(p)
    p.set_defaults(func=cmd_norms)

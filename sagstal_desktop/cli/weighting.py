"""``sagstal weighting FILE``: set the team's case weighting (sagstyngde, ``core/case_weight.py``):
off, the team's reading of the norm set's range, or the team's own points with their source."""

from __future__ import annotations

import argparse
from pathlib import Path

from sagstal_desktop.cli.common import (
    CliError,
    add_lang_option,
    add_lock_option,
    cli_language,
    say,
    update_team_file,
)
from sagstal_desktop.i18n import N_


def _typed(parse):
    """An argparse type from a core parser: its ``InputError`` becomes the usage error."""
    from sagstal_desktop.core.validation import InputError

    def check(text: str):
        try:
            return parse(text)
        except InputError as exc:
            raise argparse.ArgumentTypeError(exc.message(cli_language())) from exc
    return check


def _note(text: str) -> str:
    from sagstal_desktop.core.validation import check_length

    return check_length(text.strip(), "max_text_length")


def _points(text: str) -> str:
    from sagstal_desktop.core.case_weight import parse_points

    parse_points(text)  # checked now; applied to the file's points under the lock
    return text


def _mode(text: str) -> str:
    from sagstal_desktop.core.case_weight import parse_mode

    return parse_mode(text)


def _level(text: str) -> str:
    from sagstal_desktop.core.case_weight import parse_level_input

    return parse_level_input(text)


def cmd_weighting(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.case_weight import Weighting, parse_points, weighting_line
    from sagstal_desktop.core.operations import set_weighting
    from sagstal_desktop.core.validation import InputError

    def change(team) -> Weighting:
        old = team.settings.weighting
        points = parse_points(args.points, old.points) if args.points is not None else old.points
        weighting = Weighting(mode=args.mode, points=points,
                              default_level=args.default_level or old.default_level,
                              note=old.note if args.note is None else args.note)
        try:
            set_weighting(team, weighting)  # the core operation the window's team settings use
        except InputError as exc:
            raise CliError(exc.message(args.lang)) from exc
        return weighting

    weighting = update_team_file(args.file, change, lang=args.lang, ignore_lock=args.ignore_lock)
    say(f"{Path(args.file).name}: {weighting_line(weighting, args.lang)}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``weighting``."""
    p = sub.add_parser("weighting", help=N_("set how the levels of case weight count (sagstyngde)"))
    p.add_argument("file", help=N_("a .sagstal team file"))
    p.add_argument("--mode", required=True, type=_typed(_mode), metavar="off|range|points",
                   help=N_("off: every case alike; range: the team's reading of the norm set's range; points: the "
                           "team's own points"))
    p.add_argument("--points", type=_typed(_points), metavar="enkel=1,kompleks=1.5,saerligt=2",
                   help=N_("points per level, each above 0 (levels not named keep theirs)"))
    p.add_argument("--note", type=_typed(_note), metavar="TEXT",
                   help=N_("where the points come from (printed with them in the memo)"))
    p.add_argument("--default-level", type=_typed(_level), metavar="enkel|kompleks|saerligt",
                   help=N_("the level of cases not assessed"))
    add_lock_option(p)
    add_lang_option(p)
    p.set_defaults(func=cmd_weighting)

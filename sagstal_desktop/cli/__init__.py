"""``sagstal``: the command-line interface.

Every command group is a module here with ``register(subparsers)``; the shared pieces (error
type, options, opening a team file, choosing a norm set) are in ``common.py``. Every failure is
one line on stderr and exit code 2; no tracebacks. Output is Danish by default (``--lang en``
for English); ``--json`` gives machine-readable output whose keys are documented in README.md.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from sagstal_desktop import __version__
from sagstal_desktop.assets import ResourceError
from sagstal_desktop.cli.common import (
    N_,
    CliError,
    Parser,
    cli_language,
    set_cli_language,
    terminal_text,
    translate_argparse,
)

#: The command modules, in the order ``sagstal --help`` lists their commands.
COMMAND_MODULES: tuple[str, ...] = (
    "sagstal_desktop.cli.demo_norms",
    "sagstal_desktop.cli.summary",
    "sagstal_desktop.cli.weighting",
    "sagstal_desktop.cli.whatif",
    "sagstal_desktop.cli.spreadsheets",
    "sagstal_desktop.cli.memo",
    "sagstal_desktop.cli.history",
    "sagstal_desktop.cli.planning",
    "sagstal_desktop.cli.scenarios",
    "sagstal_desktop.cli.forecast",
    "sagstal_desktop.cli.department",
)


#: Which module registers each command: a command run imports only its own module (the others
#: pull in what it does not need; ``sagstal memo`` is timed as a whole process). A test holds
#: this to what the modules register.
COMMANDS: dict[str, str] = {
    "demo": "sagstal_desktop.cli.demo_norms", "norms": "sagstal_desktop.cli.demo_norms",
    "summary": "sagstal_desktop.cli.summary",
    "weighting": "sagstal_desktop.cli.weighting",
    "whatif": "sagstal_desktop.cli.whatif",
    "import": "sagstal_desktop.cli.spreadsheets", "export": "sagstal_desktop.cli.spreadsheets",
    "template": "sagstal_desktop.cli.spreadsheets",
    "memo": "sagstal_desktop.cli.memo",
    "snapshot": "sagstal_desktop.cli.history", "history": "sagstal_desktop.cli.history",
    "distribute": "sagstal_desktop.cli.planning", "rebalance": "sagstal_desktop.cli.planning",
    "scenarios": "sagstal_desktop.cli.scenarios", "scenario": "sagstal_desktop.cli.scenarios",
    "compare": "sagstal_desktop.cli.scenarios",
    "flows": "sagstal_desktop.cli.forecast", "forecast": "sagstal_desktop.cli.forecast",
    "department": "sagstal_desktop.cli.department",
}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The ``sagstal`` parser: with only the named command's module when ``argv`` names a known
    command, else with every command module's sub-commands (for ``--help`` and usage errors)."""
    set_cli_language(argv)  # before the parser is built: its help is in the chosen language
    translate_argparse()
    parser = Parser(prog="sagstal", description=N_("Caseloads against DS' vejledende sagstal."))
    parser.add_argument("--version", action="version", version=f"sagstal {__version__}",
                        help=N_("show program's version number and exit"))
    parser.add_argument("--lang", choices=("da", "en"), dest="top_lang", help=N_("language (default: da)"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=Parser)
    command = next((arg for arg in argv or () if not arg.startswith("-")), None)
    modules = (COMMANDS[command],) if command in COMMANDS else COMMAND_MODULES
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (2 for any reported problem)."""
    args: argparse.Namespace | None = None
    try:
        argv = sys.argv[1:] if argv is None else list(argv)
        args = build_parser(argv).parse_args(argv)
        if hasattr(args, "lang"):
            args.lang = cli_language()  # --lang before or after the command: the last one given
        func: Callable[[argparse.Namespace], int] = args.func
        return func(args)
    except ResourceError as exc:  # a broken installation: say so in one line, no traceback
        print(terminal_text(f"sagstal: {exc.message(getattr(args, 'lang', None) or 'da')}"), file=sys.stderr)
        return 2
    except CliError as exc:
        print(terminal_text(_error_line(exc, getattr(args, "lang", None) or "da")), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


def _error_line(exc: CliError, lang: str) -> str:
    """The one line to print: a file's own message (a document or spreadsheet error passed on
    as it is) in the command's language, else the CLI's text."""
    cause = exc.__cause__
    render = getattr(cause, "message", None)
    text = render(lang) if callable(render) and str(exc) == render("en") else str(exc)
    return text.splitlines()[0] if text else "sagstal: error"


if __name__ == "__main__":
    raise SystemExit(main())

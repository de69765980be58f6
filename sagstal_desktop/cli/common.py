"""What every ``sagstal`` command shares: the error type, the parser class, common options,
argument types (dates, amounts), opening a team file and choosing its norm set.

Every failure is a ``CliError``: one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

from sagstal_desktop.core.lazy_pattern import LazyPattern
from sagstal_desktop.i18n import N_, tr

T = TypeVar("T")

#: The language of this run's help, usage and messages: Danish unless ``--lang en`` is on the
#: command line (``set_cli_language``, read before the parser is built, so that its help is
#: already in the chosen language).
_LANGUAGE = ["da"]


def set_cli_language(argv) -> str:
    """Read ``--lang en`` / ``--lang=en`` from ``argv`` (the last one counts; Danish otherwise)
    and make it this run's language for help, usage and errors."""
    lang = "da"
    args = list(argv or ())
    for i, arg in enumerate(args):
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg.removeprefix("--lang=")
        if (arg == "--lang" or arg.startswith("--lang=")) and value in ("da", "en"):
            lang = value
    _LANGUAGE[0] = lang
    return lang


def cli_language() -> str:
    """This run's language ("da" or "en")."""
    return _LANGUAGE[0]


def cli_text(message: str, **values: object) -> str:
    """``message`` (an English msgid, marked with ``N_``) in this run's language, ``values``
    formatted in."""
    return tr(message, cli_language()).format(**values)


#: argparse's own texts, translated through the text layer (``translate_argparse``).
ARGPARSE_TEXTS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("show program's version number and exit"), N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"), N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"), N_("expected one argument"),
    N_("invalid %(type)s value: %(value)r"), N_("not allowed with argument %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("expected at least one argument"),
    N_("one of the arguments %s is required"), N_("ignored explicit argument %r"),
    N_("%(prog)s: error: %(message)s\n"), N_("subcommands"),
)


def translate_argparse() -> None:
    """Make argparse's own texts (usage, headings, its error messages) come through the text
    layer in this run's language."""
    argparse._ = lambda message: tr(message, cli_language())  # type: ignore[attr-defined]
    argparse.ngettext = lambda singular, plural, n: tr(singular if n == 1 else plural,  # type: ignore[attr-defined]
                                                       cli_language())


class HelpFormatter(argparse.HelpFormatter):
    """Help and descriptions (English msgids) in this run's language."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return tr(action.help, cli_language()) if action.help else action.help

    def _format_text(self, text: str) -> str:
        return super()._format_text(tr(text, cli_language()) if text else text)

# ANSI/VT escape sequences (CSI ... final byte, OSC ... BEL/ST, two-byte ESC x), then any other
# control character except line feed and tab (C0, DEL, C1 such as the one-byte CSI U+009B).
_ESCAPES = LazyPattern(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_CONTROLS = LazyPattern(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_text(text: object) -> str:
    """``text`` safe to print on a terminal: escape sequences and control characters from names
    or file contents are removed (they could recolour, retitle or rewrite the screen)."""
    return _CONTROLS.sub("", _ESCAPES.sub("", str(text)))


def say(text: object = "", file: TextIO | None = None) -> None:
    """Print one line (or lines) of output through ``terminal_text``: every command prints this
    way, so no user-provided string reaches the terminal unfiltered."""
    print(terminal_text(text), file=file if file is not None else sys.stdout)


def finite(obj: object) -> object:
    """``obj`` (parsed-JSON-like) with every non-finite float (NaN, infinity) as None: JSON has
    no such numbers, and ``json.dump`` would print ``NaN`` or ``Infinity``."""
    import math

    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [finite(v) for v in obj]
    return obj


_C1 = LazyPattern(r"[\x7f-\x9f]")


def print_json(obj: object, file: TextIO | None = None, *, pretty: bool | None = None) -> None:
    """Print ``obj`` as valid JSON (UTF-8 text kept as is): non-finite numbers become null
    (``finite``), and DEL and C1 control characters in strings are written as ``\\u`` escapes
    (the encoders escape the C0 ones themselves), so nothing a terminal obeys reaches it.

    Compact (one line, no spaces) unless ``pretty`` (``--pretty``) or, when ``pretty`` is None,
    unless the output is a terminal: a pipe or a file gets the compact form, encoded by orjson
    (a tenth of the json module's time on a 10,000-person summary; it writes NaN and infinity as
    null itself). The indented form uses the json module; only a document holding a non-finite
    number is copied (``finite``)."""
    out = file if file is not None else sys.stdout
    if pretty is None:
        pretty = _is_terminal(out)
    if not pretty:
        import orjson

        try:
            data = orjson.dumps(obj)
        except orjson.JSONEncodeError:  # a lone surrogate (not UTF-8) or an integer past 64 bits
            import json

            data = json.dumps(finite(obj), allow_nan=False, check_circular=False, separators=(",", ":")).encode()
        if b"\x7f" in data or b"\xc2" in data:
            data = _C1_BYTES.sub(lambda m: f"\\u{ord(m.group().decode('utf-8')):04x}".encode("ascii"), data)
        _write_utf8(out, data + b"\n")
        return
    import json

    # check_circular off: a document is a tree (shared dicts, as a person's counts, are fine);
    # the encoder then keeps no record of every dict and list it is inside
    try:
        text = json.dumps(obj, ensure_ascii=False, allow_nan=False, check_circular=False, indent=2)
    except ValueError:  # NaN or infinity somewhere
        text = json.dumps(finite(obj), ensure_ascii=False, allow_nan=False, check_circular=False, indent=2)
    if ("\x7f" in text or (not text.isascii() and _may_hold_c1(text))) and _C1.search(text):
        text = _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    print(text, file=out)


#: DEL and C1 control characters in UTF-8 (C1: ``\xc2\x80``-``\xc2\x9f``)
_C1_BYTES = LazyPattern(rb"\x7f|\xc2[\x80-\x9f]")


def _write_utf8(out: TextIO, data: bytes) -> None:
    """Write UTF-8 ``data`` to a text stream: straight to its byte buffer when it has one and its
    encoding is UTF-8, else as text (in the stream's own encoding, as ``print`` would)."""
    buffer = getattr(out, "buffer", None)
    encoding = (getattr(out, "encoding", "") or "").lower().replace("-", "")
    if buffer is not None and encoding == "utf8":
        out.flush()
        buffer.write(data)
        buffer.flush()
    else:
        out.write(data.decode("utf-8"))


def _may_hold_c1(text: str) -> bool:
    """False when non-ASCII ``text`` surely holds no C1 control character, found by one byte
    search of its UTF-8 (C1 is ``\\xc2\\x80``-``\\xc2\\x9f`` there): much faster than the pattern on
    a long text of Danish letters (whose UTF-8 starts with ``\\xc3``)."""
    return b"\xc2" in text.encode("utf-8", "surrogatepass")


def _is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def add_pretty_option(parser: argparse.ArgumentParser) -> None:
    """``--pretty``: indented JSON (``--json`` is compact when written to a pipe or a file)."""
    parser.add_argument("--pretty", action="store_true",
                        help=N_("indent the JSON output (default: compact unless written to a terminal)"))


class CliError(Exception):
    """A problem to report as one line and exit code 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors become ``CliError`` (exit 2, one line) and whose
    help is in this run's language (``HelpFormatter``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{self.prog}: {message}")


def add_lang_option(parser: argparse.ArgumentParser, what: str = "output") -> None:
    """``--lang da|en`` (Danish by default)."""
    parser.add_argument("--lang", choices=("da", "en"), default="da", help=N_("language (default: da)"))


def add_as_of_option(parser: argparse.ArgumentParser) -> None:
    """``--as-of DATE``: the date loads are computed for (newcomer status depends on it)."""
    parser.add_argument("--as-of", type=as_of_date, default=None, help=N_("date to compute for (default: today)"))


def add_output_options(parser: argparse.ArgumentParser, example: str, *, required: bool = True) -> None:
    """``-o/--output FILE`` and ``--force``."""
    parser.add_argument("-o", "--output", required=required, help=N_("file to write"))
    parser.add_argument("--force", action="store_true", help=N_("overwrite an existing file"))


def as_of_date(text: str) -> date:
    """An argparse type: a date in Danish or ISO notation."""
    from sagstal_desktop.core.validation import DATE_YEARS_TEXT, InputError, parse_date

    try:
        day = parse_date(text)
    except InputError as exc:
        if exc.code == "date_range":  # the date measured for is no start date
            exc = InputError("day_range", exc.value, DATE_YEARS_TEXT)
        raise argparse.ArgumentTypeError(exc.message(cli_language())) from exc
    if day is None:
        raise argparse.ArgumentTypeError(cli_text(N_("a date is required")))
    return day


def amount(text: str, *, positive: bool = False) -> float:
    """A number typed on the command line, Danish or English notation ("5.000", "396.900,5")."""
    from sagstal_desktop.core.validation import InputError, parse_money

    try:
        value = parse_money(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.message(cli_language())) from exc
    if value is None:
        raise argparse.ArgumentTypeError(cli_text(N_("a number is required")))
    if positive and value <= 0:
        raise argparse.ArgumentTypeError(cli_text(N_("{value} must be a number above zero"), value=repr(text)))
    return value


def name_text(text: str) -> str:
    """An argparse type: a name or label as the team file holds it (at most ``max_name_length``
    characters, no control characters; ``core.validation.check_length``, the reader's bound)."""
    from sagstal_desktop.core.validation import InputError, check_label

    try:
        return check_label(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.message(cli_language())) from exc


def ceiling_amount(text: str) -> float:
    """An argparse type: a caseload (a ceiling or a target) within a norm set's range limits
    (``norm_range_limits`` in resources/defaults.json, as the reader checks them)."""
    from sagstal_desktop.core.formatting import format_number
    from sagstal_desktop.core.validation import caseload_range

    value = amount(text, positive=True)
    low, high = caseload_range()
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(cli_text(
            N_("{value} must lie between {low} and {high} cases per full-time caseworker"), value=repr(text),
            low=format_number(low, 0 if low.is_integer() else 1, cli_language()),
            high=format_number(high, 0 if high.is_integer() else 1, cli_language())))
    return value


def hours_amount(text: str) -> float:
    """An argparse type: weekly hours above 0 and at most ``max_weekly_hours`` (48)."""
    from sagstal_desktop.core.validation import InputError, parse_hours

    try:
        value = parse_hours(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.message(cli_language())) from exc
    if value <= 0:
        raise argparse.ArgumentTypeError(cli_text(N_("{value} must be a number above zero"), value=repr(text)))
    return value


def positive_amount(text: str) -> float:
    """An argparse type: a number above zero."""
    return amount(text, positive=True)


def non_negative_amount(text: str) -> float:
    """An argparse type: a number (zero allowed)."""
    return amount(text)


def output_path(path: str, force: bool, suffixes: tuple[str, ...] = ()) -> Path:
    """The file to write: refused if it exists (without ``--force``), is a folder, has the wrong
    ending, or its folder does not exist."""
    target = Path(path)
    if suffixes and target.suffix.lower() not in suffixes:
        joiner = cli_text(N_(" or "))
        raise CliError(cli_text(N_("{file}: the output must end in {suffixes}"), file=target.name,
                                suffixes=joiner.join(suffixes)))
    if target.is_dir():
        raise CliError(cli_text(N_("{file} is a folder; give a file name"), file=target))
    if target.exists() and not force:
        raise CliError(cli_text(N_("{file} exists; use --force to overwrite it"), file=target))
    if not target.parent.exists():
        raise CliError(cli_text(N_("folder {folder} does not exist"), folder=target.parent))
    return target


def open_team(path: str, *, for_saving: bool = False):
    """Load a team document or raise CliError with the document's own message. ``for_saving``:
    the command saves the team back (its rows are remembered, so the save writes only what
    changed, ``io/incremental_save.py``); a command that only reads does not pay for that."""
    from sagstal_desktop.io.document import DocumentError, load_team

    try:
        return load_team(path, remember=for_saving)
    except DocumentError as exc:
        raise CliError(exc.message(cli_language())) from exc


def add_lock_option(parser: argparse.ArgumentParser) -> None:
    """``--ignore-lock``: write even while the file is open for editing in Sagstal elsewhere."""
    parser.add_argument("--ignore-lock", action="store_true",
                        help=N_("write even if the team file is open in Sagstal (another window or person)"))


def check_edit_lock(target: Path, ignore_lock: bool = False, lang: str = "en") -> None:
    """Refuse to write ``target`` while a window has it open for editing (``io/file_lock.py``)
    unless ``ignore_lock``; a stale lock (its program has crashed) is removed with a note."""
    from sagstal_desktop.i18n import tr
    from sagstal_desktop.io.file_lock import edit_lock_holder, remove_stale_edit_lock

    holder = edit_lock_holder(target)
    if holder is None or ignore_lock:
        return
    if holder.is_stale():
        if remove_stale_edit_lock(target, holder):
            say(tr("Note: {name} had a lock left by a Sagstal that is no longer running ({who}); it was "
                   "removed.", lang).format(name=target.name, who=holder.message(lang)), file=sys.stderr)
            return
        holder = edit_lock_holder(target) or holder
    raise CliError(tr("{name} is open for editing. {who}. Nothing was written; close it there first, or run "
                      "again with --ignore-lock.", lang).format(name=target.name, who=holder.message(lang)))


@contextlib.contextmanager
def writing(target: Path, ignore_lock: bool = False, lang: str = "en") -> Iterator[None]:
    """The few moments of writing ``target``: the short write lock (waiting up to
    ``write_lock_wait_seconds`` for another writer, then exit 2), and no edit lock on it."""
    from sagstal_desktop.io.file_lock import LockBusy, WriteLock

    try:
        with WriteLock(target):
            check_edit_lock(target, ignore_lock, lang)
            yield
    except LockBusy as exc:
        raise CliError(exc.message(lang)) from exc
    except OSError as exc:  # a folder we may not write in
        from sagstal_desktop.io.document import DocumentError

        error = DocumentError("save_failed", target, exc.strerror or str(exc))
        error.__cause__ = exc  # the message says why from the system's error number
        raise CliError(error.message(lang)) from exc


def save_team_file(team, target: Path, lang: str = "en", ignore_lock: bool = False, *, locked: bool = False) -> None:
    """Save ``team`` atomically to ``target`` (under ``writing`` unless ``locked``: the caller
    holds it) or raise CliError with the document's message."""
    from sagstal_desktop.io.document import DocumentError, save_team

    if not locked:
        with writing(target, ignore_lock, lang):
            save_team_file(team, target, lang, locked=True)
        return
    try:
        save_team(team, target)
    except DocumentError as exc:
        raise CliError(exc.message(lang)) from exc


def update_team_file(source: str, change: Callable[[Any], T], target: Path | None = None, lang: str = "en",
                     ignore_lock: bool = False) -> T:
    """Read ``source``, let ``change`` change the team, and save it to ``target`` (default:
    ``source``), all under the write lock of ``target``: two commands on one file never both
    read the old file (the later would erase the earlier's change). Returns what ``change``
    returns."""
    target = Path(source) if target is None else target
    with writing(target, ignore_lock, lang):
        team = open_team(source, for_saving=same_file(Path(source), target))
        result = change(team)
        save_team_file(team, target, lang, locked=True)
    return result


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one existing file."""
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def save_unless_changed(team, target: Path, read: Any, lang: str = "en", ignore_lock: bool = False) -> None:
    """Save ``team`` to ``target``, refused (exit 2) when ``target`` has changed since it was
    read (``read``: its ``io.file_lock.fingerprint`` then, None for another file)."""
    from sagstal_desktop.i18n import tr
    from sagstal_desktop.io.file_lock import changed_since

    with writing(target, ignore_lock, lang):
        if read is not None and changed_since(target, read):
            raise CliError(tr("{name} was changed by someone else while this command ran; nothing was written. "
                              "Run the command again.", lang).format(name=target.name))
        save_team_file(team, target, lang, locked=True)


def choose_norm_set(team, set_id: str | None):
    """The norm set ``--norms`` names (or the team's own choice)."""
    from sagstal_desktop.core.norms import builtin_norm_sets, find_norm_set

    wanted = set_id or team.settings.norm_set_id
    try:
        return find_norm_set(wanted, team.custom_norm_sets)
    except KeyError:
        known = ", ".join(s.id for s in (*team.custom_norm_sets, *builtin_norm_sets()))
        raise CliError(cli_text(N_("unknown norm set {name}; known: {known}"), name=repr(wanted),
                                known=known)) from None

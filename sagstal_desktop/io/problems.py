"""Problems found while importing: where (file, row as Excel shows it, column) and what, in Danish
and English. Errors block the import; warnings may be accepted by the user.

``ProblemList`` keeps the first ``max_import_problems`` (``resources/defaults.json``) and only
counts the rest, so a file with a bad value in each of 200,000 rows gives a short list and
"… og 199.988 problemer mere" (``problem_lines``), while still knowing that it holds errors.

Why a file could not be read or written, in the UI language (``system_reason``): by the system's
error number of the OSError (Windows' ``winerror`` first, then ``errno``), never the system's
English text alone; a library's text (SQLite, the CSV reader) through ``known_reason``.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from sagstal_desktop.core.defaults import defaults
from sagstal_desktop.core.formatting import format_number, format_value
from sagstal_desktop.core.validation import InputError
from sagstal_desktop.i18n import N_, ntr, tr

ERROR, WARNING = "error", "warning"


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (as Excel names columns)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Problem:
    """One problem. ``row`` and ``column`` are None for problems about the whole file or column."""

    severity: str  # ERROR or WARNING
    code: str
    file: str
    row: int | None
    column: str | None  # the header as written in the file ("" if it has none)
    column_index: int | None
    value: str | None
    text_da: str
    text_en: str

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def detail(self, lang: str = "da") -> str:
        return self.text_da if lang == "da" else self.text_en  # both rendered by ``make``

    def location(self, lang: str = "da") -> str:
        """"team.csv, række 5, kolonne »Timer« (C)"."""
        parts = [self.file]
        if self.row is not None:
            parts.append(tr("row {row}", lang).format(row=self.row))
        if self.column_index is not None:
            letter = column_letter(self.column_index)
            parts.append(tr("column \"{header}\" ({letter})", lang).format(header=self.column, letter=letter)
                         if self.column else tr("column {letter}", lang).format(letter=letter))
        return ", ".join(parts)

    def message(self, lang: str = "da") -> str:
        return f"{self.location(lang)}: {self.detail(lang)}"


_TEXTS: dict[str, str] = {
    # code: English msgid; formatted with the keyword arguments of ``make``
    "no_rows": N_("the file has a header row but no rows of staff"),
    "too_many_staff": N_("the file has {rows} rows of staff; a team file holds at most {limit}"),
    "no_name_column": N_("no column is used for the name (\"Navn\"/\"Name\")"),
    "double_target": N_("this column and column \"{other}\" ({other_letter}) are both used for {target}"),
    "unknown_column": N_("unknown column; it will not be imported"),
    "headerless_column": N_("this column has values but no header; it will not be imported"),
    "no_count_columns": N_("no column holds case counts; only the staff data is imported"),
    "no_hours_column": N_("no column holds weekly hours; new staff get {hours} hours"),
    "uncovered_type": N_("the norm set \"{norm_set}\" has no norm for this case type; its cases are counted but "
                         "not measured"),
    "ragged_row": N_("the row has {cells} values but the header only {columns} columns; is a decimal comma used "
                     "in a comma-separated file, or a separator inside a value without quotes?"),
    "future_start": N_("{starts}: the start date lies after today; accepted, and the person counts as a newcomer"),
    "duplicate_name": N_("\"{value}\" is also the name in row {first}; every name must be unique"),
}


def make(severity: str, code: str, file: str, row: int | None = None, column: str | None = None,
         column_index: int | None = None, value: str | None = None, **params: object) -> Problem:
    """A problem; a parameter given as a (Danish, English) pair is used in each language, a decimal
    number is written in each language's notation (37,5 / 37.5)."""

    def text(lang: str, pick: int) -> str:
        values = {k: v[pick] if isinstance(v, tuple) else format_value(v, lang) if isinstance(v, float) else v
                  for k, v in params.items()}
        return tr(_TEXTS[code], lang).format(value=value, **values)

    return Problem(severity, code, file, row, column, column_index, value, text("da", 0), text("en", 1))


def from_input_error(exc: InputError, file: str, row: int, column: str, column_index: int) -> Problem:
    value = exc.shown("en")
    return Problem(ERROR, exc.code, file, row, column, column_index, value, exc.message("da"), exc.message("en"))


class ProblemTexts:
    """Headings used when listing problems (CLI, dialog)."""

    HEADINGS: ClassVar[dict[str, str]] = {
        ERROR: N_("error"),
        WARNING: N_("warning"),
    }

    @classmethod
    def severity(cls, severity: str, lang: str = "da") -> str:
        return tr(cls.HEADINGS[severity], lang)


def problem_cap() -> int:
    """How many problems an import keeps (``max_import_problems`` in ``resources/defaults.json``)."""
    return int(defaults()["max_import_problems"])


class ProblemList:
    """An import's problems in the order found: the first ``cap`` kept, the rest only counted
    (``more``; ``more_errors`` of them errors, so a file is refused even when its errors come
    after the cap). Iterates and sizes like the list of kept problems."""

    def __init__(self, cap: int | None = None) -> None:
        self.cap = problem_cap() if cap is None else cap
        self._kept: list[Problem] = []
        self.more = 0
        self.more_errors = 0

    def add(self, severity: str, build: Callable[[], Problem]) -> None:
        """Keep the problem ``build()`` makes, or past the cap only count it (``build`` is not called)."""
        if len(self._kept) < self.cap:
            self._kept.append(build())
        else:
            self.more += 1
            self.more_errors += severity == ERROR

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._kept)

    def __len__(self) -> int:
        return len(self._kept)

    @property
    def errors(self) -> list[Problem]:
        """The kept errors."""
        return [p for p in self._kept if p.is_error]

    @property
    def error_count(self) -> int:
        """Every error found, kept or only counted."""
        return len(self.errors) + self.more_errors

    @property
    def total(self) -> int:
        """Every problem found, kept or only counted."""
        return len(self._kept) + self.more


class ReadResult:
    """What an import of a spreadsheet read (the subclass's own field) and its ``problems``; any
    error, kept or only counted, refuses the whole file (``FlowImport``, ``HistoryImport``)."""

    problems: ProblemList

    @property
    def errors(self) -> list[Problem]:
        """The kept errors."""
        return self.problems.errors

    @property
    def refused(self) -> bool:
        """Whether the file has an error (then nothing of it is used)."""
        return self.problems.error_count > 0


def more_problems_line(more: int, lang: str = "da") -> str:
    """"… og 12.345 problemer mere" / "… and 12,345 more problems" ("" for none)."""
    if not more:
        return ""
    return ntr("… and {n} more problem", "… and {n} more problems", more, lang).format(
        n=format_number(more, 0, lang))


def problem_lines(problems: ProblemList, lang: str = "da") -> list[str]:
    """The kept problems as "fejl: fil, række 3, …: …" lines, then how many more there were."""
    lines = [f"{ProblemTexts.severity(p.severity, lang)}: {p.message(lang)}" for p in problems]
    more = more_problems_line(problems.more, lang)
    return [*lines, more] if more else lines


def known_reason(detail: str, known: tuple[tuple[str, str], ...], lang: str = "da") -> str | None:
    """The translated reason for a library's (English) error text ``detail``: the msgid of the
    first ``(piece of the text, English msgid)`` of ``known`` whose piece it holds, else None
    (the team-file and the spreadsheet readers' damaged files)."""
    text = detail.lower()
    for piece, msgid in known:
        if piece in text:
            return tr(msgid, lang)
    return None


# -- a file operation that failed --------------------------------------------------------------

#: Why a file or folder could not be used, as a clause that follows "... cannot be read:" or
#: "... could not be saved:" (the message names the file).
_SYSTEM_REASONS: dict[str, str] = {  # kind: English msgid
    "denied": N_("access was refused (you may not have permission for the file or its folder, the file may "
                 "be read-only, or another program such as Excel or OneDrive may be holding it)"),
    "missing": N_("the file or a folder on its path does not exist (it may have been moved, renamed or "
                  "deleted, or the drive is not connected)"),
    "full": N_("the drive is full; free some space and try again"),
    "quota": N_("your storage quota on the drive is used up; free some space or ask IT support for more, "
                "and try again"),
    "read_only_drive": N_("the drive can only be read, so nothing can be written to it"),
    "exists": N_("a file or folder with that name already exists"),
    "is_folder": N_("it is a folder, not a file"),
    "not_folder": N_("a part of the path that should be a folder is a file"),
    "too_long": N_("the path is too long (Windows allows about 260 characters); move the file to a folder "
                   "with a shorter path or use shorter names"),
    "in_use": N_("another program has the file open, and Windows does not tell which; close the file in "
                 "Excel or any other program, or wait for OneDrive to finish syncing, and try again"),
    "network": N_("the connection to the network drive was lost; check the network or VPN connection and "
                  "try again"),
    "stale": N_("the network drive no longer knows the file (it was changed or moved on the server); open "
                "the folder again and try once more"),
    "io": N_("the drive reported an error while reading or writing; the drive or the network connection "
             "may be failing"),
    "timeout": N_("the drive did not answer in time (a network drive or a sync folder that is slow or "
                  "offline); try again in a moment"),
    "cloud": N_("the file is kept in OneDrive (or another sync folder) and is not on this computer, and the "
                "sync program is not running; start OneDrive and try again"),
}

#: The system's error numbers (``OSError.errno``) by kind.
_ERRNO_KINDS: dict[str, str] = {
    "EACCES": "denied", "EPERM": "denied", "ENOENT": "missing", "ENOSPC": "full", "EDQUOT": "quota",
    "EROFS": "read_only_drive", "EEXIST": "exists", "EISDIR": "is_folder", "ENOTDIR": "not_folder",
    "ENAMETOOLONG": "too_long", "EBUSY": "in_use", "ETXTBSY": "in_use", "ESTALE": "stale", "EIO": "io",
    "ETIMEDOUT": "timeout", "ENETDOWN": "network", "ENETUNREACH": "network", "ENETRESET": "network",
    "ECONNRESET": "network", "ECONNABORTED": "network", "EHOSTDOWN": "network", "EHOSTUNREACH": "network",
    "ENOTCONN": "network", "ENXIO": "missing", "ENODEV": "missing",
}
_ERRNOS: dict[int, str] = {getattr(errno, name): kind for name, kind in _ERRNO_KINDS.items() if hasattr(errno, name)}

#: Windows' own error numbers (``OSError.winerror``): checked first, they say more than the errno
#: Python maps them to (a sharing violation is EACCES like a missing permission).
_WINERRORS: dict[int, str] = {
    5: "denied",  # ERROR_ACCESS_DENIED
    19: "read_only_drive",  # ERROR_WRITE_PROTECT
    32: "in_use",  # ERROR_SHARING_VIOLATION
    33: "in_use",  # ERROR_LOCK_VIOLATION
    39: "full",  # ERROR_HANDLE_DISK_FULL
    51: "network",  # ERROR_REM_NOT_LIST
    53: "network",  # ERROR_BAD_NETPATH
    59: "network",  # ERROR_UNEXP_NET_ERR
    64: "network",  # ERROR_NETNAME_DELETED
    67: "network",  # ERROR_BAD_NET_NAME
    112: "full",  # ERROR_DISK_FULL
    121: "timeout",  # ERROR_SEM_TIMEOUT
    206: "too_long",  # ERROR_FILENAME_EXCED_RANGE
    362: "cloud",  # ERROR_CLOUD_FILE_PROVIDER_NOT_RUNNING
    1117: "io",  # ERROR_IO_DEVICE
    1231: "network",  # ERROR_NETWORK_UNREACHABLE
    1295: "quota",  # ERROR_DISK_QUOTA_EXCEEDED
}

_UNKNOWN = N_("an error occurred that Sagstal cannot explain ({detail})")


def system_error(exc: BaseException | None) -> OSError | None:
    """The OSError that ``exc`` is or was caused by (``raise ... from``): the innermost one of the
    chain, which carries the system's own numbers (``atomic_write.WriteFailed`` wraps the OSError
    it was raised from); None if there is none."""
    found = None
    for _ in range(8):  # a chain is short; a cycle must not hang
        if exc is None:
            break
        if isinstance(exc, OSError):
            found = exc
        exc = exc.__cause__
    return found


def system_kind(exc: OSError) -> str | None:
    """"denied", "full", "in_use", ... for ``exc`` by its Windows error number, else its errno; None
    for a number without a kind."""
    winerror = getattr(exc, "winerror", None)
    if isinstance(winerror, int) and winerror in _WINERRORS:
        return _WINERRORS[winerror]
    return _ERRNOS.get(exc.errno) if isinstance(exc.errno, int) else None


def system_reason(exc: BaseException, lang: str = "da") -> str:
    """Why a file operation failed, translated, as a clause without a final full stop (the message
    around it names the file): by the system's error number of the OSError behind ``exc``; for
    one unknown, a translated clause with the system's own text in parentheses (for IT support)."""
    error = system_error(exc)
    kind = system_kind(error) if error is not None else None
    if kind is not None:
        return tr(_SYSTEM_REASONS[kind], lang)
    return tr(_UNKNOWN, lang).format(detail=system_text(error if error is not None else exc))


def system_text(exc: BaseException) -> str:
    """The system's own words for ``exc`` with its number ("[Errno 95] Operation not supported"),
    without the file's path (the message names the file)."""
    if isinstance(exc, OSError) and exc.strerror:
        winerror = getattr(exc, "winerror", None)
        number = f"[WinError {winerror}] " if winerror else f"[Errno {exc.errno}] " if exc.errno else ""
        return f"{number}{exc.strerror}"[:200]
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


def library_reason(detail: str, known: tuple[tuple[str, str], ...], lang: str = "da") -> str:
    """``known_reason`` of a library's text, else a translated clause with the text in parentheses:
    never the library's English alone."""
    reason = known_reason(detail, known, lang)
    return reason if reason is not None else tr(_UNKNOWN, lang).format(detail=detail[:200])


#: The (English) texts of SQLite and Python's CSV reader when a file cannot be written or read,
#: by a piece of the text (lower case).
LIBRARY_FAILURES: tuple[tuple[str, str], ...] = (  # (piece of the library's text, English msgid)
    ("disk is full", _SYSTEM_REASONS["full"]),
    ("disk i/o error", _SYSTEM_REASONS["io"]),
    ("unable to open database file", N_("the file could not be made in its folder (no permission to write "
                                        "there, or the folder does not exist)")),
    ("readonly database", N_("the file or its folder can only be read")),
    ("string or blob too big", N_("a text in the team is longer than a team file can hold")),
    ("too large to convert", N_("a number in the team is larger than a team file can hold")),
    ("out of range float", N_("a number in the team is not a finite number")),
    ("field larger than field limit", N_("a cell is longer than a cell may be (perhaps a quotation mark that "
                                         "is never closed)")),
    ("new-line character seen in unquoted field", N_("a cell holds a line break but is not in quotation "
                                                     "marks")),
    ("line contains nul", N_("it holds null characters, so it is not a text file")),
)


def failure_detail(error: BaseException, detail: str, lang: str = "da") -> str:
    """The reason in a message about a file that could not be read or written: ``system_reason``
    when an OSError is behind ``error`` (itself or its causes), else the library's ``detail``
    through ``LIBRARY_FAILURES`` (``library_reason``)."""
    cause = system_error(error)
    if cause is not None:
        return system_reason(cause, lang)
    return library_reason(detail, LIBRARY_FAILURES, lang) if detail else tr(_UNKNOWN, lang).format(
        detail=type(error).__name__)

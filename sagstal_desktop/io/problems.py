"""Problems found while importing: where (file, row as Excel shows it, column) and what, in Danish
and English. Errors block the import; warnings may be accepted by the user.

``ProblemList`` keeps the first ``max_import_problems`` (``resources/defaults.json``) and only
counts the rest, so a file with a bad value in each of 200,000 rows gives a short list and
"… og 199.988 problemer mere" (``problem_lines``), while still knowing that it holds errors.
"""

from __future__ import annotations

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

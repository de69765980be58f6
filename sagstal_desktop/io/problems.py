"""Problems found while importing: where (file, row as Excel shows it, column) and what, in Danish
and English. Errors block the import; warnings may be accepted by the user."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sagstal_desktop.core.formatting import format_value
from sagstal_desktop.core.validation import InputError
from sagstal_desktop.i18n import N_, tr

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

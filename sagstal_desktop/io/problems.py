"""Problems found while importing: where (file, row as Excel shows it, column) and what, in Danish
and English. Errors block the import; warnings may be accepted by the user."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sagstal_desktop.core.validation import InputError

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
        return self.text_da if lang == "da" else self.text_en

    def location(self, lang: str = "da") -> str:
        """"team.csv, række 5, kolonne »Timer« (C)"."""
        parts = [self.file]
        if self.row is not None:
            parts.append(f"{'række' if lang == 'da' else 'row'} {self.row}")
        if self.column_index is not None:
            letter = column_letter(self.column_index)
            word = "kolonne" if lang == "da" else "column"
            parts.append(f"{word} \"{self.column}\" ({letter})" if self.column else f"{word} {letter}")
        return ", ".join(parts)

    def message(self, lang: str = "da") -> str:
        return f"{self.location(lang)}: {self.detail(lang)}"


_TEXTS: dict[str, tuple[str, str]] = {
    # code: (English, Danish); formatted with the keyword arguments of ``make``
    "no_rows": ("the file has a header row but no rows of staff",
                "filen har en overskriftsrække, men ingen medarbejdere"),
    "no_name_column": ("no column is used for the name (\"Navn\"/\"Name\")",
                       "ingen kolonne bruges til navnet (\"Navn\"/\"Name\")"),
    "double_target": ("this column and column \"{other}\" ({other_letter}) are both used for {target}",
                      "denne kolonne og kolonnen \"{other}\" ({other_letter}) bruges begge til {target}"),
    "unknown_column": ("unknown column; it will not be imported", "ukendt kolonne; den bliver ikke importeret"),
    "headerless_column": ("this column has values but no header; it will not be imported",
                          "kolonnen har værdier, men ingen overskrift; den bliver ikke importeret"),
    "no_count_columns": ("no column holds case counts; only the staff data is imported",
                         "ingen kolonne indeholder sagstal; kun medarbejderoplysningerne importeres"),
    "no_hours_column": ("no column holds weekly hours; new staff get {hours} hours",
                        "ingen kolonne indeholder ugentlige timer; nye medarbejdere får {hours} timer"),
    "uncovered_type": ("the norm set \"{norm_set}\" has no norm for this case type; its cases are counted but "
                       "not measured", "normsættet \"{norm_set}\" har ingen norm for denne sagstype; sagerne tælles "
                       "med, men måles ikke"),
    "ragged_row": ("the row has {cells} values but the header only {columns} columns; is a decimal comma used "
                   "in a comma-separated file, or a separator inside a value without quotes?",
                   "rækken har {cells} værdier, men overskriften kun {columns} kolonner; er der brugt decimalkomma i "
                   "en kommasepareret fil eller et skilletegn i en værdi uden anførselstegn?"),
    "future_start": ("{starts}: the start date lies after today; accepted, and the person counts as a newcomer",
                     "{starts}: ansættelsesdatoen ligger efter i dag; den accepteres, og medarbejderen regnes "
                     "som nyansat"),
    "duplicate_name": ("\"{value}\" is also the name in row {first}; every name must be unique",
                       "\"{value}\" er også navnet i række {first}; hvert navn må kun forekomme én gang"),
}


def make(severity: str, code: str, file: str, row: int | None = None, column: str | None = None,
         column_index: int | None = None, value: str | None = None, **params: object) -> Problem:
    """A problem; a parameter given as a (Danish, English) pair is used in each language."""
    english, danish = _TEXTS[code]
    da = {"value": value, **{k: v[0] if isinstance(v, tuple) else v for k, v in params.items()}}
    en = {"value": value, **{k: v[1] if isinstance(v, tuple) else v for k, v in params.items()}}
    return Problem(severity, code, file, row, column, column_index, value, danish.format(**da), english.format(**en))


def from_input_error(exc: InputError, file: str, row: int, column: str, column_index: int) -> Problem:
    value = exc.shown("en")
    return Problem(ERROR, exc.code, file, row, column, column_index, value, exc.message("da"), exc.message("en"))


class ProblemTexts:
    """Headings used when listing problems (CLI, dialog)."""

    HEADINGS: ClassVar[dict[str, tuple[str, str]]] = {
        ERROR: ("error", "fejl"),
        WARNING: ("warning", "advarsel"),
    }

    @classmethod
    def severity(cls, severity: str, lang: str = "da") -> str:
        english, danish = cls.HEADINGS[severity]
        return danish if lang == "da" else english

"""Parsing and checking what people type or import: hours, case counts, dates, money.

Every parser accepts Danish notation (decimal comma, 1.3.2026) as well as plain numbers and
ISO dates, and raises ``InputError``: a code, the value, and a message in Danish or English
that names what is wrong. Callers add the row and column (the GUI, the importer, the CLI).
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta
from typing import Any

from sagstal_desktop.core.defaults import defaults
from sagstal_desktop.core.formatting import format_date, format_value
from sagstal_desktop.core.lazy_pattern import LazyPattern
from sagstal_desktop.i18n import N_, tr

_MESSAGES: dict[str, str] = {
    # code: English msgid; {value} is the input as typed (or a number in the reader's notation), {limit} a bound
    "empty": N_("a value is required"),
    "not_number": N_("\"{value}\" is not a number"),
    "not_whole": N_("\"{value}\" is not a whole number of cases"),
    "ambiguous_count": N_("\"{value}\" can be read as a decimal number or as {limit} with a thousands separator; "
                          "write the number of cases without a separator, e.g. {limit}"),
    "negative": N_("\"{value}\" is negative"),
    "hours_range": N_("\"{value}\" hours is outside 0-{limit}"),
    "other_exceeds": N_("\"{value}\" hours on other tasks is more than the {limit} weekly hours"),
    "not_date": N_("\"{value}\" is not a date (use 1.3.2026 or 2026-03-01)"),
    "date_range": N_("\"{value}\" is not a plausible start date"),
    "month_range": N_("\"{value}\" is not a plausible month (the years {limit})"),
    "day_range": N_("\"{value}\" is not a plausible date (the years {limit})"),
    "too_large": N_("\"{value}\" is larger than {limit}"),
    "share_range": N_("\"{value}\" is outside 0-100 %"),
    "name_empty": N_("the name is empty"),
    "unknown_competence": N_("\"{value}\" is neither a case type nor an area"),
    "not_yes_no": N_("\"{value}\" is not yes or no"),
    "too_long": N_("\"{value}\" is longer than {limit} characters"),
    "year_range": N_("\"{value}\" is outside {limit}"),
    "not_month": N_("\"{value}\" is not a month (use 2026-03 or 3.2026)"),
    "control_char": N_("\"{value}\" contains a control character (such as a line break or an escape code)"),
    "weighting_mode": N_("\"{value}\" is not a weighting; use off, range or points"),
    "unknown_level": N_("\"{value}\" is not a level; use enkel, kompleks or saerligt"),
    "points_twice": N_("the level \"{value}\" is named twice"),
    "points_range": N_("\"{value}\" points must be more than 0 and at most {limit}"),
    "points_syntax": N_("\"{value}\" is not a list of points; write e.g. enkel=1,kompleks=1.5,saerligt=2"),
    "levels_over_total": N_("{value} cases at a level are more than the {limit} cases of the type"),
}


class InputError(ValueError):
    """A value that cannot be used, with a message in Danish or English (``message(lang)``)."""

    def __init__(self, code: str, value: Any, limit: Any = None) -> None:
        self.code, self.value, self.limit = code, value, limit
        super().__init__(self.message("en"))

    def message(self, lang: str = "da") -> str:
        """The message in ``lang``; the value as the user typed it (text) or in ``lang``'s notation
        (a number from a cell: 30.5 -> "30,5" in Danish, 100000 -> "100.000"), the limit likewise."""
        return tr(_MESSAGES[self.code], lang).format(value=self.shown(lang), limit=format_value(self.limit, lang))


    def shown(self, lang: str = "en") -> str:
        """The value as quoted: typed text as typed, a number in ``lang``'s notation."""
        return self.value if isinstance(self.value, str) else _plain(self.value, lang)


def is_blank(value: Any) -> bool:
    """An empty cell or field: None, or text of only white space."""
    return value is None or (isinstance(value, str) and not value.strip())


def _plain(value: Any, lang: str = "en") -> str:
    """A number as plain text in ``lang``'s notation (``core.formatting.format_value``): no trailing
    ".0"; in Danish with a decimal comma and thousands points ("12,5", "100.000")."""
    return format_value(value, lang)


def limits() -> dict[str, Any]:
    """Validation limits and defaults from ``resources/defaults.json``."""
    return defaults()


# re.ASCII: \d is 0-9 only (Python's float() would read Arabic-Indic and other digits too).
_DECIMAL = LazyPattern(r"^[+-]?\d+(?:[.,]\d+)?$", re.ASCII)
_GROUPED = LazyPattern(r"^[+-]?\d{1,3}(?:([.\s])\d{3})+(?:,\d+)?$", re.ASCII)  # 1.234.567,50 or 1 234 567
_GROUPED_EN = LazyPattern(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$", re.ASCII)  # 1,234,567.50


def parse_number(value: Any, *, grouping: bool = False) -> float:
    """A number from a cell or a text field: 12, 12.5, "12,5", " 37 ". With ``grouping``
    (money), also "500.000", "500.000,50" and "500,000.50". Raises InputError."""
    if value is None:
        raise InputError("empty", "")
    if isinstance(value, bool):
        raise InputError("not_number", str(value))
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise InputError("not_number", str(value))
        return float(value)
    text = str(value).strip().replace("\u00a0", " ")
    if not text:
        raise InputError("empty", "")
    number: float | None = None
    if grouping:
        for suffix in ("kr.", "kr", "DKK"):
            text = text.removesuffix(suffix).strip()
        text = text.removeprefix("DKK").strip()
        if _GROUPED.match(text):
            sep = _GROUPED.match(text).group(1)
            number = float(text.replace(sep, "").replace(",", "."))
        elif _GROUPED_EN.match(text):
            number = float(text.replace(",", ""))
    if number is None and _DECIMAL.match(text):
        number = float(text.replace(",", "."))
    if number is None or not math.isfinite(number):  # a 400-digit number reads as infinity
        raise InputError("not_number", shorten(str(value).strip()))
    return number


def parse_hours(value: Any) -> float:
    """Weekly hours: a number from 0 to the limit (48)."""
    hours = parse_number(value)
    limit = limits()["max_weekly_hours"]
    if not 0 <= hours <= limit:
        raise InputError("hours_range", _shown(value), limit)
    return hours


def parse_other_hours(value: Any, weekly_hours: float | None = None) -> float:
    """Hours on other tasks: 0 up to the person's weekly hours."""
    if is_blank(value):
        return 0.0
    hours = parse_number(value)
    if hours < 0:
        raise InputError("negative", _shown(value))
    if weekly_hours is not None and hours > weekly_hours:
        raise InputError("other_exceeds", _shown(value), weekly_hours)
    return hours


_COUNT_THOUSANDS_DA = LazyPattern(r"^\d{1,3}(?:\.\d{3})+$", re.ASCII)  # 1.000, 12.345: Danish thousands
_COUNT_THOUSANDS_EN = LazyPattern(r"^\d{1,3}(?:,\d{3})+$", re.ASCII)  # 1,000: Danish 1 or English 1000


def caseload_range() -> tuple[float, float]:
    """The bounds of a caseload figure (a range's ends, a ceiling, a target caseload):
    ``norm_range_limits`` in resources/defaults.json, as the reader checks them."""
    low, high = limits()["norm_range_limits"]
    return float(low), float(high)


#: The most cases of one type one person may hold: the one bound of a typed count, the team
#: file (``io.team_schema``) and a plan (``core.planning.distribute``).
MAX_COUNT = 100_000


def parse_count(value: Any) -> int:
    """A case count: a whole number, 0 or more. Empty counts as 0.

    A count is never misread through a thousands separator: "1.000" (Danish notation) is 1000;
    "1,000" could be Danish 1 or English 1000 and is refused with a message; "12,5" is refused
    as not whole."""
    if is_blank(value):
        return 0
    if isinstance(value, str):
        text = value.strip().replace("\u00a0", " ")
        if _COUNT_THOUSANDS_DA.match(text):
            value = text.replace(".", "")
        elif _COUNT_THOUSANDS_EN.match(text):
            raise InputError("ambiguous_count", text, text.replace(",", ""))
    number = parse_number(value)
    if number < 0:
        raise InputError("negative", _shown(value))
    if not float(number).is_integer():
        raise InputError("not_whole", _shown(value))
    if number > MAX_COUNT:
        raise InputError("too_large", _shown(value), MAX_COUNT)
    return int(number)


def parse_share(value: Any) -> float:
    """A share typed in percent ("25", "25 %", "12,5") as a fraction 0-1."""
    text = value.strip().removesuffix("%").strip() if isinstance(value, str) else value
    pct = parse_number(text)
    if not 0 <= pct <= 100:
        raise InputError("share_range", _shown(value))
    return pct / 100


def parse_money(value: Any) -> float | None:
    """DKK a year: "550.000", "550000", "550.000,00 kr."; empty -> None."""
    if is_blank(value):
        return None
    amount = parse_number(value, grouping=True)
    if amount < 0:
        raise InputError("negative", _shown(value))
    return amount


_EXCEL_EPOCH = date(1899, 12, 30)
_DMY = LazyPattern(r"^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{2}|\d{4})$", re.ASCII)
_ISO = LazyPattern(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)


def parse_date(value: Any) -> date | None:
    """A start date: 1.3.2026, 01-03-2026, 1/3/26, 2026-03-01, an Excel serial day number,
    or a date/datetime object. Empty -> None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return _checked(value.date(), value.date().isoformat())
    if isinstance(value, date):
        return _checked(value, value.isoformat())
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_serial(value)
    text = str(value).strip()
    if not text:
        return None
    text = text.split("T")[0].split(" 00:00")[0]
    try:
        if m := _ISO.match(text):
            return _checked(date(int(m[1]), int(m[2]), int(m[3])), value)
        if m := _DMY.match(text):
            year = int(m[3])
            if len(m[3]) == 2:
                year += 2000 if year < 70 else 1900
            return _checked(date(year, int(m[2]), int(m[1])), value)
        if re.fullmatch(r"\d{5}(?:[.,]0+)?", text, re.ASCII):
            return _from_serial(float(text.replace(",", ".")))
    except InputError:
        raise
    except ValueError:  # e.g. 31.2.2026
        pass
    raise InputError("not_date", text)


_YM = LazyPattern(r"^(\d{4})[-/.](\d{1,2})$", re.ASCII)  # 2026-03
_MY = LazyPattern(r"^(\d{1,2})[-/.](\d{4})$", re.ASCII)  # 3.2026, 03-2026
_NAMED = LazyPattern(r"^([^\W\d_]+)\.?[ -]+(\d{4})$")  # marts 2026, Mar 2026
#: The first three letters of the month names in Danish and English (maj/may, okt/oct).
_MONTH_NAMES = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "maj": 5, "may": 5, "jun": 6, "jul": 7, "aug": 8,
                "sep": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12}


def parse_month(value: Any) -> date:
    """A month as its first day: 2026-03, 3.2026, 03/2026, "marts 2026", "Mar 2026", or any date
    (1.3.2026, 2026-03-15, an Excel date or serial) for the month it lies in. Raises InputError."""
    if is_blank(value):
        raise InputError("empty", "")
    text = value.strip() if isinstance(value, str) else None
    if text is not None:
        match = _YM.match(text) or _MY.match(text)
        if match:
            ym = match.re is _YM.compiled()
            year, month = (int(match[1]), int(match[2])) if ym else (int(match[2]), int(match[1]))
            if not 1 <= month <= 12:
                raise InputError("not_month", text)
            return _checked(date(year, month, 1), text, "month_range")
        if (named := _NAMED.match(text)) and named[1][:3].lower() in _MONTH_NAMES:
            return _checked(date(int(named[2]), _MONTH_NAMES[named[1][:3].lower()], 1), text, "month_range")
    try:
        day = parse_date(value)
    except InputError as exc:
        if exc.code == "date_range":  # a month is no start date: say so in the month's words
            raise InputError("month_range", exc.value, DATE_YEARS_TEXT) from None
        raise InputError("not_month", shorten(text if text is not None else str(value))) from None
    return day.replace(day=1)


def _from_serial(serial: float) -> date:
    if not (1 <= serial <= 2_958_465) or not float(serial).is_integer():
        raise InputError("not_date", str(int(serial)) if float(serial).is_integer() else repr(float(serial)))
    return _checked(_EXCEL_EPOCH + timedelta(days=int(serial)), serial)


#: The years a date typed or read may lie in.
DATE_YEARS = (1950, 2100)
DATE_YEARS_TEXT = f"{DATE_YEARS[0]}-{DATE_YEARS[1]}"


def _checked(day: date, raw: Any, code: str = "date_range") -> date:
    if not DATE_YEARS[0] <= day.year <= DATE_YEARS[1]:
        raise InputError(code, _shown(raw), None if code == "date_range" else DATE_YEARS_TEXT)
    return day


def _shown(value: Any) -> Any:
    """The value for a message: text as typed (stripped); numbers stay numbers, formatted in the
    message's language."""
    return value.strip() if isinstance(value, str) else value


def check_name(value: Any) -> str:
    """A name (staff member, norm set): not empty, at most ``max_name_length`` characters."""
    name = "" if value is None else str(value).strip()
    if not name:
        raise InputError("name_empty", "")
    return check_length(name)


#: Control characters: C0 (line breaks and tab included), DEL and C1 (such as the one-byte CSI).
CONTROL_CHARACTERS = LazyPattern(r"[\x00-\x1f\x7f-\x9f]")
#: In free text (a note, other tasks) line breaks and tabs are text; the rest are not.
_FREE_TEXT_CONTROLS = LazyPattern(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def check_length(text: str, limit_key: str = "max_name_length") -> str:
    """``text`` unchanged if it is at most the limit's number of characters (``max_name_length``
    for names and labels, ``max_text_length`` for notes) and holds no control character (a
    name none at all; free text may hold line breaks and tabs); else InputError showing its
    start."""
    limit = int(limits()[limit_key])
    if len(text) > limit:
        raise InputError("too_long", strip_controls(shorten(text)), limit)
    controls = CONTROL_CHARACTERS if limit_key == "max_name_length" else _FREE_TEXT_CONTROLS
    if controls.search(text):
        raise InputError("control_char", strip_controls(shorten(text)))
    return text


def check_label(value: Any) -> str:
    """A label (a snapshot's; may be empty): at most ``max_name_length`` characters, no control
    character; surrounding white space removed."""
    return check_length("" if value is None else str(value).strip())


def strip_controls(text: str) -> str:
    """``text`` without control characters (for output: a spreadsheet cell, a terminal line)."""
    return CONTROL_CHARACTERS.sub("", text)


def shorten(text: str, width: int = 40) -> str:
    """The start of a long text for a message: at most ``width`` characters, "…" if cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def budget_years_range() -> tuple[int, int]:
    """The allowed number of years in a budget table (inclusive)."""
    low, high = limits()["budget_years_range"]
    return int(low), int(high)


def budget_first_year_range() -> tuple[int, int]:
    """The allowed first budget year (inclusive)."""
    low, high = limits()["budget_first_year_range"]
    return int(low), int(high)


def check_budget_years(value: int) -> int:
    """A number of budget years within ``budget_years_range``; else InputError."""
    low, high = budget_years_range()
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InputError("year_range", _plain(value), f"{low}-{high}")
    return value


_FUTURE_START = N_("starts {day}")
_FUTURE_START_NOTE = N_("The start date lies after the date computed for; the person counts as a newcomer.")


def future_start(start: date | None, as_of: date, lang: str = "da") -> str:
    """A start date still to come is accepted but said out loud: "starter 1.1.2030" ("" for a
    start date on or before ``as_of``)."""
    if start is None or start <= as_of:
        return ""
    return tr(_FUTURE_START, lang).format(day=format_date(start, lang))


def future_start_note(lang: str = "da") -> str:
    """What a future start date means for the computation (a tooltip or a warning's detail)."""
    return tr(_FUTURE_START_NOTE, lang)

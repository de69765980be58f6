"""The one number and date formatter for display and messages, in every layer (CLDR notation).

Danish: ``1.234,5`` · ``98,7 %`` · ``1.234.567 kr.`` · ``23.11.2026`` · ``23. november 2026``;
English: ``1,234.5`` · ``98.7%`` · ``DKK 1,234,567`` · ``2026-11-23`` · ``23 November 2026``.
Every function takes ``lang`` ("da" or "en"; None = the current language of ``sagstal_desktop.i18n``).
Values are rounded half up (``round_half_up``, as people and the DS survey round) before they are
formatted, so shown parts add up to shown totals the way a reader checks them on paper.

Numbers, percentages, kroner, short dates and time stamps are formatted here, with the CLDR symbols and layouts
of ``resources/number_formats.json`` (taken from Babel by ``scripts/make_number_formats.py``): Babel's
``format_decimal`` costs ~0.1 ms a number (a memo shows thousands) and importing Babel with its
Danish locale data ~55 ms, which the window's first paint need not pay. ``tests/test_formatting_fast.py``
proves the output equal to Babel's for any value. Long dates (month names) use Babel, imported on
first use.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import cache
from typing import Any, NamedTuple

#: Decimal precision wide enough for any finite float with its decimals (1e308 has 309 digits).
_WIDE = Context(prec=400)
_FALLBACK = "en"


class _Notation(NamedTuple):
    """One language's notation (``resources/number_formats.json``)."""

    locale: str
    decimal: str
    group: str
    minus: str
    primary: int
    secondary: int
    percent: tuple[str, str]
    currency: tuple[str, str]
    short_date: str
    timestamp: str


@cache
def _notations() -> dict[str, _Notation]:
    from sagstal_desktop.assets import load_json

    table = load_json("number_formats.json")["languages"]
    return {lang: _Notation(one["locale"], one["decimal"], one["group"], one["minus"], *one["grouping"],
                            tuple(one["percent"]), tuple(one["currency"]), one["short_date"]["template"],
                            one["timestamp"]["template"])
            for lang, one in table.items()}


def _notation(lang: str | None) -> _Notation:
    if lang is None:
        from sagstal_desktop.i18n import current_language

        lang = current_language()
    notations = _notations()
    return notations.get(lang) or notations[_FALLBACK]


def _locale(lang: str | None) -> str:
    """Babel's locale name for ``lang`` (``da_DK``, ``en_GB``)."""
    return _notation(lang).locale


@cache
def _quantum(digits: int) -> Decimal:
    return Decimal(1).scaleb(-digits)


def round_half_up(value: float, digits: int = 0) -> float:
    """Round as a person (and the survey) does: 57.5 -> 58, 2.25 -> 2.3 (not Python's banker's rule)."""
    if not math.isfinite(value):
        return float(value)
    return float(Decimal(repr(float(value))).quantize(_quantum(digits), rounding=ROUND_HALF_UP, context=_WIDE))


def _decimal(value: float, decimals: int) -> Decimal:
    """``value`` rounded half up to ``decimals`` places, without a negative zero (``_WIDE``
    precision, so even 1e308 keeps its digits)."""
    rounded = Decimal(repr(float(value))).quantize(_quantum(decimals), rounding=ROUND_HALF_UP, context=_WIDE)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def _group(digits: str, symbol: str, primary: int, secondary: int) -> str:
    """``1234567`` -> ``1.234.567``: the last ``primary`` digits, then groups of ``secondary``."""
    if len(digits) <= primary:
        return digits
    groups = [digits[-primary:]]
    rest = digits[:-primary]
    while len(rest) > secondary:
        groups.append(rest[-secondary:])
        rest = rest[:-secondary]
    groups.append(rest)
    return symbol.join(reversed(groups))


def _number(value: float, decimals: int, notation: _Notation) -> str:
    """A finite ``value`` rounded half up to ``decimals`` places in ``notation``."""
    text = format(_decimal(value, decimals), "f")  # plain digits, also for 1e308 and decimals < 0
    sign = ""
    if text[0] == "-":
        sign, text = notation.minus, text[1:]
    whole, _, fraction = text.partition(".")
    grouped = _group(whole, notation.group, notation.primary, notation.secondary)
    return sign + grouped + notation.decimal + fraction if fraction else sign + grouped


def format_number(value: float | None, decimals: int = 1, lang: str | None = "da", empty: str = "–") -> str:
    """``1234.56`` -> ``1.234,6`` (da) or ``1,234.6`` (en); None -> ``empty``. Rounds half up.
    A value that is not a finite number (NaN, inf) is shown as ``empty`` too, never as "nan"."""
    if value is None or not math.isfinite(value):
        return empty
    return _number(value, decimals, _notation(lang))


def format_percent(fraction: float | None, decimals: int = 0, lang: str | None = "da", empty: str = "–") -> str:
    """``0.987`` -> ``99 %`` (da) / ``99%`` (en); with ``decimals=1`` ``98,7 %``. Rounds half up."""
    if fraction is None or not math.isfinite(fraction):
        return empty
    notation = _notation(lang)
    before, after = notation.percent
    scaled = fraction * 100
    # a fraction near the float limit overflows to inf and shows as format_number's "–" (as it always has)
    return before + (_number(scaled, decimals, notation) if math.isfinite(scaled) else format_number(None)) + after


def format_dkk(value: float | None, lang: str | None = "da", empty: str = "–") -> str:
    """Whole kroner: ``1.234.567 kr.`` (da) / ``DKK 1,234,567`` (en)."""
    if value is None or not math.isfinite(value):
        return empty
    notation = _notation(lang)
    before, after = notation.currency
    return before + _number(value, 0, notation) + after


def format_range(low: float | None, high: float | None, lang: str | None = "da") -> str:
    """``20-30``; whole numbers without decimals, others with one (``12,5-20``)."""
    if low is None or high is None:
        return "–"

    def one(v: float) -> str:
        v = round(float(v), 1)  # no float noise: 45.00000000001 is 45, never "45,0"
        return format_number(v, 0 if v.is_integer() else 1, lang)

    return f"{one(low)}-{one(high)}"


def format_date(day: date | None, lang: str | None = "da") -> str:
    """A short date: ``1.3.2026`` / ``23.11.2026`` (da) or ``2026-03-01`` (en); None -> ""."""
    if day is None:
        return ""
    return _notation(lang).short_date.format(day=day.day, month=day.month, year=day.year)


def format_long_date(day: date, lang: str | None = "da") -> str:
    """``22. november 2026`` (da) / ``22 November 2026`` (en)."""
    from babel.dates import format_date as babel_date

    locale = _locale(lang)
    return babel_date(day, "d. MMMM yyyy" if locale == "da_DK" else "d MMMM yyyy", locale=locale)


def format_timestamp(moment: datetime, lang: str | None = "da") -> str:
    """Date and time of day: ``1.3.2026 kl. 14.05`` (da) / ``2026-03-01 14:05`` (en)."""
    return _notation(lang).timestamp.format(day=moment.day, month=moment.month, year=moment.year,
                                            hour=moment.hour, minute=moment.minute)


def spreadsheet_date_format(lang: str | None = "da") -> str:
    """The number format of a date cell in an exported workbook: ``dd-mm-yyyy`` as Danish Excel
    writes dates, ``yyyy-mm-dd`` in English (both read back by ``core.validation.parse_date``)."""
    return "dd-mm-yyyy" if _locale(lang) == "da_DK" else "yyyy-mm-dd"


def format_value(value: Any, lang: str | None = "da") -> str:
    """A value as the user typed it or in the user's notation: text unchanged (``"30,5"`` stays
    ``30,5``), numbers as in ``format_number`` without trailing zeros (``30.5`` -> ``30,5``), dates
    as in ``format_date``. For messages that quote the user's value."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            return str(value)
        text = repr(number)
        decimals = 0 if number.is_integer() else len(text.split(".")[1]) if "e" not in text else 6
        return format_number(number, min(decimals, 6), lang)
    if isinstance(value, date):
        return format_date(value, lang)
    return str(value)

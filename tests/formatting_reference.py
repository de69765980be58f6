"""Babel reference for ``core.formatting``: the number, percent, kroner, short-date and time-stamp formatting as it
was done with Babel before the formatter got its own fast path (``resources/number_formats.json``).

``tests/test_formatting_fast.py`` compares the fast path with these for any value, and
``bench/bench_formatting.py`` times both. Not used by the program.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

from babel.dates import format_date as babel_date
from babel.dates import format_datetime
from babel.numbers import format_decimal

_LOCALES = {"da": "da_DK", "en": "en_GB"}
_WIDE = Context(prec=400)


def reference_locale(lang: str | None) -> str:
    if lang is None:
        from sagstal_desktop.i18n import current_language

        lang = current_language()
    return _LOCALES.get(lang, "en_GB")


def _decimal(value: float, decimals: int) -> Decimal:
    quantum = Decimal(1).scaleb(-decimals)
    with localcontext(_WIDE):
        rounded = Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def reference_number(value: float | None, decimals: int = 1, lang: str | None = "da", empty: str = "–") -> str:
    if value is None or not math.isfinite(value):
        return empty
    with localcontext(_WIDE):
        return format_decimal(_decimal(value, decimals), _pattern(decimals), locale=reference_locale(lang),
                              decimal_quantization=False)


def reference_percent(fraction: float | None, decimals: int = 0, lang: str | None = "da", empty: str = "–") -> str:
    if fraction is None or not math.isfinite(fraction):
        return empty
    number = reference_number(fraction * 100, decimals, lang)
    return f"{number} %" if reference_locale(lang) == "da_DK" else f"{number}%"


def reference_dkk(value: float | None, lang: str | None = "da", empty: str = "–") -> str:
    if value is None or not math.isfinite(value):
        return empty
    number = reference_number(value, 0, lang)
    return f"{number} kr." if reference_locale(lang) == "da_DK" else f"DKK {number}"


def reference_date(day: date | None, lang: str | None = "da") -> str:
    if day is None:
        return ""
    if reference_locale(lang) != "da_DK":
        return day.isoformat()
    return babel_date(day, "d.M.yyyy", locale="da_DK")


def reference_timestamp(moment: datetime, lang: str | None = "da") -> str:
    if reference_locale(lang) != "da_DK":
        return f"{moment.date().isoformat()} {moment:%H:%M}"
    return format_datetime(moment, "d.M.yyyy 'kl'. HH.mm", locale="da_DK")

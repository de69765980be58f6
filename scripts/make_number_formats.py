"""Write ``resources/number_formats.json``: the CLDR symbols ``core.formatting`` needs, taken from Babel.

    python scripts/make_number_formats.py            # (re)write the file from the installed Babel
    python scripts/make_number_formats.py --check    # exit 1 when the file differs from what Babel says

``core.formatting`` formats numbers, percentages, kroner and short dates itself (importing Babel and
its locale data costs ~55 ms at start-up, and Babel's ``format_decimal`` ~0.1 ms a number), with the
symbols and layouts written here. Per language (``da`` -> ``da_DK``, ``en`` -> ``en_GB``):

- ``decimal``, ``group``, ``minus``: CLDR's number symbols;
- ``grouping``: primary and secondary group sizes of Sagstal's number pattern ``#,##0`` (thousands);
- ``percent`` and ``currency``: the text before and after the number, from CLDR's percent and currency
  patterns, the currency being CLDR's symbol for DKK with CLDR's currency spacing (a space between a
  symbol ending in a letter and the digits: ``DKK 1,234``);
- ``short_date``: the numeric date as a CLDR pattern and as a ``str.format`` template (fields ``day``,
  ``month``, ``year``). Danish is CLDR's short date without zero padding and with the full year
  (``23.11.2026``, ``1.3.2026``); English is ISO 8601 (``2026-03-01``), Sagstal's choice;
- ``timestamp``: that date, then "kl." in Danish (a space in English), then CLDR's short time of day
  (``1.3.2026 kl. 14.05``, ``2026-03-01 14:05``); fields also ``hour`` and ``minute``.

Sagstal writes plain spaces (U+0020) where CLDR has no-break spaces, as it always has (CSV, CLI, PDF
text search). ``tests/test_formatting_fast.py`` checks the file against the installed Babel.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import babel
from babel import Locale
from babel.numbers import get_currency_symbol, parse_pattern

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "number_formats.json"
LOCALES = {"da": "da_DK", "en": "en_GB"}
NUMBER_PATTERN = "#,##0"  # Sagstal groups thousands; decimals are chosen per call
CURRENCY = "DKK"
ISO_DATE = "yyyy-MM-dd"
SPACES = {"\u00a0": " ", "\u202f": " "}  # CLDR's no-break spaces around %, kr. -> plain spaces
_DATE_FIELDS = {"d": "{day}", "dd": "{day:02d}", "M": "{month}", "MM": "{month:02d}", "yyyy": "{year:04d}",
                "HH": "{hour:02d}", "mm": "{minute:02d}"}
#: Between the date and the time of day: Danish "kl." (CLDR's atTime form), English a space (ISO-like).
TIME_GLUE = {"da": " 'kl'. ", "en": " "}


def _plain(text: str) -> str:
    return "".join(SPACES.get(ch, ch) for ch in text)


def _affixes(pattern: Any, sign: str, replacement: str) -> list[str]:
    """Text before and after the number in a positive CLDR pattern, ``sign`` replaced."""
    return [_plain(part.replace(sign, replacement)) for part in (pattern.prefix[0], pattern.suffix[0])]


def _currency_spacing(prefix: str, suffix: str) -> list[str]:
    """CLDR's currencySpacing: a (no-break) space between a symbol that ends, next to the digits, in
    something other than a symbol or a space (``DKK``), and the digits."""

    def needs_space(ch: str) -> bool:
        return unicodedata.category(ch)[0] not in "SZ"

    if prefix and needs_space(prefix[-1]):
        prefix += " "
    if suffix and needs_space(suffix[0]):
        suffix = " " + suffix
    return [prefix, suffix]


def _short_date(locale: Locale, lang: str) -> str:
    if lang != "da":
        return ISO_DATE
    cldr = locale.date_formats["short"].pattern  # "dd.MM.y"
    return re.sub("y+", "yyyy", cldr.replace("dd", "d").replace("MM", "M"))


def date_template(pattern: str) -> str:
    """A CLDR date/time pattern of the fields d, dd, M, MM, yyyy, HH, mm and quoted text as a
    ``str.format`` template (fields ``day``, ``month``, ``year``, ``hour``, ``minute``)."""
    if "''" in pattern:
        raise ValueError(f"date pattern {pattern!r}: a doubled quote is not supported")
    parts = []
    for token in re.finditer(r"'([^']+)'|([A-Za-z])\2*|'|.", pattern):
        text = token.group(0)
        if token.group(1) is not None:
            text = token.group(1)  # quoted text
        elif text == "'":
            raise ValueError(f"date pattern {pattern!r}: a lone quote is not supported")
        elif text[0].isalpha():
            if text not in _DATE_FIELDS:
                raise ValueError(f"date field {text!r} in {pattern!r} is not supported")
            parts.append(_DATE_FIELDS[text])
            continue
        parts.append(text.replace("{", "{{").replace("}", "}}"))
    return "".join(parts)


def language(lang: str) -> dict[str, Any]:
    """The symbols and layouts of one language, from the installed Babel."""
    locale = Locale.parse(LOCALES[lang])
    symbols = locale.number_symbols["latn"]
    currency = _affixes(locale.currency_formats["standard"], "¤", get_currency_symbol(CURRENCY, locale))
    short_date = _short_date(locale, lang)
    timestamp = short_date + TIME_GLUE[lang] + locale.time_formats["short"].pattern
    return {
        "locale": LOCALES[lang],
        "decimal": symbols["decimal"],
        "group": symbols["group"],
        "minus": symbols["minusSign"],
        "grouping": list(parse_pattern(NUMBER_PATTERN).grouping),
        "percent": _affixes(locale.percent_formats[None], "%", symbols["percentSign"]),
        "currency": _currency_spacing(*currency),
        "short_date": {"pattern": short_date, "template": date_template(short_date)},
        "timestamp": {"pattern": timestamp, "template": date_template(timestamp)},
    }


def build() -> dict[str, Any]:
    """The whole file's content."""
    return {
        "source": f"CLDR via Babel {babel.__version__} (number symbols, percent and currency patterns, the DKK "
                  "symbol, the Danish short date, the short time of day); written by scripts/make_number_formats.py, "
                  "which says what Sagstal chooses on top of CLDR (plain spaces, unpadded Danish dates, ISO dates "
                  "in English, 'kl.' before the time)",
        "languages": {lang: language(lang) for lang in LOCALES},
    }


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the file is not what Babel says")
    args = parser.parse_args(argv)
    wanted = build()
    if args.check:
        current = json.loads(TARGET.read_text(encoding="utf-8")) if TARGET.exists() else None
        if current is None or current["languages"] != wanted["languages"]:
            print(f"{TARGET.relative_to(ROOT)} differs from Babel {babel.__version__}; run {Path(__file__).name}")
            return 1
        return 0
    TARGET.write_text(render(wanted), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

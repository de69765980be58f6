"""The formatter's own number, percent, kroner, short-date and time-stamp formatting gives exactly what Babel gave
(``tests/formatting_reference.py``) for any value, and its data file is what the installed Babel says.
Formatting a number does not import Babel; a long date still does (Babel stays the reference)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from formatting_reference import (
    reference_date,
    reference_dkk,
    reference_number,
    reference_percent,
    reference_timestamp,
)
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sagstal_desktop.core.formatting import (
    format_date,
    format_dkk,
    format_number,
    format_percent,
    format_range,
    format_timestamp,
)
from sagstal_desktop.i18n import current_language, set_language

ROOT = Path(__file__).resolve().parents[1]
LANGS = st.sampled_from(["da", "en", None, "fr"])  # None: the current language; unknown -> English
DECIMALS = st.integers(-3, 8)
VALUES = st.one_of(
    st.floats(),  # every float: NaN, ±inf, ±0, subnormals, 1e308
    st.floats(min_value=-1e7, max_value=1e7).map(lambda v: round(v, 3)),  # halves and short decimals
    st.integers(-10**15, 10**15).map(lambda n: n / 1000),  # exact thousandths: 2.225, -0.005, ...
    st.integers(-10**18, 10**18),
    st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-10**12, max_value=10**12),
    st.none(),
)


def _generator():
    spec = importlib.util.spec_from_file_location("make_number_formats", ROOT / "scripts" / "make_number_formats.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_data_file_is_what_the_installed_babel_says():
    written = json.loads((ROOT / "resources" / "number_formats.json").read_text(encoding="utf-8"))
    generator = _generator()
    assert written["languages"] == generator.build()["languages"]
    assert written["source"].startswith("CLDR via Babel ")
    assert generator.main(["--check"]) == 0


def test_the_date_template_reads_cldr_fields():
    template = _generator().date_template
    assert template("d.M.yyyy").format(day=1, month=3, year=2026) == "1.3.2026"
    assert template("yyyy-MM-dd").format(day=1, month=3, year=26) == "0026-03-01"
    assert template("d.M.yyyy 'kl'. HH.mm").format(day=1, month=3, year=2026, hour=9, minute=5) == "1.3.2026 kl. 09.05"
    for unsupported in ("d. MMMM yyyy", "HH:mm:ss", "d 'o''clock'", "h 'x"):
        with pytest.raises(ValueError):
            template(unsupported)


@settings(max_examples=1500, deadline=None)
@given(value=VALUES, decimals=DECIMALS, lang=LANGS)
@example(value=2.25, decimals=1, lang="da")
@example(value=1e308, decimals=2, lang="en")
@example(value=-1e308, decimals=0, lang="da")
@example(value=-0.0, decimals=1, lang="da")
@example(value=-0.049, decimals=1, lang="en")
@example(value=5e-324, decimals=8, lang="da")
@example(value=1234567.5, decimals=-3, lang="da")
@example(value=float("nan"), decimals=1, lang="da")
def test_numbers_as_babel_formats_them(value, decimals, lang):
    assert format_number(value, decimals, lang) == reference_number(value, decimals, lang)
    assert format_number(value, decimals, lang, empty="") == reference_number(value, decimals, lang, empty="")


@settings(max_examples=1000, deadline=None)
@given(value=VALUES, decimals=st.integers(0, 4), lang=LANGS)
@example(value=1e307, decimals=0, lang="da")  # * 100 overflows: "– %", as before
@example(value=-0.0045, decimals=0, lang="da")
@example(value=0.987, decimals=1, lang="en")
def test_percentages_and_kroner_as_babel_formats_them(value, decimals, lang):
    assert format_percent(value, decimals, lang) == reference_percent(value, decimals, lang)
    assert format_dkk(value, lang) == reference_dkk(value, lang)
    assert format_dkk(value, lang, empty="") == reference_dkk(value, lang, empty="")


@given(day=st.dates(), lang=LANGS)
@example(day=date(1, 1, 1), lang="da")
@example(day=date(9999, 12, 31), lang="en")
def test_short_dates_as_babel_formats_them(day, lang):
    assert format_date(day, lang) == reference_date(day, lang)


@given(moment=st.datetimes(), lang=LANGS)
@example(moment=datetime(2026, 11, 22, 9, 5), lang="da")
@example(moment=datetime(1, 1, 1, 0, 0, 59), lang="en")
def test_time_stamps_as_babel_formats_them(moment, lang):
    assert format_timestamp(moment, lang) == reference_timestamp(moment, lang)


def test_the_current_language_is_used_when_none_is_given():
    before = current_language()
    try:
        set_language("en")
        assert format_number(1234.5, 1, None) == "1,234.5" == reference_number(1234.5, 1, None)
        set_language("da")
        assert format_percent(0.5, 0, None) == "50 %" == reference_percent(0.5, 0, None)
        assert format_date(date(2026, 3, 1), None) == "1.3.2026"
    finally:
        set_language(before)


def test_hand_computed_edge_cases():
    assert format_number(float("nan")) == "–" and format_number(float("-inf"), empty="") == ""
    assert format_number(-0.0, 1, "da") == "0,0" and format_number(-0.04, 0, "en") == "0"
    assert format_number(2.25, 1, "da") == "2,3" and format_number(-2.25, 1, "da") == "-2,3"
    assert format_number(0.5, 0, "en") == "1" and format_number(1.005, 2, "en") == "1.01"  # repr 1.005, half up
    assert format_number(999.95, 1, "da") == "1.000,0" and format_number(-999999.5, 0, "en") == "-1,000,000"
    assert format_number(1e308, 0, "da") == "100" + ".000" * 102
    assert format_number(12345678, 0, "da") == "12.345.678" and format_number(123, 3, "en") == "123.000"
    assert format_number(1234567.5, -3, "da") == "1.235.000"
    assert format_number(1234.5, 1, "fr") == "1,234.5"  # unknown language: English
    assert format_percent(-0.125, 1, "da") == "-12,5 %" and format_percent(1e307, 0, "en") == "–%"
    assert format_dkk(-1234.5, "en") == "DKK -1,235" and format_dkk(0.4, "da") == "0 kr."
    assert format_range(12.5, 20, "da") == "12,5-20"
    assert format_date(date(1, 2, 3), "da") == "3.2.0001" and format_date(date(987, 6, 5), "en") == "0987-06-05"
    assert format_timestamp(datetime(2026, 3, 1, 14, 5, 59), "da") == "1.3.2026 kl. 14.05"
    assert format_number(Decimal("2.675"), 2, "da") == "2,68"  # via repr(float) = '2.675'


def test_formatting_numbers_and_dates_imports_no_babel():
    code = ("import sys; from datetime import date, datetime\n"
            "from sagstal_desktop.core import formatting as f\n"
            "shown = [f.format_number(1234.5), f.format_percent(0.5, 1, 'en'), f.format_dkk(7, 'da'),\n"
            "         f.format_date(date(2026, 3, 1)), f.format_range(1, 2.5), f.format_value(30.5),\n"
            "         f.format_timestamp(datetime(2026, 3, 1, 14, 5))]\n"
            "print(shown, 'babel' in sys.modules)\n"
            "f.format_long_date(date(2026, 11, 23))\n"
            "print('babel' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    first, second = out.splitlines()
    assert first == "['1.234,5', '50.0%', '7 kr.', '1.3.2026', '1-2,5', '30,5', '1.3.2026 kl. 14.05'] False"
    assert second == "True"  # long dates: Babel, imported on first use

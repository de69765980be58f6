"""The one text layer: the committed catalogue is complete, compiled and up to date with the code;
placeholders survive translation; one concept has one word (translations/glossary.json); the
lookup module's language handling; and the one number/date formatter."""

from __future__ import annotations

import importlib.util
import json
import re
import string
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sagstal_desktop import i18n
from sagstal_desktop.core.formatting import (
    format_date,
    format_dkk,
    format_long_date,
    format_number,
    format_percent,
    format_timestamp,
    format_value,
    round_half_up,
)
from sagstal_desktop.core.load import Status
from sagstal_desktop.core.wording import status_label, status_phrase

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = json.loads((ROOT / "translations" / "glossary.json").read_text(encoding="utf-8"))


def _build_module():
    spec = importlib.util.spec_from_file_location("build_translations", ROOT / "scripts" / "build_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build():
    return _build_module()


@pytest.fixture(scope="module")
def danish(build):
    return build.read_catalog(build.PO_DIR / "da.po", "da")


def _fields(text: str) -> list[str]:
    return sorted(name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None)


# -- the catalogue -----------------------------------------------------------------------------


def test_committed_mo_is_the_compiled_po(build, danish):
    committed = build.mo_path("da").read_bytes()
    assert committed == build.compile_mo(danish), "run scripts/build_translations.py and commit the .mo"
    assert i18n.mo_resource("da").is_file()  # found through importlib.resources (package data)


def test_pot_po_and_mo_are_up_to_date_with_the_code(build):
    assert build.build(check=True) == [], "run scripts/build_translations.py and commit the result"


def _problems(catalog) -> tuple[int, list]:
    """(entries, problems): missing, empty or fuzzy translations, and placeholders that differ."""
    problems = []
    count = 0
    for message in catalog:
        if not message.id:
            continue
        count += 1
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(s.strip() for s in strings):
            problems.append(("missing or fuzzy", message.context, ids[0]))
            continue
        for index, text in enumerate(strings):  # Danish: [0] singular (n == 1), [1] plural
            if _fields(text) != _fields(ids[min(index, len(ids) - 1)]):
                problems.append(("placeholders differ", ids[0], text))
    return count, problems


def test_every_danish_entry_is_translated_and_keeps_its_placeholders(danish):
    count, problems = _problems(danish)
    assert count > 250
    assert problems == []
    assert danish.plural_forms == "nplurals=2; plural=(n != 1);"


def test_the_check_catches_a_missing_translation_and_a_broken_placeholder():
    from babel.messages.catalog import Catalog

    broken = Catalog(locale="da")
    broken.add("Team settings", "Teamindstillinger")
    broken.add("{n} cases", "")
    broken.add("{name} is damaged", "{navn} er beskadiget")
    broken.add("Status", "Status", flags=["fuzzy"])
    count, problems = _problems(broken)
    assert count == 4
    assert sorted(kind for kind, *_rest in problems) == ["missing or fuzzy", "missing or fuzzy",
                                                          "placeholders differ"]


# -- one concept, one word ---------------------------------------------------------------------


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("&", "")).strip().rstrip(":").strip().casefold()


def _glossary_problems(catalog) -> list:
    wrong = []
    for concept, entry in GLOSSARY.items():
        if concept.startswith("_"):
            continue
        allowed = entry.get("allowed_da", {})
        for message in catalog:
            if not message.id or isinstance(message.id, tuple) or _plain(message.id) != _plain(entry["en"]):
                continue
            expected = allowed.get(message.context, entry["da"])
            if _plain(message.string) != _plain(expected):
                wrong.append((concept, message.context, message.string, expected))
        for avoid in entry.get("avoid_da", []):
            pattern = re.compile(rf"(?<!\w){re.escape(avoid)}(?!\w)", re.IGNORECASE)
            wrong += [(concept, m.id, m.string, f"avoid {avoid!r}") for m in catalog
                      if m.id and isinstance(m.string, str) and pattern.search(m.string)]
    return wrong


def test_glossary_terms_have_one_danish_word(danish):
    assert _glossary_problems(danish) == []


def test_the_glossary_check_catches_two_words_for_one_concept():
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="da")
    catalog.add("Within DS range", "Inden for DS-interval")
    catalog.add("&Casework FTE:", "Årsværk til sager:")  # another word for the same concept
    catalog.add("{n} within", "{n} I interval")  # a word the glossary retired
    catalog.add("FTE caseload", "Sagstal pr. fuldtid", context="memo table")  # an allowed form
    wrong = _glossary_problems(catalog)
    assert sorted(w[0] for w in wrong) == ["casework_fte", "casework_fte", "status_within"]


def test_status_labels_are_the_glossary_terms():
    for status in Status:
        entry = GLOSSARY[f"status_{status.value}"]
        assert status_label(status, "en") == entry["en"]
        assert status_label(status, "da") == entry["da"]
        for kind in ("survey", "custom"):  # a set that is not DS's own is named as the set's own
            own = GLOSSARY.get(f"status_{status.value}_survey", entry)
            assert status_label(status, "en", kind) == own["en"]
            assert status_label(status, "da", kind) == own["da"]
            assert "DS" not in status_label(status, "da", kind)


def test_measure_terms_are_the_glossary_terms_per_kind():
    from sagstal_desktop.core.wording import term

    for kind, words in (("ds", "ds"), ("ds", "ds"), ("survey", "survey"), ("custom", "survey")):
        for key in ("max", "range"):
            entry = GLOSSARY[f"measure_{key}_{words}"]
            assert term(key, kind, "en") == entry["en"] and term(key, kind, "da") == entry["da"]


def test_every_layer_words_a_status_as_core_does(demo, tmp_path, capsys):
    """The memo, the export and the CLI take the status text from core.wording (the window's
    model is checked in tests/test_gui_language.py)."""
    from sagstal_desktop.cli import main
    from sagstal_desktop.core.load import summarize
    from sagstal_desktop.io.exporter import staff_table
    from sagstal_desktop.report import content

    summary = summarize(demo)
    for lang in ("da", "en"):
        _targets, _headers, rows, _summary = staff_table(demo, lang)
        # the label, then the count of unmeasured cases when there are any (core.wording.status_phrase)
        assert [row[-1] for row in rows] == [status_phrase(p.status, demo.norm_set(), lang, p.uncovered_cases,
                                                           p.total_cases) for p in summary.persons]
        assert all(row[-1].startswith(status_label(p.status, lang)) for row, p in zip(rows, summary.persons,
                                                                                     strict=True))
        assert {content.status_text(s, lang) for s in Status} == {status_label(s, lang) for s in Status}
    team_file = tmp_path / "demo.sagstal"
    assert main(["demo", "-o", str(team_file)]) == 0
    for lang in ("da", "en"):
        capsys.readouterr()
        assert main(["summary", str(team_file), "--lang", lang, "--as-of", summary.as_of.isoformat()]) == 0
        lines = capsys.readouterr().out.splitlines()
        for person in summary.persons:
            row = next(line for line in lines if line.startswith(person.name + " "))
            assert row.endswith("  " + status_phrase(person.status, demo.norm_set(), lang, person.uncovered_cases,
                                                     person.total_cases)), row
            assert ("  " + status_label(person.status, lang)) in row, row


# -- the lookup module -------------------------------------------------------------------------


def test_current_language_and_per_call_language():
    before = i18n.current_language()
    try:
        i18n.set_language("da")
        assert i18n._("Team settings") == "Teamindstillinger"
        assert i18n.tr("Team settings", "en") == "Team settings"  # per call, the current one untouched
        assert i18n.current_language() == "da"
        i18n.set_language("en")
        assert i18n._("Team settings") == "Team settings"
        assert i18n.tr("Team settings", "da") == "Teamindstillinger"
        i18n.set_language("xx")
        assert i18n.current_language() == "en"
    finally:
        i18n.set_language(before)


def test_plural_forms_in_danish_and_english():
    singular, plural = "{n} added", "{n} added"
    assert i18n.ntr(singular, plural, 1, "da").format(n=1) == "1 ny"
    assert i18n.ntr(singular, plural, 2, "da").format(n=2) == "2 nye"
    assert i18n.ntr("{n} person", "{n} persons", 1, "da").format(n=1) == "1 person"  # never "1 personer"
    assert i18n.ntr("{n} person", "{n} persons", 0, "da").format(n=0) == "0 personer"
    assert i18n.ntr("{n} valid row", "{n} valid rows", 1, "da").format(n=1) == "1 gyldig række"
    assert i18n.ntr("{n} staff member has no casework hours; their load cannot be computed.",
                    "{n} staff members have no casework hours; their load cannot be computed.", 1, "en").startswith(
        "{n} staff member has")


def test_missing_catalogue_gives_english_with_a_warning(monkeypatch, caplog, tmp_path):
    monkeypatch.setattr(i18n, "mo_resource", lambda lang: tmp_path / "none.mo")
    i18n.translator.cache_clear()
    try:
        with caplog.at_level("WARNING"):
            assert i18n.translator("da").gettext("Team settings") == "Team settings"
        assert "missing" in caplog.text
    finally:
        monkeypatch.undo()
        i18n.translator.cache_clear()


def test_i18n_is_importable_without_qt():
    import subprocess
    import sys

    code = "import sys, sagstal_desktop.i18n, sagstal_desktop.core.wording; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# -- the one formatter -------------------------------------------------------------------------


def test_danish_and_english_notation():
    assert format_number(1234.5, 1, "da") == "1.234,5"
    assert format_number(1234.5, 1, "en") == "1,234.5"
    assert format_percent(0.987, 1, "da") == "98,7 %"
    assert format_percent(0.987, 1, "en") == "98.7%"
    assert format_dkk(1234567, "da") == "1.234.567 kr."
    assert format_dkk(1234567, "en") == "DKK 1,234,567"
    assert format_date(date(2026, 11, 23), "da") == "23.11.2026"
    assert format_date(date(2026, 3, 1), "da") == "1.3.2026"
    assert format_date(date(2026, 3, 1), "en") == "2026-03-01"
    assert format_long_date(date(2026, 11, 22), "da") == "22. november 2026"
    assert format_long_date(date(2026, 11, 22), "en") == "22 November 2026"
    assert format_timestamp(datetime(2026, 11, 22, 9, 5), "da") == "22.11.2026 kl. 09.05"
    assert format_timestamp(datetime(2026, 11, 22, 9, 5), "en") == "2026-11-22 09:05"


def test_rounds_half_up_and_never_shows_minus_zero():
    assert round_half_up(2.25, 1) == 2.3 and round_half_up(57.5) == 58 and round_half_up(-0.5) == -1
    assert format_number(2.25, 1, "da") == "2,3"  # Babel alone would give 2,2 (half even)
    assert format_number(0.125, 2, "en") == "0.13"
    assert format_number(-0.04, 1, "da") == "0,0"
    assert format_percent(0.0045, 0, "da") == "0 %"
    assert format_number(None) == "–"


def test_shown_parts_add_up_as_on_paper():
    parts = [1.25, 2.25, 3.5]  # half up: 1,3 + 2,3 + 3,5 = 7,1 ; half even would give 1,2 + 2,2
    shown = [format_number(p, 1, "da") for p in parts]
    assert shown == ["1,3", "2,3", "3,5"]


def test_values_are_quoted_in_the_readers_notation():
    assert format_value("30,5") == "30,5"  # as typed
    assert format_value(30.5, "da") == "30,5" and format_value(30.5, "en") == "30.5"
    assert format_value(37.0, "da") == "37" and format_value(0.125, "da") == "0,125"
    assert format_value(date(2026, 3, 1), "da") == "1.3.2026"


def test_validation_messages_quote_numbers_in_danish():
    from sagstal_desktop.core.validation import InputError, parse_hours, parse_other_hours

    with pytest.raises(InputError) as caught:
        parse_other_hours(40.5, 30.5)
    assert caught.value.message("da") == "\"40,5\" timer til andre opgaver er flere end de 30,5 ugentlige timer"
    assert caught.value.message("en") == "\"40.5\" hours on other tasks is more than the 30.5 weekly hours"
    with pytest.raises(InputError) as caught:
        parse_hours("52,5")
    assert caught.value.message("da").startswith("\"52,5\" timer ligger uden for 0-")  # as typed


@given(value=st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), decimals=st.integers(0, 2),
       lang=st.sampled_from(["da", "en"]))
def test_formatted_numbers_parse_back_to_the_rounded_value(value, decimals, lang):
    """What the formatter shows, the parser reads back (money fields accept grouped numbers in both
    notations): the shown value is the value rounded half up."""
    from sagstal_desktop.core.validation import parse_number

    shown = format_number(value, decimals, lang)
    assert parse_number(shown, grouping=True) == round_half_up(value, decimals)
    assert format_number(-value, decimals, lang).lstrip("-") == shown.lstrip("-")  # symmetric, no "-0,0"

"""Input that means something else is refused, not misread (issue 9, item 8)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import TODAY
from test_gui_wording import english_afterwards  # noqa: F401  (leaves English installed)

from sagstal_desktop.core.validation import InputError, future_start, parse_count, parse_hours


def test_thousands_separators_in_counts():
    assert parse_count("1.000") == 1000  # Danish thousands point: the thousand it means, never 1
    assert parse_count("12.345") == 12345
    with pytest.raises(InputError) as info:
        parse_count("1,000")  # Danish decimal 1 or English 1000: refused, never 1
    assert info.value.code == "ambiguous_count"
    assert info.value.message("da") == ('"1,000" kan læses som et decimaltal eller som 1000 med '
                                        'tusindtalsskilletegn; skriv antallet af sager uden skilletegn, fx 1000')
    with pytest.raises(InputError) as info:
        parse_count("12,5")
    assert info.value.code == "not_whole" and info.value.message("da") == '"12,5" er ikke et helt antal sager'


def test_messages_quote_numbers_in_danish_form():
    with pytest.raises(InputError) as info:
        parse_count(12.5)  # a number from a spreadsheet cell
    assert info.value.message("da") == '"12,5" er ikke et helt antal sager'
    assert info.value.message("en") == '"12.5" is not a whole number of cases'
    with pytest.raises(InputError) as info:
        parse_count(250_000)
    assert info.value.message("da") == '"250.000" er større end 100.000'
    with pytest.raises(InputError) as info:
        parse_hours(48.5)
    assert info.value.message("da") == '"48,5" timer ligger uden for 0-48'


def test_future_start_date_is_accepted_with_a_visible_warning(qapp, qtbot, demo, monkeypatch, tmp_path):
    from test_gui_wording import _window

    from sagstal_desktop.io.importer import import_file

    assert future_start(date(2030, 1, 1), TODAY) == "starter 1.1.2030"
    assert future_start(date(2030, 1, 1), TODAY, "en") == "starts 2030-01-01"
    assert future_start(TODAY, TODAY) == "" and future_start(None, TODAY) == ""
    demo.staff[0].start_date = date(2030, 1, 1)
    win = _window(qapp, qtbot, demo, monkeypatch, "da")
    model = win.model()
    assert model.index(0, 3).data() == "starter 1.1.2030"
    assert "regnes som nyansat" in model.index(0, 3).data(3)  # tooltip
    sheet = tmp_path / "hold.csv"
    sheet.write_text("Navn;Timer pr. uge;Ansat;Sygedagpenge\nNy;37;1.1.2030;10\n", encoding="utf-8")
    plan = import_file(sheet, demo.norm_set())
    assert not plan.errors
    assert [w.code for w in plan.warnings] == ["future_start"]
    assert plan.warnings[0].message("da").endswith("starter 1.1.2030: ansættelsesdatoen ligger efter i dag; den "
                                                   "accepteres, og medarbejderen regnes som nyansat")
    assert plan.new_team().staff[0].start_date == date(2030, 1, 1)

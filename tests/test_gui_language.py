"""Switching the window to Danish: menus, table headers, status texts, the summary and the
number format change at once; every string of the window, table, summary and chart has a
Danish translation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from sagstal_desktop.gui.actions import Act
from sagstal_desktop.i18n import mo_resource

ROOT = Path(__file__).resolve().parent.parent
WINDOW_MODULES = ("gui/main_window.py", "gui/menus.py", "gui/models/staff_model.py", "gui/widgets/summary_panel.py",
                  "core/wording.py", "gui/widgets/load_chart.py", "gui/widgets/chart_host.py")


def _menu_texts(win) -> list[str]:
    texts = []
    for top in win.menuBar().actions():
        texts.append(top.text())
        texts += [a.text() for a in top.menu().actions() if not a.isSeparator()]
    return texts


def test_switching_to_danish_translates_menus_headers_and_summary(window):
    from sagstal_desktop.gui import qt_language

    assert _menu_texts(window)[:1] == ["&File"]
    assert window.model().headerData(0, Qt.Orientation.Horizontal) == "Name"
    window.actions[Act.LANG_DA].trigger()

    assert window.language() == "da"
    assert qt_language.preferred_language() == "da"  # remembered
    menus = _menu_texts(window)
    assert [a.text() for a in window.menuBar().actions()] == ["&Filer", "&Rediger", "&Vis", "&Team", "&Hjælp"]
    assert "&Gem" in menus and "Gem &som…" in menus and "&Fortryd" in menus
    english = {"&File", "&Save", "&Undo", "&Open…", "&Edit", "&View", "&Help", "Team &settings…"}
    assert not english & set(menus)
    header = [str(window.model().headerData(c, Qt.Orientation.Horizontal)) for c in range(window.model().columnCount())]
    assert header[:4] == ["Navn", "Timer\npr. uge", "Timer til\nandre opgaver", "Ansat"]  # as in the file (one word)
    assert header[4] == "Sygedagpenge\n35-50"
    assert "Fuldtids-\nsagstal" in header and "Status" in header  # one long word, broken
    model = window.model()
    row = 2  # Camilla Nørgaard
    assert model.index(row, model.column_of("load")).data() == "98,7 %"
    assert model.index(row, model.column_of("fte_caseload")).data() == "49,3"
    assert model.index(row, model.column_of("status")).data() == "Inden for DS-interval"
    panel = window.summary_panel
    assert panel.caption("available") == "Årsværk til sagsbehandling:"  # as in the memo and the CLI
    assert panel.caption("over") == "Over DS' maksimum:"
    assert panel.value("available") == "10,83"
    assert panel.value("over") == "5 af 12 (42 %)"
    assert panel.value("shortfall_mid") == "1,31 mangler"
    assert panel.value("cost_mid") == "518.226 kr."
    assert "Landsgennemsnit 2023" in panel.national_text() and "Sygedagpengeområdet: 57" in panel.national_text()
    assert window.windowTitle().startswith("Demoteam (ikke gemt)")
    assert window.legend.texts() == ["Over DS' maksimum", "Inden for DS-interval", "Under DS-interval",
                                     "Kan ikke beregnes"]
    chart = window.chart_host().chart()
    assert chart.axis_label() == "Belastning i % af DS' maksimum"
    assert "Belastning: 98,7 % af DS' maksimum" in chart.describe(2)

    # a refused value is explained in Danish too
    index = model.index(row, 1)
    assert not model.setData(index, "300")
    assert window.last_message() == ('Række 3 (Camilla Nørgaard), Timer pr. uge: "300" timer ligger uden for 0-48 '
                                     "– ikke ændret.")

    window.actions[Act.LANG_EN].trigger()
    assert window.menuBar().actions()[0].text() == "&File"
    assert model.index(row, model.column_of("load")).data() == "98.7%"


def test_every_window_string_has_a_danish_translation():
    from babel.messages.pofile import read_po

    with (ROOT / "translations" / "da.po").open("rb") as handle:
        catalog = read_po(handle, locale="da")
    window = [m for m in catalog if m.id and any(path.endswith(WINDOW_MODULES) for path, _n in m.locations)]
    assert len(window) > 80
    untranslated = [m.id for m in window
                    if m.fuzzy or not all(m.string if isinstance(m.string, tuple) else (m.string,))]
    assert untranslated == []
    assert mo_resource("da").is_file()

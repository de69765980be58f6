"""Switching the window to Danish: menus, table headers, status texts, the summary and the
number format change at once; every string of the window, table, summary and chart has a
Danish translation."""

from __future__ import annotations

import re
from html import unescape

from PySide6.QtCore import Qt

from sagstal_desktop.assets import translations_dir
from sagstal_desktop.gui.actions import Act

WINDOW_CONTEXTS = ("MainWindow", "StaffModel", "SummaryPanel", "Status", "LoadChart", "ChartHost")


def _menu_texts(win) -> list[str]:
    texts = []
    for top in win.menuBar().actions():
        texts.append(top.text())
        texts += [a.text() for a in top.menu().actions() if not a.isSeparator()]
    return texts


def test_switching_to_danish_translates_menus_headers_and_summary(window):
    from sagstal_desktop.gui import i18n

    assert _menu_texts(window)[:1] == ["&File"]
    assert window.model().headerData(0, Qt.Orientation.Horizontal) == "Name"
    window.actions[Act.LANG_DA].trigger()

    assert window.language() == "da"
    assert i18n.preferred_language() == "da"  # remembered
    menus = _menu_texts(window)
    assert [a.text() for a in window.menuBar().actions()] == ["&Filer", "&Rediger", "&Vis", "&Team", "&Hjælp"]
    assert "&Gem" in menus and "Gem &som…" in menus and "&Fortryd" in menus
    english = {"&File", "&Save", "&Undo", "&Open…", "&Edit", "&View", "&Help", "Team &settings…"}
    assert not english & set(menus)
    header = [str(window.model().headerData(c, Qt.Orientation.Horizontal)) for c in range(window.model().columnCount())]
    assert header[:4] == ["Navn", "Timer pr. uge", "Timer til\nandre opgaver", "Ansat fra"]
    assert header[4] == "Sygedagpenge\n35-50"
    assert "Fuldtidssagstal" in header and "Status" in header
    model = window.model()
    row = 2  # Camilla Nørgaard
    assert model.index(row, model.column_of("load")).data() == "98,7 %"
    assert model.index(row, model.column_of("fte_caseload")).data() == "49,3"
    assert model.index(row, model.column_of("status")).data() == "Inden for DS-interval"
    panel = window.summary_panel
    assert panel.caption("available") == "Årsværk til rådighed:"
    assert panel.caption("over") == "Over DS' maksimum:"
    assert panel.value("available") == "10,83"
    assert panel.value("over") == "5 af 12 (42 %)"
    assert panel.value("shortfall_mid") == "1,31 mangler"
    assert panel.value("cost_mid") == "518.226 kr."
    assert "Landsgennemsnit 2023" in panel.national_text() and "Sygedagpengeområdet: 57" in panel.national_text()
    assert window.windowTitle().startswith("Demoteam (ikke gemt)")
    assert window.legend.texts() == ["Over DS' maksimum", "Inden for DS-interval", "Under DS-interval",
                                     "Kan ikke beregnes"]
    chart = window.chart_host().ensure_chart()
    assert chart.getPlotItem().getAxis("bottom").labelText == "Belastning i % af DS' maksimum"
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
    ts = (translations_dir() / "sagstal_da.ts").read_text(encoding="utf-8")
    untranslated = []
    for context in re.findall(r"<context>.*?</context>", ts, flags=re.S):
        name = re.search(r"<name>(.*?)</name>", context).group(1)
        if name not in WINDOW_CONTEXTS:
            continue
        for message in re.findall(r"<message>.*?</message>", context, flags=re.S):
            if 'type="unfinished"' in message or re.search(r"<translation>\s*</translation>", message):
                untranslated.append((name, unescape(re.search(r"<source>(.*?)</source>", message, re.S).group(1))))
    assert untranslated == []
    assert (translations_dir() / "sagstal_da.qm").is_file()

"""The help covers every menu item and every dialog: each action of ``gui/actions.py`` names a
help section that exists in both languages and names the command as the menu does; the list of
shortcuts on the help page is the ACTIONS table's; F1 in any dialog of the registry opens the
help at that dialog's section."""

from __future__ import annotations

import html
import re

import pytest
from dialog_registry import DIALOGS, dialog_classes
from PySide6.QtCore import Qt

from sagstal_desktop.assets import read_text
from sagstal_desktop.gui.actions import ACTIONS, MENUS, Menu
from sagstal_desktop.gui.dialogs.context_help import DIALOG_HELP
from sagstal_desktop.gui.dialogs.help import HelpDialog, help_html, shortcut_rows
from sagstal_desktop.i18n import tr


def _plain(fragment: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", fragment))
    return re.sub(r"\s+", " ", text).strip()


def sections(lang: str) -> dict[str, str]:
    """Section id -> its text, from the help page as shown (placeholders filled)."""
    page = help_html(lang)
    found = {}
    for match in re.finditer(r'<h[12] id="([^"]+)"', page):
        rest = page[match.end():]
        end = re.search(r"<h[12][ >]", rest)
        found[match.group(1)] = _plain(rest[: end.start() if end else len(rest)])
    return found


def _command(text: str, lang: str) -> str:
    return tr(text, lang).replace("&", "").rstrip("…").strip()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_menu_item_is_explained_in_its_section(qapp, lang):
    page = sections(lang)
    missing = []
    for spec in ACTIONS:
        assert spec.help, f"{spec.act} has no help section"
        assert spec.help in page, f"{spec.act}: no section {spec.help!r} in help_{lang}.html"
        name = _command(MENUS[Menu.LANGUAGE][0], lang) if spec.menu is Menu.LANGUAGE else _command(spec.text, lang)
        if name.casefold() not in page[spec.help].casefold():
            missing.append((spec.act.name, spec.help, name))
    assert missing == [], missing


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_section_ids_are_the_same_in_both_languages_and_the_raw_files(lang):
    ids = set(re.findall(r'<h[12] id="([^"]+)"', read_text("help", f"help_{lang}.html")))
    other = set(re.findall(r'<h[12] id="([^"]+)"', read_text("help", f"help_{'en' if lang == 'da' else 'da'}.html")))
    assert ids == other
    assert {"planlaegning", "hvadnu", "udvikling", "anonym", "tastatur", "notat", "filer"} <= ids


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_shortcut_list_is_the_actions_table(qapp, lang):
    rows = shortcut_rows(lang)
    with_keys = [spec for spec in ACTIONS if spec.shortcuts]
    assert [command for command, _keys in rows] == [_command(spec.text, lang) for spec in with_keys]
    keys = dict(rows)
    distribute = _command("&Distribute new cases…", lang)
    assert keys[distribute] == "Ctrl+Shift+F"
    assert keys[_command("&Rebalance cases…", lang)] == "Ctrl+Shift+R"
    assert keys[_command("&Help", lang)] == "F1"
    assert keys[_command("&Find staff member", lang)] == "Ctrl+F"
    assert keys[_command("&Save", lang)] == "Ctrl+S"
    assert keys[_command("&Add staff member", lang)] == "Ctrl+Shift+N, Ins"
    shortcuts = sections(lang)["tastatur"]
    for command, shortcut in rows:
        assert f"{command} {shortcut}" in shortcuts


def test_every_dialog_has_a_help_section_that_exists(qapp):
    classes = {cls.__name__ for cls in dialog_classes()}
    assert classes <= set(DIALOG_HELP), classes - set(DIALOG_HELP)
    for lang in ("da", "en"):
        page = sections(lang)
        assert {section for section in DIALOG_HELP.values() if section not in page} == set()


def test_f1_in_every_dialog_opens_its_section(make_window, qtbot, tmp_path):
    window = make_window()
    for name, (cls_name, factory) in DIALOGS.items():
        dialog = factory(window, tmp_path)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        target = dialog.focusWidget() or dialog
        qtbot.keyClick(target, Qt.Key.Key_F1)
        if cls_name == "HelpDialog":
            helper = dialog
        else:
            helper = dialog.findChild(HelpDialog, "contextHelp")
            assert helper is not None and helper.isVisible(), name
        assert helper.section() == DIALOG_HELP[cls_name], name
        assert helper.browser.verticalScrollBar().value() > 0, name  # scrolled down to the section
        helper.close()
        dialog.close()


def test_f1_in_the_window_opens_the_help(window, qtbot):
    window.actions[next(s.act for s in ACTIONS if s.help == "tastatur" and s.shortcuts)].trigger()
    assert window._help is not None and window._help.isVisible()

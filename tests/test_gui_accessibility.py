"""What a screen reader is told: Qt's accessibility tree (``QAccessible``) of the main window
and of every dialog of the registry has a name for every control that can take the focus, in
the window's language; table cells say their column and value."""

from __future__ import annotations

import pytest
from dialog_registry import DIALOGS
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from sagstal_desktop.gui import qt_language

Role = QAccessible.Role
ITEMS = {Role.Cell, Role.TreeItem, Role.ListItem, Role.Row, Role.ColumnHeader, Role.RowHeader}


def walk(widget: QWidget, limit: int = 5000):
    """Every accessible interface below ``widget`` (depth first), visible ones only."""
    root = QAccessible.queryAccessibleInterface(widget)
    todo, seen = [root], 0
    while todo and seen < limit:
        node = todo.pop()
        if node is None or not node.isValid() or node.state().invisible:
            continue
        seen += 1
        yield node
        todo.extend(node.child(i) for i in range(node.childCount() - 1, -1, -1))


def nameless(widget: QWidget) -> list[str]:
    """Focusable controls below ``widget`` without an accessible name."""
    problems = []
    for node in walk(widget):
        state = node.state()
        if not state.focusable or state.disabled:
            continue
        if node.role() in ITEMS:
            continue  # a table's or list's item: named by its text, an empty one is read as blank
        if not node.text(QAccessible.Text.Name).strip():
            owner = node.object()
            problems.append(f"{node.role().name} {type(owner).__name__} {owner.objectName() if owner else ''!r}")
    return problems


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_focusable_control_of_the_window_and_every_dialog_has_a_name(make_window, qapp, qtbot, tmp_path,
                                                                            lang):
    qt_language.install_translations(qapp, lang)
    window = make_window(lang=lang)
    problems = [f"main window: {p}" for p in nameless(window)]
    for name, (_cls, factory) in DIALOGS.items():
        dialog = factory(window, tmp_path)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += [f"{name}: {p}" for p in nameless(dialog)]
        dialog.close()
    qt_language.install_translations(qapp, "en")
    assert problems == [], "\n".join(problems)


def test_a_staff_cell_tells_its_column_value_and_status(make_window, qapp, danish):
    window = make_window(lang="da")
    model = window.model()
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == "Anne Holm")
    column = model.column_of_case_type("sygedagpenge")
    index = window.table.model().index(row, column)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Sygedagpenge, 57 sager, Over DS' maksimum"
    told = [node.text(QAccessible.Text.Name) for node in walk(window.table) if node.role() == Role.Cell]
    assert "Sygedagpenge, 57 sager, Over DS' maksimum" in told  # what the tree hands a screen reader
    name_cell = model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert name_cell == "Navn, Anne Holm, Over DS' maksimum"
    load = model.index(row, model.column_of("load")).data(Qt.ItemDataRole.AccessibleTextRole)
    assert load.endswith("114,0 %, Over DS' maksimum"), load


def test_the_load_chart_reads_every_bar_in_words(make_window, qapp, danish):
    window = make_window(lang="da")
    chart = window.chart_host().chart()
    description = QAccessible.queryAccessibleInterface(chart).text(QAccessible.Text.Description)
    assert "Anne Holm: 114,0 %, Over DS' maksimum" in description
    assert "Ida Bech: 71,9 %, Under DS-interval" in description
    assert description.count(";") == len(window.team().staff) - 1

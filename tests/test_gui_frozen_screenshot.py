"""A screenshot test of the frozen name column: scrolled fully right, the pixels under the frozen
column are exactly those shown unscrolled (the names only), in every style and on every row; the
cells scrolled under it never show through ("Mette K1.3.2015")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QStyleFactory


def frozen_area(window) -> QRect:
    """The frozen column's rows, in the table's coordinates (header left out)."""
    table = window.table
    frozen = table.frozen
    top = frozen.y() + frozen.horizontalHeader().height()
    return QRect(frozen.x(), top, frozen.width(), frozen.height() - frozen.horizontalHeader().height())


def grab(window):
    QApplication.processEvents()
    window.table.viewport().repaint()
    window.table.frozen.viewport().repaint()
    return window.table.grab(frozen_area(window)).toImage()


@pytest.mark.parametrize("style", ["Fusion", "Windows", None])
def test_names_read_cleanly_scrolled_fully_right(make_window, qapp, style):
    old = qapp.style().name()
    if style is not None:
        if style not in QStyleFactory.keys():  # noqa: SIM118 (a list, not a dict)
            pytest.skip(f"no {style} style here")
        qapp.setStyle(style)
    try:
        window = make_window(lang="da")
        window.resize(1366, 768)
        window.set_show_all_case_types(True)  # every case type's column: far wider than the window
        window.table.clearSelection()
        window.table.setCurrentIndex(window.table.model().index(-1, -1))
        bar = window.table.horizontalScrollBar()
        bar.setValue(0)
        unscrolled = grab(window)
        assert bar.maximum() > window.table.columnWidth(0)  # the table is wider than the window
        bar.setValue(bar.maximum())
        scrolled = grab(window)
        assert window.table.columnViewportPosition(1) < 0  # column 2 now lies under the frozen column
        assert unscrolled.size() == scrolled.size() and not unscrolled.isNull()
        rows = unscrolled.height()
        differing = [y for y in range(rows)
                     if any(unscrolled.pixel(x, y) != scrolled.pixel(x, y) for x in range(unscrolled.width()))]
        assert differing == []  # no pixel row under the frozen column shows the cells behind it
    finally:
        qapp.setStyle(old)

"""Qt's own file dialog is Danish throughout: the strings PySide6's qtbase_da.qm leaves in English
("&Look in:", "Files of &type:", the type "Folder") come from the text layer, and the supplement
never blanks the strings qtbase does translate."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel

from sagstal_desktop.gui import qt_language


def test_supplied_strings_are_danish_and_qtbase_still_answers(danish):
    if not qt_language.loaded_files():
        pytest.skip("PySide6 ships no qtbase_da.qm here")
    translate = QCoreApplication.translate
    assert translate("QFileDialog", "&Look in:") == "&Kig i:"
    assert translate("QFileDialog", "Files of &type:") == "Filer af &type:"
    assert translate("QAbstractFileIconProvider", "Folder", "All other platforms") == "Mappe"
    assert translate("QFileDialog", "File &name:") == "&Filnavn:"  # from qtbase, not blanked
    assert translate("QPlatformTheme", "Cancel") not in ("", None)


def test_the_file_dialog_has_no_english_label(danish, qtbot):
    if not qt_language.loaded_files():
        pytest.skip("PySide6 ships no qtbase_da.qm here")
    dialog = QFileDialog(None, "Åbn team")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel) if label.text()}
    assert {"&Kig i:", "&Filnavn:", "Filer af &type:"} <= labels
    assert not labels & {"&Look in:", "File &name:", "Files of &type:", ""}

"""The one save dialog helper: the chosen name gets the file type's suffix when it lacks it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from sagstal_desktop.gui.dialogs.file_dialogs import ask_save_path


@pytest.mark.parametrize(("chosen", "expected"), [
    ("/tmp/notat", "/tmp/notat.pdf"),
    ("/tmp/notat.pdf", "/tmp/notat.pdf"),
    ("/tmp/notat.PDF", "/tmp/notat.PDF"),
    ("/tmp/team.v2", "/tmp/team.v2.pdf"),  # another suffix is part of the name, not replaced
    ("", None),  # cancelled
])
def test_the_chosen_name_gets_the_suffix(qapp, monkeypatch, chosen, expected):
    asked = {}

    def dialog(parent, title, suggested, file_filter):
        asked.update(title=title, suggested=suggested, file_filter=file_filter)
        return chosen, file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    path = ask_save_path(None, "Eksportér notat", Path("/tmp/forslag.pdf"), "PDF-filer (*.pdf)", ".pdf")
    assert path == (Path(expected) if expected else None)
    assert asked == {"title": "Eksportér notat", "suggested": "/tmp/forslag.pdf", "file_filter": "PDF-filer (*.pdf)"}

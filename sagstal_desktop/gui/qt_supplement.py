"""Qt's own strings that PySide6's ``qtbase_da.qm`` leaves untranslated, from the one text layer.

Qt 6 renamed a few file-dialog strings ("&Look in:", "Files of &type:", the file type "Folder")
and the Danish ``qtbase`` catalogue still has only the old ones, so a Danish user saw English
there. ``SupplementTranslator`` is a QTranslator that answers exactly these (context, source)
pairs from ``translations/da.po`` (msgctxt ``qt <Qt context>``); everything else it leaves to
``qtbase``. It is installed after ``qtbase`` and so asked first.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from sagstal_desktop.i18n import NP_, translator

#: (Qt context, Qt source text) pairs to supply; the msgctxt is "qt " + the Qt context.
SUPPLIED: frozenset[tuple[str, str]] = frozenset({
    ("QFileDialog", NP_("qt QFileDialog", "&Look in:")),
    ("QFileDialog", NP_("qt QFileDialog", "Files of &type:")),
    ("QAbstractFileIconProvider", NP_("qt QAbstractFileIconProvider", "Folder")),
    ("QAbstractFileIconProvider", NP_("qt QAbstractFileIconProvider", "Drive")),
    ("QAbstractFileIconProvider", NP_("qt QAbstractFileIconProvider", "Unknown")),
})


class SupplementTranslator(QTranslator):
    """Answers the ``SUPPLIED`` strings in ``lang``; for any other string Qt asks ``qtbase``."""

    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        catalogue = translator(lang)
        self._texts = {(context, source): catalogue.pgettext("qt " + context, source) for context, source in SUPPLIED}

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None is a null QString: Qt then asks the next translator (an empty string would be taken
        # as the translation and blank every other label of Qt's dialogs)
        text = self._texts.get((context, source))
        return None if text is None or text == source else text

    def isEmpty(self) -> bool:
        return False

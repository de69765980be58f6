"""Small pieces the dialogs share: the UI language of a parent window and an inline error line."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from sagstal_desktop.gui import qt_language

ERROR_STYLE = "QLabel { color: #a61b1b; font-weight: bold; }"


def ui_language(parent: QWidget | None) -> str:
    """"da" or "en": the main window's language if the parent (or an ancestor) has one, else the
    language last installed by ``qt_language.install_translations``."""
    widget = parent
    while widget is not None:
        language = getattr(widget, "language", None)
        if callable(language):
            lang = language()
            if lang in qt_language.LANGUAGES:
                return lang
        widget = widget.parentWidget()
    return qt_language.current_language()


def ok_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel wired to ``dialog.accept``/``dialog.reject`` (Qt's own, translated, texts)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def error_label(parent: QWidget | None = None) -> QLabel:
    """A hidden, word-wrapping label for messages about refused input."""
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    """Show ``text`` in an error label (hide it when ``text`` is empty)."""
    label.setText(text)
    label.setVisible(bool(text))


def document_lines(lang: str) -> list[str]:
    """One line per public source document (``resources/sources.json``): title, then publisher
    (unless the title starts with it) and year. The team's own figures are not a document."""
    from sagstal_desktop.core.sources import documents

    lines = []
    for doc in documents().values():
        if doc.id == "local":
            continue
        title = doc.title(lang)
        extra = [str(x) for x in (doc.publisher if doc.publisher and not title.startswith(doc.publisher) else None,
                                  doc.year) if x]
        lines.append(f"{title} ({', '.join(extra)})" if extra else title)
    return lines

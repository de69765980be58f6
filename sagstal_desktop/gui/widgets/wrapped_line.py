"""A one-line text field that wraps instead of hiding what does not fit (a long source
reference stays readable): a ``QPlainTextEdit`` a few lines tall with the ``QLineEdit`` calls
``text``, ``setText``, ``setPlaceholderText`` and ``setMaxLength``; Enter is left to the dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class WrappedLineEdit(QPlainTextEdit):
    """Single-line text shown over up to ``lines`` wrapped lines."""

    def __init__(self, text: str = "", parent: QWidget | None = None, lines: int = 2) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._max_length = 0  # 0: no limit
        self.setPlainText(text)
        self.textChanged.connect(self._enforce_max_length)
        height = self.fontMetrics().lineSpacing() * lines + 2 * self.document().documentMargin()
        self.setFixedHeight(int(height) + 2 * self.frameWidth())

    def text(self) -> str:
        return " ".join(self.toPlainText().split("\n"))

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def setMaxLength(self, length: int) -> None:
        """At most ``length`` characters (longer text is cut, as a QLineEdit does)."""
        self._max_length = max(0, int(length))
        self._enforce_max_length()

    def maxLength(self) -> int:
        return self._max_length

    def _enforce_max_length(self) -> None:
        text = self.toPlainText()
        if self._max_length and len(text) > self._max_length:
            cursor = self.textCursor()
            position = min(cursor.position(), self._max_length)
            self.blockSignals(True)
            self.setPlainText(text[:self._max_length])
            self.blockSignals(False)
            cursor = self.textCursor()
            cursor.setPosition(position)
            self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # the dialog's default button
            return
        super().keyPressEvent(event)

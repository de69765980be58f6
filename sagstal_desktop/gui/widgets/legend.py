"""The status legend: a colour swatch and the status text for each status."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from sagstal_desktop.gui.widgets import status_style


class StatusLegend(QWidget):
    """One line: ■ Over DS max  ■ Within DS range  ■ Below DS range  ■ Not computable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 0, 0)
        layout.setSpacing(12)
        self._labels: list[tuple[QLabel, object]] = []
        for status in status_style.ORDER:
            swatch = QLabel(self)
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(
                f"background: {status_style.bar_hex(status)}; border: 1px solid #555;")
            text = QLabel(self)
            row = QHBoxLayout()
            row.setSpacing(4)
            row.addWidget(swatch)
            row.addWidget(text)
            layout.addLayout(row)
            self._labels.append((text, status))
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        for text, status in self._labels:
            text.setText(status_style.label(status))
            text.setToolTip(status_style.explanation(status))

    def texts(self) -> list[str]:
        return [label.text() for label, _unused in self._labels]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

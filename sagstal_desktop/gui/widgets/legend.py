"""The status legend: a colour swatch and the status text for each status."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sagstal_desktop.gui import status_style
from sagstal_desktop.i18n import _, current_language


class StatusLegend(QWidget):
    """One line: ■ Over DS max  ■ Within DS range  ■ Below DS range  ■ Not computable; with the
    case weight on, a second line says that the status follows the weighted load."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 2, 0, 0)
        outer.setSpacing(2)
        layout = QHBoxLayout()
        layout.setSpacing(12)
        outer.addLayout(layout)
        self._labels: list[tuple[QLabel, object]] = []
        self._rows: dict[object, tuple[QLabel, QLabel]] = {}
        self._norm_set = None
        for status in (*status_style.ORDER, *status_style.UNMEASURED_ORDER):
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
            self._rows[status] = (swatch, text)
            if status in status_style.UNMEASURED_ORDER:  # shown only while someone has it
                swatch.hide()
                text.hide()
        self._weighted = QLabel(self)  # case weight on: "the status follows the weighted load"
        self._weighted.setObjectName("legendWeighted")
        # on a line of its own under the swatches, wrapped: never a window wider than the screen
        self._weighted.setWordWrap(True)
        self._weighted.hide()
        layout.addStretch(1)
        outer.addWidget(self._weighted)
        self._weighting = None
        self.retranslate()

    def retranslate(self) -> None:
        for text, status in self._labels:
            text.setText(status_style.label(status, self._norm_set))
            text.setToolTip(status_style.explanation(status, self._norm_set))
        on = self._weighting is not None and self._weighting.on
        self._weighted.setVisible(on)
        if on:
            self._weighted.setText(_("Status follows the weighted load (case weight on)."))
            from sagstal_desktop.core.case_weight import weighting_line

            self._weighted.setToolTip(weighting_line(self._weighting, current_language()))

    def show_statuses(self, present: set, norm_set=None, weighting=None) -> None:
        """Name the statuses in ``norm_set``'s words; show the unmeasured ones only if present;
        with the team's case ``weighting`` on, say that the status follows the weighted load."""
        self._norm_set, self._weighting = norm_set, weighting
        for status in status_style.UNMEASURED_ORDER:
            for widget in self._rows[status]:
                widget.setVisible(status in present)
        self.retranslate()

    def texts(self) -> list[str]:
        texts = [label.text() for label, _unused in self._labels if not label.isHidden()]
        return texts + ([self._weighted.text()] if not self._weighted.isHidden() else [])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""A light frame that holds the load chart. pyqtgraph is imported only when the chart is made,
just after the window's first paint (``paintEvent`` -> ``QTimer.singleShot(0)``), so it does not
delay start-up. Until then the frame shows a short placeholder text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.gui.widgets.load_chart import LoadChart


class ChartHost(QFrame):
    """Holds a ``LoadChart`` once created; forwards its ``person_clicked``."""

    person_clicked = Signal(str)  # member id
    chart_created = Signal()

    def __init__(self, factory: Callable[[QWidget], LoadChart], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(160)
        self._factory = factory
        self._chart: LoadChart | None = None
        self._scheduled = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder: QLabel | None = QLabel(self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setStyleSheet("color: #777;")
        self._layout.addWidget(self._placeholder)
        self.retranslate()

    def retranslate(self) -> None:
        # the label is gone once the chart exists, and may be half-destroyed while the window closes
        if self._placeholder is not None and shiboken6.isValid(self._placeholder):
            self._placeholder.setText(_("Preparing the load chart…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._chart is None and not self._scheduled:
            # the placeholder has just been painted (the window's first paint): make the chart next
            self._scheduled = True
            QTimer.singleShot(0, self.ensure_chart)

    def chart(self) -> LoadChart | None:
        return self._chart

    def ensure_chart(self) -> LoadChart:
        """Create the chart now if it does not exist yet (imports pyqtgraph)."""
        if self._chart is None:
            self._chart = self._factory(self)
            self._chart.person_clicked.connect(self.person_clicked)
            if self._placeholder is not None:
                self._layout.removeWidget(self._placeholder)
                self._placeholder.deleteLater()
                self._placeholder = None
            self._layout.addWidget(self._chart)
            self.chart_created.emit()
        return self._chart

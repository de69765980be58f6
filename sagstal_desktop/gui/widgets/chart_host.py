"""A light frame that holds the load chart. The chart is a plain widget drawn with QPainter (no
pyqtgraph, no numpy), so it is made right away with the window and is there at the first paint."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from sagstal_desktop.gui.widgets.load_chart import LoadChart


class ChartHost(QFrame):
    """Holds the window's ``LoadChart``; forwards its ``person_clicked``."""

    person_clicked = Signal(str)  # member id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(160)
        self._chart = LoadChart(self)
        self._chart.person_clicked.connect(self.person_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._chart)

    def chart(self) -> LoadChart:
        return self._chart

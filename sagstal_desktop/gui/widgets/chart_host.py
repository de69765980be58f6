"""A light frame that holds the load chart. pyqtgraph (with numpy) is imported only after the
window's first paint, so it does not delay start-up: the first paint starts the import on a
background thread, and the chart is made on the GUI thread as soon as that is done. Meanwhile
the window answers input (the staff table can be edited), and the frame shows a short
placeholder text.

The import thread touches no Qt object: it only sets a ``threading.Event``, which a timer on the
GUI thread looks at. (Emitting a signal from that thread raced with the window being closed: the
QObject could be deleted between the validity check and the emit, a rare segmentation fault.)
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.gui.widgets.load_chart import LoadChart


#: The module the chart factory needs (it imports pyqtgraph and numpy): imported in the background.
CHART_MODULE = "sagstal_desktop.gui.widgets.load_chart"


#: How often the GUI thread looks whether the background import has finished (ms).
POLL_MS = 25

_import_done = threading.Event()
_import_started = threading.Lock()


def _preload() -> None:
    try:
        importlib.import_module(CHART_MODULE)
    except Exception:  # the GUI thread's import will raise it again, where it can be shown
        pass
    finally:
        _import_done.set()


def start_preload() -> None:
    """Start importing the chart's modules on a background thread (once per process)."""
    if _import_started.acquire(blocking=False):
        threading.Thread(target=_preload, name="chart-import", daemon=True).start()


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
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll)
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
            # the placeholder has just been painted (the window's first paint): import the chart's
            # modules off the GUI thread, then make the chart (``_on_preloaded``)
            self._scheduled = True
            start_preload()
            self._poll.start()

    def _on_poll(self) -> None:
        if _import_done.is_set():
            self._poll.stop()
            self.ensure_chart()

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

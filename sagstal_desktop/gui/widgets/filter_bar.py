"""Above the staff table: search by name, show only one status group, and how many are shown
("Viser 12 af 300"). Works on a ``StaffFilterProxy``."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.core.load import Status
from sagstal_desktop.gui.models.staff_filter import StaffFilterProxy
from sagstal_desktop.i18n import _

#: The status choices: key -> statuses shown (None: all).
CHOICES: dict[str, frozenset[Status] | None] = {
    "all": None,
    "over": frozenset({Status.OVER}),
    "within": frozenset({Status.WITHIN}),
    "below": frozenset({Status.BELOW}),
    "other": frozenset({Status.NOT_COMPUTABLE, Status.UNMEASURED, Status.PARTLY_UNMEASURED}),
}


class FilterBar(QWidget):
    """Search field, status choice and a count of the rows shown."""

    def __init__(self, proxy: StaffFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self.search = QLineEdit(self)
        self.search.setObjectName("staffSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(200)
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count = QLabel(self)
        self.count.setObjectName("shownCount")
        self._label = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self._label)
        layout.addWidget(self.status)
        layout.addWidget(self.count)
        layout.addStretch(1)
        self.search.textChanged.connect(proxy.set_search)
        self.status.currentIndexChanged.connect(self._on_status)
        for signal in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset, proxy.layoutChanged):
            signal.connect(self._update_count)
        self.retranslate()

    def choose(self, key: str) -> None:
        """Show only the status group ``key`` (a key of ``CHOICES``)."""
        self.status.setCurrentIndex(list(CHOICES).index(key))

    def _on_status(self, index: int) -> None:
        self._proxy.set_statuses(list(CHOICES.values())[max(0, index)])

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Search name…"))
        self.search.setAccessibleName(_("Search staff by name"))  # a placeholder is no name to AT-SPI
        self._label.setText(_("Show:"))
        texts = [_("Everyone"), _("Over the maximum"), _("Between minimum and maximum"),
                 _("Below the minimum"), _("Not computable or unmeasured")]
        current = max(0, self.status.currentIndex())
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItems(texts)
        self.status.setCurrentIndex(current)
        self.status.blockSignals(False)
        self._update_count()

    def _update_count(self, *_args: object) -> None:
        shown, total = self._proxy.rowCount(), self._proxy.sourceModel().rowCount()
        self.count.setText(_("Showing {shown} of {total}").format(shown=format_number(shown, 0, None),
                                                                   total=format_number(total, 0, None))
                           if self._proxy.is_filtered() else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

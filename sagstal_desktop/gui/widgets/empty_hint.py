"""What to do next, shown over the staff table while the team has nobody: add people, import a
spreadsheet, or paste rows from Excel, each a button. It hides as soon as the table has rows.
Its labels and buttons are made the first time it is shown (most teams are never empty)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from sagstal_desktop.gui.actions import Act
from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.gui.window_api import WindowApi


class EmptyTableHint(QFrame):
    """The hint over ``window.table``'s viewport."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window.table.viewport())
        self._window = window
        self.setObjectName("emptyTableHint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.hide()
        self.title: QLabel | None = None  # the labels and buttons are made when first shown
        self.text: QLabel | None = None
        self.buttons: dict[Act, QPushButton] = {}
        model = window.table.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.update_visibility)
        self.update_visibility()

    def _make_contents(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("emptyHintTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.buttons = {act: QPushButton(self) for act in (Act.ADD, Act.IMPORT_CURRENT, Act.PASTE)}
        row = QHBoxLayout()
        for act, button in self.buttons.items():
            button.setObjectName(f"emptyHint_{act.value}")
            button.clicked.connect(lambda _checked=False, a=act: self._run(a))
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.retranslate()

    def _run(self, act: Act) -> None:
        self._window.table.setFocus()
        self._window.actions[act].trigger()

    def retranslate(self) -> None:
        if self.title is None or self.text is None:
            return
        self.title.setText(_("The team has no staff yet"))
        self.text.setText(_(
            "Add the staff one by one, import a spreadsheet (Excel, LibreOffice or CSV), or copy the rows "
            "in Excel and paste them here with Ctrl+V: name, weekly hours, hours on other tasks, start date, "
            "then one column per case type, in the table's order."))
        self.buttons[Act.ADD].setText(_("Add staff member"))
        self.buttons[Act.IMPORT_CURRENT].setText(_("Import spreadsheet…"))
        self.buttons[Act.PASTE].setText(_("Paste from Excel"))

    def update_visibility(self, *_args: object) -> None:
        empty = self._window.table.model().rowCount() == 0
        if empty and self.title is None:
            self._make_contents()
        self.setVisible(empty)
        # follow the viewport's size only while shown: a Python filter on every event of the
        # table's viewport would cost each paint and scroll of a team that has staff
        viewport = self.parentWidget()
        if empty:
            viewport.installEventFilter(self)
            self._place()
        else:
            viewport.removeEventFilter(self)

    def _place(self) -> None:
        area = self.parentWidget().rect()
        width = min(640, max(320, area.width() - 40))
        self.setFixedWidth(width)
        height = self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        self.setFixedHeight(max(height, self.sizeHint().height()))
        self.move(max(0, (area.width() - width) // 2), max(0, min(40, (area.height() - self.height()) // 2)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

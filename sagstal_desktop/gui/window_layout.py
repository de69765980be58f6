"""The main window's remembered layout: geometry, splitter sizes, the "all case types" choice
and the staff table's column widths (by column key, so they follow a column when others come
and go). Headers are never narrower than their longest line of text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics

from sagstal_desktop.gui import settings
from sagstal_desktop.gui.models.staff_model import COL_NAME
from sagstal_desktop.gui.screen_fit import MAIN_WINDOW_SIZE, restore_window_geometry, save_window_place

if TYPE_CHECKING:
    from sagstal_desktop.gui.main_window import MainWindow

_DEFAULT_WIDTHS = {"name": 180, "case": 90, "computed": 80, "fixed": 80, "status": 145, "competences": 170}
_NAME_FLOOR = 130  # px: "Camilla Nørgaard" and the status square still fit
_DEFAULT_SIZES = {"mainSplitter": [370, 390], "bottomSplitter": [660, 620]}


class WindowLayout:
    """Restores the layout at start, applies column widths after each model reset, saves on close."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._widths: dict[str, int] = {}  # column widths by column key (remembered)
        self._applying = True
        window.table.horizontalHeader().sectionResized.connect(self._remember_widths)
        window.model().modelReset.connect(self.apply_column_widths)
        # a wider or narrower table: widths again from what is remembered, the status kept in sight
        self._resize_watch = _ResizeWatch(window.table.viewport(), self.apply_column_widths)

    def _splitters(self):
        return (self._window.main_splitter, self._window.bottom_splitter)

    def restore(self) -> None:
        window = self._window
        if not window.isVisible():  # a window shown frame first has its geometry already
            restore_window_geometry(window, MAIN_WINDOW_SIZE)
        for splitter, option in zip(self._splitters(), (settings.MAIN_SPLITTER, settings.BOTTOM_SPLITTER),
                                    strict=True):
            state = option.get()
            if state.isEmpty() or not splitter.restoreState(state):
                splitter.setSizes(_DEFAULT_SIZES[splitter.objectName()])
        self._widths = {str(k): int(v) for k, v in settings.COLUMN_WIDTHS.get().items()
                        if isinstance(v, int | float)}
        window.set_show_all_case_types(settings.SHOW_ALL_CASE_TYPES.get())
        self.apply_column_widths()

    def save(self) -> None:
        window = self._window
        save_window_place(window)
        settings.MAIN_SPLITTER.set(window.main_splitter.saveState())
        settings.BOTTOM_SPLITTER.set(window.bottom_splitter.saveState())
        settings.SHOW_ALL_CASE_TYPES.set(window.model().show_all_case_types())
        settings.COLUMN_WIDTHS.set(self._widths)

    def _column_key(self, column: int) -> str:
        model = self._window.model()
        case_type = model.case_type_at(column)
        if case_type is not None:
            return f"case:{case_type}"
        if column == model.competence_column():
            return "competences"
        computed = model.computed_at(column)
        return f"computed:{computed}" if computed else f"fixed:{column}"

    @staticmethod
    def _default_width(key: str) -> int:
        if key == f"fixed:{COL_NAME}":
            return _DEFAULT_WIDTHS["name"]
        if key == "computed:status":
            return _DEFAULT_WIDTHS["status"]
        return _DEFAULT_WIDTHS[key.split(":")[0]]

    def apply_column_widths(self) -> None:
        model, header = self._window.model(), self._window.table.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)  # the current column's title is bold: measure that
        metrics = QFontMetrics(bold)
        self._applying = True
        for column in range(model.columnCount()):
            key = self._column_key(column)
            wanted = int(self._widths.get(key, self._default_width(key)))
            # never narrower than the longest line of the header text (Danish titles are longer)
            text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            needed = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + 18
            header.resizeSection(column, max(wanted, needed))
        self._keep_status_in_sight(header, metrics)
        self._applying = False

    def _keep_status_in_sight(self, header, metrics: QFontMetrics) -> None:
        """Narrow the name column (never below its title, nor below ``_NAME_FLOOR``) when the
        status column would otherwise end past the table's right edge, e.g. in a 1280-wide
        window with the case weight's extra load column. Not remembered as the user's width."""
        model, table = self._window.model(), self._window.table
        if not table.isVisible():  # not laid out yet: its width means nothing
            return
        status = model.column_of("status")
        overflow = header.sectionPosition(status) + header.sectionSize(status) - table.viewport().width()
        if overflow <= 0:
            return
        name_needed = metrics.horizontalAdvance(str(model.headerData(COL_NAME, Qt.Orientation.Horizontal))) + 18
        floor = max(_NAME_FLOOR, name_needed)
        current = header.sectionSize(COL_NAME)
        if current > floor:
            header.resizeSection(COL_NAME, max(floor, current - overflow))

    def _remember_widths(self, *_args: int) -> None:
        if self._applying:
            return
        header = self._window.table.horizontalHeader()
        for column in range(self._window.model().columnCount()):
            self._widths[self._column_key(column)] = header.sectionSize(column)


class _ResizeWatch(QObject):
    """Calls ``action`` after each resize of ``widget``."""

    def __init__(self, widget: QObject, action) -> None:
        super().__init__(widget)
        self._action = action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._action()
        return False

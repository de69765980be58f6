"""A table view whose first column (the names) stays put when the table scrolls sideways: a
second ``QTableView`` over the same model and selection lies over the first column, shows only
that column, and shares the vertical scrolling, the row heights and the column's width.

The frozen view must be opaque on every row, or the cells scrolled under it show through ("Mette
K1.3.2015"): its viewport is a plain ``QWidget`` (see below), which, unlike the viewport Qt makes,
does not fill its background, so ``_opaque`` gives it the base colour to fill with, and the
alternate rows their own, whatever the style or style sheet."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QFrame, QHeaderView, QTableView, QWidget


def _opaque(viewport: QWidget) -> QWidget:
    """A viewport that paints its whole area in the palette's base colour before the cells (what
    ``QAbstractScrollArea`` does for the viewport it makes itself)."""
    viewport.setAutoFillBackground(True)
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    return viewport


class _FrozenView(QTableView):
    """The view over the frozen column. The keyboard leaves it for the table beside it: Tab out
    of a name being edited edits the next column, and Right or Tab on a name goes to the next
    column (the frozen view's other columns are hidden, so on its own it would not move, or
    would open an editor no one can see)."""

    def __init__(self, table: FrozenColumnTable) -> None:
        super().__init__(table)
        self._table = table

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        Hint = QAbstractItemDelegate.EndEditHint
        if hint in (Hint.EditNextItem, Hint.EditPreviousItem):
            super().closeEditor(editor, Hint.NoHint)
            self._table.leave_frozen(self.currentIndex(), forward=hint == Hint.EditNextItem)
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event) -> None:
        forward = {Qt.Key.Key_Right: True, Qt.Key.Key_Tab: True, Qt.Key.Key_Backtab: False}.get(event.key())
        editing = self.state() == QAbstractItemView.State.EditingState
        if forward is not None and not editing and self.currentIndex().isValid():
            self._table.leave_frozen(self.currentIndex(), forward=forward)
            return
        super().keyPressEvent(event)


class FrozenColumnTable(QTableView):
    """``QTableView`` with a frozen first column (``frozen`` is the view over it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Viewports made here, so PySide knows their type: a viewport Qt made is a bare QWidget*
        # whose Python type PySide finds by loading every QtWidgets class (~9 ms at start).
        self.setViewport(_opaque(QWidget()))
        self.frozen = _FrozenView(self)
        self.frozen.setViewport(_opaque(QWidget()))
        self.frozen.setObjectName("frozenNameColumn")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setFrameShape(QFrame.Shape.NoFrame)
        self.frozen.setStyleSheet("QTableView#frozenNameColumn { border-right: 1px solid #9a9a9a; }")
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().sectionResized.connect(self._on_section_resized)
        self.verticalHeader().sectionResized.connect(self._on_row_resized)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.horizontalHeader().sectionClicked.connect(self._on_frozen_header_clicked)
        self.horizontalHeader().sortIndicatorChanged.connect(self._on_main_sort)

    def leave_frozen(self, index: QModelIndex, *, forward: bool) -> None:
        """From the frozen name cell ``index``, go to the next column of its row (``forward``) or
        the last column of the row before, in this table (typing there replaces the cell, as in
        a spreadsheet)."""
        model = self.model()
        if model is None or not index.isValid():
            return
        if forward:
            row, column = index.row(), next((c for c in range(1, model.columnCount()) if not self.isColumnHidden(c)), 0)
        else:
            row, column = index.row() - 1, model.columnCount() - 1
            if row < 0:
                self.frozen.focusNextPrevChild(False)
                return
        target = model.index(row, column)
        self.setFocus(Qt.FocusReason.TabFocusReason)
        self.setCurrentIndex(target)

    # -- model -------------------------------------------------------------------------------
    def setModel(self, model: QAbstractItemModel) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        for signal in (model.modelReset, model.columnsInserted, model.columnsRemoved, model.layoutChanged,
                       model.rowsInserted, model.rowsRemoved):
            signal.connect(self._sync)
        self._sync()

    def setSortingEnabled(self, enable: bool) -> None:
        super().setSortingEnabled(enable)
        # the frozen header sorts through this table (its own sorting would sort the shared model again)
        header = self.frozen.horizontalHeader()
        header.setSortIndicatorShown(enable)
        header.setSectionsClickable(enable)

    def setEditTriggers(self, triggers: QAbstractItemView.EditTrigger) -> None:
        super().setEditTriggers(triggers)
        self.frozen.setEditTriggers(triggers)

    def setAlternatingRowColors(self, enable: bool) -> None:
        super().setAlternatingRowColors(enable)
        self.frozen.setAlternatingRowColors(enable)

    def setSelectionBehavior(self, behavior: QAbstractItemView.SelectionBehavior) -> None:
        super().setSelectionBehavior(behavior)
        self.frozen.setSelectionBehavior(behavior)

    def _sync(self, *_args: object) -> None:
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            self.frozen.setColumnHidden(column, column != 0)
        if model.columnCount():
            self.frozen.setColumnWidth(0, self.columnWidth(0))
        self.frozen.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        self.frozen.setVerticalScrollMode(self.verticalScrollMode())  # the same scroll values
        self.frozen.setVisible(model.rowCount() > 0)
        self._place()

    def _on_frozen_header_clicked(self, column: int) -> None:
        """A click on the frozen "Name" header sorts as a click on the table's own would."""
        if not self.isSortingEnabled():
            return
        header = self.horizontalHeader()
        ascending = Qt.SortOrder.AscendingOrder
        same = header.sortIndicatorSection() == column and header.sortIndicatorOrder() == ascending
        self.sortByColumn(column, Qt.SortOrder.DescendingOrder if same else ascending)

    def _on_main_sort(self, column: int, order: Qt.SortOrder) -> None:
        header = self.frozen.horizontalHeader()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (column, order):
            header.blockSignals(True)
            header.setSortIndicator(column, order)
            header.blockSignals(False)
            if header.isVisible():  # before the first paint, wrapping the viewport costs start-up time
                header.viewport().update()

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if column == 0:
            self.frozen.setColumnWidth(0, new)
            self._place()

    def _on_row_resized(self, row: int, _old: int, new: int) -> None:
        self.frozen.setRowHeight(row, new)

    # -- geometry -----------------------------------------------------------------------------
    def _place(self) -> None:
        if not self.isVisible():  # placed when shown (resizeEvent): sizing the headers early costs start-up time
            return
        frame = self.frameWidth()
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        self.frozen.setGeometry(self.verticalHeader().width() + frame, frame, self.columnWidth(0),
                                self.viewport().height() + self.horizontalHeader().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if hasattr(self, "frozen"):
            self._place()

    def scrollTo(self, index: QModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """Scroll so that a cell is not hidden under the frozen column; a name cell (always in
        sight) scrolls the rows only."""
        horizontal = self.horizontalScrollBar().value()
        super().scrollTo(index, hint)
        if index.column() == 0:
            self.horizontalScrollBar().setValue(horizontal)
            return
        left = self.columnViewportPosition(index.column())
        if left < self.columnWidth(0):
            bar = self.horizontalScrollBar()
            bar.setValue(max(0, bar.value() - (self.columnWidth(0) - left)))

"""The tool bar's norm-set chooser: the built-in sets and the team's own, the chosen one current.
It refills only when what it shows changes (language, chosen set, a set's id or names)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.i18n import _


class NormSetBox(QComboBox):
    """``show_sets(sets, current_id, lang)``; ``activated`` gives the index of the user's choice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("normSetChooser")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._shown: tuple | None = None  # what the box was last filled with

    def show_sets(self, sets: Sequence[NormSet], current_id: str, lang: str) -> None:
        """Show ``sets`` with ``current_id`` chosen; does nothing when that is what it shows."""
        shown = (lang, current_id, tuple((s.id, s.kind, s.short_name(lang), s.name(lang)) for s in sets))
        if shown != self._shown:
            self.fill(sets, current_id, lang)
            self._shown = shown

    def fill(self, sets: Sequence[NormSet], current_id: str, lang: str) -> None:
        """Refill the box (without emitting a choice)."""
        self.blockSignals(True)
        self.clear()
        for norm_set in sets:
            label = norm_set.short_name(lang)
            if norm_set.kind == "custom":
                label = _("{name} (own)").format(name=label)
            self.addItem(label, norm_set.id)
            self.setItemData(self.count() - 1, norm_set.name(lang), Qt.ItemDataRole.ToolTipRole)
        self.setCurrentIndex(max(0, self.findData(current_id)))
        self.blockSignals(False)

    def label_of(self, set_id: str) -> str:
        """The label shown for the set ``set_id`` (the current one's if it is not in the box)."""
        return self.itemText(max(0, self.findData(set_id)))

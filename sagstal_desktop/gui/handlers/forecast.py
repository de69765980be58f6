"""Handlers for the forecast: enter intake and closures (Team → Intake and closures…, one undoable
step through ``Document.set_flows`` and ``core.operations.set_flows``) and open the forecast
window (Team → Forecast…). pyqtgraph is imported only when the forecast window opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.gui.window_api import WindowApi


def edit_flows(window: WindowApi) -> None:
    """The month × case type table; on OK the flows replace the team's as one step."""
    from sagstal_desktop.gui.dialogs.flows import FlowsDialog

    document = window.document()
    dialog = FlowsDialog(document.history_team(), document.norm_set(), document.as_of, window)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            document.set_flows(dialog.flows(), _("Change intake and closures"))
    finally:
        dialog.deleteLater()


def show_forecast(window: WindowApi) -> None:
    """Open (or raise) the forecast window of the current document."""
    from sagstal_desktop.gui.dialogs.forecast import ForecastDialog

    dialog = window.findChild(ForecastDialog, "forecastDialog")
    if dialog is not None and dialog._document is not window.document():
        dialog.close()
        dialog.deleteLater()
        dialog = None
    if dialog is None:
        dialog = ForecastDialog(window.document(), window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()

"""About Sagstal: name, version, what it does, the documents its norms come from, licence and privacy."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from sagstal_desktop import APP_NAME, __version__
from sagstal_desktop.gui.dialogs.common import document_lines, ui_language
from sagstal_desktop.gui.icons import app_icon
from sagstal_desktop.i18n import _


class AboutDialog(QDialog):
    """Shows the version, a short description and every source document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = ui_language(parent)
        self.setWindowTitle(_("About Sagstal"))
        self.setWindowIcon(app_icon())

        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(64, 64)))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(f"<h2 style='margin:0'>{APP_NAME}</h2>"
                       + html.escape(_("Version {version}").format(version=__version__)))
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head = QHBoxLayout()
        head.addWidget(logo)
        head.addWidget(title, 1)

        sources = "".join(f"<li>{html.escape(line)}</li>" for line in document_lines(lang))
        body = "".join((
            "<p>", html.escape(_(
                "Sagstal helps team leaders and union representatives in Danish municipal social work compare "
                "each caseworker's caseload with the Danish Association of Social Workers' (DS) recommended "
                "caseloads, see how many full-time positions the team needs, and what the shortfall costs. "
                "It prints a staffing memo that names its sources.")), "</p>",
            "<h3>", html.escape(_("Where the norms come from")), "</h3><ul>", sources, "</ul>",
            "<h3>", html.escape(_("Privacy")), "</h3><p><b>", html.escape(_(
                "All data stays on this computer; Sagstal sends nothing over the network.")), "</b> ",
            html.escape(_(
                "Sagstal works entirely offline. Team files stay on your computer and nothing is sent anywhere. "
                "Staff names are personal data: memos can show them anonymised (Employee A, B, …).")),
            "</p>",
            "<h3>", html.escape(_("Licence")), "</h3><p>", html.escape(_(
                "Free software under the MIT licence. The recommended caseloads are DS's; Sagstal is not "
                "published by DS.")), "</p>",
        ))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(_("About Sagstal"))
        self.browser.setTabChangesFocus(True)
        self.browser.setHtml(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        from sagstal_desktop.gui.screen_fit import fit_to_screen

        fit_to_screen(self, 720, 560, remember=False)

    def plain_text(self) -> str:
        """The dialog's body as plain text (for tests)."""
        return self.browser.toPlainText()

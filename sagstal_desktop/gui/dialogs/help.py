"""The help page: the load model in plain Danish (or English), with the norm sets and their sources.

The text lives in ``resources/help/help_<lang>.html``. Its ``{{...}}`` placeholders are filled here
from the data files (norm sets, defaults, the 2023 survey, the source documents), so the figures
shown are the ones the program computes with, each with its source.
"""

from __future__ import annotations

import html
import re

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from sagstal_desktop.assets import read_text
from sagstal_desktop.core.defaults import default_source, defaults
from sagstal_desktop.core.formatting import format_number, format_percent, format_range
from sagstal_desktop.core.norms import NormSet, builtin_norm_sets, case_type_name
from sagstal_desktop.core.sources import Source
from sagstal_desktop.core.survey import survey_2023
from sagstal_desktop.gui.dialogs.common import document_lines
from sagstal_desktop.gui.icons import icon
from sagstal_desktop.i18n import _

STYLE = """
body { font-size: 10.5pt; line-height: 135%; }
h1 { font-size: 17pt; color: #1f5f8b; }
h2 { font-size: 13pt; color: #1f5f8b; margin-top: 18px; }
h3 { font-size: 11pt; margin-bottom: 2px; }
p.formula { margin-left: 24px; font-size: 11.5pt; }
table.norms { border-collapse: collapse; margin-left: 12px; }
table.norms th { background: #e8eef4; text-align: left; padding: 3px 8px; }
table.norms td { padding: 2px 8px; border-bottom: 1px solid #dde3ea; }
p.cite { color: #555555; font-size: 9.5pt; }
"""
_NORM_SETS = re.compile(r"\{\{NORM_SETS\|([^|}]*)\|([^|}]*)\|([^|}]*)\}\}")
_PLACEHOLDER = re.compile(r"\{\{[A-Z_|]+[^}]*\}\}")


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _norm_set_html(norm_set: NormSet, lang: str, headings: tuple[str, str, str]) -> str:
    """One norm set as a table. The set's own source is cited once below the table; a source
    column appears only for rows whose figure comes from somewhere else."""
    rows = []
    for group in norm_set.groups:
        for norm in group.types:
            name = group.name(lang)
            if len(group.types) > 1:
                name += ": " + case_type_name(norm.case_type, lang)
            own = norm.source is not None and norm.source != norm_set.source
            rows.append((name, format_range(norm.min, norm.max, lang),
                         _short_cite(norm.source, norm_set.source, lang) if own else ""))
    with_sources = any(cite for _unused, _unused, cite in rows)
    area, rng, source = (_esc(h) for h in headings)
    head = f"<tr><th>{area}</th><th>{rng}</th>" + (f"<th>{source}</th>" if with_sources else "") + "</tr>"
    body = "".join(
        f"<tr><td>{_esc(name)}</td><td align='right'>{figures}</td>"
        + (f"<td>{_esc(cite)}</td>" if with_sources else "") + "</tr>"
        for name, figures, cite in rows
    )
    description = f"<p>{_esc(norm_set.description(lang))}</p>" if norm_set.description(lang) else ""
    set_cite = f"<p class='cite'>{source}: {_esc(norm_set.source.cite(lang))}</p>" if norm_set.source else ""
    return f"<h3>{_esc(norm_set.name(lang))}</h3>{description}<table class='norms'>{head}{body}</table>{set_cite}"


def _short_cite(source: Source | None, set_source: Source | None, lang: str) -> str:
    """A row's source: just the section when it is in the set's own document, else the full citation."""
    if source is None:
        return "–"
    if set_source is not None and source.document == set_source.document and source.section:
        return source.section
    return source.cite(lang)


def _sources_html(lang: str) -> str:
    return "<ul>" + "".join(f"<li>{_esc(line)}</li>" for line in document_lines(lang)) + "</ul>"


def _survey_values(lang: str) -> dict[str, str]:
    survey = survey_2023()
    return {
        "SURVEY_PERIOD": survey.period(lang),
        "SURVEY_SENT": format_number(survey.sent, 0, lang),
        "SURVEY_ANSWERED": format_number(survey.answered, 0, lang),
        "SURVEY_RATE": format_percent(survey.response_rate_pct / 100, 1, lang),
        "SURVEY_MUNICIPALITIES": format_number(survey.municipalities, 0, lang),
        "SURVEY_AREA_ANSWERS": format_number(survey.area_answers, 0, lang),
        "SURVEY_WITHIN": format_number(survey.overall_within, 0, lang),
        "SURVEY_ANSWERS": format_number(survey.overall_answers, 0, lang),
        "SURVEY_OVERALL_PCT": format_percent(survey.overall_pct / 100, 0, lang),
        "SURVEY_SOURCE": survey.source.cite(lang),
    }


def _newcomer_values(lang: str) -> dict[str, str]:
    source = default_source("newcomer_reduction")
    cite = source.cite(lang) if source else ""
    return {
        "NEWCOMER_PCT": format_percent(defaults()["newcomer_reduction"], 0, lang),
        "NEWCOMER_MONTHS": format_number(defaults()["newcomer_months"], 0, lang),
        "NEWCOMER_SOURCE": cite,
    }


def shortcut_rows(lang: str) -> list[tuple[str, str]]:
    """(command, its shortcuts) for every action of the window that has one, in menu order, from
    the one table of actions (``gui/actions.py``): the help's list can never drift from the keys."""
    from PySide6.QtGui import QGuiApplication, QKeySequence

    from sagstal_desktop.gui.actions import ACTIONS
    from sagstal_desktop.gui.shortcut_keys import key_sequence
    from sagstal_desktop.i18n import tr

    rows: list[tuple[str, str]] = []
    if QGuiApplication.instance() is None:  # Qt's standard keys (Ctrl+S, F1) need the application
        return rows
    for spec in ACTIONS:
        keys = [key_sequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in spec.shortcuts]
        keys = [k for k in keys if k]
        if keys:
            rows.append((tr(spec.text, lang).replace("&", "").rstrip("…"), ", ".join(dict.fromkeys(keys))))
    return rows


def _shortcuts_html(lang: str) -> str:
    from sagstal_desktop.i18n import tr

    command, keys = tr("Command", lang), tr("Keys", lang)
    head = f"<tr><th>{_esc(command)}</th><th>{_esc(keys)}</th></tr>"
    body = "".join(f"<tr><td>{_esc(text)}</td><td>{_esc(shortcut)}</td></tr>" for text, shortcut in shortcut_rows(lang))
    return f"<table class='norms'>{head}{body}</table>"


def help_html(lang: str = "da") -> str:
    """The complete help page for ``lang`` ("da" or "en") as HTML."""
    lang = "en" if lang == "en" else "da"
    text = read_text("help", f"help_{lang}.html")
    text = _NORM_SETS.sub(
        lambda m: "".join(_norm_set_html(s, lang, (m[1], m[2], m[3])) for s in builtin_norm_sets()), text)
    values = {**_survey_values(lang), **_newcomer_values(lang), "SOURCES": _sources_html(lang),
              "SHORTCUTS": _shortcuts_html(lang),
              "ANONYMISE_MIN_STAFF": format_number(defaults()["anonymise_min_staff"], 0, lang)}
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value if key in ("SOURCES", "SHORTCUTS") else _esc(value))
    left = _PLACEHOLDER.search(text)
    if left:
        raise ValueError(f"help_{lang}.html has an unknown placeholder {left.group(0)}")
    return text


class HelpDialog(QDialog):
    """A non-modal window with the help page (open it with ``show()``; the window keeps one)."""

    def __init__(self, parent: QWidget | None = None, lang: str = "da") -> None:
        super().__init__(parent)
        self.setModal(False)
        self._lang = lang
        self.setWindowTitle(_("Help – how Sagstal computes"))
        self.setWindowIcon(icon("help"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(_("Help text"))
        self.browser.setTabChangesFocus(True)  # Tab goes on to Close (links: the arrow keys and Enter)
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.setHtml(help_html(lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        from sagstal_desktop.gui.screen_fit import fit_to_screen, remember_size

        self.setObjectName("helpDialog")
        fit_to_screen(self, 900, 700)
        self.finished.connect(lambda _result=0: remember_size(self))

    def show_section(self, anchor: str) -> None:
        """Scroll to the section ``<h2 id=anchor>`` (the top if ``anchor`` is empty)."""
        self._section = anchor
        if anchor:
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)

    def section(self) -> str:
        """The section last shown with ``show_section``."""
        return getattr(self, "_section", "")

    def language(self) -> str:
        """The language the page is shown in."""
        return self._lang

    def plain_text(self) -> str:
        """The page as plain text (for tests and searching)."""
        return self.browser.toPlainText()

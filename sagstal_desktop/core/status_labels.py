"""The one wording of each load status, for the window, the memo, the CLI and the export.

A status is a concept, so it has one msgid here and every layer shows this text: the Danish
comes from the catalogue (``translations/da.po``); ``translations/glossary.json`` pins the
canonical terms and ``tests/test_i18n_catalogue.py`` checks them.
"""

from __future__ import annotations

from sagstal_desktop.core.load import Status
from sagstal_desktop.i18n import N_, tr

_LABELS: dict[Status, str] = {
    Status.BELOW: N_("Below DS range"),
    Status.WITHIN: N_("Within DS range"),
    Status.OVER: N_("Over DS max"),
    Status.NOT_COMPUTABLE: N_("Not computable"),
}

_EXPLANATIONS: dict[Status, str] = {
    Status.BELOW: N_("Fewer cases than DS's minimum for the person's casework hours."),
    Status.WITHIN: N_("Between DS's minimum and maximum (100 % = exactly DS max)."),
    Status.OVER: N_("More cases than DS's maximum for the person's casework hours."),
    Status.NOT_COMPUTABLE: N_("No casework hours, so no load can be computed."),
}


def status_label(status: Status | str, lang: str | None = None) -> str:
    """The status as a short text, e.g. "Over DS' maksimum"; ``lang`` None = the current language."""
    return tr(_LABELS[Status(status)], lang)


def status_explanation(status: Status | str, lang: str | None = None) -> str:
    """One sentence saying what the status means (the legend's tooltip)."""
    return tr(_EXPLANATIONS[Status(status)], lang)

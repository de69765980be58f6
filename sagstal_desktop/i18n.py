"""The program's one text layer: gettext lookups for every layer (core, io, report, cli, gui).

Source strings (msgids) are English and live in the code; Danish comes from the catalogue
``translations/da.po``, compiled to ``sagstal_desktop/locale/da/LC_MESSAGES/sagstal.mo`` (package
data, found through ``importlib.resources`` in a checkout, an install and a frozen build; built by
``scripts/build_translations.py``). English needs no catalogue: the msgid is the English text.

- ``_("Save")`` / ``ngettext("{n} case", "{n} cases", n)``: in the current language, which the
  window sets at start-up and on View → Language (``set_language``). Until then it is the
  English source text, as with Qt's translators before one is installed.
- ``tr("...", lang)`` / ``ntr(singular, plural, n, lang)`` / ``ptr(context, "...", lang)`` (or
  ``translator(lang).gettext(...)``): in a language chosen per call (memo, CLI, export), without
  touching the current language; ``lang=None`` means the current one.
- ``N_("...")`` / ``Nn_("...", "...")`` / ``NP_(context, "...")``: mark a string (a singular/plural
  pair, a string in a context) for the catalogue
  where it is defined, translate it later where it is shown.

Qt-free and cheap to import (stdlib only): core may use it.
"""

from __future__ import annotations

import gettext as _gettext
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

DOMAIN = "sagstal"
LANGUAGES = ("da", "en")

_current = "en"  # the current language of ``_()`` before ``set_language``: the source text


def mo_resource(lang: str) -> Traversable:
    """The compiled catalogue of ``lang`` in the package's folder (``assets.locale_dir``: found as
    ``importlib.resources`` finds it, without importing that where the package is a folder)."""
    from sagstal_desktop.assets import locale_dir

    return locale_dir().joinpath(lang, "LC_MESSAGES", f"{DOMAIN}.mo")


@cache
def translator(lang: str) -> _gettext.NullTranslations:
    """The translations of ``lang`` ("da" or "en"), with ``gettext``/``ngettext``/``pgettext``.
    English and unknown languages give the English source text. A missing Danish catalogue is
    logged and gives English: the program never fails over a translation."""
    if lang not in LANGUAGES or lang == "en":
        return _gettext.NullTranslations()
    try:
        with mo_resource(lang).open("rb") as handle:
            return _gettext.GNUTranslations(handle)
    except OSError:
        _log().warning("translation catalogue for %r is missing; showing English (run scripts/build_translations.py)",
                     lang)
        return _gettext.NullTranslations()


def _log():
    """This module's logger (``logging`` imported only when there is something to log)."""
    import logging

    return logging.getLogger(__name__)


def set_language(lang: str) -> None:
    """Make ``lang`` the current language of ``_()`` and ``ngettext``; unknown -> English."""
    global _current
    if lang not in LANGUAGES:
        _log().warning("unknown language %r; using English", lang)
        lang = "en"
    _current = lang


def current_language() -> str:
    """The current language ("en", the source text, until ``set_language`` says otherwise)."""
    return _current


def _(message: str) -> str:
    """``message`` (English) in the current language."""
    return translator(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n`` in the current language (format ``{n}`` in afterwards)."""
    return translator(_current).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language where the same English needs two translations."""
    return translator(_current).pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue; translate it later with ``_()`` or ``translator(lang)``."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for the catalogue; later ``ngettext(*pair, n)``."""
    return singular, plural


def NP_(context: str, message: str) -> str:
    """Mark ``message`` in ``context`` for the catalogue; later ``ptr(context, message, lang)``."""
    return message


def ptr(context: str, message: str, lang: str | None = None) -> str:
    """``message`` in ``context`` in ``lang`` (None = the current language)."""
    return translator(lang or _current).pgettext(context, message)


def tr(message: str, lang: str | None = None) -> str:
    """``message`` in ``lang`` (None = the current language)."""
    return translator(lang or _current).gettext(message)


def ntr(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    """The form for ``n`` in ``lang`` (None = the current language)."""
    return translator(lang or _current).ngettext(singular, plural, n)


# Keywords for extraction (scripts/build_translations.py): function name -> argument positions.
KEYWORDS: dict[str, tuple | None] = {
    "_": None, "gettext": None, "N_": None, "tr": (1,),
    "ngettext": (1, 2), "Nn_": (1, 2), "ntr": (1, 2),
    "pgettext": ((1, "c"), 2), "NP_": ((1, "c"), 2), "ptr": ((1, "c"), 2),
}

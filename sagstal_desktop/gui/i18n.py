"""Qt translations: the program's own ``.qm`` files and Qt's own dialog strings.

Source strings are English (``self.tr()`` / ``QCoreApplication.translate``); Danish comes from
``translations/sagstal_da.qm`` (built by ``scripts/build_translations.py``). Qt's own buttons and
dialogs (OK, Cancel, file dialogs) come from ``qtbase_<lang>.qm`` shipped with PySide6.

A missing ``.qm`` is logged as a warning and the English source text is shown: the program
never fails to start over a translation.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sagstal_desktop.assets import translations_dir
from sagstal_desktop.gui import settings

LANGUAGES = ("da", "en")
_LOG = logging.getLogger(__name__)

_installed: list[QTranslator] = []
_loaded_files: list[Path] = []
_current = "en"


def _system_language() -> str:
    """The system locale's language code ("da", "en", "de", ...)."""
    return QLocale.system().name().split("_")[0].lower()


def preferred_language() -> str:
    """The language chosen earlier (QSettings); else Danish on a Danish system, else English."""
    saved = settings.LANGUAGE.get()
    if saved in LANGUAGES:
        return saved
    return "da" if _system_language() == "da" else "en"


def set_preferred_language(lang: str) -> None:
    """Remember ``lang`` ("da" or "en") for the next start."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    settings.LANGUAGE.set(lang)


def current_language() -> str:
    """The language last installed with ``install_translations`` ("en" before that)."""
    return _current


def loaded_files() -> list[Path]:
    """The ``.qm`` files the last ``install_translations`` loaded (for the log and tests)."""
    return list(_loaded_files)


def qt_translations_dirs() -> list[Path]:
    """Folders that may hold Qt's own ``qtbase_*.qm``: Qt's configured path, then the PySide6
    package's ``Qt/translations`` (the same folder in a wheel install, a fallback when frozen)."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    import PySide6

    dirs.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    with contextlib.suppress(FileNotFoundError):  # no resources at all: Qt's folders only
        dirs.append(translations_dir())
    return dirs


def _load(app: QCoreApplication, path: Path) -> bool:
    translator = QTranslator(app)
    if not path.is_file() or not translator.load(str(path)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    _loaded_files.append(path)
    return True


def install_translations(app: QCoreApplication, lang: str) -> None:
    """Load the program's and Qt's translations for ``lang``, replacing the ones loaded before.

    Installing or removing translators makes Qt send a LanguageChange event to every widget,
    so open windows can re-translate themselves. Also sets the default QLocale, so number
    fields and dates follow the language (decimal comma in Danish).
    """
    global _current
    if lang not in LANGUAGES:
        _LOG.warning("unknown language %r; using English", lang)
        lang = "en"
    while _installed:
        old = _installed.pop()
        app.removeTranslator(old)
        old.deleteLater()
    _loaded_files.clear()
    _current = lang
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark) if lang == "da"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))

    try:
        own = translations_dir() / f"sagstal_{lang}.qm"
    except FileNotFoundError:
        own = Path(f"sagstal_{lang}.qm")
    if not _load(app, own):
        _LOG.warning("translation file %s is missing or unreadable; showing the English source text "
                     "(build it with scripts/build_translations.py)", own)
    if lang == "en":
        return  # Qt's own strings are English already
    for folder in qt_translations_dirs():
        if _load(app, folder / f"qtbase_{lang}.qm"):
            break
    else:
        _LOG.warning("Qt's own translation qtbase_%s.qm was not found; Qt's dialogs stay in English", lang)


def switch_language(app: QCoreApplication, lang: str) -> None:
    """Change the UI language now and remember it (the View → Language menu calls this).
    Widgets that build their texts in ``changeEvent(LanguageChange)`` update at once; others show
    the new language when they are next created."""
    set_preferred_language(lang)
    install_translations(app, lang)

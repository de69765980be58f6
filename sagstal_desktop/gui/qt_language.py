"""The window's language: the user's choice (QSettings), gettext's current language, and Qt's own strings.

The program's texts come from the one text layer, ``sagstal_desktop.i18n`` (gettext; Danish from
``translations/da.po``). Qt's own buttons and dialogs (OK, Cancel, the file dialog's "Look in:")
come from ``qtbase_<lang>.qm`` shipped with PySide6, installed here with a QTranslator; the few
that file leaves in English are supplied from the text layer (``gui/qt_supplement.py``).

Switching language sets gettext's current language and replaces Qt's translator; Qt then sends a
LanguageChange event to every widget (sent here explicitly when no translator changed), and widgets
rebuild their texts in ``changeEvent``/``retranslate``. A missing ``qtbase`` file is logged and Qt's
own strings stay English: the program never fails to start over a translation.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from sagstal_desktop import i18n as text_layer
from sagstal_desktop.gui import settings

LANGUAGES = text_layer.LANGUAGES
_LOG = logging.getLogger(__name__)

_installed: list[QTranslator] = []
_loaded_files: list[Path] = []


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
    """The window's current language (gettext's current language)."""
    return text_layer.current_language()


def loaded_files() -> list[Path]:
    """Qt's own ``.qm`` files the last ``install_translations`` loaded (for the log and tests)."""
    return list(_loaded_files)


def qt_translations_dirs() -> list[Path]:
    """Folders that may hold Qt's own ``qtbase_*.qm``: Qt's configured path, then the PySide6
    package's ``Qt/translations`` (the same folder in a wheel install, a fallback when frozen)."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    with contextlib.suppress(ImportError):
        import PySide6

        dirs.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
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
    """Make ``lang`` the window's language: gettext's current language, Qt's own translations and
    the default QLocale (number fields and dates: decimal comma in Danish). Open widgets get a
    LanguageChange event and re-translate themselves."""
    if lang not in LANGUAGES:
        _LOG.warning("unknown language %r; using English", lang)
        lang = "en"
    text_layer.set_language(lang)
    changed = bool(_installed)
    while _installed:
        old = _installed.pop()
        app.removeTranslator(old)
        old.deleteLater()
    _loaded_files.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark) if lang == "da"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    if lang != "en":  # Qt's own strings are English already
        for folder in qt_translations_dirs():
            if _load(app, folder / f"qtbase_{lang}.qm"):
                changed = True
                break
        else:
            _LOG.warning("Qt's own translation qtbase_%s.qm was not found; Qt's dialogs stay in English", lang)
        from sagstal_desktop.gui.qt_supplement import SupplementTranslator

        supplement = SupplementTranslator(lang, app)
        app.installTranslator(supplement)  # installed last, so asked before qtbase
        _installed.append(supplement)
        changed = True
    if not changed:  # no translator came or went, so Qt sent nothing: tell the widgets ourselves
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))


def switch_language(app: QCoreApplication, lang: str) -> None:
    """Change the UI language now and remember it (the View → Language menu calls this).
    Widgets that build their texts in ``changeEvent(LanguageChange)`` update at once; others show
    the new language when they are next created."""
    set_preferred_language(lang)
    install_translations(app, lang)

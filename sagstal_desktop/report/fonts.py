"""Find and register the TrueType fonts the memo embeds, so æ, ø and å print and extract.

Lookup order: ``$SAGSTAL_FONT_DIR``, ``resources/fonts``, the usual system font folders of
Linux, macOS and Windows (DejaVu Sans, then Liberation Sans/Arimo, then Arial), and finally
Bitstream Vera, which reportlab ships and which covers every Latin-1 letter. The first
family found with both a regular and a bold face wins.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

#: Candidate families: (regular file, bold file), best first.
FAMILIES: tuple[tuple[str, str], ...] = (
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("Arimo-Regular.ttf", "Arimo-Bold.ttf"),
    ("arial.ttf", "arialbd.ttf"),
    ("Arial.ttf", "Arial Bold.ttf"),
)

#: Narrow faces for tables, looked for beside the regular face (the regular faces if absent).
CONDENSED: dict[str, tuple[str, str]] = {
    "DejaVuSans.ttf": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    "LiberationSans-Regular.ttf": ("LiberationSansNarrow-Regular.ttf", "LiberationSansNarrow-Bold.ttf"),
}

REGULAR = "SagstalSans"
BOLD = "SagstalSans-Bold"
COND = "SagstalSansCond"
COND_BOLD = "SagstalSansCond-Bold"


@dataclass(frozen=True, slots=True)
class FontFiles:
    regular: Path
    bold: Path
    condensed: Path | None = None
    condensed_bold: Path | None = None


def font_dirs() -> list[Path]:
    """Folders to search, in order."""
    dirs: list[Path] = []
    env = os.environ.get("SAGSTAL_FONT_DIR")
    if env:
        dirs.append(Path(env))
    try:
        from sagstal_desktop.assets import ResourceError, resource_path

        dirs.append(resource_path("fonts"))
    except ResourceError:
        pass
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs += [windir / "Fonts", home / "AppData" / "Local" / "Microsoft" / "Windows" / "Fonts"]
    elif sys.platform == "darwin":
        dirs += [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts"),
                 Path("/System/Library/Fonts/Supplemental")]
    else:
        data_dirs = os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share").split(":")
        dirs += [home / ".local" / "share" / "fonts", home / ".fonts"]
        dirs += [Path(d) / "fonts" for d in data_dirs if d]
    return dirs


def _find_in(folder: Path, filename: str) -> Path | None:
    """``filename`` directly in ``folder`` or in a sub-folder (system font trees nest)."""
    if not folder.is_dir():
        return None
    direct = folder / filename
    if direct.is_file():
        return direct
    try:
        return next((p for p in folder.rglob(filename) if p.is_file()), None)
    except OSError:
        return None


def bundled_fallback() -> FontFiles:
    """reportlab's own Bitstream Vera (always present where reportlab is installed)."""
    import reportlab

    folder = Path(reportlab.__file__).parent / "fonts"
    return FontFiles(folder / "Vera.ttf", folder / "VeraBd.ttf")


@cache
def find_fonts() -> FontFiles:
    """The first font family found with both faces; reportlab's Vera if none is."""
    dirs = font_dirs()
    for regular_name, bold_name in FAMILIES:
        for folder in dirs:
            regular = _find_in(folder, regular_name)
            if regular is None:
                continue
            bold = _find_in(regular.parent, bold_name) or _find_in(folder, bold_name)
            if bold is not None:
                narrow = CONDENSED.get(regular_name)
                if narrow:
                    cond, cond_bold = (_find_in(regular.parent, n) for n in narrow)
                    if cond is not None and cond_bold is not None:
                        return FontFiles(regular, bold, cond, cond_bold)
                return FontFiles(regular, bold)
    return bundled_fallback()


@cache
def register_fonts() -> FontFiles:
    """Register the memo's fonts with reportlab (once) under ``REGULAR`` and ``BOLD``."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    def register(files: FontFiles) -> None:
        pdfmetrics.registerFont(TTFont(REGULAR, str(files.regular)))
        pdfmetrics.registerFont(TTFont(BOLD, str(files.bold)))
        pdfmetrics.registerFont(TTFont(COND, str(files.condensed or files.regular)))
        pdfmetrics.registerFont(TTFont(COND_BOLD, str(files.condensed_bold or files.bold)))

    files = find_fonts()
    try:
        register(files)
    except (TTFError, OSError):
        files = bundled_fallback()
        register(files)
    # the regular face is also the charts' base font, so no drawing falls back on reportlab's
    # Helvetica, which is not embedded in the PDF
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD,
                                  baseFontFor="graphics")
    for italic in (0, 1):
        addMapping(COND, 0, italic, COND)
        addMapping(COND, 1, italic, COND_BOLD)
    return files

"""Build Sagstal's gettext catalogues with Babel.

    python scripts/build_translations.py            # extract, update translations/*.po, compile the .mo files
    python scripts/build_translations.py --check    # exit 1 when the .pot/.po/.mo are not up to date

Extraction reads every ``sagstal_desktop/**/*.py`` for the keywords of ``sagstal_desktop.i18n``
(``_``, ``N_``, ``ngettext``, ``Nn_``, ``tr``, ``ntr``, ``pgettext``, ``.gettext``) and writes the
template ``translations/sagstal.pot``. Each ``translations/<lang>.po`` is updated from it (existing
translations kept, new strings added empty, vanished ones dropped to the obsolete section) and
compiled to ``sagstal_desktop/locale/<lang>/LC_MESSAGES/sagstal.mo`` (committed package data).
``tests/test_i18n_catalogue.py`` compiles the same way and compares with the committed files.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PO_DIR = ROOT / "translations"
PACKAGE = ROOT / "sagstal_desktop"
POT = PO_DIR / "sagstal.pot"
LANGUAGES = ("da",)  # English is the source language: no catalogue
COMMENT_TAGS = ("Translators:",)
HEADER = ("# Sagstal's messages (English source strings), extracted by scripts/build_translations.py.\n"
          "# Do not edit: translate in translations/<lang>.po.\n#")


def _keywords() -> dict:
    sys.path.insert(0, str(ROOT))
    from sagstal_desktop.i18n import KEYWORDS

    return KEYWORDS


def source_files() -> list[Path]:
    """The package's Python files, in a stable order."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def extract() -> Catalog:
    """The template: every marked string of the package, with its files as locations."""
    catalog = Catalog(project="Sagstal", version="1", domain="sagstal", charset="utf-8", fuzzy=False,
                      copyright_holder="Sagstal", msgid_bugs_address="https://github.com/", header_comment=HEADER)
    keywords = _keywords()
    for path in source_files():
        relative = path.relative_to(ROOT).as_posix()
        for lineno, message, comments, context in extract_from_file(
                "python", str(path), keywords=keywords, comment_tags=COMMENT_TAGS, strip_comment_tags=True):
            catalog.add(message, locations=[(relative, lineno)], auto_comments=comments, context=context)
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=True, include_lineno=False,
             ignore_obsolete=False)
    return out.getvalue()


def _strip_dates(data: bytes) -> bytes:
    """Header lines that change on every run are not content."""
    return b"\n".join(line for line in data.split(b"\n")
                      if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision-Date', b'"Generated-By')))


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def updated_po(lang: str, template: Catalog) -> Catalog:
    """``translations/<lang>.po`` merged with ``template`` (no fuzzy guessing: a new string is empty)."""
    path = PO_DIR / f"{lang}.po"
    catalog = read_catalog(path, lang) if path.is_file() else Catalog(locale=lang, domain="sagstal", fuzzy=False)
    created, revised = catalog.creation_date, catalog.revision_date
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.creation_date, catalog.revision_date = created, revised  # content decides, not the clock
    catalog.project, catalog.version, catalog.msgid_bugs_address = template.project, template.version, ""
    catalog.obsolete.clear()  # vanished strings live on in git history, not in the catalogue
    return catalog


def mo_path(lang: str) -> Path:
    return PACKAGE / "locale" / lang / "LC_MESSAGES" / "sagstal.mo"


def compile_mo(catalog: Catalog) -> bytes:
    """The .mo bytes of ``catalog`` (fuzzy entries left out, as gettext would)."""
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _write_if_changed(path: Path, data: bytes, compare=lambda b: b) -> bool:
    if path.is_file() and compare(path.read_bytes()) == compare(data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def build(check: bool = False) -> list[str]:
    """Extract, update and compile; returns the files that changed (or would change with ``check``)."""
    changed: list[str] = []
    template = extract()

    def name(path: Path) -> str:
        return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)

    def put(path: Path, data: bytes, compare=lambda b: b) -> None:
        if check:
            if not path.is_file() or compare(path.read_bytes()) != compare(data):
                changed.append(name(path))
        elif _write_if_changed(path, data, compare):
            changed.append(name(path))

    put(POT, _po_bytes(template), _strip_dates)
    for lang in LANGUAGES:
        catalog = updated_po(lang, template)
        put(PO_DIR / f"{lang}.po", _po_bytes(catalog), _strip_dates)
        put(mo_path(lang), compile_mo(catalog))
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when a file is out of date")
    args = parser.parse_args(argv)
    changed = build(check=args.check)
    for name in changed:
        print(f"{'out of date' if args.check else 'wrote'}: {name}")
    if args.check and changed:
        print("run: python scripts/build_translations.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

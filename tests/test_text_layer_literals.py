"""Every user-visible text goes through the one text layer (``sagstal_desktop/i18n.py``): English
msgids in the code, Danish in ``translations/da.po``. A string literal with a Danish letter (æ, ø,
å) in ``sagstal_desktop/`` is Danish text written into the code instead, so an AST scan (not grep:
docstrings and comments are told apart) fails on one outside the places listed in ``ALLOWED``.

Allowed are data, not texts of the program: the header aliases an importer must accept in both
languages (a writer whose file an importer reads back takes its headers from that importer's
table, so that the two can never drift apart), words accepted when typed, the demo team's stored
data, a verbatim quote, and the self-test's collation words. Docstrings (and comments) are the
developers' and may be Danish. Files other than Python (resources/, translations/) are the text
layer's and the figures' own data and are not scanned.
"""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sagstal_desktop"
DANISH = re.compile("[æøåÆØÅ]")

#: (file under sagstal_desktop/, the top-level name the literal belongs to) -> why it may be Danish.
ALLOWED: dict[tuple[str, str], str] = {
    ("io/columns.py", "_SYNONYMS"):
        "the team import's header aliases (ansættelsesdato, bemærkning, …): data the import accepts",
    ("io/columns.py", "_LEVEL_HEADER_WORDS"):
        "the case-weight level words the import accepts in headers; the export writes the first, so the "
        "import reads it back",
    ("io/history_import.py", "HISTORY_COLUMNS"):
        "the history import's headers in both languages and their aliases (the history export writes "
        "from this table too)",
    ("io/flows_import.py", "FLOW_COLUMNS"):
        "the intake-and-closures import's headers in both languages and their aliases",
    ("core/case_weight.py", "LEVEL_WORDS"):
        "level words accepted when typed (særligt kompliceret)",
    ("core/case_weight.py", "parse_mode"):
        "weighting-mode words accepted when typed (the Danish 'spænd')",
    ("core/competences.py", "_AREA_PREFIX_TEXT"):
        "the 'område:' prefix accepted when a competence is typed",
    ("core/demo.py", "_PEOPLE"):
        "the demo team's people: names stored in the team, as a user types them",
    ("core/demo.py", "_HISTORY"):
        "the demo team's snapshot labels: stored in the team, as a user types them",
    ("core/demo.py", "_bi08_cost"):
        "the demo team's source of its cost per FTE: a note stored in the team (Danish, as the rest of the "
        "demo team's data), as a user types one",
    ("report/case_weight_section.py", "DS_QUOTE"):
        "DS' own sentences, quoted verbatim in Danish in both languages' memos (held to seed 002)",
    ("gui/self_test.py", "danish_collation"):
        "the words whose order proves Qt's Danish collation (Z before Æ, Ø, Å)",
}


def _documentation(tree: ast.AST) -> set[int]:
    """The ids of the string constants that are documentation: a string standing alone as a
    statement (module, class and function docstrings, and the strings documenting an attribute)."""
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for statement in body:
                if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                    found.add(id(statement.value))
    return found


def _owner(statement: ast.stmt) -> str:
    """The top-level name a module statement defines ("" for none)."""
    if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return statement.name
    targets = statement.targets if isinstance(statement, ast.Assign) else (
        [statement.target] if isinstance(statement, ast.AnnAssign) else [])
    names = [t.id for t in targets if isinstance(t, ast.Name)]
    return names[0] if names else ""


def danish_literals(source: str, where: str) -> list[tuple[str, str, int, str]]:
    """(file, owner, line, literal) of every string literal with a Danish letter that is not
    documentation."""
    tree = ast.parse(source)
    docs = _documentation(tree)
    found = []
    for statement in tree.body:
        owner = _owner(statement)
        for node in ast.walk(statement):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs \
                    and DANISH.search(node.value):
                found.append((where, owner, node.lineno, node.value))
    return found


def _scan() -> list[tuple[str, str, int, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += danish_literals(path.read_text(encoding="utf-8"), path.relative_to(PACKAGE).as_posix())
    return found


def test_no_danish_text_outside_the_text_layer():
    bad = [f"sagstal_desktop/{where}:{line} ({owner or 'module'}): {text[:60]!r}"
           for where, owner, line, text in _scan() if (where, owner) not in ALLOWED]
    assert not bad, ("Danish text written into the code; use an English msgid with tr()/_() and translate it in "
                     "translations/da.po (or, if it is data, list the place in ALLOWED with a reason):\n"
                     + "\n".join(bad))


def test_every_allowed_place_still_holds_danish_data():
    """A place that no longer has Danish literals leaves the list (it must not excuse new ones)."""
    used = {(where, owner) for where, owner, _line, _text in _scan()}
    assert sorted(set(ALLOWED) - used) == []
    assert all(reason.strip() for reason in ALLOWED.values())


def test_the_scan_finds_danish_text_and_passes_documentation():
    source = textwrap.dedent('''
        """Modulets beskrivelse på dansk."""
        # en kommentar på dansk: ikke en streng
        TABLE = {"date": ("Dato", "Date")}
        #: Sheet names.
        SHEETS = ("Udvikling", "Kilde")
        """En beskrivelse af SHEETS på dansk."""


        def export(lang):
            """Skriv filen på dansk eller engelsk."""
            note = "Sagstals egen beregning på teamets input" if lang == "da" else "Sagstal's own"
            return tr(f"Årsværk {note}", lang)


        class Box:
            """En æske."""

            title = "Åbn"
    ''')
    found = [(owner, text) for _where, owner, _line, text in danish_literals(source, "x.py")]
    assert found == [("export", "Sagstals egen beregning på teamets input"), ("export", "Årsværk "),
                     ("Box", "Åbn")]

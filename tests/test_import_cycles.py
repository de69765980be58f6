"""No import circles in ``sagstal_desktop`` (issue 24). Every ``import`` statement counts,
at module level and inside functions alike (a function-local import that closes a circle is
still a circle a reader has to hold in their head, and it runs on first use), except those under
``if TYPE_CHECKING:``, which only name a type for the checker. A ``from package import name``
counts as an import of ``package.name`` when that is a module, else of ``package``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "sagstal_desktop"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, modules: set[str], here: str, is_package: bool) -> set[str]:
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit_node(other)
                continue
            visit_node(child)

    def visit_node(child: ast.AST) -> None:
        if isinstance(child, ast.Import):
            found.update(alias.name for alias in child.names)
        elif isinstance(child, ast.ImportFrom):
            if child.level:
                base = here.split(".") if is_package else here.split(".")[:-1]
                base = base[: len(base) - (child.level - 1)]
                source = ".".join(base + ([child.module] if child.module else []))
            else:
                source = child.module or ""
            for alias in child.names:
                candidate = f"{source}.{alias.name}"
                found.add(candidate if candidate in modules else source)
        visit(child)

    visit(tree)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the sagstal_desktop modules it imports (at run time)."""
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(files)
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        targets = _imports(ast.parse(path.read_text(encoding="utf-8")), modules, name,
                           path.name == "__init__.py")
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(found)


def test_the_cycle_finder_finds_a_planted_circle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_type_checking_imports_do_not_count_and_local_ones_do():
    code = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import x.a\nelse:\n    import x.c\n"
            "def f():\n    import x.b\n")
    assert _imports(ast.parse(code), {"x.a", "x.b", "x.c"}, "x.m", False) == {"typing", "x.b", "x.c"}


def test_a_package_import_names_its_module():
    modules = {"p", "p.q", "p.r"}
    assert _imports(ast.parse("from p import q, CONSTANT\nfrom . import r\n"), modules, "p.s", False) == {
        "p.q", "p", "p.r"}


@pytest.mark.parametrize("package", ["core", "io", "report", "gui", "cli"])
def test_no_import_circles(package):
    found = [c for c in cycles(import_graph()) if any(m.startswith(f"sagstal_desktop.{package}") for m in c)]
    assert found == [], "import circles: " + "; ".join(" <-> ".join(c) for c in found)

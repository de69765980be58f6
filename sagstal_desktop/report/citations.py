"""Numbered references: every figure from a document points to a numbered source, and the
memo ends with the list (``Source.cite``)."""

from __future__ import annotations

from collections.abc import Iterable

from sagstal_desktop.core.sources import Source


class Citations:
    """Sources numbered in the order the memo first uses them."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._numbers: dict[tuple[str, str | None], int] = {}
        self._sources: list[Source] = []

    def number(self, source: Source) -> int:
        key = (source.document, source.section)
        found = self._numbers.get(key)
        if found is None:
            self._sources.append(source)
            found = self._numbers[key] = len(self._sources)
        return found

    def ref(self, *sources: Source | None) -> str:
        """``[1]`` or ``[1, 3]`` for the given sources (None ones skipped)."""
        numbers = sorted({self.number(s) for s in sources if s is not None})
        return f"[{', '.join(map(str, numbers))}]" if numbers else ""

    def refs(self, sources: Iterable[Source | None]) -> str:
        return self.ref(*sources)

    def entries(self) -> list[tuple[int, str]]:
        """(number, citation) in number order."""
        return [(i, s.cite(self.lang)) for i, s in enumerate(self._sources, start=1)]

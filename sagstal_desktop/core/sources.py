"""The public documents every figure comes from, and citations of them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sagstal_desktop.assets import load_json


@dataclass(frozen=True, slots=True)
class Document:
    """One public source document (see ``resources/sources.json``)."""

    id: str
    title_da: str
    title_en: str
    publisher: str | None
    year: int | None
    seed: str | None

    def title(self, lang: str = "da") -> str:
        return self.title_da if lang == "da" else self.title_en


@dataclass(frozen=True, slots=True)
class Source:
    """Where one figure comes from: a document, a section of it, a year."""

    document: str
    section: str | None = None
    year: int | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Source | None:
        if not data:
            return None
        return cls(document=str(data["document"]), section=data.get("section"), year=data.get("year"))

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "section": self.section, "year": self.year}

    def cite(self, lang: str = "da") -> str:
        """A one-line citation: document title, section."""
        doc = documents().get(self.document)
        title = doc.title(lang) if doc else self.document
        return f"{title}, {self.section}" if self.section else title


@cache
def documents() -> dict[str, Document]:
    """All source documents by id."""
    raw = load_json("sources.json")
    return {
        d["id"]: Document(d["id"], d["title_da"], d["title_en"], d.get("publisher"), d.get("year"), d.get("seed"))
        for d in raw["documents"]
    }

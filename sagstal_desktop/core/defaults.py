"""Defaults for new teams and limits for input, read from ``resources/defaults.json`` (each
figure there says where it comes from)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from sagstal_desktop.assets import load_json
from sagstal_desktop.core.sources import Source


@cache
def _entries() -> dict[str, dict[str, Any]]:
    raw = load_json("defaults.json")
    return {k: v for k, v in raw.items() if isinstance(v, dict) and "value" in v}


@cache
def defaults() -> dict[str, Any]:
    """Every ``value`` of ``resources/defaults.json`` by key."""
    return {k: v["value"] for k, v in _entries().items()}


def default_note(key: str, lang: str = "da") -> str:
    """The file's own words on where a default comes from ("" if it says nothing)."""
    return str(_entries().get(key, {}).get("source_da" if lang == "da" else "source_en", ""))


def default_source(key: str) -> Source | None:
    """The document a default comes from (e.g. DS's "about 6 months"), if any."""
    entry = _entries().get(key, {})
    return Source(entry["document"], entry.get("section")) if entry.get("document") else None


def default_of(key: str) -> Callable[[], Any]:
    """A ``default_factory`` for a dataclass field."""
    return lambda: defaults()[key]

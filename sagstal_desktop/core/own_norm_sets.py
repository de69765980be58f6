"""Editing operations on a team's own norm sets (pure functions on immutable ``NormSet``s).

A team's own set is made with ``core.norms.custom_norm_set`` as a copy of a built-in set; these
functions change its name, its note on where the figures come from, or one case type's range,
and return a new set with the same id (ids are stable: files and settings refer to them).
"""

from __future__ import annotations

import os

from sagstal_desktop.core.norms import NormError, NormSet

LOCAL_DOCUMENT = "local"


def new_set_id(existing: list[NormSet] | tuple[NormSet, ...]) -> str:
    """A fresh id for a team's own set, unique among ``existing`` and the built-in sets."""
    taken = {s.id for s in existing}
    while True:
        candidate = f"own_{os.urandom(6).hex()}"
        if candidate not in taken:
            return candidate


def renamed(norm_set: NormSet, name: str) -> NormSet:
    """``norm_set`` under a new name (Danish and English name and short name alike)."""
    data = norm_set.to_dict()
    data.update(name_da=name, name_en=name, short_da=name, short_en=name)
    _local_sections(data, data.get("description_da") or name)
    return NormSet.from_dict(data)


def with_source_note(norm_set: NormSet, note: str) -> NormSet:
    """``norm_set`` with a new note on where its own figures come from."""
    data = norm_set.to_dict()
    data.update(description_da=note, description_en=note)
    _local_sections(data, note or data["name_da"])
    return NormSet.from_dict(data)


def with_range(norm_set: NormSet, case_type: str, low: float, high: float) -> NormSet:
    """``norm_set`` with case type ``case_type`` measured against [low, high], cited as the
    team's own figure. Raises NormError when the range is not 0 < low <= high."""
    if not 0 < low <= high:
        raise NormError(f"case type {case_type!r}: the range {low}-{high} must satisfy 0 < min <= max")
    data = norm_set.to_dict()
    local = {"document": LOCAL_DOCUMENT, "section": norm_set.description_da or norm_set.name_da, "year": None}
    found = False
    for group in data["groups"]:
        for entry in group["types"]:
            if entry["case_type"] == case_type:
                entry.update(min=float(low), max=float(high), source=dict(local))
                found = True
                if len(group["types"]) == 1:
                    group.update(min=float(low), max=float(high), source=dict(local))
    if not found:
        raise NormError(f"norm set {norm_set.id!r} does not list case type {case_type!r}")
    return NormSet.from_dict(data)


def _local_sections(data: dict, section: str) -> None:
    """Point every citation of the team's own figures at ``section``."""
    def fix(source: dict | None) -> None:
        if source and source.get("document") == LOCAL_DOCUMENT:
            source["section"] = section

    for group in data["groups"]:
        fix(group.get("source"))
        for entry in group["types"]:
            fix(entry.get("source"))

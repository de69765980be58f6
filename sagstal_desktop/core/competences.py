"""Competences: which case types a staff member may take, and reading/writing them as text.

A person's ``competences`` is a tuple of entries, each either a case-type id of the catalogue
(``"sygedagpenge"``) or a whole area of the team's norm set (``"area:<group id>"``).

The rule (one place, used by planning, the import and the export):

* An entry for a case type covers that type and its sub-types in the catalogue (the ``parent``
  chain: "sygedagpenge" covers "sygedagpenge kategori 2").
* An area entry covers every case type the norm set measures within that area (an area the
  norm set does not have covers nothing).
* No entries (the default): every type of the *team's areas*, i.e. the norm-set areas of the
  case types the team holds (at least one case anywhere in the team). A team holding no cases
  at all has no restriction: every area of the norm set.
* A case type the norm set cannot measure is taken by nobody (its load cannot be computed).

``takes_new_cases`` (False = "tager ikke nye sager") is a separate mark: such a person may
hand cases over but receives none; the planning applies it, not this module.

As text (spreadsheet column "Kompetencer"/"Competences") entries are separated by commas and
named in Danish or English or by id; an area may be written "område: NAME" / "area: NAME" to
tell it from a case type of the same name (without the prefix a case type is meant first).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sagstal_desktop.core.model import StaffMember, Team
from sagstal_desktop.core.norms import NormSet, case_type_name, catalogue
from sagstal_desktop.core.validation import InputError, is_blank
from sagstal_desktop.i18n import ptr, tr

AREA_PREFIX = "area:"
_AREA_PREFIX_TEXT = re.compile(r"^\s*(område|omrade|area)\s*:\s*(.+)$", re.IGNORECASE | re.DOTALL)
_YES = ("ja", "j", "yes", "y", "1", "true", "sand")
_NO = ("nej", "n", "no", "0", "false", "falsk")


def area_entry(group_id: str) -> str:
    return AREA_PREFIX + group_id


def area_of(entry: str) -> str | None:
    """The group id of an area entry, else None."""
    return entry[len(AREA_PREFIX):] if entry.startswith(AREA_PREFIX) else None


def _ancestors(case_type: str) -> list[str]:
    """``case_type`` and its parents in the catalogue, nearest first."""
    chain: list[str] = []
    cat = catalogue()
    current: str | None = case_type
    while current is not None and current not in chain:
        chain.append(current)
        entry = cat.get(current)
        current = entry.parent if entry else None
    return chain


def team_areas(team: Team, norm_set: NormSet) -> frozenset[str]:
    """The norm-set areas of the case types the team holds (every area if it holds none)."""
    held = {t for person in team.staff for t, n in person.counts.items() if n}
    areas = set()
    for case_type in held:
        norm = norm_set.norm_for(case_type)
        if norm is not None:
            areas.add(norm.group_id)
    return frozenset(areas) if areas else frozenset(g.id for g in norm_set.groups)


class CompetenceRule:
    """``may_take(member, case_type)`` for one team and norm set (areas worked out once)."""

    def __init__(self, team: Team, norm_set: NormSet) -> None:
        self.norm_set = norm_set
        self.default_areas = team_areas(team, norm_set)

    def may_take(self, member: StaffMember, case_type: str) -> bool:
        norm = self.norm_set.norm_for(case_type)
        if norm is None:
            return False
        if not member.competences:
            return norm.group_id in self.default_areas
        chain = _ancestors(case_type)
        for entry in member.competences:
            area = area_of(entry)
            if area is not None:
                if area == norm.group_id:
                    return True
            elif entry in chain:
                return True
        return False

    def may_receive(self, member: StaffMember, case_type: str) -> bool:
        """May take the type and takes new cases."""
        return member.takes_new_cases and self.may_take(member, case_type)


# -- as text ------------------------------------------------------------------------------------


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().casefold()


def _type_lookup(extra: Iterable[str] = ()) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for entry in catalogue().values():
        for text in (entry.id, entry.name_da, entry.name_en):
            lookup.setdefault(_key(text), entry.id)
    for case_type in extra:
        lookup.setdefault(_key(case_type), case_type)
    return lookup


def find_case_type(text: str, norm_set: NormSet) -> str | None:
    """The case-type id ``text`` names (id, Danish or English name, any case), or None."""
    return _type_lookup(norm_set.case_type_ids).get(_key(text))


def _area_lookup(norm_set: NormSet) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for group in norm_set.groups:
        for text in (group.id, group.name_da, group.name_en):
            lookup.setdefault(_key(text), group.id)
    return lookup


def _split_prefix(text: str) -> tuple[bool, str]:
    """(written as an area, the name without the prefix)."""
    match = _AREA_PREFIX_TEXT.match(text)
    return (True, match.group(2)) if match else (False, text)


def _resolve(text: str, types: dict[str, str], areas: dict[str, str]) -> str | None:
    as_area, name = _split_prefix(text)
    key = _key(name)
    if not as_area and key in types:
        return types[key]
    if key in areas:
        return area_entry(areas[key])
    return None


def parse_competences(value: Any, norm_set: NormSet) -> tuple[str, ...]:
    """Entries from text such as "Sygedagpenge, Jobafklaringsforløb" or "område: Fleksjob".
    Names may themselves hold commas ("Ressourceforløb, førtidspension og fleksjob (øvrige)"):
    the longest run of comma-separated pieces that names something is taken. Empty -> ().
    Raises ``InputError("unknown_competence", piece)`` for a piece that names nothing."""
    if is_blank(value):
        return ()
    types, areas = _type_lookup(norm_set.case_type_ids), _area_lookup(norm_set)
    pieces = str(value).replace(";", ",").replace("\n", ",").split(",")
    entries: list[str] = []
    i = 0
    while i < len(pieces):
        if not pieces[i].strip():
            i += 1
            continue
        for j in range(len(pieces), i, -1):
            found = _resolve(",".join(pieces[i:j]), types, areas)
            if found is not None:
                if found not in entries:
                    entries.append(found)
                i = j
                break
        else:
            raise InputError("unknown_competence", pieces[i].strip())
    return tuple(entries)


def format_competences(entries: Iterable[str], norm_set: NormSet, lang: str = "da") -> str:
    """Entries as text that ``parse_competences`` reads back to the same entries."""
    types = _type_lookup(norm_set.case_type_ids)
    names = []
    for entry in entries:
        area = area_of(entry)
        if area is None:
            names.append(case_type_name(entry, lang))
            continue
        try:
            name = norm_set.group(area).name(lang)
        except KeyError:
            name = area
        prefix = ptr("competences", "area", lang)  # parse_competences reads both languages' word
        names.append(f"{prefix}: {name}" if _key(name) in types or area == name else name)
    return ", ".join(names)


def parse_takes_new_cases(value: Any) -> bool:
    """"ja"/"nej", "yes"/"no", 1/0, true/false; empty -> True (the default)."""
    if is_blank(value):
        return True
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if isinstance(value, int | float) and float(value) in (0.0, 1.0):
        return bool(value)
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise InputError("not_yes_no", str(value).strip())


def format_takes_new_cases(value: bool, lang: str = "da") -> str:
    return tr("Yes", lang) if value else tr("No", lang)

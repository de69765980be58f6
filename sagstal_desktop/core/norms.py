"""Norm sets: DS's recommended ranges, survey-based case-type norms and the team's own ceilings.

A *norm* for a case type is a range [min, max]: how many cases of only that type one full-time
(37 h) worker can hold. Norm sets are data files under ``resources/norms`` (built in) or dicts
stored in a team document (the team's own sets); both have the same form.

Counts in a team are keyed by the ids of the case-type catalogue (``case_types.json``). A norm
set groups case types by area; a type listed without its own figure inherits its area's range.
A count of a type the set does not list falls back along the catalogue's ``parent`` chain to a
type the set does list (e.g. "sygedagpenge kategori 2" counts as "sygedagpenge" in a DS set).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sagstal_desktop.assets import load_json
from sagstal_desktop.core.sources import Source

BUILTIN_SET_FILES = ("ds_current.json", "ds_2020.json", "ds_2015_types.json")


class NormError(ValueError):
    """A norm set (built in or the user's own) is not valid."""


@dataclass(frozen=True, slots=True)
class CaseType:
    """An entry of the case-type catalogue."""

    id: str
    name_da: str
    name_en: str
    parent: str | None
    survey_area: str | None

    def name(self, lang: str = "da") -> str:
        return self.name_da if lang == "da" else self.name_en


@dataclass(frozen=True, slots=True)
class SurveyStats:
    """What a survey said about a case type: respondents, average, spread, where most answers lay."""

    n: int
    average: float | None = None
    lowest: float | None = None
    highest: float | None = None
    main: tuple[float, float] | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> SurveyStats | None:
        if not data:
            return None
        main = data.get("main")
        return cls(
            n=int(data["n"]),
            average=data.get("average"),
            lowest=data.get("lowest"),
            highest=data.get("highest"),
            main=(float(main[0]), float(main[1])) if main else None,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "average": self.average,
            "lowest": self.lowest,
            "highest": self.highest,
            "main": list(self.main) if self.main else None,
        }


@dataclass(frozen=True, slots=True)
class TypeNorm:
    """A case type as a norm set measures it: its effective range and where that comes from."""

    case_type: str
    group_id: str
    min: float
    max: float
    source: Source | None
    inherited: bool
    survey: SurveyStats | None = None
    note_da: str | None = None
    note_en: str | None = None

    @property
    def midpoint(self) -> float:
        return (self.min + self.max) / 2

    @property
    def few_answers(self) -> bool:
        """A survey-based type whose survey gave no main range (too few answers): it inherits."""
        return self.survey is not None and self.survey.main is None

    def note(self, lang: str = "da") -> str | None:
        return self.note_da if lang == "da" else self.note_en


@dataclass(frozen=True, slots=True)
class NormGroup:
    """An area of a norm set, with its range and the case types it holds."""

    id: str
    name_da: str
    name_en: str
    min: float | None
    max: float | None
    source: Source | None
    types: tuple[TypeNorm, ...]
    survey: SurveyStats | None = None
    note_da: str | None = None
    note_en: str | None = None

    def name(self, lang: str = "da") -> str:
        return self.name_da if lang == "da" else self.name_en


@dataclass(frozen=True)
class NormSet:
    """A complete set of norms a team can be measured against."""

    id: str
    kind: str  # "ds", "survey" or "custom"
    name_da: str
    name_en: str
    short_da: str
    short_en: str
    full_time_hours: float
    groups: tuple[NormGroup, ...]
    description_da: str = ""
    description_en: str = ""
    source: Source | None = None
    is_default: bool = False
    based_on: str | None = None
    full_time_hours_source: Source | None = None
    _by_type: dict[str, TypeNorm] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for group in self.groups:
            for norm in group.types:
                if norm.case_type in self._by_type:
                    raise NormError(f"norm set {self.id!r} lists case type {norm.case_type!r} twice")
                self._by_type[norm.case_type] = norm

    def name(self, lang: str = "da") -> str:
        return self.name_da if lang == "da" else self.name_en

    def short_name(self, lang: str = "da") -> str:
        return self.short_da if lang == "da" else self.short_en

    def description(self, lang: str = "da") -> str:
        return self.description_da if lang == "da" else self.description_en

    @property
    def type_norms(self) -> tuple[TypeNorm, ...]:
        """Every case type the set lists, grouped by area, in the set's order."""
        return tuple(norm for group in self.groups for norm in group.types)

    @property
    def case_type_ids(self) -> tuple[str, ...]:
        return tuple(norm.case_type for norm in self.type_norms)

    def group(self, group_id: str) -> NormGroup:
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    def norm_for(self, case_type: str) -> TypeNorm | None:
        """The norm a count of ``case_type`` is measured against, following the catalogue's
        parent chain when the set does not list the type itself; None if nothing matches."""
        seen: set[str] = set()
        current: str | None = case_type
        cat = catalogue()
        while current is not None and current not in seen:
            norm = self._by_type.get(current)
            if norm is not None:
                return norm
            seen.add(current)
            entry = cat.get(current)
            current = entry.parent if entry else None
        return None

    # -- (de)serialisation: the same form as the files under resources/norms -------------
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NormSet:
        try:
            groups = tuple(_group_from_dict(g) for g in data["groups"])
            return cls(
                id=str(data["id"]),
                kind=str(data.get("kind", "custom")),
                name_da=str(data["name_da"]),
                name_en=str(data.get("name_en") or data["name_da"]),
                short_da=str(data.get("short_da") or data["name_da"]),
                short_en=str(data.get("short_en") or data.get("name_en") or data["name_da"]),
                full_time_hours=_checked_hours(data["full_time_hours"]),
                groups=groups,
                description_da=str(data.get("description_da") or ""),
                description_en=str(data.get("description_en") or ""),
                source=_set_source(data),
                is_default=bool(data.get("default", False)),
                based_on=data.get("based_on"),
                full_time_hours_source=Source.from_dict(data.get("full_time_hours_source")),
            )
        except NormError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError, RecursionError) as exc:
            raise NormError(f"norm set {data.get('id', '?')!r} is not valid: {exc!r}") from exc

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "format": 1,
            "id": self.id,
            "kind": self.kind,
            "full_time_hours": self.full_time_hours,
            "full_time_hours_source": self.full_time_hours_source.to_dict() if self.full_time_hours_source else None,
            "name_da": self.name_da,
            "name_en": self.name_en,
            "short_da": self.short_da,
            "short_en": self.short_en,
            "description_da": self.description_da,
            "description_en": self.description_en,
            "source": self.source.to_dict() if self.source else None,
            "groups": [_group_to_dict(g) for g in self.groups],
        }
        if self.based_on:
            out["based_on"] = self.based_on
        return out


def _checked_hours(value: Any) -> float:
    """Full-time hours: a finite number within ``full_time_hours_range`` (loads divide by it)."""
    from sagstal_desktop.core.defaults import defaults

    low, high = defaults()["full_time_hours_range"]
    hours = float(value)
    if not (math.isfinite(hours) and low <= hours <= high):
        raise NormError(f"full-time hours {value!r} must be {low}-{high}")
    return hours


def _check_range(lo: float | None, hi: float | None, where: str) -> None:
    from sagstal_desktop.core.defaults import defaults

    if (lo is None) != (hi is None):
        raise NormError(f"{where}: give both a minimum and a maximum, or neither")
    if lo is None or hi is None:
        return
    if any(isinstance(x, bool) or not isinstance(x, int | float) for x in (lo, hi)):
        raise NormError(f"{where}: the range {lo!r}-{hi!r} is not two numbers")
    low, high = defaults()["norm_range_limits"]
    if not (math.isfinite(lo) and math.isfinite(hi) and low <= lo <= hi <= high):
        raise NormError(f"{where}: the range {lo}-{hi} must satisfy {low} <= min <= max <= {high}")


def _group_from_dict(data: dict[str, Any]) -> NormGroup:
    gid = str(data["id"])
    g_min, g_max = data.get("min"), data.get("max")
    _check_range(g_min, g_max, f"area {gid!r}")
    g_source = Source.from_dict(data.get("source"))
    types = []
    for t in data["types"]:
        ct = str(t["case_type"])
        t_min, t_max = t.get("min"), t.get("max")
        _check_range(t_min, t_max, f"case type {ct!r}")
        own = t_min is not None
        if not own and g_min is None:
            raise NormError(f"case type {ct!r} has no range and its area {gid!r} has none to inherit")
        types.append(
            TypeNorm(
                case_type=ct,
                group_id=gid,
                min=float(t_min if own else g_min),
                max=float(t_max if own else g_max),
                source=Source.from_dict(t.get("source")) if own else g_source,
                inherited=not own and len(data["types"]) > 1,
                survey=SurveyStats.from_dict(t.get("survey")),
                note_da=t.get("note_da"),
                note_en=t.get("note_en"),
            )
        )
    if not types:
        raise NormError(f"area {gid!r} lists no case types")
    return NormGroup(
        id=gid,
        name_da=str(data["name_da"]),
        name_en=str(data.get("name_en") or data["name_da"]),
        min=None if g_min is None else float(g_min),
        max=None if g_max is None else float(g_max),
        source=g_source,
        types=tuple(types),
        survey=SurveyStats.from_dict(data.get("survey")),
        note_da=data.get("note_da"),
        note_en=data.get("note_en"),
    )


def _group_to_dict(group: NormGroup) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": group.id,
        "name_da": group.name_da,
        "name_en": group.name_en,
        "min": group.min,
        "max": group.max,
        "source": group.source.to_dict() if group.source else None,
        "types": [],
    }
    if group.survey:
        out["survey"] = group.survey.to_dict()
    for key in ("note_da", "note_en"):
        if getattr(group, key):
            out[key] = getattr(group, key)
    single = len(group.types) == 1
    for norm in group.types:
        t: dict[str, Any] = {"case_type": norm.case_type}
        own = not norm.inherited and not (
            single and norm.min == group.min and norm.max == group.max and norm.source == group.source
        )
        if own:
            t.update(min=norm.min, max=norm.max, source=norm.source.to_dict() if norm.source else None)
        if norm.survey:
            t["survey"] = norm.survey.to_dict()
        if norm.note_da:
            t["note_da"] = norm.note_da
        if norm.note_en:
            t["note_en"] = norm.note_en
        out["types"].append(t)
    return out


@cache
def catalogue() -> dict[str, CaseType]:
    """The case-type catalogue by id, in catalogue order."""
    raw = load_json("norms", "case_types.json")
    return {
        t["id"]: CaseType(t["id"], t["name_da"], t["name_en"], t.get("parent"), t.get("survey_area"))
        for t in raw["case_types"]
    }


def case_type_name(case_type: str, lang: str = "da") -> str:
    """Display name of a case type (its id if the catalogue does not know it)."""
    entry = catalogue().get(case_type)
    return entry.name(lang) if entry else case_type


@cache
def builtin_norm_sets() -> tuple[NormSet, ...]:
    """The norm sets shipped in ``resources/norms``, the default first."""
    sets = []
    for name in BUILTIN_SET_FILES:
        sets.append(NormSet.from_dict(load_json("norms", name)))
    return tuple(sets)


def default_norm_set() -> NormSet:
    for norm_set in builtin_norm_sets():
        if norm_set.is_default:
            return norm_set
    return builtin_norm_sets()[0]


def find_norm_set(set_id: str, custom: tuple[NormSet, ...] | list[NormSet] = ()) -> NormSet:
    """A built-in or custom norm set by id; KeyError names the unknown id."""
    for norm_set in (*custom, *builtin_norm_sets()):
        if norm_set.id == set_id:
            return norm_set
    raise KeyError(set_id)


def _set_source(data: dict[str, Any]) -> Source | None:
    """The set's own source. An own set ("custom") is cited by the user's note in the team file,
    never by the DS document it was copied from (older files kept the copy's source)."""
    source = Source.from_dict(data.get("source"))
    if str(data.get("kind", "custom")) == "custom" and (source is None or source.document != "local"):
        note = str(data.get("description_da") or "").strip()
        return Source("local", note or str(data["name_da"]), None)
    return source


def custom_norm_set(
    set_id: str,
    name: str,
    base: NormSet,
    overrides: dict[str, tuple[float, float]] | None = None,
    source_note: str = "",
) -> NormSet:
    """A team's own norm set (e.g. a municipal ceiling, "loft"), copied from ``base`` with
    ranges overridden per case type. The user's own figures cite the team document."""
    data = base.to_dict()
    data.update(
        id=set_id, kind="custom", name_da=name, name_en=name, short_da=name, short_en=name,
        description_da=source_note, description_en=source_note, based_on=base.id,
    )
    data.pop("default", None)
    local = {"document": "local", "section": source_note or name, "year": None}
    data["source"] = local
    for group in data["groups"]:
        for t in group["types"]:
            if overrides and t["case_type"] in overrides:
                lo, hi = overrides[t["case_type"]]
                t.update(min=float(lo), max=float(hi), source=local)
        if len(group["types"]) == 1 and overrides and group["types"][0]["case_type"] in overrides:
            lo, hi = overrides[group["types"][0]["case_type"]]
            group.update(min=float(lo), max=float(hi), source=local)
    return NormSet.from_dict(data)

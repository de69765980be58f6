"""Spreadsheet columns: the headers Sagstal writes, and matching the headers people write.

A column of an imported sheet is mapped to a *target*: one of the staff fields (``name``,
``weekly_hours``, ...), a case count (``count:<case type id>``), ``computed`` (a column Sagstal
itself exports, such as the load; ignored on import) or None (not used). Headers are matched in
Danish or English, ignoring case, surrounding/multiple spaces and a trailing colon; case-type
columns are matched against the case-type catalogue by Danish name, English name or id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from sagstal_desktop.core.norms import NormSet, case_type_name, catalogue
from sagstal_desktop.core.operations import LEVEL_TARGET_PREFIX, level_of_target
from sagstal_desktop.core.operations import level_target as core_level_target
from sagstal_desktop.i18n import LANGUAGES, NP_, ptr, tr

NAME, WEEKLY_HOURS, OTHER_HOURS, OTHER_TASKS, START_DATE, NOTE = (
    "name", "weekly_hours", "other_hours", "other_tasks", "start_date", "note",
)
COMPETENCES, TAKES_NEW_CASES = "competences", "takes_new_cases"
FIELDS: tuple[str, ...] = (NAME, WEEKLY_HOURS, OTHER_HOURS, OTHER_TASKS, START_DATE, NOTE, COMPETENCES,
                           TAKES_NEW_CASES)
COUNT_PREFIX = "count:"
#: A case-weight column: how many of a type's cases are at one level, ``level:<level>:<case type>``
#: (``core/case_weight.py``); written and read as "TYPE (kompleks)", "TYPE (særligt kompliceret)".
LEVEL_PREFIX = LEVEL_TARGET_PREFIX
COMPUTED = "computed"

#: The header Sagstal writes for each field (msgid in the context "column"; Danish from the catalogue).
#: Both languages' headers are read back on import, so a change of wording here changes the file format.
FIELD_HEADERS: dict[str, str] = {
    NAME: NP_("column", "Name"),
    WEEKLY_HOURS: NP_("column", "Weekly hours"),
    OTHER_HOURS: NP_("column", "Hours on other tasks"),
    OTHER_TASKS: NP_("column", "Other tasks"),
    START_DATE: NP_("column", "Start date"),
    NOTE: NP_("column", "Note"),
    COMPETENCES: NP_("column", "Competences"),
    TAKES_NEW_CASES: NP_("column", "Takes new cases"),
}

#: Further headers people use for the same fields.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    NAME: ("navn", "name", "medarbejder", "sagsbehandler", "employee", "staff", "caseworker", "fulde navn"),
    WEEKLY_HOURS: ("timer", "hours", "ugentlige timer", "timer/uge", "timer om ugen", "arbejdstid", "normtid",
                   "weekly hours", "hours per week", "hours/week", "timetal"),
    OTHER_HOURS: ("timer til andre opgaver", "andre timer", "timer andre opgaver", "hours on other tasks",
                  "other hours", "non-case hours", "hours other tasks"),
    OTHER_TASKS: ("andre opgaver", "other tasks", "opgaver", "tasks"),
    START_DATE: ("ansat", "ansat dato", "ansættelsesdato", "ansat fra", "startdato", "start dato", "start date",
                 "start", "hired", "date hired", "employed since", "ansættelse"),
    NOTE: ("note", "noter", "bemærkning", "bemærkninger", "kommentar", "comment", "notes", "remark"),
    COMPETENCES: ("kompetencer", "kompetence", "competences", "competence", "sagstyper", "case types"),
    TAKES_NEW_CASES: ("tager nye sager", "nye sager", "takes new cases", "new cases"),
}

#: Computed columns Sagstal exports: (key, msgid in the context "column"). Recognised and ignored on import.
COMPUTED_HEADERS: tuple[tuple[str, str], ...] = (
    ("capacity", NP_("column", "Casework FTE")),
    ("total_cases", NP_("column", "Total cases")),
    ("fte_caseload", NP_("column", "FTE caseload")),
    ("load_max", NP_("column", "Load (share of <max>)")),
    ("status", NP_("column", "Status")),
)


#: The computed column written beside the load while the team's case weighting is on.
UNWEIGHTED_LOAD_HEADER = ("load_max_unweighted", NP_("column", "Load without case weight"))

#: The words of a level in a column header, per language (the first is written).
_LEVEL_HEADER_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "enkel": {"da": ("enkel", "enkle"), "en": ("simple",)},
    "kompleks": {"da": ("kompleks", "komplekse"), "en": ("complex",)},
    "saerligt": {"da": ("særligt kompliceret", "særligt komplicerede", "saerligt kompliceret", "saerligt"),
                 "en": ("very complex",)},
}


#: A level column's target and its reading are the core import's (``core.operations``).
level_target = core_level_target
level_of = level_of_target


def level_header(case_type: str, level: str, lang: str = "da") -> str:
    """"Sygedagpenge (kompleks)": the header of a level column."""
    words = _LEVEL_HEADER_WORDS[level]["da" if lang == "da" else "en"]
    return f"{case_type_name(case_type, lang)} ({words[0]})"


def computed_headers(norm_set, lang: str = "da") -> list[str]:
    """The computed columns' headers in ``lang``, the load named by the norm set's own words
    (``<max>`` filled by ``core.wording.fill``: "DS' maksimum" or "normsættets maksimum")."""
    from sagstal_desktop.core.wording import fill

    return [fill(header_text(message, lang), norm_set, lang) for _key, message in COMPUTED_HEADERS]


def header_text(message: str, lang: str = "da") -> str:
    """A column header (``FIELD_HEADERS``/``COMPUTED_HEADERS`` msgid) in ``lang``."""
    return ptr("column", message, lang)


def normalize(header: object) -> str:
    """A header as compared: case-folded, spaces collapsed, no trailing colon or asterisk."""
    text = "" if header is None else str(header)
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    text = re.sub(r"\s+", " ", text).strip().rstrip(":*").strip()
    return text.casefold()


def count_target(case_type: str) -> str:
    return COUNT_PREFIX + case_type


def case_type_of(target: str | None) -> str | None:
    """The case-type id of a count target, else None."""
    if target and target.startswith(COUNT_PREFIX):
        return target[len(COUNT_PREFIX):]
    return None


@cache
def _field_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for target, names in _SYNONYMS.items():
        for name in names:
            lookup[normalize(name)] = target
    for target, message in FIELD_HEADERS.items():
        for lang in LANGUAGES:
            lookup[normalize(header_text(message, lang))] = target
    for _key, message in (*COMPUTED_HEADERS, UNWEIGHTED_LOAD_HEADER):
        for lang in LANGUAGES:
            lookup.setdefault(normalize(header_text(message, lang)), COMPUTED)
    for kind in ("ds", "survey", "custom"):
        for lang in LANGUAGES:
            lookup.setdefault(normalize(computed_headers(kind, lang)[3]), COMPUTED)
    return lookup


def _case_type_lookup(extra_ids: Iterable[str] = ()) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for entry in catalogue().values():
        for text in (entry.id, entry.name_da, entry.name_en):
            lookup.setdefault(normalize(text), entry.id)
    for case_type in extra_ids:
        lookup.setdefault(normalize(case_type), case_type)
    return lookup


def guess_target(header: object, norm_set: NormSet | None = None) -> str | None:
    """The target a header most likely means, or None if it is not recognised."""
    key = normalize(header)
    if not key:
        return None
    field = _field_lookup().get(key)
    if field is not None:
        return field
    types = _case_type_lookup(norm_set.case_type_ids if norm_set else ())
    level = _level_suffix(key)
    if level is not None:
        level_type = types.get(level[0])
        if level_type is not None:
            return level_target(level_type, level[1])
    case_type = types.get(key)
    if case_type is None:
        # "Sygedagpenge (antal)", "Sygedagpenge, sager", "Antal sager: Sygedagpenge"
        stripped = re.sub(r"\s*\((antal|sager|cases|count|antal sager)\)$", "", key)
        stripped = re.sub(r"^(antal sager|antal|cases|sager)\s*[:\-]\s*", "", stripped)
        stripped = re.sub(r",\s*(sager|cases|antal)$", "", stripped)
        case_type = types.get(stripped)
    return None if case_type is None else count_target(case_type)


def _level_suffix(key: str) -> tuple[str, str] | None:
    """(the header before it, level) for a normalised header ending in a level in brackets."""
    match = re.match(r"^(.*?)\s*\(([^()]*)\)$", key)
    if match is None:
        return None
    word = " ".join(match.group(2).split())
    for level, by_lang in _LEVEL_HEADER_WORDS.items():
        if any(word == normalize(w) for words in by_lang.values() for w in words):
            return match.group(1), level
    return None


def guess_mapping(headers: Sequence[object], norm_set: NormSet | None = None) -> list[str | None]:
    """A target per header. A target claimed by an earlier column is not given twice."""
    mapping: list[str | None] = []
    taken: set[str] = set()
    for header in headers:
        target = guess_target(header, norm_set)
        if target is not None and target != COMPUTED and target in taken:
            target = None
        if target is not None:
            taken.add(target)
        mapping.append(target)
    return mapping


def field_header(field: str, lang: str = "da") -> str:
    return header_text(FIELD_HEADERS[field], lang)


def target_label(target: str | None, lang: str = "da") -> str:
    """How a target is named to the user (mapping combo boxes, problem messages)."""
    if target is None:
        return tr("(not used)", lang)
    if target == COMPUTED:
        return tr("(computed – ignored)", lang)
    case_type = case_type_of(target)
    if case_type is not None:
        return tr("Cases: {case_type}", lang).format(case_type=case_type_name(case_type, lang))
    level = level_of(target)
    if level is not None:
        return tr("Cases: {case_type}", lang).format(case_type=level_header(*level, lang))
    return field_header(target, lang)


def case_type_columns(norm_set: NormSet, extra: Iterable[str] = ()) -> list[str]:
    """The case types to write as columns: the norm set's, then any others in ``extra``
    (the team's counts) in catalogue order."""
    types = list(norm_set.case_type_ids)
    seen = set(types)
    extra_set = set(extra) - seen
    order = list(catalogue())
    types += [t for t in order if t in extra_set]
    types += sorted(extra_set - set(order))
    return types


def input_headers(norm_set: NormSet, lang: str = "da", extra_types: Iterable[str] = (),
                  planning: bool = True, levels: Iterable[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """(target, header) for the input columns Sagstal writes, in order: name, hours, other hours,
    other tasks, start date, one column per case type, note, then (with ``planning``) competences
    and takes new cases; after a type's column its case-weight columns named in ``levels``
    ((case type, level) pairs). The two planning columns are optional (empty means the default: every
    type of the team's areas; takes new cases), so the export writes them only for a team that
    uses them and the blank template leaves them out."""
    out = [(f, field_header(f, lang)) for f in (NAME, WEEKLY_HOURS, OTHER_HOURS, OTHER_TASKS, START_DATE)]
    wanted = set(levels)
    for t in case_type_columns(norm_set, extra_types):
        out.append((count_target(t), case_type_name(t, lang)))
        # case weight: "TYPE (kompleks)" etc. after the type's total, for the levels ``levels`` names
        out += [(level_target(t, level), level_header(t, level, lang)) for level in _LEVEL_HEADER_WORDS
                if (t, level) in wanted]
    out.append((NOTE, field_header(NOTE, lang)))
    if planning:
        out += [(f, field_header(f, lang)) for f in (COMPETENCES, TAKES_NEW_CASES)]
    return out


def all_targets(norm_set: NormSet | None = None) -> list[str]:
    """Every target a column can be mapped to (for the mapping editor)."""
    types = list(norm_set.case_type_ids) if norm_set else []
    types += [t for t in catalogue() if t not in types]
    return [*FIELDS, *(count_target(t) for t in types), COMPUTED]

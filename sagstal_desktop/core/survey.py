"""The 2023 survey's national figures per area, and its method for averages and compliance.

Method (``ds_survey_2023``): an answer given as a range ("30-35") counts as its midpoint; an
average is the sum of answers divided by their number, rounded to the nearest whole number;
the compliance share is the answers at or below the DS maximum over all answers, in percent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from sagstal_desktop.assets import load_json
from sagstal_desktop.core.formatting import round_half_up
from sagstal_desktop.core.lazy_pattern import LazyPattern
from sagstal_desktop.core.norms import NormSet, catalogue
from sagstal_desktop.core.sources import Source

_RANGE = LazyPattern(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:-|–|til)\s*(\d+(?:[.,]\d+)?)\s*$")
_NUMBER = LazyPattern(r"^\s*(\d+(?:[.,]\d+)?)\s*$")


def parse_answer(text: str) -> float:
    """A survey answer as a number: "32" -> 32, "30-35" -> 32.5 (a range counts as its midpoint)."""
    match = _RANGE.match(text)
    if match:
        low, high = (float(g.replace(",", ".")) for g in match.groups())
        if low > high:
            raise ValueError(f"range {text!r} runs backwards")
        return (low + high) / 2
    match = _NUMBER.match(text)
    if match:
        return float(match.group(1).replace(",", "."))
    raise ValueError(f"not a caseload answer: {text!r}")


def survey_average(answers: Iterable[float | str]) -> int:
    """The survey's average: mean of the answers, rounded to the nearest whole number."""
    values = [parse_answer(a) if isinstance(a, str) else float(a) for a in answers]
    if not values:
        raise ValueError("no answers")
    return int(round_half_up(sum(values) / len(values)))


def compliance_pct(within: int, answers: int) -> int:
    """Share of answers at or below the DS maximum, in whole percent (30 of 52 -> 58)."""
    if answers <= 0:
        raise ValueError("no answers")
    return int(round_half_up(within / answers * 100))


def count_within(answers: Iterable[float | str], ds_max: float) -> int:
    """How many answers are at or below ``ds_max``."""
    return sum(1 for a in answers if (parse_answer(a) if isinstance(a, str) else a) <= ds_max)


@dataclass(frozen=True, slots=True)
class AreaFigures:
    """One area's national figures from the 2023 survey."""

    id: str
    name_da: str
    name_en: str
    answers: int
    average_2023: int
    average_2019: int | None
    too_high_pct: int
    assessed: int
    ds_min: int | None
    ds_max: int | None
    within: int | None
    over: int | None
    stated_within_pct: int | None
    section: str
    note_da: str | None = None
    note_en: str | None = None

    def name(self, lang: str = "da") -> str:
        return self.name_da if lang == "da" else self.name_en

    def note(self, lang: str = "da") -> str | None:
        return self.note_da if lang == "da" else self.note_en

    @property
    def within_pct(self) -> int | None:
        """Compliance computed by the survey's method from the counts."""
        if self.within is None or self.over is None:
            return None
        return compliance_pct(self.within, self.within + self.over)

    @property
    def source(self) -> Source:
        return Source("ds_survey_2023", self.section, 2023)


@dataclass(frozen=True, slots=True)
class Survey2023:
    """The 2023 survey: response figures, overall compliance and the areas."""

    sent: int
    answered: int
    response_rate_pct: float
    municipalities: int
    area_answers: int
    overall_within: int
    overall_answers: int
    overall_stated_pct: int
    overall_stated_pct_2019: int
    areas: dict[str, AreaFigures]
    source: Source
    period_da: str = ""
    period_en: str = ""

    def period(self, lang: str = "da") -> str:
        """When the survey ran ("februar-marts 2023")."""
        return self.period_da if lang == "da" else self.period_en

    @property
    def overall_pct(self) -> int:
        return compliance_pct(self.overall_within, self.overall_answers)


@cache
def survey_2023() -> Survey2023:
    """The national figures shipped in ``resources/reference/ds_survey_2023.json``."""
    raw = load_json("reference", "ds_survey_2023.json")
    fields = AreaFigures.__dataclass_fields__
    areas = {a["id"]: AreaFigures(**{k: v for k, v in a.items() if k in fields}) for a in raw["areas"]}
    s, o = raw["survey"], raw["overall"]
    return Survey2023(
        sent=s["sent"], answered=s["answered"], response_rate_pct=s["response_rate_pct"],
        municipalities=s["municipalities"], area_answers=s["area_answers"],
        overall_within=o["within"], overall_answers=o["answers"], overall_stated_pct=o["stated_pct"],
        overall_stated_pct_2019=o["stated_pct_2019"], areas=areas, source=Source.from_dict(raw["source"]),
        period_da=s.get("period_da", ""), period_en=s.get("period_en", ""),
    )


def survey_area_for(case_type: str) -> AreaFigures | None:
    """The 2023 survey's figures for the area a case type belongs to (via the catalogue)."""
    cat = catalogue()
    seen: set[str] = set()
    current: str | None = case_type
    while current and current not in seen:
        entry = cat.get(current)
        if entry is None:
            return None
        if entry.survey_area:
            return survey_2023().areas.get(entry.survey_area)
        seen.add(current)
        current = entry.parent
    return None


def national_context(case_types: Iterable[str]) -> list[AreaFigures]:
    """The national figures for the areas of the given case types, in survey order."""
    wanted = {a.id for t in case_types if (a := survey_area_for(t)) is not None}
    return [a for a in survey_2023().areas.values() if a.id in wanted]


def newer_range_differences(old: NormSet, new: NormSet, case_types: Iterable[str]) -> list[tuple]:
    """(case type, old norm, new norm) where ``new`` measures a case type differently."""
    out = []
    for case_type in case_types:
        a, b = old.norm_for(case_type), new.norm_for(case_type)
        if a and b and (a.min, a.max) != (b.min, b.max):
            out.append((case_type, a, b))
    return out

"""Reference data shown beside a team's own figures: caseloads from other projects, two with a
documented effect and three ongoing (``reference_caseloads.json``, seed 003) and the Copenhagen budget case BI08
(``budget_case_kk_bi08.json``, seed 004). Every figure is read from ``resources/reference``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sagstal_desktop.assets import load_json
from sagstal_desktop.core.sources import Source


@dataclass(frozen=True, slots=True)
class ReferenceProject:
    """One project's caseload and what it showed."""

    id: str
    name: str
    role_da: str
    role_en: str
    caseload_da: str
    caseload_en: str
    min: float | None
    max: float | None
    effect_da: str
    effect_en: str
    documented_effect: bool = False  # the note reports an effect (JobFirst, IPS); else an ongoing project

    def role(self, lang: str = "da") -> str:
        return self.role_da if lang == "da" else self.role_en

    def caseload(self, lang: str = "da") -> str:
        return self.caseload_da if lang == "da" else self.caseload_en

    def effect(self, lang: str = "da") -> str:
        return self.effect_da if lang == "da" else self.effect_en


@dataclass(frozen=True, slots=True)
class ReferenceCaseloads:
    """Projects (with a documented effect first, then the ongoing ones), what to weigh, and the source."""

    projects: tuple[ReferenceProject, ...]
    considerations_da: str
    considerations_en: str
    source: Source

    def considerations(self, lang: str = "da") -> str:
        return self.considerations_da if lang == "da" else self.considerations_en


@dataclass(frozen=True, slots=True)
class BudgetCase:
    """Budget proposal BI08: caseloads from ``current`` to ``target`` at a yearly cost."""

    citizens_sickness_benefit: int
    citizens_job_clarification: int
    current_caseload: float
    target_caseload: float
    ds_range: tuple[float, float]
    target_groups: tuple[int, ...]
    yearly_cost_thousand_dkk: float
    years: tuple[int, ...]
    total_thousand_dkk: float
    price_level: str
    source: Source

    @property
    def citizens(self) -> int:
        """The citizens the investment targets (the four target groups)."""
        return sum(self.target_groups)

    @property
    def extra_fte(self) -> float:
        """Staff the proposal adds: citizens / target - citizens / current caseload."""
        return self.citizens / self.target_caseload - self.citizens / self.current_caseload

    @property
    def cost_per_fte(self) -> float:
        """The proposal's yearly cost per added FTE, in DKK."""
        return self.yearly_cost_thousand_dkk * 1000 / self.extra_fte


def _load(name: str) -> dict:
    return load_json("reference", name)


@cache
def reference_caseloads() -> ReferenceCaseloads:
    """The projects of ``reference_caseloads.json``: those with a documented effect first, each
    group in file order."""
    raw = _load("reference_caseloads.json")
    fields = ReferenceProject.__dataclass_fields__
    projects = [ReferenceProject(**{k: v for k, v in p.items() if k in fields}) for p in raw["projects"]]
    projects = tuple(sorted(projects, key=lambda p: not p.documented_effect))
    return ReferenceCaseloads(projects, raw["considerations_da"], raw["considerations_en"],
                              Source.from_dict(raw["source"]))


@cache
def budget_case() -> BudgetCase:
    """The Copenhagen budget case BI08."""
    raw = _load("budget_case_kk_bi08.json")
    return BudgetCase(
        citizens_sickness_benefit=raw["citizens_sickness_benefit"],
        citizens_job_clarification=raw["citizens_job_clarification"],
        current_caseload=raw["current_caseload"],
        target_caseload=raw["target_caseload"],
        ds_range=tuple(raw["ds_range"]),
        target_groups=tuple(raw["target_groups"]),
        yearly_cost_thousand_dkk=raw["yearly_cost_thousand_dkk"],
        years=tuple(raw["years"]),
        total_thousand_dkk=raw["total_thousand_dkk"],
        price_level=raw["price_level"],
        source=Source.from_dict(raw["source"]),
    )

"""What a memo contains: language, anonymisation, optional sections, budget years, and whether
every staff member is listed (``full_list``; by default only for teams up to
``memo_full_list_max_staff`` in ``resources/defaults.json``, larger teams get an overview with
the full list as an optional appendix)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sagstal_desktop.core.validation import budget_years_range, limits

#: Limits for the number of budget years (a budget proposal covers a few years; resources/defaults.json).
MIN_BUDGET_YEARS, MAX_BUDGET_YEARS = budget_years_range()


@dataclass(frozen=True, slots=True)
class MemoOptions:
    """Choices for one memo. ``None`` means "the team's own setting" (or today)."""

    lang: str = "da"
    anonymise: bool = False
    include_national: bool = True
    include_budget: bool = True
    include_references: bool = True
    include_history: bool = True  # the section "Udvikling", shown when there are two or more snapshots
    history_from: date | None = None  # the history's period (default: the last twelve snapshots)
    history_to: date | None = None
    scenarios: tuple[str, ...] | None = None  # the section "Scenarier": these names (None: all; (): none)
    budget_years: int | None = None
    budget_first_year: int | None = None
    as_of: date | None = None
    generated: datetime | None = None  # the footer's time stamp (default: now)
    full_list: bool | None = None  # list every staff member (None: only if the team is small, see list_everyone)
    scenario: str | None = None  # the memo shows this scenario computed (title and header say so); None: the team
    scenario_sentence: str = ""  # what the scenario assumes, one sentence (core.scenario_describe.describe)
    #: The optional section "Prognose" (issue 28; off unless chosen): the forecast from the team's
    #: intake and closures, with its window, months ahead and what-if intake change (None: defaults).
    include_forecast: bool = False
    forecast_months: int | None = None
    forecast_window: int | None = None
    forecast_intake_change: float = 0.0

    def __post_init__(self) -> None:
        if self.lang not in ("da", "en"):
            raise ValueError(f"unknown memo language {self.lang!r}")
        if self.budget_years is not None and not MIN_BUDGET_YEARS <= self.budget_years <= MAX_BUDGET_YEARS:
            raise ValueError(f"budget years must be {MIN_BUDGET_YEARS}-{MAX_BUDGET_YEARS}")

    def list_everyone(self, staff_count: int) -> bool:
        """Whether the memo lists every staff member: as chosen, else only for a team of at most
        ``memo_full_list_max_staff`` (``resources/defaults.json``)."""
        if self.full_list is not None:
            return self.full_list
        return staff_count <= full_list_max_staff()


def full_list_max_staff() -> int:
    """Up to this many staff the memo lists everyone in its main text by default."""
    return int(limits()["memo_full_list_max_staff"])


def top_loads() -> int:
    """How many of the most loaded staff the overview of a large team lists."""
    return int(limits()["memo_top_loads"])

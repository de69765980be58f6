"""Planning what-ifs: the target caseload (the Copenhagen budget case) and budget tables."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TargetWhatIf:
    """Staff needed to bring ``cases`` from ``current`` to ``target`` cases per caseworker."""

    cases: float
    current: float
    target: float
    cost_per_fte: float | None = None

    def __post_init__(self) -> None:
        if self.cases < 0:
            raise ValueError("the number of cases cannot be negative")
        if self.current <= 0 or self.target <= 0:
            raise ValueError("caseloads per worker must be above zero")

    @property
    def fte_now(self) -> float:
        return self.cases / self.current

    @property
    def fte_at_target(self) -> float:
        return self.cases / self.target

    @property
    def extra_fte(self) -> float:
        """cases / target - cases / current (negative when the target is higher)."""
        return self.fte_at_target - self.fte_now

    @property
    def yearly_cost(self) -> float | None:
        """The cost of the extra FTE a year; 0 when the target needs fewer FTE (a surplus is a
        negative ``extra_fte`` and costs nothing, as the team summary's shortfall), None
        without a cost per FTE."""
        return None if self.cost_per_fte is None else max(self.extra_fte, 0.0) * self.cost_per_fte


@dataclass(frozen=True, slots=True)
class BudgetRow:
    year: int
    thousand_dkk: float


def budget_table(yearly_cost_dkk: float, first_year: int, years: int) -> tuple[list[BudgetRow], float]:
    """Yearly rows in whole 1,000 DKK and their total, as municipal budget proposals show them
    (e.g. BI08: 11,340 a year for 2023-2026, 45,360 in all). Each year is rounded first and the
    total is the sum of the rounded years, so the table adds up as printed (4 x 518 = 2,072,
    never 2,073)."""
    from sagstal_desktop.core.survey import round_half_up

    if years < 1:
        raise ValueError("at least one budget year")
    amount = round_half_up(yearly_cost_dkk / 1000, 0)
    rows = [BudgetRow(first_year + i, amount) for i in range(years)]
    return rows, sum(r.thousand_dkk for r in rows)

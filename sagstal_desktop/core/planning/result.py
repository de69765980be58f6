"""What a plan proposes: assignments or moves, every person's load before and after, whether
the solver proved it optimal, and the team with the plan applied."""

from __future__ import annotations

from dataclasses import dataclass

from sagstal_desktop.core.load import EPSILON
from sagstal_desktop.core.model import Team


def is_over(load: float | None) -> bool:
    """Over DS's maximum, as ``core.load`` marks it (load above 100 %)."""
    return load is not None and load > 1.0 + EPSILON


@dataclass(frozen=True, slots=True)
class Assignment:
    """New cases of one type for one person."""

    member_id: str
    name: str
    case_type: str
    cases: int


@dataclass(frozen=True, slots=True)
class Move:
    """Existing cases of one type handed from one person to another."""

    from_id: str
    from_name: str
    to_id: str
    to_name: str
    case_type: str
    cases: int


@dataclass(frozen=True, slots=True)
class PersonChange:
    """A person's load (fraction of DS maximum; None: not computable) before and after."""

    member_id: str
    name: str
    load_before: float | None
    load_after: float | None


@dataclass(frozen=True)
class PlanOutcome:
    """Common to both plans."""

    persons: tuple[PersonChange, ...]
    optimal: bool  # proven leximin-optimal (and, for moves, fewest moves)
    gap: float  # HiGHS's proven relative gap of the stage cut short by the time limit; 0 when optimal
    team_after: Team

    @property
    def max_load_before(self) -> float | None:
        return max((p.load_before for p in self.persons if p.load_before is not None), default=None)

    @property
    def max_load_after(self) -> float | None:
        return max((p.load_after for p in self.persons if p.load_after is not None), default=None)

    def loads_after(self) -> list[float | None]:
        return [p.load_after for p in self.persons]

    @property
    def over_count_before(self) -> int:
        """Staff over DS's maximum before the plan."""
        return sum(1 for p in self.persons if is_over(p.load_before))

    @property
    def over_count_after(self) -> int:
        """Staff over DS's maximum with the plan applied."""
        return sum(1 for p in self.persons if is_over(p.load_after))

    @property
    def pushed_over(self) -> tuple[PersonChange, ...]:
        """Everyone at or below the maximum before whom the plan takes over it, in team order."""
        return tuple(p for p in self.persons if is_over(p.load_after) and not is_over(p.load_before))


@dataclass(frozen=True)
class Distribution(PlanOutcome):
    assignments: tuple[Assignment, ...] = ()
    #: Leximin levels proven (highest load first) by the integer program; when ``optimal`` is
    #: False and this is at least 1, the highest load is still proven the lowest possible.
    levels_proven: int = 0


@dataclass(frozen=True)
class Rebalance(PlanOutcome):
    moves: tuple[Move, ...] = ()
    max_moves: int = 0
    #: The highest load is proven the lowest possible with at most ``max_moves`` moved cases
    #: (also when the time limit stopped the lower loads or the move count short of a proof).
    max_load_proven: bool = True
    #: What the plan aims at: ``"even"`` (leximin: the highest load as low as possible, then the
    #: next, ...) or ``"fewest-over"`` (fewest staff over DS's maximum, then leximin).
    aim: str = "even"
    #: Leximin levels proven (highest load first) and the staff at them: when the time limit cut
    #: the plan short, these loads are still proven the lowest possible (with the moves allowed).
    levels_proven: int = 0
    staff_proven: int = 0
    #: Every load proven (all leximin levels); only the fewest-moves step may be unproven.
    loads_proven: bool = False
    #: Case weight: the cases the plan could move that weigh otherwise than the move model counted
    #: them (the default level), above 0 only where the level-exact model proved nothing within
    #: the time limit: then nothing is proven (the loads shown are still the real ones); and the
    #: moved cases at a level that weighs otherwise (``case_levels.with_levels``).
    other_level_cases: int = 0
    other_level_moved: int = 0

    @property
    def moved_cases(self) -> int:
        return sum(m.cases for m in self.moves)


@dataclass(frozen=True, slots=True)
class TradeoffPoint:
    """With at most ``max_moves`` moved cases, for the aim ``even``: the lowest possible highest
    load, and the staff over DS's maximum in the plan that reaches it with the fewest moves; for
    ``fewest-over``: the fewest staff over the maximum, and the lowest highest load with that
    few over (in the plan reaching both with the fewest moves)."""

    max_moves: int
    max_load: float | None
    over_count: int
    moved_cases: int  # moves that plan needs (<= max_moves)
    optimal: bool
    gap: float

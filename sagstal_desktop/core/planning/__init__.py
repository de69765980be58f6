"""Case distribution planning: who takes the next cases (``distribute``) and which existing
cases should move (``rebalance``, ``tradeoff``). Pure Python; the exact integer programs run on
HiGHS (``highspy``), imported only when a plan with several case types is computed."""

from sagstal_desktop.core.planning.distribute import distribute
from sagstal_desktop.core.planning.errors import PlanningError
from sagstal_desktop.core.planning.rebalance import rebalance, tradeoff
from sagstal_desktop.core.planning.result import Assignment, Distribution, Move, PersonChange, Rebalance, TradeoffPoint
from sagstal_desktop.core.planning.texts import assignment_text, move_text

__all__ = [
    "Assignment", "Distribution", "Move", "PersonChange", "PlanningError", "Rebalance", "TradeoffPoint",
    "assignment_text", "distribute", "move_text", "rebalance", "tradeoff",
]

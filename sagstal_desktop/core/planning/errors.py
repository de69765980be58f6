"""Why a plan cannot be made, in Danish and English (the pattern of ``core/validation.py``):
a code, the value it concerns, and ``message(lang)``; the texts are in ``texts.py``."""

from __future__ import annotations

from typing import Any

from sagstal_desktop.core.formatting import format_value
from sagstal_desktop.core.norms import case_type_name
from sagstal_desktop.core.planning.texts import MESSAGES as _MESSAGES
from sagstal_desktop.i18n import tr


class PlanningError(ValueError):
    """A plan that cannot be made; ``case_type`` names the type concerned, if any."""

    def __init__(self, code: str, value: Any, limit: Any = None, case_type: str | None = None) -> None:
        self.code, self.value, self.limit, self.case_type = code, value, limit, case_type
        super().__init__(self.message("en"))

    def message(self, lang: str = "da") -> str:
        value = case_type_name(self.case_type, lang) if self.case_type and self.code != "unknown_type" else self.value
        if self.case_type and self.code in ("negative_cases", "nobody_eligible"):
            value = value.lower()
        if not self.case_type and isinstance(value, int | float) and not isinstance(value, bool):
            value = format_value(value, lang)
        return tr(_MESSAGES[self.code], lang).format(value=value, limit=format_value(self.limit, lang))


class PlanningCancelled(Exception):
    """The caller asked the computation to stop (``cancelled()`` turned true)."""


def check_time_limit(time_limit: object) -> None:
    """A time limit is a number of seconds, 0 or more (not negative, NaN or infinite); else
    ``PlanningError("bad_time_limit")``."""
    import math

    if not (isinstance(time_limit, int | float) and math.isfinite(time_limit) and time_limit >= 0):
        raise PlanningError("bad_time_limit", time_limit)

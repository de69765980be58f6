"""Why a plan cannot be made, in Danish and English (the pattern of ``core/validation.py``):
a code, the value it concerns, and ``message(lang)``. Every planning message lives here."""

from __future__ import annotations

from typing import Any

from sagstal_desktop.core.norms import case_type_name

_MESSAGES: dict[str, tuple[str, str]] = {
    # code: (English, Danish); {value} is the case type's name or the number as given
    "unknown_type": ("\"{value}\" is not a case type", "\"{value}\" er ikke en sagstype"),
    "unmeasured_type": ("the norm set cannot measure the case type \"{value}\"",
                        "normsættet kan ikke måle sagstypen \"{value}\""),
    "negative_cases": ("the number of new {value} cases is negative ({limit})",
                       "antallet af nye {value}-sager er negativt ({limit})"),
    "nobody_eligible": ("nobody may take new {value} cases (competences, \"no new cases\" or no casework hours)",
                        "ingen må tage nye {value}-sager (kompetencer, \"tager ikke nye sager\" eller ingen "
                        "sagsbehandlingstimer)"),
    "negative_moves": ("the largest number of moved cases is negative ({value})",
                       "det største antal flyttede sager er negativt ({value})"),
}


class PlanningError(ValueError):
    """A plan that cannot be made; ``case_type`` names the type concerned, if any."""

    def __init__(self, code: str, value: Any, limit: Any = None, case_type: str | None = None) -> None:
        self.code, self.value, self.limit, self.case_type = code, value, limit, case_type
        super().__init__(self.message("en"))

    def message(self, lang: str = "da") -> str:
        english, danish = _MESSAGES[self.code]
        value = case_type_name(self.case_type, lang) if self.case_type and self.code != "unknown_type" else self.value
        if self.case_type and self.code in ("negative_cases", "nobody_eligible"):
            value = value.lower()
        return (danish if lang == "da" else english).format(value=value, limit=self.limit)

"""Every text of the planning in one place, English and Danish (the pattern of
``core/validation.py``: code -> (English, Danish)): why a plan cannot be made, and how an
assignment or a move reads ("3 sygedagpenge-sager fra Anne Holm til Ida Bech")."""

from __future__ import annotations

from sagstal_desktop.core.norms import case_type_name

MESSAGES: dict[str, tuple[str, str]] = {
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



PHRASES: dict[str, tuple[str, str]] = {
    "cases_one": ("{n} {type} case", "{n} {type}-sag"),
    "cases_many": ("{n} {type} cases", "{n} {type}-sager"),
    "assignment": ("{cases} to {to}", "{cases} til {to}"),
    "move": ("{cases} from {source} to {to}", "{cases} fra {source} til {to}"),
}


def _phrase(key: str, lang: str, **values: object) -> str:
    english, danish = PHRASES[key]
    return (danish if lang == "da" else english).format(**values)


def cases_text(cases: int, case_type: str, lang: str = "da") -> str:
    """"3 sygedagpenge-sager" / "3 sickness benefit cases"."""
    name = case_type_name(case_type, lang).lower()
    return _phrase("cases_one" if cases == 1 else "cases_many", lang, n=cases, type=name)


def assignment_text(assignment, lang: str = "da") -> str:
    """"9 sygedagpenge-sager til Karin Østergaard"."""
    return _phrase("assignment", lang, cases=cases_text(assignment.cases, assignment.case_type, lang),
                   to=assignment.name)


def move_text(move, lang: str = "da") -> str:
    """"3 sygedagpenge-sager fra Anne Holm til Ida Bech"."""
    return _phrase("move", lang, cases=cases_text(move.cases, move.case_type, lang), source=move.from_name,
                   to=move.to_name)

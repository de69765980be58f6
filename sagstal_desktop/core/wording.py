"""How the measure is named, by the kind of norm set it comes from (domain brief, "Wording that
keeps a memo honest").

"DS' maksimum", "DS-interval" and "over DS' maksimum" belong to DS's own sets only (kind
``"ds"``: ``ds_current`` and ``ds_2020``). The 2015 survey set (kind ``"survey"``) holds social
workers' own assessments collected in a DS survey, and an own set (kind ``"custom"``, e.g. a
municipal ceiling) is the municipality's: both are named as the set's own ("normsættets
maksimum"). The window, the memo, the command line and the export all take their words here,
so one place decides what a figure may be called.
"""

from __future__ import annotations

from sagstal_desktop.core.load import Status
from sagstal_desktop.core.norms import NormSet

KINDS = ("ds", "survey", "custom")

#: Terms per language and kind. Keys: max/mid/min (the level's name), range (the interval's
#: name), max_short/min_short (chart lines), load (what a load is a percentage of). An own set
#: ("custom") is named like the survey set: as the set's own, never as DS's (it need not be a
#: ceiling, so "loftet" is not assumed).
_TERMS: dict[str, dict[str, dict[str, str]]] = {
    "da": {
        "ds": {
            "max": "DS' maksimum", "mid": "DS' midtpunkt", "min": "DS' minimum", "range": "DS-interval",
            "range_of": "DS' interval", "max_short": "DS maks.", "min_short": "DS min.",
            "load": "% af DS' maks.", "max_abbr": "DS' maksimum",
        },
        "survey": {
            "max": "normsættets maksimum", "mid": "normsættets midtpunkt", "min": "normsættets minimum",
            "range": "normsættets interval", "range_of": "normsættets interval", "max_short": "Maks.",
            "min_short": "Min.", "load": "% af normsættets maks.", "max_abbr": "normsættets maksimum",
        },
    },
    "en": {
        "ds": {
            "max": "DS maximum", "mid": "DS midpoint", "min": "DS minimum", "range": "DS range",
            "range_of": "DS's range", "max_short": "DS max", "min_short": "DS min", "load": "% of DS max",
            "max_abbr": "DS max",
        },
        "survey": {
            "max": "the set's maximum", "mid": "the set's midpoint", "min": "the set's minimum",
            "range": "the set's range", "range_of": "the set's range", "max_short": "Max", "min_short": "Min",
            "load": "% of the set's max", "max_abbr": "the set's max",
        },
    },
}

#: What each kind of set is, for the method section.
_KIND_NOTE = {
    "da": {
        "ds": "Intervallerne er Dansk Socialrådgiverforenings vejledende sagstal.",
        "survey": "Intervallerne er socialrådgivernes egne vurderinger af et passende sagstal, indsamlet i en "
                  "undersøgelse fra DS; de er ikke DS' vejledende sagstal.",
        "custom": "Normsættet er teamets eget (fx et loft besluttet i kommunen); tallene og kilden er "
                  "brugerens, ikke DS'.",
    },
    "en": {
        "ds": "The ranges are the Danish Association of Social Workers' (DS) recommended caseloads.",
        "survey": "The ranges are social workers' own assessments of an appropriate caseload, collected in a "
                  "DS survey; they are not DS's recommended caseloads.",
        "custom": "The norm set is the team's own (e.g. a ceiling decided by the municipality); its figures "
                  "and source are the user's, not DS's.",
    },
}

#: Status words: short (tables, legends) and long (tooltips, explanations).
_STATUS = {
    "da": {
        Status.BELOW: ("Under", "Færre sager end {min} for medarbejderens arbejdstid til sagsbehandling."),
        Status.WITHIN: ("I interval", "Mellem {min} og {max} (100 % = præcis {max})."),
        Status.OVER: ("Over", "Flere sager end {max} for medarbejderens arbejdstid til sagsbehandling."),
        Status.NOT_COMPUTABLE: ("Kan ikke beregnes", "Ingen timer til sagsbehandling, så belastningen kan ikke "
                                                     "beregnes."),
        Status.PARTLY_UNMEASURED: ("Delvis uden norm", "Nogle af sagerne har ingen norm i normsættet; de målte "
                                                      "sager alene er ikke over {max}, men hele sagsstammen "
                                                      "kan ikke vurderes."),
        Status.UNMEASURED: ("Uden norm", "Ingen af sagerne har en norm i normsættet; belastningen kan ikke "
                                         "vurderes."),
    },
    "en": {
        Status.BELOW: ("Below", "Fewer cases than {min} for the person's casework hours."),
        Status.WITHIN: ("Within", "Between {min} and {max} (100 % = exactly {max})."),
        Status.OVER: ("Over", "More cases than {max} for the person's casework hours."),
        Status.NOT_COMPUTABLE: ("Not computable", "No casework hours, so no load can be computed."),
        Status.PARTLY_UNMEASURED: ("Partly unmeasured", "Some cases have no norm in the set; the measured cases "
                                                        "alone are not over {max}, but the whole caseload "
                                                        "cannot be judged."),
        Status.UNMEASURED: ("Unmeasured", "None of the cases has a norm in the set; the load cannot be judged."),
    },
}

#: Status as a phrase in an exported sheet ("over DS' maksimum").
_STATUS_PHRASE = {
    "da": {Status.BELOW: "under <range_of>", Status.WITHIN: "inden for <range_of>", Status.OVER: "over <max>",
           Status.NOT_COMPUTABLE: "kan ikke beregnes", Status.PARTLY_UNMEASURED: "delvis uden norm",
           Status.UNMEASURED: "uden norm"},
    "en": {Status.BELOW: "below <range_of>", Status.WITHIN: "within <range_of>", Status.OVER: "over <max>",
           Status.NOT_COMPUTABLE: "not computable", Status.PARTLY_UNMEASURED: "partly unmeasured",
           Status.UNMEASURED: "unmeasured"},
}

_UNMEASURED_SUMMARY = {
    "da": ("{n} af teamets {total} sager har ingen norm i dette normsæt og indgår ikke.",
           "{n} af teamets {total} sager har ingen norm i dette normsæt og indgår ikke."),
    "en": ("{n} of the team's {total} cases has no norm in this set and is not included.",
           "{n} of the team's {total} cases have no norm in this set and are not included."),
}


def _lang(lang: str) -> str:
    return lang if lang in _TERMS else "da"


def kind_of(norm_set: NormSet | str | None) -> str:
    """``"ds"``, ``"survey"`` or ``"custom"`` for a norm set (or a kind given as text)."""
    kind = norm_set if isinstance(norm_set, str) or norm_set is None else norm_set.kind
    return kind if kind in KINDS else "custom"


def terms(norm_set: NormSet | str | None, lang: str = "da") -> dict[str, str]:
    """Every term for the set's kind, e.g. ``terms(ds_2020)["max"] == "DS' maksimum"``."""
    kind = kind_of(norm_set)
    return dict(_TERMS[_lang(lang)]["ds" if kind == "ds" else "survey"])


def term(key: str, norm_set: NormSet | str | None, lang: str = "da", capital: bool = False) -> str:
    """One term; ``capital`` for the start of a sentence ("Normsættets maksimum")."""
    text = terms(norm_set, lang)[key]
    return text[:1].upper() + text[1:] if capital else text


def kind_note(norm_set: NormSet | str | None, lang: str = "da") -> str:
    """One sentence saying whose figures the set holds."""
    return _KIND_NOTE[_lang(lang)][kind_of(norm_set)]


def status_label(status: Status, lang: str = "da") -> str:
    """The status as a short word ("Over", "Delvis uden norm")."""
    return _STATUS[_lang(lang)][status][0]


def status_explanation(status: Status, norm_set: NormSet | str | None, lang: str = "da") -> str:
    """One sentence on what the status means, with the set's own words for the levels."""
    found = terms(norm_set, lang)
    return _STATUS[_lang(lang)][status][1].format(max=found["max"], min=found["min"])


def status_phrase(status: Status, norm_set: NormSet | str | None, lang: str = "da", uncovered: int = 0,
                  total: int = 0) -> str:
    """The status as a phrase for a sheet cell: "over DS' maksimum", "over normsættets maksimum";
    with unmeasured cases their count follows: "delvis uden norm (3 af 40 sager uden norm)"."""
    text = fill(_STATUS_PHRASE[_lang(lang)][status], norm_set, lang)
    return text + unmeasured_count(uncovered, total, lang, " ({text})")


def unmeasured_count(uncovered: int, total: int, lang: str = "da", pattern: str = "{text}") -> str:
    """"3 af 40 sager uden norm" in ``pattern`` (e.g. " ({text})"); "" when nothing is unmeasured."""
    if not uncovered:
        return ""
    from sagstal_desktop.core.formatting import format_number

    word = _COUNT[_lang(lang)]
    return pattern.format(text=word.format(n=format_number(uncovered, 0, lang), total=format_number(total, 0, lang)))


_COUNT = {"da": "{n} af {total} sager uden norm", "en": "{n} of {total} cases unmeasured"}


def unmeasured_summary(uncovered: int, total: int, lang: str = "da") -> str:
    """"N af teamets M sager har ingen norm i dette normsæt og indgår ikke." ("" when N is 0)."""
    if not uncovered:
        return ""
    one, many = _UNMEASURED_SUMMARY[_lang(lang)]
    from sagstal_desktop.core.formatting import format_number

    return (one if uncovered == 1 else many).format(n=format_number(uncovered, 0, lang),
                                                     total=format_number(total, 0, lang))


def fill(text: str, norm_set: NormSet | str | None, lang: str = "da") -> str:
    """``text`` with the placeholders ``<max>``, ``<Max>``, ``<mid>``, ``<min>``, ``<range>``,
    ``<range_of>``, ``<max_short>``, ``<min_short>`` and ``<load>`` replaced by the set's terms
    (``<Max>`` capitalised). Other text, including ``{fields}``, is left alone."""
    if "<" not in text:
        return text
    for key, value in terms(norm_set, lang).items():
        text = text.replace(f"<{key}>", value).replace(f"<{key[:1].upper()}{key[1:]}>", value[:1].upper() + value[1:])
    return text


def load_decimals(load: float | None, at_least: int = 0) -> int:
    """Decimals that keep a printed load from contradicting its status: whole per cent, unless
    that would print 100 % for a load that is not exactly 100 % (100,27 % is "Over", so it must
    not read "100 %"); then as many decimals as it takes to tell it from 100 (100,3 %, 100,04 %)."""
    from sagstal_desktop.core.load import EPSILON
    from sagstal_desktop.core.survey import round_half_up

    if load is None or abs(load - 1.0) <= EPSILON:
        return at_least
    for decimals in range(at_least, 7):
        if round_half_up(load * 100, decimals) != 100:
            return decimals
    return 7


def format_load(load: float | None, lang: str = "da", decimals: int = 0) -> str:
    """A load as a percentage with at least ``decimals`` decimals and as many more as
    ``load_decimals`` needs: ``87 %``, ``100 %``, ``100,3 %``."""
    from sagstal_desktop.core.formatting import format_percent

    return format_percent(load, load_decimals(load, decimals), lang)


#: The window's words for what depends on the norm set (the memo's are in report/texts.py).
_GUI = {
    "da": {
        "status_below": "Under <range>", "status_within": "Inden for <range>", "status_over": "Over <max>",
        "status_not_computable": "Kan ikke beregnes", "status_partly_unmeasured": "Delvis uden norm",
        "status_unmeasured": "Uden norm",
        "load_axis": "Belastning i % af <max>", "line_max": "<max_short> 100 %", "line_min": "<min_short> {pct}",
        "load_header": "Belastning % af <max>", "over_caption": "Over <max>:",
        "range_caption": "<Range> for teamets sager:", "level_min": "Ved <min>", "level_max": "Ved <max>",
        "load_tip": "{name}\nBelastning: {load} af <max>\nFuldtidssagstal: {fte}\nSager: {cases}\n{status}",
        "load_tooltip": "Vægtet belastning: Σ sager / <max> for sagstypen / årsværk til sager. 100 % = præcis "
                        "<max>.",
        "status_tooltip": "Hvor sagstallet ligger i forhold til <range_of> i det valgte normsæt.",
        "persons_one": "1 person", "persons": "{n} personer",
        "unmeasured_row": "{n} af sagerne har ingen norm i normsættet og indgår ikke i belastningen.",
    },
    "en": {
        "status_below": "Below <range>", "status_within": "Within <range>", "status_over": "Over <max_abbr>",
        "status_not_computable": "Not computable", "status_partly_unmeasured": "Partly unmeasured",
        "status_unmeasured": "Unmeasured",
        "load_axis": "Load in % of <max_abbr>", "line_max": "<max_short> 100 %", "line_min": "<min_short> {pct}",
        "load_header": "Load % of <max_abbr>", "over_caption": "Staff over <max_abbr>:",
        "range_caption": "<Range> for the team's cases:", "level_min": "At <min>", "level_max": "At <max>",
        "load_tip": "{name}\nLoad: {load} of <max_abbr>\nFull-time caseload: {fte}\nCases: {cases}\n{status}",
        "load_tooltip": "Weighted load: Σ cases / <max_abbr> of their type / casework FTE. 100 % = exactly "
                        "<max_abbr>.",
        "status_tooltip": "Where the caseload lies against <range_of> of the chosen norm set.",
        "persons_one": "1 person", "persons": "{n} persons",
        "unmeasured_row": "{n} of the cases have no norm in the set and are not part of the load.",
    },
}


def gui_phrase(key: str, norm_set: NormSet | str | None, lang: str = "da") -> str:
    """A window text named by the set's kind, e.g. ``gui_phrase("status_over", ds_2020, "en")``
    -> "Over DS max"; for the 2015 survey set or an own set -> "Over the set's max"."""
    return fill(_GUI[_lang(lang)][key], norm_set, lang)


def gui_status(status: Status, norm_set: NormSet | str | None, lang: str = "da") -> str:
    """The window's status text ("Over DS' maksimum", "Inden for normsættets interval", "Uden norm")."""
    return gui_phrase(f"status_{status.value}", norm_set, lang)


def plural(n: int, one: str, many: str, lang: str = "da") -> str:
    """``1 gyldig række`` / ``2 gyldige rækker``: the count in ``lang``'s notation and the word
    form that agrees with it."""
    from sagstal_desktop.core.formatting import format_number

    return f"{format_number(n, 0, lang)} {one if n == 1 else many}"


_UNEVEN = {
    "da": ("Teamet har de årsværk, der skal til ved <max>, men {over} ligger over: sagerne er skævt fordelt "
           "mellem medarbejderne.", "medarbejder", "medarbejdere"),
    "en": ("The team has the FTE it needs at <max>, but {over} are over: the cases are unevenly spread among "
           "the staff.", "person", "people"),
}
#: Where to look next (the command line; the memo makes no claim about what rebalancing achieves).
_REBALANCE_POINTER = {
    "da": "Kommandoen sagstal rebalance viser, hvor få flytninger af sager der sænker belastningen.",
    "en": "The command sagstal rebalance shows how few moves of cases lower the loads.",
}


def uneven_summary(summary, norm_set: NormSet | str | None, lang: str = "da", pointer: bool = False) -> str:
    """When the team has its FTE at the maximum but people are over: say the cases are unevenly
    spread (window, memo and command line), with ``pointer`` also where to look for a
    rebalancing; "" otherwise."""
    if not summary.uneven:
        return ""
    text, one, many = _UNEVEN[_lang(lang)]
    out = fill(text, norm_set, lang).format(over=plural(summary.over_count, one, many, lang))
    return f"{out} {_REBALANCE_POINTER[_lang(lang)]}" if pointer else out

"""How the measure and a load status are named, by the kind of norm set they come from (domain
brief, "Wording that keeps a memo honest"): the one place for status and measure wording.

"DS' maksimum", "DS-interval" and "over DS' maksimum" belong to DS's own sets only (kind
``"ds"``: ``ds_current`` and ``ds_2020``). The 2015 survey set (kind ``"survey"``) holds social
workers' own assessments collected in a DS survey, and an own set (kind ``"custom"``, e.g. a
municipal ceiling) is the municipality's: both are named as the set's own ("normsættets
maksimum"). The window, the memo, the command line and the export all take their words here,
so one place decides what a figure may be called.

Every text is an English msgid translated through the one text layer (``sagstal_desktop.i18n``;
Danish in ``translations/da.po``). The terms and the status labels have one msgid per kind, in
the pgettext contexts ``"measure ds"``/``"measure survey"`` (``"... chart"`` for the chart's short
line labels) and ``"status ds"``/``"status survey"``; ``translations/glossary.json`` pins them.
Other texts carry placeholders (``<max>``, ``<Max>``, ``<range_of>`` ...) in the msgid and the
msgstr, filled with the kind's terms by ``fill``.
"""

from __future__ import annotations

from sagstal_desktop.core.load import Status
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.i18n import LANGUAGES, N_, NP_, Nn_, translator

KINDS = ("ds", "survey", "custom")

#: Terms per kind, as (context, msgid). Keys: max/mid/min (the level's name), range (the
#: interval's name), range_of ("DS' interval"), max_short/min_short (chart lines), load (what a
#: load is a percentage of), max_abbr (the maximum where English abbreviates it). An own set
#: ("custom") is named like the survey set: as the set's own, never as DS's (it need not be a
#: ceiling, so "loftet" is not assumed).
_TERMS: dict[str, dict[str, tuple[str, str]]] = {
    "ds": {
        "max": ("measure ds", NP_("measure ds", "DS maximum")),
        "mid": ("measure ds", NP_("measure ds", "DS midpoint")),
        "min": ("measure ds", NP_("measure ds", "DS minimum")),
        "range": ("measure ds", NP_("measure ds", "DS range")),
        "range_of": ("measure ds", NP_("measure ds", "DS's range")),
        "max_short": ("measure ds chart", NP_("measure ds chart", "DS max")),
        "min_short": ("measure ds chart", NP_("measure ds chart", "DS min")),
        "load": ("measure ds", NP_("measure ds", "% of DS max")),
        "max_abbr": ("measure ds", NP_("measure ds", "DS max")),
    },
    "survey": {
        "max": ("measure survey", NP_("measure survey", "the set's maximum")),
        "mid": ("measure survey", NP_("measure survey", "the set's midpoint")),
        "min": ("measure survey", NP_("measure survey", "the set's minimum")),
        "range": ("measure survey", NP_("measure survey", "the set's range")),
        "range_of": ("measure survey", NP_("measure survey", "the set's range")),
        "max_short": ("measure survey chart", NP_("measure survey chart", "Max")),
        "min_short": ("measure survey chart", NP_("measure survey chart", "Min")),
        "load": ("measure survey", NP_("measure survey", "% of the set's max")),
        "max_abbr": ("measure survey", NP_("measure survey", "the set's max")),
    },
}

#: What each kind of set is, for the method section.
_KIND_NOTE = {
    "ds": N_("The ranges are the Danish Association of Social Workers' (DS) recommended caseloads."),
    "survey": N_("The ranges are social workers' own assessments of an appropriate caseload, collected in a DS "
                 "survey; they are not DS's recommended caseloads."),
    "custom": N_("The norm set is the team's own (e.g. a ceiling decided by the municipality); its figures and "
                 "source are the user's, not DS's."),
}

#: The status label per kind: the one word for a status in the window, the memo, the CLI and the
#: export. The statuses that do not name the measure are the same for every kind.
_LABELS: dict[str, dict[Status, tuple[str, str]]] = {
    "ds": {
        Status.BELOW: ("status ds", NP_("status ds", "Below DS range")),
        Status.WITHIN: ("status ds", NP_("status ds", "Within DS range")),
        Status.OVER: ("status ds", NP_("status ds", "Over DS max")),
    },
    "survey": {
        Status.BELOW: ("status survey", NP_("status survey", "Below the set's range")),
        Status.WITHIN: ("status survey", NP_("status survey", "Within the set's range")),
        Status.OVER: ("status survey", NP_("status survey", "Over the set's max")),
    },
}
_LABEL_ANY_KIND: dict[Status, str] = {
    Status.NOT_COMPUTABLE: N_("Not computable"),
    Status.PARTLY_UNMEASURED: N_("Partly unmeasured"),
    Status.UNMEASURED: N_("Unmeasured"),
}

#: One sentence per status (tooltips, the legend), with the set's own words for the levels.
_EXPLANATION: dict[Status, str] = {
    Status.BELOW: N_("Fewer cases than <min> for the person's casework hours."),
    Status.WITHIN: N_("Between <min> and <max> (100 % = exactly <max>)."),
    Status.OVER: N_("More cases than <max> for the person's casework hours."),
    Status.NOT_COMPUTABLE: N_("No casework hours, so no load can be computed."),
    Status.PARTLY_UNMEASURED: N_("Some cases have no norm in the set; the measured cases alone are not over <max>, "
                                "but the whole caseload cannot be judged."),
    Status.UNMEASURED: N_("None of the cases has a norm in the set; the load cannot be judged."),
}

_COUNT = Nn_("{n} of {total} case unmeasured", "{n} of {total} cases unmeasured")

_UNMEASURED_SUMMARY = Nn_("{n} of the team's {total} cases has no norm in this set and is not included.",
                          "{n} of the team's {total} cases have no norm in this set and are not included.")


def _lang(lang: str | None) -> str:
    return lang if lang in LANGUAGES else "da"


def kind_of(norm_set: NormSet | str | None) -> str:
    """``"ds"``, ``"survey"`` or ``"custom"`` for a norm set (or a kind given as text)."""
    kind = norm_set if isinstance(norm_set, str) or norm_set is None else norm_set.kind
    return kind if kind in KINDS else "custom"


def _words(norm_set: NormSet | str | None) -> str:
    """The kind whose words a set takes: DS's for DS's sets, the set's own for any other."""
    return "ds" if kind_of(norm_set) == "ds" else "survey"


def terms(norm_set: NormSet | str | None, lang: str = "da") -> dict[str, str]:
    """Every term for the set's kind, e.g. ``terms(ds_2020)["max"] == "DS' maksimum"``."""
    catalogue = translator(_lang(lang))
    return {key: catalogue.pgettext(context, message) for key, (context, message) in _TERMS[_words(norm_set)].items()}


def term(key: str, norm_set: NormSet | str | None, lang: str = "da", capital: bool = False) -> str:
    """One term; ``capital`` for the start of a sentence ("Normsættets maksimum")."""
    text = terms(norm_set, lang)[key]
    return text[:1].upper() + text[1:] if capital else text


def kind_note(norm_set: NormSet | str | None, lang: str = "da") -> str:
    """One sentence saying whose figures the set holds."""
    return translator(_lang(lang)).gettext(_KIND_NOTE[kind_of(norm_set)])


def status_label(status: Status | str, lang: str | None = "da", norm_set: NormSet | str | None = "ds") -> str:
    """The status as worded everywhere (window, memo, CLI, export), named by the set's kind:
    "Over DS' maksimum", "Over normsættets maksimum", "Delvis uden norm"."""
    status = Status(status)
    catalogue = translator(_lang(lang))
    if status in _LABEL_ANY_KIND:
        return catalogue.gettext(_LABEL_ANY_KIND[status])
    context, message = _LABELS[_words(norm_set)][status]
    return catalogue.pgettext(context, message)


def status_explanation(status: Status | str, norm_set: NormSet | str | None = "ds", lang: str | None = "da") -> str:
    """One sentence on what the status means, with the set's own words for the levels."""
    return fill(translator(_lang(lang)).gettext(_EXPLANATION[Status(status)]), norm_set, lang)


def status_phrase(status: Status, norm_set: NormSet | str | None, lang: str = "da", uncovered: int = 0,
                  total: int = 0) -> str:
    """The status label for a sheet cell or a command-line row, with the count of unmeasured cases
    when there are any: "Delvis uden norm (3 af 40 sager uden norm)"."""
    return status_label(status, lang, norm_set) + unmeasured_count(uncovered, total, lang, " ({text})")


def unmeasured_count(uncovered: int, total: int, lang: str = "da", pattern: str = "{text}") -> str:
    """"3 af 40 sager uden norm" in ``pattern`` (e.g. " ({text})"); "" when nothing is unmeasured."""
    if not uncovered:
        return ""
    from sagstal_desktop.core.formatting import format_number

    lang = _lang(lang)
    word = translator(lang).ngettext(*_COUNT, total)
    return pattern.format(text=word.format(n=format_number(uncovered, 0, lang), total=format_number(total, 0, lang)))


def unmeasured_summary(uncovered: int, total: int, lang: str = "da") -> str:
    """"N af teamets M sager har ingen norm i dette normsæt og indgår ikke." ("" when N is 0)."""
    if not uncovered:
        return ""
    from sagstal_desktop.core.formatting import format_number

    lang = _lang(lang)
    return translator(lang).ngettext(*_UNMEASURED_SUMMARY, uncovered).format(
        n=format_number(uncovered, 0, lang), total=format_number(total, 0, lang))


def fill(text: str, norm_set: NormSet | str | None, lang: str | None = "da") -> str:
    """``text`` with the placeholders ``<max>``, ``<Max>``, ``<mid>``, ``<min>``, ``<range>``,
    ``<range_of>``, ``<max_short>``, ``<min_short>``, ``<max_abbr>`` and ``<load>`` replaced by the
    set's terms (``<Max>`` capitalised). Other text, including ``{fields}``, is left alone."""
    if "<" not in text:
        return text
    for key, value in terms(norm_set, _lang(lang)).items():
        text = text.replace(f"<{key}>", value).replace(f"<{key[:1].upper()}{key[1:]}>", value[:1].upper() + value[1:])
    return text


def load_decimals(load: float | None, at_least: int = 0) -> int:
    """Decimals that keep a printed load from contradicting its status: whole per cent, unless
    that would print 100 % for a load that is not exactly 100 % (100,27 % is "Over", so it must
    not read "100 %"); then as many decimals as it takes to tell it from 100 (100,3 %, 100,04 %)."""
    from sagstal_desktop.core.formatting import round_half_up
    from sagstal_desktop.core.load import EPSILON

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
_GUI: dict[str, str] = {
    "load_axis": N_("Load in % of <max_abbr>"),
    "line_max": N_("<max_short> 100%"),
    "line_min": N_("<min_short> {pct}"),
    "load_header": N_("Load % of <max_abbr>"),
    "over_caption": N_("Staff over <max_abbr>:"),
    "range_caption": N_("<Range> for the team's cases:"),
    "level_min": N_("At <min>"),
    "level_max": N_("At <max>"),
    "load_tip": N_("{name}\nLoad: {load} of <max_abbr>\nFull-time caseload: {fte}\nCases: {cases}\n{status}"),
    "load_tooltip": N_("Weighted load: Σ cases / <max_abbr> of their type / casework FTE. 100 % = exactly "
                       "<max_abbr>."),
    "status_tooltip": N_("Where the caseload lies against <range_of> of the chosen norm set."),
    "unmeasured_row": N_("{n} of the cases have no norm in the set and are not part of the load."),
}


def gui_phrase(key: str, norm_set: NormSet | str | None, lang: str = "da") -> str:
    """A window text named by the set's kind, e.g. ``gui_phrase("load_axis", ds_2020, "en")``
    -> "Load in % of DS max"; for the 2015 survey set or an own set "... of the set's max"."""
    if key.startswith("status_"):
        return gui_status(Status(key.removeprefix("status_")), norm_set, lang)
    return fill(translator(_lang(lang)).gettext(_GUI[key]), norm_set, lang)


def gui_status(status: Status, norm_set: NormSet | str | None, lang: str = "da") -> str:
    """The window's status text: the status label (``status_label``), the same in every layer."""
    return status_label(status, lang, norm_set)


def plural(n: int, one: str, many: str, lang: str = "da") -> str:
    """``1 gyldig række`` / ``2 gyldige rækker``: the count in ``lang``'s notation and the word
    form that agrees with it (``one``/``many`` already translated, e.g. from ``ngettext``)."""
    from sagstal_desktop.core.formatting import format_number

    return f"{format_number(n, 0, lang)} {one if n == 1 else many}"


_UNEVEN = Nn_("The team has the FTE it needs at <max>, but {over} person is over: the cases are unevenly spread "
              "among the staff.",
              "The team has the FTE it needs at <max>, but {over} people are over: the cases are unevenly spread "
              "among the staff.")
#: Where to look next (the command line; the memo makes no claim about what rebalancing achieves).
_REBALANCE_POINTER = N_("The command sagstal rebalance shows how few moves of cases lower the loads.")


def uneven_summary(summary, norm_set: NormSet | str | None, lang: str = "da", pointer: bool = False) -> str:
    """When the team has its FTE at the maximum but people are over: say the cases are unevenly
    spread (window, memo and command line), with ``pointer`` also where to look for a
    rebalancing; "" otherwise."""
    if not summary.uneven:
        return ""
    from sagstal_desktop.core.formatting import format_number

    lang = _lang(lang)
    catalogue = translator(lang)
    text = catalogue.ngettext(*_UNEVEN, summary.over_count)
    out = fill(text, norm_set, lang).format(over=format_number(summary.over_count, 0, lang))
    return f"{out} {catalogue.gettext(_REBALANCE_POINTER)}" if pointer else out

"""The memo's section "Sagernes tyngde" (issue 27), printed only while the team's case weighting
is on: the mode, the points and the team's note as their source (or, for ``range``, that it is
the team's reading of the range, not a DS rule), DS' own sentence on case weight quoted, how
many cases were assessed and how many not, a short table of unweighted → weighted loads per
person (anonymised: labels and load bands only, ``core.anonymise``), and the sensitivity check
(``core.case_weight_check``): how many staff would change status if the choice were a little
different."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sagstal_desktop.core.case_weight import LEVELS, NOT_ASSESSED, level_plural, level_totals, points_text
from sagstal_desktop.core.case_weight_check import extreme_levels, sensitivity
from sagstal_desktop.core.defaults import default_source
from sagstal_desktop.core.formatting import format_value
from sagstal_desktop.core.wording import fill, format_load, kind_of
from sagstal_desktop.i18n import N_, Nn_, ntr, tr
from sagstal_desktop.report import content
from sagstal_desktop.report.memo_style import esc, mm
from sagstal_desktop.report.options import full_list_max_staff, top_loads

if TYPE_CHECKING:
    from sagstal_desktop.report.pdf import MemoBuilder

#: DS' own sentences on case weight (seed 002, Indledning), quoted as DS wrote them, in Danish in
#: both languages' memos; a test holds them to the seed.
DS_QUOTE = ("Et passende sagstal pr. socialrådgiver kan dog ikke stå alene, idet der er andre forhold der "
            "spiller ind på, hvor mange sager en socialrådgiver kan have ansvaret for. Det er bl.a. arbejdets "
            "organisering, muligheden for at få ekspertrådgivning, og ikke mindst fordelingen mellem enkle, "
            "komplekse og særligt komplicerede sager – dvs. sagernes ”tyngde” eller kompleksitet - hos den "
            "enkelte socialrådgiver.")

TEXTS: dict[str, str] = {
    "heading": N_("Case weight"),
    "ds": N_("DS writes (in Danish): “{quote}”"),
    "range_ds": N_("The team has chosen to weight the cases by their place in DS' range: simple cases are measured "
                   "against <max>, complex cases against <mid> and very complex cases against <min>. This is the "
                   "team's reading of DS' range, not a rule of DS'."),
    "range_other": N_("The team has chosen to weight the cases by their place in the norm set's range: simple cases "
                      "are measured against <max>, complex cases against <mid> and very complex cases against "
                      "<min>. This is the team's reading of the range, not a rule of the norm set's source."),
    "points": N_("The team has chosen its own points per level: {points}. The load is Σ points × cases / <max> "
                 "/ casework FTE (Sagstal's calculation). The points are the team's choice, not DS'; the team "
                 "gives as their source: {note}"),
    "points_no_note": N_("The team has chosen its own points per level: {points}. The load is Σ points × cases / "
                         "<max> / casework FTE (Sagstal's calculation). The points are the team's choice, not "
                         "DS'; the team has given no source for them."),
    "effect": N_("In this memo load, status and FTE needed are computed with the weighting (FTE needed for the "
                 "weighted cases). Without it, {unweighted} FTE would be needed at <max> instead of {weighted}, "
                 "and {over_unweighted} instead of {over} staff would be over <max>."),
    "col_staff": N_("Staff member"),
    "col_without": N_("Load without case weight"),
    "col_with": N_("Load with case weight"),
    "col_status": N_("Status"),
    "top": N_("The table shows the {shown} staff whose load changes most with the weighting, of {changed} "
              "whose load changes."),
    "anonymous_note": N_("Load in bands, labels as in the anonymised list of this memo."),
    "anonymous_left_out": N_("So that no one can be recognised, this anonymised memo gives no figures per "
                             "person on case weight."),
    "source": N_("Source: Sagstal's calculation on the team's own figures (cases, their assessed level and "
                 "hours per staff member) and the team's stated weighting, measured against {norm_set}."),
}

_ASSESSED = Nn_("Of the team's {total} case, {assessed} is assessed ({levels}) and {unassessed} is not; cases not "
                "assessed count as {default}.",
                "Of the team's {total} cases, {assessed} are assessed ({levels}) and {unassessed} are not; cases "
                "not assessed count as {default}.")
_POINTS_SWITCH = Nn_("{n} staff member changes status if every point moves {step} up or down.",
                     "{n} staff members change status if every point moves {step} up or down.")
_UNASSESSED_SWITCH = Nn_("{n} staff member changes status if the cases not assessed are all {heaviest}, or all "
                         "{lightest}, instead.",
                         "{n} staff members change status if the cases not assessed are all {heaviest}, or all "
                         "{lightest}, instead.")


def case_weight_section(builder: MemoBuilder) -> list:
    """The section's flowables ([] while the weighting is off)."""
    sm, team, lang, ns = builder.summary, builder.team, builder.lang, builder.norm_set
    weighting = sm.weighting
    if not weighting.on:
        return []
    s, num = builder.styles, builder.num
    t = {key: fill(tr(text, lang), ns, lang) for key, text in TEXTS.items()}
    out = [builder.para(esc(t["heading"]), s.h2)]
    if weighting.mode == "range":
        out.append(builder.para(esc(t["range_ds" if kind_of(ns) == "ds" else "range_other"])))
    else:
        points = points_text(weighting, lang)
        note = weighting.note.strip()
        if note and note[-1] not in ".!?…":
            note += "."  # the team's note ends the sentence that quotes it
        text = t["points"].format(points=points, note=note) if note else t["points_no_note"].format(points=points)
        out.append(builder.para(esc(text)))
    out.append(builder.para(esc(t["ds"].format(quote=DS_QUOTE)) + " " + builder.cite.ref(default_source(
        "case_weight_points"))))
    totals = level_totals(team.staff)
    assessed = sum(totals[level] for level in LEVELS)
    parts = ", ".join(f"{num(totals[level], 0)} {level_plural(level, lang)}" for level in LEVELS)
    total = assessed + totals[NOT_ASSESSED]
    out.append(builder.para(esc(ntr(*_ASSESSED, total, lang).format(
        total=num(total, 0), assessed=num(assessed, 0), levels=parts, unassessed=num(totals[NOT_ASSESSED], 0),
        default=level_plural(weighting.default_level, lang)))))
    out.append(builder.para(esc(t["effect"].format(
        unweighted=num(sm.fte_needed_max_unweighted, 2), weighted=num(sm.fte_needed_max, 2),
        over_unweighted=num(sm.over_count_unweighted, 0), over=num(sm.over_count, 0)))))
    out += _table(builder, t)
    check = sensitivity(team, sm, ns)
    sentences = []
    if check.points_switch is not None:
        sentences.append(ntr(*_POINTS_SWITCH, check.points_switch, lang).format(
            n=num(check.points_switch, 0), step=format_value(check.step, lang)))
    if check.unassessed_switch is not None:
        heaviest, lightest = extreme_levels(weighting)
        sentences.append(ntr(*_UNASSESSED_SWITCH, check.unassessed_switch, lang).format(
            n=num(check.unassessed_switch, 0), heaviest=level_plural(heaviest, lang),
            lightest=level_plural(lightest, lang)))
    if sentences:
        out.append(builder.para(esc(" ".join(sentences))))
    out.append(builder.para(esc(t["source"].format(norm_set=ns.name(lang))), s.small))
    return out


def _table(builder: MemoBuilder, t: dict[str, str]) -> list:
    """Unweighted → weighted load per person: the names and exact loads of the staff whose load
    changes most (at most ``memo_top_loads``); anonymised, every label with its two bands, only
    from k staff with a load and up to ``memo_full_list_max_staff`` staff."""
    from sagstal_desktop.core.anonymise import anonymous_labels, anonymous_order, band_text, load_band, rows_allowed
    from sagstal_desktop.core.load import Status

    sm, lang, s = builder.summary, builder.lang, builder.styles
    persons = list(sm.persons)
    head = [builder.para(esc(t["col_staff"]), s.head), builder.para(esc(t["col_without"]), s.head_r),
            builder.para(esc(t["col_with"]), s.head_r), builder.para(esc(t["col_status"]), s.head)]
    if builder.options.anonymise:
        measured = [p for p in persons if p.status is not Status.UNMEASURED and p.load_max is not None]
        if not rows_allowed(len(measured)) or len(persons) > full_list_max_staff():
            return [builder.para(esc(t["anonymous_left_out"]), s.small)]
        labels = anonymous_labels([p.member_id for p in persons], lang, getattr(builder, "anonymous_salt", None))
        bands = [load_band(p.load_max) for p in measured]
        names = [labels[p.member_id] for p in measured]
        data = [head]
        for i in anonymous_order(bands, names):
            p = measured[i]
            data.append([names[i], band_text(load_band(p.load_max_unweighted), lang), band_text(bands[i], lang),
                         content.status_text(p.status, lang, builder.norm_set)])
        note = t["anonymous_note"]
    else:
        changed = [p for p in persons if p.load_max is not None and p.load_max_unweighted is not None
                   and abs(p.load_max - p.load_max_unweighted) >= 0.0005]
        changed.sort(key=lambda p: (-abs(p.load_max - p.load_max_unweighted), p.name))
        shown = changed[:top_loads()]
        if not shown:
            return []
        data = [head]
        for p in shown:
            data.append([builder.para(esc(p.name), s.cell), format_load(p.load_max_unweighted, lang, 1),
                         format_load(p.load_max, lang, 1), content.status_text(p.status, lang, builder.norm_set)])
        note = t["top"].format(shown=builder.num(len(shown), 0), changed=builder.num(len(changed), 0)) \
            if len(changed) > len(shown) else ""
    cmds = [*builder.grid_style(len(data)), ("ALIGN", (3, 1), (3, -1), "LEFT")]
    out = [builder.table(data, [mm(55), mm(35), mm(35), mm(45)], cmds, long=True)]
    if note:
        out.append(builder.para(esc(note), s.small))
    return out

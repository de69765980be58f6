"""The memo's own words in Danish and English (the GUI's strings live in Qt's .ts files).

``{name}`` fields are filled with ``str.format``. Numbers are formatted by the caller with
``core.formatting`` before they are put in.
"""

from __future__ import annotations

from sagstal_desktop.core.anonymise import staff_label, staff_letters  # noqa: F401  (re-exported)

TEXTS: dict[str, dict[str, str]] = {
    "da": {
        "title": "Notat om sagstal og normering",
        "municipality": "Kommune",
        "department": "Afdeling",
        "team": "Team",
        "date": "Opgjort pr.",
        "author": "Udarbejdet af",
        "norm_set": "Målt mod",
        "role_team_leader": "Teamleder",
        "role_tr": "Tillidsrepræsentant (TR)",
        "role_other": "Andet",
        "anonymised_note": "Medarbejderne er anonymiseret (Medarbejder A, B, … i en rækkefølge uden forbindelse til "
                           "navne eller teamets rækkefølge); timer, fuldtidssagstal, ansættelsesdatoer og nyansættelse "
                           "er udeladt for den enkelte, og tabellen er sorteret efter belastning.",
        "h_summary": "Sammenfatning",
        "conclusion_over": "{over} af {computable} medarbejdere har en sagsstamme over <max> for deres "
                           "arbejdstid til sagsbehandling.",
        "conclusion_none_over": "Ingen af de {computable} medarbejdere har en sagsstamme over <max> for "
                                "deres arbejdstid til sagsbehandling.",
        "conclusion_need": "For at alle teamets {cases} sager kan ligge inden for <max>, skal teamet have "
                           "{need} årsværk til sagsbehandling; det har {available}.",
        "conclusion_need_measured": "For at teamets {cases} sager med norm kan ligge inden for <max>, skal teamet "
                                    "have {need} årsværk til sagsbehandling; til dem har det {available}.",
        "conclusion_need_mid": "Ved <mid> skal der {need} årsværk til.",
        "not_computable_note": "{n} medarbejdere har ingen timer til sagsbehandling, og deres belastning kan "
                               "ikke beregnes.",
        "not_computable_note_one": "1 medarbejder har ingen timer til sagsbehandling, og belastningen kan ikke "
                                   "beregnes.",
        "cases_total": "Sager i alt",
        "uncovered_suffix": "heraf {n} uden norm i normsættet",
        "available_fte": "Årsværk til sagsbehandling",
        "level_max": "<Max>",
        "level_mid": "<Mid>",
        "level_min": "<Min>",
        "fte_needed": "Årsværk der skal til",
        "shortfall_row": "Mangel / overskud",
        "shortfall": "mangler {n}",
        "surplus": "overskud {n}",
        "balanced": "går op",
        "yearly_cost": "Årlig udgift til manglen",
        "over_max": "Medarbejdere over <max>",
        "n_of_n": "{n} af {total}",
        "avg_caseload": "Gennemsnitligt fuldtidssagstal",
        "against_range": "{value} (<range> for teamets sager: {range})",
        "cost_per_fte": "Årsværkspris",
        "h_chart": "Belastning pr. medarbejder",
        "chart_caption": "Sagsstammen i procent af <max> for den enkeltes arbejdstid til sagsbehandling. "
                         "100 % = præcis <max>. Den stiplede linje viser <min> for teamets "
                         "sagsblanding ({min_level}).",
        "chart_sorted": "Medarbejdere sorteret efter belastning",
        "chart_line_max": "<max_short> 100 %",
        "chart_line_min": "<min_short> {pct}",
        "chart_not_computable": "{n} medarbejdere uden timer til sagsbehandling er ikke vist.",
        "chart_not_computable_one": "1 medarbejder uden timer til sagsbehandling er ikke vist.",
        "chart_unmeasured": "Medarbejdere uden norm for nogen af deres sager ({n}) er ikke vist.",
        "h_staff": "Medarbejdere",
        "col_name": "Navn",
        "col_hours": "Timer pr. uge",
        "col_other": "Timer til andet",
        "col_fte": "Årsværk",
        "col_total": "Sager i alt",
        "col_ftecl": "Sagstal pr. fuldtid",
        "col_load": "Belastning",
        "col_status": "Status",
        "col_uncovered": "Uden norm",
        "totals": "I alt ({n} medarbejdere)",
        "totals_one": "I alt (1 medarbejder)",
        "status_unmeasured_count": "{status} ({n})",
        "staff_note_unmeasured": "Tal i parentes efter status: sager uden norm i normsættet (de indgår ikke i "
                                 "belastningen).",
        "available_fte_measured": "Årsværk til sager med norm",
        "status_total": "{n} over",
        "staff_note": "Årsværk: timer til sagsbehandling omregnet til fuldtidsstillinger på {fth} timer. Sagstal "
                      "pr. fuldtid: sager × {fth} / timer til sagsbehandling. Belastning: sagsstammen i "
                      "procent af <max> for medarbejderens arbejdstid til sagsbehandling. {newcomer}",
        "newcomer_note": "* Nyansat: arbejdstiden til sagsbehandling er nedsat med {reduction} de første "
                         "{months} måneder.",
        "h_national": "Landstal fra DS' undersøgelse 2023",
        "national_intro": "DS spurgte i {period} sine tillidsrepræsentanter i kommunerne om sagstal "
                          "({answered} af {sent} svarede, {municipalities} kommuner). Tallene er gennemsnit pr. "
                          "arbejdsplads, ikke pr. medarbejder, og er ikke omregnet efter timer. Tal for teamets "
                          "områder:",
        "nat_area": "Område",
        "nat_answers": "TR-svar",
        "nat_avg": "Gns. sagstal 2023 (2019)",
        "nat_too_high": "TR: sagstal for højt",
        "nat_assessed": "Vurderet passende",
        "nat_range": "DS-interval 2023",
        "nat_within": "Arbejdspladser inden for DS' maks.",
        "nat_newer": "DS' nyere interval",
        "nat_same": "uændret",
        "nat_overall": "På tværs af alle områder lå {within} af {answers} svar inden for DS' vejledende sagstal "
                       "({pct}; {pct_2019} i 2019).",
        "h_budget": "Budget",
        "budget_intro": "Udgiften til at dække teamets mangel på årsværk, regnet med en årsværkspris på {cost}"
                        "{cost_source}. Beløbene er i årsværksprisens prisniveau. Rækkerne er alternativer og "
                        "skal ikke lægges sammen.",
        "budget_cost_source": " ({source})",
        "budget_unit": "1.000 kr.",
        "budget_row": "Normering til {level} (+{fte} årsværk)",
        "budget_total": "I alt",
        "budget_none": "Teamet mangler ingen årsværk ved <max>, <mid> eller <min>; der er intet "
                       "budgetbehov.",
        "budget_bi08": "Til sammenligning: Københavns Kommune foreslog i budgetforslag BI08 {yearly} (1.000 kr., "
                       "{price_level}) om året i {first}-{last}, i alt {total}, for at sænke sagstallet på "
                       "sygedagpenge- og jobafklaringsområdet fra ca. {current} til {target} sager (DS: {range}). "
                       "Forslaget angiver ikke antal stillinger eller pris pr. stilling.",
        "h_references": "Sagsstammer i andre projekter",
        "ref_intro": "Kun {documented} har en dokumenteret effekt. {ongoing} er igangværende projekter, som "
                     "kilden nævner for deres begrænsede sagsstammer; den angiver ingen effekt af dem.",
        "ref_group_documented": "Dokumenteret effekt",
        "ref_group_ongoing": "Igangværende projekter",
        "and": "og",
        "ref_project": "Projekt",
        "ref_role": "Rolle",
        "ref_caseload": "Sagsstamme",
        "ref_effect": "Effekt",
        "h_method": "Forudsætninger og metode",
        "m_norm_set": "Normsæt: {name}. {description}",
        "m_full_time": "Et årsværk er en fuldtidsstilling på {fth} timer om ugen.",
        "m_capacity": "Arbejdstid til sagsbehandling (årsværk): c = (timer pr. uge − timer til øvrige opgaver) "
                      "/ {fth}. Timer til TR-arbejde, projekter, efteruddannelse o.l. trækkes fra, som DS anbefaler.",
        "m_newcomer": "Nyansatte: c nedsættes med {reduction} de første {months} måneder efter ansættelsen. "
                      "DS anbefaler et lavere sagstal i ca. 6 måneder uden at angive hvor meget; nedsættelsen er "
                      "en lokal antagelse.",
        "m_load": "Belastning mod <max>: L = Σ n_t / maks_t / c, hvor n_t er medarbejderens sager af "
                  "type t. L = 100 % svarer præcis til <max>; over 100 % er over <range_of>. "
                  "Under <min>: Σ n_t / min_t / c under 100 %.",
        "m_ftecl": "Fuldtidssagstal: sager i alt × {fth} / timer til sagsbehandling.",
        "m_team": "Årsværk der skal til: Σ N_t / maks_t (tilsvarende ved minimum og midtpunkt), hvor N_t er "
                  "teamets sager af type t. Mangel = årsværk der skal til − årsværk til sagsbehandling.",
        "m_cost": "Årlig udgift = mangel × årsværkspris ({cost}){source}.",
        "m_no_cost": "Der er ikke angivet en årsværkspris, så udgiften er ikke beregnet.",
        "m_uncovered": "{n} sager er af typer, som normsættet ikke måler; de tæller i sager i alt, men ikke i "
                       "belastningen. En medarbejder med sådanne sager står som \"Delvis uden norm\" (eller "
                       "\"Uden norm\", når ingen sager har norm), aldrig som under intervallet, medmindre de målte "
                       "sager alene er over. Medarbejderens kapacitet tæller kun med til de målte sager i forhold "
                       "til deres andel af medarbejderens sager (c × sager med norm / alle sager), så sager uden "
                       "norm aldrig får manglen til at se mindre ud.",
        "m_caveat": "DS' intervaller forudsætter normale forhold (ingen langtidssygdom, barsel uden vikar eller "
                    "vakante stillinger) og siger ikke alt: sagernes tyngde og organiseringen betyder også noget.",
        "m_pro_rata": "At nedsætte sagstallet i forhold til timerne er metodens antagelse: DS siger, at "
                      "medarbejdere på nedsat tid eller med andre opgaver skal have færre sager, men ikke hvor "
                      "mange færre.",
        "m_national": "Landstallene er gennemsnit pr. arbejdsplads, som tillidsrepræsentanter har indberettet; "
                      "de gælder ikke den enkelte medarbejder og er ikke omregnet efter timer.",
        "m_minimum": "<Min> er den nedre grænse af et interval, ikke et krav om normering. Overskriften er "
                     "årsværk ved <max>; midtpunkt og minimum vises som et spænd.",
        "m_fleksjob": "Fleksjob har intet DS-interval af sit eget; DS nævner kun området ressourceforløb, "
                      "afklaring af førtidspension og fleksjob samlet.",
        "h_norms": "Normer for teamets sager",
        "norm_type": "Sagstype",
        "norm_cases": "Teamets sager",
        "norm_range": "Interval",
        "norm_need": "Årsværk ved maks.",
        "norm_inherited_from": "(arvet fra {group}; intet eget tal)",
        "norm_source": "Kilde",
        "h_sources": "Kilder",
        "source_line": "Kilde: {refs}",
        "footer_generated": "Dannet {when} med Sagstal {version}",
        "page_of": "Side {page} af {pages}",
        "months": "januar februar marts april maj juni juli august september oktober november december",
        "date_long": "{day}. {month} {year}",
    },
    "en": {
        "title": "Memo on caseloads and staffing",
        "municipality": "Municipality",
        "department": "Department",
        "team": "Team",
        "date": "As of",
        "author": "Prepared by",
        "norm_set": "Measured against",
        "role_team_leader": "Team leader",
        "role_tr": "Union representative (TR)",
        "role_other": "Other",
        "anonymised_note": "Staff are anonymised (Staff member A, B, … in an order unrelated to names or the team's "
                           "order); individual hours, FTE caseloads, start dates and newcomer status are left out, and "
                           "the table is sorted by load.",
        "h_summary": "Summary",
        "conclusion_over": "{over} of {computable} staff hold more cases than <max> for their casework "
                           "hours.",
        "conclusion_none_over": "None of the {computable} staff holds more cases than <max> for their "
                                "casework hours.",
        "conclusion_need": "For all of the team's {cases} cases to lie within <max>, the team needs "
                           "{need} casework FTE; it has {available}.",
        "conclusion_need_measured": "For the team's {cases} cases with a norm to lie within <max>, the team needs "
                                    "{need} casework FTE; for them it has {available}.",
        "conclusion_need_mid": "At <mid> it needs {need} FTE.",
        "not_computable_note": "{n} staff members have no casework hours; their load cannot be computed.",
        "not_computable_note_one": "1 staff member has no casework hours; the load cannot be computed.",
        "cases_total": "Total cases",
        "uncovered_suffix": "of which {n} with no norm in the set",
        "available_fte": "Available casework FTE",
        "level_max": "<Max>",
        "level_mid": "<Mid>",
        "level_min": "<Min>",
        "fte_needed": "FTE needed",
        "shortfall_row": "Shortfall / surplus",
        "shortfall": "short {n}",
        "surplus": "surplus {n}",
        "balanced": "balanced",
        "yearly_cost": "Yearly cost of the shortfall",
        "over_max": "Staff over <max>",
        "n_of_n": "{n} of {total}",
        "avg_caseload": "Average full-time-equivalent caseload",
        "against_range": "{value} (<range> for the team's cases: {range})",
        "cost_per_fte": "Cost per FTE",
        "h_chart": "Load per person",
        "chart_caption": "Each person's caseload as a percentage of <max> for their casework hours. "
                         "100% = exactly <max>. The dashed line shows <min> for the team's mix "
                         "of cases ({min_level}).",
        "chart_sorted": "Staff sorted by load",
        "chart_line_max": "<max_short> 100%",
        "chart_line_min": "<min_short> {pct}",
        "chart_not_computable": "{n} staff members with no casework hours are not shown.",
        "chart_not_computable_one": "1 staff member with no casework hours is not shown.",
        "chart_unmeasured": "Staff with no norm for any of their cases ({n}) are not shown.",
        "h_staff": "Staff",
        "col_name": "Name",
        "col_hours": "Hours per week",
        "col_other": "Other hours",
        "col_fte": "Casework FTE",
        "col_total": "Total cases",
        "col_ftecl": "FTE caseload",
        "col_load": "Load",
        "col_status": "Status",
        "col_uncovered": "No norm",
        "totals": "Total ({n} staff)",
        "totals_one": "Total (1 staff member)",
        "status_unmeasured_count": "{status} ({n})",
        "staff_note_unmeasured": "Number in brackets after the status: cases with no norm in the set (not part of "
                                 "the load).",
        "available_fte_measured": "Casework FTE for cases with a norm",
        "status_total": "{n} over",
        "staff_note": "Casework FTE: casework hours as full-time positions of {fth} hours. FTE caseload: "
                      "cases × {fth} / casework hours. Load: the caseload as a percentage of <max> for the "
                      "person's casework hours. {newcomer}",
        "newcomer_note": "* Newcomer: casework capacity reduced by {reduction} for the first {months} months.",
        "h_national": "National figures from DS's 2023 survey",
        "national_intro": "In {period} DS asked its union representatives in the municipalities about caseloads "
                          "({answered} of {sent} answered, {municipalities} municipalities). The figures are "
                          "averages per workplace, not per person, and are not adjusted for hours. Figures for the "
                          "team's areas:",
        "nat_area": "Area",
        "nat_answers": "TR answers",
        "nat_avg": "Avg. caseload 2023 (2019)",
        "nat_too_high": "TR: caseload too high",
        "nat_assessed": "Assessed caseload",
        "nat_range": "DS range 2023",
        "nat_within": "Workplaces within DS max",
        "nat_newer": "DS newer range",
        "nat_same": "unchanged",
        "nat_overall": "Across all areas {within} of {answers} answers were within DS's recommended caseloads "
                       "({pct}; {pct_2019} in 2019).",
        "h_budget": "Budget",
        "budget_intro": "The cost of closing the team's shortfall of FTE at a cost per FTE of {cost}"
                        "{cost_source}. Amounts are at the price level of the cost per FTE. The rows are alternatives "
                        "and are not to be added up.",
        "budget_cost_source": " ({source})",
        "budget_unit": "DKK 1,000",
        "budget_row": "Staffing at {level} (+{fte} FTE)",
        "budget_total": "Total",
        "budget_none": "The team has no shortfall at <max>, <mid> or <min>; there is no budget need.",
        "budget_bi08": "For comparison: in budget proposal BI08 the City of Copenhagen proposed {yearly} (DKK 1,000, "
                       "{price_level}) a year in {first}-{last}, {total} in all, to bring caseloads in sickness "
                       "benefit and job clarification from about {current} down to {target} cases (DS: {range}). "
                       "The proposal states no number of positions and no cost per position.",
        "h_references": "Caseloads in other projects",
        "ref_intro": "Only {documented} have a documented effect. {ongoing} are ongoing projects that the "
                     "source names for their limited caseloads; it reports no effect of them.",
        "ref_group_documented": "Documented effect",
        "ref_group_ongoing": "Ongoing projects",
        "and": "and",
        "ref_project": "Project",
        "ref_role": "Role",
        "ref_caseload": "Caseload",
        "ref_effect": "Effect",
        "h_method": "Assumptions and method",
        "m_norm_set": "Norm set: {name}. {description}",
        "m_full_time": "One FTE is a full-time position of {fth} hours a week.",
        "m_capacity": "Casework capacity (FTE): c = (weekly hours − hours on other tasks) / {fth}. Hours on union "
                      "work, projects, further training and the like are subtracted, as DS recommends.",
        "m_newcomer": "Newcomers: c is reduced by {reduction} for the first {months} months after they start. DS "
                      "recommends a lower caseload for about 6 months without saying how much lower; the "
                      "reduction is a local assumption.",
        "m_load": "Load against <max>: L = Σ n_t / max_t / c, where n_t is the person's cases of type t. "
                  "L = 100% is exactly <max>; above 100% is over <range_of>. Below <min>: "
                  "Σ n_t / min_t / c below 100%.",
        "m_ftecl": "FTE caseload: total cases × {fth} / casework hours.",
        "m_team": "FTE needed: Σ N_t / max_t (likewise at the minimum and the midpoint), where N_t is the team's "
                  "cases of type t. Shortfall = FTE needed − available casework FTE.",
        "m_cost": "Yearly cost = shortfall × cost per FTE ({cost}){source}.",
        "m_no_cost": "No cost per FTE has been entered, so no cost is computed.",
        "m_uncovered": "{n} cases are of types the norm set does not measure; they count in the total but not in "
                       "the load. A person holding such cases is \"Partly unmeasured\" (or \"Unmeasured\" when no "
                       "case has a norm), never below the range, unless the measured cases alone are over. The "
                       "person's capacity counts for the measured cases only in proportion to their share of the "
                       "person's cases (c × cases with a norm / all cases), so unmeasured cases never make the "
                       "shortfall look smaller.",
        "m_caveat": "DS's ranges assume normal conditions (no long-term sick leave, parental leave without a "
                    "substitute or vacant positions) and do not tell everything: the weight of the cases and the "
                    "organisation matter too.",
        "m_pro_rata": "Reducing the caseload in proportion to hours is the method's assumption: DS says staff "
                      "with reduced hours or other tasks should have fewer cases, not how many fewer.",
        "m_national": "National figures are averages per workplace reported by union representatives; they do "
                      "not describe individual staff and are not adjusted for hours.",
        "m_minimum": "<Min> is the low end of a range, not a staffing demand. The headline is FTE at <max>; "
                     "the midpoint and the minimum are shown as a range.",
        "m_fleksjob": "Flexi-jobs have no DS range of their own; DS only names the area of resource programmes, "
                      "disability pension assessment and flexi-jobs as a whole.",
        "h_norms": "Norms for the team's cases",
        "norm_type": "Case type",
        "norm_cases": "Team's cases",
        "norm_range": "Range",
        "norm_need": "FTE at max",
        "norm_inherited_from": "(inherited from {group}; no figure of its own)",
        "norm_source": "Source",
        "h_sources": "Sources",
        "source_line": "Source: {refs}",
        "footer_generated": "Generated {when} by Sagstal {version}",
        "page_of": "Page {page} of {pages}",
        "months": "January February March April May June July August September October November December",
        "date_long": "{day} {month} {year}",
    },
}


def texts(lang: str, norm_set=None) -> dict[str, str]:
    """The memo's strings in ``lang`` ("da" or "en"; anything else falls back to Danish), with the
    measure named by ``norm_set``'s kind (``<max>`` -> "DS' maksimum" or "normsættets maksimum",
    see ``core.wording``; DS's words when no set is given)."""
    from sagstal_desktop.core.wording import fill

    found = TEXTS.get(lang, TEXTS["da"])
    return {key: fill(value, norm_set or "ds", lang) for key, value in found.items()}


def long_date(day, lang: str) -> str:
    """``22. november 2026`` / ``22 November 2026``."""
    t = texts(lang)
    month = t["months"].split()[day.month - 1]
    return t["date_long"].format(day=day.day, month=month, year=day.year)


def join_names(names: list[str], lang: str) -> str:
    """``A``, ``A og B``, ``A, B og C`` (``and`` in English)."""
    word = texts(lang)["and"]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word} {names[-1]}"


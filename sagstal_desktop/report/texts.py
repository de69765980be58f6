"""The memo's own words in Danish and English (the GUI's strings live in Qt's .ts files).

``{name}`` fields are filled with ``str.format``. Numbers are formatted by the caller with
``core.formatting`` before they are put in.
"""

from __future__ import annotations

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
        "anonymised_note": "Medarbejderne er anonymiseret (Medarbejder A, B, …).",
        "staff_label": "Medarbejder {letters}",
        "h_summary": "Sammenfatning",
        "conclusion_over": "{over} af {computable} medarbejdere har en sagsstamme over DS' maksimum for deres "
                           "arbejdstid til sagsbehandling.",
        "conclusion_none_over": "Ingen af de {computable} medarbejdere har en sagsstamme over DS' maksimum for "
                                "deres arbejdstid til sagsbehandling.",
        "conclusion_need": "For at alle teamets {cases} sager kan ligge inden for DS' maksimum, skal teamet have "
                           "{need} årsværk til sagsbehandling; det har {available}.",
        "conclusion_need_mid": "Ved midtpunktet af DS' interval skal der {need} årsværk til.",
        "not_computable_note": "{n} medarbejder(e) har ingen timer til sagsbehandling, og deres belastning kan "
                               "ikke beregnes.",
        "cases_total": "Sager i alt",
        "uncovered_suffix": "heraf {n} uden norm i normsættet",
        "available_fte": "Årsværk til sagsbehandling",
        "level_max": "DS' maksimum",
        "level_mid": "DS' midtpunkt",
        "level_min": "DS' minimum",
        "fte_needed": "Årsværk der skal til",
        "shortfall_row": "Mangel / overskud",
        "shortfall": "mangler {n}",
        "surplus": "overskud {n}",
        "balanced": "går op",
        "yearly_cost": "Årlig udgift til manglen",
        "over_max": "Medarbejdere over DS' maksimum",
        "n_of_n": "{n} af {total}",
        "avg_caseload": "Gennemsnitligt fuldtidssagstal",
        "against_range": "{value} (DS-interval for teamets sager: {range})",
        "cost_per_fte": "Årsværkspris",
        "h_chart": "Belastning pr. medarbejder",
        "chart_caption": "Sagsstammen i procent af DS' maksimum for den enkeltes arbejdstid til sagsbehandling. "
                         "100 % = præcis DS' maksimum. Den stiplede linje viser DS' minimum for teamets "
                         "sagsblanding ({min_level}).",
        "chart_sorted": "Medarbejdere sorteret efter belastning",
        "chart_line_max": "DS maks. 100 %",
        "chart_line_min": "DS min. {pct}",
        "chart_not_computable": "{n} medarbejder(e) uden timer til sagsbehandling er ikke vist.",
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
        "status_below": "Under",
        "status_within": "I interval",
        "status_over": "Over",
        "status_not_computable": "Kan ikke beregnes",
        "status_total": "{n} over",
        "staff_note": "Årsværk: timer til sagsbehandling omregnet til fuldtidsstillinger på {fth} timer. Sagstal "
                      "pr. fuldtid: sager × {fth} / timer til sagsbehandling. Belastning: sagsstammen i "
                      "procent af DS' maksimum for medarbejderens arbejdstid til sagsbehandling. {newcomer}",
        "newcomer_note": "* Nyansat: arbejdstiden til sagsbehandling er nedsat med {reduction} de første "
                         "{months} måneder.",
        "h_national": "Landstal fra DS' undersøgelse 2023",
        "national_intro": "DS spurgte i {period} sine tillidsrepræsentanter i kommunerne om sagstal "
                          "({answered} af {sent} svarede, {municipalities} kommuner). Tal for teamets områder:",
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
        "budget_none": "Teamet mangler ingen årsværk ved DS' maksimum, midtpunkt eller minimum; der er intet "
                       "budgetbehov.",
        "budget_bi08": "Til sammenligning: Københavns Kommune foreslog i budgetforslag BI08 {yearly} (1.000 kr., "
                       "{price_level}) om året i {first}-{last}, i alt {total}, for at sænke sagstallet på "
                       "sygedagpenge- og jobafklaringsområdet fra ca. {current} til {target} sager (DS: {range}).",
        "h_references": "Sagsstammer i projekter med dokumenteret effekt",
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
        "m_load": "Belastning mod DS' maksimum: L = Σ n_t / maks_t / c, hvor n_t er medarbejderens sager af "
                  "type t. L = 100 % svarer præcis til DS' maksimum; over 100 % er over DS' interval. "
                  "Under DS' minimum: Σ n_t / min_t / c under 100 %.",
        "m_ftecl": "Fuldtidssagstal: sager i alt × {fth} / timer til sagsbehandling.",
        "m_team": "Årsværk der skal til: Σ N_t / maks_t (tilsvarende ved minimum og midtpunkt), hvor N_t er "
                  "teamets sager af type t. Mangel = årsværk der skal til − årsværk til sagsbehandling.",
        "m_cost": "Årlig udgift = mangel × årsværkspris ({cost}){source}.",
        "m_no_cost": "Der er ikke angivet en årsværkspris, så udgiften er ikke beregnet.",
        "m_uncovered": "{n} sager er af typer, som normsættet ikke måler; de tæller i sager i alt, men ikke i "
                       "belastningen.",
        "m_caveat": "DS' intervaller forudsætter normale forhold (ingen langtidssygdom, barsel uden vikar eller "
                    "vakante stillinger) og siger ikke alt: sagernes tyngde og organiseringen betyder også noget.",
        "h_norms": "Normer for teamets sager",
        "norm_type": "Sagstype",
        "norm_cases": "Teamets sager",
        "norm_range": "Interval",
        "norm_need": "Årsværk ved maks.",
        "norm_inherited": "(områdets interval)",
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
        "anonymised_note": "Staff are anonymised (Staff member A, B, …).",
        "staff_label": "Staff member {letters}",
        "h_summary": "Summary",
        "conclusion_over": "{over} of {computable} staff hold more cases than DS's maximum for their casework "
                           "hours.",
        "conclusion_none_over": "None of the {computable} staff holds more cases than DS's maximum for their "
                                "casework hours.",
        "conclusion_need": "For all of the team's {cases} cases to lie within DS's maximum, the team needs "
                           "{need} casework FTE; it has {available}.",
        "conclusion_need_mid": "At the midpoint of DS's range it needs {need} FTE.",
        "not_computable_note": "{n} staff member(s) have no casework hours; their load cannot be computed.",
        "cases_total": "Total cases",
        "uncovered_suffix": "of which {n} with no norm in the set",
        "available_fte": "Available casework FTE",
        "level_max": "DS maximum",
        "level_mid": "DS midpoint",
        "level_min": "DS minimum",
        "fte_needed": "FTE needed",
        "shortfall_row": "Shortfall / surplus",
        "shortfall": "short {n}",
        "surplus": "surplus {n}",
        "balanced": "balanced",
        "yearly_cost": "Yearly cost of the shortfall",
        "over_max": "Staff over DS maximum",
        "n_of_n": "{n} of {total}",
        "avg_caseload": "Average full-time-equivalent caseload",
        "against_range": "{value} (DS range for the team's cases: {range})",
        "cost_per_fte": "Cost per FTE",
        "h_chart": "Load per person",
        "chart_caption": "Each person's caseload as a percentage of DS's maximum for their casework hours. "
                         "100% = exactly DS's maximum. The dashed line shows DS's minimum for the team's mix "
                         "of cases ({min_level}).",
        "chart_sorted": "Staff sorted by load",
        "chart_line_max": "DS max 100%",
        "chart_line_min": "DS min {pct}",
        "chart_not_computable": "{n} staff member(s) with no casework hours are not shown.",
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
        "status_below": "Below",
        "status_within": "Within",
        "status_over": "Over",
        "status_not_computable": "Not computable",
        "status_total": "{n} over",
        "staff_note": "Casework FTE: casework hours as full-time positions of {fth} hours. FTE caseload: "
                      "cases × {fth} / casework hours. Load: the caseload as a percentage of DS's maximum for the "
                      "person's casework hours. {newcomer}",
        "newcomer_note": "* Newcomer: casework capacity reduced by {reduction} for the first {months} months.",
        "h_national": "National figures from DS's 2023 survey",
        "national_intro": "In {period} DS asked its union representatives in the municipalities about caseloads "
                          "({answered} of {sent} answered, {municipalities} municipalities). Figures for the "
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
        "budget_none": "The team has no shortfall at DS's maximum, midpoint or minimum; there is no budget need.",
        "budget_bi08": "For comparison: in budget proposal BI08 the City of Copenhagen proposed {yearly} (DKK 1,000, "
                       "{price_level}) a year in {first}-{last}, {total} in all, to bring caseloads in sickness "
                       "benefit and job clarification from about {current} down to {target} cases (DS: {range}).",
        "h_references": "Caseloads in projects with documented effects",
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
        "m_load": "Load against DS's maximum: L = Σ n_t / max_t / c, where n_t is the person's cases of type t. "
                  "L = 100% is exactly DS's maximum; above 100% is over DS's range. Below DS's minimum: "
                  "Σ n_t / min_t / c below 100%.",
        "m_ftecl": "FTE caseload: total cases × {fth} / casework hours.",
        "m_team": "FTE needed: Σ N_t / max_t (likewise at the minimum and the midpoint), where N_t is the team's "
                  "cases of type t. Shortfall = FTE needed − available casework FTE.",
        "m_cost": "Yearly cost = shortfall × cost per FTE ({cost}){source}.",
        "m_no_cost": "No cost per FTE has been entered, so no cost is computed.",
        "m_uncovered": "{n} cases are of types the norm set does not measure; they count in the total but not in "
                       "the load.",
        "m_caveat": "DS's ranges assume normal conditions (no long-term sick leave, parental leave without a "
                    "substitute or vacant positions) and do not tell everything: the weight of the cases and the "
                    "organisation matter too.",
        "h_norms": "Norms for the team's cases",
        "norm_type": "Case type",
        "norm_cases": "Team's cases",
        "norm_range": "Range",
        "norm_need": "FTE at max",
        "norm_inherited": "(area's range)",
        "norm_source": "Source",
        "h_sources": "Sources",
        "source_line": "Source: {refs}",
        "footer_generated": "Generated {when} by Sagstal {version}",
        "page_of": "Page {page} of {pages}",
        "months": "January February March April May June July August September October November December",
        "date_long": "{day} {month} {year}",
    },
}


def texts(lang: str) -> dict[str, str]:
    """The memo's strings in ``lang`` ("da" or "en"; anything else falls back to Danish)."""
    return TEXTS.get(lang, TEXTS["da"])


def long_date(day, lang: str) -> str:
    """``22. november 2026`` / ``22 November 2026``."""
    t = texts(lang)
    month = t["months"].split()[day.month - 1]
    return t["date_long"].format(day=day.day, month=month, year=day.year)


def staff_letters(index: int) -> str:
    """A, B, …, Z, AA, AB, … for index 0, 1, …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def staff_label(index: int, lang: str) -> str:
    """``Medarbejder A`` / ``Staff member A`` for the person at ``index`` in the team's order."""
    return texts(lang)["staff_label"].format(letters=staff_letters(index))

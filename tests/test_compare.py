"""The comparison: each column equals the summary of that variant alone; the pandas tables and
the Excel export carry the same figures."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from sagstal_desktop.core import scenarios as sc
from sagstal_desktop.core.comparison import FIGURE_KEYS, compare
from sagstal_desktop.core.demo import demo_team
from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.scenario_model import Absence
from sagstal_desktop.io.compare_table import export_xlsx, figures_frame, persons_frame

AS_OF = date(2027, 2, 1)


def demo_with_scenarios():
    team = demo_team()
    team.settings.cost_per_fte = 600_000.0
    leave = sc.derive(team, "Barsel 3 mdr.")
    sc.set_absence(leave, Absence(team.staff[0].id, "parental", date(2027, 1, 1), date(2027, 3, 31)))
    more = sc.derive(team, "En stilling mere")
    sc.add_position(more, team, "Ny medarbejder", 37.0)
    ceiling = sc.derive(team, "Loft 40")
    sc.set_own_ceiling(ceiling, team, 40.0, "Kommunalt loft 40")
    team.scenarios += [leave, more, ceiling]
    return team


def test_each_column_equals_summary_of_that_variant_alone():
    team = demo_with_scenarios()
    result = compare(team, as_of=AS_OF)
    assert result.names == ("Nuværende team", "Barsel 3 mdr.", "En stilling mere", "Loft 40")
    alone = [summarize(team, AS_OF), summarize(result.results[1].team, AS_OF),
             summarize(result.results[2].team, AS_OF),
             summarize(sc.materialise(team.scenarios[2], team), AS_OF)]
    for figures, summary in zip(result.figures, alone, strict=True):
        assert figures["fte_needed_max"] == pytest.approx(summary.fte_needed_max)
        assert figures["fte_needed_min"] == pytest.approx(summary.fte_needed_min)
        assert figures["available_fte"] == pytest.approx(summary.available_fte)
        assert figures["shortfall_fte"] == pytest.approx(summary.shortfall("max"))
        assert figures["yearly_cost"] == pytest.approx(summary.yearly_cost("max"))
        assert figures["over_count"] == summary.over_count
        assert figures["average_fte_caseload"] == pytest.approx(summary.average_fte_caseload)
    base, leave, more, _ceiling = result.figures
    # one more 37-hour position: one more FTE available, the same cases
    assert more["available_fte"] == pytest.approx(base["available_fte"] + 1.0)
    assert more["fte_needed_max"] == pytest.approx(base["fte_needed_max"])
    # ... which takes cases from colleagues (the distribution rule), so fewer are over the maximum
    taken = sum(t.cases for t in result.results[2].taken)
    new = result.results[2].team.staff[-1]
    assert taken > 0 and sum(new.counts.values()) == taken
    assert more["over_count"] < base["over_count"]
    # the absence: the person's capacity is gone, their cases are with colleagues
    absent = summarize(team, AS_OF).persons[0]
    assert leave["available_fte"] == pytest.approx(base["available_fte"] - absent.measured_capacity)
    assert leave["cases_without_caseworker"] == 0 and leave["absent_count"] == 1
    assert result.persons[0].absent == (False, True, False, False) and result.persons[0].loads[1] is None
    # mixed kinds of norm set: the rows do not say DS' maksimum
    assert result.labels["fte_needed_max"] == "Årsværk der skal til ved normsættets maksimum"


def test_one_kind_of_norm_set_names_ds():
    team = demo_team()
    team.scenarios.append(sc.derive(team, "Kopi"))
    assert compare(team, as_of=AS_OF).labels["over_count"] == "Medarbejdere over DS' maksimum"


def test_tables_and_excel_export(tmp_path):
    team = demo_with_scenarios()
    result = compare(team, ["En stilling mere"], as_of=AS_OF)
    frame = figures_frame(result)
    assert list(frame.columns) == ["Nuværende team", "En stilling mere"]
    assert len(frame) == len(FIGURE_KEYS)
    assert frame.loc["Årsværk til sagsbehandling", "En stilling mere"] == pytest.approx(
        result.figures[1]["available_fte"])
    people = persons_frame(result)
    assert len(people) == len(team.staff) + 1
    assert people.iloc[0, 0] == pytest.approx(result.persons[0].loads[0] * 100)
    path = tmp_path / "compare.xlsx"
    export_xlsx(result, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Sammenligning", "Belastning pr. medarbejder"]
    rows = {r[0]: r[1:] for r in book["Sammenligning"].iter_rows(values_only=True)}
    assert rows["Årsværk til sagsbehandling"][1] == pytest.approx(result.figures[1]["available_fte"])
    assert rows["Medarbejdere over DS' maksimum"] == (result.figures[0]["over_count"],
                                                      result.figures[1]["over_count"])

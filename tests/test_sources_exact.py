"""The reference data says exactly what the seed documents carry (issue 9, item 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sagstal_desktop.assets import resource_path
from sagstal_desktop.core.norms import find_norm_set
from sagstal_desktop.core.references import budget_case, reference_caseloads
from sagstal_desktop.core.sources import documents
from sagstal_desktop.core.survey import survey_2023


def _seeds() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        found = parent / "shared" / "seeds"
        if found.is_dir():
            return found
    return None


def _seed_text(name: str) -> str:
    seeds = _seeds()
    if seeds is None:
        pytest.skip("seed documents not available")
    return " ".join((seeds / name).read_text(encoding="utf-8").split())


def test_only_jobfirst_and_ips_have_documented_effects():
    projects = reference_caseloads().projects
    assert [p.name for p in projects if p.documented_effect] == ["JobFirst", "IPS"]
    assert [p.id for p in projects if not p.documented_effect] == [
        "haandholdt", "bedre_ressourceforloeb", "supported_employment"]
    ips = next(p for p in projects if p.id == "ips")
    assert "signifikant positive effekter" in ips.effect("da") and "markante" not in ips.effect("da")
    for project in projects[2:]:
        assert project.effect("da").startswith("Igangværende projekt")
    seed = _seed_text("003_366ee61f76b870c8.txt")
    assert "signifikant positive effekter" in seed and "igangværende projekter" in seed


def test_bi08_is_cited_to_indhold_and_the_cost_table():
    source = budget_case().source
    assert source.section.startswith("Indhold")
    seed = _seed_text("004_d0cc99d380065f70.txt")
    assert "Indhold Trods højkonjunktur" in seed
    assert "Tabel 3 – Udgifter til service" in seed
    assert "ca. 70 sager" in seed[seed.index("Indhold"):]


def test_the_2015_report_has_one_year_everywhere():
    doc_year = documents()["ds_survey_2015"].year
    raw = json.loads(Path(resource_path("norms", "ds_2015_types.json")).read_text(encoding="utf-8"))
    years = set()

    def walk(node):
        if isinstance(node, dict):
            if node.get("document") == "ds_survey_2015":
                years.add(node.get("year"))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(raw)
    assert years == {doc_year} == {2016}


def test_appendix_and_table_headings_are_verbatim():
    seed = _seed_text("002_472d325cdad6f9e7.txt")
    for area in survey_2023().areas.values():
        assert area.source.section in seed, area.source.section
    for norm_set_id in ("ds_2020",):
        norm_set = find_norm_set(norm_set_id)
        for group in norm_set.groups:
            for section in (group.source.section if group.source else "").split("; "):
                assert section.removeprefix("Fleksjob (jf. bilag 12)") == "" or section in seed, section


def test_fleksjob_quotes_the_seed_as_printed_with_a_footnote():
    area = survey_2023().areas["fleksjob"]
    assert area.too_high_pct == 61  # as printed in appendix 12
    note = area.note("da")
    assert "61 %" in note and "66 procent" in note
    seed = _seed_text("002_472d325cdad6f9e7.txt")
    assert "svarende til 61 procent" in seed and "66 procent af tillidsrepræsentanterne" in seed


def test_jobafklaring_in_the_newer_overview_is_marked_as_inherited():
    norm = find_norm_set("ds_current").norm_for("jobafklaring")
    sick = find_norm_set("ds_current").norm_for("sygedagpenge")
    assert (norm.min, norm.max) == (sick.min, sick.max) and norm.inherited

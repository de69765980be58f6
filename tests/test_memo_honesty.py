"""The memo says exactly what its sources carry (issue 9): derived figures say so, the measure is
named by the chosen norm set, unmeasured cases are reported, numbers agree with their labels,
and method caveats are printed. Memo text is read back with pdftotext."""

from __future__ import annotations

from pathlib import Path

from test_memo_pdf import pdf_text, write

from sagstal_desktop.assets import resource_path


def flat(text: str) -> str:
    return " ".join(text.split())


def test_derived_cost_per_fte_says_vores_beregning_with_its_assumption(demo, tmp_path):
    assert demo.settings.cost_per_fte == 396_900
    assert demo.settings.cost_source.startswith("Vores beregning")
    assert "5.000 borgere går fra 70 til 50" in demo.settings.cost_source
    assert "28,57 årsværk" in demo.settings.cost_source
    text = flat(pdf_text(write(demo, tmp_path)))
    assert text.count("396.900 kr.") >= 1
    for at in [i for i in range(len(text)) if text.startswith("396.900 kr.", i)]:
        assert "Vores beregning" in text[at:at + 200], text[at:at + 200]
    assert "Forslaget angiver ikke antal stillinger eller pris pr. stilling." in text
    for lang, words in (("da", "vores beregning"), ("en", "our own calculation")):
        help_text = flat(Path(resource_path("help", f"help_{lang}.html")).read_text(encoding="utf-8"))
        assert words in help_text and ("28,57" in help_text or "28.57" in help_text)
